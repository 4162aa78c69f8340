"""The core never imports Qt: everything but ``contractdesk.ui`` works with PySide6 gone."""

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
import contractdesk
for module in pkgutil.walk_packages(contractdesk.__path__, "contractdesk."):
    if module.name.startswith(("contractdesk.ui", "contractdesk.db.migrations")):
        continue
    if module.name == "contractdesk.__main__":
        continue
    importlib.import_module(module.name)
from contractdesk.cli import main
assert main(["--db", sys.argv[1], "sample"]) == 0
print("ok")
"""


def test_core_imports_and_runs_without_qt(tmp_path: object) -> None:
    result = subprocess.run([sys.executable, "-c", CHECK, f"{tmp_path}/x.sqlite3"],
                            capture_output=True, text=True, check=False,
                            env={"CONTRACTDESK_HOME": str(tmp_path), "PATH": "/usr/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
