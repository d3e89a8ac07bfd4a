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
                "value_weight_service", "value_weight_price", "value_drivers_are_top3", "value_top3_r2_share"}
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
