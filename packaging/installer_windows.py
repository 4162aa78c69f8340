"""Windows: sign the executables when a certificate is configured, then run Inno Setup.

Signing (skipped with a message unless both are set):

    WINDOWS_SIGN_CERT_FILE      a code-signing certificate as a .pfx file
    WINDOWS_SIGN_CERT_PASSWORD  its password
    WINDOWS_SIGN_TIMESTAMP_URL  optional, default http://timestamp.digicert.com

``signtool.exe`` comes with the Windows SDK (on GitHub's Windows runners already).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from buildkit import PACKAGING, BuildError, credentials, run
from bundle_config import version_tuple

ISS_SCRIPT = PACKAGING / "windows" / "ContractDesk.iss"
EXECUTABLES = ("ContractDesk.exe", "contractdesk-cli.exe")
DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"


def find_tool(name: str, candidates: list[Path]) -> Path | None:
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    return next((path for path in candidates if path.is_file()), None)


def find_iscc() -> Path | None:
    """Inno Setup's command-line compiler: on PATH or where its installer puts it."""
    roots = [os.environ.get(var, "") for var in ("PROGRAMFILES(X86)", "PROGRAMFILES")]
    local = os.environ.get("LOCALAPPDATA", "")
    candidates = [Path(root) / "Inno Setup 6" / "ISCC.exe" for root in roots if root]
    if local:
        candidates.append(Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe")
    return find_tool("iscc", candidates)


def find_signtool() -> Path | None:
    kits = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    candidates = sorted((kits / "Windows Kits" / "10" / "bin").glob("*/x64/signtool.exe"),
                        reverse=True)
    return find_tool("signtool", candidates)


def signing_command() -> tuple[list[str], str] | None:
    """signtool's command line without the file to sign, and the secret to hide when it
    is echoed; None when no certificate is configured."""
    found = credentials("Windows code signing",
                        ["WINDOWS_SIGN_CERT_FILE", "WINDOWS_SIGN_CERT_PASSWORD"])
    if found is None:
        return None
    signtool = find_signtool()
    if signtool is None:
        raise BuildError("A signing certificate is configured but signtool.exe was not "
                         "found: install the Windows SDK.")
    timestamp = os.environ.get("WINDOWS_SIGN_TIMESTAMP_URL") or DEFAULT_TIMESTAMP_URL
    password = found["WINDOWS_SIGN_CERT_PASSWORD"]
    command = [str(signtool), "sign", "/f", found["WINDOWS_SIGN_CERT_FILE"], "/p", password,
               "/fd", "sha256", "/tr", timestamp, "/td", "sha256"]
    return command, password


def build_installer(dist: Path, version: str) -> Path | None:
    """Signs the bundle's executables (if configured) and compiles the installer into
    ``dist``; returns it, or None when Inno Setup is not installed."""
    bundle = dist / "ContractDesk"
    signing = signing_command()
    if signing is not None:
        command, password = signing
        run([*command, *(bundle / name for name in EXECUTABLES)], secrets=[password])
    iscc = find_iscc()
    if iscc is None:
        print("Skipping the Windows installer: Inno Setup 6 (iscc) is not installed; "
              "get it from https://jrsoftware.org/isdl.php or `choco install innosetup`.")
        return None
    numeric = ".".join(str(n) for n in version_tuple(version))
    defines = [f"/DAppVersion={version}", f"/DAppNumericVersion={numeric}",
               f"/DBundleDir={bundle}", f"/DOutputDir={dist}"]
    secrets: list[str] = []
    if signing is not None:
        command, password = signing
        # Inno Setup signs the setup program and the uninstaller it writes: the script's
        # SignTool line runs this command through the "byparam" tool ($q is a quote).
        quoted = " ".join(f"$q{part}$q" for part in command)
        defines += [f"/DSignCommand={quoted}", "/Sbyparam=$p"]
        secrets.append(password)
    run([iscc, "/Q", *defines, ISS_SCRIPT], secrets=secrets)
    installer = dist / f"ContractDesk-{version}-setup.exe"
    if not installer.is_file():
        raise BuildError(f"Inno Setup finished but {installer.name} is not in {dist}")
    return installer
