"""The command line: the same binary as the window, the same services.

Every failure ends in one line on stderr and a non-zero exit: user and environment
errors say what to do; anything else is a bug, logged with its traceback, and the line
says where the log is.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from contractdesk.cli.common import close_opened
from contractdesk.cli.parser import build_parser
from contractdesk.errors import UserError, translate_errors
from contractdesk.logging_setup import setup_logging
from contractdesk.printable import printable

log = logging.getLogger("contractdesk.cli")

EXIT_USER_ERROR = 2
EXIT_BUG = 70
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        args = parser.parse_args(["gui", *(argv if argv is not None else sys.argv[1:])])
    log_path = setup_logging()
    try:
        with translate_errors():
            result: int = args.handler(args)
            return result
    except UserError as error:
        print(f"contractdesk: {printable(str(error))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("contractdesk: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        log.exception("unexpected error in %s", args.command)
        where = f"; details are in {log_path}" if log_path else ""
        print(printable(f"contractdesk: unexpected error ({type(error).__name__}: {error})"
                        f"{where}"), file=sys.stderr)
        return EXIT_BUG
    finally:
        close_opened()
