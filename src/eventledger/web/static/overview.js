// The overview: a map of placed events (clustered, coloured by PLOVER type), a timeline
// of events per day stacked by type, and the story table, all driven by the filter form.
// The filters live in the URL. Text from documents is only ever set with textContent.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var errorBox = document.getElementById("filter-error");
  var mapBox = document.getElementById("map");
  var timelineBox = document.getElementById("timeline");
  var legend = document.getElementById("legend");
  var SVG = "http://www.w3.org/2000/svg";
  var state = { map: null, cluster: null, basemap: null, request: 0 };

  function element(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (cls) el.className = cls;
    return el;
  }

  function params() {
    var found = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (String(value).trim() !== "") found.append(key, String(value).trim());
    });
    return found;
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.detail || ("HTTP " + response.status));
        return body;
      });
    });
  }

  // -- map ---------------------------------------------------------------------------
  function setUpMap() {
    var map = L.map(mapBox, { worldCopyJump: true, minZoom: 1, maxZoom: 12, fadeAnimation: false })
      .setView([15, 10], 2);
    state.basemap = getJSON("/static/vendor/world-atlas/countries-110m.json").then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, { style: { color: "#8a9aa5", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
                        interactive: false }).addTo(map).bringToBack();
    }).catch(function () { /* no basemap: the markers still show */ });
    map.attributionControl.addAttribution("Natural Earth (world-atlas)");
    state.map = map;
    state.cluster = L.markerClusterGroup({ maxClusterRadius: 40, animate: false });
    map.addLayer(state.cluster);
  }

  function popupFor(props) {
    var box = element("div", null, "popup");
    box.appendChild(element("strong", props.type + " · " + (props.day || "date unknown")));
    box.appendChild(element("div", (props.place || "") +
      (props.approximate ? " (shown at the known place the text puts it in)" : "")));
    var evidence = element("p", "…", "evidence");
    box.appendChild(evidence);
    var source = element("div", "", "muted");
    box.appendChild(source);
    var figures = element("ul", null, "figures");
    box.appendChild(figures);
    var link = element("a", props.title || "the document");
    link.href = "/documents/" + encodeURIComponent(props.doc_id) + "#item-" + encodeURIComponent(props.id);
    box.appendChild(link);
    getJSON("/api/documents/" + encodeURIComponent(props.doc_id) + "/events/" + encodeURIComponent(props.id))
      .then(function (detail) {
        evidence.textContent = "“" + detail.evidence + "”";
        var flags = (detail.negated ? " (negated)" : "") + (detail.hypothetical ? " (hypothetical)" : "");
        source.textContent = "Source: " + detail.source + flags;
        detail.figures.forEach(function (figure) {
          figures.appendChild(element("li", figure.category + " " + figure.count + " " +
            figure.unit + " (" +
            figure.source + (figure.negated ? ", denied" : "") + ")"));
        });
      })
      .catch(function (error) { evidence.textContent = error.message; });
    return box;
  }

  function drawMap(collection) {
    state.cluster.clearLayers();
    var markers = collection.features.map(function (feature) {
      var props = feature.properties;
      var type = /^[A-Z]+$/.test(props.type) ? props.type : "OTHER";
      var icon = L.divIcon({
        className: "event-marker type-" + type + (props.negated || props.hypothetical ? " is-negated" : ""),
        iconSize: [14, 14],
      });
      var coordinates = feature.geometry.coordinates;
      var marker = L.marker([coordinates[1], coordinates[0]], { icon: icon, title: props.type });
      marker.bindPopup(function () { return popupFor(props); });
      return marker;
    });
    state.cluster.addLayers(markers);
    mapBox.setAttribute("data-markers", String(markers.length));
    if (markers.length) {
      state.map.fitBounds(state.cluster.getBounds(), { maxZoom: 6, padding: [60, 60], animate: false });
    }
    var count = document.getElementById("map-count");
    count.textContent = collection.total > collection.shown
      ? collection.shown + " of " + collection.total + " placed events on the map"
      : collection.total + " placed event" + (collection.total === 1 ? "" : "s") + " on the map";
  }

  // -- timeline ----------------------------------------------------------------------
  function svg(tag, attributes) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (key) { el.setAttribute(key, attributes[key]); });
    return el;
  }

  function dayNumber(day) { return Math.round(Date.parse(day + "T00:00:00Z") / 86400000); }

  function drawTimeline(rows) {
    timelineBox.replaceChildren();
    legend.replaceChildren();
    var width = 600, height = 200, left = 28, bottom = 18, top = 6;
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
    timelineBox.appendChild(chart);
    var days = {}, types = {};
    rows.forEach(function (row) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(row.day)) return;
      var key = dayNumber(row.day);
      (days[key] = days[key] || []).push(row);
      types[row.type] = (types[row.type] || 0) + row.count;
    });
    var keys = Object.keys(days).map(Number).sort(function (a, b) { return a - b; });
    chart.setAttribute("data-days", String(keys.length));
    if (!keys.length) {
      var empty = svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle" });
      empty.textContent = "No dated events match these filters.";
      chart.appendChild(empty);
      return;
    }
    var first = keys[0], last = keys[keys.length - 1], span = last - first + 1;
    var most = Math.max.apply(null, keys.map(function (k) {
      return days[k].reduce(function (sum, row) { return sum + row.count; }, 0);
    }));
    var slot = (width - left - 4) / span, barWidth = Math.max(1, slot * 0.8);
    var scale = (height - top - bottom) / most;
    keys.forEach(function (key) {
      var y = height - bottom;
      days[key].forEach(function (row) {
        var h = row.count * scale;
        y -= h;
        var rect = svg("rect", { x: left + (key - first) * slot, y: y, width: barWidth, height: h,
                                 "class": "bar type-" + (/^[A-Z]+$/.test(row.type) ? row.type : "OTHER"),
                                 "data-day": row.day, "data-type": row.type, "data-count": row.count });
        var title = svg("title");
        title.textContent = row.day + " " + row.type + ": " + row.count;
        rect.appendChild(title);
        chart.appendChild(rect);
      });
    });
    [[first, "start"], [last, "end"]].forEach(function (pair) {
      var label = svg("text", { x: pair[1] === "start" ? left : width - 4, y: height - 4, "text-anchor": pair[1] });
      label.textContent = new Date(pair[0] * 86400000).toISOString().slice(0, 10);
      chart.appendChild(label);
    });
    var axis = svg("text", { x: 2, y: top + 8 });
    axis.textContent = String(most);
    chart.appendChild(axis);
    Object.keys(types).sort().forEach(function (type) {
      var item = element("li");
      item.appendChild(element("span", "", "swatch type-" + (/^[A-Z]+$/.test(type) ? type : "OTHER")));
      item.appendChild(document.createTextNode(type + " " + types[type]));
      legend.appendChild(item);
    });
  }

  // -- story table -------------------------------------------------------------------
  function drawStories(listing) {
    var body = document.querySelector("#stories tbody");
    body.replaceChildren();
    document.getElementById("story-total").textContent = "(" + listing.total + ")";
    if (!listing.items.length) {
      var none = element("tr");
      var cell = element("td", "No stories match these filters.");
      cell.colSpan = 6;
      none.appendChild(cell);
      body.appendChild(none);
    }
    listing.items.forEach(function (story) {
      var row = element("tr");
      var idCell = element("td");
      var link = element("a", story.id);
      link.href = "/stories/" + encodeURIComponent(story.id);
      idCell.appendChild(link);
      row.appendChild(idCell);
      var dates = (story.first_date || "?") + (story.last_date && story.last_date !== story.first_date ? " – " + story.last_date : "");
      row.appendChild(element("td", dates));
      var typeCell = element("td");
      typeCell.appendChild(element("span", story.type || "", "type type-" + (/^[A-Z]+$/.test(story.type) ? story.type : "OTHER")));
      row.appendChild(typeCell);
      row.appendChild(element("td", story.place || story.country || ""));
      row.appendChild(element("td", story.n_documents));
      var figures = element("td");
      Object.keys(story.figures).forEach(function (category) {
        var r = story.figures[category];
        var text = category + " " + (r.low === null ? "?" : r.low) +
          (r.high !== null && r.high !== r.low ? "–" + r.high : "") +
          " (" + r.reports + " report" + (r.reports === 1 ? "" : "s") + ")";
        figures.appendChild(element("span", text, "range"));
        figures.appendChild(document.createTextNode(" "));
      });
      row.appendChild(figures);
      body.appendChild(row);
    });
    drawPager(listing);
  }

  // The pager under the table: the rest of the list is on the server-rendered pages.
  function drawPager(listing) {
    var pages = document.querySelector(".pages");
    if (!pages) return;
    pages.replaceChildren();
    var shown = Math.min(listing.offset + listing.limit, listing.total);
    var from = listing.total ? listing.offset + 1 : 0;
    if (listing.offset > 0) {
      var back = params();
      back.set("offset", String(Math.max(listing.offset - listing.limit, 0)));
      var previous = element("a", "Previous");
      previous.href = "/?" + back.toString();
      pages.appendChild(previous);
    }
    pages.appendChild(element("span", from + "–" + shown + " of " + listing.total, "muted"));
    if (shown < listing.total) {
      var on = params();
      on.set("offset", String(listing.offset + listing.limit));
      var next = element("a", "Next");
      next.href = "/?" + on.toString();
      pages.appendChild(next);
    }
  }

  function updateExports(query) {
    ["csv", "geojson", "jsonl"].forEach(function (format) {
      var link = document.getElementById("export-" + format);
      if (!link) return;
      var own = new URLSearchParams(query);
      own.set("format", format);
      link.href = "/api/export?" + own.toString();
    });
  }

  function refresh() {
    var query = params();
    var text = query.toString();
    history.replaceState(null, "", text ? "/?" + text : "/");
    var ticket = ++state.request;
    errorBox.hidden = true;
    mapBox.setAttribute("data-state", "loading");
    Promise.all([
      getJSON("/api/map?" + text),
      getJSON("/api/timeline?" + text),
      getJSON("/api/stories?" + text),
      state.basemap,
    ]).then(function (answers) {
      if (ticket !== state.request) return;
      drawMap(answers[0]);
      drawTimeline(answers[1].days);
      drawStories(answers[2]);
      updateExports(text);
      mapBox.setAttribute("data-state", "ready");
    }).catch(function (error) {
      errorBox.textContent = error.message;
      errorBox.hidden = false;
      mapBox.setAttribute("data-state", "error");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh();
  });
  form.addEventListener("change", refresh);
  setUpMap();
  refresh();
})();
