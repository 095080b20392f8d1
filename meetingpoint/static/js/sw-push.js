// Push handlers for the service worker: pulled in with importScripts('/static/js/sw-push.js').
// The server sends JSON (meetingpoint/notifications/push.py): title, body, url, tag, lang.
// It is already in the reader's language and says only what they allowed it to say.
/* global self, clients */
(function () {
  "use strict";

  self.addEventListener("push", function (event) {
    var data = {};
    try {
      data = event.data ? event.data.json() : {};
    } catch (error) {
      data = {};
    }
    var options = {
      body: data.body || "",
      tag: data.tag || undefined,  // pushes about one conversation replace each other
      lang: data.lang || "",
      data: { url: data.url || "/" }
    };
    event.waitUntil(self.registration.showNotification(data.title || "Meeting Point", options));
  });

  self.addEventListener("notificationclick", function (event) {
    event.notification.close();
    var target = new URL(event.notification.data && event.notification.data.url || "/",
      self.location.origin);
    if (target.origin !== self.location.origin) target = new URL("/", self.location.origin);
    event.waitUntil(clients.matchAll({ type: "window", includeUncontrolled: true })
      .then(function (windows) {
        for (var i = 0; i < windows.length; i++) {
          if (windows[i].url === target.href && "focus" in windows[i]) return windows[i].focus();
        }
        return clients.openWindow(target.href);
      }));
  });
})();
