"""Lesson 02, the ASK rule: scoring, profiles, team analysis, the radar chart and the self-assessment widget."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from crmlessons import ask, i18n
from crmlessons.datasets import load_ask_items, load_salespeople, make_case
from crmlessons.plots import ask as ask_plots

IDS = ask.item_ids()
answers_strategy = st.fixed_dictionaries({item: st.integers(1, 5) for item in IDS})


@pytest.fixture(scope="module")
def team():
    return load_salespeople()


def flat(value: int) -> dict:
    return dict.fromkeys(IDS, value)


# --- scoring ------------------------------------------------------------------------------------

def test_reverse_scored_items_are_turned_round():
    answers = flat(5)
    scores = ask.score(answers)
    # three items at 5 and the reverse item at 6 - 5 = 1: mean 4 -> 75
    assert scores.tolist() == [75.0, 75.0, 75.0]
    reverse = [str(i) for i in load_ask_items().query("reverse_scored")["item_id"]]
    assert reverse == ["A4", "S4", "K4"]


def test_best_and_worst_answers_reach_the_ends_of_the_scale():
    best = {i: (1 if i.endswith("4") else 5) for i in IDS}
    worst = {i: (5 if i.endswith("4") else 1) for i in IDS}
    assert ask.score(best).tolist() == [100.0, 100.0, 100.0]
    assert ask.score(worst).tolist() == [0.0, 0.0, 0.0]


def test_series_row_of_the_team_scores_like_the_table(team):
    table = ask.score(team)
    row = team.iloc[3]  # a Series with salesperson_id, region ... besides the items
    assert ask.score(row).tolist() == table.iloc[3].tolist()
    assert table.index.name == "salesperson_id" and list(table.columns) == ["A", "S", "K"]


def test_team_scores_match_the_datasets_own_measurement(team):
    from crmlessons.datasets.effects import ask_scores

    theirs = ask_scores(team.set_index("salesperson_id"), load_ask_items())
    ours = ask.score(team)
    # the datasets module keeps item means (1-5); ours stretch them to 0-100
    for d in ask.DIMENSIONS:
        assert ((theirs[d] - 1) / 4 * 100).round(9).tolist() == ours[d].round(9).tolist()


@settings(max_examples=60, deadline=None)
@given(answers_strategy)
def test_scores_stay_on_the_0_100_scale_and_follow_the_answers(answers):
    scores = ask.score(answers)
    assert ((scores >= 0) & (scores <= 100)).all()
    # agreeing more with a normal item never lowers its dimension; with a reverse item never raises it
    for item, direction in (("S1", 1), ("S4", -1)):
        if answers[item] < 5:
            more = dict(answers, **{item: answers[item] + 1})
            assert direction * (ask.score(more)["S"] - scores["S"]) > 0


@settings(max_examples=40, deadline=None)
@given(answers_strategy)
def test_profile_names_the_lowest_dimension_and_suggests_for_it_first(answers):
    p = ask.assess(answers)
    assert p.scores[p.weakest] == p.scores.min()
    assert all(p.scores[d] >= ask.STRONG for d in p.strengths)
    assert p.suggestions[0] == i18n.t(f"ask_tip_{p.weakest}_{ask.level(p.scores[p.weakest])}")
    assert len(p.suggestions) == 3


# --- bad answers --------------------------------------------------------------------------------

def test_missing_item_is_named():
    answers = flat(3)
    del answers["K2"]
    with pytest.raises(ValueError, match=r"missing item\(s\) \['K2'\]"):
        ask.score(answers)


@pytest.mark.parametrize("value, error, pattern", [
    (7, ValueError, r"item S2 must be a whole number from 1 to 5; got 7"),
    (0, ValueError, r"item S2 must be a whole number from 1 to 5; got 0"),
    (2.5, ValueError, r"item S2 must be a whole number from 1 to 5; got 2.5"),
    (float("nan"), ValueError, r"item S2 is missing \(NaN\)"),
    ("4", TypeError, r"item S2 must be a whole number from 1 to 5; got str '4'"),
    (True, TypeError, r"item S2 .* got bool True"),
])
def test_answer_outside_the_scale_is_named(value, error, pattern):
    with pytest.raises(error, match=pattern):
        ask.score(dict(flat(3), S2=value))


def test_unknown_item_id_is_named_and_other_keys_are_ignored():
    with pytest.raises(ValueError, match=r"unknown item id\(s\) \['A5'\]"):
        ask.score(dict(flat(3), A5=4))
    with pytest.raises(ValueError, match=r"unknown item id\(s\) \['s1'\]"):
        ask.score(dict(flat(3), s1=4))
    assert ask.score(dict(flat(3), salesperson_id="SP001", region="east")).tolist() == [50.0] * 3


def test_bad_team_table_names_the_item_and_the_person(team):
    broken = team.copy()
    broken["K3"] = broken["K3"].astype("float64")
    broken.loc[5, "K3"] = 9
    with pytest.raises(ValueError, match=r"item K3 \(row SP006\) must be a whole number from 1 to 5; got 9"):
        ask.score(broken)
    with pytest.raises(ValueError, match=r"answers is missing column\(s\) \['A1'\]"):
        ask.score(team.drop(columns="A1"))


def test_wrong_kinds_of_input_are_explained(team):
    with pytest.raises(TypeError, match="answers must be a dict or pandas Series"):
        ask.score([3] * 12)
    with pytest.raises(ValueError, match=r"scores is missing dimension\(s\) \['K'\]"):
        ask.profile({"A": 50, "S": 50})
    with pytest.raises(ValueError, match=r"scores\['A'\] must be between 0 and 100; got 120"):
        ask.profile({"A": 120, "S": 50, "K": 50})
    with pytest.raises(ValueError, match="method must be one of"):
        ask.relations(team, method="kendall")
    with pytest.raises(ValueError, match=r"salespeople is missing column\(s\) \['win_rate'\]"):
        ask.team_profiles(team.drop(columns="win_rate"))
    with pytest.raises(ValueError, match=r"weights is missing dimension\(s\) \['K'\]"):
        ask.coaching_priorities(team, weights={"A": 1, "S": 1})
    with pytest.raises(ValueError, match=r"kinds\[1\] must be 'ask' or 'tell'; got 'pitch'"):
        ask.ask_tell_ratio(["ask", "pitch"])


# --- profile text -------------------------------------------------------------------------------

def test_profile_text_is_bilingual_and_names_the_item_that_pulls_down():
    answers = dict(flat(4), S4=5)  # agrees with "same pitch to everyone"
    p = ask.assess(answers)
    assert p.weakest == "S" and "S4" in p.pulls_down and "same product pitch" in p.pulls_down
    assert "Skill" in repr(p) and "Coaching suggestions" in p._repr_html_()
    i18n.set_language("zh")
    p = ask.assess(answers)
    assert "技能" in repr(p) and "辅导建议" in p._repr_html_() and "同一套产品说辞" in p.pulls_down


def test_balanced_profile_and_no_strength_are_said_in_words():
    p = ask.profile({"A": 55, "S": 58, "K": 60})
    assert p.balanced and p.strengths == [] and "none yet" in repr(p)


# --- team analysis ------------------------------------------------------------------------------

def test_planted_effect_skill_moves_win_rate_most_knowledge_least(team):
    r = ask.relations(team)["win_rate"]
    assert r["S"] > r["A"] > r["K"]
    assert r["ask_tell_ratio"] > 0.3
    groups = ask.ask_vs_tell(team)
    assert groups.loc[True, "win_rate"] > groups.loc[False, "win_rate"]
    assert groups["people"].sum() == len(team)


@pytest.mark.parametrize("seed", [1, 2])
def test_skill_beats_knowledge_in_other_variants(seed):
    case = make_case(seed, n_leads=4000, n_customers=300, n_salespeople=40)
    r = ask.relations(case.salespeople)["win_rate"]
    assert r["S"] > r["K"]


def test_correlation_interval_is_wide_for_small_teams():
    low, high = ask.correlation_interval(0.3, 40)
    assert low < 0.3 < high and high - low > 0.5
    low_big, high_big = ask.correlation_interval(0.3, 4000)
    assert high_big - low_big < 0.1
    assert "not proof" in ask.caution(40) and "40" in ask.caution(40)
    with pytest.raises(ValueError, match="n must be at least 4"):
        ask.correlation_interval(0.3, 3)


def test_coaching_list_is_sorted_and_weighs_what_matters(team):
    plan = ask.coaching_priorities(team)
    assert len(plan) == len(team) and plan["priority"].is_monotonic_decreasing
    assert set(plan["coach_on"]) <= set(ask.DIMENSIONS)
    # Knowledge barely goes with win rate in this team, so almost nobody is coached on it first
    assert (plan["coach_on"] == "S").sum() > (plan["coach_on"] == "K").sum()
    equal = ask.coaching_priorities(team, weights={"A": 1, "S": 1, "K": 1})
    scores = ask.score(team)
    assert all(equal.loc[p, "score"] == scores.loc[p].min() for p in equal.index)


def test_coaching_gains_are_room_to_grow_times_weight_and_drive_the_list(team):
    gains = ask.coaching_gains(team)
    scores, weights = ask.score(team), ask.importance(team)
    person = "SP008"
    for d in ask.DIMENSIONS:  # worked by hand: (100 - score) x correlation with win rate
        assert gains.loc[person, d] == pytest.approx((100 - scores.loc[person, d]) * weights[d])
    plan = ask.coaching_priorities(team)
    assert (plan["coach_on"] == gains.loc[plan.index].idxmax(axis=1)).all()
    assert plan["priority"].tolist() == pytest.approx(gains.loc[plan.index].max(axis=1).tolist())
    # equal weights: the gain is the room to grow itself
    equal = ask.coaching_gains(team, weights={"A": 1, "S": 1, "K": 1})
    assert equal.loc[person].tolist() == pytest.approx((100 - scores.loc[person]).tolist())


def test_comparison_within_skill_halves_counts_everyone_once(team):
    table = ask.ask_vs_tell_within(team)
    assert table["people"].sum() == len(team)
    scores = ask.score(team)["S"]
    upper = scores >= scores.median()
    assert table.xs("upper")["people"].sum() == upper.sum()
    # the mean win rate of the skilled askers, counted by hand
    askers = team["ask_tell_ratio"].gt(1).to_numpy() & upper.to_numpy()
    assert table.loc[("upper", True), "win_rate"] == pytest.approx(team.loc[askers, "win_rate"].mean())
    assert table.xs("upper")["S"].min() >= scores.median() > table.xs("lower")["S"].max()
    with pytest.raises(ValueError, match="dimension must be one of"):
        ask.ask_vs_tell_within(team, dimension="X")


def test_gap_that_is_all_skill_vanishes_within_the_halves(team):
    """The test fails the claim when asking only rides on Skill: here win rate follows Skill alone."""
    built = team.copy()
    skill = ask.score(built)["S"].to_numpy()
    built["win_rate"] = (skill >= pd.Series(skill).median()).astype(float) * 0.1
    table = ask.ask_vs_tell_within(built)["win_rate"]
    assert table.loc[("upper", True)] == table.loc[("upper", False)]
    assert table.loc[("lower", True)] == table.loc[("lower", False)]


def test_weighted_score_follows_the_teams_weights(team):
    weights = ask.importance(team, outcome="revenue_cny")
    profile = {"A": 20, "S": 90, "K": 40}
    by_hand = sum(weights[d] * profile[d] for d in ask.DIMENSIONS) / weights.sum()
    assert ask.weighted_score(profile, team, outcome="revenue_cny") == pytest.approx(by_hand)
    table = pd.DataFrame([profile, {"A": 50, "S": 50, "K": 50}], index=["x", "y"])
    assert ask.weighted_score(table, team).loc["y"] == pytest.approx(50.0)
    assert ask.weighted_score(dict.fromkeys(ask.DIMENSIONS, 100), team) == pytest.approx(100.0)


def test_weighted_score_refuses_a_team_where_nothing_goes_with_results(team):
    flat_results = team.copy()
    flat_results["win_rate"] = -ask.score(team).sum(axis=1).to_numpy() / 1000 + 1  # every dimension negative
    assert (ask.importance(flat_results) == 0).all()  # the construction: every correlation is negative
    with pytest.raises(ValueError, match="no ASK dimension goes with win_rate"):
        ask.weighted_score({"A": 50, "S": 50, "K": 50}, flat_results)
    with pytest.raises(ValueError, match=r"scores row 'b'\['S'\] must be between 0 and 100"):
        ask.weighted_score(pd.DataFrame({"A": [1, 2], "S": [3, 400], "K": [5, 6]}, index=["a", "b"]), team)


def test_ask_tell_ratio_of_a_conversation():
    assert ask.ask_tell_ratio(["ask", "ask", "tell"]) == 2.0
    assert ask.ask_tell_ratio(["tell"]) == 0.0


# --- charts -------------------------------------------------------------------------------------

def test_radar_needs_a_polar_axes_and_says_how_to_make_one():
    with pytest.raises(ValueError, match=r"projection='polar'"):
        ask_plots.radar({"A": 1, "S": 2, "K": 3}, ax=Figure().subplots())


def test_radar_is_bilingual_and_draws_the_comparison():
    i18n.set_language("zh")
    ax = ask_plots.radar({"A": 80, "S": 40, "K": 60}, compare={"A": 50, "S": 50, "K": 50},
                         labels=("我", "经理评价"), ax=Figure().add_subplot(projection="polar"))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["态度", "技能", "知识"]
    assert ax.get_title() == "ASK 画像（0-100 分）"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["我", "经理评价"]


def test_team_charts_switch_language(team):
    ax = ask_plots.relations_chart(team, ax=Figure().subplots())
    assert "n = 40" in ax.get_title()
    i18n.set_language("zh")
    ax = ask_plots.relations_chart(team, outcome="revenue_cny", ax=Figure().subplots())
    assert "赢单金额" in ax.get_title()
    ax = ask_plots.ask_tell_scatter(team, ax=Figure().subplots())
    assert ax.get_xlabel() == "提问与陈述之比"


# --- the widget ---------------------------------------------------------------------------------

def test_widget_reacts_to_a_slider_and_to_the_comparison(tmp_path):
    from crmlessons.widgets.ask import AskSelfAssessment

    w = AskSelfAssessment(work_folder=tmp_path)
    assert {"crm-widget", "crm-ask"} <= set(w._dom_classes)
    assert "crm-ask-item-S4" in w.sliders["S4"]._dom_classes
    chart, text = w.chart.value, w.profile_html.value
    w.sliders["S1"].value = 5
    assert w.chart.value != chart and w.profile_html.value != text
    assert w.scores["S"] == 62.5
    chart = w.chart.value
    w.compare_choice.value = "SP007"
    assert w.chart.value != chart and w.status.value == ""


def test_widget_accepts_a_managers_view_and_saves_to_the_work_folder(tmp_path):
    from crmlessons.widgets.ask import AskSelfAssessment, load_profile

    w = AskSelfAssessment(compare_with=flat(4), compare_label="Manager", work_folder=tmp_path)
    assert w.compare_choice.value == "given" and ("Manager", "given") in w.compare_choice.options
    w.compare("saved")  # nothing saved yet: a sentence, not a traceback
    assert "no saved profile yet" in w.status.value
    w.set_answers({"A1": 1, "K4": 5})
    w.save_button.click()
    assert "ask_profile.json" in w.saved.value
    saved = json.loads((tmp_path / "ask_profile.json").read_text(encoding="utf-8"))
    assert saved["answers"]["A1"] == 1 and load_profile(tmp_path)["K4"] == 5
    w.compare("none")
    w.compare("saved")
    assert w.status.value == ""


def test_widget_is_built_in_the_current_language(tmp_path):
    from crmlessons.widgets.ask import AskSelfAssessment

    i18n.set_language("zh")
    w = AskSelfAssessment(work_folder=tmp_path)
    assert "被客户拒绝后" in w.children[1].children[0].children[1].children[0].value
    assert "辅导建议" in w.profile_html.value and w.save_button.description == "保存我的画像"
    assert repr(w) == "ASK 自我评估：在 Jupyter 中运行此单元格即可使用。"


def test_widget_rejects_bad_starting_answers_by_name():
    from crmlessons.widgets.ask import AskSelfAssessment

    with pytest.raises(ValueError, match="item A1"):
        AskSelfAssessment(answers=dict(flat(3), A1=8))
    with pytest.raises(ValueError, match="SP999"):
        AskSelfAssessment(compare_with="SP999")


def test_role_play_counts_questions_and_statements():
    from crmlessons.lessons.lesson02 import ROLE_PLAY, role_play

    text = repr(role_play())
    assert "0.0 (0 questions, 3 statements)" in text and "2.5 (5 questions, 2 statements)" in text
    assert all(kind in ("ask", "tell", "reply") for version in ("telling", "asking") for _, kind, *_ in ROLE_PLAY[version])
    i18n.set_language("zh")
    assert "周工" in role_play()._repr_html_() and "设备工程师" in role_play()._repr_html_()
