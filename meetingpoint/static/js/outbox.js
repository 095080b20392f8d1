// The outbox: a reply or a new topic written while offline is kept in this browser
// (IndexedDB), shown as waiting, and sent once the link is back (the online event, or the
// next page opened). Each carries the client id its form was given, so a send repeated
// after a lost answer is stored once by the server. What the server refuses comes back
// with its reason and the text, kept for copying until the person removes it.
(function () {
  "use strict";
  var panel = document.querySelector("[data-outbox]");
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!panel || !token || !window.indexedDB || !window.fetch) return;
  var words = panel.dataset;
  var STORE = "posts";
  var sending = false;

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("meetingpoint-outbox-" + words.owner, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "clientId" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode), result;
        Promise.resolve(work(tx.objectStore(STORE))).then(function (value) { result = value; });
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() {
    return withStore("readonly", function (store) {
      return new Promise(function (resolve) {
        var request = store.getAll();
        request.onsuccess = function () { resolve(request.result || []); };
      });
    });
  }

  function put(entry) { return withStore("readwrite", function (store) { store.put(entry); }); }
  function remove(id) { return withStore("readwrite", function (store) { store.delete(id); }); }

  function newId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function keep(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && name !== "preview" && typeof value === "string") {
        fields.push([name, value]);
      }
    });
    fields.push(["submit", "1"]);
    var clientId = form.querySelector("[name=client_id]").value;
    return put({
      clientId: clientId, url: form.action || location.href, fields: fields,
      where: document.title, state: "waiting", reason: "", at: Date.now()
    });
  }

  function reasonIn(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var said = page.querySelector(".flash-error, .error, [role=alert]");
    return said ? said.textContent.trim() : words.refused;
  }

  function send(entry) {
    var data = new FormData();
    entry.fields.forEach(function (pair) { data.append(pair[0], pair[1]); });
    data.append("csrf_token", token.getAttribute("content"));
    return fetch(entry.url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (response.redirected && response.url.indexOf("/auth/login") !== -1) {
          return null;  // signed out meanwhile: kept, and sent from a signed-in page
        }
        if (response.redirected && response.ok) {
          return remove(entry.clientId).then(function () { return response.url; });
        }
        return response.text().then(function (html) {
          entry.state = "refused";
          entry.reason = response.ok ? reasonIn(html) : words.refused;
          return put(entry);
        });
      });
  }

  function flush() {
    if (sending || navigator.onLine === false) return Promise.resolve();
    sending = true;
    var sent = [];
    return all().then(function (entries) {
      var waiting = entries.filter(function (e) { return e.state === "waiting"; });
      return waiting.reduce(function (done, entry) {
        return done.then(function () {
          return send(entry).then(function (url) { if (url) sent.push(url); });
        });
      }, Promise.resolve());
    }).catch(function () { /* the link went again: the next online event retries */ })
      .then(function () { sending = false; return show(sent); });
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
      drop.addEventListener("click", function () { remove(entry.clientId).then(function () { show([]); }); });
      li.appendChild(drop);
    }
    return li;
  }

  function show(sent) {
    return all().then(function (entries) {
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
    if (event.submitter && event.submitter.name === "preview") return;
    event.preventDefault();
    keep(form).then(function () {
      // Cleared for the next one, which gets an id of its own.
      form.querySelectorAll("textarea, input[name=title], input[name=tags]").forEach(function (field) {
        field.value = "";
      });
      form.querySelector("[name=client_id]").value = newId();
      return show([]);
    });
  });

  window.addEventListener("online", flush);
  flush();
})();
