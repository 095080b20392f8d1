"""Thin views: /sw.js at the root scope, each language's manifest and offline page."""

from flask import Response, current_app, json, render_template, request, url_for

from ..i18n import LANGUAGES, current_language
from ..pagecache import revalidation
from . import bp, worker


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


@bp.route("/<lang:lang_code>/manifest.webmanifest")
def manifest():
    body = json.dumps(worker.manifest(current_language()), ensure_ascii=False)
    response = Response(body, mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@bp.route("/<lang:lang_code>/offline")
def page():
    return render_template("offline/page.html")


@bp.after_app_request
def name_the_reader(response):
    if response.mimetype == "text/html":
        response.headers[worker.READER_HEADER] = worker.reader_key()
    return response
