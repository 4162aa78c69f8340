"""The Windows installer script and the CI workflow say what the release needs; they only
run on Windows and GitHub, so their promises are checked as text (and parsed YAML) here."""

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "ContractDesk.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


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


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def test_workflow_is_the_only_copy_and_where_the_forge_runs_it() -> None:
    assert WORKFLOW.is_file()
    assert not (ROOT / "packaging" / "github-workflow.yml").exists()


def test_workflow_runs_on_every_tag_and_on_demand() -> None:
    triggers = workflow()["on"]  # YAML 1.2: "on" stays a key, not True
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers


def test_every_runner_smoke_tests_the_bundle_and_uploads_what_it_built() -> None:
    job = workflow()["jobs"]["bundle"]
    runners = {entry["os"]: entry["artifact"] for entry in job["strategy"]["matrix"]["include"]}
    assert runners.keys() == {"windows-latest", "macos-latest", "ubuntu-latest"}
    assert runners["windows-latest"].endswith("-setup.exe")
    assert runners["macos-latest"].endswith(".dmg")
    assert runners["ubuntu-latest"].endswith("linux-x86_64.tar.gz")
    steps = job["steps"]
    names = [step.get("run", step.get("uses", "")) for step in steps]
    build = next(i for i, run in enumerate(names) if "packaging/build.py" in run)
    smoke = names.index("python packaging/smoke_test.py")
    upload = next(i for i, uses in enumerate(names) if uses.startswith("actions/upload-artifact"))
    assert build < smoke < upload
    assert "if" not in steps[smoke]  # on each runner, not only some
    assert "if" not in steps[upload]
    assert steps[upload]["with"]["path"] == "${{ matrix.artifact }}"
    assert steps[upload]["with"]["if-no-files-found"] == "error"
