"""With the keyboard alone, in Spanish: sign in, open a topic, reply, send a chat message;
every element that takes the focus shows it."""

import pytest

from meetingpoint.forums.services import PostDraft, create_topic

pytestmark = pytest.mark.backends("sqlite")
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
    || style.boxShadow !== "none";
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name"),
    href: el.getAttribute("href"), type: el.getAttribute("type"),
    text: (el.innerText || el.value || "").trim().slice(0, 60),
    shown: ring && el.matches(":focus-visible, input:focus-within, select:focus, textarea:focus"),
    on_screen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
  };
}"""


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.steps = 0

    def tab_to(self, wanted, limit: int = 60) -> dict:
        """Tab until the focus is on what `wanted` accepts, checking each stop on the way."""
        wrapped = 0
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            self.steps += 1
            focus = self.page.evaluate(FOCUSED)
            if focus is None and not wrapped:  # past the last link, to the browser's own bar
                wrapped += 1
                continue
            assert focus and focus["shown"] and focus["on_screen"], f"focus not shown: {focus}"
            if wanted(focus):
                return focus
        raise AssertionError(f"not reached in {limit} presses of Tab")

    def follow(self, wanted) -> None:
        self.tab_to(wanted)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")


def link_to(end: str):
    return lambda focus: (focus["href"] or "").endswith(end)


def field(name: str):
    return lambda focus: focus["name"] == name


def test_sign_in_reply_and_chat_with_the_keyboard_alone(browsing, member, rooms):
    author = member(display_name="Sami Ben Salah")
    topic = create_topic(
        author,
        rooms["social-dialogue"],
        "Consejos tripartitos",
        PostDraft("¿Cómo funcionan los suyos?", "es"),
    )
    lucia = member(display_name="Lucía Quispe", locale="es", languages=["es"])
    page = browsing.page(locale="es")
    page.goto("/es/")
    keys = Keyboard(page)

    # Sign in.
    keys.follow(link_to("/es/auth/login"))
    keys.tab_to(field("email"))
    page.keyboard.type(lucia.email)
    keys.tab_to(field("password"))
    page.keyboard.type("correct horse battery")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Cerrar sesión").is_visible()

    # Open the topic from the room, skipping the navigation with the skip link.
    keys.follow(link_to("/es/rooms/"))
    keys.follow(link_to("/es/rooms/social-dialogue/"))
    skip = keys.tab_to(link_to("#content"))
    assert skip["text"] == "Saltar al contenido"
    page.keyboard.press("Enter")
    keys.follow(link_to(f"/topics/{topic.id}"))

    # Reply: the text, then past the preview to the Post button.
    keys.follow(link_to("/reply"))
    keys.tab_to(field("body"))
    page.keyboard.type("En Bolivia el consejo se reúne cada trimestre.")
    keys.tab_to(lambda focus: focus["name"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("ol.replies article.post", has_text="cada trimestre").count() == 1

    # The room's chat: write and send.
    keys.follow(link_to("/es/rooms/social-dialogue/"))
    keys.follow(link_to("/es/rooms/social-dialogue/chat"))
    page.wait_for_function("() => window.meetingPoint && window.meetingPoint.socket.connected")
    keys.tab_to(field("body"))
    page.keyboard.type("Hola a todas y todos")
    keys.tab_to(lambda focus: focus["name"] == "submit")
    page.keyboard.press("Enter")
    page.locator("ol.chat li[data-id]", has_text="Hola a todas y todos").wait_for()
    assert keys.steps > 10
