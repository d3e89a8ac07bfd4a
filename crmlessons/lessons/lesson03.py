"""Lesson 03: MAN qualification. Which prospects deserve a salesperson's time: Money, Authority, Need."""

from __future__ import annotations

from crmlessons.lessons import Lesson, Term
from crmlessons.practice import Exercise, Mistake, Question


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


CALL_SALESPERSON = "SP034"

LESSON = Lesson(
    id="03",
    notebook="03_man_qualification.ipynb",
    title={"en": "MAN qualification: Money, Authority, Need", "zh": "MAN 客户资格判断：金钱、权力、需求"},
    objectives=[
        {"en": "Explain the three MAN factors, Money (金钱), Authority (权力) and Need (需求), and why a prospect "
               "with all three is a target customer.",
         "zh": "解释 MAN 的三个因素：金钱、权力、需求，以及为什么三者俱全的潜在客户是目标客户。"},
        {"en": "Classify a lead into one of the eight MAN combinations and choose the action for it.",
         "zh": "把一条线索归入 MAN 的八种组合之一，并选择相应的行动。"},
        {"en": "Measure on the case company's leads how the combination predicts who buys, and what chasing "
               "unqualified leads costs.",
         "zh": "用案例公司的线索数据衡量组合对成交的预测作用，以及追逐不合格线索的代价。"},
        {"en": "Rank a salesperson's open leads into a call list, and compare MAN with BANT.",
         "zh": "为销售人员把进行中的线索排成拜访名单，并比较 MAN 与 BANT。"},
        {"en": "Say where MAN is too simple: many roles in a key-account purchase, and needs that can be created.",
         "zh": "说明 MAN 过于简单之处：大客户采购中有多种角色，需求也可以被开发。"},
    ],
    teaching_minutes=25,
    exercise_minutes=30,
    key_points=[
        {"en": "A target customer has Money (purchasing power), Authority (the power to decide) and Need (a real "
               "need the offer fits) (seed 004).",
         "zh": "目标客户具备金钱（购买力）、权力（决策权）和需求（产品正好满足的真实需求）（资料 004）。"},
        {"en": "Capital = present, small = absent: eight combinations from M+A+N (pursue now) to m+a+n (stop), "
               "each with its own action.",
         "zh": "大写 = 具备，小写 = 不具备：从 M+A+N（立即跟进）到 m+a+n（停止）共八种组合，各有对应行动。"},
        {"en": "At Hengtai, full-MAN leads win about 4 times as often as the rest; each missing factor lowers the "
               "win rate, and m+a+n almost never wins.",
         "zh": "在恒泰，MAN 俱全的线索赢单率约为其他线索的 4 倍；每缺一项赢单率就下降，m+a+n 几乎从不成交。"},
        {"en": "Most selling hours go to leads that never buy: qualifying first saves them.",
         "zh": "大部分销售工时花在了从未成交的线索上：先判断资格就能节省这些时间。"},
        {"en": "MAN is a first filter, not a verdict: influencers and users shape key-account purchases, and skilled "
               "selling can develop a need (M+A+n).",
         "zh": "MAN 是初步筛选，而不是最终结论：影响者和使用者也会左右大客户采购，高超的销售技巧可以开发需求（M+A+n）。"},
    ],
    next={"en": "Lesson 04: the success funnel. Why 100 prospects become about 5 customers.",
          "zh": "第 04 课：成功漏斗。为什么 100 个潜在客户最后约有 5 个成交。"},
)

EXERCISES = [
    Exercise(
        name="03.full_man_win_rate",
        question={"en": "Among the leads created before 2024-07-01 (all decided), what share of the M+A+N leads "
                        "were won? Give a share between 0 and 1.",
                  "zh": "在 2024-07-01 之前创建的线索中（都已有结果），M+A+N 线索的赢单比例是多少？"
                        "请写成 0 到 1 之间的比例。"},
        data=_leads,
        answer=lambda leads: _win_rate(leads, "M+A+N"),
        hint={"en": "Read the win_rate of the row M+A+N in `man.combination_outcomes(leads)`; it already keeps only "
                    "the decided cohort.",
              "zh": "在 `man.combination_outcomes(leads)` 的 M+A+N 行读取 win_rate；它已经只保留有结果的线索。"},
        mistakes=[
            Mistake(lambda leads: float(_cohort_won(leads).mean()),
                    {"en": "That is the win rate of all cohort leads; keep only the M+A+N row.",
                     "zh": "这是全部线索的赢单率；只看 M+A+N 这一行。"}),
            Mistake(lambda leads: float(leads["outcome"].astype(object).eq("won")[_man().classify(leads).eq("M+A+N")].mean()),
                    {"en": "You counted every lead, including recent ones that are still open: measure on leads "
                           "created before 2024-07-01.",
                     "zh": "你统计了全部线索，包括仍在进行中的新线索：请只用 2024-07-01 之前创建的线索。"}),
        ],
        solution={"en": "`man.combination_outcomes(leads).loc[\"M+A+N\", \"win_rate\"]`: won M+A+N leads divided by all "
                        "M+A+N leads created before 2024-07-01 (31 / 234 = 0.132 in the shipped data).",
                  "zh": "`man.combination_outcomes(leads).loc[\"M+A+N\", \"win_rate\"]`：2024-07-01 之前创建的 M+A+N "
                        "线索中成交数除以总数（随附数据中为 31 / 234 = 0.132）。"},
    ),
    Exercise(
        name="03.full_vs_rest",
        question={"en": "How many times as often do M+A+N leads win as all the other leads (same cohort)? "
                        "Divide the win rate of M+A+N leads by the win rate of the leads that are not M+A+N.",
                  "zh": "M+A+N 线索的赢单率是其他所有线索的几倍（同一批线索）？用 M+A+N 线索的赢单率除以"
                        "非 M+A+N 线索的赢单率。"},
        data=_leads,
        answer=_full_vs_rest,
        hint={"en": "The 'rest' are the other seven combinations together: add up their wins and their leads "
                    "before dividing; do not average their win rates.",
              "zh": "“其他线索”是另外七种组合合在一起：先把它们的成交数和线索数分别加总再相除，不要把赢单率直接平均。"},
        mistakes=[
            Mistake(lambda leads: 1 / _full_vs_rest(leads),
                    {"en": "Upside down: put the M+A+N win rate on top.",
                     "zh": "颠倒了：应把 M+A+N 的赢单率放在分子上。"}),
            Mistake(lambda leads: _win_rate(leads, "M+A+N") / float(_cohort_won(leads).mean()),
                    {"en": "You divided by the win rate of all leads, which includes the M+A+N leads themselves; "
                           "compare with the others only.",
                     "zh": "你除以的是全部线索的赢单率，其中也包括 M+A+N 线索本身；只与其他线索比较。"}),
        ],
        solution={"en": "`table = man.combination_outcomes(leads)`; rest = `table.iloc[1:]`; "
                        "rest win rate = `rest[\"won\"].sum() / rest[\"leads\"].sum()`; answer = "
                        "`table.loc[\"M+A+N\", \"win_rate\"] / rest win rate` (about 4 in the shipped data).",
                  "zh": "`table = man.combination_outcomes(leads)`；其他 = `table.iloc[1:]`；其他的赢单率 = "
                        "`rest[\"won\"].sum() / rest[\"leads\"].sum()`；答案 = `table.loc[\"M+A+N\", \"win_rate\"]` "
                        "除以其他的赢单率（随附数据中约为 4）。"},
    ),
    Exercise(
        name="03.open_ideal",
        question={"en": "How many of the leads still open on 2025-12-31 are ideal prospects (M+A+N) that the team "
                        "should pursue now?",
                  "zh": "截至 2025-12-31 仍在进行中的线索里，有多少条是应立即跟进的理想潜在客户（M+A+N）？"},
        data=_leads,
        answer=lambda leads: int(_man().classify(_open(leads)).eq("M+A+N").sum()),
        hint={"en": "Keep the leads whose outcome is 'open' first, then classify them and count M+A+N.",
              "zh": "先保留 outcome 为 'open' 的线索，再分类并数出 M+A+N 的条数。"},
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
    Exercise(
        name="03.call_first",
        question={"en": f"Which open lead should salesperson {CALL_SALESPERSON} call first? Give its lead id "
                        "(e.g. 'L01234'), using the lesson's score.",
                  "zh": f"销售人员 {CALL_SALESPERSON} 应该先给哪条进行中的线索打电话？按本课的评分，写出线索编号"
                        "（例如 'L01234'）。"},
        data=_leads,
        answer=lambda leads: str(_man().call_list(leads, CALL_SALESPERSON, n=1)["lead_id"].iloc[0]),
        hint={"en": f"`man.call_list(leads, \"{CALL_SALESPERSON}\")` ranks the open leads by score; rank 1 comes first.",
              "zh": f"`man.call_list(leads, \"{CALL_SALESPERSON}\")` 按评分给进行中的线索排序；排第 1 的先打。"},
        mistakes=[
            Mistake(lambda leads: str(_open(leads)[_open(leads)["salesperson_id"].eq(CALL_SALESPERSON)]
                                      .sort_values("deal_value_cny")["lead_id"].iloc[-1]),
                    {"en": "That is the biggest deal, but a big deal without money, authority or need rarely "
                           "closes: rank by the score.",
                     "zh": "这是金额最大的商机，但缺少金钱、权力或需求的大单很少成交：请按评分排序。"}),
            Mistake(lambda leads: str(_man().call_list(leads, CALL_SALESPERSON, n=10_000)["lead_id"].iloc[-1]),
                    {"en": "That lead is at the bottom of the list: rank 1 is the highest score.",
                     "zh": "这条线索排在名单最后：第 1 名是评分最高的。"}),
        ],
        solution={"en": f"`man.call_list(leads, \"{CALL_SALESPERSON}\")` and read the lead_id of rank 1.",
                  "zh": f"`man.call_list(leads, \"{CALL_SALESPERSON}\")`，读出第 1 名的 lead_id。"},
    ),
]

QUIZ = [
    Question(
        prompt={"en": "In seed 004, what do the letters of a 'MAN' customer stand for?",
                "zh": "在资料 004 中，“MAN 型客户”的三个字母分别代表什么？"},
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
        source="seed 004",
    ),
    Question(
        prompt={"en": "A factory can pay and urgently needs your bearings, but your contact is an engineer who "
                      "cannot decide (M+a+N). What do you do?",
                "zh": "一家工厂买得起，而且急需你的轴承，但你的联系人是一位无权决定的工程师（M+a+N）。你怎么做？"},
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
        prompt={"en": "A lead has Money and Authority but no clear need yet (M+A+n). What does sales training advise?",
                "zh": "一条线索有金钱和权力，但还没有明确的需求（M+A+n）。销售培训的建议是什么？"},
        options=[{"en": "Stop: no need, no sale", "zh": "停止：没有需求就没有生意"},
                 {"en": "With skilled selling success is possible: develop the need", "zh": "凭借高超的销售技巧仍有可能成功：开发需求"},
                 {"en": "Find someone with more authority", "zh": "寻找更有权力的人"}],
        correct=1,
        feedback=[{"en": "A need can be created: showing a problem the customer had not seen is part of selling.",
                   "zh": "需求可以被开发：让客户看到他们没意识到的问题，正是销售的一部分。"},
                  {"en": "Yes: this is where MAN is too simple; need is not fixed. In the data, M+A+n leads still win "
                         "about half as often as M+A+N ones.",
                   "zh": "对：这正是 MAN 过于简单之处；需求不是固定的。数据中 M+A+n 线索的赢单率仍约为 M+A+N 的一半。"},
                  {"en": "Authority is already there; the missing factor is Need.", "zh": "权力已经具备；缺少的是需求。"}],
    ),
    Question(
        prompt={"en": "What does BANT add to MAN?", "zh": "与 MAN 相比，BANT 多了什么？"},
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
        prompt={"en": "At Hengtai, leads whose contact is an influencer win about half as often as those whose "
                      "contact decides. What follows?",
                "zh": "在恒泰，联系人是影响者的线索，赢单率约为联系人是决策者的一半。由此可以得出什么？"},
        options=[{"en": "Ignore influencers: only decision makers matter",
                  "zh": "忽略影响者：只有决策者重要"},
                 {"en": "Authority matters, but influencers still lead to sales: work with them to reach and "
                         "convince the decision maker",
                  "zh": "权力很重要，但影响者也能带来生意：与他们合作，接触并说服决策者"},
                 {"en": "The contact's role makes no difference", "zh": "联系人的角色没有影响"}],
        correct=1,
        feedback=[{"en": "Influencers still win a fair share of deals; in key accounts their views must be balanced "
                         "(seed 004).",
                   "zh": "影响者参与的线索也成交了不少；在大客户销售中必须平衡他们的意见（资料 004）。"},
                  {"en": "Yes: a key-account purchase involves many roles, and the salesperson balances their views.",
                   "zh": "对：大客户采购涉及多种角色，销售人员需要平衡各方意见。"},
                  {"en": "The data shows a clear gap between decision makers and influencers.",
                   "zh": "数据显示决策者和影响者之间有明显差距。"}],
        source="seed 004",
    ),
]

GLOSSARY = [
    Term("MAN", "MAN 型客户", {"en": "A target customer with Money, Authority and Need; a checklist to qualify prospects.",
                             "zh": "具备金钱、权力和需求的目标客户；用来判断潜在客户资格的清单。"}, "seed 004"),
    Term("Money", "金钱", {"en": "Purchasing power: the prospect can afford the offer.",
                          "zh": "购买力：潜在客户买得起产品或服务。"}, "seed 004"),
    Term("Authority", "权力", {"en": "The power to decide the purchase.", "zh": "决定这次采购的权力。"}, "seed 004"),
    Term("Need", "需求", {"en": "A real need of the prospect that the offer fits.", "zh": "潜在客户确实存在、产品正好满足的需求。"},
         "seed 004"),
    Term("target customer", "目标客户", {"en": "A prospect worth pursuing: in MAN terms, one with all three factors.",
                                       "zh": "值得跟进的潜在客户：按 MAN 的说法，三项因素俱全。"}, "seed 004"),
    Term("lead qualification", "线索资格判断", {"en": "Deciding whether a prospect deserves selling time, and which action fits.",
                                              "zh": "判断潜在客户是否值得投入销售时间，以及应采取什么行动。"}),
    Term("decision maker", "决策者", {"en": "The person who decides a purchase.", "zh": "决定采购的人。"}, "seed 004"),
    Term("influencer", "影响者", {"en": "A person whose view shapes a purchase without deciding it.",
                                 "zh": "意见会影响采购、但不做决定的人。"}, "seed 004"),
    Term("key account", "大客户", {"en": "A large customer whose purchases involve many roles.",
                                  "zh": "采购涉及多种角色的重要客户。"}, "seed 004"),
    Term("BANT", "BANT", {"en": "Budget, Authority, Need, Timeline: a qualification checklist that adds when the "
                                "prospect will buy.",
                          "zh": "预算、权力、需求、时间：在 MAN 之外还关注客户何时采购的资格判断清单。"}),
    Term("call list", "拜访名单", {"en": "A salesperson's open leads ranked by whom to contact first.",
                                  "zh": "按优先顺序排列的销售人员待跟进线索名单。"}),
    Term("win rate", "赢单率", {"en": "Share of decided leads that were won.", "zh": "有结果的线索中成交的比例。"}),
]
