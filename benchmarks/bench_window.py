"""How fast the window is with 20,000 agreements, measured against a bare QMainWindow.

Run with a display (Xvfb): ``DISPLAY=:99 python -m benchmarks.bench_window``. Prints:
time to show a bare ``QMainWindow`` vs. the ContractDesk main window (database open,
start page filled, window exposed; target ratio <= 3x), time per keystroke of the
agreements filter and of the search box (target < 100 ms), the time to scroll the whole
agreements list, and the app's memory (RSS).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

KEYSTROKES = "CT-0123"
SEARCH = "SN0001234"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="cd-bench-"))
    os.environ["CONTRACTDESK_HOME"] = str(home)
    db_path = Path(os.environ.get("BENCH_DB", str(home / "large.sqlite3")))
    if not db_path.exists():
        from benchmarks.large_database import fill_large

        print(f"generating 20,000 agreements into {db_path} …", flush=True)
        fill_large(db_path)

    from PySide6.QtTest import QTest

    from contractdesk.ui.app import application
    from contractdesk.ui.qt import QEventLoop, QMainWindow, Qt

    app = application()
    rss_qt = rss_mb()

    def settle() -> None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def show_bare() -> None:
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        QTest.qWaitForWindowExposed(window)
        settle()
        window.close()
        window.deleteLater()

    bare = [timed(show_bare) for _ in range(5)]

    from contractdesk.db.database import open_database
    from contractdesk.services.access import DataAccess
    from contractdesk.ui.main_window import MainWindow
    from contractdesk.ui.settings import Settings

    windows: list[MainWindow] = []

    def show_contractdesk() -> None:
        data = DataAccess(open_database(db_path))
        window = MainWindow(data, Settings())
        window.show()
        QTest.qWaitForWindowExposed(window)
        settle()
        windows.append(window)

    first = timed(show_contractdesk)  # imports, first query plans: the real cold start
    warm = [timed(show_contractdesk) for _ in range(3)]
    window = windows[-1]
    for old in windows[:-1]:
        old.close()
        old.deleteLater()
    settle()

    window.show_page("agreements")
    settle()
    page = window.lists["agreements"]
    page.text.setFocus()
    per_key = []
    for char in KEYSTROKES:
        per_key.append(timed(lambda c=char: (QTest.keyClick(page.text, c), settle())))
    found_filter = page.model.total
    page.text.clear()
    status = []
    for index in range(1, page.status_box.count()):
        status.append(timed(lambda i=index: page.status_box.setCurrentIndex(i)))
    page.status_box.setCurrentIndex(0)
    sort_column = page.model.columns.index("title")
    sort_time = timed(lambda: page.model.sort(sort_column, Qt.SortOrder.DescendingOrder))

    def scroll_all() -> None:
        bar = page.view.verticalScrollBar()
        while page.model.canFetchMore(page.model.index(-1, -1)) or \
                bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            settle()

    page.model.sort(page.model.columns.index("end_date"), Qt.SortOrder.AscendingOrder)
    scroll_time = timed(scroll_all)
    rows_scrolled = page.model.rowCount()

    window.search.setFocus()
    search_keys = []
    for char in SEARCH:
        search_keys.append(timed(lambda c=char: (QTest.keyClick(window.search, c),
                                                 settle())))
    found_search = window.search_page.result.count()

    ratio = statistics.median(warm) / statistics.median(bare)
    print(f"database: {db_path} ({page.model.total:,} agreements)")
    print(f"bare QMainWindow shown:        median {statistics.median(bare) * 1000:7.1f} ms")
    print(f"ContractDesk window shown:     first {first * 1000:7.1f} ms (cold: imports), "
          f"median of next {len(warm)} {statistics.median(warm) * 1000:7.1f} ms")
    print(f"ratio (warm / bare):           {ratio:5.2f}x (target <= 3x); "
          f"cold / bare {first / statistics.median(bare):5.2f}x")
    print(f"filter keystroke ({KEYSTROKES!r}): median {statistics.median(per_key) * 1000:6.1f}"
          f" ms, max {max(per_key) * 1000:6.1f} ms ({found_filter} rows at the end)")
    print(f"status filter change:          median {statistics.median(status) * 1000:6.1f} ms,"
          f" max {max(status) * 1000:6.1f} ms")
    print(f"sort by title (SQL):           {sort_time * 1000:6.1f} ms")
    print(f"search keystroke ({SEARCH!r}): median {statistics.median(search_keys) * 1000:6.1f}"
          f" ms, max {max(search_keys) * 1000:6.1f} ms ({found_search} results at the end)")
    print(f"scroll the whole list:         {scroll_time:6.2f} s for {rows_scrolled:,} rows "
          f"({scroll_time / max(rows_scrolled // page.model.PAGE, 1) * 1000:5.1f} ms per "
          f"{page.model.PAGE}-row page)")
    print(f"memory (RSS): Qt only {rss_qt:6.1f} MB; app with window {rss_mb():6.1f} MB "
          f"(after scrolling all rows)")
    print(f"today: {dt.date.today()}, python {sys.version.split()[0]}")
    window.close()


if __name__ == "__main__":
    main()
