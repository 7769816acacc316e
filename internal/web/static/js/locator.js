// locator.js: the small "where is this area" map on an area profile page.
//
// Enhances <div id="locator-map" data-boundaries data-highlight
// data-profile-base role="img" aria-label="...">: draws every area of the
// layer in light grey and the highlighted one in blue, zoomed to it. The map
// is a picture for assistive technology (role="img"), so nothing inside it
// takes keyboard focus; clicking another area opens its profile.
//
// Needs window.L (leaflet.js) and window.topojson (topojson-client) first.
// Sets data-ready="true" (or "error") and fires "mhatlas:map-ready".
(function () {
  "use strict";

  var ENGLAND_BOUNDS = [[49.8, -6.5], [55.9, 1.9]];
  var HIGHLIGHT = "#1d70b8";
  var OTHER = "#dee0e2";

  function initLocator(el) {
    var ds = el.dataset;
    var highlight = ds.highlight || "";
    var profileBase = ds.profileBase || "/areas/";

    function fail(err) {
      if (window.console) console.error("locator map:", err);
      var p = document.createElement("p");
      p.className = "atlas-map__message atlas-map__message--error";
      p.textContent = "Sorry, the map could not be loaded.";
      el.appendChild(p);
      el.setAttribute("data-ready", "error");
    }

    if (!window.L || !window.topojson) {
      fail(new Error("leaflet.js and topojson-client must load before locator.js"));
      return;
    }

    var map = L.map(el, {
      renderer: L.svg({ padding: 0.2 }),
      zoomControl: false,
      attributionControl: false,
      dragging: false,
      touchZoom: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
      zoomSnap: 0.25,
      zoomAnimation: false,
      fadeAnimation: false,
    });
    map.fitBounds(ENGLAND_BOUNDS);

    fetch(ds.boundaries, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (res) {
        if (!res.ok) throw new Error(ds.boundaries + " answered " + res.status);
        return res.json();
      })
      .then(function (topo) {
        if (!topo || !topo.objects || !topo.objects.areas) {
          throw new Error("boundaries have no 'areas' object");
        }
        var target = null;
        var layer = L.geoJSON(topojson.feature(topo, topo.objects.areas), {
          className: "locator-area",
          style: function (feature) {
            var on = String(feature.id) === highlight;
            return {
              fillColor: on ? HIGHLIGHT : OTHER,
              fillOpacity: 1,
              color: on ? "#0b0c0c" : "#ffffff",
              weight: on ? 2 : 0.75,
              opacity: 1,
            };
          },
          onEachFeature: function (feature, area) {
            var code = String(feature.id);
            var name = (feature.properties && feature.properties.name) || code;
            if (code === highlight) {
              target = area;
              return;
            }
            // A text node, not a string: Leaflet puts strings in as HTML, and
            // area names come from imported files.
            area.bindTooltip(document.createTextNode(name), { sticky: true, direction: "top", className: "atlas-tooltip" });
            area.on("click", function () {
              window.location.assign(profileBase + encodeURIComponent(code));
            });
          },
        }).addTo(map);

        layer.eachLayer(function (area) {
          var path = area.getElement();
          if (!path) return;
          path.setAttribute("data-code", String(area.feature.id));
          if (area === target) path.classList.add("locator-area--highlight");
        });

        if (target) {
          target.bringToFront();
          map.fitBounds(target.getBounds(), { padding: [40, 40], maxZoom: 10 });
        } else if (layer.getBounds().isValid()) {
          map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        }

        el.setAttribute("data-ready", "true");
        el.dispatchEvent(
          new CustomEvent("mhatlas:map-ready", {
            bubbles: true,
            detail: { areas: layer.getLayers().length, selected: target ? highlight : null },
          })
        );
      })
      .catch(fail);
  }

  document.querySelectorAll(".locator-map[data-boundaries]").forEach(initLocator);
})();
