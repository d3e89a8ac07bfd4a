"""Lesson 08: one customer's journey, the account review and the capstone's three customers, checked against
the raw tables with plain pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from crmlessons import accounts, datasets, i18n
from crmlessons.plots import accounts as accounts_plots

AS_OF = pd.Timestamp("2025-12-31")


@pytest.fixture(scope="module")
def case():
    return datasets.load_case()


@pytest.fixture(scope="module")
def review(case):
    return accounts.account_review(case)


@pytest.fixture(scope="module")
def chosen(case, review):
    return accounts.chosen_customers(case, review=review)


# --- independent computations from the raw tables ------------------------------------------------

def active_ids(customers: pd.DataFrame) -> set:
    """Customers on the data date: acquired, and not lost unless won back (plain pandas)."""
    lost = customers["lost_date"].notna() & (customers["lost_date"] <= AS_OF)
    back = customers["won_back_date"].notna() & (customers["won_back_date"] <= AS_OF)
    keep = (customers["acquired_date"] <= AS_OF) & ~(lost & ~back)
    return set(customers.loc[keep, "customer_id"])


def falling_ids(orders: pd.DataFrame, customers: pd.DataFrame) -> set:
    """Active customers with fewer than 0.6 times last year's orders this year (at least 2 last year)."""
    year = pd.Timedelta(days=365)
    o = orders[orders["customer_id"].isin(active_ids(customers))]
    recent = o[(o["order_date"] > AS_OF - year) & (o["order_date"] <= AS_OF)].groupby("customer_id").size()
    before = o[(o["order_date"] > AS_OF - 2 * year) & (o["order_date"] <= AS_OF - year)].groupby("customer_id").size()
    recent = recent.reindex(before.index, fill_value=0)
    return set(before.index[(before >= 2) & (recent < 0.6 * before)])


def matrix_group(survey: pd.DataFrame, customer_id: str):
    row = survey[survey["customer_id"] == customer_id]
    if row.empty:
        return None
    row = row.iloc[0]
    faces = row[["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]].astype(float).dropna()
    if pd.isna(row["satisfaction"]) or faces.empty:
        return None
    satisfied, loyal = row["satisfaction"] >= 4, faces.mean() >= 3.5
    return {(True, True): "loyalist", (True, False): "mercenary", (False, True): "hostage",
            (False, False): "defector"}[(bool(satisfied), bool(loyal))]


def man_code(lead: pd.Series) -> str:
    m = lead["purchasing_power"] in ("high", "medium")
    a = lead["decision_power"] == "decision_maker"
    n = pd.notna(lead["need_strength"]) and lead["need_strength"] >= 4
    return "+".join(letter.upper() if present else letter for letter, present in (("m", m), ("a", a), ("n", n)))


def sample_ids(case) -> list[str]:
    """A spread of customers: won from a lead, lost, won back, referrers, and the first few."""
    c = case.customers
    picks = [c.loc[c["origin"] == "won_lead", "customer_id"].iloc[0], c.loc[c["status"] == "lost", "customer_id"].iloc[0],
             c.loc[c["status"] == "won_back", "customer_id"].iloc[0], c["referred_by"].dropna().iloc[0],
             *c["customer_id"].iloc[:3]]
    return sorted(set(map(str, picks)))


# --- the journey against the raw tables -----------------------------------------------------------

def test_every_order_of_the_customer_is_one_order_event(case, review):
    for customer_id in sample_ids(case):
        story = accounts.journey(customer_id, case=case, review=review)
        mine = case.orders[case.orders["customer_id"] == customer_id]
        events = story.events[story.events["kind"] == "order"]
        assert len(events) == len(mine) == story.facts["orders"], customer_id
        assert sorted(events["ref"]) == sorted(mine["order_id"])
        assert events["amount_cny"].sum() == pytest.approx(mine["amount_cny"].sum())
        assert story.facts["revenue_cny"] == pytest.approx(mine["amount_cny"].sum())
        assert story.facts["margin_cny"] == pytest.approx(mine["margin_cny"].sum())


def test_events_are_in_date_order_then_in_the_order_of_the_kinds(case, review):
    rank = {kind: i for i, kind in enumerate(accounts.EVENT_KINDS)}
    for customer_id in sample_ids(case):
        events = accounts.journey(customer_id, case=case, review=review).events
        keys = list(zip(events["date"], events["kind"].map(rank)))
        assert keys == sorted(keys), customer_id
        assert set(events["kind"]) <= set(accounts.EVENT_KINDS)


def test_a_customer_won_from_a_lead_starts_with_the_lead_and_its_stages(case, review):
    c = case.customers
    customer_id = str(c.loc[c["origin"] == "won_lead", "customer_id"].iloc[0])
    lead_id = c.loc[c["customer_id"] == customer_id, "lead_id"].iloc[0]
    lead = case.leads[case.leads["lead_id"] == lead_id].iloc[0]
    history = case.stage_history[case.stage_history["lead_id"] == lead_id].sort_values("stage_order")
    story = accounts.journey(customer_id, case=case, review=review)
    funnel = story.events[story.events["kind"].isin(["lead", "stage", "won"])]
    assert funnel["date"].tolist() == history["entered_date"].tolist()
    assert funnel["kind"].iloc[0] == "lead" and funnel["kind"].iloc[-1] == "won"
    assert story.events["kind"].iloc[0] == "lead"
    assert story.facts["lead_id"] == lead_id and story.facts["salesperson_id"] == lead["salesperson_id"]
    assert story.facts["days_to_win"] == (lead["closed_date"] - lead["created_date"]).days
    assert story.facts["man"] == man_code(lead)
    assert man_code(lead) in funnel["what"].iloc[0]


def test_a_customer_from_before_the_leads_starts_on_its_acquisition(case, review):
    c = case.customers
    row = c[c["origin"] == "pre_existing"].iloc[0]
    story = accounts.journey(str(row["customer_id"]), case=case, review=review)
    assert story.events["kind"].iloc[0] == "acquired" and story.events["date"].iloc[0] == row["acquired_date"]
    assert story.facts["lead_id"] is None and story.facts["man"] is None
    assert not story.events["kind"].isin(["lead", "stage", "won"]).any()


def test_the_loss_and_the_win_back_are_those_of_the_tables(case, review):
    c = case.customers
    for status in ("lost", "won_back"):
        row = c[c["status"] == status].iloc[0]
        story = accounts.journey(str(row["customer_id"]), case=case, review=review)
        losses = case.losses[(case.losses["customer_id"] == row["customer_id"]) & (case.losses["loss_type"] == "customer")]
        lost = story.events[story.events["kind"] == "lost"]
        assert lost["date"].tolist() == losses["lost_date"].tolist() and lost["ref"].tolist() == losses["loss_id"].tolist()
        reason = losses["reason"].iloc[-1]
        assert story.facts["loss_reason"] == (None if pd.isna(reason) else reason)
        assert story.facts["lost_date"] == row["lost_date"]
        back = story.events.loc[story.events["kind"] == "won_back", "date"].tolist()
        assert back == ([row["won_back_date"]] if status == "won_back" else [])


def test_survey_referrals_and_loyalty_group_come_from_their_tables(case, review):
    c = case.customers
    referrer = str(c["referred_by"].dropna().value_counts().index[0])
    story = accounts.journey(referrer, case=case, review=review)
    referred = c.loc[c["referred_by"] == referrer, "customer_id"]
    assert sorted(story.events.loc[story.events["kind"] == "referral", "ref"]) == sorted(referred)
    for customer_id in [*sample_ids(case), str(case.survey["customer_id"].iloc[0])]:
        story = accounts.journey(customer_id, case=case, review=review)
        answers = case.survey[case.survey["customer_id"] == customer_id]
        assert (story.events["kind"] == "survey").sum() == len(answers)
        assert story.facts["group"] == matrix_group(case.survey, customer_id)
        expected = None if answers.empty else float(answers["satisfaction"].iloc[0])
        assert story.facts["satisfaction"] == expected


def test_value_rank_counts_the_customers_with_a_higher_margin(case, review):
    margins = case.orders.groupby("customer_id")["margin_cny"].sum().reindex(case.customers["customer_id"], fill_value=0)
    for customer_id in sample_ids(case):
        facts = accounts.journey(customer_id, case=case, review=review).facts
        assert facts["value_rank"] == 1 + int((margins > margins[customer_id]).sum())
        assert facts["customers"] == len(case.customers)


def test_the_journey_without_a_review_is_the_same(case, review):
    customer_id = sample_ids(case)[0]
    alone, given = accounts.journey(customer_id, case=case), accounts.journey(customer_id, case=case, review=review)
    assert alone.facts == given.facts and alone.events.equals(given.events)


# --- the account review ---------------------------------------------------------------------------

def test_the_review_has_every_customer_and_the_early_warnings_flags(case, review):
    assert sorted(review.index) == sorted(case.customers["customer_id"])
    assert set(review.index[review["flagged"]]) == falling_ids(case.orders, case.customers)
    assert set(review.index[review["active"]]) == active_ids(case.customers)
    assert review["next_step"].isin(list(accounts.NEXT_STEPS)).all()
    assert (review["next_step_en"] == review["next_step"].map(lambda s: accounts.NEXT_STEPS[s][0])).all()


def test_lost_customers_get_a_win_back_call_exactly_for_a_company_side_reason(case, review):
    lost = review[~review["active"]]
    company = lost["loss_category"] == "company_side"
    assert (lost.loc[company, "next_step"] == "win_back_call").all()
    assert not (lost.loc[~company, "next_step"] == "win_back_call").any()
    flagged = review[review["active"] & review["flagged"]]
    assert (flagged["next_step"] == "service_visit").all() and len(flagged) > 0


@pytest.mark.parametrize("row, step", [
    ({"active": False, "loss_category": "company_side", "flagged": False, "p_alive": 0.9, "group": "loyalist"},
     "win_back_call"),
    ({"active": False, "loss_category": "third_party", "flagged": False, "p_alive": 0.9, "group": None}, "keep_in_touch"),
    ({"active": False, "loss_category": None, "flagged": False, "p_alive": 0.9, "group": None}, "find_out_why"),
    ({"active": True, "loss_category": None, "flagged": True, "p_alive": 0.1, "group": "loyalist"}, "service_visit"),
    ({"active": True, "loss_category": None, "flagged": False, "p_alive": 0.3, "group": "loyalist"}, "check_in_call"),
    ({"active": True, "loss_category": None, "flagged": False, "p_alive": 0.9, "group": "loyalist"},
     "priority_referrals"),
    ({"active": True, "loss_category": None, "flagged": False, "p_alive": 0.9, "group": "mercenary"}, "structural_ties"),
    ({"active": True, "loss_category": None, "flagged": False, "p_alive": 0.9, "group": "hostage"},
     "fix_dissatisfaction"),
    ({"active": True, "loss_category": None, "flagged": False, "p_alive": 0.9, "group": "defector"}, "ask_and_fix"),
    ({"active": True, "loss_category": None, "flagged": False, "p_alive": np.nan, "group": None}, "ask_survey"),
])
def test_next_step_rule_first_that_applies(row, step):
    assert accounts.next_steps(pd.DataFrame([row])).tolist() == [step]


# --- the capstone's three customers ---------------------------------------------------------------

def check_roles(case, chosen, review) -> None:
    """Each chosen customer plays its role, checked on the raw tables (and p_alive from the review)."""
    assert chosen["role"].tolist() == list(accounts.ROLES)
    ids = dict(zip(chosen["role"], chosen["customer_id"]))
    active, falling = active_ids(case.customers), falling_ids(case.orders, case.customers)
    assert ids["loyal"] in active and ids["loyal"] not in falling
    assert matrix_group(case.survey, ids["loyal"]) == "loyalist" and review.loc[ids["loyal"], "p_alive"] >= 0.5
    lost = case.customers.set_index("customer_id").loc[ids["lost"]]
    assert ids["lost"] not in active and pd.notna(lost["lost_date"]) and pd.isna(lost["won_back_date"])
    reasons = case.losses.loc[case.losses["customer_id"] == ids["lost"], "reason"]
    assert reasons.notna().any()
    assert ids["at_risk"] in active and (ids["at_risk"] in falling or review.loc[ids["at_risk"], "p_alive"] < 0.5)
    assert chosen["why"].str.len().gt(10).all()


def test_the_chosen_customers_play_their_roles(case, chosen, review):
    check_roles(case, chosen, review)


def test_the_loyal_and_lost_ones_have_the_full_record_from_a_lead(case, chosen):
    ids = dict(zip(chosen["role"], chosen["customer_id"]))
    origins = case.customers.set_index("customer_id")["origin"]
    assert origins[ids["loyal"]] == "won_lead" and origins[ids["lost"]] == "won_lead"


def test_the_at_risk_one_has_the_largest_value_at_risk(case, chosen, review):
    flagged = review[review["flagged"] & review["active"]]
    at_risk = chosen.set_index("role").loc["at_risk", "customer_id"]
    assert review.loc[at_risk, "value_at_risk_cny"] == flagged["value_at_risk_cny"].max()


@pytest.fixture()
def variant():
    datasets.use_variant(3)
    try:
        yield datasets.load_case()
    finally:
        datasets.use_variant(None)


def test_under_a_variant_the_chosen_customers_and_journeys_follow_its_data(variant):
    review = accounts.account_review()
    chosen = accounts.chosen_customers()
    check_roles(variant, chosen, review)
    for customer_id in chosen["customer_id"]:
        story = accounts.journey(customer_id)
        mine = variant.orders[variant.orders["customer_id"] == customer_id]
        assert (story.events["kind"] == "order").sum() == len(mine)
    assert datasets.current_variant() == 3


def test_a_case_without_a_role_is_told_so(case):
    customers = case.customers.copy()
    customers[["lost_date", "won_back_date"]] = pd.NaT
    customers["status"] = "active"
    lossless = datasets.Case(**{**case.tables, "customers": customers,
                                "losses": case.losses[case.losses["loss_type"] == "deal"]})
    with pytest.raises(ValueError, match="no customer to be the lost one"):
        accounts.chosen_customers(lossless)


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("given, error, message", [
    (123, TypeError, "customer_id must be a customer id (text) such as 'C00001'; got int 123"),
    (None, TypeError, "customer_id must be a customer id"),
    ("C99999", ValueError, "customer_id 'C99999' is not in customers (e.g. 'C00001')"),
])
def test_an_unknown_or_badly_typed_customer_is_refused_by_name(case, review, given, error, message):
    with pytest.raises(error) as raised:
        accounts.journey(given, case=case, review=review)
    assert message in str(raised.value)


def test_the_unknown_customer_message_speaks_chinese(case, review):
    with i18n.using("zh"), pytest.raises(ValueError, match="不在客户表中"):
        accounts.journey("C99999", case=case, review=review)


@pytest.mark.parametrize("function", [accounts.account_review, accounts.chosen_customers])
def test_a_bad_case_is_refused_by_name(function):
    with pytest.raises(TypeError, match="case must be a Case"):
        function("hengtai")


def test_a_bad_review_or_table_is_refused_by_name(case):
    with pytest.raises(TypeError, match="review must be the table of account_review"):
        accounts.journey("C00001", case=case, review=[1, 2])
    broken = datasets.Case(**{**case.tables, "orders": case.orders.drop(columns=["amount_cny"])})
    with pytest.raises(ValueError, match="amount_cny"):
        accounts.account_review(broken)


# --- what the student sees ------------------------------------------------------------------------

def test_summary_and_html_follow_the_language(case, review, chosen):
    story = accounts.journey(chosen["customer_id"].iloc[1], case=case, review=review)
    english = story.summary()
    assert list(english.columns) == ["label", "value"] and "Next step (the course's rule)" in english["label"].tolist()
    with i18n.using("zh"):
        chinese = story.summary()
        page = story._repr_html_()
    assert len(chinese) == len(english) and "下一步（本课程的规则）" in chinese["label"].tolist()
    assert "客户 " + story.customer_id in page and "事件" in page and "流失" in page
    assert story.customer_id in story._repr_html_() and "Events" in story._repr_html_()


def test_journeys_are_deterministic(case, review):
    customer_id = sample_ids(case)[1]
    first, again = accounts.journey(customer_id, case=case, review=review), accounts.journey(customer_id, case=case,
                                                                                            review=review)
    assert first.events.equals(again.events) and first.facts == again.facts


# --- the chart -----------------------------------------------------------------------------------

def test_the_chart_draws_each_order_and_its_lanes(case, review, chosen):
    story = accounts.journey(chosen["customer_id"].iloc[2], case=case, review=review)
    ax = accounts_plots.journey_chart(story, ax=Figure().subplots())
    dots = {c.get_gid(): c for c in ax.collections}
    assert len(dots["acc-orders"].get_offsets()) == story.facts["orders"]
    sizes = dots["acc-orders"].get_sizes()
    amounts = story.events.loc[story.events["kind"] == "order", "amount_cny"].to_numpy()
    assert np.argmax(sizes) == np.argmax(amounts)  # the largest order, the largest dot
    assert ax.get_xlim() == accounts_plots.XLIM
    with i18n.using("zh"):
        chinese = accounts_plots.journey_chart(story, ax=Figure().subplots())
    assert "万元" in chinese.get_title() and "订单" in chinese.get_yticklabels()[2].get_text()


def test_update_journey_chart_draws_what_journey_chart_draws(case, review, chosen):
    first, second = (accounts.journey(c, case=case, review=review) for c in chosen["customer_id"].iloc[:2])
    moved = accounts_plots.journey_chart(first, ax=Figure().subplots())
    accounts_plots.update_journey_chart(moved, second)
    fresh = accounts_plots.journey_chart(second, ax=Figure().subplots())
    assert [t.get_text() for t in moved.texts] == [t.get_text() for t in fresh.texts]
    assert [t.get_position() for t in moved.texts] == [t.get_position() for t in fresh.texts]
    assert moved.get_title() == fresh.get_title()
    for a, b in zip(moved.collections, fresh.collections):
        assert np.array_equal(a.get_offsets(), b.get_offsets()) and np.array_equal(a.get_sizes(), b.get_sizes())


def test_the_chart_refuses_what_is_not_a_journey():
    with pytest.raises(TypeError, match="journey must be a Journey"):
        accounts_plots.journey_chart("C00001", ax=Figure().subplots())
    with pytest.raises(ValueError, match="ax has no journey chart"):
        accounts_plots.update_journey_chart(Figure().subplots(), accounts.journey("C00001"))
