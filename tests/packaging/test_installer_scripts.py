"""The Windows installer script and the CI workflow say what the release needs; they only
run on Windows and GitHub, so their promises are checked as text here."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "ContractDesk.iss"
WORKFLOW = ROOT / "packaging" / "github-workflow.yml"


def setup_directives() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r"^(\w+)=(.*)$", section, re.MULTILINE))


def test_installer_is_per_user_with_a_fixed_app_id() -> None:
    setup = setup_directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["DefaultDirName"].startswith("{autopf}")


def test_installer_icon_exists_where_the_script_looks() -> None:
    icon = setup_directives()["SetupIconFile"].replace("\\", "/")
    assert (ISS.parent / icon).resolve().is_file()


def test_uninstaller_never_deletes_the_data_folder() -> None:
    text = ISS.read_text(encoding="utf-8").lower()
    assert "[uninstalldelete]" not in text
    assert "{localappdata}" not in text and "{userappdata}" not in text


def test_workflow_builds_installers_and_smoke_tests_on_both_platforms() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "windows-latest" in text and "macos-latest" in text
    assert "python packaging/build.py --installer" in text
    assert "python packaging/smoke_test.py" in text
    assert "actions/upload-artifact" in text
    assert "setup.exe" in text and ".dmg" in text
    assert "\t" not in text  # YAML forbids tabs for indentation
