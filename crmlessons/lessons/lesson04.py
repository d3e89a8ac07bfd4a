"""Lesson 04: the success funnel, from 100 prospects to 5 deals (syllabus D, seed 004)."""

from __future__ import annotations

import math

from crmlessons.lessons import Lesson, Term
from crmlessons.practice import Exercise, Mistake, Question


def _tables():
    from crmlessons import datasets

    return {"leads": datasets.load_leads()}


def _history():
    from crmlessons import datasets

    return {"history": datasets.load_stage_history()}


def _win_rate(leads):
    from crmlessons import funnel

    return funnel.win_rate(leads)


def _counts(history):
    from crmlessons import funnel

    return funnel.conversion(history)


LESSON = Lesson(
    id="04",
    notebook="04_success_funnel.ipynb",
    title={"en": "The success funnel: from 100 prospects to 5 deals",
           "zh": "成功漏斗：从 100 个潜在客户到 5 笔成交"},
    objectives=[
        {"en": "Explain why 100 prospects become only about 5 customers, stage by stage (seed 004).",
         "zh": "逐个阶段说明为什么 100 个潜在客户最后只有约 5 家成交（资料 004）。"},
        {"en": "Measure a funnel's conversion rates, its biggest leak and its win rate on the right cohort of leads.",
         "zh": "在正确的线索同期群上测量漏斗的转化率、最大漏损处和赢单率。"},
        {"en": "Plan how many prospects a sales target needs with a stated confidence, not just target ÷ rate.",
         "zh": "按给定的把握程度计划销售目标所需的潜在客户数，而不只是“目标 ÷ 成交率”。"},
        {"en": "Say which stage a salesperson should work on first, how long deals take, and what the open pipeline is worth.",
         "zh": "指出销售人员应先改进哪个阶段、成交需要多长时间，以及在途销售管道值多少钱。"},
    ],
    teaching_minutes=25,
    exercise_minutes=25,
    key_points=[
        {"en": "Seed 004: of 100 prospects perhaps 80, 50 or 20 reach 'talking business', and 5 or fewer close.",
         "zh": "资料 004：100 个潜在客户中，约 80、50 或 20 家进入“谈生意”阶段，最后成交的只有 5 家或更少。"},
        {"en": "A stage's conversion rate is the share of the stage before that moves on; multiplied together they give the win rate.",
         "zh": "某阶段的转化率是上一阶段进入本阶段的比例；各阶段转化率相乘就是赢单率。"},
        {"en": "Measure rates on leads that are all decided (created before 2024-07-01), or open leads make them look too low.",
         "zh": "要在全部已有结果的线索（2024-07-01 前创建）上测量比率，否则未结束的线索会让比率偏低。"},
        {"en": "With small numbers chance spreads results widely: target ÷ rate reaches the target only about half the time.",
         "zh": "数量少时运气造成的波动很大：“目标 ÷ 成交率”只有大约一半的机会达到目标。"},
        {"en": "Big deals take longer: from about two months for small orders to ten months and more for large projects.",
         "zh": "大项目耗时更长：小订单约两个月，大项目要十个月甚至更久。"},
        {"en": "Weighted pipeline = deal value × the stage's chance of winning; sales velocity = opportunities × deal value × win rate ÷ cycle length.",
         "zh": "加权销售管道 = 商机金额 × 所在阶段的赢单概率；销售速度 = 商机数 × 平均金额 × 赢单率 ÷ 销售周期。"},
    ],
    next={"en": "Lesson 05: why customers are lost, and what keeping them is worth.",
          "zh": "第 05 课：客户为什么流失，以及留住客户值多少钱。"},
)

EXERCISES = [
    Exercise(
        name="04.win_rate",
        question={
            "en": "What share of Hengtai's decided leads were won? Use the cohort of leads created before "
                  "2024-07-01 (all of them are decided). Give a share between 0 and 1.",
            "zh": "恒泰公司已有结果的线索中，赢单的比例是多少？请使用 2024-07-01 之前创建的线索（它们都已有结果）。"
                  "答案写成 0 到 1 之间的比例。",
        },
        data=_tables,
        answer=_win_rate,
        hint={"en": "Keep only leads created before 2024-07-01, then divide the won leads by all of them: "
                    "`crm.funnel.win_rate(leads)` does both.",
              "zh": "只保留 2024-07-01 之前创建的线索，再用赢单数除以线索总数：`crm.funnel.win_rate(leads)` 会完成这两步。"},
        mistakes=[
            Mistake(lambda leads: float((leads["outcome"] == "won").mean()),
                    {"en": "You divided by all 4,000 leads, including the recent ones that are still open: "
                           "they have not had time to win yet. Use the cohort created before 2024-07-01.",
                     "zh": "你除以了全部 4000 条线索，其中包括仍在跟进中的新线索，它们还没来得及成交。"
                           "请只用 2024-07-01 之前创建的线索。"}),
            Mistake(lambda leads: _win_rate_all_decided(leads),
                    {"en": "You left out the open leads but kept recent leads that are already decided: "
                           "recent losses come faster than recent wins, so this is biased. Use the cohort.",
                     "zh": "你去掉了未结束的线索，却保留了最近已结束的线索：近期丢单比近期赢单来得快，结果有偏差。请使用同期群。"}),
        ],
        solution={"en": "`leads = crm.datasets.load_leads()` then `crm.funnel.win_rate(leads)`: of the 1,795 leads "
                        "created before 2024-07-01, 83 were won, 83 / 1795 = 0.046, close to seed 004's '5 or fewer of 100'.",
                  "zh": "`leads = crm.datasets.load_leads()`，然后 `crm.funnel.win_rate(leads)`：2024-07-01 之前创建的 "
                        "1795 条线索中赢单 83 条，83 / 1795 = 0.046，与资料 004 的“100 家中 5 家或更少”相符。"},
    ),
    Exercise(
        name="04.biggest_leak",
        question={
            "en": "Which stage of Hengtai's funnel converts the smallest share of the leads at the stage before it? "
                  "Give the code of the stage the leads fail to enter (e.g. 'contacted').",
            "zh": "恒泰公司的漏斗中，哪个阶段从上一阶段转入的比例最低？请给出线索未能进入的那个阶段的代码（例如 'contacted'）。",
        },
        data=_history,
        answer=lambda history: _counts(history)["conversion"].iloc[1:].idxmin(),
        hint={"en": "Look at the 'conversion' column of `crm.funnel.conversion(history)`, not at the number of "
                    "leads: the last stage always has the fewest leads.",
              "zh": "看 `crm.funnel.conversion(history)` 的“conversion”（转化率）列，而不是线索数：最后一个阶段的线索总是最少。"},
        mistakes=[
            Mistake(lambda history: _counts(history)["leads"].idxmin(),
                    {"en": "That is the stage with the fewest leads; every funnel ends with its smallest stage. "
                           "Compare the conversion from the stage before instead.",
                     "zh": "这是线索最少的阶段；任何漏斗的最后一个阶段都最小。请比较相对上一阶段的转化率。"}),
            Mistake(lambda history: _stage_before_leak(history),
                    {"en": "That is the stage where the leads stopped; the question asks for the stage they failed "
                           "to enter, one step further down.",
                     "zh": "这是线索停下的阶段；题目问的是它们没能进入的阶段，也就是再往下一步。"}),
        ],
        solution={"en": "`history = crm.datasets.load_stage_history()` then `crm.funnel.conversion(history)`: only "
                        "about 40% of the leads talking business receive a proposal, the lowest conversion of all "
                        "steps, so the answer is 'proposal' (`crm.funnel.biggest_leak(history)`).",
                  "zh": "`history = crm.datasets.load_stage_history()`，然后 `crm.funnel.conversion(history)`：洽谈业务的线索中"
                        "只有约 40% 收到方案报价，是所有步骤中最低的，所以答案是 'proposal'（`crm.funnel.biggest_leak(history)`）。"},
    ),
    Exercise(
        name="04.prospects_needed",
        question={
            "en": "At Hengtai's win rate (exercise 04.win_rate), how many prospects does a salesperson need to be "
                  "90% sure of closing at least 5 deals?",
            "zh": "按恒泰公司的赢单率（练习 04.win_rate），销售人员需要多少个潜在客户，才能有 90% 的把握至少成交 5 笔？",
        },
        data=_tables,
        answer=lambda leads: _needed(leads, 0.9),
        hint={"en": "Use `crm.funnel.prospects_needed(5, rate, confidence=0.9)` with the cohort's win rate; "
                    "chance matters, so the answer is more than 5 ÷ rate.",
              "zh": "用同期群的赢单率计算 `crm.funnel.prospects_needed(5, rate, confidence=0.9)`；运气有影响，所以答案会大于 5 ÷ 成交率。"},
        mistakes=[
            Mistake(lambda leads: math.ceil(5 / _win_rate(leads)),
                    {"en": "5 ÷ rate gives 5 deals only on average: about half the time you would fall short. "
                           "Ask for 90% confidence.",
                     "zh": "5 ÷ 成交率只是平均能成交 5 笔：大约一半的时候会达不到。请按 90% 的把握计算。"}),
            Mistake(lambda leads: _needed(leads, 0.5),
                    {"en": "That is the number for a 50% chance (a coin toss). The question asks for 90%.",
                     "zh": "这是 50% 把握（抛硬币）所需的数量。题目要求 90%。"}),
        ],
        solution={"en": "`rate = crm.funnel.win_rate(leads)` (0.046), then `crm.funnel.prospects_needed(5, rate, "
                        "confidence=0.9)` = 171 prospects, far more than 5 / 0.046 = 108.",
                  "zh": "`rate = crm.funnel.win_rate(leads)`（0.046），然后 `crm.funnel.prospects_needed(5, rate, "
                        "confidence=0.9)` = 171 个潜在客户，远多于 5 / 0.046 = 108。"},
    ),
    Exercise(
        name="04.pipeline",
        question={
            "en": "What is Hengtai's weighted pipeline forecast: the open leads' deal values, each times the "
                  "chance that leads at its stage win? Give CNY.",
            "zh": "恒泰公司的加权销售管道预测值是多少：每条未结束线索的商机金额乘以其所在阶段的赢单概率，再求和？单位：元。",
        },
        data=_tables,
        answer=lambda leads: _pipeline(leads)["weighted_cny"].sum(),
        hint={"en": "`crm.funnel.weighted_pipeline(leads)` gives one row per stage; add up its 'weighted_cny' column.",
              "zh": "`crm.funnel.weighted_pipeline(leads)` 每个阶段一行；把“weighted_cny”列加起来。"},
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
]


def _win_rate_all_decided(leads):
    from crmlessons import funnel

    return funnel.win_rate(leads, before=None)


def _stage_before_leak(history):
    table = _counts(history)
    leak = list(table.index).index(table["conversion"].iloc[1:].idxmin())
    return table.index[leak - 1]


def _needed(leads, confidence):
    from crmlessons import funnel

    return funnel.prospects_needed(5, funnel.win_rate(leads), confidence=confidence)


def _pipeline(leads):
    from crmlessons import funnel

    return funnel.weighted_pipeline(leads)


QUIZ = [
    Question(
        prompt={"en": "In seed 004's example, of 100 prospects how many finally close a deal?",
                "zh": "在资料 004 的例子中，100 个潜在客户最后有多少家成交？"},
        options=[{"en": "About 80", "zh": "约 80 家"}, {"en": "About 50", "zh": "约 50 家"},
                 {"en": "5 or fewer", "zh": "5 家或更少"}, {"en": "All 100, given enough time", "zh": "只要时间足够，100 家都会"}],
        correct=2,
        feedback=[{"en": "80 is a very good number for reaching talking business, not for closing.",
                   "zh": "80 家是进入“谈生意”阶段的很好成绩，而不是成交数。"},
                  {"en": "50 is one of the figures of the source for talking business; many more drop out in negotiation.",
                   "zh": "50 家是资料中进入“谈生意”阶段的数字之一；谈判中还会流失很多。"},
                  {"en": "Yes: after negotiating for a month to a year or more, perhaps 5 or fewer remain.",
                   "zh": "对：经过一个月到一年甚至更长的谈判，最后可能只剩 5 家或更少。"},
                  {"en": "No: some prospects are always lost along the way; that is why the funnel narrows.",
                   "zh": "不对：总有一些潜在客户在途中流失，所以漏斗会越来越窄。"}],
        source="seed 004, figure 1-2",
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
        feedback=[{"en": "5 is only the average; chance moves the result between about 2 and 9.",
                   "zh": "5 笔只是平均数；运气会让结果在大约 2 到 9 笔之间变动。"},
                  {"en": "Yes: about 56% of the time. To be 90% sure you need about 158 prospects.",
                   "zh": "对：大约 56% 的时候能达到。要有 90% 的把握，大约需要 158 个潜在客户。"},
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
        prompt={"en": "An open lead worth 1,000,000 CNY is in negotiation, where about 46% of leads win. What does it add to the weighted pipeline?",
                "zh": "一条价值 100 万元的未结束线索处于商务谈判阶段，该阶段约 46% 的线索会成交。它为加权销售管道贡献多少？"},
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
        prompt={"en": "According to seed 004, what decides how long the negotiation before a deal takes?",
                "zh": "根据资料 004，成交前的谈判要持续多久取决于什么？"},
        options=[{"en": "The size of the project", "zh": "项目的规模"},
                 {"en": "The salesperson's mood", "zh": "销售人员的心情"},
                 {"en": "It always takes one month", "zh": "总是一个月"}],
        correct=0,
        feedback=[{"en": "Yes: from a month to a year or more, depending on the size of the project; the data of Hengtai agree.",
                   "zh": "对：从一个月到一年甚至更久，取决于项目规模；恒泰公司的数据也是如此。"},
                  {"en": "Attitude matters for winning, but the source ties the duration to the size of the project.",
                   "zh": "态度影响能否成交，但资料把时长与项目规模联系在一起。"},
                  {"en": "One month is the short end; big projects take a year or more.", "zh": "一个月只是最短的情况；大项目要一年甚至更久。"}],
        source="seed 004, figure 1-2",
    ),
    Question(
        prompt={"en": "A salesperson converts 30% of proposals into negotiations, the team 50%, but she had only 4 proposals. What is wise?",
                "zh": "某销售人员的方案报价转入商务谈判的比例是 30%，团队是 50%，但她只有 4 个方案报价。怎样做比较明智？"},
        options=[{"en": "Conclude at once that she cannot negotiate", "zh": "立即断定她不会谈判"},
                 {"en": "Weigh the gap by how many leads and deals it affects, and remember 4 leads leave much to chance",
                  "zh": "按差距影响的线索和成交数衡量，并记住 4 条线索的结果很大程度上靠运气"},
                 {"en": "Ignore conversion rates altogether", "zh": "完全不看转化率"}],
        correct=1,
        feedback=[{"en": "With 4 leads, one more or one fewer success changes the rate by 25 points: too little to judge.",
                   "zh": "只有 4 条线索时，多成或少成一笔都会让比率变化 25 个百分点：不足以下结论。"},
                  {"en": "Yes: start where matching the team adds the most deals, and let more data confirm it.",
                   "zh": "对：先从“追上团队后能多成交最多”的阶段入手，再用更多数据确认。"},
                  {"en": "The rates do show where to coach; they only need enough leads behind them.",
                   "zh": "转化率确实能指出辅导方向，只是背后需要足够的线索数。"}],
    ),
]

GLOSSARY = [
    Term("sales funnel", "销售漏斗", {"en": "The stages a prospect passes on the way to a deal; fewer leads remain at each stage.",
                                     "zh": "潜在客户走向成交所经过的各个阶段；每经过一个阶段，剩下的线索就更少。"}, "seed 004"),
    Term("success probability", "成功的概率", {"en": "Seed 004's name for the share of prospects that finally close.",
                                              "zh": "资料 004 对最终成交的潜在客户比例的称呼。"}, "seed 004"),
    Term("conversion rate", "转化率", {"en": "Share of the leads at one stage that reach the next.",
                                       "zh": "某一阶段的线索中进入下一阶段的比例。"}),
    Term("win rate", "赢单率", {"en": "Share of decided leads (won or lost) that were won.", "zh": "已有结果（赢单或丢单）的线索中赢单的比例。"}),
    Term("cohort", "同期群", {"en": "A group of leads created in the same period, followed until all are decided.",
                              "zh": "同一时期创建、一直跟踪到全部有结果的一组线索。"}),
    Term("sales cycle", "销售周期", {"en": "Time from a lead's first record to the deal; longer for bigger projects.",
                                     "zh": "从线索首次记录到成交的时间；项目越大越长。"}, "seed 004"),
    Term("confidence", "把握程度", {"en": "How sure a plan must be of reaching its target, e.g. 90%.",
                                    "zh": "计划达到目标的把握有多大，例如 90%。"}),
    Term("weighted pipeline", "加权销售管道", {"en": "Open deals' values, each times its stage's chance of winning: a sales forecast.",
                                              "zh": "未结束商机的金额乘以所在阶段的赢单概率后求和：一种销售预测。"}),
    Term("sales velocity", "销售速度", {"en": "Opportunities × deal value × win rate ÷ cycle length: money the pipeline brings per day.",
                                        "zh": "商机数 × 平均金额 × 赢单率 ÷ 销售周期：销售管道每天带来的金额。"}),
]
