/* The sessions part: the timeline, the themes, the schedule (the past folded), and the evening,
   which writes into the journal of a session dated today, and names it: never into an earlier
   session's, which the patient opens on the timeline if they mean it. Needs ui.js and schedule.js. */
(function (PlanGuide) {
  "use strict";

  var ui = PlanGuide.ui, entries = PlanGuide.entries, schedule = PlanGuide.schedule, fill = schedule.fill;
  var GROUP_FROM = 7;  // from this many sessions, the timeline is folded by month like the check-ins

  function start(ctx) {
    var w = ctx.w, byId = ctx.byId, doc = ctx.doc, part = byId("plan-step-sessions");
    var numbers = new Map(), after = new Map(), past = [];

    function title(entry) {
      var number = numbers.get(entry.id);
      var time = entry.parts.time || "";
      if (entry.day === null) return fill(w.sessions.no_date, { number: number });
      time = PlanGuide.format.isTime(time) ? ctx.shown.time(time) : time;  // as the schedule shows it; else as typed
      return fill(w.sessions.session, { number: number, date: ctx.shown.long(entry.day) + (time ? ", " + time : "") });
    }

    function showCheckins(node, entry) {
      var list = node.querySelector("[data-checkins]"), found = after.get(entry.id) || [];
      list.textContent = "";
      found.forEach(function (c) {
        var line = fill(w.checkins.line, { date: ctx.shown.long(c.day), mood: c.parts.mood || "–", sleep: c.parts.sleep || "–" });
        list.appendChild(ui.el(doc, "li")).appendChild(ui.el(doc, "a", { href: "#plan-checkin-" + c.id }, line));
      });
      if (!found.length) list.appendChild(ui.el(doc, "li", {}, w.sessions.no_checkins));
      node.querySelector("[data-checkins-box]").classList.toggle("plan-none", !found.length);
    }

    var list = ctx.lists.session = ui.EntryList(byId("plan-sessions"), {
      title: title, fill: ctx.fill, built: showCheckins, groupFrom: GROUP_FROM,
      months: function (m) { return fill(w.checkins.month, { month: m.day === null ? w.checkins.no_date_month : ctx.shown.month(m.day), count: m.entries.length }); },
      latest: function (all) { var dated = entries.dated(all); return dated[dated.length - 1] || all[all.length - 1]; }
    });

    var timeline = ctx.listViews.session = ctx.views.add({ part: part, wants: function (name) {
      return /^(?:session-[a-z0-9]{6}-(?:date|time)|checkin-[a-z0-9]{6}-(?:date|mood|sleep))$/.test(name);
    }, draw: function () {
      var m = ctx.model(), found = entries.checkinsAfter(m.sessions, m.checkins);
      numbers = new Map(m.sessions.map(function (s, i) { return [s.id, i + 1]; }));
      after = new Map(m.sessions.map(function (s, i) { return [s.id, found[i]]; }));
      list.draw(m.sessions, !byId("plan-sessions").contains(doc.activeElement));
      list.each(showCheckins);
    } });

    ctx.views.add({ part: part, wants: function (name) { return /^session-[a-z0-9]{6}-(?:themes|date|time)$/.test(name); }, draw: function () {
      var box = byId("plan-themes"), found = entries.themes(ctx.model().sessions);
      box.textContent = "";
      found.forEach(function (t) {
        var item = box.appendChild(ui.el(doc, "li"));
        item.appendChild(ui.el(doc, "strong", {}, t.theme));
        item.appendChild(doc.createTextNode(": " + t.sessions.map(function (n) { return fill(w.chart.session, { number: n }); }).join(", ")));
      });
      byId("plan-themes-empty").hidden = found.length > 0;
    } });

    /* Each event once; a sentence the list said already is not said again. Those that take in today marked. */
    function eventItems(box, events) {
      var said = new Set(), today = ctx.model().today;
      box.textContent = "";
      events.forEach(function (event) {
        var now = event.start <= today && today < event.end;
        var item = box.appendChild(ui.el(doc, "li", now ? { "class": "plan-today" } : {}));
        if (now) item.appendChild(ui.el(doc, "strong", { "class": "plan-today-mark" }, w.sessions.today));
        item.appendChild(ui.el(doc, "strong", {}, schedule.when(event, ctx.words.schedule, ctx.lang)));
        var base = event.base === undefined ? event.detail : event.base;
        item.appendChild(doc.createTextNode(": " + [event.title + "."].concat(said.has(base) ? [] : [base], event.extra || []).filter(Boolean).join(" ")));
        said.add(base);
      });
    }

    function showPast() {
      var box = byId("plan-schedule-past");
      ui.setText(box.querySelector("summary"), fill(w.sessions.past, { count: past.length }));
      box.hidden = !past.length;
      if (box.open) eventItems(box.querySelector("ol"), past);
    }

    ctx.views.add({ part: part, wants: function (name) {
      return /^(?:session-[a-z0-9]{6}-(?:date|time|intention)|therapist-|practice-|action$|reminder-)/.test(name);
    }, draw: function () {
      var m = ctx.model();
      var split = schedule.split(schedule.events(ctx.page.fields(), ctx.practices(), ctx.words.schedule, m.today, ctx.page.planId(), m.sessions), m.today);
      past = split.past;
      eventItems(byId("plan-schedule"), split.coming);
      byId("plan-schedule").hidden = !split.coming.length;
      byId("plan-schedule-empty").hidden = split.coming.length + past.length > 0;
      showPast();
    } });

    var evening = ctx.views.add({ part: byId("plan-evening"), wants: function (name) { return /^session-[a-z0-9]{6}-date$/.test(name); }, draw: function () {
      var today = ctx.model().today, fields = ctx.page.fields();
      var session = entries.dated(ctx.model().sessions).filter(function (s) { return s.day === today; }).pop();
      Array.prototype.forEach.call(ctx.root.querySelectorAll("[data-journal]"), function (el) {
        var name = session ? "session-" + session.id + "-journal-" + el.getAttribute("data-journal") : "";
        if ((el.getAttribute("name") || "") === name) return;
        if (name) el.name = name; else el.removeAttribute("name");
        el.value = session && typeof fields[name] === "string" ? fields[name] : "";
      });
      ui.setText(byId("plan-evening-into"), session ? fill(w.evening.writes_into, { session: title(session) }) : "");
      byId("plan-evening-prompts").hidden = !session;
      byId("plan-evening-none").hidden = !!session;
    } });

    return {
      timeline: timeline,
      toggled: function (node) { if (node.id === "plan-schedule-past") { showPast(); return true; } return list.toggled(node); },
      addedToday: function () {
        evening.draw();
        byId("plan-evening-" + ctx.root.querySelector("[data-journal]").getAttribute("data-journal")).focus();
      }
    };
  }

  PlanGuide.sessionScreen = { start: start };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./ui.js"), require("./schedule.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
