/* On narrow screens (phones, or 200% zoom) the theme opens its menu with a <label>, which the
   keyboard cannot reach, and which may not be given a button's role (ARIA in HTML). When scripts
   run, the label is replaced by a real <button> with the same icon: in the Tab order, with a name
   and a state, opened by a click, Enter or Space; opened from the keyboard, focus goes to the
   menu's first link; Escape closes the menu and returns focus to the button. Without scripts the
   label stays, and opens the menu by touch or mouse as before. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  var words = document.getElementById("guide-words");  // the interface catalog's words (main.html)
  if (!drawer || !label || !words) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " guide-menu-button";
  button.innerHTML = label.innerHTML;  // the theme's menu icon (an inline SVG)
  button.setAttribute("aria-label", JSON.parse(words.textContent).menu);
  button.setAttribute("aria-controls", "__drawer");
  label.replaceWith(button);

  function showState() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function setOpen(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));
    showState();
  }

  button.addEventListener("click", function (event) {
    setOpen(!drawer.checked);
    if (drawer.checked && event.detail === 0) {  // Enter or Space, not a pointer
      var first = document.querySelector(".md-sidebar--primary .md-nav__link[href]");
      if (first) first.focus();
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
