// search.js: area suggestions for the header search form.
//
// Turns the input of <form class="area-search"> into an ARIA 1.2 combobox
// with a listbox popup. Typing two or more characters asks
// /api/v1/areas?q=... (after a short pause) and lists the matches. Up/Down
// move through them, Enter opens the highlighted area's profile, Escape
// closes the list. With nothing highlighted Enter submits the form to
// /search as it does without JavaScript.
//
// Optional attributes on the form: data-suggest (API URL, default
// "/api/v1/areas") and data-profile-base (default "/areas/").
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_CHARS = 2;
  var counter = 0;

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var n = ++counter;
    var suggestURL = form.getAttribute("data-suggest") || "/api/v1/areas";
    var profileBase = form.getAttribute("data-profile-base") || "/areas/";
    var listId = (input.id || "area-search-q" + n) + "-listbox";

    // Wrap the input so the list can sit right under it.
    var wrapper = document.createElement("div");
    wrapper.className = "area-search__combobox";
    var hadFocus = document.activeElement === input;
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "area-search__listbox";
    list.setAttribute("role", "listbox");
    var label = form.querySelector("label[for='" + input.id + "']");
    if (label) {
      if (!label.id) label.id = input.id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    } else {
      list.setAttribute("aria-label", "Matching areas");
    }
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "govuk-visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    if (hadFocus) input.focus();

    var results = []; // areas currently shown
    var active = -1; // index into results, -1 for none
    var timer = 0;
    var seq = 0; // ignores answers to superseded requests
    var controller = null;
    var lastQuery = "";

    function optionId(i) {
      return listId + "-option-" + i;
    }

    function open() {
      if (!list.hidden) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function setActive(i) {
      var prev = active >= 0 && document.getElementById(optionId(active));
      if (prev) {
        prev.setAttribute("aria-selected", "false");
        prev.classList.remove("area-search__option--active");
      }
      active = i;
      var opt = active >= 0 && document.getElementById(optionId(active));
      if (opt) {
        opt.setAttribute("aria-selected", "true");
        opt.classList.add("area-search__option--active");
        input.setAttribute("aria-activedescendant", opt.id);
        if (opt.scrollIntoView) opt.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(area) {
      window.location.assign(profileBase + encodeURIComponent(area.code));
    }

    function render(query, areas) {
      results = areas;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.textContent = "";
      if (!areas.length) {
        var none = document.createElement("li");
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.setAttribute("aria-selected", "false");
        none.className = "area-search__option area-search__option--none";
        none.textContent = "No areas match \u201c" + query + "\u201d";
        list.appendChild(none);
        status.textContent = "No areas match.";
        open();
        return;
      }
      areas.forEach(function (area, i) {
        var li = document.createElement("li");
        li.id = optionId(i);
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "area-search__option";
        var name = document.createElement("span");
        name.className = "area-search__name";
        name.textContent = area.name;
        li.appendChild(name);
        if (area.type_name) {
          var type = document.createElement("span");
          type.className = "area-search__type";
          type.textContent = ", " + area.type_name;
          li.appendChild(type);
        }
        li.addEventListener("click", function () {
          go(area);
        });
        li.addEventListener("mousemove", function () {
          if (active !== i) setActive(i);
        });
        list.appendChild(li);
      });
      status.textContent =
        areas.length +
        (areas.length === 1 ? " area matches" : " areas match") +
        ". Use the up and down arrow keys to choose one.";
      open();
    }

    function lookup(query) {
      var mine = ++seq;
      if (controller) controller.abort();
      controller = typeof AbortController === "function" ? new AbortController() : null;
      var sep = suggestURL.indexOf("?") >= 0 ? "&" : "?";
      fetch(suggestURL + sep + "q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (res) {
          if (!res.ok) throw new Error("area search answered " + res.status);
          return res.json();
        })
        .then(function (body) {
          if (mine !== seq || input.value.trim() !== query) return;
          render(query, (body && body.areas) || []);
        })
        .catch(function (err) {
          if (err && err.name === "AbortError") return;
          if (mine === seq) close(); // the plain form still works
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < MIN_CHARS) {
        seq++;
        lastQuery = "";
        results = [];
        list.textContent = "";
        status.textContent = "";
        close();
        return;
      }
      if (query === lastQuery) return;
      timer = setTimeout(function () {
        lastQuery = query;
        lookup(query);
      }, DELAY_MS);
    });

    input.addEventListener("keydown", function (e) {
      if (e.altKey && e.key === "ArrowDown") {
        if (list.children.length) open();
        e.preventDefault();
        return;
      }
      switch (e.key) {
        case "ArrowDown":
          if (!results.length) return;
          e.preventDefault();
          open();
          setActive(active + 1 < results.length ? active + 1 : 0);
          break;
        case "ArrowUp":
          if (!results.length) return;
          e.preventDefault();
          open();
          setActive(active > 0 ? active - 1 : results.length - 1);
          break;
        case "Enter":
          if (!list.hidden && active >= 0 && results[active]) {
            e.preventDefault();
            go(results[active]);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            e.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    // Clicking an option must not take focus away from the input first.
    list.addEventListener("mousedown", function (e) {
      e.preventDefault();
    });

    form.addEventListener("focusout", function (e) {
      if (!wrapper.contains(e.relatedTarget)) close();
    });

    input.addEventListener("click", function () {
      if (list.children.length && list.hidden && input.value.trim().length >= MIN_CHARS) open();
    });
  }

  document.querySelectorAll("form.area-search").forEach(enhance);
})();
