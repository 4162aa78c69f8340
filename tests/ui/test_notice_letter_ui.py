"""Give notice… writes the ready-to-sign letter (attached when notice is recorded) or
opens the same words as an e-mail draft, in the language chosen."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pypdf
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.reminders import NoticeRecord
from contractdesk.domain.reminders import NoticeMethod
from contractdesk.services import preferences
from contractdesk.services.access import DataAccess
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QDesktopServices, Qt, QUrl
from contractdesk.ui.workflow.common import Ask
from contractdesk.ui.workflow.notice_dialogs import NoticeDialog
from contractdesk.ui.workflow.record_parts import AgreementActions
from tests.ui.workflow_helpers import agreement_id, child_dialog, open_agreement

NUMBER = "VEEAM-DP-1187"  # bought through Bechtle in the sample data


def _notice_dialog(qtbot: QtBot, window: MainWindow, access: DataAccess) -> NoticeDialog:
    access.write(preferences.set_preference, "own.name", "Muster IT GmbH")
    form = open_agreement(window, access, NUMBER)
    actions = form.workflow
    assert isinstance(actions, AgreementActions)
    qtbot.mouseClick(actions.notice_button, Qt.MouseButton.LeftButton)
    return child_dialog(qtbot, form, NoticeDialog)


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in
                             pypdf.PdfReader(path).pages).split())


def test_write_letter_in_german_then_record_notice_attaches_it(
        qtbot: QtBot, window: MainWindow, access: DataAccess, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "Kündigung VEEAM.pdf"
    monkeypatch.setattr(Ask, "save_file", staticmethod(lambda *_args: target))
    notice = _notice_dialog(qtbot, window, access)
    assert "notice must arrive by" in notice.explanation.text()
    notice.language.setCurrentIndex(notice.language.findData("de"))
    qtbot.mouseClick(notice.write_button, Qt.MouseButton.LeftButton)
    assert notice.letter.text() == str(target)
    text = _text(target)
    assert f"Kündigung des Vertrags {NUMBER}" in text
    assert "Muster IT GmbH" in text and "Bechtle" in text
    qtbot.keyClicks(notice.to, "Bechtle renewals desk")
    qtbot.mouseClick(notice.ok_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    with access.database.session("cli") as session:
        record = session.scalars(select(NoticeRecord).where(
            NoticeRecord.agreement_id == agreement_id(access, NUMBER))).one()
        assert record.document is not None
        assert record.document.file_name == target.name


def test_write_email_opens_a_draft_with_the_letters_words(
        qtbot: QtBot, window: MainWindow, access: DataAccess,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def open_url(url: QUrl | str) -> bool:
        opened.append(QUrl(url).toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    notice = _notice_dialog(qtbot, window, access)
    notice.language.setCurrentIndex(notice.language.findData("en"))
    qtbot.mouseClick(notice.email_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    url = urlsplit(opened[0])
    assert url.scheme == "mailto"
    query = parse_qs(url.query)
    assert query["subject"][0].startswith(f"Notice of termination: {NUMBER} ")
    assert "We hereby give notice" in query["body"][0]
    assert "Muster IT GmbH" in query["body"][0]
    assert notice.how.currentData() == NoticeMethod.EMAIL  # it goes by e-mail now
