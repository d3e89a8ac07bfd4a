"""Lesson 03: MAN qualification. Which prospects deserve a salesperson's time: Money, Authority, Need."""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.datasets.dictionary import value_labels
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

SOURCE = "Key-account CRM course"


def _leads():
    from crmlessons import datasets

    return {"leads": datasets.load_leads()}


def _man():
    from crmlessons import man

    return man


def _win_rate(leads, code):
    return float(_man().combination_outcomes(leads).loc[code, "win_rate"])


def _cohort_won(leads):
    return _man().cohort(leads)["outcome"].astype(object).eq("won")


def _full_vs_rest(leads):
    """As the worked solution does it, from ``man.combination_outcomes``."""
    table = _man().combination_outcomes(leads)
    rest = table.drop(index="M+A+N")
    return float(table.loc["M+A+N", "win_rate"] / (rest["won"].sum() / rest["leads"].sum()))


def _open(leads):
    return leads[leads["outcome"].astype(object).eq("open")]


def _hours_lost(leads, max_factors=1, column="hours_lost"):
    table = _man().chase_cost(leads)
    factors = [code.count("M") + code.count("A") + code.count("N") for code in table.index]
    keep = [f <= max_factors for f in factors]
    return float(table.loc[keep, column].sum())


def _plant_expected(leads):
    return float(_man().beyond_man(leads, "contact_role").loc["plant_manager", "expected_won"])


def _plant_leads(leads):
    return int(_man().cohort(leads)["contact_role"].astype(object).eq("plant_manager").sum())


# ---------------------------------------------------------------------------------------------
# Decision 03.call_first: the top of the call list or the biggest other deal, judged per selling hour.

def _labels(column, code):
    """The English and Chinese labels of a category value (the code itself where it has none)."""
    label = value_labels(column).get(code) if code is not None else None
    return label or {"en": str(code), "zh": str(code)}


def _money(value):
    return {"en": f"CNY {value:,.0f}", "zh": f"{value / 1e4:,.1f} 万元"}


def _lead_facts(prefix, lead, row, worth, outcomes):
    """The figures one lead of the decision quotes: its facts, its combination's record and its worth per hour."""
    code = str(worth.loc[lead, "man"])
    facts = {prefix: lead, f"{prefix}_code": code, f"{prefix}_need": int(row["need_strength"]),
             f"{prefix}_won": int(outcomes.loc[code, "won"]), f"{prefix}_leads": int(outcomes.loc[code, "leads"]),
             f"{prefix}_rate": float(worth.loc[lead, "win_rate"]), f"{prefix}_hours": float(worth.loc[lead, "hours"]),
             f"{prefix}_per_hour": float(worth.loc[lead, "per_hour"])}
    for column, key in (("purchasing_power", "power"), ("contact_role", "role"), ("decision_power", "decides")):
        for lang, text in _labels(column, row[column]).items():
            facts[f"{prefix}_{key}_{lang}"] = text.lower() if lang == "en" else text
    for lang, text in _money(float(row["deal_value_cny"])).items():
        facts[f"{prefix}_value_{lang}"] = text
    facts[f"{prefix}_action_en"] = i18n.t(f"man_short_{code}", lang="en")
    facts[f"{prefix}_action_zh"] = i18n.t(f"man_short_{code}", lang="zh")
    return facts


def _call_numbers(leads) -> dict:
    """The salesperson with the most open leads; the top of their call list; their biggest other deal."""
    man = _man()
    open_leads = _open(leads)
    counts = open_leads["salesperson_id"].astype(str).value_counts()
    person = sorted(counts.index[counts == counts.max()])[0]
    calls = man.call_list(leads, person, n=len(open_leads))
    if len(calls) < 2:
        raise ValueError(f"salesperson {person} has fewer than 2 open leads to choose between")
    top = calls.iloc[0]
    rest = calls.iloc[1:]
    big = rest.loc[rest["deal_value_cny"].idxmax()]
    worth = man.lead_worth(leads)
    outcomes = man.combination_outcomes(leads)
    rows = leads.drop_duplicates("lead_id").set_index("lead_id")
    facts = {"person": person, "x_score": float(top["score"]), "y_score": float(big["score"]),
             "bench": man.team_sales_per_hour(leads)}
    facts.update(_lead_facts("x", top["lead_id"], rows.loc[top["lead_id"]], worth, outcomes))
    facts.update(_lead_facts("y", big["lead_id"], rows.loc[big["lead_id"]], worth, outcomes))
    return facts


def _known(value: float, missing: float) -> float:
    """``value``, or ``missing`` where it is NaN (a combination without decided leads to judge it by)."""
    return value if value == value else missing


def _call_facts(leads) -> dict:
    """The figures the texts of 03.call_first quote, written out."""
    numbers = _call_numbers(leads)
    facts = dict(numbers, bench=f"{numbers['bench']:,.0f}")
    for prefix in "xy":
        facts.update({f"{prefix}_rate": f"{numbers[prefix + '_rate']:.1%}",
                      f"{prefix}_hours": f"{numbers[prefix + '_hours']:.1f}",
                      f"{prefix}_per_hour": f"{numbers[prefix + '_per_hour']:,.0f}",
                      f"{prefix}_score": f"{numbers[prefix + '_score']:.1f}"})
    return facts


def _call_best(leads) -> str:
    facts = _call_numbers(leads)
    x, y = _known(facts["x_per_hour"], 0.0), _known(facts["y_per_hour"], 0.0)
    if max(x, y) < facts["bench"]:
        return "C"
    return "A" if x >= y else "B"


def _lead_line(prefix):
    return {"en": f"{{{prefix}}}: {{{prefix}_code}}, purchasing power {{{prefix}_power_en}}, the contact is a "
                  f"{{{prefix}_role_en}} ({{{prefix}_decides_en}}), need {{{prefix}_need}} of 5, deal value "
                  f"{{{prefix}_value_en}}, score {{{prefix}_score}}.",
            "zh": f"{{{prefix}}}：{{{prefix}_code}}，购买力{{{prefix}_power_zh}}，联系人是{{{prefix}_role_zh}}"
                  f"（{{{prefix}_decides_zh}}），需求强度 {{{prefix}_need}}（满分 5），商机金额 {{{prefix}_value_zh}}，"
                  f"评分 {{{prefix}_score}}。"}


def _worth_feedback(prefix):
    return {"en": f"{{{prefix}}} ({{{prefix}_code}}) can be expected to bring CNY {{{prefix}_per_hour}} of sales "
                  f"per selling hour: its combination won {{{prefix}_won}} of {{{prefix}_leads}} decided leads "
                  f"({{{prefix}_rate}}), times {{{prefix}_value_en}}, divided by the {{{prefix}_hours}} hours a "
                  f"lead of its combination took. The matrix's action for it: {{{prefix}_action_en}}.",
            "zh": f"{{{prefix}}}（{{{prefix}_code}}）预计每个销售工时带来 {{{prefix}_per_hour}} 元销售额：该组合"
                  f"有结果的 {{{prefix}_leads}} 条线索中成交 {{{prefix}_won}} 条（{{{prefix}_rate}}），乘以 "
                  f"{{{prefix}_value_zh}}，再除以该组合每条线索所用的 {{{prefix}_hours}} 个工时。矩阵给它的行动："
                  f"{{{prefix}_action_zh}}。"}


# ---------------------------------------------------------------------------------------------
# Decision 03.cut_hours: which group of leads to stop working, judged by the sales lost per hour freed.

def _small_deal_limit(leads):
    return float(leads["deal_value_cny"].quantile(0.25))


def _cut_groups(leads):
    """The leads each choice would stop working (True = stop)."""
    man = _man()
    return {"A": man.factors(leads) <= 1,
            "B": leads["deal_value_cny"] <= _small_deal_limit(leads),
            "C": leads["decision_power"].astype(object) != "decision_maker"}


def _cut_numbers(leads) -> dict:
    man = _man()
    facts = {"bench": man.team_sales_per_hour(leads)}
    for letter, stop in _cut_groups(leads).items():
        result = man.if_stopped(leads, stop)
        facts.update({f"{letter}_hours": float(result["share_of_hours"]), f"{letter}_sales": float(result["share_of_sales"]),
                      f"{letter}_per_hour": float(result["lost_per_hour"]), f"{letter}_wins": int(result["wins_lost"])})
    for lang, text in _money(_small_deal_limit(leads)).items():
        facts[f"limit_{lang}"] = text
    return facts


def _cut_facts(leads) -> dict:
    """The figures the texts of 03.cut_hours quote, written out."""
    numbers = _cut_numbers(leads)
    facts = dict(numbers, bench=f"{numbers['bench']:,.0f}")
    for letter in "ABC":
        facts.update({f"{letter}_hours": f"{numbers[letter + '_hours']:.0%}",
                      f"{letter}_sales": f"{numbers[letter + '_sales']:.1%}",
                      f"{letter}_per_hour": f"{numbers[letter + '_per_hour']:,.0f}"})
    return facts


def _cut_best(leads) -> str:
    facts = _cut_numbers(leads)
    costs = {letter: _known(facts[f"{letter}_per_hour"], float("inf")) for letter in "ABC"}
    costs["D"] = facts["bench"]
    return min(costs, key=lambda letter: (costs[letter], letter))


def _cut_feedback(letter):
    return {"en": f"Stopping them would have freed {{{letter}_hours}} of the cohort's selling hours and lost "
                  f"{{{letter}_wins}} wins, {{{letter}_sales}} of its sales: CNY {{{letter}_per_hour}} of sales "
                  f"lost for each hour freed.",
            "zh": f"不再跟进这些线索，可腾出这批线索 {{{letter}_hours}} 的销售工时，但会失去 {{{letter}_wins}} 笔成交、"
                  f"{{{letter}_sales}} 的销售额：每腾出一个工时损失 {{{letter}_per_hour}} 元销售额。"}


LESSON = Lesson(
    id="03",
    notebook="03_man_qualification.ipynb",
    title={"en": "MAN qualification: Money, Authority, Need", "zh": "MAN 客户资格判断：金钱、权力、需求"},
    objectives=[
        {"en": "Explain the three MAN factors, Money (金钱), Authority (权力) and Need (需求), and why a prospect "
               "with all three is a target customer.",
         "zh": "解释 MAN 的三个因素：金钱、权力、需求，以及为什么三者俱全的潜在客户是目标客户。"},
        {"en": "Classify a lead into one of the eight combinations of the sales-training matrix and name its action.",
         "zh": "把一条线索归入销售培训矩阵的八种组合之一，并说出相应的行动。"},
        {"en": "Test on a firm's decided leads whether the combination predicts who buys, and say why Hengtai's "
               "synthetic data cannot prove it.",
         "zh": "用企业已有结果的线索检验组合能否预测谁会购买，并说明为什么恒泰的虚构数据不能证明这一点。"},
        {"en": "Decide where selling hours pay: which open lead to work first, and which leads to stop working.",
         "zh": "判断销售工时花在哪里最值：先跟进哪条线索，以及不再跟进哪些线索。"},
        {"en": "Say where MAN is too simple (many roles, needs that can be developed) and check whether a pattern, "
               "such as a job title or a timeline, tells more than MAN already does.",
         "zh": "说明 MAN 过于简单之处（多种角色、可以开发的需求），并检验某个规律（如联系人职位或采购时间）"
               "是否比 MAN 提供了更多信息。"},
    ],
    teaching_minutes=30,
    exercise_minutes=40,
    key_points=[
        {"en": f"A target customer has Money (purchasing power), Authority (the power to decide) and Need (a real "
               f"need the offer fits) ({SOURCE}).",
         "zh": "目标客户具备金钱（购买力）、权力（决策权）和需求（产品正好满足的真实需求）（《大客户关系管理教程》）。"},
        {"en": "The classic sales-training matrix writes a present factor in capitals and an absent one in small "
               "letters: eight combinations, each with its action, from M+A+N (pursue now) to m+a+n (stop).",
         "zh": "销售培训中经典的 MAN 矩阵用大写表示具备、小写表示不具备：共八种组合，各有对应的行动，"
               "从 M+A+N（立即跟进）到 m+a+n（停止）。"},
        {"en": "Test MAN on a firm's own decided leads: the win rate of each combination, and of full-MAN leads "
               "against the rest. Hengtai's data were built so that MAN works, so they prove nothing; on real data, "
               "full-MAN leads that win no more often than the rest would show that the factors, as recorded, do "
               "not predict.",
         "zh": "用企业自己已有结果的线索检验 MAN：各组合的赢单率，以及 MAN 俱全的线索与其他线索的对比。恒泰的数据是按"
               "“MAN 有效”构造的，因此什么也证明不了；在真实数据中，如果 MAN 俱全的线索赢单率并不比其他线索高，"
               "就说明所记录的这些因素没有预测作用。"},
        {"en": "Value the hours, not only the factors: a lead's expected sales per selling hour (its combination's win "
               "rate times its deal value, divided by the hours) can put a large deal with a missing factor ahead of "
               "a small full-MAN one; before stopping a group of leads, weigh the hours it frees against the sales "
               "it loses.",
         "zh": "不仅要看因素，还要看工时的价值：一条线索每个销售工时的预期销售额（其组合的赢单率乘以商机金额，再除以工时）"
               "可能让缺一项因素的大单排在 MAN 俱全的小单前面；在不再跟进某类线索之前，要权衡它腾出的工时和损失的销售额。"},
        {"en": "Before acting on a pattern, set it against what MAN already predicts and count the deals it rests on: "
               "in Hengtai's data the job title plays no part, yet one title looks disastrous by chance.",
         "zh": "在根据某个规律采取行动之前，先把它与 MAN 已经能预测的结果对比，并数一数它依据的成交有多少："
               "在恒泰的数据中联系人职位本身不起作用，却有一个职位因偶然因素看起来糟糕透顶。"},
        {"en": f"MAN is a first filter, not a verdict: a key-account purchase involves many roles whose views must be "
               f"balanced ({SOURCE}), and skilled selling can develop a need (sales training).",
         "zh": "MAN 是初步筛选，而不是最终结论：大客户采购涉及多种角色，必须平衡各方意见（《大客户关系管理教程》）；"
               "高超的销售技巧还可以开发需求（销售培训）。"},
    ],
    next={"en": f"Lesson 04: the success funnel. Why, in the {SOURCE}'s example, 5 or fewer of 100 prospects end "
                f"as customers.",
          "zh": "第 04 课：成功漏斗。为什么在《大客户关系管理教程》的例子中，100 家潜在客户最后只有 5 家或更少成交。"},
    sources={
        "004": {"en": "MAN customers: Money (purchasing power), Authority (the power to decide; decision makers and "
                      "influencers, the many roles of a key-account purchase) and Need; a prospect with all three is a "
                      "target customer (sections 1 and 8, the key points and the quiz)",
                "zh": "MAN 型客户：金钱（购买力）、权力（决策权；决策者和影响者，大客户采购中的多种角色）和需求；"
                      "三者俱全的潜在客户就是目标客户（第 1 节和第 8 节、要点和测验）"},
    },
    skip_for_45=("3", "5", "7", "9"),
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 4),
        Section(2, 4),
        Section(3, 7, "widget", project="ManQualifier"),
        Section(4, 11, "exercise"),
        Section(5, 13, "exercise"),
        Section(6, 11, "exercise"),
        Section(7, 5),
        Section(8, 8, "discussion", discuss=[
            {"en": "A lead has a large budget and a strong need, but your contact cannot decide. Would you "
                   "stop working it? What would you do to reach the person who decides?",
             "zh": "一条线索预算充足、需求强烈，但你的联系人没有决定权。你会放弃它吗？你会怎样接触到真正做决定的人？"}]),
        Section(9, 1),
        Section(10, 5, "quiz", project="QuizWidget"),
        Section(11, 1, "summary"),
    ],
)

EXERCISES = [
    Exercise(
        name="03.full_man_win_rate",
        question={"en": "Measure how often the ideal prospects were won. Among the leads created before 2024-07-01 "
                        "(all of them decided), what share of the M+A+N leads were won? Give a share between 0 and 1.",
                  "zh": "衡量理想潜在客户的成交情况。在 2024-07-01 之前创建的线索中（都已有结果），M+A+N 线索的赢单比例是多少？"
                        "请写成 0 到 1 之间的比例。"},
        data=_leads,
        answer=lambda leads: _win_rate(leads, "M+A+N"),
        hint={"en": "`decided = man.cohort(leads)` keeps the leads created before 2024-07-01; then "
                    "`(decided[\"outcome\"] == \"won\")[man.classify(decided) == \"M+A+N\"].mean()` is the share of "
                    "their M+A+N leads that were won.",
              "zh": "`decided = man.cohort(leads)` 保留 2024-07-01 之前创建的线索；然后 "
                    "`(decided[\"outcome\"] == \"won\")[man.classify(decided) == \"M+A+N\"].mean()` "
                    "就是其中 M+A+N 线索的赢单比例。"},
        mistakes=[
            Mistake(lambda leads: float(_cohort_won(leads).mean()),
                    {"en": "That is the win rate of all cohort leads; keep only the M+A+N leads.",
                     "zh": "这是全部线索的赢单率；只看 M+A+N 线索。"}),
            Mistake(lambda leads: float(leads["outcome"].astype(object).eq("won")[_man().classify(leads).eq("M+A+N")].mean()),
                    {"en": "You counted every lead, including recent ones that are still open: measure on leads "
                           "created before 2024-07-01.",
                     "zh": "你统计了全部线索，包括仍在进行中的新线索：请只用 2024-07-01 之前创建的线索。"}),
        ],
        solution={"en": "`decided = man.cohort(leads)`, then "
                        "`(decided[\"outcome\"] == \"won\")[man.classify(decided) == \"M+A+N\"].mean()`: the won M+A+N "
                        "leads divided by all M+A+N leads created before 2024-07-01. "
                        "`man.combination_outcomes(leads)` gives the same figure for every combination (column win_rate).",
                  "zh": "`decided = man.cohort(leads)`，然后 "
                        "`(decided[\"outcome\"] == \"won\")[man.classify(decided) == \"M+A+N\"].mean()`："
                        "2024-07-01 之前创建的 M+A+N 线索中成交数除以总数。`man.combination_outcomes(leads)` "
                        "会给出每个组合的同一指标（win_rate 列）。"},
    ),
    Exercise(
        name="03.full_vs_rest",
        question={"en": "How many times as often are M+A+N leads won as all the other leads of the same cohort? "
                        "Take the other seven combinations together: their wins over their leads.",
                  "zh": "M+A+N 线索的赢单率是同一批线索中其他所有线索的几倍？把另外七种组合合在一起计算："
                        "它们的成交数除以它们的线索数。"},
        data=_leads,
        answer=_full_vs_rest,
        rel_tol=0.005,
        hint={"en": "In the table `outcomes`, `rest = outcomes.drop(index=\"M+A+N\")` is the other seven rows; their "
                    "win rate is `rest[\"won\"].sum() / rest[\"leads\"].sum()`. Do not average their win rates.",
              "zh": "在表 `outcomes` 中，`rest = outcomes.drop(index=\"M+A+N\")` 是另外七行；它们的赢单率是 "
                    "`rest[\"won\"].sum() / rest[\"leads\"].sum()`。不要把各行的赢单率直接平均。"},
        mistakes=[
            Mistake(lambda leads: 1 / _full_vs_rest(leads),
                    {"en": "Upside down: put the M+A+N win rate on top.",
                     "zh": "颠倒了：应把 M+A+N 的赢单率放在分子上。"}),
            Mistake(lambda leads: _win_rate(leads, "M+A+N") / float(_cohort_won(leads).mean()),
                    {"en": "You divided by the win rate of all leads, which includes the M+A+N leads themselves; "
                           "compare with the others only.",
                     "zh": "你除以的是全部线索的赢单率，其中也包括 M+A+N 线索本身；只与其他线索比较。"}),
            Mistake(lambda leads: _win_rate(leads, "M+A+N")
                    / float(_man().combination_outcomes(leads).drop(index="M+A+N")["win_rate"].mean()),
                    {"en": "You averaged the seven win rates; a small combination then weighs as much as a large one. "
                           "Add up their wins and their leads first.",
                     "zh": "你把七个赢单率直接平均了，这样小组合和大组合的权重一样。请先分别加总成交数和线索数。"}),
        ],
        solution={"en": "`outcomes = man.combination_outcomes(leads)`; `rest = outcomes.drop(index=\"M+A+N\")`; "
                        "the rest's win rate is `rest[\"won\"].sum() / rest[\"leads\"].sum()`; the answer is "
                        "`outcomes.loc[\"M+A+N\", \"win_rate\"]` divided by it.",
                  "zh": "`outcomes = man.combination_outcomes(leads)`；`rest = outcomes.drop(index=\"M+A+N\")`；"
                        "其他线索的赢单率 = `rest[\"won\"].sum() / rest[\"leads\"].sum()`；答案 = "
                        "`outcomes.loc[\"M+A+N\", \"win_rate\"]` 除以它。"},
    ),
    Exercise(
        name="03.wasted_hours",
        question={"en": "With the lesson's assumption about selling hours (man.STAGE_HOURS), how many hours did the "
                        "team spend on cohort leads with at most one MAN factor that were never won?",
                  "zh": "按本课对销售工时的假设（man.STAGE_HOURS），团队在最多只具备一项 MAN 因素、且最终未成交的线索上"
                        "花了多少小时？"},
        data=_leads,
        answer=lambda leads: _hours_lost(leads, 1),
        hint={"en": "In `man.chase_cost(leads)`, the combinations with at most one capital letter are m+a+N, "
                    "M+a+n, m+A+n and m+a+n; add up their hours_lost.",
              "zh": "在 `man.chase_cost(leads)` 中，最多只有一个大写字母的组合是 m+a+N、M+a+n、m+A+n 和 m+a+n；"
                    "把它们的 hours_lost 加起来。"},
        mistakes=[
            Mistake(lambda leads: _hours_lost(leads, 1, "hours"),
                    {"en": "You added all their hours, including those on leads that were won; use hours_lost.",
                     "zh": "你把所有工时都加上了，包括成交线索的工时；请用 hours_lost。"}),
            Mistake(lambda leads: _hours_lost(leads, 3),
                    {"en": "You added the lost hours of every combination; keep those with at most one factor.",
                     "zh": "你加总了所有组合的未成交工时；只保留最多具备一项因素的组合。"}),
            Mistake(lambda leads: _hours_lost(leads, 0),
                    {"en": "Only m+a+n? 'At most one factor' also includes the combinations with exactly one "
                           "capital letter.",
                     "zh": "只算了 m+a+n？“最多一项”也包括恰好有一个大写字母的组合。"}),
        ],
        solution={"en": "`cost = man.chase_cost(leads)`; then "
                        "`cost.loc[[\"m+a+N\", \"M+a+n\", \"m+A+n\", \"m+a+n\"], \"hours_lost\"].sum()`.",
                  "zh": "`cost = man.chase_cost(leads)`；然后 "
                        "`cost.loc[[\"m+a+N\", \"M+a+n\", \"m+A+n\", \"m+a+n\"], \"hours_lost\"].sum()`。"},
    ),
    Decision(
        name="03.cut_hours",
        question={"en": "Next year Hengtai's team will have fewer selling hours. The sales manager wants to stop "
                        "working one group of new leads, and to give up as few sales as possible for each hour that "
                        "frees. Judged on the decided cohort (leads created before 2024-07-01, with the lesson's "
                        "hours), which group should the team stop working?",
                  "zh": "明年恒泰团队的销售工时会减少。销售经理想不再跟进某一类新线索，并希望每腾出一个工时损失的销售额尽可能少。"
                        "以有结果的线索（2024-07-01 之前创建，按本课的工时假设）来判断，团队应该不再跟进哪一类线索？"},
        data=_leads,
        answer=_cut_best,
        facts=_cut_facts,
        options={"A": {"en": "The leads with at most one MAN factor (m+a+N, M+a+n, m+A+n, m+a+n).",
                       "zh": "最多只具备一项 MAN 因素的线索（m+a+N、M+a+n、m+A+n、m+a+n）。"},
                 "B": {"en": "The quarter of leads with the smallest deal values (up to {limit_en}).",
                       "zh": "商机金额最小的四分之一线索（不超过 {limit_zh}）。"},
                 "C": {"en": "The leads whose contact does not decide (influencers and users).",
                       "zh": "联系人没有决策权的线索（影响者和使用者）。"},
                 "D": {"en": "No group: cut every lead's hours by the same share.",
                       "zh": "不挑选：把每条线索的工时按同一比例削减。"}},
        feedback={"A": _cut_feedback("A"), "B": _cut_feedback("B"), "C": _cut_feedback("C"),
                  "D": {"en": "Cutting every lead evenly loses what an average hour brings: CNY {bench} of sales "
                              "per hour in the cohort.",
                        "zh": "平均削减每条线索的工时，损失的是一个平均工时带来的销售额：这批线索中每工时 {bench} 元。"}},
        hint={"en": "`man.if_stopped(leads, stop)` measures a group: try `stop = man.factors(leads) <= 1`, "
                    "`stop = leads[\"deal_value_cny\"] <= leads[\"deal_value_cny\"].quantile(0.25)` and "
                    "`stop = leads[\"decision_power\"] != \"decision_maker\"`, and compare their lost_per_hour with "
                    "`man.team_sales_per_hour(leads)`.",
              "zh": "`man.if_stopped(leads, stop)` 衡量某一类线索：分别试 `stop = man.factors(leads) <= 1`、"
                    "`stop = leads[\"deal_value_cny\"] <= leads[\"deal_value_cny\"].quantile(0.25)` 和 "
                    "`stop = leads[\"decision_power\"] != \"decision_maker\"`，再把它们的 lost_per_hour 与 "
                    "`man.team_sales_per_hour(leads)` 比较。"},
        solution={"en": "For each group, `man.if_stopped(leads, stop)[\"lost_per_hour\"]` is the sales lost for each "
                        "hour freed; cutting evenly loses `man.team_sales_per_hour(leads)` an hour. Stop the group "
                        "with the lowest figure. A group with few factors frees many hours cheaply because it rarely "
                        "wins; a group of small deals frees hours cheaply because its wins are small: which is cheaper "
                        "depends on the data, so check it on your firm's own leads. Stopping the leads whose contact "
                        "does not decide would lose far more: they win a good share of the deals.",
                  "zh": "对每一类线索，`man.if_stopped(leads, stop)[\"lost_per_hour\"]` 是每腾出一个工时损失的销售额；"
                        "平均削减每工时损失 `man.team_sales_per_hour(leads)`。应停止这个数字最低的那一类。因素少的线索很少成交，"
                        "所以能便宜地腾出大量工时；小单线索成交金额小，也能便宜地腾出工时：哪一类更便宜取决于数据，"
                        "请用自己企业的线索来检验。不再跟进联系人没有决策权的线索损失会大得多：它们成交的生意占了相当大的比例。"},
    ),
    Decision(
        name="03.call_first",
        question={"en": "Salesperson {person} has the most open leads of the team and time for one more this week. "
                        "Two of them: {x}, the top of the call list, and {y}, the biggest of the other deals.\n"
                        + _lead_line("x")["en"] + "\n" + _lead_line("y")["en"] + "\n"
                        "Judge by what an hour on each lead can be expected to bring (how the decided leads of its "
                        "combination ended, and the hours they took), against what an hour brings on an average "
                        "lead. Which should {person} work?",
                  "zh": "销售人员 {person} 手上进行中的线索在团队里最多，本周还能再跟进一条。其中两条：拜访名单第一名 {x}，以及其余商机中金额最大的 {y}。\n"
                        + _lead_line("x")["zh"] + "\n" + _lead_line("y")["zh"] + "\n"
                        "请根据每条线索一个工时预计能带来多少销售额来判断（看该组合已有结果的线索成交情况及所用工时），"
                        "并与平均线索每工时带来的销售额比较。{person} 应该跟进哪一条？"},
        data=_leads,
        answer=_call_best,
        facts=_call_facts,
        options={"A": {"en": "Work {x}, the top of the call list.", "zh": "跟进 {x}，拜访名单第一名。"},
                 "B": {"en": "Work {y}, the bigger deal.", "zh": "跟进 {y}，金额更大的商机。"},
                 "C": {"en": "Neither: ask the manager for a fresh lead, since an average lead pays better.",
                       "zh": "两条都不跟进：请经理分配一条新线索，因为平均线索更划算。"}},
        feedback={"A": _worth_feedback("x"), "B": _worth_feedback("y"),
                  "C": {"en": "An hour on an average lead of the cohort brought CNY {bench} of sales; {x} can be "
                              "expected to bring CNY {x_per_hour} an hour and {y} CNY {y_per_hour}.",
                        "zh": "这批线索中，平均每条线索每工时带来 {bench} 元销售额；{x} 预计每工时带来 "
                              "{x_per_hour} 元，{y} 预计 {y_per_hour} 元。"}},
        hint={"en": "The call list's score looks at the MAN facts and the timeline, not at the deal's size. "
                    "`man.lead_worth(leads)` shows each open lead's expected sales per hour (column per_hour; pick "
                    "the two leads with `.loc[[first_id, second_id]]`); `man.team_sales_per_hour(leads)` is an "
                    "average lead's.",
              "zh": "拜访名单的评分只看 MAN 信息和采购时间，不看商机金额。"
                    "`man.lead_worth(leads)` 给出每条进行中线索每工时的预期销售额（per_hour 列；用 "
                    "`.loc[[first_id, second_id]]` 选出这两条，first_id 和 second_id 换成两条线索的编号）；"
                    "`man.team_sales_per_hour(leads)` 是平均线索的这一数字。"},
        solution={"en": "`worth = man.lead_worth(leads)`: per_hour = win rate of the lead's combination in the cohort "
                        "x its deal value / the average hours a cohort lead of that combination took. Work the lead "
                        "with the higher per_hour, unless both are below `man.team_sales_per_hour(leads)`. A large deal "
                        "missing one factor can be worth more of an hour than a small full-MAN one; the win rates rest "
                        "on few wins for some combinations, and the hours are the lesson's assumption (they grow with "
                        "the stage reached, not with the deal's size), so treat a close call as a close call.",
                  "zh": "`worth = man.lead_worth(leads)`：per_hour = 该线索所属组合在这批线索中的赢单率 × 商机金额 ÷ "
                        "该组合每条线索平均所用工时。跟进 per_hour 更高的那条，除非两条都低于 "
                        "`man.team_sales_per_hour(leads)`。缺一项因素的大单，每工时的价值可能高于 MAN 俱全的小单；"
                        "有些组合的赢单率只依据很少的成交，工时也只是本课的假设（随到达的阶段增加，而不随金额增加），"
                        "所以差距不大时要谨慎。"},
    ),
    Exercise(
        name="03.open_ideal",
        question={"en": "How many of the leads still open on 2025-12-31 are ideal prospects (M+A+N) that the team "
                        "should pursue now?",
                  "zh": "截至 2025-12-31 仍在进行中的线索里，有多少条是应立即跟进的理想潜在客户（M+A+N）？"},
        data=_leads,
        answer=lambda leads: int(_man().classify(_open(leads)).eq("M+A+N").sum()),
        hint={"en": "Keep the leads whose outcome is 'open' first (`open_leads = leads[leads[\"outcome\"] == \"open\"]`), "
                    "then classify them and count M+A+N.",
              "zh": "先保留 outcome 为 'open' 的线索（`open_leads = leads[leads[\"outcome\"] == \"open\"]`），"
                    "再分类并数出 M+A+N 的条数。"},
        mistakes=[
            Mistake(lambda leads: int(_man().classify(leads).eq("M+A+N").sum()),
                    {"en": "You counted M+A+N leads of every outcome; only open leads can still be pursued.",
                     "zh": "你统计了所有结果的 M+A+N 线索；只有进行中的线索还能跟进。"}),
            Mistake(lambda leads: int((_man().factors(_open(leads)) >= 2).sum()),
                    {"en": "You counted open leads with at least two factors; an ideal prospect has all three.",
                     "zh": "你统计的是至少具备两项的进行中线索；理想潜在客户三项都要具备。"}),
        ],
        solution={"en": "`open_leads = leads[leads[\"outcome\"] == \"open\"]`, then "
                        "`(man.classify(open_leads) == \"M+A+N\").sum()`.",
                  "zh": "`open_leads = leads[leads[\"outcome\"] == \"open\"]`，然后 "
                        "`(man.classify(open_leads) == \"M+A+N\").sum()`。"},
    ),
    Exercise(
        name="03.plant_expected",
        question={"en": "Leads whose contact is a plant manager were almost never won. If only the MAN combination "
                        "mattered, how many wins would the plant-manager leads of the cohort (created before "
                        "2024-07-01) have brought? Count for each of them the win rate of its combination in the whole "
                        "cohort, and add up.",
                  "zh": "联系人是厂长的线索几乎从未成交。如果只有 MAN 组合起作用，这批线索（2024-07-01 之前创建）中联系人是厂长的"
                        "线索应该带来多少笔成交？对其中每条线索，取其组合在整批线索中的赢单率，再全部加起来。"},
        data=_leads,
        answer=_plant_expected,
        hint={"en": "`man.beyond_man(leads, \"contact_role\")` does the counting for every job title: read the row "
                    "plant_manager, column expected_won.",
              "zh": "`man.beyond_man(leads, \"contact_role\")` 会为每种职位完成这一计算：读取 plant_manager 行的 "
                    "expected_won 列。"},
        mistakes=[
            Mistake(lambda leads: float(_cohort_won(leads).mean()) * _plant_leads(leads),
                    {"en": "You used the win rate of all cohort leads; use the win rate of each lead's own combination, "
                           "since plant-manager leads are mostly without Authority.",
                     "zh": "你用的是全部线索的赢单率；应使用每条线索自己所属组合的赢单率，因为厂长线索大多不具备权力。"}),
            Mistake(lambda leads: float(_man().win_rate_by(leads, "contact_role").loc["plant_manager", "won"]),
                    {"en": "That is how many they did win; the question asks how many their MAN combinations predict.",
                     "zh": "这是它们实际成交的笔数；题目问的是按其 MAN 组合预计应有多少笔。"}),
        ],
        solution={"en": "For each plant-manager lead of the cohort take the win rate of its combination "
                        "(`man.combination_outcomes(leads)[\"win_rate\"]`) and add up; "
                        "`man.beyond_man(leads, \"contact_role\").loc[\"plant_manager\", \"expected_won\"]` does it in "
                        "one line. Set it against the wins they had: a gap this large in a few hundred leads can still "
                        "be chance, so check it on new leads before you act on it.",
                  "zh": "对这批线索中每条联系人是厂长的线索，取其组合的赢单率（`man.combination_outcomes(leads)[\"win_rate\"]`）"
                        "再加总；`man.beyond_man(leads, \"contact_role\").loc[\"plant_manager\", \"expected_won\"]` 一行即可完成。"
                        "再与它们实际的成交数比较：几百条线索中出现这么大的差距，仍可能是偶然，所以在采取行动之前要用新线索检验。"},
    ),
]

QUIZ = [
    Question(
        prompt={"en": f"In the {SOURCE}, what do the letters of a 'MAN' customer stand for?",
                "zh": "在《大客户关系管理教程》中，“MAN 型客户”的三个字母分别代表什么？"},
        options=[{"en": "Money, Authority, Need", "zh": "金钱、权力、需求"},
                 {"en": "Market, Agreement, Negotiation", "zh": "市场、协议、谈判"},
                 {"en": "Manager, Assistant, Negotiator", "zh": "经理、助理、谈判者"}],
        correct=0,
        feedback=[{"en": "Yes: purchasing power, the power to decide, and a real need.",
                   "zh": "对：购买力、决策权和真实的需求。"},
                  {"en": "These are steps of a sale, not what makes a prospect worth pursuing.",
                   "zh": "这些是销售过程的步骤，而不是值得跟进的潜在客户的条件。"},
                  {"en": "These are job titles; MAN asks what the prospect has, not who they are.",
                   "zh": "这些是职位；MAN 问的是潜在客户具备什么，而不是他们是谁。"}],
        source=SOURCE,
    ),
    Question(
        prompt={"en": "A factory can pay and urgently needs your bearings, but your contact is an engineer who "
                      "cannot decide (M+a+N). What does the sales-training matrix advise?",
                "zh": "一家工厂买得起，而且急需你的轴承，但你的联系人是一位无权决定的工程师（M+a+N）。销售培训矩阵的建议是什么？"},
        options=[{"en": "Reach the person who has the authority to decide", "zh": "设法接触有决策权的人"},
                 {"en": "Stop: it is not a prospect", "zh": "停止：这不是潜在客户"},
                 {"en": "Offer payment terms", "zh": "提供付款条件"}],
        correct=0,
        feedback=[{"en": "Right: the engineer can lead you to the decision maker and speak for you.",
                   "zh": "对：工程师可以引见决策者，并为你说话。"},
                  {"en": "Two of the three factors are there; only m+a+n means stop.",
                   "zh": "三个因素已具备两个；只有 m+a+n 才意味着停止。"},
                  {"en": "Payment terms help when Money is missing (m+A+N); here Authority is missing.",
                   "zh": "付款条件用于缺少金钱的情况（m+A+N）；这里缺的是权力。"}],
    ),
    Question(
        prompt={"en": "The owner of a small workshop wants your product and decides alone, but says money is "
                      "tight (m+A+N). The action of the matrix is ...",
                "zh": "一家小作坊的老板想要你的产品并且自己就能决定，但说资金紧张（m+A+N）。矩阵给出的行动是……"},
        options=[{"en": "to drop the lead at once", "zh": "立即放弃这条线索"},
                 {"en": "to check the business and its credit, then arrange financing or payment terms",
                  "zh": "先核查其经营和信用状况，再安排融资或付款条件"},
                 {"en": "to develop the need", "zh": "开发需求"}],
        correct=1,
        feedback=[{"en": "Authority and Need are there: a way to pay can turn it into a sale.",
                   "zh": "权力和需求都具备：找到付款办法就可能成交。"},
                  {"en": "Yes: if the business is sound, financing or instalments supply the missing Money.",
                   "zh": "对：如果经营稳健，融资或分期付款可以补上所缺的金钱。"},
                  {"en": "The need is already there; what is missing is Money.", "zh": "需求已经存在；缺的是金钱。"}],
    ),
    Question(
        prompt={"en": "Why does the lesson measure win rates only on leads created before 2024-07-01?",
                "zh": "为什么本课只用 2024-07-01 之前创建的线索来计算赢单率？"},
        options=[{"en": "Older leads are more reliable customers", "zh": "老线索是更可靠的客户"},
                 {"en": "Later leads may still be open, so counting them as not won would lower the rate",
                  "zh": "较新的线索可能仍在进行中，把它们算作未成交会压低赢单率"},
                 {"en": "The MAN facts were not recorded after that date", "zh": "那之后没有记录 MAN 信息"}],
        correct=1,
        feedback=[{"en": "Age does not make a lead better; the point is whether its outcome is known.",
                   "zh": "线索的新旧不决定好坏；关键在于结果是否已知。"},
                  {"en": "Right: all leads of that cohort are decided (won or lost) by 2025-12-31.",
                   "zh": "对：这批线索到 2025-12-31 都已有结果（成交或丢单）。"},
                  {"en": "They were recorded for every lead; only the outcome is still unknown for recent ones.",
                   "zh": "每条线索都记录了 MAN 信息；只是新线索的结果还未知。"}],
    ),
    Question(
        prompt={"en": "At Hengtai, M+A+N leads win far more often than the others. What does this tell you about MAN?",
                "zh": "在恒泰，M+A+N 线索的赢单率远高于其他线索。这说明了 MAN 的什么？"},
        options=[{"en": "That MAN works in every firm", "zh": "MAN 在每家企业都有效"},
                 {"en": "Nothing about MAN itself: Hengtai's data were built that way; it shows how to test MAN on a "
                         "firm's own leads",
                  "zh": "并不能说明 MAN 本身：恒泰的数据就是这样构造的；它展示的是如何用企业自己的线索检验 MAN"},
                 {"en": "That the other combinations should all be dropped", "zh": "其他组合都应放弃"}],
        correct=1,
        feedback=[{"en": "Hengtai is synthetic and the effect was planted; a real firm's leads could show otherwise.",
                   "zh": "恒泰是虚构的，这一效应是预设的；真实企业的线索可能显示不同的结果。"},
                  {"en": "Yes: on a firm's own decided leads, the same table is the test, and MAN would fail it if "
                         "full-MAN leads won no more often than the rest.",
                   "zh": "对：用企业自己已有结果的线索做同样的表就是检验；如果 MAN 俱全的线索赢单率并不比其他线索高，MAN 就没有通过检验。"},
                  {"en": "Even with planted effects, leads with two factors still win; dropping them would lose sales.",
                   "zh": "即使在预设的数据中，具备两项因素的线索也会成交；放弃它们会损失销售额。"}],
    ),
    Question(
        prompt={"en": "A lead has Money and Authority but no clear need yet (M+A+n). What does sales training advise?",
                "zh": "一条线索有金钱和权力，但还没有明确的需求（M+A+n）。销售培训的建议是什么？"},
        options=[{"en": "Stop: no need, no sale", "zh": "停止：没有需求就没有生意"},
                 {"en": "With skilled selling success is possible: develop the need", "zh": "凭借高超的销售技巧仍有可能成功：开发需求"},
                 {"en": "Find someone with more authority", "zh": "寻找更有权力的人"}],
        correct=1,
        feedback=[{"en": "A need can be developed: showing a problem the customer had not seen is part of selling.",
                   "zh": "需求可以被开发：让客户看到他们没意识到的问题，正是销售的一部分。"},
                  {"en": "Yes: this is where MAN is too simple; a need is not fixed, and skilled selling can develop it.",
                   "zh": "对：这正是 MAN 过于简单之处；需求不是固定不变的，高超的销售技巧可以开发需求。"},
                  {"en": "Authority is already there; the missing factor is Need.", "zh": "权力已经具备；缺少的是需求。"}],
    ),
    Question(
        prompt={"en": "What does BANT, a checklist from the sales literature, add to MAN?",
                "zh": "销售文献中的 BANT 清单比 MAN 多了什么？"},
        options=[{"en": "Timeline: when the prospect plans to buy", "zh": "时间：潜在客户计划何时采购"},
                 {"en": "Brand: how well the prospect knows us", "zh": "品牌：潜在客户对我们的了解程度"},
                 {"en": "Nothing: they are the same list", "zh": "没有：两者完全一样"}],
        correct=0,
        feedback=[{"en": "Yes: Budget (a stated budget, close to Money), Authority, Need, and Timeline.",
                   "zh": "对：预算（明确的预算，接近金钱）、权力、需求，再加上时间。"},
                  {"en": "B is for Budget, a stated budget for this purchase.", "zh": "B 代表预算，即为这次采购列出的预算。"},
                  {"en": "They share Authority and Need, but BANT asks for a budget and a timeline.",
                   "zh": "两者都有权力和需求，但 BANT 还要求预算和时间。"}],
    ),
    Question(
        prompt={"en": f"The {SOURCE} warns that in key-account sales many roles take part. Your contact influences "
                      f"the purchase but does not decide. What follows?",
                "zh": "《大客户关系管理教程》提醒，大客户销售中会有很多不同的角色。你的联系人能影响采购，但不做决定。由此可以得出什么？"},
        options=[{"en": "Ignore the influencer: only the decision maker matters", "zh": "忽略影响者：只有决策者重要"},
                 {"en": "Work with the influencer to reach and convince the decision maker, and answer each "
                         "person's doubts",
                  "zh": "与影响者合作，接触并说服决策者，并消除每个人的疑问"},
                 {"en": "The contact's role makes no difference", "zh": "联系人的角色没有影响"}],
        correct=1,
        feedback=[{"en": "The source asks you to watch the attitudes of decision makers and influencers alike.",
                   "zh": "资料要求同时关注决策者和影响者的态度。"},
                  {"en": "Yes: the salesperson balances the views of the many roles and answers each person's doubts.",
                   "zh": "对：销售人员需要平衡各方意见，并消除每个人的疑问。"},
                  {"en": "Authority is one of the three factors: who decides matters.", "zh": "权力是三个因素之一：谁做决定很重要。"}],
        source=SOURCE,
    ),
    Question(
        prompt={"en": "One job title's leads were won far less often than their MAN combinations predict, in a few "
                      "hundred leads. What do you do?",
                "zh": "在几百条线索中，某种职位联系人的线索赢单率远低于其 MAN 组合的预测。你怎么做？"},
        options=[{"en": "Stop selling to contacts with that title", "zh": "不再向这种职位的联系人销售"},
                 {"en": "Treat it as a question, not an answer: keep qualifying by MAN and check the pattern on new "
                         "leads",
                  "zh": "把它当作一个问题而不是答案：继续按 MAN 判断资格，并用新线索检验这一规律"},
                 {"en": "Conclude that job titles never matter", "zh": "断定职位永远不重要"}],
        correct=1,
        feedback=[{"en": "A gap in a few hundred leads can be luck; at Hengtai it is, since the title plays no part in "
                         "how the data were made.",
                   "zh": "几百条线索中的差距可能只是随机波动；在恒泰正是如此，因为数据生成时职位根本不起作用。"},
                  {"en": "Yes: count the deals it rests on, and see whether it holds on the next leads.",
                   "zh": "对：数一数它依据的成交有多少，再看它在之后的线索中是否仍然成立。"},
                  {"en": "One chance pattern says nothing either way; in a real firm a title could matter.",
                   "zh": "一个偶然的规律说明不了任何方向；在真实企业中，职位可能是重要的。"}],
    ),
]

GLOSSARY = [
    Term("MAN", "MAN 型客户", {"en": "A target customer with Money, Authority and Need; a checklist to qualify prospects.",
                             "zh": "具备金钱、权力和需求的目标客户；用来判断潜在客户资格的清单。"}, SOURCE),
    Term("Money", "金钱", {"en": "Purchasing power: the prospect can afford the offer.",
                          "zh": "购买力：潜在客户买得起产品或服务。"}, SOURCE),
    Term("Authority", "权力", {"en": "The power to decide the purchase.", "zh": "决定这次采购的权力。"}, SOURCE),
    Term("Need", "需求", {"en": "A real need of the prospect that the offer fits.", "zh": "潜在客户确实存在、产品正好满足的需求。"},
         SOURCE),
    Term("purchasing power", "购买力", {"en": "The means to pay for the offer (Money in MAN).",
                                       "zh": "支付能力（MAN 中的金钱）。"}, SOURCE),
    Term("target customer", "目标客户", {"en": "A prospect worth pursuing: in MAN terms, one with all three factors.",
                                       "zh": "值得跟进的潜在客户：按 MAN 的说法，三项因素俱全。"}, SOURCE),
    Term("lead qualification", "客户资格判断", {"en": "Deciding whether a prospect deserves selling time, and which "
                                                     "action fits; done with MAN, it is MAN qualification.",
                                               "zh": "判断潜在客户是否值得投入销售时间，以及应采取什么行动；用 MAN 来判断，即 MAN 客户资格判断。"}),
    Term("decision maker", "决策者", {"en": "The person who decides a purchase.", "zh": "决定采购的人。"}, SOURCE),
    Term("influencer", "影响者", {"en": "A person whose view shapes a purchase without deciding it.",
                                 "zh": "意见会影响采购、但不做决定的人。"}, SOURCE),
    Term("key account", "大客户", {"en": "A large customer whose purchases involve many roles.",
                                  "zh": "采购涉及多种角色的重要客户。"}, SOURCE),
    Term("MAN matrix", "MAN 矩阵", {"en": "The sales-training table of the eight MAN combinations, each with its action.",
                                   "zh": "销售培训中列出八种 MAN 组合及其对应行动的表。"}),
    Term("BANT", "BANT", {"en": "Budget, Authority, Need, Timeline: a qualification checklist of the sales literature "
                                "that adds when the prospect will buy.",
                          "zh": "预算、权力、需求、时间：销售文献中的资格判断清单，在 MAN 之外还关注客户何时采购。"}),
    Term("call list", "拜访名单", {"en": "A salesperson's open leads ranked by whom to contact first.",
                                  "zh": "按优先顺序排列的销售人员待跟进线索名单。"}),
    Term("win rate", "赢单率", {"en": "Share of decided leads that were won.", "zh": "有结果的线索中成交的比例。"}),
    Term("sales per selling hour", "每工时销售额", {"en": "Expected sales of a lead (win rate times deal value) divided by "
                                                       "the hours it takes; the course's yardstick for selling time.",
                                                 "zh": "一条线索的预期销售额（赢单率乘以商机金额）除以所需工时；本课衡量销售时间价值的标准。"}),
]
