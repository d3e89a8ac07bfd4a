"""The case company's data: Hengtai Industrial Supply Co., Ltd. (恒泰工业供应有限公司).

A fictional business-to-business supplier of industrial parts runs through every lesson. Its tables
share keys, so a student can follow one prospect from a salesperson's first call to a loyal or lost
customer:

- ``load_<table>()`` / ``load_case()`` read the shipped tables (``datasets/*.csv``, the variant
  ``make_case(0)``, data as of 2025-12-31);
- ``make_case(random_state, ...)`` / ``make_<table>(...)`` generate a consistent variant for any seed;
- ``dictionary(table)``, ``describe(table)``, ``value_labels(column)`` describe every column and
  category in English and Chinese; ``validate(df, table)`` / ``validate_case(case)`` check tables and
  links;
- ``planted_effects()`` declares the effects the generator plants, ``measure_effects(case)`` measures
  them.

Importing the package is light: each name loads its module on first use (PEP 562), so that
``crmlessons.datasets.rules`` or ``crmlessons.datasets.dictionary`` never loads the generator.

Examples
--------
>>> from crmlessons import datasets
>>> case = datasets.load_case()
>>> len(case.leads), len(case.salespeople)
(4000, 40)
>>> datasets.value_labels("outcome")["won"]["zh"]
'赢单'
"""

from __future__ import annotations

import importlib

# Two functions share their module's name: bind them now, so that importing the module
# ``crmlessons.datasets.dictionary`` (or ``.validate``) later cannot replace the function with it.
from crmlessons.datasets.dictionary import dictionary
from crmlessons.datasets.validate import validate

# Every other public name, and the module it lives in (loaded on first use).
_LAZY = {
    "COMPANY": "crmlessons.datasets.company",
    **dict.fromkeys(["TABLES", "describe", "value_labels"], "crmlessons.datasets.dictionary"),
    "PARAMS": "crmlessons.datasets.params",
    **dict.fromkeys(["measure_effects", "planted_effects"], "crmlessons.datasets.effects"),
    **dict.fromkeys(["Case", "make_case", "make_salespeople", "make_leads", "make_stage_history",
                     "make_losses", "make_customers", "make_orders", "make_survey", "make_spend",
                     "make_ask_items"], "crmlessons.datasets.generate"),
    **dict.fromkeys(["load_case", "load_table", "load_salespeople", "load_leads", "load_stage_history",
                     "load_losses", "load_customers", "load_orders", "load_survey", "load_spend",
                     "load_ask_items", "use_variant", "current_variant"], "crmlessons.datasets.load"),
    **dict.fromkeys(["ValidationError", "validate_case"], "crmlessons.datasets.validate"),
}

__all__ = [
    "COMPANY", "TABLES", "PARAMS", "Case", "ValidationError",
    "dictionary", "describe", "value_labels", "planted_effects", "measure_effects", "validate",
    "validate_case",
    "load_case", "load_table", "load_salespeople", "load_leads", "load_stage_history", "load_losses",
    "load_customers", "load_orders", "load_survey", "load_spend", "load_ask_items", "use_variant",
    "current_variant",
    "make_case", "make_salespeople", "make_leads", "make_stage_history", "make_losses",
    "make_customers", "make_orders", "make_survey", "make_spend", "make_ask_items",
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'crmlessons.datasets' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
