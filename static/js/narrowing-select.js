/*
 * A select that narrows another: choosing a région leaves only its départements
 * in the département list.
 *
 * Progressive enhancement: the server already narrows the list once the form is
 * submitted (practices.filters.narrow_departments) and sends the other groups
 * hidden and disabled; this script only does the same as soon as the choice
 * changes. `data-narrows` names the narrowed select, whose option groups carry
 * the value of the choice they belong to in `data-group`.
 */
(function () {
  "use strict";

  function narrow(source, target) {
    var chosen = source.value;
    target.querySelectorAll("optgroup[data-group]").forEach(function (group) {
      var shown = !chosen || group.dataset.group === chosen;
      group.hidden = !shown;
      group.disabled = !shown;
    });
    var selected = target.selectedOptions[0];
    if (selected && selected.parentElement.disabled) {
      target.value = "";
    }
  }

  document.querySelectorAll("select[data-narrows]").forEach(function (source) {
    var target = document.getElementById(source.dataset.narrows);
    if (!target) {
      return;
    }
    source.addEventListener("change", function () {
      narrow(source, target);
    });
  });
})();
