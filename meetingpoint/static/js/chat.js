// Live chat on top of the plain HTML page: catch up from the last id held, show messages as
// they arrive (each once, in id order), send with a client-made id (retried until
// acknowledged, stored once; held in the outbox meanwhile), typing, who is online and read
// positions.
(function () {
  "use strict";
  var list = document.querySelector("[data-chat]");
  var core = window.meetingPointChat; // chat-core.js, loaded just before
  var outbox = window.meetingPointOutbox; // outbox.js: what is sent is held until answered
  var files = window.meetingPointChatFiles; // chat-files.js: attachments shown and sent
  if (!list || !window.meetingPoint || !core || !files || list.dataset.live !== "on") return;
  var socket = window.meetingPoint.socket;
  var text = list.dataset;
  var conversationId = Number(text.conversationId);
  var me = Number(text.userId);
  var form = document.querySelector("[data-chat-form]");
  var errorBox = document.querySelector("[data-chat-error]");
  var typingLine = document.querySelector("[data-typing]");
  var onlineList = document.querySelector("[data-online]");
  // Everything up to `contiguous` is on the page; catch-up asks for what comes after it.
  var contiguous = Number(text.lastId) || 0;
  var catchingUp = false;
  var readSent = 0;
  var dateFormat;
  try {
    dateFormat = new Intl.DateTimeFormat(document.documentElement.lang, {
      dateStyle: "short", timeStyle: "short", timeZone: text.timezone
    });
  } catch (error) {
    dateFormat = new Intl.DateTimeFormat(document.documentElement.lang, {
      dateStyle: "short", timeStyle: "short"
    });
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  // The same badge as the server's (templating.language_badge), named by the browser.
  var languageNames = window.Intl && Intl.DisplayNames
    ? new Intl.DisplayNames([document.documentElement.lang], { type: "language" }) : null;

  function languageBadge(code) {
    var name = code === "und" ? text.textUndetermined
      : (languageNames && languageNames.of(code)) || code;
    name = name.charAt(0).toUpperCase() + name.slice(1);
    var badge = el("span", "lang-badge");
    badge.title = name;
    var short = el("span", "", code === "und" ? "?" : code.toUpperCase());
    short.setAttribute("aria-hidden", "true");
    badge.appendChild(short);
    badge.appendChild(el("span", "visually-hidden", name));
    return badge;
  }

  function urlFor(template, id) {
    return template.replace(/\/0(?=$|[/?#])/, "/" + id);
  }

  function messageItem(m) {
    var item = el("li", "message" + (m.sender_id === me ? " mine" : ""));
    item.id = "message-" + m.id;
    item.dataset.id = m.id;
    item.setAttribute("data-translatable", "");
    item.appendChild(el("span", "author", m.sender_name || text.textFormer));
    var link = el("a", "meta");
    link.href = urlFor(text.linkUrl, m.id);
    var time = el("time", "", dateFormat.format(new Date(m.created_at)));
    time.setAttribute("datetime", m.created_at);
    link.appendChild(time);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(link);
    if (m.deleted) {
      item.appendChild(el("p", "meta deleted", text.textDeleted));
      return item;
    }
    item.appendChild(document.createTextNode(" "));
    item.appendChild(languageBadge(m.language));
    var body = el("div", "body");
    body.lang = m.language;
    body.innerHTML = m.html; // sanitised on the server by an allow-list (nh3)
    var content = document.createDocumentFragment();
    content.appendChild(body);
    var attached = files.list(m.attachments, text);
    if (attached) content.appendChild(attached);
    item.appendChild(muted.indexOf(String(m.sender_id)) >= 0 ? collapsed(content) : content);
    if (m.edited) item.appendChild(el("span", "meta edited", text.textEdited));
    if (text.translateUrl && m.language !== document.documentElement.lang) {
      var translate = el("a", "translate", text.textTranslate);
      translate.href = urlFor(text.translateUrl, m.id);
      translate.setAttribute("data-translate", "");
      translate.rel = "nofollow";
      item.appendChild(document.createTextNode(" "));
      item.appendChild(translate);
    }
    if (m.sender_id === me) {
      var edit = el("a", "meta", text.textEdit);
      edit.href = urlFor(text.editUrl, m.id);
      item.appendChild(edit);
    }
    if (m.sender_id === me || text.canModerate) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(deleteForm(m.id));
    }
    return item;
  }

  // Someone the reader muted: the message stays in place, folded, as the server renders it.
  var muted = (text.muted || "").split(" ").filter(Boolean);
  function collapsed(body) {
    var details = el("details", "muted-writing");
    var summary = el("summary", "", text.textMuted + " ");
    summary.appendChild(el("span", "show-muted", text.textShow));
    details.appendChild(summary);
    details.appendChild(body);
    return details;
  }

  function deleteForm(id) {
    var del = el("form", "inline delete-message");
    del.method = "post";
    del.action = urlFor(text.deleteUrl, id);
    var token = el("input");
    token.type = "hidden";
    token.name = "csrf_token";
    token.value = text.csrf;
    var button = el("button", "link", text.textDelete);
    button.type = "submit";
    del.appendChild(token);
    del.appendChild(button);
    return del;
  }

  // Insert or replace in id order; a message already shown is never shown twice.
  function show(m, replace) {
    if (m.conversation_id !== conversationId) return;
    var shown = list.querySelectorAll("li[data-id]");
    var ids = Array.prototype.map.call(shown, function (li) { return Number(li.dataset.id); });
    var duplicate = core.isDuplicate(ids, m.id);
    if (duplicate && !replace) return;
    var item = messageItem(m);
    if (duplicate) {
      list.replaceChild(item, shown[ids.indexOf(m.id)]);
      return;
    }
    var pending = list.querySelector('[data-client-id="' + m.client_id + '"]');
    if (pending && m.sender_id === me) list.removeChild(pending);
    var after = shown[core.insertionIndex(ids, m.id)];
    list.insertBefore(item, after || list.querySelector("li.pending"));
    var empty = document.querySelector(".empty-chat");
    if (empty) empty.hidden = true;
  }

  // A live message names the one before it in its conversation (ids are handed out in the
  // order messages commit): if that one is the last of the unbroken run, the run grows; if
  // not, something was missed (Redis away, a dropped connection) and is fetched now.
  function chain(m) {
    if (m.conversation_id !== conversationId || catchingUp) return;
    var run = core.extendRun(contiguous, m);
    contiguous = run.contiguous;
    if (run.gap) catchUp();
  }

  function newest() {
    var items = list.querySelectorAll("li[data-id]");
    return items.length ? Number(items[items.length - 1].dataset.id) : 0;
  }

  function markRead() {
    var id = newest();
    if (document.visibilityState !== "visible" || id <= readSent) return;
    readSent = id;
    socket.emit("read", { conversation_id: conversationId, up_to_id: id });
  }

  function showError(message) {
    if (!errorBox) return;
    errorBox.textContent = message || "";
    errorBox.hidden = !message;
  }

  // Everything after the unbroken run, from the server, until the run reaches the newest
  // message on the page: one that arrived live during the catch-up may sit beyond a gap.
  function catchUp() {
    catchingUp = true;
    var asked = { conversation_id: conversationId, after_id: contiguous };
    socket.timeout(15000).emit("open", asked, function (timedOut, reply) {
      if (timedOut || !reply || !reply.ok) {
        catchingUp = false; // the next heartbeat or reconnection tries again
        if (reply) showError(reply.error);
        return;
      }
      reply.messages.forEach(function (m) { show(m); });
      var run = core.afterCatchUp(contiguous, reply, newest());
      contiguous = run.contiguous;
      if (reply.online) showOnline(reply.online, reply.online_count);
      if (run.again) return catchUp();
      catchingUp = false;
      showError("");
      markRead();
      resendPending();
    });
  }

  // The first people by name, and how many are here in all (the list stops at fifty).
  var onlineCount = document.querySelector("[data-online-count]");
  function showOnline(people, count) {
    if (!onlineList) return;
    onlineList.textContent = "";
    people.forEach(function (person) { addOnline(person); });
    if (onlineCount && typeof count === "number") {
      onlineCount.textContent = new Intl.NumberFormat(document.documentElement.lang).format(count);
    }
  }

  // Who is online is looked up, not pushed, with every heartbeat. The heartbeat also tells
  // the newest id: anything missed while live delivery was down (Redis away) is fetched,
  // every few seconds until the server says delivery is live again.
  var heartbeat = (Number(document.documentElement.dataset.heartbeat) || 45) * 1000 / 2;
  var degraded = false;
  var beatTimer;

  function showLive(live) {
    if (live === false) {
      degraded = true;
      showError(text.textReconnecting);
    } else if (live === true && degraded) {
      degraded = false;
      showError("");
    }
  }

  function beat() {
    clearTimeout(beatTimer);
    beatTimer = setTimeout(beat, degraded ? 5000 : heartbeat);
    if (!socket.connected) return;
    socket.emit("here", { conversation_id: conversationId }, function (reply) {
      if (!reply || !reply.ok) return;
      if (reply.online) showOnline(reply.online, reply.online_count);
      showLive(reply.live);
      if (core.needsCatchUp(contiguous, reply.last_id, catchingUp)) catchUp();
    });
  }
  beatTimer = setTimeout(beat, heartbeat);

  function addOnline(person) {
    if (!onlineList || onlineList.querySelector('[data-user-id="' + person.user_id + '"]')) return;
    var item = el("li", "", person.name);
    item.dataset.userId = person.user_id;
    onlineList.appendChild(item);
  }

  // Sending: shown at once as pending, sent with its client id until acknowledged.
  var pending = {};

  function newClientId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  // Unanswered in time, or answered "try again" (the server busy, its database away): sent
  // again with the same client id, so it is stored once, after a pause that grows to a
  // minute; after the third try the message says plainly that it is not sent yet.
  function retryLater(draft) {
    var tries = (draft.tries || 0) + 1;
    draft.tries = tries;
    if (core.shouldSayNotSent(tries)) setStatus(draft.client_id, text.textNotSent);
    clearTimeout(draft.timer);
    draft.timer = setTimeout(function () {
      if (pending[draft.client_id] && canSend(draft)) send(draft);
    }, core.retryDelay(tries));
  }

  function setStatus(clientId, status) {
    var item = list.querySelector('[data-client-id="' + clientId + '"] .status');
    if (item) item.textContent = status;
  }

  // Files go over HTTP (the socket carries none); the answer is the same either way.
  function canSend(draft) {
    return draft.fields ? navigator.onLine !== false : socket.connected;
  }

  function send(draft) {
    if (draft.fields) {
      return files.post(location.pathname, draft.fields, text.csrf, text.textNotSent,
        function (reply) { answered(draft, false, reply); });
    }
    socket.timeout(15000).emit("send", draft, function (timedOut, reply) {
      answered(draft, timedOut, reply);
    });
  }

  function answered(draft, timedOut, reply) {
    if (!pending[draft.client_id]) return; // already answered, by an earlier try
    if (timedOut || (reply && !reply.ok && reply.retry)) return retryLater(draft);
    var item = list.querySelector('[data-client-id="' + draft.client_id + '"]');
    clearTimeout(draft.timer);
    delete pending[draft.client_id];
    if (outbox) outbox.release(draft.client_id); // answered: stored, or back in the box
    if (reply && reply.ok) {
      show(reply.message);
      chain(reply.message);
      markRead();
      if (reply.live === false) {
        showLive(false);
        beat(); // and from now on every few seconds, until live again
      }
      return;
    }
    if (item) list.removeChild(item);
    var box = form.querySelector("textarea");
    // Nothing written is lost: the text goes back in the box, after whatever is there
    // (several drafts sent at reconnection may be refused together).
    if (box.value.indexOf(draft.body) === -1) {
      box.value = box.value.trim() ? box.value.replace(/\s+$/, "") + "\n\n" + draft.body
        : draft.body;
    }
    if (draft.fields) files.restore(form, draft.fields);
    showError(reply && reply.error);
  }

  // Shown at once as pending, sent now if connected, else once the connection is back.
  function wait(draft) {
    if (pending[draft.client_id]) return;
    var item = el("li", "message mine pending");
    item.dataset.clientId = draft.client_id;
    item.appendChild(el("div", "body", draft.body));
    (draft.fields || []).forEach(function (pair) {
      if (typeof pair[1] !== "string") item.appendChild(el("p", "meta", pair[1].name));
    });
    item.appendChild(el("span", "meta status", text.textSending));
    list.appendChild(item);
    pending[draft.client_id] = draft;
    if (canSend(draft)) send(draft);
  }

  // The same message as the page's own form would post it (routes.MessageForm).
  function fieldsOf(draft) {
    return [["body", draft.body], ["language", draft.language], ["client_id", draft.client_id]];
  }

  function draftOf(entry) {
    var draft = { conversation_id: conversationId };
    entry.fields.forEach(function (pair) {
      if (pair[0] === "body" || pair[0] === "language" || pair[0] === "client_id") {
        draft[pair[0]] = pair[1];
      }
      if (typeof pair[1] !== "string") draft.fields = entry.fields; // it carries files
    });
    return draft;
  }

  function resendPending() {
    Object.keys(pending).forEach(function (id) {
      clearTimeout(pending[id].timer);
      send(pending[id]);
    });
  }

  if (form) {
    var box = form.querySelector("textarea");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = box.value.trim();
      var chosen = files.chosen(form).length > 0;
      if (!body && !chosen) return;
      var draft = {
        conversation_id: conversationId,
        client_id: form.elements.client_id.value,
        body: body,
        language: form.elements.language.value
      };
      // With files, the form's own fields, Files included (kept in the outbox as they are).
      if (chosen) draft.fields = files.fieldsOf(form);
      form.elements.client_id.value = newClientId();
      box.value = "";
      files.clear(form);
      showError("");
      var offline = !canSend(draft) || navigator.onLine === false;
      var held = outbox ? outbox.hold(draft.fields || fieldsOf(draft), offline) : Promise.resolve();
      held.catch(function () {}).then(function () { wait(draft); });
    });
    // Held in the outbox by an earlier page (closed before the server answered, or a
    // copy read offline): shown as waiting, and sent with the others.
    if (outbox) {
      outbox.waitingHere().then(function (entries) {
        entries.forEach(function (entry) { wait(draftOf(entry)); });
      });
    }
    var lastTyping = 0;
    box.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastTyping < 2500 || !socket.connected) return;
      lastTyping = now;
      socket.emit("typing", { conversation_id: conversationId });
    });
  }

  list.addEventListener("submit", function (event) {
    var target = event.target;
    if (!target.classList.contains("delete-message") || !socket.connected) return;
    event.preventDefault();
    var id = Number(target.closest("li").dataset.id);
    socket.emit("delete", { message_id: id }, function (reply) {
      if (reply && reply.ok) show(reply.message, true);
      else showError(reply && reply.error);
    });
  });

  var typingTimer = null;
  socket.on("typing", function (data) {
    if (data.conversation_id !== conversationId || data.user_id === me || !typingLine) return;
    typingLine.textContent = text.textTyping.replace("{name}", data.name);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typingLine.textContent = ""; }, 4000);
  });
  socket.on("new_message", function (m) {
    show(m);
    chain(m);
    if (m.conversation_id === conversationId && typingLine) typingLine.textContent = "";
    markRead();
  });
  socket.on("message_changed", function (m) { show(m, true); });
  socket.on("connect", catchUp);
  socket.on("disconnect", function () { showError(text.textOffline); });
  document.addEventListener("visibilitychange", markRead);
  if (socket.connected) catchUp();
})();
