"""Lesson 07's widgets driven from Python, in both languages: the satisfaction x loyalty matrix explorer and the
Kano questionnaire (the pattern of tests/test_value_widgets.py)."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
from widget_driving import (
    check_every_control,
    latin_words,
    shown_text,
    texts_seen_using_every_control,
)

from crmlessons import datasets, i18n, loyalty, value
from crmlessons.plots import loyalty as loyalty_plots
from crmlessons.widgets import loyalty as loyalty_widgets

FACTORIES = {"matrix": loyalty_widgets.matrix_explorer, "kano": loyalty_widgets.kano_questionnaire}

#: Controls that change the widget's figures but, by design, not its chart (CSS class of the control).
TEXT_ONLY = {"crm-matrix-shown"}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", list(FACTORIES))
def test_every_control_changes_what_the_student_sees_without_an_error(name, language):
    i18n.set_language(language)
    check_every_control(FACTORIES[name](), name, TEXT_ONLY)


# --- Chinese widgets show no English --------------------------------------------------------------

#: Latin a Chinese lesson-07 widget may show: the Kano model's name, the literature's authors and customer ids.
ALLOWED = re.compile(r"^(?:Kano|Jones|Sasser|C\d+)$")


@pytest.mark.parametrize("name", list(FACTORIES))
def test_a_widget_built_in_chinese_shows_no_english(name):
    i18n.set_language("zh")
    widget = FACTORIES[name]()
    seen = texts_seen_using_every_control(widget)
    words = latin_words(seen, ALLOWED)
    assert not words, f"English in the Chinese {name} widget: {words}"
    if name == "matrix":
        assert "万元" in " ".join(seen) and "CNY" not in " ".join(seen)


def test_a_widget_keeps_its_language_after_the_course_switches():
    i18n.set_language("zh")
    widget = loyalty_widgets.kano_questionnaire()
    i18n.set_language("en")
    widget.functional.value = "like"
    widget.dysfunctional.value = "dislike"
    assert "期望型" in widget.result.value and "恒泰的客户" in widget.compare.value


# --- the matrix explorer --------------------------------------------------------------------------

def test_the_explorer_counts_the_four_groups_at_the_thresholds(case):
    w = loyalty_widgets.matrix_explorer(satisfaction_threshold=4, loyalty_threshold=3.5)
    for thresholds in ((4, 3.5), (5, 3.0), (3, 4.25)):
        w.satisfaction.value, w.loyalty.value = thresholds
        counts = loyalty.matrix_counts(loyalty.loyalty_matrix(case.survey, *thresholds)).set_index("group")
        assert w.thresholds() == thresholds
        for code, spec in loyalty.MATRIX_GROUPS.items():
            row = re.search(rf'crm-matrix-{code}".*?<b>([^<]*)</b>', w.counts.value).group(1)
            assert row == f"{int(counts.loc[code, 'customers'])} ({counts.loc[code, 'share']:.0%})", code
        texts = [t.get_text() for t in w._ax.texts]
        assert texts[1] == f"Mercenaries\n{int(counts.loc['mercenary', 'customers'])} " \
                           f"({counts.loc['mercenary', 'share']:.0%})"


def test_the_explorer_shows_the_picked_groups_rule_who_they_are_and_the_action():
    w = loyalty_widgets.matrix_explorer(satisfaction_threshold=4, loyalty_threshold=3.5)
    for code, spec in loyalty.MATRIX_GROUPS.items():
        w.group.value = code
        text = shown_text(w.result.value)
        assert spec["en"] in text and spec["action_en"][:40] in text and spec["who_en"][:30] in text
    w.group.value = "hostage"
    assert "satisfaction below 4 and loyalty 3.5 or more." in shown_text(w.result.value)


def test_the_explorer_lists_the_groups_customers_with_the_highest_margin_first(case):
    w = loyalty_widgets.matrix_explorer(group="mercenary", shown=5)
    groups = loyalty.loyalty_matrix(case.survey).astype(object)
    margins = value.historic_value(case.orders, case.customers)["margin_per_year"]
    mercenaries = margins.reindex(groups.index[groups == "mercenary"]).fillna(0).sort_values(ascending=False)
    assert re.findall(r"C\d{5}", w.customers.value) == mercenaries.index[:5].tolist()
    text = shown_text(w.customers.value)
    assert "Competitor offer" in text and "Structural ties" in text
    w.shown.value = 15
    assert len(re.findall(r"C\d{5}", w.customers.value)) == 15


def test_the_explorer_works_on_other_tables_and_says_when_a_group_is_empty():
    import pandas as pd

    survey = pd.DataFrame({"customer_id": ["A", "B", "C"], "satisfaction": [5, 4, 2], "loyalty_emotional": [5, 2, 1],
                           "loyalty_behavioural": [4, 2, 2], "loyalty_intentional": [5, 3, 1]})
    customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "acquired_date": pd.to_datetime(["2020-01-01"] * 3),
                              "lost_date": pd.to_datetime([None] * 3), "won_back_date": pd.to_datetime([None] * 3)})
    orders = pd.DataFrame({"customer_id": ["A", "B", "C"], "order_date": pd.to_datetime(["2024-01-01"] * 3),
                           "amount_cny": [500.0, 300.0, 100.0], "margin_cny": [100.0, 60.0, 20.0]})
    w = loyalty_widgets.matrix_explorer(survey, orders, customers, group="hostage")
    assert "No customer in this group at these thresholds." in shown_text(w.customers.value)
    assert "Hostages: 0 (0%)" in shown_text(w.result.value)
    w.group.value = "mercenary"
    assert re.findall(r"<td[^>]*>([A-C])</td>", w.customers.value) == ["B"]
    assert "Competitor offer" not in shown_text(w.customers.value)  # columns these tables do not have


def test_the_explorers_chart_is_the_plot_modules_chart(case):
    w = loyalty_widgets.matrix_explorer(group="hostage")
    w.satisfaction.value = 3
    w.loyalty.value = 3.0
    from matplotlib.figure import Figure

    fresh = loyalty_plots.matrix_chart(case.survey, 3, 3.0, "hostage", ax=Figure().subplots())
    assert (w._ax.collections[0].get_offsets() == fresh.collections[0].get_offsets()).all()
    assert (w._ax.collections[0].get_facecolors() == fresh.collections[0].get_facecolors()).all()
    assert [t.get_text() for t in w._ax.texts] == [t.get_text() for t in fresh.texts]
    assert w._ax.lines[0].get_xdata()[0] == 2.5 and w._ax.lines[1].get_ydata()[0] == 3.0


def test_no_dot_lies_across_the_loyalty_line(case):
    w = loyalty_widgets.matrix_explorer(loyalty_threshold=3.0)  # 3.0 is an answer a mean can take
    points = w._ax.matrix_points
    y = w._ax.collections[0].get_offsets()[:, 1]
    loyal = points["loyalty"].to_numpy() >= 3.0
    assert (y[loyal] >= 3.0).all() and (y[~loyal] < 3.0).all()


# --- the Kano questionnaire -----------------------------------------------------------------------

def test_the_questionnaire_classifies_the_students_answers_and_names_the_need():
    w = loyalty_widgets.kano_questionnaire(feature="on_time_delivery")
    cases = [("like", "dislike", "O", "Expected need"), ("must_be", "dislike", "M", "Basic need"),
             ("like", "neutral", "A", "Exciting need"), ("dislike", "like", "R", None)]
    for functional, dysfunctional, category, need in cases:
        w.functional.value, w.dysfunctional.value = functional, dysfunctional
        assert w.category == category
        text = shown_text(w.result.value)
        assert loyalty.KANO_CATEGORIES[category]["en"] in text
        assert (need in text) if need else "Not one of the Loyalty article's three classes" in text
        assert "the course's" in text


def test_the_questionnaire_compares_with_hengtais_customers(case):
    features = loyalty.kano_features(case.survey)
    w = loyalty_widgets.kano_questionnaire(feature="application_engineering", functional="like",
                                           dysfunctional="neutral")
    row = features.loc["application_engineering"]
    text = shown_text(w.compare.value)
    assert f"({int(row['answers'])} answered)" in text
    assert f"{row['A'] / row['answers']:.0%} classify it as you do" in text
    assert ("as most of Hengtai's customers do" in text) == (row["dominant"] == "A")
    w.feature.value = "branded_gifts"
    questions = shown_text(w.questions.value)
    assert loyalty.feature_text("branded_gifts")["functional_en"] in questions
    assert loyalty.feature_text("branded_gifts")["dysfunctional_en"] in questions
    bars = [round(p.get_height(), 6) for p in w._ax.patches]
    gifts = features.loc["branded_gifts"]
    assert bars == [round(gifts[c] / gifts["answers"], 6) for c in loyalty.KANO_CATEGORIES]
    assert [p.get_linewidth() for p in w._ax.patches].count(2.5) == 1  # the student's bar is outlined


def test_the_questionnaires_chart_is_the_plot_modules_chart(case):
    w = loyalty_widgets.kano_questionnaire(feature="on_time_delivery", functional="must_be", dysfunctional="dislike")
    w.feature.value = "tech_support"
    w.functional.value = "like"
    from matplotlib.figure import Figure

    features = loyalty.kano_features(case.survey)
    fresh = loyalty_plots.kano_chart(features, "tech_support", "O", ax=Figure().subplots())
    assert [p.get_height() for p in w._ax.patches] == [p.get_height() for p in fresh.patches]
    assert [p.get_linewidth() for p in w._ax.patches] == [p.get_linewidth() for p in fresh.patches]
    assert [(t.get_text(), t.get_position()) for t in w._ax.texts] == [(t.get_text(), t.get_position())
                                                                       for t in fresh.texts]
    n = int(features.loc["tech_support", "answers"])
    assert w._ax.get_title() == fresh.get_title() == f"Technical support: how {n} of Hengtai's customers classify it"


# --- starting values, text form, latency ----------------------------------------------------------

BAD_STARTS = [
    ("matrix", {"satisfaction_threshold": 1}, ValueError, "satisfaction_threshold must be between 2 and 5; got 1"),
    ("matrix", {"satisfaction_threshold": 3.5}, ValueError, "satisfaction_threshold must be a whole number"),
    ("matrix", {"loyalty_threshold": 5}, ValueError, "loyalty_threshold must be between 1.5 and 4.5; got 5"),
    ("matrix", {"loyalty_threshold": "high"}, TypeError, "loyalty_threshold must be a number"),
    ("matrix", {"group": "apostle"}, ValueError, r"group must be one of \['loyalist'"),
    ("matrix", {"shown": 100}, ValueError, "shown must be between 5 and 30; got 100"),
    ("matrix", {"survey": lambda: datasets.load_survey().drop(columns="satisfaction")}, ValueError,
     r"survey is missing column\(s\) \['satisfaction'\]"),
    ("kano", {"feature": "free_coffee"}, ValueError, r"feature must be one of \['on_time_delivery'"),
    ("kano", {"functional": "love"}, ValueError, r"functional must be one of \['like'"),
    ("kano", {"dysfunctional": None}, ValueError, "dysfunctional must be one of"),
    ("kano", {"survey": lambda: datasets.load_survey().drop(columns="kano_tech_support_functional")}, ValueError,
     r"survey is missing column\(s\) \['kano_tech_support_functional'\]"),
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
        assert text in repr(factory())


@pytest.mark.parametrize("label, make, move", loyalty_widgets.BENCHMARK, ids=[b[0] for b in loyalty_widgets.BENCHMARK])
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
