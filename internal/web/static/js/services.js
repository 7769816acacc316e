// services.js: the services layer on the atlas map.
//
// The server renders <section id="services-panel" data-services-url
// data-taxonomy-url data-fit> when the form asks for services=on, with a
// sector legend (#services-legend: <li data-sector data-colour> holding the
// sector's SVG symbol), a count (#services-count) and an empty table
// (#services-table). This script fetches the services, draws them as
// clustered symbols on the map that atlas.js made (it waits for
// "mhatlas:map-ready"), and keeps the table listing the services inside the
// current view, which is the accessible alternative to the points.
//
// Needs leaflet.js, leaflet.markercluster.js, atlas.js and services_view.js
// (which builds the symbols, popups and rows) loaded first. When
// the points are drawn the panel gets data-ready="true"; on failure
// data-ready="error". The table still fills when the map cannot be drawn.
(function () {
  "use strict";

  // The checkbox reloads the page like the selects do, so the URL keeps
  // the state and the page works the same without JavaScript.
  function enhanceToggle() {
    var box = document.getElementById("services");
    if (!box || !box.form) return;
    box.addEventListener("change", function () {
      if (typeof box.form.requestSubmit === "function") box.form.requestSubmit();
      else box.form.submit();
    });
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(
      function (res) {
        return res.json().then(
          function (body) {
            if (!res.ok) {
              var msg = body && body.error && body.error.message;
              throw new Error(msg || url + " answered " + res.status);
            }
            return body;
          },
          function () {
            throw new Error(url + " answered " + res.status);
          }
        );
      }
    );
  }

  // The map atlas.js drew, once it is ready; rejects if it failed.
  function whenMap(el) {
    return new Promise(function (resolve, reject) {
      if (!el) return reject(new Error("no map on this page"));
      if (el.dataset.ready === "true" && el.mhatlasMap) return resolve(el.mhatlasMap);
      if (el.dataset.ready === "error") return reject(new Error("the map could not be drawn"));
      el.addEventListener("mhatlas:map-ready", function (e) {
        resolve((e.detail && e.detail.map) || el.mhatlasMap);
      });
      el.addEventListener("mhatlas:map-error", function () {
        reject(new Error("the map could not be drawn"));
      });
    });
  }

  function init(panel, mapEl) {
    var ds = panel.dataset;
    var count = document.getElementById("services-count");
    var table = document.getElementById("services-table");
    var body = table && table.tBodies[0];
    var notLocated = document.getElementById("services-not-located");
    var V = window.mhatlasServicesView;
    var symbols = V.readSymbols();
    var names = { types: {}, sectors: {}, groups: {} };
    var services = [];
    var located = [];
    var notLocatedCount = 0;
    var sourceNames = {};
    var map = null;
    var cluster = null;
    var view = V.view(symbols, names, sourceNames, show);

    function say(text, isError) {
      if (!count) return;
      count.textContent = text;
      count.classList.toggle("services-count--error", Boolean(isError));
    }

    function fail(err) {
      if (window.console) console.error("services layer:", err);
      say("Sorry, the services could not be loaded: " + err.message, true);
      panel.setAttribute("data-ready", "error");
    }

    function drawPoints() {
      var reduceMotion =
        window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      cluster = L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 45,
        spiderfyOnMaxZoom: true,
        animate: !reduceMotion,
        iconCreateFunction: view.clusterIcon,
      });
      located.forEach(function (s) {
        var label = s.name + " (" + view.sectorName(s.sector) + ")";
        var m = L.marker(s.latlng, { icon: view.markerIcon(s), title: label, sector: s.sector || "", keyboard: true });
        m.bindPopup(function () {
          return view.popup(s);
        }, { maxWidth: 320, minWidth: 220 });
        m.on("add", function () {
          var icon = m.getElement();
          if (icon) {
            icon.setAttribute("aria-label", label);
            icon.setAttribute("data-service", s.id);
          }
        });
        s.marker = m;
      });
      cluster.addLayers(
        located.map(function (s) {
          return s.marker;
        })
      );
      // Zoom first, so the clusters are made once, for the final view.
      if (ds.fit === "true" && located.length) {
        var b = L.latLngBounds(
          located.map(function (s) {
            return s.latlng;
          })
        );
        map.fitBounds(b, { padding: [30, 30], maxZoom: 11, animate: false });
      }
      map.addLayer(cluster);
      var legend = document.getElementById("services-legend-box");
      if (legend) legend.hidden = false;
      map.on("moveend", scheduleTable);
    }

    // Shows a service from the table: zooms until its symbol is out of
    // its cluster, opens its popup and moves focus into it.
    function show(s) {
      if (!cluster || !s.marker) return;
      cluster.zoomToShowLayer(s.marker, function () {
        s.marker.openPopup();
        var popupEl = s.marker.getPopup() && s.marker.getPopup().getElement();
        var h = popupEl && popupEl.querySelector(".services-popup__name");
        if (h) h.focus();
      });
    }

    var pending = 0;
    function scheduleTable() {
      clearTimeout(pending);
      pending = setTimeout(renderTable, 120);
    }

    function renderTable() {
      var bounds = map ? map.getBounds() : null;
      var shown = bounds
        ? located.filter(function (s) {
            return bounds.contains(s.latlng);
          })
        : located;
      var frag = document.createDocumentFragment();
      shown.forEach(function (s) {
        frag.appendChild(view.row(s));
      });
      if (body) {
        body.textContent = "";
        body.appendChild(frag);
      }
      var text = V.plural(shown.length, "service", "services") + " shown";
      if (notLocatedCount) {
        text += ", " + notLocatedCount.toLocaleString("en-GB") + " not yet located";
        // An area's list holds only what was placed in it; the count of
        // services not located is England's.
        if (ds.areaName) text += " in England (some may be in " + ds.areaName + ")";
      }
      var outside = located.length - shown.length;
      if (outside > 0) text += ". " + V.plural(outside, "more is", "more are") + " outside this view of the map";
      if (!services.length) text = "No services match these filters.";
      say(text + (text.slice(-1) === "." ? "" : "."));
      var wrap = document.getElementById("services-table-wrap") || table;
      if (wrap) wrap.hidden = shown.length === 0;
      panel.setAttribute("data-shown", String(shown.length));
      panel.setAttribute("data-located", String(located.length));
    }

    // The API says when the imported directories do not cover the whole
    // area for these filters: few points there may be missing data.
    function showCoverage(cov) {
      var box = document.getElementById("services-coverage-note");
      if (!box) return;
      box.hidden = !(cov && cov.note);
      box.textContent = (cov && cov.note) || "";
    }

    function listNotLocated() {
      if (!notLocated) return;
      var list = notLocated.querySelector("ul");
      var missing = services.filter(function (s) {
        return !s.latlng;
      });
      notLocated.hidden = missing.length === 0;
      if (!list) return;
      list.textContent = "";
      missing.forEach(function (s) {
        var where = [s.address, s.postcode].filter(Boolean).join(", ");
        list.appendChild(V.el("li", null, s.name + (where ? ": " + where : "")));
      });
      var summary = notLocated.querySelector(".services-not-located__count");
      if (summary) summary.textContent = V.plural(missing.length, "service", "services");
    }

    say("Loading services\u2026");
    var taxonomy = ds.taxonomyUrl
      ? getJSON(ds.taxonomyUrl).catch(function () {
          return {};
        })
      : Promise.resolve({});
    Promise.all([getJSON(ds.servicesUrl), taxonomy])
      .then(function (results) {
        var data = results[0] || {};
        var tax = results[1] || {};
        names.types = V.namesOf(tax.types);
        names.sectors = V.namesOf(tax.sectors);
        names.groups = V.namesOf(tax.groups);
        services = (data.services || []).slice().sort(function (a, b) {
          return (a.name || "").localeCompare(b.name || "", "en-GB");
        });
        services.forEach(function (s) {
          var ok = typeof s.latitude === "number" && typeof s.longitude === "number";
          s.latlng = ok ? L.latLng(s.latitude, s.longitude) : null;
        });
        located = services.filter(function (s) {
          return s.latlng;
        });
        notLocatedCount = typeof data.not_located === "number" ? data.not_located : services.length - located.length;
        (data.sources || []).forEach(function (src) {
          sourceNames[src.id] = src.name;
        });
        showCoverage(data.coverage);
        listNotLocated();
        return whenMap(mapEl).then(
          function (m) {
            map = m;
            drawPoints();
          },
          function () {
            map = null; // the table alone, listing every located service
          }
        );
      })
      .then(function () {
        renderTable();
        panel.setAttribute("data-ready", "true");
        panel.dispatchEvent(new CustomEvent("mhatlas:services-ready", { bubbles: true, detail: { count: services.length } }));
      })
      .catch(fail);
  }

  enhanceToggle();
  var panel = document.getElementById("services-panel");
  if (panel && window.L && L.markerClusterGroup && window.mhatlasServicesView) init(panel, document.getElementById("atlas-map"));
  else if (panel) panel.setAttribute("data-ready", "error");
})();
