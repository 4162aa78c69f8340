"""The notice (cancellation) letter for an agreement, in English or German.

One set of words (:func:`letter_text`) feeds both the e-mail draft (:func:`email_body`)
and the printed letter (:func:`write_notice_letter`), so what is mailed and what is signed
never differ. The letter is laid out after DIN 5008 form B on A4: the return line and the
addressee sit in the window of a DL window envelope (45 to 90 mm from the top, 20 mm from
the left edge), with fold marks at 105 and 210 mm and the hole mark at 148.5 mm.

A letter is not a report: no "Page n of m" furniture, only a short continuation line on
the rare second page (hundreds of serial numbers). The module takes plain data; no Qt,
no database.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from babel.dates import format_date
from babel.numbers import format_decimal
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from contractdesk import APP_NAME, __version__
from contractdesk.domain.enums import NoticeForm
from contractdesk.reports.document import save_pdf
from contractdesk.reports.fonts import BOLD, REGULAR, register_fonts
from contractdesk.reports.styles import INK, MUTED, escape

LANGUAGES = ("en", "de")
_LOCALES = {"en": "en_GB", "de": "de_DE"}

# DIN 5008 form B, measured from the top left corner of the A4 sheet.
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = 25 * mm
RIGHT_MARGIN = 20 * mm
TOP_MARGIN = 20 * mm  # of continuation pages; page one starts below the address field
BOTTOM_MARGIN = 20 * mm
LETTERHEAD_TOP = 12 * mm
LETTERHEAD_BOTTOM = 40 * mm
LETTERHEAD_WIDTH = 85 * mm
FIELD_LEFT = 20 * mm  # the address field; its text is indented 5 mm
FIELD_TOP = 45 * mm
FIELD_TEXT_WIDTH = 80 * mm
RETURN_ZONE = 17.7 * mm  # return line and remarks, written upwards from its bottom
ADDRESS_ZONE = 27.3 * mm
BODY_TOP = 98.5 * mm  # the first line after the address field
FOLD_MARKS = (105 * mm, 210 * mm)
HOLE_MARK = 148.5 * mm
SIGNATURE_ROOM = 16 * mm

BODY_SIZE = 10.5
BODY_LEADING = 14
ADDRESS_SIZES = (10.5, 9.5, 8.5, 7.5)
LETTERHEAD_SIZES = (9.0, 8.0, 7.0, 6.0)
RETURN_SIZES = (7.0, 6.5, 6.0)
FRAME_PADDING = 6  # points: reportlab's frames pad each side; the margins allow for it
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class LetterParty:
    """One side of the letter: an organization, where to write to, who speaks for it."""

    name: str  # organization name
    address: str = ""  # several lines, "\n"-separated; may be empty
    person: str | None = None  # e.g. the reseller's contract contact; our signatory
    email: str | None = None


@dataclass(frozen=True, slots=True)
class NoticeLetter:
    """Everything the letter says, as plain data."""

    language: str  # "en" or "de"; anything else -> ValueError
    sender: LetterParty  # our organization (person = who signs)
    addressee: LetterParty  # the reseller, or the OEM when bought direct
    written_on: dt.date
    contract_number: str | None
    title: str
    serials: tuple[str, ...]  # covered serial numbers; may be empty or long (hundreds)
    effective_end: dt.date  # the end date the notice takes effect
    form: NoticeForm | None  # what the clause asks for; None = not recorded
    customer_number: str | None = None  # our customer number with the addressee

    def __post_init__(self) -> None:
        _check_language(self.language)


@dataclass(frozen=True, slots=True)
class LetterText:
    """The words of the letter, without layout."""

    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str


def _check_language(language: object) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"Unknown letter language {language!r}: use 'en' or 'de'.")


def _one_line(text: str | None) -> str:
    """User text for one line: control characters and line breaks become spaces, runs
    of spaces one, so a pasted title can neither break the layout nor the PDF."""
    if not text:
        return ""
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                      for c in text)
    return " ".join(cleaned.split())


def _lines(text: str | None) -> list[str]:
    """A multi-line address as its non-empty lines."""
    if not text:
        return []
    lines = (_one_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n")
             .split("\n"))
    return [line for line in lines if line]


def _long_date(day: dt.date, language: str) -> str:
    return str(format_date(day, format="long", locale=_LOCALES[language]))


def _quoted(title: str, language: str) -> str:
    return f"„{title}“" if language == "de" else f"“{title}”"


def _subject(number: str, title: str, language: str) -> str:
    reference = " ".join(x for x in (number, title) if x)
    if language == "de":
        return f"Kündigung des Vertrags {reference}" if reference else "Kündigung unseres Vertrags"
    return f"Notice of termination: {reference}" if reference else "Notice of termination"


def _agreement(number: str, title: str, customer: str, language: str) -> str:
    """``the agreement X “Title” (our customer number: K)`` in the letter's language."""
    parts = [x for x in (number, _quoted(title, language) if title else "") if x]
    if language == "de":
        words = (" ".join(["den Vertrag", *parts]) if parts
                 else "den mit Ihnen geschlossenen Vertrag")
        return f"{words} (unsere Kundennummer: {customer})" if customer else words
    words = " ".join(["the agreement", *parts]) if parts else "our agreement with you"
    return f"{words} (our customer number: {customer})" if customer else words


def _serial_sentence(serials: list[str], language: str) -> str:
    listed = ", ".join(serials)
    count = str(format_decimal(len(serials), locale=_LOCALES[language]))
    if language == "de":
        if len(serials) == 1:
            return f"Der Vertrag umfasst das Gerät mit der Seriennummer {listed}."
        return f"Der Vertrag umfasst die folgenden {count} Seriennummern: {listed}."
    if len(serials) == 1:
        return f"The agreement covers the device with serial number {listed}."
    return f"The agreement covers the following {count} serial numbers: {listed}."


_FORM_SENTENCES: dict[str, dict[NoticeForm, str]] = {
    "en": {
        NoticeForm.WRITTEN: "This notice is sent by letter, signed.",
        NoticeForm.TEXT: "This notice is sent by e-mail (text form).",
        NoticeForm.PORTAL: "We have also submitted this notice through your portal.",
    },
    "de": {
        NoticeForm.WRITTEN: "Diese Kündigung erfolgt schriftlich.",
        NoticeForm.TEXT: "Diese Kündigung erfolgt per E-Mail in Textform.",
        NoticeForm.PORTAL: "Die Kündigung haben wir zusätzlich über Ihr Portal eingereicht.",
    },
}

_CONFIRMATION = {
    "en": "Please confirm receipt of this notice and the end date of the agreement "
          "in writing.",
    "de": "Bitte bestätigen Sie uns den Eingang dieser Kündigung und das Vertragsende "
          "schriftlich.",
}


def letter_text(letter: NoticeLetter) -> LetterText:
    """The words of the letter, the same for the PDF and the e-mail draft.

    Raises:
        ValueError: the language is neither ``en`` nor ``de``.
    """
    language = letter.language
    _check_language(language)
    number = _one_line(letter.contract_number)
    title = _one_line(letter.title)
    customer = _one_line(letter.customer_number)
    serials = [s for s in (_one_line(x) for x in letter.serials) if s]
    agreement = _agreement(number, title, customer, language)
    end = _long_date(letter.effective_end, language)
    if language == "de":
        # After the comma of the salutation, German letters go on in lower case.
        salutation = "Sehr geehrte Damen und Herren,"
        notice = (f"hiermit kündigen wir {agreement} fristgerecht zum {end}, "
                  f"hilfsweise zum nächstmöglichen Zeitpunkt.")
        closing = "Mit freundlichen Grüßen"
    else:
        person = _one_line(letter.addressee.person)
        salutation = f"Dear {person}," if person else "Dear Sir or Madam,"
        notice = (f"We hereby give notice to terminate {agreement} with effect from {end}, "
                  f"or at the earliest possible date thereafter.")
        closing = "Kind regards"
    paragraphs = [notice]
    if serials:
        paragraphs.append(_serial_sentence(serials, language))
    if letter.form is not None:
        paragraphs.append(_FORM_SENTENCES[language][NoticeForm(letter.form)])
    paragraphs.append(_CONFIRMATION[language])
    return LetterText(subject=_subject(number, title, language), salutation=salutation,
                      paragraphs=tuple(paragraphs), closing=closing)


def _signatures(letter: NoticeLetter) -> list[str]:
    """Who signs, then for whom: the lines under the signature."""
    return [x for x in (_one_line(letter.sender.person), _one_line(letter.sender.name)) if x]


def email_body(letter: NoticeLetter) -> str:
    """The letter as plain text for a mailto: draft (salutation, paragraphs, closing,
    sender's name), lines separated by "\\n".

    Raises:
        ValueError: the language is neither ``en`` nor ``de``.
    """
    words = letter_text(letter)
    blocks = [words.salutation, *words.paragraphs, "\n".join([words.closing,
                                                              *_signatures(letter)])]
    return "\n\n".join(blocks)


# --- the printed letter ---------------------------------------------------------------


def _style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
    settings: dict[str, Any] = {"fontName": REGULAR, "textColor": INK, **extra}
    return ParagraphStyle(name, fontSize=size, leading=leading, **settings)


def _body_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "date": _style("letter_date", BODY_SIZE, BODY_LEADING, alignment=TA_RIGHT,
                       spaceAfter=BODY_LEADING * 1.5),
        "subject": _style("letter_subject", BODY_SIZE, BODY_LEADING, fontName=BOLD,
                          spaceAfter=BODY_LEADING * 1.5),
        "body": _style("letter_body", BODY_SIZE, BODY_LEADING, spaceAfter=BODY_LEADING * 0.7),
        "closing": _style("letter_closing", BODY_SIZE, BODY_LEADING,
                          spaceBefore=BODY_LEADING * 0.3),
        "name": _style("letter_name", BODY_SIZE, BODY_LEADING),
    }


def _markup(lines: list[str], bold_first: bool = False) -> str:
    parts = [escape(line) for line in lines]
    if bold_first and parts:
        parts[0] = f"<b>{parts[0]}</b>"
    return "<br/>".join(parts)


def _shortened(lines: list[str]) -> list[str]:
    """``lines`` one step shorter: the last line dropped, or a long last line cut."""
    if len(lines) > 1:
        return [*lines[:-2], lines[-2].rstrip(ELLIPSIS) + ELLIPSIS]
    text = lines[0].rstrip(ELLIPSIS)
    return [text[:max(1, len(text) * 4 // 5)] + ELLIPSIS]


def _fitted(lines: list[str], width: float, height: float, sizes: tuple[float, ...],
            *, bold_first: bool = False, right: bool = False) -> Paragraph | None:
    """The block of ``lines`` in a box ``width`` by ``height``: at the first of ``sizes``
    that fits, else at the smallest with the end cut off, so it never leaves its box."""
    if not lines:
        return None
    alignment = TA_RIGHT if right else 0
    while True:
        for size in sizes:
            style = _style(f"box{size}", size, size * 1.2, alignment=alignment)
            paragraph = Paragraph(_markup(lines, bold_first), style)
            _, needed = paragraph.wrap(width, height * 10)
            if needed <= height + 0.01:
                return paragraph
        if lines == [ELLIPSIS]:
            return None
        lines = _shortened(lines)


def _fitted_line(text: str, width: float, sizes: tuple[float, ...],
                 ) -> tuple[str, float]:
    """One line of plain ``text`` at the first size that fits ``width``, else cut."""
    for size in sizes:
        if stringWidth(text, REGULAR, size) <= width:
            return text, size
    size = sizes[-1]
    while text and stringWidth(text + ELLIPSIS, REGULAR, size) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS, size


def _return_line(sender: LetterParty) -> str:
    """The sender in one small line above the address: the whole address if it fits,
    else the name and the address's last two lines (street, post code and town), since
    departments and building names matter less to the post office."""
    name, address = _one_line(sender.name), _lines(sender.address)
    choices = [[name, *address], [name, *address[-2:]], [name, *address[-1:]]]
    lines = [" · ".join(x for x in choice if x) for choice in choices]
    for line in lines:
        if stringWidth(line, REGULAR, RETURN_SIZES[-1]) <= FIELD_TEXT_WIDTH:
            return line
    return lines[-1]


def _from_top(distance: float) -> float:
    return PAGE_HEIGHT - distance


def _draw_first_page(canvas: Canvas, letter: NoticeLetter) -> None:
    """Letterhead, return line, address field and folding marks: what sits at fixed
    places on page one (the flowing text starts below the address field)."""
    sender, addressee = letter.sender, letter.addressee
    canvas.saveState()

    head = [_one_line(sender.name), *_lines(sender.address), _one_line(sender.email)]
    head = [line for line in head if line]
    right = PAGE_WIDTH - RIGHT_MARGIN
    block = _fitted(head, LETTERHEAD_WIDTH, LETTERHEAD_BOTTOM - LETTERHEAD_TOP,
                    LETTERHEAD_SIZES, bold_first=True, right=True)
    if block is not None:
        _, height = block.wrap(LETTERHEAD_WIDTH, LETTERHEAD_BOTTOM)
        block.drawOn(canvas, right - LETTERHEAD_WIDTH, _from_top(LETTERHEAD_TOP) - height)

    text_left = FIELD_LEFT + 5 * mm
    address_top = FIELD_TOP + RETURN_ZONE
    back = _return_line(sender)
    if back:
        line, size = _fitted_line(back, FIELD_TEXT_WIDTH, RETURN_SIZES)
        baseline = _from_top(address_top) + 2.5 * mm
        canvas.setFont(REGULAR, size)
        canvas.setFillColor(MUTED)
        canvas.drawString(text_left, baseline, line)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.3)
        canvas.line(text_left, baseline - 1.2, text_left + stringWidth(line, REGULAR, size),
                    baseline - 1.2)

    lines = [_one_line(addressee.name), _one_line(addressee.person), *_lines(addressee.address)]
    address = _fitted([x for x in lines if x], FIELD_TEXT_WIDTH, ADDRESS_ZONE, ADDRESS_SIZES)
    if address is not None:
        _, height = address.wrap(FIELD_TEXT_WIDTH, ADDRESS_ZONE)
        address.drawOn(canvas, text_left, _from_top(address_top) - height)

    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.4)
    for mark in FOLD_MARKS:
        canvas.line(4 * mm, _from_top(mark), 8 * mm, _from_top(mark))
    canvas.line(4 * mm, _from_top(HOLE_MARK), 10 * mm, _from_top(HOLE_MARK))
    canvas.restoreState()


def _draw_later_page(canvas: Canvas, letter: NoticeLetter) -> None:
    """A continuation page says whose letter it is and which page."""
    page = canvas.getPageNumber()
    label = f"Seite {page}" if letter.language == "de" else f"Page {page}"
    width = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
    size = 8.0
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, size)
    room = width - stringWidth(label, REGULAR, size) - 6 * mm
    subject, size = _fitted_line(letter_text(letter).subject, room, (size,))
    canvas.drawString(LEFT_MARGIN, _from_top(12 * mm), subject)
    canvas.drawRightString(PAGE_WIDTH - RIGHT_MARGIN, _from_top(12 * mm), label)
    canvas.restoreState()


def _story(letter: NoticeLetter) -> list[Flowable]:
    s = _body_styles()
    words = letter_text(letter)
    story: list[Flowable] = [
        Spacer(0, BODY_TOP - TOP_MARGIN),
        Paragraph(escape(_long_date(letter.written_on, letter.language)), s["date"]),
        Paragraph(escape(words.subject), s["subject"]),
        Paragraph(escape(words.salutation), s["body"]),
    ]
    story += [Paragraph(escape(text), s["body"]) for text in words.paragraphs[:-1]]
    # The last paragraph, the closing and the signature stay on one page: a signature
    # alone on a sheet is no signature of the letter.
    ending: list[Flowable] = [
        Paragraph(escape(words.paragraphs[-1]), s["body"]),
        Paragraph(escape(words.closing), s["closing"]),
        Spacer(0, SIGNATURE_ROOM),
    ]
    ending += [Paragraph(escape(name), s["name"]) for name in _signatures(letter)]
    story.append(KeepTogether(ending))
    return story


def render_notice_letter(letter: NoticeLetter, output: BinaryIO) -> int:
    """Lays the letter out into ``output`` (a file, or memory for a preview); returns the
    number of pages.

    Raises:
        ValueError: the language is neither ``en`` nor ``de``.
    """
    _check_language(letter.language)
    register_fonts()
    document = SimpleDocTemplate(
        output, pagesize=A4, title=letter_text(letter).subject,
        author=_one_line(letter.sender.name), creator=f"{APP_NAME} {__version__}",
        lang=letter.language, leftMargin=LEFT_MARGIN - FRAME_PADDING,
        rightMargin=RIGHT_MARGIN - FRAME_PADDING, topMargin=TOP_MARGIN - FRAME_PADDING,
        bottomMargin=BOTTOM_MARGIN - FRAME_PADDING)
    document.build(_story(letter),
                   onFirstPage=lambda canvas, _doc: _draw_first_page(canvas, letter),
                   onLaterPages=lambda canvas, _doc: _draw_later_page(canvas, letter))
    pages: int = document.page
    return pages


def write_notice_letter(letter: NoticeLetter, target: Path) -> None:
    """Writes the one-page (or more, for very many serials) PDF atomically.

    Raises:
        ValueError: the language is neither ``en`` nor ``de``.
        UserError: the folder is missing or not writable, or the target is locked; an
            earlier file at ``target`` is kept and no partial file is left.
    """
    _check_language(letter.language)
    save_pdf(target, lambda handle: render_notice_letter(letter, handle))
