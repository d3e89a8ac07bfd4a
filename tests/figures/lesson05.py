"""Figures lesson 05 quotes, checked against the data (see tests/test_prose_figures.py).

Each function writes its phrase from the case (``datasets.load_case()``) or from the course's rule it
quotes, so a change of data or of a rule that changes a figure makes the test fail and say which phrase
to update (in both languages).
"""

import inspect

from crmlessons import loss, retention
from crmlessons.datasets import rules
from crmlessons.lessons import lesson05

WORDS = {1: "as", 2: "twice", 3: "three times", 4: "four times"}
NAMES = {"competitor": "competitors", "communication": "communication", "lack_of_care": "lack of care",
         "complaint_handling": "complaint handling", "price": "price", "product": "product",
         "contact_died_or_left": "contacts who died or left", "lost_contact": "lost contact",
         "not_meeting_criteria": "customers below the criteria", "friends_family_opinion": "friends' opinions"}
#: The Chinese edition names the reasons by their labels in the course's taxonomy.
NAMES_ZH = dict(zip(loss.taxonomy()["reason"], loss.taxonomy()["label_zh"]))
WORDS_ZH = {1: "一样", 2: "两倍", 3: "三倍", 4: "四倍"}


def _facts(case, discount_rate=retention.DISCOUNT_RATE):
    return retention.facts(case.orders, case.customers, case.spend, discount_rate=discount_rate)


def _unknown_share(case) -> float:
    table = loss.counts(case.losses, "category").set_index("category")
    return float(table.loc["unknown", "share"])


def _leaders(case, loss_type, n, names=NAMES) -> list:
    return [names[r] for r in loss.pareto(case.losses, loss_type)["reason"].iloc[:n]]


def _deals_led_by(case) -> str:
    first, second = _leaders(case, "deal", 2)
    return f"Lost deals are led by {first} and {second}"


def _customers_led_by(case) -> str:
    first, *rest = _leaders(case, "customer", 4)
    return f"Lost **customers** are led by {first}, then {rest[0]}, {rest[1]} and {rest[2]}"


def _deals_led_by_zh(case) -> str:
    first, second = _leaders(case, "deal", 2, NAMES_ZH)
    return f"丢单排在前两位的原因是{first}和{second}"


def _customers_led_by_zh(case) -> str:
    first, *rest = _leaders(case, "customer", 4, NAMES_ZH)
    return f"**流失客户**排在第一位的原因是{first}，其次是{rest[0]}、{rest[1]}和{rest[2]}"


def _vital_few(case) -> str:
    return f"{len(loss.vital_few(case.losses, 0.8, 'customer'))} of the {len(loss.REASON_CATEGORY)} reasons"


def _price_place(case) -> int:
    """Where price ranks among the reasons for lost customers (1 = most frequent)."""
    return loss.pareto(case.losses, "customer")["reason"].tolist().index("price") + 1


def _price_rank(case) -> str:
    rank = _price_place(case)
    verdict = "the records do not bear it out" if rank > 3 else "the records bear it out"
    ordinal = {1: "1st", 2: "2nd", 3: "3rd"}.get(rank, f"{rank}th")
    return f"Price comes {ordinal} of the {len(loss.REASON_CATEGORY)} reasons for lost customers: {verdict}"


def _price_rank_zh(case) -> str:
    rank = _price_place(case)
    verdict = "价格只排第 {} 位：记录并不支持这种说法" if rank > 3 else "价格排第 {} 位：记录支持这种说法"
    return f"在流失客户的 {len(loss.REASON_CATEGORY)} 个原因中，" + verdict.format(rank)


def _warning_ratio(case) -> int:
    hits = loss.warning_hit_rate(case.orders, case.customers).set_index("flagged")["loss_rate"]
    return round(hits[True] / hits[False])


def _twice(case) -> str:
    return f"lost about {WORDS[_warning_ratio(case)]} as often"


def _undiscounted_ratio(case) -> int:
    return round(_facts(case, 0.0)["lost_customer_cost"] / _facts(case)["lost_customer_cost"])


def _three_times(case) -> str:
    return f"look {WORDS[_undiscounted_ratio(case)]} as valuable"


def _cut_20(case):
    values = retention.reason_values(case.losses, case.orders, case.customers, case.spend)
    return retention.cut_company_side(values, 0.2)


def _spend_2025(case):
    year = case.spend[case.spend["year"] == 2025]
    return year.groupby(year["spend_type"].astype(str))["amount_cny"].sum()


def _budget_sentence(case) -> str:
    """The break-even budget of the 20% example set beside Hengtai's spend, comparisons included."""
    budget, spend = _cut_20(case)["break_even_budget"], _spend_2025(case)
    than_retention = "more than" if budget > spend["retention"] else "less than"
    than_all = "though less than" if budget < spend.sum() else "and more than"
    return (f"worth up to about {budget / 1e6:.1f} million CNY a year: {than_retention} Hengtai spends on keeping "
            f"all its customers (about {spend['retention'] / 1e6:.1f} million CNY in 2025), {than_all} its whole "
            f"sales and marketing spend (about {spend.sum() / 1e6:.1f} million CNY)")


def _wan(cny: float) -> str:
    """An amount in 万元 to the precision of the English "x.x million CNY" (3.3 million -> 330)."""
    return f"{round(cny / 1e6, 1) * 100:.0f}"


def _budget_sentence_zh(case) -> str:
    """The Chinese edition's sentence: the same comparisons as :func:`_budget_sentence`, amounts in 万元."""
    cut, spend = _cut_20(case), _spend_2025(case)
    kept, budget = cut["customers_kept"], cut["break_even_budget"]
    than_retention = "还多" if budget > spend["retention"] else "还少"
    than_all = "但少于" if budget < spend.sum() else "甚至多于"
    return (f"每年多留住约 {kept:.0f} 位客户，其价值每年最高约 {_wan(budget)} 万元：比恒泰用于留住全部客户的费用"
            f"（2025 年约 {_wan(spend['retention'])} 万元）{than_retention}，{than_all}它全部的销售和市场费用"
            f"（约 {_wan(spend.sum())} 万元）")


def _top_cost(case) -> float:
    return lesson05._lost_cost(case.orders, case.customers, case.spend)


def _break_even(case) -> float:
    return lesson05._break_even(case.losses, case.orders, case.customers, case.spend)


def _cost_ratio(case) -> float:
    return retention.cost_ratio(case.spend, case.customers)


RATE = retention.DISCOUNT_RATE
WINDOW = rules.DECLINE_WINDOW_DAYS
HORIZON = inspect.signature(loss.warning_hit_rate).parameters["horizon_days"].default

FIGURES = {
    # section 2: records without a usable reason
    "About 8% of the losses": lambda c: f"About {_unknown_share(c):.0%} of the losses",
    # section 3: the Pareto tables
    "Lost deals are led by competitors and communication": _deals_led_by,
    "Lost **customers** are led by lack of care, then competitors, complaint handling and communication":
        _customers_led_by,
    "7 of the 10 reasons": _vital_few,
    "Price comes 8th of the 10 reasons for lost customers: the records do not bear it out": _price_rank,
    # the Chinese edition, sections 2 and 3
    "约 8% 的流失记录": lambda c: f"约 {_unknown_share(c):.0%} 的流失记录",
    "丢单排在前两位的原因是竞争对手和沟通不足": _deals_led_by_zh,
    "**流失客户**排在第一位的原因是关怀不够，其次是竞争对手、投诉处理不当和沟通不足": _customers_led_by_zh,
    "10 个原因里要用上前 7 个": lambda c: (f"{len(loss.REASON_CATEGORY)} 个原因里要用上前 "
                                      f"{len(loss.vital_few(c.losses, 0.8, 'customer'))} 个"),
    "在流失客户的 10 个原因中，价格只排第 8 位：记录并不支持这种说法": _price_rank_zh,
    # section 6: the course's decline rule (datasets.rules) and the test of the warning
    "in the last\n365 days": lambda c: f"in the last\n{WINDOW} days",
    "below 60%": lambda c: f"below {rules.DECLINE_RATIO:.0%}",
    "in the 365 days before": lambda c: f"in the {WINDOW} days before",
    "at least 2 orders then": lambda c: f"at least {rules.DECLINE_MIN_ORDERS} orders then",
    "180 days": lambda c: f"{HORIZON} days",
    "lost about twice as often": _twice,
    "最近 365 天": lambda c: f"最近 {WINDOW} 天",
    "低于此前 365 天的 60%": lambda c: f"低于此前 {WINDOW} 天的 {rules.DECLINE_RATIO:.0%}",
    "至少有 2 笔订单": lambda c: f"至少有 {rules.DECLINE_MIN_ORDERS} 笔订单",
    "此后 180 天内": lambda c: f"此后 {HORIZON} 天内",
    "流失率大约是未被预警客户的两倍": lambda c: f"流失率大约是未被预警客户的{WORDS_ZH[_warning_ratio(c)]}",
    # section 7: discounting and the price of a lost customer
    "about 95.5% of customers stay": lambda c: f"about {_facts(c)['retention_rate']:.1%} of customers stay",
    "about 22 years": lambda c: f"about {_facts(c, 0.0)['expected_years']:.0f} years",
    "the 22 years shrink": lambda c: f"the {_facts(c, 0.0)['expected_years']:.0f} years shrink",
    "10% a year": lambda c: f"{RATE:.0%} a year",
    "年折现率 10%": lambda c: f"年折现率 {RATE:.0%}",
    "每年 10%": lambda c: f"每年 {RATE:.0%}",
    "divided by 1.10": lambda c: f"divided by {1 + RATE:.2f}",
    "about 7.6 years' worth": lambda c: f"about {_facts(c)['expected_years']:.1f} years' worth",
    "look three times as valuable": _three_times,
    "about 567,000 CNY": lambda c: f"about {round(_facts(c)['lost_customer_cost'], -3):,.0f} CNY",
    "约有 95.5% 的客户留下来": lambda c: f"约有 {_facts(c)['retention_rate']:.1%} 的客户留下来",
    "平均还会合作约 22 年": lambda c: f"平均还会合作约 {_facts(c, 0.0)['expected_years']:.0f} 年",
    "这样 22 年就缩减为约 7.6 年的毛利": lambda c: (f"这样 {_facts(c, 0.0)['expected_years']:.0f} 年就缩减为约 "
                                         f"{_facts(c)['expected_years']:.1f} 年的毛利"),
    "再除以 1.10": lambda c: f"再除以 {1 + RATE:.2f}",
    "看起来是折现后的三倍": lambda c: f"看起来是折现后的{WORDS_ZH[_undiscounted_ratio(c)]}",
    "约为 56.7 万元": lambda c: f"约为 {round(_facts(c)['lost_customer_cost'], -3) / 1e4:.1f} 万元",
    # section 8: the what-if example beside Hengtai's spend
    "about 5 more customers": lambda c: f"about {_cut_20(c)['customers_kept']:.0f} more customers",
    "worth up to about 2.9 million CNY a year: more than Hengtai spends on keeping all its customers (about 2.5 "
    "million CNY in 2025), though less than its whole sales and marketing spend (about 3.4 million CNY)": _budget_sentence,
    "每年多留住约 5 位客户，其价值每年最高约 290 万元：比恒泰用于留住全部客户的费用（2025 年约 250 万元）还多，"
    "但少于它全部的销售和市场费用（约 340 万元）": _budget_sentence_zh,
    # worked solutions
    "about 0.54": lambda c: f"about {loss.controllable_share(c.losses, 'customer'):.2f}",
    "约 0.54": lambda c: f"约 {loss.controllable_share(c.losses, 'customer'):.2f}",
    "about 7.6 million CNY": lambda c: f"about {_top_cost(c) / 1e6:.1f} million CNY",
    "约 759 万元": lambda c: f"约 {_top_cost(c) / 1e4:,.0f} 万元",
    "some 13 times": lambda c: f"some {_top_cost(c) / _facts(c)['lost_customer_cost']:.0f} times",
    "平均客户代价的 13 倍": lambda c: f"平均客户代价的 {_top_cost(c) / _facts(c)['lost_customer_cost']:.0f} 倍",
    "about 0.21": lambda c: f"about {_break_even(c):.2f}",
    "约 0.21": lambda c: f"约 {_break_even(c):.2f}",
    # quiz: the measured cost ratio (planted, and said so)
    "a cost ratio of about 4.7": lambda c: f"a cost ratio of about {_cost_ratio(c):.1f}",
    "成本比约为 4.7": lambda c: f"成本比约为 {_cost_ratio(c):.1f}",
}

NOT_HENGTAI = {
    '"80/20 rule"': "the name of the Pareto rule of thumb",
    "“80/20 法则”": "the name of the Pareto rule of thumb",
    "维系一个老客户成本的 5 倍": "the literature's claim (five times), quoted from the sources",
    "满意度提高 5 个百分点": "a claim of the Relationship-marketing essay, quoted as untestable here",
    "93% 的企业 CEO": "a claim of the Relationship-marketing essay, quoted as untestable here",
    "约 10 分钟": "class time for the group discussion of the mini-case",
    "减少 20%": "the what-if example's cut, chosen by the course",
    "45 分钟的课": "the length of the short version of the lesson",
    "raising satisfaction by 5 points": "a claim of the Relationship-marketing essay, quoted as untestable here",
    "93% of CEOs": "a claim of the Relationship-marketing essay, quoted as untestable here",
    "about 10 minutes": "class time for the group discussion of the mini-case",
    "by 20%": "the what-if example's cut, chosen by the course",
    "45-minute class": "the length of the short version of the lesson",
    "the literature's 5": "the literature's claim (five times)",
    "far from 5": "the literature's claim (five times)",
    "文献中的 5 倍": "the literature's claim (five times)",
    "与 5 倍相差很远": "the literature's claim (five times)",
    "a retention rate near 1": "an extreme, not a Hengtai figure",
    "接近 1 的留存率": "an extreme, not a Hengtai figure",
}
