"""Reactions to a post toggle and count; @mentions link to the person and notify them."""

from support.forum import ROOM, last, open_topic
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post


def test_reactions_toggle_and_count(client, auth, member):
    author = member()
    auth.login(author)
    open_topic(client)
    opening = last(Post)
    auth.logout()
    for _ in range(2):
        auth.login(member())
        post(client, f"/en/posts/{opening.id}/react/thanks")
        auth.logout()
    fan = member()
    auth.login(fan)
    post(client, f"/en/posts/{opening.id}/react/thanks")
    post(client, f"/en/posts/{opening.id}/react/insightful")
    post(client, f"/en/posts/{opening.id}/react/insightful")  # taken back
    page = client.get(f"/en/rooms/{ROOM}/topics/{opening.topic_id}").get_data(as_text=True)
    assert 'class="reaction mine" aria-pressed="true" title="Thank you"' in page
    assert '<span class="visually-hidden">Thank you</span> 3</button>' in page
    assert 'aria-pressed="false" title="Insightful"' in page
    # One form a post: the token once, each button posting to its own address.
    assert page.count('class="reactions"><input type="hidden" name="csrf_token"') == 1
    assert f'formaction="/en/posts/{opening.id}/react/insightful"' in page
    assert post(client, f"/en/posts/{opening.id}/react/angry").status_code == 404


def test_mentions_link_and_notify(app, client, auth, member, make_user):
    from meetingpoint.notifications.models import Notification

    named = member(display_name="Aïcha Traoré")
    auth.login(member(display_name="Writer"))
    open_topic(client, body="Ask @**aïcha traoré** about shea butter, and @**Nobody Here**.")
    opening = last(Post)
    link = f'<a href="/people/{named.id}" class="mention" rel="nofollow ugc noopener">'
    assert link + "@Aïcha Traoré</a>" in opening.body_html
    assert "@<strong>Nobody Here</strong>" in opening.body_html
    kinds = db.session.scalars(
        db.select(Notification.kind).where(Notification.user_id == named.id)
    ).all()
    assert kinds == ["mention"]
    newcomer = app.test_client()  # no language cookie yet: the browser's choice counts
    response = newcomer.get(f"/people/{named.id}", headers={"Accept-Language": "fr"})
    assert response.headers["Location"] == f"/fr/people/{named.id}"
