"""macOS: the disk image, and its signing and notarisation when credentials are set.

The app itself is signed by PyInstaller while it builds (the spec reads the identity):

    MACOS_SIGN_IDENTITY     "Developer ID Application: Name (TEAMID)", a certificate in
                            the keychain; unset → ad-hoc signature (runs on this Mac)

Notarisation (needs the identity too), either a stored notarytool profile

    MACOS_NOTARY_PROFILE    made once with `xcrun notarytool store-credentials`

or an Apple ID with an app-specific password:

    MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD

Without them each step is skipped with a message; the dmg still works, but Gatekeeper
asks the user to confirm opening an app from an unidentified developer.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from buildkit import APP_NAME, credentials, run

NOTARY_APPLE_ID = ("MACOS_NOTARY_APPLE_ID", "MACOS_NOTARY_TEAM_ID", "MACOS_NOTARY_PASSWORD")


def build_dmg(dist: Path, version: str) -> Path:
    """A compressed disk image holding the app and a link to /Applications to drag it
    onto; signed and notarised when the credentials are set."""
    app = dist / f"{APP_NAME}.app"
    dmg = dist / f"{APP_NAME}-{version}.dmg"
    with tempfile.TemporaryDirectory(prefix="contractdesk-dmg-") as staging:
        folder = Path(staging)
        # ditto keeps the symlinks and extended attributes a signed bundle relies on.
        run(["ditto", app, folder / app.name])
        (folder / "Applications").symlink_to("/Applications")
        dmg.unlink(missing_ok=True)
        run(["hdiutil", "create", "-volname", f"{APP_NAME} {version}", "-srcfolder", folder,
             "-fs", "HFS+", "-format", "UDZO", "-ov", dmg])
    identity = sign_dmg(dmg)
    if identity is not None:
        notarize(dmg)
    return dmg


def sign_dmg(dmg: Path) -> str | None:
    found = credentials("macOS code signing", ["MACOS_SIGN_IDENTITY"])
    if found is None:
        return None
    identity = found["MACOS_SIGN_IDENTITY"]
    run(["codesign", "--verify", "--deep", "--strict", dmg.parent / f"{APP_NAME}.app"])
    run(["codesign", "--force", "--timestamp", "--sign", identity, dmg])
    return identity


def notarize(dmg: Path) -> None:
    """Sends the dmg to Apple's notary service, waits, and staples the ticket to it."""
    profile = os.environ.get("MACOS_NOTARY_PROFILE")
    if profile:
        auth = ["--keychain-profile", profile]
        secrets: list[str] = []
    else:
        found = credentials("notarisation", NOTARY_APPLE_ID)
        if found is None:
            return
        password = found["MACOS_NOTARY_PASSWORD"]
        auth = ["--apple-id", found["MACOS_NOTARY_APPLE_ID"],
                "--team-id", found["MACOS_NOTARY_TEAM_ID"], "--password", password]
        secrets = [password]
    run(["xcrun", "notarytool", "submit", dmg, *auth, "--wait"], secrets=secrets)
    run(["xcrun", "stapler", "staple", dmg])


def check_tools() -> list[str]:
    """The command-line tools the dmg step needs that this machine lacks."""
    return [tool for tool in ("ditto", "hdiutil", "codesign") if shutil.which(tool) is None]
