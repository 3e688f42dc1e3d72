"""A bound on what printing one page to PDF may cost: memory, time and size, each a clean error.

`check` refuses content that would make a page too long (generator/source/bounds.py), so no page of
ours comes near these; they hold for whatever gets past, such as a page a theme or an engine made
far larger. Before a page is printed its elements are counted; while Chromium prints it, a watchdog
thread adds up the resident memory of the browser's processes (from /proc) and the time taken, and
kills the browser (by its process id, from the DevTools protocol) when either passes its bound. The
print then fails with one line naming the page, instead of the machine swapping for minutes (a
list of 150,000 items once drove Chromium to 11.7 GB for seven minutes).
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import time
import weakref
from pathlib import Path

from ...problems import BuildFailed

MAX_PRINT_ELEMENTS = 40_000  # the handout, every page in one, has about 2,500
MAX_PRINT_MEMORY = 4 * 1024**3  # bytes resident, Chromium's processes added up (about 1.2 GB for the handout now)
MAX_PRINT_SECONDS = 180  # one print (the handout takes a few seconds)
POLL_SECONDS = 0.5


def bounded_pdf(page, what: str, **options) -> bytes:
    """``page.pdf(**options)`` within the bounds above; ``what`` names the page in the error."""
    elements = page.evaluate("() => document.getElementsByTagName('*').length")
    if elements > MAX_PRINT_ELEMENTS:
        raise BuildFailed(f"{what}: the page has {elements:,} elements, more than a page printed to PDF may have "
                          f"({MAX_PRINT_ELEMENTS:,}); make it shorter")
    watch = _Watch(_browser_pid(page.context.browser))
    watch.start()
    try:
        pdf = page.pdf(**options)
    except Exception as exc:
        watch.stop()
        if watch.exceeded:
            raise BuildFailed(f"{what}: printing it {watch.exceeded}, so it was stopped; make the page shorter") from None
        raise BuildFailed(_print_failure(what, exc)) from None
    watch.stop()
    if watch.exceeded:  # stopped just as the print ended
        raise BuildFailed(f"{what}: printing it {watch.exceeded}, so it was stopped; make the page shorter")
    return pdf


_BROWSER_PIDS: "weakref.WeakKeyDictionary[object, int]" = weakref.WeakKeyDictionary()


def _browser_pid(browser) -> int:
    """The browser's process id, asked of it (the DevTools protocol) once for all its prints: the
    asking took three messages and a survey of its processes each time."""
    if browser not in _BROWSER_PIDS:
        session = browser.new_browser_cdp_session()
        info = session.send("SystemInfo.getProcessInfo")["processInfo"]
        session.detach()
        _BROWSER_PIDS[browser] = next(p["id"] for p in info if p["type"] == "browser")
    return _BROWSER_PIDS[browser]


MIN_TEMP_SPACE = 64 * 1024**2  # Chromium writes each PDF into the temporary folder before handing it over


def _temporary_space() -> str | None:
    """Why the temporary folder cannot take the PDFs, or None: Chromium's profile and each PDF go there."""
    folder = os.environ.get("TMPDIR") or tempfile.gettempdir()  # Chromium's; Python's skips a full one
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    if free < MIN_TEMP_SPACE:
        return (f"the temporary folder {folder} has {free // 1024:,} KB free; free some space, or set TMPDIR to a "
                "folder on a disk with room")
    return None


def check_temporary_space() -> None:
    """Before the browser starts: a full temporary folder, named in one line (Chromium would fail to
    start, or to hand over a PDF, with a message that does not say why)."""
    problem = _temporary_space()
    if problem:
        raise BuildFailed(f"the PDFs cannot be printed: {problem}")


def _print_failure(what: str, exc: Exception) -> str:
    """Why a print failed, in one line: a full temporary folder named, else Chromium's first line."""
    problem = _temporary_space()
    if problem:
        return f"{what}: Chromium could not print it: {problem}"
    return f"{what}: Chromium could not print it: {' '.join(str(exc).split())[:200]}"


class _Watch(threading.Thread):
    """Kills the browser when its processes hold more than MAX_PRINT_MEMORY or the print takes more
    than MAX_PRINT_SECONDS; ``exceeded`` then says which, in words."""

    def __init__(self, browser_pid: int) -> None:
        super().__init__(daemon=True)
        self.browser_pid = browser_pid
        self.exceeded = ""
        self.peak = 0
        self._done = threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        started = time.monotonic()
        while True:  # a look at once, then every POLL_SECONDS: a print may take less than one poll
            memory = sum(_resident(pid) for pid in _family(self.browser_pid))
            self.peak = max(self.peak, memory)
            if memory > MAX_PRINT_MEMORY:
                self.exceeded = f"took more than {MAX_PRINT_MEMORY // 1024**2:,} MB of memory ({memory // 1024**2:,} MB)"
            elif time.monotonic() - started > MAX_PRINT_SECONDS:
                self.exceeded = f"took more than {MAX_PRINT_SECONDS} seconds"
            if self.exceeded:
                try:
                    os.kill(self.browser_pid, signal.SIGKILL)  # its renderers and helpers end with it
                except ProcessLookupError:
                    pass
                return
            if self._done.wait(POLL_SECONDS):
                return


def _family(pid: int) -> list[int]:
    """``pid`` and every process descended from it (renderers descend from the browser's zygote)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    family, changed = {pid}, True
    while changed:
        grown = family | {child for child, parent in parents.items() if parent in family}
        changed, family = grown != family, grown
    return sorted(family)


PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def _resident(pid: int) -> int:
    """The resident memory of one process in bytes (0 if it has ended). Pages shared between Chromium's
    processes count in each, so the sum is more than the machine gives them: a bound on the safe side."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0
