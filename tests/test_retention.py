"""Lesson 05, retention economics: cost ratio, the price of a lost customer, what-if figures and the widget."""

from __future__ import annotations


import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlessons import datasets, i18n, loss, retention
from crmlessons.datasets.effects import customer_counts_by_year
from crmlessons.lessons import lesson05
from crmlessons.widgets.loss import LossWhatIf, what_if


@pytest.fixture(scope="module")
def values(case):
    return retention.reason_values(case.losses, case.orders, case.customers, case.spend)


def test_customer_counts_agree_with_the_datasheet_definition(case):
    table = retention.customers_by_year(case.customers)
    years, acquired, retained = customer_counts_by_year(case.customers)
    assert table["year"].tolist() == list(years)
    assert table["acquired"].tolist() == list(acquired) and table["retained"].tolist() == list(retained)
    assert (table["retained"] + table["lost"] >= table["active_start"]).all()
    assert table["retention_rate"].between(0.9, 1).all()


def test_cost_ratio_is_near_the_planted_value_not_hard_coded(case):
    planted = datasets.planted_effects().set_index("name").loc["acquisition_retention_cost_ratio"]
    ratio = retention.cost_ratio(case.spend, case.customers)
    assert abs(ratio - planted["value"]) <= planted["tolerance"]
    doubled = case.spend.assign(amount_cny=np.where(case.spend["spend_type"] == "acquisition",
                                                    case.spend["amount_cny"] * 2, case.spend["amount_cny"]))
    assert retention.cost_ratio(doubled, case.customers) == pytest.approx(2 * ratio)
    per_year = retention.cost_per_customer(case.spend, case.customers)
    assert (per_year["ratio"] > 3.5).all()


def test_facts_add_up(case):
    f = retention.facts(case.orders, case.customers, case.spend, discount_rate=0)
    assert f["expected_years"] == pytest.approx(1 / (1 - f["retention_rate"]))
    assert f["lost_margin"] == pytest.approx(f["margin_per_year"] * f["expected_years"])
    assert f["lost_customer_cost"] == pytest.approx(f["lost_margin"] + f["acquisition_cost"])
    assert f["acquisition_cost"] / f["retention_cost"] == pytest.approx(retention.cost_ratio(case.spend, case.customers))
    assert 0 < f["margin_per_year"] < f["revenue_per_year"]
    discounted = retention.facts(case.orders, case.customers, case.spend, discount_rate=0.1)
    assert discounted["lost_margin"] < f["lost_margin"]
    assert discounted["expected_years"] == pytest.approx(1 / (1 - f["retention_rate"] / 1.1))


def test_lifetime_value_is_discounted_by_default(case):
    """The course's default discounts future margin (10% a year): no promise of 22 undiscounted years."""
    assert retention.DISCOUNT_RATE == 0.10
    default = retention.facts(case.orders, case.customers, case.spend)
    assert default.equals(retention.facts(case.orders, case.customers, case.spend, discount_rate=0.10))
    r = default["retention_rate"]
    assert default["expected_years"] == pytest.approx(1 / (1 - r / 1.1))
    assert 6 < default["expected_years"] < 9  # about 7.6 years' worth, not 1 / (1 - 0.955), about 22
    assert retention.expected_years(0.9) == pytest.approx(5.5)
    assert retention.lost_customer_cost(10_000, 0.9, 30_000) == pytest.approx(85_000)


def test_break_even_example_is_sensible_against_hengtais_spend(case, values):
    """Cutting company-side losses by a fifth keeps about 5 customers a year: worth less than all of the spend."""
    result = retention.cut_company_side(values, 0.2)
    spend_2025 = case.spend[case.spend["year"] == 2025]["amount_cny"].sum()
    assert 4 <= result["customers_kept"] <= 6
    assert result["break_even_budget"] < spend_2025
    f = retention.facts(case.orders, case.customers, case.spend)
    by_hand = result["customers_kept"] * (f["margin_per_year"] / (1 - f["retention_rate"] / 1.1) + f["acquisition_cost"])
    assert result["break_even_budget"] == pytest.approx(by_hand)
    undiscounted = retention.cut_company_side(values, 0.2, discount_rate=0)
    assert undiscounted["break_even_budget"] > spend_2025  # the slip the default avoids


def test_expected_years_and_lost_customer_cost_by_hand():
    assert retention.expected_years(0.0) == 1.0
    assert retention.expected_years(0.5, discount_rate=0) == pytest.approx(2.0)
    assert retention.expected_years(0.5, discount_rate=1.0) == pytest.approx(1 / (1 - 0.25))
    assert retention.lost_customer_cost(1000, 0.5, 300, discount_rate=0) == pytest.approx(2300)


def test_customer_years_counts_won_back_time():
    frame = pd.DataFrame({"acquired_date": pd.to_datetime(["2020-01-01"]), "lost_date": pd.to_datetime(["2021-01-01"]),
                          "won_back_date": pd.to_datetime(["2024-12-31"])})
    years = retention.customer_years(frame, "2020-01-01", "2025-12-31")
    assert years == pytest.approx((366 + 365) / 365.25)


def test_claims_are_measured_from_the_data(case):
    from crmlessons.lessons.sources import SOURCES

    table = retention.claims(case.losses, case.spend, case.customers).set_index("claim")
    names = {source.short["en"] for source in SOURCES.values()}
    assert {name for cell in table["source"] for name in cell.split("; ")} <= names  # cited by the sources page's names
    planted = datasets.planted_effects().set_index("name")["value"]
    assert table.loc["acquisition_vs_retention_cost", "planted"] == planted["acquisition_retention_cost_ratio"]
    assert table.loc["care_communication_complaints_company_side_lost_customers", "planted"] == \
        planted["company_care_share_customers"]
    assert table["planted"].isna().sum() == 2
    assert table.loc["acquisition_vs_retention_cost", "measured"] == pytest.approx(
        retention.cost_ratio(case.spend, case.customers))
    assert table.loc["care_communication_complaints_company_side_lost_customers", "measured"] == pytest.approx(
        loss.relationship_share(case.losses, "customer"))
    # the readings of "two thirds leave for lack of care" get wider and wider
    m = table["measured"].iloc[1:].tolist()
    assert m == sorted(m)


def test_reason_values_spread_unknown_reasons(case, values):
    lost_customers = (case.losses["loss_type"] == "customer").sum()
    assert values["lost_per_year"].sum() * len(retention.YEARS) == pytest.approx(lost_customers)
    raw = retention.reason_values(case.losses, case.orders, case.customers, case.spend, spread_unknown=False)
    known = case.losses[(case.losses["loss_type"] == "customer")]["reason"].notna().sum()
    assert raw["lost_per_year"].sum() * len(retention.YEARS) == pytest.approx(known)
    assert values["reason"].tolist() == list(loss.REASON_CATEGORY)


def test_what_if_by_hand(values):
    f = values.iloc[0]
    years = 1 / (1 - f["retention_rate"] / (1 + retention.DISCOUNT_RATE))
    lack = values.set_index("reason").loc["lack_of_care"]
    result = retention.what_if(values, {"lack_of_care": 0.5})
    assert result["customers_kept"] == pytest.approx(lack["lost_per_year"] * 0.5)
    assert result["margin_saved"] == pytest.approx(result["customers_kept"] * f["margin_per_year"] * years)
    assert result["revenue_saved"] == pytest.approx(result["customers_kept"] * f["revenue_per_year"] * years)
    assert result["break_even_budget"] == pytest.approx(result["margin_saved"] + result["replacement_saved"])
    assert retention.what_if(values, {})["break_even_budget"] == 0
    company = retention.cut_company_side(values, 0.3)
    same = retention.what_if(values, {r: 0.3 for r, c in loss.REASON_CATEGORY.items() if c == "company_side"})
    assert company.equals(same)
    assert retention.what_if(values, {"lack_of_care": 0.5}, discount_rate=0)["margin_saved"] > result["margin_saved"]


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(list(loss.REASON_CATEGORY)), st.floats(min_value=0, max_value=1), max_size=10),
       st.floats(min_value=0, max_value=1))
def test_what_if_is_additive_and_monotone(values, cuts, extra):
    whole = retention.what_if(values, cuts)
    parts = [retention.what_if(values, {r: c}) for r, c in cuts.items()]
    assert whole["customers_kept"] == pytest.approx(sum(p["customers_kept"] for p in parts), abs=1e-9)
    assert whole["break_even_budget"] == pytest.approx(sum(p["break_even_budget"] for p in parts), rel=1e-9, abs=1e-6)
    more = retention.what_if(values, {r: max(c, extra) for r, c in cuts.items()})
    assert more["margin_saved"] >= whole["margin_saved"] - 1e-6
    assert whole["customers_kept"] <= values["lost_per_year"].sum() + 1e-9


def test_retention_bad_input(case, values):
    with pytest.raises(ValueError, match="reductions key must be one of .*got 'weather'"):
        retention.what_if(values, {"weather": 0.2})
    with pytest.raises(ValueError, match=r"reductions\['price'\] must be between 0.0 and 1.0; got 20"):
        retention.what_if(values, {"price": 20})
    with pytest.raises(TypeError, match="reductions must be a dict"):
        retention.what_if(values, ["price"])
    with pytest.raises(ValueError, match=r"values is missing column\(s\)"):
        retention.what_if(values.drop(columns="margin_per_year"), {})
    with pytest.raises(ValueError, match="share must be between 0.0 and 1.0; got 1.5"):
        retention.cut_company_side(values, 1.5)
    with pytest.raises(ValueError, match="retention must be between 0.0 and 0.999; got 1"):
        retention.expected_years(1)
    with pytest.raises(ValueError, match="discount_rate must be between"):
        retention.facts(case.orders, case.customers, case.spend, discount_rate=-0.1)
    with pytest.raises(ValueError, match=r"spend\['spend_type'\] must include 'acquisition' and 'retention'"):
        retention.cost_ratio(case.spend[case.spend["spend_type"] == "retention"], case.customers)
    with pytest.raises(ValueError, match=r"spend is missing column\(s\) \['amount_cny'\]"):
        retention.cost_ratio(case.spend.drop(columns="amount_cny"), case.customers)
    with pytest.raises(TypeError, match=r"years\[0\] must be a whole number"):
        retention.customers_by_year(case.customers, years=[2019.5])
    with pytest.raises(ValueError, match="years must list at least one year"):
        retention.retention_rate(case.customers, years=[])
    with pytest.raises(ValueError, match=r"losses\['reason'\] must hold values from"):
        retention.reason_values(case.losses.assign(reason="weather"), case.orders, case.customers, case.spend)


# --- the widget ------------------------------------------------------------------------------------

def test_widget_reacts_to_every_control(values):
    w = LossWhatIf(values)
    assert "crm-widget" in w._dom_classes and "crm-loss-whatif" in w._dom_classes
    assert "crm-loss-whatif-reduction" in w.reduction._dom_classes
    assert "crm-loss-whatif-result" in w.result._dom_classes and "crm-loss-whatif-chart" in w.chart._dom_classes
    ticked = {r for r, b in w.boxes.items() if b.value}
    assert ticked == {r for r, c in loss.REASON_CATEGORY.items() if c == "company_side"}
    expected = retention.cut_company_side(values, 0.2)
    assert w.last.equals(expected)
    html_before, png_before = w.result.value, bytes(w.chart.value)
    assert png_before.startswith(b"\x89PNG")
    w.reduction.value = 60
    assert w.result.value != html_before and bytes(w.chart.value) != png_before
    assert w.last["customers_kept"] == pytest.approx(3 * expected["customers_kept"])
    html_before, png_before = w.result.value, bytes(w.chart.value)
    w.boxes["competitor"].value = True
    assert w.result.value != html_before and bytes(w.chart.value) != png_before
    html_before = w.result.value
    assert w.discount.value == 10  # starts at the course's rate
    w.discount.value = 0
    assert w.result.value != html_before
    w.choose([])
    assert w.last["customers_kept"] == 0 and "Tick at least one reason" in w.result.value
    with pytest.raises(ValueError, match="reasons must be among"):
        w.choose(["weather"])


def test_widget_shows_errors_in_words(values):
    w = LossWhatIf(values)
    w.values = values.drop(columns="margin_per_year")
    w.reduction.value = 50
    assert "margin_per_year" in w.status.value
    assert "crm-error" in w.status.value and "Traceback" not in w.status.value


def test_widget_in_chinese(values):
    i18n.set_language("zh")
    w = what_if(values)
    assert "每年留住的客户" in w.result.value and "万" in w.result.value
    assert w.boxes["lack_of_care"].description.startswith("关怀不够")
    assert "假设分析" in repr(w)


def test_mini_case_is_bilingual():
    text_en = repr(lesson05.mini_case())
    assert "PRICE" in text_en and "Discuss" in text_en
    i18n.set_language("zh")
    assert "讨论" in repr(lesson05.mini_case()) and "crm-mini-case" in lesson05.mini_case()._repr_html_()
