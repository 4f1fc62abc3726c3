"""Qt's own strings (OK, Cancel, context menus, file and print dialogs) through our gettext catalogue.

Qt ships no Thai translation, so :class:`GettextQtTranslator` answers Qt's
``tr()`` calls from the same ``ita_desktop`` catalogue as the rest of the UI,
keyed by Qt's context (``msgctxt "QPlatformTheme"``). :func:`language_notifier`
is the one object that switches the language at run time: widgets connect its
``languageChanged`` signal to their ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from ita_desktop import i18n


def qt_string(context: str, text: str) -> tuple[str, str]:
    """Mark one of Qt's own strings for extraction (``pybabel extract -k qt_string:1c,2``)."""
    return context, text


# Qt's strings a clerk meets, found by logging every tr() call of the dialogs we use.
QT_STRINGS = (
    qt_string("QPlatformTheme", "OK"),
    qt_string("QPlatformTheme", "Cancel"),
    qt_string("QPlatformTheme", "Save"),
    qt_string("QPlatformTheme", "Save All"),
    qt_string("QPlatformTheme", "Open"),
    qt_string("QPlatformTheme", "&Yes"),
    qt_string("QPlatformTheme", "Yes to &All"),
    qt_string("QPlatformTheme", "&No"),
    qt_string("QPlatformTheme", "N&o to All"),
    qt_string("QPlatformTheme", "Abort"),
    qt_string("QPlatformTheme", "Retry"),
    qt_string("QPlatformTheme", "Ignore"),
    qt_string("QPlatformTheme", "Close"),
    qt_string("QPlatformTheme", "Discard"),
    qt_string("QPlatformTheme", "Don't Save"),
    qt_string("QPlatformTheme", "Help"),
    qt_string("QPlatformTheme", "Apply"),
    qt_string("QPlatformTheme", "Reset"),
    qt_string("QPlatformTheme", "Restore Defaults"),
    qt_string("QGnomeTheme", "&OK"),
    qt_string("QGnomeTheme", "&Save"),
    qt_string("QGnomeTheme", "&Cancel"),
    qt_string("QGnomeTheme", "&Close"),
    qt_string("QGnomeTheme", "Close without Saving"),
    qt_string("QMessageBox", "Show Details..."),
    qt_string("QMessageBox", "Hide Details..."),
    qt_string("QProgressDialog", "Cancel"),
    qt_string("QLineEdit", "&Undo"),
    qt_string("QLineEdit", "&Redo"),
    qt_string("QLineEdit", "Cu&t"),
    qt_string("QLineEdit", "&Copy"),
    qt_string("QLineEdit", "&Paste"),
    qt_string("QLineEdit", "Delete"),
    qt_string("QLineEdit", "Select All"),
    qt_string("QWidgetTextControl", "&Undo"),
    qt_string("QWidgetTextControl", "&Redo"),
    qt_string("QWidgetTextControl", "Cu&t"),
    qt_string("QWidgetTextControl", "&Copy"),
    qt_string("QWidgetTextControl", "&Paste"),
    qt_string("QWidgetTextControl", "Delete"),
    qt_string("QWidgetTextControl", "Select All"),
    qt_string("QWidgetTextControl", "Copy &Link Location"),
    qt_string("QFileDialog", "&Look in:"),
    qt_string("QFileDialog", "File &name:"),
    qt_string("QFileDialog", "Files of &type:"),
    qt_string("QFileDialog", "&Open"),
    qt_string("QFileDialog", "&Save"),
    qt_string("QFileDialog", "Open"),
    qt_string("QFileDialog", "Save As"),
    qt_string("QFileDialog", "All Files (*)"),
    qt_string("QFileDialog", "Back"),
    qt_string("QFileDialog", "Forward"),
    qt_string("QFileDialog", "Parent Directory"),
    qt_string("QFileDialog", "Go back"),
    qt_string("QFileDialog", "Go forward"),
    qt_string("QFileDialog", "Go to the parent directory"),
    qt_string("QFileDialog", "Create New Folder"),
    qt_string("QFileDialog", "Create a New Folder"),
    qt_string("QFileDialog", "&New Folder"),
    qt_string("QFileDialog", "New Folder"),
    qt_string("QFileDialog", "List View"),
    qt_string("QFileDialog", "Detail View"),
    qt_string("QFileDialog", "Change to list view mode"),
    qt_string("QFileDialog", "Change to detail view mode"),
    qt_string("QFileDialog", "&Delete"),
    qt_string("QFileDialog", "&Rename"),
    qt_string("QFileDialog", "Show &hidden files"),
    qt_string("QFileDialog", "Sidebar"),
    qt_string("QFileDialog", "List of places and bookmarks"),
    qt_string("QFileDialog", "Files"),
    qt_string("QFileDialog", "Directory:"),
    qt_string("QFileDialog", "Find Directory"),
    qt_string("QFileDialog", "Recent Places"),
    qt_string("QFileDialog", "Are you sure you want to delete '%1'?"),
    qt_string("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    qt_string("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."),
    qt_string("QFileSystemModel", "Name"),
    qt_string("QFileSystemModel", "Size"),
    qt_string("QFileSystemModel", "Type"),
    qt_string("QFileSystemModel", "Date Modified"),
    qt_string("QFileSystemModel", "Computer"),
    qt_string("QAbstractFileIconProvider", "Folder"),
    qt_string("QAbstractFileIconProvider", "Drive"),
    qt_string("QAbstractFileIconProvider", "File"),
    qt_string("QPrintDialog", "Print"),
    qt_string("QPrintDialog", "&Print"),
    qt_string("QPrintDialog", "&Options >>"),
    qt_string("QPrintDialog", "&Options <<"),
    qt_string("QPrintDialog", "Print to File (PDF)"),
    qt_string("QPrintDialog", "Local file"),
    qt_string("QPrintDialog", "Write PDF file"),
    qt_string("QPrintDialog", "All Pages"),
    qt_string("QPrintDialog", "Odd Pages"),
    qt_string("QPrintDialog", "Even Pages"),
    qt_string("QPrintWidget", "Printer"),
    qt_string("QPrintWidget", "&Name:"),
    qt_string("QPrintWidget", "P&roperties"),
    qt_string("QPrintWidget", "Location:"),
    qt_string("QPrintWidget", "Type:"),
    qt_string("QPrintWidget", "Output &file:"),
    qt_string("QPrintWidget", "Preview"),
    qt_string("QPrintSettingsOutput", "Copies"),
    qt_string("QPrintSettingsOutput", "Copies:"),
    qt_string("QPrintSettingsOutput", "Collate"),
    qt_string("QPrintSettingsOutput", "Reverse"),
    qt_string("QPrintSettingsOutput", "Options"),
    qt_string("QPrintSettingsOutput", "Print range"),
    qt_string("QPrintSettingsOutput", "Print all"),
    qt_string("QPrintSettingsOutput", "Pages from"),
    qt_string("QPrintSettingsOutput", "to"),
    qt_string("QPrintSettingsOutput", "Pages"),
    qt_string("QPrintSettingsOutput", "Current Page"),
    qt_string("QPrintSettingsOutput", "Selection"),
    qt_string("QPrintSettingsOutput", "Color Mode"),
    qt_string("QPrintSettingsOutput", "Color"),
    qt_string("QPrintSettingsOutput", "Grayscale"),
    qt_string("QPrintSettingsOutput", "Double Sided Printing"),
    qt_string("QPrintSettingsOutput", "Off"),
    qt_string("QPrintSettingsOutput", "Long side binding"),
    qt_string("QPrintSettingsOutput", "Short side binding"),
    qt_string("QPrintSettingsOutput", "Page &Set:"),
    qt_string("QPrintSettingsOutput", "Output Settings"),
    qt_string("QPageSetupWidget", "Paper"),
    qt_string("QPageSetupWidget", "Page size:"),
    qt_string("QPageSetupWidget", "Width:"),
    qt_string("QPageSetupWidget", "Height:"),
    qt_string("QPageSetupWidget", "Paper source:"),
    qt_string("QPageSetupWidget", "Orientation"),
    qt_string("QPageSetupWidget", "Portrait"),
    qt_string("QPageSetupWidget", "Landscape"),
    qt_string("QPageSetupWidget", "Reverse landscape"),
    qt_string("QPageSetupWidget", "Reverse portrait"),
    qt_string("QPageSetupWidget", "Margins"),
    qt_string("QPageSetupWidget", "top margin"),
    qt_string("QPageSetupWidget", "left margin"),
    qt_string("QPageSetupWidget", "right margin"),
    qt_string("QPageSetupWidget", "bottom margin"),
    qt_string("QPageSetupWidget", "Page Layout"),
    qt_string("QPageSetupWidget", "Page &order:"),
    qt_string("QPageSetupWidget", "Pages &per sheet:"),
    qt_string("QPageSetupWidget", "Custom"),
    qt_string("QPageSetupWidget", "Millimeters (mm)"),
    qt_string("QPageSetupWidget", "Inches (in)"),
    qt_string("QPageSetupWidget", "Points (pt)"),
    qt_string("QPrintPreviewDialog", "Page Setup"),
    qt_string("QPageSize", "A4"),
    qt_string("QPageSize", "Letter / ANSI A"),
    qt_string("QPageSize", "Legal"),
)


class GettextQtTranslator(QTranslator):
    """Answers Qt's tr() calls from the gettext catalogue of the current UI language."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if not context or not source_text:
            return None
        translated = i18n.pgettext(context, source_text)
        # None becomes a null QString, Qt's "not mine": it then asks the next translator or keeps
        # its English source. An empty string would blank the text instead.
        return translated if translated != source_text else None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        # Qt skips translators that report being empty.
        return False

    def language(self) -> str:
        return i18n.current_language()


class LanguageNotifier(QObject):
    """Switches the UI language at run time and tells every widget to retranslate."""

    languageChanged = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self) -> None:
        super().__init__()
        self._translator: GettextQtTranslator | None = None

    def install(self, app: QCoreApplication | None = None) -> GettextQtTranslator:
        """Install (or re-install) the translator; Qt then re-sends LanguageChange to all widgets."""
        app = app or QCoreApplication.instance()
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
        else:
            self._translator = GettextQtTranslator(app)
        QCoreApplication.installTranslator(self._translator)
        # Dates and numbers in Qt's dialogs follow the UI language.
        QLocale.setDefault(QLocale("th_TH" if i18n.current_language() == "th" else "en_US"))
        return self._translator

    def switch_language(self, language: str) -> str:
        """Change to ``language`` ("th"/"en"), retranslate Qt's strings and emit ``languageChanged``."""
        in_use = i18n.set_language(language)
        self.install()
        # Qt posts LanguageChange to each widget; deliver them now so Qt's own texts are switched
        # by the time our widgets retranslate.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.languageChanged.emit(in_use)
        return in_use

    def current_language(self) -> str:
        return i18n.current_language()


_notifier: LanguageNotifier | None = None


def language_notifier() -> LanguageNotifier:
    """The application's one LanguageNotifier (created on first use, after the QApplication)."""
    global _notifier
    if _notifier is None:
        _notifier = LanguageNotifier()
    return _notifier


def install(app: QCoreApplication | None = None) -> GettextQtTranslator:
    """Route Qt's own strings through our catalogue; call once after creating the QApplication."""
    return language_notifier().install(app)
