/* Search of the tthc site: the ranking of `tthc search` (src/tthc_cli/index/search.py), on
   index files made by site/searchindex.py, plus the filters of a procedure list.
   No library, no network: index files are scripts beside the page, so file:// works too. */
(function () {
  "use strict";
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var MARKS = /\p{M}/gu;
  var FORMAT = /\p{Cf}/gu;
  var SEPARATORS = /[\p{P}\p{S}\p{Z}\p{Cc}]/gu;
  var CODE_QUERY = /^\d\.\d{0,6}(?:\.[0-9A-Za-z.]*)?$/;
  var MIN_SHARE = 0.5;
  var FULL = { code: 1, exact: 1, phrase: 1, words: 1 };
  var letters = "";
  var store = {};
  var waiting = {};

  /* The words of text as text.keys.match_key cuts them, without a leading "thủ tục". */
  function words(text) {
    var key = text.normalize("NFC").toLowerCase().replace(/[ðɖ]/g, "đ");
    key = key.replace(FORMAT, "").replace(SEPARATORS, " ");
    var found = key.split(/\s+/).filter(Boolean);
    if (found[0] === "thủ" && found[1] === "tục") found = found.slice(2);
    return found;
  }
  /* A word with its tone marks moved to its end: "hoà" and "hòa" are one word. */
  function exactWord(word) {
    var nfd = word.normalize("NFD");
    var tones = (nfd.match(TONES) || []).join("");
    return nfd.replace(TONES, "").normalize("NFC") + tones;
  }
  function foldWord(word) {
    return word.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d");
  }
  function marked(word) {
    for (var i = 0; i < word.length; i++) if (letters.indexOf(word[i]) >= 0) return true;
    return false;
  }
  function keys(text) {
    var typed = words(text);
    var exact = typed.map(exactWord);
    var folded = typed.map(foldWord).filter(Boolean);
    if (folded.length !== exact.length) exact = folded;
    return { exact: exact, folded: folded, typed: typed };
  }
  function parseQuery(text) {
    var k = keys(text);
    var stripped = text.trim();
    return {
      exact: k.exact,
      folded: k.folded,
      marked: k.exact === k.folded ? k.folded.map(marked) : k.typed.map(marked),
      code: CODE_QUERY.test(stripped) ? stripped : null
    };
  }
  function wordsFound(q, exact, folded) {
    var found = [];
    for (var i = 0; i < q.exact.length; i++) {
      found.push(q.marked[i] ? exact.indexOf(q.exact[i]) >= 0 : folded.indexOf(q.folded[i]) >= 0);
    }
    return found;
  }
  function phraseAt(q, exact, folded) {
    var size = q.exact.length;
    for (var start = 0; start <= exact.length - size; start++) {
      var ok = true;
      for (var o = 0; o < size && ok; o++) {
        ok = q.marked[o] ? exact[start + o] === q.exact[o] : folded[start + o] === q.folded[o];
      }
      if (ok) return start;
    }
    return -1;
  }
  function nameScore(q, k) {
    if (!q.exact.length) return [0, ""];
    var at = phraseAt(q, k.exact, k.folded);
    if (at >= 0) {
      if (k.exact.length === q.exact.length) return [800, "exact"];
      return [600 + (at === 0 ? 50 : 0) - k.exact.length / 100, "phrase"];
    }
    var found = wordsFound(q, k.exact, k.folded);
    var share = found.filter(Boolean).length / found.length;
    if (share === 1) return [400 - k.exact.length / 100, "words"];
    if (share > MIN_SHARE) return [200 * share - k.exact.length / 100, "partial"];
    return [0, ""];
  }
  function codeScore(query, code, national) {
    if (!code) return 0;
    if (code === query || national === query) return 1000;
    return code.indexOf(query) === 0 ? 900 : 0;
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /* index.search.search on rows [seq, name, province, level, effective, stated, code,
     national, key, url], scored by name through `scoreOf`. */
  function rank(rows, q, scoreOf, nameOf, limit) {
    rows = rows.slice().sort(function (a, b) { return a[0] - b[0]; });
    var best = {}, order = [], last = -1;
    rows.forEach(function (row) {
      if (row[0] === last) return;  /* a listing met through its code and its name */
      last = row[0];
      var named = scoreOf(row), value = named[0], how = named[1];
      if (q.code !== null) {
        var coded = codeScore(q.code, row[6], row[7]);
        if (coded > value) { value = coded; how = "code"; }
      }
      if (value <= 0) return;
      var key = row[2] + "\u0000" + row[3] + "\u0000" + row[8];
      var current = best[key];
      if (!current) { order.push(key); best[key] = { value: value, how: how, row: row, name: nameOf(row) }; return; }
      var r1 = [value, row[4], row[5]], r0 = [current.value, current.row[4], current.row[5]];
      for (var i = 0; i < 3; i++) {
        if (r1[i] !== r0[i]) {
          if (r1[i] > r0[i]) best[key] = { value: value, how: how, row: row, name: nameOf(row) };
          break;
        }
      }
    });
    var hits = order.map(function (key) { return best[key]; });
    if (hits.some(function (h) { return FULL[h.how]; })) hits = hits.filter(function (h) { return FULL[h.how]; });
    hits.sort(function (a, b) { return cmp(b.row[4], a.row[4]) || cmp(b.row[3], a.row[3]); });
    hits.sort(function (a, b) {
      return b.value - a.value || cmp(a.name, b.name) || cmp(a.row[2], b.row[2]);
    });
    return limit ? hits.slice(0, limit) : hits;
  }

  /* ---- index files: scripts that call TTHC.put(name, data) ---- */
  function load(root, name) {
    if (store[name]) return Promise.resolve(store[name]);
    if (waiting[name]) return waiting[name];
    waiting[name] = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = root + "search/" + name + ".js";
      tag.addEventListener("load", function () { resolve(store[name]); });
      tag.addEventListener("error", function () { delete waiting[name]; reject(new Error(name)); });
      document.head.appendChild(tag);
    });
    return waiting[name];
  }
  function put(name, data) { store[name] = data; }

  var nameKeys = null;
  function search(root, text, limit) {
    return load(root, "names").then(function (meta) {
      letters = meta.letters;
      if (!nameKeys) nameKeys = meta.names.map(keys);
      var q = parseQuery(text);
      var scores = nameKeys.map(function (k) { return nameScore(q, k); });
      var shards = [];
      if (q.code !== null) {
        var prefix = q.code.slice(0, meta.code_prefix);
        meta.codes.forEach(function (c) { if (c.indexOf(prefix) === 0 || prefix.indexOf(c) === 0) shards.push("c" + c); });
      }
      var named = [];
      scores.forEach(function (s, id) { if (s[0] > 0) named.push(id); });
      named.sort(function (a, b) { return scores[b][0] - scores[a][0] || cmp(meta.names[a], meta.names[b]); });
      return Promise.all(shards.map(function (s) { return load(root, s); })).then(function (parts) {
        var rows = [].concat.apply([], parts);
        var scoreOf = function (row) { return scores[row[1]]; };
        var nameOf = function (row) { return meta.names[row[1]]; };
        /* Names come in the order their hits are shown, and each name's listings too: load
           until the first `limit` hits can no longer change. */
        function more(i, chunk) {
          var ranked = rank(rows, q, scoreOf, nameOf, 0);
          if (ranked.length >= limit || i >= named.length) return ranked.slice(0, limit);
          var id = named[i];
          if (chunk >= meta.chunks[id]) return more(i + 1, 0);
          return load(root, "n" + id + "-" + chunk).then(function (items) {
            rows = rows.concat(items);
            return more(i, chunk + 1);
          });
        }
        return more(0, 0);
      });
    });
  }

  window.TTHC = { put: put, search: search, keys: keys, parseQuery: parseQuery, nameScore: nameScore, codeScore: codeScore, rank: rank, setLetters: function (l) { letters = l; } };
})();
