"""Lesson 05, loss causes: taxonomy, mapping of raw reasons (nothing silently lost), counts, Pareto, early warning."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from crmlessons import datasets, i18n, loss
from crmlessons.plots.loss import pareto_chart, update_what_if_chart, what_if_chart


# --- taxonomy ------------------------------------------------------------------------------------

def test_taxonomy_matches_the_data_dictionary_and_the_analyst_codes(case):
    assert set(loss.REASON_CATEGORY) == set(datasets.value_labels("loss_reason"))
    assert set(loss.REASON_CATEGORY.values()) == set(datasets.value_labels("loss_category")) == set(loss.CATEGORIES)
    known = case.losses.dropna(subset=["reason"])
    pairs = set(zip(known["reason"].astype(str), known["category"].astype(str)))
    assert pairs == set(loss.REASON_CATEGORY.items())
    table = loss.taxonomy()
    assert table["controllable"].sum() == 5 and set(table.loc[table["controllable"], "category"]) == {"company_side"}
    assert set(loss.RELATIONSHIP_REASONS) <= {r for r, c in loss.REASON_CATEGORY.items() if c == "company_side"}
    assert set(loss.SYNONYMS) == set(loss.REASON_CATEGORY)


def test_table_1_1_is_the_sources_table_and_the_course_s_additions_are_apart():
    table = loss.table_1_1()
    assert table["category"].tolist() == ["customer_side"] * 2 + ["company_side"] * 3 + ["third_party"] * 2
    assert table[["cause_en", "cause_zh"]].map(str.strip).ne("").all().all()
    text = " ".join(table["cause_en"]).lower()
    # what the source names ...
    for words in ("criteria", "death", "lost contact", "complaints", "communication", "core problem of crm",
                  "competitors", "friends and relatives"):
        assert words in text, words
    # ... and what it does not: the course adds these, labelled as its own
    assert "care" not in text and "leaves" not in text and "who can act" not in text
    added = loss.course_additions().set_index("addition_en")
    assert "Relationship-marketing essay" in added.loc["Too little care", "basis_en"]
    assert added.loc["Too little care", "reason"] == "lack_of_care"
    assert added.loc["The contact leaves the company", "basis_en"].startswith("The course's")
    assert added.loc["Who can act", "basis_en"].startswith("The course's")
    assert set(added["reason"]) - {""} <= set(loss.REASON_CATEGORY)
    assert (added["addition_zh"].str.len() > 0).all() and (added["basis_zh"].str.len() > 0).all()
    labels = datasets.value_labels("loss_category")
    assert (table["category_zh"] == table["category"].map(lambda c: labels[c]["zh"])).all()


# --- mapping -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("PRICE", ("price", "mapped")), ("价格太高", ("price", "mapped")), ("went with competitor", ("competitor", "mapped")),
    ("  Lost   Contact ", ("lost_contact", "mapped")), ("联系人去世", ("contact_died_or_left", "mapped")),
    ("other", (None, "uninformative")), ("n/a", (None, "uninformative")), ("不详", (None, "uninformative")),
    ("?", (None, "uninformative")), ("--", (None, "uninformative")), ("", (None, "blank")), (None, (None, "blank")),
    (float("nan"), (None, "blank")), ("weather", (None, "unknown")), ("price war with competitor", (None, "ambiguous")),
])
def test_map_reason(text, expected):
    assert loss.map_reason(text) == expected


def test_mapping_agrees_with_the_analyst_and_loses_nothing(case):
    result = loss.map_reasons(case.losses)
    assert len(result.mapped) == len(case.losses) and result.mapped.index.equals(case.losses.index)
    n_mapped = int((result.mapped["mapping_status"] == "mapped").sum())
    assert n_mapped + int(result.unmapped["count"].sum()) == len(case.losses)
    assert loss.agreement(result.mapped) == 1.0
    assert loss.disagreements(result.mapped).empty
    assert set(result.unmapped["status"]) == {"blank", "uninformative"}
    assert result.unmapped["count"].is_monotonic_decreasing


def test_mapping_holds_on_another_variant():
    variant = datasets.make_case(random_state=3, n_leads=800, n_customers=300, n_salespeople=12).losses
    result = loss.map_reasons(variant)
    assert loss.agreement(result.mapped) > 0.99
    assert (result.mapped["mapping_status"] == "mapped").sum() + result.unmapped["count"].sum() == len(variant)


def test_editing_the_keyword_list_maps_new_variants():
    frame = pd.DataFrame({"reason_raw": ["太离谱的要价", "PRICE"], "reason": ["price", "price"]})
    before = loss.map_reasons(frame)
    assert before.unmapped["reason_raw"].tolist() == ["太离谱的要价"]
    assert loss.agreement(before.mapped) == 0.5
    assert loss.disagreements(before.mapped)["mapping"].tolist() == ["(not mapped)"]
    words = {**loss.SYNONYMS, "price": loss.SYNONYMS["price"] + ("要价",)}
    after = loss.map_reasons(frame, synonyms=words)
    assert after.unmapped.empty and loss.agreement(after.mapped) == 1.0
    used = loss.use_mapping(after.mapped)
    assert used["category"].tolist() == ["company_side", "company_side"] and "reason_mapped" not in used


raw_texts = st.one_of(st.none(), st.text(max_size=12),
                      st.sampled_from(["PRICE", "价格太高", "other", "n/a", "不详", "", " ", "lost to competitor",
                                       "price of competitor", "沟通", "?"]))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(raw_texts, min_size=0, max_size=40))
def test_no_raw_reason_is_silently_lost(texts):
    frame = pd.DataFrame({"reason_raw": pd.Series(texts, dtype=object)})
    result = loss.map_reasons(frame)
    mapped = result.mapped
    assert len(mapped) == len(frame)
    is_mapped = mapped["mapping_status"] == "mapped"
    # every row is either mapped (with a reason and its category) or reported
    assert mapped.loc[is_mapped, "reason_mapped"].notna().all()
    assert mapped.loc[~is_mapped, "reason_mapped"].isna().all()
    assert (mapped.loc[is_mapped, "category_mapped"] == mapped.loc[is_mapped, "reason_mapped"].map(loss.REASON_CATEGORY)).all()
    assert int(is_mapped.sum()) + int(result.unmapped["count"].sum()) == len(frame)
    # each unmapped row is reported under its own text
    reported = dict(zip(result.unmapped["reason_raw"], result.unmapped["count"]))
    left = mapped.loc[~is_mapped, "reason_raw"].astype(object).where(mapped.loc[~is_mapped, "reason_raw"].notna(), "(blank)")
    assert left.astype(str).value_counts().to_dict() == reported


def test_mapping_bad_input():
    with pytest.raises(ValueError, match=r"losses is missing column\(s\) \['reason_raw'\]"):
        loss.map_reasons(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(TypeError, match="losses must be a pandas DataFrame"):
        loss.map_reasons(["PRICE"])
    with pytest.raises(ValueError, match="synonyms key must be one of .*got 'cost'"):
        loss.map_reasons(pd.DataFrame({"reason_raw": ["x"]}), synonyms={"cost": ("x",)})
    with pytest.raises(TypeError, match=r"synonyms\['price'\] must be a list or tuple"):
        loss.map_reason("x", synonyms={"price": "expensive"})
    with pytest.raises(ValueError, match=r"synonyms\['price'\] contains an empty keyword"):
        loss.map_reason("x", synonyms={"price": ("",)})
    with pytest.raises(TypeError, match="synonyms must be a dict"):
        loss.map_reason("x", synonyms=["price"])
    with pytest.raises(ValueError, match="mapped has no rows"):
        loss.agreement(pd.DataFrame({"reason": [], "reason_mapped": []}))
    with pytest.raises(ValueError, match=r"mapped is missing column\(s\) \['reason_mapped'\]"):
        loss.agreement(pd.DataFrame({"reason": ["price"]}))


# --- counts, Pareto, shares ------------------------------------------------------------------------

def test_counts_keep_every_row_and_report_unknown(case):
    for by in ("category", "reason", "loss_type"):
        table = loss.counts(case.losses, by)
        assert int(table["count"].sum()) == len(case.losses)
        assert np.isclose(table["share"].sum(), 1.0)
        assert np.isclose(table["share_of_known"].dropna().sum(), 1.0)
    cat = loss.counts(case.losses, "category")
    assert cat["category"].iloc[0] == "company_side" and cat["category"].iloc[-1] == "unknown"
    assert cat.loc[cat["category"] == "unknown", "count"].item() == case.losses["category"].isna().sum()


def test_counts_by_segment_and_period(case):
    seg = loss.with_segments(case.losses, case.leads, case.customers)
    assert len(seg) == len(case.losses)
    lead_row = seg[seg["lead_id"].notna()].iloc[0]
    assert lead_row["industry"] == case.leads.set_index("lead_id").loc[lead_row["lead_id"], "industry"] or \
        pd.isna(lead_row["industry"])
    cust_row = seg[seg["customer_id"].notna()].iloc[0]
    assert cust_row["region"] == case.customers.set_index("customer_id").loc[cust_row["customer_id"], "region"]
    years = loss.counts(seg, "year")
    assert years["year"].tolist() == sorted(years["year"]) and years["count"].sum() == len(seg)
    quarters = loss.counts(seg, "quarter", loss_type="customer")
    assert quarters["count"].sum() == (case.losses["loss_type"] == "customer").sum()
    assert quarters["quarter"].iloc[0] == "2019Q3"
    industries = loss.counts(seg, "industry")
    assert industries["count"].sum() == len(seg)


def test_pareto_is_sorted_and_cumulates_to_one(case):
    for kind in (None, "deal", "customer"):
        table = loss.pareto(case.losses, loss_type=kind)
        assert table["count"].is_monotonic_decreasing
        assert table["cumulative_share"].is_monotonic_increasing
        assert np.isclose(table["cumulative_share"].iloc[-1], 1.0)
        assert (table["category"] == table["reason"].map(loss.REASON_CATEGORY)).all()
    assert loss.pareto(case.losses, "customer")["reason"].iloc[0] == "lack_of_care"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list(loss.REASON_CATEGORY) + [None]), min_size=1, max_size=60),
       st.floats(min_value=0.05, max_value=1.0))
def test_vital_few_is_the_shortest_prefix_reaching_the_cutoff(reasons, cutoff):
    frame = pd.DataFrame({"reason": pd.Series(reasons, dtype=object)})
    if frame["reason"].isna().all():
        with pytest.raises(ValueError, match="no row with a known reason"):
            loss.pareto(frame)
        return
    table = loss.pareto(frame)
    few = loss.vital_few(frame, cutoff)
    assert few == table["reason"].iloc[:len(few)].tolist()
    assert table["cumulative_share"].iloc[len(few) - 1] >= cutoff - 1e-9
    if len(few) > 1:
        assert table["cumulative_share"].iloc[len(few) - 2] < cutoff - 1e-12


def test_controllable_and_relationship_shares(case):
    known = case.losses.dropna(subset=["category"])
    assert loss.controllable_share(case.losses) == pytest.approx((known["category"] == "company_side").mean())
    assert 0.5 < loss.controllable_share(case.losses) < 0.6
    assert loss.relationship_share(case.losses, "customer") == pytest.approx(0.8, abs=0.12)
    assert loss.relationship_share(case.losses, "deal") == pytest.approx(0.64, abs=0.06)
    assert loss.relationship_share(case.losses, "customer", within=None) < loss.relationship_share(case.losses, "customer")


def test_loss_rates(case):
    rates = loss.loss_rates(case.leads, case.customers, "industry")
    assert rates["industry"].iloc[-1] == "unknown"
    assert rates["deals_decided"].sum() == (case.leads["outcome"] != "open").sum()
    assert rates["customers_lost"].sum() == case.customers["lost_date"].notna().sum()
    assert rates["deal_loss_rate"].between(0, 1).all() and rates["customer_loss_rate"].between(0, 1).all()


def test_counting_bad_input(case):
    with pytest.raises(ValueError, match="by must be one of .*got 'colour'"):
        loss.counts(case.losses, "colour")
    with pytest.raises(ValueError, match=r"losses is missing column\(s\) \['industry'\]"):
        loss.counts(case.losses, "industry")
    with pytest.raises(ValueError, match="loss_type must be one of .*got 'deals'"):
        loss.pareto(case.losses, loss_type="deals")
    with pytest.raises(ValueError, match=r"losses\['reason'\] must hold values from .*got 'weather'"):
        loss.pareto(pd.DataFrame({"reason": ["weather"]}))
    with pytest.raises(ValueError, match="cutoff must be between 0.0 and 1.0; got 80"):
        loss.vital_few(case.losses, 80)
    with pytest.raises(ValueError, match="no row with a known category"):
        loss.controllable_share(pd.DataFrame({"category": [None]}))
    with pytest.raises(ValueError, match="within must be one of"):
        loss.relationship_share(case.losses, within="third_party")
    with pytest.raises(ValueError, match="by must be one of .*got 'year'"):
        loss.loss_rates(case.leads, case.customers, "year")
    with pytest.raises(ValueError, match=r"leads is missing column\(s\)"):
        loss.with_segments(case.losses, case.leads[["lead_id"]], case.customers)


# --- early warning -------------------------------------------------------------------------------

def test_early_warning_lists_active_customers_with_falling_orders(case):
    flagged = loss.early_warning(case.orders, case.customers)
    assert len(flagged) > 0
    assert (flagged["order_ratio"] < 0.6).all() and (flagged["orders_before"] >= 2).all()
    assert flagged["value_at_risk_cny"].is_monotonic_decreasing
    status = case.customers.set_index("customer_id").loc[flagged["customer_id"], "status"]
    assert set(status.astype(str)) <= {"active", "won_back"}
    one = flagged.iloc[0]
    own = case.orders[(case.orders["customer_id"] == one["customer_id"])
                      & (case.orders["order_date"] > pd.Timestamp("2025-12-31") - pd.Timedelta(days=365))]
    assert len(own) == one["orders_recent"]
    stricter = loss.early_warning(case.orders, case.customers, threshold=0.3)
    assert set(stricter["customer_id"]) <= set(flagged["customer_id"])


def test_early_warning_hand_example():
    customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "acquired_date": pd.to_datetime(["2020-01-01"] * 3),
                              "lost_date": pd.to_datetime([None, None, "2025-06-01"]),
                              "won_back_date": pd.to_datetime([None, None, None]),
                              "industry": ["energy"] * 3, "company_size": ["small"] * 3, "region": ["east"] * 3})
    dates = {"A": ["2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10", "2025-11-01"],  # 4 before, 1 recent
             "B": ["2025-02-10", "2025-03-10", "2025-11-01", "2025-11-15"],  # 2 before, 2 recent: no drop
             "C": ["2025-01-10", "2025-02-10", "2025-03-10"]}  # lost: not active
    rows = [(c, d) for c, ds in dates.items() for d in ds]
    orders = pd.DataFrame({"customer_id": [r[0] for r in rows], "order_date": pd.to_datetime([r[1] for r in rows]),
                           "margin_cny": 100.0})
    flagged = loss.early_warning(orders, customers, as_of="2025-12-31", window_days=180, threshold=0.5)
    assert flagged["customer_id"].tolist() == ["A"]
    assert flagged[["orders_before", "orders_recent"]].values.tolist() == [[4, 1]]
    assert flagged["value_at_risk_cny"].item() == pytest.approx(400 * 365 / 180)


def test_early_warning_beats_chance_on_the_past(case):
    hits = loss.warning_hit_rate(case.orders, case.customers)
    assert hits["flagged"].tolist() == [True, False]
    assert hits.loc[0, "loss_rate"] > 1.5 * hits.loc[1, "loss_rate"]


def test_early_warning_bad_input(case):
    with pytest.raises(ValueError, match="as_of must be a date"):
        loss.early_warning(case.orders, case.customers, as_of="soon")
    with pytest.raises(ValueError, match="threshold must be between 0.0 and 1.0; got 60"):
        loss.early_warning(case.orders, case.customers, threshold=60)
    with pytest.raises(TypeError, match="window_days must be a whole number"):
        loss.early_warning(case.orders, case.customers, window_days=90.5)
    with pytest.raises(ValueError, match=r"orders is missing column\(s\) \['margin_cny'\]"):
        loss.early_warning(case.orders.drop(columns="margin_cny"), case.customers)
    with pytest.raises(ValueError, match="as_of must be a date or a list of dates"):
        loss.warning_hit_rate(case.orders, case.customers, as_of=[])


# --- charts --------------------------------------------------------------------------------------

def test_pareto_chart_bars_line_and_reference_in_both_languages(case):
    ax = pareto_chart(case.losses, "customer", ax=Figure().subplots())
    table = loss.pareto(case.losses, "customer")
    assert [p.get_height() for p in ax.patches] == table["count"].tolist()
    line = ax.right_ax.lines[0]
    assert np.allclose(line.get_ydata(), table["cumulative_share"])
    assert any(np.allclose(l.get_ydata(), 0.8) for l in ax.right_ax.lines[1:])
    assert ax.get_xticklabels()[0].get_text() == "Lack of care"
    i18n.set_language("zh")
    ax = pareto_chart(case.losses, ax=Figure().subplots())
    assert ax.get_ylabel() == "流失数" and ax.get_xticklabels()[0].get_text() == "竞争对手"


def test_what_if_chart_splits_kept_and_lost():
    values = pd.DataFrame({"reason": ["price", "competitor", "product"], "lost_per_year": [10.0, 5.0, 2.0]})
    ax = what_if_chart(values, {"price": 0.5}, ax=Figure().subplots())
    still, kept = ax.containers
    assert [p.get_width() for p in still] == [2.0, 5.0, 5.0]
    assert [p.get_width() for p in kept] == [0.0, 0.0, 5.0]
    update_what_if_chart(ax, values, {"product": 1.0})
    assert [p.get_width() for p in kept] == [2.0, 0.0, 0.0]
    with pytest.raises(ValueError, match=r"values is missing column\(s\) \['lost_per_year'\]"):
        what_if_chart(values[["reason"]], {}, ax=Figure().subplots())
