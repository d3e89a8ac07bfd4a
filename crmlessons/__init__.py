"""crmlessons: the helper package of a bilingual Jupyter course on Customer Relationship Management.

Importing it is cheap: the heavy parts (pandas, matplotlib, ipywidgets) load only when a function
that needs them is first used.

Examples
--------
>>> import crmlessons as crm
>>> crm.set_language("zh")
>>> crm.t("customer")
'客户'
>>> crm.set_language("en")
"""

from __future__ import annotations

import importlib

from crmlessons import display as _display
from crmlessons.i18n import get_language, other_language, set_language, t

__version__ = "0.1.0"

# Public names that load their module on first use (PEP 562), keeping ``import crmlessons`` light.
_LAZY = {
    "doctor": "crmlessons.doctor",
    "check": "crmlessons.practice",
    "exercise": "crmlessons.practice",
    "hint": "crmlessons.practice",
    "solution": "crmlessons.practice",
    "quiz": "crmlessons.widgets.quiz",
    "lesson_card": "crmlessons.lessons",
    "key_points": "crmlessons.lessons",
    "lesson_map": "crmlessons.lessons",
    "glossary": "crmlessons.lessons",
    "sources": "crmlessons.lessons",
    "work_folder": "crmlessons.workfolder",
    "my_name": "crmlessons.results",
    "language_picker": "crmlessons.widgets.language",
    "journey": "crmlessons.accounts",
}
# Concept modules and sub-packages, loaded on first use: crm.man, crm.funnel, crm.plots ...
_SUBMODULES = {"datasets", "plots", "widgets", "practice", "lessons", "i18n", "checks", "doctor",
               "relationship", "strategy", "ask", "man", "funnel", "loss", "retention", "value", "clv",
               "loyalty", "accounts"}

__all__ = ["get_language", "other_language", "set_language", "t", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"crmlessons.{name}")
    raise AttributeError(f"module 'crmlessons' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)


_display.install()  # in Jupyter, tables follow the course language (crmlessons/display.py)
