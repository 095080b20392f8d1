// "Keep for offline" on an Academy module (docs/offline.md): asks the server what the module
// holds and how large it is, offers the control only where the service worker can keep it,
// asks the worker to keep it all in one tap and says what came of it (a status region:
// screen readers announce it).
(function () {
  "use strict";
  var root = document.documentElement;
  var box = document.querySelector("[data-offline-keep]");
  var workers = navigator.serviceWorker;
  // Nothing to offer without a worker, nor on a copy read offline.
  if (!box || !workers || root.dataset.offlineCopy) return;
  var button = box.querySelector("[data-offline-keep-button]");
  var status = box.querySelector("[data-offline-keep-status]");
  var kit = null, busy = false;

  function ask(message) {
    return new Promise(function (resolve) {
      if (!workers.controller) return resolve({ ok: false });
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      workers.controller.postMessage(message, [channel.port2]);
    });
  }

  function say(text) { status.textContent = text; }

  function since(time) {
    var format = new Intl.DateTimeFormat(root.lang, { dateStyle: "medium", timeStyle: "short" });
    return status.dataset.keptSince.replace("{time}", format.format(new Date(time)));
  }

  function offer() {
    return fetch(box.dataset.offlineKeep, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer) return null;  // not in this Academy: nothing is offered
        kit = answer;
        box.hidden = false;
        if (answer.refusal) {
          button.hidden = true;
          return say(answer.refusal);
        }
        button.textContent = answer.label;
        return ask({ type: "kept", urls: answer.urls }).then(function (reply) {
          if (reply.ok && reply.state.all) say(since(reply.state.since));
        });
      })
      .catch(function () { /* offline: nothing is offered */ });
  }

  // On a first visit the worker takes control a moment after the page has loaded.
  if (workers.controller) offer();
  else workers.addEventListener("controllerchange", offer, { once: true });

  button.addEventListener("click", function () {
    if (busy || !kit) return;
    if (navigator.onLine === false) return say(status.dataset.offline);
    busy = true;
    button.setAttribute("aria-disabled", "true");
    say(status.dataset.keeping);
    ask({ type: "keep", urls: kit.urls }).then(function (reply) {
      busy = false;
      button.removeAttribute("aria-disabled");
      if (reply.ok && reply.state.all) say(status.dataset.kept);
      else say(navigator.onLine === false ? status.dataset.offline : status.dataset.failed);
    });
  });
})();
