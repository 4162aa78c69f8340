"""The PySide6 window. Everything Qt lives below this package and nowhere else."""
