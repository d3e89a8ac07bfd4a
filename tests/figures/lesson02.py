"""Figures lesson 02 quotes, checked against the data (see tests/test_prose_figures.py)."""

from crmlessons import ask
from crmlessons.datasets import rules


def _team_size(template):
    return lambda case: template.format(n=len(case.salespeople))


def _knowledge_range(case):
    low, high = ask.correlation_interval(ask.relations(case.salespeople).loc["K", "win_rate"], len(case.salespeople))
    return f"from {'below 0' if low < 0 else f'about {low:.1f}'} to about {high:.1f}"


def _knowledge_range_zh(case):
    low, high = ask.correlation_interval(ask.relations(case.salespeople).loc["K", "win_rate"], len(case.salespeople))
    start = "从 0 以下" if low < 0 else f"从约 {low:.1f} "
    return f"{start}一直到约 {high:.1f}"


def _askers(case):
    return f"The {int(ask.ask_vs_tell(case.salespeople).loc[True, 'people'])} people who ask"


def _times(case, template="about {times:.0f} times as often"):
    rates = ask.ask_vs_tell(case.salespeople)["win_rate"]
    return template.format(times=rates.loc[True] / rates.loc[False])


def _skill_corr(case, rows=None, template="{r:.2f}"):
    team = case.salespeople if rows is None else case.salespeople.head(rows)
    return template.format(r=ask.relations(team).loc["S", "win_rate"])


def _within(case):
    rates = ask.ask_vs_tell_within(case.salespeople)["win_rate"].round(3)
    asks, others = rates.loc[("upper", True)], rates.loc[("upper", False)]
    return f"{asks:.3f} - {others:.3f} = {asks - others:.3f}"


def _decided(case):
    decided = rules.decided_leads(case.leads)
    return decided.assign(won=decided["outcome"].astype(object).eq("won"))


def _role(case, role, template):
    decided = _decided(case)
    of_role = decided.loc[decided["contact_role"].astype(object).eq(role), "won"]
    return template.format(won=int(of_role.sum()), n=len(of_role), rate=of_role.mean())


FIGURES = {
    "40 salespeople": _team_size("{n} salespeople"),
    "given only 40 people": _team_size("given only {n} people"),
    "in all 40": _team_size("in all {n}"),
    "one team of 40": _team_size("one team of {n}"),
    "一个 40 人的团队": _team_size("一个 {n} 人的团队"),
    "from below 0 to about 0.4": _knowledge_range,
    "The 10 people who ask": _askers,
    "about 4 times as often": _times,
    "about 0.83 in these ten": lambda case: _skill_corr(case, 10, "about {r:.2f} in these ten"),
    "这十人中约为 0.83": lambda case: _skill_corr(case, 10, "这十人中约为 {r:.2f}"),
    "against 0.60": lambda case: _skill_corr(case, None, "against {r:.2f}"),
    "全队 40 人中为 0.60": lambda case: f"全队 {len(case.salespeople)} 人中为 " + _skill_corr(case),
    "0.124 - 0.042 = 0.082": _within,
    "only 2 people ask more": lambda case: "only {:d} people ask more".format(
        int(ask.ask_vs_tell_within(case.salespeople).loc[("lower", True), "people"])),
    "win 13 of 274 (4.7 %)": lambda case: _role(case, "engineer", "win {won} of {n} ({rate:.1%})").replace("%", " %"),
    "win only 1 of 260": lambda case: _role(case, "plant_manager", "win only {won} of {n}"),
    "the average lead (4.6 %)": lambda case: f"the average lead ({_decided(case)['won'].mean():.1%})".replace("%", " %"),
    # the Chinese edition (notebooks/zh/text/02_ask_rule.md)
    "40 名销售人员": _team_size("{n} 名销售人员"),
    "只有 40 人的情况下": _team_size("只有 {n} 人的情况下"),
    "从 0 以下一直到约 0.4": _knowledge_range_zh,
    "提问多于陈述的 10 个人": lambda case: "提问多于陈述的 {:d} 个人".format(
        int(ask.ask_vs_tell(case.salespeople).loc[True, "people"])),
    "约为其他人的 4 倍": lambda case: _times(case, "约为其他人的 {times:.0f} 倍"),
    "只有 2 人提问多于陈述": lambda case: "只有 {:d} 人提问多于陈述".format(
        int(ask.ask_vs_tell_within(case.salespeople).loc[("lower", True), "people"])),
    "274 条中赢下 13 条（4.7%）": lambda case: _role(case, "engineer", "{n} 条中赢下 {won} 条（{rate:.1%}）"),
    "260 条中只赢下 1 条": lambda case: _role(case, "plant_manager", "{n} 条中只赢下 {won} 条"),
    "线索的平均水平（4.6%）": lambda case: f"线索的平均水平（{_decided(case)['won'].mean():.1%}）",
}

_SCALE = "the course's self-assessment scale and scoring rule (1-5 answers, reverse items, 0-100 scores)"
_EXAMPLE = "the worked example of exercise 02.my_skill_score (answers given in the task)"
_TEMPLATE = "a format placeholder: the figure is filled in from the student's data (Decision facts)"
_CORR = "what a correlation is (its range and meaning), not a Hengtai figure"

NOT_HENGTAI = {
    # templates of the decisions, filled from the data
    ":.0f}": _TEMPLATE, ":.1f}": _TEMPLATE, ":.2f}": _TEMPLATE, ":.1%}": _TEMPLATE,
    # the course's scale and scoring
    "(mean - 1) / 4 * 100": _SCALE, "(平均值 - 1) / 4 * 100": _SCALE, "0-100": _SCALE, "0–100": _SCALE,
    "1-5": _SCALE, "1–5": _SCALE, "6 - answer": _SCALE, "6 - 答案": _SCALE, "(6 - 5)": _SCALE, "（6 - 5）": _SCALE,
    "1 → 0, 3 → 50, 5 → 100": _SCALE, "(5 becomes 1, 4 becomes 2)": _SCALE,
    "1 (strongly disagree) to 5 (strongly agree)": _SCALE, "below 50": _SCALE, "50–70": _SCALE,
    "70 and more": _SCALE, "12 items": _SCALE, "12 道题": _SCALE, "of 100": _SCALE, "满分 100": _SCALE,
    "从 1（非常不同意）到 5（非常同意）": _SCALE, "（5 分变成 1 分，4 分变成 2 分）": _SCALE,
    "1 → 0、3 → 50、5 → 100": _SCALE, "低于 50 分": _SCALE, "70 分及以上": _SCALE,
    "As 1:": _SCALE, "As 5,": _SCALE, "算 1 分": _SCALE, "算 5 分": _SCALE, "answers 5 (": _SCALE, "回答 5（": _SCALE,
    "Dividing by 5 makes the lowest answer (1) worth 20, not 0": _SCALE,
    "除以 5 会让最低答案 1 分变成 20 分而不是 0 分": _SCALE,
    "(100 − score)": "the course's coaching rule: room to grow", "(100 - score)": "the course's coaching rule",
    "（100 - 得分）": "the course's coaching rule", "0 if negative": "the course's coaching rule",
    "为负时记为 0": "the course's coaching rule",
    # the worked example
    "S1 = 4, S2 = 3, S3 = 4 and S4 = 4": _EXAMPLE, "S1 = 4、S2 = 3、S3 = 4、S4 = 4": _EXAMPLE,
    "6 - 4 = 2": _EXAMPLE, "4, 3, 4 and": _EXAMPLE, "4、3、4 和": _EXAMPLE, "13 / 4 = 3.25": _EXAMPLE,
    "(3.25 - 1) / 4 * 100 = 56.25": _EXAMPLE,
    # what a correlation is, how to give a share, the ask-vs-tell definition
    "from −1 to 1": _CORR, "from -1 to 1": _CORR, "between -1 and 1": _CORR, "-1 到 1": _CORR,
    "near 1": _CORR, "near 0": _CORR, "接近 1": _CORR, "接近 0": _CORR, "includes 0": _CORR, "包含 0": _CORR,
    "(e.g. 0.05 for 5 points)": "how to write a share", "例如 5 个百分点写作 0.05": "how to write a share",
    "above 1": "the definition of asking more than telling (ratio above 1)", "大于 1": "the same definition",
    # the role-play
    "version 1": "the role-play's first version", "version 2": "the role-play's second version",
}
