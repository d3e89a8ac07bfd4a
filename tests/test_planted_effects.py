"""Every effect declared in planted_effects() is recovered from generated variants."""

from __future__ import annotations

import numpy as np
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
                "referrer_loyalty_gap"}
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
