"""The file and choice questions of import, export and reports, in one class so tests
can patch them (as :class:`~contractdesk.ui.dialogs.Dialogs` for message boxes)."""

from __future__ import annotations

from pathlib import Path

from contractdesk.ui.qt import QCoreApplication, QFileDialog, QInputDialog, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


IMPORT_FILTER = _tr("Spreadsheets and exports (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv "
                    "*.txt *.json);;All files (*)")


class FileDialogs:
    @staticmethod
    def open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _chosen = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    @staticmethod
    def save_file(parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> tuple[Path, str] | None:
        """The chosen path and the filter it was chosen under (which names the format
        when the user typed no extension)."""
        name, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return (Path(name), chosen) if name else None

    @staticmethod
    def choose(parent: QWidget | None, title: str, label: str,
               choices: list[str]) -> str | None:
        value, accepted = QInputDialog.getItem(parent, title, label, choices, 0, False)
        return value if accepted and value else None


def with_suffix(path: Path, chosen_filter: str, suffixes: tuple[str, ...]) -> Path:
    """``path`` with the extension its filter names (``Excel (*.xlsx)``) unless it
    already ends in one of ``suffixes``."""
    if path.suffix.lower() in suffixes:
        return path
    for suffix in suffixes:
        if f"*{suffix}" in chosen_filter:
            return path.with_name(path.name + suffix)
    return path.with_name(path.name + suffixes[0])
