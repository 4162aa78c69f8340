"""PyInstaller runtime hook: a locale the bundle left out formats like English.

The bundle ships Babel's data only for ``bundle_config.LANGUAGES`` (all of it is 32 MB).
From source every locale works, so without this hook a Japanese or Greek system would
make the frozen app's reports and money columns fail where the unfrozen app works. With
it, a locale Babel knows but the bundle does not carry loads English data instead; a
name Babel has never heard of still fails as it does from source.

The build writes the names of every locale Babel knows to ``babel/all-locales.txt``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

FALLBACK = "en"
LIST_NAME = "all-locales.txt"


def install(known: Collection[str], fallback: str = FALLBACK) -> None:
    """Makes ``babel.localedata`` serve ``fallback`` for a known locale whose data file
    is missing. Everything in Babel goes through ``localedata.exists``/``load``."""
    from babel import localedata

    exists = localedata.exists
    load = localedata.load

    def available(name: str) -> str:
        return fallback if name in known and not exists(name) else name

    def exists_or_fallback(name: str) -> bool:
        return exists(available(name))

    def load_or_fallback(name: os.PathLike[str] | str, merge_inherited: bool = True
                         ) -> dict[str, Any]:
        return load(available(os.fspath(name)), merge_inherited)

    # setattr: babel 2.19 types ``exists`` as an lru_cache wrapper, not a plain callable
    setattr(localedata, "exists", exists_or_fallback)  # noqa: B010
    setattr(localedata, "load", load_or_fallback)  # noqa: B010


def _install_in_bundle() -> None:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    names = Path(bundle, "babel", LIST_NAME)
    if names.is_file():
        install(set(names.read_text(encoding="utf-8").split()))


_install_in_bundle()
