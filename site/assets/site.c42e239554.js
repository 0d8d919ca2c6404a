// Small enhancements; every page works without them.
// - A "Copy link" button beside each quote's permanent link. It copies the canonical address (the
//   link's data-permalink, under the site's base_url), not the address it is read at: a preview,
//   a copy opened from disk.
// - Table regions are focusable (tabindex="0" in the HTML, so that without JavaScript the
//   keyboard can always scroll them); here they leave the tab order while they do not scroll.
// - On phones, where the menu is one line that scrolls sideways, the current page's item is
//   scrolled into view.
// - On the quote index, filters by speaker, party, issue and outlet and a search of the quote
//   text; the filter state lives in the URL, so a filtered view can be shared.
(function () {
  "use strict";

  var status = document.getElementById("quote-filter-status");

  // The page's own words for what this script writes, where they are not English: data-* on the
  // root (layouts/base.ftlh, from the message files), {0} and {1} filled in.
  function message(name, english, values) {
    var text = document.documentElement.getAttribute("data-" + name) || english;
    return text.replace(/\{(\d)\}/g, function (all, index) { return values[index]; });
  }

  function announce(message) {
    var region = status || document.getElementById("copy-status");
    if (!region) {
      region = document.createElement("p");
      region.id = "copy-status";
      region.className = "visually-hidden";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    region.textContent = message;
  }

  document.querySelectorAll("a.permalink").forEach(function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = message("copy-link", "Copy link", []);
    button.addEventListener("click", function () {
      var url = link.dataset.permalink || link.href;
      var done = function () {
        announce(message("link-copied-announce", "Link copied: {0}", [url]));
        button.textContent = message("link-copied", "Link copied", []);
      };
      var prompt = function () { window.prompt(message("copy-prompt", "Copy this link:", []), url); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, prompt);
      } else {
        prompt();
      }
    });
    link.insertAdjacentElement("afterend", button);
  });

  var currentItem = document.querySelector(".site-nav [aria-current]");
  if (currentItem) {
    var menu = currentItem.closest("ul");
    var itemBox = currentItem.getBoundingClientRect();
    var menuBox = menu.getBoundingClientRect();
    // 48 px: past the fade at the menu's end, its right edge (its left edge right to left, where
    // scrollLeft counts down from 0).
    if (menu.scrollWidth > menu.clientWidth) {
      if (getComputedStyle(menu).direction === "rtl") {
        if (itemBox.left < menuBox.left + 48) {
          menu.scrollLeft -= menuBox.left + 48 - itemBox.left;
        }
      } else if (itemBox.right > menuBox.right - 48) {
        menu.scrollLeft += itemBox.right - menuBox.right + 48;
      }
    }
  }

  var scrollRegions = Array.prototype.slice.call(document.querySelectorAll(".table-scroll[tabindex]"));
  function updateScrollRegions() {
    scrollRegions.forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1) {
        region.setAttribute("tabindex", "0");
      } else if (region !== document.activeElement) {
        region.removeAttribute("tabindex");
      }
    });
  }
  if (scrollRegions.length) {
    updateScrollRegions();
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(updateScrollRegions);
      scrollRegions.forEach(function (region) { observer.observe(region); });
    } else {
      window.addEventListener("resize", updateScrollRegions);
    }
  }

  var form = document.getElementById("quote-filters");
  if (!form) {
    return;
  }
  var names = ["q", "speaker", "party", "issue", "outlet"];
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-speaker]"));
  var articles = items.filter(function (item) { return item.tagName === "ARTICLE"; });

  function matches(item, values) {
    if (values.speaker && item.dataset.speaker !== values.speaker) { return false; }
    if (values.party && item.dataset.party !== values.party) { return false; }
    // A remark given in several outlets' wordings lists them all.
    if (values.outlet && item.dataset.outlet.split(" ").indexOf(values.outlet) < 0) { return false; }
    if (values.issue && item.dataset.issues.split(" ").indexOf(values.issue) < 0) { return false; }
    if (values.q) {
      var words = values.q.toLowerCase().split(/\s+/).filter(Boolean);
      var text = item.textContent.toLowerCase();
      return words.every(function (word) { return text.indexOf(word) >= 0; });
    }
    return true;
  }

  function apply(updateUrl) {
    var values = {};
    names.forEach(function (name) { values[name] = form.elements[name].value.trim(); });
    items.forEach(function (item) { item.hidden = !matches(item, values); });
    document.querySelectorAll("section[aria-labelledby^='speaker-']").forEach(function (section) {
      section.hidden = !section.querySelector("article.quote:not([hidden])");
    });
    var shown = articles.filter(function (article) { return !article.hidden; }).length;
    // "quotes and statements": the index holds direct quotes and reported statements, which the
    // About page keeps apart.
    status.textContent = shown === articles.length ? message("filter-all", "Showing all {0} quotes and statements.", [shown])
      : message("filter-some", "Showing {0} of {1} quotes and statements.", [shown, articles.length]);
    if (updateUrl) {
      var params = new URLSearchParams();
      names.forEach(function (name) { if (values[name]) { params.set(name, values[name]); } });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  var initial = new URLSearchParams(location.search);
  names.forEach(function (name) {
    if (initial.has(name)) { form.elements[name].value = initial.get(name); }
  });
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  apply(false);
})();
