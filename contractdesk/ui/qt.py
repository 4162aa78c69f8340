"""Every Qt name the app uses comes in through here (one place to change bindings)."""

from PySide6.QtWidgets import QApplication, QLabel

__all__ = ["QApplication", "QLabel"]
