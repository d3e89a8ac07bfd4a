"""Figures lesson 03 quotes, checked against the data (see tests/test_prose_figures.py).

Each function writes its phrase from the shipped tables (``case``), or, for the lesson's stated
assumptions (hours per stage, the score's points and weights), from the constants of ``crmlessons.man``
that the lesson's functions use: a change there that the prose does not follow makes the test fail.
Each figure is computed once and written in both editions' words (English, then Chinese).
"""

import math

from crmlessons import man


def _outcomes(case):
    return man.combination_outcomes(case.leads)


def _need_range(case):
    need = case.leads["need_strength"]
    return need.min(), need.max()


def _need_rule(case):
    low, high = _need_range(case)
    return f"({low}–{high}) | {man.NEED_MIN} or {high}"


def _need_rule_zh(case):
    low, high = _need_range(case)
    return f"（{low}–{high}） | {man.NEED_MIN} 或 {high}"


def _most_wins_without_money(case):
    table = _outcomes(case)
    return int(table.loc[~table["M"], "won"].max())


def _m_a_n_cost(case):
    """(hours per m+A+n win rounded down to thousands, number of m+A+n wins)."""
    cost = man.chase_cost(case.leads).loc["m+A+n"]
    return math.floor(cost["hours_per_win"] / 1000) * 1000, int(cost["won"])


def _hours_per_m_a_n_win(case):
    hours, won = _m_a_n_cost(case)
    single = "a single" if won == 1 else f"{won}"
    return f"more than {hours:,} hours bought {single} m+A+n deal"


def _hours_per_m_a_n_win_zh(case):
    hours, won = _m_a_n_cost(case)
    single = "一笔" if won == 1 else f" {won} 笔"
    return f"超过 {hours:,} 个工时才换来{single} m+A+n 成交"


def _authority_points(case):
    p = man.AUTHORITY_POINTS
    return f"decision maker {p['decision_maker']:g}, influencer {p['influencer']:g}, user {p['user']:g}"


def _authority_points_zh(case):
    p = man.AUTHORITY_POINTS
    return f"决策者 {p['decision_maker']:g}，影响者 {p['influencer']:g}，使用者 {p['user']:g}"


def _top_need_range(case):
    return sorted(sorted(man.NEED_POINTS, key=man.NEED_POINTS.get)[-2:])


def _top_need(case):
    low, high = _top_need_range(case)
    return f"strength {low}–{high} counts most"


def _top_need_zh(case):
    low, high = _top_need_range(case)
    return f"需求强度 {low}–{high} 得分最高"


def _weight_list(case):
    return " / ".join(f"{100 * man.WEIGHTS[k]:.0f}" for k in ("money", "authority", "need", "timeline"))


def _wins_by_authority(case):
    """(wins where the contact does not decide, all wins) in the cohort."""
    table = man.win_rate_by(case.leads, "decision_power")
    total = int(table["won"].sum())
    return total - int(table.loc["decision_maker", "won"]), total


def _wins_without_authority(case):
    without, total = _wins_by_authority(case)
    return f"{without} of the {total} wins"


def _wins_without_authority_zh(case):
    without, total = _wins_by_authority(case)
    return f"{total} 笔成交中有 {without} 笔"


def _role_counts(case):
    """(plant managers' leads, their wins, engineers' leads, their wins) in the cohort."""
    table = man.win_rate_by(case.leads, "contact_role")
    plant, engineer = table.loc["plant_manager"], table.loc["engineer"]
    return int(plant["leads"]), int(plant["won"]), int(engineer["leads"]), int(engineer["won"])


def _roles(case):
    plant_leads, plant_won, engineer_leads, engineer_won = _role_counts(case)
    return (f"Plant managers won {plant_won} of their {plant_leads} cohort leads, "
            f"engineers {engineer_won} of {engineer_leads}")


def _roles_zh(case):
    plant_leads, plant_won, engineer_leads, engineer_won = _role_counts(case)
    return f"厂长的 {plant_leads} 条同期群线索只成交了 {plant_won} 条，工程师的 {engineer_leads} 条成交了 {engineer_won} 条"


def _need_rates(case):
    """Win rates of M+A+n, M+A+N and M+a+N, and whether M+A+n wins about half as often as M+A+N and
    about as often as M+a+N (the words the prose uses), else the ratios."""
    rates = _outcomes(case)["win_rate"]
    half = rates["M+A+n"] / rates["M+A+N"]
    like = rates["M+A+n"] / rates["M+a+N"]
    return rates, half, like, 0.4 <= half <= 0.6, abs(like - 1) <= 0.15


def _need_developed(case):
    rates, half, like, is_half, is_like = _need_rates(case)
    words = "about half as often" if is_half else f"{half:.2f} times as often"
    same = "about as often" if is_like else f"{like:.2f} times as often"
    return (f"M+A+n leads win {words} as M+A+N ones ({rates['M+A+n']:.3f} against {rates['M+A+N']:.3f}), "
            f"{same} as M+a+N leads ({rates['M+a+N']:.3f})")


def _need_developed_zh(case):
    rates, half, like, is_half, is_like = _need_rates(case)
    words = "约为 M+A+N 线索的一半" if is_half else f"为 M+A+N 线索的 {half:.2f} 倍"
    same = "相当" if is_like else f"的 {like:.2f} 倍"
    return (f"M+A+n 线索的赢单率{words}（{rates['M+A+n']:.3f} 对 {rates['M+A+N']:.3f}），"
            f"与 M+a+N 线索（{rates['M+a+N']:.3f}）{same}")


FIGURES = {
    "4,000 leads": lambda case: f"{len(case.leads):,} leads",
    "4,000 条线索": lambda case: f"{len(case.leads):,} 条线索",
    "(1–5) | 4 or 5": _need_rule,
    "（1–5） | 4 或 5": _need_rule_zh,
    "5 wins or fewer": lambda case: f"{_most_wins_without_money(case)} wins or fewer",
    "成交不超过 5 笔": lambda case: f"成交不超过 {_most_wins_without_money(case)} 笔",
    "(1 hour if it never got past": lambda case: f"({man.STAGE_HOURS['prospect']:g} hour if it never got past",
    "阶段的线索计 1 小时": lambda case: f"阶段的线索计 {man.STAGE_HOURS['prospect']:g} 小时",
    "up to 40 hours for a won deal": lambda case: f"up to {man.STAGE_HOURS['won']:g} hours for a won deal",
    "成交的线索最多计 40 小时": lambda case: f"成交的线索最多计 {man.STAGE_HOURS['won']:g} 小时",
    "costs 250 CNY": lambda case: f"costs {man.COST_PER_HOUR:g} CNY",
    "每小时的时间成本为 250 元": lambda case: f"每小时的时间成本为 {man.COST_PER_HOUR:g} 元",
    "more than 1,000 hours bought a single m+A+n deal": _hours_per_m_a_n_win,
    "超过 1,000 个工时才换来一笔 m+A+n 成交": _hours_per_m_a_n_win_zh,
    "decision maker 1, influencer 0.5, user 0.2": _authority_points,
    "决策者 1，影响者 0.5，使用者 0.2": _authority_points_zh,
    "strength 4–5 counts most": _top_need,
    "需求强度 4–5 得分最高": _top_need_zh,
    "weighted 30 / 30 / 30 / 10": lambda case: f"weighted {_weight_list(case)}",
    "权重为 30 / 30 / 30 / 10": lambda case: f"权重为 {_weight_list(case)}",
    "32 of the 83 wins": _wins_without_authority,
    "83 笔成交中有 32 笔": _wins_without_authority_zh,
    "Plant managers won 1 of their 260 cohort leads, engineers 13 of 274": _roles,
    "厂长的 260 条同期群线索只成交了 1 条，工程师的 274 条成交了 13 条": _roles_zh,
    "M+A+n leads win about half as often as M+A+N ones (0.065 against 0.132), about as often as M+a+N leads (0.069)":
        _need_developed,
    "M+A+n 线索的赢单率约为 M+A+N 线索的一半（0.065 对 0.132），与 M+a+N 线索（0.069）相当": _need_developed_zh,
}

NOT_HENGTAI = {
    "from 0 to 100": "the scale of the course's score (man.score), a rule of the course, tested in tests/test_man.py",
    "0 到 100": "the same scale of the course's score in Chinese",
    "a ratio near 1": "a hypothetical result on a firm's own data (no difference between full-MAN leads and the rest)",
    "比值接近 1": "the same hypothetical result in Chinese",
    "5 or fewer of 100 prospects": "the Key-account CRM course's success-probability example (of 100 prospects, 5 "
                                   "or fewer close), announcing lesson 04",
    "100 家潜在客户最后只有 5 家或更少": "the same example of the Key-account CRM course in Chinese",
    "of 5": "the need scale (need strength 1 to 5) in the decision's description of a lead",
    "（满分 5）": "the same scale in Chinese",
}
