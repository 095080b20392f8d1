// The offline reader's rules (static/js/offline-core.js), as the service worker applies them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const offline = require(path.join(__dirname, "../../meetingpoint/static/js/offline-core.js"));
const LANGUAGES = ["en", "es", "fr", "pt"];

function page(bytes, used) {
  return { bytes: bytes, used: used, kept: "2026-12-01T10:00:00.000Z", title: "t" };
}

test("pages worth reading again are kept, in every language", () => {
  for (const kept of [
    "/en/", "/fr/rooms/", "/pt/rooms/social-dialogue/", "/es/rooms/social-dialogue/topics/12",
    "/en/rooms/social-dialogue/chat", "/en/messages/", "/en/messages/7", "/en/academy/",
    "/fr/academy/sstc-2016/", "/fr/academy/sstc-2016/modules/intro-1", "/en/academy/sstc-2016/programme",
    "/en/library/", "/pt/library/4", "/en/news/", "/en/news/3", "/en/notifications/"
  ]) assert.equal(offline.keeps(kept, LANGUAGES), true, kept);
});

test("forms, account and staff pages, and other addresses are not kept", () => {
  for (const never of [
    "/en/auth/login", "/en/account/", "/en/account/privacy", "/en/rooms/social-dialogue/topics/new",
    "/en/posts/3/reply", "/en/search", "/en/academy/sstc-2016/questionnaire", "/en/admin/jobs/",
    "/en/notifications/settings", "/en/offline", "/de/rooms/", "/sw.js", "/static/css/site.css"
  ]) assert.equal(offline.keeps(never, LANGUAGES), false, never);
});

test("a page within the budget is kept and drops nothing", () => {
  const plan = offline.admit({ "/a": page(300, 1) }, "/b", page(200, 2), 1000);
  assert.deepEqual(plan.drop, []);
  assert.deepEqual(Object.keys(plan.pages).sort(), ["/a", "/b"]);
});

test("past the budget the least recently read pages go first", () => {
  const pages = { "/old": page(400, 1), "/recent": page(400, 3), "/middle": page(400, 2) };
  const plan = offline.admit(pages, "/new", page(500, 4), 1000);
  assert.deepEqual(plan.drop, ["/old", "/middle"]);
  assert.deepEqual(Object.keys(plan.pages).sort(), ["/new", "/recent"]);
  assert.equal(Object.keys(pages).length, 3); // the index given is not changed
});

test("a page kept again replaces its own copy, not another", () => {
  const plan = offline.admit({ "/a": page(600, 1), "/b": page(300, 2) }, "/a", page(650, 3), 1000);
  assert.deepEqual(plan.drop, []);
  assert.equal(plan.pages["/a"].bytes, 650);
});

test("a page larger than the whole budget is not kept and drops nothing", () => {
  const plan = offline.admit({ "/a": page(10, 1) }, "/huge", page(2000, 2), 1000);
  assert.equal(plan.keep, false);
  assert.deepEqual(plan.drop, []);
});

test("the title is the page's own, without the site's name", () => {
  assert.equal(offline.titleOf("<title>Councils &amp; unions · Meeting Point</title>"), "Councils &amp; unions");
  assert.equal(offline.titleOf("<title>Meeting Point</title>"), "Meeting Point");
  assert.equal(offline.titleOf("<p>no title</p>"), "Meeting Point");
});

test("a kept copy is marked with when it was kept", () => {
  const html = '<!doctype html>\n<html lang="fr" dir="ltr">';
  assert.equal(
    offline.markCopy(html, "2026-12-01T10:00:00.000Z"),
    '<!doctype html>\n<html data-offline-copy="2026-12-01T10:00:00.000Z" lang="fr" dir="ltr">'
  );
});

test("the offline page lists the most recently read first, in the path's language", () => {
  const list = offline.listing({ "/en/a": page(1, 1), "/en/b": page(1, 5), "/en/c": page(1, 3) });
  assert.deepEqual(list.map(p => p.url), ["/en/b", "/en/c", "/en/a"]);
  assert.equal(offline.languageOf("/pt/rooms/", LANGUAGES, "en"), "pt");
  assert.equal(offline.languageOf("/xx/rooms/", LANGUAGES, "en"), "en");
});

test("a library document's file may be kept when asked, nothing else as a file", () => {
  for (const file of ["/en/library/4/download", "/pt/library/12/download"]) {
    assert.equal(offline.keepsFile(file, LANGUAGES), true, file);
    assert.equal(offline.keeps(file, LANGUAGES), false, file); // never kept just by reading
  }
  for (const never of [
    "/en/library/4", "/de/library/4/download", "/library/4/download", "/en/library/4/play",
    "/en/library/x/download", "/static/css/site.css"
  ]) assert.equal(offline.keepsFile(never, LANGUAGES), false, never);
});

test("a kept file is listed by its name, escaped like a page's title", () => {
  const url = "/en/library/4/download";
  assert.equal(offline.fileTitle('attachment; filename="guide.pdf"', url), "guide.pdf");
  assert.equal(
    offline.fileTitle("attachment; filename=\"R_sum_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%3C1%3E.pdf", url),
    "Résumé &lt;1&gt;.pdf"
  );
  assert.equal(offline.fileTitle(null, url), "download");
});

test("a module is kept when every one of its addresses is, since the oldest copy", () => {
  const pages = {
    "/en/m": { bytes: 1, used: 1, kept: "2026-12-01T10:00:00.000Z" },
    "/en/t": { bytes: 1, used: 2, kept: "2026-11-30T09:00:00.000Z" }
  };
  assert.deepEqual(offline.keptState(pages, ["/en/m", "/en/t"]),
    { all: true, since: "2026-11-30T09:00:00.000Z", missing: [] });
  assert.deepEqual(offline.keptState(pages, ["/en/m", "/en/f"]),
    { all: false, since: "2026-12-01T10:00:00.000Z", missing: ["/en/f"] });
  assert.equal(offline.keptState(pages, []).all, false);
});
