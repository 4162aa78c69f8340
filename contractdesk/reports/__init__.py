"""Printable PDF reports: vendor summary, renewals report, support card.

Each report is two steps kept apart: a query in :mod:`contractdesk.reports.data` that
returns plain dataclasses (the window reuses them for its own views), and a renderer that
turns them into reportlab flowables and writes the PDF. Renderers take a binary file, so
the command line writes through :func:`contractdesk.exporting.safe_write.atomic_writer`
and the window can render into memory for print preview.
"""
