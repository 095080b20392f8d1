"""The phone check (360×640) shared by browser tests: nothing scrolls sideways, the header's
links are in reach, and each page's main action can be tapped."""

import re

from support.browsing import PHONE

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
    (r"/auth/oidc/complete$", "main form [type=submit]"),
    (r"/account/sign-in$", "main a.button, main .linked-identities button"),
    (r"/admin/sign-in$", "main form.stack [type=submit]"),
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


def check_on_phone(page, path: str, ready: str | None = None) -> list[str]:
    """What is wrong with `path` on a phone-sized page: sideways scrolling, header links out
    of reach, the page's main action not tappable. `ready`: what a script shows, waited for."""
    page.goto(path)
    if ready:
        page.locator(ready).wait_for()
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
