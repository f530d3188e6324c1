/*
 * In the admin's page editor, a long list of checkboxes (régions, départements)
 * gets a search box that hides the choices whose label does not contain what is
 * typed, accents and case aside. Checked boxes always stay in view.
 */
(function () {
  "use strict";

  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(list) {
    if (list.dataset.kbFilterReady) {
      return;
    }
    list.dataset.kbFilterReady = "1";
    // The label comes from the server, in the admin's language, on each checkbox.
    var label = list.querySelector("input[data-kb-filter-label]").dataset.kbFilterLabel;
    var search = document.createElement("input");
    search.type = "search";
    search.className = "w-field__input";
    search.setAttribute("aria-label", label);
    search.placeholder = label;
    search.setAttribute("aria-controls", list.id);
    list.parentNode.insertBefore(search, list);
    search.addEventListener("input", function () {
      var wanted = folded(search.value.trim());
      list.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var choice = box.closest("label");
        var shown = !wanted || box.checked || folded(choice.textContent).indexOf(wanted) !== -1;
        choice.parentNode.hidden = !shown;
      });
    });
  }

  function enhanceAll() {
    document.querySelectorAll("div.kb-filterable").forEach(function (list) {
      if (list.querySelector("input[data-kb-filter-label]")) {
        enhance(list);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
