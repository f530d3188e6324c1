/*
 * Suggestions of the space's members as a writer types "@" in a post.
 *
 * Progressive enhancement: without this script people type "@username" by hand.
 * With it, the post's text box names a list of suggestions (aria-controls) and
 * the option being chosen (aria-activedescendant); a status line says how many
 * there are and which keys to use. While the list is open, the up and down
 * arrows move through it, Enter or Tab inserts the mention, Escape closes it;
 * otherwise the keys do what they always do in a text box.
 */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var TYPED = /(^|[^\w@])@([\w.+-]{1,50})$/;

  function MentionBox(textarea, url) {
    this.textarea = textarea;
    this.url = url;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = null;

    this.list = document.createElement("ul");
    this.list.id = textarea.id + "-mentions";
    this.list.setAttribute("role", "listbox");
    this.list.hidden = true;
    this.list.className = "kb-mentions fr-mt-1v";

    this.status = document.createElement("p");
    this.status.className = "fr-sr-only";
    this.status.setAttribute("role", "status");

    textarea.insertAdjacentElement("afterend", this.status);
    textarea.insertAdjacentElement("afterend", this.list);
    // Its own name, from the page (already in the visitor's language): not the text box's.
    this.list.setAttribute("aria-label", textarea.form.dataset.mentionsLabel || "@");
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", this.list.id);

    textarea.addEventListener("input", this.onInput.bind(this));
    textarea.addEventListener("keydown", this.onKeyDown.bind(this));
    textarea.addEventListener("blur", this.close.bind(this));
    // mousedown, not click: it comes before the text box loses focus.
    this.list.addEventListener("mousedown", this.onPick.bind(this));
  }

  MentionBox.prototype.typed = function () {
    var before = this.textarea.value.slice(0, this.textarea.selectionStart);
    var match = TYPED.exec(before);
    return match ? match[2] : null;
  };

  MentionBox.prototype.onInput = function () {
    window.clearTimeout(this.timer);
    var typed = this.typed();
    if (!typed) {
      this.close();
      return;
    }
    this.timer = window.setTimeout(this.fetch.bind(this, typed), DELAY_MS);
  };

  MentionBox.prototype.fetch = function (typed) {
    if (this.request) {
      this.request.abort();
    }
    this.request = new AbortController();
    var self = this;
    window
      .fetch(this.url + "?" + new URLSearchParams({ q: typed }), {
        headers: { Accept: "application/json" },
        signal: this.request.signal,
      })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [], status: "" };
      })
      .then(function (data) {
        if (typed === self.typed()) {
          self.show(data.suggestions, data.status);
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          self.close();
        }
      });
  };

  MentionBox.prototype.show = function (suggestions, status) {
    this.items = suggestions;
    this.active = -1;
    this.list.textContent = "";
    suggestions.forEach(function (suggestion, position) {
      var option = document.createElement("li");
      option.id = this.list.id + "-" + position;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.position = String(position);
      option.textContent = suggestion.name + " (@" + suggestion.username + ")";
      this.list.appendChild(option);
    }, this);
    this.status.textContent = status;
    if (suggestions.length) {
      this.list.hidden = false;
      this.highlight(0);
    } else {
      this.close();
    }
  };

  MentionBox.prototype.close = function () {
    this.list.hidden = true;
    this.items = [];
    this.active = -1;
    this.textarea.removeAttribute("aria-activedescendant");
  };

  MentionBox.prototype.highlight = function (position) {
    var options = this.list.querySelectorAll('[role="option"]');
    this.active = (position + options.length) % options.length;
    options.forEach(function (option, index) {
      option.setAttribute("aria-selected", index === this.active ? "true" : "false");
    }, this);
    this.textarea.setAttribute("aria-activedescendant", options[this.active].id);
  };

  MentionBox.prototype.insert = function (position) {
    var textarea = this.textarea;
    var caret = textarea.selectionStart;
    var before = textarea.value.slice(0, caret).replace(/@[\w.+-]*$/, "");
    var mention = "@" + this.items[position].username + " ";
    textarea.value = before + mention + textarea.value.slice(caret);
    var end = before.length + mention.length;
    textarea.setSelectionRange(end, end);
    this.close();
  };

  MentionBox.prototype.onKeyDown = function (event) {
    if (this.list.hidden) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      this.highlight(this.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if ((event.key === "Enter" || event.key === "Tab") && this.active >= 0) {
      event.preventDefault();
      this.insert(this.active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      this.close();
    }
  };

  MentionBox.prototype.onPick = function (event) {
    var option = event.target.closest('[role="option"]');
    if (option) {
      event.preventDefault();
      this.insert(Number(option.dataset.position));
    }
  };

  function init() {
    var forms = document.querySelectorAll("form[data-mentions-url]");
    Array.prototype.forEach.call(forms, function (form) {
      var textarea = form.querySelector('textarea[name="body"]');
      if (textarea && textarea.id) {
        new MentionBox(textarea, form.dataset.mentionsUrl);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
