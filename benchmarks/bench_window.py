"""How fast the window is with 20,000 agreements, measured against a bare QMainWindow.

Run with a display (Xvfb): ``DISPLAY=:99 python -m benchmarks.bench_window``
(``BENCH_DB=path`` reuses a database made by ``benchmarks.large_database``). Prints the
time to show a bare ``QMainWindow`` and the ContractDesk main window in the same run
(target ratio <= 3x), when the start page and the agreements list have arrived from
their worker threads, the time per keystroke of the agreements filter and of the
search box (target < 100 ms), the time per screenful when scrolling the whole list,
and the app's memory (RSS).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FILTER_TEXT = "ct-0123"
SEARCH_TEXT = "SN0001234"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


class Bench:
    def __init__(self, db_path: Path) -> None:
        from PySide6.QtTest import QTest

        from contractdesk.ui.app import application

        self.db_path = db_path
        self.app = application()
        self.qtest = QTest
        self.rss_qt = rss_mb()

    def settle(self) -> None:
        self.app.processEvents()

    def idle(self) -> None:
        """Waits for every background task (start page, reminders, flags) a window
        started, so the next measurement does not share the CPU with the last one's."""
        from contractdesk.ui.qt import QThreadPool

        QThreadPool.globalInstance().waitForDone()
        self.settle()

    def wait(self, done: Callable[[], bool], timeout: float = 60.0) -> float:
        start = time.perf_counter()
        while not done():
            if time.perf_counter() - start > timeout:
                raise TimeoutError("the window did not finish loading")
            self.app.processEvents()
            time.sleep(0.002)
        return time.perf_counter() - start

    def bare(self) -> float:
        from contractdesk.ui.qt import QMainWindow

        def show() -> None:
            window = QMainWindow()
            window.resize(1280, 800)
            window.show()
            self.qtest.qWaitForWindowExposed(window)
            self.settle()
            window.close()
            window.deleteLater()

        return statistics.median(timed(show) for _ in range(5))

    def contractdesk(self) -> tuple[float, float, float, Any]:
        """(database opened, window shown, start page filled) seconds, and the window."""
        from contractdesk.db.database import open_database
        from contractdesk.services.access import DataAccess
        from contractdesk.ui.main_window import MainWindow
        from contractdesk.ui.settings import Settings

        start = time.perf_counter()
        data = DataAccess(open_database(self.db_path, verify=False))  # as the app opens
        opened = time.perf_counter() - start
        window = MainWindow(data, Settings())
        window.show()
        self.qtest.qWaitForWindowExposed(window)
        self.settle()
        shown = time.perf_counter() - start - opened
        filled = self.wait(lambda: window.start_page.page is not None) + shown
        return opened, shown, filled, window

    def keystrokes(self, widget: Any, text: str) -> list[float]:
        widget.setFocus()
        times = []
        for char in text:
            times.append(timed(lambda c=char: (self.qtest.keyClick(widget, c),
                                               self.settle())))
        return times

    def scroll(self, view: Any) -> tuple[float, int]:
        bar = view.verticalScrollBar()
        bar.setValue(0)
        steps = []
        while bar.value() < bar.maximum():
            steps.append(timed(lambda: (bar.setValue(bar.value() + bar.pageStep()),
                                        view.viewport().repaint())))
        return statistics.median(steps), len(steps)


def _database() -> Path:
    home = Path(tempfile.mkdtemp(prefix="cd-bench-"))
    os.environ["CONTRACTDESK_HOME"] = str(home)
    db_path = Path(os.environ.get("BENCH_DB", str(home / "large.sqlite3")))
    if not db_path.exists():
        from benchmarks.large_database import fill_large

        print(f"generating 20,000 agreements into {db_path} …", flush=True)
        fill_large(db_path)
    return db_path


def main() -> None:
    db_path = _database()
    bench = Bench(db_path)
    bare = bench.bare()
    cold = bench.contractdesk()  # imports and first query plans: the real first start
    rss_started = rss_mb()
    cold[3].close()
    bench.idle()
    runs = []
    for _ in range(5):
        if runs:
            runs[-1][3].close()
            bench.idle()
        runs.append(bench.contractdesk())
    window = runs[-1][3]
    opened = statistics.median(run[0] for run in runs)
    shown = statistics.median(run[1] for run in runs)
    filled = statistics.median(run[2] for run in runs)

    bench.idle()
    window.show_page("agreements")
    page = window.lists["agreements"]
    list_load = bench.wait(lambda: page.model.loaded)
    filter_keys = bench.keystrokes(page.text, FILTER_TEXT)
    filtered = page.model.total
    page.text.clear()
    status_changes = [timed(lambda i=i: page.status_box.setCurrentIndex(i))
                      for i in range(1, page.status_box.count())]
    page.status_box.setCurrentIndex(0)
    title = page.model.columns.index("title")
    sort_first = timed(lambda: page._sort_by(title))
    sort_again = timed(lambda: page._sort_by(title))
    scroll_step, screens = bench.scroll(page.view)
    search_keys = bench.keystrokes(window.search, SEARCH_TEXT)
    results = window.search_page.result.count()

    print(f"database: {db_path} ({page.model.total:,} agreements), "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"bare QMainWindow shown:           {ms(bare)} (median of 5)")
    print(f"ContractDesk window shown:        {ms(shown)} (median of 5; database already "
          f"open) -> {shown / bare:4.1f}x bare (target <= 3x)")
    print(f"  + open_database (as the window): {ms(opened)} -> with it "
          f"{(shown + opened) / bare:4.1f}x bare")
    print(f"  first start in a process:       {ms(cold[0] + cold[1])} (imports, query plans)")
    print(f"  start page filled (worker):     {ms(filled)} after the window began")
    print(f"agreements list loaded (worker):  {ms(list_load)}")
    print(f"filter keystroke {FILTER_TEXT!r}:     median {ms(statistics.median(filter_keys))},"
          f" max {ms(max(filter_keys))} ({filtered} rows left)")
    print(f"status filter change:             median {ms(statistics.median(status_changes))},"
          f" max {ms(max(status_changes))}")
    print(f"sort by title: first {ms(sort_first)}, reversed {ms(sort_again)}")
    print(f"search keystroke {SEARCH_TEXT!r}:   median {ms(statistics.median(search_keys))},"
          f" max {ms(max(search_keys))} ({results} results at the end)")
    print(f"scrolling all {page.model.total:,} rows: {screens} screens, median "
          f"{ms(scroll_step)} per screen")
    print(f"memory (RSS): Qt alone {bench.rss_qt:6.1f} MB; started with the start page "
          f"{rss_started:6.1f} MB; after loading and scrolling all agreements, searching "
          f"and 5 more windows opened and closed {rss_mb():6.1f} MB")
    window.close()


if __name__ == "__main__":
    main()
