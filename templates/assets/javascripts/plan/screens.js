/* The screens over one set of views; adding entries, removing one with an Undo kept until the
   next removal. page: {fields(), edit(changes), report(error), planId(), say(text), error(text)};
   page.js calls changed(name, el), soon() after a save, redraw() for a whole new plan. */
(function (PlanGuide) {
  "use strict";

  var ui = PlanGuide.ui, entries = PlanGuide.entries, format = PlanGuide.format, fill = PlanGuide.schedule.fill;
  var FOCUS_FIRST = { session: "-date", checkin: "-mood", wellbeing: "-q1" };
  var CONTROLS = "input[name], textarea[name], select[name]";

  function start(root, words, page) {
    var doc = root.ownerDocument, win = doc.defaultView, lang = doc.documentElement.lang || undefined;
    var byId = function (id) { return doc.getElementById(id); };
    var model = null, removed = null;
    var practices = Array.prototype.map.call(root.querySelectorAll("input[type=checkbox][name^='practice-']"), function (el) {
      return { field: el.name, name: el.closest("fieldset").querySelector("legend").textContent };
    });

    function setControl(el) {
      var value = page.fields()[el.name];
      if (el.type === "checkbox") el.checked = value === true;
      else if (el.type !== "file" && el.value !== (typeof value === "string" ? value : "")) el.value = typeof value === "string" ? value : "";
    }

    var ctx = {
      root: root, doc: doc, win: win, words: words, w: words.screens, lang: lang, shown: entries.names(lang), byId: byId,
      page: page, lists: {}, views: ui.Views(win, page.report),
      practices: function () { return practices; },
      /* The entries, listed once per change: {index, sessions, checkins, wellbeings, today}. */
      model: function () {
        if (!model) {
          var fields = page.fields(), index = entries.index(fields);
          model = { index: index, sessions: entries.list(fields, "session", index), checkins: entries.list(fields, "checkin", index),
                    wellbeings: entries.list(fields, "wellbeing", index), today: entries.today() };
        }
        return model;
      },
      fill: function (box) { Array.prototype.forEach.call(box.querySelectorAll(CONTROLS), setControl); },
      list: function (kind) {
        ctx.views.now(ctx.listViews[kind]);
        return ctx.lists[kind];
      },
      openEntry: function (id) {
        var m = /^plan-(session|checkin|wellbeing)-([a-z0-9]{6})$/.exec(id);
        return m ? ctx.list(m[1]).open(m[2]) : null;
      },
      listViews: {}
    };
    var parts = PlanGuide.steps.start(ctx);
    var sessions = PlanGuide.sessionScreen.start(ctx);
    var checkins = PlanGuide.checkinScreen.start(ctx);
    var printing = PlanGuide.printing.start(ctx, checkins);
    var clicks = new Map();
    [checkins.clicks, printing.clicks].forEach(function (set) { Object.keys(set).forEach(function (id) { clicks.set(id, set[id]); }); });

    function add(kind) {
      var m = ctx.model(), date = entries.isoDay(m.today);
      var same = kind === "checkin" && m.checkins.filter(function (e) { return e.parts.date === date; })[0];
      var id = same ? same.id : format.newId({ has: function (id) { return m.index.session.has(id) || m.index.checkin.has(id) || m.index.wellbeing.has(id); } });
      if (!same) {
        var change = Object.create(null);
        change[kind + "-" + id + "-date"] = date;
        page.edit(change);
      }
      ctx.views.flush(false);
      var node = ctx.list(kind).open(id);
      Array.prototype.forEach.call(node.parentNode.children, function (other) { if (other !== node) other.open = false; });
      byId("plan-" + kind + "-" + id + FOCUS_FIRST[kind]).focus();
    }

    function remove(kind, id) {
      var fields = page.fields(), kept = Object.create(null), change = Object.create(null);
      var name = byId("plan-" + kind + "-" + id).querySelector("[data-title]").textContent;
      entries.namesOf(fields, kind, id).forEach(function (field) { kept[field] = fields[field]; change[field] = undefined; });
      page.edit(change);
      ctx.views.flush(false);
      removed = { kind: kind, id: id, fields: kept };
      ui.setText(byId("plan-undo-text"), fill(words.messages.removed, { entry: name }));
      byId("plan-undo").hidden = false;
      byId("plan-add-" + kind).focus();
    }

    function undo() {
      if (!removed) return;
      var back = removed;
      removed = null;
      byId("plan-undo").hidden = true;
      page.edit(back.fields);
      ctx.views.flush(false);
      parts.show(byId("plan-add-" + back.kind).closest("[data-plan-screen]").id);
      ctx.list(back.kind).open(back.id).querySelector("summary").focus();
      page.say(words.messages.undone);
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      var kind = button.getAttribute("data-add"), entry = button.closest("[data-id]");
      if (kind) add(kind);
      else if (button.hasAttribute("data-remove")) remove(entry.parentNode.closest("[data-kind]").getAttribute("data-kind"), entry.getAttribute("data-id"));
      else if (button.id === "plan-undo-button") undo();
      else if (button.id === "plan-evening-add") { add("session"); parts.show("plan-evening"); sessions.addedToday(); }
      else if (clicks.has(button.id)) clicks.get(button.id)(button);
    });
    root.addEventListener("toggle", function (event) {
      if (!event.target.open) return;
      try { if (!sessions.toggled(event.target)) checkins.toggled(event.target); parts.fit(event.target); } catch (error) { page.report(error); }
    }, true);

    /* No entry's date emptied, no date outside 1900 to 2200: back to the saved one when left. */
    function refuseDate(event) {
      var el = event.target;
      if (el.type !== "date" && el.type !== "datetime-local") return;
      var entry = format.entryField(el.name || ""), value = el.value;
      if (value ? format.isDate(value.slice(0, 10)) : !(entry && entry.part === "date")) return;
      event.stopImmediatePropagation();
      if (value && event.type === "change") page.error(words.messages.date_out_of_range);
    }
    root.addEventListener("input", refuseDate, true);
    root.addEventListener("change", refuseDate, true);
    root.addEventListener("focusout", function (event) {
      var el = event.target, entry = format.entryField(el.name || "");
      if (el.type === "date" || el.type === "datetime-local") {
        setControl(el);
        if (byId("plan-error").textContent === words.messages.date_out_of_range) page.error("");
      }
      if (entry && entry.part === "date") {  // back in order, still open
        ctx.views.changed(el.name);
        ctx.views.flush(false);
        ctx.list(entry.kind).open(entry.id);
      }
    });

    root.classList.add("plan--live", "plan--loading");
    return {
      statics: parts.statics,
      practices: practices,
      changed: function (name, el) {
        var entry = entries.ENTRY.exec(name), parts = entry && model && model.index[entry[1]].get(entry[2]);
        var value = page.fields()[name];
        if (!parts || /^(?:date|time)$/.test(entry[3]) || (value === undefined && Object.keys(parts).length < 2)) {
          if (entry) model = null;  // an entry added, moved or gone: listed again
        } else if (value === undefined) delete parts[entry[3]]; else parts[entry[3]] = value;  // its words, in place
        ctx.views.changed(name);
        if (el && /-journal-/.test(name)) {  // the evening's prompt and its session's
          Array.prototype.forEach.call(root.querySelectorAll('[name="' + name + '"]'), function (other) { if (other !== el) setControl(other); });
        }
      },
      soon: ctx.views.soon,
      redraw: function (first) {
        model = null;
        ctx.views.everything();
        ctx.fill(root);
        if (first) parts.followHash(true);
        ctx.views.flush(false);
      },
      forget: function () { removed = null; byId("plan-undo").hidden = true; }
    };
  }

  PlanGuide.screens = { start: start };
}(typeof module === "object" && module.exports
  ? Object.assign(module.exports, require("./steps.js"), require("./screen_sessions.js"), require("./screen_checkins.js"), require("./printing.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
