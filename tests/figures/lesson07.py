"""Figures lesson 07 quotes, checked against the data (see tests/test_prose_figures.py).

Each function writes its phrase from the case (``datasets.load_case()``) through :mod:`crmlessons.loyalty`, or
from the course's rule or estimate it quotes, so a change of data or of a rule that changes a figure makes the test
fail and say which phrase to update (in both languages).
"""

from crmlessons import loyalty
from crmlessons.datasets.params import PARAMS
from crmlessons.datasets.rules import DECLINE_RATIO
from crmlessons.lessons import lesson07

WINDOW = PARAMS["repurchase_window_days"]
TIMES = {1: "about as often", 2: "about twice as often", 3: "about three times as often"}
TIMES_ZH = {1: "差不多", 2: "约两倍", 3: "约三倍"}


def _agreement(case):
    return loyalty.faces_agreement(case.survey)


def _correlations(case) -> tuple[float, float]:
    table = _agreement(case)
    faces = list(loyalty.FACES)
    values = [float(table.loc[a, b]) for i, a in enumerate(faces) for b in faces[i + 1:]]
    return min(values), max(values)


def _behaviour(case):
    return loyalty.loyal_behaviour(case.survey, case.orders, case.customers)


def _b(case, column: str, loyal: bool) -> float:
    return float(_behaviour(case).loc[loyal, column])


def _pair(case, column: str, digits: int = 1, word: str = "against") -> str:
    return f"{_b(case, column, True):.{digits}f} {word} {_b(case, column, False):.{digits}f}"


def _handling(case):
    return loyalty.complaint_handling_vs_staying(case.survey, case.customers)


def _counts(case):
    return loyalty.matrix_counts(loyalty.loyalty_matrix(case.survey)).set_index("group")["share"]


def _share(case, group: str) -> str:
    return f"{_counts(case)[group]:.0%}"


def _kano(case):
    return loyalty.kano_features(case.survey)


def _warned(case):
    return loyalty.loyal_warnings(case.survey, case.orders, case.customers)


def _changes(case):
    return loyalty.manager_changes_vs_loss(case.customers).set_index("changes")


def _low_changes(case) -> float:
    table = _changes(case)
    low = table.loc[["0", "1"]]
    return float(low["lost"].sum() / low["customers"].sum())


def _tenure(case):
    return loyalty.tenure_vs_retention(case.customers, case.salespeople)


def _by_satisfaction(case):
    return loyalty.by_satisfaction(case.survey, case.orders)


def _ratio(case) -> float:
    shares = _by_satisfaction(case)["repurchase_share"]
    return float(shares[5] / shares[4])


def _five_points(case) -> float:
    return float(loyalty.satisfaction_claims(case.survey, case.orders).loc["five_points", "measured"])


def _satisfied_not_loyal(case) -> float:
    return lesson07._satisfied_not_loyal(case.survey)


def _planted_ratio() -> float:
    return PARAMS["repurchase_p"][5] / PARAMS["repurchase_p"][4]


FIGURES = {
    # section 2: the faces agree
    "correlate at about 0.67 to 0.68": lambda c: "correlate at about {:.2f} to {:.2f}".format(*_correlations(c)),
    "Cronbach's alpha is about 0.86": lambda c: f"Cronbach's alpha is about {_agreement(c).attrs['alpha']:.2f}",
    # section 3: what loyal customers do
    "about 6.6 orders a year against 4.3": lambda c: (
        f"about {_b(c, 'orders_per_year', True):.1f} orders a year against {_b(c, 'orders_per_year', False):.1f}"),
    "about 86,000 CNY of margin a year against 57,000": lambda c: (
        f"about {round(_b(c, 'margin_per_year', True), -3):,.0f} CNY of margin a year against "
        f"{round(_b(c, 'margin_per_year', False), -3):,.0f}"),
    "(2.5 against 3.7 on the 1-5 scale": lambda c: f"({_pair(c, 'price_sensitivity')} on the 1-5 scale",
    "(8.4 against 6.0 on the 0-10 scale)": lambda c: f"({_pair(c, 'recommend')} on the 0-10 scale)",
    "about 0.33 new customers each, the others about 0.05": lambda c: (
        f"about {_b(c, 'referrals', True):.2f} new customers each, the others about {_b(c, 'referrals', False):.2f}"),
    "All 84 respondents who rated the handling 5 are still customers; of the 17 who rated it 1, 14 are": lambda c: (
        ("All {:d} respondents who rated the handling 5 are still customers" if _handling(c).loc[5.0, "stay_rate"] == 1
         else "{:d} respondents who rated the handling 5: not all are still customers").format(
            int(_handling(c).loc[5.0, "customers"]))
        + f"; of the {int(_handling(c).loc[1.0, 'customers'])} who rated it 1, {int(_handling(c).loc[1.0, 'stayed'])} are"),
    # section 4: the matrix
    "About 37% of the respondents are loyalists and about 28% mercenaries": lambda c: (
        f"About {_share(c, 'loyalist')} of the respondents are loyalists and about {_share(c, 'mercenary')} mercenaries"),
    "Hostages are few (about 5%)": lambda c: f"Hostages are few (about {_share(c, 'hostage')})",
    "Defectors are about 30%": lambda c: f"Defectors are about {_share(c, 'defector')}",
    "more than two in five of the satisfied": lambda c: (
        "more than two in five of the satisfied" if _satisfied_not_loyal(c) > 0.4 else "FIGURE CHANGED"),
    # section 5: Kano
    "must-be for about 54% of them": lambda c: f"must-be for about {_kano(c).loc['on_time_delivery', 'dominant_share']:.0%} of them",
    "Each feature has the category its Hengtai customers give it most often: on-time delivery is a basic need": lambda c: (
        "Each feature has the category its Hengtai customers give it most often: on-time delivery is a basic need"
        if _kano(c)["dominant"].tolist() == ["M", "O", "A", "I"] else "FIGURE CHANGED"),
    # section 6: loyal customers on the warning list
    "55 customers the survey found loyal": lambda c: f"{len(_warned(c))} customers the survey found loyal",
    "about 1.0 million CNY of margin": lambda c: f"about {_warned(c)['value_at_risk_cny'].iloc[0] / 1e6:.1f} million CNY of margin",
    "orders down by 40% or more": lambda c: f"orders down by {1 - DECLINE_RATIO:.0%} or more",
    # section 7: employees
    "lost about 55% of the time, against about 17%": lambda c: (
        f"lost about {_changes(c).loc['3+', 'lost_share']:.0%} of the time, against about {_low_changes(c):.0%}"),
    "between 75% and 78% in every tenure band": lambda c: (
        f"between {_tenure(c)['kept_share'].min():.0%} and {_tenure(c)['kept_share'].max():.0%} in every tenure band"),
    "about 1.8 manager changes each, against 0.5": lambda c: (
        f"about {_tenure(c)['manager_changes'].iloc[0]:.1f} manager changes each, against "
        f"{_tenure(c)['manager_changes'].iloc[-1]:.1f}"),
    # section 8: the claims
    "about 68% ordered within 90 days of the survey, of the satisfied about 33%: about twice as often": lambda c: (
        f"about {_by_satisfaction(c).loc[5, 'repurchase_share']:.0%} ordered within {WINDOW} days of the survey, of the "
        f"satisfied about {_by_satisfaction(c).loc[4, 'repurchase_share']:.0%}: "
        + TIMES[round(_ratio(c))]),
    "planted a ratio of 2.5": lambda c: f"planted a ratio of {_planted_ratio():.1f}",
    "would rise by about 1.9%": lambda c: f"would rise by about {_five_points(c):.1%}",
    # lesson07.py's texts
    "about two in five satisfied customers are not loyal": lambda c: (
        "about two in five satisfied customers are not loyal" if round(5 * _satisfied_not_loyal(c)) == 2 else
        f"about {_satisfied_not_loyal(c):.0%} of the satisfied customers are not loyal"),
    "about twice as often, not six times": lambda c: f"{TIMES[round(_ratio(c))]}, not six times",
    # the Chinese edition's prose
    "相关系数约为 0.67 到 0.68": lambda c: "相关系数约为 {:.2f} 到 {:.2f}".format(*_correlations(c)),
    "克朗巴哈系数约为 0.86": lambda c: f"克朗巴哈系数约为 {_agreement(c).attrs['alpha']:.2f}",
    "每年下单约 6.6 次，其他客户为 4.3 次": lambda c: (
        f"每年下单约 {_b(c, 'orders_per_year', True):.1f} 次，其他客户为 {_b(c, 'orders_per_year', False):.1f} 次"),
    "每年带来约 8.6 万元毛利，其他客户为 5.7 万元": lambda c: (
        f"每年带来约 {_b(c, 'margin_per_year', True) / 1e4:.1f} 万元毛利，其他客户为 {_b(c, 'margin_per_year', False) / 1e4:.1f} 万元"),
    "量表上为 2.5 分对 3.7 分": lambda c: f"量表上为 {_pair(c, 'price_sensitivity', word='分对')} 分",
    "量表上为 8.4 分对 6.0 分": lambda c: f"量表上为 {_pair(c, 'recommend', word='分对')} 分",
    "约 0.33 位新客户，其他客户约为 0.05 位": lambda c: (
        f"约 {_b(c, 'referrals', True):.2f} 位新客户，其他客户约为 {_b(c, 'referrals', False):.2f} 位"),
    "打 5 分的 84 位受访客户全部仍是客户；打 1 分的 17 位中，有 14 位仍是客户": lambda c: (
        (f"打 5 分的 {int(_handling(c).loc[5.0, 'customers'])} 位受访客户全部仍是客户" if _handling(c).loc[5.0, "stay_rate"] == 1
         else "FIGURE CHANGED")
        + f"；打 1 分的 {int(_handling(c).loc[1.0, 'customers'])} 位中，有 {int(_handling(c).loc[1.0, 'stayed'])} 位仍是客户"),
    "约 37% 的受访客户是忠诚者，约 28% 是唯利是图者": lambda c: (
        f"约 {_share(c, 'loyalist')} 的受访客户是忠诚者，约 {_share(c, 'mercenary')} 是唯利是图者"),
    "满意客户中超过五分之二": lambda c: "满意客户中超过五分之二" if _satisfied_not_loyal(c) > 0.4 else "FIGURE CHANGED",
    "人质型客户很少（约 5%）": lambda c: f"人质型客户很少（约 {_share(c, 'hostage')}）",
    "叛离者约占 30%": lambda c: f"叛离者约占 {_share(c, 'defector')}",
    "约 54% 的客户认为它是必备型": lambda c: f"约 {_kano(c).loc['on_time_delivery', 'dominant_share']:.0%} 的客户认为它是必备型",
    "订单比上一年下降 40% 或更多": lambda c: f"订单比上一年下降 {1 - DECLINE_RATIO:.0%} 或更多",
    "目前有 55 位在预警名单上": lambda c: f"目前有 {len(_warned(c))} 位在预警名单上",
    "约 100 万元毛利": lambda c: f"约 {_warned(c)['value_at_risk_cny'].iloc[0] / 1e4:.0f} 万元毛利",
    "约 55% 流失了；没有更换或只换过一次的客户，流失比例约为 17%": lambda c: (
        f"约 {_changes(c).loc['3+', 'lost_share']:.0%} 流失了；没有更换或只换过一次的客户，流失比例约为 {_low_changes(c):.0%}"),
    "都在 75% 到 78% 之间": lambda c: f"都在 {_tenure(c)['kept_share'].min():.0%} 到 {_tenure(c)['kept_share'].max():.0%} 之间",
    "约 1.8 次客户经理更换，而司龄八年及以上的销售人员的客户只有 0.5 次": lambda c: (
        f"约 {_tenure(c)['manager_changes'].iloc[0]:.1f} 次客户经理更换，而司龄八年及以上的销售人员的客户只有 "
        f"{_tenure(c)['manager_changes'].iloc[-1]:.1f} 次"),
    "约 68% 在调查后 90 天内下了单；满意的受访客户中约为 33%：约两倍": lambda c: (
        f"约 {_by_satisfaction(c).loc[5, 'repurchase_share']:.0%} 在调查后 {WINDOW} 天内下了单；满意的受访客户中约为 "
        f"{_by_satisfaction(c).loc[4, 'repurchase_share']:.0%}：{TIMES_ZH[round(_ratio(c))]}"),
    "预设的比值是 2.5": lambda c: f"预设的比值是 {_planted_ratio():.1f}",
    "毛利约增加 1.9%": lambda c: f"毛利约增加 {_five_points(c):.1%}",
    "满意的客户中约有五分之二并不忠诚": lambda c: (
        "满意的客户中约有五分之二并不忠诚" if round(5 * _satisfied_not_loyal(c)) == 2 else "FIGURE CHANGED"),
    "约为满意客户的两倍，而不是六倍": lambda c: f"约为满意客户的{TIMES_ZH[round(_ratio(c))].removeprefix('约')}，而不是六倍",
}

NOT_HENGTAI = {
    "(1 = very dissatisfied, 4 = satisfied, 5 = very satisfied)": "the survey's answer scale",
    "(1 to 5)": "the survey's answer scale",
    "the mean is 3.5 or more": "the course's loyalty threshold (lesson07 / loyalty.loyalty_matrix default)",
    "satisfaction is 4 or 5": "the course's satisfaction threshold",
    "(0 to 1; 0.7 or more is the usual rule of thumb)": "Cronbach's alpha's range and the literature's rule of thumb",
    "a 5% price rise": "the wording of the survey's price-sensitivity question",
    "the handling 5": "an answer on the 1-5 scale",
    "meet 100% of the basic": "the Loyalty article's words",
    "Read as 5% of the respondents": "the course's reading of the essay's five percentage points",
    "(1-3)": "answers on the satisfaction scale",
    "(4-5)": "answers on the satisfaction scale",
    "45-minute class": "the length of the short version of the lesson",
    # lesson07.py's texts (exercise prompts, hints, options, quiz)
    "satisfaction 4 or 5": "the course's satisfaction threshold",
    "below 3.5": "the course's loyalty threshold",
    "满意度 4 分或 5 分": "the course's satisfaction threshold",
    "低于 3.5": "the course's loyalty threshold",
    "very satisfied (5)": "an answer on the satisfaction scale",
    "satisfied means 4 or 5": "the course's satisfaction threshold",
    "非常满意（5 分）": "an answer on the satisfaction scale",
    "满意指 4 分或 5 分": "the course's satisfaction threshold",
    "A 24-hour technical": "an option of the decision (a service's description)",
    "24 小时技术支持热线": "an option of the decision (a service's description)",
    "a 24-hour line": "a decision option (a service's description)",
    "24 小时热线": "a decision option (a service's description)",
    "(satisfaction 5)": "an answer on the satisfaction scale",
    "(satisfaction 4)": "an answer on the satisfaction scale",
    "（满意度 5 分）": "an answer on the satisfaction scale",
    "（满意度 4 分）": "an answer on the satisfaction scale",
    "the share at 5 by the share at 4": "answers on the satisfaction scale",
    "5 分的比例除以 4 分的比例": "answers on the satisfaction scale",
    "everyone below 5": "answers on the satisfaction scale",
    "the satisfied (4)": "an answer on the satisfaction scale",
    "所有低于 5 分的客户": "answers on the satisfaction scale",
    "满意（4 分）的客户": "an answer on the satisfaction scale",
    "5 out of 5": "a made-up example in the quiz",
    "打了 5 分（满分 5 分）": "a made-up example in the quiz",
    "(0 to 1)": "Cronbach's alpha's range (glossary)",
    "客户 100% 的基本需求": "the Loyalty article's words",
    "（1 = 非常不满意，4 = 满意，5 = 非常满意）": "the survey's answer scale",
    "（1 到 5 分）": "the survey's answer scale",
    "平均值达到 3.5 或以上": "the course's loyalty threshold",
    "满意度为 4 分或 5 分": "the course's satisfaction threshold",
    "通常的经验标准是 0.7 或以上": "the literature's rule of thumb for Cronbach's alpha",
    "（0 到 1；": "Cronbach's alpha's range",
    "在 1 到 5 分的": "the survey's answer scale",
    "价格上涨 5% 时": "the wording of the survey's price-sensitivity question",
    "在 0 到 10 分的": "the survey's answer scale",
    "对投诉处理打 5 分": "an answer on the 1-5 scale",
    "理解为 5% 的受访客户": "the course's reading of the essay's five percentage points",
    "（1 到 3 分）": "answers on the satisfaction scale",
    "（4 到 5 分）": "answers on the satisfaction scale",
    "45 分钟的课": "the length of the short version of the lesson",
}
