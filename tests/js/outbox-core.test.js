// The outbox's rules (static/js/outbox-core.js), as the page and the worker apply them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const outbox = require(path.join(__dirname, "../../meetingpoint/static/js/outbox-core.js"));
const SITE = "http://127.0.0.1:5000";

function answer(url, redirected, status) {
  return { url: SITE + url, redirected: redirected, ok: status < 400, status: status };
}

test("what was written first is sent first, whatever its client id", () => {
  const entries = [
    { clientId: "a", at: 30 }, { clientId: "b", at: 10 }, { clientId: "c", at: 20 }
  ];
  assert.deepEqual(outbox.inOrder(entries).map((e) => e.clientId), ["b", "c", "a"]);
  assert.deepEqual(entries.map((e) => e.clientId), ["a", "b", "c"]);  // left as it was
});

test("a redirect to the post or the chat means stored", () => {
  assert.equal(outbox.outcome(answer("/en/rooms/r/topics/3#post-9", true, 200)), "sent");
  assert.equal(outbox.outcome(answer("/en/rooms/r/chat#latest", true, 200)), "sent");
});

test("a redirect to the sign-in page keeps the entry for a signed-in page", () => {
  assert.equal(outbox.outcome(answer("/en/auth/login?next=%2Fen%2Fposts%2F3%2Freply", true, 200)),
    "signed-out");
});

test("the form shown again, or an error, is a refusal", () => {
  assert.equal(outbox.outcome(answer("/en/posts/3/reply", false, 200)), "refused");
  assert.equal(outbox.outcome(answer("/en/posts/3/reply", false, 400)), "refused");
  assert.equal(outbox.outcome(answer("/en/rooms/gone/topics/3", true, 404)), "refused");
});

test("a message's files are sent under their own names, beside its text", async () => {
  const photo = new File([new Uint8Array([255, 216, 255])], "workshop.jpg", { type: "image/jpeg" });
  const entry = { url: "/en/rooms/r/chat", fields: [
    ["body", "The workshop"], ["attachments-0-file", photo], ["attachments-0-alt", "Delegates"]
  ] };
  const data = outbox.formData(entry, "token");
  const sent = data.get("attachments-0-file");
  assert.equal(sent.name, "workshop.jpg");
  assert.deepEqual([...new Uint8Array(await sent.arrayBuffer())], [255, 216, 255]);
  assert.equal(data.get("body"), "The workshop");
  assert.equal(data.get("attachments-0-alt"), "Delegates");
  assert.equal(data.get("csrf_token"), "token");
});
