"""Running one call in a child process with a ceiling on its memory.

python-calamine aborts the whole process (a Rust allocation failure is SIGABRT, not an
exception) when a sheet needs more memory than there is; the guard refuses the files
known to do that, and this ceiling turns whatever it misses into an ordinary failure
of the child, which the parent reports. The child is spawned, never forked (the
window's worker threads and Qt must not be copied), and sends its result back pickled.

The ceiling is an address-space limit (``RLIMIT_AS``), which Linux enforces. Where
there is no such limit (Windows without extra dependencies for a job object, macOS
where the kernel ignores it) the child still runs unlimited: an abort then costs the
child, not the app, and the guard is the only bound on memory.

This module imports nothing heavy, as the child imports it before the call.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
A = TypeVar("A")

MEMORY_LIMIT_MB = 2048


class OutOfMemory(Exception):
    """The child ran out of memory, or was killed (as a Rust allocation failure kills
    it) before it could answer."""

    def __init__(self, limit_mb: int) -> None:
        super().__init__(limit_mb)
        self.limit_mb = limit_mb


def run_limited(function: Callable[[A], T], argument: A,
                limit_mb: int = MEMORY_LIMIT_MB) -> T:
    """``function(argument)`` in a child limited to ``limit_mb`` of address space;
    ``function`` must be importable by name and its result picklable.

    Raises:
        OutOfMemory: the child hit the ceiling, was killed or died without answering.
        RuntimeError: ``function`` raised (a bug), with the child's traceback, or the
            child exited without answering.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, limit_mb, function, argument),
                              daemon=True, name="contractdesk-reader")
    process.start()
    sender.close()
    try:
        outcome, value = receiver.recv()
    except EOFError:
        outcome, value = "died", None
    finally:
        receiver.close()
        process.join()
    if outcome == "ok":
        return value
    if outcome == "bug":
        raise RuntimeError(f"The reader process failed:\n{value}")
    if outcome == "died" and process.exitcode is not None and process.exitcode >= 0:
        raise RuntimeError(f"The reader process exited with code {process.exitcode}.")
    raise OutOfMemory(limit_mb)


def _limit_memory(limit_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = limit_mb * 2**20
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):  # macOS refuses or ignores it
        return


def _child(sender: Connection, limit_mb: int, function: Callable[[A], T],
           argument: A) -> None:
    """Runs in the child; its stderr is silenced, as Rust prints a backtrace to it when
    an allocation fails, and the parent already says what happened."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    _limit_memory(limit_mb)
    try:
        sender.send(("ok", function(argument)))
    except MemoryError:
        sender.send(("memory", None))
    except Exception:  # a bug in the child: the parent shows its traceback
        sender.send(("bug", traceback.format_exc()))
    finally:
        sender.close()
