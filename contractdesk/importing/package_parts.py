"""The parts an xlsx package names for a reader: ``[Content_Types].xml`` overrides and
the workbook's relationship targets, wherever in the zip they point.

The guard measures every part that turns out to hold sheet data; these are the ones
that must also parse as XML, since calamine reads them whatever their name or folder.
"""

from __future__ import annotations

import posixpath

from contractdesk.importing.xml_stream import streaming_parser

CONTENT_TYPES = "[content_types].xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"


def part_key(name: str) -> str:
    """A zip name as compared here: forward slashes, no leading slash, any case."""
    return name.replace("\\", "/").lstrip("/").casefold()


class _Names:
    def __init__(self, base: str) -> None:
        self.base = base
        self.found: set[str] = set()

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == "Override" and "PartName" in attributes:
            self.found.add(part_key(attributes["PartName"]))
        elif name == "Relationship" and "Target" in attributes \
                and attributes.get("TargetMode") != "External":
            target = attributes["Target"].replace("\\", "/")
            joined = target if target.startswith("/") else posixpath.join(self.base, target)
            self.found.add(part_key(posixpath.normpath(joined)))

    def end(self, name: str) -> None:
        pass


def named_parts(parts: dict[str, bytes]) -> set[str]:
    """The part keys that ``parts`` (content types and workbook rels, by part key, as
    read from the zip) name.

    Raises:
        DocumentTypeDeclared, ExpatError: from the parser.
    """
    found: set[str] = set()
    for key, data in parts.items():
        names = _Names("xl" if key == WORKBOOK_RELS else "")
        parser = streaming_parser(names)
        parser.Parse(data, True)
        found |= names.found
    return found
