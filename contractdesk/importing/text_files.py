"""Reading a CSV or text table: its encoding, its delimiter, its rows.

Excel saves CSV in the system's code page (Windows-1252 in Germany and England, cp850
from old ERP systems) with the list separator of the locale (``;`` in Germany), so both
are detected unless the user names them.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from contractdesk.errors import UserError
from contractdesk.importing.cells import Cell

DELIMITERS = (";", ",", "\t", "|")
SNIFF_LINES = 50

Rows = list[list[Cell]]


@dataclass(frozen=True)
class TextFormat:
    """How a CSV file is read: ``None`` means detect it. ``delimiter`` is one character
    (``"\t"`` for tab)."""

    encoding: str | None = None
    delimiter: str | None = None

    def checked(self) -> TextFormat:
        """Raises:
            UserError: an encoding Python does not know, or a delimiter that is not one
            plain character."""
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError as error:
                raise UserError(f"{self.encoding!r} is not a text encoding ContractDesk "
                                "knows (such as utf-8, cp1252, latin-1, cp850).") from error
        if self.delimiter is not None and (len(self.delimiter) != 1
                                           or self.delimiter in "\"\r\n"):
            raise UserError(f"{self.delimiter!r} cannot separate columns: give one "
                            "character such as ';', ',' or a tab.")
        return self


DETECT = TextFormat()
DELIMITER_NAMES = {";": "semicolons", ",": "commas", "\t": "tabs", "|": "bars"}


def describe_delimiter(delimiter: str | None) -> str:
    return DELIMITER_NAMES.get(delimiter or "", repr(delimiter))


def decode_text(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding it was read in: ``encoding`` if given, else UTF-16 or
    UTF-8 (with or without BOM) first, then Windows-1252, as German and English Excel
    save CSV.

    Raises:
        UserError: empty, binary rather than text, or not in the ``encoding`` given.
    """
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UserError(f"{name} is not {encoding} text (byte {error.start + 1} cannot "
                            f"be read); choose another encoding.") from error
        if text.startswith("\ufeff"):
            text = text[1:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        if b"\x00" in data[:65536]:
            raise UserError(f"{name} is a binary file, not a CSV or text table.")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            encoding = _legacy_code_page(data)
            text = data.decode(encoding, errors="replace")
    if not text.strip():
        raise UserError(f"{name} is empty.")
    sample = text[:65536]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t")
    if controls > len(sample) // 100 or \
            sample.count("\ufffd") > max(len(sample) // 50, BINARY_MIN_UNREADABLE):
        raise UserError(f"{name} is a binary file, not a CSV or text table.")
    return text, encoding


# German letters (ä ö ü Ä Ö Ü ß) as Windows and as DOS (cp850, old ERP exports) store them
WINDOWS_UMLAUTS = frozenset(b"\xe4\xf6\xfc\xc4\xd6\xdc\xdf")
DOS_UMLAUTS = frozenset(b"\x84\x94\x81\x8e\x99\x9a\xe1")
BINARY_MIN_UNREADABLE = 16  # a short text with a few odd bytes is still text


def _legacy_code_page(data: bytes) -> str:
    """Windows-1252, unless the bytes spell German letters the DOS way more often."""
    sample = data[:65536]
    windows = sum(1 for byte in sample if byte in WINDOWS_UMLAUTS)
    dos = sum(1 for byte in sample if byte in DOS_UMLAUTS)
    return "cp850" if dos > windows else "cp1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most equal, widest rows."""
    lines = text.splitlines()[:SNIFF_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        counts: dict[int, int] = {}
        for width in widths:
            if width > 1:
                counts[width] = counts.get(width, 0) + 1
        if not counts:
            continue
        width, lines_of_width = max(counts.items(), key=lambda pair: (pair[1], pair[0]))
        score = (lines_of_width, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, text_format: TextFormat = DETECT) -> tuple[Rows, TextFormat]:
    """The rows, and the encoding and delimiter they were read with."""
    text, encoding = decode_text(path.read_bytes(), path.name, text_format.encoding)
    delimiter = text_format.delimiter or sniff_delimiter(text)
    try:
        rows: Rows = [[cell or None for cell in row] for row in
                      csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise UserError(f"{path.name} is not a readable CSV file ({error}).") from error
    return rows, TextFormat(encoding, delimiter)
