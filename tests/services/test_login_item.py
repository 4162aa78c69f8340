"""The sign-in item of each platform: where it goes, what it runs, and that turning it
off leaves nothing behind. Paths are faked, so all three are checked on any machine."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from contractdesk.errors import UserError
from contractdesk.services.login_item import (
    REMIND_ARGS,
    Platform,
    app_command,
    login_item,
    set_login_item,
)

COMMAND = ["/opt/Contract Desk/ContractDesk", "remind", "--notify"]


@pytest.mark.parametrize(("platform", "environ", "where"), [
    ("windows", {"APPDATA": "{tmp}/Roaming"},
     "Roaming/Microsoft/Windows/Start Menu/Programs/Startup/ContractDesk reminders.cmd"),
    ("windows", {}, "home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Startup/"
                    "ContractDesk reminders.cmd"),
    ("macos", {}, "home/Library/LaunchAgents/io.contractdesk.ContractDesk.reminders.plist"),
    ("linux", {"XDG_CONFIG_HOME": "{tmp}/xdg"}, "xdg/autostart/contractdesk-reminders.desktop"),
    ("linux", {}, "home/.config/autostart/contractdesk-reminders.desktop"),
])
def test_item_is_written_where_the_platform_looks_and_removed_again(
        tmp_path: Path, platform: Platform, environ: dict[str, str], where: str) -> None:
    env = {key: value.format(tmp=tmp_path) for key, value in environ.items()}
    item = login_item(COMMAND, platform, env, tmp_path / "home")
    assert item.path == tmp_path / where

    set_login_item(True, item)
    assert item.path.read_bytes() == item.content.encode("utf-8")
    set_login_item(False, item)
    assert not item.path.exists()
    set_login_item(False, item)  # off twice: nothing to remove, no error


def test_windows_cmd_starts_the_command_quoted(tmp_path: Path) -> None:
    item = login_item([r"C:\Apps\100% Desk\ContractDesk.exe", *REMIND_ARGS], "windows",
                      {"APPDATA": str(tmp_path)}, tmp_path)
    assert item.content == ('@start "" "C:\\Apps\\100%% Desk\\ContractDesk.exe" "remind" '
                            '"--notify"\r\n')


def test_macos_launch_agent_runs_the_command_at_load(tmp_path: Path) -> None:
    agent = plistlib.loads(login_item(COMMAND, "macos", {}, tmp_path).content.encode())
    assert agent["ProgramArguments"] == COMMAND
    assert agent["RunAtLoad"] is True
    assert agent["Label"] == "io.contractdesk.ContractDesk.reminders"


def test_linux_desktop_entry_quotes_what_the_specification_reserves(tmp_path: Path) -> None:
    content = login_item(['/home/a"b/$x\\y%/python', "-m", "contractdesk", *REMIND_ARGS],
                         "linux", {}, tmp_path).content
    lines = content.splitlines()
    assert lines[0] == "[Desktop Entry]" and "Type=Application" in lines
    # quoting escapes " ` $ \ with a backslash; the value's escaping then doubles each \
    assert ('Exec="/home/a\\\\"b/\\\\$x\\\\\\\\y%%/python" "-m" "contractdesk" "remind" '
            '"--notify"') in lines


def test_command_of_a_source_checkout_and_of_each_bundle(tmp_path: Path) -> None:
    python = str(tmp_path / "venv" / "bin" / "python")
    assert app_command(*REMIND_ARGS, platform="linux", executable=python, frozen=False) == [
        python, "-m", "contractdesk", "remind", "--notify"]
    bundle = tmp_path / "ContractDesk"
    assert app_command("remind", platform="linux", executable=str(bundle / "ContractDesk"),
                       frozen=True) == [str(bundle / "ContractDesk"), "remind"]
    # started from the console twin, the item still runs the windowed executable
    assert app_command("remind", platform="windows",
                       executable=str(bundle / "contractdesk-cli.exe"), frozen=True) == [
        str(bundle / "ContractDesk.exe"), "remind"]


def test_windows_source_checkout_prefers_pythonw(tmp_path: Path) -> None:
    (tmp_path / "pythonw.exe").write_bytes(b"")
    command = app_command("remind", platform="windows",
                          executable=str(tmp_path / "python.exe"), frozen=False)
    assert command[0] == str(tmp_path / "pythonw.exe")


def test_an_unwritable_folder_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / ".config").write_text("a file where the folder should be")
    item = login_item(COMMAND, "linux", {}, tmp_path)
    with pytest.raises(UserError, match="Cannot create the sign-in item"):
        set_login_item(True, item)
