"""Figures lesson 04 quotes, checked against the data (see tests/test_prose_figures.py).

Each function writes its phrase from the case (``datasets.load_case()``), so a change of data that changes
a figure, a stage or a letter the prose names makes the test fail and say which phrase to update.
"""

import inspect

from crmlessons import datasets, funnel
from crmlessons.datasets.dictionary import value_labels
from crmlessons.lessons import lesson04
from crmlessons.lessons.lesson04 import SHORTER_CYCLE_DAYS, WIN_RATE_POINTS


def _table(case):
    return funnel.conversion(case.stage_history)


def _rate(case, stage) -> str:
    return f"{_table(case).loc[stage, 'conversion']:.0%}"


def _planted(name) -> float:
    return float(datasets.planted_effects().set_index("name").loc[name, "value"])


def _leak(case) -> tuple[bool, int]:
    """Whether the biggest leak also loses the most leads, and how many it loses."""
    leak = funnel.biggest_leak(case.stage_history)
    assert leak == "proposal", "the prose names 'proposal' as the biggest leak"
    lost = _table(case)["lost"]  # 'lost' on a row: leads that stopped at the stage before it
    return lost.idxmax() == leak, int(lost[leak])


def _leak_sentence(case) -> str:
    most, lost = _leak(case)
    also = "also loses" if most else "does not lose"
    return f"keeps the smallest share, and {also} the most leads, {lost:,}"


def _leak_zh(case) -> str:
    most, lost = _leak(case)
    return f"这一步留下的比例最小，流失的线索{'也最多' if most else '却不是最多'}，共 {lost:,} 条"


def _about_half(case) -> bool:
    """Whether about half of the leads go on at each of the last two steps."""
    return all(abs(_table(case).loc[s, "conversion"] - 0.5) < 0.05 for s in ("negotiation", "won"))


def _chain_planted(case, words: str = "{:.0%}, {:.0%}, {:.0%} and {:.0%} of the prospects were made to reach") -> str:
    reach = [_planted(f"reach_{s}") for s in ("contacted", "talking_business", "proposal", "negotiation")]
    return words.format(*reach)


def _chain_leaks_at_proposal() -> bool:
    rates = funnel.conversion_from_counts(funnel.SOURCE_EXAMPLE)["conversion"].iloc[1:]
    return rates.idxmin() == "proposal"


def _chain_leak(case) -> str:
    return ("the course's chain sends on a smaller share into proposal" if _chain_leaks_at_proposal()
            else "the course's chain sends on a smaller share elsewhere")


def _cycle(case):
    return funnel.cycle_length(case.leads)


def _big_deals(case) -> int:
    return int(funnel.breakdown(case.leads, by="size_band")["won"].get("1.5M+", 0))


def _no_big_deal(case) -> str:
    big = _big_deals(case)
    return "No deal above 1.5 million yuan was won" if big == 0 else f"{big} deals above 1.5 million yuan were won"


def _no_big_deal_zh(case) -> str:
    big = _big_deals(case)
    return ("同期群中没有赢下任何一笔 150 万元以上的生意" if big == 0
            else f"同期群中赢下了 {big} 笔 150 万元以上的生意")


# ---- SP003, the salesperson the notebook reads row by row

def _sp003(case):
    return funnel.compare_to_team(case.stage_history, case.leads, "SP003")


def _sp003_stage(case) -> str:
    return funnel.work_on_first(case.stage_history, case.leads).loc["SP003", "work_on"]


def _sp003_row(case) -> str:
    return f"SP003's gap that matters most is the **{_sp003_stage(case)}** row"


def _sp003_row_zh(case) -> str:
    stage = _sp003_stage(case)
    return f"SP003 最值得关注的差距在 **{stage}**（{value_labels('stage')[stage]['zh']}）这一行"


def _sp003_rates(case) -> str:
    row = _sp003(case).loc["negotiation"]
    return f"only {row['own']:.0%} of SP003's proposals get into negotiation, against the team's {row['team']:.0%}"


def _sp003_rates_zh(case) -> str:
    row = _sp003(case).loc["negotiation"]
    return f"SP003 的方案报价只有 {row['own']:.0%} 进入商务谈判，团队是 {row['team']:.0%}"


def _sp003_extra(case, words: dict) -> str:
    """SP003's extra deals at negotiation; ``words`` = the phrase and whether it is the most, in one language."""
    table = _sp003(case)
    most = table["extra_deals"].idxmax() == "negotiation"
    return words["phrase"].format(table.loc["negotiation", "extra_deals"], words[most])


def _sp003_won(case, words: dict) -> str:
    """SP003's closing gap compared with the negotiation gap; ``words`` in one language."""
    table = _sp003(case)
    won, neg = table.loc["won"], table.loc["negotiation"]
    width = "same" if round(won["gap"], 2) == round(neg["gap"], 2) else (
        "wider" if won["gap"] > neg["gap"] else "narrower")
    return words["phrase"].format(words[width], won["own"], won["team"], int(won["own_leads"]))


_SP003_EXTRA_EN = {"phrase": "add about {:.1f} deals, {}", True: "more than at any other step", False: "not the most"}
_SP003_EXTRA_ZH = {"phrase": "大约能多成交 {:.1f} 笔，{}", True: "比其他任何一步都多", False: "不是最多"}
_SP003_WON_EN = {"phrase": "a gap {}, {:.0%} against {:.0%}, but it rests on {} negotiations",
                 "same": "as wide", "wider": "wider", "narrower": "narrower"}
_SP003_WON_ZH = {"phrase": "差距{}，{:.0%} 对 {:.0%}，但它只基于 {} 次商务谈判",
                 "same": "一样大", "wider": "更大", "narrower": "更小"}


def _sp003_swing(case, words: str = "moves that rate by {:.0f} points") -> str:
    return words.format(100 / _sp003(case).loc["won", "own_leads"])


def _min_leads(words: str):
    default = inspect.signature(funnel.work_on_first).parameters["min_leads"].default
    return lambda case: words.format(default)


# ---- the decisions on the shipped data

def _coach(case):
    person, stage = lesson04._coachee(case.stage_history, case.leads)
    return person, stage, funnel.compare_to_team(case.stage_history, case.leads, person)


def _coach_en(case) -> str:
    person, stage, table = _coach(case)
    row = table.loc[stage]
    return (f"{person}'s {stage} row: only {row['own']:.0%} of {person}'s proposals get into negotiation, "
            f"against the team's {row['team']:.0%}, so the best choice is {lesson04.COACH_LETTERS[stage]}")


def _coach_zh(case) -> str:
    person, stage, table = _coach(case)
    row = table.loc[stage]
    return (f"{person} 的 {stage} 行：{person} 的方案报价只有 {row['own']:.0%} 进入商务谈判，团队为 "
            f"{row['team']:.0%}，所以最好的选择是 {lesson04.COACH_LETTERS[stage]}")


def _coach_won(case, words) -> str:
    person, _, table = _coach(case)
    return words.format(int(table.loc["won", "own_leads"]))


def _lever(case):
    velocity, after, (n, value, rate, days) = lesson04._levers(case.leads)
    times = {k: v / velocity for k, v in after.items()}
    return times, rate, days, lesson04._lever_answer(case.leads)


def _lever_en(case) -> str:
    times, rate, days, best = _lever(case)
    return (f"the win rate is only {rate:.1%}, so one point more multiplies velocity by {times['B']:.2f}, more than "
            f"A's {times['A']:.2f}, C's {times['C']:.2f} (a cycle of {days:.0f} days) or D's {times['D']:.2f}: "
            f"the best choice is {best}")


def _lever_zh(case) -> str:
    times, rate, days, best = _lever(case)
    return (f"赢单率只有 {rate:.1%}，提高一个百分点使销售速度乘以 {times['B']:.2f}，高于 A 的 {times['A']:.2f}、"
            f"C 的 {times['C']:.2f}（销售周期为 {days:.0f} 天）和 D 的 {times['D']:.2f}：最好的选择是 {best}")


# ---- exercise solutions

def _referral(case):
    leads = case.leads[case.leads["source_channel"] == "referral"]
    cohort = leads[leads["created_date"] < funnel.COHORT_END]
    return int((cohort["outcome"] == "won").sum()), len(cohort), funnel.win_rate(leads), funnel.win_rate(case.leads)


def _referral_en(case) -> str:
    won, n, rate, team = _referral(case)
    return f"{won} of the {n} referral leads in the cohort were won, a win rate of {rate:.3f}, against {team:.3f}"


def _referral_zh(case) -> str:
    won, n, rate, team = _referral(case)
    return f"{n} 条转介绍线索赢单 {won} 条，赢单率 {rate:.3f}，整个团队是 {team:.3f}"


def _group_close(case, words) -> str:
    own = lesson04._group_rates(case.stage_history, case.leads)
    assert own.idxmin() == "won", "the solution names 'won' as the M+a+n leads' leak"
    return words.format(own["won"], _table(case).loc["won", "conversion"])


def _needed(case, words) -> str:
    rate = funnel.win_rate(case.leads)
    return words.format(needed=funnel.prospects_needed(5, rate, 0.9), rate=rate, naive=5 / rate)


def _pipeline(case):
    table = funnel.weighted_pipeline(case.leads)
    return table["weighted_cny"].sum(), table["value_cny"].sum()


def _stage_p(case, stage) -> float:
    return float(funnel.stage_win_probability(case.stage_history)[stage])


def _example():
    """The quiz's made-up example: 100 prospects at 5%, a target of 5 (a computation, not a Hengtai figure)."""
    return funnel.explore(100, funnel.SOURCE_RATES, target=5, confidence=0.9)


FIGURES = {
    # notebook, section 2: the funnel measured on the cohort
    "1,795 prospects": lambda case: f"{_table(case)['leads'].iloc[0]:,} prospects",
    "79% were contacted": lambda case: f"{_rate(case, 'contacted')} were contacted",
    "64% of those talked business": lambda case: f"{_rate(case, 'talking_business')} of those talked business",
    "only 40% of\n*those* received a proposal": lambda case: f"only {_rate(case, 'proposal')} of\n*those* received a proposal",
    "about half went on at each of the last two steps": lambda case: (
        "about half went on at each of the last two steps" if _about_half(case) else "changed"),
    "About 5 in 100 were won": lambda case: f"About {funnel.win_rate(case.leads) * 100:.0f} in 100 were won",
    "80%, 50%, 20% and 10% of the prospects were made to reach": _chain_planted,
    "and 5% to be won": lambda case: f"and {_planted('overall_win_rate'):.0%} to be won",
    "keeps the smallest share, and also loses\nthe most leads, 549": lambda case: _leak_sentence(case).replace(
        "also loses the", "also loses\nthe"),
    "the course's chain sends on a smaller share into proposal": _chain_leak,
    # section 3: cycle length by deal size
    "a median of 2.6 months": lambda case: f"a median of {_cycle(case).loc['<50k', 'median_months']:.1f} months",
    "take 10.1 months": lambda case: f"take {_cycle(case).loc['500k-1.5M', 'median_months']:.1f} months",
    "No deal above 1.5 million yuan was won": _no_big_deal,
    # section 4: SP003
    "SP003's gap that matters most is the **negotiation** row": _sp003_row,
    "only 29% of SP003's proposals get into\nnegotiation, against the team's 50%": lambda case: _sp003_rates(case).replace(
        " into negotiation", " into\nnegotiation"),
    "add about 1.4 deals, more than\nat any other step": lambda case: _sp003_extra(case, _SP003_EXTRA_EN).replace(
        "more than at", "more than\nat"),
    "a gap as wide, 25% against 46%, but it rests on 4 negotiations": lambda case: _sp003_won(case, _SP003_WON_EN),
    "moves that rate by 25 points": _sp003_swing,
    # the Chinese edition's prose (notebooks/zh/text/04_success_funnel.md), section by section
    "1,795 个潜在客户": lambda case: f"{_table(case)['leads'].iloc[0]:,} 个潜在客户",
    "79% 得到了接触": lambda case: f"{_rate(case, 'contacted')} 得到了接触",
    "其中 64% 进入谈生意": lambda case: f"其中 {_rate(case, 'talking_business')} 进入谈生意",
    "只有 40% 收到方案报价": lambda case: f"只有 {_rate(case, 'proposal')} 收到方案报价",
    "最后两步各有大约一半的线索继续往下走": lambda case: (
        "最后两步各有大约一半的线索继续往下走" if _about_half(case) else "changed"),
    "100 个潜在客户中大约有 5 个赢单": lambda case: (
        f"100 个潜在客户中大约有 {funnel.win_rate(case.leads) * 100:.0f} 个赢单"),
    "让 80%、50%、20% 和 10% 的潜在客户分别到达": lambda case: _chain_planted(
        case, "让 {:.0%}、{:.0%}、{:.0%} 和 {:.0%} 的潜在客户分别到达"),
    "5% 最终赢单": lambda case: f"{_planted('overall_win_rate'):.0%} 最终赢单",
    "这一步留下的比例最小，流失的线索也最多，共 549 条": _leak_zh,
    "进入方案报价的比例比进入其他任何阶段都小": lambda case: (
        "进入方案报价的比例比进入其他任何阶段都小" if _chain_leaks_at_proposal() else "changed"),
    "中位数是 2.6 个月": lambda case: f"中位数是 {_cycle(case).loc['<50k', 'median_months']:.1f} 个月",
    "则要 10.1 个月": lambda case: f"则要 {_cycle(case).loc['500k-1.5M', 'median_months']:.1f} 个月",
    "同期群中没有赢下任何一笔 150 万元以上的生意": _no_big_deal_zh,
    "SP003 最值得关注的差距在 **negotiation**（商务谈判）这一行": _sp003_row_zh,
    "SP003 的方案报价只有 29% 进入商务谈判，团队是 50%": _sp003_rates_zh,
    "大约能多成交 1.4 笔，比其他任何一步都多": lambda case: _sp003_extra(case, _SP003_EXTRA_ZH),
    "差距一样大，25% 对 46%，但它只基于 4 次商务谈判": lambda case: _sp003_won(case, _SP003_WON_ZH),
    "变动 25 个百分点": lambda case: _sp003_swing(case, "变动 {:.0f} 个百分点"),
    "（56%）": lambda case: f"（{funnel.deals_chance(100, 0.05, 5):.0%}）",
    "还有 231 条线索尚未结束": lambda case: f"还有 {(case.leads['outcome'] == 'open').sum()} 条线索尚未结束",
    "只计入约 5%": lambda case: f"只计入约 {_stage_p(case, 'prospect'):.0%}",
    # the rule's minimum, both languages
    "at least 10 leads": _min_leads("at least {} leads"),
    "fewer than 10 leads": _min_leads("fewer than {} leads"),
    "至少有 10 条线索": _min_leads("至少有 {} 条线索"),
    "少于 10 条线索": _min_leads("少于 {} 条线索"),
    "少于 10 的行": _min_leads("少于 {} 的行"),
    # section 6: the open pipeline
    "231 leads are still open": lambda case: f"{(case.leads['outcome'] == 'open').sum()} leads are still open",
    "about 46%": lambda case: f"about {_stage_p(case, 'negotiation'):.0%}",
    "约 46%": lambda case: f"约 {_stage_p(case, 'negotiation'):.0%}",
    "About 460,000 CNY": lambda case: f"About {round(1_000_000 * _stage_p(case, 'negotiation'), -4):,.0f} CNY",
    "约 46 万元": lambda case: f"约 {round(100 * _stage_p(case, 'negotiation')):.0f} 万元",
    "a fresh prospect for about 5%": lambda case: f"a fresh prospect for about {_stage_p(case, 'prospect'):.0%}",
    # exercise solutions
    "11 of the 192 referral leads in the cohort were won, a win rate of 0.057, against 0.046": _referral_en,
    "192 条转介绍线索赢单 11 条，赢单率 0.057，整个团队是 0.046": _referral_zh,
    "only 18% of their negotiations close (the team: 46%)": lambda case: _group_close(
        case, "only {:.0%} of their negotiations close (the team: {:.0%})"),
    "商务谈判只有 18% 能成交（团队为 46%）": lambda case: _group_close(case, "商务谈判只有 {:.0%} 能成交（团队为 {:.0%}）"),
    "SP040's negotiation row: only 23% of SP040's proposals get into negotiation, against the team's 50%, so the "
    "best choice is D": _coach_en,
    "SP040 的 negotiation 行：SP040 的方案报价只有 23% 进入商务谈判，团队为 50%，所以最好的选择是 D": _coach_zh,
    "but on 3 negotiations": lambda case: _coach_won(case, "but on {} negotiations"),
    "但只有 3 次商务谈判": lambda case: _coach_won(case, "但只有 {} 次商务谈判"),
    "(0.046), then": lambda case: _needed(case, "({rate:.3f}), then"),
    "= 171 prospects, far more than 5 / 0.046 = 108": lambda case: _needed(
        case, "= {needed} prospects, far more than 5 / {rate:.3f} = {naive:.0f}"),
    "（0.046），然后": lambda case: _needed(case, "（{rate:.3f}），然后"),
    "= 171 个潜在客户，远多于 5 / 0.046 = 108": lambda case: _needed(
        case, "= {needed} 个潜在客户，远多于 5 / {rate:.3f} = {naive:.0f}"),
    "about 12.1 million CNY, against 104 million": lambda case: "about {:.1f} million CNY, against {:.0f} million".format(
        *(v / 1e6 for v in _pipeline(case))),
    "约 1210 万元，而假如所有未结束线索都成交则是 1.04 亿元": lambda case: "约 {:.0f} 万元，而假如所有未结束线索都成交则是 {:.2f} 亿元".format(
        round(_pipeline(case)[0] / 1e5) * 10, _pipeline(case)[1] / 1e8),
    "the win rate is only 4.6%, so one point more multiplies velocity by 1.22, more than A's 1.15, C's 1.14 "
    "(a cycle of 165 days) or D's 1.10: the best choice is B": _lever_en,
    "赢单率只有 4.6%，提高一个百分点使销售速度乘以 1.22，高于 A 的 1.15、C 的 1.14（销售周期为 165 天）和 D 的 1.10："
    "最好的选择是 B": _lever_zh,
    # computations on the made-up 5% example (100 prospects, a target of 5): not Hengtai's data, but computed
    "(56%)": lambda case: f"({funnel.deals_chance(100, 0.05, 5):.0%})",
    "about 56% of the time": lambda case: f"about {funnel.deals_chance(100, 0.05, 5):.0%} of the time",
    "大约 56% 的时候": lambda case: f"大约 {funnel.deals_chance(100, 0.05, 5):.0%} 的时候",
    "you need 158 prospects": lambda case: f"you need {_example().needed} prospects",
    "需要 158 个潜在客户": lambda case: f"需要 {_example().needed} 个潜在客户",
    "in 90% of simulated funnels the result falls between 2 and 9": lambda case: (
        f"in {_example().level:.0%} of simulated funnels the result falls between {_example().low[-1]} and "
        f"{_example().high[-1]}"),
    "在 90% 的模拟漏斗中，结果落在 2 到 9 笔之间": lambda case: (
        f"在 {_example().level:.0%} 的模拟漏斗中，结果落在 {_example().low[-1]} 到 {_example().high[-1]} 笔之间"),
}

_SOURCE = "the Key-account CRM course's success probability (Figure 1-2): 100 prospects, 80, 50 or 20 talking business, 5 or fewer close"
_CHAIN = "the course's example chain (funnel.SOURCE_EXAMPLE: 100, 80, 50, 20, 10, 5), not Hengtai's data"
_STORY = "Li Na's story: her target (5 customers) and her colleague's rule of thumb (100 prospects, 5%)"
_MADE_UP = "a made-up quiz example, not Hengtai's data"
_PROGRAMME = "what a programme of decision 04.lever is assumed to do (lesson04.MORE_OPPORTUNITIES ...), not data"

NOT_HENGTAI = {
    # the source
    "from 100 prospects to 5 deals": _SOURCE + " (the lesson's title)",
    "从 100 个潜在客户到 5 笔成交": _SOURCE + " (the lesson's title)",
    "*From 100 prospects to 5 deals.*": _SOURCE,
    "of **100 prospects (潜在客户)**": _SOURCE,
    "Not 100. Perhaps **80** (a very good result), perhaps\n  **50**, or **20**": _SOURCE,
    "perhaps **5, or fewer**": _SOURCE,
    "of 100 prospects, 5 or fewer close": _SOURCE,
    "100 个潜在客户中成交的只有 5 个或更少": _SOURCE,
    "of 100 prospects, 80 (a very good result), 50 or 20 may reach": _SOURCE,
    "100 个潜在客户中，可能有 80 个（已是很好的成绩）、50 个或 20 个": _SOURCE,
    "5 or fewer close": _SOURCE,
    "5 个或更少": _SOURCE,
    "of 100 prospects, 80, 50 or 20 reach": _SOURCE,
    "100 个潜在客户中有 80、50 或 20 个": _SOURCE,
    "最后成交 5 个": _SOURCE,
    "of 100 prospects how many": _SOURCE + " (quiz)",
    "100 个潜在客户最后有多少个成交": _SOURCE + " (quiz)",
    "About 80": _SOURCE, "约 80 个": _SOURCE, "About 50": _SOURCE, "约 50 个": _SOURCE,
    "5 or fewer": _SOURCE, "All 100, given enough time": _SOURCE, "100 个都会": _SOURCE,
    "80 is a very good": _SOURCE, "80 个是进入": _SOURCE, "50 is one of the": _SOURCE, "50 个是资料中": _SOURCE,
    "In the source, 80, 50 or 20 of 100 prospects": _SOURCE,
    "资料中说，100 个潜在客户中有 80、50 或 20 个": _SOURCE,
    "one group of 100 prospects": _SOURCE, "一组 100 个潜在客户": _SOURCE,
    "the source's 100 → 5": _SOURCE + " (the widget's starting point)",
    "100 个潜在客户最后约成交 5 笔": "the quiz question compares Hengtai's funnel with the source's 100 → 5",
    "with about 5 deals in 100 prospects": "the quiz question compares Hengtai's funnel with the source's 100 → 5",
    "than 5 in 100 closing": "what would contradict the source's 5 in 100 on a firm's own records (quiz)",
    "如果 100 个中成交的远多于或远少于 5 个": "the same in Chinese",
    "many more than 5 in 100 prospects": "what would contradict the source's 5 in 100 on a firm's own records",
    # the course's chain
    "keeps the source's 100 prospects": _CHAIN,
    "(50 talking business) and its 5 deals": _CHAIN,
    "**80 contacted, 20 with a proposal, 10 in negotiation**. That 80 and that 20": _CHAIN,
    "80 contacted, 50 talking business, 20 with a proposal": _CHAIN + " (quiz)",
    "80 个已接触、50 个谈生意、20 个收到方案报价": _CHAIN + " (quiz)",
    # Li Na's story and the lesson's worked example at 5%
    "**5 new customers this year**": _STORY,
    "Work about 100 prospects,": _STORY,
    "our win rate is 5%.": _STORY,
    "5 deals at her colleague's round 5%": _STORY,
    '"5 ÷ 0.05 = 100 prospects" gives 5 deals': _STORY,
    "with 100 prospects she reaches 5 deals": _STORY,
    "**90% sure (把握程度)**": "the confidence Li Na chooses in the worked example",
    "chance of at least 5 deals, P(Binomial(n, 0.05) ≥ 5), is at least 0.9": "the worked example's formula",
    "a round 5% win rate": _STORY, "整数 5% 的赢单率": _STORY,
    "90% sure of at least 5 new customers": "Li Na's plan (lesson04.TARGET, CONFIDENCE)",
    "90% 的把握至少赢得 5 个新客户": "Li Na's plan (lesson04.TARGET, CONFIDENCE)",
    "at least 5 deals with 90% confidence, as the lesson did for 5%": "Li Na's plan and the worked example",
    "more than 5 ÷ rate": "Li Na's target of 5 over the win rate (the naive plan)",
    "90% 的把握至少成交 5 笔": "Li Na's plan", "本课对 5% 所做的": "the worked example at 5%",
    "5 ÷ 赢单率": "Li Na's target of 5 over the win rate (the naive plan)",
    "5 ÷ rate gives 5 deals": "Li Na's target over the win rate (the naive plan)",
    "只是平均能成交 5 笔": "Li Na's target", "Ask for 90% confidence": "Li Na's plan", "请按 90% 的把握": "Li Na's plan",
    "a 50% chance": "a coin toss: the confidence of the naive plan", "50% 把握": "a coin toss",
    "asks for 90%": "Li Na's plan", "题目要求 90%": "Li Na's plan",
    "the colleague's round 5%": _STORY, "同事的整数 5%": _STORY,
    "prospects_needed(5, rate, confidence=0.9)": "code in a solution",
    # size bands and the lesson's versions
    "under 50,000 yuan": "the edge of a size band (funnel.SIZE_EDGES), not a figure",
    "half a million to 1.5 million yuan": "the edges of a size band (funnel.SIZE_EDGES), not a figure",
    "a 45-minute class": "the short version of the lesson (LESSON.skip_for_45)",
    "45 分钟的课": "the short version of the lesson (LESSON.skip_for_45)",
    "5 万元以下": "the edge of a size band (funnel.SIZE_EDGES), not a figure",
    "50 万至 150 万元": "the edges of a size band (funnel.SIZE_EDGES), not a figure",
    # the Chinese edition's prose: the source, the course's chain, Li Na's story, the widget
    "在 **100 个潜在客户**中": _SOURCE,
    "不会是 100 个。可能是 **80** 个（这已经是非常不错的成绩），也可能是 **50** 个，或者 **20** 个": _SOURCE,
    "保留了资料中的 100 个潜在客户": _CHAIN,
    "（50 个谈生意）和最后的 5 笔成交": _CHAIN,
    "**80 个已接触、20 个收到方案报价、10 个进入商务谈判**。这里的 80 和 20": _CHAIN,
    "100 个潜在客户中成交的远多于 5 个": "what would contradict the source's 5 in 100 on a firm's own records",
    "**今年拿下 5 个新客户**": _STORY,
    "跟进 100 个左右的潜在客户": _STORY,
    "我们的赢单率（win rate）是 5%": _STORY,
    "要按同事的整数 5% 拿下 5 笔成交": _STORY,
    "“5 ÷ 0.05 = 100 个潜在客户”只是*平均*能成交 5 笔": _STORY,
    "跟进 100 个潜在客户，她只有大约一半的机会": _STORY,
    "拿到 5 笔": _STORY,
    "**把握程度**（confidence）是 **90%**": "the confidence Li Na chooses in the worked example",
    "使至少成交 5 笔的概率 P(Binomial(n, 0.05) ≥ 5) 不低于 0.9": "the worked example's formula",
    "资料中的 100 → 5": _SOURCE + " (the widget's starting point)",
    "2,000 次模拟中 90% 的漏斗": "the widget's chance band and number of simulated funnels (funnel.explore defaults)",
    "把目标设为 1": "a setting to try in the widget", "赢单率为 5% 时，跟进 20 个潜在客户": "a setting to try in the widget",
    "调高 10 个百分点": "a setting to try in the widget", "从 50% 调到 99%": "the confidence slider's range",
    # the widget
    "90% of 2,000 simulated\nfunnels": "the widget's chance band and number of simulated funnels (funnel.explore defaults)",
    "Set the target to 1": "a setting to try in the widget", "from 20 prospects at 5%": "a setting to try in the widget",
    "slider by 10 points": "a setting to try in the widget", "from 50% to 99%": "the confidence slider's range",
    # quiz examples
    "200 leads reached 'proposal' and 100 of them": _MADE_UP, "200 条线索进入“方案报价”，其中 100 条": _MADE_UP,
    "50%": _MADE_UP + " (100 of 200)", "100 leads": _MADE_UP, "100 条线索": _MADE_UP,
    "100 of the 200": _MADE_UP, "200 条中有 100 条": _MADE_UP,
    "Your win rate is 5% and you need 5 deals. You work 100 prospects": _MADE_UP,
    "你的赢单率是 5%，需要成交 5 笔。你跟进了 100 个": _MADE_UP,
    "exactly 5 deals": _MADE_UP, "正好成交 5 笔": _MADE_UP, "reach 5 deals": _MADE_UP, "达到 5 笔": _MADE_UP,
    "certainly get at least 5": _MADE_UP, "至少成交 5 笔": _MADE_UP, "5 is only the average": _MADE_UP, "5 笔只是平均数": _MADE_UP,
    "To be 90% sure": _MADE_UP, "要有 90% 的把握": _MADE_UP,
    "worth 1,000,000 CNY": _MADE_UP, "价值 100 万元": _MADE_UP, "1,000,000 CNY": _MADE_UP, "100 万元": _MADE_UP,
    "成交之前为 0": "nothing: the value of an option in the quiz",
    "converts 30% of proposals into negotiations, the team 50%, but she had only 4 proposals": _MADE_UP,
    "比例是 30%，团队是 50%，但她只有 4 个方案报价": _MADE_UP,
    "remember 4 leads": _MADE_UP, "记住 4 条线索": _MADE_UP, "With 4 leads": _MADE_UP, "只有 4 条线索时": _MADE_UP,
    "by 25 points": "one lead of 4 in the made-up quiz example", "变化 25 个百分点": "one lead of 4",
    "e.g. 90%": "an example of a confidence (glossary)", "例如 90%": "an example of a confidence (glossary)",
    # the programmes of decision 04.lever
    "15% more opportunities": _PROGRAMME, "商机增加 15%": _PROGRAMME,
    "by 1 percentage point": _PROGRAMME, "提高 1 个百分点": _PROGRAMME,
    "by 20 days": _PROGRAMME, "缩短 20 天": _PROGRAMME, "20 days less": _PROGRAMME, "the more 20 days": _PROGRAMME,
    "20 天的作用": _PROGRAMME,
    "10% larger": _PROGRAMME, "提高 10%": _PROGRAMME,
    "by 1.15": _PROGRAMME, "乘以 1.15": _PROGRAMME, "by only 1.10": _PROGRAMME, "只乘以 1.10": _PROGRAMME,
    "1.15 for A": _PROGRAMME, "1.10 for D": _PROGRAMME, "A 为 1.15": _PROGRAMME, "D 为 1.10": _PROGRAMME,
}

assert WIN_RATE_POINTS == 0.01 and SHORTER_CYCLE_DAYS == 20, "the lever texts say 1 point and 20 days"
