// Search across the site, in the browser. The build writes an index of every page's sections
// (search.index in site.yaml); this script shows the search box, which the HTML keeps hidden so
// that without JavaScript none is shown, and fetches the index on first use only, so that a page
// weighs no more for readers who never search. Results are links to the exact section; their
// count is announced in a status region. Escape clears the search; the arrow keys move between
// the box and the results.
(function () {
  "use strict";

  var box = document.querySelector("[data-search-index]");
  if (!box || !window.fetch) {
    return;
  }
  var form = box.querySelector("form");
  var input = box.querySelector("input[type=search]");
  var status = box.querySelector("[role=status]");
  var list = box.querySelector("ol");
  var root = new URL(box.getAttribute("data-search-root"), location.href);
  var indexUrl = new URL(box.getAttribute("data-search-index"), location.href);
  var MAX_RESULTS = 10;
  var records = null;
  var loading = null;

  // Case and accents do not matter: "Geneve" finds "Genève"; nor do Arabic's short vowels and
  // shadda or the tatweel, which writers add or leave out: "تعثرت" finds "تعثّرت".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "").toLowerCase();
  }

  // The page's own words for what this script writes, where they are not English: data-* on the
  // root (layouts/base.ftlh, from the message files), {0}, {1} and {2} filled in.
  function message(name, english, values) {
    var text = document.documentElement.getAttribute("data-" + name) || english;
    return text.replace(/\{(\d)\}/g, function (all, index) { return String(values[index]); });
  }

  // One record per page (its text before the first section) and per section.
  function load() {
    if (!loading) {
      loading = fetch(indexUrl).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (index) {
        records = [];
        index.pages.forEach(function (page) {
          records.push({ page: page.title, title: page.title, url: page.url, text: page.text,
            folded: fold(page.title + " " + page.text), foldedTitle: fold(page.title) });
          page.sections.forEach(function (section) {
            records.push({ page: page.title, title: section.title, url: page.url + "#" + section.id, text: section.text,
              folded: fold(section.title + " " + section.text), foldedTitle: fold(page.title + " " + section.title) });
          });
        });
      });
      loading.catch(function () {
        loading = null; // try again on the next key
        status.textContent = message("search-failed", "The search could not be loaded.", []);
      });
    }
    return loading;
  }

  // Every word must occur; words in a title count most, then the earliest place in the text.
  function find(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { return []; }
    var found = [];
    records.forEach(function (record, order) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var inTitle = record.foldedTitle.indexOf(words[i]) >= 0;
        if (!inTitle && record.folded.indexOf(words[i]) < 0) { return; }
        score += inTitle ? 10 : 1;
      }
      found.push({ record: record, score: score, order: order });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.map(function (match) { return match.record; });
  }

  // fold(text), and where in text each of its characters came from: folding drops Arabic's marks,
  // so a place in the folded text is not the same place in the text.
  function foldWithPlaces(text) {
    var folded = "", places = [];
    for (var i = 0; i < text.length; i++) {
      var part = fold(text.charAt(i));
      for (var j = 0; j < part.length; j++) { folded += part.charAt(j); places.push(i); }
    }
    return { text: folded, places: places };
  }

  // About twenty words around the first word found.
  function excerpt(text, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var folded = foldWithPlaces(text);
    var at = -1;
    words.forEach(function (word) {
      var place = folded.text.indexOf(word);
      if (place >= 0 && (at < 0 || folded.places[place] < at)) { at = folded.places[place]; }
    });
    if (at < 0) { return text.length > 160 ? text.slice(0, 160).replace(/\s+\S*$/, "") + "…" : text; }
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 60)));
    var end = text.indexOf(" ", Math.min(text.length, at + 100));
    end = end < 0 ? text.length : end;
    return (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
  }

  function show() {
    var query = input.value.trim();
    list.textContent = "";
    if (!query) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    var results = find(query);
    results.slice(0, MAX_RESULTS).forEach(function (record) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(record.url, root).href;
      link.textContent = record.title;
      item.appendChild(link);
      if (record.title !== record.page) {
        var page = document.createElement("span");
        page.className = "search-page";
        page.textContent = record.page;
        item.appendChild(document.createTextNode(" — "));
        item.appendChild(page);
      }
      if (record.text) {
        var text = document.createElement("p");
        text.textContent = excerpt(record.text, query);
        item.appendChild(text);
      }
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    status.textContent = results.length === 0 ? message("search-none", "No results for “{0}”.", [query])
      : results.length > MAX_RESULTS ? message("search-capped", "{0} results for “{1}”, the first {2} shown.", [results.length, query, MAX_RESULTS])
      : results.length === 1 ? message("search-one", "1 result for “{0}”.", [query])
      : message("search-many", "{0} results for “{1}”.", [results.length, query]);
  }

  function update() {
    if (records) {
      show();
    } else if (input.value.trim()) {
      status.textContent = message("search-loading", "Loading the search…", []);
      load().then(show, function () {});
    }
  }

  function clear() {
    input.value = "";
    show();
    input.focus();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  box.hidden = false;
  input.addEventListener("focus", function () { load().catch(function () {}); });
  input.addEventListener("input", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) { first.focus(); }
  });
  box.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape" && (input.value || !list.hidden)) {
      event.preventDefault();
      clear();
    } else if (event.key === "ArrowDown" && all.length && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
})();
