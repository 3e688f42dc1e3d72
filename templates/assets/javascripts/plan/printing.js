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
        var empty = !Array.prototype.some.call(box.querySelectorAll(":is(.plan-field, .plan-check):not(.plan-unfilled)"),
          function (field) { return !field.closest(".plan-summary-choice"); });  // the summary's choices, at any depth, do not print
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

    /* The side effects the check-ins can note: [{key, name}], from the check-in's template. */
    function sideEffects() {
      var form = byId("plan-checkin-template").content;
      return Array.prototype.filter.call(form.querySelectorAll("input"), function (box) { return box.name.indexOf("-effect-") > 0; }).map(function (box) {
        var label = form.querySelector('label[for="' + box.id + '"]');
        return { key: box.name.slice(box.name.indexOf("-effect-") + 1), name: label ? label.textContent : box.name };
      });
    }

    /* The latest `most` of a list's words, and how many earlier are left out. */
    function latest(words, most) {
      var left = Math.max(0, words.length - most);
      return words.slice(left).join("; ") + (left ? ". " + fill(w.summary.earlier, { count: left }) : "");
    }

    function summary() {
      var out = byId("plan-summary-print"), fields = ctx.page.fields(), key = byId("plan-summary-period").value, p = period(key);
      var m = ctx.model(), sessions = entries.within(m.sessions, p.first, p.last), shown = ctx.shown;
      function add(tag, text, attrs) { return out.appendChild(ui.el(doc, tag, attrs || {}, text)); }
      out.replaceChildren();
      add("h2", w.summary.heading);
      var name = typeof fields["name-on-summary"] === "string" ? fields["name-on-summary"].trim() : "";
      add("p", (name ? fill(w.summary.name, { name: name }) + " · " : "") + fill(w.summary.printed, { date: shown.long(m.today) }),
          { "class": "plan-summary-meta" });
      var named = byId("plan-summary-period").selectedOptions[0].text;
      add("p", p.first === null ? named : fill(w.summary.period, { period: named, first: shown.long(p.first), last: shown.long(m.today) }),
          { "class": "plan-summary-period" });
      add("h3", w.sessions.title);
      add("p", sessions.length ? latest(sessions.map(function (e) { return shown.shortYear(e.day); }), 8) : w.summary.nothing);
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
        var checkins = entries.within(m.checkins, p.first, p.last), total = checkins.length;
        add("h3", w.summary.effects);
        var noted = sideEffects().map(function (effect) {
          var count = checkins.filter(function (c) { return c.parts[effect.key] === true; }).length;
          return count ? fill(w.summary.effect, { effect: effect.name, count: count, total: total }) : "";
        }).filter(Boolean);
        add("p", noted.length ? noted.join("; ") : fill(w.summary.no_effects, { total: total }));
        var scores = entries.within(m.wellbeings, p.first, p.last).map(function (e) { return { day: e.day, result: entries.who5(e) }; })
          .filter(function (s) { return s.result; });
        if (scores.length) {
          add("h3", w.wellbeing.title);
          var low = scores.some(function (s) { return s.result.low; });
          add("p", latest(scores.map(function (s) {
            return fill(s.result.low ? w.summary.who5_low : w.summary.who5_score, { date: shown.shortYear(s.day), score: s.result.score });
          }), 6) + (low ? " " + w.summary.who5_low_note : ""));
        }
        add("h3", w.summary.checkins);
        var picture = checkinScreen.drawn(checkinScreen.data(), key, 640, 16, function (span) {
          return { left: w.summary.axis_scores, right: w.summary.axis_who5,
                   bottom: fill(w.summary.axis_dates, { first: shown.shortYear(span.first), last: shown.shortYear(span.last) }) };
        });
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
