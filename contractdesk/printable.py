"""Text from outside (file names above all) made safe to print, log and store.

A file name is bytes on Linux and macOS: the ones that are not UTF-8 reach Python as
lone surrogates, which no terminal, log file or database encoding accepts, and a name
may hold control characters, so echoing it raw lets an escape sequence recolour,
retitle or scramble the user's terminal.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every control character and undecodable byte written as an escape
    (``\\x1b``, ``\\xff``); line breaks and tabs are kept."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
