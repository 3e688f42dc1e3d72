/* What the screens share. A change marks the views it concerns; they redraw when the page is idle,
   only while their part shows; lists build only what is open. Needs entries.js. */
(function (PlanGuide) {
  "use strict";

  var entries = PlanGuide.entries;
  var RENAMED = ["id", "name", "for", "aria-describedby", "aria-labelledby", "data-id"];

  function el(doc, tag, attrs, text) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }

  function later(win, fn) {
    if (win.requestIdleCallback) win.requestIdleCallback(fn, { timeout: 300 }); else win.setTimeout(fn, 30);
  }

  function rename(node, id) {
    [node].concat(Array.prototype.slice.call(node.querySelectorAll("*"))).forEach(function (each) {
      RENAMED.forEach(function (attr) {
        var value = each.getAttribute(attr);
        if (value && value.indexOf("NEWID") >= 0) each.setAttribute(attr, value.split("NEWID").join(id));
      });
    });
    return node;
  }

  /* Views {part (null: always), wants(name), draw(), quick(name): a change shown at once}; one
     that throws is reported, the others still draw. */
  function Views(win, report) {
    var views = [], dirty = new Set(), queued = false;
    function flush(all) {
      views.forEach(function (view) {
        if (!dirty.has(view) || (!all && view.part && view.part.classList.contains("plan-away"))) return;
        dirty.delete(view);
        try { view.draw(); } catch (error) { report(error); }
      });
    }
    return {
      add: function (view) { views.push(view); dirty.add(view); return view; },
      changed: function (name) {
        views.forEach(function (view) {
          if (!view.wants(name)) return;
          if (view.quick) { try { view.quick(name); } catch (error) { report(error); } } else dirty.add(view);
        });
      },
      stale: function (view) { dirty.add(view); },
      now: function (view) { if (dirty.delete(view)) view.draw(); },
      everything: function () { views.forEach(function (view) { dirty.add(view); }); },
      soon: function () {
        if (queued) return;
        queued = true;
        later(win, function () { queued = false; flush(false); });
      },
      flush: flush
    };
  }

  /* A kind's entries, each a <details> from its <template>: a heading, its fields made when first
     opened. options: title(e), newest, months (title(month): grouped, one box a month, filled
     when opened; only from groupFrom entries on, if given), fill(body), built(el, e), latest(list)
     (opened at first). */
  function EntryList(box, options) {
    var doc = box.ownerDocument;
    var template = doc.getElementById(box.getAttribute("data-template")).content.firstElementChild;
    var shells = new Map(), groups = new Map(), byId = new Map(), drawn = false, grouped = false;

    function shell(entry) {
      var node = shells.get(entry.id);
      if (!node) {
        node = rename(template.cloneNode(false), entry.id);
        node.appendChild(template.querySelector("summary").cloneNode(true));
        shells.set(entry.id, node);
      }
      setText(node.querySelector("[data-title]"), options.title(entry));
      return node;
    }

    function place(holder, list, move) {
      list.forEach(function (entry, i) {
        var node = shell(entry);
        if (holder.children[i] !== node && (move || !node.parentNode)) holder.insertBefore(node, holder.children[i] || null);
      });
    }

    function ordered(list) {
      if (!options.newest) return list;
      var dated = entries.dated(list);
      return dated.reverse().concat(list.filter(function (e) { return e.day === null; }));
    }

    function group(month) {
      var node = groups.get(month.key);
      if (!node) {
        node = el(doc, "details", { "class": "plan-month", "data-month": month.key });
        node.appendChild(el(doc, "summary")).appendChild(el(doc, "h3", { "class": "plan-month-title" }));
        node.appendChild(el(doc, "div", { "class": "plan-month-entries" }));
        groups.set(month.key, node);
      }
      setText(node.querySelector("h3"), options.months(month));
      return node;
    }

    function fillMonth(node, move) {
      var month = entries.months(Array.from(byId.values())).filter(function (m) { return m.key === node.getAttribute("data-month"); })[0];
      if (month) place(node.lastChild, ordered(month.entries), move);
    }

    /* move: back in order (not while the patient types in one). */
    function draw(list, move) {
      byId = new Map(list.map(function (e) { return [e.id, e]; }));
      shells.forEach(function (node, id) { if (!byId.has(id)) { node.remove(); shells.delete(id); } });
      var wanted = !!options.months && list.length >= (options.groupFrom || 0), fresh = !drawn || wanted !== grouped;
      if (wanted !== grouped) {  // from a short list to months, or back: the same entries, placed anew
        box.textContent = "";
        groups.clear();
        grouped = wanted;
        move = true;
      }
      if (grouped) {
        var months = entries.months(list);
        var keys = new Set(months.map(function (m) { return m.key; }));
        groups.forEach(function (node, key) { if (!keys.has(key)) { node.remove(); groups.delete(key); } });
        months.forEach(function (month, i) {
          var node = group(month);
          if (fresh && i === 0) node.open = true;
          if (box.children[i] !== node) box.insertBefore(node, box.children[i] || null);
          if (node.open) place(node.lastChild, ordered(month.entries), move);
        });
      } else {
        place(box, ordered(list), move);
      }
      if (!drawn && list.length) {
        var first = options.latest(ordered(list));
        if (first) open(first.id);
      }
      drawn = true;
    }

    function build(node) {
      if (node.querySelector(".plan-entry-body")) return node;
      var entry = byId.get(node.getAttribute("data-id"));
      var body = rename(template.querySelector(".plan-entry-body").cloneNode(true), entry.id);
      options.fill(body);
      node.appendChild(body);
      if (options.built) options.built(node, entry);
      return node;
    }

    function open(id) {
      var entry = byId.get(id);
      if (!entry) return null;
      if (grouped) {
        var node = groups.get(entry.day === null ? "" : entries.monthKey(entry.day));
        node.open = true;
        fillMonth(node, true);
      } else if (!shells.get(id).parentNode) {
        place(box, ordered(Array.from(byId.values())), true);
      }
      var found = build(shells.get(id));
      found.open = true;
      return found;
    }

    /* A <details> opened: what it holds is built; whether it is this list's. */
    function toggled(node) {
      if (!box.contains(node) || !node.open) return box.contains(node);
      if (node.classList.contains("plan-month")) fillMonth(node, false); else if (node.hasAttribute("data-id")) build(node);
      return true;
    }

    /* For print: the entries keep(e) says built, the others (and empty months) unprinted. */
    function buildAll(keep) {
      var printed = new Set();
      byId.forEach(function (entry) {
        if (keep(entry) && grouped) fillMonth(groups.get(entry.day === null ? "" : entries.monthKey(entry.day)), false);
      });
      shells.forEach(function (node, id) {
        var kept = keep(byId.get(id));
        node.classList.toggle("plan-unprinted", !kept);
        if (kept) printed.add(build(node).parentNode);
      });
      groups.forEach(function (node) { node.classList.toggle("plan-unprinted", !printed.has(node.lastChild)); });
    }

    return {
      draw: draw, open: open, toggled: toggled, buildAll: buildAll,
      each: function (fn) { shells.forEach(function (node, id) { if (node.querySelector(".plan-entry-body")) fn(node, byId.get(id)); }); }
    };
  }

  PlanGuide.ui = { el: el, setText: setText, later: later, rename: rename, Views: Views, EntryList: EntryList };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./entries.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
