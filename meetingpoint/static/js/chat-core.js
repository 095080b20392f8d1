// The chat protocol's decisions, without the page: which messages extend the unbroken run,
// when to catch up, where a message goes, when to send again. chat.js calls these; Node's
// test runner loads the same file (tests/js/chat-core.test.js).
(function (root, core) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.meetingPointChat = core;
})(this, (function () {
  "use strict";
  return {
    // A live message names the one before it (ids are handed out in commit order): if that
    // one ends the run, the run grows; a message beyond the run naming another means a gap.
    // A resend's answer names none (previous_id null): it never extends the run.
    extendRun: function (contiguous, message) {
      var previous = message.previous_id;
      if (typeof previous !== "number") return { contiguous: contiguous, gap: false };
      if (previous === contiguous) return { contiguous: message.id, gap: false };
      return { contiguous: contiguous, gap: message.id > contiguous };
    },

    // The heartbeat tells the newest id stored; one catch-up at a time.
    needsCatchUp: function (contiguous, lastId, catchingUp) {
      return !catchingUp && lastId > contiguous;
    },

    // A catch-up's answer (`open` after the run) extends the run to its last message; ask
    // again while the server has more, or while a message shown live during the catch-up
    // sits beyond the run (it may be past a gap). An empty answer ends it either way.
    afterCatchUp: function (contiguous, reply, newestShown) {
      var messages = reply.messages;
      if (messages.length) contiguous = messages[messages.length - 1].id;
      return {
        contiguous: contiguous,
        again: Boolean(reply.more || (messages.length && newestShown > contiguous))
      };
    },

    // The pause, in milliseconds, after try number `tries`: 2, 4, 8 ... s, up to a minute.
    retryDelay: function (tries) {
      return Math.min(60000, 2000 * Math.pow(2, tries - 1));
    },

    // From the third try the pending message says plainly that it is not sent yet.
    shouldSayNotSent: function (tries) {
      return tries >= 3;
    },

    // Where a message goes among those shown (ids in page order): before the first with a
    // greater id, else after them all.
    insertionIndex: function (shownIds, id) {
      for (var i = 0; i < shownIds.length; i++) if (shownIds[i] > id) return i;
      return shownIds.length;
    },

    // A message already shown is not shown twice (an edit or deletion replaces it instead).
    isDuplicate: function (shownIds, id) {
      return shownIds.indexOf(id) >= 0;
    }
  };
})());
