"""Lesson 06's exercises and decisions: answers worked out by hand, decisions that follow the data.

Each exercise's answer is recomputed here without the lesson's helpers and checked right, and a plausible mistake
checked wrong. Each decision's best letter is recomputed by hand; then the data are changed so that another choice
becomes best, and the answer must move with them.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from crmlessons import clv, datasets, i18n, retention, value
from crmlessons.lessons import get_lesson, glossary, lesson06
from crmlessons.practice import Decision, get_exercise

VALUE_COLUMNS = ["value_product", "value_service", "value_personnel", "value_image"]
COST_COLUMNS = ["cost_price", "cost_time", "cost_energy", "cost_psychological"]


def tables(case, *names):
    return {name: getattr(case, name) for name in names}


def simple_clv(margin: float, r: float, d: float = 0.10) -> float:
    """By hand: margin x (q + q^2 + ...), q = r / (1 + d)."""
    q = r / (1 + d)
    return margin * q / (1 - q)


def named(case) -> str:
    """By hand: the largest customer of the last year among the full survey answers, without structural ties, active."""
    answered = case.survey.dropna(subset=VALUE_COLUMNS + COST_COLUMNS)["customer_id"]
    c = case.customers
    active = c[(c["acquired_date"] <= "2025-12-31") & (c["lost_date"].isna() | (c["won_back_date"] <= "2025-12-31"))
               & ~c["structural_ties"].astype(bool)]["customer_id"]
    year = case.orders[case.orders["order_date"].dt.year == 2025]
    margin = year[year["customer_id"].isin(answered) & year["customer_id"].isin(active)].groupby("customer_id")[
        "margin_cny"].sum()
    return margin.idxmax()


def year_of(case, customer: str) -> tuple[float, float]:
    year = case.orders[(case.orders["order_date"].dt.year == 2025) & (case.orders["customer_id"] == customer)]
    return float(year["margin_cny"].sum()), float(year["amount_cny"].sum())


# --- 06.drivers -----------------------------------------------------------------------------------

def test_the_drivers_are_the_planted_three_and_not_the_highest_scores(case):
    exercise = get_exercise("06.drivers")
    planted = ["cost_price", "value_product", "value_service"]  # the datasheet's three drivers
    assert sorted(exercise.expected()) == planted
    assert exercise.check(["value_product", "value_service", "cost_price"]).correct  # any order
    highest = case.survey[VALUE_COLUMNS + COST_COLUMNS].mean().nlargest(3).index.tolist()
    assert sorted(highest) != planted
    feedback = exercise.check(highest)
    assert not feedback.correct and "score highest" in feedback.message
    assert not exercise.check(VALUE_COLUMNS + COST_COLUMNS).correct
    # by hand: the three explain nearly all that the eight explain (least squares on standardised answers)
    answered = case.survey[VALUE_COLUMNS + COST_COLUMNS + ["perceived_value"]].dropna()
    z = (answered - answered.mean()) / answered.std()

    def r2(columns):
        x = z[columns].to_numpy()
        fitted = x @ np.linalg.lstsq(x, z["perceived_value"].to_numpy(), rcond=None)[0]
        return 1 - ((z["perceived_value"] - fitted) ** 2).sum() / (z["perceived_value"] ** 2).sum()

    assert r2(planted) > 0.95 * r2(VALUE_COLUMNS + COST_COLUMNS)


def test_the_drivers_follow_the_survey(case):
    """A survey whose perceived value follows image and time only has those two as its drivers."""
    rng = np.random.default_rng(1)
    survey = case.survey.copy()
    noise = rng.normal(0, 0.5, len(survey))
    survey["perceived_value"] = (5 + 1.5 * survey["value_image"].fillna(3) - 1.2 * survey["cost_time"].fillna(3)
                                 + noise).clip(0, 10)
    assert get_exercise("06.drivers").expected(survey=survey) == ["cost_time", "value_image"]


# --- 06.best_offer --------------------------------------------------------------------------------

def lead_by_hand(scores: dict, moves: dict, copied: bool) -> float:
    """Hengtai's delivered value minus the competitor's after a lever, parts kept within 1-5."""
    clip = lambda x: min(5.0, max(1.0, x))  # noqa: E731
    theirs = {p: clip(s + value.COMPETITOR_DIFFERENCE[p]) for p, s in scores.items()}
    ours = {p: clip(s + moves.get(p, 0.0)) for p, s in scores.items()}
    if copied:
        theirs = {p: clip(s + moves.get(p, 0.0)) for p, s in theirs.items()}

    def delivered(offer):
        return sum(offer[p] for p in value.VALUE_PARTS) - sum(offer[p] for p in value.COST_PARTS)

    return delivered(ours) - delivered(theirs)


def customer_scores(survey, customer) -> dict:
    row = survey.set_index("customer_id").loc[customer]
    return {**{p: float(row[f"value_{p}"]) for p in value.VALUE_PARTS},
            **{p: float(row[f"cost_{p}"]) for p in value.COST_PARTS}}


def best_offer_by_hand(survey, customer) -> str:
    scores = customer_scores(survey, customer)
    leads = {letter: lead_by_hand(scores, value.LEVERS[lever]["moves"], value.LEVERS[lever]["copied"])
             for letter, lever in lesson06.OFFERS.items()}
    return max(leads, key=lambda letter: (round(leads[letter], 9), -ord(letter)))


def test_best_offer_on_the_shipped_data(case):
    decision = get_exercise("06.best_offer")
    customer = named(case)
    assert lesson06._named(case.orders, case.customers, case.survey) == customer
    assert best_offer_by_hand(case.survey, customer) == decision.expected() == "C"
    right = decision.check("C")
    assert right.correct and customer in str(decision.prompt())
    assert "easy to copy" in decision.check("A").message  # the discount is matched by the competitor


def test_best_offer_follows_the_customers_own_scores(case):
    """A customer who already rates product and service 5 and time and energy 1 gains nothing from ties."""
    customer = named(case)
    survey = case.survey.copy()
    row = survey["customer_id"] == customer
    survey.loc[row, ["value_product", "value_service", "cost_time", "cost_energy"]] = [5.0, 5.0, 1.0, 1.0]
    survey.loc[row, ["value_personnel", "cost_psychological"]] = [3.0, 3.0]
    data = {"orders": case.orders, "customers": case.customers, "survey": survey}
    assert best_offer_by_hand(survey, customer) == "B"
    assert get_exercise("06.best_offer").expected(**data) == "B"


# --- 06.top_share ---------------------------------------------------------------------------------

def test_top_share_of_one_years_margin_by_hand(case):
    year = case.orders[case.orders["order_date"].dt.year == 2025]
    margins = year.groupby("customer_id")["margin_cny"].sum().sort_values(ascending=False)
    top = math.ceil(0.2 * len(margins))
    by_hand = margins.iloc[:top].sum() / margins.sum()
    exercise = get_exercise("06.top_share")
    assert exercise.expected() == pytest.approx(by_hand)
    assert exercise.check(round(by_hand, 3)).correct
    everything = case.orders.groupby("customer_id")["margin_cny"].sum().sort_values(ascending=False)
    whole = everything.iloc[:math.ceil(0.2 * len(everything))].sum() / everything.sum()
    feedback = exercise.check(round(whole, 3))  # the table printed above the exercise is not the answer
    assert not feedback.correct and "whole order history" in feedback.message


def test_top_share_mistakes_never_give_the_right_answer():
    for name in ("06.top_share", "06.clv"):
        exercise = get_exercise(name)
        data = exercise.data()
        right = exercise.expected(**data)
        for mistake in exercise.mistakes:
            assert abs(mistake.answer(**data) - right) > exercise.rel_tol * abs(right), (name, mistake.hint["en"])


# --- 06.segment_visits ----------------------------------------------------------------------------

def segment_value_by_hand(orders, customers, spend) -> dict:
    """Per segment of the decision: loss rate in 2025 among those active at the end of 2024 x (CLV + replacement)."""
    end = pd.Timestamp("2024-12-31")
    segments = value.rfm_segments(value.rfm_summary(orders, end))
    c = customers.set_index("customer_id")
    active = (c["acquired_date"] <= end) & (c["lost_date"].isna() | (c["lost_date"] > end) | (c["won_back_date"] <= end))
    lost = c["lost_date"].dt.year.eq(2025)
    margin = orders[orders["order_date"].dt.year == 2024].groupby("customer_id")["margin_cny"].sum()
    f = retention.facts(orders, customers, spend, discount_rate=0.0)
    out = {}
    for letter, code in lesson06.VISIT_SEGMENTS.items():
        ids = segments.index[(segments == code).to_numpy()]
        ids = ids[active.reindex(ids).fillna(False).to_numpy()]
        keep = simple_clv(margin.reindex(ids).fillna(0).mean(), f["retention_rate"]) + f["acquisition_cost"]
        out[letter] = lost.reindex(ids).mean() * keep
    return out


@pytest.fixture(scope="module")
def segment_data(case):
    return tables(case, "orders", "customers", "spend")


def test_segment_visits_on_the_shipped_data(segment_data):
    by_hand = segment_value_by_hand(**segment_data)
    best = max(by_hand, key=by_hand.get)
    decision = get_exercise("06.segment_visits")
    assert best == decision.expected() == "B"
    feedback = decision.check("B")
    assert feedback.correct and feedback.message.count("were lost in 2025") == len(lesson06.VISIT_SEGMENTS)


def lose_in_2025(customers, ids, n):
    """Mark ``n`` of the customers ``ids`` (active at the end of 2024) as lost in June 2025."""
    out = customers.copy()
    rows = out.index[out["customer_id"].isin(ids) & out["lost_date"].isna()][:n]
    out.loc[rows, "lost_date"] = pd.Timestamp("2025-06-30")
    out.loc[rows, "status"] = "lost"
    return out


def test_segment_visits_follow_who_is_lost(segment_data):
    """When many champions are lost in the next year, the visits go to the champions."""
    segments = value.rfm_segments(value.rfm_summary(segment_data["orders"], "2024-12-31"))
    champions = segments.index[(segments == "champions").to_numpy()]
    data = {**segment_data, "customers": lose_in_2025(segment_data["customers"], champions, 60)}
    by_hand = segment_value_by_hand(**data)
    assert max(by_hand, key=by_hand.get) == "A"
    assert get_exercise("06.segment_visits").expected(**data) == "A"


# --- 06.clv ---------------------------------------------------------------------------------------

def test_clv_of_the_named_customer_by_hand(case):
    customer = named(case)
    margin, revenue = year_of(case, customer)
    kept = retention.retention_rate(case.customers)
    by_hand = simple_clv(margin, kept)
    exercise = get_exercise("06.clv")
    assert exercise.expected() == pytest.approx(by_hand)
    assert exercise.check(round(by_hand, -3)).correct
    assert customer in str(exercise.prompt()) and f"{round(margin):,}" in str(exercise.prompt())
    undiscounted = margin * kept / (1 - kept)
    assert "did not discount" in exercise.check(undiscounted).message
    assert "this year's margin" in exercise.check(by_hand + margin).message
    assert "revenue" in exercise.check(simple_clv(revenue, kept)).message


# --- 06.discount ----------------------------------------------------------------------------------

def discount_by_hand(case, orders=None) -> str:
    orders = case.orders if orders is None else orders
    customer = named(case)
    year = orders[(orders["order_date"].dt.year == 2025) & (orders["customer_id"] == customer)]
    margin, revenue = year["margin_cny"].sum(), year["amount_cny"].sum()
    r = retention.retention_rate(case.customers)
    values = {"A": simple_clv(margin - 0.05 * revenue, r), "B": 0.5 * simple_clv(margin, r),
              "C": simple_clv(margin - 50_000, 1 - (1 - r) / 2)}
    return max(values, key=values.get)


def test_discount_on_the_shipped_data(case):
    decision = get_exercise("06.discount")
    assert discount_by_hand(case) == decision.expected() == "C"
    assert "E-CRM article" in decision.check("C").message


@pytest.mark.parametrize("scale, margin_ratio, best", [
    (0.1, None, "A"),   # a customer a tenth the size: the ties' fixed cost outweighs what they keep
    (0.1, 0.08, "B"),   # small and thin-margined: 5% off leaves less than the chance of keeping it unpaid
])
def test_discount_follows_what_the_customer_is_worth(case, scale, margin_ratio, best):
    orders = case.orders.assign(amount_cny=case.orders["amount_cny"] * scale)
    orders["margin_cny"] = case.orders["margin_cny"] * scale if margin_ratio is None else orders["amount_cny"] * margin_ratio
    assert discount_by_hand(case, orders) == best
    data = {"orders": orders, "customers": case.customers, "survey": case.survey}
    decision = get_exercise("06.discount")
    assert decision.expected(**data) == best
    assert decision.check(best, **data).correct


# --- 06.trust_forecast ----------------------------------------------------------------------------

def trust_by_hand(orders, customers) -> str:
    cal = value.calibration_holdout(orders, "2024-12-31")
    summary = cal[["frequency_cal", "recency_cal", "T_cal"]].rename(columns=lambda c: c.removesuffix("_cal"))
    comparison = clv.holdout_comparison(clv.fit_bgnbd(summary), cal)
    budget = abs(comparison["predicted"].sum() / comparison["actual"].sum() - 1) <= 0.10
    lost = customers.set_index("customer_id")["lost_date"].dt.year.eq(2025).reindex(comparison.index).to_numpy()
    warning = (comparison.loc[lost, "p_alive"] < 0.5).mean() >= 0.5
    return {(True, True): "A", (True, False): "B", (False, True): "C", (False, False): "D"}[(budget, warning)]


def test_trust_forecast_on_the_shipped_data(case):
    decision = get_exercise("06.trust_forecast")
    assert trust_by_hand(case.orders, case.customers) == decision.expected() == "B"
    feedback = decision.check("B")
    assert feedback.correct and "lesson 05" in feedback.message


def silence_the_lost(orders, customers):
    """The customers lost in 2025 stop ordering in mid-2023: the model then sees them fall silent."""
    lost = customers.loc[customers["lost_date"].dt.year.eq(2025), "customer_id"]
    return orders[~(orders["customer_id"].isin(lost) & (orders["order_date"] > "2023-06-30"))]


@pytest.mark.parametrize("change, best", [("silence", "A"), ("halve_2025", "D")])
def test_trust_forecast_follows_the_holdout(case, change, best):
    orders = case.orders
    if change == "silence":
        orders = silence_the_lost(orders, case.customers)
    else:  # half of 2025's orders never came: the forecast total is far off
        in_2025 = orders["order_date"].dt.year == 2025
        orders = orders[~in_2025 | (np.arange(len(orders)) % 2 == 0)]
    assert trust_by_hand(orders, case.customers) == best
    assert get_exercise("06.trust_forecast").expected(orders=orders, customers=case.customers) == best


# --- the lesson as a whole ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def variant():
    return datasets.make_case(3, n_leads=600, n_customers=200, n_salespeople=10)


@pytest.mark.parametrize("name", ["06.best_offer", "06.segment_visits", "06.discount", "06.trust_forecast"])
def test_decisions_work_on_a_group_variant(variant, name):
    decision = get_exercise(name)
    mine = {key: getattr(variant, key) for key in decision.data()}
    best = decision.expected(**mine)
    assert best in decision.options
    feedback = decision.check(best, **mine)
    assert feedback.correct and "{" not in feedback.message and "{" not in str(decision.prompt(**mine))


def test_the_lesson_has_four_exercises_two_decisions_and_fits_a_block():
    exercises = lesson06.EXERCISES
    assert len(exercises) >= 4 and sum(isinstance(e, Decision) for e in exercises) >= 2
    info = get_lesson("06")
    assert info.teaching_minutes + info.exercise_minutes <= 90
    assert set(info.sources) == {"000", "001", "002"} and len(lesson06.QUIZ) >= 5


def test_the_glossary_uses_one_chinese_term_for_each_new_idea():
    with i18n.using("zh"):
        terms = dict(zip(glossary("06")["术语"], glossary("06")["中文"]))
    assert terms["customer delivered value"] == "客户让渡价值" and terms["p(alive)"] == "仍活跃概率"
    assert terms["calibration period"] == "校准期" and terms["holdout period"] == "检验期"
    texts = " ".join(str(t) for t in (lesson06.LESSON, lesson06.QUIZ, lesson06.GLOSSARY, lesson06.EXERCISES))
    assert "存活概率" not in texts and "终生" not in texts
