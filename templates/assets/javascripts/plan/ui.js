/* What the screens share: elements, the views that redraw when the fields they show change, and
   the lists of entries, which build only what is open. A keystroke only marks views out of date;
   they redraw later, when the page is idle, and only while their part is on the screen, so the work
   a change costs follows the change, not the size of the plan. Needs entries.js. */
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

  /* Runs fn when the page is idle (or soon, in a browser without requestIdleCallback). */
  function later(win, fn) {
    if (win.requestIdleCallback) win.requestIdleCallback(fn, { timeout: 300 }); else win.setTimeout(fn, 30);
  }

  /* A copy of a template's node with its "NEWID" replaced by id, in it and under it. */
  function rename(node, id) {
    [node].concat(Array.prototype.slice.call(node.querySelectorAll("*"))).forEach(function (each) {
      RENAMED.forEach(function (attr) {
        var value = each.getAttribute(attr);
        if (value && value.indexOf("NEWID") >= 0) each.setAttribute(attr, value.split("NEWID").join(id));
      });
    });
    return node;
  }

  /* The views: each {part (its screen, or null: always), wants(name) (whether a field's change
     concerns it), draw(), and quick(name) if a change shows at once (one box's worth of work)}.
     A view that throws is reported, and the others still draw. */
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
      /* Draws a view now if it is out of date, its part shown or not (an entry about to be opened). */
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

  /* The entries of one kind in their box (#plan-sessions, ...), each a <details> copied from the
     kind's <template>: its heading at once, its fields only when it is first opened or printed.
     With options.months they are in a folded box a month, the newest open; a month not opened
     holds nothing yet. options: title(entry), newest (newest first), months (monthTitle(group)),
     fill(body) (puts the values in its controls), built(el, entry), latest (opened at first). */
  function EntryList(box, options) {
    var doc = box.ownerDocument;
    var template = doc.getElementById(box.getAttribute("data-template")).content.firstElementChild;
    var shells = new Map(), groups = new Map(), byId = new Map(), drawn = false;

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

    /* Draws the list; move: put entries back in order (not while the patient types in one). */
    function draw(list, move) {
      byId = new Map(list.map(function (e) { return [e.id, e]; }));
      shells.forEach(function (node, id) { if (!byId.has(id)) { node.remove(); shells.delete(id); } });
      if (options.months) {
        var months = entries.months(list);
        var keys = new Set(months.map(function (m) { return m.key; }));
        groups.forEach(function (node, key) { if (!keys.has(key)) { node.remove(); groups.delete(key); } });
        months.forEach(function (month, i) {
          var node = group(month);
          if (!drawn && i === 0) node.open = true;
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

    /* The entry's element, built and open (its month too); null if there is no such entry. */
    function open(id) {
      var entry = byId.get(id);
      if (!entry) return null;
      if (options.months) {
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

    /* After a <details> in the list opened: builds what it holds. Whether it was one of this list's. */
    function toggled(node) {
      if (!box.contains(node) || !node.open) return box.contains(node);
      if (node.classList.contains("plan-month")) fillMonth(node, false); else if (node.hasAttribute("data-id")) build(node);
      return true;
    }

    /* For print: every entry that keep(entry) says, built; the others (and empty months) marked unprinted. */
    function buildAll(keep) {
      var printed = new Set();
      byId.forEach(function (entry) {
        if (keep(entry) && options.months) fillMonth(groups.get(entry.day === null ? "" : entries.monthKey(entry.day)), false);
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
      built: function (id) { var node = shells.get(id); return node && node.querySelector(".plan-entry-body") ? node : null; },
      each: function (fn) { shells.forEach(function (node, id) { if (node.querySelector(".plan-entry-body")) fn(node, byId.get(id)); }); }
    };
  }

  PlanGuide.ui = { el: el, setText: setText, later: later, rename: rename, Views: Views, EntryList: EntryList };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./entries.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
