"""Every effect declared in planted_effects() is recovered from generated variants."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import crmlessons.datasets as ds
from crmlessons.datasets import effects, rules

SEEDS = range(20)


@pytest.fixture(scope="module")
def measured():
    runs = {seed: ds.measure_effects(ds.make_case(seed)) for seed in SEEDS}
    return runs


def test_planted_effects_table():
    eff = ds.planted_effects()
    assert list(eff.columns) == ["name", "description_en", "description_zh", "value", "how_measured",
                                 "tolerance"]
    assert eff["name"].is_unique
    assert (eff["tolerance"] >= 0).all()
    required = {"overall_win_rate", "win_rate_man_3", "ask_skill_is_largest", "ask_tell_coef",
                "reach_talking_business", "cycle_elasticity", "loss_share_company_side",
                "company_care_share_customers", "acquisition_retention_cost_ratio",
                "repurchase_ratio_5_vs_4", "satisfaction_loyalty_corr", "early_warning_order_ratio",
                "referrer_loyalty_gap", "financial_ties_loss_ratio", "social_ties_loss_ratio",
                "structural_ties_loss_ratio", "structural_ties_years_gap", "value_weight_product",
                "value_weight_service", "value_weight_price", "value_drivers_are_top3", "value_top3_r2_share",
                "loyal_price_sensitivity_gap", "loyal_recommend_gap", "satisfied_not_loyal_offer_gap",
                "satisfied_not_loyal_structural_gap", "complaint_handling_stayed_gap", "complaint_handling_loss_gap",
                "kano_on_time_delivery_must_be", "kano_tech_support_one_dimensional",
                "kano_application_engineering_attractive", "kano_branded_gifts_indifferent",
                "kano_dominant_is_planted", "manager_changes_loss_ratio", "manager_changes_short_tenure_gap"}
    assert required <= set(eff["name"])
    ratio = eff.set_index("name").loc["acquisition_retention_cost_ratio", "value"]
    assert 4 <= ratio <= 6 and ratio != 5


@pytest.mark.parametrize("seed", SEEDS)
def test_each_effect_recovered_within_tolerance(measured, seed):
    m = measured[seed]
    bad = m[~m["ok"]]
    assert bad.empty, bad.to_string()


def test_effects_have_the_claimed_direction(measured):
    for m in measured.values():
        v = m.set_index("name")["measured"]
        # MAN: full-MAN wins far more often; each missing factor lowers the win rate
        assert v["man_full_vs_rest_ratio"] > 2
        assert v["win_rate_man_3"] > v["win_rate_man_2"] > v["win_rate_man_1"]
        assert v["win_rate_man_0"] < 0.02
        # ASK: Skill moves the win rate most; asking more goes with winning more
        assert v["ask_skill_coef"] > max(v["ask_attitude_coef"], v["ask_knowledge_coef"])
        assert v["ask_tell_coef"] > 0
        # funnel 100 -> 80 -> 50 -> 20 -> 10 -> 5
        assert 1 > v["reach_contacted"] > v["reach_talking_business"] > v["reach_proposal"] \
            > v["reach_negotiation"] > v["overall_win_rate"]
        assert v["loss_share_company_side"] > max(v["loss_share_third_party"], v["loss_share_customer_side"])
        assert v["company_care_share_deals"] > 0.5 and v["company_care_share_customers"] > 0.5
        assert 4 < v["acquisition_retention_cost_ratio"] < 6
        assert v["repurchase_ratio_5_vs_4"] > 1.5
        assert 0.2 < v["satisfaction_loyalty_corr"] < 0.8
        assert v["early_warning_order_ratio"] < 0.8
        assert v["referrer_loyalty_gap"] > 0.3
        # ties: structural far less lost, social a little less, financial benefits alone about the same
        assert v["structural_ties_loss_ratio"] < 0.5 < v["social_ties_loss_ratio"] < v["financial_ties_loss_ratio"]
        assert 0.85 < v["financial_ties_loss_ratio"] < 1.15 and v["social_ties_loss_ratio"] < 0.95
        assert v["structural_ties_years_gap"] > 0
        # perceived value: product and service raise it, price lowers it, and the three explain nearly all
        assert v["value_weight_product"] > 0.3 and v["value_weight_service"] > 0.25 and v["value_weight_price"] < -0.2
        assert v["value_drivers_are_top3"] == 1 and v["value_top3_r2_share"] > 0.95
        assert v["value_items_satisfaction_corr"] > 0.15 and v["cost_items_satisfaction_corr"] < -0.05
        # loyalty: loyal customers less price sensitive, recommend more; satisfied-not-loyal had offers
        assert v["loyal_price_sensitivity_gap"] < -0.5 and v["loyal_recommend_gap"] > 1.5
        assert v["referrer_recommend_gap"] > 0.5 and v["satisfied_not_loyal_offer_gap"] > 0.1
        # good complaint handling goes with staying; bad handling with loss
        assert v["complaint_handling_stayed_gap"] > 0.3 and v["complaint_handling_loss_gap"] > 0.03
        # Kano: the planted category is the most frequent for every feature
        assert v["kano_dominant_is_planted"] == 1
        # more account manager changes go with loss, and short-tenure salespeople's customers had more
        assert v["manager_changes_loss_ratio"] > 1.5 and v["manager_changes_lost_gap"] > 0.4
        assert v["manager_changes_short_tenure_gap"] > 0.2


def test_man_win_rate_falls_with_each_missing_factor_pooled():
    won = {n: [0, 0] for n in range(4)}
    for seed in SEEDS:
        leads = ds.make_leads(seed)
        cohort = rules.decided_leads(leads)
        n_present = effects.man_flags(cohort).sum(axis=1)
        for n in range(4):
            sel = cohort[n_present == n]
            won[n][0] += int((sel["outcome"] == "won").sum())
            won[n][1] += len(sel)
    rates = [won[n][0] / won[n][1] for n in range(4)]
    assert rates[3] > rates[2] > rates[1] > rates[0]
    assert rates[0] < 0.01


def test_cycle_length_from_a_month_to_over_a_year():
    leads = ds.load_leads()
    won = leads[leads["outcome"] == "won"]
    small = won[won["deal_value_cny"] < won["deal_value_cny"].quantile(0.2)]["cycle_days"].median()
    large = won[won["deal_value_cny"] > won["deal_value_cny"].quantile(0.9)]["cycle_days"].median()
    assert small < 100 and large > 250
    assert won["cycle_days"].min() <= 45 and won["cycle_days"].max() > 365


def test_active_customers_show_no_early_warning():
    case = ds.load_case()
    o = case.orders.merge(case.customers[["customer_id", "status"]], on="customer_id")
    active = o[o["status"] == "active"]
    last = ((active["order_date"] > "2025-06-30")).sum()
    prev = ((active["order_date"] > "2024-12-31") & (active["order_date"] <= "2025-06-30")).sum()
    assert 0.8 < last / prev < 1.4


def test_measure_effects_detects_a_broken_effect():
    case = ds.make_case(0)
    broken = ds.Case(**case.tables)
    broken.spend = case.spend.assign(amount_cny=np.where(case.spend["spend_type"] == "acquisition",
                                                         case.spend["amount_cny"] * 2, case.spend["amount_cny"]))
    m = ds.measure_effects(broken).set_index("name")
    assert not m.loc["acquisition_retention_cost_ratio", "ok"]


def test_loss_rate_by_tie_pooled_over_variants():
    """Counted from the customers table alone: lost share with and without each tie, over 10 variants."""
    counts = {kind: np.zeros((2, 2)) for kind in ("financial", "social", "structural")}  # [tied, lost]
    for seed in range(10):
        customers = ds.make_customers(seed)
        lost = customers["lost_date"].notna().to_numpy().astype(int)
        for kind, table in counts.items():
            np.add.at(table, (customers[f"{kind}_ties"].to_numpy().astype(int), lost), 1)
    rate = {kind: t[:, 1] / t.sum(axis=1) for kind, t in counts.items()}  # [without, with]
    assert rate["structural"][1] < 0.5 * rate["structural"][0]
    assert 0.75 * rate["social"][0] < rate["social"][1] < 0.95 * rate["social"][0]
    assert abs(rate["financial"][1] / rate["financial"][0] - 1) < 0.05
    shares = {kind: t[1].sum() / t.sum() for kind, t in counts.items()}
    for kind, share in shares.items():
        assert abs(share - ds.PARAMS["tie_share"][kind]) < 0.01, kind
    # financial benefits are planted with no association at all: the declared ratio 1 follows from PARAMS
    assert ds.PARAMS["tie_lost_log_odds"]["financial"] == 0 and ds.PARAMS["tie_loyalty_slope"]["financial"] == 0
    assert ds.planted_effects().set_index("name").loc["financial_ties_loss_ratio", "value"] == 1


def test_perceived_value_weights_recovered_from_the_answers():
    """Least squares of perceived_value on the raw 1-5 answers, pooled over 5 variants, gives back the
    weights of PARAMS (a little smaller: values above 10 are cut to 10), and about 0 for the others."""
    items = [*ds.PARAMS["perceived_value_weights"]]
    answers = pd.concat([ds.make_survey(seed) for seed in range(5)])[items + ["perceived_value"]].dropna()
    X = np.column_stack([np.ones(len(answers)), answers[items].to_numpy()])
    coefficients = np.linalg.lstsq(X, answers["perceived_value"].to_numpy(), rcond=None)[0][1:]
    for item, coefficient in zip(items, coefficients):
        planted = ds.PARAMS["perceived_value_weights"][item]
        assert abs(coefficient - planted) < 0.15, (item, coefficient, planted)
    assert sum(w != 0 for w in ds.PARAMS["perceived_value_weights"].values()) == 3


def test_survey_items_are_skipped_at_the_survey_rate():
    survey = pd.concat([ds.make_survey(seed) for seed in range(5)])
    items = [*ds.PARAMS["perceived_value_weights"], "perceived_value"]
    missing = survey[items].isna().mean()
    assert (abs(missing - ds.PARAMS["p_survey_item_missing"]) < 0.015).all(), missing.to_dict()
    assert survey[items].isna().sum(axis=1).max() < len(items)  # answers skipped one by one, not whole forms


def test_measure_effects_detects_broken_ties_and_drivers():
    case = ds.make_case(0)
    rng = np.random.default_rng(0)
    shuffled = case.customers.assign(structural_ties=rng.permutation(case.customers["structural_ties"].to_numpy()))
    image_driven = case.survey.assign(perceived_value=(2 * case.survey["value_image"]).clip(0, 10))
    broken = ds.Case(**{**case.tables, "customers": shuffled, "survey": image_driven})
    m = ds.measure_effects(broken).set_index("name")
    assert not m.loc["structural_ties_loss_ratio", "ok"] and not m.loc["value_drivers_are_top3", "ok"]
    assert m.loc["financial_ties_loss_ratio", "ok"]


# ------------------------------------------------------------------ loyalty (lesson 07)
@pytest.fixture(scope="module")
def five():
    return [ds.make_case(seed) for seed in range(5)]


def _loyalty_answer(survey: pd.DataFrame) -> pd.Series:
    return survey[["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]].mean(axis=1)


def _kano_by_hand(functional: str, dysfunctional: str) -> str:
    """Berger et al. (1993), written out as rules rather than as a table."""
    middle = {"must_be", "neutral", "live_with"}
    if functional == dysfunctional and functional in ("like", "dislike"):
        return "Q"
    if functional == "like":
        return "O" if dysfunctional == "dislike" else "A"
    if functional in middle:
        return "M" if dysfunctional == "dislike" else ("I" if dysfunctional in middle else "R")
    return "R"  # dislike the feature, and not dislike its absence


def test_kano_table_is_the_standard_evaluation_table():
    from crmlessons.datasets.vocabularies import KANO_TABLE, VOCABULARIES

    answers = list(VOCABULARIES["kano_answer"])
    assert answers == ["like", "must_be", "neutral", "live_with", "dislike"]
    assert KANO_TABLE == {(f, d): _kano_by_hand(f, d) for f in answers for d in answers}
    assert set(KANO_TABLE.values()) == set(VOCABULARIES["kano_category"])


def test_kano_shares_recovered_pooled(five):
    """Pooled over 5 variants, each feature's categories (classified by hand) come in the planted shares."""
    from crmlessons.datasets.dictionary import KANO_FEATURES

    survey = pd.concat([case.survey for case in five])
    for feature in KANO_FEATURES:
        pairs = survey[[f"kano_{feature}_functional", f"kano_{feature}_dysfunctional"]].dropna().astype(str)
        category = pd.Series([_kano_by_hand(f, d) for f, d in pairs.itertuples(index=False)])
        shares = category.value_counts(normalize=True)
        for code, planted in ds.PARAMS["kano_category_p"][feature].items():
            assert abs(shares.get(code, 0.0) - planted) < 0.025, (feature, code, shares.get(code), planted)
        answered = survey[[f"kano_{feature}_functional", f"kano_{feature}_dysfunctional"]].notna().mean()
        assert (abs(answered - (1 - ds.PARAMS["p_survey_item_missing"])) < 0.015).all(), answered.to_dict()


def test_loyalty_items_move_with_the_loyalty_answers_pooled(five):
    """Mean price sensitivity falls, recommendation rises and competitor offers get rarer with each step of
    the mean loyalty answer (rounded), over 5 variants."""
    survey = pd.concat([case.survey for case in five])
    level = _loyalty_answer(survey).round().clip(2, 4)  # 1-2, 3, 4-5: enough answers in each
    by_level = survey.groupby(level)[["price_sensitivity", "recommend", "competitor_offer"]].mean()
    assert list(by_level.index) == [2, 3, 4]
    assert by_level["price_sensitivity"].is_monotonic_decreasing and by_level["recommend"].is_monotonic_increasing
    assert by_level["competitor_offer"].is_monotonic_decreasing
    assert by_level["price_sensitivity"].iloc[0] - by_level["price_sensitivity"].iloc[-1] > 1
    assert by_level["recommend"].iloc[-1] - by_level["recommend"].iloc[0] > 2.5
    assert survey["competitor_offer"].dtype == bool
    for column, (low, high) in (("recommend", (0, 10)), ("price_sensitivity", (1, 5))):
        answers = survey[column].dropna()
        assert answers.between(low, high).all() and (answers == answers.round()).all(), column
    for column in ("recommend", "price_sensitivity"):
        assert abs(survey[column].isna().mean() - ds.PARAMS["p_survey_item_missing"]) < 0.015, column


def test_complaint_handling_is_asked_of_complainers_and_follows_resolution(five):
    survey = pd.concat([case.survey for case in five])
    complained = survey["complaints_12m"] > 0
    assert survey.loc[~complained, "complaint_handling"].isna().all()
    assert abs(survey.loc[complained, "complaint_handling"].isna().mean() - ds.PARAMS["p_survey_item_missing"]) < 0.02
    rated = survey[complained & survey["complaint_handling"].notna()]
    share_resolved = rated["complaints_resolved"] / rated["complaints_12m"]
    all_resolved = rated.loc[share_resolved == 1, "complaint_handling"].mean()
    none_resolved = rated.loc[share_resolved == 0, "complaint_handling"].mean()
    assert all_resolved - none_resolved > 1  # planted weight 2 x 1, cut at the ends of the scale


def test_complaint_handling_and_loss_after_the_survey_pooled(five):
    """Share lost after the survey by rating of complaint handling, over 5 variants: falls from 1-2 to 4-5."""
    rated = pd.concat([case.survey.merge(case.customers[["customer_id", "lost_date"]], on="customer_id")
                       for case in five]).dropna(subset=["complaint_handling"])
    lost_after = rated["lost_date"] > rated["survey_date"]
    by_rating = lost_after.groupby(rated["complaint_handling"].clip(2, 4)).mean()  # 1-2, 3, 4-5
    assert by_rating.is_monotonic_decreasing and by_rating.iloc[0] > 3 * by_rating.iloc[-1]


def test_manager_changes_are_consistent_with_the_hire_dates(five):
    for case in five:
        customers = case.customers.merge(case.salespeople[["salesperson_id", "hire_date"]], on="salesperson_id")
        handed_over = customers["acquired_date"] < customers["hire_date"]
        assert (customers.loc[handed_over, "manager_changes"] >= 1).all()
        assert (customers.loc[customers["origin"] == "won_lead", "manager_changes"] == 0).all()
        assert customers["manager_changes"].dtype == np.int64 and customers["manager_changes"].max() < 30


def test_loss_rises_with_manager_changes_pooled(five):
    customers = pd.concat([case.customers for case in five])
    lost = customers["lost_date"].notna()
    by_changes = lost.groupby(customers["manager_changes"].clip(upper=3)).mean()  # 0, 1, 2, 3+
    assert by_changes[3] > by_changes[2] > max(by_changes[0], by_changes[1])
    assert by_changes[3] > 2 * by_changes[0]


def test_tenure_goes_with_manager_changes_not_with_loss_pooled():
    """The planted link runs through manager changes only: by itself, a salesperson's tenure plants no
    difference in loss (pooled over 10 variants, the loss shares of short- and long-tenure salespeople's
    customers are within 3 points)."""
    changes, lost = {True: [], False: []}, {True: [], False: []}
    for seed in range(10):
        case = ds.make_case(seed)
        tenure = case.salespeople.set_index("salesperson_id")["tenure_years"]
        short = case.customers["salesperson_id"].map(tenure) < tenure.median()
        for flag in (True, False):
            changes[flag] += case.customers.loc[short == flag, "manager_changes"].tolist()
            lost[flag] += case.customers.loc[short == flag, "lost_date"].notna().tolist()
    assert np.mean(changes[True]) - np.mean(changes[False]) > 0.4
    assert abs(np.mean(lost[True]) - np.mean(lost[False])) < 0.03


def test_measure_effects_detects_broken_loyalty_effects():
    case = ds.make_case(0)
    rng = np.random.default_rng(0)
    survey = case.survey.assign(
        price_sensitivity=rng.permutation(case.survey["price_sensitivity"].to_numpy()),
        kano_on_time_delivery_functional=case.survey["kano_on_time_delivery_dysfunctional"],
        kano_on_time_delivery_dysfunctional=case.survey["kano_on_time_delivery_functional"])
    customers = case.customers.assign(manager_changes=rng.permutation(case.customers["manager_changes"].to_numpy()))
    broken = ds.Case(**{**case.tables, "survey": survey, "customers": customers})
    m = ds.measure_effects(broken).set_index("name")
    for name in ("loyal_price_sensitivity_gap", "kano_on_time_delivery_must_be", "kano_dominant_is_planted",
                 "manager_changes_loss_ratio", "manager_changes_short_tenure_gap"):
        assert not m.loc[name, "ok"], name
    assert m.loc["loyal_recommend_gap", "ok"] and m.loc["kano_tech_support_one_dimensional", "ok"]
