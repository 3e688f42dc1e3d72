/* The check-ins part: check-ins by month, the WHO-5s (beside one that needs help, the advice and
   the numbers to call, copied from the page's #plan-red-flags), the chart over a chosen range, and
   its table a month at a time. Needs ui.js and chart.js. */
(function (PlanGuide) {
  "use strict";

  var ui = PlanGuide.ui, entries = PlanGuide.entries, chart = PlanGuide.chart, fill = PlanGuide.schedule.fill;
  var MOOD_VERY_LOW = 1;  // a mood of 0 or 1 out of 10 shows the crisis lines beside the check-in

  function start(ctx) {
    var w = ctx.w, byId = ctx.byId, doc = ctx.doc, part = byId("plan-step-checkins"), shown = ctx.shown;
    var table = { month: null, months: [], chosen: false };  // chosen: not the latest
    var print = false;  // drawn for print: 640 wide, in larger type

    var flags = new Map(), redEffects = [];
    Array.prototype.forEach.call(byId("plan-red-flags").content.querySelectorAll("[data-red-flag]"), function (box) {
      flags.set(box.getAttribute("data-red-flag"), box);
      if (box.hasAttribute("data-effects")) redEffects = box.getAttribute("data-effects").split(" ").filter(Boolean);
    });
    /* Beside an entry: the advice of each kind it needs ("body", "mood", "wellbeing"), with its numbers. */
    function showFlags(node, kinds) {
      var slot = node.querySelector("[data-red-flag-slot]"), typed = ctx.page.fields()["clinic-phone"];
      var key = kinds.join(" ") + "\n" + (kinds.length && typeof typed === "string" ? typed : "");
      if (!slot || slot.getAttribute("data-shown") === key) return;
      slot.textContent = "";
      kinds.forEach(function (kind) {
        var box = slot.appendChild(flags.get(kind).cloneNode(true)), list = box.querySelector("[data-typed-clinic]");
        if (list) entries.phoneNumbers(typed).forEach(function (n) {
          list.appendChild(ui.el(doc, "li")).appendChild(ui.el(doc, "a", { href: n.href }, fill(w.safety.call_person, { name: w.evening.clinic, number: n.text })));
        });
      });
      slot.setAttribute("data-shown", key);
    }
    function checkinFlags(node, parts) {
      var kinds = [], mood = entries.score(parts.mood, 10);
      if (redEffects.some(function (key) { return parts["effect-" + key] === true; })) kinds.push("body");
      if (mood !== null && mood <= MOOD_VERY_LOW) kinds.push("mood");
      showFlags(node, kinds);
    }

    var checkins = ctx.lists.checkin = ui.EntryList(byId("plan-checkins"), {
      newest: true, fill: ctx.fill, built: function (node, entry) { checkinFlags(node, entry.parts); },
      latest: function (all) { return all[0]; },
      title: function (c) {
        if (c.day === null) return w.checkins.no_date;
        return fill(w.checkins.line, { date: shown.long(c.day), mood: c.parts.mood || "–", sleep: c.parts.sleep || "–" });
      },
      months: function (m) { return fill(w.checkins.month, { month: m.day === null ? w.checkins.no_date_month : shown.month(m.day), count: m.entries.length }); }
    });
    ctx.listViews.checkin = ctx.views.add({ part: part, wants: function (name) { return /^checkin-[a-z0-9]{6}-(?:date|mood|sleep)$/.test(name); }, draw: function () {
      checkins.draw(ctx.model().checkins, !byId("plan-checkins").contains(doc.activeElement));
    } });
    ctx.views.add({ part: null, wants: function (name) { return /^checkin-[a-z0-9]{6}-(?:mood|effect-)/.test(name); },
      draw: function () { checkins.each(function (node, entry) { checkinFlags(node, entry.parts); }); },
      quick: function (name) {
        var id = name.split("-")[1], node = byId("plan-checkin-" + id), parts = ctx.model().index.checkin.get(id);
        if (node && parts) checkinFlags(node, parts);
      } });

    function score(node, entry) {
      var result = entries.who5(entry, ctx.model().wellbeings);
      ui.setText(node.querySelector("[data-score]"), result ? fill(w.wellbeing.score, { score: result.score, percent: result.percent }) : "");
      node.querySelector("[data-low]").hidden = !(result && result.low);
      node.querySelector("[data-urgent]").hidden = !(result && result.urgent && !result.veryLow);  // a very low one says it with its numbers
      showFlags(node, result && result.veryLow ? ["wellbeing"] : []);
    }
    var wellbeings = ctx.lists.wellbeing = ui.EntryList(byId("plan-wellbeings"), {
      newest: true, fill: ctx.fill, built: score,
      latest: function (all) { return all[0]; },
      title: function (e) { return e.day === null ? w.wellbeing.no_date : fill(w.wellbeing.entry, { date: shown.long(e.day) }); }
    });
    ctx.listViews.wellbeing = ctx.views.add({ part: part, wants: function (name) { return /^wellbeing-/.test(name); }, draw: function () {
      var m = ctx.model();
      wellbeings.draw(m.wellbeings, !byId("plan-wellbeings").contains(doc.activeElement));
      wellbeings.each(score);
      byId("plan-wellbeing-due").hidden = !entries.who5Due(m.wellbeings, m.today);
    } });

    function showTable(data) {
      var rows = new Map();
      function at(day) { if (!rows.has(day)) rows.set(day, { day: day }); return rows.get(day); }
      ["mood", "sleep", "wellbeing"].forEach(function (key) { data[key].forEach(function (p) { at(p.day)[key] = p.value; }); });
      data.sessions.forEach(function (s) { at(s.day).session = fill(w.chart.session, { number: s.number }); });
      table.months = Array.from(new Set(Array.from(rows.keys()).map(entries.monthKey))).sort();
      if (!table.chosen || table.months.indexOf(table.month) < 0) table.month = table.months[table.months.length - 1] || null;
      var i = table.months.indexOf(table.month), holder = byId("plan-chart-table"), box = ui.el(doc, "table", { "class": "plan-chart-data" });
      box.appendChild(ui.el(doc, "caption", { id: "plan-chart-caption" }, fill(w.chart.table_month, { month: table.month ? shown.month(entries.dayOf(table.month + "-01")) : "" })));
      var head = box.appendChild(ui.el(doc, "tr"));
      [w.chart.date, w.checkins.mood, w.checkins.sleep, w.chart.wellbeing, w.sessions.title].forEach(function (text) {
        head.appendChild(ui.el(doc, "th", { scope: "col" }, text));
      });
      Array.from(rows.keys()).filter(function (day) { return entries.monthKey(day) === table.month; }).sort(function (a, b) { return a - b; }).forEach(function (day) {
        var row = rows.get(day), tr = box.appendChild(ui.el(doc, "tr"));
        tr.appendChild(ui.el(doc, "th", { scope: "row" }, shown.short(day)));  // the caption names the month and year
        ["mood", "sleep", "wellbeing", "session"].forEach(function (key) { tr.appendChild(ui.el(doc, "td", {}, row[key] === undefined ? "" : String(row[key]))); });
      });
      holder.querySelector(".plan-chart-rows").replaceChildren(box);
      byId("plan-chart-earlier").disabled = i <= 0;
      byId("plan-chart-later").disabled = i < 0 || i >= table.months.length - 1;
    }

    /* The chart of a range at a width: a fragment, or null; `titles(span)`, if given, its axes' titles. */
    function drawn(data, range, width, font, titles) {
      var span = chart.span(data, range, ctx.model().today);
      var layout = chart.layout(data, span, width, titles ? 280 : 240, {
        shown: shown, font: font, mark: function (n) { return String(n); },  // a session's number alone: it must fit between two sessions
        titles: titles && span ? titles(span) : null
      });
      if (!layout) return null;
      var figure = doc.createDocumentFragment();
      figure.appendChild(chart.svg(doc, layout, w.chart.label));
      if (layout.step > 1) figure.appendChild(ui.el(doc, "p", { "class": "plan-chart-means" }, layout.step === 7 ? w.chart.weekly : w.chart.monthly));
      figure.appendChild(chart.legend(doc, { mood: w.checkins.mood, sleep: w.checkins.sleep, wellbeing: w.chart.wellbeing, sessions: w.chart.sessions }));
      return figure;
    }

    function data() {
      var m = ctx.model();
      return chart.points(m.sessions, m.checkins, m.wellbeings, entries);
    }

    var view = ctx.views.add({ part: part, wants: function (name) {
      return /^(?:checkin-[a-z0-9]{6}-(?:date|mood|sleep)|wellbeing-|session-[a-z0-9]{6}-date)/.test(name);
    }, draw: function () {
      var points = data(), figure = byId("plan-chart");
      var width = print ? 640 : Math.max(280, Math.min(720, ctx.root.clientWidth || 640));
      var picture = drawn(points, byId("plan-chart-range").value, width, print ? 16 : 12);
      figure.replaceChildren();
      if (picture) figure.appendChild(picture);
      figure.hidden = !picture;
      byId("plan-chart-empty").hidden = !!picture;
      byId("plan-chart-controls").hidden = !picture;
      showTable(points);
    } });

    function redraw() { ctx.views.stale(view); ctx.views.flush(false); }
    function turn(by) {
      table.month = table.months[table.months.indexOf(table.month) + by];
      table.chosen = table.month !== table.months[table.months.length - 1];
      showTable(data());
    }
    byId("plan-chart-range").addEventListener("change", redraw);
    ctx.win.addEventListener("resize", function () {
      clearTimeout(table.resize);
      table.resize = setTimeout(redraw, 200);
    });

    return {
      drawn: drawn, data: data,
      forPrint: function (on) { print = on; ctx.views.stale(view); },
      clicks: {
        "plan-chart-earlier": function () { turn(-1); },
        "plan-chart-later": function () { turn(1); },
        "plan-chart-table-toggle": function (button) {
          var holder = byId("plan-chart-table"), show = button.getAttribute("aria-expanded") !== "true";
          button.setAttribute("aria-expanded", String(show));
          button.textContent = show ? w.chart.hide_table : w.chart.show_table;
          holder.classList.toggle("plan-sr-only", !show);
          if (show) holder.setAttribute("tabindex", "0"); else holder.removeAttribute("tabindex");
        }
      },
      toggled: function (node) { return checkins.toggled(node) || wellbeings.toggled(node); }
    };
  }

  PlanGuide.checkinScreen = { start: start };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./ui.js"), require("./chart.js"), require("./schedule.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
