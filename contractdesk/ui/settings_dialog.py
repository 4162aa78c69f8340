"""The Settings dialog: every option of the registry, with its default as a hint."""

from __future__ import annotations

from contractdesk.domain.money import is_currency
from contractdesk.domain.reminders import format_lead_times, parse_lead_times
from contractdesk.errors import UserError, ValidationError
from contractdesk.services import preferences
from contractdesk.services.access import DataAccess
from contractdesk.services.login_item import set_login_item
from contractdesk.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from contractdesk.ui.settings import (
    BACKUP_FOLDER,
    BACKUPS_TO_KEEP,
    DATABASE,
    DEFAULT_CURRENCY,
    LANGUAGE,
    LOCALE,
    REMIND_AT_SIGN_IN,
    REMINDER_DAYS,
    REMINDER_STAGES,
    TEAM_SERVER_URL,
    THEME,
    THEMES,
    Settings,
)

LOCALES = ("", "en_GB", "en_US", "de_DE", "de_AT", "de_CH", "fr_FR")


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 access: DataAccess | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.access = access
        self.setWindowTitle(self.tr("Settings"))
        self.reminder = QSpinBox()
        self.reminder.setRange(1, 3650)
        self.reminder.setSuffix(self.tr(" days"))
        self.reminder.setValue(settings.get(REMINDER_DAYS))
        self.stages = QLineEdit(settings.get(REMINDER_STAGES))
        self.stages.setToolTip(self.tr("Days before a notice deadline (or an end date) "
                                       "when a reminder comes due"))
        self.at_sign_in = QCheckBox(self.tr("Remind me when I sign in, even if ContractDesk "
                                            "is closed"))
        self.at_sign_in.setChecked(settings.get(REMIND_AT_SIGN_IN))
        self.currency = QLineEdit(settings.get(DEFAULT_CURRENCY))
        self.currency.setMaxLength(3)
        self.language = self._language_box(settings.get(LANGUAGE))
        self.locale_box = QComboBox()
        for name in LOCALES:
            self.locale_box.addItem(name or self.tr("System default"), name)
        self.locale_box.setCurrentIndex(max(self.locale_box.findData(settings.get(LOCALE)), 0))
        self.theme = QComboBox()
        theme_words = {"system": self.tr("Follow the system"), "light": self.tr("Light"),
                       "dark": self.tr("Dark")}
        for name in THEMES:
            self.theme.addItem(theme_words[name], name)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.get(THEME)), 0))
        self.database = QLineEdit(settings.get(DATABASE))
        self.database.setPlaceholderText(self.tr("default file in the data folder"))
        self.server = QLineEdit(settings.get(TEAM_SERVER_URL))
        self.server.setPlaceholderText("postgresql+psycopg://user@host/contractdesk")
        self.backup_folder = QLineEdit(settings.get(BACKUP_FOLDER))
        self.backup_folder.setPlaceholderText(self.tr("the data folder's backups/"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(settings.get(BACKUPS_TO_KEEP))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #d64545;")

        form = self._general_form()
        note = QLabel(self.tr("Database, server, language and appearance changes apply at "
                              "the next start."))
        note.setWordWrap(True)
        self.shared: dict[str, QLineEdit | QPlainTextEdit | QComboBox | QSpinBox] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        if access is not None:
            layout.addWidget(self._shared_preferences())
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _language_box(self, chosen: str) -> QComboBox:
        """The languages in their own names, so that anyone finds theirs."""
        box = QComboBox()
        for text, code in ((self.tr("Follow the system"), ""), ("English", "en"),
                           ("Deutsch", "de")):
            box.addItem(text, code)
        box.setCurrentIndex(max(box.findData(chosen), 0))
        box.setToolTip(self.tr("The window's language, from the next start on"))
        return box

    def _general_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Reminder window"), self.reminder)
        form.addRow(self.tr("Reminder stages (days)"), self.stages)
        form.addRow("", self.at_sign_in)
        form.addRow(self.tr("Default currency"), self.currency)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Numbers and dates"), self.locale_box)
        form.addRow(self.tr("Appearance"), self.theme)
        form.addRow(self.tr("Database file"), self._with_browse(self.database, folder=False))
        form.addRow(self.tr("Team server URL"), self.server)
        form.addRow(self.tr("Backup folder"), self._with_browse(self.backup_folder,
                                                                folder=True))
        form.addRow(self.tr("Backups to keep"), self.keep)
        return form

    def _shared_preferences(self) -> QGroupBox:
        """The team's preferences, kept in the database (letters, holidays, lead time)."""
        assert self.access is not None
        values = self.access.read(preferences.all_preferences)
        box = QGroupBox(self.tr("Shared with the team (kept in the database)"))
        form = QFormLayout(box)
        labels: list[tuple[preferences.Key[int] | preferences.Key[str], str]] = [
            (preferences.OWN_NAME, self.tr("Our organization")),
            (preferences.OWN_ADDRESS, self.tr("Our address")),
            (preferences.OWN_SIGNATORY, self.tr("Letters signed by")),
            (preferences.LETTER_LANGUAGE, self.tr("Letter language")),
            (preferences.HOLIDAY_COUNTRY, self.tr("Public holidays of (country)")),
            (preferences.HOLIDAY_REGION, self.tr("and region")),
            (preferences.LEAD_TIME_DAYS, self.tr("Internal lead time")),
            (preferences.MAX_ATTACHMENT_MB, self.tr("Largest attachment")),
        ]
        units = {"days": self.tr(" days"), "MB": self.tr(" MB")}
        for key, label in labels:
            value = values[key.name]
            widget: QLineEdit | QPlainTextEdit | QComboBox | QSpinBox
            if key is preferences.OWN_ADDRESS:
                widget = QPlainTextEdit(str(value).replace("\\n", "\n"))
                widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 3 + 12)
                widget.setTabChangesFocus(True)
            elif key is preferences.LETTER_LANGUAGE:
                widget = QComboBox()
                widget.addItem("English", "en")
                widget.addItem("Deutsch", "de")
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(key.default, int):
                widget = QSpinBox()
                widget.setRange(key.minimum, key.maximum)
                widget.setSuffix(units[key.unit])
                widget.setValue(int(value))
            else:
                widget = QLineEdit(str(value))
            widget.setToolTip(key.label)
            self.shared[key.name] = widget
            form.addRow(label, widget)
        return box

    def _shared_values(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, widget in self.shared.items():
            if isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                values[name] = str(widget.currentData())
            elif isinstance(widget, QSpinBox):
                values[name] = str(widget.value())
            else:
                values[name] = widget.text()
        return values

    def _with_browse(self, edit: QLineEdit, folder: bool) -> QWidget:
        button = QPushButton(self.tr("Browse…"))

        def browse() -> None:
            chosen = (QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
                      if folder else QFileDialog.getSaveFileName(
                          self, self.tr("Database file"), edit.text(),
                          self.tr("ContractDesk database (*.sqlite3)"),
                          options=QFileDialog.Option.DontConfirmOverwrite)[0])
            if chosen:
                edit.setText(chosen)

        button.clicked.connect(browse)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(button)
        return box

    def accept(self) -> None:
        currency = self.currency.text().strip().upper()
        if not is_currency(currency):
            self.problem.setText(self.tr("{code} is not an ISO 4217 currency code.")
                                 .format(code=currency or "—"))
            return
        try:
            stages = format_lead_times(parse_lead_times(self.stages.text()))
        except ValueError as error:
            self.problem.setText(self.tr("Reminder stages: {reason}.").format(reason=error))
            return
        if self.access is not None:
            try:
                self.access.write(preferences.set_preferences, self._shared_values())
            except ValidationError as error:
                self.problem.setText("; ".join(error.problems.values()))
                return
        at_sign_in = self.at_sign_in.isChecked()
        if at_sign_in != self.settings.get(REMIND_AT_SIGN_IN):
            try:
                set_login_item(at_sign_in)
            except UserError as error:
                self.problem.setText(str(error))
                return
        self.settings.set(REMIND_AT_SIGN_IN, at_sign_in)
        self.settings.set(REMINDER_DAYS, self.reminder.value())
        self.settings.set(REMINDER_STAGES, stages)
        self.settings.set(DEFAULT_CURRENCY, currency)
        self.settings.set(LANGUAGE, str(self.language.currentData()))
        self.settings.set(LOCALE, str(self.locale_box.currentData()))
        self.settings.set(THEME, str(self.theme.currentData()))
        self.settings.set(DATABASE, self.database.text().strip())
        self.settings.set(TEAM_SERVER_URL, self.server.text().strip())
        self.settings.set(BACKUP_FOLDER, self.backup_folder.text().strip())
        self.settings.set(BACKUPS_TO_KEEP, self.keep.value())
        self.settings.sync()
        super().accept()
