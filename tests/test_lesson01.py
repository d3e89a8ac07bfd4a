"""Lesson 01's exercises and notebook: the answers follow the data, the tables show what they say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from crmlessons import strategy
from crmlessons.lessons import lesson01
from crmlessons.practice import get_exercise

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "01_what_is_crm.ipynb"


def cell_output(source_start: str) -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    cell = next(c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).startswith(source_start))
    return "".join("".join(o.get("data", {}).get("text/plain", o.get("text", ""))) for o in cell["outputs"])


# --- the depth table shows the referrals ------------------------------------------------------

def test_the_depth_table_shows_each_years_referrals(case):
    """Counted here from the customers table itself: new customers of a year whom a customer referred."""
    referred = case.customers[case.customers["referred_by"].notna()]
    expected = referred["acquired_date"].dt.year.value_counts()
    shown = cell_output('depth[["year", "total", "referrals"]]')
    rows = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"^\s*\d+\s+(20\d\d)\s+[\d.e+]+\s+(\d+)\s*$", shown, re.M)}
    assert set(rows) == set(range(2019, 2026))
    assert rows == {year: int(expected.get(year, 0)) for year in rows}
    assert any(rows.values()), "the referrals column must not be rounded away"


# --- decision 01.call_first: the stage lost most often in the back-test -------------------------

def _small_case(lost_stage: str):
    """One customer per lifecycle stage on 2024-12-31 (two for stability), and the one in ``lost_stage``
    lost in 2025."""
    day = pd.Timestamp("2024-12-31")
    acquired = {"exploration": "2024-06-01", "formation": "2022-06-01", "stability": "2015-01-01",
                "stability2": "2015-01-01", "decline": "2015-01-01"}
    customers = pd.DataFrame({"customer_id": list(acquired), "acquired_date": pd.to_datetime(list(acquired.values())),
                              "lost_date": pd.NaT, "won_back_date": pd.NaT})
    customers.loc[customers["customer_id"] == lost_stage, "lost_date"] = pd.Timestamp("2025-06-01")
    rows = []
    for customer in acquired:
        if customer == "decline":  # six orders in 2023, one in 2024
            dates = [*pd.date_range("2023-01-15", periods=6, freq="MS"), pd.Timestamp("2024-03-01")]
        else:
            start = max(pd.Timestamp("2023-01-10"), pd.Timestamp(acquired[customer]) + pd.Timedelta(days=10))
            dates = list(pd.date_range(start, day, freq="2MS"))
        rows += [(customer, date) for date in dates]
    orders = pd.DataFrame(rows, columns=["customer_id", "order_date"])
    return customers, orders


@pytest.mark.parametrize("stage, letter", [("decline", "A"), ("exploration", "B"), ("stability", "C"),
                                           ("formation", "D")])
def test_call_first_follows_the_stage_lost_most_often(stage, letter):
    from crmlessons import relationship

    customers, orders = _small_case(stage)
    table = relationship.stage_outcomes(customers, orders).set_index("stage")
    assert table["customers"].tolist() == [1, 1, 2, 1] and table.loc[stage, "lost"] == 1  # the case is as named
    decision = get_exercise("01.call_first")
    assert decision.expected(customers=customers, orders=orders) == letter
    assert decision.check(letter, customers=customers, orders=orders).correct
    other = "B" if letter != "B" else "A"
    assert not decision.check(other, customers=customers, orders=orders).correct


def test_call_first_on_the_shipped_data_is_the_group_with_the_highest_share_lost(case):
    """Recount the back-test here from the lifecycle on 31 December 2024 and the loss dates."""
    from crmlessons import relationship

    day, until = pd.Timestamp("2024-12-31"), pd.Timestamp("2025-12-31")
    stages = relationship.lifecycle(case.customers, case.orders[case.orders["order_date"] <= day], as_of=day)
    lost_on = stages["customer_id"].map(case.customers.set_index("customer_id")["lost_date"])
    stages["lost"] = (lost_on > day) & (lost_on <= until)
    shares = stages.groupby(stages["stage"].astype(str))["lost"].mean()
    best = max(lesson01.CALL_FIRST, key=lambda letter: shares[lesson01.CALL_FIRST[letter]])
    assert get_exercise("01.call_first").expected() == best


# --- decision 01.budget_split: the plan the simulator finds most profitable ---------------------

@pytest.mark.parametrize("factor, letter", [(0.2, "C"), (1.0, "B"), (5.0, "A")])
def test_budget_split_follows_the_acquisition_cost(case, factor, letter):
    """Cheaper new customers push the answer to all on winning, dearer ones back to the firm's split."""
    spend = case.spend.copy()
    spend.loc[spend["spend_type"] == "acquisition", "amount_cny"] *= factor
    decision = get_exercise("01.budget_split")
    data = {"orders": case.orders, "customers": case.customers, "spend": spend}
    assert decision.expected(**data) == letter
    settings = strategy.firm_settings(**data)
    profits = {}
    for option, share in lesson01._plans(**data)[1].items():
        sim = strategy.simulate(**{**settings, "share_acquisition": share})
        profits[option] = float(sim.loc[(sim["plan"] == "chosen") & (sim["year"] == settings["years"]),
                                        "cumulative_profit"].iloc[0])
    assert max(profits, key=profits.get) == letter


def test_budget_split_options_are_the_firms_split_and_its_neighbours(case):
    facts = lesson01._budget_facts(case.orders, case.customers, case.spend)
    acquisition = case.spend.loc[case.spend["spend_type"] == "acquisition", "amount_cny"].sum()
    split = acquisition / case.spend["amount_cny"].sum()
    assert abs(facts["now"] - split) <= 0.025
    assert facts["more"] == pytest.approx(min(1, facts["now"] + 0.25))
    assert facts["less"] == pytest.approx(max(0, facts["now"] - 0.25))
    text = str(get_exercise("01.budget_split").prompt())
    assert f"{facts['now']:.0%} to winning" in text and "{" not in text


# --- the exercises: right answers recomputed here, and the mistakes recognised --------------------

def test_saved_cost_ratio_counts_only_the_customers_saved(case):
    from crmlessons import relationship

    b = relationship.breadth(case.customers)
    acquisition = case.spend.loc[case.spend["spend_type"] == "acquisition", "amount_cny"].sum()
    retention = case.spend.loc[case.spend["spend_type"] == "retention", "amount_cny"].sum()
    saved = b["kept"].sum() - 0.8 * b["active_start"].sum()
    expected = (acquisition / b["won"].sum()) / (retention / saved)
    exercise = get_exercise("01.saved_cost_ratio")
    assert exercise.check(round(expected, 2)).correct
    assert expected < 1  # with four in five staying anyway, a customer saved costs more than a new one
    per_kept = (acquisition / b["won"].sum()) / (retention / b["kept"].sum())
    assert "count only the customers the spend saved" in exercise.check(round(per_kept, 2)).message


def test_kept_three_years_multiplies_the_yearly_rates(case):
    from crmlessons import relationship

    b = relationship.breadth(case.customers).set_index("year")
    rates = b.loc[2023:2025, "kept"] / b.loc[2023:2025, "active_start"]
    exercise = get_exercise("01.kept_three_years")
    assert exercise.check(round(float(rates.prod()), 3)).correct
    assert "shares multiply" in exercise.check(round(float(rates.mean()), 3)).message


def test_the_exercises_name_no_function_that_computes_their_answer():
    for exercise in lesson01.EXERCISES:
        for language in ("en", "zh"):
            text = exercise.question[language]
            assert "cost_ratio(" not in text and "stage_outcomes" not in text and "best_share" not in text, exercise.name


def test_the_simulators_assumed_retention_is_the_exercises_assumption():
    assert lesson01._would_stay() == strategy.DEFAULTS["base_retention"] == 0.8
