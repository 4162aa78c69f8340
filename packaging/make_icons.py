"""Turns ``resources/icon-source.svg`` into the app icons the bundle and the window use.

    python packaging/make_icons.py

Writes ``contractdesk/resources/icons/contractdesk.png`` (512 px: window icon, Linux
desktop file), ``.ico`` (Windows: executable, installer, shortcuts) and ``.icns`` (macOS
app bundle). The results are checked in; run this again after changing the SVG.

Every size is rendered from the vector source by Qt's SVG renderer (PySide6 is already a
dependency) rather than scaled down from one bitmap, and the two container formats are
written here directly: both are a small index in front of PNG (or, for small Windows
icons, BMP) images, which avoids a dependency on Pillow for a build-time chore.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icon-source.svg"
TARGET = ROOT / "contractdesk" / "resources" / "icons"

PNG_SIZE = 512
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# macOS icon types holding PNG data, with their pixel size (Retina types repeat sizes).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)
ICO_PNG_FROM = 256  # Windows reads PNG entries at any size, older tools only at 256


def render(svg: Path, sizes: set[int]) -> dict[int, tuple[bytes, bytes]]:
    """{size: (PNG bytes, BGRA pixel rows top-down)} rendered from the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG file")
    images = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs want bytes, PySide6 6.12 only takes str
        # Format_ARGB32 is 0xAARRGGBB per pixel: B, G, R, A in memory on little-endian.
        rows = bytes(image.constBits())[: size * size * 4]
        images[size] = (bytes(data.data()), rows)
    return images


def ico_bytes(images: dict[int, tuple[bytes, bytes]]) -> bytes:
    """A Windows .ico: a directory of entries, PNG for the big ones, 32-bit BMP below."""
    payloads = [(size, images[size][0] if size >= ICO_PNG_FROM
                 else _ico_bitmap(size, images[size][1])) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(payloads))
    offset = len(header) + 16 * len(payloads)
    directory, blobs = b"", b""
    for size, payload in payloads:
        edge = 0 if size >= 256 else size  # 0 means 256 in the directory
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(payload), offset)
        blobs += payload
        offset += len(payload)
    return header + directory + blobs


def _ico_bitmap(size: int, bgra_rows: bytes) -> bytes:
    """An ICO's BMP entry: header with double height (image + mask), rows bottom-up,
    then an all-zero AND mask (the alpha channel already says what is transparent)."""
    info = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    stride = size * 4
    pixels = b"".join(bgra_rows[row * stride:(row + 1) * stride]
                      for row in reversed(range(size)))
    mask_stride = ((size + 31) // 32) * 4
    return info + pixels + bytes(mask_stride * size)


def icns_bytes(images: dict[int, tuple[bytes, bytes]]) -> bytes:
    """A macOS .icns: ``icns`` + length, then (type, length, PNG) chunks."""
    chunks = b"".join(kind + struct.pack(">I", 8 + len(images[size][0])) + images[size][0]
                      for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def make_icons(source: Path = SOURCE, target: Path = TARGET) -> list[Path]:
    sizes = {PNG_SIZE, *ICO_SIZES, *(size for _, size in ICNS_TYPES)}
    images = render(source, sizes)
    target.mkdir(parents=True, exist_ok=True)
    outputs = {
        target / "contractdesk.png": images[PNG_SIZE][0],
        target / "contractdesk.ico": ico_bytes(images),
        target / "contractdesk.icns": icns_bytes(images),
    }
    for path, data in outputs.items():
        path.write_bytes(data)
    return list(outputs)


def main() -> int:
    for path in make_icons():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
