"""Lesson 07's exercises and decisions: answers worked out by hand, decisions that follow the data.

Each exercise's answer is recomputed here without the lesson's helpers (from the raw survey and orders) and checked
right, and its plausible mistakes checked wrong. Each decision's best letter is recomputed by hand; then the data are
changed so that another choice becomes best, and the answer must move with them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from crmlessons import retention
from crmlessons.datasets.params import PARAMS
from crmlessons.lessons import get_lesson, lesson07
from crmlessons.practice import Decision, get_exercise

FACES = ["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]
#: The standard Kano evaluation table (rows: the answer with the feature; columns: without it), written out here.
ANSWERS = ["like", "must_be", "neutral", "live_with", "dislike"]
KANO = {"like": "QAAAO", "must_be": "RIIIM", "neutral": "RIIIM", "live_with": "RIIIM", "dislike": "RRRRQ"}
FEATURES = ["on_time_delivery", "tech_support", "application_engineering", "branded_gifts"]


def by_hand_groups(survey: pd.DataFrame) -> pd.Series:
    """Satisfied: 4 or 5; loyal: mean of the loyalty answers given >= 3.5; both answered."""
    s = survey.drop_duplicates("customer_id").set_index("customer_id")
    loyal_mean = s[FACES].mean(axis=1)
    ok = s["satisfaction"].notna() & loyal_mean.notna()
    sat, loyal = s["satisfaction"][ok] >= 4, loyal_mean[ok] >= 3.5
    names = {(True, True): "loyalist", (True, False): "mercenary", (False, True): "hostage", (False, False): "defector"}
    return pd.Series([names[(a, b)] for a, b in zip(sat, loyal)], index=sat.index)


# --- 07.satisfied_not_loyal -----------------------------------------------------------------------

def test_satisfied_not_loyal_by_hand(case):
    exercise = get_exercise("07.satisfied_not_loyal")
    groups = by_hand_groups(case.survey)
    satisfied = groups.isin(["loyalist", "mercenary"])
    share = (groups == "mercenary").sum() / satisfied.sum()
    assert 0.2 < share < 0.6  # many satisfied customers are not loyal (the planted effect)
    assert exercise.check(share).correct
    assert exercise.expected() == pytest.approx(share)
    for wrong, words in [((groups == "mercenary").mean(), "all respondents"),
                         ((groups == "loyalist").sum() / satisfied.sum(), "are loyal")]:
        feedback = exercise.check(wrong)
        assert not feedback.correct and words in feedback.message
    assert not exercise.check(share * 100).correct


def test_satisfied_not_loyal_follows_the_survey(case):
    survey = case.survey.copy()
    survey.loc[survey["satisfaction"] >= 4, FACES] = 5.0  # every satisfied respondent loyal
    assert get_exercise("07.satisfied_not_loyal").expected(survey=survey) == 0.0


# --- 07.repurchase_ratio --------------------------------------------------------------------------

def repurchase_shares(survey, orders) -> pd.Series:
    window = pd.Timedelta(days=PARAMS["repurchase_window_days"])
    o = orders[["customer_id", "order_date"]].merge(survey[["customer_id", "survey_date"]], on="customer_id")
    bought = o[(o["order_date"] > o["survey_date"]) & (o["order_date"] <= o["survey_date"] + window)]["customer_id"]
    answered = survey[survey["satisfaction"].notna()]
    return answered["customer_id"].isin(set(bought)).groupby(answered["satisfaction"]).mean()


def test_repurchase_ratio_by_hand(case):
    exercise = get_exercise("07.repurchase_ratio")
    data = dict(survey=case.survey, orders=case.orders)
    shares = repurchase_shares(case.survey, case.orders)
    ratio = shares[5] / shares[4]
    assert 1.5 < ratio < 4  # far from the essay's six
    assert exercise.check(ratio, **data).correct
    assert not exercise.check(6, **data).correct
    feedback = exercise.check(shares[5] - shares[4], **data)
    assert not feedback.correct and "ratio" in feedback.message
    assert str(PARAMS["repurchase_window_days"]) in str(exercise.prompt())


def test_repurchase_ratio_follows_the_orders(case):
    """Drop the 2025 orders of half the satisfied (4) respondents: fewer of them bought again, the ratio grows."""
    survey, orders = case.survey, case.orders
    fours = sorted(survey.loc[survey["satisfaction"] == 4, "customer_id"])
    fewer = orders[~(orders["customer_id"].isin(fours[::2]) & (orders["order_date"] >= "2025-01-01"))]
    exercise = get_exercise("07.repurchase_ratio")
    shares = repurchase_shares(survey, fewer)
    assert exercise.expected(survey=survey, orders=fewer) == pytest.approx(shares[5] / shares[4])
    assert exercise.expected(survey=survey, orders=fewer) > 1.3 * exercise.expected(survey=survey, orders=orders)


# --- 07.kano_better and 07.kano_invest ------------------------------------------------------------

def kano_counts(survey: pd.DataFrame, feature: str) -> pd.Series:
    pairs = survey[[f"kano_{feature}_functional", f"kano_{feature}_dysfunctional"]].dropna()
    categories = [KANO[f][ANSWERS.index(d)] for f, d in pairs.itertuples(index=False)]
    return pd.Series(categories).value_counts().reindex(list("AOMIRQ"), fill_value=0)


def better(counts: pd.Series) -> float:
    return (counts["A"] + counts["O"]) / counts[list("AOMI")].sum()


def test_kano_better_by_hand(case):
    exercise = get_exercise("07.kano_better")
    counts = kano_counts(case.survey, lesson07.BETTER_FEATURE)
    assert counts.idxmax() == "A"  # application engineering is attractive (the planted category)
    right = better(counts)
    assert exercise.check(right).correct
    assert not exercise.check(counts["A"] / counts[list("AOMI")].sum()).correct
    assert not exercise.check((counts["O"] + counts["M"]) / counts[list("AOMI")].sum()).correct
    if counts[["R", "Q"]].sum():
        assert not exercise.check((counts["A"] + counts["O"]) / counts.sum()).correct


def test_kano_invest_by_hand_and_follows_the_answers(case):
    decision = get_exercise("07.kano_invest")
    best_feature = max(FEATURES, key=lambda f: better(kano_counts(case.survey, f)))
    letter = {f: k for k, f in lesson07.KANO_CHOICES.items()}[best_feature]
    assert decision.expected() == letter
    assert decision.check(letter).correct
    # every customer now likes branded gifts and dislikes their absence: one-dimensional, better 1
    survey = case.survey.copy()
    survey["kano_branded_gifts_functional"], survey["kano_branded_gifts_dysfunctional"] = "like", "dislike"
    assert decision.expected(survey=survey) == "D"


# --- 07.service_budget ----------------------------------------------------------------------------

def group_savings(case, customers=None) -> dict:
    customers = case.customers if customers is None else customers
    groups = by_hand_groups(case.survey)
    s = case.survey.drop_duplicates("customer_id").set_index("customer_id")
    lost_date = customers.set_index("customer_id")["lost_date"].reindex(groups.index)
    lost = (lost_date > s["survey_date"].reindex(groups.index)) & (lost_date <= "2025-12-31")
    margin = case.orders[case.orders["order_date"].dt.year == 2024].groupby("customer_id")["margin_cny"].sum()
    margin = margin.reindex(groups.index).fillna(0.0)
    f = retention.facts(case.orders, customers, case.spend)
    out = {}
    for letter, group in lesson07.BUDGET_GROUPS.items():
        inside = groups == group
        cost = margin[inside].mean() * retention.expected_years(f["retention_rate"]) + f["acquisition_cost"]
        out[letter] = lost[inside].mean() * lesson07.SERVICE_EFFECT * cost
    return out


def test_service_budget_by_hand(case):
    decision = get_exercise("07.service_budget")
    data = dict(orders=case.orders, customers=case.customers, survey=case.survey, spend=case.spend)
    savings = group_savings(case)
    best = max(savings, key=savings.get)
    assert decision.expected(**data) == best
    right = decision.check(best, **data)
    assert right.correct and "The other choices" in right.message
    other = next(letter for letter in decision.options if letter != best)
    assert not decision.check(other, **data).correct


def test_service_budget_follows_the_losses(case):
    """If the loyal customers had been lost after the survey, the budget would go to them."""
    groups = by_hand_groups(case.survey)
    customers = case.customers.copy()
    loyal = customers["customer_id"].isin(groups.index[groups == "loyalist"])
    customers.loc[loyal, "lost_date"] = pd.Timestamp("2025-06-30")
    data = dict(orders=case.orders, customers=customers, survey=case.survey, spend=case.spend)
    assert get_exercise("07.service_budget").expected(**data) == "A"
    assert max(group_savings(case, customers).items(), key=lambda kv: kv[1])[0] == "A"


# --- the catalogue --------------------------------------------------------------------------------

def test_the_lesson_has_its_decisions_quiz_and_glossary():
    lesson = get_lesson("07")
    assert lesson.teaching_minutes + lesson.exercise_minutes <= 90
    decisions = [e for e in lesson07.EXERCISES if isinstance(e, Decision)]
    assert len(lesson07.EXERCISES) >= 4 and len(decisions) >= 2
    assert len(lesson07.QUIZ) >= 5
    assert all(len(q.feedback) == len(q.options) for q in lesson07.QUIZ)
    assert "08" in lesson.next["en"] and "08" in lesson.next["zh"]
    zh = {term.en: term.zh for term in lesson07.GLOSSARY}
    assert zh["intentional loyalty"] == "意识忠诚"  # the Loyalty article's own term
