// Keeps what someone types on the server while they type, so a reload, a closed tab or a
// dropped connection loses nothing. Without JavaScript, pressing Preview saves it too.
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-url]");
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!form || !token || !window.fetch || !window.FormData) return;
  var timer = null, lastSent = null;

  function snapshot() {
    var body = form.querySelector("[name=body]"), title = form.querySelector("[name=title]");
    return { body: body ? body.value : "", title: title ? title.value : "" };
  }

  function save() {
    var now = snapshot(), key = now.title + "\u0000" + now.body;
    if (key === lastSent || !now.body.trim()) return;
    var data = new FormData();
    data.append("body", now.body);
    data.append("title", now.title);
    fetch(form.getAttribute("data-draft-url"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": token.getAttribute("content") }
    }).then(function (response) {
      if (response.ok) lastSent = key;
    }).catch(function () { /* offline: the next keystroke or the next minute retries */ });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
  setInterval(save, 60000);
  window.addEventListener("pagehide", save);
})();
