// The document page: clicking a highlight shows the records behind it. Everything shown
// is set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var items = JSON.parse(document.getElementById("items").textContent);
  var detail = document.getElementById("detail");
  var LABELS = [
    ["type", "type"], ["source", "who said it"], ["cue", "cue"], ["content", "what is said"],
    ["count", "count"], ["unit", "unit"], ["who", "who"], ["trigger", "trigger"], ["event", "event"],
    ["place", "place"], ["date", "date"], ["chain", "source chain"], ["name", "name"],
    ["country", "country"], ["lat", "latitude"], ["lon", "longitude"],
  ];

  function element(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (cls) el.className = cls;
    return el;
  }

  function describe(item) {
    var box = element("section", null, "record record-" + item.kind);
    var flags = [];
    if (item.negated) flags.push("negated: nobody's claim");
    if (item.hypothetical) flags.push("hypothetical");
    box.appendChild(element("h3", item.kind + " " + item.id + (flags.length ? " (" + flags.join(", ") + ")" : "")));
    var list = element("dl");
    LABELS.forEach(function (pair) {
      var value = item[pair[0]];
      if (value === undefined || value === null || value === "") return;
      list.appendChild(element("dt", pair[1]));
      list.appendChild(element("dd", value));
    });
    box.appendChild(list);
    return box;
  }

  function select(ids) {
    document.querySelectorAll(".hl.selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll(".hl[data-items]").forEach(function (el) {
      var own = el.getAttribute("data-items").split(" ");
      if (own.some(function (id) { return ids.indexOf(id) >= 0; })) el.classList.add("selected");
    });
    detail.replaceChildren();
    ids.forEach(function (id) { if (items[id]) detail.appendChild(describe(items[id])); });
  }

  document.getElementById("text").addEventListener("click", function (event) {
    var target = event.target.closest(".hl[data-items]");
    if (!target) return;
    event.preventDefault();
    select(target.getAttribute("data-items").split(" "));
  });
  var wanted = decodeURIComponent(location.hash.replace(/^#item-/, ""));
  if (wanted && items[wanted]) select([wanted]);
})();
