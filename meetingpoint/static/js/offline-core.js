// The offline reader's decisions, without the worker: which pages are kept, which go when
// the byte budget is full (least recently read first), the title and language of a page.
// The service worker (templates/offline/sw.js) imports it; Node's test runner loads the
// same file (tests/js/offline-core.test.js).
(function (root, core) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.meetingPointOffline = core;
})(this, (function () {
  "use strict";
  // Pages worth reading again, after the language: home, rooms, topics, a room's chat and
  // conversations (their last page), the Academy's pages and modules, library items, news,
  // notifications. Never forms, account pages, search or staff pages.
  var KEPT = [
    /^\/$/,
    /^\/rooms\/$/,
    /^\/rooms\/[\w-]+\/$/,
    /^\/rooms\/[\w-]+\/topics\/\d+$/,
    /^\/rooms\/[\w-]+\/chat$/,
    /^\/messages\/(\d+)?$/,
    /^\/academy\/$/,
    /^\/academy\/[\w-]+\/$/,
    /^\/academy\/[\w-]+\/(modules\/[\w-]+|programme)$/,
    /^\/library\/(\d+)?$/,
    /^\/news\/(\d+)?$/,
    /^\/notifications\/$/
  ];
  // Files kept only when asked ("Keep for offline"): a library document's download.
  var FILES = [/^\/library\/\d+\/download$/];
  // What a kept file is served with offline, as the server sent it: still an attachment,
  // still never rendered as a page of ours.
  var FILE_HEADERS = [
    "Content-Type", "Content-Disposition", "Content-Security-Policy", "X-Content-Type-Options"
  ];

  function split(pathname, languages) {
    var match = /^\/([a-z]{2})(\/.*)$/.exec(pathname);
    if (!match || languages.indexOf(match[1]) < 0) return null;
    return { language: match[1], rest: match[2] };
  }

  function matches(patterns, pathname, languages) {
    var parts = split(pathname, languages);
    return Boolean(parts) && patterns.some(function (pattern) { return pattern.test(parts.rest); });
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  return {
    FILE_HEADERS: FILE_HEADERS,

    // Whether a page at this path is kept for reading offline.
    keeps: function (pathname, languages) {
      return matches(KEPT, pathname, languages);
    },

    // Whether the file at this path may be kept when a page asks (never just on reading).
    keepsFile: function (pathname, languages) {
      return matches(FILES, pathname, languages);
    },

    // A kept file's name for the offline page's list, from its Content-Disposition
    // (escaped like a page's <title>), else the last part of its address.
    fileTitle: function (disposition, url) {
      var star = /filename\*=UTF-8''([^;]+)/i.exec(disposition || "");
      var plain = /filename="?([^";]+)"?/i.exec(disposition || "");
      var name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : url.split("/").pop();
      return escape(name.trim());
    },

    // Which of `urls` are kept now, and since when (the oldest of them): how the page
    // tells the person a module is kept, or what could not be.
    keptState: function (pages, urls) {
      var missing = urls.filter(function (url) { return !pages[url]; });
      var times = urls.filter(function (url) { return pages[url]; })
        .map(function (url) { return pages[url].kept; }).sort();
      var all = urls.length > 0 && missing.length === 0;
      return { all: all, since: times[0] || null, missing: missing };
    },

    // The interface language a path is in, else `fallback`.
    languageOf: function (pathname, languages, fallback) {
      var parts = split(pathname, languages);
      return parts ? parts.language : fallback;
    },

    // Keeping `entry` ({bytes, used, kept, title}) at `url` within `budget` bytes: the
    // pages afterwards and those dropped, least recently read first. A page larger than
    // the whole budget is not kept (and drops nothing).
    admit: function (pages, url, entry, budget) {
      if (entry.bytes > budget) return { keep: false, drop: [], pages: pages };
      var after = {}, total = entry.bytes;
      Object.keys(pages).forEach(function (key) {
        if (key !== url) { after[key] = pages[key]; total += pages[key].bytes; }
      });
      var oldest = Object.keys(after).sort(function (a, b) { return after[a].used - after[b].used; });
      var drop = [];
      while (total > budget) {
        var gone = oldest.shift();
        total -= after[gone].bytes;
        delete after[gone];
        drop.push(gone);
      }
      after[url] = entry;
      return { keep: true, drop: drop, pages: after };
    },

    // The page's <title>, without the site's name (still HTML-escaped, as in the page).
    titleOf: function (html) {
      var match = /<title>([\s\S]*?)<\/title>/i.exec(html);
      var title = match ? match[1].trim() : "";
      return title.replace(/\s*·\s*Meeting Point$/, "") || "Meeting Point";
    },

    // The kept copy, marked with when it was kept: offline.js shows the banner from it.
    markCopy: function (html, keptAt) {
      return html.replace(/<html\b/i, '<html data-offline-copy="' + keptAt + '"');
    },

    // The kept pages for the offline page's list, most recently read first.
    listing: function (pages) {
      return Object.keys(pages)
        .sort(function (a, b) { return pages[b].used - pages[a].used; })
        .map(function (url) {
          return { url: url, title: pages[url].title, kept: pages[url].kept };
        });
    }
  };
})());
