/* On narrow screens (phones, or 200% zoom) the theme opens its menu with a <label>, which the
   keyboard cannot reach. Make that label a real button for the keyboard: in the Tab order, with
   a name and a state, opened by Enter or Space; Escape closes the menu and returns focus to it. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (!drawer || !button) return;

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-controls", "__drawer");

  function showState() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function setOpen(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));
    showState();
  }

  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setOpen(!drawer.checked);
      if (drawer.checked) {
        var first = document.querySelector(".md-sidebar--primary .md-nav__link[href]");
        if (first) first.focus();
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      setOpen(false);
      button.focus();
    }
  });
  drawer.addEventListener("change", showState);
  showState();
})();
