"""The case company's data: Hengtai Industrial Supply Co., Ltd. (恒泰工业供应有限公司).

A fictional business-to-business supplier of industrial parts runs through every lesson. Its tables
share keys, so a student can follow one prospect from a salesperson's first call to a loyal or lost
customer:

- ``load_<table>()`` / ``load_case()`` read the shipped tables (``datasets/*.csv``, the variant
  ``make_case(0)``, data as of 2025-12-31);
- ``make_case(random_state, ...)`` / ``make_<table>(...)`` generate a consistent variant for any seed;
- ``dictionary(table)``, ``value_labels(column)`` describe every column and category in English and
  Chinese; ``validate(df, table)`` / ``validate_case(case)`` check tables and links;
- ``planted_effects()`` declares the effects the generator plants, ``measure_effects(case)`` measures
  them.

Examples
--------
>>> from crmlessons import datasets
>>> case = datasets.load_case()
>>> len(case.leads), len(case.salespeople)
(4000, 40)
>>> datasets.value_labels("outcome")["won"]["zh"]
'赢单'
"""

from crmlessons.datasets.dictionary import COMPANY, TABLES, dictionary, value_labels
from crmlessons.datasets.effects import PARAMS, measure_effects, planted_effects
from crmlessons.datasets.generate import (
    Case,
    make_ask_items,
    make_case,
    make_customers,
    make_leads,
    make_losses,
    make_orders,
    make_salespeople,
    make_spend,
    make_stage_history,
    make_survey,
)
from crmlessons.datasets.load import (
    load_ask_items,
    load_case,
    load_customers,
    load_leads,
    load_losses,
    load_orders,
    load_salespeople,
    load_spend,
    load_stage_history,
    load_survey,
    load_table,
    current_variant,
    use_variant,
)
from crmlessons.datasets.validate import ValidationError, validate, validate_case

__all__ = [
    "COMPANY", "TABLES", "PARAMS", "Case", "ValidationError",
    "dictionary", "value_labels", "planted_effects", "measure_effects", "validate", "validate_case",
    "load_case", "load_table", "load_salespeople", "load_leads", "load_stage_history", "load_losses",
    "load_customers", "load_orders", "load_survey", "load_spend", "load_ask_items", "use_variant", "current_variant",
    "make_case", "make_salespeople", "make_leads", "make_stage_history", "make_losses",
    "make_customers", "make_orders", "make_survey", "make_spend", "make_ask_items",
]
