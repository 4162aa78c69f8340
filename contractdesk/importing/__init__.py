"""Spreadsheet import: readers → table finding → column mapping → value parsing →
reconciliation plan → one transaction. :mod:`contractdesk.importing.service` is the entry
point the command line and the window's import wizard both call."""
