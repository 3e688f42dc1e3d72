"""What the main thread does while the plan page opens: a Chromium trace (CDP Tracing, through
Playwright) of the page opened with a saved plan, its longest tasks with what is in them (parsing,
scripts by file, style, layout, paint), and the opening's time by kind of work.

Each time is the main thread's CPU time (the trace's thread durations), which other programs on a
busy machine stretch far less than the wall-clock times plan_scale.py prints; at 1x it is the work
itself (at 4x the throttle's own busy time is counted too). From the first parse of the page to the
`plan-ready` mark, and the task that draws the plan after it (or to the load event on a page with
no plan, `--path getting-started/`, for comparison with a plain page of the guide).

Usage: .venv/bin/python benchmarks/plan_trace.py [built site] [--years 1] [--rate 1] [--runs 3] [--path plan/]
Without a built site, one is built first (`python -m generator site --no-pdf`)."""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.plan_scale import KEY, plan_document, served_site  # noqa: E402

KINDS = {"ParseHTML": "parse", "EvaluateScript": "script", "FunctionCall": "script", "TimerFire": "script",
         "EventDispatch": "script", "UpdateLayoutTree": "style", "Layout": "layout", "Paint": "paint", "PrePaint": "paint",
         "Layerize": "paint", "ParseAuthorStyleSheet": "css", "MinorGC": "gc", "MajorGC": "gc", "RunTask": "other"}
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.execute", "loading"]


def _main_thread(events: list[dict], path: str) -> tuple[list[dict], float, float]:
    """The page's main-thread complete events, and the opening's start and end (microseconds)."""
    threads = collections.Counter((e["pid"], e["tid"]) for e in events if e.get("name") == "ParseHTML")
    pid, tid = threads.most_common(1)[0][0]
    main = sorted((e for e in events if (e["pid"], e["tid"]) == (pid, tid) and e.get("ph") == "X" and "tdur" in e),
                  key=lambda e: (e["ts"], -e["dur"]))
    start = min(e["ts"] for e in main if e["name"] == "ParseHTML" and path in e["args"]["beginData"].get("url", ""))
    ready = [e["ts"] for e in events if e.get("name") == "plan-ready"]
    if ready:  # and the task that draws the plan, right after
        end = min((e["ts"] + e["dur"] for e in main if e["name"] == "RunTask" and e["ts"] > max(ready)
                   and any(k["name"] == "Paint" and e["ts"] <= k["ts"] <= e["ts"] + e["dur"] for k in main)), default=max(ready))
    else:
        end = max(e["ts"] + e["dur"] for e in main if e["name"] == "EventDispatch" and e["args"]["data"].get("type") == "load")
    return [e for e in main if start <= e["ts"] <= end], start, end


def _label(event: dict) -> str:
    data = (event.get("args") or {}).get("data") or {}
    where = (data.get("url") or "").split("/")[-1].split("?")[0]
    return KINDS[event["name"]] + (f" {where}" if KINDS[event["name"]] == "script" and where else "")


def summarize(events: list[dict], path: str, top: int = 5) -> tuple[float, collections.Counter, list[tuple[float, float, collections.Counter]]]:
    """(wall ms, CPU ms by kind, the longest tasks: (start ms, CPU ms, CPU ms by kind inside))."""
    main, start, end = _main_thread(events, path)
    by_kind: collections.Counter = collections.Counter()
    tasks = []
    stack: list[tuple[dict, str | None]] = []
    for event in main:
        while stack and event["ts"] >= stack[-1][0]["ts"] + stack[-1][0]["dur"]:
            stack.pop()
        kind = _label(event) if event["name"] in KINDS else None
        if kind:
            cpu = event["tdur"] / 1000
            parent = next((k for _, k in reversed(stack) if k), None)
            if parent:
                by_kind[parent] -= cpu  # self time
                if tasks and stack[0][0]["name"] == "RunTask":
                    tasks[-1][2][parent] -= cpu
            by_kind[kind] += cpu
            if event["name"] == "RunTask" and not stack:
                tasks.append([(event["ts"] - start) / 1000, cpu, collections.Counter({"other": cpu})])
            elif tasks and stack and stack[0][0]["name"] == "RunTask":
                tasks[-1][2][kind] += cpu
        stack.append((event, kind))
    longest = sorted(tasks, key=lambda t: -t[1])[:top]
    return (end - start) / 1000, by_kind, sorted(longest)


def trace(browser, url: str, path: str, years: int, rate: int) -> list[dict]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(url)
        if years:
            tab.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(plan_document(years))])
        cdp = context.new_cdp_session(tab)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        events: list[dict] = []
        done: list[bool] = []
        cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
        cdp.on("Tracing.tracingComplete", lambda e: done.append(True))
        cdp.send("Tracing.start", {"traceConfig": {"includedCategories": CATEGORIES}, "transferMode": "ReportEvents"})
        tab.goto(url + path, wait_until="load")
        if "plan" in path:
            tab.wait_for_selector("#plan-toolbar:not([hidden])")
        tab.evaluate("() => new Promise(r => requestIdleCallback(r, { timeout: 5000 }))")
        cdp.send("Tracing.end")
        while not done:
            tab.wait_for_timeout(50)
        return events
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--rate", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--path", default="plan/")
    options = parser.parse_args()
    with served_site(options.site) as (browser, url):
        for run in range(options.runs):
            wall, by_kind, longest = summarize(trace(browser, url, options.path, options.years, options.rate), "/" + options.path)
            print(f"{options.path} {options.years} y {options.rate}x, run {run + 1}: {wall:.0f} ms, main-thread CPU "
                  f"{sum(by_kind.values()):.0f} ms: " + ", ".join(f"{k} {v:.0f}" for k, v in by_kind.most_common() if v >= 1))
            for at, cpu, inside in longest:
                print(f"    task at {at:6.0f} ms: {cpu:5.1f} ms CPU: " + ", ".join(f"{k} {v:.0f}" for k, v in inside.most_common(5) if v >= 1))

if __name__ == "__main__":
    main()
