"""Atom feeds for the site, a room and a topic, leaving out what readers cannot see."""

from support.forum import ROOM, answer, last, open_topic

from meetingpoint.forums.models import Post

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_feed(response):
    from xml.etree import ElementTree

    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = ElementTree.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "author", "content", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    return feed


def test_atom_feeds_for_site_room_and_topic(client, auth, member):
    auth.login(member(display_name="Feeder"))
    open_topic(client, title="Feeds & <b>friends</b>", body="Hello <script>x</script> **feed**")
    opening = last(Post)
    answer(client, opening.id, "A reply for the feed")
    auth.logout()
    site = parse_feed(client.get("/en/feed.atom"))
    room = parse_feed(client.get(f"/en/rooms/{ROOM}/feed.atom"))
    topic = parse_feed(client.get(f"/en/rooms/{ROOM}/topics/{opening.topic_id}/feed.atom"))
    assert [e.find(f"{ATOM}title").text for e in site.findall(f"{ATOM}entry")] == [
        "Feeds & <b>friends</b>"
    ]
    assert len(room.findall(f"{ATOM}entry")) == 1
    entries = topic.findall(f"{ATOM}entry")
    assert len(entries) == 2
    content = entries[1].find(f"{ATOM}content").text
    assert "<strong>feed</strong>" in content and "<script>" not in content
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Feeder"
    assert entries[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    page = client.get(f"/en/rooms/{ROOM}/topics/{opening.topic_id}").get_data(as_text=True)
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Atom" '
        f'href="/en/rooms/{ROOM}/topics/{opening.topic_id}/feed.atom">'
    ) in page


def test_feeds_leave_out_what_readers_cannot_see(app, client, auth, member):
    app.config["FORUM_HOLD_FIRST_POSTS"] = 1
    auth.login(member())
    open_topic(client, title="Held back")
    auth.logout()
    feed = parse_feed(client.get("/en/feed.atom"))
    assert feed.findall(f"{ATOM}entry") == []
