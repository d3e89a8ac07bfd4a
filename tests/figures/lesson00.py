"""Figures lesson 00 quotes, checked against the data (see tests/test_prose_figures.py)."""

import pandas as pd

from crmlessons.datasets import rules
from crmlessons.relationship import cost_ratio


def _date(day) -> str:
    day = pd.Timestamp(day)
    return f"{day.day} {day:%B %Y}"


def _date_zh(day) -> str:
    day = pd.Timestamp(day)
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def _ratio(case) -> float:
    return cost_ratio(case.spend, case.customers)


FIGURES = {
    "31 December 2025": lambda case: _date(rules.AS_OF),  # the case's data date: its data run to it
    "4,000 leads": lambda case: f"{len(case.leads):,} leads",
    "about 1,400 customers": lambda case: f"about {round(len(case.customers), -2):,} customers",
    "2025 年 12 月 31 日": lambda case: _date_zh(rules.AS_OF),
    "4000 条线索": lambda case: f"{len(case.leads)} 条线索",
    "约 1400 位客户": lambda case: f"约 {round(len(case.customers), -2)} 位客户",
    "4.7 times": lambda case: f"{_ratio(case):.1f} times",
    "4.7 倍": lambda case: f"{_ratio(case):.1f} 倍",
}

NOT_HENGTAI = {
    "100 prospects end in 5 deals or fewer": "the Key-account CRM course's success-probability example, quoted "
                                             "in the lesson map",
    "100 个潜在客户最后只有 5 个或更少": "the same example in the Chinese lesson map",
    "100 万元": "the unit of the product-line table in the Chinese edition (its code divides by 1e6: "
               "millions of CNY)",
    "5 times": "the claim of the Relationship-marketing essay and the Customer-service courseware (warm-up, quiz)",
    "5 倍": "the same claim in Chinese",
    "200 yuan": "a made-up yearly cost of keeping a customer, for the warm-up's arithmetic",
    "200 元": "the same in Chinese",
    "1000 yuan": "the warm-up's answer, 200 × 5",
    "1000 元": "the same in Chinese",
    "quiz 1": "where the Key-account CRM course asks for CRM's core: its first quiz question",
}
