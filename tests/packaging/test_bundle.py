"""Builds the real bundle and runs it with nothing else on PATH (packaging/smoke_test.py).

Slow (on 2 cores a clean build takes 1–3.5 minutes depending on load, the smoke test
15–60 s), so it runs only when asked for:

    CONTRACTDESK_BUNDLE_TEST=1 scripts/test tests/packaging/test_bundle.py

CI on GitHub runs the same build and smoke test on every platform
(.github/workflows/installers.yml).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import smoke_test

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    os.environ.get("CONTRACTDESK_BUNDLE_TEST") != "1",
    reason="slow: set CONTRACTDESK_BUNDLE_TEST=1 to build and smoke-test the bundle")


def test_bundle_builds_and_runs_without_the_build_environment() -> None:
    build = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")],
                           capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    outcomes = smoke_test.smoke_test(ROOT / "dist")
    failed = [f"{o.step}: {o.detail}" for o in outcomes if o.status == smoke_test.FAIL]
    assert not failed
    assert {o.step for o in outcomes if o.status == smoke_test.PASS} >= {
        "--version", "sample", "export -o x.json", "window (offscreen)"}
