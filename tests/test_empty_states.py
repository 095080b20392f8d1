"""Empty lists that say what to do next: a room with no discussion, a search with no result,
an inbox with no conversation."""

from support.forum import ROOM, open_topic


def test_an_empty_room_asks_its_members_to_open_the_first_discussion(client, auth, member):
    visitor = client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert "Sign in and join the room to open its first discussion." in visitor
    auth.login(member())
    page = client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert "Be the first: ask a question" in page
    open_topic(client)
    assert "Be the first" not in client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)


def test_a_search_with_no_result_offers_to_widen_it(client, auth, member, rooms):
    auth.login(member())
    open_topic(client, title="Tripartite councils", body="How do yours work?")
    narrowed = client.get(f"/en/search?q=councils&room={ROOM}&language=pt").get_data(as_text=True)
    assert "0 posts found" in narrowed and "another of our languages" in narrowed
    assert "Search every room, language and date for these words" in narrowed
    wide = client.get("/en/search?q=councils").get_data(as_text=True)
    assert "1 post found" in wide and "another of our languages" not in wide
    nothing = client.get("/en/search?q=zzzqqq").get_data(as_text=True)
    assert "another of our languages" in nothing and "Search every room" not in nothing


def test_an_empty_inbox_points_to_the_directory(client, auth, member):
    auth.login(member())
    page = client.get("/en/messages/").get_data(as_text=True)
    assert "No conversations yet." in page and 'href="/en/people/"' in page
