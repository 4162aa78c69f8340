"""The Qt Linguist workflow: ``update`` brings the catalogs up to date with the window's
strings, ``compile`` turns them into the ``.qm`` files the app loads (checked in, so a
fresh checkout, ``scripts/run`` and the bundle need no build step;
tests/ui/test_translations.py fails when a ``.qm`` is older than its ``.ts``).

    .venv/bin/python scripts/i18n.py update    # after changing tr() strings
    .venv/bin/python scripts/i18n.py compile   # after translating (Qt Linguist or by hand)

pyside6-lupdate alone cannot read this code's strings: module-level wrappers
(``_tr("&File")`` meaning ``translate("menus", ...)``) and lookup tables
(``_tr(_WORDS[key])``) hide the literal or the context from it. So the literals are
collected here from the syntax tree, each with the context the running code asks for,
written out as plain ``QCoreApplication.translate(context, text)`` calls, and lupdate
merges those into the ``.ts`` (keeping translations, dropping vanished strings).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "contractdesk" / "ui"
I18N = ROOT / "contractdesk" / "resources" / "i18n"
LANGUAGES = ("de",)
Message = tuple[str, str]  # (context, source text)


def catalog(language: str) -> Path:
    return I18N / f"contractdesk_{language}.ts"


def tool(name: str) -> str:
    """pyside6-lupdate/-lrelease next to the running Python (the venv's)."""
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _wrapper_context(function: ast.FunctionDef, local: dict[str, str]) -> str | None:
    """The context of ``def f(text): return QCoreApplication.translate("ctx", text)``
    (or of ``return g(text)`` with ``g`` such a wrapper); None for other functions."""
    if len(function.body) > 2 or not isinstance(function.body[-1], ast.Return):
        return None
    call = function.body[-1].value
    if not isinstance(call, ast.Call):
        return None
    if (isinstance(call.func, ast.Attribute) and call.func.attr == "translate"
            and call.args and isinstance(call.args[0], ast.Constant)):
        return str(call.args[0].value)
    if isinstance(call.func, ast.Name):
        return local.get(call.func.id)
    return None


def _wrappers(tree: ast.Module) -> dict[str, str]:
    local: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            context = _wrapper_context(node, local)
            if context is not None:
                local[node.name] = context
    return local


def _tables(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level ``NAME: dict[str, str] = {...}``: their values, for ``_tr(NAME[key])``."""
    tables: dict[str, list[str]] = {}
    for node in tree.body:
        target, value = ((node.target, node.value) if isinstance(node, ast.AnnAssign)
                         else (node.targets[0], node.value) if isinstance(node, ast.Assign)
                         else (None, None))
        if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
            tables[target.id] = [v.value for v in value.values
                                 if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return tables


def _texts(argument: ast.expr, tables: dict[str, list[str]]) -> list[str]:
    """The literal, or every value of the table in ``NAME[key]`` / ``NAME.get(key, ...)``."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [argument.value]
    table: ast.expr | None = None
    if isinstance(argument, ast.Subscript):
        table = argument.value
    elif (isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute)
          and argument.func.attr == "get"):
        table = argument.func.value
    return tables.get(table.id, []) if isinstance(table, ast.Name) else []


def _messages(tree: ast.Module, wrappers: dict[str, str]) -> Iterator[Message]:
    tables = _tables(tree)
    classes: list[tuple[ast.ClassDef, set[ast.AST]]] = [
        (node, set(ast.walk(node))) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            owner = [cls.name for cls, inside in classes if node in inside]
            if owner:
                yield from ((owner[-1], text) for text in _texts(node.args[0], tables))
        elif (isinstance(func, ast.Attribute) and func.attr == "translate"
              and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant)):
            yield from ((str(node.args[0].value), text)
                        for text in _texts(node.args[1], tables))
        elif isinstance(func, ast.Name) and func.id in wrappers:
            yield from ((wrappers[func.id], text) for text in _texts(node.args[0], tables))


def collect(sources: Path = SOURCES) -> list[Message]:
    """Every (context, text) the window translates, in source order, once each."""
    trees = {_module_name(path): ast.parse(path.read_text(encoding="utf-8"))
             for path in sorted(sources.rglob("*.py"))}
    own = {name: _wrappers(tree) for name, tree in trees.items()}
    found: dict[Message, None] = {}
    for name, tree in trees.items():
        wrappers = dict(own[name])
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module in own:
                wrappers.update({alias.asname or alias.name: own[node.module][alias.name]
                                 for alias in node.names if alias.name in own[node.module]})
        found.update(dict.fromkeys(_messages(tree, wrappers)))
    return list(found)


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    lines = [f"QCoreApplication.translate({context!r}, {text!r})"
             for context, text in collect()]
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "strings.py"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for language in LANGUAGES:
            subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                            "-source-language", "en", "-target-language", language,
                            str(listing), "-ts", str(catalog(language))], check=True)


def compile_catalog(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all() -> None:
    for language in LANGUAGES:
        ts = catalog(language)
        compile_catalog(ts, ts.with_suffix(".qm"))


if __name__ == "__main__":
    commands = {"update": update, "compile": compile_all}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: {sys.argv[0]} update|compile")
    commands[sys.argv[1]]()
