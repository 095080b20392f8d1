// The live connection of a signed-in page: unread counts in the header and inbox, a
// heartbeat for presence. chat.js builds on the socket this file opens.
(function () {
  "use strict";
  // A copy the service worker kept, shown offline (offline.js): nothing to connect to.
  if (!window.io || document.documentElement.dataset.offlineCopy) return;
  var socket = window.io({ reconnectionDelayMax: 10000 });
  var number = new Intl.NumberFormat(document.documentElement.lang);

  function setCount(badge, n) {
    if (!badge || typeof n !== "number") return;
    badge.querySelector("[data-count]").textContent = number.format(n);
    badge.hidden = n === 0;
  }

  function showCounts(data) {
    setCount(document.querySelector("[data-unread-messages]"), data.total);
    setCount(
      document.querySelector(
        '[data-inbox] [data-conversation-id="' + Number(data.conversation_id) + '"] [data-unread]'
      ),
      data.unread
    );
  }

  // A connection the server refused while its database was away is not retried by the
  // client library itself; a signed-out page stays disconnected.
  socket.on("connect_error", function (error) {
    if (socket.active || (error && error.message === "unauthorized")) return;
    setTimeout(function () { socket.connect(); }, 5000);
  });

  socket.on("unread", showCounts);
  socket.on("read", showCounts);
  // Presence expires after two silent intervals (CHAT_HEARTBEAT_SECONDS on the server).
  var heartbeat = Number(document.documentElement.dataset.heartbeat) || 45;
  setInterval(function () {
    if (socket.connected) socket.emit("here", {});
  }, heartbeat * 1000);

  window.meetingPoint = { socket: socket };
})();
