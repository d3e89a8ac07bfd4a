"""Relationship length, depth and breadth: rules checked on small hand-made tables with known answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlessons import datasets, i18n, relationship as rel

D = pd.to_datetime


def customers_frame(rows):
    """rows: (id, acquired, lost, won_back[, primary line, referred_by])."""
    frame = pd.DataFrame(rows, columns=["customer_id", "acquired_date", "lost_date", "won_back_date"][:len(rows[0])])
    for column in ("acquired_date", "lost_date", "won_back_date"):
        frame[column] = D(frame[column])
    return frame


def orders_frame(rows):
    """rows: (order_id, customer, date, line, tier, amount)."""
    frame = pd.DataFrame(rows, columns=["order_id", "customer_id", "order_date", "product_line", "tier", "amount_cny"])
    frame["order_date"] = D(frame["order_date"])
    return frame


# --- length ---------------------------------------------------------------------------------

def test_lifecycle_rule_places_each_customer_as_stated():
    c = customers_frame([
        ("NEW", "2025-06-01", None, None),          # < 1 year -> exploration
        ("MID", "2023-06-01", None, None),          # 2.6 years, steady -> formation
        ("OLD", "2015-01-01", None, None),          # steady -> stability
        ("FALL", "2015-01-01", None, None),         # orders fell (a year against the year before) -> decline
        ("GONE", "2015-01-01", "2024-03-01", None),  # lost
        ("BACK", "2015-01-01", "2022-03-01", "2025-03-01"),  # won back 10 months ago -> exploration
        ("LATER", "2026-02-01", None, None),        # after as_of: left out
    ])
    o = orders_frame(
        [(f"M{i}", "MID", d, "bearings", "standard", 1.0) for i, d in enumerate(["2025-03-01", "2025-09-01"])]
        + [(f"O{i}", "OLD", d, "bearings", "standard", 1.0) for i, d in enumerate(["2025-03-01", "2025-09-01"])]
        + [(f"F{i}", "FALL", d, "bearings", "standard", 1.0)
           for i, d in enumerate(["2024-02-01", "2024-03-01", "2024-04-01", "2025-10-01"])])
    result = rel.lifecycle(c, o).set_index("customer_id")
    assert result["stage"].astype(str).to_dict() == {
        "NEW": "exploration", "MID": "formation", "OLD": "stability", "FALL": "decline", "GONE": "lost",
        "BACK": "exploration"}
    assert result.loc["FALL", ["orders_recent", "orders_before"]].tolist() == [1, 3]
    assert result.loc["GONE", "tenure_years"] == pytest.approx((D("2024-03-01") - D("2015-01-01")).days / 365.25)
    assert np.isnan(result.loc["GONE", "relationship_years"])
    assert list(result["stage"].cat.categories) == list(rel.STAGES) and result["stage"].cat.ordered


def test_lifecycle_as_of_an_earlier_date_uses_the_status_then():
    c = customers_frame([("A", "2015-01-01", "2024-03-01", None)])
    o = orders_frame([("1", "A", "2023-10-01", "bearings", "standard", 1.0)])
    assert rel.lifecycle(c, o, as_of="2023-12-31")["stage"].astype(str).tolist() == ["stability"]
    assert rel.lifecycle(c, o, as_of="2024-12-31")["stage"].astype(str).tolist() == ["lost"]


def test_lifecycle_counts_list_every_stage_and_shares_sum_to_one():
    case = datasets.load_case()
    counts = rel.lifecycle_counts(rel.lifecycle(case.customers, case.orders))
    assert counts["stage"].tolist() == list(rel.STAGES)
    assert counts["customers"].sum() == len(case.customers)
    assert counts["share"].sum() == pytest.approx(1.0)
    assert counts.set_index("stage").loc["lost", "customers"] == (case.customers["status"] == "lost").sum()


def test_tenure_summary_splits_current_and_lost():
    s = pd.DataFrame({"stage": ["stability", "decline", "lost"], "tenure_years": [4.0, 2.0, 1.0]})
    table = rel.tenure_summary(s)
    assert table.loc["current", "customers"] == 2 and table.loc["current", "median_years"] == 3.0
    assert table.loc["lost", "mean_years"] == 1.0


# --- depth ----------------------------------------------------------------------------------

def test_classify_orders_first_repeat_cross_up():
    o = orders_frame([
        ("3", "A", "2020-03-01", "hydraulics", "standard", 30.0),
        ("1", "A", "2020-01-01", "bearings", "standard", 10.0),
        ("2", "A", "2020-02-01", "bearings", "standard", 20.0),
        ("4", "A", "2020-04-01", "bearings", "premium", 40.0),
        ("5", "A", "2020-05-01", "bearings", "premium", 50.0),     # still up-selling: standard bought before
        ("6", "A", "2020-06-01", "pneumatics", "premium", 60.0),   # new line, premium: cross-selling
        ("7", "A", "2020-07-01", "pneumatics", "premium", 70.0),   # never standard in this line: repeat
        ("8", "B", "2020-01-01", "bearings", "premium", 80.0),
    ])
    kinds = rel.classify_orders(o).set_index("order_id")["kind"].astype(str).to_dict()
    assert kinds == {"3": "cross_sell", "1": "first", "2": "repeat", "4": "up_sell", "5": "up_sell",
                     "6": "cross_sell", "7": "repeat", "8": "first"}


def test_classify_orders_keeps_rows_and_index():
    o = orders_frame([("1", "A", "2020-01-01", "bearings", "standard", 1.0),
                      ("2", "A", "2020-01-01", "hydraulics", "standard", 1.0)])
    o.index = [10, 20]
    out = rel.classify_orders(o)
    assert list(out.index) == [10, 20] and out["kind"].astype(str).tolist() == ["first", "cross_sell"]


def test_classify_orders_with_customers_assumes_earlier_primary_line():
    o = orders_frame([("1", "OLD", "2019-01-05", "bearings", "premium", 1.0),
                      ("2", "OLD", "2019-02-05", "hydraulics", "standard", 1.0),
                      ("3", "NEW", "2019-03-05", "bearings", "standard", 1.0)])
    c = pd.DataFrame({"customer_id": ["OLD", "NEW"], "acquired_date": D(["2015-01-01", "2019-03-05"]),
                      "primary_product_line": ["bearings", "bearings"]})
    kinds = rel.classify_orders(o, c)["kind"].astype(str).tolist()
    assert kinds == ["up_sell", "cross_sell", "first"]


def test_depth_by_year_adds_up_and_counts_referrals():
    o = orders_frame([("1", "A", "2020-01-01", "bearings", "standard", 100.0),
                      ("2", "A", "2021-01-01", "bearings", "standard", 10.0),
                      ("3", "A", "2021-02-01", "hydraulics", "standard", 5.0)])
    c = pd.DataFrame({"customer_id": ["A", "B"], "acquired_date": D(["2020-01-01", "2021-05-01"]),
                      "primary_product_line": ["bearings", "bearings"], "referred_by": [None, "A"]})
    table = rel.depth_by_year(o, c).set_index("year")
    assert table.loc[2021, ["repeat", "cross_sell", "total"]].tolist() == [10.0, 5.0, 15.0]
    assert table["referrals"].to_dict() == {2020: 0, 2021: 1}


def test_depth_revenue_equals_order_revenue_on_the_case():
    case = datasets.load_case()
    table = rel.depth_by_year(case.orders, case.customers)
    assert table["total"].sum() == pytest.approx(case.orders["amount_cny"].sum())
    assert table[list(rel.ORDER_KINDS)].sum(axis=1).to_numpy() == pytest.approx(table["total"].to_numpy())


# --- breadth and costs ----------------------------------------------------------------------

def test_breadth_counts_a_small_case():
    c = customers_frame([
        ("A", "2018-05-01", None, None),
        ("B", "2018-06-01", "2019-07-01", None),
        ("C", "2019-03-01", None, None),
        ("D", "2017-01-01", "2018-02-01", "2019-04-01"),  # lost before 2019, won back in 2019
        ("E", "2019-02-01", "2019-11-01", None),          # won and lost in 2019
    ])
    b = rel.breadth(c, years=[2019, 2020]).set_index("year")
    assert b.loc[2019, ["active_start", "won", "kept", "lost", "won_back", "active_end"]].tolist() == [2, 2, 1, 2, 1, 3]
    assert b.loc[2019, "retention_rate"] == 0.5
    assert b.loc[2020, ["active_start", "kept", "lost"]].tolist() == [3, 3, 0]


def test_breadth_matches_the_datasets_own_count():
    from crmlessons.datasets.effects import customer_counts_by_year

    customers = datasets.load_customers()
    years, acquired, retained = customer_counts_by_year(customers)
    b = rel.breadth(customers, years)
    assert b["won"].tolist() == acquired.tolist() and b["kept"].tolist() == retained.tolist()


def test_cost_ratio_recovers_the_planted_ratio():
    case = datasets.load_case()
    assert rel.cost_ratio(case.spend, case.customers) == pytest.approx(4.7, abs=0.35)
    costs = rel.cost_per_customer(case.spend, case.customers)
    assert (costs["ratio"] == costs["cost_per_new"] / costs["cost_per_kept"]).all()


def test_cost_per_customer_on_a_hand_made_case():
    c = customers_frame([("A", "2018-01-01", None, None), ("B", "2018-01-01", None, None),
                         ("C", "2019-05-01", None, None)])
    spend = pd.DataFrame({"year": [2019, 2019], "spend_type": ["acquisition", "retention"],
                          "amount_cny": [1000.0, 400.0]})
    row = rel.cost_per_customer(spend, c).iloc[0]
    assert (row["cost_per_new"], row["cost_per_kept"], row["ratio"]) == (1000.0, 200.0, 5.0)
    assert rel.cost_ratio(spend, c) == 5.0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3000), st.one_of(st.none(), st.integers(1, 2000)),
                          st.one_of(st.none(), st.integers(1, 800))), min_size=1, max_size=30))
def test_breadth_invariants(rows):
    """kept <= active_start; active_start - kept customers were lost; the end of a year is the next start."""
    base = np.datetime64("2017-01-01")
    frame = []
    for acquired, lost_after, back_after in rows:
        acq = base + np.timedelta64(acquired, "D")
        lost = acq + np.timedelta64(lost_after, "D") if lost_after is not None else None
        back = lost + np.timedelta64(back_after, "D") if lost is not None and back_after is not None else None
        frame.append((acq, lost, back))
    c = pd.DataFrame(frame, columns=["acquired_date", "lost_date", "won_back_date"]).apply(pd.to_datetime)
    b = rel.breadth(c, years=range(2017, 2026))
    assert (b["kept"] <= b["active_start"]).all()
    assert (b["lost"] >= b["active_start"] - b["kept"]).all()
    assert (b["active_end"].to_numpy()[:-1] == b["active_start"].to_numpy()[1:]).all()
    rate = b["retention_rate"].dropna()
    assert ((rate >= 0) & (rate <= 1)).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("AB"), st.integers(0, 60), st.sampled_from(["bearings", "hydraulics", "pneumatics"]),
                          st.sampled_from(["standard", "premium"])), min_size=1, max_size=25))
def test_classify_orders_invariants(rows):
    """One 'first' per customer; cross-selling orders = lines bought minus one per customer."""
    o = pd.DataFrame([(str(i), c, np.datetime64("2020-01-01") + np.timedelta64(d, "D"), line, tier, 1.0)
                      for i, (c, d, line, tier) in enumerate(rows)],
                     columns=["order_id", "customer_id", "order_date", "product_line", "tier", "amount_cny"])
    kinds = rel.classify_orders(o)
    per_customer = kinds.groupby("customer_id")
    assert (per_customer["kind"].apply(lambda k: (k == "first").sum()) == 1).all()
    cross = per_customer["kind"].apply(lambda k: (k == "cross_sell").sum())
    lines = per_customer["product_line"].nunique()
    assert (cross == lines - 1).all()
    assert not ((kinds["kind"] == "up_sell") & (kinds["tier"] == "standard")).any()


# --- knowing one customer and the table ------------------------------------------------------

def test_customer_profile_has_three_levels_and_switches_language():
    case = datasets.load_case()
    cid = rel.example_customer(case.customers, case.survey)
    profile = rel.customer_profile(cid, case.customers, case.orders, case.survey, case.losses)
    assert list(dict.fromkeys(profile["level"])) == list(rel.LEVELS)
    assert profile.set_index("item").loc["orders", "value"] == str((case.orders["customer_id"] == cid).sum())
    i18n.set_language("zh")
    zh = rel.customer_profile(cid, case.customers, case.orders, case.survey, case.losses)
    assert zh.set_index("item").loc["satisfaction", "label"] == "满意度"


def test_customer_profile_of_a_customer_not_surveyed_and_never_lost():
    case = datasets.load_case()
    never = case.customers.loc[case.customers["status"] == "active", "customer_id"]
    cid = sorted(set(never) - set(case.survey["customer_id"]))[0]
    profile = rel.customer_profile(cid, case.customers, case.orders, case.survey, case.losses).set_index("item")
    assert profile.loc["satisfaction", "value"] == "did not answer the survey"
    assert profile.loc["loss", "value"] == "none"


def test_crm_vs_traditional_is_bilingual_table_1_2():
    table = rel.crm_vs_traditional()
    assert table.shape == (4, 3) and "Traditional marketing" in table.columns
    i18n.set_language("zh")
    assert list(rel.crm_vs_traditional().columns) == ["方面", "传统营销", "客户关系管理"]


# --- bad input ------------------------------------------------------------------------------

def test_bad_input_is_named():
    case = datasets.load_case()
    with pytest.raises(ValueError, match=r"customers is missing column\(s\) \['won_back_date'\]"):
        rel.lifecycle(case.customers.drop(columns="won_back_date"), case.orders)
    with pytest.raises(ValueError, match=r"orders is missing column\(s\) \['tier'\]"):
        rel.classify_orders(case.orders.drop(columns="tier"))
    as_text = case.customers.assign(acquired_date=case.customers["acquired_date"].dt.strftime("%Y-%m-%d"))
    assert rel.breadth(as_text).equals(rel.breadth(case.customers))  # text dates, as read_csv gives them
    with pytest.raises(ValueError, match=r"customers\['acquired_date'\] must hold dates such as '2025-12-31'; got 'soon'"):
        rel.breadth(as_text.assign(acquired_date="soon"))
    with pytest.raises(ValueError, match="as_of must be a date.*'soon'"):
        rel.lifecycle(case.customers, case.orders, as_of="soon")
    with pytest.raises(ValueError, match="decline_ratio must be between 0 and 1; got 2"):
        rel.lifecycle(case.customers, case.orders, decline_ratio=2)
    with pytest.raises(ValueError, match="years must list at least one year"):
        rel.breadth(case.customers, years=[])
    with pytest.raises(TypeError, match="customers must be a pandas DataFrame; got list"):
        rel.breadth([1, 2])
    with pytest.raises(ValueError, match=r"orders\['tier'\] must hold values from \['standard', 'premium'\]; got 'gold'"):
        rel.classify_orders(case.orders.head(3).assign(tier="gold"))
    with pytest.raises(ValueError, match=r"spend\['spend_type'\] must include"):
        rel.cost_per_customer(case.spend[case.spend["spend_type"] == "retention"], case.customers)
    with pytest.raises(ValueError, match=r"stages\['stage'\] must hold values of.*\['loyal'\]"):
        rel.lifecycle_counts(pd.DataFrame({"stage": ["loyal"]}))
    with pytest.raises(ValueError, match="customer_id 'X1' is not in customers"):
        rel.customer_profile("X1", case.customers, case.orders, case.survey, case.losses)
    with pytest.raises(TypeError, match="customer_id must be a string"):
        rel.customer_profile(42, case.customers, case.orders, case.survey, case.losses)
    with pytest.raises(ValueError, match="code must be one of"):
        rel.label("nonsense")


def test_the_decline_stage_and_the_early_warning_are_one_rule():
    """Lesson 01's "decline" customers are exactly lesson 05's early warnings among settled customers."""
    from crmlessons import datasets, loss

    customers, orders = datasets.load_customers(), datasets.load_orders()
    stages = rel.lifecycle(customers, orders).set_index("customer_id")["stage"].astype(str)
    warned = set(loss.early_warning(orders, customers)["customer_id"])
    declining = set(stages[stages == "decline"].index)
    young = set(stages[stages.isin(["exploration"])].index)
    assert declining and declining == warned - young


# --- lesson 01's back-test of the lifecycle rule, and the cost of a customer saved -----------------

def test_stage_outcomes_sets_the_stages_a_year_back_and_counts_the_losses_of_the_year_after():
    c = customers_frame([
        ("NEW", "2024-09-01", "2025-04-01", None),      # first year on 2024-12-31, lost in 2025
        ("OLD", "2015-01-01", None, None),              # stable
        ("GONE", "2015-01-01", "2024-05-01", None),     # lost before: left out
        ("LATE", "2015-01-01", "2026-03-01", None),     # lost after the year: not counted
        ("FUTURE", "2025-03-01", None, None),           # not yet a customer on 2024-12-31
    ])
    o = pd.DataFrame({"customer_id": ["NEW", "OLD", "OLD", "LATE", "LATE", "FUTURE"],
                      "order_date": D(["2024-10-01", "2024-02-01", "2024-08-01", "2023-06-01", "2024-06-01",
                                       "2025-05-01"])})
    table = rel.stage_outcomes(c, o, as_of="2024-12-31").set_index("stage")
    assert list(table.index) == ["exploration", "formation", "stability", "decline"]
    assert table.loc["exploration"].tolist()[:2] == [1, 1] and table.loc["stability"].tolist()[:2] == [2, 0]
    assert table.loc["exploration", "share_lost"] == 1.0 and np.isnan(table.loc["formation", "share_lost"])
    shorter = rel.stage_outcomes(c, o, as_of="2024-12-31", days=60).set_index("stage")
    assert shorter.loc["exploration", "lost"] == 0  # lost 91 days later


def test_stage_outcomes_uses_only_the_orders_known_on_the_day():
    """A customer whose orders fell before the day is in decline, whatever it bought afterwards."""
    c = customers_frame([("A", "2015-01-01", None, None)])
    dates = ["2023-02-01", "2023-04-01", "2023-06-01", "2023-08-01", "2024-03-01"] + [f"2025-{m:02d}-01" for m in range(1, 12)]
    o = pd.DataFrame({"customer_id": ["A"] * len(dates), "order_date": D(dates)})
    assert rel.stage_outcomes(c, o).set_index("stage").loc["decline", "customers"] == 1


def test_stage_outcomes_refuses_a_year_after_the_data_date():
    case = datasets.load_case()
    with pytest.raises(ValueError, match="as_of plus days must be on or before the data date 2025-12-31"):
        rel.stage_outcomes(case.customers, case.orders, as_of="2025-06-30")
    with pytest.raises(ValueError, match="days must be at least 1"):
        rel.stage_outcomes(case.customers, case.orders, days=0)


def test_cost_ratio_counts_only_the_customers_saved_when_some_would_stay_anyway():
    """By hand: 10 customers on 1 January, 9 kept, 2 won; 80 % would stay, so 9 - 8 = 1 customer saved."""
    c = customers_frame([(f"K{i}", "2020-01-01", None, None) for i in range(9)]
                        + [("L", "2020-01-01", "2024-05-01", None), ("N1", "2024-02-01", None, None),
                           ("N2", "2024-03-01", None, None)])
    spend = pd.DataFrame({"year": [2024, 2024], "spend_type": ["acquisition", "retention"],
                          "amount_cny": [20_000.0, 9_000.0]})
    assert rel.cost_ratio(spend, c) == pytest.approx((20_000 / 2) / (9_000 / 9))
    assert rel.cost_ratio(spend, c, would_stay=0.8) == pytest.approx((20_000 / 2) / (9_000 / 1))
    with pytest.raises(ValueError, match="kept beyond the share would_stay=0.95 who would stay anyway"):
        rel.cost_ratio(spend, c, would_stay=0.95)
    with pytest.raises(ValueError, match="would_stay must be between 0 and 1; got 1.5"):
        rel.cost_ratio(spend, c, would_stay=1.5)


# ---------------------------------------------------------------------------------------------
# What shapes a relationship (Customer-service courseware): the four forces and the decision process

def test_every_loss_reason_is_read_as_exactly_one_force():
    from crmlessons import loss

    reasons = set(loss.taxonomy()["reason"])
    assert set(rel.REASON_FORCES) == reasons
    assert set(rel.REASON_FORCES.values()) == set(rel.FORCES)


def test_forces_count_the_losses_of_the_chosen_type(case):
    for loss_type in ("customer", "deal"):
        table = rel.forces(case.losses, loss_type)
        mine = case.losses[case.losses["loss_type"] == loss_type]
        for force, n in zip(table["force"], table["losses"]):
            reasons = [r for r, f in rel.REASON_FORCES.items() if f == force]
            assert n == mine["reason"].isin(reasons).sum()
        assert table["losses"].sum() == mine["reason"].notna().sum() < len(mine)  # no reason recorded: left out


def test_forces_speak_the_course_language(case):
    with i18n.using("zh"):
        table = rel.forces(case.losses)
    assert table.loc[table["force"] == "experience", "label"].item() == "客户的购买体验"
    assert "投诉处理不当" in table.loc[table["force"] == "experience", "reasons"].item()


def test_forces_bad_input_names_the_argument(case):
    with pytest.raises(ValueError, match="loss_type"):
        rel.forces(case.losses, "lead")
    with pytest.raises(ValueError, match="reason"):
        rel.force_of("weather")
    with pytest.raises(ValueError, match="reason"):
        rel.forces(case.losses.drop(columns="reason"))


def test_the_decision_process_has_the_courseware_five_steps_in_order():
    table = rel.decision_process()
    assert table["step"].tolist() == ["need_recognition", "information_search", "evaluation", "purchase",
                                      "post_purchase"]
    with i18n.using("zh"):
        assert rel.decision_process()["label"].tolist() == ["认识需要", "收集信息", "评价选择", "决定购买", "购后感受"]
