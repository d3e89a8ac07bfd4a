"""Figures lesson 03 quotes, checked against the data (see tests/test_prose_figures.py).

Each function writes its phrase from the shipped tables (``case``), or, for the lesson's stated
assumptions (hours per stage, the score's points and weights), from the constants of ``crmlessons.man``
that the lesson's functions use: a change there that the prose does not follow makes the test fail.
"""

import math

from crmlessons import man


def _outcomes(case):
    return man.combination_outcomes(case.leads)


def _need_rule(case):
    need = case.leads["need_strength"]
    return f"({need.min()}–{need.max()}) | {man.NEED_MIN} or {need.max()}"


def _few_wins_without_money(case):
    table = _outcomes(case)
    return f"{int(table.loc[~table['M'], 'won'].max())} wins or fewer"


def _hours_per_m_a_n_win(case):
    cost = man.chase_cost(case.leads).loc["m+A+n"]
    single = "a single" if cost["won"] == 1 else f"{int(cost['won'])}"
    return f"more than {math.floor(cost['hours_per_win'] / 1000) * 1000:,} hours bought {single} m+A+n deal"


def _authority_points(case):
    p = man.AUTHORITY_POINTS
    return f"decision maker {p['decision_maker']:g}, influencer {p['influencer']:g}, user {p['user']:g}"


def _top_need(case):
    low, high = sorted(sorted(man.NEED_POINTS, key=man.NEED_POINTS.get)[-2:])
    return f"strength {low}–{high} counts most"


def _weights(case):
    return "weighted " + " / ".join(f"{100 * man.WEIGHTS[k]:.0f}" for k in ("money", "authority", "need", "timeline"))


def _wins_without_authority(case):
    table = man.win_rate_by(case.leads, "decision_power")
    return f"{int(table['won'].sum() - table.loc['decision_maker', 'won'])} of the {int(table['won'].sum())} wins"


def _roles(case):
    table = man.win_rate_by(case.leads, "contact_role")
    plant, engineer = table.loc["plant_manager"], table.loc["engineer"]
    return (f"Plant managers won {int(plant['won'])} of their {int(plant['leads'])} cohort leads, "
            f"engineers {int(engineer['won'])} of {int(engineer['leads'])}")


def _need_developed(case):
    rates = _outcomes(case)["win_rate"]
    half = rates["M+A+n"] / rates["M+A+N"]
    like = rates["M+A+n"] / rates["M+a+N"]
    words = "about half as often" if 0.4 <= half <= 0.6 else f"{half:.2f} times as often"
    same = "about as often" if abs(like - 1) <= 0.15 else f"{like:.2f} times as often"
    return (f"M+A+n leads win {words} as M+A+N ones ({rates['M+A+n']:.3f} against {rates['M+A+N']:.3f}), "
            f"{same} as M+a+N leads ({rates['M+a+N']:.3f})")


FIGURES = {
    "4,000 leads": lambda case: f"{len(case.leads):,} leads",
    "(1–5) | 4 or 5": _need_rule,
    "5 wins or fewer": _few_wins_without_money,
    "(1 hour if it never got past": lambda case: f"({man.STAGE_HOURS['prospect']:g} hour if it never got past",
    "up to 40 hours for a won deal": lambda case: f"up to {man.STAGE_HOURS['won']:g} hours for a won deal",
    "costs 250 CNY": lambda case: f"costs {man.COST_PER_HOUR:g} CNY",
    "more than 1,000 hours bought a single m+A+n deal": _hours_per_m_a_n_win,
    "decision maker 1, influencer 0.5, user 0.2": _authority_points,
    "strength 4–5 counts most": _top_need,
    "weighted 30 / 30 / 30 / 10": _weights,
    "32 of the 83 wins": _wins_without_authority,
    "Plant managers won 1 of their 260 cohort leads, engineers 13 of 274": _roles,
    "M+A+n leads win about half as often as M+A+N ones (0.065 against 0.132), about as often as M+a+N leads (0.069)":
        _need_developed,
}

NOT_HENGTAI = {
    "from 0 to 100": "the scale of the course's score (man.score), a rule of the course, tested in tests/test_man.py",
    "a ratio near 1": "a hypothetical result on a firm's own data (no difference between full-MAN leads and the rest)",
    "5 or fewer of 100 prospects": "the Key-account CRM course's success-probability example (of 100 prospects, 5 "
                                   "or fewer close), announcing lesson 04",
    "100 家潜在客户最后只有 5 家或更少": "the same example of the Key-account CRM course in Chinese",
    "of 5": "the need scale (need strength 1 to 5) in the decision's description of a lead",
    "（满分 5）": "the same scale in Chinese",
}
