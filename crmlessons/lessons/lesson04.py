"""Lesson 04: the success funnel, from 100 prospects to 5 deals (syllabus D).

The source is the Key-account CRM course's "success probability" (Figure 1-2): of 100 prospects, 80
(a very good result), 50 or 20 reach "talking business" (three alternative outcomes, not three stages),
and after a negotiation of a month to a year or more, depending on the project's size, 5 or fewer close.
The stages in between and their rates, the cohort rule, planning with chance, the coaching rule, the
weighted pipeline and sales velocity are the course's (the last two from the sales-management literature).

Two of the exercises are decisions (:class:`crmlessons.practice.Decision`) whose best choice is computed
from the data: which step to coach a salesperson on (:func:`crmlessons.funnel.work_on_first`'s rule) and
which programme speeds up the pipeline most (the factors of :func:`crmlessons.funnel.velocity`).
"""

from __future__ import annotations

import math

from crmlessons import i18n
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

i18n.register({
    "l04_few_leads": (" (too few to judge: mostly chance)", "（数量太少，无法评判，主要是随机波动）"),
    "l04_cny": ("CNY {amount}", "{amount} 元"),
})

#: The MAN combination of exercise 04.biggest_leak (lesson 03's code: Money present, Authority and Need missing).
LEAK_GROUP = "M+a+n"

#: The channel of exercise 04.win_rate.
CHANNEL = "referral"

#: Li Na's plan in exercise 04.prospects_needed: deals wanted and how sure she wants to be.
TARGET, CONFIDENCE = 5, 0.9

#: What each programme of decision 04.lever is expected to do (the exercise's assumptions, not data).
MORE_OPPORTUNITIES = 0.15    # A: 15% more open opportunities
WIN_RATE_POINTS = 0.01       # B: the win rate one percentage point higher
SHORTER_CYCLE_DAYS = 20      # C: the sales cycle 20 days shorter
LARGER_DEALS = 0.10          # D: deals 10% larger

#: Decision 04.coach: the letter of each stage entered (the row of crmlessons.funnel.compare_to_team).
COACH_LETTERS = {"contacted": "A", "talking_business": "B", "proposal": "C", "negotiation": "D", "won": "E"}


def _tables():
    from crmlessons import datasets

    return {"leads": datasets.load_leads()}


def _history():
    from crmlessons import datasets

    return {"history": datasets.load_stage_history()}


def _both():
    return {**_history(), **_tables()}


def _win_rate(leads, **options):
    from crmlessons import funnel

    return funnel.win_rate(leads, **options)


def _channel(leads):
    return leads[leads["source_channel"].astype(str) == CHANNEL]


def _group_rates(history, leads):
    """The conversion rates of the LEAK_GROUP leads, stage by stage (no 'leads' column)."""
    from crmlessons import funnel

    table = funnel.conversion_by(history, leads, by="man")
    if LEAK_GROUP not in table.index:
        raise ValueError(f"leads has no {LEAK_GROUP} lead in the cohort")
    return table.loc[LEAK_GROUP].drop("leads").astype(float)


def _group_leak(history, leads):
    return str(_group_rates(history, leads).idxmin())


def _stage_before_group_leak(history, leads):
    from crmlessons import funnel

    stages = list(funnel.STAGES)
    return stages[stages.index(_group_leak(history, leads)) - 1]


def _team_leak(history, leads):
    from crmlessons import funnel

    return funnel.biggest_leak(history)


def _needed(leads, confidence=CONFIDENCE, rate=None):
    from crmlessons import funnel

    return funnel.prospects_needed(TARGET, _win_rate(leads) if rate is None else rate, confidence=confidence)


def _pipeline(leads):
    from crmlessons import funnel

    return funnel.weighted_pipeline(leads)


# ---------------------------------------------------------------------------------------------
# Decision 04.coach: which step to coach the salesperson with the most deals to gain

def _coachee(history, leads):
    """(salesperson, the stage to work on first) for the person with the most deals to gain."""
    from crmlessons import funnel

    table = funnel.work_on_first(history, leads)
    table = table[table["work_on"] != "none"]
    if table.empty:
        raise ValueError("no salesperson falls short of the team at a step with at least 10 leads")
    person = table["extra_deals"].idxmax()
    return person, table.loc[person, "work_on"]


def _coach_answer(history, leads):
    return COACH_LETTERS[_coachee(history, leads)[1]]


def _coach_facts(history, leads):
    from crmlessons import funnel

    person, _ = _coachee(history, leads)
    table = funnel.compare_to_team(history, leads, person)
    facts = {"person": person, "prospects": f"{int(table['own_leads'].iloc[0]):,}",
             "won": f"{round(table['own_leads'].iloc[-1] * table['own'].iloc[-1]):,}"}
    for stage, row in table.iterrows():
        n = int(row["own_leads"])
        facts.update({f"own_{stage}": "-" if math.isnan(row["own"]) else f"{row['own']:.0%}",
                      f"team_{stage}": f"{row['team']:.0%}", f"n_{stage}": f"{n:,}",
                      f"extra_{stage}": f"{row['extra_deals']:+.1f}",
                      f"few_{stage}": i18n.t("l04_few_leads") if n < 10 else ""})
    return facts


def _coach_feedback(stage, en_step, zh_step):
    return {"en": f"{en_step}: {{person}} converts {{own_{stage}}}, the team {{team_{stage}}}, from {{n_{stage}}} "
                  f"leads at the step before{{few_{stage}}}; matching the team there changes {{person}}'s deals "
                  f"by about {{extra_{stage}}}.",
            "zh": f"{zh_step}：{{person}} 的转化率为 {{own_{stage}}}，团队为 {{team_{stage}}}，上一步有 {{n_{stage}}} "
                  f"条线索{{few_{stage}}}；在这一步追上团队，{{person}} 的成交数约变化 {{extra_{stage}}} 笔。"}


# ---------------------------------------------------------------------------------------------
# Decision 04.lever: which programme raises sales velocity most

def _levers(leads):
    """Sales velocity now and after each programme (letter -> CNY per day), with the factors used."""
    from crmlessons import funnel

    now = funnel.velocity(leads)
    n, value, rate, days = (float(now[k]) for k in ("opportunities", "deal_value_cny", "win_rate", "cycle_days"))
    if not all(map(math.isfinite, (n, value, rate, days))) or rate == 0 or days <= SHORTER_CYCLE_DAYS:
        raise ValueError("leads must have won deals in the cohort and a sales cycle longer than "
                         f"{SHORTER_CYCLE_DAYS} days for the programmes to be compared")
    after = {"A": funnel.sales_velocity(n * (1 + MORE_OPPORTUNITIES), value, rate, days),
             "B": funnel.sales_velocity(n, value, min(1.0, rate + WIN_RATE_POINTS), days),
             "C": funnel.sales_velocity(n, value, rate, days - SHORTER_CYCLE_DAYS),
             "D": funnel.sales_velocity(n, value * (1 + LARGER_DEALS), rate, days)}
    return float(now["velocity_cny_per_day"]), after, (n, value, rate, days)


def _lever_answer(leads):
    _, after, _ = _levers(leads)
    return max(after, key=after.get)


def _cny(amount: float) -> str:
    """An amount of yuan in whole yuan, in the current language (CNY 14,177 / 14,177 元)."""
    return i18n.t("l04_cny", amount=f"{amount:,.0f}")


def _lever_facts(leads):
    velocity, after, (n, value, rate, days) = _levers(leads)
    facts = {"velocity": _cny(velocity), "opportunities": f"{n:,.0f}", "deal_value": _cny(value),
             "rate": f"{rate:.1%}", "rate_up": f"{min(1.0, rate + WIN_RATE_POINTS):.1%}", "days": f"{days:.0f}",
             "days_short": f"{days - SHORTER_CYCLE_DAYS:.0f}"}
    for letter, speed in after.items():
        facts[f"velocity_{letter.lower()}"] = _cny(speed)
        facts[f"times_{letter.lower()}"] = f"{speed / velocity:.2f}"
    return facts


LESSON = Lesson(
    id="04",
    notebook="04_success_funnel.ipynb",
    title={"en": "The success funnel: from 100 prospects to 5 deals",
           "zh": "成功漏斗：从 100 个潜在客户到 5 笔成交"},
    objectives=[
        {"en": "Say what the Key-account CRM course's success probability says (of 100 prospects, 5 or fewer "
               "close) and what the course adds to it: the stages in between.",
         "zh": "说明《大客户关系管理教程》中的“成功的概率”讲了什么（100 个潜在客户中成交的只有 5 个或更少），"
               "以及本课程补充了什么：中间的各个阶段。"},
        {"en": "Measure a funnel's conversion rates, its biggest leak and its win rate on the right cohort of leads.",
         "zh": "在正确的线索同期群上测量漏斗的转化率、最大漏损处和赢单率。"},
        {"en": "Plan how many prospects a sales target needs with a stated confidence, not just target ÷ rate.",
         "zh": "按给定的把握程度计划销售目标所需的潜在客户数，而不只是“目标 ÷ 赢单率”。"},
        {"en": "Decide which step a salesperson should work on first and which lever speeds up the pipeline most; "
               "value the open pipeline.",
         "zh": "判断销售人员应先改进哪一步、哪个杠杆最能加快在手商机的转化；估算在手商机的价值。"},
    ],
    teaching_minutes=35,
    exercise_minutes=45,
    key_points=[
        {"en": "The Key-account CRM course: of 100 prospects, 80 (a very good result), 50 or 20 may reach "
               "'talking business'; after a negotiation of a month to a year or more, 5 or fewer close.",
         "zh": "《大客户关系管理教程》：100 个潜在客户中，可能有 80 个（已是很好的成绩）、50 个或 20 个进入“谈生意”阶段；"
               "经过一个月到一年甚至更长的谈判，最后成交的只有 5 个或更少。"},
        {"en": "The stages in between are the course's: a stage's conversion rate is the share of the stage before "
               "that moves on; multiplied together they give the win rate.",
         "zh": "中间的各个阶段是本课程补充的：某阶段的转化率是上一阶段进入本阶段的比例；各阶段转化率相乘就是赢单率。"},
        {"en": "Measure rates on leads that are all decided (created before 2024-07-01), or open leads make them look too low.",
         "zh": "要在全部已有结果的线索（2024-07-01 前创建）上测量比率，否则未结束的线索会让比率偏低。"},
        {"en": "Hengtai's funnel was built to agree with the source, so its agreement proves nothing; on a firm's own "
               "records the same measures can show a different funnel.",
         "zh": "恒泰公司的漏斗是按资料的说法生成的，两者相符并不能证明什么；用企业自己的记录做同样的测量，可能得到不同的漏斗。"},
        {"en": "With small numbers chance spreads results widely: target ÷ rate reaches the target only about half the time.",
         "zh": "数量少时随机波动很大：“目标 ÷ 赢单率”只有大约一半的机会达到目标。"},
        {"en": "Read a salesperson's funnel row by row as the stage the leads fail to enter; coach where matching the "
               "team adds the most deals, judging only steps with at least 10 leads.",
         "zh": "逐行阅读销售人员的漏斗，每一行表示线索未能进入的阶段；在追上团队后能多成交最多的那一步进行辅导，"
               "且只评判上一步至少有 10 条线索的步骤。"},
        {"en": "Weighted pipeline = deal value × the stage's chance of winning; sales velocity = opportunities × deal "
               "value × win rate ÷ cycle length, and the weakest factor is often the strongest lever.",
         "zh": "加权在手商机 = 商机金额 × 所在阶段的赢单概率；销售速度 = 商机数 × 平均金额 × 赢单率 ÷ 销售周期，"
               "最弱的那个因素往往是最有力的杠杆。"},
    ],
    next={"en": "Lesson 05: why customers are lost, and what keeping them is worth.",
          "zh": "第 05 课：客户为什么流失，以及留住客户值多少钱。"},
    sources={"004": {"en": "The success probability (Figure 1-2): of 100 prospects, 80, 50 or 20 reach talking "
                           "business and, after a negotiation whose length depends on the project's size, 5 or fewer "
                           "close; and the three steps of market expansion (the stages in between are the course's)",
                     "zh": "成功的概率（图 1-2）：100 个潜在客户中有 80、50 或 20 个进入谈生意阶段，经过时长取决于项目规模的谈判，"
                           "最后成交 5 个或更少；以及市场拓展的三个步骤（中间的各个阶段是本课程补充的）"}},
    skip_for_45=["3", "4", "6"],
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 6),
        Section(2, 14, "exercise"),
        Section(3, 7),
        Section(4, 13, "exercise"),
        Section(5, 15, "widget", project="FunnelWidget", discuss=[
            {"en": "A salesperson plans exactly target ÷ win rate prospects. Why does that reach the target "
                   "only about half the time, and how would you choose the number to plan for?",
             "zh": "一位销售人员按“目标 ÷ 赢单率”来安排潜在客户数量。为什么这样只有大约一半的机会完成目标？"
                   "你会怎样确定要安排的数量？"}]),
        Section(6, 15, "exercise"),
        Section(7, 7, "quiz", project="QuizWidget"),
        Section(8, 3, "summary"),
    ],
)

EXERCISES = [
    Exercise(
        name="04.win_rate",
        question={
            "en": "Referral leads come recommended by someone who knows the prospect. What share of Hengtai's "
                  "decided referral leads (source channel 'referral') were won? Use the cohort of leads created "
                  "before 2024-07-01, all of which are decided. Give a share between 0 and 1.",
            "zh": "转介绍线索是由了解该潜在客户的人推荐来的。恒泰公司已有结果的转介绍线索（来源渠道为 'referral'）中，"
                  "赢单的比例是多少？请使用 2024-07-01 之前创建的线索（它们都已有结果）。答案写成 0 到 1 之间的比例。",
        },
        data=_tables,
        answer=lambda leads: _win_rate(_channel(leads)),
        hint={"en": "Select the referral leads with `leads[leads[\"source_channel\"] == \"referral\"]`, then measure "
                    "their win rate on the cohort the way the lesson measures the team's.",
              "zh": "先用 `leads[leads[\"source_channel\"] == \"referral\"]` 选出转介绍线索，再像本课测量团队那样，"
                    "在同期群上计算它们的赢单率。"},
        mistakes=[
            Mistake(lambda leads: float((_channel(leads)["outcome"] == "won").mean()),
                    {"en": "You divided by all the referral leads, including the recent ones that are still open: "
                           "they have not had time to win yet. Use the cohort created before 2024-07-01.",
                     "zh": "你除以了全部转介绍线索，其中包括仍在跟进中的新线索，它们还没来得及成交。"
                           "请只用 2024-07-01 之前创建的线索。"}),
            Mistake(lambda leads: _win_rate(_channel(leads), before=None),
                    {"en": "You left out the open leads but kept recent leads that are already decided: "
                           "recent losses come faster than recent wins, so this is biased. Use the cohort.",
                     "zh": "你去掉了未结束的线索，却保留了最近已结束的线索：近期丢单比近期赢单来得快，结果有偏差。请使用同期群。"}),
            Mistake(lambda leads: _win_rate(leads),
                    {"en": "That is the whole team's win rate; the question asks about the referral leads only.",
                     "zh": "这是整个团队的赢单率；题目问的只是转介绍线索。"}),
        ],
        solution={"en": "`referral = leads[leads[\"source_channel\"] == \"referral\"]`, then "
                        "`crm.funnel.win_rate(referral)`: 11 of the 192 referral leads in the cohort were won, "
                        "a win rate of 0.057, against 0.046 for the whole team.",
                  "zh": "`referral = leads[leads[\"source_channel\"] == \"referral\"]`，然后 "
                        "`crm.funnel.win_rate(referral)`：同期群中 192 条转介绍线索赢单 11 条，赢单率 0.057，"
                        "整个团队是 0.046。"},
    ),
    Exercise(
        name="04.biggest_leak",
        question={
            "en": "Lesson 03's MAN rule calls a lead with Money but neither Authority nor Need (M+a+n) a poor "
                  "prospect. Where do Hengtai's M+a+n leads leak most: which stage converts the smallest share of "
                  "the M+a+n leads at the stage before it? Give the code of the stage the leads fail to enter "
                  "(e.g. 'contacted').",
            "zh": "第 03 课的 MAN 客户资格判断认为，有购买力、却既无决策权也无需求的线索（M+a+n）不是好的潜在客户。"
                  "恒泰公司的 M+a+n 线索在哪一步漏损最多：哪个阶段从上一阶段的 M+a+n 线索中转入的比例最低？"
                  "请给出线索未能进入的那个阶段的代码（例如 'contacted'）。",
        },
        data=_both,
        answer=_group_leak,
        hint={"en": "`crm.funnel.conversion_by(history, leads, by=\"man\")` gives one row per MAN combination; in the "
                    "M+a+n row, find the smallest conversion (the 'leads' column is a count, not a rate).",
              "zh": "`crm.funnel.conversion_by(history, leads, by=\"man\")` 每个 MAN 组合一行；在 M+a+n 这一行中找出"
                    "最低的转化率（“leads”列是线索数，不是比率）。"},
        mistakes=[
            Mistake(_team_leak,
                    {"en": "That is the whole team's biggest leak; the M+a+n leads leak somewhere else. "
                           "Look at their own row.",
                     "zh": "这是整个团队的最大漏损处；M+a+n 线索的漏损在别处。请看它们自己那一行。"}),
            Mistake(_stage_before_group_leak,
                    {"en": "That is the stage where the leads stopped; the question asks for the stage they failed "
                           "to enter, one step further down.",
                     "zh": "这是线索停下的阶段；题目问的是它们没能进入的阶段，也就是再往下一步。"}),
        ],
        solution={"en": "`crm.funnel.conversion_by(history, leads, by=\"man\").loc[\"M+a+n\"]`: the M+a+n leads pass the "
                        "early steps about as often as the team, but only 18% of their negotiations close (the team: "
                        "46%), so the answer is 'won': the salesperson has spent a whole sales cycle on them before "
                        "they are lost. (Hengtai's data were built with MAN changing only the chance of winning, "
                        "which puts the loss at the end; on a firm's own records unqualified leads may drop out earlier.)",
                  "zh": "`crm.funnel.conversion_by(history, leads, by=\"man\").loc[\"M+a+n\"]`：M+a+n 线索在前几步的转化率"
                        "与团队差不多，但商务谈判只有 18% 能成交（团队为 46%），所以答案是 'won'：销售人员花了整整一个"
                        "销售周期，最后还是丢单。（恒泰公司的数据生成时，MAN 只影响赢单的概率，所以损失出现在最后；"
                        "在企业自己的记录中，不合格的线索可能更早退出。）"},
    ),
    Decision(
        name="04.coach",
        question={
            "en": "The sales manager can coach one salesperson this quarter and picks the one with the most deals "
                  "to gain by matching the team: {person}, who had {prospects} prospects in the cohort and won "
                  "{won}. Which step should the coaching work on first? Compare {person}'s funnel with the team's, "
                  "read each row as the stage the leads fail to enter, and judge a step only where {person} had at "
                  "least 10 leads at the step before.",
            "zh": "销售经理本季度只能辅导一名销售人员，选了追上团队后能多成交最多的 {person}：同期群中有 {prospects} 个"
                  "潜在客户，赢单 {won} 笔。辅导应先从哪一步入手？请把 {person} 的漏斗与团队对比，每一行表示线索未能进入"
                  "的阶段；只有当 {person} 在上一步至少有 10 条线索时，才评判这一步。",
        },
        data=_both,
        answer=_coach_answer,
        facts=_coach_facts,
        options={"A": {"en": "Getting prospects contacted", "zh": "让潜在客户得到接触"},
                 "B": {"en": "Getting contacted prospects to talk business", "zh": "让已接触的客户进入谈生意"},
                 "C": {"en": "Turning talks into written proposals", "zh": "把谈生意推进到方案报价"},
                 "D": {"en": "Getting proposals into negotiation", "zh": "让方案报价进入商务谈判"},
                 "E": {"en": "Closing negotiations into deals", "zh": "把商务谈判变成成交"}},
        feedback={"A": _coach_feedback("contacted", "Contacting", "接触"),
                  "B": _coach_feedback("talking_business", "Talking business", "谈生意"),
                  "C": _coach_feedback("proposal", "Proposals", "方案报价"),
                  "D": _coach_feedback("negotiation", "Proposals into negotiation", "方案报价进入商务谈判"),
                  "E": _coach_feedback("won", "Closing", "成交")},
        hint={"en": "`crm.funnel.compare_to_team(history, leads, \"SP...\")` (the salesperson's code in quotes) shows "
                    "each step: the leads at the step before, the person's and the team's conversion, and the deals "
                    "matching the team would add. Skip the steps with fewer than 10 leads.",
              "zh": "`crm.funnel.compare_to_team(history, leads, \"SP...\")`（引号中填销售人员编号）列出每一步：上一步的"
                    "线索数、此人与团队的转化率，以及追上团队能多成交的笔数。上一步少于 10 条线索的步骤不予评判。"},
        solution={"en": "Run `crm.funnel.compare_to_team(history, leads, person)` for the salesperson named, drop the "
                        "rows with fewer than 10 leads in 'own_leads', and choose the row with the largest "
                        "'extra_deals' (`crm.funnel.work_on_first(history, leads)` applies the same rule to everyone). "
                        "On the shipped data that is SP040's negotiation row: only 23% of SP040's proposals get into "
                        "negotiation, against the team's 50%, so the best choice is D. SP040's closing row shows an "
                        "even larger gap, but on 3 negotiations: too few to judge.",
                  "zh": "对题中的销售人员运行 `crm.funnel.compare_to_team(history, leads, person)`，去掉“own_leads”少于 10 "
                        "的行，选“extra_deals”最大的那一行（`crm.funnel.work_on_first(history, leads)` 对每个人使用同样的规则）。"
                        "在课程自带的数据中，这是 SP040 的 negotiation 行：SP040 的方案报价只有 23% 进入商务谈判，团队为 "
                        "50%，所以最好的选择是 D。SP040 的成交一行差距更大，但只有 3 次商务谈判：数量太少，无法评判。"},
    ),
    Exercise(
        name="04.prospects_needed",
        question={
            "en": "Li Na's colleague planned with a round 5% win rate. Plan with the win rate Hengtai's decided "
                  "cohort really shows instead: how many prospects does Li Na need to be 90% sure of at least 5 "
                  "new customers?",
            "zh": "李娜的同事按整数 5% 的赢单率做计划。请改用恒泰公司已有结果的同期群实际的赢单率：李娜需要多少个潜在客户，"
                  "才能有 90% 的把握至少赢得 5 个新客户？",
        },
        data=_tables,
        answer=_needed,
        hint={"en": "Measure the cohort's win rate first; then find the smallest number of prospects that gives at "
                    "least 5 deals with 90% confidence, as the lesson did for 5%: chance matters, so the answer is "
                    "more than 5 ÷ rate.",
              "zh": "先测出同期群的赢单率；再像本课对 5% 所做的那样，找出能以 90% 的把握至少成交 5 笔的最少潜在客户数："
                    "随机波动有影响，所以答案会大于 5 ÷ 赢单率。"},
        mistakes=[
            Mistake(lambda leads: math.ceil(TARGET / _win_rate(leads)),
                    {"en": "5 ÷ rate gives 5 deals only on average: about half the time you would fall short. "
                           "Ask for 90% confidence.",
                     "zh": "5 ÷ 赢单率只是平均能成交 5 笔：大约一半的时候会达不到。请按 90% 的把握计算。"}),
            Mistake(lambda leads: _needed(leads, confidence=0.5),
                    {"en": "That is the number for a 50% chance (a coin toss). The question asks for 90%.",
                     "zh": "这是 50% 把握（抛硬币）所需的数量。题目要求 90%。"}),
            Mistake(lambda leads: _needed(leads, rate=0.05),
                    {"en": "That is the plan at the colleague's round 5%; Hengtai's cohort wins a little less often.",
                     "zh": "这是按同事的整数 5% 做的计划；恒泰公司同期群的赢单率要低一些。"}),
        ],
        solution={"en": "`rate = crm.funnel.win_rate(leads)` (0.046), then `crm.funnel.prospects_needed(5, rate, "
                        "confidence=0.9)` = 171 prospects, far more than 5 / 0.046 = 108.",
                  "zh": "`rate = crm.funnel.win_rate(leads)`（0.046），然后 `crm.funnel.prospects_needed(5, rate, "
                        "confidence=0.9)` = 171 个潜在客户，远多于 5 / 0.046 = 108。"},
    ),
    Exercise(
        name="04.pipeline",
        question={
            "en": "Counting every open lead at full value would assume they all win. What is Hengtai's weighted "
                  "pipeline forecast: each open lead's deal value times the chance that leads at its stage win, "
                  "added up over all open leads? Give CNY.",
            "zh": "按全额计算所有未结束线索，相当于假设它们都会成交。恒泰公司的加权在手商机预测值是多少：每条未结束线索的"
                  "商机金额乘以其所在阶段的赢单概率，再对所有未结束线索求和？单位：元。",
        },
        data=_tables,
        answer=lambda leads: _pipeline(leads)["weighted_cny"].sum(),
        hint={"en": "The weighted pipeline table has one row per stage; add up the right column of it.",
              "zh": "加权在手商机表每个阶段一行；把其中正确的那一列加起来。"},
        mistakes=[
            Mistake(lambda leads: _pipeline(leads)["value_cny"].sum(),
                    {"en": "That is the full value of every open lead, as if all of them would be won. "
                           "Weight each by its stage's chance of winning.",
                     "zh": "这是所有未结束线索的全部金额，好像它们都会成交。请用各阶段的赢单概率加权。"}),
            Mistake(lambda leads: _pipeline(leads)["value_cny"].sum() * _win_rate(leads),
                    {"en": "You used the overall win rate for every lead; a lead in negotiation is far more likely "
                           "to win than a fresh prospect. Use each stage's own chance.",
                     "zh": "你对每条线索都用了总赢单率；处于商务谈判阶段的线索比新线索更可能成交。请用各阶段自己的概率。"}),
        ],
        solution={"en": "`crm.funnel.weighted_pipeline(leads)[\"weighted_cny\"].sum()`: about 12.1 million CNY, "
                        "against 104 million if every open lead were won.",
                  "zh": "`crm.funnel.weighted_pipeline(leads)[\"weighted_cny\"].sum()`：约 1210 万元，"
                        "而假如所有未结束线索都成交则是 1.04 亿元。"},
        rel_tol=0.005,
    ),
    Decision(
        name="04.lever",
        question={
            "en": "Hengtai's sales director wants the open pipeline to bring in money faster. Sales velocity is "
                  "now {velocity} a day: {opportunities} open opportunities × {deal_value} average deal × {rate} "
                  "win rate ÷ {days} days. The budget pays for one programme this year, and each will do what it "
                  "promises. Which raises sales velocity most?",
            "zh": "恒泰公司的销售总监希望在手商机更快地带来收入。目前的销售速度是每天 {velocity}：{opportunities} 个"
                  "未结束商机 × 平均金额 {deal_value} × 赢单率 {rate} ÷ {days} 天。今年的预算只够一个项目，且每个项目都能"
                  "兑现承诺。哪个项目最能提高销售速度？",
        },
        data=_tables,
        answer=_lever_answer,
        facts=_lever_facts,
        options={"A": {"en": "A campaign that brings 15% more opportunities into the pipeline",
                       "zh": "一次市场活动，使管道中的商机增加 15%"},
                 "B": {"en": "Sales training that raises the win rate by 1 percentage point (from {rate} to {rate_up})",
                       "zh": "销售培训，使赢单率提高 1 个百分点（从 {rate} 到 {rate_up}）"},
                 "C": {"en": "A proposal process that shortens the sales cycle by 20 days (from {days} to "
                             "{days_short} days)",
                       "zh": "改进方案报价流程，使销售周期缩短 20 天（从 {days} 天到 {days_short} 天）"},
                 "D": {"en": "A price list that makes the average deal 10% larger",
                       "zh": "调整价目表，使平均成交金额提高 10%"}},
        feedback={"A": {"en": "15% more opportunities multiply velocity by 1.15, to {velocity_a} a day.",
                        "zh": "商机增加 15%，销售速度乘以 1.15，达到每天 {velocity_a}。"},
                  "B": {"en": "One point more win rate multiplies velocity by {times_b} ({rate_up} ÷ {rate}), to "
                              "{velocity_b} a day: the lower the win rate, the more one point is worth.",
                        "zh": "赢单率提高 1 个百分点，销售速度乘以 {times_b}（{rate_up} ÷ {rate}），达到每天 {velocity_b}："
                              "赢单率越低，一个百分点的作用越大。"},
                  "C": {"en": "20 days less multiplies velocity by {times_c} ({days} ÷ {days_short}), to {velocity_c} a "
                              "day: the shorter the cycle already is, the more 20 days are worth.",
                        "zh": "缩短 20 天，销售速度乘以 {times_c}（{days} ÷ {days_short}），达到每天 {velocity_c}："
                              "销售周期本来越短，20 天的作用越大。"},
                  "D": {"en": "Deals 10% larger multiply velocity by only 1.10, to {velocity_d} a day; and bigger "
                              "deals tend to take longer to close.",
                        "zh": "成交金额提高 10%，销售速度只乘以 1.10，达到每天 {velocity_d}；而且金额越大的项目往往成交越慢。"}},
        hint={"en": "Velocity is a product, so each programme multiplies it by one factor: 1.15 for A, the new win rate "
                    "÷ the old for B, the old cycle ÷ the new for C, 1.10 for D. `crm.funnel.velocity(leads)` gives "
                    "today's factors; compare the four multipliers.",
              "zh": "销售速度是几个因素的乘积，所以每个项目只让它乘以一个系数：A 为 1.15，B 为新赢单率 ÷ 原赢单率，"
                    "C 为原销售周期 ÷ 新销售周期，D 为 1.10。`crm.funnel.velocity(leads)` 给出目前的各个因素；比较这四个系数。"},
        solution={"en": "`v = crm.funnel.velocity(leads)`; then compare the multipliers, e.g. "
                        "`(v.win_rate + 0.01) / v.win_rate` for B and `v.cycle_days / (v.cycle_days - 20)` for C "
                        "(or recompute each velocity with `crm.funnel.sales_velocity`). On the shipped data the win "
                        "rate is only 4.6%, so one point more multiplies velocity by 1.22, more than A's 1.15, C's 1.14 "
                        "(a cycle of 165 days) or D's 1.10: the best choice is B.",
                  "zh": "`v = crm.funnel.velocity(leads)`；然后比较各个系数，例如 B 为 `(v.win_rate + 0.01) / v.win_rate`，"
                        "C 为 `v.cycle_days / (v.cycle_days - 20)`（也可以用 `crm.funnel.sales_velocity` 重新计算每个销售速度）。"
                        "在课程自带的数据中，赢单率只有 4.6%，提高一个百分点使销售速度乘以 1.22，高于 A 的 1.15、C 的 1.14"
                        "（销售周期为 165 天）和 D 的 1.10：最好的选择是 B。"},
    ),
]

QUIZ = [
    Question(
        prompt={"en": "In the Key-account CRM course's example, of 100 prospects how many finally close a deal?",
                "zh": "在《大客户关系管理教程》的例子中，100 个潜在客户最后有多少个成交？"},
        options=[{"en": "About 80", "zh": "约 80 个"}, {"en": "About 50", "zh": "约 50 个"},
                 {"en": "5 or fewer", "zh": "5 个或更少"}, {"en": "All 100, given enough time", "zh": "只要时间足够，100 个都会"}],
        correct=2,
        feedback=[{"en": "80 is a very good number for reaching talking business, not for closing.",
                   "zh": "80 个是进入“谈生意”阶段的很好成绩，而不是成交数。"},
                  {"en": "50 is one of the source's three possible outcomes for talking business; many more drop out "
                         "in negotiation.",
                   "zh": "50 个是资料中进入“谈生意”阶段的三种可能结果之一；谈判中还会流失很多。"},
                  {"en": "Yes: after negotiating for a month to a year or more, perhaps 5 or fewer remain.",
                   "zh": "对：经过一个月到一年甚至更长的谈判，最后可能只剩 5 个或更少。"},
                  {"en": "No: some prospects are always lost along the way; that is why the funnel narrows.",
                   "zh": "不对：总有一些潜在客户在途中流失，所以漏斗会越来越窄。"}],
        source="Key-account CRM course, Figure 1-2",
    ),
    Question(
        prompt={"en": "In the source, 80, 50 or 20 of 100 prospects reach 'talking business'. What are these three numbers?",
                "zh": "资料中说，100 个潜在客户中有 80、50 或 20 个进入“谈生意”阶段。这三个数字是什么？"},
        options=[{"en": "Three possible outcomes of the same step: a very good, a middling and a poor result",
                  "zh": "同一步的三种可能结果：很好、一般和较差的成绩"},
                 {"en": "Three stages one after another: 80 contacted, 50 talking business, 20 with a proposal",
                  "zh": "先后相连的三个阶段：80 个已接触、50 个谈生意、20 个收到方案报价"},
                 {"en": "Three years of one company's results", "zh": "一家公司三年的成绩"}],
        correct=0,
        feedback=[{"en": "Right: the source gives alternatives for one step; the chain of stages in this lesson is the course's.",
                   "zh": "对：资料给出的是同一步的几种可能；本课中一环接一环的阶段是本课程补充的。"},
                  {"en": "That is the course's chain, which borrows the numbers; the source gives them as alternatives for one step.",
                   "zh": "这是本课程借用这些数字搭建的阶段链；资料中它们是同一步的几种可能结果。"},
                  {"en": "The source speaks of one group of 100 prospects, not of years.",
                   "zh": "资料讲的是一组 100 个潜在客户，而不是几年的成绩。"}],
        source="Key-account CRM course, Figure 1-2",
    ),
    Question(
        prompt={"en": "200 leads reached 'proposal' and 100 of them reached 'negotiation'. What is the conversion rate into negotiation?",
                "zh": "200 条线索进入“方案报价”，其中 100 条进入“商务谈判”。进入商务谈判的转化率是多少？"},
        options=[{"en": "50%", "zh": "50%"}, {"en": "100 leads", "zh": "100 条线索"},
                 {"en": "It cannot be known without the number of prospects", "zh": "不知道潜在客户总数就算不出来"}],
        correct=0,
        feedback=[{"en": "Right: 100 of the 200 at the stage before moved on.", "zh": "对：上一阶段的 200 条中有 100 条进入下一阶段。"},
                  {"en": "That is a count, not a rate; divide by the stage before.", "zh": "这是数量，不是比率；要除以上一阶段的数量。"},
                  {"en": "The stage-to-stage rate needs only the stage before; the number of prospects gives the reach.",
                   "zh": "阶段间的转化率只需要上一阶段的数量；潜在客户总数用来算到达率。"}],
    ),
    Question(
        prompt={"en": "Your win rate is 5% and you need 5 deals. You work 100 prospects. What happens?",
                "zh": "你的赢单率是 5%，需要成交 5 笔。你跟进了 100 个潜在客户。结果会怎样？"},
        options=[{"en": "You get exactly 5 deals", "zh": "正好成交 5 笔"},
                 {"en": "You reach 5 deals only about half the time", "zh": "大约只有一半的机会达到 5 笔"},
                 {"en": "You certainly get at least 5", "zh": "一定至少成交 5 笔"}],
        correct=1,
        feedback=[{"en": "5 is only the average; in 90% of simulated funnels the result falls between 2 and 9.",
                   "zh": "5 笔只是平均数；在 90% 的模拟漏斗中，结果落在 2 到 9 笔之间。"},
                  {"en": "Yes: about 56% of the time. To be 90% sure you need 158 prospects.",
                   "zh": "对：大约 56% 的时候能达到。要有 90% 的把握，需要 158 个潜在客户。"},
                  {"en": "Nothing is certain with small numbers; the simulations in the widget show the spread.",
                   "zh": "数量少时没有什么是确定的；控件中的模拟展示了波动范围。"}],
    ),
    Question(
        prompt={"en": "Why does the lesson measure win rates only on leads created before 2024-07-01?",
                "zh": "为什么本课只用 2024-07-01 之前创建的线索来测量赢单率？"},
        options=[{"en": "Older data is more reliable", "zh": "旧数据更可靠"},
                 {"en": "Later leads may still be open, so they would make the rate look too low",
                  "zh": "之后的线索可能仍在跟进中，会让比率显得偏低"},
                 {"en": "The company changed its products in 2024", "zh": "公司在 2024 年更换了产品"}],
        correct=1,
        feedback=[{"en": "Age is not the point; what matters is that every lead in the group has had time to end.",
                   "zh": "关键不在新旧，而在于这组线索都已有时间走完流程。"},
                  {"en": "Yes: a deal takes up to a year or more, so only older leads are all decided.",
                   "zh": "对：一笔生意可能要一年甚至更久，所以只有较早的线索都已有结果。"},
                  {"en": "Nothing like that happened in the data; the reason is the length of the sales cycle.",
                   "zh": "数据中没有这回事；原因在于销售周期的长度。"}],
    ),
    Question(
        prompt={"en": "Hengtai's measured funnel ends, like the source's, with about 5 deals in 100 prospects. What does that show?",
                "zh": "恒泰公司测得的漏斗与资料一样，100 个潜在客户最后约成交 5 笔。这说明了什么？"},
        options=[{"en": "That the source is right for industrial suppliers", "zh": "资料对工业品供应商是正确的"},
                 {"en": "Nothing about the source: the case data were built to agree with it; the lesson shows how "
                         "to measure a firm's own funnel", "zh": "对资料本身什么也说明不了：案例数据就是按资料生成的；"
                                                                 "本课展示的是如何测量企业自己的漏斗"},
                 {"en": "That Hengtai's salespeople are average", "zh": "恒泰公司的销售人员水平一般"}],
        correct=1,
        feedback=[{"en": "Hengtai is synthetic: its funnel was planted to match, so the match cannot test the source.",
                   "zh": "恒泰公司是虚构的：它的漏斗是按资料设定的，两者相符无法检验资料。"},
                  {"en": "Right: on a firm's real records, far more or far fewer than 5 in 100 closing would show the "
                         "source's picture does not fit that firm.",
                   "zh": "对：在企业的真实记录中，如果 100 个中成交的远多于或远少于 5 个，就说明资料的说法不适合这家企业。"},
                  {"en": "The data say nothing about that: the funnel was built to match the source.",
                   "zh": "数据说明不了这一点：这个漏斗是按资料设定的。"}],
    ),
    Question(
        prompt={"en": "An open lead worth 1,000,000 CNY is in negotiation, where about 46% of leads win. What does it add to the weighted pipeline?",
                "zh": "一条价值 100 万元的未结束线索处于商务谈判阶段，该阶段约 46% 的线索会成交。它为加权在手商机贡献多少？"},
        options=[{"en": "1,000,000 CNY", "zh": "100 万元"}, {"en": "About 460,000 CNY", "zh": "约 46 万元"},
                 {"en": "Nothing until it is won", "zh": "成交之前为 0"}],
        correct=1,
        feedback=[{"en": "That counts it as already won; more than half of such leads are still lost.",
                   "zh": "这相当于当作已经成交；这类线索仍有一半以上会丢掉。"},
                  {"en": "Yes: value × the chance of winning at its stage.", "zh": "对：金额 × 所在阶段的赢单概率。"},
                  {"en": "Then the forecast would ignore a likely deal; weighting gives it its expected share.",
                   "zh": "这样预测就忽略了一笔很可能的生意；加权会给它应有的期望份额。"}],
    ),
    Question(
        prompt={"en": "According to the Key-account CRM course, what decides how long the negotiation before a deal takes?",
                "zh": "根据《大客户关系管理教程》，成交前的谈判要持续多久取决于什么？"},
        options=[{"en": "The size of the project", "zh": "项目的规模"},
                 {"en": "The salesperson's mood", "zh": "销售人员的心情"},
                 {"en": "It always takes one month", "zh": "总是一个月"}],
        correct=0,
        feedback=[{"en": "Yes: from a month to a year or more, depending on the size of the project. Hengtai's data "
                         "were built the same way, so they illustrate the point but do not test it.",
                   "zh": "对：从一个月到一年甚至更久，取决于项目规模。恒泰公司的数据也是这样生成的，所以只能说明这一点，不能检验它。"},
                  {"en": "Attitude matters for winning, but the source ties the duration to the size of the project.",
                   "zh": "态度影响能否成交，但资料把时长与项目规模联系在一起。"},
                  {"en": "One month is the short end; big projects take a year or more.", "zh": "一个月只是最短的情况；大项目要一年甚至更久。"}],
        source="Key-account CRM course, Figure 1-2",
    ),
    Question(
        prompt={"en": "A salesperson converts 30% of proposals into negotiations, the team 50%, but she had only 4 proposals. What is wise?",
                "zh": "某销售人员的方案报价转入商务谈判的比例是 30%，团队是 50%，但她只有 4 个方案报价。怎样做比较明智？"},
        options=[{"en": "Conclude at once that she cannot get proposals into negotiation", "zh": "立即断定她没有能力把方案报价推进到商务谈判"},
                 {"en": "Weigh the gap by how many leads and deals it affects, and remember 4 leads leave much to chance",
                  "zh": "按差距影响的线索和成交数衡量，并记住 4 条线索的结果很大程度上是随机波动"},
                 {"en": "Ignore conversion rates altogether", "zh": "完全不看转化率"}],
        correct=1,
        feedback=[{"en": "With 4 leads, one more or one fewer success changes the rate by 25 points: too little to judge.",
                   "zh": "只有 4 条线索时，多成或少成一笔都会让比率变化 25 个百分点：不足以下结论。"},
                  {"en": "Yes: start where matching the team adds the most deals, and let more data confirm it.",
                   "zh": "对：先从“追上团队后能多成交最多”的那一步入手，再用更多数据确认。"},
                  {"en": "The rates do show where to coach; they only need enough leads behind them.",
                   "zh": "转化率确实能指出辅导方向，只是背后需要足够的线索数。"}],
    ),
]

GLOSSARY = [
    Term("success probability", "成功的概率", {"en": "The Key-account CRM course's name for the share of prospects that "
                                                    "finally close.",
                                              "zh": "《大客户关系管理教程》对最终成交的潜在客户比例的称呼。"},
         "Key-account CRM course"),
    Term("talking business", "谈生意", {"en": "The step at which a prospect and the firm start to discuss a deal in "
                                              "earnest.",
                                        "zh": "潜在客户与企业开始认真商谈交易的阶段。"}, "Key-account CRM course"),
    Term("sales funnel", "销售漏斗", {"en": "The stages a prospect passes on the way to a deal; fewer leads remain at each "
                                             "stage (a common sales-management term).",
                                      "zh": "潜在客户走向成交所经过的各个阶段；每经过一个阶段，剩下的线索就更少（销售管理中的常用术语）。"}),
    Term("conversion rate", "转化率", {"en": "Share of the leads at one stage that reach the next.",
                                       "zh": "某一阶段的线索中进入下一阶段的比例。"}),
    Term("win rate", "赢单率", {"en": "Share of decided leads (won or lost) that were won.", "zh": "已有结果（赢单或丢单）的线索中赢单的比例。"}),
    Term("cohort", "同期群", {"en": "A group of leads created in the same period, followed until all are decided.",
                              "zh": "同一时期创建、一直跟踪到全部有结果的一组线索。"}),
    Term("sales cycle", "销售周期", {"en": "Time from a lead's first record to the deal; longer for bigger projects.",
                                     "zh": "从线索首次记录到成交的时间；项目越大越长。"}),
    Term("confidence", "把握程度", {"en": "How sure a plan must be of reaching its target, e.g. 90%.",
                                    "zh": "计划达到目标的把握有多大，例如 90%。"}),
    Term("weighted pipeline", "加权在手商机", {"en": "Open deals' values, each times its stage's chance of winning: a sales forecast.",
                                              "zh": "未结束商机的金额乘以所在阶段的赢单概率后求和：一种销售预测。"}),
    Term("sales velocity", "销售速度", {"en": "Opportunities × deal value × win rate ÷ cycle length: money the pipeline brings per day.",
                                        "zh": "商机数 × 平均金额 × 赢单率 ÷ 销售周期：在手商机每天带来的金额。"}),
]
