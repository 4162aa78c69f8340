"""The smoke test's own logic: a bare environment, and telling 'not built yet' apart
from a failure."""

import subprocess
import sys
from pathlib import Path

import pytest
import smoke_test


def completed(returncode: int, stdout: str = "", stderr: str = ""
              ) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(["x"], returncode, stdout, stderr)


def test_bare_environment_points_nowhere_near_a_python_install(tmp_path: Path) -> None:
    env = smoke_test.bare_environment(tmp_path)
    assert env["CONTRACTDESK_HOME"] == str(tmp_path / "data")
    assert "PYTHONPATH" not in env
    assert "VIRTUAL_ENV" not in env
    assert ".venv" not in env["PATH"]
    if sys.platform != "win32":
        assert env["PATH"] == "/usr/bin:/bin"


def test_only_a_command_that_says_so_is_pending() -> None:
    said = "contractdesk: Importing spreadsheets is not available yet in this version."
    assert smoke_test.is_pending(completed(2, stderr=said))
    assert not smoke_test.is_pending(completed(2, stderr="contractdesk: file is corrupt"))
    assert not smoke_test.is_pending(completed(0, stdout="not available yet"))


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Linux bundle layout")
def test_linux_bundle_is_one_executable_for_window_and_commands(tmp_path: Path) -> None:
    cli, gui = smoke_test.executables(tmp_path)
    assert cli == gui == tmp_path / "ContractDesk" / "ContractDesk"


def test_a_missing_bundle_is_one_failure_naming_the_build_command(tmp_path: Path) -> None:
    outcomes = smoke_test.smoke_test(tmp_path)
    assert [o.status for o in outcomes] == [smoke_test.FAIL]
    assert "packaging/build.py" in outcomes[0].detail
