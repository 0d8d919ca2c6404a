// Live preview: reloads the page after every successful rebuild and shows build errors over
// the page until they are fixed. Injected by `explainer serve` only; never part of a built site.
(function () {
  "use strict";
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(errors) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "explainer-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);" +
      "color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;";
    var title = document.createElement("h2");
    title.textContent = "The site has " + errors.length + (errors.length === 1 ? " error" : " errors") +
      ". The last good build is shown underneath; fix the files and this clears by itself.";
    title.style.cssText = "font-size:1.1rem;margin:0 0 1rem;color:#ffb4a8;";
    overlay.appendChild(title);
    errors.forEach(function (error) {
      var item = document.createElement("div");
      item.className = "explainer-error";
      item.style.cssText = "margin:0 0 1.25rem;";
      var where = document.createElement("div");
      where.textContent = error.file + ":" + error.line + ":" + error.column + ": " + error.severity + ": " + error.message;
      item.appendChild(where);
      if (error.source) {
        var code = document.createElement("pre");
        code.textContent = error.line + " | " + error.source + "\n" + " ".repeat(String(error.line).length + 2 + error.column) + "^";
        code.style.cssText = "background:#000;color:#e6e6e6;padding:.5rem;margin:.25rem 0 0;white-space:pre-wrap;";
        item.appendChild(code);
      }
      overlay.appendChild(item);
    });
    document.body.appendChild(overlay);
  }

  var events = new EventSource("/__explainer/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("errors", function (event) { show(JSON.parse(event.data)); });
  events.addEventListener("ok", hide);
})();
