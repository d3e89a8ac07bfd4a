"""The capstone case's engine (crmlessons.case): the diagnosis against plain pandas, the plan's checks, the
expected effects' directions, the model answer and the one-page plan."""

from __future__ import annotations

import math
import re
import time

import numpy as np
import pandas as pd
import pytest

from crmlessons import case as capstone
from crmlessons import datasets, i18n, man, strategy, value
from crmlessons.datasets.rules import DECIDED_BEFORE, STAGES

PLAN = dict(segments=["champions"], qualification=3, keep_share=0.5, retention_actions=["complaint_desk"],
            value_factors=["product", "price"])


def plan(**changes) -> capstone.Plan:
    return capstone.Plan(**{**PLAN, **changes})


@pytest.fixture(scope="module")
def facts(case):
    return capstone.diagnosis_facts(case)


# --- the diagnosis agrees with plain pandas on the raw tables -----------------------------------

def _cohort(leads):
    return leads[leads["created_date"] < pd.Timestamp(DECIDED_BEFORE)]


def test_win_rate_and_full_man_win_rate_are_those_of_the_decided_leads(case, facts):
    cohort = _cohort(case.leads)
    outcome = cohort["outcome"].astype(str)
    assert facts["funnel_win_rate"] == pytest.approx((outcome == "won").sum() / outcome.isin(["won", "lost"]).sum())
    full = (cohort["purchasing_power"].isin(["high", "medium"]) & (cohort["decision_power"] == "decision_maker")
            & (cohort["need_strength"] >= 4))
    assert facts["man_full_win_rate"] == pytest.approx((outcome[full] == "won").mean())


def test_the_biggest_leak_is_the_stage_fewest_leads_reach_from_the_stage_before(case, facts):
    history = case.stage_history
    first = history.groupby("lead_id")["entered_date"].min()
    cohort = history[history["lead_id"].isin(first.index[first < pd.Timestamp(DECIDED_BEFORE)])]
    furthest = cohort.groupby("lead_id")["stage_order"].max()
    reached = np.array([(furthest >= i).sum() for i in range(len(STAGES))], dtype=float)
    steps = reached[1:] / reached[:-1]
    assert facts["funnel_biggest_leak"] == STAGES[1 + int(np.argmin(steps))]
    assert facts["funnel_leak_conversion"] == pytest.approx(steps.min())


def test_the_top_20_percent_share_and_the_top_segment(case, facts):
    margin = case.orders.groupby("customer_id")["margin_cny"].sum().sort_values(ascending=False)
    top = math.ceil(0.2 * len(margin))
    assert facts["value_top20_share"] == pytest.approx(margin.iloc[:top].sum() / margin.sum())
    segments = value.rfm_segments(value.rfm_summary(case.orders)).astype(str)
    by_segment = margin.groupby(segments.reindex(margin.index)).sum()
    assert facts["value_top_segment"] == by_segment.idxmax()
    assert facts["value_top_segment_share"] == pytest.approx(by_segment.max() / margin.sum())


def test_the_loss_figures_are_those_of_lost_customers(case, facts):
    lost = case.losses[case.losses["loss_type"].astype(str) == "customer"]
    category = lost["category"].astype(object).dropna()
    assert facts["loss_controllable_share"] == pytest.approx((category == "company_side").mean())
    reasons = lost["reason"].astype(object).dropna().value_counts()
    assert facts["loss_top_reason"] == reasons.index[0]
    assert facts["loss_top_reason_share"] == pytest.approx(reasons.iloc[0] / reasons.sum())


def test_the_loyalty_shares_follow_the_matrix_rule(case, facts):
    survey = case.survey
    faces = survey[["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]].mean(axis=1)
    placed = survey["satisfaction"].notna() & faces.notna()
    satisfied, loyal = survey["satisfaction"] >= 4, faces >= 3.5
    assert facts["loyalty_loyalist_share"] == pytest.approx((satisfied & loyal)[placed].mean())
    assert facts["loyalty_defector_share"] == pytest.approx((~satisfied & ~loyal)[placed].mean())


def test_the_budget_share_on_keeping_is_the_spend_tables(case, facts):
    spend = case.spend.groupby(case.spend["spend_type"].astype(str))["amount_cny"].sum()
    assert facts["budget_keep_share"] == pytest.approx(spend["retention"] / spend.sum())


def test_the_weakest_ask_dimension_has_the_lowest_team_mean(case, facts):
    from crmlessons import ask

    team = ask.team_profiles(case.salespeople, case.ask_items)[["A", "S", "K"]].mean()
    assert facts["ask_weakest_score"] == pytest.approx(team.min())
    assert team[facts["ask_weakest"]] == team.min()


def test_the_diagnosis_table_has_one_row_per_figure_in_both_languages_and_is_quick(case, facts):
    fresh = datasets.Case(**case.tables)  # a new object: nothing cached
    start = time.perf_counter()
    table = capstone.diagnosis(fresh)
    seconds = time.perf_counter() - start
    assert seconds < 3, f"the diagnosis took {seconds:.2f} s"
    assert table["measure"].is_unique and {"value_top20_share", "ask_weakest", "loss_top_reason"} <= set(table["measure"])
    rows = table.set_index("measure")
    assert rows.loc["value_top20_share", "value"] == pytest.approx(facts["value_top20_share"])
    assert rows.loc["loss_top_reason", "result_zh"].startswith(datasets.value_labels("reason")[facts["loss_top_reason"]]["zh"])
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in table["question_zh"])
    assert set(table["lesson"]) == {"01", "02", "03", "04", "05", "06", "07"}


def test_a_case_of_no_meaning_is_refused_by_name():
    with pytest.raises(TypeError, match="case must be a crmlessons.datasets.Case"):
        capstone.diagnosis_facts({"leads": None})


# --- the plan checks every field on construction ------------------------------------------------

@pytest.mark.parametrize("field, bad, message", [
    ("segments", ["champions", "vip"], r"segments\[1\] must be one of \['champions'.*got 'vip'"),
    ("segments", [], r"segments must name 1 to 7 of .*got 0"),
    ("segments", 5, r"segments must be a list of codes from .*got int 5"),
    ("qualification", ["MAN"], r"qualification\[0\] must be one of \['M\+A\+N'.*got 'MAN'"),
    ("qualification", 4, r"qualification must be between 0 and 3; got 4"),
    ("qualification", 2.5, r"qualification must be a list of MAN combinations .* or a minimum number"),
    ("keep_share", 1.2, r"keep_share must be between 0 and 1; got 1.2"),
    ("keep_share", "half", r"keep_share must be a number; got str 'half'"),
    ("retention_actions", ["discounts"], r"retention_actions\[0\] must be one of \['complaint_desk'.*got 'discounts'"),
    ("value_factors", ["product", "price", "service", "time"], r"value_factors must name 2 to 3 of .*got 4"),
    ("value_factors", ["product", "quality"], r"value_factors\[1\] must be one of .*got 'quality'"),
])
def test_a_bad_choice_is_refused_naming_the_field_the_allowed_values_and_what_was_given(field, bad, message):
    with pytest.raises((TypeError, ValueError), match=message):
        plan(**{field: bad})


def test_a_plan_stores_its_choices_in_the_vocabularys_order_and_cannot_change():
    p = plan(segments=["loyal", "champions", "loyal"], qualification=2, retention_actions="care_plan")
    assert p.segments == ("champions", "loyal") and p.retention_actions == ("care_plan",)
    assert p.qualification == tuple(c for c in man.COMBINATIONS if sum(ch.isupper() for ch in c) >= 2)
    assert plan(qualification=0).qualification == man.COMBINATIONS
    with pytest.raises(AttributeError):
        p.keep_share = 0.9


def test_the_vocabulary_is_bilingual_and_the_actions_act_on_known_reasons():
    from crmlessons import loss

    for field, codes in capstone.CHOICES.items():
        assert set(capstone.FIELD_NAMES[field]) == {"en", "zh"}
        for names in codes.values():
            assert names["en"] and re.search(r"[\u4e00-\u9fff]", names["zh"]), (field, names)
    assert {a["reason"] for a in capstone.RETENTION_ACTIONS.values()} <= set(loss.REASON_CATEGORY)


# --- expected effects -----------------------------------------------------------------------------

def test_the_effects_table_has_one_row_per_choice_with_a_basis_in_both_languages(case):
    table = capstone.expected_effects(plan(), case)
    assert table["choice"].tolist() == list(capstone.FIELDS)
    assert table[["effect_en", "effect_zh", "basis_en", "basis_zh", "chosen_zh"]].map(bool).all(axis=None)
    assert all(re.search(r"[\u4e00-\u9fff]", t) and "CNY" not in t for t in table["effect_zh"])


def test_the_target_segments_margin_is_their_customers_margin(case):
    figures = capstone.effect_facts(plan(segments=["champions", "cannot_lose"]), case)["segments"]
    segments = value.rfm_segments(value.rfm_summary(case.orders)).astype(str)
    margin = case.orders.groupby("customer_id")["margin_cny"].sum()
    chosen = segments.index[segments.isin(["champions", "cannot_lose"])]
    assert figures["customers"] == len(chosen)
    assert figures["margin_cny"] == pytest.approx(margin.reindex(chosen).sum())


def test_more_controllable_causes_fixed_avoid_more_losses(case):
    kept = []
    for actions in (["complaint_desk"], ["complaint_desk", "care_plan"],
                    ["complaint_desk", "care_plan", "communication_training", "price_review"]):
        kept.append(capstone.effect_facts(plan(retention_actions=actions), case)["retention_actions"])
    assert kept[0]["customers_kept"] < kept[1]["customers_kept"] < kept[2]["customers_kept"]
    assert kept[0]["break_even_budget"] < kept[1]["break_even_budget"] < kept[2]["break_even_budget"]


def test_actions_add_up_and_each_prevents_its_share_of_its_cause(case):
    from crmlessons import retention

    values = retention.reason_values(case.losses, case.orders, case.customers, case.spend)
    per_year = values.set_index("reason")["lost_per_year"]
    alone = {a: capstone.effect_facts(plan(retention_actions=[a]), case)["retention_actions"]["customers_kept"]
             for a in capstone.RETENTION_ACTIONS}
    for code, action in capstone.RETENTION_ACTIONS.items():
        assert alone[code] == pytest.approx(action["cut"] * per_year[action["reason"]])
    both = capstone.effect_facts(plan(retention_actions=["care_plan", "price_matching"]), case)
    assert both["retention_actions"]["customers_kept"] == pytest.approx(alone["care_plan"] + alone["price_matching"])


def test_a_stricter_qualification_rule_saves_more_hours_and_wins_more_often(case):
    figures = [capstone.effect_facts(plan(qualification=n), case)["qualification"] for n in (0, 1, 2, 3)]
    assert figures[0]["hours_saved"] == 0 and figures[0]["wins_lost"] == 0
    hours = [f["hours_saved"] for f in figures]
    rates = [f["win_rate"] for f in figures]
    assert hours == sorted(hours) and rates == sorted(rates) and hours[0] < hours[-1]
    hours_by_stage = _cohort(case.leads)["stage_reached"].astype(str).map(man.STAGE_HOURS)
    assert figures[-1]["share_of_hours"] * hours_by_stage.sum() == pytest.approx(figures[-1]["hours_saved"])


def test_the_budget_effect_is_the_simulators_chosen_plan_with_the_firms_figures(case):
    settings = strategy.firm_settings(case.orders, case.customers, case.spend)
    figures = capstone.effect_facts(plan(keep_share=0.6), case)["keep_share"]
    direct = strategy.summary(strategy.simulate(**{**settings, "share_acquisition": 0.4})).loc["chosen"]
    assert figures["cumulative_profit"] == pytest.approx(direct["cumulative_profit"])
    assert figures["current_keep_share"] == pytest.approx(1 - settings["share_acquisition"])
    same = capstone.effect_facts(plan(keep_share=figures["current_keep_share"]), case)["keep_share"]
    assert same["profit_gain"] == pytest.approx(0, abs=1e-3)


def test_value_factors_hold_their_shares_of_the_drivers(case):
    drivers = value.value_drivers(case.survey).set_index("survey_item")["share"]
    two = capstone.effect_facts(plan(value_factors=["product", "price"]), case)["value_factors"]["share"]
    three = capstone.effect_facts(plan(value_factors=["product", "price", "time"]), case)["value_factors"]["share"]
    assert two == pytest.approx(drivers["value_product"] + drivers["cost_price"]) and three >= two


def test_a_plan_of_no_meaning_is_refused_by_name(case):
    with pytest.raises(TypeError, match="plan must be a crmlessons.case.Plan"):
        capstone.expected_effects({"segments": ["champions"]}, case)


def test_the_money_format_is_the_widgets_one(case):
    """The page writes money as the widgets do (both call i18n.money): here the plan's profit gain."""
    from crmlessons.widgets.base import money

    for amount in (125_000, 3_000, 0, -45_500.4, 8_000_000):
        assert i18n.money(amount, "en") == money(amount)
        with i18n.using("zh"):
            assert i18n.money(amount, "zh") == money(amount)
    gain = capstone.effect_facts(plan(), case)["keep_share"]["profit_gain"]
    with i18n.using("zh"):
        row = capstone.expected_effects(plan(), case).set_index("choice").loc["keep_share", "effect_zh"]
        assert money(gain).lstrip("-") in row


# --- the model answer -----------------------------------------------------------------------------

def _profit(settings: dict, keep: float) -> float:
    sim = strategy.simulate(**{**settings, "share_acquisition": 1 - keep})
    return float(strategy.summary(sim).loc["chosen", "cumulative_profit"])


def test_the_model_split_earns_no_less_than_its_neighbours(case):
    model = capstone.model_plan(case)
    settings = strategy.firm_settings(case.orders, case.customers, case.spend)
    best = _profit(settings, model.keep_share)
    for neighbour in (model.keep_share - 0.01, model.keep_share + 0.01):
        if 0 <= neighbour <= 1:
            assert best >= _profit(settings, neighbour) - 1e-6


def test_the_model_segments_bring_more_margin_than_their_share_of_customers(case):
    model = capstone.model_plan(case)
    segments = value.rfm_segments(value.rfm_summary(case.orders)).astype(str)
    margin = case.orders.groupby("customer_id")["margin_cny"].sum().reindex(segments.index)
    for code in value.SEGMENTS:
        mine = segments == code
        richer = margin[mine].sum() / margin.sum() > mine.mean()
        assert (code in model.segments) == richer, code


def test_the_model_chases_the_combinations_whose_hours_bring_the_teams_average(case):
    model = capstone.model_plan(case)
    cohort = _cohort(case.leads)
    hours = cohort["stage_reached"].astype(str).map(man.STAGE_HOURS)
    sales = cohort["deal_value_cny"].where(cohort["outcome"].astype(str) == "won", 0.0)
    bench = sales.sum() / hours.sum()
    codes = man.classify(cohort).astype(str)
    for code in man.COMBINATIONS:
        mine = codes == code
        worth = sales[mine].sum() / hours[mine].sum() if hours[mine].sum() > 0 else 0.0
        assert (code in model.qualification) == (worth >= bench), code


def test_the_model_fixes_only_company_side_causes_and_names_two_or_three_factors(case):
    from crmlessons import loss

    model = capstone.model_plan(case)
    reasons = [capstone.RETENTION_ACTIONS[a]["reason"] for a in model.retention_actions]
    assert all(loss.REASON_CATEGORY[r] == "company_side" for r in reasons)
    assert "lack_of_care" in reasons  # the most frequent reason of lost customers, company-side
    assert 2 <= len(model.value_factors) <= 3


def test_the_model_answer_follows_the_variant():
    try:
        plans, figures = {}, {}
        for variant in (1, 2):
            datasets.use_variant(variant)
            plans[variant] = capstone.model_plan()
            figures[variant] = capstone.diagnosis_facts()["funnel_win_rate"]
    finally:
        datasets.use_variant(None)
    assert plans[1] != plans[2] and figures[1] != figures[2]
    assert capstone.model_plan() != plans[1]


# --- the cache --------------------------------------------------------------------------------------

def test_figures_are_cached_per_case_object_and_its_tables(case):
    first = capstone._context(case)
    assert capstone._context(case) is first
    copy = datasets.Case(**case.tables)
    assert capstone._context(copy) is not first
    copy.orders = copy.orders.iloc[: len(copy.orders) // 2]
    assert capstone._context(copy)["margins"].sum() < first["margins"].sum()


# --- the one-page plan -----------------------------------------------------------------------------

@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMLESSONS_WORK", str(tmp_path))
    return tmp_path


def test_the_page_is_one_file_in_the_work_folder_with_every_choice_and_figure(case, work):
    model = capstone.model_plan(case)
    path = capstone.plan_page(model, case, group="blue")
    assert path == work / "plans" / "plan-blue-en.html"
    assert [p for p in work.rglob("*") if p.is_file()] == [path]
    page = path.read_text(encoding="utf-8")
    for field in capstone.FIELDS:
        assert html_text(model.chosen(field, "en")) in page
    for text in capstone.expected_effects(model, case)["effect_en"]:
        assert html_text(text) in page
    for text in capstone.diagnosis(case)["result_en"]:
        assert html_text(text) in page
    assert "group blue" in page and "synthetic" in page


def html_text(text: str) -> str:
    import html

    return html.escape(text)


def test_the_page_is_printable_needs_no_network_and_has_no_timestamp(case, work):
    page = capstone.plan_page(capstone.model_plan(case), case).read_text(encoding="utf-8")
    assert "@page{size:A4" in page and "@media print" in page and "Noto Sans CJK SC" in page
    # Chinese prints on a computer without a Chinese font: the shipped face is inside the page, nothing is fetched
    assert "data:font/woff;base64," in page and 'class="crm-page"' in page
    assert not re.search(r"https?://|<link|<script|src=|url\((?!data:font/woff)", page)
    assert not re.search(r"20\d\d-\d\d-\d\d[ T]\d\d:", page)


def test_the_page_is_the_same_bytes_when_written_twice(case, work):
    model = capstone.model_plan(case)
    first = capstone.plan_page(model, case, group=3).read_bytes()
    assert capstone.plan_page(model, case, group=3).read_bytes() == first


def test_notes_are_escaped_and_placed_under_their_choice(case, work):
    notes = {"segments": "<script>alert('x')</script> & champions first", "overall": "Keep it <b>simple</b>"}
    page = capstone.plan_page(plan(), case, notes=notes).read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; champions" in page
    assert "Keep it &lt;b&gt;simple&lt;/b&gt;" in page
    blank = capstone.plan_page(plan(), case).read_text(encoding="utf-8")
    assert "(write here)" in blank and "(write here)" not in page


def test_the_page_is_chinese_in_chinese(case, work):
    i18n.set_language("zh")
    path = capstone.plan_page(plan(), case, group=2, variant=7)
    page = path.read_text(encoding="utf-8")
    assert path.name == "plan-2-zh.html" and 'lang="zh-CN"' in page
    assert "第 2 组" in page and "数据变体 7" in page and "虚构" in page and "万元" in page
    body = re.sub(r"<style[^>]*>.*?</style>|<[^>]+>", " ", page, flags=re.S)
    latin = set(re.findall(r"[A-Za-z][A-Za-z_.]*[A-Za-z_]", body)) - {"MAN", "RFM", "ASK", "DOCTYPE", "html"}
    assert all("." in word for word in latin), sorted(latin)  # only function names such as value.value_drivers


def test_the_title_names_the_variant_in_use(work):
    try:
        datasets.use_variant(1)
        page = capstone.plan_page(capstone.model_plan()).read_text(encoding="utf-8")
    finally:
        datasets.use_variant(None)
    assert "data variant 1" in page


@pytest.mark.parametrize("argument, bad, message", [
    ("group", "../up", "group must be a short name"),
    ("group", True, "group must be a short name"),
    ("notes", ["text"], "notes must be a dict"),
    ("notes", {"price": "x"}, "notes key must be one of"),
    ("notes", {"overall": 3}, r"notes\['overall'\] must be text"),
    ("variant", -1, "variant must be at least 0"),
    ("path", 3, "path must be a file path"),
])
def test_bad_page_arguments_are_refused_by_name(case, work, argument, bad, message):
    with pytest.raises((TypeError, ValueError), match=message):
        capstone.plan_page(plan(), case, **{argument: bad})
    assert not list(work.rglob("*.html"))


def test_the_page_never_goes_into_the_package(case, work):
    from pathlib import Path

    inside = Path(capstone.__file__).parent / "plans" / "plan.html"
    with pytest.raises(ValueError, match="path must not be inside the course package"):
        capstone.plan_page(plan(), case, path=inside)
    assert not inside.parent.exists()
    elsewhere = capstone.plan_page(plan(), case, path=work / "mine.html")
    assert elsewhere.exists()
