"""Runs every benchmark in this folder (``python -m benchmarks``), one process each so
that one benchmark's memory and caches do not colour the next one's figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], check=False)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
