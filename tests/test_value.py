"""Lesson 06, customer value: historic value and concentration, RFM in lifetimes' convention, simple CLV and
the most worth spending, delivered value, the drivers of perceived value and the ties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlessons import datasets, retention, value

YEAR = 365.25


def orders_of(rows) -> pd.DataFrame:
    """An order log from (customer_id, date, margin) rows; the amount is five times the margin."""
    frame = pd.DataFrame(rows, columns=["customer_id", "order_date", "margin_cny"])
    frame["order_date"] = pd.to_datetime(frame["order_date"])
    frame["amount_cny"] = frame["margin_cny"] * 5
    return frame


def customers_of(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["customer_id", "acquired_date", "lost_date", "won_back_date"])
    for column in ("acquired_date", "lost_date", "won_back_date"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


# --- historic value and concentration -------------------------------------------------------------

def test_historic_value_counts_the_orders_and_the_active_time_inside_the_order_log():
    customers = customers_of([("A", "2018-06-01", None, None), ("B", "2023-01-01", "2024-01-01", "2025-01-01"),
                              ("C", "2025-07-01", None, None), ("D", "2026-03-01", None, None)])
    orders = orders_of([("A", "2019-03-01", 100.0), ("A", "2025-12-31", 50.0), ("A", "2026-01-05", 999.0),
                        ("B", "2023-05-01", 30.0)])
    table = value.historic_value(orders, customers)
    assert table.index.tolist() == ["A", "B", "C"]  # D is acquired after as_of
    assert table["margin_cny"].tolist() == [150.0, 30.0, 0.0] and table["orders"].tolist() == [2, 1, 0]
    assert table["amount_cny"].tolist() == [750.0, 150.0, 0.0]
    # A: 2019-01-01 (the log starts) to 2025-12-31; B: a year, lost, then won back for 364 days; C: 183 days
    assert table["years_active"].tolist() == pytest.approx([2556 / YEAR, (365 + 364) / YEAR, 183 / YEAR])
    assert table.loc["A", "margin_per_year"] == pytest.approx(150 / (2556 / YEAR))
    assert pd.isna(table.loc["C", "first_order"]) and table.loc["C", "margin_per_year"] == 0
    without = value.historic_value(orders)  # from the first order to as_of
    assert without.index.tolist() == ["A", "B"]
    assert without.loc["B", "years_active"] == pytest.approx((pd.Timestamp("2025-12-31") - pd.Timestamp("2023-05-01")).days / YEAR)


def test_historic_value_refuses_orders_of_unknown_customers():
    customers = customers_of([("A", "2020-01-01", None, None)])
    with pytest.raises(ValueError, match=r"orders has customer_id\(s\) not among the customers.*'Z'"):
        value.historic_value(orders_of([("Z", "2021-01-01", 5.0)]), customers)


def test_on_the_case_the_active_years_add_up_to_lesson_05s_customer_years(case):
    table = value.historic_value(case.orders, case.customers)
    assert table["years_active"].sum() == pytest.approx(retention.customer_years(case.customers))
    assert table["margin_cny"].sum() == pytest.approx(case.orders["margin_cny"].sum())


def test_concentration_on_a_known_list():
    margins = pd.Series([50.0, 20, 10, 5, 5, 4, 3, 2, 1, 0])
    table = value.concentration(margins, top=(0.1, 0.2, 0.5, 1.0))
    assert table["customers"].tolist() == [1, 2, 5, 10]
    assert table["margin_share"].tolist() == pytest.approx([0.5, 0.7, 0.9, 1.0])
    # the top share is rounded up to whole customers: 10 % of 15 customers is 2 of them
    assert value.concentration(pd.Series(np.arange(15.0)), top=[0.1])["customers"].tolist() == [2]
    equal = value.concentration(pd.Series([7.0] * 20))
    assert equal["margin_share"].tolist() == pytest.approx([0.1, 0.2])


@pytest.mark.parametrize("margins, message", [
    (pd.Series([-5.0, 2.0]), "margins must add up to a positive total"),
    (pd.Series([1.0, np.nan]), "margins must hold finite numbers"),
    (pd.Series([], dtype=float), "margins must hold at least one number"),
    ("1, 2, 3", "margins must be a pandas Series"),
])
def test_concentration_refuses_margins_it_cannot_share_out(margins, message):
    with pytest.raises((TypeError, ValueError), match=message):
        value.concentration(margins)


def test_concentration_refuses_shares_outside_zero_to_one():
    with pytest.raises(ValueError, match=r"top\[1\] must be between 0.0 and 1.0; got 20"):
        value.concentration(pd.Series([1.0, 2.0]), top=(0.1, 20))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=60).filter(lambda xs: sum(xs) > 0),
       st.lists(st.floats(0.01, 1.0), min_size=1, max_size=4))
def test_the_top_customers_bring_at_least_their_share_and_more_customers_bring_more(margins, top):
    table = value.concentration(pd.Series(margins), top=sorted(top))
    assert (table["margin_share"] >= table["customers"] / len(margins) - 1e-9).all()
    assert table["margin_share"].is_monotonic_increasing and table["margin_share"].iloc[-1] <= 1 + 1e-9


def test_the_concentration_curve_starts_at_zero_ends_at_one_and_bends_down():
    curve = value.concentration_curve(pd.Series([1.0, 5.0, 2.0, 2.0]))
    assert curve["customer_share"].tolist() == [0, 0.25, 0.5, 0.75, 1.0]
    assert curve["margin_share"].tolist() == pytest.approx([0, 0.5, 0.7, 0.9, 1.0])
    assert (np.diff(curve["margin_share"], 2) <= 1e-12).all()


def test_on_the_case_a_fifth_of_the_customers_bring_most_of_the_margin(case):
    table = value.concentration(value.historic_value(case.orders, case.customers)["margin_cny"])
    top10, top20 = table["margin_share"]
    assert 0.3 < top10 < top20 < 0.85 and top20 > 0.5


# --- value by year of the relationship ------------------------------------------------------------

def test_value_by_tenure_divides_each_years_margin_by_the_time_customers_were_in_that_year():
    customers = customers_of([("X", "2019-01-01", None, None), ("Y", "2017-01-01", "2019-07-01", None)])
    orders = orders_of([("X", "2019-06-01", 100.0), ("X", "2020-06-01", 300.0), ("Y", "2019-03-01", 60.0)])
    table = value.value_by_tenure(orders, customers, as_of="2020-12-31")
    # X: year 1 whole, year 2 up to 730 days; Y enters the log 730 days after its acquisition (a sliver of
    # its 2nd year, then its 3rd until the loss, 911 days after acquisition)
    assert table["tenure_year"].tolist() == [1, 2, 3]
    assert table["customers"].tolist() == [1, 2, 1]
    assert table["customer_years"].tolist() == pytest.approx([1.0, (730 / YEAR - 1) + (2 - 730 / YEAR),
                                                              911 / YEAR - 2])
    assert table["margin_cny"].tolist() == [100.0, 300.0, 60.0]
    assert table["margin_per_year"].tolist() == pytest.approx([100.0, 300.0, 60.0 / (911 / YEAR - 2)])


def test_value_by_tenure_refuses_an_order_before_the_customer_was_won():
    customers = customers_of([("X", "2020-01-01", None, None)])
    with pytest.raises(ValueError, match="before the customer's acquired_date"):
        value.value_by_tenure(orders_of([("X", "2019-06-01", 1.0)]), customers)


def test_on_the_case_customers_bring_more_margin_a_year_the_longer_they_stay(case):
    table = value.value_by_tenure(case.orders, case.customers)
    assert table["customer_years"].sum() == pytest.approx(retention.customer_years(case.customers))
    assert table["margin_cny"].sum() == pytest.approx(case.orders["margin_cny"].sum())
    early = table.loc[table["tenure_year"] <= 2, "margin_cny"].sum() / table.loc[table["tenure_year"] <= 2,
                                                                                 "customer_years"].sum()
    late = table.loc[table["tenure_year"] >= 8, "margin_cny"].sum() / table.loc[table["tenure_year"] >= 8,
                                                                                "customer_years"].sum()
    assert late > 1.2 * early


# --- the RFM summary in lifetimes' convention -----------------------------------------------------

#: Weeks run Monday to Sunday; 2025-01-06 is a Monday (week 0 below).
LOG = [("A", "2025-01-06", 100.0), ("A", "2025-01-08", 50.0),   # week 0, twice: one purchase period of 150
       ("A", "2025-01-20", 30.0),                                # week 2
       ("A", "2025-01-29", 10.0), ("A", "2025-02-02", 70.0),     # week 3 (Wednesday and Sunday): 80
       ("A", "2025-02-03", 20.0),                                # week 4
       ("B", "2025-01-15", 40.0),                                # week 1, once
       ("C", "2025-01-13", 10.0), ("C", "2025-01-19", 10.0),     # week 1, twice
       ("C", "2025-03-10", 99.0),                                # after the observation
       ("D", "2025-02-05", 5.0)]                                 # week 4: first seen after the calibration


def test_rfm_summary_on_a_small_order_log_computed_by_hand():
    table = value.rfm_summary(orders_of(LOG), observation_end="2025-02-16")  # a Sunday: week 5
    assert table.index.tolist() == ["A", "B", "C", "D"]
    assert table.loc["A"].tolist() == [3.0, 4.0, 5.0, (30 + 80 + 20) / 3]  # frequency, recency, T, monetary
    assert table.loc["B"].tolist() == [0.0, 0.0, 4.0, 0.0]
    assert table.loc["C"].tolist() == [0.0, 0.0, 4.0, 0.0]  # two orders in one week: one purchase period
    assert table.loc["D"].tolist() == [0.0, 0.0, 1.0, 0.0]
    assert (table.dtypes == float).all()


def test_rfm_summary_in_days():
    table = value.rfm_summary(orders_of(LOG), observation_end="2025-02-16", time_unit="D")
    # A bought on days 0, 2, 14, 23, 27 and 28 after 6 January; C on days 0 and 6 after 13 January
    assert table.loc["A"].tolist() == [5.0, 28.0, 41.0, (50 + 30 + 10 + 70 + 20) / 5]
    assert table.loc["C"].tolist() == [1.0, 6.0, 34.0, 10.0]


def test_rfm_summary_values_purchases_at_their_amount_when_asked():
    table = value.rfm_summary(orders_of(LOG), observation_end="2025-02-16", monetary="amount_cny")
    assert table.loc["A", "monetary_value"] == pytest.approx(5 * (30 + 80 + 20) / 3)


def test_calibration_holdout_on_the_small_log_computed_by_hand():
    table = value.calibration_holdout(orders_of(LOG), "2025-01-26", observation_end="2025-02-16")
    assert table.index.tolist() == ["A", "B", "C"]  # D's first purchase comes after the calibration
    assert table.loc["A", ["frequency_cal", "recency_cal", "T_cal", "monetary_value_cal"]].tolist() == [1, 2, 2, 30]
    # the holdout's purchase periods: weeks 3 (80, two orders) and 4 (20); mean value per period, not per order
    assert table.loc["A", ["frequency_holdout", "monetary_value_holdout"]].tolist() == [2.0, 50.0]
    assert table.loc[["B", "C"], "frequency_holdout"].tolist() == [0.0, 0.0]
    assert table.loc[["B", "C"], "T_cal"].tolist() == [1.0, 1.0]
    assert (table["duration_holdout"] == 3).all()


def test_the_calibration_part_is_the_summary_of_the_calibration_period(case):
    cut = "2024-12-31"
    table = value.calibration_holdout(case.orders, cut)
    alone = value.rfm_summary(case.orders, observation_end=cut).add_suffix("_cal")
    pd.testing.assert_frame_equal(table[alone.columns], alone)
    assert (table["duration_holdout"] == 52).all()


def test_a_calibration_end_after_the_observation_end_is_refused():
    with pytest.raises(ValueError, match="calibration_end must be before observation_end"):
        value.calibration_holdout(orders_of(LOG), "2025-03-01", observation_end="2025-02-16")


_order_logs = st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(0, 400), st.floats(1, 1000)),
                       min_size=1, max_size=40)


def _log(rows) -> pd.DataFrame:
    start = pd.Timestamp("2024-01-01")
    return orders_of([(c, start + pd.Timedelta(days=d), m) for c, d, m in rows])


@settings(max_examples=60, deadline=None)
@given(_order_logs, st.sampled_from(["W", "D"]))
def test_summary_invariants(rows, unit):
    orders = _log(rows)
    table = value.rfm_summary(orders, observation_end="2025-02-09", time_unit=unit)
    counts = orders.groupby("customer_id").size()
    assert (table["frequency"] <= counts.reindex(table.index) - 1).all()
    assert (table["frequency"] <= table["recency"]).all()  # each repeat period is at least one period later
    assert (table["recency"] <= table["T"]).all() and (table["T"] >= 0).all()
    assert ((table["monetary_value"] == 0) == (table["frequency"] == 0)).all()


@settings(max_examples=60, deadline=None)
@given(_order_logs, st.integers(1, 50))
def test_calibration_and_holdout_periods_add_up_to_the_whole(rows, weeks):
    orders = _log(rows)
    cut = pd.Timestamp("2024-01-07") + pd.Timedelta(weeks=weeks)  # a Sunday: no week is cut in two
    if not (orders["order_date"] <= cut).any():
        return
    split = value.calibration_holdout(orders, cut.strftime("%Y-%m-%d"), observation_end="2025-02-09")
    whole = value.rfm_summary(orders, observation_end="2025-02-09").reindex(split.index)
    assert (split["frequency_cal"] + split["frequency_holdout"] == whole["frequency"]).all()


# --- RFM scores and segments ----------------------------------------------------------------------

def test_rfm_scores_rank_each_of_recency_frequency_and_monetary_value():
    summary = pd.DataFrame({"frequency": [9.0, 0.0, 3.0, 5.0, 1.0], "recency": [50.0, 0.0, 10.0, 40.0, 3.0],
                            "T": [52.0, 30.0, 52.0, 52.0, 50.0], "monetary_value": [80.0, 0.0, 20.0, 40.0, 10.0]},
                           index=list("ABCDE"))
    scores = value.rfm_scores(summary)
    # weeks since the last purchase: A 2, B 30, C 42, D 12, E 47 -> the most recent scores 5
    assert scores["recency_score"].tolist() == [5, 3, 2, 4, 1]
    assert scores["frequency_score"].tolist() == [5, 1, 3, 4, 2]
    assert scores["rfm"].tolist() == ["555", "311", "233", "444", "122"]
    # two groups of five: the middle customer (C, 60 % of the ranking) goes into the upper one
    assert value.rfm_scores(summary, bins=2)["frequency_score"].tolist() == [2, 1, 2, 2, 1]


def test_tied_customers_share_a_score():
    summary = pd.DataFrame({"frequency": [0.0, 0.0, 0.0, 4.0], "recency": [0.0, 0.0, 0.0, 8.0],
                            "T": [10.0] * 4, "monetary_value": [0.0, 0.0, 0.0, 5.0]})
    scores = value.rfm_scores(summary)
    # the three tied customers hold ranks 1-3 of 4: all get the score of their mean rank (2 of 4, 50 % -> 3)
    assert scores["frequency_score"].tolist() == [3, 3, 3, 5]


def _grid() -> tuple[pd.DataFrame, list[tuple[int, int, int]]]:
    """125 customers, one per combination of recency, frequency and monetary score 1-5."""
    cells = [(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)]
    summary = pd.DataFrame({"frequency": [10.0 * f for _, f, _ in cells],
                            "recency": [100.0 - 10 * (6 - r) for r, _, _ in cells],
                            "T": [100.0] * len(cells), "monetary_value": [10.0 * m for *_, m in cells]})
    return summary, cells


def _documented_segment(r: int, f: int, m: int) -> str:
    """The table in rfm_segments' docstring."""
    if f <= 2:
        return "new" if r >= 4 else "need_attention" if r == 3 else "hibernating"
    if r >= 3:
        return "champions" if r >= 4 and f >= 4 else "loyal"
    return "cannot_lose" if m >= 4 else "at_risk"


def test_every_cell_of_the_rfm_grid_gets_the_segment_the_documentation_gives():
    summary, cells = _grid()
    scores = value.rfm_scores(summary)
    assert list(zip(scores["recency_score"], scores["frequency_score"], scores["monetary_score"])) == cells
    segments = value.rfm_segments(summary)
    assert segments.tolist() == [_documented_segment(*cell) for cell in cells]
    assert list(segments.cat.categories) == list(value.SEGMENTS) and set(segments) == set(value.SEGMENTS)


def test_every_segment_has_a_name_a_rule_and_an_action_in_both_languages():
    for code, spec in value.SEGMENTS.items():
        for key in ("en", "zh", "rule_en", "rule_zh", "action_en", "action_zh"):
            assert spec[key].strip(), (code, key)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in spec["action_zh"] + spec["zh"])


def test_the_summary_is_checked_before_scoring():
    summary, _ = _grid()
    with pytest.raises(ValueError, match=r"summary\['recency'\] must not be above summary\['T'\]"):
        value.rfm_scores(summary.assign(recency=summary["T"] + 1))
    with pytest.raises(TypeError, match=r"summary\['frequency'\] must hold numbers"):
        value.rfm_scores(summary.assign(frequency="often"))
    with pytest.raises(ValueError, match=r"summary is missing column\(s\) \['T'\]"):
        value.rfm_segments(summary.drop(columns="T"))


def test_segment_table_shares_and_actions():
    segments = pd.Series(["champions", "champions", "hibernating", "at_risk"], index=list("ABCD"))
    margins = pd.Series({"A": 60.0, "B": 20.0, "C": 15.0, "D": 5.0, "E": 1000.0})  # E is not segmented
    alive = pd.Series({"A": 0.9, "B": 0.7, "C": 0.2, "D": 0.5})
    table = value.segment_table(segments, margins, alive).set_index("segment")
    assert table.index.tolist() == list(value.SEGMENTS)
    assert table.loc["champions", ["customers", "customer_share", "margin_share", "margin_per_customer"]].tolist() \
        == pytest.approx([2, 0.5, 0.8, 40.0])
    assert table.loc["champions", "p_alive"] == pytest.approx(0.8)
    assert table["customers"].sum() == 4 and table["margin_share"].sum() == pytest.approx(1.0)
    assert table.loc["loyal", "customers"] == 0 and pd.isna(table.loc["loyal", "margin_per_customer"])
    assert table.loc["at_risk", "action_en"] == value.SEGMENTS["at_risk"]["action_en"]
    with pytest.raises(ValueError, match=r"margins has no value for 1 customer\(s\) of segments"):
        value.segment_table(segments, margins.drop("D"))
    with pytest.raises(ValueError, match="segments must hold codes from"):
        value.segment_table(segments.replace("at_risk", "sleepy"), margins)
    with pytest.raises(ValueError, match="alive must hold probabilities between 0 and 1"):
        value.segment_table(segments, margins, alive * 2)


def test_on_the_case_the_segments_tell_customers_apart(case):
    summary = value.rfm_summary(case.orders)
    table = value.segment_table(value.rfm_segments(summary),
                                value.historic_value(case.orders)["margin_cny"]).set_index("segment")
    assert table["customers"].sum() == len(summary)
    assert table.loc["champions", "margin_share"] > 1.5 * table.loc["champions", "customer_share"]
    assert table.loc["hibernating", "margin_share"] < table.loc["hibernating", "customer_share"]
    assert table.loc["cannot_lose", "margin_per_customer"] > table.loc["at_risk", "margin_per_customer"]
    assert (table["customers"] > 0).all()


# --- simple CLV and the most worth spending -------------------------------------------------------

def test_simple_clv_is_the_geometric_sum_computed_by_hand():
    assert value.simple_clv(1_000, 0.8, 0.1) == pytest.approx(1_000 * 0.8 / 0.3)
    by_hand = 1_000 * (0.8 / 1.1 + 0.8**2 / 1.1**2 + 0.8**3 / 1.1**3)
    assert value.simple_clv(1_000, 0.8, 0.1, years=3) == pytest.approx(by_hand)
    assert value.simple_clv(1_000, 0.5, 0.0) == pytest.approx(1_000)  # 0.5 + 0.25 + ... = 1
    assert value.simple_clv(1_000, 0.9, 0.1) == pytest.approx(1_000 * (retention.expected_years(0.9, 0.1) - 1))
    assert value.simple_clv(1_000, 0.9) == value.simple_clv(1_000, 0.9, retention.DISCOUNT_RATE)


def test_the_clv_curve_adds_up_the_years():
    curve = value.clv_curve(1_000, 0.8, 0.1, years=3)
    assert curve["year"].tolist() == [1, 2, 3]
    assert curve["retained_share"].tolist() == pytest.approx([0.8, 0.64, 0.512])
    assert curve["value_in_year"].tolist() == pytest.approx([1_000 * 0.8 / 1.1, 1_000 * 0.64 / 1.21, 1_000 * 0.512 / 1.331])
    assert curve["cumulative"].iloc[-1] == pytest.approx(value.simple_clv(1_000, 0.8, 0.1, years=3))


_retention = st.floats(0.0, 0.99)
_discount = st.floats(0.0, 0.5)


@settings(max_examples=80, deadline=None)
@given(st.floats(1, 1e6), _retention, _retention, _discount)
def test_clv_rises_with_retention(margin, r1, r2, d):
    low, high = sorted((r1, r2))
    assert value.simple_clv(margin, low, d) <= value.simple_clv(margin, high, d) * (1 + 1e-12)
    if high - low > 1e-6:
        assert value.simple_clv(margin, low, d) < value.simple_clv(margin, high, d)


@settings(max_examples=80, deadline=None)
@given(st.floats(1, 1e6), st.floats(0.01, 0.99), _discount, st.integers(1, 150))
def test_a_longer_horizon_is_worth_more_and_never_more_than_no_limit(margin, r, d, years):
    shorter, longer = value.simple_clv(margin, r, d, years), value.simple_clv(margin, r, d, years + 1)
    unlimited = value.simple_clv(margin, r, d)
    assert shorter < longer or math.isclose(shorter, longer, rel_tol=1e-12)
    assert longer <= unlimited * (1 + 1e-9)


@settings(max_examples=50, deadline=None)
@given(st.floats(1, 1e6), st.floats(0.0, 0.95), st.floats(0.0, 0.5), st.floats(0.0, 0.5))
def test_clv_falls_as_the_discount_rate_rises(margin, r, d1, d2):
    low, high = sorted((d1, d2))
    assert value.simple_clv(margin, r, high) <= value.simple_clv(margin, r, low) * (1 + 1e-12)


def test_max_spend_win_is_the_clv_and_keep_adds_the_replacement():
    spend = value.max_spend(10_000, 0.9, 0.1, acquisition_cost=20_000)
    assert spend["win"] == spend["clv"] == pytest.approx(45_000)
    assert spend["keep"] == pytest.approx(65_000) and spend["acquisition_cost"] == 20_000
    # lesson 05's cost of a lost customer counts this year's margin too
    assert retention.lost_customer_cost(10_000, 0.9, 20_000, 0.1) == pytest.approx(spend["keep"] + 10_000)
    five = value.max_spend(10_000, 0.9, 0.1, years=5)
    assert five["win"] == five["keep"] == pytest.approx(value.simple_clv(10_000, 0.9, 0.1, years=5))


@pytest.mark.parametrize("call, error, message", [
    (lambda: value.simple_clv(1_000, 1.0), ValueError, "retention must be between 0.0 and 0.999; got 1.0"),
    (lambda: value.simple_clv(1_000, 0.9, years=0), ValueError, "years must be between 1 and 200; got 0"),
    (lambda: value.simple_clv(1_000, 0.9, years=2.5), TypeError, "years must be a whole number"),
    (lambda: value.simple_clv("1000", 0.9), TypeError, "margin must be a number"),
    (lambda: value.clv_curve(1_000, 0.9, years=None), ValueError, "years must be a whole number of years"),
    (lambda: value.max_spend(1_000, 0.9, acquisition_cost=-1), ValueError, "acquisition_cost must be at least 0"),
])
def test_clv_arguments_are_checked_by_name(call, error, message):
    with pytest.raises(error, match=message):
        call()


# --- delivered value ------------------------------------------------------------------------------

OURS = {"product": 4.0, "service": 4.0, "personnel": 3.0, "image": 3.0, "price": 3.0, "time": 2.0, "energy": 2.0,
        "psychological": 2.0}


def test_the_parts_are_the_literatures_and_match_the_survey_columns():
    assert list(value.VALUE_PARTS) == ["product", "service", "personnel", "image"]
    assert list(value.COST_PARTS) == ["price", "time", "energy", "psychological"]
    survey = datasets.load_survey()
    for spec in {**value.VALUE_PARTS, **value.COST_PARTS}.values():
        assert spec["column"] in survey.columns and spec["en"] and spec["zh"]


def test_delivered_value_is_total_value_minus_total_cost():
    result = value.delivered_value({p: OURS[p] for p in value.VALUE_PARTS}, {p: OURS[p] for p in value.COST_PARTS})
    assert result == {"total_value": 14.0, "total_cost": 9.0, "delivered_value": 5.0, "value_cost_ratio": 14 / 9}
    with pytest.raises(ValueError, match=r"values must give a score for each of .*missing \['image'\]"):
        value.delivered_value({"product": 4, "service": 4, "personnel": 3}, {p: 2 for p in value.COST_PARTS})
    with pytest.raises(ValueError, match=r"costs\['time'\] must be between 1.0 and 5.0; got 7"):
        value.delivered_value({p: 3 for p in value.VALUE_PARTS}, {**{p: 2 for p in value.COST_PARTS}, "time": 7})


def test_the_competitor_is_the_course_scenario_and_leads_before_any_lever():
    theirs = value.competitor_offer(OURS)
    assert {p: round(theirs[p] - OURS[p], 9) for p in OURS} == value.COMPETITOR_DIFFERENCE
    table = value.offer_comparison(OURS)
    assert table.loc["delivered_value", "competitor"] - table.loc["delivered_value", "ours"] == pytest.approx(0.3)
    assert table.index.tolist() == [*value.VALUE_PARTS, *value.COST_PARTS, *value.TOTALS]
    assert table.loc["product", "part_en"] == "Product value" and table.loc["delivered_value", "part_zh"] == "客户让渡价值"
    assert table.loc["total_cost", "ours"] == pytest.approx(sum(OURS[p] for p in value.COST_PARTS))


def _lever_effect(code: str) -> float:
    """What a lever adds to delivered value at full strength, from its declared moves."""
    return sum(move if part in value.VALUE_PARTS else -move for part, move in value.LEVERS[code]["moves"].items())


def test_levers_move_the_parts_they_declare_and_a_copied_lever_leaves_the_lead_as_it_was():
    base = value.offer_comparison(OURS).loc["delivered_value"]
    for code in value.LEVERS:
        after = value.offer_comparison(OURS, levers={code: 1.0}).loc["delivered_value"]
        assert after["ours"] - base["ours"] == pytest.approx(_lever_effect(code))
        lead_change = (after["ours"] - after["competitor"]) - (base["ours"] - base["competitor"])
        expected = 0.0 if value.LEVERS[code]["copied"] else _lever_effect(code)
        assert lead_change == pytest.approx(expected)
    alone = value.offer_comparison(OURS, levers={"financial": 1.0}, copied=False).loc["delivered_value"]
    assert alone["competitor"] == pytest.approx(base["competitor"])
    half = value.offer_comparison(OURS, levers={"structural": 0.5}).loc["delivered_value", "ours"]
    assert half - base["ours"] == pytest.approx(_lever_effect("structural") / 2)


def test_scores_stay_within_the_survey_scale():
    top = {p: 5.0 for p in OURS}
    after = value.apply_levers(top, {"structural": 1.0})
    assert after["service"] == 5.0 and after["time"] == pytest.approx(4.8)
    assert value.apply_levers({**OURS, "price": 1.2}, {"financial": 1.0})["price"] == 1.0
    with pytest.raises(ValueError, match=r"levers key must be one of \['financial', 'social', 'structural'\]"):
        value.apply_levers(OURS, {"charm": 1.0})


def test_the_structural_lever_moves_the_lead_most_and_the_copied_one_least():
    gains = value.lever_gains(OURS)
    assert gains["lever"].tolist() == ["structural", "social", "financial"]
    assert gains.set_index("lever").loc["financial", "lead_gain"] == pytest.approx(0.0)
    uncopied = value.lever_gains(OURS, copied=False).set_index("lever")
    assert uncopied.loc["financial", "lead_gain"] == pytest.approx(_lever_effect("financial"))


def test_hengtais_offer_is_its_survey_means(case):
    offer = value.offer_from_survey(case.survey)
    assert offer["product"] == pytest.approx(case.survey["value_product"].mean())
    assert offer["price"] == pytest.approx(case.survey["cost_price"].mean())
    assert set(offer) == set(OURS) and all(1 <= v <= 5 for v in offer.values())


# --- what drives perceived value ------------------------------------------------------------------

def _orthogonal_survey() -> pd.DataFrame:
    """16 answers whose eight items are exactly uncorrelated (columns of a Hadamard matrix, scored 2 or 4)."""
    hadamard = np.array([[1]])
    for _ in range(4):
        hadamard = np.block([[hadamard, hadamard], [hadamard, -hadamard]])
    columns = [spec["column"] for spec in {**value.VALUE_PARTS, **value.COST_PARTS}.values()]
    items = pd.DataFrame(3 + hadamard[:, 1:9], columns=columns).astype(float)
    items["perceived_value"] = (5 + 1.0 * (items["value_product"] - 3) + 0.2 * (items["value_service"] - 3)
                                - 0.5 * (items["cost_price"] - 3))
    return items


def test_with_uncorrelated_items_each_share_is_its_squared_weight():
    table = value.value_drivers(_orthogonal_survey()).set_index("survey_item")
    table.index = [name.split("_", 1)[1] for name in table.index]
    assert table.index[:3].tolist() == ["product", "price", "service"]
    weights = np.array([1.0, -0.5, 0.2]) / math.sqrt(1 + 0.25 + 0.04)
    assert table.loc[["product", "price", "service"], "weight"].tolist() == pytest.approx(weights.tolist())
    assert table.loc[["product", "price", "service"], "share"].tolist() == pytest.approx((weights**2).tolist())
    assert table["share"].sum() == pytest.approx(1.0) and table.attrs["r_squared"] == pytest.approx(1.0)
    assert table.loc[["personnel", "image", "time"], "share"].tolist() == pytest.approx([0, 0, 0], abs=1e-12)


def test_the_explained_variance_is_the_least_squares_r_squared(case):
    table = value.value_drivers(case.survey)
    columns = [*table.sort_values("survey_item")["survey_item"]]
    data = case.survey[[*columns, "perceived_value"]].dropna()
    x = np.column_stack([np.ones(len(data)), data[columns].to_numpy(float)])
    y = data["perceived_value"].to_numpy(float)
    residual = y - x @ np.linalg.lstsq(x, y, rcond=None)[0]
    assert table.attrs["r_squared"] == pytest.approx(1 - residual @ residual / ((y - y.mean()) @ (y - y.mean())))
    assert table.attrs["n"] == len(data)
    assert (table["share"] >= -1e-12).all() and table["cumulative_share"].iloc[-1] == pytest.approx(1.0)


def test_on_the_case_product_service_and_price_drive_perceived_value(case):
    planted = datasets.planted_effects().set_index("name")
    table = value.value_drivers(case.survey).set_index("survey_item")
    assert set(table.index[:3]) == {"value_product", "value_service", "cost_price"}
    for item, effect in (("value_product", "value_weight_product"), ("value_service", "value_weight_service"),
                         ("cost_price", "value_weight_price")):
        assert abs(table.loc[item, "weight"] - planted.loc[effect, "value"]) <= planted.loc[effect, "tolerance"]
    assert table["cumulative_share"].iloc[2] > 0.9


def test_value_drivers_refuses_what_cannot_be_regressed():
    survey = _orthogonal_survey()
    with pytest.raises(ValueError, match=r"survey\['value_image'\] has the same answer everywhere"):
        value.value_drivers(survey.assign(value_image=3.0))
    with pytest.raises(ValueError, match="survey needs at least 10 answers"):
        value.value_drivers(survey.iloc[:9])


# --- ties and retention ---------------------------------------------------------------------------

def test_loss_rate_by_ties_on_a_worked_case():
    customers = customers_of([("A", "2020-01-01", None, None), ("B", "2020-01-01", "2021-01-01", None)])
    customers = customers.assign(financial_ties=[True, False], social_ties=[True, True], structural_ties=[True, False])
    table = value.loss_rate_by_ties(customers, years=[2020, 2021]).set_index(["tie", "has_tie"])
    assert table.loc[("structural", False), ["customers", "lost"]].tolist() == [1, 1]
    assert table.loc[("structural", False), "loss_rate"] == pytest.approx(1 / (366 / YEAR))
    assert table.loc[("structural", True), "loss_rate"] == 0
    assert table.loc[("social", True), "customers"] == 2 and pd.isna(table.loc[("social", False), "loss_rate"])


def test_on_the_case_structural_ties_go_with_far_fewer_losses_and_financial_benefits_with_none_fewer(case):
    table = value.loss_rate_by_ties(case.customers).set_index(["tie", "has_tie"])["loss_rate"]
    ratio = {tie: table[(tie, True)] / table[(tie, False)] for tie in ("financial", "social", "structural")}
    assert ratio["structural"] < 0.6 and 0.8 < ratio["financial"] < 1.2 and ratio["structural"] < ratio["social"]


def test_key_drivers_are_the_fewest_items_reaching_the_share(case):
    table = value.value_drivers(case.survey)
    drivers = value.key_drivers(table)
    shares = table.set_index("survey_item")["share"]
    assert shares[drivers].sum() >= value.DRIVER_SHARE - 1e-12
    assert shares[drivers[:-1]].sum() < value.DRIVER_SHARE
    assert drivers == table["survey_item"].iloc[:len(drivers)].tolist()
