// The outbox: a reply, a new topic or a chat message written while offline is kept in this
// browser (outbox-core.js), shown as waiting, and sent once the link is back (the online
// event, the next page opened, or the service worker's Background Sync with no page open).
// Each carries the client id its form was given, so a send repeated after a lost answer is
// stored once by the server. What the server refuses comes back with its reason and the
// text, kept for copying until the person removes it.
(function () {
  "use strict";
  var panel = document.querySelector("[data-outbox]");
  var token = document.querySelector('meta[name="csrf-token"]');
  var core = window.meetingPointOutboxCore;
  if (!panel || !token || !core || !window.indexedDB || !window.fetch) return;
  var words = panel.dataset;
  var owner = words.owner;
  var sending = false;
  // A live chat page sends its own waiting messages over its connection (chat.js); a copy
  // kept for reading offline has no connection, and leaves its form to the outbox.
  var liveChat = document.querySelector("[data-chat][data-live=on]") &&
    !document.documentElement.dataset.offlineCopy ? location.pathname : null;

  function notLiveHere(entry) { return entry.url !== liveChat; }

  function newId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  // Background Sync, where the browser has it: the worker sends even if no page is open.
  function syncLater() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register("outbox");
    }).catch(function () { /* not offered (a private window): pages send instead */ });
  }

  function hold(url, fields) {
    var clientId = fields.filter(function (pair) { return pair[0] === "client_id"; })[0][1];
    return core.put(owner, {
      clientId: clientId, url: url, fields: fields.concat([["submit", "1"]]),
      where: document.title, state: "waiting", reason: "", at: Date.now()
    });
  }

  function keep(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrf_token" || name === "preview") return;
      // A chosen file is kept as a File (IndexedDB stores it); an empty slot is left out.
      if (typeof value === "string" || value.name) fields.push([name, value]);
    });
    var address = new URL(form.action || location.href, location.href);
    return hold(address.pathname + address.search, fields);
  }

  function reasonIn(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var said = Array.prototype.filter.call(
      page.querySelectorAll(".flash-error, .error, [role=alert]"),
      function (node) { return node.textContent.trim(); }
    )[0];
    return said ? said.textContent.trim() : words.refused;
  }

  function keepReason(entry, response) {
    return response.text().then(function (html) {
      entry.state = "refused";
      entry.reason = response.ok ? reasonIn(html) : words.refused;
      return core.put(owner, entry);
    });
  }

  function flush() {
    if (sending || navigator.onLine === false) return Promise.resolve();
    sending = true;
    return core.flush(owner, token.getAttribute("content"), notLiveHere, keepReason)
      .catch(function () { return []; /* the link went again: the next online event retries */ })
      .then(function (sent) { sending = false; return show(sent); });
  }

  function item(entry) {
    var li = document.createElement("li");
    var label = document.createElement("p");
    label.textContent = (entry.state === "waiting" ? words.waiting : words.notSent) + " · " + entry.where;
    li.appendChild(label);
    if (entry.state === "refused") {
      var reason = document.createElement("p");
      reason.className = "flash flash-error";
      reason.textContent = entry.reason;
      li.appendChild(reason);
      var body = entry.fields.filter(function (p) { return p[0] === "body"; })[0];
      var copy = document.createElement("textarea");
      copy.readOnly = true;
      copy.rows = 3;
      copy.value = body ? body[1] : "";
      copy.setAttribute("aria-label", words.yourText);
      li.appendChild(copy);
      var drop = document.createElement("button");
      drop.type = "button";
      drop.className = "link";
      drop.textContent = words.remove;
      drop.addEventListener("click", function () {
        core.remove(owner, entry.clientId).then(function () { show([]); });
      });
      li.appendChild(drop);
    }
    return li;
  }

  function show(sent) {
    return core.all(owner).then(function (entries) {
      // A live chat shows its own waiting messages in place.
      entries = entries.filter(notLiveHere);
      var list = panel.querySelector("ul");
      list.textContent = "";
      entries.forEach(function (entry) { list.appendChild(item(entry)); });
      sent.forEach(function (url) {
        var li = document.createElement("li"), link = document.createElement("a");
        link.href = url;
        link.textContent = words.sent;
        li.appendChild(link);
        list.appendChild(li);
      });
      panel.hidden = entries.length === 0 && sent.length === 0;
    });
  }

  // Offline, the form's own submit would only meet the browser's error page.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-outbox-form]") || navigator.onLine !== false) return;
    if (event.defaultPrevented) return;  // a live chat sends (and holds) its own
    if (event.submitter && event.submitter.name === "preview") return;
    event.preventDefault();
    keep(form).then(function () {
      // Cleared for the next one, which gets an id of its own.
      var cleared = "textarea, input[name=title], input[name=tags], input[type=file], .attach input";
      form.querySelectorAll(cleared).forEach(function (field) {
        field.value = "";
      });
      form.querySelector("[name=client_id]").value = newId();
      syncLater();
      return show([]);
    });
  });

  // For chat.js: every message is held here until the server has answered it, so that a
  // page closed before the answer loses nothing (its next page, or the worker, sends it).
  window.meetingPointOutbox = {
    hold: function (fields, offline) {
      return hold(location.pathname, fields).then(function () { if (offline) syncLater(); });
    },
    release: function (clientId) { return core.remove(owner, clientId); },
    waitingHere: function () {
      return core.all(owner).then(function (entries) {
        return entries.filter(function (e) { return e.url === location.pathname && e.state === "waiting"; });
      });
    }
  };

  // The worker tells open pages what it sent in the background.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "outbox-sent") show(event.data.sent || []);
    });
  }
  window.addEventListener("online", flush);
  flush();
})();
