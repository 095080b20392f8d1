// The chat protocol's rules (static/js/chat-core.js), as chat.js applies them on the page.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const chat = require(path.join(__dirname, "../../meetingpoint/static/js/chat-core.js"));

function live(id, previousId) {
  return { id: id, previous_id: previousId };
}

test("a live message naming the end of the run extends it", () => {
  assert.deepEqual(chat.extendRun(4, live(5, 4)), { contiguous: 5, gap: false });
  // Ids are per site, not per conversation: the next one here may be far ahead.
  assert.deepEqual(chat.extendRun(5, live(90, 5)), { contiguous: 90, gap: false });
});

test("a live message beyond the run naming another is a gap", () => {
  assert.deepEqual(chat.extendRun(4, live(7, 6)), { contiguous: 4, gap: true });
});

test("a live message inside the run is no gap and leaves the run alone", () => {
  // Already held (a late copy of one fetched by a catch-up).
  assert.deepEqual(chat.extendRun(9, live(7, 6)), { contiguous: 9, gap: false });
});

test("a resend's acknowledgement (previous_id null) never extends the run", () => {
  assert.deepEqual(chat.extendRun(4, live(5, null)), { contiguous: 4, gap: false });
  assert.deepEqual(chat.extendRun(4, live(9, null)), { contiguous: 4, gap: false });
  assert.deepEqual(chat.extendRun(4, { id: 5 }), { contiguous: 4, gap: false });
});

test("a heartbeat naming a newer id asks for a catch-up, unless one is running", () => {
  assert.equal(chat.needsCatchUp(4, 5, false), true);
  assert.equal(chat.needsCatchUp(4, 4, false), false);
  assert.equal(chat.needsCatchUp(4, 3, false), false);
  assert.equal(chat.needsCatchUp(4, 5, true), false);
  assert.equal(chat.needsCatchUp(4, undefined, false), false);
});

test("a catch-up's answer extends the run to its last message", () => {
  const reply = { messages: [live(5), live(6), live(8)], more: false };
  assert.deepEqual(chat.afterCatchUp(4, reply, 8), { contiguous: 8, again: false });
});

test("a catch-up asks again while the server has more", () => {
  const reply = { messages: [live(5), live(6)], more: true };
  assert.deepEqual(chat.afterCatchUp(4, reply, 6), { contiguous: 6, again: true });
});

test("an empty catch-up leaves the run and stops, even with newer messages shown", () => {
  assert.deepEqual(chat.afterCatchUp(4, { messages: [] }, 12), { contiguous: 4, again: false });
  assert.deepEqual(chat.afterCatchUp(4, { messages: [], more: true }, 4), {
    contiguous: 4,
    again: true
  });
});

// The page's steps, as chat.js takes them, with the functions under test deciding.
function page(contiguous) {
  const state = { contiguous: contiguous, shown: [], catchingUp: false, asked: [] };
  state.show = (m) => {
    if (chat.isDuplicate(state.shown, m.id)) return;
    state.shown.splice(chat.insertionIndex(state.shown, m.id), 0, m.id);
  };
  state.catchUp = () => {
    state.catchingUp = true;
    state.asked.push(state.contiguous);
  };
  state.live = (m) => {
    state.show(m);
    if (state.catchingUp) return;
    const run = chat.extendRun(state.contiguous, m);
    state.contiguous = run.contiguous;
    if (run.gap) state.catchUp();
  };
  state.answer = (reply) => {
    reply.messages.forEach(state.show);
    const run = chat.afterCatchUp(state.contiguous, reply, state.shown[state.shown.length - 1]);
    state.contiguous = run.contiguous;
    if (run.again) state.catchUp();
    else state.catchingUp = false;
  };
  return state;
}

test("a live message arriving during a catch-up beyond a gap makes it ask again", () => {
  const p = page(4);
  p.live(live(7, 6)); // 5 and 6 missed: catch up after 4
  assert.deepEqual(p.asked, [4]);
  p.live(live(10, 9)); // arrives while asking; 8 and 9 were missed too
  assert.deepEqual(p.asked, [4]);
  p.answer({ messages: [live(5), live(6), live(7)], more: false });
  assert.equal(p.contiguous, 7);
  assert.deepEqual(p.asked, [4, 7]); // 10 sits beyond the run: not done yet
  p.answer({ messages: [live(8), live(9), live(10)], more: false });
  assert.equal(p.contiguous, 10);
  assert.equal(p.catchingUp, false);
  assert.deepEqual(p.shown, [5, 6, 7, 8, 9, 10]);
  p.live(live(11, 10));
  assert.equal(p.contiguous, 11);
});

test("an acknowledged resend shows its message without claiming the run", () => {
  const p = page(4);
  p.live(live(6, null)); // my resend's answer; 5 may still be on its way
  assert.equal(p.contiguous, 4);
  assert.deepEqual(p.asked, []);
  p.live(live(5, 4));
  assert.equal(p.contiguous, 5);
  assert.deepEqual(p.shown, [5, 6]);
  assert.equal(chat.needsCatchUp(p.contiguous, 6, p.catchingUp), true); // the heartbeat's turn
});

test("messages are placed by id, wherever they come from", () => {
  assert.equal(chat.insertionIndex([], 5), 0);
  assert.equal(chat.insertionIndex([3, 8, 12], 1), 0);
  assert.equal(chat.insertionIndex([3, 8, 12], 9), 2);
  assert.equal(chat.insertionIndex([3, 8, 12], 20), 3);
  const p = page(0);
  [12, 3, 8, 1, 20].forEach((id) => p.show(live(id)));
  assert.deepEqual(p.shown, [1, 3, 8, 12, 20]);
});

test("a message already shown is not shown twice", () => {
  assert.equal(chat.isDuplicate([3, 8, 12], 8), true);
  assert.equal(chat.isDuplicate([3, 8, 12], 9), false);
  assert.equal(chat.isDuplicate([], 1), false);
  const p = page(4);
  p.live(live(5, 4));
  p.live(live(5, 4)); // the same message twice: once from the room, once to my own tab
  p.catchUp();
  p.answer({ messages: [live(5), live(6)], more: false }); // and again in a catch-up
  assert.deepEqual(p.shown, [5, 6]);
});

test("a send is retried after 2, 4, 8 ... seconds, never more than a minute apart", () => {
  const delays = [1, 2, 3, 4, 5, 6, 7, 8, 20].map(chat.retryDelay);
  assert.deepEqual(delays, [2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
});

test("from the third try the pending message says it is not sent yet", () => {
  assert.deepEqual([1, 2, 3, 4, 10].map(chat.shouldSayNotSent), [false, false, true, true, true]);
});
