"""The packaging scripts are plain files in ``packaging/`` (it must not become a Python
package: that name would shadow the PyPI ``packaging`` that pip and PyInstaller import),
so their folder goes on sys.path for these tests."""

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.append(str(PACKAGING))
