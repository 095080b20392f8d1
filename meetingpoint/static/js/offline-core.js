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

  function split(pathname, languages) {
    var match = /^\/([a-z]{2})(\/.*)$/.exec(pathname);
    if (!match || languages.indexOf(match[1]) < 0) return null;
    return { language: match[1], rest: match[2] };
  }

  return {
    // Whether a page at this path is kept for reading offline.
    keeps: function (pathname, languages) {
      var parts = split(pathname, languages);
      return Boolean(parts) && KEPT.some(function (pattern) { return pattern.test(parts.rest); });
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
