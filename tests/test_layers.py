"""The package's layers hold: a module imports only from its own layer or the layers below it.

Every module of crmlessons is parsed with ``ast`` (imports at the top and inside functions, and
``importlib.import_module("crmlessons....")`` with a literal name), nothing is imported. CONTRIBUTING.md
("Layers") says why each module sits where it does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "crmlessons"

CONCEPTS = ["crmlessons.ask", "crmlessons.man", "crmlessons.funnel", "crmlessons.loss", "crmlessons.relationship",
            "crmlessons.retention", "crmlessons.strategy", "crmlessons.value", "crmlessons.clv", "crmlessons.loyalty",
            "crmlessons.accounts", "crmlessons.case"]

#: Lowest first. A name covers that module and everything under it; the longest name that matches wins,
#: so ``crmlessons.widgets.quiz`` sits in layer 6 while the other widgets sit in layer 5. ``crmlessons``
#: itself means only ``crmlessons/__init__.py``.
LAYERS = [
    # 0: imports nothing of the package but each other: language, data dictionary, the student's folder.
    ["crmlessons.i18n", "crmlessons.lazy", "crmlessons.datasets.calendar", "crmlessons.datasets.dictionary",
     "crmlessons.datasets.vocabularies", "crmlessons.workfolder", "crmlessons.webfont"],
    # 1: the argument checks and the case's calendar and rules that every concept uses.
    ["crmlessons.checks", "crmlessons.datasets.rules", "crmlessons.display", "crmlessons.results"],
    # 2: the case data: generate, load, validate, planted effects.
    ["crmlessons.datasets"],
    # 3: pure pandas concept modules (they may use each other, without cycles: see below).
    CONCEPTS,
    # 4: charts.
    ["crmlessons.plots"],
    # 5: widgets.
    ["crmlessons.widgets"],
    # 6: the course: catalogue, exercises, quiz grading, and the chart and widget that show the catalogue.
    ["crmlessons.practice", "crmlessons.lessons", "crmlessons.plots.course", "crmlessons.widgets.quiz"],
    # 7: entry points that nothing inside the package imports.
    ["crmlessons.doctor", "crmlessons.trainer", "crmlessons"],
]
LAYER_OF = {name: number for number, names in enumerate(LAYERS) for name in names}


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``crmlessons/plots/ask.py`` -> ``crmlessons.plots.ask``; ``crmlessons/plots/__init__.py`` -> ``crmlessons.plots``."""
    parts = [package.name, *path.relative_to(package).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """Return the layer of ``module``, from the longest name in LAYERS that covers it."""
    covering = [name for name in LAYER_OF
                if module == name or (name != "crmlessons" and module.startswith(name + "."))]
    if not covering:
        raise LookupError(f"{module} is in no layer: add it to LAYERS in tests/test_layers.py "
                          "and to the table in CONTRIBUTING.md")
    return LAYER_OF[max(covering, key=len)]


def imports(source: str, module: str, is_package: bool, known: set[str]) -> list[tuple[int, str]]:
    """Return ``(line, imported crmlessons module)`` for every import in ``source``, wherever it is."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            for alias in node.names:
                found.append((node.lineno, f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base))
        elif _is_import_module_call(node):
            found.append((node.lineno, node.args[0].value))
    ours = {(line, name) for line, name in found if name == "crmlessons" or name.startswith("crmlessons.")}
    return sorted(ours)  # one entry per module and line, however many names the line imports


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module of ``from X import ...`` (relative imports resolved against ``module``)."""
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    parts = parts[: len(parts) - node.level + (1 if is_package else 0)]
    return ".".join(parts + ([node.module] if node.module else []))


def _is_import_module_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"
            and bool(node.args) and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))


def read_package(package: Path = PACKAGE) -> dict[str, tuple[str, str]]:
    """Return ``module name -> (path such as "crmlessons/plots/ask.py", source)`` for every module."""
    return {module_name(path, package): (path.relative_to(package.parent).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(package.rglob("*.py"))}


def import_graph(modules: dict[str, tuple[str, str]]) -> dict[str, list[tuple[int, str]]]:
    """Return ``module -> [(line, imported module), ...]`` for every module in ``modules``."""
    known = set(modules)
    return {name: imports(source, name, path.endswith("/__init__.py"), known) for name, (path, source) in modules.items()}


def layer_violations(modules: dict[str, tuple[str, str]]) -> list[str]:
    """Return one message per import of a higher layer than the importing module's own."""
    problems = []
    for name, found in import_graph(modules).items():
        low = layer_of(name)
        for line, imported in found:
            high = layer_of(imported)
            if high > low:
                problems.append(f"{modules[name][0]} line {line} imports {imported} (layer {high}) from layer {low}")
    return problems


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle in ``graph`` (``module -> modules it imports``) as a path, or None."""
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt]
            if nxt not in state:
                cycle = visit(nxt, path + [nxt])
                if cycle:
                    return cycle
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start, [start])
            if cycle:
                return cycle
    return None


def cycle_among(modules: dict[str, tuple[str, str]], members) -> list[str] | None:
    """Return an import cycle among the modules for which ``members(name)`` is true, or None."""
    graph = {name: {imported for _, imported in found if members(imported) and imported != name}
             for name, found in import_graph(modules).items() if members(name)}
    return find_cycle(graph)


# ---------------------------------------------------------------------------------------------
# The package itself

def test_every_module_has_a_layer():
    for name in read_package():
        layer_of(name)  # raises naming the module when it has none


def test_no_module_imports_a_higher_layer():
    problems = layer_violations(read_package())
    assert not problems, "a lower layer imports a higher one:\n" + "\n".join(problems)


def test_concept_modules_import_each_other_without_cycles():
    cycle = cycle_among(read_package(), lambda name: name in CONCEPTS)
    assert cycle is None, "concept modules import each other in a cycle: " + " -> ".join(cycle or [])


def test_no_import_cycles_from_the_concepts_up():
    """Above the data layer nothing imports in a circle (practice <-> widgets.quiz was one)."""
    cycle = cycle_among(read_package(), lambda name: layer_of(name) >= LAYER_OF["crmlessons.ask"])
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_layers_in_contributing_are_these():
    text = (PACKAGE.parent / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## Layers", 1)[1]
    for number, names in enumerate(LAYERS):
        row = next((line for line in text.splitlines() if line.startswith(f"| {number} ")), "")
        for name in names:
            shown = "crmlessons/__init__.py" if name == "crmlessons" else f"`{name.removeprefix('crmlessons.')}`"
            assert shown in row, f"CONTRIBUTING.md's layer {number} row should list {shown}"


# ---------------------------------------------------------------------------------------------
# The checker finds what it should (so the tests above can fail)

def fake_package(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[str, str]]:
    for relative, source in files.items():
        path = tmp_path / "crmlessons" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return read_package(tmp_path / "crmlessons")


def test_checker_reports_an_upward_import_inside_a_function(tmp_path):
    modules = fake_package(tmp_path, {
        "__init__.py": "", "widgets/__init__.py": "", "widgets/base.py": "",
        "i18n.py": "import os\n\ndef f():\n    from crmlessons.widgets import base\n",
    })
    assert layer_violations(modules) == ["crmlessons/i18n.py line 4 imports crmlessons.widgets.base (layer 5) from layer 0"]


def test_checker_resolves_relative_and_importlib_imports(tmp_path):
    modules = fake_package(tmp_path, {
        "__init__.py": "", "plots/__init__.py": "from . import man\n", "plots/man.py": "from ..widgets import man\n",
        "widgets/__init__.py": "", "widgets/man.py": "", "man.py": "import importlib\nimportlib.import_module('crmlessons.plots')\n",
    })
    assert sorted(layer_violations(modules)) == [
        "crmlessons/man.py line 2 imports crmlessons.plots (layer 4) from layer 3",
        "crmlessons/plots/man.py line 1 imports crmlessons.widgets.man (layer 5) from layer 4",
    ]


def test_checker_finds_the_cycle_the_quiz_used_to_make(tmp_path):
    modules = fake_package(tmp_path, {
        "__init__.py": "", "widgets/__init__.py": "", "lessons/__init__.py": "",
        "practice.py": "def quiz():\n    from crmlessons.widgets.quiz import QuizWidget\n",
        "widgets/quiz.py": "from crmlessons.practice import grade\n",
    })
    assert layer_violations(modules) == []  # both sit in the course layer ...
    assert cycle_among(modules, lambda name: True) == ["crmlessons.practice", "crmlessons.widgets.quiz",
                                                       "crmlessons.practice"]  # ... but import in a circle


def test_a_new_module_without_a_layer_is_reported(tmp_path):
    with pytest.raises(LookupError, match="crmlessons.newthing is in no layer"):
        layer_violations(fake_package(tmp_path, {"__init__.py": "", "newthing.py": "from crmlessons import i18n\n"}))


# ---------------------------------------------------------------------------------------------
# A package-wide rule next to the layers: our own deprecated calls fail the tests (pyproject.toml)

def warn_from(module: str, category: type[Warning]) -> None:
    """Raise ``category`` as if code in ``module`` had called something deprecated."""
    exec("import warnings\nwarnings.warn('old API', category, stacklevel=1)", {"__name__": module, "category": category})


@pytest.mark.parametrize("category", [DeprecationWarning, PendingDeprecationWarning, FutureWarning])
def test_a_deprecation_from_crmlessons_code_fails_the_tests(category):
    for module in ["crmlessons", "crmlessons.datasets._generator"]:
        with pytest.raises(category, match="old API"):
            warn_from(module, category)


def test_a_deprecation_inside_a_library_does_not(recwarn):
    for module in ["numpy.core", "pandas", "jupyter_client.connect", "crmlessons_extra"]:
        warn_from(module, DeprecationWarning)
    assert len(recwarn) == 4
