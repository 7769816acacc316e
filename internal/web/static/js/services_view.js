// services_view.js: how services.js shows a service: its symbol on the
// map, a cluster of services, its popup and its row in the table of
// services in view. Text from the data goes in through textContent; the
// only HTML strings are the legend's own symbols and the cluster icon,
// whose one piece of data (sector names) is stripped of markup.
//
// Defines window.mhatlasServicesView; services.js loads after it.
(function () {
  "use strict";

  var MISSING_COLOUR = "#b1b4b6";
  // A sector the legend does not know (the server lists every sector of
  // the taxonomy, so only a service with none gets this): a grey hexagon.
  var OTHER_SYMBOL = {
    html:
      '<svg class="services-symbol" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">' +
      '<path class="services-symbol__shape" d="M7 2h10l5.5 10L17 22H7L1.5 12Z" fill="' + MISSING_COLOUR + '"/>' +
      '<text class="services-symbol__letter" x="12" y="16" text-anchor="middle">?</text></svg>',
    colour: MISSING_COLOUR,
    name: "Sector not known",
  };

  // Sector symbols come from the server-rendered legend, so the legend and
  // the points can never disagree.
  function readSymbols() {
    var symbols = {};
    document.querySelectorAll("#services-legend [data-sector]").forEach(function (li) {
      var svg = li.querySelector("svg");
      symbols[li.getAttribute("data-sector")] = {
        html: svg ? svg.outerHTML : "",
        colour: li.getAttribute("data-colour") || MISSING_COLOUR,
        name: (li.querySelector(".services-legend__name") || li).textContent.trim(),
      };
    });
    return symbols;
  }

  function namesOf(list) {
    var out = {};
    (list || []).forEach(function (o) {
      out[o.id] = o.name;
    });
    return out;
  }

  function plural(n, one, many) {
    return n.toLocaleString("en-GB") + " " + (n === 1 ? one : many);
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // A website as published ("www.x.org", "http://x.org/") as a safe URL,
  // or "" for anything that is not http(s).
  function webURL(raw) {
    var s = (raw || "").trim();
    if (!s) return "";
    if (!/^[a-z]+:\/\//i.test(s)) s = "http://" + s;
    return /^https?:\/\//i.test(s) ? s : "";
  }

  function telURL(raw) {
    var digits = (raw || "").replace(/[^0-9+]/g, "");
    return digits.length >= 6 ? "tel:" + digits : "";
  }

  function link(href, text, external) {
    var a = el("a", "govuk-link", text);
    a.href = href;
    if (external) a.rel = "noopener noreferrer";
    return a;
  }

  // view binds the builders to one page's symbols (readSymbols), taxonomy
  // names ({types, sectors, groups}: id -> name), source names (dataset id
  // -> name) and show(s), which the table's buttons call. The names may be
  // filled in after view is called.
  function view(symbols, names, sourceNames, show) {
    function sectorName(id) {
      return names.sectors[id] || (symbols[id] && symbols[id].name) || id || "Sector not known";
    }

    function typeNames(s) {
      return (s.types || []).map(function (t) {
        return names.types[t] || t;
      });
    }

    function groupNames(s) {
      return (s.groups || []).map(function (g) {
        return names.groups[g] || g;
      });
    }

    function popup(s) {
      var box = el("div", "services-popup");
      var h = el("h3", "govuk-heading-s services-popup__name", s.name);
      h.tabIndex = -1;
      box.appendChild(h);
      var dl = el("dl", "services-popup__facts");
      function fact(label, value) {
        if (!value) return;
        dl.appendChild(el("dt", null, label));
        var dd = el("dd");
        if (typeof value === "string") dd.textContent = value;
        else dd.appendChild(value);
        dl.appendChild(dd);
      }
      fact("Provider", s.provider && s.provider !== s.name ? s.provider : "");
      fact("Sector", sectorName(s.sector));
      fact("Offers", typeNames(s).join(", "));
      fact("For", groupNames(s).join(", "));
      box.appendChild(dl);
      if (s.description) box.appendChild(el("p", "govuk-body-s services-popup__description", s.description));
      // Contact details after the description, in a list of their own.
      dl = el("dl", "services-popup__facts");
      fact("Address", [s.address, s.postcode].filter(Boolean).join(", "));
      var tel = telURL(s.telephone);
      fact("Telephone", tel ? link(tel, s.telephone) : s.telephone);
      var web = webURL(s.website);
      fact("Website", web ? link(web, s.website.replace(/^https?:\/\//i, "").replace(/\/$/, ""), true) : "");
      if (dl.firstChild) box.appendChild(dl);
      var src = el("p", "govuk-body-s services-popup__source", "Source: " + (sourceNames[s.source] || s.source || "not stated"));
      if (s.verified) src.textContent += "; last verified " + s.verified;
      if (s.placement === "postcode") src.textContent += ". Placed by its postcode";
      box.appendChild(src);
      return box;
    }

    function markerIcon(s) {
      var sym = symbols[s.sector] || OTHER_SYMBOL;
      return L.divIcon({
        className: "services-marker services-marker--" + (s.sector || "unknown"),
        html: sym.html,
        iconSize: [24, 24],
        iconAnchor: [12, 12],
        popupAnchor: [0, -10],
      });
    }

    // A cluster is a disc with the number of services in it and a ring
    // split by sector; its text says the same for screen readers.
    function clusterIcon(c) {
      var children = c.getAllChildMarkers();
      var n = children.length;
      var bySector = {};
      var order = [];
      children.forEach(function (m) {
        var sec = m.options.sector || "";
        if (!(sec in bySector)) {
          bySector[sec] = 0;
          order.push(sec);
        }
        bySector[sec]++;
      });
      var known = Object.keys(symbols);
      order.sort(function (a, b) {
        return known.indexOf(a) - known.indexOf(b);
      });
      var stops = [];
      var at = 0;
      var parts = [];
      order.forEach(function (sec) {
        var colour = (symbols[sec] && symbols[sec].colour) || MISSING_COLOUR;
        var to = at + (360 * bySector[sec]) / n;
        stops.push(colour + " " + at.toFixed(1) + "deg " + to.toFixed(1) + "deg");
        at = to;
        parts.push(bySector[sec] + " " + sectorName(sec));
      });
      var size = n < 10 ? 34 : n < 100 ? 40 : 48;
      var html =
        '<span class="services-cluster__ring" style="background: conic-gradient(' +
        stops.join(", ") +
        ')"></span><span class="services-cluster__count" aria-hidden="true">' +
        n +
        '</span><span class="govuk-visually-hidden">' +
        plural(n, "service", "services") +
        " here (" +
        parts.join(", ").replace(/[<>&"]/g, "") +
        "). Select to zoom in.</span>";
      return L.divIcon({ className: "services-cluster", html: html, iconSize: [size, size] });
    }

    function row(s) {
      var tr = el("tr", "govuk-table__row");
      tr.setAttribute("data-service", s.id);
      tr.setAttribute("data-sector", s.sector || "");
      var name = el("td", "govuk-table__cell");
      if (s.marker) {
        var b = el("button", "services-table__show", s.name);
        b.type = "button";
        b.setAttribute("aria-label", s.name + ": show on the map");
        b.addEventListener("click", function () {
          show(s);
        });
        name.appendChild(b);
      } else {
        name.textContent = s.name;
      }
      if (s.provider && s.provider !== s.name) name.appendChild(el("span", "services-table__provider", s.provider));
      tr.appendChild(name);
      var sec = el("td", "govuk-table__cell services-table__sector");
      var icon = el("span", "services-table__symbol");
      icon.innerHTML = (symbols[s.sector] || OTHER_SYMBOL).html; // our own legend markup
      sec.appendChild(icon);
      sec.appendChild(document.createTextNode(sectorName(s.sector)));
      tr.appendChild(sec);
      var offers = el("td", "govuk-table__cell", typeNames(s).join(", "));
      var groups = groupNames(s);
      if (groups.length) offers.appendChild(el("span", "services-table__groups", "For: " + groups.join(", ")));
      tr.appendChild(offers);
      tr.appendChild(el("td", "govuk-table__cell", [s.address, s.postcode].filter(Boolean).join(", ")));
      var contact = el("td", "govuk-table__cell services-table__contact");
      var tel = telURL(s.telephone);
      if (tel) contact.appendChild(link(tel, s.telephone));
      else if (s.telephone) contact.appendChild(document.createTextNode(s.telephone));
      var web = webURL(s.website);
      if (web) {
        if (contact.firstChild) contact.appendChild(el("br"));
        contact.appendChild(link(web, "Website", true)).setAttribute("aria-label", s.name + " website");
      }
      tr.appendChild(contact);
      return tr;
    }

    return {
      sectorName: sectorName,
      popup: popup,
      markerIcon: markerIcon,
      clusterIcon: clusterIcon,
      row: row,
    };
  }

  window.mhatlasServicesView = {
    view: view,
    readSymbols: readSymbols,
    namesOf: namesOf,
    plural: plural,
    el: el,
  };
})();
