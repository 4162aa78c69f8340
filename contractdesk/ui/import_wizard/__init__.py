"""The import wizard: file, sheet, columns, preview, import with Cancel, summary."""
