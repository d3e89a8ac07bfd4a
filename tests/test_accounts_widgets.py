"""Lesson 08's account-review widget driven from Python as a student would use it, in both languages."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from widget_driving import act, controls, css, outputs, pixels, shown_text, texts_seen_using_every_control, latin_words

from crmlessons import accounts, datasets, i18n
from crmlessons.plots.accounts import journey_chart
from crmlessons.widgets import base
from crmlessons.widgets.accounts import CHART_SIZE, SHOWS, AccountReview, account_review_app

#: Latin words a Chinese student may see: ids, MAN letters, the code name of the rule.
ALLOWED = re.compile(r"^(C\d{5}|L\d{5}|LS\d{5}|SP\d{3}|O\d{7}|M|A|N|m|a|n|MAN|crmlessons|accounts|next|steps)$")


@pytest.fixture(scope="module")
def widget():
    return AccountReview()


@pytest.fixture(scope="module")
def chosen():
    return accounts.chosen_customers()


def rows(w) -> int:
    return w.events.value.count("<tr>")


def test_it_opens_on_the_first_chosen_customer_with_its_card_chart_and_events(widget, chosen):
    first = chosen["customer_id"].iloc[0]
    assert widget.customer.value == first and [v for _, v in widget.customer.options] == chosen["customer_id"].tolist()
    assert {"crm-widget", "crm-accounts"} <= set(widget._dom_classes)
    story = accounts.journey(first)
    assert rows(widget) == len(story.events)
    assert base.money(story.facts["margin_cny"]) in widget.facts.value
    assert accounts.NEXT_STEPS[story.facts["next_step"]][0].replace("'", "&#x27;") in widget.facts.value
    assert widget.chart.value[:4] == b"\x89PNG"


def test_its_first_chart_is_the_plot_modules_chart_pixel_for_pixel(chosen):
    w = AccountReview()
    fig = base.new_figure(CHART_SIZE)
    journey_chart(accounts.journey(chosen["customer_id"].iloc[0]), ax=fig.subplots())
    assert (pixels(w.chart.value) == pixels(base.figure_png(fig))).all()


def test_every_control_changes_what_the_student_sees_without_an_error():
    w = AccountReview()
    found = controls(w)
    assert len(found) >= 2
    for control in found:
        texts, chart = outputs(w)
        act(control)
        assert "crm-error" not in w.status.value, f"{css(control)}: {shown_text(w.status.value)}"
        after_texts, after_chart = outputs(w)
        assert after_texts != texts and after_chart != chart, f"{css(control)} changed nothing"
    w.typed.value = "C00014"
    assert w.customer.value == "C00014" and w.show.value == "all" and "crm-error" not in w.status.value
    assert (pixels(w.chart.value) == pixels(w._picture.full_png())).all()  # the fast frame is exact


@pytest.mark.parametrize("show", SHOWS)
def test_each_list_offers_the_customers_it_names(widget, show):
    widget.show.value = show
    ids = [value for _, value in widget.customer.options]
    review = widget.review
    expected = {"chosen": set(widget.chosen["customer_id"]), "all": set(review.index),
                "lost": set(review.index[~review["active"]]),
                "at_risk": set(review.index[review["active"] & review["flagged"]]),
                "loyalist": set(review.index[review["group"] == "loyalist"])}[show]
    assert set(ids) == expected and len(ids) == len(set(ids))
    if show == "all":
        assert ids[:3] == widget.chosen["customer_id"].tolist()  # the chosen customers first
    assert widget.customer.value == ids[0] and rows(widget) == len(widget.journey.events)


def test_picking_shows_that_customers_facts(widget):
    c = datasets.load_customers()
    lost = str(c.loc[c["status"] == "lost", "customer_id"].iloc[0])
    widget.pick(lost)
    assert widget.customer.value == lost and lost in widget.facts.value
    reason = datasets.load_losses().set_index("customer_id").loc[lost, "reason"]
    label = datasets.value_labels("reason")[reason]["en"] if pd.notna(reason) else "no reason recorded"
    assert label in widget.facts.value


@pytest.mark.parametrize("language, words", [("en", "is not in customers"), ("zh", "不在客户表中")])
def test_a_bad_id_is_an_error_in_words_and_goes_away(language, words):
    with i18n.using(language):
        w = AccountReview()
    shown = w.customer.value
    w.typed.value = "nobody"
    assert "crm-error" in w.status.value and words in shown_text(w.status.value)
    assert "Traceback" not in w.status.value and w.customer.value == shown
    w.pick(12)
    assert "customer_id must be" in shown_text(w.status.value)
    w.typed.value = "c00014"  # lower case is fine
    assert w.status.value == "" and w.customer.value == "C00014"


def test_bad_starting_values_are_refused_by_name():
    with pytest.raises(ValueError, match="customer_id 'nobody' is not in customers"):
        AccountReview(customer_id="nobody")
    with pytest.raises(ValueError, match="show"):
        AccountReview(show="everyone")
    with pytest.raises(TypeError, match="case must be a Case"):
        AccountReview(case="hengtai")


def test_the_chinese_widget_shows_no_english():
    with i18n.using("zh"):
        w = AccountReview()
    w.typed.value = "C00014"
    words = latin_words(texts_seen_using_every_control(w), ALLOWED)
    assert words == [], words
    assert "万元" in w.facts.value and "下一步" in w.facts.value


@pytest.mark.parametrize("setting, language", [("zh", "zh"), ("en", "en"), (None, "en")])
def test_the_app_speaks_the_language_of_the_environment(monkeypatch, setting, language):
    if setting is None:
        monkeypatch.delenv("CRMLESSONS_LANG", raising=False)
    else:
        monkeypatch.setenv("CRMLESSONS_LANG", setting)
    w = account_review_app()
    assert w.language == language and i18n.get_language() == "en"  # the course language is left alone
    title = {"zh": "客户复盘", "en": "Account review"}[language]
    assert title in w.children[0].value
    w.typed.value = "C00014"  # later picks keep the app's language
    assert ("客户 C00014" if language == "zh" else "Customer C00014") in w.facts.value


def test_the_app_follows_a_variant():
    datasets.use_variant(3)
    try:
        w = account_review_app()
        assert w.customer.value == accounts.chosen_customers()["customer_id"].iloc[0]
        assert len(w.review) == len(datasets.load_customers())
    finally:
        datasets.use_variant(None)
