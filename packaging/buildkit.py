"""What the build, installer and smoke-test scripts share: where things are, the app's
version, running a tool visibly, and optional credentials from the environment."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_NAME = "ContractDesk"


class BuildError(Exception):
    """A build step could not run; the message says what to install or fix."""


def app_version() -> str:
    """``contractdesk.__version__``, read from the source (the build must not import an
    installed copy that might be another version)."""
    text = (ROOT / "contractdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if match is None:
        raise BuildError("contractdesk/__init__.py has no __version__")
    return match.group(1)


def run(command: Sequence[str | Path], env: Mapping[str, str] | None = None,
        secrets: Sequence[str] = ()) -> None:
    """Runs a tool with its output going straight to ours; the echoed command line hides
    ``secrets`` (passwords handed to signing tools)."""
    shown = " ".join(str(part) for part in command)
    for secret in secrets:
        shown = shown.replace(secret, "***")
    print(f"$ {shown}", flush=True)
    completed = subprocess.run([str(part) for part in command], env=env, check=False)
    if completed.returncode != 0:
        raise BuildError(f"{Path(str(command[0])).name} failed with exit code "
                         f"{completed.returncode}")


def credentials(purpose: str, names: Sequence[str]) -> dict[str, str] | None:
    """The named environment variables when all are set; otherwise None, after saying
    which are missing, so an unsigned local build is a message and not a failure."""
    values = {name: os.environ.get(name, "") for name in names}
    missing = [name for name, value in values.items() if not value]
    if missing:
        print(f"Skipping {purpose}: set {', '.join(missing)} to enable it.")
        return None
    return values


def tree_size(path: Path) -> int:
    """Bytes in all files below ``path`` (symlinks not followed, as in the bundle)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
