"""Which PySide6 modules the bundle may carry, in one place the spec and a test share.

PyInstaller's PySide6 hooks already collect only the Qt modules the code imports (and the
plugins those need); the excludes below make sure that an optional import somewhere in a
dependency cannot drag in QtWebEngine, QML/Quick or Designer, which would add 100+ MB.
``tests/packaging/test_qt_modules.py`` fails if the app's own code starts importing a
module listed here, so a new window feature cannot break the frozen build unnoticed.
"""

# The modules contractdesk/ui may import. QtSvg draws the SVG icons; QtPrintSupport is
# there for a print dialog. Anything else needs adding here (and leaving EXCLUDED).
ALLOWED = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets", "QtPrintSupport")

EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc",
    "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml",
    "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)


def excluded_imports() -> list[str]:
    """``PySide6.X`` names for the spec's ``excludes``."""
    return [f"PySide6.{name}" for name in EXCLUDED]
