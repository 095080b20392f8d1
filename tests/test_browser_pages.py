"""Every main page in a real browser: axe-core's WCAG 2.0/2.1 A and AA rules in all four
languages, and a 360×640 phone on which nothing scrolls sideways and the main actions can
be tapped."""

import re

import pytest
from support.browsing import PHONE, audit
from support.community import build

pytestmark = pytest.mark.backends("sqlite")


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_main_pages_have_no_serious_accessibility_violation(browsing, lang):
    community = build()
    # axe is injected as a script of the page: the page's CSP would refuse it.
    page = browsing.page(bypass_csp=True)
    problems = [p for path in community.public_pages for p in audit(page, path.format(lang=lang))]
    browsing.sign_in(page, community.reader, lang, community.password)
    problems += [p for path in community.pages for p in audit(page, path.format(lang=lang))]
    assert problems == []


# What a person comes to each page to do, which must be in reach of a thumb.
MAIN_ACTIONS = [
    (r"/rooms/[\w-]+/$", "main a[href$='/topics/new']"),
    (r"/topics/new$", "main form [type=submit][name=submit]"),
    (r"/topics/\d+$", "article.post a[href$='/reply']"),
    (r"/reply$", "main form [type=submit][name=submit]"),
    (r"/chat$", "[data-chat-form] [type=submit]"),
    (r"/messages/$", "[data-inbox] a"),
    (r"/messages/\d+$", "[data-chat-form] [type=submit]"),
    (r"/people/$", "form.filters [type=submit]"),
    (r"/people/\d+$", "main form[action*='/messages/with/'] [type=submit]"),
    (r"/account/muted$", "main .people-list button"),
    (r"/moderation/log$", "main form.filters [type=submit]"),
    (r"/admin/jobs/$", "main .dead-jobs form [type=submit]"),
    (r"/notifications/settings$", "main form [type=submit]"),
    (r"/questionnaire$", "main form [type=submit]"),
    (r"/introductions/mine$", "main form [type=submit]"),
    (r"/auth/(login|register)$", "main form [type=submit]"),
]

SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  // A wide table may scroll inside its own box (WCAG 1.4.10 allows it for data tables).
  const scrolls = el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const inScroller = el => { for (let up = el.parentElement; up; up = up.parentElement)
    if (scrolls(up)) return true; return false; };
  const wide = [...document.querySelectorAll("body *")].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width && box.right > width + 1 && getComputedStyle(el).position !== "fixed"
      && !inScroller(el);
  }).map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


def check_on_phone(page, path: str) -> list[str]:
    page.goto(path)
    problems = []
    layout = page.evaluate(SIDEWAYS)
    if layout["scroll"] > layout["width"] or layout["wide"]:
        problems.append(f"{path}: scrolls sideways ({layout})")
    for link in page.locator("header a, header button").all():
        box = link.bounding_box()
        if not box or box["x"] < 0 or box["x"] + box["width"] > PHONE["width"]:
            problems.append(f"{path}: {link.inner_text()!r} out of reach ({box})")
    for pattern, selector in MAIN_ACTIONS:
        if re.search(pattern, path):
            action = page.locator(selector).first
            if not action.count():
                problems.append(f"{path}: no {selector}")
                continue
            action.scroll_into_view_if_needed()
            action.click(trial=True)  # visible, enabled and not covered by anything
    return problems


@pytest.mark.parametrize("lang", ["pt", "fr"])  # their words run longest
def test_on_a_phone_nothing_scrolls_sideways_and_the_main_actions_are_in_reach(browsing, lang):
    community = build()
    page = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    problems = [
        p for path in community.public_pages for p in check_on_phone(page, path.format(lang=lang))
    ]
    browsing.sign_in(page, community.reader, lang, community.password)
    problems += [
        p for path in community.pages for p in check_on_phone(page, path.format(lang=lang))
    ]
    assert problems == []
