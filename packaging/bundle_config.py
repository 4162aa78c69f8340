"""What goes into the bundle beyond what PyInstaller finds by itself, and what is left out.

Imported by ``ContractDesk.spec`` (and by tests); kept as plain Python so the rules can be
tested without running a build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

TocEntry = tuple[str, str, str]
ImportsOf = Callable[[str], Iterable[str]]

APP_NAME = "ContractDesk"
BUNDLE_ID = "io.contractdesk.ContractDesk"

# Dependencies' optional imports that would otherwise come along: test tools, GUI
# toolkits and array libraries that happen to be installed where the bundle is built.
EXCLUDED_IMPORTS = (
    "tkinter", "_tkinter", "numpy", "pandas", "matplotlib", "IPython",
    "pytest", "_pytest", "hypothesis", "mypy", "pytestqt", "coverage", "pypdf",
    "lxml", "psycopg2", "readline",
    # Pillow comes for reportlab, which reads PNG, JPEG and GIF through PIL's core; the
    # AVIF, WebP, font, colour-management and Tk extensions carry 8 MB of libraries, and
    # PIL skips a format whose extension is missing.
    "PIL._avif", "PIL._webp", "PIL._imagingft", "PIL._imagingcms", "PIL._imagingtk",
    "PIL.ImageTk",
)

# Left out unless the bundle is built for PostgreSQL (build.py --postgres): the app on
# its own never opens a network connection, so OpenSSL (6 MB) is dead weight; every
# standard module that imports ssl does so optionally, and hashlib and hmac fall back to
# their built-in algorithms without _hashlib.
POSTGRES_ONLY = ("psycopg", "psycopg_binary", "ssl", "_ssl", "_hashlib")
POSTGRES_HIDDEN_IMPORTS = ("psycopg", "sqlalchemy.dialects.postgresql.psycopg")
POSTGRES_ENV = "CONTRACTDESK_BUNDLE_POSTGRES"

# Imported by name at run time, which PyInstaller cannot see.
EXTRA_HIDDEN_IMPORTS = (
    "sqlalchemy.dialects.sqlite",
)


def excluded_imports(postgres: bool) -> list[str]:
    return [*EXCLUDED_IMPORTS, *(() if postgres else POSTGRES_ONLY)]


def hidden_imports(postgres: bool) -> list[str]:
    return [*EXTRA_HIDDEN_IMPORTS, *(POSTGRES_HIDDEN_IMPORTS if postgres else ())]


# Third-party data files read from disk, as (package, glob) for collect_data_files:
# reportlab finds its bundled Vera TrueType fonts next to its own code.
EXTRA_PACKAGE_DATA = (
    ("reportlab", ["fonts/Vera*.ttf", "fonts/bitstream-vera-license.txt"]),
)

# Files under the package that are read from disk at run time although they are Python:
# Alembic loads env.py and the revisions by path.
PY_DATA_DIRS = ("db/migrations",)

# Languages whose Qt translations and Babel locale data ship: the UK/EU markets the app
# is for. Babel's data for all ~1000 locales is 32 MB, most of the size budget; in the
# bundle, rthook_babel_locales.py serves English data for a locale outside this list.
LANGUAGES = ("en", "de", "fr", "it", "es", "nl", "pt", "pl", "cs", "da", "sv", "nb", "fi")
_LANGUAGE = "(" + "|".join(LANGUAGES) + ")"

# Bundle paths (forward slashes) that PyInstaller's hooks collect but the app never uses:
# other platforms' back ends, QML/Quick-based plugins, network and SQL plugins, GTK's
# theme (pulls GTK, cairo and pango), translations and locales beyond LANGUAGES.
PRUNED = tuple(re.compile(pattern) for pattern in (
    r"PySide6/(Qt/)?plugins/platforms/.*(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)",
    r"PySide6/(Qt/)?plugins/(egldeviceintegrations|generic|networkinformation|tls"
    r"|qmltooling|sqldrivers|designer|wayland-graphics-integration-server)/",
    r"PySide6/(Qt/)?plugins/platforminputcontexts/.*virtualkeyboard",
    r"PySide6/(Qt/)?plugins/imageformats/.*qpdf",
    r"PySide6/(Qt/)?plugins/platformthemes/.*gtk3",
    # Linux's printer back end pulls CUPS, GnuTLS and Kerberos (9 MB); the Linux bundle is
    # only CI's stand-in (Linux runs from source), and Print to PDF still works without it.
    r"PySide6/(Qt/)?plugins/printsupport/.*cups",
    rf"PySide6/(Qt/)?translations/(?!(qt|qtbase)_{_LANGUAGE}[_.])",
    rf"babel/locale-data/(?!root\.|{_LANGUAGE}[_.])",
))


def package_data(package: Path) -> list[tuple[str, str]]:
    """(source, bundle folder) for every file under the package that is not code,
    plus the Python files Alembic reads from disk; caches never."""
    entries = []
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if not path.is_file() or "__pycache__" in relative.parts:
            continue
        as_data = path.suffix not in {".py", ".pyc", ".pyi"} or any(
            relative.as_posix().startswith(f"{folder}/") for folder in PY_DATA_DIRS)
        if as_data:
            entries.append((str(path), str(Path(package.name) / relative.parent)))
    return entries


def is_pruned(entry: TocEntry) -> bool:
    destination = entry[0].replace("\\", "/")
    return any(pattern.match(destination) for pattern in PRUNED)


def prune_datas(datas: Iterable[TocEntry], binaries: Iterable[TocEntry]) -> list[TocEntry]:
    """The data files without the ones ``PRUNED`` names, and (macOS) without the
    resources of a Qt framework whose library ``prune_binaries`` took out: a framework
    folder without its library would make code signing fail."""
    frameworks = {match.group(0) for entry in binaries
                  if (match := _FRAMEWORK.search(entry[0].replace("\\", "/")))}
    return [entry for entry in datas if not is_pruned(entry) and not (
        (match := _FRAMEWORK.search(entry[0].replace("\\", "/")))
        and match.group(0) not in frameworks)]


_FRAMEWORK = re.compile(r"[^/]+\.framework/")


def prune_binaries(binaries: Iterable[TocEntry], imports: ImportsOf) -> list[TocEntry]:
    """The binaries without the ones ``PRUNED`` names, and without the libraries that
    only those needed: PyInstaller resolves dependencies before the spec sees the list.

    Args:
        binaries: PyInstaller's TOC entries (destination, source, typecode).
        imports: the library names one binary links to (PyInstaller's ``get_imports``).
    """
    entries = list(binaries)
    dropped = [entry for entry in entries if is_pruned(entry)]
    kept = [entry for entry in entries if not is_pruned(entry)]
    by_name = {_base_name(entry[0]): entry for entry in kept}

    def closure(roots: Iterable[TocEntry]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            for name in imports(todo.pop()[1]):
                base = _base_name(name)
                if base in by_name and base not in seen:
                    seen.add(base)
                    todo.append(by_name[base])
        return seen

    # Libraries reachable from a dropped file are candidates; one stays if anything else
    # that stays (a Python extension, a kept plugin, a library a hook chose) needs it.
    candidates = closure(dropped)
    roots = [entry for entry in kept if _base_name(entry[0]) not in candidates]
    orphans = candidates - closure(roots) - {_base_name(entry[0]) for entry in roots}
    return [entry for entry in kept if _base_name(entry[0]) not in orphans]


def _base_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1].lower()


def babel_locale_list(workdir: Path) -> tuple[str, str]:
    """Writes the names of every locale Babel knows, for rthook_babel_locales.py to tell
    a locale the bundle left out from one that does not exist; returns its data entry."""
    from babel.localedata import locale_identifiers

    workdir.mkdir(parents=True, exist_ok=True)
    target = workdir / "all-locales.txt"
    target.write_text("\n".join(sorted(locale_identifiers())) + "\n", encoding="utf-8")
    return str(target), "babel"


def info_plist(version: str) -> dict[str, object]:
    """macOS Info.plist keys beyond the ones PyInstaller writes (name, id, icon)."""
    return {
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow dark mode
        "NSPrincipalClass": "NSApplication",
        "LSMinimumSystemVersion": "12.0",  # Qt 6.8+ needs macOS 12
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHumanReadableCopyright": "ContractDesk",
    }


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``1.2.3rc1`` → (1, 2, 3, 0): Windows wants four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:3]]
    padded = [*numbers, 0, 0, 0, 0]
    return (padded[0], padded[1], padded[2], padded[3])


def windows_version_file(version: str, workdir: Path) -> str:
    """Writes the version resource PyInstaller embeds in the .exe (shown in Explorer's
    file properties and by the installer when it compares versions); returns its path."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": APP_NAME, "FileDescription": APP_NAME, "FileVersion": version,
        "InternalName": APP_NAME, "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": APP_NAME, "ProductVersion": version, "LegalCopyright": APP_NAME,
    }
    structs = ", ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = (
        f"VSVersionInfo(ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, "
        "mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)), "
        f"kids=[StringFileInfo([StringTable('040904B0', [{structs}])]), "
        "VarFileInfo([VarStruct('Translation', [1033, 1200])])])"
    )
    workdir.mkdir(parents=True, exist_ok=True)
    target = workdir / "version_info.txt"
    target.write_text(text, encoding="utf-8")
    return str(target)
