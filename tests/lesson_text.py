"""Read what a student reads in a lesson: the notebook's prose and outputs, and the package's texts.

Shared by the tests of the lesson standards (tests/test_lesson_standards.py) and of the figures the
prose quotes (tests/test_prose_figures.py).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path

from crmlessons.lessons import _module, get_lesson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # editions.py: how the Chinese edition is read and built


def notebook(lesson: str) -> dict:
    """Return the lesson's notebook as JSON."""
    path = ROOT / "notebooks" / get_lesson(lesson).notebook
    return json.loads(path.read_text(encoding="utf-8"))


def cell_source(cell: dict) -> str:
    return "".join(cell["source"])


def output_text(cell: dict) -> str:
    """Return everything a code cell shows: text, plain and HTML outputs."""
    parts = []
    for output in cell.get("outputs", []):
        if "text" in output:
            parts.append("".join(output["text"]))
        for kind in ("text/plain", "text/html", "text/markdown"):
            value = output.get("data", {}).get(kind)
            if value:
                parts.append("".join(value))
    return "\n".join(parts)


def markdown(lesson: str) -> list[str]:
    """Return the prose cells of the lesson's notebook."""
    return [cell_source(c) for c in notebook(lesson)["cells"] if c["cell_type"] == "markdown"]


def chinese_text(lesson: str) -> list[str]:
    """Return the Chinese edition's prose of the lesson (its entries in notebooks/zh/text/, see scripts/editions.py)."""
    import editions

    return list(editions.read_text(editions.text_path(ROOT / "notebooks" / get_lesson(lesson).notebook)).values())


def _texts_of(value) -> list[str]:
    """Every string inside a lesson object (dataclasses, mappings and lists), callables skipped."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts_of(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _texts_of(item)]
    if is_dataclass(value):
        return [text for f in fields(value) if f.name not in ("name", "id", "notebook", "skip_for_45")
                for text in _texts_of(getattr(value, f.name))]
    return []


def package_texts(lesson: str) -> list[str]:
    """Return every text the package shows for the lesson: card, key points, exercises, quiz, glossary."""
    module = _module(lesson)
    return _texts_of([module.LESSON, module.EXERCISES, module.QUIZ, module.GLOSSARY])


def prose(lesson: str) -> list[str]:
    """All student-facing prose of a lesson: both editions' text cells and the package's texts."""
    return markdown(lesson) + chinese_text(lesson) + package_texts(lesson)


CODE = re.compile(r"```.*?```|`[^`]*`", re.S)


def without_code(text: str) -> str:
    """Drop code spans, link targets and HTML tags: what remains is what a student reads as prose."""
    text = CODE.sub(" ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{[^{}\s]*\}", " ", text)  # a template's placeholder, e.g. {rate:.0%}
    return re.sub(r"<[^>]+>", " ", text)
