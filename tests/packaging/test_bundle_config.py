"""What the spec puts into the bundle and what it prunes, checked without building."""

from pathlib import Path

import bundle_config

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "contractdesk"


def bundled(relative: str) -> tuple[str, str]:
    path = PACKAGE / relative
    return str(path), str(Path("contractdesk") / Path(relative).parent)


def test_migrations_ship_as_files_alembic_can_read() -> None:
    data = bundle_config.package_data(PACKAGE)
    assert bundled("db/migrations/env.py") in data
    assert bundled("db/migrations/script.py.mako") in data
    assert bundled("db/migrations/versions/0001_initial_schema.py") in data


def test_resources_ship_and_other_code_stays_in_the_archive() -> None:
    data = bundle_config.package_data(PACKAGE)
    assert bundled("resources/icons/contractdesk.png") in data
    assert bundled("resources/icons/contractdesk.ico") in data
    sources = [source for source, _ in data]
    assert str(PACKAGE / "cli" / "__init__.py") not in sources
    assert not any("__pycache__" in source for source in sources)


def test_package_data_takes_every_non_python_file(tmp_path: Path) -> None:
    package = tmp_path / "contractdesk"
    (package / "resources" / "fonts").mkdir(parents=True)
    (package / "resources" / "fonts" / "Body.ttf").write_bytes(b"font")
    (package / "db" / "migrations" / "versions").mkdir(parents=True)
    (package / "db" / "migrations" / "versions" / "0002_more.py").write_text("")
    (package / "module.py").write_text("")
    destinations = {Path(source).name: folder
                    for source, folder in bundle_config.package_data(package)}
    assert destinations == {
        "Body.ttf": str(Path("contractdesk/resources/fonts")),
        "0002_more.py": str(Path("contractdesk/db/migrations/versions")),
    }


def data(destination: str) -> tuple[str, str, str]:
    return (destination, "/src/" + destination, "DATA")


def test_translations_and_locales_outside_the_languages_are_pruned() -> None:
    kept = {entry[0] for entry in bundle_config.prune_datas([
        data("PySide6/Qt/translations/qtbase_de.qm"),
        data("PySide6/Qt/translations/qt_pt_BR.qm"),
        data("PySide6/Qt/translations/qtbase_ja.qm"),
        data("PySide6/Qt/translations/qt_help_de.qm"),
        data("PySide6/Qt/translations/qtwebengine_de.qm"),
        data("PySide6\\translations\\qtbase_ko.qm"),  # Windows wheel layout
        data("babel/locale-data/root.dat"),
        data("babel/locale-data/en_GB.dat"),
        data("babel/locale-data/de.dat"),
        data("babel/locale-data/ja.dat"),
        data("babel/locale-data/ee.dat"),  # a language whose code starts like "en"
        data("babel/global.dat"),
        data("contractdesk/resources/icons/contractdesk.png"),
    ], [])}
    assert kept == {
        "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qt_pt_BR.qm",
        "babel/locale-data/root.dat", "babel/locale-data/en_GB.dat",
        "babel/locale-data/de.dat", "babel/global.dat",
        "contractdesk/resources/icons/contractdesk.png",
    }


def binary(destination: str, typecode: str = "BINARY") -> tuple[str, str, str]:
    return (destination, "/src/" + destination.rsplit("/", 1)[-1], typecode)


def test_libraries_only_a_pruned_plugin_needed_go_with_it() -> None:
    imports = {
        "/src/libqvnc.so": ["libQt6Network.so.6", "libQt6Gui.so.6"],
        "/src/libQt6Network.so.6": ["libgssapi_krb5.so.2", "libQt6Core.so.6"],
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/_ssl.so": ["libgssapi_krb5.so.2"],  # something else still needs this one
    }
    toc = [
        binary("PySide6/Qt/plugins/platforms/libqvnc.so"),
        binary("PySide6/Qt/plugins/platforms/libqxcb.so"),
        binary("PySide6/Qt/lib/libQt6Network.so.6"),
        binary("libgssapi_krb5.so.2"),
        binary("PySide6/Qt/lib/libQt6XcbQpa.so.6"),
        binary("PySide6/Qt/lib/libQt6Gui.so.6"),
        binary("PySide6/Qt/lib/libQt6Core.so.6"),
        binary("PySide6/QtGui.abi3.so", "EXTENSION"),
        binary("lib-dynload/_ssl.so", "EXTENSION"),
        binary("libchosen_by_a_hook.so"),
    ]
    kept = {entry[0] for entry in bundle_config.prune_binaries(
        toc, lambda path: imports.get(path, []))}
    assert kept == {
        "PySide6/Qt/plugins/platforms/libqxcb.so", "libgssapi_krb5.so.2",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/QtGui.abi3.so",
        "lib-dynload/_ssl.so", "libchosen_by_a_hook.so",
    }


def test_version_tuple_has_four_numbers() -> None:
    assert bundle_config.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle_config.version_tuple("2.10.3rc1") == (2, 10, 3, 0)
    assert bundle_config.version_tuple("1.4+local.7") == (1, 4, 0, 0)


class Recorder:
    """Stands in for PyInstaller's versioninfo classes: records what it was built with."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.args = args
        self.kwargs = kwargs


def test_windows_version_resource_is_what_pyinstaller_evaluates(tmp_path: Path) -> None:
    path = bundle_config.windows_version_file("1.2.3", tmp_path)
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct")
    info = eval(Path(path).read_text(encoding="utf-8"), {name: Recorder for name in names})
    assert info.kwargs["ffi"].kwargs["filevers"] == (1, 2, 3, 0)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "ContractDesk.exe"


def test_info_plist_asks_for_high_dpi_and_carries_the_version() -> None:
    plist = bundle_config.info_plist("1.2.3")
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleShortVersionString"] == "1.2.3"
    assert bundle_config.BUNDLE_ID.count(".") >= 2


def test_openssl_and_the_postgres_driver_come_only_with_postgres() -> None:
    default = bundle_config.excluded_imports(postgres=False)
    team = bundle_config.excluded_imports(postgres=True)
    assert {"psycopg", "ssl", "_hashlib"} <= set(default)
    assert not {"psycopg", "ssl", "_hashlib"} & set(team)
    assert "sqlalchemy.dialects.postgresql.psycopg" in bundle_config.hidden_imports(True)
    assert "sqlalchemy.dialects.postgresql.psycopg" not in bundle_config.hidden_imports(False)


def test_a_pruned_frameworks_resources_go_with_its_library() -> None:
    frameworks = "PySide6/Qt/lib/{}.framework/Resources/Info.plist"
    kept_binaries = [binary("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui")]
    kept = {entry[0] for entry in bundle_config.prune_datas(
        [data(frameworks.format("QtGui")), data(frameworks.format("QtNetwork"))],
        kept_binaries)}
    assert kept == {frameworks.format("QtGui")}
