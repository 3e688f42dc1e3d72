/* The plan's screens: the parts a patient steps through, the entries they add (sessions, check-ins,
   WHO-5s, each a copy of its <template>), the themes, the chart and its table, tap-to-call links,
   the evening after a session and the printed card and summary. page.js owns the fields and their
   saving: it calls render(fields) before it fills the controls in, update(fields) after any change,
   and hands over edit(changes), which changes fields as the patient would. Words come from
   plan.yml's `screens:`; a patient's text goes only into .value and .textContent. */
(function (PlanGuide) {
  "use strict";

  var entries = PlanGuide.entries, chart = PlanGuide.chart, fill = PlanGuide.schedule.fill;
  var KINDS = { session: "plan-sessions", checkin: "plan-checkins", wellbeing: "plan-wellbeings" };
  var FOCUS_FIRST = { session: "-date", checkin: "-mood", wellbeing: "-q1" };

  function start(root, words, edit) {
    var w = words.screens;
    var byId = function (id) { return document.getElementById(id); };
    var lang = document.documentElement.lang || undefined;
    var current = { fields: {}, lists: {} };

    function longDate(day) {
      return new Date(day * 86400000).toLocaleDateString(lang, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
    }
    function shortDate(day) {
      return new Date(day * 86400000).toLocaleDateString(lang, { timeZone: "UTC", month: "short", day: "numeric" });
    }

    /* ---- entries: one element per entry, kept (with its open state) while the entry lives ---- */

    function copyOf(template, id) {
      var part = template.content.firstElementChild.cloneNode(true);
      [part].concat(Array.prototype.slice.call(part.querySelectorAll("*"))).forEach(function (el) {
        ["id", "name", "for", "aria-describedby", "aria-labelledby", "data-id"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value && value.indexOf("NEWID") >= 0) el.setAttribute(attr, value.split("NEWID").join(id));
        });
      });
      return part;
    }

    function renderKind(kind, list) {
      var box = byId(KINDS[kind]);
      var template = byId(box.getAttribute("data-template"));
      var kept = {};
      Array.prototype.forEach.call(box.children, function (el) { kept[el.getAttribute("data-id")] = el; });
      var shown = kind === "session" ? list : list.slice().reverse();  // a timeline; the newest check-in first
      shown.forEach(function (entry, index) {
        var el = kept[entry.id];
        if (!el) {
          el = copyOf(template, entry.id);
          el.open = kind === "session" ? index === shown.length - 1 : index === 0;
        }
        delete kept[entry.id];
        box.appendChild(el);
      });
      Object.keys(kept).forEach(function (id) { kept[id].remove(); });
    }

    function render(fields) {
      Object.keys(KINDS).forEach(function (kind) { renderKind(kind, entries.list(fields, kind)); });
      bindEvening(fields);
    }

    function add(kind) {
      var date = entries.today();
      var open = kind === "checkin" && entries.list(current.fields, "checkin").filter(function (e) { return e.date === date; })[0];
      var id = open ? open.id : entries.newId(current.fields, Math.random);
      if (!open) {
        var change = {};
        change[kind + "-" + id + "-date"] = date;
        edit(change);
      }
      var el = byId("plan-" + kind + "-" + id);
      Array.prototype.forEach.call(el.parentNode.children, function (other) { other.open = other === el; });
      byId("plan-" + kind + "-" + id + FOCUS_FIRST[kind]).focus();
    }

    function remove(kind, id) {
      var say = { session: w.sessions, checkin: w.checkins, wellbeing: w.wellbeing }[kind];
      if (!window.confirm(say.confirm_remove)) return;
      var change = {};
      entries.namesOf(current.fields, kind, id).forEach(function (name) { change[name] = undefined; });
      edit(change);
      byId("plan-add-" + kind).focus();
    }

    /* ---- what follows from the fields, after every change ---- */

    function update(fields) {
      current.fields = fields;
      var sessions = entries.list(fields, "session"), checkins = entries.list(fields, "checkin"), wellbeings = entries.list(fields, "wellbeing");
      var after = entries.checkinsAfter(sessions, checkins);
      sessions.forEach(function (s, i) {
        var el = byId("plan-session-" + s.id);
        if (!el) return;
        title(el, fill(w.sessions.session, { number: i + 1, date: longDate(s.day) + (s.parts.time ? ", " + s.parts.time : "") }));
        var list = el.querySelector("[data-checkins]");
        list.textContent = "";
        after[i].forEach(function (c) {
          var item = document.createElement("li"), link = document.createElement("a");
          link.href = "#plan-checkin-" + c.id;
          link.textContent = fill(w.checkins.line, { date: longDate(c.day), mood: c.parts.mood || "–", sleep: c.parts.sleep || "–" });
          item.appendChild(link);
          list.appendChild(item);
        });
        if (!after[i].length) { var none = document.createElement("li"); none.textContent = w.sessions.no_checkins; list.appendChild(none); }
        el.querySelector("[data-checkins-box]").classList.toggle("plan-none", !after[i].length);  // not printed
      });
      checkins.forEach(function (c) {
        var el = byId("plan-checkin-" + c.id);
        if (el) title(el, fill(w.checkins.checkin, { date: longDate(c.day) }));
      });
      wellbeings.forEach(function (e) {
        var el = byId("plan-wellbeing-" + e.id);
        if (!el) return;
        title(el, fill(w.wellbeing.entry, { date: longDate(e.day) }));
        var result = entries.who5(e);
        el.querySelector("[data-score]").textContent = result ? fill(w.wellbeing.score, { score: result.score }) : "";
        el.querySelector("[data-low]").hidden = !(result && result.low);
      });
      byId("plan-wellbeing-due").hidden = !entries.who5Due(wellbeings, entries.dayOf(entries.today()));
      showThemes(sessions);
      showChart(sessions, checkins, wellbeings);
      showPhones();
      showPractices();
      bindEvening(fields);
      showProgress(sessions.length);
    }

    function title(el, text) {
      var heading = el.querySelector("[data-title]");
      if (heading.textContent !== text) heading.textContent = text;
    }

    function showThemes(sessions) {
      var list = byId("plan-themes"), found = entries.themes(sessions);
      list.textContent = "";
      found.forEach(function (t) {
        var item = document.createElement("li"), name = document.createElement("strong");
        name.textContent = t.theme;
        item.appendChild(name);
        item.appendChild(document.createTextNode(": " + t.sessions.map(function (n) { return fill(w.chart.session, { number: n }); }).join(", ")));
        list.appendChild(item);
      });
      byId("plan-themes-empty").hidden = found.length > 0;
    }

    function chartNames() {
      return { mood: w.checkins.mood, sleep: w.checkins.sleep, wellbeing: w.chart.wellbeing, label: w.chart.label,
               session: function (n) { return fill(w.chart.session, { number: n }); }, day: shortDate };
    }

    function drawChart(data, width) {
      var plan = chart.layout(data, width, 240);
      if (!plan) return null;
      var figure = document.createDocumentFragment();
      figure.appendChild(chart.svg(document, plan, chartNames()));
      figure.appendChild(chart.legend(document, chartNames()));
      return figure;
    }

    function showChart(sessions, checkins, wellbeings) {
      var data = chart.points(sessions, checkins, wellbeings, entries);
      var figure = byId("plan-chart");
      var width = Math.max(280, Math.min(720, root.clientWidth || 640));  // #plan shows even when this part is away
      var drawn = drawChart(data, width);
      figure.textContent = "";
      if (drawn) figure.appendChild(drawn);
      figure.hidden = !drawn;
      byId("plan-chart-empty").hidden = !!drawn;
      byId("plan-chart-table-toggle").hidden = !drawn;
      showTable(data);
      current.chartData = data;
    }

    /* The chart's numbers as a table, one row a day. */
    function showTable(data) {
      var rows = {};
      function at(day) { return (rows[day] = rows[day] || { day: day }); }
      ["mood", "sleep", "wellbeing"].forEach(function (key) { data[key].forEach(function (p) { at(p.day)[key] = p.value; }); });
      data.sessions.forEach(function (s) { at(s.day).session = fill(w.chart.session, { number: s.number }); });
      var table = document.createElement("table"), caption = document.createElement("caption"), head = document.createElement("tr");
      table.className = "plan-chart-data";
      caption.textContent = w.chart.title;
      table.appendChild(caption);
      [w.chart.date, w.checkins.mood, w.checkins.sleep, w.chart.wellbeing, w.sessions.title].forEach(function (text) {
        var th = document.createElement("th");
        th.scope = "col";
        th.textContent = text;
        head.appendChild(th);
      });
      table.appendChild(head);
      Object.keys(rows).map(Number).sort(function (a, b) { return a - b; }).forEach(function (day) {
        var row = rows[day], tr = document.createElement("tr"), th = document.createElement("th");
        th.scope = "row";
        th.textContent = longDate(day);
        tr.appendChild(th);
        ["mood", "sleep", "wellbeing", "session"].forEach(function (key) {
          var td = document.createElement("td");
          td.textContent = row[key] === undefined ? "" : String(row[key]);
          tr.appendChild(td);
        });
        table.appendChild(tr);
      });
      var holder = byId("plan-chart-table");
      holder.textContent = "";
      holder.appendChild(table);
    }

    function toggleTable() {
      var button = byId("plan-chart-table-toggle"), holder = byId("plan-chart-table");
      var show = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(show));
      button.textContent = show ? w.chart.hide_table : w.chart.show_table;
      holder.classList.toggle("plan-sr-only", !show);
      if (show) holder.setAttribute("tabindex", "0"); else holder.removeAttribute("tabindex");
    }

    /* Tap-to-call links for the phone numbers typed in a field, beside it. */
    function showPhones() {
      Array.prototype.forEach.call(root.querySelectorAll(".plan-phones"), function (box) {
        var field = box.querySelector("textarea, input");
        var numbers = entries.phoneNumbers(field.value);
        var key = numbers.map(function (n) { return n.href; }).join(" ");
        var list = box.querySelector(".plan-tel");
        if (list && list.getAttribute("data-numbers") === key) return;
        if (list) list.remove();
        if (!numbers.length) return;
        list = document.createElement("ul");
        list.className = "plan-tel";
        list.setAttribute("data-numbers", key);
        numbers.forEach(function (n) {
          var item = document.createElement("li"), link = document.createElement("a");
          link.href = n.href;
          link.textContent = fill(w.safety.call, { number: n.text });
          item.appendChild(link);
          list.appendChild(item);
        });
        box.appendChild(list);
      });
    }

    /* "How often / how long" only for the practices picked (or already written in). */
    function showPractices() {
      Array.prototype.forEach.call(root.querySelectorAll("[data-shown-by]"), function (box) {
        var picked = byId("plan-" + box.getAttribute("data-shown-by")).checked;
        var written = Array.prototype.some.call(box.querySelectorAll("input, textarea"), function (el) { return el.value; });
        box.hidden = !(picked || written);
      });
    }

    /* The evening screen writes into the journal of the latest session up to today. */
    function bindEvening(fields) {
      var todayDay = entries.dayOf(entries.today());
      var past = entries.list(fields, "session").filter(function (s) { return s.day <= todayDay; });
      var session = past[past.length - 1];
      Array.prototype.forEach.call(root.querySelectorAll("[data-journal]"), function (el) {
        var name = session ? "session-" + session.id + "-journal-" + el.getAttribute("data-journal") : "";
        if ((el.getAttribute("name") || "") !== name) {
          if (name) el.name = name; else el.removeAttribute("name");
          el.value = session && typeof fields[name] === "string" ? fields[name] : "";
        }
      });
      byId("plan-evening-prompts").hidden = !session;
      byId("plan-evening-none").hidden = !!session;
    }

    /* ---- the parts (screens), one shown at a time ---- */

    var steps = Array.prototype.map.call(byId("plan-steps").querySelectorAll("a"), function (link) { return link.getAttribute("href").slice(1); });

    function showProgress(sessionCount) {
      var started = steps.filter(function (id) {
        var part = byId(id);
        if (id === "plan-step-sessions" && sessionCount) return true;
        return Array.prototype.some.call(part.querySelectorAll("input[name], textarea[name], select[name]"), function (el) {
          return el.type === "checkbox" ? el.checked : el.value !== "";
        });
      }).length;
      var text = fill(w.steps.progress, { started: started, total: steps.length });
      var line = byId("plan-progress");
      if (line.textContent !== text) line.textContent = text;
    }

    /* A text box grows with its text; one that was out of sight had no height to measure. */
    function fitTextareas(box) {
      Array.prototype.forEach.call(box.querySelectorAll("textarea"), function (el) {
        if (!el.offsetParent) return;
        el.style.height = "auto";
        el.style.height = el.scrollHeight + 2 + "px";
      });
    }

    function show(screenId) {
      Array.prototype.forEach.call(root.querySelectorAll("[data-plan-screen]"), function (screen) {
        screen.classList.toggle("plan-away", screen.id !== screenId);
      });
      fitTextareas(byId(screenId));
      Array.prototype.forEach.call(byId("plan-steps").querySelectorAll("a"), function (link) {
        if (link.getAttribute("href") === "#" + screenId) link.setAttribute("aria-current", "step");
        else link.removeAttribute("aria-current");
      });
      return byId(screenId);
    }

    function followHash(initial) {
      var target = location.hash.length > 1 && byId(decodeURIComponent(location.hash.slice(1)));
      var screen = target && root.contains(target) && target.closest("[data-plan-screen]");
      if (!screen) { if (initial) show(steps[0]); return; }
      show(screen.id);
      var details = target.closest("details");
      if (details) details.open = true;
      if (initial) return;
      var focusable = target === screen ? screen.querySelector("h2") : target;
      if (!focusable.hasAttribute("tabindex") && !/^(A|INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY)$/.test(focusable.tagName)) focusable.setAttribute("tabindex", "-1");
      focusable.focus();
      focusable.scrollIntoView({ block: "start" });
    }

    steps.forEach(function (id, i) {
      var end = byId(id).querySelector(".plan-step-end");
      var previous = end.querySelector("[data-step-previous]"), next = end.querySelector("[data-step-next]");
      if (i > 0) { previous.href = "#" + steps[i - 1]; previous.textContent = w.steps.previous; } else previous.remove();
      if (i < steps.length - 1) { next.href = "#" + steps[i + 1]; next.textContent = w.steps.next; } else next.remove();
      end.hidden = false;
    });

    /* ---- printing the safety card or the therapist summary alone ---- */

    function printOnly(className) {
      document.documentElement.classList.add(className);
      window.print();
      document.documentElement.classList.remove(className);
    }

    function printSummary() {
      var out = byId("plan-summary-print"), fields = current.fields;
      out.textContent = "";
      function heading(text, level) { var h = document.createElement(level || "h3"); h.textContent = text; out.appendChild(h); return h; }
      function para(text) { var p = document.createElement("p"); p.textContent = text; out.appendChild(p); }
      heading(w.summary.heading, "h2");
      if (fields["summary-themes"]) {
        heading(w.summary.themes);
        var themes = byId("plan-themes");
        if (themes.children.length) out.appendChild(themes.cloneNode(true)).removeAttribute("id"); else para(w.summary.nothing);
      }
      if (fields["summary-checkins"]) {
        heading(w.summary.checkins);
        var drawn = current.chartData && drawChart(current.chartData, 640);
        if (drawn) { var figure = document.createElement("figure"); figure.className = "plan-chart"; figure.appendChild(drawn); out.appendChild(figure); }
        else para(w.summary.nothing);
      }
      if (fields["summary-step"]) {
        heading(w.summary.step);
        para([fields.action, fields["action-when"]].filter(Boolean).join(" — ") || w.summary.nothing);
      }
      printOnly("plan-printing-summary");
    }

    /* ---- events ---- */

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      var kind = button.getAttribute("data-add");
      if (kind) { add(kind); return; }
      if (button.hasAttribute("data-remove")) {
        var entry = button.closest("[data-id]");
        remove(entry.parentNode.getAttribute("data-kind"), entry.getAttribute("data-id"));
      } else if (button.id === "plan-evening-add") {
        add("session");
        bindEvening(current.fields);
        byId("plan-evening-" + root.querySelector("[data-journal]").getAttribute("data-journal")).focus();
      } else if (button.id === "plan-chart-table-toggle") {
        toggleTable();
      } else if (button.id === "plan-print-safety") {
        printOnly("plan-printing-safety");
      } else if (button.id === "plan-print-summary") {
        printSummary();
      }
    });

    /* An entry lives while it has a date, so emptying a date is not saved (that would hide the
       entry's words): the date goes back to the saved one when the field is left. */
    function keepDates(event) {
      var el = event.target, m = entries.ENTRY.exec(el.name || "");
      if (m && m[3] === "date" && entries.dayOf(el.value) === null) event.stopImmediatePropagation();
    }
    root.addEventListener("input", keepDates, true);
    root.addEventListener("change", keepDates, true);
    root.addEventListener("focusout", function (event) {
      var el = event.target, m = entries.ENTRY.exec(el.name || "");
      if (m && m[3] === "date" && entries.dayOf(el.value) === null) el.value = current.fields[el.name] || "";
      /* A date changed: put the entries back in date order (not while typing in one). */
      if (m && m[3] === "date") render(current.fields);
    });
    /* Two controls with one name (the evening's prompts and the session's): both show the words. */
    root.addEventListener("input", function (event) {
      var el = event.target;
      if (!el.name) return;
      Array.prototype.forEach.call(root.querySelectorAll('[name="' + el.name + '"]'), function (other) {
        if (other !== el && other.type !== "checkbox" && other.value !== el.value) other.value = el.value;
      });
    });
    root.addEventListener("toggle", function (event) { if (event.target.open) fitTextareas(event.target); }, true);
    window.addEventListener("hashchange", function () { followHash(false); });
    window.addEventListener("resize", function () {
      clearTimeout(current.resizeTimer);
      current.resizeTimer = setTimeout(function () { update(current.fields); }, 200);
    });
    byId("plan-steps").hidden = false;
    root.classList.add("plan--live");
    followHash(true);

    return { render: render, update: update };
  }

  PlanGuide.screens = { start: start };
}(window.PlanGuide = window.PlanGuide || {}));
