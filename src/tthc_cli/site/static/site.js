/* The site's pages: the search box of the home page and the filters of a province's list.
   Everything runs on what the page and the index files hold; nothing is sent anywhere. */
(function () {
  "use strict";
  var T = window.TTHC;

  function say(node, text) { node.textContent = text; }

  /* Home: the search of `tthc search`, on the index files. */
  function siteSearch(form) {
    var input = form.querySelector("input[type=search]");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var root = form.getAttribute("data-root") || "";
    var limit = parseInt(form.getAttribute("data-limit"), 10) || 10;
    var words = JSON.parse(document.getElementById("search-words").textContent);
    var asked = 0;
    function run() {
      var text = input.value;
      var ticket = ++asked;
      if (!text.trim()) { list.textContent = ""; say(status, ""); return; }
      T.search(root, text, limit).then(function (hits) {
        if (ticket !== asked) return;
        list.textContent = "";
        hits.forEach(function (hit) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = root + hit.row[9];
          link.textContent = hit.name;
          item.appendChild(link);
          item.appendChild(document.createTextNode(" · " + hit.row[6] + " · " + hit.row[2] + " · " + (words.levels[hit.row[3]] || hit.row[3]) + " " + hit.row[4]));
          item.setAttribute("data-code", hit.row[6]);
          item.setAttribute("data-province", hit.row[2]);
          item.setAttribute("data-level", hit.row[3]);
          list.appendChild(item);
        });
        say(status, hits.length ? words.found.replace("{count}", hits.length) : words.none);
        list.setAttribute("data-query", text);  /* the query these results answer */
      }, function () {
        if (ticket === asked) say(status, words.unavailable);
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
  }

  /* A province: filters and the search box over the rows of its table. */
  function listFilters(form) {
    var table = document.getElementById("procedures");
    var body = table.tBodies[0];
    var status = document.getElementById("list-status");
    var words = JSON.parse(document.getElementById("search-words").textContent);
    var rows = Array.prototype.slice.call(body.rows);
    T.setLetters(words.letters);
    var cache = {};
    var data = rows.map(function (tr, seq) {
      var d = tr.dataset, name = d.name;
      if (!cache[name]) cache[name] = T.keys(name);
      return { tr: tr, row: [seq, name, "", d.level, d.effective, parseInt(d.stated, 10), d.code, d.national, d.list + "\u0000" + d.key, ""] };
    });
    var selects = form.querySelectorAll("select");
    var input = form.querySelector("input[type=search]");
    var more = document.getElementById("list-more");
    var SHOWN = 50;  /* rows laid out at a time: a long table takes long to lay out */
    var all = false;
    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(selects, function (s) { if (s.value) wanted[s.getAttribute("data-key")] = s.value; });
      var shown = data.filter(function (item) {
        var d = item.tr.dataset;
        for (var key in wanted) if (d[key] !== wanted[key]) return false;
        return true;
      });
      var text = input.value;
      var order = shown;
      if (text.trim()) {
        var q = T.parseQuery(text);
        var hits = T.rank(shown.map(function (i) { return i.row; }), q,
          function (row) { return T.nameScore(q, cache[row[1]]); },
          function (row) { return row[1]; }, 0);
        var byRow = {};
        shown.forEach(function (i) { byRow[i.row[0]] = i; });
        /* A procedure listed twice in one list shows once, as in `tthc search`. */
        order = hits.map(function (h) { return byRow[h.row[0]]; });
      }
      var total = order.length;
      if (!all && total > SHOWN) order = order.slice(0, SHOWN);
      /* Touch only what changes: one move of the whole body when the order changes. */
      var visible = {};
      order.forEach(function (item) { visible[item.row[0]] = true; });
      data.forEach(function (item) {
        var hide = !visible[item.row[0]];
        if (item.tr.hidden !== hide) item.tr.hidden = hide;
      });
      var current = Array.prototype.filter.call(body.rows, function (tr) { return !tr.hidden; });
      var same = current.length === order.length && order.every(function (item, i) { return current[i] === item.tr; });
      if (!same) {
        var fragment = document.createDocumentFragment();
        order.forEach(function (item) { fragment.appendChild(item.tr); });
        data.forEach(function (item) { if (!visible[item.row[0]]) fragment.appendChild(item.tr); });
        body.appendChild(fragment);
      }
      say(status, order.length < total
        ? words.some.replace("{shown}", order.length).replace("{count}", total)
        : words.count.replace("{count}", total));
      more.hidden = order.length >= total;
      more.textContent = words.more.replace("{count}", total);
    }
    function changed() { all = false; apply(); }
    more.addEventListener("click", function () { all = true; apply(); });
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  }

  function start() {
    var search = document.getElementById("site-search");
    if (search) siteSearch(search);
    var filters = document.getElementById("list-filters");
    if (filters) listFilters(filters);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
