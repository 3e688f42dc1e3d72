/* The not-found page in the language of the address asked for (templates/overrides/404.html).
   A host answers every address it does not have with the site's one 404.html, the first
   language's; when the address is in another language's folder (es/…), the reader is taken to
   that language's own not-found page (es/404.html): its words, its crisis line, its links. The
   languages are the page's own list (their roots, relative to this page's language root). */
(function () {
  "use strict";
  var script = document.currentScript;
  var block = document.getElementById("guide-languages");
  if (!script || !block) return;
  var languages = JSON.parse(block.textContent);
  // The folder this page's files were found in: the site's root (the page's links are written
  // from the site's root when it has a site_url), or the folder of the address asked for.
  var root = new URL("../", script.src);
  var path = location.pathname;
  var rest = path.indexOf(root.pathname) === 0 ? path.slice(root.pathname.length) : "";
  var target = null;
  languages.forEach(function (language) {
    var folder = language.root;
    if (target || !folder || folder.indexOf("../") === 0) return;  // this page's language, or one above it
    if (rest.indexOf(folder) === 0) {
      target = new URL(folder + "404.html", root);
    } else if (root.pathname.slice(-folder.length - 1) === "/" + folder) {
      target = new URL("404.html", root);  // the links were resolved inside that language's folder
    }
  });
  if (target && target.href !== location.href) location.replace(target.href);
})();
