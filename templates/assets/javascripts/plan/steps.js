/* The parts, one on the screen at a time; the progress; "how often" for practices picked,
   tap-to-call links, and the words no part has a place for. Needs ui.js. */
(function (PlanGuide) {
  "use strict";

  var ui = PlanGuide.ui, entries = PlanGuide.entries, format = PlanGuide.format, fill = PlanGuide.schedule.fill;
  var ENTRY_PART = { session: "plan-step-sessions", checkin: "plan-step-checkins", wellbeing: "plan-step-checkins" };
  var NATIVE = /^(A|INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY)$/;

  function start(ctx) {
    var w = ctx.w, byId = ctx.byId, root = ctx.root, doc = ctx.doc;
    var steps = Array.prototype.map.call(byId("plan-steps").querySelectorAll("a"), function (link) { return link.getAttribute("href").slice(1); });
    var partOf = new Map(), statics = new Set();
    Array.prototype.forEach.call(root.querySelectorAll("[data-plan-screen] [name]"), function (el) {
      if (format.entryField(el.name)) return;
      statics.add(el.name);
      if (steps.indexOf(el.closest("[data-plan-screen]").id) >= 0) partOf.set(el.name, el.closest("[data-plan-screen]").id);
    });

    function partOfField(name) {
      var entry = entries.ENTRY.exec(name);
      return entry ? ENTRY_PART[entry[1]] : partOf.get(name);
    }

    /* Text boxes grow by CSS (field-sizing); else here, all read before any is set: one layout. */
    var sizedByCss = ctx.win.CSS && ctx.win.CSS.supports && ctx.win.CSS.supports("field-sizing", "content");
    function fit(box) {
      if (sizedByCss) return;
      var boxes = Array.prototype.filter.call(box.querySelectorAll("textarea"), function (el) { return el.offsetParent; });
      boxes.forEach(function (el) { el.style.height = "auto"; });
      boxes.map(function (el) { return el.scrollHeight; }).forEach(function (height, i) { boxes[i].style.height = height + 2 + "px"; });
    }

    function show(id) {
      Array.prototype.forEach.call(root.querySelectorAll("[data-plan-screen]"), function (screen) {
        screen.classList.toggle("plan-away", screen.id !== id);
      });
      Array.prototype.forEach.call(byId("plan-steps").querySelectorAll("a"), function (link) {
        if (link.getAttribute("href") === "#" + id) link.setAttribute("aria-current", "step"); else link.removeAttribute("aria-current");
      });
      ctx.views.flush(false);
      fit(byId(id));
      return byId(id);
    }

    /* The part the address names or holds, shown; an entry it names opened. */
    function followHash(initial) {
      var id = ctx.win.location.hash.length > 1 ? decodeURIComponent(ctx.win.location.hash.slice(1)) : "";
      var target = id && (byId(id) || ctx.openEntry(id));
      var screen = target && root.contains(target) && target.closest("[data-plan-screen]");
      if (!screen) { if (initial) show(steps[0]); return; }
      show(screen.id);
      var details = target.closest("details");
      if (details) { details.open = true; ctx.views.flush(false); }
      if (initial) return;
      var focusable = target === screen ? screen.querySelector("h2") : target;
      if (!focusable.hasAttribute("tabindex") && !NATIVE.test(focusable.tagName)) focusable.setAttribute("tabindex", "-1");
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

    ctx.views.add({ part: null, wants: function () { return true; }, draw: function () {
      var started = new Set(), fields = ctx.page.fields();
      Object.keys(fields).forEach(function (name) { var part = partOfField(name); if (part) started.add(part); });
      ui.setText(byId("plan-progress"), fill(w.steps.progress, { started: started.size, total: steps.length }));
    } });

    function practice(box) {
      var fields = ctx.page.fields(), by = box.getAttribute("data-shown-by");
      box.hidden = !(fields[by] === true || fields[by + "-often"] || fields[by + "-minutes"]);
    }
    ctx.views.add({ part: null, wants: function (name) { return /^practice-/.test(name); },
      quick: function (name) { var box = root.querySelector('[data-shown-by="' + name.replace(/-(often|minutes)$/, "") + '"]'); if (box) practice(box); },
      draw: function () { Array.prototype.forEach.call(root.querySelectorAll("[data-shown-by]"), practice); } });

    /* Each number typed in a phone box, with whom it is for: the box's name field if it has one
       (a person's "Name"), else the words typed before the number, else the box's own name. */
    function numbersIn(box) {
      var fields = ctx.page.fields(), from = box.getAttribute("data-name-from");
      var named = from && typeof fields[from] === "string" ? fields[from].trim().split(/\r\n|\r|\n/)[0].trim() : "";
      return entries.phoneNumbers(box.querySelector("textarea, input").value, w.safety.call_words).map(function (n) {
        return { href: n.href, text: n.text, name: named || n.name || box.getAttribute("data-name") || "" };
      });
    }
    function callText(n) { return n.name ? fill(w.safety.call_person, { name: n.name, number: n.text }) : fill(w.safety.call, { number: n.text }); }
    function callList(box, numbers) {
      numbers.forEach(function (n) { box.appendChild(ui.el(doc, "li")).appendChild(ui.el(doc, "a", { href: n.href }, callText(n))); });
      return box;
    }

    function phones(box) {
      var numbers = numbersIn(box), list = box.querySelector(".plan-tel");
      var key = JSON.stringify(numbers.map(callText));
      if (list && list.getAttribute("data-numbers") === key) return;
      if (list) list.remove();
      if (numbers.length) box.appendChild(callList(ui.el(doc, "ul", { "class": "plan-tel", "data-numbers": key }), numbers));
    }
    /* The numbers of the people (and a clinic number typed), on the safety card too. */
    function cardPeople() {
      var card = byId("plan-card-people"), list = card.querySelector("ul"), numbers = [];
      phoneBoxes.forEach(function (box) { if (box.hasAttribute("data-on-card")) numbers = numbers.concat(numbersIn(box)); });
      list.textContent = "";
      callList(list, numbers);
      card.hidden = !numbers.length;
    }
    var phoneBoxes = Array.prototype.slice.call(root.querySelectorAll(".plan-phones"));
    var phoneNames = new Set(phoneBoxes.map(function (box) { return box.querySelector("[name]").name; }));
    phoneBoxes.forEach(function (box) { if (box.hasAttribute("data-name-from")) phoneNames.add(box.getAttribute("data-name-from")); });
    ctx.views.add({ part: null, wants: function (name) { return phoneNames.has(name); },
      draw: function () { phoneBoxes.forEach(phones); cardPeople(); },
      quick: function (name) {
        phoneBoxes.forEach(function (box) { if (box.querySelector("[name]").name === name || box.getAttribute("data-name-from") === name) phones(box); });
        cardPeople();
      } });

    ctx.views.add({ part: byId("plan-kept").closest("[data-plan-screen]"), wants: function (name) { return !statics.has(name) && !entries.ENTRY.test(name); }, draw: function () {
      var fields = ctx.page.fields(), list = byId("plan-kept-list"), names = format.kept(fields, statics);
      list.textContent = "";
      names.forEach(function (name) {
        list.appendChild(ui.el(doc, "li", {}, fields[name] === true ? w.kept.ticked : fields[name]));
      });
      byId("plan-kept").hidden = !names.length;
    } });

    ctx.win.addEventListener("hashchange", function () { followHash(false); });
    byId("plan-steps").hidden = false;
    return { steps: steps, statics: statics, show: show, followHash: followHash, fit: fit, partOfField: partOfField };
  }

  PlanGuide.steps = { start: start };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./ui.js"), require("./schedule.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
