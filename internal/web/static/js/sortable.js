// sortable.js: click-to-sort columns for <table data-sortable>.
//
// Each <th scope="col" data-sort-type="text|number"> in the table head gets a
// <button> holding its text. Pressing it sorts the first <tbody> by that
// column, ascending first and then toggling, and sets aria-sort on the header
// ("none" on the others). A cell's data-sort-value attribute, if present, is
// used instead of its text. Blank or non-numeric values always sort last.
// Rows in <tfoot> (e.g. an England total) never move.
(function () {
  "use strict";

  var collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

  // Column position of a cell, counting colspans of the cells before it.
  function columnOf(cell) {
    var col = 0;
    for (var c = cell.parentElement.firstElementChild; c && c !== cell; c = c.nextElementSibling) {
      col += c.colSpan || 1;
    }
    return col;
  }

  function cellAt(row, col) {
    var pos = 0;
    for (var c = row.firstElementChild; c; c = c.nextElementSibling) {
      var span = c.colSpan || 1;
      if (col < pos + span) return c;
      pos += span;
    }
    return null;
  }

  // Returns the raw sort key of a cell: data-sort-value or trimmed text.
  function rawKey(cell) {
    if (!cell) return "";
    if (cell.hasAttribute("data-sort-value")) return cell.getAttribute("data-sort-value").trim();
    return cell.textContent.trim();
  }

  // Numbers as people write them: "12,345", "4.5%", "−3", "£10". Null if none.
  function toNumber(text) {
    var cleaned = text.replace(/[,\s%£]/g, "").replace(/\u2212/g, "-");
    if (cleaned === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
    return parseFloat(cleaned);
  }

  function enhance(table) {
    var headRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    var body = table.tBodies[0];
    if (!headRow || !body) return;

    var headers = Array.prototype.filter.call(headRow.cells, function (th) {
      return th.tagName === "TH" && th.hasAttribute("data-sort-type");
    });
    if (!headers.length) return;

    // A polite live region saying how the table is now sorted.
    var status = document.createElement("div");
    status.className = "govuk-visually-hidden";
    status.setAttribute("aria-live", "polite");
    table.parentNode.insertBefore(status, table.nextSibling);

    headers.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sortable-table__button";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "sortable-table__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      th.classList.add("sortable-table__header");
      var current = th.getAttribute("aria-sort");
      if (current !== "ascending" && current !== "descending") th.setAttribute("aria-sort", "none");

      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        sortBy(th, dir);
      });
    });

    function sortBy(th, dir) {
      var col = columnOf(th);
      var numeric = th.getAttribute("data-sort-type") === "number";
      var sign = dir === "ascending" ? 1 : -1;

      var rows = Array.prototype.map.call(body.rows, function (row, index) {
        var raw = rawKey(cellAt(row, col));
        var key = numeric ? toNumber(raw) : raw === "" ? null : raw;
        return { row: row, key: key, index: index };
      });

      rows.sort(function (a, b) {
        if (a.key === null || b.key === null) {
          if (a.key === b.key) return a.index - b.index;
          return a.key === null ? 1 : -1; // blanks last either way
        }
        var diff = numeric ? a.key - b.key : collator.compare(a.key, b.key);
        return diff !== 0 ? sign * diff : a.index - b.index;
      });

      var frag = document.createDocumentFragment();
      rows.forEach(function (r) {
        frag.appendChild(r.row);
      });
      body.appendChild(frag);

      headers.forEach(function (other) {
        other.setAttribute("aria-sort", other === th ? dir : "none");
      });
      var label = th.querySelector(".sortable-table__button").textContent.trim();
      status.textContent = "Table sorted by " + label + ", " + dir + ".";
    }
  }

  document.querySelectorAll("table[data-sortable]").forEach(enhance);
})();
