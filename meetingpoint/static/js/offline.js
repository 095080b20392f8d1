// Reading offline, on every page: registers the service worker (/sw.js), shows the banner
// on a copy the worker kept, tells the worker to forget this person's pages on signing
// out, and fills the offline page's list of kept pages.
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;

  // The worker marks the copies it serves with the time they were kept.
  var banner = document.querySelector("[data-offline-banner]");
  if (banner && root.dataset.offlineCopy) {
    var kept = new Date(root.dataset.offlineCopy);
    var when = new Intl.DateTimeFormat(root.lang, { dateStyle: "medium", timeStyle: "short" });
    banner.textContent = banner.textContent.replace("{time}", when.format(kept));
    banner.hidden = false;
  }

  if (!("serviceWorker" in navigator) || !script) return;
  var workers = navigator.serviceWorker;

  function tell(message, port) {
    if (workers.controller) workers.controller.postMessage(message, port ? [port] : []);
  }

  document.addEventListener("submit", function (event) {
    if (event.target.matches("form[data-offline-forget]")) tell({ type: "forget" });
  });

  function title(html) {  // kept escaped, as in the page's <title>
    return new DOMParser().parseFromString(html, "text/html").documentElement.textContent;
  }

  function listKept(pages) {
    var list = document.querySelector("[data-offline-pages]");
    if (!list || !pages || !pages.length) return;
    var shown = new Intl.DateTimeFormat(root.lang, { dateStyle: "medium", timeStyle: "short" });
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = title(page.title);
      var lang = /^\/([a-z]{2})\//.exec(new URL(page.url).pathname);
      if (lang) link.lang = lang[1];
      var time = document.createElement("time");
      time.dateTime = page.kept;
      time.textContent = shown.format(new Date(page.kept));
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(time);
      list.appendChild(item);
    });
    list.closest("[data-offline-list]").hidden = false;
    document.querySelector("[data-offline-none]").hidden = true;
  }

  if (document.querySelector("[data-offline-pages]") && workers.controller) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) { listKept(event.data.pages); };
    tell({ type: "pages" }, channel.port2);
  }

  var retry = document.querySelector("[data-offline-retry]");
  if (retry && !/\/offline$/.test(location.pathname)) retry.href = location.href;

  // Offline there is nothing to install or update: trying would only log a failed fetch.
  window.addEventListener("load", function () {
    if (navigator.onLine === false || root.dataset.offlineCopy) return;
    workers.register(script.dataset.worker, { scope: "/" }).catch(function () {
      /* no worker (a private window, an old browser): pages work as before */
    });
  });
})();
