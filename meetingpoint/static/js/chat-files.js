// Files in live chat (chat.js): a message's attachments shown as the server shows them
// (templates/attachments/_list.html), and a message with files sent over HTTP, as the
// page's own form would post it, since the socket does not carry files.
(function () {
  "use strict";

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  // The same label as the server's (templating.file_size), in the reader's language.
  function sizeLabel(size, words) {
    var lang = document.documentElement.lang;
    if (size >= 1024 * 1024) {
      var mb = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      return words.textMegabytes.replace("{size}", mb.format(size / (1024 * 1024)));
    }
    var kb = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    return words.textKilobytes.replace("{size}", kb.format(Math.max(size / 1024, 1)));
  }

  function picture(a, words) {
    var item = el("li", "attachment picture");
    var figure = el("figure");
    var link = el("a");
    link.href = a.medium_url;
    var img = el("img");
    var scale = Math.min(1, 640 / Math.max(a.width || 640, a.height || 640));
    img.src = a.preview_url;
    img.alt = a.alt || words.textPicture.replace("{name}", a.file_name);
    img.width = Math.round((a.width || 640) * scale);
    img.height = Math.round((a.height || 480) * scale);
    img.loading = "lazy";
    img.decoding = "async";
    link.appendChild(img);
    figure.appendChild(link);
    var caption = el("figcaption");
    var load = el("a", "", (a.animated ? words.textPlay : words.textLoadImage)
      .replace("{size}", sizeLabel(a.size, words)));
    load.href = a.file_url;
    caption.appendChild(load);
    figure.appendChild(caption);
    item.appendChild(figure);
    return item;
  }

  function file(a, words) {
    var item = el("li", "attachment file");
    var media = /^(audio|video)\//.exec(a.content_type || "");
    if (media) {
      // Nothing is fetched until it is played: a voice note costs no bytes unheard.
      var player = el(media[1]);
      player.controls = true;
      player.preload = "none";
      player.src = a.file_url;
      if (media[1] === "video") player.width = 320;
      item.appendChild(player);
      item.appendChild(document.createTextNode(" "));
    }
    var link = el("a", "", a.file_name);
    link.href = a.file_url;
    link.setAttribute("download", "");
    item.appendChild(link);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(el("span", "meta", sizeLabel(a.size, words)));
    return item;
  }

  // A message's attachments as a list, or null when it has none.
  function list(attachments, words) {
    if (!attachments || !attachments.length) return null;
    var ul = el("ul", "attachments");
    attachments.forEach(function (a) {
      ul.appendChild(a.kind === "image" ? picture(a, words) : file(a, words));
    });
    return ul;
  }

  // The files chosen in the form's slots, as [name, File] pairs; none: an empty list.
  function chosen(form) {
    var found = [];
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      if (input.files && input.files.length) found.push([input.name, input.files[0]]);
    });
    return found;
  }

  // Every field the form would post (its CSRF token apart): text and chosen files.
  function fieldsOf(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrf_token") return;
      if (typeof value === "string" || (value && value.name)) fields.push([name, value]);
    });
    return fields;
  }

  // After sending: the slots emptied for the next message.
  function clear(form) {
    form.querySelectorAll(".attach input").forEach(function (input) { input.value = ""; });
    var details = form.querySelector("details.attach");
    if (details) details.open = false;
  }

  // Refused: the files go back in their slots where the browser allows it, so that only
  // the one the server named needs changing.
  function restore(form, fields) {
    fields.forEach(function (pair) {
      var input = form.elements[pair[0]];
      if (!input || input.value) return;
      if (typeof pair[1] === "string") {
        if (/-alt$/.test(pair[0])) input.value = pair[1];
        return;
      }
      try {
        var kept = new DataTransfer();
        kept.items.add(pair[1]);
        input.files = kept.files;
      } catch (error) { /* this browser cannot: the person chooses the file again */ }
    });
    var details = form.querySelector("details.attach");
    if (details) details.open = true;
  }

  function reasonIn(html, fallback) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var said = page.querySelector("main h1 + p, .flash-error, [role=alert]");
    return said && said.textContent.trim() ? said.textContent.trim() : fallback;
  }

  // Posted to the page's own address, asking for the answer the socket's `send` gives:
  // {ok, message, duplicate, live}, or {ok: false, error}. A failure on our side or on the
  // way calls back `retry: true`, as the socket's answer would.
  function post(url, fields, csrfToken, fallback, answered) {
    var data = new FormData();
    fields.forEach(function (pair) {
      if (typeof pair[1] === "string") data.append(pair[0], pair[1]);
      else data.append(pair[0], pair[1], pair[1].name);
    });
    data.append("csrf_token", csrfToken);
    fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") === 0) return response.json();
      if (response.status >= 500) return { ok: false, retry: true };
      return response.text().then(function (html) {
        return { ok: false, error: reasonIn(html, fallback) };
      });
    }).catch(function () {
      return { ok: false, retry: true };
    }).then(answered);
  }

  window.meetingPointChatFiles = {
    list: list, chosen: chosen, fieldsOf: fieldsOf, clear: clear, restore: restore, post: post
  };
})();
