"""The checked-in app icons are well-formed containers holding every size they list."""

import struct
from pathlib import Path

import make_icons
import pytest

ICONS = Path(__file__).resolve().parents[2] / "contractdesk" / "resources" / "icons"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_MAGIC)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, _h, _c, _r, _p, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        assert bits == 32
        entries.append((width or 256, data[offset:offset + length]))
    return entries


def icns_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    chunks, position = [], 8
    while position < len(data):
        kind, length = data[position:position + 4], struct.unpack(
            ">I", data[position + 4:position + 8])[0]
        chunks.append((kind, data[position + 8:position + length]))
        position += length
    assert position == len(data)
    return chunks


def test_ico_holds_every_windows_size() -> None:
    entries = ico_entries((ICONS / "contractdesk.ico").read_bytes())
    assert [size for size, _ in entries] == list(make_icons.ICO_SIZES)
    for size, payload in entries:
        if payload.startswith(PNG_MAGIC):
            assert png_size(payload) == (size, size)
        else:  # BMP: header, pixels, AND mask; height counts image and mask
            header_size, width, height = struct.unpack("<Iii", payload[:12])
            assert (header_size, width, height) == (40, size, 2 * size)
            mask = ((size + 31) // 32) * 4 * size
            assert len(payload) == 40 + size * size * 4 + mask


def test_icns_holds_every_macos_size() -> None:
    chunks = icns_chunks((ICONS / "contractdesk.icns").read_bytes())
    assert [(kind, png_size(png)[0]) for kind, png in chunks] == list(make_icons.ICNS_TYPES)


def test_png_is_the_large_window_icon() -> None:
    assert png_size((ICONS / "contractdesk.png").read_bytes()) == (512, 512)


@pytest.mark.usefixtures("qapp")
def test_make_icons_renders_the_source_into_all_three(tmp_path: Path) -> None:
    written = make_icons.make_icons(target=tmp_path)
    assert sorted(path.name for path in written) == [
        "contractdesk.icns", "contractdesk.ico", "contractdesk.png"]
    small = dict(ico_entries((tmp_path / "contractdesk.ico").read_bytes()))[16]
    pixels = small[40:40 + 16 * 16 * 4]
    alphas = pixels[3::4]
    assert alphas[0] == 0  # the corner outside the rounded tile is transparent
    assert alphas[8 * 16 + 8] == 255  # the middle is painted
