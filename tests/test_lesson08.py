"""Lesson 08's exercises and decisions, and the claims its prose makes about the chosen customers.

Each exercise's answer is recomputed here from the raw tables with plain pandas (or, for the decisions, from the
simulator and the course's rules called directly) and checked right, and its plausible mistakes checked wrong. The
prose says what the three chosen customers' stories show on the shipped data: those claims are tested here, so a
change of data cannot make the text silently wrong.
"""

from __future__ import annotations

import pandas as pd
import pytest

from crmlessons import accounts, datasets, strategy
from crmlessons.lessons import lesson08
from crmlessons.practice import get_exercise


def chosen(case, role):
    table = accounts.chosen_customers(case)
    return table.loc[table["role"] == role, "customer_id"].item()


# --- the prose of section 3 ----------------------------------------------------------------------

def test_the_loyal_customer_was_won_from_a_lead_is_a_loyalist_and_still_buys(case):
    customer_id = chosen(case, "loyal")
    row = case.customers.set_index("customer_id").loc[customer_id]
    assert pd.notna(row["lead_id"]) and row["status"] == "active"
    assert accounts.journey(customer_id, case=case).facts["group"] == "loyalist"


def test_the_lost_customer_looked_safe_in_the_survey_and_the_model(case):
    """Section 3: 'Its survey answers placed it among the satisfied and loyal, and lesson 06's purchase model still
    gave it a high chance of being alive: neither saw the loss coming. The loss reason did.'"""
    facts = accounts.journey(chosen(case, "lost"), case=case).facts
    answer = case.survey.set_index("customer_id").loc[facts["customer_id"]]
    assert answer["satisfaction"] >= 4 and facts["group"] == "loyalist"
    assert facts["p_alive"] > 0.5
    assert facts["status"] == "lost" and facts["loss_category"] == "company_side"


def test_the_channel_mix_hardly_differs_between_segments(case):
    """Section 4: 'the channel mix hardly differs from one segment to the next'."""
    from crmlessons import relationship, value

    segments = value.rfm_segments(value.rfm_summary(case.orders))
    shares = relationship.contact_by_segment(segments, case.customers).drop(columns="customers")
    assert (shares.max() - shares.min()).max() < 0.1


# --- 08.force ---------------------------------------------------------------------------------------

def test_force_follows_the_lost_customers_recorded_reason(case):
    exercise = get_exercise("08.force")
    customer_id = chosen(case, "lost")
    reason = case.losses[(case.losses["customer_id"] == customer_id) & (case.losses["loss_type"] == "customer")]
    reason = reason.sort_values("lost_date")["reason"].iloc[-1]
    by_hand = {"complaint_handling": "D", "communication": "D", "lack_of_care": "D", "competitor": "C", "price": "C",
               "product": "C", "friends_family_opinion": "B", "not_meeting_criteria": "A", "lost_contact": "A",
               "contact_died_or_left": "A"}[reason]
    assert exercise.expected() == by_hand
    assert exercise.check(by_hand).correct
    assert not exercise.check("B" if by_hand != "B" else "C").correct


# --- 08.order_drop and 08.next_step -----------------------------------------------------------------

def yearly_orders(case, customer_id):
    """Orders in the last 365 days before the data date and in the 365 before those, by hand."""
    end = pd.Timestamp(datasets.rules.AS_OF)
    dates = case.orders.loc[case.orders["customer_id"] == customer_id, "order_date"]
    recent = int(((dates > end - pd.Timedelta(days=365)) & (dates <= end)).sum())
    before = int(((dates > end - pd.Timedelta(days=730)) & (dates <= end - pd.Timedelta(days=365))).sum())
    return before, recent


def test_order_drop_by_hand(case):
    exercise = get_exercise("08.order_drop")
    before, recent = yearly_orders(case, chosen(case, "at_risk"))
    assert before > recent > 0
    assert exercise.check(1 - recent / before).correct
    assert "left" in exercise.check(recent / before).message
    assert "number of orders" in exercise.check(float(before - recent)).message


def test_next_step_is_a_visit_for_the_flagged_customer_and_waiting_where_nothing_calls_for_contact(case):
    exercise = get_exercise("08.next_step")
    assert accounts.journey(chosen(case, "at_risk"), case=case).facts["flagged"]
    assert exercise.expected() == "B"
    assert not exercise.check("A").correct and not exercise.check("D").correct
    assert {step: ("B" if step in lesson08.CONTACT_STEPS else "C") for step in ("service_visit", "ask_survey")} == \
        {"service_visit": "B", "ask_survey": "C"}


# --- the diagnosis ----------------------------------------------------------------------------------

def test_top20_share_by_hand(case):
    margins = case.orders.groupby("customer_id")["margin_cny"].sum().sort_values(ascending=False)
    share = margins.iloc[: round(0.2 * len(margins))].sum() / margins.sum()
    exercise = get_exercise("08.top20_share")
    assert exercise.check(share).correct
    revenue = case.orders.groupby("customer_id")["amount_cny"].sum().sort_values(ascending=False)
    wrong = revenue.iloc[: round(0.2 * len(revenue))].sum() / revenue.sum()
    assert abs(wrong - share) / share > 0.01 and "revenue" in exercise.check(wrong).message


def test_biggest_leak_by_hand(case):
    reached = case.stage_history.groupby("stage")["lead_id"].nunique().reindex(list(datasets.rules.STAGES))
    conversion = reached / reached.shift(1)
    assert get_exercise("08.biggest_leak").check(str(conversion.iloc[1:].idxmin())).correct


def test_controllable_share_by_hand(case):
    lost = case.losses[(case.losses["loss_type"] == "customer") & case.losses["reason"].notna()]
    share = (lost["category"] == "company_side").mean()
    exercise = get_exercise("08.controllable_share")
    assert exercise.check(share).correct
    deals = case.losses[(case.losses["loss_type"] == "deal") & case.losses["reason"].notna()]
    wrong = (deals["category"] == "company_side").mean()
    assert "lost deals" in exercise.check(wrong).message


def test_loyalist_share_by_hand(case):
    faces = ["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]
    s = case.survey.drop_duplicates("customer_id")
    mean = s[faces].mean(axis=1)
    ok = s["satisfaction"].notna() & mean.notna()
    share = ((s["satisfaction"][ok] >= 4) & (mean[ok] >= 3.5)).mean()
    exercise = get_exercise("08.loyalist_share")
    assert exercise.check(share).correct
    assert "hostages" in exercise.check((mean[ok] >= 3.5).mean()).message


# --- 08.budget_split and 08.one_action ---------------------------------------------------------------

def test_budget_split_is_the_choice_with_most_simulated_profit(case):
    settings = strategy.firm_settings(case.orders, case.customers, case.spend)
    profits = {letter: strategy.summary(strategy.simulate(**{**settings, "share_acquisition": 1 - keep}))
               .loc["chosen", "cumulative_profit"] for letter, keep in lesson08.KEEP_CHOICES.items()}
    best = max(profits, key=profits.get)
    exercise = get_exercise("08.budget_split")
    assert exercise.expected() == best and exercise.check(best).correct


def test_budget_split_moves_with_the_cost_of_a_new_customer(case, monkeypatch):
    """Make winning customers very dear and keeping pays best: the answer must move away from A."""
    real = strategy.firm_settings

    def dear(*args, **kwargs):
        return {**real(*args, **kwargs), "cost_new": 500_000.0}

    monkeypatch.setattr(strategy, "firm_settings", dear)
    assert get_exercise("08.budget_split").expected() in ("C", "D")


def test_one_action_keeps_the_most_margin(case):
    from crmlessons import case as capstone

    saved = {}
    for letter, action in lesson08.ACTION_CHOICES.items():
        plan = capstone.Plan(["champions"], 3, 0.5, [action], ["product", "price"])
        saved[letter] = capstone.effect_facts(plan, case)["retention_actions"]["margin_saved"]
    best = max(saved, key=saved.get)
    assert get_exercise("08.one_action").expected() == best


# --- variants ---------------------------------------------------------------------------------------

def test_the_checked_answers_follow_a_groups_variant():
    try:
        datasets.use_variant(3)
        variant = {name: get_exercise(name).expected() for name in ("08.top20_share", "08.order_drop",
                                                                    "08.controllable_share")}
    finally:
        datasets.use_variant(None)
    shipped = {name: get_exercise(name).expected() for name in variant}
    assert any(variant[name] != pytest.approx(shipped[name]) for name in variant)
