"""Short functions: no function of the package has more than 80 lines of code (docstrings, comments and
blank lines aside), so that a newcomer can read any one of them at a glance."""

from __future__ import annotations

import ast
from pathlib import Path

import crmlessons

PACKAGE = Path(crmlessons.__file__).parent
LIMIT = 80


def code_lines(function: ast.FunctionDef, lines: list[str]) -> int:
    first = function.body[0]
    docstring = set()
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        docstring = set(range(first.lineno, first.end_lineno + 1))
    return sum(1 for number in range(function.lineno, function.end_lineno + 1)
               if number not in docstring and lines[number - 1].strip()
               and not lines[number - 1].strip().startswith("#"))


def test_no_function_is_longer_than_80_lines_of_code():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = code_lines(node, lines)
                if n > LIMIT:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {n} lines")
    assert not long, "split these into named helpers:\n" + "\n".join(long)


def test_the_measure_counts_code_not_docstrings():
    source = 'def f():\n    """Doc.\n\n    More.\n    """\n    # note\n\n    return 1\n'
    function = ast.parse(source).body[0]
    assert code_lines(function, source.splitlines()) == 2


def test_no_docstring_example_changes_the_environment_for_good():
    """A doctest that sets or deletes an environment variable (the work folder, the language) changes it for every
    test after it in the same process: the tests' scratch work folder (tests/conftest.py) would be lost, and
    results would land in the developer's own folder. Examples use ``mock.patch.dict(os.environ, ...)``."""
    import re

    package = Path(__file__).resolve().parents[1] / "crmlessons"
    bad = re.compile(r">>> .*(os\.environ\[[^]]+\]\s*=[^=]|del os\.environ|os\.environ\.(pop|setdefault|update)\()")
    found = [f"{path.relative_to(package.parent)}: {line.strip()}" for path in sorted(package.rglob("*.py"))
             for line in path.read_text(encoding="utf-8").splitlines() if bad.search(line)]
    assert not found, "use mock.patch.dict(os.environ, ...) in examples:\n" + "\n".join(found)
