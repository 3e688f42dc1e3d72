"""The plan page with a year (and 3 and 5 years) of use, in Chromium: how long it takes to open,
to handle one keystroke and to save, at full CPU and at 4x CPU throttling (a mid-range phone).

A year of use is a session about every nine days with its journal (40), a check-in a day (365)
and a WHO-5 every two weeks (27): about 2,300 fields, 160 KB. `plan_document(years)` makes it (the
browser tests use it too); it ends today, so the schedule and the chart's ranges see it as a patient would.

Figures, each the median of RUNS page loads:
  open        from navigation start until the plan's scripts have drawn the part on the screen
              (the `plan-ready` performance mark, or DOMContentLoaded for a page without one)
  cpu         the main thread's CPU time over the opening (to the same idle point as task): the
              work itself, which load on the machine stretches far less than the times (read it
              at 1x: at 4x Chromium's throttle keeps the thread busy, and that counts too)
  task        the longest task the main thread ran while the page opened (the theme's too)
  own task    the longest of the plan's own tasks as it opened (its "plan-open" measures)
  key med/max one keystroke's input handlers (an input event dispatched into the open session's
              journal, 20 times, 100 ms apart), median and max
  typing task the longest task while typing (work put off until after the save)
  save        writing the plan to the device after a change (the pagehide handler)

Targets at a year: full CPU open <= 0.5 s, key <= 16 ms median and <= 50 ms max, save <= 50 ms;
at 4x open <= 1.5 s with no task over 200 ms, key <= 50 ms.

Usage: .venv/bin/python benchmarks/plan_scale.py [built site] [--years 0,1,3,5] [--rates 1,4] [--runs 3]
(--years 0: an empty plan, for comparison.)
Without a built site, one is built first (`python -m generator site --no-pdf`)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEY = "ketamine-integration-plan"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update"]
JOURNAL = ["noticed", "surprised", "shifts", "what-was-hard", "questions", "feel-now", "compared", "do-differently"]
EFFECTS = ["sick-or-dizzy", "headache", "spaced-out", "pain-or-blood-in-urine"]
THEMES = ["Grief", "My father", "Trust", "Work", "Fear of change", "Being seen", "Rest", "Anger", "Home", "Letting go"]
NOTE = ("Slept badly, then a walk by the river helped. Talked to Sam about the session and felt lighter after; "
        "a little calmer by the evening.")


def _id(kind: str, n: int) -> str:
    """A six-letter entry id, the same every run (base 36, as the page's ids)."""
    digits = "abcdefghijklmnopqrstuvwxyz0123456789"
    value = (n * 7919 + {"session": 1, "checkin": 2, "wellbeing": 3}[kind] * 104729) % 36**6
    return "".join(digits[(value // 36**i) % 36] for i in range(6))


def plan_document(years: int = 1, end: dt.date | None = None) -> dict:
    """A saved plan (format version 3) of `years` of use ending on `end` (today)."""
    end = end or dt.date.today()
    start = end - dt.timedelta(days=365 * years - 1)
    fields: dict[str, str | bool] = {
        "practice-journaling": True, "practice-journaling-often": "After each session",
        "practice-journaling-minutes": "20 minutes", "check-rest": True, "support-1-name": "Sam",
        "support-1-contact": "555-0100", "therapist-name": "Dr. Rivera", "action": "A short walk after dinner",
        "action-when": "Every evening", "crisis-person": "My sister", "summary-themes": True,
        "summary-checkins": True, "summary-step": True, "reminder-session": "60", "reminder-checkin-time": "20:00",
    }
    days = 365 * years
    for n in range(40 * years):
        sid = _id("session", n)
        day = start + dt.timedelta(days=n * days // (40 * years))
        prefix = f"session-{sid}-"
        fields |= {prefix + "date": day.isoformat(), prefix + "intention": f"Stay with what comes up, session {n + 1}.",
                   prefix + "feeling": str(n % 11), prefix + "day-of": "Quiet morning, my sister drove me.",
                   prefix + "themes": "\n".join(THEMES[(n + k) % len(THEMES)] for k in range(3))}
        if n % 3:
            fields[prefix + "time"] = "09:30"
        for k, part in enumerate(JOURNAL[:5 + n % 4]):
            fields[prefix + "journal-" + part] = f"{NOTE} ({part}, {n + 1}.{k})"
    for n in range(days):
        cid = _id("checkin", n)
        prefix = f"checkin-{cid}-"
        fields |= {prefix + "date": (start + dt.timedelta(days=n)).isoformat(), prefix + "mood": str((n * 7) % 11),
                   prefix + "sleep": str((n * 3 + 4) % 11)}
        if n % 2 == 0:
            fields[prefix + "effect-" + EFFECTS[n % len(EFFECTS)]] = True
        if n % 5:
            fields[prefix + "note"] = NOTE
    for n in range((days + 13) // 14):
        wid = _id("wellbeing", n)
        fields[f"wellbeing-{wid}-date"] = (start + dt.timedelta(days=n * 14)).isoformat()
        for q in range(1, 6):
            fields[f"wellbeing-{wid}-q{q}"] = str((n + q) % 6)
    return {"format": KEY, "version": 3, "revision": 1, "saved": f"{end.isoformat()}T08:00:00.000Z", "id": f"benchmark{years:03d}",
            "fields": fields}


LONG_TASKS = """
window.__tasks = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });
"""

TYPE = """async () => {
  const find = () => [...document.querySelectorAll('#plan-sessions textarea[name$="-intention"]')].find(el => el.getClientRects().length);
  if (!find()) document.querySelector('#plan-add-session').click();  // an empty plan: its first session
  const box = find();
  const times = [];
  window.__tasks = [];
  for (let i = 0; i < 20; i++) {
    box.value += 'a';
    const t = performance.now();
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'a' }));
    times.push(performance.now() - t);
    await new Promise(r => setTimeout(r, 100));
  }
  await new Promise(r => setTimeout(r, 800));
  const typing = Math.max(0, ...window.__tasks.map(t => t[1]));
  box.value += 'b';
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'b' }));
  const t = performance.now();
  window.dispatchEvent(new Event('pagehide'));
  const save = performance.now() - t;
  const stored = localStorage.getItem('ketamine-integration-plan');
  return { times, typing, save, saved: stored.includes(box.value.slice(-20)) };
}"""


def _task_cpu(cdp) -> float:
    """The CPU time (s) the page's main thread has spent in tasks: a measure of the work, which the
    other programs on a busy machine stretch far less than they stretch the wall-clock times (at
    1x; at 4x the throttle's own busy time is in it, and grows with the load)."""
    return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")


def measure(browser, url: str, document: dict, rate: int) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(url)
        tab.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(document)])
        tab.add_init_script(LONG_TASKS)
        cdp = context.new_cdp_session(tab)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        cdp.send("Performance.enable", {"timeDomain": "threadTicks"})  # task times as the main thread's CPU time
        before = _task_cpu(cdp)
        tab.goto(url + "plan/", wait_until="load")
        tab.wait_for_selector("#plan-toolbar:not([hidden])")
        tab.evaluate("() => new Promise(r => requestIdleCallback(r, { timeout: 5000 }))")
        tab.wait_for_timeout(300)
        opened = tab.evaluate("""() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const ready = performance.getEntriesByName('plan-ready')[0];
            return { open: ready ? ready.startTime : nav.domContentLoadedEventEnd,
                     task: Math.max(0, ...window.__tasks.map(t => t[1])),
                     own: Math.max(0, ...performance.getEntriesByName('plan-open').map(m => m.duration)) }; }""")
        cpu = _task_cpu(cdp) - before
        typed = tab.evaluate(TYPE)
        assert typed["saved"], "the last keystroke was not saved"
        return {"open": opened["open"] / 1000, "cpu": cpu, "task": opened["task"], "own": opened["own"], "key_median": statistics.median(typed["times"]),
                "key_max": max(typed["times"]), "typing": typed["typing"], "save": typed["save"]}
    finally:
        context.close()


@contextlib.contextmanager
def served_site(site: Path | None):
    """(Chromium, the address) of ``site`` served on loopback; without a site, one built now with
    `python -m generator site --no-pdf` into a scratch folder."""
    from playwright.sync_api import sync_playwright

    from generator.publish.loopback import serve_folder

    with tempfile.TemporaryDirectory() as scratch:
        if site is None:
            site = Path(scratch) / "site"
            subprocess.run([sys.executable, "-m", "generator", "site", "--no-pdf", "--out", str(site)], cwd=ROOT,
                           check=True, capture_output=True)
        url, server = serve_folder(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    yield browser, url
                finally:
                    browser.close()
        finally:
            server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--years", default="0,1,3,5")
    parser.add_argument("--rates", default="1,4")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with served_site(options.site) as (browser, url):
        print(f"{'plan':>26} {'CPU':>4} {'open':>7} {'cpu':>6} {'task':>7} {'own task':>9} {'key med':>8} {'key max':>8} {'typing task':>12} {'save':>7}")
        for years in (int(y) for y in options.years.split(",")):
            document = plan_document(years)
            size = len(json.dumps(document))
            label = f"{years} y: {len(document['fields']):,} fields, {size // 1024} KB"
            for rate in (int(r) for r in options.rates.split(",")):
                runs = [measure(browser, url, document, rate) for _ in range(options.runs)]
                mid = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"{label:>26} {rate:>3}x {mid['open']:6.2f}s {mid['cpu']:5.2f}s {mid['task']:5.0f}ms {mid['own']:7.0f}ms {mid['key_median']:6.1f}ms "
                      f"{mid['key_max']:6.1f}ms {mid['typing']:10.0f}ms {mid['save']:5.1f}ms", flush=True)

if __name__ == "__main__":
    main()
