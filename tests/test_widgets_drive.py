"""Every course widget driven from Python: each control changes what it should, errors come in words,
Chinese widgets show no English, and bad starting values are refused by name."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from widget_driving import (
    act,
    controls,
    css,
    outputs,
    shown_text,
    texts_seen_using_every_control,
    visible_texts,
)

from crmlessons import datasets, funnel, i18n

WIDGETS = Path(__file__).resolve().parents[1] / "crmlessons" / "widgets"
MANAGER = {"en": "Manager's view", "zh": "经理评价"}


def make(name: str, folder: Path):
    """Build the widget ``name`` as a lesson notebook does (a small simulation for the funnel)."""
    from crmlessons.widgets import ask, loss, man, strategy
    from crmlessons.widgets import funnel as funnel_widget

    factories = {
        "ask": lambda: ask.AskSelfAssessment(compare_with={"A": 60, "S": 45, "K": 70}, compare_label=MANAGER,
                                             work_folder=folder),
        "funnel": lambda: funnel_widget.FunnelWidget(n_runs=500),
        "loss-whatif": loss.what_if,
        "qualifier": man.qualifier,
        "simulator": strategy.simulator,
    }
    return factories[name]()


NAMES = ["ask", "funnel", "loss-whatif", "qualifier", "simulator"]

#: Controls that change the widget's figures but, by design, not its chart (CSS class of the control).
TEXT_ONLY = {"crm-funnel-confidence", "crm-loss-whatif-discount", "crm-qualifier-timeline", "crm-qualifier-lead",
             "crm-ask-save"}


@pytest.mark.parametrize("name", NAMES)
def test_every_control_changes_what_the_student_sees_without_an_error(name, tmp_path):
    widget = make(name, tmp_path)
    assert {"crm-widget", f"crm-{name}"} <= set(widget._dom_classes)
    assert widget.chart.value[:4] == b"\x89PNG"
    found = controls(widget)
    assert len(found) >= 3
    for control in found:
        texts, chart = outputs(widget)
        act(control)
        label = f"{css(control)} {getattr(control, 'description', '')}"
        assert "crm-error" not in widget.status.value, f"{label}: {shown_text(widget.status.value)}"
        after_texts, after_chart = outputs(widget)
        assert after_texts != texts or after_chart != chart, f"{label} changed nothing"
        if not TEXT_ONLY & set(control._dom_classes):
            assert after_chart != chart, f"{label} did not change the chart"


def test_no_widget_connects_a_handler_around_the_kit():
    """Handlers are connected with CourseWidget.on / on_click, which guard them: none can be forgotten."""
    for path in WIDGETS.glob("*.py"):
        if path.name == "base.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\.observe\(|(?<!self)\.on_click\(", source), \
            f"{path.name} connects a handler itself: use self.on(...) / self.on_click(...)"


# --- errors in words ----------------------------------------------------------------------------

def test_the_case_rates_button_with_an_empty_history_says_there_are_no_decided_leads():
    from crmlessons.widgets.funnel import FunnelWidget

    history = datasets.load_stage_history()
    for given in (history.iloc[:0], history[history["entered_date"] >= funnel.COHORT_END]):
        w = FunnelWidget(history=given, n_runs=200)
        rates = [s.value for s in w.rates]
        w.case_button.click()
        message = shown_text(w.status.value)
        assert "no decided leads" in message and "2024-07-01" in message and "Traceback" not in message
        assert [s.value for s in w.rates] == rates  # not silently set to 0 %
    with i18n.using("zh"):
        zh = FunnelWidget(history=history.iloc[:0], n_runs=200)
    zh.case_button.click()
    assert "没有已有结果的线索" in zh.status.value


BAD_TABLES = [
    ("qualifier", {"leads": lambda: datasets.load_leads().drop(columns="lead_id")}, ValueError,
     r"leads is missing column\(s\) \['lead_id'\]"),
    ("qualifier", {"leads": lambda: "leads.csv"}, TypeError, "leads must be a pandas DataFrame"),
    ("qualifier", {"lead_ids": lambda: ["L99999"]}, ValueError, r"lead_ids must be leads of the table.*L99999"),
    ("funnel", {"history": lambda: datasets.load_stage_history().drop(columns="stage_order")}, ValueError,
     r"history is missing column\(s\) \['stage_order'\]"),
    ("loss", {"values": lambda: pd.DataFrame({"reason": ["price"]})}, ValueError, r"values is missing column\(s\)"),
    ("ask", {"salespeople": lambda: datasets.load_salespeople().drop(columns="salesperson_id")}, ValueError,
     r"salespeople is missing column\(s\) \['salesperson_id'\]"),
]


@pytest.mark.parametrize("factory, arguments, error, message", BAD_TABLES)
def test_factories_check_their_tables_naming_argument_and_column(factory, arguments, error, message):
    with pytest.raises(error, match=message):
        FACTORIES[factory](**{key: value() for key, value in arguments.items()})


# --- starting values ---------------------------------------------------------------------------

def _factories():
    from crmlessons.widgets import ask, loss, man, strategy
    from crmlessons.widgets import funnel as funnel_widget

    return {"funnel": funnel_widget.funnel_widget, "simulator": strategy.simulator, "loss": loss.what_if,
            "qualifier": man.qualifier, "ask": ask.self_assessment}


class _Lazy(dict):
    def __missing__(self, key):
        self.update(_factories())
        return self[key]


FACTORIES = _Lazy()

BAD_STARTS = [
    ("funnel", {"prospects": math.inf}, ValueError, "prospects must be a finite number; got inf"),
    ("funnel", {"prospects": 5}, ValueError, "prospects must be between 10 and 1000; got 5"),
    ("funnel", {"prospects": 150.5}, ValueError, "prospects must be a whole number between 10 and 1000"),
    ("funnel", {"rates": [0.8, math.nan, 0.4, 0.5, 0.5]}, ValueError, r"rates\[1\] must be a number; got NaN"),
    ("funnel", {"rates": [0.8, 0.6, 1.4, 0.5, 0.5]}, ValueError, r"rates\[2\] must be between 0 and 1; got 1.4"),
    ("funnel", {"rates": [0.5] * 4}, ValueError, "rates must give 5 conversion rates"),
    ("funnel", {"rates": 0.5}, TypeError, "rates must be a list of 5 conversion rates"),
    ("funnel", {"target": -1}, ValueError, "target must be between 0 and 50; got -1"),
    ("funnel", {"confidence": 1.5}, ValueError, "confidence must be between 0.5 and 0.99; got 1.5"),
    ("funnel", {"n_runs": 0}, ValueError, "n_runs must be between 1 and 1000000; got 0"),
    ("simulator", {"share_acquisition": 5}, ValueError, "share_acquisition must be between 0.0 and 1.0; got 5"),
    ("simulator", {"share_acquisition": math.nan}, ValueError, "share_acquisition must be a number; got NaN"),
    ("simulator", {"cost_new": math.inf}, ValueError, "cost_new must be a finite number; got inf"),
    ("simulator", {"cost_keep": 100}, ValueError, "cost_keep must be between 500 and 10000; got 100"),
    ("simulator", {"base_retention": 0.99}, ValueError, "base_retention must be between 0.5 and 0.94; got 0.99"),
    ("simulator", {"margin": "8000"}, TypeError, "margin must be a number; got str '8000'"),
    ("simulator", {"years": 2.5}, ValueError, "years must be a whole number between 1 and 15; got 2.5"),
    ("simulator", {"budget": -1.0}, ValueError, "budget must be at least 0; got -1.0"),
    ("simulator", {"budjet": 1e6}, TypeError, r"simulator got unknown setting\(s\) \['budjet'\]"),
    ("loss", {"reduction": 150}, ValueError, "reduction must be between 0 and 100; got 150"),
    ("loss", {"discount": math.nan}, ValueError, "discount must be a number; got NaN"),
    ("ask", {"answers": {"A1": 8}}, ValueError, "A1"),
    ("ask", {"compare_with": 7}, TypeError, "compare_with must be answers to the items"),
    ("ask", {"compare_with": {"A": 50, "S": 50}}, ValueError, "compare_with: "),
    ("ask", {"compare_with": {"A": 50}, "compare_label": 5}, TypeError, "compare_label must be a string"),
]


@pytest.mark.parametrize("factory, arguments, error, message", BAD_STARTS,
                         ids=[f"{f}-{next(iter(a))}-{i}" for i, (f, a, *_rest) in enumerate(BAD_STARTS)])
def test_bad_starting_values_are_refused_naming_the_argument_and_its_range(factory, arguments, error, message):
    with pytest.raises(error, match=message):
        FACTORIES[factory](**arguments)


def test_every_factory_has_a_bad_argument_test():
    checked = {factory for factory, *_ in BAD_STARTS} | {factory for factory, *_ in BAD_TABLES}
    assert set(_factories()) == checked


# --- Chinese widgets show no English --------------------------------------------------------------

#: Latin words a Chinese widget may show: single letters (M+a+N), the course's acronyms, item and
#: record ids (A1, SP007, L03981).
ALLOWED = re.compile(r"^(?:[A-Za-z]|ASK|MAN|BANT|[ASK][1-9]|SP\d+|L\d+)$")


def english_words(texts) -> list[str]:
    """The Latin words of ``texts`` that a Chinese widget should not show (file names such as
    ask_profile.json are names, not words)."""
    plain = [re.sub(r"[\w-]+\.(?:json|csv)", " ", text) for text in texts]
    return sorted({word for text in plain for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
                   if not ALLOWED.match(word)})


@pytest.mark.parametrize("name", NAMES)
def test_a_widget_built_in_chinese_shows_no_english(name, tmp_path):
    i18n.set_language("zh")
    widget = make(name, tmp_path)
    seen = texts_seen_using_every_control(widget)  # the messages, labels and charts controls bring up, too
    assert not english_words(seen), f"English in the Chinese {name} widget: {english_words(seen)}"


def test_the_scan_finds_english():
    assert english_words(["经理评价", "同事 SP007", "M+a+N", "BANT：B+a+N+T", "已保存到 ask_profile.json。"]) == []
    assert english_words(["Manager's view", "CNY 12", "A1 SP007x"]) == ["CNY", "Manager", "SP007x", "view"]


def test_a_comparison_label_given_in_both_languages_follows_the_widget(tmp_path):
    from crmlessons.widgets.ask import self_assessment

    with i18n.using("zh"):
        zh = self_assessment(compare_with={"A": 60, "S": 45, "K": 70}, compare_label=MANAGER)
    en = self_assessment(compare_with={"A": 60, "S": 45, "K": 70}, compare_label=MANAGER)
    assert ("经理评价", "given") in zh.compare_choice.options and ("Manager's view", "given") in en.compare_choice.options
    assert "经理评价" in [t.get_text() for t in zh._ax.get_legend().get_texts()]


def test_money_in_widgets_is_in_wan_yuan_in_chinese():
    from crmlessons.widgets import loss, strategy

    with i18n.using("zh"):
        texts = " ".join(visible_texts(loss.what_if()) + visible_texts(strategy.simulator()))
    assert "万元" in texts and "CNY" not in texts
    english = " ".join(visible_texts(loss.what_if()))
    assert re.search(r"CNY \d{1,3}(,\d{3})+", english) and "万" not in english
