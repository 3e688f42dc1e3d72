"""The plan page as the browser tests drive it, in one place (so no test module imports another):
any built site's plan opened (open_site_plan), its calendar downloaded;
a browser profile living on a fixed day, the plan opened with a saved plan on the device, reloaded,
its rarer buttons pressed behind "More", a file opened into it or saved from it, every folded part
opened, and the offline worker waited for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from helpers import serve_folder

KEY = "ketamine-integration-plan"  # where the page keeps the plan (localStorage)
TODAY = dt.datetime(2026, 11, 20, 9, 0)  # the day the plan's tests live on, unless a test says otherwise


def dated(context, when: dt.datetime = TODAY):
    """The context's pages live on `when` (Date only: their timers run as usual)."""
    context.clock.set_fixed_time(when)
    return context


def reopen(tab) -> None:
    """Reloads the page and waits until the plan is drawn (after the page's load: in tasks of its own)."""
    tab.reload()
    tab.wait_for_selector("#plan-toolbar:not([hidden])")


OPEN_EVERYTHING = """async () => {
    const tick = () => new Promise(resolve => setTimeout(resolve, 0));
    for (const part of ['plan-step-sessions', 'plan-step-checkins', 'plan-step-summary']) {
        location.hash = part;
        await tick();
        for (let closed; (closed = [...document.querySelectorAll('#plan details:not([open])')]).length; await tick()) {
            closed.forEach(details => { details.open = true; });
        }
    }
}"""


@contextmanager
def open_site_plan(browser, site: Path) -> Iterator:
    """The plan builder of a built ``site`` (a folder), served on loopback, open and ready in a fresh context."""
    url, server = serve_folder(site)
    context = browser.new_context(accept_downloads=True)
    try:
        tab = context.new_page()
        tab.goto(url + "plan/")
        tab.wait_for_selector("#plan-toolbar:not([hidden])")
        yield tab
    finally:
        context.close()
        server.shutdown()


def download_calendar(tab) -> bytes:
    """The schedule's .ics file, as the plan page's button downloads it (the plan must have a session,
    the therapist's next appointment or a check-in reminder)."""
    with tab.expect_download() as download:
        click_more(tab, "#plan-ics")
    return download.value.path().read_bytes()


def export_plan(tab, folder: Path) -> Path:
    with tab.expect_download() as info:
        tab.click("#plan-export")
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def click_more(tab, selector: str) -> None:
    """Press one of the rarer buttons: "More" opened first if it is closed, as a patient does."""
    if not tab.evaluate("document.getElementById('plan-more').open"):
        tab.click("#plan-more > summary")
    tab.click(selector)


def import_file(tab, path: Path) -> None:
    with tab.expect_file_chooser() as chooser:
        click_more(tab, "#plan-open")
    chooser.value.set_files(str(path))


def open_with(browser, site_url: str, stored: str | None, width: int = 390, path: str = "plan/", **options):
    """A new browser profile whose device holds `stored` (a saved plan's text), the plan open."""
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True, **options)
    tab = context.new_page()
    if stored is not None:
        tab.goto(site_url)
        tab.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, stored])
    tab.goto(site_url + path)
    tab.wait_for_selector("#plan-toolbar:not([hidden])")
    return context, tab


def wait_for_worker(tab, cache_count: int = 1, changed_from: list[str] | None = None) -> list[str]:
    """Wait until the page is controlled and the worker's caches are as expected; returns them."""
    tab.evaluate("async () => { await navigator.serviceWorker.ready; }")
    names: list[str] = []
    for _ in range(200):
        names = tab.evaluate("() => caches.keys()")
        controlled = tab.evaluate("() => !!navigator.serviceWorker.controller")
        if controlled and len(names) == cache_count and names != changed_from:
            return names
        tab.wait_for_timeout(100)
    raise AssertionError(f"the worker did not settle: caches {names}")
