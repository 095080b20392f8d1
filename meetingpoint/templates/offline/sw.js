// Meeting Point's service worker (docs/offline.md): fingerprinted static files from the
// cache, pages from the network first and, when it fails or is slow, the copy kept for
// this reader, else the offline page in the reader's language; Background Sync sends the
// outbox. Rendered by
// offline/routes.py: the constants below change with each deployment.
"use strict";
var VERSION = {{ version|tojson }};
var BUDGET = {{ budget|tojson }};
var TIMEOUT = {{ timeout_ms|tojson }};
var LANGUAGES = {{ languages|tojson }};
var PRECACHE = {{ precache|tojson }};
var READER_HEADER = {{ reader_header|tojson }};
var OUTBOX_SENDER = {{ outbox_sender_url|tojson }};
importScripts({{ core_url|tojson }}, {{ outbox_core_url|tojson }});
{% if push_url %}importScripts({{ push_url|tojson }});  // Web Push handlers, when deployed
{% endif %}
var core = self.meetingPointOffline;
var STATIC = "mp-static-" + VERSION;
var PAGES = "mp-pages-";  // + the reader's key: one cache per person
var META = "mp-meta";
var INDEX = "/offline-index.json";  // a key in META, never fetched
// Requests the worker makes by itself are not visits (dashboard/visits.py skips them).
var AHEAD = { credentials: "same-origin", cache: "no-store", headers: { Purpose: "prefetch" } };

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    // Without cookies: the offline page must show no one's name.
    return cache.addAll(PRECACHE.map(function (url) {
      return new Request(url, { credentials: "omit", headers: AHEAD.headers });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("mp-static-") === 0 && name !== STATIC;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// The index of kept pages ({reader, pages: {url: {bytes, used, kept, title}}}), read once
// and changed one task at a time.
var index = null, queue = Promise.resolve();

function serially(task) {
  var next = queue.then(task);
  queue = next.catch(function () {});
  return next;
}

async function load() {
  if (index) return index;
  var answer = await (await caches.open(META)).match(INDEX);
  index = answer ? await answer.json() : { reader: null, pages: {} };
  return index;
}

async function save() {
  var body = JSON.stringify(index);
  await (await caches.open(META)).put(INDEX, new Response(body, {
    headers: { "Content-Type": "application/json" }
  }));
}

// Someone else's pages are never shown: a new reader (or none, after signing out) empties
// every page cache first.
async function becomes(reader) {
  await load();
  if (index.reader === reader) return;
  var names = await caches.keys();
  await Promise.all(names.filter(function (name) { return name.indexOf(PAGES) === 0; })
    .map(function (name) { return caches.delete(name); }));
  index = { reader: reader, pages: {} };
  await save();
}

// Keeps a page just read, or (when `asked`, by "Keep for offline") a library file too.
// Resolves to whether it is kept.
function keep(url, response, asked) {
  var reader = response.headers.get(READER_HEADER);
  if (reader === null) return Promise.resolve(false);
  return serially(async function () {
    await becomes(reader);
    var path = new URL(url).pathname;
    var file = asked && core.keepsFile(path, LANGUAGES);
    var html = (response.headers.get("Content-Type") || "").indexOf("text/html") === 0;
    if (response.status !== 200 || !(file || (html && core.keeps(path, LANGUAGES)))) return false;
    var body = file ? await response.blob() : await response.text();
    var headers = { "Content-Type": "text/html; charset=utf-8" };
    if (file) {
      headers = {};
      core.FILE_HEADERS.forEach(function (name) {
        if (response.headers.has(name)) headers[name] = response.headers.get(name);
      });
      headers["Content-Length"] = String(body.size);
    }
    var entry = {
      bytes: file ? body.size : new Blob([body]).size, used: Date.now(),
      kept: new Date().toISOString(), file: file || undefined,
      title: file ? core.fileTitle(headers["Content-Disposition"], path) : core.titleOf(body)
    };
    var plan = core.admit(index.pages, url, entry, BUDGET);
    if (!plan.keep) return false;
    var cache = await caches.open(PAGES + reader);
    await Promise.all(plan.drop.map(function (gone) { return cache.delete(gone); }));
    await cache.put(url, new Response(body, { headers: headers }));
    index.pages = plan.pages;
    await save();
    return true;
  });
}

function keptCopy(url) {
  return serially(async function () {
    await load();
    var entry = index.pages[url];
    var answer = entry && await (await caches.open(PAGES + index.reader)).match(url);
    if (!answer) return null;
    entry.used = Date.now();
    await save();
    if (entry.file) return answer;  // as the server sent it: no banner in a PDF
    return new Response(core.markCopy(await answer.text(), entry.kept), {
      headers: { "Content-Type": "text/html; charset=utf-8" }
    });
  });
}

async function offlinePage(url) {
  var language = core.languageOf(new URL(url).pathname, LANGUAGES, LANGUAGES[0]);
  var page = await caches.match("/" + language + "/offline", { cacheName: STATIC });
  return page || Response.error();
}

function late(ms) {
  return new Promise(function (resolve) { setTimeout(function () { resolve(null); }, ms); });
}

// Network first; after TIMEOUT the kept copy, if there is one, while the network's answer
// still replaces it in the background.
async function navigate(event) {
  var url = event.request.url.split("#")[0];
  var network = fetch(event.request);
  // Registered first, so the copy is taken before the browser reads the answer. A file
  // downloaded online is on the device already: only "Keep for offline" keeps one.
  var file = core.keepsFile(new URL(url).pathname, LANGUAGES);
  if (!file) {
    event.waitUntil(network.then(function (response) {
      if (response.type === "basic") return keep(url, response.clone());
    }).catch(function () {}));
  }
  var first = await Promise.race([network.catch(function () { return null; }), late(TIMEOUT)]);
  if (first) return first;
  var copy = await keptCopy(url);
  if (copy) return copy;
  try {
    return await network;
  } catch (error) {
    return event.request.mode === "navigate" ? offlinePage(url) : Response.error();
  }
}

async function fromStatic(request) {
  var cache = await caches.open(STATIC);
  var kept = await cache.match(request);
  if (kept) return kept;
  try {
    var response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Offline, a copy kept before a deployment names the files of its day (whose cache
    // went with the old worker): today's version of the same file will do.
    var same = await cache.match(request, { ignoreSearch: true });
    if (same) return same;
    throw error;
  }
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // A kept file is asked for by a link with `download` too, not always as a navigation.
  if (request.mode === "navigate" || core.keepsFile(url.pathname, LANGUAGES)) {
    event.respondWith(navigate(event));
  } else if (url.pathname.indexOf("/static/") === 0 && url.searchParams.has("v")) {
    event.respondWith(fromStatic(request));
  }
});

// What pages may ask: forget every kept page (signing out), keep a list of addresses (the
// Academy's "Keep for offline"), which of some addresses are kept, and the list of kept
// pages (the offline page).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = event.ports && event.ports[0];
  var urls = Array.isArray(data.urls) ? data.urls.map(address).filter(Boolean) : null;
  var done;
  if (data.type === "forget") done = serially(function () { return becomes(null); });
  else if (data.type === "keep" && urls) done = keepAll(urls).then(stateOf.bind(null, urls));
  else if (data.type === "kept" && urls) done = stateOf(urls);
  else if (data.type === "pages") {
    done = serially(load).then(function () { return { pages: core.listing(index.pages) }; });
  }
  if (!done) return;
  event.waitUntil(done.then(function (answer) {
    if (reply) reply.postMessage(Object.assign({ ok: true, pages: null }, answer));
  }, function () {
    if (reply) reply.postMessage({ ok: false });
  }));
});

// An address of our origin, whole and without its fragment; null for another origin.
function address(given) {
  try {
    var url = new URL(given, self.location.origin);
    return url.origin === self.location.origin ? url.href.split("#")[0] : null;
  } catch (error) {
    return null;
  }
}

// {state: {all, since, missing}} for these addresses, as the index holds them now.
function stateOf(urls) {
  return serially(load).then(function () { return { state: core.keptState(index.pages, urls) }; });
}

// Fetched afresh (never from the HTTP cache, which may hold a visitor's copy).
function keepAll(urls) {
  return Promise.all(urls.map(function (url) {
    return fetch(url, AHEAD).then(function (response) {
      return keep(url, response, true);
    }).catch(function () { return false; });
  }));
}

// Background Sync: what the outbox holds is sent once the browser has a link again, even
// with no page open. Whose outbox, and a form token for them, come from the server: no one
// signed in, nothing is sent. A lost link rejects, and the browser tries again later.
self.addEventListener("sync", function (event) {
  if (event.tag === "outbox") event.waitUntil(sendOutbox());
});

async function sendOutbox() {
  var answer = await fetch(OUTBOX_SENDER, AHEAD);
  if (!answer.ok) return;
  var sender = await answer.json();
  var outbox = self.meetingPointOutboxCore;
  var sent = await outbox.flush(sender.owner, sender.csrf_token, function () { return true; });
  if (!sent.length) return;
  var pages = await self.clients.matchAll({ type: "window" });
  pages.forEach(function (page) { page.postMessage({ type: "outbox-sent", sent: sent }); });
}
