/* Search suggestions as the reader types (WAI-ARIA combobox with a listbox). The list comes from
   the site's /<lang>/search/suggest/ endpoint; choosing a suggestion opens that page. Without
   JavaScript the search box is an ordinary form field. */
(function () {
  "use strict";

  function setUp(root) {
    var input = root.querySelector("input");
    if (!input) return;
    var labels = root.dataset;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var listId = input.id + "-suggestions";
    var options = [];
    var active = -1;
    var timer = null;
    var requested = "";

    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", labels.labelResults);
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    root.append(list, status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function show(results, text) {
      // A newer answer must not move the reader's choice: the option they chose stays chosen.
      var chosen = active >= 0 ? options[active].dataset.url : null;
      list.replaceChildren();
      list.dataset.query = text;
      options = results.map(function (result, index) {
        var item = document.createElement("li");
        item.id = listId + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = result.url;
        var title = document.createElement("span");
        title.textContent = result.title;
        var kind = document.createElement("span");
        kind.className = "autocomplete__kind";
        kind.textContent = result.kind;
        item.append(title, kind);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = result.url;
        });
        list.append(item);
        return item;
      });
      list.hidden = !options.length;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      status.textContent = options.length ? labels.labelCount.replace("{count}", options.length) : "";
      highlight(options.findIndex(function (option) { return option.dataset.url === chosen; }));
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) return close();
      requested = text;
      fetch(labels.url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (requested === text) show(data.results || [], text); })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % options.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active <= 0 ? options.length - 1 : active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = options[active].dataset.url; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.querySelectorAll("[data-autocomplete]").forEach(setUp);
})();
