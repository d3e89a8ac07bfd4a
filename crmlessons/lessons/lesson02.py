"""Lesson 02: the ASK rule. Attitude, Skill and Knowledge of a salesperson; asking instead of telling.

Besides the catalogue entries (``LESSON``, ``EXERCISES``, ``QUIZ``, ``GLOSSARY``) this module holds the
lesson's role-play for class: one student sells by telling, another by asking, to the same maintenance
engineer (:data:`ROLE_PLAY`, shown with :func:`role_play`), and the three job candidates of the hiring
decision (:func:`candidates`).

Examples
--------
>>> print(role_play())  # doctest: +ELLIPSIS
Role-play: selling by telling, selling by asking
...
Ask-vs-tell ratio of the salesperson: 0.0 (0 questions, 3 statements)
...
Ask-vs-tell ratio of the salesperson: 2.5 (5 questions, 2 statements)
...
>>> candidates()
         A   S   K
Wang    60  45  95
Li      60  80  45
Zhao    95  50  60
"""

from __future__ import annotations

import html

from crmlessons import ask, i18n
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

i18n.register({
    "rp_title": ("Role-play: selling by telling, selling by asking", "角色扮演：靠“说”推销，还是靠“问”营销"),
    "rp_situation": ("Situation", "情境"),
    "rp_roles": ("Roles", "角色"),
    "rp_version_tell": ("Version 1: the salesperson tells", "版本一：销售人员一直在“说”"),
    "rp_version_ask": ("Version 2: the salesperson asks", "版本二：销售人员先“问”"),
    "rp_ratio": ("Ask-vs-tell ratio of the salesperson: {ratio:.1f} ({asks} questions, {tells} statements)",
                 "销售人员的提问与陈述之比：{ratio:.1f}（提问 {asks} 次，陈述 {tells} 次）"),
    "rp_debrief": ("Debrief questions (10 minutes)", "复盘讨论题（10 分钟）"),
    "rp_how": ("How to run it: two pairs of students read the two versions aloud (5 minutes); the class marks each "
               "salesperson line as a question or a statement; then discuss the questions below.",
               "组织方法：两组同学分别朗读两个版本（5 分钟）；全班把销售人员的每句话标为“提问”或“陈述”；然后讨论下面的问题。"),
    "rp_sales": ("Salesperson", "销售人员"),
    "rp_contact": ("Engineer", "设备工程师"),
})

LESSON = Lesson(
    id="02",
    notebook="02_ask_rule.ipynb",
    title={"en": "The ASK rule: Attitude, Skill, Knowledge", "zh": "ASK 法则：态度、技能、知识"},
    objectives=[
        {"en": "Explain the three parts of the ASK rule and why its initials spell 'ask'.",
         "zh": "解释 ASK 法则的三个部分，以及为什么它的首字母拼成 “ask（提问）”。"},
        {"en": "Score an ASK self-assessment, including reverse-scored items, and read your profile.",
         "zh": "为 ASK 自我评估计分（包括反向计分题），并读懂自己的画像。"},
        {"en": "Test on a sales team's data which dimension, and whether asking more than telling, goes with "
               "winning, and say what would make the claim fail.",
         "zh": "用销售团队的数据检验哪个维度、以及“多问少说”是否与赢单相关，并说明什么结果会推翻这一说法。"},
        {"en": "Say why a correlation in a small team is a lead to follow, not proof.",
         "zh": "说明为什么小团队中的相关关系只是线索，而不是证据。"},
        {"en": "Decide from the data which course a team, and one salesperson, should get first, and which "
               "candidate to hire.",
         "zh": "根据数据决定团队和某位销售人员应先参加哪门培训，以及该录用哪位候选人。"},
    ],
    teaching_minutes=30,
    exercise_minutes=50,
    key_points=[
        {"en": "ASK: Attitude (the mindset towards the market, customers and problems), Skill (selling skill, "
               "learned at least as fast as the world around changes), Knowledge (of the industry and the customers, "
               "social, historical and cultural) (Key-account CRM course).",
         "zh": "ASK：态度（面对市场、客户和问题时的心态）、技能（销售技能，学习速度至少赶上外界变化）、"
               "知识（行业知识、客户知识、社会知识和历史人文知识）（《大客户关系管理教程》）。"},
        {"en": "The initials spell 'ask': finding the customer's real need by asking and communicating is what "
               "makes selling succeed, not telling the same pitch to everyone; the source's own quiz names "
               "communication as the skill CRM stresses (Key-account CRM course, Table 1-2 and quiz).",
         "zh": "首字母拼成 “ask（提问）”：通过提问和沟通了解客户的真正需求，才是成功营销的关键，而不是对所有人讲同一套说辞；"
               "该资料自己的测验也把沟通技巧列为客户关系管理强调的技巧（《大客户关系管理教程》，表 1-2 及测验）。"},
        {"en": "The course's self-assessment: reverse-scored items (A4, S4, K4) count as 6 - answer; each dimension "
               "is scored 0-100.",
         "zh": "本课程的自我评估：反向计分题（A4、S4、K4）按 6 - 答案计分；每个维度换算为 0-100 分。"},
        {"en": "To test which dimension goes with results on your own team: correlate each with win rate, look at "
               "the plausible range, and compare askers with the others at similar Skill. Hengtai's data were built "
               "so that Skill and asking matter most, so there they agree by construction; on a real team the claim "
               "fails if the range includes 0 or the gap vanishes at similar Skill.",
         "zh": "在自己的团队中检验哪个维度与业绩相关：计算各维度与赢单率的相关系数，看它的可能范围，并在技能相近的人中"
               "比较多问者与其他人。恒泰的数据是按“技能和提问最重要”构建的，所以结论必然吻合；在真实团队中，如果可能范围"
               "包含 0，或者技能相近时差距消失，这一说法就不成立。"},
        {"en": "The course's rule for coaching: room to grow (100 - score) times how much the dimension goes with "
               "results; the course for a whole team and the coaching of one person can point to different dimensions.",
         "zh": "本课程的辅导规则：提升空间（100 - 得分）乘以该维度与业绩的相关程度；全队的培训和某一个人的辅导，"
               "可能指向不同的维度。"},
    ],
    next={"en": "Lesson 03: MAN qualification — which prospects deserve your time.",
          "zh": "第 03 课：MAN 客户资格判断——哪些潜在客户值得你投入时间。"},
    sources={"004": {"en": "the ASK rule (attitude, skill, knowledge; the initials spell 'ask': ask the customer "
                           "rather than tell), telling versus communicating (Table 1-2) and its quiz answer that "
                           "communication is the skill CRM stresses",
                     "zh": "ASK 法则（态度、技能、知识；首字母拼成 ask：向客户提问，而不是“告诉”客户）、讲述与沟通的区别"
                           "（表 1-2），以及其测验答案：客户关系管理强调沟通技巧"}},
    skip_for_45=["3", "7", "8", "9"],
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 5),
        Section(2, 7, "exercise"),
        Section(3, 10, "widget", project="AskSelfAssessment"),
        Section(4, 8, "exercise"),
        Section(5, 8, "exercise"),
        Section(6, 10, "exercise", discuss=[
            {"en": "The course for the whole team and the coaching of one salesperson can point to different "
                   "ASK dimensions. Why, and which would you pay for first with a small budget?",
             "zh": "面向全体销售团队的培训和对某一位销售人员的辅导，可能指向 ASK 的不同维度。为什么？如果预算有限，"
                   "你会先为哪一项付费？"}]),
        Section(7, 10, "exercise"),
        Section(8, 15, "role_play", role_play=(
            {"en": "The role play in section 8 (crm.lessons.lesson02.role_play()): two pairs of students "
                   "read the telling and the asking version aloud, the class marks each salesperson line as "
                   "a question or a statement, then the debrief questions on the card.",
             "zh": "第 8 节的角色扮演（crm.lessons.lesson02.role_play()）："
                   "两组同学分别朗读“说”和“问”两个版本，全班把销售人员的每句话标为提问或陈述，"
                   "然后讨论卡片上的复盘问题。"})),
        Section(9, 2),
        Section(10, 4, "quiz", project="QuizWidget"),
        Section(11, 1, "summary"),
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercises

#: The option letter of each dimension in the coaching decisions (A: Attitude, B: Skill, C: Knowledge).
LETTERS = {"A": "A", "S": "B", "K": "C"}

#: The three candidates of the hiring decision: A, S and K scores (0-100) Ms Lin gave after a role-play interview.
CANDIDATES = {"Wang": {"A": 60, "S": 45, "K": 95}, "Li": {"A": 60, "S": 80, "K": 45},
              "Zhao": {"A": 95, "S": 50, "K": 60}}


def candidates():
    """Return the hiring decision's three candidates as a table: one row each, their A, S and K scores."""
    import pandas as pd

    return pd.DataFrame.from_dict(CANDIDATES, orient="index")[list(ask.DIMENSIONS)]


def _load_team():
    from crmlessons.datasets import load_salespeople

    return {"salespeople": load_salespeople()}


def _skill(answers, reverse=True, stretch=True, divide_by_five=False):
    values = [answers["S1"], answers["S2"], answers["S3"], (6 - answers["S4"]) if reverse else answers["S4"]]
    mean = sum(values) / len(values)
    if divide_by_five:
        return mean / 5 * 100
    return (mean - 1) / 4 * 100 if stretch else mean


def _skill_win(salespeople, rows=10, method="pearson"):
    """Skill's correlation with win rate in the first ``rows`` salespeople of the table (all when None)."""
    team = salespeople if rows is None else salespeople.head(rows)
    return float(ask.relations(team, method=method).loc["S", "win_rate"])


def _unreversed_skill_corr(salespeople):
    table = salespeople.head(10).copy()
    table["S4"] = 6 - table["S4"]  # turning S4 round again undoes the scoring's reversal
    return _skill_win(table)


def _gap_within(salespeople, half="upper"):
    rates = ask.ask_vs_tell_within(salespeople)["win_rate"]
    return float(rates.loc[(half, True)] - rates.loc[(half, False)])


def _gap_team(salespeople):
    rates = ask.ask_vs_tell(salespeople)["win_rate"]
    return float(rates.loc[True] - rates.loc[False])


def _dimension_facts(gains, scores, weights) -> dict:
    """Room to grow, weight and expected gain of each dimension, as the decisions' texts quote them."""
    facts = {}
    for d in ask.DIMENSIONS:
        facts |= {f"score_{d}": float(scores[d]), f"gap_{d}": 100 - float(scores[d]), f"w_{d}": float(weights[d]),
                  f"gain_{d}": float(gains[d])}
    return facts


def _team_course(salespeople):
    return LETTERS[str(ask.coaching_gains(salespeople).sum().idxmax())]


def _team_course_facts(salespeople):
    facts = _dimension_facts(ask.coaching_gains(salespeople).sum(), ask.score(salespeople).mean(),
                             ask.importance(salespeople))
    return facts | {"n": len(salespeople)}


def _coaching_case(salespeople):
    """The salesperson the coaching decision describes, chosen from the data, with the team's gains and scores.

    The highest on the coaching list whose best dimension to coach is neither their weakest (a single
    lowest score) nor the one a course for the whole team would pick; failing that, the highest whose
    best dimension is not their weakest; failing that, the top of the list.
    """
    plan, gains, scores = (ask.coaching_priorities(salespeople), ask.coaching_gains(salespeople),
                           ask.score(salespeople))
    team_best = str(gains.sum().idxmax())
    single_lowest = scores.eq(scores.min(axis=1), axis=0).sum(axis=1) == 1
    weakest = scores.idxmin(axis=1)
    rules = (lambda p: single_lowest[p] and plan.loc[p, "coach_on"] not in (weakest[p], team_best),
             lambda p: single_lowest[p] and plan.loc[p, "coach_on"] != weakest[p])
    for rule in rules:
        found = [person for person in plan.index if rule(person)]
        if found:
            return str(found[0]), gains, scores
    return str(plan.index[0]), gains, scores


def _coach_one(salespeople):
    person, gains, _ = _coaching_case(salespeople)
    return LETTERS[str(gains.loc[person].idxmax())]


def _coach_one_facts(salespeople):
    person, gains, scores = _coaching_case(salespeople)
    row = salespeople.set_index(salespeople["salesperson_id"].astype(str)).loc[person]
    facts = _dimension_facts(gains.loc[person], scores.loc[person], ask.importance(salespeople))
    return facts | {"person": person, "ratio": float(row["ask_tell_ratio"]), "win": float(row["win_rate"])}


def _weighted_candidates(salespeople):
    return ask.weighted_score(candidates(), salespeople, outcome="revenue_cny")


def _hire(salespeople):
    return dict(zip(CANDIDATES, "ABC"))[str(_weighted_candidates(salespeople).idxmax())]


def _hire_facts(salespeople):
    weighted, weights = _weighted_candidates(salespeople), ask.importance(salespeople, outcome="revenue_cny")
    facts = {f"w_{d}": float(weights[d]) for d in ask.DIMENSIONS}
    for name, row in candidates().iterrows():
        facts |= {f"{name}_{d}": float(row[d]) for d in ask.DIMENSIONS}
        facts |= {f"{name}_total": float(row.sum()), f"{name}_weighted": float(weighted[name])}
    return facts


_COURSES = {  # the three courses, by dimension: the options of both coaching decisions
    "A": {"en": "A workshop on handling rejection and setbacks (Attitude)", "zh": "应对拒绝和挫折的工作坊（态度）"},
    "S": {"en": "A course on asking questions and finding the customer's need (Skill)",
          "zh": "提问与发现客户需求的课程（技能）"},
    "K": {"en": "A course on the customers' industries and Hengtai's products (Knowledge)",
          "zh": "客户所在行业与恒泰产品的课程（知识）"},
}


def _course_feedback(d: str, team: bool) -> dict:
    """Feedback on the course for dimension ``d``: room to grow x weight = expected gain (templates)."""
    en, zh = i18n.t(f"ask_{d}", lang="en"), i18n.t(f"ask_{d}", lang="zh")
    whose = ("the team's average", "全队平均") if team else ("{person}'s", "{person} 的")
    total = (" summed over the team's {n} people", "（全队 {n} 人合计）") if team else ("", "")
    return {"en": f"{en}: {whose[0]} room to grow is {{gap_{d}:.0f}} points and {en}'s correlation with win rate "
                  f"in the team is {{w_{d}:.2f}}, so the expected gain is {{gain_{d}:.0f}}{total[0]} (the course's "
                  f"rule: room to grow x correlation).",
            "zh": f"{zh}：{whose[1]}提升空间为 {{gap_{d}:.0f}} 分，{zh}与团队赢单率的相关系数为 {{w_{d}:.2f}}，"
                  f"预期收益为 {{gain_{d}:.0f}}{total[1]}（本课程的规则：提升空间 × 相关系数）。"}


def _candidate_feedback(name: str, zh_name: str) -> dict:
    return {"en": f"{name}: A {{{name}_A:.0f}}, S {{{name}_S:.0f}}, K {{{name}_K:.0f}} (total {{{name}_total:.0f}}); "
                  f"weighted by how each dimension goes with revenue in the team (A {{w_A:.2f}}, S {{w_S:.2f}}, "
                  f"K {{w_K:.2f}}), {{{name}_weighted:.1f}} of 100.",
            "zh": f"{zh_name}：态度 {{{name}_A:.0f}}、技能 {{{name}_S:.0f}}、知识 {{{name}_K:.0f}}（合计 "
                  f"{{{name}_total:.0f}}）；按各维度与团队赢单金额的相关系数（态度 {{w_A:.2f}}、技能 {{w_S:.2f}}、"
                  f"知识 {{w_K:.2f}}）加权后为 {{{name}_weighted:.1f}} 分（满分 100）。"}


EXERCISES = [
    Exercise(
        name="02.my_skill_score",
        question={
            "en": "A salesperson answered the four Skill items S1 = 4, S2 = 3, S3 = 4 and S4 = 4 (S4, 'I tell every "
                  "customer the same product pitch', is reverse-scored). What is their Skill score on the 0-100 scale? "
                  "Work it out by hand (a calculator is fine).",
            "zh": "一位销售人员对四道技能题的回答是 S1 = 4、S2 = 3、S3 = 4、S4 = 4（S4“我对每位客户讲的都是同一套产品说辞”"
                  "是反向计分题）。他的技能得分（0-100 分）是多少？请手工计算（可以用计算器）。",
        },
        data=lambda: {"answers": {"S1": 4, "S2": 3, "S3": 4, "S4": 4}},
        answer=lambda answers: _skill(answers),
        hint={"en": "Turn S4 round first (6 - answer), take the mean of the four item scores, then stretch 1-5 to "
                    "0-100: (mean - 1) / 4 * 100.",
              "zh": "先把 S4 反过来（6 - 答案），求四题得分的平均值，再把 1-5 分换算成 0-100 分：(平均值 - 1) / 4 * 100。"},
        mistakes=[
            Mistake(lambda answers: _skill(answers, reverse=False),
                    {"en": "You used S4 as answered. Agreeing with S4 means LESS skill: count it as 6 - 4 = 2.",
                     "zh": "你直接用了 S4 的原始答案。同意 S4 说明技能更弱：应按 6 - 4 = 2 计分。"}),
            Mistake(lambda answers: _skill(answers, stretch=False),
                    {"en": "That is the mean on the 1-5 scale; the score is on 0-100: (mean - 1) / 4 * 100.",
                     "zh": "这是 1-5 分制的平均值；得分要换算到 0-100：(平均值 - 1) / 4 * 100。"}),
            Mistake(lambda answers: _skill(answers, divide_by_five=True),
                    {"en": "Dividing by 5 makes the lowest answer (1) worth 20, not 0: use (mean - 1) / 4 * 100.",
                     "zh": "除以 5 会让最低答案 1 分变成 20 分而不是 0 分：请用 (平均值 - 1) / 4 * 100。"}),
        ],
        solution={"en": "Item scores: 4, 3, 4 and 6 - 4 = 2. Mean = 13 / 4 = 3.25. Score = (3.25 - 1) / 4 * 100 = 56.25.\n"
                        "With the course's function: `ask.score(...)` on all twelve answers does the same per dimension.",
                  "zh": "各题得分：4、3、4 和 6 - 4 = 2。平均值 = 13 / 4 = 3.25。得分 = (3.25 - 1) / 4 * 100 = 56.25。\n"
                        "用课程函数：对全部 12 道题的答案调用 `ask.score(...)`，会按维度做同样的计算。"},
    ),
    Exercise(
        name="02.small_team_corr",
        question={
            "en": "How far can one small team's correlation be trusted? Suppose Ms Lin had only the first ten "
                  "salespeople of the team table (SP001 to SP010). What correlation between Skill score and win rate "
                  "would she find in them? Give a number between -1 and 1, then compare it with the whole team's.",
            "zh": "一个小团队里算出的相关系数有多可信？假设林总监只有团队表中的前十位销售人员（SP001 到 SP010）。"
                  "她在这十人中会得到多大的技能得分与赢单率的相关系数？请给出 -1 到 1 之间的数，再和全队的结果比较。",
        },
        data=_load_team,
        answer=_skill_win,
        hint={"en": "`team.head(10)` is the first ten rows; correlate them as you did the whole team: "
                    "`ask.relations(team.head(10))`, row S, column win_rate.",
              "zh": "`team.head(10)` 是前十行；像对全队那样计算相关：`ask.relations(team.head(10))`，读 S 行、win_rate 列。"},
        mistakes=[
            Mistake(lambda salespeople: _skill_win(salespeople, rows=None),
                    {"en": "That is the whole team's correlation; the question asks about the first ten people only.",
                     "zh": "那是全队的相关系数；题目问的只是前十个人。"}),
            Mistake(lambda salespeople: _skill_win(salespeople, method="spearman"),
                    {"en": "That is the rank (Spearman) correlation; use the default (Pearson) one.",
                     "zh": "那是秩（Spearman）相关；请使用默认的（Pearson）相关。"}),
            Mistake(_unreversed_skill_corr,
                    {"en": "It looks as if S4 was not reverse-scored: score it as 6 - answer (ask.score does).",
                     "zh": "看起来 S4 没有反向计分：应按 6 - 答案计分（ask.score 会自动处理）。"}),
        ],
        solution={"en": "`ask.relations(team.head(10)).loc['S', 'win_rate']`: about 0.83 in these ten, against 0.60 in "
                        "all 40, and even outside the whole team's plausible range. Ten people more or fewer move a "
                        "correlation a lot: one team's figure is a lead to test, not a law.",
                  "zh": "`ask.relations(team.head(10)).loc['S', 'win_rate']`：这十人中约为 0.83，全队 40 人中为 0.60，"
                        "甚至超出了全队的可能范围。多十个人或少十个人，相关系数就会变化很大：一个团队的数字只是值得检验的线索，"
                        "不是规律。"},
    ),
    Exercise(
        name="02.asker_gap_same_skill",
        question={
            "en": "Hold Skill roughly fixed: take the salespeople whose Skill score is at least the team's median. "
                  "Among them, how much higher is the mean win rate of those who ask more than they tell "
                  "(ask_tell_ratio above 1) than that of the others? Give the difference as a share "
                  "(e.g. 0.05 for 5 points).",
            "zh": "让技能大致保持不变：只看技能得分不低于全队中位数的销售人员。在他们当中，“提问多于陈述”"
                  "（ask_tell_ratio 大于 1）的人的平均赢单率比其他人高多少？请以比例表示差值（例如 5 个百分点写作 0.05）。",
        },
        data=_load_team,
        answer=_gap_within,
        hint={"en": "`ask.ask_vs_tell_within(team)` splits the team at the median Skill score and compares askers "
                    "(True) with the others (False) in each half: in the upper half, subtract the others' win rate "
                    "from the askers'.",
              "zh": "`ask.ask_vs_tell_within(team)` 按技能得分中位数把团队分成两半，并在每一半里比较多问者（True）与其他人"
                    "（False）：在上半部分（upper）中，用多问者的赢单率减去其他人的。"},
        mistakes=[
            Mistake(_gap_team,
                    {"en": "That is the gap in the whole team, skilled and less skilled together; the question holds "
                           "Skill roughly fixed: compare only inside the upper half.",
                     "zh": "那是全队的差距，技能高低的人混在一起；题目要求技能大致不变：只在上半部分内比较。"}),
            Mistake(lambda salespeople: _gap_within(salespeople, half="lower"),
                    {"en": "That is the lower half (Skill below the median); the question asks about the upper half.",
                     "zh": "那是下半部分（技能低于中位数）；题目问的是上半部分。"}),
            Mistake(lambda salespeople: -_gap_within(salespeople),
                    {"en": "The sign is reversed: subtract the others' win rate from the askers'.",
                     "zh": "符号反了：应当用多问者的赢单率减去其他人的。"}),
        ],
        solution={"en": "`t = ask.ask_vs_tell_within(team)['win_rate']`, then `t['upper', True] - t['upper', False]`: "
                        "0.124 - 0.042 = 0.082, about as large as the gap in the whole team. At similar Skill the askers "
                        "still win more, so Skill alone does not explain the gap: the claim survives this test. It would "
                        "fail if the gap vanished inside the halves. Hengtai's data were built with an effect of asking "
                        "of its own, so here it had to survive; on your own team the same two lines are the test.",
                  "zh": "`t = ask.ask_vs_tell_within(team)['win_rate']`，再算 `t['upper', True] - t['upper', False]`："
                        "0.124 - 0.042 = 0.082，和全队的差距差不多大。技能相近时，多问者仍然赢得更多，所以差距不能只用技能"
                        "来解释：这一说法经受住了检验。如果在两半内部差距消失，这一说法就不成立。恒泰的数据在构建时就让“提问”"
                        "有自己的作用，所以这里必然通过检验；在你自己的团队中，同样两行代码就是检验方法。"},
    ),
    Decision(
        name="02.team_course",
        question={
            "en": "Ms Lin can pay for one course for the whole team of {n} this quarter, and wants the one the team's "
                  "data support first. Which course should she book?",
            "zh": "林总监本季度可以为全队 {n} 人安排一门培训，她希望选团队数据最支持的那一门。她应该安排哪门课？",
        },
        data=_load_team,
        answer=_team_course,
        facts=_team_course_facts,
        options={LETTERS[d]: text for d, text in _COURSES.items()},
        feedback={LETTERS[d]: _course_feedback(d, team=True) for d in ask.DIMENSIONS},
        hint={"en": "A course for everyone helps most where the team's room to grow, summed over the people and "
                    "weighted by how much the dimension goes with winning, is largest: `ask.coaching_gains(team).sum()`.",
              "zh": "面向全员的培训，应选全队提升空间（按人求和，并按该维度与赢单的相关程度加权）最大的维度："
                    "`ask.coaching_gains(team).sum()`。"},
        solution={"en": "`ask.coaching_gains(team).sum()` adds up each person's room to grow times the dimension's "
                        "correlation with win rate. In Hengtai's team the average room to grow is almost the same in all "
                        "three dimensions, so the correlation decides, and Skill goes with win rate most: the questioning "
                        "course. Remember that Hengtai's data were built that way; on a real team, check the correlations "
                        "and their ranges first.",
                  "zh": "`ask.coaching_gains(team).sum()` 把每个人的提升空间乘以该维度与赢单率的相关系数后相加。恒泰团队三个维度"
                        "的平均提升空间几乎一样，所以由相关系数决定，而技能与赢单率的相关最强：应安排提问课程。别忘了恒泰的数据"
                        "就是这样构建的；在真实团队中，先检查相关系数及其可能范围。"},
    ),
    Decision(
        name="02.coach_one",
        question={
            "en": "{person} scores Attitude {score_A:.0f}, Skill {score_S:.0f} and Knowledge {score_K:.0f}, asks "
                  "{ratio:.2f} questions per statement and wins {win:.1%} of decided leads. Ms Lin can send {person} "
                  "on one course. Which should come first?",
            "zh": "{person} 的态度得分 {score_A:.0f}、技能 {score_S:.0f}、知识 {score_K:.0f}，每作一次陈述提问 {ratio:.2f} "
                  "次，已决线索的赢单率为 {win:.1%}。林总监可以派 {person} 参加一门培训。应该先上哪门？",
        },
        data=_load_team,
        answer=_coach_one,
        facts=_coach_one_facts,
        options={LETTERS[d]: text for d, text in _COURSES.items()},
        feedback={LETTERS[d]: _course_feedback(d, team=False) for d in ask.DIMENSIONS},
        hint={"en": "Go neither by the lowest score alone nor by the team's course: for this person, multiply each "
                    "dimension's room to grow by its correlation with win rate, e.g. "
                    "`ask.coaching_gains(team).loc[\"SP001\"]` with the person's id.",
              "zh": "不要只看最低分，也不要照搬全队的选择：对这个人，把每个维度的提升空间乘以该维度与赢单率的相关系数，"
                    "例如把 `ask.coaching_gains(team).loc[\"SP001\"]` 中的编号换成此人的编号。"},
        solution={"en": "`ask.coaching_gains(team).loc[person]` gives the expected gain of each course for this person; "
                        "the largest comes first. With the shipped data it is neither the person's weakest dimension (whose correlation "
                        "with win rate is small) nor the team's choice (where the person has little room to grow): one "
                        "person's coaching and the course for the whole team can differ.",
                  "zh": "`ask.coaching_gains(team).loc[person]` 给出此人参加每门课的预期收益，最大的优先。在课程自带的数据中，它既不是此人最弱的维度"
                        "（它与赢单率的相关很弱），也不是全队的选择（此人在该维度上的提升空间不大）：个人辅导和全队培训可能不同。"},
    ),
    Decision(
        name="02.hire_key_account",
        question={
            "en": "Hengtai needs a salesperson for its key accounts, where revenue counts most. After a role-play "
                  "interview Ms Lin scored three candidates: Wang (A {Wang_A:.0f}, S {Wang_S:.0f}, K {Wang_K:.0f}; years "
                  "of selling bearings), Li (A {Li_A:.0f}, S {Li_S:.0f}, K {Li_K:.0f}) and Zhao (A {Zhao_A:.0f}, "
                  "S {Zhao_S:.0f}, K {Zhao_K:.0f}). Judging by how each dimension goes with revenue in Hengtai's team, "
                  "whom should she hire?",
            "zh": "恒泰需要一位销售人员负责大客户，那里最看重赢单金额。经过角色扮演面试，林总监给三位候选人打了分：王"
                  "（态度 {Wang_A:.0f}、技能 {Wang_S:.0f}、知识 {Wang_K:.0f}；卖过多年轴承）、李（态度 {Li_A:.0f}、"
                  "技能 {Li_S:.0f}、知识 {Li_K:.0f}）和赵（态度 {Zhao_A:.0f}、技能 {Zhao_S:.0f}、知识 {Zhao_K:.0f}）。"
                  "按恒泰团队中各维度与赢单金额的相关程度来判断，她应该录用谁？",
        },
        data=_load_team,
        answer=_hire,
        facts=_hire_facts,
        options={"A": {"en": "Wang", "zh": "王"}, "B": {"en": "Li", "zh": "李"}, "C": {"en": "Zhao", "zh": "赵"}},
        feedback={"A": _candidate_feedback("Wang", "王"), "B": _candidate_feedback("Li", "李"),
                  "C": _candidate_feedback("Zhao", "赵")},
        hint={"en": "The highest total is not the answer: weigh each score by the dimension's correlation with revenue, "
                    "`ask.weighted_score(candidates, team, outcome=\"revenue_cny\")`.",
              "zh": "总分最高的不一定是答案：按各维度与赢单金额的相关系数给得分加权，"
                    "`ask.weighted_score(candidates, team, outcome=\"revenue_cny\")`。"},
        solution={"en": "`ask.weighted_score(candidates, team, outcome=\"revenue_cny\")` weighs each score by how much "
                        "its dimension goes with revenue in the team; the candidate with the highest weighted score fits "
                        "best by the course's rule. The highest total can lose when its points sit in a dimension that "
                        "goes with revenue little. Two cautions: the weights come from one team of 40 whose data were "
                        "built so that Skill matters most, and an interview score is not a track record.",
                  "zh": "`ask.weighted_score(candidates, team, outcome=\"revenue_cny\")` 按各维度与团队赢单金额的相关程度给得分加权；"
                        "按本课程的规则，加权得分最高的候选人最合适。总分最高的人，如果分数集中在与赢单金额关系不大的维度上，反而"
                        "会落后。两点提醒：权重来自一个 40 人的团队，而它的数据是按“技能最重要”构建的；面试得分也不等于业绩记录。"},
    ),
]


# ---------------------------------------------------------------------------------------------
# Quiz

QUIZ = [
    Question(
        prompt={"en": "According to the Key-account CRM course's own quiz, which skill does CRM stress?",
                "zh": "根据《大客户关系管理教程》自带的测验，客户关系管理强调哪种技巧？"},
        options=[{"en": "General ability", "zh": "能力"}, {"en": "Communication skills", "zh": "沟通技巧"},
                 {"en": "Persuasion skills", "zh": "说服技巧"}, {"en": "Caring ability", "zh": "关怀能力"}],
        correct=1,
        feedback=[{"en": "Too broad: the source names one specific skill.", "zh": "太宽泛了：资料指出了一种具体的技巧。"},
                  {"en": "Yes: CRM listens, learns and understands (Table 1-2); that is communication, and it is why "
                         "“ask” beats “tell”.",
                   "zh": "对：客户关系管理重在听、学、了解（表 1-2），这就是沟通，也是“问”胜过“说”的原因。"},
                  {"en": "Persuading is telling; CRM puts listening and asking first.", "zh": "说服仍是“说”；客户关系管理把倾听和提问放在前面。"},
                  {"en": "Care matters, but the source’s answer is the skill that lets you learn what customers need.",
                   "zh": "关怀很重要，但资料的答案是能让你了解客户需求的那种技巧。"}],
        source="Key-account CRM course, quiz",
    ),
    Question(
        prompt={"en": "A salesperson loses a big deal and feels like giving up. Which part of ASK is being tested?",
                "zh": "一位销售人员丢了一个大单，很想放弃。这考验的是 ASK 的哪一部分？"},
        options=[{"en": "Attitude", "zh": "态度"}, {"en": "Skill", "zh": "技能"}, {"en": "Knowledge", "zh": "知识"}],
        correct=0,
        feedback=[{"en": "Right: attitude is the mindset for handling whatever problems come up with customers; the source "
                         "quotes a football coach: “attitude decides everything”.",
                   "zh": "对：态度是面对客户、处理各种问题时的心态；资料引用一位足球教练的话：“态度决定一切”。"},
                  {"en": "Skill is how well you sell; this is about how you take a setback.", "zh": "技能是销售做得好不好；这里说的是如何面对挫折。"},
                  {"en": "Knowledge is what you know about the industry and customers; this is about mindset.",
                   "zh": "知识是你对行业和客户的了解；这里说的是心态。"}],
        source="Key-account CRM course",
    ),
    Question(
        prompt={"en": "How fast should a salesperson learn new selling skills, according to the Key-account CRM course?",
                "zh": "根据《大客户关系管理教程》，销售人员学习新技能应该有多快？"},
        options=[{"en": "At least as fast as the world around changes", "zh": "至少赶上外界变化的速度"},
                 {"en": "Once, in a thorough training at the start", "zh": "入职时一次性系统培训即可"},
                 {"en": "Only when sales fall", "zh": "只在业绩下滑时才学"}],
        correct=0,
        feedback=[{"en": "Yes: selling is competitive, so learning has to keep up with change.", "zh": "对：营销竞争激烈，学习必须跟上变化。"},
                  {"en": "The world keeps changing, so one training at the start goes out of date.", "zh": "外界一直在变，入职培训很快就会过时。"},
                  {"en": "Waiting for sales to fall means learning too late.", "zh": "等业绩下滑再学就太晚了。"}],
        source="Key-account CRM course",
    ),
    Question(
        prompt={"en": "Why do the initials A-S-K make a good word for selling?",
                "zh": "为什么 A-S-K 这三个首字母拼成的词很适合营销？"},
        options=[{"en": "Because good selling asks questions and listens to find the customer’s real need",
                  "zh": "因为好的营销通过提问和倾听发现客户的真正需求"},
                 {"en": "Because a salesperson should ask for the order as early as possible",
                  "zh": "因为销售人员应尽早要求客户下单"},
                 {"en": "Because customers should ask the salesperson for a discount",
                  "zh": "因为客户应该向销售人员要折扣"}],
        correct=0,
        feedback=[{"en": "Right: many salespeople “tell” (pitch) instead of asking; asking uncovers the real need "
                         "(Key-account CRM course).",
                   "zh": "对：很多销售人员在“告诉”客户（推销），而不是提问；提问才能发现真正的需求（《大客户关系管理教程》）。"},
                  {"en": "Asking for the order too early is still telling; “ask” here means asking about the customer’s need.",
                   "zh": "过早要求下单其实还是在“说”；这里的“ask”是询问客户的需求。"},
                  {"en": "The word is about what the salesperson does: asking, not being asked.", "zh": "这个词说的是销售人员该做的事：提问，而不是被问。"}],
        source="Key-account CRM course",
    ),
    Question(
        prompt={"en": "A salesperson answers 5 (“strongly agree”) to S4, “I tell every customer the same product pitch”. "
                      "How does that answer count in the course's Skill score?",
                "zh": "一位销售人员对 S4“我对每位客户讲的都是同一套产品说辞”回答 5（非常同意）。这个回答在本课程的技能得分中算几分？"},
        options=[{"en": "As 1: it is reverse-scored (6 - 5)", "zh": "算 1 分：这是反向计分题（6 - 5）"},
                 {"en": "As 5, like any other answer", "zh": "算 5 分，和其他题一样"},
                 {"en": "It is left out of the score", "zh": "不计入得分"}],
        correct=0,
        feedback=[{"en": "Yes: agreeing with a reverse-scored item signals less of the dimension.", "zh": "对：同意反向计分题，说明这个维度更弱。"},
                  {"en": "Then telling everyone the same pitch would raise the Skill score: the opposite of what it means.",
                   "zh": "那样的话，对所有人讲同一套说辞反而会提高技能得分，和本意正好相反。"},
                  {"en": "It counts; reverse-scored items are turned round, not dropped.", "zh": "要计入；反向计分题是反过来计分，而不是去掉。"}],
    ),
    Question(
        prompt={"en": "In Hengtai’s team, Skill goes with win rate more than Attitude and Knowledge do. What does that "
                      "tell you about salespeople in general?",
                "zh": "在恒泰的团队中，技能与赢单率的关系比态度和知识更密切。这对一般的销售人员说明了什么？"},
        options=[{"en": "Nothing by itself: Hengtai is synthetic and was built that way; it shows how to test the claim "
                        "on a real team",
                  "zh": "本身什么也说明不了：恒泰是虚构的，数据就是这样构建的；它展示的是如何在真实团队中检验这一说法"},
                 {"en": "That skill matters most for every sales team", "zh": "说明对每个销售团队来说技能都最重要"},
                 {"en": "That the source text ranks skill above attitude and knowledge", "zh": "说明资料把技能排在态度和知识之前"}],
        correct=0,
        feedback=[{"en": "Right: the course planted the effect; what carries over is the method (correlate, look at the "
                         "range, hold Skill fixed), run on your own team's data.",
                   "zh": "对：这个效应是课程植入的；能带走的是方法（计算相关、看可能范围、控制技能不变），用在你自己团队的数据上。"},
                  {"en": "Data built to agree with a claim cannot be evidence for it; and one team is not every team.",
                   "zh": "为符合某个说法而构建的数据，不能作为这个说法的证据；而且一个团队也代表不了所有团队。"},
                  {"en": "The source names the three parts without ranking them; the ranking is the course's, built into the data.",
                   "zh": "资料只列出三个部分，并没有排序；排序是本课程的设定，构建在数据里。"}],
    ),
    Question(
        prompt={"en": "On your own team, askers win more than the others overall, but among people of similar Skill they "
                      "win no more. What does that mean for the claim “asking goes with winning”?",
                "zh": "在你自己的团队中，多问者总体上比其他人赢得多，但在技能相近的人中却并不更多。这对“多问与赢单相关”这一说法意味着什么？"},
        options=[{"en": "Skill may explain the gap: skilled people ask more and win more; the claim fails this test",
                  "zh": "差距可能来自技能：技能强的人既多问又多赢；这一说法没有通过检验"},
                 {"en": "Asking is proved to cause winning", "zh": "证明了提问导致赢单"},
                 {"en": "Nothing: only the overall comparison counts", "zh": "没有影响：只有总体比较才算数"}],
        correct=0,
        feedback=[{"en": "Right: a third factor can make two things move together; holding it fixed is the test.",
                   "zh": "对：第三个因素会让两者一起变化；控制它不变，就是检验方法。"},
                  {"en": "The opposite: once Skill is held fixed, the gap is gone, so asking itself is not shown to help.",
                   "zh": "正好相反：技能固定后差距消失了，所以并没有显示提问本身有作用。"},
                  {"en": "The overall comparison mixes skilled and less skilled people; the comparison at similar Skill is "
                         "the sharper test.",
                   "zh": "总体比较把技能高低的人混在一起；在技能相近的人中比较，才是更严格的检验。"}],
    ),
]


# ---------------------------------------------------------------------------------------------
# Glossary

GLOSSARY = [
    Term("ASK rule", "ASK 法则", {"en": "Attitude, Skill and Knowledge: the three elements of successful selling; the "
                                        "initials spell 'ask', a reminder to ask rather than tell.",
                                  "zh": "态度、技能、知识：成功营销的三大要素；首字母拼成 “ask（提问）”，提醒人们多问少说。"},
         "Key-account CRM course"),
    Term("Attitude", "态度", {"en": "A salesperson's mindset towards the market, customers and the problems that come up.",
                              "zh": "销售人员面对市场、客户和各种问题时的心态。"}, "Key-account CRM course"),
    Term("Skill", "技能", {"en": "Selling skill, learned continuously, at least as fast as the world around changes.",
                           "zh": "销售技能，需要不断学习，速度至少赶上外界变化。"}, "Key-account CRM course"),
    Term("Knowledge", "知识", {"en": "Industry, customer, social, historical and cultural knowledge useful in selling.",
                               "zh": "与营销相关的行业知识、客户知识、社会知识和历史人文知识。"}, "Key-account CRM course"),
    Term("communication skill", "沟通技巧", {"en": "Listening, learning and understanding the customer: the skill CRM stresses.",
                                            "zh": "倾听、学习和了解客户：客户关系管理强调的技巧。"}, "Key-account CRM course, quiz"),
    Term("ask-vs-tell ratio", "提问与陈述之比", {"en": "Questions a salesperson asks divided by statements they make in a "
                                                   "customer conversation; above 1 means asking more than telling.",
                                             "zh": "销售人员在客户交谈中提问次数除以陈述次数；大于 1 表示提问多于陈述。"}),
    Term("self-assessment", "自我评估", {"en": "Rating oneself on a set of statements (here the course's 12 items on a 1-5 "
                                              "agree scale).",
                                        "zh": "按一组陈述为自己打分（这里是本课程的 12 道题，1-5 分同意量表）。"}),
    Term("reverse-scored item", "反向计分题", {"en": "A statement where agreeing signals less of the dimension; it counts as "
                                                 "6 - answer on a 1-5 scale.",
                                           "zh": "同意即表示该维度更弱的题目；在 1-5 分制中按 6 - 答案计分。"}),
    Term("correlation", "相关系数", {"en": "A number from -1 to 1 saying how closely two things move together; it is not "
                                         "proof that one causes the other.",
                                   "zh": "介于 -1 到 1 之间的数，表示两者一起变化的紧密程度；它不能证明一方导致另一方。"}),
    Term("coaching priority", "辅导优先级", {"en": "Who to coach on what first; the course's rule: room to grow times how much "
                                                 "the dimension goes with results.",
                                           "zh": "先辅导谁、辅导什么；本课程的规则：提升空间乘以该维度与业绩的相关程度。"}),
]


# ---------------------------------------------------------------------------------------------
# Role-play for class

#: The role-play: one situation, two versions of the same visit, debrief questions. Each salesperson line is
#: marked "ask" (a question) or "tell" (a statement); the engineer's lines are marked "reply". The contact is an
#: engineer: in Hengtai's leads engineers are never the decision maker, yet they win about as often as the
#: average lead, so asking who decides is part of the visit (plant-manager contacts, which rarely win in
#: the data, are lesson 03's question).
ROLE_PLAY = {
    "situation": {
        "en": "Xiao Chen, a salesperson of Hengtai Industrial Supply, visits Mr Zhou, the maintenance engineer in charge "
              "of line 3 at an auto-parts factory in Suzhou. Mr Zhou has agreed to 10 minutes. Hengtai has never sold "
              "to this plant.",
        "zh": "恒泰工业供应的销售人员小陈拜访苏州一家汽车零部件厂负责 3 号生产线的设备工程师周工。周工答应给他 10 分钟。"
              "恒泰还从未向这家工厂供过货。",
    },
    "roles": {
        "en": "Student 1 plays Xiao Chen (salesperson), student 2 plays Mr Zhou (engineer). Mr Zhou's secret: line 3 "
              "stopped twice last month because a bearing failed; he recommends suppliers, but the purchasing "
              "manager, Ms Wu, decides and signs.",
        "zh": "同学一扮演小陈（销售人员），同学二扮演周工（设备工程师）。周工心里的情况：3 号生产线上个月因轴承故障停了两次；"
              "供应商由他推荐，但由采购经理吴经理决定并签字。",
    },
    "telling": [
        ("sales", "tell", "Good morning, Mr Zhou. I'm Chen from Hengtai. We are a leading supplier of bearings, "
                          "hydraulics and power tools in East China.",
         "周工，您好！我是恒泰的小陈。我们是华东领先的轴承、液压件和电动工具供应商。"),
        ("contact", "reply", "We already have suppliers.", "我们已经有供应商了。"),
        ("sales", "tell", "Our bearings last 20% longer than standard ones, and this month there is 10% off every "
                          "order over 50,000 yuan.",
         "我们的轴承比普通轴承寿命长 20%，本月订单满 5 万元还打九折。"),
        ("contact", "reply", "Prices are for purchasing, not for me.", "价格的事找采购，不归我管。"),
        ("sales", "tell", "We also offer maintenance service and next-day delivery. Here is our catalogue; I can send "
                          "you a quote today.",
         "我们还提供维修服务，次日送达。这是我们的产品目录，今天就可以给您报价。"),
        ("contact", "reply", "Leave the catalogue. Purchasing will call you if we need anything.",
         "目录放这儿吧，需要的话采购会给你打电话。"),
    ],
    "asking": [
        ("sales", "ask", "Good morning, Mr Zhou, thank you for your time. Before I tell you about us, may I ask how "
                         "line 3 has been running this quarter?",
         "周工，您好，谢谢您抽出时间。在介绍我们之前，能先问问这个季度 3 号线运行得怎么样吗？"),
        ("contact", "reply", "Not well. It stopped twice last month: a bearing failed.", "不太好。上个月停了两次，轴承坏了。"),
        ("sales", "ask", "Twice in a month: what did each stop cost you?", "一个月停两次——每次停线给您造成了多大损失？"),
        ("contact", "reply", "Half a shift each time, and a late delivery to our car-maker customer.",
         "每次半个班的产量，还耽误了给整车厂客户的交货。"),
        ("sales", "tell", "So the real problem is unplanned stops, not the price of a bearing.",
         "所以真正的问题是计划外停线，而不是轴承的价格。"),
        ("sales", "ask", "Who decides with you on a new supplier for line 3?", "3 号线要换供应商，除了您还有谁参与决定？"),
        ("contact", "reply", "I recommend; Ms Wu, our purchasing manager, decides and signs.",
         "我来推荐，采购经理吴经理决定并签字。"),
        ("sales", "ask", "What would a good result look like for you by next quarter?", "到下个季度，什么样的结果您会觉得满意？"),
        ("contact", "reply", "No unplanned stops, and a warning before a bearing fails.", "不再有计划外停线，轴承坏之前能提前预警。"),
        ("sales", "tell", "We run vibration checks that warn of a failing bearing weeks ahead.",
         "我们做振动检测，能提前几周发现快要损坏的轴承。"),
        ("sales", "ask", "Could we check line 3 next week, free of charge, and show the results to you and Ms Wu?",
         "下周我们免费给 3 号线做一次检测，再把结果给您和吴经理看，可以吗？"),
        ("contact", "reply", "Yes. I'll ask her to join us on Tuesday.", "可以，我请她周二一起来。"),
    ],
    "debrief": [
        {"en": "Count the questions and the statements of each salesperson. What is each one's ask-vs-tell ratio?",
         "zh": "分别数一数两位销售人员的提问和陈述。各自的提问与陈述之比是多少？"},
        {"en": "What did each salesperson learn about the plant's real need, and about who decides and who signs?",
         "zh": "两位销售人员各自了解到了工厂的什么真正需求？又了解到谁做决定、谁签字吗？"},
        {"en": "Where did Mr Zhou start to talk more? What made him open up?", "zh": "周工从哪里开始说得更多了？是什么让他愿意开口？"},
        {"en": "Find Attitude, Skill and Knowledge in version 2: where does each show?",
         "zh": "在版本二中找出态度、技能和知识：它们分别体现在哪里？"},
        {"en": "Rewrite one line of version 1 as a question. How would Mr Zhou answer it?",
         "zh": "把版本一中的一句话改写成提问。周工会怎么回答？"},
        {"en": "Mr Zhou cannot sign. Why is he still worth the visit, and what must the salesperson do next?",
         "zh": "周工不能签字。为什么仍然值得拜访他？销售人员接下来该做什么？"},
        {"en": "The salesperson of version 2 also told things. When is telling the right move?",
         "zh": "版本二的销售人员也做了陈述。什么时候“说”才是对的？"},
    ],
}


class RolePlay:
    """The role-play shown in the notebook: HTML in Jupyter, plain text elsewhere (language at creation)."""

    def __init__(self):
        self.lang = i18n.get_language()

    def _speaker(self, who: str) -> str:
        return i18n.t("rp_sales") if who == "sales" else i18n.t("rp_contact")

    def _ratio_line(self, version: str) -> str:
        kinds = [kind for who, kind, *_ in ROLE_PLAY[version] if who == "sales"]
        return i18n.t("rp_ratio", ratio=ask.ask_tell_ratio(kinds), asks=kinds.count("ask"), tells=kinds.count("tell"))

    def _lines(self, version: str) -> list[tuple[str, str]]:
        column = 3 if self.lang == "zh" else 2
        return [(self._speaker(row[0]), row[column]) for row in ROLE_PLAY[version]]

    def __repr__(self) -> str:
        out = [i18n.t("rp_title"), f'{i18n.t("rp_situation")}: {i18n.pick(ROLE_PLAY["situation"])}',
               f'{i18n.t("rp_roles")}: {i18n.pick(ROLE_PLAY["roles"])}', i18n.t("rp_how")]
        for version, heading in (("telling", "rp_version_tell"), ("asking", "rp_version_ask")):
            out += ["", i18n.t(heading)] + [f"  {who}: {text}" for who, text in self._lines(version)]
            out.append(self._ratio_line(version))
        out += ["", i18n.t("rp_debrief")] + [f"  {n}. {i18n.pick(q)}" for n, q in enumerate(ROLE_PLAY["debrief"], 1)]
        return "\n".join(out)

    def _repr_html_(self) -> str:
        def column(version: str, heading: str, colour: str) -> str:
            rows = "".join(f'<p style="margin:3px 0"><b>{html.escape(who)}:</b> {html.escape(text)}</p>'
                           for who, text in self._lines(version))
            return (f'<div style="flex:1;min-width:300px;border-left:4px solid {colour};padding:4px 10px">'
                    f'<b>{html.escape(i18n.t(heading))}</b>{rows}'
                    f'<p><i>{html.escape(self._ratio_line(version))}</i></p></div>')

        debrief = "".join(f"<li>{html.escape(i18n.pick(q))}</li>" for q in ROLE_PLAY["debrief"])
        return (f'<div class="crm-card crm-role-play" style="border:1px solid #8aa;border-radius:6px;'
                f'padding:6px 14px;background:#f6fafb"><b>{html.escape(i18n.t("rp_title"))}</b>'
                f'<p><b>{html.escape(i18n.t("rp_situation"))}:</b> {html.escape(i18n.pick(ROLE_PLAY["situation"]))}<br>'
                f'<b>{html.escape(i18n.t("rp_roles"))}:</b> {html.escape(i18n.pick(ROLE_PLAY["roles"]))}</p>'
                f'<p><i>{html.escape(i18n.t("rp_how"))}</i></p>'
                f'<div style="display:flex;flex-wrap:wrap;gap:12px">'
                f'{column("telling", "rp_version_tell", "#D55E00")}{column("asking", "rp_version_ask", "#009E73")}</div>'
                f'<p><b>{html.escape(i18n.t("rp_debrief"))}</b></p><ol>{debrief}</ol></div>')


def role_play() -> RolePlay:
    """Return the lesson's role-play (script in two versions plus debrief questions), in the current language."""
    return RolePlay()
