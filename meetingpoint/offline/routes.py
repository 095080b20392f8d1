"""Thin views: /sw.js at the root scope, each language's manifest and offline page, and
what the worker's Background Sync needs to send the outbox, and what "Keep for offline"
keeps of an Academy module."""

from flask import Response, current_app, json, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from ..academy.services import access_academy, access_module
from ..i18n import LANGUAGES, current_language
from ..pagecache import revalidation
from . import bp, kits, worker


@bp.route("/sw.js")
def service_worker():
    push = worker.push_script()
    script = render_template(
        "offline/sw.js",
        version=worker.deployed_version(),
        budget=current_app.config["OFFLINE_BYTES"],
        timeout_ms=int(current_app.config["OFFLINE_NETWORK_SECONDS"] * 1000),
        languages=list(LANGUAGES),
        precache=worker.precached(),
        core_url=url_for("static", filename="js/offline-core.js"),
        outbox_core_url=url_for("static", filename="js/outbox-core.js"),
        outbox_sender_url=url_for("offline.outbox_sender"),
        push_url=push and url_for("static", filename="js/sw-push.js"),
        reader_header=worker.READER_HEADER,
    )
    response = Response(script, mimetype="application/javascript")
    # Browsers look for a new worker at each visit; an ETag makes the check a 304, for a
    # signed-in reader too (the script is the same for everyone: nothing to keep from disk).
    response.headers["Cache-Control"] = revalidation.PRIVATE
    response.headers["Service-Worker-Allowed"] = "/"
    response.add_etag()
    return response.make_conditional(request)


@bp.route("/outbox/sender")
def outbox_sender():
    """Whose outbox the worker sends, with a form token for them (docs/outbox.md)."""
    if not current_user.is_authenticated:
        response = jsonify(owner=None)
        response.status_code = 401
    else:
        response = jsonify(owner=current_user.id, csrf_token=generate_csrf())
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/<lang:lang_code>/manifest.webmanifest")
def manifest():
    body = json.dumps(worker.manifest(current_language()), ensure_ascii=False)
    response = Response(body, mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@bp.route("/<lang:lang_code>/offline")
def page():
    return render_template("offline/page.html")


@bp.route("/<lang:lang_code>/academy/<slug>/modules/<module_slug>/offline")
def module_kit(slug, module_slug):
    academy = access_academy(slug)
    module = access_module(academy, module_slug)
    if not kits.may_keep(current_user, academy):
        refusal = _("Keeping a module for offline reading is for the people in its Academy.")
        return jsonify(error=refusal), 403
    kit = kits.module_kit(current_user, module, current_language())
    return jsonify(kits.described(kit, current_app.config["OFFLINE_BYTES"]))


@bp.after_app_request
def name_the_reader(response):
    # Library files too: "Keep for offline" keeps them in the reader's own cache.
    if response.mimetype == "text/html" or request.endpoint == "library.download":
        response.headers[worker.READER_HEADER] = worker.reader_key()
    return response
