"""Runs every benchmark in this folder (``python -m benchmarks``), one process each so
that one benchmark's memory and caches do not colour the next one's figures.

The window benchmark needs a screen: on Linux without one, a virtual screen (Xvfb) is
started for the run when it is installed, so that the one command measures everything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

VIRTUAL_DISPLAY = ":97"


@contextmanager
def _screen() -> Iterator[dict[str, str]]:
    env = dict(os.environ)
    xvfb = shutil.which("Xvfb")
    if sys.platform != "linux" or env.get("DISPLAY") or xvfb is None:
        yield env
        return
    server = subprocess.Popen([xvfb, VIRTUAL_DISPLAY, "-screen", "0", "1600x1000x24"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)  # the server accepts connections within a moment
    try:
        yield {**env, "DISPLAY": VIRTUAL_DISPLAY}
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    failed = []
    with _screen() as env:
        for name in names:
            print(f"== {name}", flush=True)
            result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], check=False,
                                    env=env)
            if result.returncode != 0:
                failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
