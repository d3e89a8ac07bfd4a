"""Lesson 04's exercises and decisions: their answers follow the data, their feedback tells the truth.

The decisions are checked on small tables built by hand, where the best choice is known from how the
tables were built (not from the code under test), and then on the same tables changed so that another
choice becomes best.
"""

from __future__ import annotations

import pandas as pd
import pytest

from crmlessons import datasets, funnel, i18n, man
from crmlessons.lessons import lesson04
from crmlessons.practice import get_exercise
from test_funnel import NORMAL, team_tables


def coach(funnels):
    history, leads = team_tables(funnels)
    decision = get_exercise("04.coach")
    return decision.expected(history=history, leads=leads), decision, history, leads


def test_coach_picks_the_step_the_weak_salesperson_falls_short_at():
    # X sends only 8 of 50 talks on to a proposal (the team: 48 of 150): the gap is at 'proposal', letter C
    best, decision, history, leads = coach({"N1": NORMAL, "N2": NORMAL, "X": [100, 80, 50, 8, 4, 2]})
    assert best == "C"
    assert decision.check("C", history=history, leads=leads).correct
    assert "X" in str(decision.prompt(history=history, leads=leads))


def test_coach_follows_the_data_when_the_gap_moves_to_contacting():
    # now X contacts only half of the prospects and is normal further down: letter A
    best, *_ = coach({"N1": NORMAL, "N2": NORMAL, "X": [100, 50, 31, 12, 6, 3]})
    assert best == "A"


def test_coach_never_picks_a_step_with_fewer_than_10_leads():
    # X closes 1 of 8 negotiations (a wide gap, but 8 leads) and is a little short getting proposals into
    # negotiation (8 of 20): the rule judges only the second, letter D
    best, decision, history, leads = coach({"N1": NORMAL, "N2": NORMAL, "X": [100, 80, 50, 20, 8, 1]})
    assert best == "D"
    closing = decision.check("E", history=history, leads=leads)
    assert not closing.correct and "too few to judge" in str(closing)
    assert "too few" not in str(decision.check("D", history=history, leads=leads)).split("The other choices:")[0]


def test_coach_feedback_quotes_the_salesperson_figures_in_both_languages():
    decision = get_exercise("04.coach")
    person, stage = lesson04._coachee(datasets.load_stage_history(), datasets.load_leads())
    table = funnel.compare_to_team(datasets.load_stage_history(), datasets.load_leads(), person)
    right = str(decision.check(decision.expected()))
    assert f"{table.loc[stage, 'own']:.0%}" in right and f"{table.loc[stage, 'team']:.0%}" in right
    i18n.set_language("zh")
    assert "团队为" in str(decision.check("A")) and "决策练习" in str(decision.prompt())


def test_coach_without_anyone_falling_short_says_so_in_words():
    history, leads = team_tables({"N1": NORMAL, "N2": NORMAL})
    feedback = get_exercise("04.coach").check("A", history=history, leads=leads)
    assert not feedback.correct and "no salesperson falls short" in str(feedback)


def lever_leads(cohort: int, won: int, cycle_days: float, open_leads: int = 50):
    """Leads for sales velocity: ``cohort`` decided leads (``won`` of them won in ``cycle_days``), and open ones."""
    rows = [{"outcome": "won" if i < won else "lost", "cycle_days": cycle_days if i < won else 30.0,
             "deal_value_cny": 100_000.0, "created_date": pd.Timestamp("2023-03-01")} for i in range(cohort)]
    rows += [{"outcome": "open", "cycle_days": float("nan"), "deal_value_cny": 100_000.0,
              "created_date": pd.Timestamp("2025-09-01")} for _ in range(open_leads)]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("won, cycle_days, best", [
    (1, 165.0, "B"),    # 5% win rate: one point more is x1.20, more than 15% more opportunities (x1.15)
    (4, 300.0, "A"),    # 20% win rate and a long cycle: one point is x1.05, 20 days x1.07; A's x1.15 wins
    (4, 60.0, "C"),     # a short cycle: 20 days less is x1.5
])
def test_lever_follows_the_data(won, cycle_days, best):
    decision = get_exercise("04.lever")
    leads = lever_leads(20, won, cycle_days)
    assert decision.expected(leads=leads) == best
    feedback = decision.check(best, leads=leads)
    assert feedback.correct and "The other choices:" in str(feedback)


def test_lever_larger_deals_never_win_and_say_why():
    decision = get_exercise("04.lever")
    feedback = str(decision.check("D"))
    assert "only 1.10" in feedback and "take longer" in feedback


def test_lever_on_data_without_wins_explains_instead_of_failing():
    feedback = get_exercise("04.lever").check("A", leads=lever_leads(20, 0, 100.0))
    assert not feedback.correct and "won deals in the cohort" in str(feedback)


# ---------------------------------------------------------------------------------------------
# The computed exercises: their answers and the mistakes they recognise

def test_referral_win_rate_counts_only_the_decided_cohort():
    leads = datasets.load_leads()
    referral = leads[leads["source_channel"] == "referral"]
    cohort = referral[referral["created_date"] < "2024-07-01"]
    expected = (cohort["outcome"] == "won").sum() / len(cohort)
    exercise = get_exercise("04.win_rate")
    assert exercise.expected() == pytest.approx(expected)
    assert exercise.check(round(expected, 3)).correct
    assert "still open" in str(exercise.check((referral["outcome"] == "won").mean()))
    assert "whole team" in str(exercise.check(funnel.win_rate(leads)))


def test_group_leak_is_read_from_the_groups_own_row():
    exercise = get_exercise("04.biggest_leak")
    history, leads = datasets.load_stage_history(), datasets.load_leads()
    counts = funnel.stage_counts(history[history["lead_id"].isin(
        leads.loc[man.classify(leads) == lesson04.LEAK_GROUP, "lead_id"])])
    rates = counts.iloc[1:].to_numpy() / counts.iloc[:-1].to_numpy()
    assert exercise.expected() == counts.index[1:][rates.argmin()]
    assert "whole team" in str(exercise.check(funnel.biggest_leak(history)))


def test_prospects_needed_uses_the_measured_rate_not_the_round_five_percent():
    exercise = get_exercise("04.prospects_needed")
    rate = funnel.win_rate(datasets.load_leads())
    assert exercise.expected() == funnel.prospects_needed(5, rate, 0.9)
    assert "round 5%" in str(exercise.check(funnel.prospects_needed(5, 0.05, 0.9)))
    assert "on average" in str(exercise.check(5 / rate))


# ---------------------------------------------------------------------------------------------
# What the lesson says the source says

def test_the_widget_button_says_which_part_is_the_source_and_which_the_course():
    from crmlessons.widgets.funnel import FunnelWidget

    button = FunnelWidget().source_button
    assert "course" in button.description and "Key-account CRM course" in button.tooltip
    assert "80, 50 or 20" in button.tooltip
    i18n.set_language("zh")
    assert "本课程" in FunnelWidget().source_button.description


def test_the_course_chain_keeps_only_the_sources_100_50_and_5():
    # the source: 100 prospects; 80, 50 or 20 talking business (alternatives); 5 or fewer close
    chain = dict(zip(funnel.STAGES, funnel.SOURCE_EXAMPLE))
    assert chain["prospect"] == 100 and chain["talking_business"] in (80, 50, 20) and chain["won"] <= 5
    assert "the course's" in funnel.__doc__ and "alternative outcomes" in funnel.__doc__


def test_glossary_credits_the_source_only_for_its_own_words():
    credited = {term.en for term in lesson04.GLOSSARY if term.source}
    assert credited == {"success probability", "talking business"}
