"""Parts of the window built the first time they are needed, not at start.

The window opens with only what its first screen shows; a page nobody opens (the vendor
view, search results, the risk register) costs nothing at start. Modules that extend
such a part (a tab, a button) register with ``when_built``: they run once it exists,
whether it was built before or after they registered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

W = TypeVar("W")


class Lazy(Generic[W]):
    def __init__(self, build: Callable[[], W]) -> None:
        self._build = build
        self._part: W | None = None
        self._extensions: list[Callable[[W], None]] = []

    @property
    def built(self) -> W | None:
        """The part if it has been built; None, and nothing built, otherwise."""
        return self._part

    def get(self) -> W:
        """The part, built (and extended) now if this is its first use."""
        if self._part is None:
            part = self._part = self._build()  # set first: an extension may ask for it
            for extend in self._extensions:
                extend(part)
        return self._part

    def when_built(self, extend: Callable[[W], None]) -> None:
        """Runs ``extend(part)`` when the part is built, or now if it already is."""
        self._extensions.append(extend)
        if self._part is not None:
            extend(self._part)
