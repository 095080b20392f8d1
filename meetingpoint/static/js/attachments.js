// Files dropped on a form, or a picture pasted into its text, go into the next empty slot
// of its attachment fields (templates/attachments/_fields.html), as if chosen there: the
// form still sends them itself. What cannot be attached is refused before sending.
(function () {
  "use strict";
  if (!window.DataTransfer) return;
  document.querySelectorAll("[data-attach]").forEach(function (box) {
    var form = box.closest("form");
    var words = box.dataset;
    var allowed = words.attach.split(" ");
    var status = box.querySelector(".attach-status");
    var inputs = box.querySelectorAll("input[type=file]");

    function size(n) {
      var mb = n >= 1048576;
      var value = (mb ? n / 1048576 : Math.max(n / 1024, 1)).toLocaleString(
        document.documentElement.lang, {maximumFractionDigits: mb ? 1 : 0, minimumFractionDigits: mb ? 1 : 0});
      return (mb ? words.mb : words.kb).replace("{n}", value);
    }

    function say(text) { status.textContent = (status.textContent + " " + text).trim(); }

    function chosen(input) {
      var file = input.files[0];
      var note = input.parentNode.querySelector(".attach-chosen");
      if (!note) {
        note = document.createElement("p");
        note.className = "attach-chosen hint";
        input.parentNode.appendChild(note);
      }
      note.textContent = file ? file.name + ", " + size(file.size) : "";
      return file;
    }

    function place(file) {
      var name = file.name || "";
      if (allowed.indexOf(name.split(".").pop().toLowerCase()) < 0 || name.indexOf(".") < 0) {
        return say(words.refused.replace("{name}", name));
      }
      var input = Array.prototype.filter.call(inputs, function (i) { return !i.files.length; })[0];
      if (!input) return say(words.tooMany);
      var list = new DataTransfer();
      list.items.add(file);
      input.files = list.files;
      box.open = true;
      say(chosen(input).name + ", " + size(file.size) + ".");
      if (/^image\//.test(file.type)) input.closest("fieldset").querySelector("input[type=text]").focus();
    }

    function take(files, event) {
      if (!files || !files.length) return;
      event.preventDefault();
      say("");
      Array.prototype.forEach.call(files, place);
    }

    inputs.forEach(function (input) {
      input.addEventListener("change", function () { chosen(input); });
    });
    form.addEventListener("dragover", function (event) {
      if (Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) event.preventDefault();
    });
    form.addEventListener("drop", function (event) { take(event.dataTransfer.files, event); });
    form.addEventListener("paste", function (event) {
      if (event.target.tagName === "TEXTAREA") take(event.clipboardData && event.clipboardData.files, event);
    });
  });
})();
