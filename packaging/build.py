"""Builds ContractDesk for the platform it runs on, the same way everywhere.

    python packaging/build.py               one-folder bundle in dist/ (PyInstaller)
    python packaging/build.py --installer   … then the Windows installer or macOS dmg
    python packaging/build.py --smoke       … then packaging/smoke_test.py on the bundle
    python packaging/build.py --postgres    with the PostgreSQL driver (team mode)

Results:
    Linux    dist/ContractDesk/ContractDesk
    Windows  dist/ContractDesk/ContractDesk.exe (+ contractdesk-cli.exe);
             --installer: dist/ContractDesk-<version>-setup.exe (needs Inno Setup 6)
    macOS    dist/ContractDesk.app; --installer: dist/ContractDesk-<version>.dmg

Needs the packaging extra (``pip install ".[packaging]"``). Signing and notarisation run
only when their credentials are in the environment; see installer_windows.py and
installer_macos.py for the variables.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

from buildkit import APP_NAME, PACKAGING, ROOT, BuildError, app_version, run, tree_size
from bundle_config import POSTGRES_ENV

SPEC = PACKAGING / f"{APP_NAME}.spec"
ICON_FILES = ("contractdesk.ico", "contractdesk.icns", "contractdesk.png")


def bundle_path(dist: Path) -> Path:
    """What the build produces: the .app on macOS, the one-folder bundle elsewhere."""
    return dist / (f"{APP_NAME}.app" if sys.platform == "darwin" else APP_NAME)


def ensure_icons() -> None:
    icons = ROOT / "contractdesk" / "resources" / "icons"
    if not all((icons / name).is_file() for name in ICON_FILES):
        from make_icons import make_icons

        make_icons()


def build_bundle(dist: Path, work: Path, clean: bool, postgres: bool) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError('PyInstaller is not installed: pip install ".[packaging]"')
    ensure_icons()
    # The checked-out source, not an installed copy, is what gets frozen.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        POSTGRES_ENV: "1" if postgres else "0"}
    if postgres and importlib.util.find_spec("psycopg") is None:
        raise BuildError('--postgres needs psycopg: pip install ".[packaging,postgres]"')
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        command.append("--clean")
    run([*command, SPEC], env=env)
    return bundle_path(dist)


def build_installer(dist: Path, version: str) -> Path | None:
    if sys.platform == "win32":
        from installer_windows import build_installer as windows_installer

        return windows_installer(dist, version)
    if sys.platform == "darwin":
        from installer_macos import build_dmg, check_tools

        missing = check_tools()
        if missing:
            raise BuildError(f"Cannot make the dmg: {', '.join(missing)} not found "
                             "(install the Xcode command-line tools).")
        return build_dmg(dist, version)
    print("No installer on Linux: ContractDesk runs from source here (scripts/run); "
          f"{bundle_path(dist)} is the bundle.")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--installer", action="store_true",
                        help="also make the Windows installer or the macOS dmg")
    parser.add_argument("--smoke", action="store_true",
                        help="run packaging/smoke_test.py on the bundle afterwards")
    parser.add_argument("--postgres", action="store_true",
                        help="include the PostgreSQL driver (team mode; adds about 10 MB)")
    parser.add_argument("--clean", action="store_true",
                        help="discard PyInstaller's cache in build/ first")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's working folder")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    version = app_version()
    started = time.monotonic()
    try:
        bundle = build_bundle(dist, work, args.clean, args.postgres)
        print(f"Built {bundle} (ContractDesk {version}): "
              f"{tree_size(bundle) / 1e6:.0f} MB in {time.monotonic() - started:.0f} s")
        if args.installer:
            installer = build_installer(dist, version)
            if installer is not None:
                print(f"Installer: {installer} ({installer.stat().st_size / 1e6:.0f} MB)")
    except BuildError as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    if args.smoke:
        from smoke_test import main as smoke_test

        return smoke_test(["--dist", str(dist)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
