/* Printing the plan over a chosen period, the safety card, and the one-page therapist summary.
   Print copies of the words are made just before printing, never as the patient types. */
(function (PlanGuide) {
  "use strict";

  var ui = PlanGuide.ui, entries = PlanGuide.entries, chart = PlanGuide.chart, fill = PlanGuide.schedule.fill;
  var THEMES_SHOWN = 12;
  var CONTROLS = "input[name], textarea[name], select[name]";

  function start(ctx, checkinScreen) {
    var w = ctx.w, byId = ctx.byId, doc = ctx.doc, root = ctx.root, win = ctx.win;
    var busy = false;

    /* A control's words as they print. */
    function written(el) {
      var value = el.value;
      if (el.tagName === "SELECT") return value && el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : "";
      if (!value || (el.type !== "date" && el.type !== "datetime-local")) return value;
      var day = entries.dayOf(value.slice(0, 10));
      if (day === null) return value;
      return ctx.shown.long(day) + (el.type === "date" ? "" : ", " + ctx.shown.time(value.slice(11)));
    }

    function mark(el) {
      var has = el.type === "checkbox" ? el.checked : el.value !== "";
      var holder = el.closest(".plan-field, .plan-check");
      if (holder) holder.classList.toggle("plan-unfilled", !has);
      if (el.type === "checkbox") return has;
      var copy = el.parentNode.querySelector(".plan-written");
      if (!copy) copy = el.parentNode.insertBefore(ui.el(doc, "span", { "class": "plan-written", "aria-hidden": "true" }), el.nextSibling);
      ui.setText(copy, written(el));
      return has;
    }

    function markAll() {
      var filled = false;
      Array.prototype.forEach.call(root.querySelectorAll(CONTROLS), function (el) { if (el.type !== "file" && mark(el)) filled = true; });
      Array.prototype.forEach.call(root.querySelectorAll("fieldset, .plan-section"), function (box) {
        if (box.classList.contains("plan-crisis")) return;
        var empty = !box.querySelector(".plan-field:not(.plan-unfilled), .plan-check:not(.plan-unfilled)");
        if (box.querySelector("#plan-schedule")) empty = empty && byId("plan-schedule").hidden;
        if (box.querySelector("#plan-sessions")) empty = empty && !byId("plan-sessions").children.length;
        box.classList.toggle("plan-unfilled", empty);
      });
      root.classList.toggle("plan--filled", filled || Object.keys(ctx.page.fields()).length > 0);
    }

    function period(key) {
      var today = ctx.model().today, length = chart.RANGES[key];
      return length ? { first: today - length + 1, last: null } : { first: null, last: null };
    }

    /* Views drawn; the period's entries built (and those without a date), the others left out. */
    function prepare() {
      var p = period(byId("plan-print-period").value);
      checkinScreen.forPrint(true);
      ctx.views.everything();
      ctx.views.flush(true);
      Object.keys(ctx.lists).forEach(function (kind) {
        ctx.list(kind).buildAll(function (e) { return e.day === null || entries.within([e], p.first, p.last).length > 0; });
      });
      markAll();
    }

    function printOnly(className) {
      doc.documentElement.classList.add(className);
      busy = true;
      win.print();
      busy = false;
      doc.documentElement.classList.remove(className);
    }

    function summary() {
      var out = byId("plan-summary-print"), fields = ctx.page.fields(), key = byId("plan-summary-period").value, p = period(key);
      var m = ctx.model(), sessions = entries.within(m.sessions, p.first, p.last);
      function add(tag, text, attrs) { return out.appendChild(ui.el(doc, tag, attrs || {}, text)); }
      out.replaceChildren();
      add("h2", w.summary.heading);
      var named = byId("plan-summary-period").selectedOptions[0].text;
      add("p", p.first === null ? named : fill(w.summary.period, { period: named, first: ctx.shown.long(p.first), last: ctx.shown.long(m.today) }),
          { "class": "plan-summary-period" });
      if (fields["summary-themes"]) {
        add("h3", w.summary.themes);
        var found = entries.themes(sessions).sort(function (a, b) { return b.sessions.length - a.sessions.length; });
        var list = add("ul", undefined, { "class": "plan-summary-themes" });
        found.slice(0, THEMES_SHOWN).forEach(function (t) {
          list.appendChild(ui.el(doc, "li", {}, fill(w.summary.theme, { theme: t.theme, count: t.sessions.length, total: sessions.length })));
        });
        if (found.length > THEMES_SHOWN) add("p", fill(w.summary.more_themes, { count: found.length - THEMES_SHOWN }));
        if (!found.length) { list.remove(); add("p", w.summary.nothing); }
      }
      if (fields["summary-checkins"]) {
        add("h3", w.summary.checkins);
        var picture = checkinScreen.drawn(checkinScreen.data(), key, 640, 16);
        if (picture) add("figure", undefined, { "class": "plan-chart" }).appendChild(picture); else add("p", w.summary.nothing);
      }
      if (fields["summary-step"]) {
        add("h3", w.summary.step);
        add("p", [fields.action, fields["action-when"]].filter(Boolean).join(" — ") || w.summary.nothing, { "class": "plan-summary-step" });
      }
      printOnly("plan-printing-summary");
    }

    win.addEventListener("beforeprint", function () {
      if (busy) return;
      try { prepare(); } catch (error) { ctx.page.report(error); }
    });
    win.addEventListener("afterprint", function () { checkinScreen.forPrint(false); ctx.views.flush(false); });

    return {
      clicks: {
        "plan-print": function (button) {
          var show = button.getAttribute("aria-expanded") !== "true";
          button.setAttribute("aria-expanded", String(show));
          byId("plan-print-options").hidden = !show;
          if (show) byId("plan-print-period").focus();
        },
        "plan-print-go": function () {
          prepare();
          printOnly("plan-printing-plan");
          checkinScreen.forPrint(false);
          ctx.views.flush(false);
        },
        "plan-print-safety": function () {
          Array.prototype.forEach.call(byId("plan-safety-card").querySelectorAll(CONTROLS), mark);
          printOnly("plan-printing-safety");
        },
        "plan-print-summary": summary
      }
    };
  }

  PlanGuide.printing = { start: start };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./ui.js"), require("./chart.js"), require("./schedule.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
