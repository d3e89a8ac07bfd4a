"""Figures lesson 06 quotes, checked against the data (see tests/test_prose_figures.py).

Each function writes its phrase from the case (``datasets.load_case()``) or from the course's rule or estimate it
quotes, so a change of data or of a rule that changes a figure makes the test fail and say which phrase to update
(in both languages).
"""

from crmlessons import clv, retention, value
from crmlessons.lessons import lesson06

RATE = retention.DISCOUNT_RATE
WORDS = {2: "twice", 3: "three times", 4: "four times"}
WORDS_ZH = {2: "两倍", 3: "三倍", 4: "四倍"}
FRACTIONS = {2: "half", 3: "a third", 4: "a quarter", 5: "a fifth"}
FRACTIONS_ZH = {2: "一半", 3: "三分之一", 4: "四分之一", 5: "五分之一"}


def _comparison(case):
    return value.offer_comparison(value.offer_from_survey(case.survey))


def _total(case, row: str, side: str) -> str:
    return f"{_comparison(case).loc[row, side]:.2f}"


def _r_squared(case) -> float:
    return value.value_drivers(case.survey).attrs["r_squared"]


def _ties(case):
    return value.loss_rate_by_ties(case.customers).set_index(["tie", "has_tie"])["loss_rate"]


def _structural_fraction(case) -> int:
    rates = _ties(case)
    return round(rates[("structural", False)] / rates[("structural", True)])


def _tenure(case, year: int) -> float:
    table = value.value_by_tenure(case.orders, case.customers).set_index("tenure_year")
    return float(table.loc[year, "margin_per_year"])


def _segments(case):
    history = value.historic_value(case.orders, case.customers)
    segments = value.rfm_segments(value.rfm_summary(case.orders))
    return value.segment_table(segments, history["margin_cny"]).set_index("segment")


def _fraction(share: float) -> str:
    """A share in the words the prose uses: about a quarter, about half ..."""
    return FRACTIONS[round(1 / share)]


def _facts(case):
    return retention.facts(case.orders, case.customers, case.spend)


def _clv_average(case) -> float:
    f = _facts(case)
    return value.simple_clv(f["margin_per_year"], f["retention_rate"])


def _holdout(case):
    cal = value.calibration_holdout(case.orders, lesson06._calibration_end())
    summary = cal[["frequency_cal", "recency_cal", "T_cal"]].set_axis(["frequency", "recency", "T"], axis=1)
    comparison = clv.holdout_comparison(clv.fit_bgnbd(summary), cal)
    return comparison, clv.holdout_totals(comparison)


def _lost_in_holdout(case):
    comparison, _ = _holdout(case)
    lost = case.customers.set_index("customer_id")["lost_date"].dt.year.eq(2025)
    return comparison[lost.reindex(comparison.index).to_numpy()]


def _spend_correlation(case) -> float:
    summary = value.rfm_summary(case.orders)
    repeat = summary[summary["frequency"] > 0]
    return float(repeat["frequency"].corr(repeat["monetary_value"]))


def _top_share(case) -> float:
    return lesson06._top_share(case.orders)


def _named_clv(case) -> float:
    return lesson06._clv(case.orders, case.customers, case.survey)


def _named_margin(case) -> float:
    return lesson06._year_figures(case.orders, lesson06._named(case.orders, case.customers, case.survey))["margin"]


def _undiscounted(case) -> int:
    return round(lesson06._clv(case.orders, case.customers, case.survey, discount_rate=0.0) / _named_clv(case))


def _holdout_sentence(case) -> str:
    _, totals = _holdout(case)
    error = totals.predicted_total / totals.actual_total - 1
    many = "too many" if error > 0 else "too few"
    return (f"about {round(totals.predicted_total, -1):,.0f} purchase weeks for 2025 and {totals.actual_total:,.0f} "
            f"came: {abs(error):.0%} {many}")


def _holdout_sentence_zh(case) -> str:
    _, totals = _holdout(case)
    error = totals.predicted_total / totals.actual_total - 1
    many = "多" if error > 0 else "少"
    return (f"约 {round(totals.predicted_total, -1):,.0f} 个购买周，实际为 {totals.actual_total:,.0f} 个："
            f"{many}了 {abs(error):.0%}")


def _lost_sentence(case) -> str:
    lost = _lost_in_holdout(case)
    return (f"a p(alive) of {lost['p_alive'].mean():.2f} on average, and expected about {lost['predicted'].mean():.1f} "
            f"purchase weeks from each in 2025; they brought about {lost['actual'].mean():.1f}")


def _lost_sentence_zh(case) -> str:
    lost = _lost_in_holdout(case)
    return (f"平均为 {lost['p_alive'].mean():.2f}，预计它们每家在 2025 年有约 {lost['predicted'].mean():.1f} 个购买周；"
            f"实际只有约 {lost['actual'].mean():.1f} 个")


FIGURES = {
    # the story: the sales director's discount is the one of 06.discount
    "5% off for everyone": lambda c: f"{lesson06.ASKED_DISCOUNT:.0%} off for everyone",
    "worth 5%?": lambda c: f"worth {lesson06.ASKED_DISCOUNT:.0%}?",
    # section 2: the offers compared
    "total value 13.68 against Hengtai's 14.18": lambda c: (f"total value {_total(c, 'total_value', 'competitor')} "
                                                           f"against Hengtai's {_total(c, 'total_value', 'ours')}"),
    "total cost 10.15 against 10.95": lambda c: (f"total cost {_total(c, 'total_cost', 'competitor')} against "
                                                f"{_total(c, 'total_cost', 'ours')}"),
    "3.53 against 3.23": lambda c: f"{_total(c, 'delivered_value', 'competitor')} against {_total(c, 'delivered_value', 'ours')}",
    # section 3: how much the items explain
    "about 63% of its variance": lambda c: f"about {_r_squared(c):.0%} of its variance",
    # section 4: ties
    "about a third as often": lambda c: f"about {FRACTIONS[_structural_fraction(c)]} as often",
    # section 5: tenure
    "about 57,000 CNY in the first year": lambda c: f"about {round(_tenure(c, 1), -3):,.0f} CNY in the first year",
    "about 85,000 CNY in the tenth": lambda c: f"about {round(_tenure(c, 10), -3):,.0f} CNY in the tenth",
    # section 6: segments
    "Champions, about a quarter of the customers, brought about half of the margin": lambda c: (
        f"Champions, about {_fraction(_segments(c).loc['champions', 'customer_share'])} of the customers, brought about "
        f"{_fraction(_segments(c).loc['champions', 'margin_share'])} of the margin"),
    "brought about 6% of it": lambda c: f"brought about {_segments(c).loc['hibernating', 'margin_share']:.0%} of it",
    # section 7: the average customer
    "the course uses 10% a year": lambda c: f"the course uses {RATE:.0%} a year",
    "about 73,000 CNY of margin, and 95.5% of the customers": lambda c: (
        f"about {round(_facts(c)['margin_per_year'], -3):,.0f} CNY of margin, and {_facts(c)['retention_rate']:.1%} of "
        f"the customers"),
    "about 480,000 CNY": lambda c: f"about {round(_clv_average(c), -4):,.0f} CNY",
    "about 11,500 CNY": lambda c: f"about {round(_facts(c)['acquisition_cost'], -2):,.0f} CNY",
    # section 8: the holdout comparison
    "about 5,360 purchase weeks for 2025 and 5,049 came: 6% too many": _holdout_sentence,
    "correlate at about 0.77": lambda c: f"correlate at about {_holdout(c)[1].correlation:.2f}",
    "a p(alive) of 0.97 on average, and expected about 3.8 purchase weeks from each in 2025; they brought about 1.1":
        _lost_sentence,
    "correlation about 0.26": lambda c: f"correlation about {_spend_correlation(c):.2f}",
    # the Chinese edition's prose
    "给所有客户打 5% 的折扣": lambda c: f"给所有客户打 {lesson06.ASKED_DISCOUNT:.0%} 的折扣",
    "哪些客户值得打 5% 的折扣": lambda c: f"哪些客户值得打 {lesson06.ASKED_DISCOUNT:.0%} 的折扣",
    "客户总价值 13.68，恒泰为 14.18": lambda c: (f"客户总价值 {_total(c, 'total_value', 'competitor')}，恒泰为 "
                                          f"{_total(c, 'total_value', 'ours')}"),
    "客户总成本 10.15，恒泰为 10.95": lambda c: (f"客户总成本 {_total(c, 'total_cost', 'competitor')}，恒泰为 "
                                          f"{_total(c, 'total_cost', 'ours')}"),
    "3.53 对 3.23": lambda c: f"{_total(c, 'delivered_value', 'competitor')} 对 {_total(c, 'delivered_value', 'ours')}",
    "感知价值约 63% 的方差": lambda c: f"感知价值约 {_r_squared(c):.0%} 的方差",
    "约为没有这种联系的客户的三分之一": lambda c: f"约为没有这种联系的客户的{FRACTIONS_ZH[_structural_fraction(c)]}",
    "关系第一年的约 5.7 万元，上升到第十年的约 8.5 万元": lambda c: (
        f"关系第一年的约 {_tenure(c, 1) / 1e4:.1f} 万元，上升到第十年的约 {_tenure(c, 10) / 1e4:.1f} 万元"),
    "冠军客户约占客户总数的四分之一，自 2019 年以来带来了约一半的毛利": lambda c: (
        f"冠军客户约占客户总数的{FRACTIONS_ZH[round(1 / _segments(c).loc['champions', 'customer_share'])]}，自 2019 年以来"
        f"带来了约{FRACTIONS_ZH[round(1 / _segments(c).loc['champions', 'margin_share'])]}的毛利"),
    "只带来了约 6% 的毛利": lambda c: f"只带来了约 {_segments(c).loc['hibernating', 'margin_share']:.0%} 的毛利",
    "本课程取每年 10%": lambda c: f"本课程取每年 {RATE:.0%}",
    "约 7.3 万元毛利，每年有 95.5% 的客户留下来": lambda c: (
        f"约 {_facts(c)['margin_per_year'] / 1e4:.1f} 万元毛利，每年有 {_facts(c)['retention_rate']:.1%} 的客户留下来"),
    "客户终身价值约为 48 万元": lambda c: f"客户终身价值约为 {_clv_average(c) / 1e4:.0f} 万元",
    "成本约为 1.15 万元": lambda c: f"成本约为 {_facts(c)['acquisition_cost'] / 1e4:.2f} 万元",
    "约 5,360 个购买周，实际为 5,049 个：多了 6%": _holdout_sentence_zh,
    "相关系数约为 0.77": lambda c: f"相关系数约为 {_holdout(c)[1].correlation:.2f}",
    "平均为 0.97，预计它们每家在 2025 年有约 3.8 个购买周；实际只有约 1.1 个": _lost_sentence_zh,
    "相关系数约为 0.26": lambda c: f"相关系数约为 {_spend_correlation(c):.2f}",
    # worked solutions
    "about 0.66 in the row of the top 20%": lambda c: f"about {_top_share(c):.2f} in the row of the top 20%",
    "a fifth of the customers bring about two thirds of the margin": lambda c: (
        "a fifth of the customers bring about two thirds of the margin" if round(3 * _top_share(c)) == 2 else
        f"a fifth of the customers bring about {_top_share(c):.0%} of the margin"),
    "about 5.0 million CNY, some 6.6 years of its margin": lambda c: (
        f"about {_named_clv(c) / 1e6:.1f} million CNY, some {_named_clv(c) / _named_margin(c):.1f} years of its margin"),
    "about three times as much": lambda c: f"about {WORDS[_undiscounted(c)]} as much",
    "那一行约为 0.66": lambda c: f"那一行约为 {_top_share(c):.2f}",
    "五分之一的客户也带来了约三分之二的毛利": lambda c: (
        "五分之一的客户也带来了约三分之二的毛利" if round(3 * _top_share(c)) == 2 else
        f"五分之一的客户也带来了约 {_top_share(c):.0%} 的毛利"),
    "约 502 万元，约相当于它 6.6 年的毛利": lambda c: (
        f"约 {_named_clv(c) / 1e4:,.0f} 万元，约相当于它 {_named_clv(c) / _named_margin(c):.1f} 年的毛利"),
    "约为折现后的三倍": lambda c: f"约为折现后的{WORDS_ZH[_undiscounted(c)]}",
}

NOT_HENGTAI = {
    "from 1 (little, or light) to 5 (much, or heavy)": "the survey's answer scale",
    "from 0 to 10": "the survey's answer scale",
    "a score from 1 to 5": "the RFM scores' scale (quintiles)",
    "5 the best": "the RFM scores' scale (quintiles)",
    "(the rows 0 to 2)": "row labels of the holdout table (repeat weeks before 2025)",
    "p(alive) near 1": "the top of the probability scale, not a measured figure",
    "接近 1 的仍活跃概率": "the top of the probability scale, not a measured figure",
    "the next 52 weeks": "the model's horizon: a year in weeks",
    "未来 52 周": "the model's horizon: a year in weeks",
    "从 1（很少，或很轻）到 5（很多，或很重）": "the survey's answer scale",
    "打 0 到 10 分": "the survey's answer scale",
    "各得 1 到 5 分": "the RFM scores' scale (quintiles)",
    "5 分最好": "the RFM scores' scale (quintiles)",
    "（第 0 到 2 行）": "row labels of the holdout table (repeat weeks before 2025)",
    "45 分钟的课": "the length of the short version of the lesson",
    "45-minute\n  class": "the length of the short version of the lesson",
    "(1 + discount rate − retention)": "the simple CLV formula",
    "（1 + 折现率 − 留存率）": "the simple CLV formula",
    "retention / (1 + discount rate)": "the simple CLV formula",
    "留存率 /（1 + 折现率）": "the simple CLV formula",
    "the top 10%": "the share of customers the concentration table also shows, named in a mistake's hint",
    "the top 20%": "the share of customers the exercise asks about (the course's choice)",
    "前 10%": "the share of customers the concentration table also shows, named in a mistake's hint",
    "前 20%": "the share of customers the exercise asks about (the course's choice)",
    "recency 150 and T 300": "a made-up example in the quiz",
    "recency 为 150，T 为 300": "a made-up example in the quiz",
    "150 weeks ago, 150 weeks after": "a made-up example in the quiz",
    "150 周前，即首次购买 150 周之后": "a made-up example in the quiz",
    "It bought 150 times": "a made-up example in the quiz",
    "它购买了 150 次": "a made-up example in the quiz",
    "It last bought 300 weeks ago": "a made-up example in the quiz",
    "300 周前": "a made-up example in the quiz",
}
