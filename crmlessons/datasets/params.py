"""Every number the case company's generator uses, in one place (:data:`PARAMS`).

The generator (:mod:`crmlessons.datasets._generator`) has no other magic numbers; the effects these
numbers plant are declared and measured in :mod:`crmlessons.datasets.effects`. The calendar entries
are the case-wide dates of :mod:`crmlessons.datasets.rules`, not copies of them.

Examples
--------
>>> PARAMS["overall_win_rate"]
0.05
>>> PARAMS["as_of"] == rules.AS_OF
True
"""

from __future__ import annotations

from crmlessons.datasets import rules

__all__ = ["PARAMS"]

PARAMS: dict = {
    # --- calendar (the case-wide dates are defined once, in crmlessons.datasets.rules) ---------------
    "as_of": rules.AS_OF,  # the data date: everything is as known on this day (never "today")
    "leads_start": rules.LEADS_START,  # leads period 2022-2025
    "orders_start": rules.ORDERS_START,  # order history (ERP) starts here
    "years": rules.YEARS,  # the years of the spend table
    "pre_existing_acquired": ("2012-01-01", "2021-12-31"),  # pre-existing customers were won then
    "cohort_end": rules.DECIDED_BEFORE,  # leads created before this date are all decided by as_of
    "max_cycle_days": 540,  # cap of a lead's cycle, so that the cohort is fully decided
    "survey_start": "2025-01-06",
    "survey_days": 19,  # survey answers arrive over 19 days from survey_start
    # --- salespeople: ASK --------------------------------------------------------------------------
    "ask_latent_corr": 0.3,  # correlation between latent Attitude, Skill, Knowledge
    "ask_item_center": 3.5,  # item answer = center + loading * latent + noise, rounded, clipped 1-5
    "ask_item_loading": 0.9,
    "ask_item_noise": 0.5,
    "ask_tell_median": 0.8,  # questions per statement
    "ask_tell_sd_log": 0.4,
    "ask_tell_skill_link": 0.4,  # correlation of log ask-tell ratio with latent Skill
    "calls_observed": (8, 40),
    "tenure_gamma": (2.0, 2.5),  # years, gamma(shape, scale), clipped 0.3-20
    "region_p": {"east": 0.32, "north": 0.2, "south": 0.24, "central": 0.14, "west": 0.1},
    # logit effect on winning of one standard deviation of each latent trait
    "beta_skill": 1.0,
    "beta_attitude": 0.35,
    "beta_knowledge": 0.1,
    "beta_ask_tell": 0.45,  # per SD of log ask-tell ratio
    # --- leads: MAN ------------------------------------------------------------------------------
    "p_money": 0.6,
    "p_authority": 0.45,
    "p_need": 0.55,
    # win probability by MAN combination (capital = present), before salesperson effects
    "win_rate_man": {
        "MAN": 0.17, "MAn": 0.06, "MaN": 0.05, "mAN": 0.05,
        "Man": 0.015, "mAn": 0.015, "maN": 0.015, "man": 0.003,
    },
    "overall_win_rate": 0.05,  # calibrated exactly (in expectation) for every variant
    # funnel: share of ALL leads reaching each stage (seed 004: 100 -> 80/50/20 -> 5)
    "stage_reach": {"prospect": 1.0, "contacted": 0.8, "talking_business": 0.5, "proposal": 0.2,
                    "negotiation": 0.1, "won": 0.05},
    "stage_duration_alpha": (0.6, 1.5, 2.0, 2.0, 2.0),  # Dirichlet split of the cycle over 5 steps
    "lost_fraction_of_step": (0.3, 1.0),  # a lost lead drops out this far into its next step
    "size_p": {"small": 0.45, "medium": 0.35, "large": 0.2},
    "employees_range": {"small": (5, 99), "medium": (100, 999), "large": (1000, 20000)},
    "deal_value_median": {"small": 60_000, "medium": 150_000, "large": 450_000},  # CNY
    "deal_value_sigma": 0.8,  # lognormal
    "cycle_median_days": 150,  # at deal value cycle_ref_value
    "cycle_ref_value": 150_000,
    "cycle_elasticity": 0.45,  # cycle ~ value ** 0.45
    "cycle_noise_sigma": 0.25,
    "cycle_min_days": 21,
    "budget_ratio": {"high": (1.3, 2.0), "medium": (1.0, 1.3), "low": (0.3, 0.9)},
    "p_high_given_money": 0.45,
    "p_budget_missing": 0.12,
    "p_lead_industry_missing": 0.05,
    "source_p": {"trade_show": 0.22, "website": 0.2, "cold_call": 0.18, "referral": 0.12,
                 "distributor": 0.13, "online_ads": 0.15},
    "industry_p": {"machinery": 0.24, "automotive": 0.16, "electronics": 0.15, "chemicals": 0.12,
                   "food_beverage": 0.1, "construction": 0.1, "energy": 0.08, "textiles": 0.05},
    # contact role given authority (decision maker) or not
    "role_p_authority": {"owner": 0.35, "general_manager": 0.4, "purchasing_manager": 0.2,
                         "plant_manager": 0.05, "engineer": 0.0, "assistant": 0.0},
    "role_p_no_authority": {"owner": 0.0, "general_manager": 0.05, "purchasing_manager": 0.35,
                            "plant_manager": 0.2, "engineer": 0.28, "assistant": 0.12},
    "p_influencer_without_authority": 0.6,
    "timeline_p_need": {"within_3_months": 0.4, "3_to_6_months": 0.3, "6_to_12_months": 0.15,
                        "over_12_months": 0.05, "unknown": 0.1},
    "timeline_p_no_need": {"within_3_months": 0.08, "3_to_6_months": 0.17, "6_to_12_months": 0.25,
                           "over_12_months": 0.25, "unknown": 0.25},
    "lead_month_weights": (0.9, 0.6, 1.1, 1.1, 1.05, 1.0, 0.95, 0.9, 1.1, 0.9, 1.1, 1.0),
    # --- losses -----------------------------------------------------------------------------------
    "loss_category_p": {"company_side": 0.55, "third_party": 0.25, "customer_side": 0.2},
    "loss_reason_p_deal": {
        "company_side": {"price": 0.24, "product": 0.12, "communication": 0.32, "lack_of_care": 0.24,
                         "complaint_handling": 0.08},
        "third_party": {"competitor": 0.8, "friends_family_opinion": 0.2},
        "customer_side": {"not_meeting_criteria": 0.6, "lost_contact": 0.3, "contact_died_or_left": 0.1},
    },
    "loss_reason_p_customer": {
        "company_side": {"lack_of_care": 0.4, "complaint_handling": 0.22, "communication": 0.18,
                         "price": 0.12, "product": 0.08},
        "third_party": {"competitor": 0.75, "friends_family_opinion": 0.25},
        "customer_side": {"not_meeting_criteria": 0.25, "lost_contact": 0.35, "contact_died_or_left": 0.4},
    },
    "p_reason_unknown": 0.07,  # raw reason uninformative ('other', 'n/a', '不详' ...)
    "p_reason_blank": 0.015,  # raw reason left blank (missing)
    # --- customers ---------------------------------------------------------------------------------
    "loyalty_satisfaction_corr": 0.6,  # latent: loyalty correlates with, but is not, satisfaction
    "satisfaction_p": (0.04, 0.08, 0.23, 0.40, 0.25),  # shares of 1..5
    "loyalty_item_center": 3.3,
    "loyalty_item_loading": 0.9,
    "loyalty_item_noise": 0.55,
    "p_survey_response": 0.65,
    "p_survey_item_missing": 0.04,
    "complaints_mean": 0.7,  # at average satisfaction; x exp(-0.5 * satisfaction latent)
    "complaints_satisfaction_slope": -0.5,
    "p_complaint_resolved": 0.75,
    "order_rate_median": 4.0,  # orders per year of a customer of average loyalty, small size
    "order_rate_loyalty": 0.35,  # log-rate per SD of loyalty
    "order_rate_noise": 0.4,
    "order_rate_size": {"small": 0.0, "medium": 0.2, "large": 0.4},
    "month_weights": (0.95, 0.6, 1.1, 1.05, 1.05, 1.1, 0.95, 0.9, 1.1, 0.9, 1.05, 1.25),  # seasonality
    "ramp_start": 0.4,  # exploration: order rate starts at 40% and ramps up over the first year
    "ramp_days": 365,
    "decline_days": 365,  # early warning: order rate falls linearly over the last year before loss
    "decline_floor": 0.2,  # ... down to 20% of normal at the loss date
    "p_lost": 0.25,  # share of customers lost by as_of (calibrated in expectation)
    "lost_loyalty_slope": -0.9,  # logit of being lost per SD of loyalty
    "min_days_before_loss": 180,
    "p_won_back": 0.12,  # of customers lost more than a year before as_of
    "won_back_delay_days": (90, 365),
    "won_back_rate": 0.7,  # order rate after winning back
    "p_referred_pre_existing": 0.15,
    "referral_loyalty_weight": 1.2,  # referrer chosen with weight exp(1.2 * loyalty latent)
    "p_customer_industry_missing": 0.02,
    "p_preferred_channel_missing": 0.06,
    "p_style_missing": 0.1,
    "channel_p": {"wechat": 0.45, "phone": 0.25, "email": 0.15, "site_visit": 0.15},
    "style_p": {"formal": 0.3, "casual": 0.2, "data_driven": 0.25, "relationship": 0.25},
    "product_line_p": {"bearings": 0.3, "hydraulics": 0.18, "pneumatics": 0.16, "power_tools": 0.14,
                       "safety_equipment": 0.12, "maintenance_service": 0.1},
    "product_line_margin": {"bearings": 0.18, "hydraulics": 0.25, "pneumatics": 0.22, "power_tools": 0.15,
                            "safety_equipment": 0.3, "maintenance_service": 0.4},
    "product_line_price": {"bearings": 1.0, "hydraulics": 1.4, "pneumatics": 1.1, "power_tools": 0.8,
                           "safety_equipment": 0.6, "maintenance_service": 1.2},
    "premium_margin_bonus": 0.05,
    "premium_price_factor": 1.6,
    "margin_noise": 0.03,
    "p_primary_line": (0.45, 0.35, 500),  # P(primary) = 0.45 + 0.35 * exp(-age_days / 500): cross-sell
    "p_premium": (0.15, 0.25, 900),  # P(premium) = 0.15 + 0.25 * (1 - exp(-age / 900)): up-sell
    "order_amount_median": {"small": 8_000, "medium": 20_000, "large": 60_000},
    "order_amount_sigma": 0.6,
    "order_amount_growth": 0.06,  # per year of tenure (up-sell)
    # repurchase in the 90 days after the survey, by satisfaction answer (seed 000 claims 6x; we plant 2.5x)
    "repurchase_window_days": 90,
    "repurchase_p": {1: 0.12, 2: 0.18, 3: 0.26, 4: 0.3, 5: 0.75},
    "repurchase_extra_orders": 0.6,  # Poisson mean of extra orders in the window beyond the first
    # --- spend ---------------------------------------------------------------------------------------
    "retention_cost_per_customer": 2_400,  # CNY a year per retained customer
    "acquisition_retention_ratio": 4.7,  # cost of winning one new customer / keeping one (seeds: 5)
    "spend_noise_sigma": 0.05,
    "spend_item_share": {
        "acquisition": {"trade_shows": 0.3, "advertising": 0.25, "prospecting": 0.45},
        "retention": {"account_management": 0.5, "after_sales_service": 0.35, "loyalty_program": 0.15},
    },
    # --- customer value (lesson 06): drawn after every other table, so that those stay the same ---------
    # relationship ties (the E-CRM article's three ways of raising customer value): share of customers with
    # each, log-odds change for a customer who was lost (the planted association with retention) and
    # per SD of latent loyalty
    "tie_share": {"financial": 0.55, "social": 0.4, "structural": 0.3},
    "tie_lost_log_odds": {"financial": 0.0, "social": -0.1, "structural": -1.0},
    "tie_loyalty_slope": {"financial": 0.0, "social": 0.15, "structural": 0.3},
    # survey items: answer = center + spread * latent, rounded, clipped 1-5; the latent correlates with
    # latent satisfaction (a little; negatively for the costs)
    "value_cost_item_center": {"value_product": 3.7, "value_service": 3.5, "value_personnel": 3.6,
                               "value_image": 3.3, "cost_price": 3.3, "cost_time": 2.7, "cost_energy": 2.6,
                               "cost_psychological": 2.3},
    "value_cost_item_spread": 0.9,
    "value_item_satisfaction_corr": 0.35,
    "cost_item_satisfaction_corr": -0.2,
    # perceived value (0-10) = center + sum of weight * (answer - 3) + noise, rounded, clipped: only
    # product, service and price carry weight (E-CRM article: 2-3 factors decide customer value)
    "perceived_value_center": 6.0,
    "perceived_value_weights": {"value_product": 1.0, "value_service": 0.8, "value_personnel": 0.0,
                                "value_image": 0.0, "cost_price": -0.7, "cost_time": 0.0, "cost_energy": 0.0,
                                "cost_psychological": 0.0},
    "perceived_value_noise": 1.0,
    # --- loyalty (lesson 07): drawn after every other table, so that those stay the same ---------------
    # The Loyalty article: loyal customers are less price sensitive, recommend the firm and forgive its
    # mistakes; satisfaction is not loyalty. Every item below is drawn from the latent loyalty and
    # satisfaction the earlier tables were drawn from (and, where said, from what later happened): a
    # planted association, never a cause of anything in the other tables.
    # competitor_offer: a strong offer from a competitor in the year before the survey; log-odds per SD of
    # latent loyalty (the offers go with weak attachment to Hengtai); the share is calibrated
    "competitor_offer_share": 0.35,
    "competitor_offer_loyalty_slope": -0.9,
    # price_sensitivity (1-5) = center + per SD of latent loyalty + competitor offer + structural ties
    # (a switching cost) + noise, rounded, clipped
    "price_sensitivity_center": 3.2,
    "price_sensitivity_loyalty": -0.7,
    "price_sensitivity_offer": 0.4,
    "price_sensitivity_structural": -0.4,
    "price_sensitivity_noise": 0.7,
    # recommend (0-10) = center + per SD of latent loyalty and satisfaction + noise, rounded, clipped
    "recommend_center": 7.0,
    "recommend_loyalty": 1.5,
    "recommend_satisfaction": 0.5,
    "recommend_noise": 1.2,
    # complaint_handling (1-5, only for respondents who complained) = center + weight x (share of their
    # complaints resolved - p_complaint_resolved) + per SD of latent loyalty (loyal customers forgive) +
    # lost_after (drawn knowing whether the customer was lost after the survey) + noise, rounded, clipped
    "complaint_handling_center": 3.6,
    "complaint_handling_resolved": 2.0,
    "complaint_handling_loyalty": 0.3,
    "complaint_handling_lost_after": -1.0,
    "complaint_handling_noise": 0.8,
    # Kano questionnaire: each respondent's category for each feature is drawn with these shares (M
    # must-be, O one-dimensional, A attractive, I indifferent, R reverse, Q questionable); then a pair of
    # answers giving that category in the Kano evaluation table (KANO_TABLE), each pair with weight
    # kano_answer_weight[functional] x kano_answer_weight[dysfunctional]
    "kano_category_p": {
        "on_time_delivery": {"M": 0.5, "O": 0.25, "A": 0.06, "I": 0.13, "R": 0.02, "Q": 0.04},
        "tech_support": {"M": 0.2, "O": 0.45, "A": 0.14, "I": 0.15, "R": 0.02, "Q": 0.04},
        "application_engineering": {"M": 0.07, "O": 0.15, "A": 0.45, "I": 0.27, "R": 0.02, "Q": 0.04},
        "branded_gifts": {"M": 0.04, "O": 0.06, "A": 0.16, "I": 0.55, "R": 0.13, "Q": 0.06},
    },
    "kano_answer_weight": {"like": 1.0, "must_be": 0.3, "neutral": 0.5, "live_with": 0.2, "dislike": 1.0},
    # manager_changes of a customer from before the leads period: 1 if it was acquired before its current
    # account manager joined Hengtai (it was handed over), plus a Poisson number with mean
    # manager_change_rate x the years before that + manager_change_lost_extra if the customer was lost
    # (drawn after the losses). A won lead's account manager is the salesperson who won it: 0 changes.
    "manager_change_rate": 0.1,
    "manager_change_lost_extra": 0.8,
}
