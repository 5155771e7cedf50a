"""A text translated when its module is imported stays in the language of whoever triggered the
import (the partner's success messages were once Dutch or English depending on the first
request). Module- and class-level texts must use the lazy gettext; this test reads the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def _eager_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in EAGER}
    return names


def _calls_at_import(node: ast.AST, names: set[str]) -> list[int]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        return []  # runs when called, in the language of that request
    found = []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
        found.append(node.lineno)
    for child in ast.iter_child_nodes(node):
        found += _calls_at_import(child, names)
    return found


def _modules() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py") if "tests" not in path.parts and "migrations" not in path.parts
    )


def test_no_text_is_translated_at_import_time() -> None:
    offenders = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _eager_names(tree)
        if names:
            offenders += [f"{path.relative_to(PACKAGE)}:{line}" for line in _calls_at_import(tree, names)]
    assert not offenders, "use gettext_lazy for these module-level texts: " + ", ".join(offenders)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from django.utils.translation import gettext as _\nX = _('a')\n", [2]),
        ("from django.utils.translation import gettext as _\nclass A:\n    x = _('a')\n", [3]),
        ("from django.utils.translation import gettext as _\ndef f():\n    return _('a')\n", []),
        ("from django.utils.translation import gettext_lazy as _\nX = _('a')\n", []),
    ],
)
def test_the_check_finds_module_and_class_level_calls_only(source: str, expected: list[int]) -> None:
    tree = ast.parse(source)
    assert _calls_at_import(tree, _eager_names(tree)) == expected
