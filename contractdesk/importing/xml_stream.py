"""A streaming expat parser that refuses document type declarations.

A spreadsheet part never needs a DTD, and one is how entity expansion (billion laughs)
and external entities (reading local files) get in; so the parser stops at the first
``<!DOCTYPE`` instead of trying to defuse what follows. Elements and attributes reach
the handler by local name: python-calamine matches names without their prefix, so
``<x:row>`` must count as a row here too.
"""

from __future__ import annotations

from typing import Protocol
from xml.parsers import expat


class DocumentTypeDeclared(Exception):
    """The part declares a document type."""


class ElementHandler(Protocol):
    def start(self, name: str, attributes: dict[str, str]) -> None: ...

    def end(self, name: str) -> None: ...


def local(name: str) -> str:
    return name.rpartition(":")[2]


def streaming_parser(handler: ElementHandler) -> expat.XMLParserType:
    """A parser to feed chunk by chunk; raises :class:`DocumentTypeDeclared` from
    ``Parse`` at a DTD, :class:`expat.ExpatError` at malformed XML, and whatever the
    handler raises."""
    parser = expat.ParserCreate()

    def refuse(*_: object) -> int:
        raise DocumentTypeDeclared

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = lambda name, attributes: handler.start(local(name),
                                                                        attributes)
    parser.EndElementHandler = lambda name: handler.end(local(name))
    text = getattr(handler, "text", None)  # a handler that wants character data
    if text is not None:
        parser.CharacterDataHandler = text
    return parser

