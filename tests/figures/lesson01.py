"""Figures lesson 01 quotes, checked against the data (see tests/test_prose_figures.py).

Each function gets the shipped case (``datasets.load_case()``) and writes the phrase from it; the
course's rules and assumptions (the decline rule, the lifecycle's years, the simulator's assumed
retention) are read from the code that applies them, so a change there fails the test too.
"""

from __future__ import annotations

import inspect

from crmlessons import datasets, relationship, strategy
from crmlessons.datasets import rules


def _hengtai(case):
    return strategy.firm_settings(case.orders, case.customers, case.spend)


def _cost_ratio(case, would_stay=0.0):
    return relationship.cost_ratio(case.spend, case.customers, would_stay=would_stay)


def _yearly_ratios(case):
    return relationship.cost_per_customer(case.spend, case.customers)["ratio"]


def _break_even(case):
    settings = _hengtai(case)
    fixed = ("cost_keep", "base_retention", "years", "budget", "start_customers", "max_retention")
    return strategy.break_even_ratio(**{key: settings[key] for key in fixed})


def _best_share(case):
    settings = {key: value for key, value in _hengtai(case).items() if key != "share_acquisition"}
    return strategy.best_share(**settings, step=0.05)


def _lifecycle_years(name):
    return inspect.signature(relationship.lifecycle).parameters[name].default


def _example_answer(case, column):
    customer = relationship.example_customer(case.customers, case.survey)
    return int(case.survey.set_index("customer_id").loc[customer, column])


def _planted(name):
    effects = datasets.planted_effects().set_index("name")
    return float(effects.loc[name, "value"])


def _existing_share_2025(case):
    row = relationship.depth_by_year(case.orders, case.customers).set_index("year").loc[2025]
    return 1 - row["first"] / row["total"]


def _kept_three_years(case):
    return relationship.breadth(case.customers, years=[2023, 2024, 2025])["retention_rate"].prod()


def _share_lost(case, stage):
    return float(relationship.stage_outcomes(case.customers, case.orders).set_index("stage").loc[stage, "share_lost"])


def _top_stage(case):
    table = relationship.stage_outcomes(case.customers, case.orders).set_index("stage")
    return str(table["share_lost"].idxmax())


def _most_often(case):
    return "most often" if _top_stage(case) == "exploration" else "not most often"


WOULD_STAY = strategy.DEFAULTS["base_retention"]

FIGURES = {
    # the cost ratio: planted (the datasheet) and measured
    "a cost ratio of 4.7": lambda case: f"a cost ratio of {_planted('acquisition_retention_cost_ratio'):.1f}",
    "about 4.7 times": lambda case: f"about {_cost_ratio(case):.1f} times",
    "约为老客户的 4.7 倍": lambda case: f"约为老客户的 {_cost_ratio(case):.1f} 倍",
    "= about 4.7 (": lambda case: f"= about {_cost_ratio(case):.1f} (",
    "≈ 4.7（": lambda case: f"≈ {_cost_ratio(case):.1f}（",
    "Hengtai's 4.7 is below it": lambda case: f"Hengtai's {_cost_ratio(case):.1f} is "
                                              f"{'below' if _cost_ratio(case) < _break_even(case) else 'above'} it",
    "a cost ratio of about 4.7, close": lambda case: f"a cost ratio of about {_cost_ratio(case):.1f}, close",
    "成本之比约为 4.7，接近": lambda case: f"成本之比约为 {_cost_ratio(case):.1f}，接近",
    "from 4.3 to 5.1": lambda case: f"from {_yearly_ratios(case).min():.1f} to {_yearly_ratios(case).max():.1f}",
    # what the generator does to the yearly spend (crmlessons/datasets/_generator.py, spend_table)
    "random error of about 5%": lambda case: f"random error of about {datasets.PARAMS['spend_noise_sigma']:.0%}",
    # saved customers only
    "= about 0.77": lambda case: f"= about {_cost_ratio(case, WOULD_STAY):.2f}",
    "≈ 0.77": lambda case: f"≈ {_cost_ratio(case, WOULD_STAY):.2f}",
    # depth and breadth
    "= about 0.95": lambda case: f"= about {_existing_share_2025(case):.2f}",
    "≈ 0.95": lambda case: f"≈ {_existing_share_2025(case):.2f}",
    "= about 0.84": lambda case: f"= about {_kept_three_years(case):.2f}",
    "≈ 0.84": lambda case: f"≈ {_kept_three_years(case):.2f}",
    # the simulator on Hengtai's figures
    "about 73,000 CNY": lambda case: f"about {round(_hengtai(case)['margin'], -3):,.0f} CNY",
    "the 95.5% of its": lambda case: f"the {_hengtai(case)['max_retention']:.1%} of its",
    "break-even ratio is 8.6": lambda case: f"break-even ratio is {_break_even(case):.1f}",
    "about 75% on winning": lambda case: f"about {_best_share(case):.0%} on winning",
    "约把 75% 用于获客": lambda case: f"约把 {_best_share(case):.0%} 用于获客",
    # the simulator's assumed retention with no spend (strategy.DEFAULTS), everywhere the prose names it
    "The simulator assumes 80%": lambda case: f"The simulator assumes {_hengtai(case)['base_retention']:.0%}",
    "the assumed 80%": lambda case: f"the assumed {_hengtai(case)['base_retention']:.0%}",
    "that 80% of the customers": lambda case: f"that {WOULD_STAY:.0%} of the customers",
    "中有 80% 即使": lambda case: f"中有 {WOULD_STAY:.0%} 即使",
    "- 0.8 x customers": lambda case: f"- {WOULD_STAY:g} x customers",
    "- 0.8 ×": lambda case: f"- {WOULD_STAY:g} ×",
    "and that 80% would stay": lambda case: f"and that {_hengtai(case)['base_retention']:.0%} would stay",
    "时有 80% 的客户留下": lambda case: f"时有 {_hengtai(case)['base_retention']:.0%} 的客户留下",
    # the back-test of decision 01.call_first
    "most often (19%)": lambda case: f"{_most_often(case)} ({_share_lost(case, 'exploration'):.0%})",
    "流失得最多（19%）": lambda case: f"流失得{'最多' if _top_stage(case) == 'exploration' else '不是最多'}"
                                     f"（{_share_lost(case, 'exploration'):.0%}）",
    "against 8% of the decline list": lambda case: f"against {_share_lost(case, 'decline'):.0%} of the decline list",
    "衰退期名单上的客户为 8%": lambda case: f"衰退期名单上的客户为 {_share_lost(case, 'decline'):.0%}",
    # the example customer of section 7
    "satisfaction 4 of 5": lambda case: f"satisfaction {_example_answer(case, 'satisfaction')} of 5",
    "loyalty only 2": lambda case: f"loyalty only {_example_answer(case, 'loyalty_emotional')}",
    # the course's lifecycle and decline rules (relationship.lifecycle, datasets.rules)
    "less than 1 year": lambda case: f"less than {_lifecycle_years('exploration_years'):g} year",
    "less than 3 years": lambda case: f"less than {_lifecycle_years('formation_years'):g} years",
    "1 to 3 years": lambda case: f"{_lifecycle_years('exploration_years'):g} to {_lifecycle_years('formation_years'):g} years",
    "第 1 到第 3 年": lambda case: f"第 {_lifecycle_years('exploration_years'):g} 到第 {_lifecycle_years('formation_years'):g} 年",
    "3 years or more": lambda case: f"{_lifecycle_years('formation_years'):g} years or more",
    "3 年及以上": lambda case: f"{_lifecycle_years('formation_years'):g} 年及以上",
    "last 365 days fewer than 60% of the orders in the 365 days before, which had\n   at least 2 orders":
        lambda case: (f"last {rules.DECLINE_WINDOW_DAYS} days fewer than {rules.DECLINE_RATIO:.0%} of the orders in "
                      f"the {rules.DECLINE_WINDOW_DAYS} days before, which had\n   at least {rules.DECLINE_MIN_ORDERS} orders"),
    "last 365 days below 60% of the 365 days before":
        lambda case: (f"last {rules.DECLINE_WINDOW_DAYS} days below {rules.DECLINE_RATIO:.0%} of the "
                      f"{rules.DECLINE_WINDOW_DAYS} days before"),
    "最近 365 天的订单不到此前 365 天的 60%":
        lambda case: (f"最近 {rules.DECLINE_WINDOW_DAYS} 天的订单不到此前 {rules.DECLINE_WINDOW_DAYS} 天的 "
                      f"{rules.DECLINE_RATIO:.0%}"),
    # the simulator's years
    "after 5 years against": lambda case: f"after {_hengtai(case)['years']} years against",
    # the Chinese edition's prose (notebooks/zh/text/01_what_is_crm.md)
    "约 330 万元": lambda case: f"约 {round(_hengtai(case)['budget'] / 1e4, -1):.0f} 万元",
    "不满 1 年": lambda case: f"不满 {_lifecycle_years('exploration_years'):g} 年",
    "不满 3 年": lambda case: f"不满 {_lifecycle_years('formation_years'):g} 年",
    "最近 365 天的订单不到此前 365 天的 60%，且此前 365 天至少有 2 笔订单":
        lambda case: (f"最近 {rules.DECLINE_WINDOW_DAYS} 天的订单不到此前 {rules.DECLINE_WINDOW_DAYS} 天的 "
                      f"{rules.DECLINE_RATIO:.0%}，且此前 {rules.DECLINE_WINDOW_DAYS} 天至少有 "
                      f"{rules.DECLINE_MIN_ORDERS} 笔订单"),
    "设定的成本比为 4.7": lambda case: f"设定的成本比为 {_planted('acquisition_retention_cost_ratio'):.1f}",
    "在 4.3 到 5.1 之间": lambda case: f"在 {_yearly_ratios(case).min():.1f} 到 {_yearly_ratios(case).max():.1f} 之间",
    "约 5% 的随机误差": lambda case: f"约 {datasets.PARAMS['spend_noise_sigma']:.0%} 的随机误差",
    "约 7.3 万元": lambda case: f"约 {_hengtai(case)['margin'] / 1e4:.1f} 万元",
    "每年留住的 95.5%": lambda case: f"每年留住的 {_hengtai(case)['max_retention']:.1%}",
    "模拟器假设为 80%": lambda case: f"模拟器假设为 {_hengtai(case)['base_retention']:.0%}",
    "所假设的 80%": lambda case: f"所假设的 {_hengtai(case)['base_retention']:.0%}",
    "运行 5 年后": lambda case: f"运行 {_hengtai(case)['years']} 年后",
    "盈亏平衡成本比为 8.6": lambda case: f"盈亏平衡成本比为 {_break_even(case):.1f}",
    "恒泰的 4.7 低于它": lambda case: f"恒泰的 {_cost_ratio(case):.1f} "
                                    f"{'低于' if _cost_ratio(case) < _break_even(case) else '高于'}它",
    "满意度评分为 4 分": lambda case: f"满意度评分为 {_example_answer(case, 'satisfaction')} 分",
    "情感忠诚却只有 2 分": lambda case: f"情感忠诚却只有 {_example_answer(case, 'loyalty_emotional')} 分",
}

NOT_HENGTAI = {
    "5 times": "the literature's claim, as the Relationship-marketing essay and the Customer-service courseware repeat it",
    "5-times": "the literature's claim (sources page)",
    "5 倍": "the literature's claim (sources page)",
    "literature's 5": "the literature's claim",
    "文献所说的 5": "the literature's claim",
    "文献所说 5": "the literature's claim",
    "is it 5?": "the literature's claim",
    "keeping is about 5 times cheaper": "a wrong quiz option quoting the literature's claim",
    "约便宜 5 倍": "a wrong quiz option quoting the literature's claim",
    "4.7 is below 5": "a wrong quiz option: the planted ratio against the literature's claim",
    "4.7 小于 5": "a wrong quiz option: the planted ratio against the literature's claim",
    "Row 3": "a row number of the Key-account CRM course's Table 1-2",
    "of 5": "the survey's 1-5 scale",
    "满分 5 分": "the survey's 1-5 scale",
    "ratio is above 1": "a ratio of two costs compared with 1 (equal costs)",
    "比值应大于 1": "a ratio of two costs compared with 1 (equal costs)",
    "Below 1": "a ratio of two costs compared with 1 (equal costs)",
    "小于 1": "a ratio of two costs compared with 1 (equal costs)",
    "1 - first / total": "a formula in the hint",
    ":.0%}": "the format of a figure a decision's facts fill in from the data",
    ":.1%}": "the format of a figure a decision's facts fill in from the data",
    ":,.0f}": "the format of a figure a decision's facts fill in from the data",
    ":.1f}": "the format of a figure a decision's facts fill in from the data",
}
