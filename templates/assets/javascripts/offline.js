/* Registers the service worker (sw.js at the site's root, written at build time by
   generator/publish/service_worker.py), which keeps every page and the plan builder working with no network
   after the first visit. Only over http(s): a copy opened from files (file://) needs none. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var worker = new URL("../sw.js", script.src);   // this file is javascripts/offline.js
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker.href).catch(function () {
      /* No service worker (e.g. under `mkdocs serve`): the site still works online. */
    });
  });
})();
