"""The shared argument checks (crmlessons.checks) and the case's one home for each definition
(crmlessons.datasets.rules)."""

from __future__ import annotations

import ast
import datetime
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlessons import checks, funnel, loss, man, relationship, retention
from crmlessons.checks import Table, require_date, require_number, require_table, tables
from crmlessons.datasets import load_case, rules

PACKAGE = Path(checks.__file__).parent


# --- single values ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, message", [
    (math.inf, "margin must be a finite number; got inf"),
    (-math.inf, "margin must be a finite number; got -inf"),
    (math.nan, "margin must be a number; got NaN"),
    (10**400, "margin must be a finite number; got a number with 401 digits"),
])
def test_require_number_refuses_what_no_computation_can_use(value, message):
    with pytest.raises(ValueError, match=message):
        require_number(value, "margin")


def test_require_number_refuses_whole_numbers_too_large_for_numpy():
    with pytest.raises(ValueError, match="n must be a whole number of at most 9,223,372,036,854,775,807"):
        require_number(2**63, "n", integer=True)
    assert require_number(2**63 - 1, "n", integer=True) == 2**63 - 1
    assert require_number(np.int64(3), "n", integer=True) == 3


@pytest.mark.parametrize("value", ["2024-07-01", datetime.date(2024, 7, 1), datetime.datetime(2024, 7, 1),
                                   pd.Timestamp("2024-07-01"), np.datetime64("2024-07-01")])
def test_require_date_takes_every_way_of_writing_a_date(value):
    assert require_date(value, "before") == pd.Timestamp("2024-07-01")


@pytest.mark.parametrize("value, error", [(20240701, TypeError), (2024.5, TypeError), (None, TypeError),
                                          ("someday", ValueError), ("", ValueError), (pd.NaT, ValueError),
                                          ("2024-13-45", ValueError)])
def test_require_date_names_the_argument(value, error):
    with pytest.raises(error, match="before must be a date such as '2025-12-31'"):
        require_date(value, "before")


@pytest.mark.parametrize("seed, error", [(-1, ValueError), ("x", TypeError), (1.5, TypeError), (True, TypeError)])
def test_one_seed_check_for_every_seeded_function(seed, error):
    with pytest.raises(error, match="random_state must be"):
        checks.check_random_state(seed)
    with pytest.raises(error, match="random_state must be"):
        funnel.simulate(100, funnel.SOURCE_RATES, random_state=seed)


def test_require_years_and_flag():
    assert checks.require_years(np.arange(2019, 2021)) == [2019, 2020]
    with pytest.raises(TypeError, match="years must be a list or range of whole years"):
        checks.require_years(2019)
    with pytest.raises(ValueError, match=r"years\[1\] must be between 1900 and 2100; got 20190"):
        checks.require_years([2019, 20190])
    with pytest.raises(TypeError, match="spread must be True or False; got int 1"):
        checks.require_flag(1, "spread")


# --- tables ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def case():
    return load_case()


def test_require_table_parses_text_dates_and_leaves_the_input_alone(case):
    text = case.losses.assign(lost_date=case.losses["lost_date"].dt.strftime("%Y-%m-%d"))
    checked = require_table(text, "losses", "losses", ["lost_date"])
    assert checked["lost_date"].equals(case.losses["lost_date"])
    assert not pd.api.types.is_datetime64_any_dtype(text["lost_date"])  # the caller's table is not changed
    assert require_table(case.losses, "losses", "losses", ["lost_date"]) is case.losses  # no copy when fine


@pytest.mark.parametrize("change, error, message", [
    (lambda t: t.drop(columns="need_strength"), ValueError, r"leads is missing column\(s\) \['need_strength'\]"),
    (lambda t: t.iloc[:0], ValueError, "leads has no rows"),
    (lambda t: t.assign(need_strength="high"), TypeError, r"leads\['need_strength'\] must hold numbers"),
    (lambda t: t.assign(need_strength=-1), ValueError, r"leads\['need_strength'\] must be between 1 and 5; got -1 in 4000"),
    (lambda t: t.assign(need_strength=np.inf), ValueError, r"leads\['need_strength'\] must hold finite numbers"),
    (lambda t: t.assign(outcome="maybe"), ValueError, r"leads\['outcome'\] must hold values from \['won', 'lost', 'open'\]; got 'maybe'"),
    (lambda t: t.assign(created_date="soon"), ValueError, r"leads\['created_date'\] must hold dates such as '2025-12-31'; got 'soon'"),
    (lambda t: t.assign(created_date=20240701), TypeError, r"leads\['created_date'\] must hold dates"),
    (lambda t: t.assign(created_date=pd.NaT), ValueError, r"leads\['created_date'\] must not have missing dates"),
])
def test_require_table_names_table_column_and_what_was_found(case, change, error, message):
    columns = ["need_strength", "outcome", "created_date"]
    with pytest.raises(error, match=message):
        require_table(change(case.leads), "leads", "leads", columns)


def test_a_course_computed_table_is_checked_for_its_columns_only():
    with pytest.raises(ValueError, match=r"stages is missing column\(s\) \['stage'\]"):
        require_table(pd.DataFrame({"x": [1]}), None, "stages", ["stage"])
    with pytest.raises(TypeError, match="stages must be a pandas DataFrame; got list"):
        require_table([1], None, "stages", ["stage"])


def test_the_decorator_checks_on_entry_and_passes_parsed_tables():
    seen = {}

    @tables(customers=Table("customers", ["acquired_date"], empty_ok=True), orders=["order_date"])
    def demo(customers, orders=None):
        seen["dtype"] = customers["acquired_date"].dtype
        return len(customers)

    assert demo(pd.DataFrame({"acquired_date": ["2020-01-01"]})) == 1  # orders=None: its default, left alone
    assert str(seen["dtype"]) == "datetime64[ns]"
    assert demo(pd.DataFrame({"acquired_date": pd.to_datetime([])})) == 0
    with pytest.raises(ValueError, match=r"orders is missing column\(s\) \['order_date'\]"):
        demo(pd.DataFrame({"acquired_date": ["2020-01-01"]}), pd.DataFrame({"x": [1]}))
    assert checks.table_needs(demo)["orders"] == Table("orders", ("order_date",))
    with pytest.raises(TypeError, match=r"@tables names \['leads'\], which demo2 does not take"):
        @tables(leads=["x"])
        def demo2(customers):
            return customers


# --- one home for each definition ------------------------------------------------------------

def test_active_on_a_day_counts_who_was_acquired_that_day_and_not_who_was_lost(case):
    c = pd.DataFrame({"acquired_date": pd.to_datetime(["2020-03-01", "2019-01-01", "2019-01-01"]),
                      "lost_date": pd.to_datetime([None, "2020-03-01", "2019-06-01"]),
                      "won_back_date": pd.to_datetime([None, None, "2020-03-01"])})
    assert rules.active_on(c, "2020-03-01").tolist() == [True, False, True]
    assert rules.active_on(c, "2020-02-29").tolist() == [False, True, False]


def test_every_module_uses_the_one_active_rule(case):
    """Lesson 05's active customers and lesson 01's yearly counts agree day for day."""
    c = case.customers
    for year in (2020, 2023, 2025):
        day = rules.year_start(year)
        start = relationship.breadth(c, years=[year]).loc[0, "active_start"]
        assert loss.active_on(c, day).sum() == start == rules.active_on(c, day).sum()
    counted = retention.customers_by_year(c)
    _, acquired, retained = rules.customer_counts_by_year(c)
    assert counted["acquired"].tolist() == acquired.tolist() and counted["retained"].tolist() == retained.tolist()


def test_one_decided_cohort(case):
    expected = case.leads[case.leads["created_date"] < pd.Timestamp("2024-07-01")]
    assert man.cohort(case.leads).equals(expected)
    assert rules.decided_leads(case.leads).equals(expected)
    assert funnel.win_rate(case.leads) == (expected["outcome"] == "won").mean()
    assert man.COHORT_END == funnel.COHORT_END == rules.DECIDED_BEFORE
    assert len(man.cohort(case.leads, before=None)) == len(case.leads)  # None: every lead, documented


def test_one_cost_per_customer():
    assert retention.cost_per_customer is relationship.cost_per_customer
    assert retention.cost_ratio is relationship.cost_ratio
    spend = pd.DataFrame({"year": [2020, 2020], "spend_type": ["acquisition", "retention"],
                          "amount_cny": [1000.0, 0.0]})
    c = pd.DataFrame({"acquired_date": pd.to_datetime(["2019-05-01", "2020-05-01"]),
                      "lost_date": pd.to_datetime([None, None]), "won_back_date": pd.to_datetime([None, None])})
    table = relationship.cost_per_customer(spend, c)
    assert table.loc[0, "cost_per_new"] == 1000.0 and table.loc[0, "cost_per_kept"] == 0.0
    assert math.isnan(table.loc[0, "ratio"])  # nothing spent on keeping: no ratio, not infinity
    with pytest.raises(ValueError, match="cost_ratio needs at least one customer won, one kept and some retention spend"):
        relationship.cost_ratio(spend, c)


CASE_DATES = {rules.AS_OF, rules.DECIDED_BEFORE, rules.LEADS_START, rules.ORDERS_START}


def _code_strings(path: Path):
    """String constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_case_dates_are_written_in_one_place():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "calendar.py" or "lessons" in path.relative_to(PACKAGE).parts:
            continue  # lessons quote dates in their prose for the student
        for line, text in _code_strings(path):
            if path.name == "checks.py" and text == checks.DATE_EXAMPLE:
                continue  # how to write a date, shown in messages; not the case's calendar
            for date in CASE_DATES:
                if date in text:
                    found.append(f"{path.relative_to(PACKAGE)}:{line} writes {date!r}")
    assert not found, "use crmlessons.datasets.rules instead:\n" + "\n".join(found)


def test_stage_list_lives_in_one_place():
    assert man.STAGES is rules.STAGES and funnel.STAGES is rules.STAGES
    assert list(rules.STAGES) == list(load_case().stage_history["stage"].cat.categories)
