// "Translate" in place: the translation appears under the original, marked as machine
// translation, and hides again in one click. Without this script the link opens a page
// with the original and its translation.
(function () {
  "use strict";
  if (!window.fetch) return;

  function block(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function original(link) {
    var item = link.closest("[data-translatable]");
    return item && item.querySelector(".body");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-translate]");
    var body = link && original(link);
    if (!body) return;
    event.preventDefault();
    var shown = body.nextElementSibling;
    if (shown && shown.classList.contains("translation")) {
      shown.hidden = !shown.hidden;  // the second click puts the original alone again
      return;
    }
    link.setAttribute("aria-busy", "true");
    fetch(link.href, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        var box = block("div", "translation");
        box.setAttribute("role", "region");
        if (answer.ok) {
          box.setAttribute("aria-label", answer.label);
          box.appendChild(block("p", "meta machine", answer.label));
          var text = block("div", "body");
          text.lang = answer.language;
          text.innerHTML = answer.html; // sanitised on the server by the posts' allow-list
          box.appendChild(text);
        } else {
          box.appendChild(block("p", "flash flash-error", answer.error));
        }
        body.parentNode.insertBefore(box, body.nextSibling);
      })
      .catch(function () { window.location.href = link.href; }) // the page of its own
      .then(function () { link.removeAttribute("aria-busy"); });
  });
})();
