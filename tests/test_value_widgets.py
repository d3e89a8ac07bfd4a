"""Lesson 06's widgets driven from Python, in both languages: the delivered-value balance, the CLV calculator
and the RFM segment explorer (the pattern of tests/test_widgets_drive.py)."""

from __future__ import annotations

import re
import time

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest
from widget_driving import (
    check_every_control,
    latin_words,
    pixels,
    shown_text,
    texts_seen_using_every_control,
)

from crmlessons import datasets, i18n, retention, strategy, value
from crmlessons.plots import value as value_plots
from crmlessons.widgets import value as value_widgets

FACTORIES = {
    "value-balance": value_widgets.value_balance,
    "clv": value_widgets.clv_calculator,
    "segments": value_widgets.segment_explorer,
}

#: Controls that change the widget's figures but, by design, not its chart (CSS class of the control).
TEXT_ONLY = {"crm-value-balance-copied", "crm-segments-sort", "crm-segments-shown"}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", list(FACTORIES))
def test_every_control_changes_what_the_student_sees_without_an_error(name, language):
    i18n.set_language(language)
    check_every_control(FACTORIES[name](), name, TEXT_ONLY)


# --- Chinese widgets show no English --------------------------------------------------------------

#: Latin a Chinese lesson-06 widget may show: the course's acronym RFM and customer ids (C00354).
ALLOWED = re.compile(r"^(?:RFM|C\d+)$")


@pytest.mark.parametrize("name", list(FACTORIES))
def test_a_widget_built_in_chinese_shows_no_english_and_money_in_wan_yuan(name):
    i18n.set_language("zh")
    widget = FACTORIES[name]()
    seen = texts_seen_using_every_control(widget)
    words = latin_words(seen, ALLOWED)
    assert not words, f"English in the Chinese {name} widget: {words}"
    if name != "value-balance":  # the balance shows points, not money
        assert "万元" in " ".join(seen) and "CNY" not in " ".join(seen)


def test_a_widget_keeps_its_language_after_the_course_switches():
    i18n.set_language("zh")
    widget = value_widgets.clv_calculator()
    i18n.set_language("en")
    widget.years.value = 20
    assert "20 年的客户终身价值" in widget.result.value and "万元" in widget.result.value


# --- the delivered-value balance ------------------------------------------------------------------

def test_the_balance_starts_from_hengtais_survey_and_the_course_competitor(case):
    w = value_widgets.value_balance()
    assert w.ours == value.offer_from_survey(case.survey)
    assert w.competitor == value.competitor_offer(w.ours)
    note = next(c.value for c in w.children if isinstance(c, widgets.HTML) and "course scenario" in c.value)
    assert f"the means of {len(case.survey)} customers' survey answers" in shown_text(note)
    assert "crm-value-balance-lead" in w.result.value and "picks the competitor" in w.result.value
    w.levers["structural"].value = 100
    assert "picks Hengtai" in w.result.value
    table = w.last
    assert table.loc["delivered_value", "ours"] == pytest.approx(
        value.offer_comparison(w.ours, levers={"structural": 1.0}).loc["delivered_value", "ours"])


def test_the_balance_says_which_lever_moves_the_lead_most_and_that_financial_benefits_get_copied():
    w = value_widgets.value_balance()
    text = shown_text(w.gains.value)
    assert text.index("Structural ties") < text.index("Social benefits") < text.index("Financial benefits")
    assert "(copied)" in text
    w.copied.value = False
    assert "(copied)" not in shown_text(w.gains.value)
    w.levers["financial"].value = 100
    copied_off = w.last.loc["delivered_value", "competitor"]
    w.copied.value = True
    assert w.last.loc["delivered_value", "competitor"] > copied_off  # the rival matched the discount


def test_the_balance_chart_is_the_plot_modules_chart():
    w = value_widgets.value_balance(social=50)
    w.levers["structural"].value = 70
    from matplotlib.figure import Figure

    fresh = value_plots.balance_chart(w.last, ax=Figure().subplots())
    moved = w._ax
    assert [p.get_bbox().bounds for p in moved.patches] == [p.get_bbox().bounds for p in fresh.patches]
    assert [t.get_text() for t in moved.texts] == [t.get_text() for t in fresh.texts]


def test_errors_inside_the_balance_come_in_words():
    w = value_widgets.value_balance()
    w.competitor = {**w.competitor, "price": 9.0}
    w.levers["social"].value = 30
    message = shown_text(w.status.value)
    assert "That did not work" in message and "competitor['price'] must be between 1.0 and 5.0; got 9.0" in message
    assert "Traceback" not in message


# --- the CLV calculator ---------------------------------------------------------------------------

def test_the_calculator_starts_at_hengtais_own_figures():
    firm = strategy.firm_settings(datasets.load_orders(), datasets.load_customers(), datasets.load_spend())
    w = value_widgets.clv_calculator()
    assert w.margin.value == round(firm["margin"], -3)
    assert w.retention.value == pytest.approx(round(firm["max_retention"] * 200) / 2)
    assert w.cost.value == round(firm["cost_new"], -3)
    assert w.discount.value == pytest.approx(100 * retention.DISCOUNT_RATE) and w.years.value == 10
    note = next(c.value for c in w.children if isinstance(c, widgets.HTML) and "own figures" in c.value)
    assert "per customer-year" in shown_text(note) and "the course's" in shown_text(note)


def test_the_calculator_shows_clv_and_the_most_to_spend():
    w = value_widgets.clv_calculator(margin=50_000, retention=0.9, discount_rate=0.1, years=10,
                                     acquisition_cost=100_000)
    p = w.parameters()
    assert p == {"margin": 50_000.0, "retention": 0.9, "discount_rate": 0.1, "years": 10, "acquisition_cost": 100_000.0}
    assert w.last["clv"] == pytest.approx(value.simple_clv(50_000, 0.9, 0.1, years=10))
    assert w.last["keep"] - w.last["win"] == pytest.approx(100_000)
    assert w.last["ceiling"] == pytest.approx(225_000)
    curve = value.clv_curve(50_000, 0.9, 0.1, 10)
    payback = int(curve.loc[curve["cumulative"] >= 100_000, "year"].iloc[0])
    assert f"pays back his acquisition in year {payback}." in shown_text(w.result.value)
    w.cost.value = 300_000
    assert "does not pay back" in shown_text(w.result.value)
    line = {l.get_gid(): l for l in w._ax.get_lines()}["clv-cost"]
    assert float(line.get_ydata()[0]) == pytest.approx(0.3)  # million CNY


def test_the_calculators_chart_keeps_its_axes_while_the_lines_fit():
    w = value_widgets.clv_calculator(margin=50_000, retention=0.9, years=5, acquisition_cost=20_000)
    limits = w._ax.get_ylim()
    w.years.value = 6
    assert w._ax.get_ylim() == limits and w._ax.get_xlim() == (0, 30.5)
    w.margin.value = 200_000  # four times the margin: the axis grows once
    assert w._ax.get_ylim()[1] > 3 * limits[1]
    assert (pixels(w.chart.value) == pixels(w._picture.full_png())).all()


# --- the segment explorer -------------------------------------------------------------------------

def test_the_explorer_shows_the_picked_segment_its_figures_and_action(case):
    w = value_widgets.segment_explorer(alive=False)
    summary = value.rfm_summary(case.orders)
    table = value.segment_table(value.rfm_segments(summary), value.historic_value(case.orders)["margin_cny"])
    table = table.set_index("segment")
    for code, spec in value.SEGMENTS.items():
        w.segment.value = code
        text = shown_text(w.result.value)
        assert spec["en"] in text and spec["action_en"][:40] in text
        assert f"{int(table.loc[code, 'customers']):,}" in text and f"{table.loc[code, 'margin_share']:.1%}" in text
    assert "P(alive)" not in w.customers.value and [v for _, v in w.sort.options] == ["margin", "recent"]


def test_the_explorer_lists_the_segments_customers_in_the_order_asked(case):
    w = value_widgets.segment_explorer(alive=False, segment="champions", shown=5)
    margins = value.historic_value(case.orders)["margin_cny"]
    segments = value.rfm_segments(value.rfm_summary(case.orders))
    champions = margins[segments[segments == "champions"].index].sort_values(ascending=False)
    listed = re.findall(r"C\d{5}", w.customers.value)
    assert listed == champions.index[:5].tolist()
    w.shown.value = 10
    assert len(re.findall(r"C\d{5}", w.customers.value)) == 10


def test_the_explorer_fits_alive_probabilities_with_the_bgnbd_model():
    w = value_widgets.segment_explorer(segment="hibernating", sort="alive")
    assert w.alive is not None and w.alive.between(0, 1).all()
    assert "P(alive)" in w.customers.value and "Mean probability still a customer" in shown_text(w.result.value)
    assert w.table.loc["champions", "p_alive"] > w.table.loc["hibernating", "p_alive"]


def test_the_explorer_takes_alive_probabilities_the_caller_computed(case):
    summary = value.rfm_summary(case.orders)
    alive = pd.Series(0.25, index=summary.index)
    w = value_widgets.segment_explorer(alive=alive, segment="loyal")
    assert "25%" in shown_text(w.result.value)
    with pytest.raises(ValueError, match=r"alive has no value for"):
        value_widgets.segment_explorer(alive=alive.iloc[:10])
    with pytest.raises(TypeError, match="alive must be a pandas Series of probabilities"):
        value_widgets.segment_explorer(alive=[0.5, 0.5])


# --- starting values, text form, latency ----------------------------------------------------------

BAD_STARTS = [
    ("value-balance", {"structural": 150}, ValueError, "structural must be between 0 and 100; got 150"),
    ("value-balance", {"copied": "yes"}, TypeError, "copied must be True or False"),
    ("value-balance", {"competitor": {"price": 2}}, ValueError, r"competitor must give a score for each of"),
    ("value-balance", {"survey": lambda: datasets.load_survey().drop(columns="cost_price")}, ValueError,
     r"survey is missing column\(s\) \['cost_price'\]"),
    ("clv", {"retention": 1.2}, ValueError, "retention must be between 0.5 and 0.99; got 1.2"),
    ("clv", {"margin": float("nan")}, ValueError, "margin must be a number; got NaN"),
    ("clv", {"years": 2.5}, ValueError, "years must be a whole number between 1 and 30; got 2.5"),
    ("clv", {"discount_rate": "10%"}, TypeError, "discount_rate must be a number"),
    ("clv", {"acquisition_cost": -5}, ValueError, "acquisition_cost must be between 0 and 300000; got -5"),
    ("segments", {"segment": "vip"}, ValueError, r"segment must be one of \['champions'"),
    ("segments", {"sort": "alive", "alive": False}, ValueError, r"sort must be one of \['margin', 'recent'\]"),
    ("segments", {"shown": 100}, ValueError, "shown must be between 5 and 30; got 100"),
    ("segments", {"orders": lambda: datasets.load_orders().drop(columns="order_date")}, ValueError,
     r"orders is missing column\(s\) \['order_date'\]"),
]


@pytest.mark.parametrize("name, arguments, error, message", BAD_STARTS)
def test_bad_starting_values_are_refused_naming_the_argument(name, arguments, error, message):
    arguments = {key: (v() if callable(v) else v) for key, v in arguments.items()}
    with pytest.raises(error, match=message):
        FACTORIES[name](**arguments)


@pytest.mark.parametrize("language, text", [("en", "run this cell in Jupyter"), ("zh", "在 Jupyter 中运行此单元格")])
def test_each_widget_has_a_short_text_form(language, text):
    i18n.set_language(language)
    for factory in FACTORIES.values():
        assert text in repr(factory(**({"alive": False} if factory is value_widgets.segment_explorer else {})))


@pytest.mark.parametrize("label, make, move", value_widgets.BENCHMARK, ids=[b[0] for b in value_widgets.BENCHMARK])
def test_the_benchmark_cases_update_the_widget_fast(label, make, move):
    widget = make()
    move(widget, 0)  # warm up
    times = []
    for i in range(1, 13):
        start = time.perf_counter()
        move(widget, i)
        times.append(time.perf_counter() - start)
        assert "crm-error" not in widget.status.value
    assert float(np.median(times)) < 0.25, f"{label}: median update {np.median(times) * 1000:.0f} ms"
