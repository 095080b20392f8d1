"""The shared text package: the post and chat profiles, the sanitiser, @mentions, lengths."""

from types import SimpleNamespace

import pytest

from meetingpoint.database import utcnow
from meetingpoint.text.limits import too_long, written
from meetingpoint.text.mentions import MAX_MENTIONS, mentioned_names, mentioned_users
from meetingpoint.text.profiles import render_chat, render_post
from meetingpoint.text.sanitiser import CHAT_HTML, sanitise

ANA = SimpleNamespace(id=7, display_name="Ana <Lima>")
NAMED = {"ana <lima>": ANA}
REL = 'rel="nofollow ugc noopener"'


def test_a_post_keeps_its_blocks_and_a_chat_message_is_one_paragraph():
    source = "# Agenda\n\n- ~~one~~\n- **two**\n\n3. three\n\n> quoted"
    assert render_post(source) == (
        "<h1>Agenda</h1>\n<ul>\n<li><s>one</s></li>\n<li><strong>two</strong></li>\n</ul>\n"
        '<ol start="3">\n<li>three</li>\n</ol>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n'
    )
    assert render_chat("# Agenda\n**two** _three_ `four`") == (
        "<p># Agenda\n<strong>two</strong> <em>three</em> <code>four</code></p>"
    )


def test_a_post_links_images_instead_of_loading_them():
    html = render_post("![chart](https://example.org/chart.png)")
    assert html == (
        f'<p><a href="https://example.org/chart.png" class="image-link" {REL}>chart</a></p>\n'
    )


def test_chat_links_bare_addresses_and_posts_do_not():
    assert render_chat("see https://ilo.org now") == (
        f'<p>see <a href="https://ilo.org" {REL}>https://ilo.org</a> now</p>'
    )
    assert render_post("see https://ilo.org now") == "<p>see https://ilo.org now</p>\n"


@pytest.mark.parametrize("render", [render_post, render_chat])
def test_raw_html_and_script_links_are_shown_as_text(render):
    html = render("<script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:x)")
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("render", [render_post, render_chat])
def test_nothing_written_renders_to_nothing(render):
    assert render("") == render(None) == ""


def test_mentions_link_to_the_person_with_their_name_escaped():
    source = "hi @**Ana <Lima>** and @**Nobody**"
    assert render_post(source, NAMED) == (
        f'<p>hi <a href="/people/7" class="mention" {REL}>@Ana &lt;Lima&gt;</a>'
        " and @<strong>Nobody</strong></p>\n"
    )
    # Chat links mentions into HTML already sanitised: no rel, and the chat allow-list
    # needs no class attribute.
    assert render_chat(source, NAMED) == (
        '<p>hi <a href="/people/7" class="mention">@Ana &lt;Lima&gt;</a>'
        " and @<strong>Nobody</strong></p>"
    )
    assert render_post(source) == render_post(source, {})


def test_the_sanitiser_keeps_a_post_s_tags_and_drops_the_rest():
    translated = (
        '<h2 onclick="x()">Title</h2><p class="lead">A <a class="mention other" '
        'href="/people/7">@Ana</a> <a href="data:text/html,x">data</a></p>'
        "<script>alert(1)</script><img src=x><table><tr><td>cell</td></tr></table>"
    )
    assert sanitise(translated) == (
        '<h2>Title</h2><p>A <a class="mention" href="/people/7" '
        f"{REL}>@Ana</a> <a {REL}>data</a></p>cell"
    )


def test_the_chat_allow_list_has_no_headings_lists_or_classes():
    html = '<h2>Title</h2><ul><li><a class="mention" href="/people/7">x</a></li></ul>'
    assert sanitise(html, CHAT_HTML) == f'Title<a href="/people/7" {REL}>x</a>'


def test_mentioned_names_are_lower_case_unique_and_capped():
    source = "@**Ana** @** ana ** @**Bob**\n@**not\nsplit** " + " ".join(
        f"@**P{n:02}**" for n in range(30)
    )
    names = mentioned_names(source)
    assert {"ana", "bob"} <= names and len(names) == MAX_MENTIONS
    assert "p29" not in names and mentioned_names(None) == set()


def test_mentioned_users_are_active_people_and_the_first_to_join_wins(app, make_user):
    first = make_user(display_name="Ana Lima")
    make_user(display_name="ana lima")  # same name, joined later
    make_user(display_name="Ghost", deleted_at=utcnow())
    make_user(display_name="Unconfirmed", email_verified_at=None)
    found = mentioned_users("@**ANA LIMA** @**Ghost** @**Unconfirmed** @**Nobody**")
    assert found == {"ana lima": first}
    assert mentioned_users("no mentions here") == {}
    html = render_post("Thanks @**Ana Lima**", found)
    assert f'<a href="/people/{first.id}" class="mention" {REL}>@Ana Lima</a>' in html


class Refused(Exception):
    pass


def test_written_text_is_stripped_and_refused_when_empty_or_too_long(app):
    with app.test_request_context("/en/"):
        assert written("  hello \n", 5, Refused, "empty") == "hello"
        for nothing in ("   ", None, 42):
            with pytest.raises(Refused, match="empty"):
                written(nothing, 5, Refused, "empty")
        with pytest.raises(Refused) as refusal:
            written("toolong", 5, Refused, "empty")
        assert str(refusal.value) == too_long(5) == "Please use at most 5 characters."
