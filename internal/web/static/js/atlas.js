// atlas.js: the interactive choropleth on the home page.
//
// Enhances <div id="atlas-map" data-boundaries data-values data-breaks
// data-colours ...> into a Leaflet map (SVG renderer, no base map unless
// data-tiles is set), and makes the indicator/area-type <form
// id="atlas-controls"> submit itself when a select changes.
//
// Needs window.L (leaflet.js) and window.topojson (topojson-client) to be
// loaded first. When the map is drawn the element gets data-ready="true" and
// a "mhatlas:map-ready" event; on failure data-ready="error".
(function () {
  "use strict";

  // England with a little margin, used before the boundaries arrive.
  var ENGLAND_BOUNDS = [[49.8, -6.5], [55.9, 1.9]];
  var MISSING_DEFAULT = "#b1b4b6";

  var numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
  var oneDecimal = new Intl.NumberFormat("en-GB", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

  // Formats a value for people: "12,345", "1.2%", "45.6 per 100,000" or
  // "no data" for null/undefined/non-numbers.
  function formatValue(value, valueType) {
    if (value === null || value === undefined || typeof value !== "number" || !isFinite(value)) {
      return "no data";
    }
    switch (valueType) {
      case "percentage":
        return oneDecimal.format(value) + "%";
      case "rate":
      case "rate-per-100000":
        return oneDecimal.format(value) + " per 100,000";
      default:
        return numberFormat.format(value);
    }
  }

  // The class of v is the number of ascending thresholds that are <= v.
  function classIndex(value, breaks) {
    var n = 0;
    for (var i = 0; i < breaks.length; i++) {
      if (breaks[i] <= value) n++;
    }
    return n;
  }

  function parseJSONAttr(el, name, fallback) {
    var raw = el.getAttribute(name);
    if (!raw) return fallback;
    try {
      return JSON.parse(raw);
    } catch (e) {
      return fallback;
    }
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(
      function (res) {
        if (!res.ok) throw new Error(url + " answered " + res.status);
        return res.json();
      }
    );
  }

  // Auto-submit the controls form when a select changes. The submit button
  // stays for people without JavaScript.
  function enhanceControls() {
    var form = document.getElementById("atlas-controls");
    if (!form) return;
    var selects = form.querySelectorAll("select");
    if (!selects.length) return;

    // Say up front that choosing an option reloads the page.
    var hint = document.createElement("p");
    hint.className = "govuk-hint atlas-controls__hint";
    hint.id = "atlas-controls-hint";
    hint.textContent = "The map and table update when you choose an option.";
    form.insertBefore(hint, form.firstChild);

    selects.forEach(function (select) {
      var described = select.getAttribute("aria-describedby");
      select.setAttribute("aria-describedby", (described ? described + " " : "") + hint.id);
      select.addEventListener("change", function () {
        if (typeof form.requestSubmit === "function") form.requestSubmit();
        else form.submit();
      });
    });
  }

  function initMap(el) {
    var status = document.getElementById("map-status");
    var ds = el.dataset;
    // A map with fewer than two values has no breaks: "null" from the server.
    var breaks = parseJSONAttr(el, "data-breaks", []) || [];
    var colours = parseJSONAttr(el, "data-colours", []) || [];
    var missing = ds.missingColour || MISSING_DEFAULT;
    var valueType = ds.valueType || "count";
    var selected = ds.selected || "";
    var profileBase = ds.profileBase || "/areas/";

    // Replace the no-JavaScript text with a loading message.
    var fallback = el.querySelector(".atlas-map__fallback");
    if (fallback) fallback.hidden = true;
    var message = document.createElement("p");
    message.className = "atlas-map__message";
    message.textContent = "Loading map\u2026";
    el.appendChild(message);

    var map = null;

    function announce(text) {
      if (status) status.textContent = text;
    }

    function fail(err) {
      if (window.console) console.error("atlas map:", err);
      // Take the half-built map away so only the message shows.
      if (map) {
        map.remove();
        map = null;
        el.mhatlasMap = null;
      }
      message.textContent =
        "Sorry, the map could not be loaded. The table on this page has the same figures.";
      announce(message.textContent);
      message.classList.add("atlas-map__message--error");
      message.hidden = false;
      el.setAttribute("data-ready", "error");
      el.dispatchEvent(new CustomEvent("mhatlas:map-error", { bubbles: true }));
    }

    if (!window.L || !window.topojson) {
      fail(new Error("leaflet.js and topojson-client must load before atlas.js"));
      return;
    }

    var reduceMotion =
      window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    map = L.map(el, {
      renderer: L.svg({ padding: 0.5 }),
      preferCanvas: false,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      minZoom: 4,
      maxZoom: 12,
      maxBounds: L.latLngBounds(ENGLAND_BOUNDS).pad(0.6),
      maxBoundsViscosity: 0.8,
      scrollWheelZoom: false,
      attributionControl: Boolean(ds.tiles),
      zoomAnimation: !reduceMotion,
      fadeAnimation: !reduceMotion,
      markerZoomAnimation: !reduceMotion,
    });
    // Other layers (services.js) draw on this map: they find it here or in
    // the detail of "mhatlas:map-ready".
    el.mhatlasMap = map;
    map.fitBounds(ENGLAND_BOUNDS);

    // Only zoom with the scroll wheel once the map has focus, so scrolling
    // the page past the map does not zoom it.
    el.addEventListener("focusin", function () {
      if (map) map.scrollWheelZoom.enable();
    });
    el.addEventListener("focusout", function (e) {
      if (map && !el.contains(e.relatedTarget)) map.scrollWheelZoom.disable();
    });

    if (ds.tiles) {
      map.attributionControl.setPrefix(false);
      L.tileLayer(ds.tiles, {
        attribution: ds.tilesAttribution || "",
        maxZoom: 12,
      }).addTo(map);
    }

    // One tooltip element for the whole map, positioned over the container.
    // Screen readers get the same text from aria-label and #map-status.
    var tooltip = document.createElement("div");
    tooltip.className = "atlas-tooltip";
    tooltip.setAttribute("aria-hidden", "true");
    tooltip.hidden = true;
    el.appendChild(tooltip);

    function showTooltip(text, x, y) {
      tooltip.textContent = text;
      tooltip.hidden = false;
      var box = el.getBoundingClientRect();
      var w = tooltip.offsetWidth;
      var h = tooltip.offsetHeight;
      // Above and to the right of the point, kept inside the map box.
      var left = Math.min(Math.max(x + 12, 4), box.width - w - 4);
      var top = y - h - 12;
      if (top < 4) top = Math.min(y + 16, box.height - h - 4);
      tooltip.style.left = Math.max(left, 4) + "px";
      tooltip.style.top = Math.max(top, 4) + "px";
    }

    function hideTooltip() {
      tooltip.hidden = true;
    }

    function go(code) {
      window.location.assign(profileBase + encodeURIComponent(code));
    }

    Promise.all([getJSON(ds.boundaries), getJSON(ds.values)])
      .then(function (results) {
        var topo = results[0];
        var data = results[1] || {};
        if (!topo || !topo.objects || !topo.objects.areas) {
          throw new Error("boundaries have no 'areas' object");
        }
        var byCode = {};
        (data.values || []).forEach(function (row) {
          byCode[row.code] = row;
        });

        var collection = topojson.feature(topo, topo.objects.areas);
        var features = collection.type === "FeatureCollection" ? collection.features : [collection];

        function info(feature) {
          var code = String(feature.id);
          var row = byCode[code];
          var name = (feature.properties && feature.properties.name) || (row && row.name) || code;
          var value = row ? row.value : null;
          var has = typeof value === "number" && isFinite(value);
          var fill = has
            ? colours[Math.min(classIndex(value, breaks), colours.length - 1)] || missing
            : missing;
          return { code: code, name: name, value: value, fill: fill, label: name + ": " + formatValue(value, valueType) };
        }

        var layer = L.geoJSON(
          { type: "FeatureCollection", features: features },
          {
            className: "atlas-area",
            style: function (feature) {
              return {
                fillColor: info(feature).fill,
                fillOpacity: 1,
                color: "#ffffff",
                weight: 0.75,
                opacity: 1,
              };
            },
          }
        ).addTo(map);

        var selectedLayer = null;

        layer.eachLayer(function (area) {
          var d = info(area.feature);
          var path = area.getElement();
          if (!path) return;
          path.classList.add("atlas-area");
          path.setAttribute("data-code", d.code);
          path.setAttribute("tabindex", "0");
          path.setAttribute("role", "link");
          path.setAttribute("aria-label", d.label);
          if (d.value === null || d.value === undefined) path.setAttribute("data-missing", "true");

          if (d.code === selected) {
            selectedLayer = area;
            path.classList.add("atlas-area--selected");
            path.setAttribute("aria-current", "true");
            area.setStyle({ color: "#0b0c0c", weight: 3 });
          }

          area.on("mouseover mousemove", function (e) {
            var p = e.containerPoint;
            showTooltip(d.label, p.x, p.y);
            if (e.type === "mouseover") announce(d.label);
          });
          area.on("mouseout", hideTooltip);
          area.on("click", function () {
            go(d.code);
          });

          path.addEventListener("focus", function () {
            // Bring an area that is out of view back into view.
            var bounds = area.getBounds();
            if (!map.getBounds().intersects(bounds)) {
              map.fitBounds(bounds, { maxZoom: map.getZoom(), animate: false });
            }
            var box = el.getBoundingClientRect();
            var r = path.getBoundingClientRect();
            showTooltip(d.label, r.left - box.left + r.width / 2, r.top - box.top + r.height / 2);
            announce(d.label);
          });
          path.addEventListener("blur", hideTooltip);
          path.addEventListener("keydown", function (e) {
            if (e.key === "Enter") {
              e.preventDefault();
              go(d.code);
            }
          });
        });

        // Draw the selected area's outline again on top of its neighbours
        // without moving its path, so the keyboard order stays the same.
        if (selectedLayer) {
          map.createPane("atlas-selected");
          var pane = map.getPane("atlas-selected");
          pane.style.zIndex = 450;
          pane.style.pointerEvents = "none";
          L.geoJSON(selectedLayer.feature, {
            pane: "atlas-selected",
            interactive: false,
            className: "atlas-area-outline",
            style: { fill: false, color: "#0b0c0c", weight: 3, opacity: 1 },
          }).addTo(map);
        }

        var bounds = layer.getBounds();
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [8, 8], animate: false });
          // Allow zooming out only a little past the whole of England.
          map.setMinZoom(Math.max(3, Math.floor(map.getZoom()) - 1));
        }

        hideTooltip();
        message.hidden = true;
        el.setAttribute("data-ready", "true");
        el.dispatchEvent(
          new CustomEvent("mhatlas:map-ready", {
            bubbles: true,
            detail: { areas: features.length, selected: selectedLayer ? selected : null, map: map },
          })
        );
      })
      .catch(fail);
  }

  enhanceControls();
  var el = document.getElementById("atlas-map");
  if (el) initMap(el);
})();
