"""Lesson 04, the success funnel: measures, planning with chance, the charts and the widget."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from crmlessons import datasets, funnel, i18n
from crmlessons.plots import funnel as funnel_plots


@pytest.fixture(scope="module")
def history():
    return datasets.load_stage_history()


@pytest.fixture(scope="module")
def leads():
    return datasets.load_leads()


def tiny_history():
    # three leads: one stops at prospect, one at talking_business, one wins; all created in 2023
    rows = [("A", 0, "2023-01-01"), ("B", 0, "2023-01-02"), ("B", 1, "2023-01-10"), ("B", 2, "2023-02-01"),
            ("C", 0, "2023-01-03"), ("C", 1, "2023-01-05"), ("C", 2, "2023-01-20"), ("C", 3, "2023-02-10"),
            ("C", 4, "2023-03-01"), ("C", 5, "2023-04-01"), ("D", 0, "2025-01-01")]
    frame = pd.DataFrame(rows, columns=["lead_id", "stage_order", "entered_date"])
    frame["entered_date"] = pd.to_datetime(frame["entered_date"])
    return frame


def team_tables(funnels: dict[str, list[int]]):
    """(history, leads) for salespeople whose cohort leads reach each stage in the numbers given."""
    history, leads = [], []
    day = pd.Timestamp("2023-01-02")
    for person, reached in funnels.items():
        stops = [reached[k] - (reached[k + 1] if k + 1 < len(reached) else 0) for k in range(len(reached))]
        for furthest in (stage for stage, n in enumerate(stops) for _ in range(n)):
            lead = f"L{len(leads):05d}"
            leads.append({"lead_id": lead, "salesperson_id": person, "created_date": day})
            history += [{"lead_id": lead, "stage_order": s, "entered_date": day + pd.Timedelta(days=9 * s)}
                        for s in range(furthest + 1)]
    return pd.DataFrame(history), pd.DataFrame(leads)


NORMAL = [100, 80, 50, 20, 10, 5]   # leads reaching each stage: prospect ... won


# ---------------------------------------------------------------------------------------------
# Stage counts and conversion

def test_stage_counts_count_every_stage_up_to_the_furthest_and_respect_the_cohort():
    counts = funnel.stage_counts(tiny_history())
    assert counts.tolist() == [3, 2, 2, 1, 1, 1]      # D (2025) is not in the cohort
    assert funnel.stage_counts(tiny_history(), before=None).tolist() == [4, 2, 2, 1, 1, 1]
    assert counts.name == "leads" and list(counts.index) == list(funnel.STAGES)


def test_case_funnel_matches_the_planted_reach(history, leads):
    table = funnel.conversion(history)
    effects = datasets.planted_effects().set_index("name")
    for stage in ["contacted", "talking_business", "proposal", "negotiation"]:
        row = effects.loc[f"reach_{stage}"]
        assert abs(table.loc[stage, "reach"] - row["value"]) <= row["tolerance"]
    # the history and the leads table agree
    cohort = leads[leads["created_date"] < funnel.COHORT_END]
    assert table.loc["won", "leads"] == (cohort["outcome"] == "won").sum()
    assert table["leads"].iloc[0] == len(cohort)


def test_conversion_from_counts_reproduces_the_source_example():
    table = funnel.conversion_from_counts(funnel.SOURCE_EXAMPLE)
    assert np.allclose(table["conversion"].iloc[1:], funnel.SOURCE_RATES)
    assert table["reach"].iloc[-1] == pytest.approx(0.05)
    assert table["lost"].sum() == 95


def test_conversion_from_counts_handles_empty_stages():
    table = funnel.conversion_from_counts([0, 0, 0])
    assert table["conversion"].tolist() == [1.0, 0.0, 0.0] and table["reach"].tolist() == [1.0, 0.0, 0.0]


def test_biggest_leak_and_win_rate(history, leads):
    assert funnel.biggest_leak(history) == "proposal"
    assert funnel.win_rate(leads) == pytest.approx(83 / 1795)
    assert funnel.win_rate(leads, before=None) == pytest.approx(165 / (165 + 3604))


def test_stage_win_probability_grows_down_the_funnel(history):
    p = funnel.stage_win_probability(history)
    assert p.is_monotonic_increasing and p["won"] == 1.0
    assert p["prospect"] == pytest.approx(83 / 1795)


# ---------------------------------------------------------------------------------------------
# Splits, cycle length, coaching

def test_cycle_length_grows_with_deal_size(leads):
    table = funnel.cycle_length(leads)
    assert table["median_days"].is_monotonic_increasing
    assert table["deals"].sum() == 83
    assert list(table.index)[0] == "<50k"
    assert funnel.cycle_length(leads, by=None).index.tolist() == ["all"]


@pytest.mark.parametrize("by", ["source_channel", "salesperson_id", "man", "size_band", "company_size"])
def test_breakdown_splits_by_any_column(leads, by):
    table = funnel.breakdown(leads, by=by)
    assert table["leads"].sum() == 1795 and table["won"].sum() == 83
    assert table["win_rate"].between(0, 1).all()


def test_breakdown_by_man_shows_full_man_wins_most(leads):
    table = funnel.breakdown(leads, by="man")
    assert table["win_rate"].idxmax() == "M+A+N"


def test_conversion_by_group_adds_up_to_the_team(history, leads):
    table = funnel.conversion_by(history, leads, by="source_channel")
    assert table["leads"].sum() == 1795
    rates = table.drop(columns="leads")
    assert ((rates >= 0) & (rates <= 1) | rates.isna()).all().all()


def test_compare_to_team_and_work_on_first(history, leads):
    table = funnel.compare_to_team(history, leads, "SP001")
    assert list(table.index) == list(funnel.STAGES[1:])
    assert np.allclose(table["gap"], table["team"] - table["own"], equal_nan=True)
    first = funnel.work_on_first(history, leads)
    cohort = leads[leads["created_date"] < funnel.COHORT_END]
    assert len(first) == cohort["salesperson_id"].nunique()   # people hired later have no cohort leads
    row = first.loc["SP001"]
    judged = table[table["own_leads"] >= 10]
    assert row["work_on"] == judged["extra_deals"].idxmax()
    everything = funnel.work_on_first(history, leads, min_leads=1)
    assert everything.loc["SP001", "work_on"] == table["extra_deals"].idxmax()
    with pytest.raises(ValueError, match="min_leads must be at least 1"):
        funnel.work_on_first(history, leads, min_leads=0)


def test_work_on_first_on_a_team_built_by_hand():
    # X sends 8 of 50 talks on to a proposal, the team 48 of 150 (0.32), and 8 of the team's 48 proposals
    # win: matching the team adds 50 x (0.32 - 0.16) x 8 / 48 = 1.33 deals. Y closes 1 of 8 negotiations
    # (the team 8 of 22): a wide gap, but on 8 leads, below min_leads=10, so that step is not judged.
    history, leads = team_tables({"N": NORMAL, "X": [100, 80, 50, 8, 4, 2], "Y": [100, 80, 50, 20, 8, 1]})
    first = funnel.work_on_first(history, leads)
    assert first.loc["X", "work_on"] == "proposal" and first.loc["X", "extra_deals"] == pytest.approx(50 * 0.16 * 8 / 48)
    assert first.loc["X", "gap"] == pytest.approx(48 / 150 - 8 / 50)
    assert first.loc["Y", "work_on"] == "negotiation"       # 8 of 20 proposals, the team 22 of 48
    assert funnel.work_on_first(history, leads, min_leads=5).loc["Y", "work_on"] == "won"
    assert first.loc["N", "work_on"] == "none"               # N beats the team wherever it differs
    table = funnel.compare_to_team(history, leads, "X")
    assert table["own_leads"].tolist() == [100, 80, 50, 8, 4]


# ---------------------------------------------------------------------------------------------
# Planning with chance

def test_prospects_needed_matches_a_direct_binomial_sum():
    def chance(n, p, k):
        return 1 - sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k))

    for target, rate, conf in [(5, 0.05, 0.9), (1, 0.2, 0.5), (3, 0.3, 0.95), (10, 0.1, 0.8)]:
        n = funnel.prospects_needed(target, rate, conf)
        assert chance(n, rate, target) >= conf > chance(n - 1, rate, target)
        assert funnel.deals_chance(n, rate, target) == pytest.approx(chance(n, rate, target))


def test_prospects_needed_is_more_than_target_over_rate_when_you_want_to_be_sure():
    assert funnel.prospects_needed(5, 0.05, 0.9) == 158 > 5 / 0.05
    assert funnel.prospects_needed(0, 0.05) == 0 and funnel.prospects_needed(4, 1.0) == 4


def test_simulation_is_seeded_and_never_grows_down_the_funnel():
    a = funnel.simulate(100, funnel.SOURCE_RATES, n_runs=500, random_state=1)
    b = funnel.simulate(100, funnel.SOURCE_RATES, n_runs=500, random_state=1)
    assert (a == b).all() and (np.diff(a, axis=1) <= 0).all()
    assert a[:, -1].mean() == pytest.approx(5, abs=0.5)


def test_explore_gives_the_widget_everything():
    plan = funnel.explore(100, funnel.SOURCE_RATES, target=5, confidence=0.9)
    assert plan.expected == (100.0, 80.0, 50.0, 20.0, 10.0, 5.0)
    assert plan.low[-1] < 5 < plan.high[-1]
    assert plan.needed == 158 and plan.naive == pytest.approx(100)
    assert 0.4 < plan.chance_of_target < 0.7
    none = funnel.explore(100, [0.5, 0.0], target=2)
    assert none.needed is None and none.chance_of_target == 0


def test_weighted_pipeline_and_velocity(leads, history):
    table = funnel.weighted_pipeline(leads)
    open_leads = leads[leads["outcome"] == "open"]
    assert table["open_leads"].sum() == len(open_leads)
    assert table["value_cny"].sum() == pytest.approx(open_leads["deal_value_cny"].sum())
    assert np.allclose(table["win_probability"], funnel.stage_win_probability(history))
    v = funnel.velocity(leads)
    assert v["velocity_cny_per_day"] == pytest.approx(funnel.sales_velocity(
        v["opportunities"], v["deal_value_cny"], v["win_rate"], v["cycle_days"]))
    by_source = funnel.velocity(leads, by="source_channel")
    assert by_source["opportunities"].sum() == len(open_leads)


def test_case_rates_reproduce_the_measured_funnel(history):
    rates = funnel.case_rates(history)
    expected = funnel.expected_funnel(1795, rates)
    assert np.allclose(expected, funnel.stage_counts(history))


# ---------------------------------------------------------------------------------------------
# Bad input: clear messages naming the argument

@pytest.mark.parametrize("call, error, message", [
    (lambda: funnel.prospects_needed(5, 0.0), ValueError, "rate must be above 0"),
    (lambda: funnel.prospects_needed(5, 1.5), ValueError, "rate must be between 0 and 1; got 1.5"),
    (lambda: funnel.prospects_needed(5, 0.05, confidence=1), ValueError, "confidence must be below 1"),
    (lambda: funnel.prospects_needed(5, 0.05, confidence=90), ValueError, "confidence must be between 0 and 1"),
    (lambda: funnel.prospects_needed(2.5, 0.05), TypeError, "target must be a whole number"),
    (lambda: funnel.prospects_needed(-1, 0.05), ValueError, "target must be at least 0"),
    (lambda: funnel.prospects_needed(10_000, 0.0001), ValueError, "target / rate must be at most"),
    (lambda: funnel.simulate(100, [0.5, 2]), ValueError, r"rates\[1\] must be between 0 and 1"),
    (lambda: funnel.simulate(100, 0.5), TypeError, "rates must be a list"),
    (lambda: funnel.simulate(100, []), ValueError, "rates must hold at least one"),
    (lambda: funnel.simulate("100", [0.5]), TypeError, "prospects must be a whole number"),
    (lambda: funnel.conversion_from_counts([10, 20]), ValueError, "counts must not grow down the funnel"),
    (lambda: funnel.conversion_from_counts([10, -1]), ValueError, r"counts\[1\] must be at least 0"),
    (lambda: funnel.conversion_from_counts("abc"), TypeError, "counts must be a list"),
    (lambda: funnel.stage_counts(pd.DataFrame({"lead_id": [1]})), ValueError, "history is missing column"),
    (lambda: funnel.stage_counts(pd.DataFrame({"lead_id": [1], "stage_order": [9]}), before=None), ValueError,
     r"history\['stage_order'\] must be between 0 and 5; got 9"),
    (lambda: funnel.stage_counts(pd.DataFrame({"lead_id": [1], "stage_order": [0.5]}), before=None), TypeError,
     "whole numbers"),
    (lambda: funnel.stage_counts(tiny_history(), before="yesterday-ish"), ValueError, "before must be a date"),
    (lambda: funnel.win_rate([1, 2]), TypeError, "leads must be a pandas DataFrame"),
    (lambda: funnel.sales_velocity(10, 1000, 0.1, 0), ValueError, "cycle_days must be above 0"),
    (lambda: funnel.sales_velocity(10, 1000, 5, 30), ValueError, "win_rate must be between 0 and 1"),
    (lambda: funnel.size_band(["a", "b"]), TypeError, "deal values must be numbers"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_bad_group_column_lists_the_choices(leads):
    with pytest.raises(ValueError, match="by must be a column of leads, 'size_band' or 'man'; got 'colour'"):
        funnel.breakdown(leads, by="colour")
    with pytest.raises(TypeError, match="by must be a column name"):
        funnel.cycle_length(leads, by=3)
    with pytest.raises(ValueError, match="salesperson_id must be one of"):
        funnel.compare_to_team(datasets.load_stage_history(), leads, "SP999")
    with pytest.raises(ValueError, match="leads is missing column"):
        funnel.win_rate(pd.DataFrame({"outcome": ["won"]}))


# ---------------------------------------------------------------------------------------------
# Properties (hypothesis)

rates_st = st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(prospects=st.integers(0, 2000), rates=rates_st, seed=st.integers(0, 2 ** 32 - 1))
def test_simulated_counts_never_grow_down_the_funnel(prospects, rates, seed):
    runs = funnel.simulate(prospects, rates, n_runs=50, random_state=seed)
    assert (np.diff(runs, axis=1) <= 0).all() and (runs >= 0).all()
    expected = funnel.expected_funnel(prospects, rates)
    assert (np.diff(expected.to_numpy()) <= 1e-9).all()


@settings(max_examples=80, deadline=None)
@given(furthest=st.lists(st.integers(0, 5), min_size=1, max_size=200))
def test_measured_counts_never_grow_and_rates_stay_in_0_1(furthest):
    rows = [(lead, stage) for lead, top in enumerate(furthest) for stage in range(top + 1)]
    history = pd.DataFrame(rows, columns=["lead_id", "stage_order"])
    counts = funnel.stage_counts(history, before=None)
    assert (np.diff(counts.to_numpy()) <= 0).all() and counts.iloc[0] == len(furthest)
    table = funnel.conversion_from_counts(counts)
    assert table["conversion"].between(0, 1).all() and table["reach"].between(0, 1).all()


@settings(max_examples=80, deadline=None)
@given(counts=st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=10))
def test_rates_from_any_funnel_stay_in_0_1(counts):
    counts = sorted(counts, reverse=True)
    table = funnel.conversion_from_counts(counts)
    assert table["conversion"].between(0, 1).all() and table["reach"].between(0, 1).all()


@settings(max_examples=60, deadline=None)
@given(target=st.integers(1, 30), rate=st.floats(0.01, 1), c1=st.floats(0, 0.995), c2=st.floats(0, 0.995))
def test_needed_prospects_grow_with_the_confidence_asked_for(target, rate, c1, c2):
    low, high = sorted([c1, c2])
    assert funnel.prospects_needed(target, rate, low) <= funnel.prospects_needed(target, rate, high)


@settings(max_examples=60, deadline=None)
@given(t1=st.integers(0, 40), t2=st.integers(0, 40), rate=st.floats(0.01, 1), conf=st.floats(0, 0.99))
def test_needed_prospects_grow_with_the_target(t1, t2, rate, conf):
    small, big = sorted([t1, t2])
    n_small, n_big = funnel.prospects_needed(small, rate, conf), funnel.prospects_needed(big, rate, conf)
    assert n_small <= n_big and n_big >= big


@settings(max_examples=60, deadline=None)
@given(target=st.integers(1, 30), r1=st.floats(0.01, 1), r2=st.floats(0.01, 1), conf=st.floats(0, 0.99))
def test_needed_prospects_fall_as_the_rate_rises(target, r1, r2, conf):
    low, high = sorted([r1, r2])
    assert funnel.prospects_needed(target, high, conf) <= funnel.prospects_needed(target, low, conf)


@settings(max_examples=40, deadline=None)
@given(target=st.integers(1, 20), rate=st.floats(0.02, 0.99), conf=st.floats(0.01, 0.99))
def test_needed_prospects_is_the_smallest_that_reaches_the_confidence(target, rate, conf):
    n = funnel.prospects_needed(target, rate, conf)
    assert funnel.deals_chance(n, rate, target) >= conf - 1e-9
    if n > target:
        assert funnel.deals_chance(n - 1, rate, target) < conf + 1e-9


# ---------------------------------------------------------------------------------------------
# Charts

@pytest.mark.parametrize("n", [1, 2, 4, 6, 9])
def test_funnel_chart_works_for_any_number_of_stages(n):
    counts = [100 // (i + 1) for i in range(n)]
    ax = funnel_plots.funnel_chart(counts, ax=Figure().subplots())
    assert len(ax.get_yticklabels()) == n


def test_funnel_chart_speaks_chinese_and_keeps_unknown_names(history):
    i18n.set_language("zh")
    ax = funnel_plots.funnel_chart(funnel.conversion(history), ax=Figure().subplots())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[2] == "谈生意" and ax.get_title() == "销售漏斗"
    ax = funnel_plots.funnel_chart(pd.Series([5, 1], index=["电话", "成交单"]), ax=Figure().subplots())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["电话", "成交单"]


def test_funnel_chart_rejects_bad_ranges_and_tables():
    with pytest.raises(ValueError, match="ranges must give a low and a high for each of the 3 stages"):
        funnel_plots.funnel_chart([3, 2, 1], ranges=([1], [2]), ax=Figure().subplots())
    with pytest.raises(ValueError, match="'leads' column"):
        funnel_plots.funnel_chart(pd.DataFrame({"x": [1]}), ax=Figure().subplots())


def test_other_charts_draw_in_both_languages(history, leads):
    for lang in ("en", "zh"):
        i18n.set_language(lang)
        funnel_plots.deals_distribution(funnel.simulate(100, funnel.SOURCE_RATES)[:, -1], target=5,
                                        ax=Figure().subplots())
        funnel_plots.stage_gaps(funnel.compare_to_team(history, leads, "SP002"), ax=Figure().subplots())
        ax = funnel_plots.cycle_by_size(funnel.cycle_length(leads), ax=Figure().subplots())
    assert ax.get_ylabel() == "从首次记录到成交的天数"


# ---------------------------------------------------------------------------------------------
# The widget, driven from Python

def test_widget_starts_at_the_source_example_and_reacts_to_every_control():
    from crmlessons.widgets.funnel import FunnelWidget

    w = FunnelWidget()
    assert "crm-widget" in w._dom_classes and "crm-funnel" in w._dom_classes
    assert [s.value for s in w.rates] == [80.0, 62.5, 40.0, 50.0, 50.0]
    assert "<b>5.0</b>" in w.summary.value and "158" in w.plan.value
    for move in (lambda: setattr(w.prospects, "value", 300), lambda: setattr(w.rates[2], "value", 30.0),
                 lambda: setattr(w.target, "value", 8)):
        before_summary, before_plan, before_chart = w.summary.value, w.plan.value, w.chart.value
        move()
        assert w.chart.value != before_chart
        assert w.summary.value != before_summary or w.plan.value != before_plan
    before = w.plan.value
    w.confidence.value = 0.6
    assert w.plan.value != before and "60%" in w.plan.value
    assert w.status.value == ""


def test_widget_buttons_set_the_source_and_the_case_rates():
    from crmlessons.widgets.funnel import FunnelWidget

    w = FunnelWidget(rates=[0.5] * 5, prospects=500)
    w.case_button.click()
    assert [s.value for s in w.rates] == [round(100 * r, 1) for r in funnel.case_rates(datasets.load_stage_history())]
    w.source_button.click()
    assert [s.value for s in w.rates] == [80.0, 62.5, 40.0, 50.0, 50.0] and w.prospects.value == 100


def test_widget_shows_a_sentence_for_an_impossible_plan_and_speaks_chinese():
    from crmlessons.widgets.funnel import FunnelWidget

    w = FunnelWidget()
    w.rates[0].value = 0.0
    assert "0%" in w.plan.value and "Traceback" not in w.status.value
    w.target.value = 0
    assert "needs no prospects" in w.plan.value
    i18n.set_language("zh")
    zh = FunnelWidget()
    assert "预期成交" in zh.summary.value and "潜在客户" in zh.prospects.description
    assert "谈生意" in zh.rates[1].description


def test_widget_errors_are_shown_in_words():
    from crmlessons.widgets.funnel import FunnelWidget

    w = FunnelWidget()
    w._n_runs = 0       # a broken setting: the status says so, no traceback
    w.target.value = 3
    assert "n_runs must be between 1 and 1000000; got 0" in w.status.value
