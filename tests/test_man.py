"""Lesson 03, MAN qualification: the concept module, its charts and the qualifier widget."""

from __future__ import annotations


import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from crmlessons import datasets, i18n, man
from crmlessons.plots import man as plots
from crmlessons.widgets.man import REACH, ManQualifier


@pytest.fixture(scope="module")
def leads():
    return datasets.load_leads()


@pytest.fixture(scope="module")
def widget():
    return ManQualifier()


def frame(pp="high", dp="decision_maker", need=5, timeline="within_3_months", **extra):
    return pd.DataFrame({"purchasing_power": [pp], "decision_power": [dp], "need_strength": [need],
                         "timeline": [timeline], **{k: [v] for k, v in extra.items()}})


# --- flags, classify, action -----------------------------------------------------------------

def test_flags_follow_the_case_company_rules(leads):
    f = man.flags(leads)
    assert list(f.columns) == ["M", "A", "N"] and f.index.equals(leads.index)
    assert (f["M"] == leads["purchasing_power"].isin(["high", "medium"])).all()
    assert (f["A"] == leads["decision_power"].eq("decision_maker")).all()
    assert (f["N"] == leads["need_strength"].ge(4)).all()
    assert all(dtype == bool for dtype in f.dtypes)


def test_thresholds_are_adjustable():
    leads = pd.DataFrame({"purchasing_power": ["low", "medium"], "decision_power": ["influencer", "user"],
                          "need_strength": [3, 3]})
    assert man.flags(leads)[["M", "A", "N"]].values.sum() == 1
    loose = man.flags(leads, money=["low", "medium", "high"], authority=("decision_maker", "influencer"), need_min=3)
    assert loose.values.tolist() == [[True, True, True], [True, False, True]]
    assert man.flags(leads, money="medium")["M"].tolist() == [False, True]


def test_missing_facts_count_as_absent():
    leads = pd.DataFrame({"purchasing_power": pd.Categorical([None, "high"], categories=man.PURCHASING_POWER),
                          "decision_power": [None, "decision_maker"], "need_strength": [float("nan"), 5.0]})
    assert man.flags(leads).values.tolist() == [[False, False, False], [True, True, True]]
    assert man.classify(leads).tolist() == ["m+a+n", "M+A+N"]


def test_classify_is_an_ordered_categorical_of_the_eight_codes(leads):
    result = man.classify(leads)
    assert result.name == "man" and result.cat.ordered
    assert list(result.cat.categories) == list(man.COMBINATIONS)
    assert set(result.unique()) == set(man.COMBINATIONS)


def test_combinations_are_the_classic_eight_in_order():
    assert man.COMBINATIONS == ("M+A+N", "M+A+n", "M+a+N", "m+A+N", "m+a+N", "M+a+n", "m+A+n", "m+a+n")


@pytest.mark.parametrize("code, words", [
    ("M+A+N", "pursue now"), ("M+A+n", "develop the need"), ("M+a+N", "authority"),
    ("m+A+N", "financing or payment terms"), ("m+a+N", "cultivate"), ("M+a+n", "cultivate"),
    ("m+A+n", "cultivate"), ("m+a+n", "stop"),
])
def test_action_for_each_combination(code, words):
    assert words in man.action(code)
    i18n.set_language("zh")
    assert man.action(code) == i18n.t(f"man_action_{code}", lang="zh") != i18n.t(f"man_action_{code}", lang="en")


def test_actions_table_is_bilingual():
    assert man.actions().loc["m+a+n", "action"] == "Not a prospect: stop."
    i18n.set_language("zh")
    assert man.actions().loc["m+a+n", "action"] == "不是潜在客户：停止跟进。"


# --- bad input ---------------------------------------------------------------------------------

def test_missing_column_is_named():
    with pytest.raises(ValueError, match=r"leads is missing column\(s\) \['need_strength'\]"):
        man.flags(pd.DataFrame({"purchasing_power": ["high"], "decision_power": ["user"]}))


def test_not_a_frame_is_a_type_error():
    with pytest.raises(TypeError, match="leads must be a pandas DataFrame; got list"):
        man.classify([1, 2])


@pytest.mark.parametrize("kwargs, pattern", [
    ({"money": ["rich"]}, r"money must contain only values from \['low', 'medium', 'high'\].*\['rich'\] unknown"),
    ({"authority": ["boss"]}, r"authority must contain only values from .*decision_maker"),
    ({"authority": 3}, r"authority must be a list of values .*got int 3"),
    ({"need_min": 7}, r"need_min must be between 1 and 5; got 7"),
    ({"need_min": "4"}, r"need_min must be a number; got str '4'"),
])
def test_bad_thresholds_are_named(kwargs, pattern):
    with pytest.raises((ValueError, TypeError), match=pattern):
        man.flags(frame(), **kwargs)


def test_non_numeric_need_is_named():
    with pytest.raises(TypeError, match=r"leads\['need_strength'\] must hold numbers; got dtype"):
        man.flags(frame(need="high"))


def test_unknown_code_is_explained():
    with pytest.raises(ValueError, match="code must be one of M\\+A\\+N.*got 'MAN'"):
        man.action("MAN")


@pytest.mark.parametrize("call, pattern", [
    (lambda l: man.score(l, weights={"luck": 1}), r"weights may only have the keys .*\['luck'\]"),
    (lambda l: man.score(l, weights={"need": 0}), "weights must not all be 0"),
    (lambda l: man.score(l, weights={"need": -1}), r"weights\['need'\] must be at least 0; got -1"),
    (lambda l: man.score(l, weights=[1, 2]), "weights must be a dict"),
    (lambda l: man.call_list(l, "SP999"), "salesperson_id must be one of the salespeople in leads"),
    (lambda l: man.call_list(l, "SP006", n=0), "n must be at least 1; got 0"),
    (lambda l: man.chase_cost(l, hours={"won": 1}), r"hours needs a number for every stage .*missing \['prospect'"),
    (lambda l: man.chase_cost(l, cost_per_hour="a lot"), "cost_per_hour must be a number; got str"),
    (lambda l: man.cohort(l, before="someday"), "before must be a date such as '2025-12-31'; got 'someday'"),
    (lambda l: man.win_rate_by(l, "shoe_size"), r"leads is missing column\(s\) \['shoe_size'\]"),
    (lambda l: man.bant(l, budget_unknown="guess"), r"budget_unknown must be one of \['money', 'absent'\]"),
    (lambda l: man.lead_facts(l, "L99999"), "lead_id must be a lead of the table.*got 'L99999'"),
])
def test_bad_arguments_of_the_analyses_are_named(leads, call, pattern):
    with pytest.raises((ValueError, TypeError), match=pattern):
        call(leads)


@pytest.mark.parametrize("kwargs, pattern", [
    ({"purchasing_power": "rich"}, r"purchasing_power must be one of \['low', 'medium', 'high', None\]; got 'rich'"),
    ({"decision_power": "boss"}, r"decision_power must be one of .*got 'boss'"),
    ({"need_strength": 9}, "need_strength must be between 1 and 5; got 9"),
    ({"timeline": "soon"}, "timeline must be one of .*got 'soon'"),
    ({"budget_cny": -5}, "budget_cny must be at least 0; got -5"),
    ({"colour": "red"}, r"unknown fact\(s\) \['colour'\]"),
])
def test_bad_facts_of_one_lead_are_named(kwargs, pattern):
    with pytest.raises((ValueError, TypeError), match=pattern):
        man.qualify_one(**kwargs)


# --- score and BANT --------------------------------------------------------------------------

def test_score_is_between_0_and_100_and_ranks_the_ideal_lead_first(leads):
    s = man.score(leads)
    assert s.name == "score" and s.between(0, 100).all()
    assert man.score(frame()).iloc[0] == 100.0
    assert man.score(frame("low", "user", 1, "unknown")).iloc[0] < 20


def test_score_ranks_won_leads_above_lost_ones_better_than_counting_factors(leads):
    cohort = man.cohort(leads)
    won = cohort["outcome"].astype(object).eq("won")

    def auc(values):
        ranks = values.rank()
        n1, n0 = won.sum(), (~won).sum()
        return (ranks[won].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)

    assert auc(man.score(cohort)) > auc(man.factors(cohort)) > 0.65


def test_a_budget_that_covers_the_deal_scores_full_money():
    covered = man.score(frame("low", budget_cny=100.0, deal_value_cny=80.0), weights={"money": 1}).iloc[0]
    short = man.score(frame("high", budget_cny=40.0, deal_value_cny=80.0), weights={"money": 1}).iloc[0]
    unknown = man.score(frame("high", budget_cny=None, deal_value_cny=80.0), weights={"money": 1}).iloc[0]
    assert (covered, short, unknown) == (100.0, 12.5, 100.0)


def test_bant_maps_money_to_budget_and_adds_timeline(leads):
    b = man.bant(leads)
    f = man.flags(leads)
    assert list(b.columns) == ["B", "A", "N", "T", "bant"]
    assert (b["A"] == f["A"]).all() and (b["N"] == f["N"]).all()
    disclosed = leads["budget_cny"].notna()
    assert (b.loc[~disclosed, "B"] == f.loc[~disclosed, "M"]).all()
    assert (b.loc[disclosed, "B"] == (leads["budget_cny"] >= leads["deal_value_cny"])[disclosed]).all()
    assert not man.bant(leads, budget_unknown="absent").loc[~disclosed, "B"].any()
    assert man.bant_mapping().shape == (4, 4)


# --- the analyses ----------------------------------------------------------------------------

def test_planted_effects_show_in_the_combination_outcomes(leads):
    table = man.combination_outcomes(leads)
    assert list(table.index) == list(man.COMBINATIONS) and table["leads"].sum() == len(man.cohort(leads))
    rates = table["win_rate"]
    rest = table.iloc[1:]
    ratio = rates["M+A+N"] / (rest["won"].sum() / rest["leads"].sum())
    assert 2.5 < ratio < 6.5  # planted: about 4x
    by_factors = man.win_rate_by(leads, "factors")["win_rate"]
    assert by_factors.is_monotonic_increasing and by_factors[0] < 0.01
    assert pd.isna(table.loc["m+a+n", "median_cycle_days"]) or table.loc["m+a+n", "won"] > 0


def test_outcomes_hold_in_another_variant():
    variant = datasets.make_case(random_state=7, n_leads=1500, n_customers=200, n_salespeople=15).leads
    by_factors = man.win_rate_by(variant, "factors")["win_rate"]
    assert by_factors[3] > by_factors[2] > by_factors[0]


def test_chase_cost_adds_up_and_follows_the_assumption(leads):
    table = man.chase_cost(leads)
    assert (table["hours_lost"] <= table["hours"]).all()
    assert table.loc["m+a+n", "share_lost"] == 1.0
    assert (table["cost_lost_cny"] == table["hours_lost"] * man.COST_PER_HOUR).all()
    doubled = man.chase_cost(leads, hours={k: 2 * v for k, v in man.STAGE_HOURS.items()}, cost_per_hour=100)
    assert (doubled["hours"] == 2 * table["hours"]).all()
    assert doubled["share_lost"].equals(table["share_lost"])


def test_call_list_ranks_only_the_salespersons_open_leads(leads):
    calls = man.call_list(leads, "SP034", n=5)
    assert list(calls.index) == [1, 2, 3, 4, 5] and calls["score"].is_monotonic_decreasing
    mine = leads.set_index("lead_id").loc[calls["lead_id"]]
    assert (mine["salesperson_id"] == "SP034").all() and (mine["outcome"] == "open").all()
    everything = man.call_list(leads, "SP034", n=1000)
    assert len(everything) == ((leads["salesperson_id"] == "SP034") & (leads["outcome"] == "open")).sum()


def test_influencer_leads_win_less_than_decision_maker_leads(leads):
    rates = man.win_rate_by(leads, "decision_power")["win_rate"]
    assert rates["decision_maker"] > rates["influencer"] > 0


# --- what a lead is worth, what stopping leads would cost, what a column adds to MAN ----------------

def tiny_leads(rows) -> pd.DataFrame:
    """Leads from (created, outcome, stage reached, deal value, purchasing power, decision power, need)."""
    frame = pd.DataFrame(rows, columns=["created_date", "outcome", "stage_reached", "deal_value_cny",
                                        "purchasing_power", "decision_power", "need_strength"])
    frame["created_date"] = pd.to_datetime(frame["created_date"])
    frame.insert(0, "lead_id", [f"L{i:05d}" for i in range(1, len(frame) + 1)])
    return frame


# Decided: an M+A+N lead won (40 hours, 100,000 CNY), one lost at prospect (1 hour), an m+a+n lead lost after
# contact (3 hours). Open: an M+A+N lead, an m+a+n lead and an M+a+N lead (no decided lead of its kind).
TINY = tiny_leads([
    ("2023-02-01", "won", "won", 100_000.0, "high", "decision_maker", 5),
    ("2023-03-01", "lost", "prospect", 70_000.0, "medium", "decision_maker", 4),
    ("2023-04-01", "lost", "contacted", 20_000.0, "low", "user", 1),
    ("2025-06-01", "open", "proposal", 41_000.0, "high", "decision_maker", 5),
    ("2025-07-01", "open", "contacted", 99_000.0, "low", "influencer", 2),
    ("2025-08-01", "open", "prospect", 50_000.0, "high", "influencer", 5),
])


def test_lead_worth_values_each_open_lead_by_how_its_combination_ended():
    worth = man.lead_worth(TINY)
    assert list(worth.index) == ["L00004", "L00005", "L00006"]  # the open leads only
    full = worth.loc["L00004"]
    assert (full["man"], full["win_rate"], full["hours"]) == ("M+A+N", 0.5, 20.5)  # 1 of 2 won; (40 + 1) / 2 hours
    assert full["expected_cny"] == 20_500 and full["per_hour"] == 1_000
    assert worth.loc["L00005", "per_hour"] == 0  # m+a+n never won
    assert pd.isna(worth.loc["L00006", "per_hour"])  # no decided M+a+N lead to judge it by


def test_team_sales_per_hour_is_the_won_value_over_all_hours_of_the_cohort():
    assert man.team_sales_per_hour(TINY) == pytest.approx(100_000 / 44)
    assert man.team_sales_per_hour(TINY, hours={**man.STAGE_HOURS, "won": 96.0}) == pytest.approx(1_000)


def test_if_stopped_counts_the_hours_and_sales_of_the_stopped_decided_leads():
    result = man.if_stopped(TINY, TINY["purchasing_power"] == "high")  # one decided lead and two open ones
    assert result["leads"] == 1 and result["hours_freed"] == 40 and result["wins_lost"] == 1
    assert result["share_of_hours"] == pytest.approx(40 / 44) and result["share_of_sales"] == 1.0
    assert result["sales_lost_cny"] == 100_000 and result["lost_per_hour"] == 2_500
    nothing = man.if_stopped(TINY, TINY["need_strength"] > 5)
    assert nothing["hours_freed"] == 0 and pd.isna(nothing["lost_per_hour"])


@pytest.mark.parametrize("stop, error, pattern", [
    ([True] * 6, TypeError, "stop must be a column of True/False aligned with leads.*got list"),
    (pd.Series([1] * 6), TypeError, "stop must be a column of True/False.*got a Series of dtype int64"),
    (pd.Series([True, False]), ValueError, "stop must have a True/False value for every lead.*got 2 values for 6"),
])
def test_if_stopped_names_a_bad_stop(stop, error, pattern):
    with pytest.raises(error, match=pattern):
        man.if_stopped(TINY, stop)


@pytest.mark.parametrize("by", ["contact_role", "timeline", "region", "factors"])
def test_beyond_man_expects_as_many_wins_in_all_as_there_were(leads, by):
    table = man.beyond_man(leads, by)
    assert table["expected_won"].sum() == pytest.approx(table["won"].sum())
    assert table["leads"].sum() == len(man.cohort(leads))
    assert (table["expected_win_rate"] == table["expected_won"] / table["leads"]).all()


def test_beyond_man_by_the_combination_itself_expects_exactly_the_wins(leads):
    table = man.beyond_man(leads, "man")
    assert table["won"].to_numpy() == pytest.approx(table["expected_won"].to_numpy())


def test_beyond_man_names_an_unknown_column(leads):
    with pytest.raises(ValueError, match=r"leads is missing column\(s\) \['shoe_size'\]"):
        man.beyond_man(leads, "shoe_size")


@settings(max_examples=40, deadline=None)
@given(stop=st.lists(st.booleans(), min_size=6, max_size=6))
def test_what_stopping_frees_and_what_keeping_keeps_add_up_to_the_whole(stop):
    stop = pd.Series(stop, index=TINY.index)
    one, other = man.if_stopped(TINY, stop), man.if_stopped(TINY, ~stop)
    assert one["hours_freed"] + other["hours_freed"] == 44
    assert one["sales_lost_cny"] + other["sales_lost_cny"] == 100_000
    assert one["leads"] + other["leads"] == 3


# --- properties --------------------------------------------------------------------------------

facts = st.fixed_dictionaries({
    "purchasing_power": st.sampled_from([*man.PURCHASING_POWER, None]),
    "decision_power": st.sampled_from([*man.DECISION_POWER, None]),
    "need_strength": st.one_of(st.none(), st.integers(1, 5)),
    "timeline": st.sampled_from(man.TIMELINES),
    "budget_cny": st.one_of(st.none(), st.floats(0, 1e7, allow_nan=False)),
    "deal_value_cny": st.one_of(st.none(), st.floats(1, 1e7, allow_nan=False)),
})
rules = st.fixed_dictionaries({
    "money": st.sets(st.sampled_from(man.PURCHASING_POWER)).map(sorted),
    "authority": st.sets(st.sampled_from(man.DECISION_POWER)).map(sorted),
    "need_min": st.integers(1, 5),
})


def as_frame(lead: dict) -> pd.DataFrame:
    return pd.DataFrame([{k: (float("nan") if v is None and k != "purchasing_power" and k != "decision_power"
                              else v) for k, v in lead.items()}])


@settings(max_examples=150, deadline=None)
@given(lead=facts, thresholds=rules)
def test_one_lead_agrees_with_the_table_functions(lead, thresholds):
    one = man.qualify_one(lead, **thresholds)
    table = as_frame(lead)
    f = man.flags(table, **thresholds).iloc[0]
    assert (one["M"], one["A"], one["N"]) == (f["M"], f["A"], f["N"])
    assert one["combination"] == man.classify(table, **thresholds).iloc[0]
    assert one["score"] == man.score(table).iloc[0]
    assert 0 <= one["score"] <= 100
    assert one["bant"] == man.bant(table, **thresholds).iloc[0]["bant"]


@settings(max_examples=100, deadline=None)
@given(lead=facts)
def test_more_need_never_lowers_the_score(lead):
    low = dict(lead, need_strength=2)
    high = dict(lead, need_strength=5)
    assert man.qualify_one(high)["score"] >= man.qualify_one(low)["score"]


@settings(max_examples=60, deadline=None)
@given(data=st.lists(st.tuples(st.sampled_from(man.PURCHASING_POWER), st.sampled_from(man.DECISION_POWER),
                               st.integers(1, 5)), min_size=1, max_size=30),
       need_min=st.integers(1, 4))
def test_a_stricter_need_rule_never_adds_a_factor(data, need_min):
    leads = pd.DataFrame(data, columns=["purchasing_power", "decision_power", "need_strength"])
    loose = man.factors(leads, need_min=need_min)
    strict = man.factors(leads, need_min=need_min + 1)
    assert (strict <= loose).all()
    codes = man.classify(leads, need_min=need_min)
    assert (codes.astype(str).str.count("[MAN]") == loose).all()


# --- charts ------------------------------------------------------------------------------------

def test_matrix_chart_is_bilingual_and_annotated(leads):
    ax = plots.matrix(leads, ax=Figure().subplots())
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("M+A+N\n13.2%") for t in texts) and len(texts) == 8
    i18n.set_language("zh")
    ax = plots.matrix(leads, ax=Figure().subplots())
    assert "赢单率" in ax.get_title() and ax.get_yticklabels()[0].get_text() == "M：有购买力"


def test_other_charts_draw_in_both_languages(leads):
    for lang in ("en", "zh"):
        i18n.set_language(lang)
        ax = plots.combination_bars(leads, highlight="m+A+N", ax=Figure().subplots())
        assert len(ax.patches) == 8 and ax.patches[3].get_facecolor() != ax.patches[0].get_facecolor()
        plots.chase_cost(leads, ax=Figure().subplots(), cost_per_hour=100)
        ax = plots.win_rate_by(leads, "decision_power", ax=Figure().subplots())
    assert ax.get_xticklabels()[0].get_text() == "决策者"


def test_chart_rejects_a_bad_value(leads):
    with pytest.raises(ValueError, match=r"value must be one of \['win_rate'"):
        plots.matrix(leads, value="profit", ax=Figure().subplots())


# --- the qualifier widget --------------------------------------------------------------------

def test_widget_has_its_css_classes(widget):
    assert {"crm-widget", "crm-qualifier"} <= set(widget._dom_classes)
    for part in ("lead", "money", "authority", "need", "timeline", "result", "similar", "chart", "status"):
        assert f"crm-qualifier-{part}" in getattr(widget, part)._dom_classes


@pytest.mark.parametrize("code", man.COMBINATIONS)
def test_every_combination_is_reachable_from_the_controls(widget, code):
    facts = REACH[code]
    widget.money.value = facts["purchasing_power"]
    widget.authority.value = facts["decision_power"]
    widget.need.value = facts["need_strength"]
    assert widget.combination == code
    assert widget.last["action"] == man.action(code)
    assert widget.status.value == ""
    table = man.combination_outcomes(datasets.load_leads())
    assert f"<b>{int(table.loc[code, 'leads']):,}</b> leads" in widget.similar.value
    assert widget.chart.value[:4] == b"\x89PNG"


def test_a_control_change_changes_the_result_and_the_chart(widget):
    widget.set_facts(purchasing_power="high", decision_power="decision_maker", need_strength=5)
    before = (widget.result.value, widget.similar.value, widget.chart.value)
    widget.need.value = 2
    after = (widget.result.value, widget.similar.value, widget.chart.value)
    assert all(b != a for b, a in zip(before, after))
    score = widget.last["score"]
    widget.timeline.value = "over_12_months"
    assert widget.last["score"] < score and widget.combination == "M+A+n"


def test_picking_a_lead_sets_its_facts(widget, leads):
    lead_id = [value for _, value in widget.lead.options if value][0]
    widget.lead.value = lead_id
    expected = man.qualify_one(man.lead_facts(leads, lead_id))
    assert widget.combination == expected["combination"] and widget.last["score"] == expected["score"]
    assert lead_id in widget.result.value
    widget.need.value = 1 if widget.need.value != 1 else 5  # editing a fact leaves the lead
    assert widget.lead.value == ""
    widget.pick("")


def test_widget_shows_errors_in_words_not_tracebacks(widget):
    widget.pick("L99999")
    assert "lead_id must be one of the leads" in widget.status.value
    widget.pick("")
    assert widget.status.value == ""


def test_widget_built_after_switching_language_is_chinese():
    i18n.set_language("zh")
    w = ManQualifier()
    assert w.money.description == "购买力" and "具备" in w.result.value and "赢单率" in w.similar.value
    assert repr(w) == "MAN 客户资格判断器：在 Jupyter 中运行此单元格即可使用。"
