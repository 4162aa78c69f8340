"""The notice letter: what it says in English and German, that the PDF and the e-mail
draft say the same, that user text prints literally, and that a failed write leaves
nothing behind."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.units import mm

from contractdesk.domain.enums import NoticeForm
from contractdesk.errors import UserError
from contractdesk.exporting import safe_write
from contractdesk.reports import notice_letter
from contractdesk.reports.notice_letter import (
    LetterParty,
    LetterText,
    NoticeLetter,
    email_body,
    letter_text,
    render_notice_letter,
    write_notice_letter,
)
from tests.reports.builders import flat, pdf_pages

SENDER = LetterParty("Stadtwerke Beispielstadt GmbH",
                     "IT-Einkauf\nHauptstraße 12\n12345 Beispielstadt",
                     person="Anna Schmidt", email="einkauf@stadtwerke.example")
ADDRESSEE = LetterParty("Müller Systemhaus GmbH", "Leopoldstraße 250\n80807 München",
                        person="Jürgen Weiß", email="vertrag@mueller.example")
SERIALS = ("YM8K001234", "YM8K001235", "YM8K001236")
HOSTILE = "<b>&amp;</b>"

LONG_END = {"en": "31 December 2026", "de": "31. Dezember 2026"}
LONG_WRITTEN = {"en": "14 September 2026", "de": "14. September 2026"}
CONFIRMATION = {
    "en": "Please confirm receipt of this notice and the end date of the agreement in "
          "writing.",
    "de": "Bitte bestätigen Sie uns den Eingang dieser Kündigung und das Vertragsende "
          "schriftlich.",
}
SAFETY = {"en": "or at the earliest possible date thereafter",
          "de": "hilfsweise zum nächstmöglichen Zeitpunkt"}
FORM_SENTENCE = {
    "en": {NoticeForm.WRITTEN: "This notice is sent by letter, signed.",
           NoticeForm.TEXT: "This notice is sent by e-mail (text form).",
           NoticeForm.PORTAL: "We have also submitted this notice through your portal."},
    "de": {NoticeForm.WRITTEN: "Diese Kündigung erfolgt schriftlich.",
           NoticeForm.TEXT: "Diese Kündigung erfolgt per E-Mail in Textform.",
           NoticeForm.PORTAL: "Die Kündigung haben wir zusätzlich über Ihr Portal "
                              "eingereicht."},
}
LANGUAGES = ("en", "de")
FORMS = (*NoticeForm, None)


def make(language: str = "en", **changes: object) -> NoticeLetter:
    letter = NoticeLetter(language=language, sender=SENDER, addressee=ADDRESSEE,
                          written_on=dt.date(2026, 9, 14), contract_number="FJ-SUP-1001",
                          title="Wartung Speichersystem Größe L", serials=SERIALS,
                          effective_end=dt.date(2026, 12, 31), form=NoticeForm.WRITTEN,
                          customer_number="K-4711")
    return dataclasses.replace(letter, **changes)  # type: ignore[arg-type]


def pdf_of(letter: NoticeLetter) -> bytes:
    out = io.BytesIO()
    render_notice_letter(letter, out)
    return out.getvalue()


def text_of(letter: NoticeLetter) -> str:
    return flat(pdf_pages(pdf_of(letter)))


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_says_who_what_when_and_how(language: str, form: NoticeForm | None) -> None:
    text = text_of(make(language, form=form))
    for expected in ("Müller Systemhaus GmbH", "Leopoldstraße 250", "80807 München",
                     "FJ-SUP-1001", "Wartung Speichersystem Größe L", "K-4711",
                     LONG_END[language], LONG_WRITTEN[language], SAFETY[language],
                     CONFIRMATION[language], "Anna Schmidt", *SERIALS):
        assert expected in text
    for other, sentence in FORM_SENTENCE[language].items():
        assert (sentence in text) == (other is form)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_email_body_has_the_same_words_as_the_pdf(language: str,
                                                  form: NoticeForm | None) -> None:
    letter = make(language, form=form)
    words = letter_text(letter)
    body = email_body(letter)
    pdf = text_of(letter)
    blocks = body.split("\n\n")
    assert blocks[0] == words.salutation
    assert tuple(blocks[1:-1]) == words.paragraphs
    assert blocks[-1].split("\n") == [words.closing, "Anna Schmidt",
                                      "Stadtwerke Beispielstadt GmbH"]
    assert "\r" not in body
    for part in (words.subject, words.salutation, *words.paragraphs, words.closing):
        assert squeezed(part) in pdf


def test_english_words() -> None:
    words = letter_text(make("en", form=NoticeForm.TEXT))
    assert words == LetterText(
        subject="Notice of termination: FJ-SUP-1001 Wartung Speichersystem Größe L",
        salutation="Dear Jürgen Weiß,",
        paragraphs=(
            "We hereby give notice to terminate the agreement FJ-SUP-1001 “Wartung "
            "Speichersystem Größe L” (our customer number: K-4711) with effect from "
            "31 December 2026, or at the earliest possible date thereafter.",
            "The agreement covers the following 3 serial numbers: YM8K001234, "
            "YM8K001235, YM8K001236.",
            "This notice is sent by e-mail (text form).",
            CONFIRMATION["en"]),
        closing="Kind regards")


def test_german_words_are_formal_and_go_on_in_lower_case() -> None:
    words = letter_text(make("de"))
    assert words.subject == "Kündigung des Vertrags FJ-SUP-1001 Wartung Speichersystem Größe L"
    assert words.salutation == "Sehr geehrte Damen und Herren,"  # even with a person
    assert words.paragraphs[0] == (
        "hiermit kündigen wir den Vertrag FJ-SUP-1001 „Wartung Speichersystem Größe L“ "
        "(unsere Kundennummer: K-4711) fristgerecht zum 31. Dezember 2026, hilfsweise "
        "zum nächstmöglichen Zeitpunkt.")
    assert words.closing == "Mit freundlichen Grüßen"


def test_english_salutation_without_a_person() -> None:
    anonymous = dataclasses.replace(ADDRESSEE, person=None)
    assert letter_text(make("en", addressee=anonymous)).salutation == "Dear Sir or Madam,"
    blank = dataclasses.replace(ADDRESSEE, person="  ")
    assert letter_text(make("en", addressee=blank)).salutation == "Dear Sir or Madam,"


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_optional_facts_leave_no_gaps(language: str) -> None:
    letter = make(language, contract_number=None, customer_number=None, serials=(),
                  form=None, sender=dataclasses.replace(SENDER, person=None))
    words = letter_text(letter)
    assert len(words.paragraphs) == 2  # the notice and the request to confirm
    body = email_body(letter)
    for absent in ("None", "K-4711", "(", "serial", "Serien", "  "):
        assert absent not in body
    assert body.endswith(f"{words.closing}\nStadtwerke Beispielstadt GmbH")
    assert "Wartung Speichersystem Größe L" in words.subject
    text = text_of(letter)
    assert "None" not in text and LONG_END[language] in text


def test_one_serial_is_named_in_the_singular() -> None:
    assert "serial number YM8K001234." in letter_text(make("en", serials=("YM8K001234",))
                                                      ).paragraphs[1]
    assert "Seriennummer YM8K001234." in letter_text(make("de", serials=("YM8K001234",))
                                                     ).paragraphs[1]


def test_ordinary_letter_is_one_page_with_the_address_in_the_window() -> None:
    data = pdf_of(make("de"))
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert reader.metadata is not None
    assert reader.metadata.title == letter_text(make("de")).subject
    height = float(reader.pages[0].mediabox.height)
    placed: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        placed.setdefault(text.strip(), (x / mm, (height - y) / mm))

    reader.pages[0].extract_text(visitor_text=visit)
    # A DL window envelope shows 45 to 90 mm from the top, 20 to 110 mm from the left.
    for line in ("Müller Systemhaus GmbH", "Jürgen Weiß", "80807 München"):
        left, down = placed[line]
        assert 20 <= left <= 30 and 45 < down < 90, line
    return_line = next(text for text in placed if text.startswith("Stadtwerke Beispielstadt "
                                                                  "GmbH ·"))
    assert 45 < placed[return_line][1] < placed["Müller Systemhaus GmbH"][1]
    assert placed[letter_text(make("de")).subject][1] > 90  # below the window


def test_hostile_text_prints_literally_and_the_pdf_stays_valid() -> None:
    title = " ".join(["Wartung", HOSTILE, "ÄÖÜß"] * 30)[:300]
    assert len(title) == 300
    serials = tuple(f"SN{n:05d}{'&<>' if n % 50 == 0 else ''}" for n in range(500))
    weird = LetterParty(f"{HOSTILE} Grüße ÄÖÜß", f"Straße {HOSTILE}\n\n\tÄÖÜß  ",
                        person=f"Jürgen {HOSTILE}", email="a&b@x.example")
    letter = make("de", sender=weird, addressee=weird, contract_number=f"V-{HOSTILE}",
                  title=title, serials=serials, customer_number="<K&1>")
    data = pdf_of(letter)
    pages = pdf_pages(data)
    assert len(pages) > 1
    text = flat(pages)
    # Later pages begin with a continuation line (subject, page number); without it
    # the serial numbers run on from page to page.
    bodies = [pages[0]]
    for number, page in enumerate(pages[1:], start=2):
        lines = page.split("\n")
        assert f"Seite {number}" in lines[:2]
        assert any(line.startswith(f"Kündigung des Vertrags V-{HOSTILE}") for line in lines[:2])
        bodies.append("\n".join(lines[2:]))
    running = flat(bodies)
    words = letter_text(letter)
    for part in (words.subject, *words.paragraphs):
        assert squeezed(part) in running
    for expected in (f"{HOSTILE} Grüße ÄÖÜß", f"Jürgen {HOSTILE}", f"V-{HOSTILE}",
                     "<K&1>", *serials):
        assert expected in text
    assert "&amp;amp;" not in text and "&lt;" not in text
    # The e-mail draft is plain text: no markup escapes either.
    body = email_body(letter)
    assert HOSTILE in body and "&lt;" not in body and "SN00499." in body
    # The signature ends the letter on the last page, under its closing.
    assert "Mit freundlichen Grüßen" in pages[-1] and f"Jürgen {HOSTILE}" in pages[-1]


def test_line_breaks_and_control_characters_in_one_line_fields_become_spaces() -> None:
    letter = make("en", title="Support\nBüro-Drucker\x00\x07 \t A4", serials=("A\nB", " ",
                                                                             "C"))
    words = letter_text(letter)
    assert words.subject.endswith("FJ-SUP-1001 Support Büro-Drucker A4")
    assert "2 serial numbers: A B, C." in words.paragraphs[1]
    assert "Support Büro-Drucker A4" in text_of(letter)


@pytest.mark.parametrize("language", ["fr", "EN", "", "de_DE"])
def test_unknown_language_is_refused(language: str) -> None:
    with pytest.raises(ValueError, match="Unknown letter language"):
        make(language)


def test_written_file_is_a_pdf(tmp_path: Path) -> None:
    target = tmp_path / "Kündigung FJ-SUP-1001.pdf"
    write_notice_letter(make("de"), target)
    assert "31. Dezember 2026" in flat(pdf_pages(target.read_bytes()))
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_missing_folder_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "letter.pdf"
    with pytest.raises(UserError, match="does not exist"):
        write_notice_letter(make(), target)
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_leaves_nothing(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            # Root writes anyway: refuse the way a read-only folder does.
            def refuse(*_: object, **__: object) -> Path:
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr(safe_write, "_create_temp", refuse)
        with pytest.raises(UserError, match="Cannot write in"):
            write_notice_letter(make(), folder / "letter.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_failure_while_rendering_keeps_the_earlier_file_and_no_temp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"earlier")

    def broken(letter: NoticeLetter) -> list[object]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(notice_letter, "_story", broken)
    with pytest.raises(UserError, match="disk is full"):
        write_notice_letter(make(), target)
    assert target.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]
