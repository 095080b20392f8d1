"""Thin views for topics: open, read (tree or flat), reply, quote, edit, delete, history."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..accounts.standing import in_good_standing
from ..attachments.services import of_posts
from ..extensions import db
from ..inputs import int_arg, page_arg
from ..pagecache.pages import kept_for_visitors
from ..rooms.services import access_room, is_member, rooms_with_member_counts
from ..security import accepts_attachments
from ..templating import person_name
from . import bp, sections, services, tracking  # noqa: F401  (sections registers itself)
from .access import (
    ForumError,
    access_post,
    access_topic,
    can_edit,
    check_can_reply,
)
from .drafts import discard_draft, draft_place, load_draft, save_draft
from .forms import EditForm, PostForm, TopicForm
from .models import PATH_DIGITS, REACTIONS
from .policies import rule_for
from .reactions import REACTION_LABELS, reactions_for, toggle_reaction
from .tree import MAX_VISIBLE_DEPTH, build_tree


def topic_url(post, **kwargs) -> str:
    topic = post.topic
    return url_for("forums.topic", slug=topic.room.slug, topic_id=topic.id, **kwargs)


@bp.route("/rooms/<slug>/topics/new", methods=["GET", "POST"])
@login_required
@accepts_attachments
def new_topic(slug):
    room = access_room(slug)
    form = TopicForm()
    place = draft_place("topic", room.id)
    restored = _restore(form, place)
    preview = None
    if form.validate_on_submit():
        if form.wants_preview:
            preview = services.render_body(form.body.data)
        else:
            try:
                topic = services.create_topic(
                    current_user, room, form.title.data, form.draft(), form.tags.data
                )
            except ForumError as error:
                flash(str(error), "error")
            else:
                _posted(place)
                return redirect(url_for("forums.topic", slug=room.slug, topic_id=topic.id))
    _keep(form, "topic", room.id)
    return render_template(
        "forums/new_topic.html",
        room=room,
        form=form,
        preview=preview,
        restored=restored,
        draft_url=url_for("forums.autosave", kind="topic", target_id=room.id),
    )


@bp.route("/rooms/<slug>/topics/<int:topic_id>")
@kept_for_visitors
def topic(slug, topic_id):
    room = access_room(slug)
    topic = access_topic(room, topic_id, current_user)
    # Before loading the posts: recording the visit commits, which would expire them.
    seen = tracking.last_seen(current_user, topic)
    flat = request.args.get("view") == "flat"
    page_number = page_arg()
    root_id = int_arg("from")
    root = access_post(root_id, current_user) if root_id else None
    if root is not None and root.topic_id != topic.id:
        abort(404)
    rule = rule_for(topic, current_user)
    if flat:
        page = services.chronological(topic, current_user, page_number)
    elif root is not None:
        page = services.ThreadPage(services.branch(topic, current_user, root), 1, False)
    else:
        page = services.thread(topic, current_user, page_number)
    if rule.replies_hidden:  # until the reader has answered: the question alone
        page = services.ThreadPage([p for p in page.posts if p.depth == 0], 1, False)
    moderator = current_user.is_authenticated and current_user.is_moderator
    return render_template(
        "forums/topic.html",
        # Labels translated once here: as lazy strings, each of hundreds of buttons would
        # look its own up again (a fifth of a signed-in reader's page).
        reaction_kinds=[(kind, REACTIONS[kind], str(REACTION_LABELS[kind])) for kind in REACTIONS],
        room=room,
        topic=topic,
        rule=rule,
        page=page,
        posts=page.posts,
        tree=[] if flat else build_tree(page.posts),
        flat=flat,
        root=root,
        seen=seen,
        by_id={post.id: post for post in page.posts},
        editable={post.id for post in page.posts if can_edit(current_user, post)},
        reactions=reactions_for([post.id for post in page.posts], current_user),
        attached=of_posts(post.id for post in page.posts),
        watching=tracking.is_watching_topic(current_user, topic),
        move_targets=[r for r, _n in rooms_with_member_counts() if r.id != room.id]
        if moderator
        else [],
    )


@bp.route("/posts/<int:post_id>")
def permalink(post_id):
    """A post's stable address: opens its topic at the post, on the right page, or in a
    sub-thread of its own when it sits deeper than a page shows."""
    post = access_post(post_id, current_user)
    anchor = f"post-{post.id}"
    if post.depth > MAX_VISIBLE_DEPTH:
        ancestor_depth = post.depth - MAX_VISIBLE_DEPTH + 1
        ancestor_id = int(
            post.path[ancestor_depth * PATH_DIGITS : (ancestor_depth + 1) * PATH_DIGITS]
        )
        return redirect(topic_url(post, _anchor=anchor, **{"from": ancestor_id}))
    page = services.page_of(post, current_user)
    if page > 1:
        return redirect(topic_url(post, page=page, _anchor=anchor))
    return redirect(topic_url(post, _anchor=anchor))


@bp.route("/posts/<int:post_id>/reply", methods=["GET", "POST"])
@login_required
@accepts_attachments
def reply(post_id):
    parent = access_post(post_id, current_user)
    topic = parent.topic
    form = PostForm()
    place = draft_place("reply", parent.id)
    restored = _restore(form, place)
    if not restored and request.method == "GET" and request.args.get("quote"):
        form.body.data = quote_of(parent)
    preview = None
    if form.validate_on_submit():
        if form.wants_preview:
            preview = services.render_body(form.body.data)
        else:
            try:
                post = services.reply(current_user, topic, parent, form.draft())
            except ForumError as error:
                flash(str(error), "error")
            else:
                _posted(place)
                return redirect(url_for("forums.permalink", post_id=post.id))
    _keep(form, "reply", parent.id)
    try:
        check_can_reply(current_user, topic)
        refusal = None
    except ForumError as error:
        refusal = str(error)
    # Someone who followed a link here (an Academy's key question, a notification) can join
    # the room from this page and come straight back to write.
    join_first = (
        bool(refusal)
        and not topic.room.is_archived
        and in_good_standing(current_user)
        and not is_member(current_user, topic.room)
    )
    return render_template(
        "forums/reply.html",
        join_first=join_first,
        topic=topic,
        parent=parent,
        form=form,
        preview=preview,
        refusal=refusal,
        restored=restored,
        draft_url=url_for("forums.autosave", kind="reply", target_id=parent.id),
    )


def _restore(form, place: str) -> bool:
    """On opening a form, bring back the unsent draft for this place, if any."""
    if request.method != "GET":
        return False
    draft = load_draft(current_user, place)
    if draft is None or not draft.body:
        return False
    form.body.data = draft.body
    if hasattr(form, "title"):
        form.title.data = draft.title
    return True


def _keep(form, kind: str, target_id: int) -> None:
    # Whatever was typed and not posted (a preview, a refusal) is kept as the draft, where
    # the person may write; elsewhere the form they get back still holds their text.
    if request.method == "POST" and form.body.data:
        title = form.title.data if hasattr(form, "title") else ""
        try:
            save_draft(current_user, kind, target_id, form.body.data, title or "")
        except ForumError:
            pass  # nothing was stored


def _posted(place: str) -> None:
    discard_draft(current_user, place)
    db.session.commit()


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id):
    post = access_post(post_id, current_user)
    if not can_edit(current_user, post):
        abort(403)
    form = EditForm(
        obj=post, body=post.body_source, title=post.topic.title if post.is_opening else None
    )
    preview = None
    if form.validate_on_submit():
        if form.preview.data:
            preview = services.render_body(form.body.data)
        else:
            try:
                services.edit_post(
                    current_user, post, form.body.data, form.title.data if post.is_opening else None
                )
            except ForumError as error:
                flash(str(error), "error")
            else:
                flash(_("Your changes are saved."), "success")
                return redirect(url_for("forums.permalink", post_id=post.id))
    return render_template("forums/edit.html", post=post, form=form, preview=preview)


@bp.route("/posts/<int:post_id>/delete", methods=["POST"])
@login_required
def delete(post_id):
    post = access_post(post_id, current_user)
    services.delete_post(current_user, post)
    flash(_("The post is deleted. Replies to it stay in place."), "success")
    return redirect(url_for("forums.permalink", post_id=post.id))


@bp.route("/posts/<int:post_id>/history")
def history(post_id):
    post = access_post(post_id, current_user)
    if post.is_deleted and not (current_user.is_authenticated and current_user.is_moderator):
        abort(404)  # a withdrawn post's words are not kept on show
    return render_template("forums/history.html", post=post, revisions=services.revisions(post))


def quote_of(post) -> str:
    quoted = "\n".join("> " + line for line in post.body_source.splitlines())
    return _("%(name)s wrote:", name=person_name(post.author)) + "\n" + quoted + "\n\n"


@bp.route("/rooms/<slug>/topics/<int:topic_id>/watch", methods=["POST"])
@login_required
def watch_topic(slug, topic_id):
    topic = access_topic(access_room(slug), topic_id, current_user)
    watching = tracking.toggle_topic_watch(current_user, topic)
    flash(
        _("You will hear about new replies.")
        if watching
        else _("You will no longer hear about this topic."),
        "success",
    )
    return redirect(url_for("forums.topic", slug=slug, topic_id=topic.id))


@bp.route("/rooms/<slug>/watch", methods=["POST"])
@login_required
def watch_room(slug):
    watching = tracking.toggle_room_watch(current_user, access_room(slug))
    flash(
        _("You will hear about new topics in this room.")
        if watching
        else _("You will no longer hear about new topics in this room."),
        "success",
    )
    return redirect(url_for("rooms.show", slug=slug))


@bp.route("/unread")
@login_required
def unread():
    return render_template("forums/unread.html", topics=tracking.unread_topics(current_user))


@bp.route("/posts/<int:post_id>/react/<kind>", methods=["POST"])
@login_required
def react(post_id, kind):
    post = access_post(post_id, current_user)
    try:
        toggle_reaction(current_user, post, kind)
    except ForumError as error:
        flash(str(error), "error")
    return redirect(url_for("forums.permalink", post_id=post.id))
