"""Entry point of the bundled executables: the same ``main`` as ``python -m contractdesk``.

No arguments opens the window; sub-commands run the command line. PyInstaller freezes
this file, not ``contractdesk/__main__.py``, so that importing the package never has the
side effect of running it.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen app that ever starts worker processes must let them through here first,
    # or each worker would start another copy of the app; and before importing the
    # app, so that the workbook reader child (importing/limited.py) starts light.
    multiprocessing.freeze_support()
    from contractdesk.cli import main

    sys.exit(main())
