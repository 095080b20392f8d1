// "Turn on notifications on this device" (notification settings): asks the browser for
// permission, subscribes through the site's service worker with our VAPID public key, and
// hands the subscription to the server. Without this script, or without push support,
// the button stays hidden; everything else on the page works as a plain form.
(function () {
  "use strict";
  var box = document.getElementById("push-device");
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!box || !token || !window.fetch || !("serviceWorker" in navigator) ||
      !("PushManager" in window) || !("Notification" in window)) return;
  var button = document.getElementById("push-turn-on");
  var status = document.getElementById("push-status");
  box.hidden = false;

  function keyBytes(base64url) {
    var padded = base64url.replace(/-/g, "+").replace(/_/g, "/") +
      "===".slice((base64url.length + 3) % 4);
    var raw = window.atob(padded), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function subscription(registration) {
    return registration.pushManager.getSubscription().then(function (existing) {
      return existing || registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(box.getAttribute("data-key"))
      });
    });
  }

  function send(subscribed) {
    return fetch(box.getAttribute("data-subscribe"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token.content },
      body: JSON.stringify(subscribed.toJSON())
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (!response.ok) throw { shown: answer.error };
        return answer.message;
      });
    });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = "";
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw { shown: box.getAttribute("data-denied") };
      return navigator.serviceWorker.getRegistration();
    }).then(function (registration) {
      if (!registration) throw {};  // no service worker here: nothing to push to
      return subscription(registration);
    }).then(send).then(function (message) {
      status.textContent = message;
      window.location.reload();  // the list of devices now shows this one
    }).catch(function (error) {
      // Only our own, translated words: a browser's error message is in its own language.
      status.textContent = (error && error.shown) || box.getAttribute("data-failed");
      button.disabled = false;
    });
  });
})();
