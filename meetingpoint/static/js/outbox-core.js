// The outbox without the page: where entries are kept (IndexedDB, one database per person),
// the order they go in, and sending one as its form would. The page (outbox.js) and the
// service worker (Background Sync, templates/offline/sw.js) load this same file; Node's
// test runner loads it too (tests/js/outbox-core.test.js).
(function (root, core) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.meetingPointOutboxCore = core;
})(this, (function () {
  "use strict";
  var STORE = "posts";
  var SIGN_IN = "/auth/login";

  function open(owner) {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("meetingpoint-outbox-" + owner, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "clientId" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(owner, mode, work) {
    return open(owner).then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode), result;
        Promise.resolve(work(tx.objectStore(STORE))).then(function (value) { result = value; });
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  // Oldest first: chat messages written in a row arrive in the order they were written.
  function inOrder(entries) {
    return entries.slice().sort(function (a, b) { return a.at - b.at; });
  }

  // What an answer to a resent form means. The form routes redirect once stored (to the
  // post, or the chat's latest messages); a redirect to the sign-in page means the session
  // ended; any other answer is the form shown again with its reason.
  function outcome(response) {
    if (response.redirected && new URL(response.url).pathname.indexOf(SIGN_IN) !== -1) {
      return "signed-out";
    }
    return response.redirected && response.ok ? "sent" : "refused";
  }

  function all(owner) {
    return withStore(owner, "readonly", function (store) {
      return new Promise(function (resolve) {
        var request = store.getAll();
        request.onsuccess = function () { resolve(inOrder(request.result || [])); };
      });
    });
  }

  function put(owner, entry) {
    return withStore(owner, "readwrite", function (store) { store.put(entry); });
  }

  function remove(owner, clientId) {
    return withStore(owner, "readwrite", function (store) { store.delete(clientId); });
  }

  // The entry as its form would post it.
  function formData(entry, csrfToken) {
    var data = new FormData();
    entry.fields.forEach(function (pair) {
      // A chosen file, kept in IndexedDB as the File it was: sent under its own name.
      if (typeof pair[1] === "string") data.append(pair[0], pair[1]);
      else data.append(pair[0], pair[1], pair[1].name);
    });
    data.append("csrf_token", csrfToken);
    return data;
  }

  function post(entry, csrfToken) {
    var data = formData(entry, csrfToken);
    return fetch(entry.url, { method: "POST", body: data, credentials: "same-origin" });
  }

  // Sends every waiting entry `chosen` allows, one after another. Stored: removed, its
  // address collected. Refused: handed to `refused(entry, response)`, which may keep the
  // reason (the page); without it the entry stays waiting (the worker, which cannot read
  // the reason in the page: the next page opened shows it). A lost link rejects, and what
  // was not sent stays for the next try.
  function flush(owner, csrfToken, chosen, refused) {
    var sent = [];
    return all(owner).then(function (entries) {
      var waiting = entries.filter(function (e) { return e.state === "waiting" && chosen(e); });
      return waiting.reduce(function (done, entry) {
        return done.then(function (stop) {
          if (stop) return true;
          return post(entry, csrfToken).then(function (response) {
            var result = outcome(response);
            if (result === "signed-out") return true;  // kept, for a signed-in page
            if (result === "sent") {
              return remove(owner, entry.clientId).then(function () { sent.push(response.url); });
            }
            return refused ? refused(entry, response) : null;
          });
        });
      }, Promise.resolve(false));
    }).then(function () { return sent; });
  }

  return {
    inOrder: inOrder, outcome: outcome, formData: formData, all: all, put: put, remove: remove,
    flush: flush
  };
})());
