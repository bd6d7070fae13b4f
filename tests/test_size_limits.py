"""The size limits of the source: no function over 100 lines, no class over 700, no module
over 1,000, under src/eventledger. An AST walk over the package, so the limits stay kept."""

from __future__ import annotations

import ast
from pathlib import Path

import eventledger

PACKAGE = Path(eventledger.__file__).parent
MAX_FUNCTION = 100
MAX_CLASS = 700
MAX_MODULE = 1000


def oversized(root: Path) -> list[str]:
    """``path: what (lines)`` for every module, class and function of ``root`` over its
    limit (a function's lines from its first decorator to its end)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        source = path.read_text("utf-8")
        lines = len(source.splitlines())
        if lines > MAX_MODULE:
            found.append(f"{relative}: module ({lines} lines)")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                limit, what = MAX_FUNCTION, "function"
            elif isinstance(node, ast.ClassDef):
                limit, what = MAX_CLASS, "class"
            else:
                continue
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = node.end_lineno - first + 1
            if length > limit:
                found.append(f"{relative}: {what} {node.name} ({length} lines)")
    return found


def test_no_module_class_or_function_is_over_its_limit():
    assert oversized(PACKAGE) == []


def test_the_walk_finds_what_is_over_a_limit(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION + 1))
    (tmp_path / "long.py").write_text(f"def long():\n{body}\n")
    (tmp_path / "short.py").write_text("def short():\n    return 1\n")
    assert oversized(tmp_path) == [f"long.py: function long ({MAX_FUNCTION + 2} lines)"]
