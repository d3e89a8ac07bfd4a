"""The capstone's plan builder (crmlessons.widgets.case) driven from Python, as a student uses it."""

from __future__ import annotations

import re
import statistics
import time

import ipywidgets as widgets
import pytest
from widget_driving import act, controls, css, latin_words, shown_text, texts_seen_using_every_control, walk

from crmlessons import case as capstone
from crmlessons import datasets, i18n
from crmlessons.widgets import case as plan_widgets
from crmlessons.widgets.case import BENCHMARK, PlanBuilder


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMLESSONS_WORK", str(tmp_path))
    return tmp_path


def test_the_builder_has_the_kit_classes_and_a_control_for_every_choice():
    w = PlanBuilder()
    assert {"crm-widget", "crm-plan"} <= set(w._dom_classes)
    found = {c for control in controls(w) for c in control._dom_classes}
    for code in capstone.CHOICES["segments"]:
        assert f"crm-plan-segment-{code}" in found
    for code in capstone.CHOICES["retention_actions"]:
        assert f"crm-plan-action-{code}" in found
    for code in capstone.CHOICES["value_factors"]:
        assert f"crm-plan-factor-{code}" in found
    assert {"crm-plan-rule", "crm-plan-keep", "crm-plan-save"} <= found
    assert isinstance(w.keep, widgets.FloatSlider) and isinstance(w.rule, widgets.Dropdown)


def test_the_table_shown_is_the_plans_expected_effects(case):
    w = PlanBuilder(case)
    table = capstone.expected_effects(w.plan, case)
    for text in table["effect_en"]:
        assert text in shown_text(w.result.value).replace("  ", " ") or text in w.result.value.replace("&#x27;", "'")
    assert w.plan == w.current_plan()
    assert w.plan.keep_share == pytest.approx(round(capstone.diagnosis_facts(case)["budget_keep_share"] / 0.05) * 0.05)


def test_every_control_changes_what_the_student_sees_or_says_in_words_why_not():
    w = PlanBuilder()
    for control in controls(w):
        if isinstance(control, widgets.Button):
            continue
        before = (w.result.value, w.status.value)
        act(control)
        label = css(control)
        assert (w.result.value, w.status.value) != before, f"{label} changed nothing"
        assert "Traceback" not in w.status.value, label
        if "crm-error" in w.status.value:  # e.g. the only segment unticked: a sentence, and no figures
            assert w.plan is None and w.result.value == "" and len(shown_text(w.status.value).split()) > 4, label
        if isinstance(control, widgets.Checkbox):
            act(control)  # back, so each control is tried from a valid plan
            assert "crm-error" not in w.status.value, label


def test_four_value_factors_are_refused_in_words_and_the_plan_comes_back_when_fixed():
    w = PlanBuilder()
    ticked = [code for code, box in w.factors.items() if box.value]
    others = [code for code in w.factors if code not in ticked]
    for code in others[: 4 - len(ticked)]:
        w.factors[code].value = True
    message = shown_text(w.status.value)
    assert "Tick 2 or 3 value factors; 4 are ticked." in message and "Traceback" not in message
    assert w.plan is None and w.result.value == ""
    w.factors[others[0]].value = False
    assert w.status.value == "" and len(w.plan.value_factors) == 3 and w.result.value


def test_the_keep_slider_moves_the_budget_figure(case):
    w = PlanBuilder(case)
    w.keep.value = 0.2
    low = capstone.effect_facts(w.plan, case)["keep_share"]["cumulative_profit"]
    w.keep.value = 0.9
    high = capstone.effect_facts(w.plan, case)["keep_share"]["cumulative_profit"]
    assert w.plan.keep_share == 0.9 and low != high
    assert f"{high:,.0f}" in w.result.value


def test_saving_writes_the_page_and_says_where_relative_to_the_work_folder(work):
    w = PlanBuilder(group="red")
    w.save_button.click()
    path = work / "plans" / "plan-red-en.html"
    assert path.exists() and [p for p in work.rglob("*") if p.is_file()] == [path]
    assert "plans/plan-red-en.html" in w.saved.value and str(work) not in w.saved.value
    assert path.read_text(encoding="utf-8") == capstone.plan_page(w.plan, group="red").read_text(encoding="utf-8")


def test_an_invalid_plan_is_not_saved(work):
    w = PlanBuilder()
    for box in w.segments.values():
        box.value = False
    w.save_button.click()
    assert "not saved" in w.saved.value and not list(work.rglob("*.html"))


def test_a_starting_plan_is_shown_as_given_and_a_bad_one_is_refused():
    given = capstone.Plan(["loyal"], ["M+A+N", "m+A+N"], 0.4, ["care_plan"], ["service", "price"])
    w = PlanBuilder(plan=given)
    assert w.plan == given and w.rule.value == ("M+A+N", "m+A+N")
    assert PlanBuilder(plan=capstone.Plan(["loyal"], 2, 0.4, ["care_plan"], ["service", "price"])).rule.value == 2
    with pytest.raises(TypeError, match="plan must be a crmlessons.case.Plan"):
        PlanBuilder(plan={"segments": ["loyal"]})
    with pytest.raises(ValueError, match="group must be a short name"):
        PlanBuilder(group="a b")


def test_the_builder_follows_the_variant(work):
    try:
        datasets.use_variant(2)
        w = PlanBuilder()
        expected = capstone.expected_effects(w.plan)
        w.save_button.click()
        page = (work / "plans" / "plan-self-en.html").read_text(encoding="utf-8")
    finally:
        datasets.use_variant(None)
    assert expected["effect_en"].iloc[0] in w.result.value.replace("&#x27;", "'")
    assert "data variant 2" in page


#: Latin a Chinese plan builder may show: the MAN letters of the combinations, R², the acronyms RFM and ASK, and
#: the saved page's file name (plans/plan-self-zh.html).
ALLOWED = re.compile(r"^(?:[MANman]|R|RFM|ASK|MAN|plans|plan|self|zh|html)$")


def test_a_builder_built_in_chinese_shows_no_english_and_money_in_wan_yuan(work):
    i18n.set_language("zh")
    w = PlanBuilder()
    w.save_button.click()
    seen = texts_seen_using_every_control(w)
    assert not latin_words(seen, ALLOWED), latin_words(seen, ALLOWED)
    assert "万元" in " ".join(seen) and "CNY" not in " ".join(seen)
    assert (work / "plans" / "plan-self-zh.html").exists()  # the save button was pressed too
    fresh = PlanBuilder()
    i18n.set_language("en")
    fresh.keep.value = 0.5
    assert "万元" in fresh.result.value and "CNY" not in fresh.result.value  # it keeps its language


@pytest.mark.parametrize("label, make, move", BENCHMARK, ids=[b[0] for b in BENCHMARK])
def test_a_control_answers_well_under_a_tenth_of_a_second(label, make, move):
    w = make()
    times = []
    for i in range(12):
        start = time.perf_counter()
        move(w, i)
        times.append(time.perf_counter() - start)
    assert "crm-error" not in w.status.value
    assert statistics.median(times) < 0.1, f"{label}: median {statistics.median(times) * 1000:.0f} ms"


def test_the_widget_module_is_found_where_widgets_are():
    from crmlessons import widgets as course_widgets

    assert course_widgets.case is plan_widgets
    assert all(not isinstance(w, widgets.Output) for w in walk(PlanBuilder()))
