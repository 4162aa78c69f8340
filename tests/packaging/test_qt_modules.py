"""The bundle leaves most of Qt out; the app's own code must not start needing it."""

import re
from pathlib import Path

import qt_modules

PACKAGE = Path(__file__).resolve().parents[2] / "contractdesk"
QT_IMPORT = re.compile(r"^\s*(?:from|import)\s+PySide6\.(Qt\w+)"
                       r"|^\s*from\s+PySide6\s+import\s+\(?([\w\s,]+)\)?", re.MULTILINE)


def qt_modules_imported() -> dict[str, set[str]]:
    """{Qt module: files importing it} over the whole contractdesk package."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for dotted, listed in QT_IMPORT.findall(path.read_text(encoding="utf-8")):
            names = [dotted] if dotted else [n.strip() for n in listed.split(",")]
            for name in filter(None, names):
                found.setdefault(name, set()).add(str(path.relative_to(PACKAGE)))
    return found


def test_the_app_imports_only_qt_modules_the_bundle_ships() -> None:
    imported = qt_modules_imported()
    assert "QtWidgets" in imported  # the scan itself works
    unknown = {name: files for name, files in imported.items()
               if name not in qt_modules.ALLOWED}
    assert not unknown, ("add these to qt_modules.ALLOWED (and take them out of EXCLUDED) "
                         f"so the frozen app has them: {unknown}")


def test_allowed_and_excluded_do_not_overlap() -> None:
    assert not set(qt_modules.ALLOWED) & set(qt_modules.EXCLUDED)


def test_excludes_name_pyside_modules() -> None:
    excluded = qt_modules.excluded_imports()
    assert "PySide6.QtWebEngineCore" in excluded
    assert "PySide6.QtQml" in excluded
    assert all(name.startswith("PySide6.Qt") for name in excluded)
