"""Lesson 05's exercises and decisions: answers worked out by hand, decisions that follow the data, the mini-case.

The decisions' best letters are computed from the data; each test changes the data so that another choice
becomes best and checks that the answer moves with it.
"""

from __future__ import annotations

import pandas as pd
import pytest

from crmlessons import datasets, i18n, loss, retention
from crmlessons.lessons import lesson05
from crmlessons.practice import get_exercise


def tables(case, *names):
    return {name: getattr(case, name) for name in names}


def one_year_of_margin(customer_margin: float, retention_rate: float, replacement: float, rate: float = 0.10) -> float:
    """What losing a customer costs, by hand: margin over 1 + r/(1+d) + (r/(1+d))^2 + ... years, plus a replacement."""
    return customer_margin / (1 - retention_rate / (1 + rate)) + replacement


# --- computed answers -----------------------------------------------------------------------------

def test_controllable_share_of_lost_customers_by_hand(case):
    lost = case.losses[case.losses["loss_type"] == "customer"]
    known = lost.dropna(subset=["category"])
    by_hand = (known["category"] == "company_side").sum() / len(known)
    exercise = get_exercise("05.controllable_share")
    assert exercise.expected() == pytest.approx(by_hand)
    assert exercise.check(round(by_hand, 2)).correct
    everything = case.losses.dropna(subset=["category"])
    all_losses = (everything["category"] == "company_side").mean()
    assert abs(all_losses - by_hand) > 0.01  # the figure printed above is not the answer
    assert not exercise.check(round(float(all_losses), 3)).correct


def test_lost_customer_cost_uses_the_top_customers_own_margin_discounted(case):
    top = loss.early_warning(case.orders, case.customers).iloc[0]
    undiscounted = retention.facts(case.orders, case.customers, case.spend, discount_rate=0)
    by_hand = one_year_of_margin(top["value_at_risk_cny"], undiscounted["retention_rate"],
                                 undiscounted["acquisition_cost"])
    exercise = get_exercise("05.lost_customer_cost")
    assert exercise.expected() == pytest.approx(by_hand)
    assert top["customer_id"] in str(exercise.prompt())
    feedback = exercise.check(top["value_at_risk_cny"] / (1 - undiscounted["retention_rate"]) + undiscounted["acquisition_cost"])
    assert not feedback.correct and "did not discount" in feedback.message
    assert "average customer" in exercise.check(undiscounted["acquisition_cost"] + undiscounted["margin_per_year"]
                                                / (1 - undiscounted["retention_rate"] / 1.1)).message


def test_break_even_share_of_the_complaint_desk_by_hand(case):
    lost = case.losses[(case.losses["loss_type"] == "customer") & case.losses["lost_date"].dt.year.between(2019, 2025)]
    per_year = (lost["reason"] == "complaint_handling").sum() * len(lost) / lost["reason"].notna().sum() / 7
    f = retention.facts(case.orders, case.customers, case.spend, discount_rate=0)
    value = per_year * one_year_of_margin(f["margin_per_year"], f["retention_rate"], f["acquisition_cost"])
    exercise = get_exercise("05.break_even")
    assert exercise.expected() == pytest.approx(600_000 / value)
    assert exercise.check(round(600_000 / value, 3)).correct
    assert "600,000" in str(exercise.prompt())
    assert not exercise.check(value / 600_000).correct


def test_mistakes_never_give_the_right_answer():
    for name in ("05.controllable_share", "05.lost_customer_cost", "05.break_even"):
        exercise = get_exercise(name)
        data = exercise.data()
        right = exercise.expected(**data)
        for mistake in exercise.mistakes:
            wrong = mistake.answer(**data)
            assert abs(wrong - right) > exercise.rel_tol * abs(right), (name, mistake.hint["en"])


# --- decisions that follow the data --------------------------------------------------------------

def customer_losses(reasons: dict) -> pd.DataFrame:
    """A small losses table of lost customers: reason code -> how many."""
    rows = [reason for reason, n in reasons.items() for _ in range(n)]
    return pd.DataFrame({"loss_type": "customer", "reason": rows,
                         "category": [loss.REASON_CATEGORY[r] for r in rows]})


@pytest.mark.parametrize("reasons, best", [
    ({"lack_of_care": 7, "competitor": 3}, "A"),                        # the claim as written holds
    ({"lack_of_care": 3, "communication": 1, "competitor": 6}, "B"),     # only among company-side losses
    ({"lack_of_care": 1, "price": 4, "competitor": 5}, "C"),             # no reading reaches two thirds
])
def test_care_claim_follows_the_readings_of_the_data(reasons, best):
    decision = get_exercise("05.care_claim")
    losses = customer_losses(reasons)
    assert decision.expected(losses=losses) == best
    assert decision.check(best, losses=losses).correct
    assert not decision.check("D", losses=losses).correct  # never best: one firm's data can test it for that firm


def test_care_claim_on_the_shipped_data(case):
    lost = case.losses[case.losses["loss_type"] == "customer"].dropna(subset=["reason"])
    alone = (lost["reason"] == "lack_of_care").mean()
    company = lost[lost["category"] == "company_side"]
    within = company["reason"].isin(["lack_of_care", "communication", "complaint_handling"]).mean()
    assert alone < 2 / 3 <= within  # only the widest reading reaches two thirds
    decision = get_exercise("05.care_claim")
    assert decision.expected() == "B"
    assert f"{round(100 * within)}%" in decision.check("B").message


def scaled_margins(case, factor: float) -> dict:
    return {"orders": case.orders.assign(margin_cny=case.orders["margin_cny"] * factor),
            "customers": case.customers, "spend": case.spend}


def expected_visit(data) -> str:
    """The rule by hand: visit each customer whose expected loss is above the cost of a visit."""
    watch = loss.early_warning(data["orders"], data["customers"])
    hits = loss.warning_hit_rate(data["orders"], data["customers"])
    hit = hits.loc[hits["flagged"], "loss_rate"].iloc[0]
    f = retention.facts(data["orders"], data["customers"], data["spend"], discount_rate=0)
    risk = [hit * one_year_of_margin(watch["value_at_risk_cny"].iloc[i], f["retention_rate"], f["acquisition_cost"])
            for i in (0, -1)]
    visits = [r > lesson05.VISIT_COST for r in risk]
    return {(True, True): "A", (True, False): "B", (False, False): "D"}[tuple(visits)]


@pytest.mark.parametrize("factor, best", [(1.0, "B"), (10.0, "A"), (0.001, "D")])
def test_warning_visit_follows_what_the_customers_are_worth(case, factor, best):
    data = scaled_margins(case, factor)
    assert expected_visit(data) == best
    assert get_exercise("05.warning_visit").expected(**data) == best


def test_warning_visit_feedback_quotes_the_figures(case):
    decision = get_exercise("05.warning_visit")
    right, discount = decision.check("B"), decision.check("C")
    assert right.correct and not discount.correct  # a discount before anyone knows the cause is never best
    top = loss.early_warning(case.orders, case.customers).iloc[0]["customer_id"]
    assert top in right.message and "CNY 3,000" in right.message and "Loyalty article" in discount.message


def relabel(losses: pd.DataFrame, source: str, target: str, n: int) -> pd.DataFrame:
    """Turn ``n`` lost customers of reason ``source`` into reason ``target``."""
    out = losses.copy()
    rows = out.index[(out["loss_type"] == "customer") & (out["reason"] == source)][:n]
    out.loc[rows, "reason"] = target
    out.loc[rows, "category"] = loss.REASON_CATEGORY[target]
    return out


def expected_programme(data) -> str:
    """The best programme by hand: the largest value kept (discounted) minus its cost."""
    values = retention.reason_values(data["losses"], data["orders"], data["customers"], data["spend"]).set_index("reason")
    net = {}
    for letter, (reason, cut, cost) in lesson05.PROGRAMMES.items():
        row = values.loc[reason]
        kept = row["lost_per_year"] * cut
        net[letter] = kept * one_year_of_margin(row["margin_per_year"], row["retention_rate"], row["replacement_cost"]) - cost
    return max(net, key=net.get)


@pytest.mark.parametrize("source, target, n, best", [
    (None, None, 0, "A"),
    ("competitor", "lack_of_care", 30, "B"),
    ("competitor", "communication", 30, "C"),
    ("lack_of_care", "competitor", 40, "D"),
])
def test_first_cause_follows_how_many_customers_each_reason_loses(case, source, target, n, best):
    decision = get_exercise("05.first_cause")
    losses = case.losses if source is None else relabel(case.losses, source, target, n)
    data = {"losses": losses, **tables(case, "orders", "customers", "spend")}
    assert expected_programme(data) == best
    assert decision.expected(**data) == best
    feedback = decision.check(best, **data)
    assert feedback.correct and feedback.message.count("net CNY") == len(lesson05.PROGRAMMES)


@pytest.fixture(scope="module")
def variant():
    made = datasets.make_case(3, n_leads=600, n_customers=200, n_salespeople=10)
    return {name: getattr(made, name) for name in ("losses", "orders", "customers", "spend")}


@pytest.mark.parametrize("name", ["05.care_claim", "05.warning_visit", "05.first_cause"])
def test_decisions_work_on_a_group_variant(variant, name):
    decision = get_exercise(name)
    mine = {key: variant[key] for key in decision.data()}
    best = decision.expected(**mine)
    assert best in decision.options
    feedback = decision.check(best, **mine)
    assert feedback.correct and "{" not in feedback.message
    assert "{" not in str(decision.prompt(**mine))


# --- the mini-case --------------------------------------------------------------------------------

def test_the_mini_case_is_consistent_with_what_jinhe_buys(case):
    story_en = " ".join(p["en"] for p in lesson05.CASE.story).lower()
    story_zh = "".join(p["zh"] for p in lesson05.CASE.story)
    lines = datasets.value_labels("product_line")
    bought = {"bearings", "maintenance_service"}
    assert "bearings" in story_en and "maintenance" in story_en
    assert lines["bearings"]["zh"] in story_zh and lines["maintenance_service"]["zh"] in story_zh
    for code, label in lines.items():
        if code not in bought:  # nothing Jinhe does not buy appears in the story (no hydraulic pump)
            assert label["en"].lower().rstrip("s") not in story_en and label["zh"] not in story_zh, code
    assert "pump" not in story_en and "泵" not in story_zh
    # about 70,000 CNY of margin a year is an ordinary medium-sized customer of the case data
    year = case.orders[case.orders["order_date"].dt.year == 2024].groupby("customer_id")["margin_cny"].sum()
    medium = year[case.customers.set_index("customer_id").loc[year.index, "company_size"] == "medium"]
    assert medium.quantile(0.5) < 70_000 < medium.quantile(0.9)


def test_the_mini_case_cites_sources_by_name():
    text = repr(lesson05.mini_case())
    assert "Key-account CRM course" in text and "Loyalty article" in text and "seed" not in text.lower()
    i18n.set_language("zh")
    text = repr(lesson05.mini_case())
    assert "《大客户关系管理教程》" in text and "客户忠诚文章" in text
