/*
 * Suggestions under the search boxes (titles and tags), as the visitor types.
 *
 * Progressive enhancement: without this script every search form still submits
 * as a plain GET. With it, each `form[role=search]` text box becomes an ARIA 1.2
 * combobox (list autocomplete): arrows move through the suggestions, Enter opens
 * the one chosen, Escape closes the list. Every text shown comes from the
 * server (already in the visitor's language) or from the page's own labels.
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 150;

  function suggestionsUrl(input) {
    if (input.dataset.suggestionsUrl) {
      return input.dataset.suggestionsUrl;
    }
    // The form points at the search page of the visitor's language; suggestions live below it.
    var action = new URL(input.form.getAttribute("action") || "", window.location.href);
    action.pathname = action.pathname.replace(/\/?$/, "/") + "suggestions/";
    return action.toString();
  }

  function place(list) {
    list.style.position = "absolute";
    list.style.top = "100%";
    list.style.left = "0";
    list.style.right = "0";
    list.style.zIndex = "1000";
    list.style.margin = "0";
    list.style.padding = "0";
    list.style.listStyle = "none";
    list.style.maxHeight = "24rem";
    list.style.overflowY = "auto";
    list.style.background = "var(--background-default-grey)";
    list.style.boxShadow = "0 6px 18px 0 rgba(0, 0, 18, 0.16)";
  }

  function Combobox(input, index) {
    this.input = input;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = null;

    var label = input.form.querySelector('label[for="' + input.id + '"]');
    this.list = document.createElement("ul");
    this.list.id = (input.id || "search-input-" + index) + "-suggestions";
    this.list.setAttribute("role", "listbox");
    if (label) {
      this.list.setAttribute("aria-label", label.textContent.trim());
    }
    this.list.hidden = true;
    place(this.list);

    this.status = document.createElement("p");
    this.status.className = "fr-sr-only";
    this.status.setAttribute("role", "status");

    var container = input.parentNode;
    if (window.getComputedStyle(container).position === "static") {
      container.style.position = "relative";
    }
    container.appendChild(this.list);
    container.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.setAttribute("autocomplete", "off");

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeyDown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    // mousedown, not click: it comes before the input loses focus.
    this.list.addEventListener("mousedown", this.onPick.bind(this));
  }

  Combobox.prototype.onInput = function () {
    window.clearTimeout(this.timer);
    var text = this.input.value.trim();
    if (text.length < MIN_LENGTH) {
      this.close();
      return;
    }
    this.timer = window.setTimeout(this.fetch.bind(this, text), DELAY_MS);
  };

  Combobox.prototype.fetch = function (text) {
    if (this.request) {
      this.request.abort();
    }
    this.request = new AbortController();
    var url = suggestionsUrl(this.input) + "?" + new URLSearchParams({ q: text });
    var self = this;
    window
      .fetch(url, { headers: { Accept: "application/json" }, signal: this.request.signal })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (answer) {
        if (text !== self.input.value.trim()) {
          return;
        }
        if (!answer.ok) {
          self.close();
          self.status.textContent = answer.data.error || "";
          return;
        }
        self.show(answer.data.suggestions || [], answer.data.status || "");
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          self.close();
        }
      });
  };

  Combobox.prototype.show = function (suggestions, status) {
    this.items = suggestions;
    this.active = -1;
    this.list.textContent = "";
    var listId = this.list.id;
    suggestions.forEach(function (suggestion, position) {
      var option = document.createElement("li");
      option.id = listId + "-" + position;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.position = String(position);
      option.className = "fr-px-2w fr-py-1w";
      option.style.cursor = "pointer";
      var label = document.createElement("span");
      label.textContent = suggestion.label;
      // Spans are joined with no space in the option's accessible name: without this
      // pause a screen reader reads "…adultesFiche action" as one word.
      var separator = document.createElement("span");
      separator.className = "fr-sr-only";
      separator.textContent = ", ";
      var kind = document.createElement("span");
      kind.className = "fr-text--xs fr-ml-1w";
      kind.textContent = suggestion.type;
      option.appendChild(label);
      option.appendChild(separator);
      option.appendChild(kind);
      this.list.appendChild(option);
    }, this);
    this.status.textContent = status;
    if (suggestions.length) {
      this.list.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    } else {
      this.close();
    }
  };

  Combobox.prototype.close = function () {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Combobox.prototype.highlight = function (position) {
    var options = this.list.querySelectorAll('[role="option"]');
    if (!options.length) {
      return;
    }
    this.active = (position + options.length) % options.length;
    options.forEach(function (option, index) {
      var selected = index === this.active;
      option.setAttribute("aria-selected", selected ? "true" : "false");
      option.style.background = selected ? "var(--background-action-low-blue-france)" : "";
      if (selected) {
        option.scrollIntoView({ block: "nearest" });
      }
    }, this);
    this.input.setAttribute("aria-activedescendant", options[this.active].id);
  };

  Combobox.prototype.open = function (position) {
    window.location.assign(this.items[position].url);
  };

  Combobox.prototype.onKeyDown = function (event) {
    var expanded = !this.list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!this.items.length) {
        return;
      }
      event.preventDefault();
      if (!expanded) {
        this.list.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
      }
      this.highlight(this.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && expanded && this.active >= 0) {
      event.preventDefault();
      this.open(this.active);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        this.close();
      } else if (this.input.value) {
        event.preventDefault();
        this.input.value = "";
      }
    } else if (event.key === "Tab") {
      this.close();
    }
  };

  Combobox.prototype.onBlur = function () {
    this.close();
  };

  Combobox.prototype.onPick = function (event) {
    var option = event.target.closest('[role="option"]');
    if (option) {
      event.preventDefault();
      this.open(Number(option.dataset.position));
    }
  };

  function init() {
    var inputs = document.querySelectorAll('form[role="search"] input[name="q"]');
    Array.prototype.forEach.call(inputs, function (input, index) {
      if (!input.hasAttribute("role")) {
        new Combobox(input, index);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
