"""Lesson 05: why customers are lost, and what keeping them is worth (syllabus E, and H's early warning)."""

from __future__ import annotations

import html

from crmlessons import i18n
from crmlessons.lessons import Lesson, Term
from crmlessons.practice import Exercise, Mistake, Question

i18n.register({
    "loss_case_heading": ("Classroom case", "课堂案例"),
    "loss_case_questions": ("Discuss", "讨论"),
    "loss_case_repr": ("Classroom case: {title}", "课堂案例：{title}"),
})

LESSON = Lesson(
    id="05",
    notebook="05_loss_causes.ipynb",
    title={"en": "Why customers are lost, and what keeping them is worth",
           "zh": "客户为何流失，留住客户值多少钱"},
    objectives=[
        {"en": "Sort lost deals and lost customers into the three causes of seed 004: customer side, company side, third party.",
         "zh": "把丢单和流失客户按资料 004 的三类原因归类：客户自身、企业自身、第三方。"},
        {"en": "Clean the reasons salespeople typed into codes, and report (not drop) the ones that say nothing.",
         "zh": "把销售人员填写的原因整理成代码，并报告（而不是删掉）无法归类的原因。"},
        {"en": "Find the few reasons behind most losses with a Pareto chart, and the share the company controls.",
         "zh": "用帕累托图找出造成大部分流失的少数原因，以及企业可以控制的比例。"},
        {"en": "Spot customers whose orders are falling before they are lost (early warning).",
         "zh": "在客户流失之前发现订单量下降的客户（预警）。"},
        {"en": "Price a lost customer and a plan that cuts losses; test the literature's claims on the data.",
         "zh": "估算一位流失客户的代价和减少流失计划的价值；用数据检验文献中的说法。"},
    ],
    teaching_minutes=35,
    exercise_minutes=30,
    key_points=[
        {"en": "Losses have three sources (seed 004, Table 1-1): the customer, the company, third parties. Only the company side is fully under the firm's control.",
         "zh": "流失有三类来源（资料 004，表 1-1）：客户自身、企业自身、第三方。只有企业自身原因完全在企业的控制之内。"},
        {"en": "At Hengtai, about 56% of losses with a known reason are company-side; of the company-side lost customers, about 80% left for lack of care, communication or complaint handling.",
         "zh": "在恒泰，已知原因的流失中约 56% 属于企业自身原因；在企业自身原因的流失客户中，约 80% 是因为关怀不够、沟通不足或投诉处理不当。"},
        {"en": "Clean raw reasons with a written keyword list; count what cannot be mapped instead of dropping it.",
         "zh": "用成文的关键词表整理原始原因；无法归类的原因要计数报告，而不是删掉。"},
        {"en": "A drop in a customer's order volume is an early warning (seed 003): call before the customer is gone.",
         "zh": "客户订单量下降是预警信号（资料 003）：在客户离开之前主动联系。"},
        {"en": "A lost customer costs the margin of the rest of the relationship plus the cost of a replacement; winning a customer costs Hengtai about 4.7 times keeping one (the sources say 5).",
         "zh": "流失一位客户的代价 = 剩余关系期内的毛利 + 找到替代客户的成本；在恒泰，赢得一位新客户的成本约为保留一位老客户的 4.7 倍（资料说是 5 倍）。"},
    ],
    next={"en": "Lesson 06: customer value and the customer lifecycle.",
          "zh": "第 06 课：客户价值与客户生命周期。"},
)


def _losses():
    from crmlessons import datasets

    return {"losses": datasets.load_losses()}


def _spend_customers():
    from crmlessons import datasets

    return {"spend": datasets.load_spend(), "customers": datasets.load_customers()}


def _facts_data():
    from crmlessons import datasets

    return {"orders": datasets.load_orders(), "customers": datasets.load_customers(), "spend": datasets.load_spend()}


def _controllable(losses, typed_all=False):
    """The answer (``loss.controllable_share``), or the mistake of dividing by every loss."""
    from crmlessons import loss

    if typed_all:
        return float((losses["category"].astype(object) == loss.CONTROLLABLE).mean())
    return loss.controllable_share(losses)


def _care_share(losses, loss_type="customer", within=True, reasons=None):
    """The answer (``loss.relationship_share``), or one of its common mistakes."""
    from crmlessons import loss

    if reasons is None:
        return loss.relationship_share(losses, loss_type=loss_type, within=loss.CONTROLLABLE if within else None)
    data = losses[losses["loss_type"].astype(str) == loss_type]["reason"].astype(object).dropna()
    return float(data.isin(reasons).mean())


def _vital_few(losses, offset=0):
    from crmlessons import loss

    return len(loss.vital_few(losses, 0.8, loss_type="customer")) + offset


def _cost_ratio(spend, customers):
    from crmlessons import retention

    return retention.cost_ratio(spend, customers)  # the one cost ratio, relationship.cost_ratio


def _spend_ratio(spend, customers, invert=False):
    sums = spend.groupby(spend["spend_type"].astype(str))["amount_cny"].sum()
    ratio = sums["acquisition"] / sums["retention"]
    return float(1 / ratio if invert else ratio)


def _lost_cost(orders, customers, spend, part="all"):
    from crmlessons import retention

    f = retention.facts(orders, customers, spend)
    return {"all": f["lost_customer_cost"], "margin": f["lost_margin"],
            "one_year": f["margin_per_year"] + f["acquisition_cost"]}[part]


EXERCISES = [
    Exercise(
        name="05.controllable_share",
        question={"en": "Of all lost deals and lost customers whose category is known, what share is company-side "
                        "(the losses Hengtai controls)? Give a share between 0 and 1.",
                  "zh": "在类别已知的全部丢单和流失客户中，企业自身原因（恒泰可以控制的流失）占多大比例？"
                        "请给出 0 到 1 之间的比例。"},
        data=_losses,
        answer=_controllable,
        hint={"en": "Count company_side rows and divide by the rows whose category is known, lost deals and lost customers together.",
              "zh": "数出 company_side 的行数，除以类别已知的行数（丢单和流失客户一起算）。"},
        mistakes=[
            Mistake(lambda losses: _controllable(losses, typed_all=True),
                    {"en": "You divided by all losses, including those whose reason is unknown: leave them out of the base "
                           "(they are reported separately, not counted as 'not company-side').",
                     "zh": "你除以了全部流失，包括原因未知的记录：这些记录应从分母中去掉（它们单独报告，不能算作“非企业原因”）。"}),
            Mistake(lambda losses: float((losses["category"].dropna().astype(object) == "third_party").mean()),
                    {"en": "That is the third-party share: competitors and friends' opinions are not under the firm's control.",
                     "zh": "这是第三方因素的比例：竞争对手和亲友意见不在企业控制之内。"}),
            Mistake(lambda losses: float((losses["category"].dropna().astype(object) != "company_side").mean()),
                    {"en": "You took everything except company-side: the question asks for the company-side share itself.",
                     "zh": "你算的是企业自身原因以外的比例：题目要的是企业自身原因本身的比例。"}),
        ],
        solution={"en": "`loss.controllable_share(losses)`: company-side rows / rows with a known category "
                        "= 2025 / 3616, about 0.56. The 323 losses with an unknown reason are reported, not counted.",
                  "zh": "`loss.controllable_share(losses)`：企业自身原因的行数 / 类别已知的行数 = 2025 / 3616，约 0.56。"
                        "原因未知的 323 条单独报告，不计入。"},
    ),
    Exercise(
        name="05.care_share",
        question={"en": "Among the company-side LOST CUSTOMERS (loss_type 'customer'), what share is lack of care, "
                        "communication or complaint handling? Seed 000 says two thirds leave for lack of care: "
                        "compare.",
                  "zh": "在企业自身原因的流失客户（loss_type 为 'customer'）中，关怀不够、沟通不足或投诉处理不当"
                        "占多大比例？资料 000 说三分之二的客户因关怀不够而离开：请比较。"},
        data=_losses,
        answer=_care_share,
        hint={"en": "Keep lost customers only, then only company-side reasons; count the three relationship reasons.",
              "zh": "只保留流失客户，再只保留企业自身原因；数出这三个与关系有关的原因。"},
        mistakes=[
            Mistake(lambda losses: _care_share(losses, within=False),
                    {"en": "You divided by all lost customers with a known reason: the question asks within the company side.",
                     "zh": "你除以了所有原因已知的流失客户：题目问的是企业自身原因之内的比例。"}),
            Mistake(lambda losses: _care_share(losses, loss_type="deal"),
                    {"en": "That is the figure for lost deals: filter loss_type == 'customer'.",
                     "zh": "这是丢单的数字：请筛选 loss_type == 'customer'。"}),
            Mistake(lambda losses: _care_share(losses, within=False, reasons=("lack_of_care",)),
                    {"en": "You counted lack of care alone, among all lost customers: add communication and complaint "
                           "handling, and keep the company-side losses only.",
                     "zh": "你只算了全部流失客户中的关怀不够：还要加上沟通不足和投诉处理不当，并且只保留企业自身原因。"}),
        ],
        solution={"en": "`loss.relationship_share(losses, loss_type=\"customer\")`, about 0.79: higher than the "
                        "claimed two thirds, but only within the company side. Among all lost customers it is about "
                        "0.43, and lack of care alone about 0.23.",
                  "zh": "`loss.relationship_share(losses, loss_type=\"customer\")`，约 0.79：高于所说的三分之二，"
                        "但只是在企业自身原因之内。在全部流失客户中约为 0.43，仅关怀不够约为 0.23。"},
    ),
    Exercise(
        name="05.vital_few",
        question={"en": "In the Pareto table of LOST CUSTOMERS, how many reasons (taken from the most frequent down) "
                        "are needed to explain at least 80% of the losses with a known reason?",
                  "zh": "在流失客户的帕累托表中，从最常见的原因往下数，至少需要几个原因才能解释已知原因流失的 80%？"},
        data=_losses,
        answer=_vital_few,
        hint={"en": "Read the cumulative_share column of loss.pareto(losses, loss_type='customer'): the first row "
                    "at or above 0.8 is the last one you need.",
              "zh": "看 loss.pareto(losses, loss_type='customer') 的 cumulative_share 列：第一个达到或超过 0.8 的行就是需要的最后一个原因。"},
        mistakes=[
            Mistake(lambda losses: _vital_few(losses, -1),
                    {"en": "You stopped just before 80% (or counted lost deals too): include the reason that takes the "
                           "cumulative share over the line, for lost customers only.",
                     "zh": "你在 80% 之前停下了（或把丢单也算进去了）：只看流失客户，并包括让累计占比越过 80% 线的那个原因。"}),
            Mistake(lambda losses: int(losses["reason"].dropna().nunique()),
                    {"en": "You counted every reason: stop at the first one where the cumulative share reaches 80%.",
                     "zh": "你数了所有原因：在累计占比第一次达到 80% 的原因处停下。"}),
        ],
        solution={"en": "`loss.vital_few(losses, 0.8, loss_type=\"customer\")` lists 7 of the 10 reasons. For lost "
                        "customers the '80/20 rule' does not hold: losses are spread out; the top four already "
                        "explain 60%, three of them company-side.",
                  "zh": "`loss.vital_few(losses, 0.8, loss_type=\"customer\")` 列出 10 个原因中的 7 个。对流失客户"
                        "来说“80/20 法则”并不成立：流失比较分散；前四个原因已解释 60%，其中三个是企业自身原因。"},
    ),
    Exercise(
        name="05.cost_ratio",
        question={"en": "From the spend table (2019-2025): how many times more does winning one new customer cost "
                        "than keeping one existing customer? (Acquisition spend per customer acquired, divided by "
                        "retention spend per customer retained.) Seeds 000 and 002 say 5.",
                  "zh": "根据费用表（2019-2025 年）：赢得一位新客户的成本是保留一位老客户的多少倍？（每获得一位客户"
                        "的获客费用，除以每保留一位客户的保留费用。）资料 000 和 002 说是 5 倍。"},
        data=_spend_customers,
        answer=_cost_ratio,
        hint={"en": "Per customer, not in total: divide each spend by its own number of customers first, then divide the two costs.",
              "zh": "按每位客户算，而不是总额：先把每类费用除以各自的客户数，再把两个成本相除。"},
        mistakes=[
            Mistake(lambda spend, customers: _spend_ratio(spend, customers),
                    {"en": "You compared total spend: Hengtai keeps far more customers than it wins each year, so compare the cost per customer.",
                     "zh": "你比较的是费用总额：恒泰每年保留的客户远多于新赢得的客户，所以要比较每位客户的成本。"}),
            Mistake(lambda spend, customers: 1 / _cost_ratio(spend, customers),
                    {"en": "Upside down: put the cost of winning a customer on top.",
                     "zh": "颠倒了：把赢得一位客户的成本放在分子上。"}),
        ],
        solution={"en": "`retention.cost_ratio(spend, customers)`: about 11,540 CNY per customer won against about "
                        "2,440 CNY per customer kept, a ratio of about 4.7: close to the claimed 5, for this firm.",
                  "zh": "`retention.cost_ratio(spend, customers)`：每赢得一位客户约 11,540 元，每保留一位客户约 "
                        "2,440 元，比值约 4.7：对这家企业而言接近所说的 5 倍。"},
        rel_tol=0.02,
    ),
    Exercise(
        name="05.lost_customer_cost",
        rel_tol=0.002,
        question={"en": "What does losing one average customer cost Hengtai, in CNY? Take the margin per customer-year "
                        "times the expected remaining years of the relationship, plus the acquisition cost of a "
                        "replacement (all from retention.facts(orders, customers, spend)).",
                  "zh": "恒泰流失一位平均客户的代价是多少元？用每位客户每年的毛利乘以关系预期剩余年数，"
                        "再加上找到替代客户的获客成本（数据都来自 retention.facts(orders, customers, spend)）。"},
        data=_facts_data,
        answer=_lost_cost,
        hint={"en": "Two parts: the margin the customer would still have brought (per year x expected years) and the cost of winning a replacement.",
              "zh": "两部分：客户本来还会带来的毛利（每年毛利 × 预期年数），以及赢得替代客户的成本。"},
        mistakes=[
            Mistake(lambda orders, customers, spend: _lost_cost(orders, customers, spend, "margin"),
                    {"en": "You left out the cost of winning a replacement customer.",
                     "zh": "你漏掉了赢得替代客户的成本。"}),
            Mistake(lambda orders, customers, spend: _lost_cost(orders, customers, spend, "one_year"),
                    {"en": "You counted one year of margin: a kept customer stays for the expected remaining years.",
                     "zh": "你只算了一年的毛利：留住的客户会在预期剩余年数内一直贡献。"}),
        ],
        solution={"en": "`f = retention.facts(orders, customers, spend)`, then "
                        "`f[\"margin_per_year\"] * f[\"expected_years\"] + f[\"acquisition_cost\"]`: about 73,000 CNY "
                        "a year x about 22 years + about 11,500 CNY, roughly 1.65 million CNY. The replacement cost is "
                        "the small part: the lost margin is what hurts.",
                  "zh": "`f = retention.facts(orders, customers, spend)`，然后 "
                        "`f[\"margin_per_year\"] * f[\"expected_years\"] + f[\"acquisition_cost\"]`：每年约 73,000 元 × "
                        "约 22 年 + 约 11,500 元，约 165 万元。替代成本只是小头：真正的损失是流失的毛利。"},
    ),
]

QUIZ = [
    Question(
        prompt={"en": "Which of these is a company-side cause of losing a customer (seed 004, Table 1-1)?",
                "zh": "以下哪一项属于客户流失的企业自身原因（资料 004，表 1-1）？"},
        options=[{"en": "A competitor cuts its prices", "zh": "竞争对手降价"},
                 {"en": "A complaint is handled badly", "zh": "投诉处理不当"},
                 {"en": "The customer's contact person dies", "zh": "客户的联系人去世"},
                 {"en": "A relative of the owner recommends another supplier", "zh": "老板的亲戚推荐了别的供应商"}],
        correct=1,
        feedback=[{"en": "Competitor activity is a third-party cause.", "zh": "竞争对手的活动属于第三方因素。"},
                  {"en": "Yes: handling complaints is the job of the company itself, and CRM can fix it.",
                   "zh": "对：处理投诉是企业自己的工作，客户关系管理可以改进。"},
                  {"en": "An objective event on the customer side: a customer-side cause.",
                   "zh": "这是客户方面的客观情况，属于客户自身原因。"},
                  {"en": "Opinions of friends and relatives are a third-party cause.", "zh": "亲友意见属于第三方因素。"}],
        source="seed 004, Table 1-1",
    ),
    Question(
        prompt={"en": "Seed 004 calls one company-side problem a core problem of CRM. Which?",
                "zh": "资料 004 把企业自身的哪个问题称为客户关系管理的核心问题？"},
        options=[{"en": "Weak communication skills", "zh": "沟通技巧不够"},
                 {"en": "High prices", "zh": "价格太高"},
                 {"en": "Competitors' activities", "zh": "竞争对手的活动"}],
        correct=0,
        feedback=[{"en": "Right: communication is an important cause of losses and a core problem of CRM.",
                   "zh": "对：沟通是造成流失的重要原因，也是客户关系管理的核心问题。"},
                  {"en": "Price is company-side, but the seed singles out communication.",
                   "zh": "价格属于企业自身原因，但资料特别强调的是沟通。"},
                  {"en": "Competitors are a third party, not a company-side problem.", "zh": "竞争对手是第三方，不是企业自身的问题。"}],
        source="seed 004",
    ),
    Question(
        prompt={"en": "In a Pareto chart of loss reasons, what does the 80% line help you find?",
                "zh": "在流失原因的帕累托图中，80% 参考线帮助你找到什么？"},
        options=[{"en": "The few reasons that together explain most losses, to work on first",
                  "zh": "合计解释了大部分流失、应优先改进的少数原因"},
                 {"en": "The reasons that are 80% certain", "zh": "有 80% 把握的原因"},
                 {"en": "The customers worth 80% of revenue", "zh": "贡献 80% 收入的客户"}],
        correct=0,
        feedback=[{"en": "Yes: the reasons up to where the cumulative line crosses 80% are the vital few.",
                   "zh": "对：累计线越过 80% 之前的原因就是“关键少数”。"},
                  {"en": "The line is a cumulative share of losses, not a probability.", "zh": "这条线是流失的累计占比，不是概率。"},
                  {"en": "That would be a Pareto chart of customers by revenue; this one ranks reasons.",
                   "zh": "那是按收入排列客户的帕累托图；这张图排列的是原因。"}],
    ),
    Question(
        prompt={"en": "A salesperson typed 'other' as the reason for a lost deal. What should the analysis do with it?",
                "zh": "销售人员把丢单原因填成“其他”。分析时应该怎样处理？"},
        options=[{"en": "Delete the row: it carries no information", "zh": "删掉这一行：它没有信息"},
                 {"en": "Count it as company-side to be safe", "zh": "为保险起见算作企业自身原因"},
                 {"en": "Report it as unknown with its count, leave it out of the shares, and ask for better records",
                  "zh": "作为“未知”计数报告，不计入各类占比，并要求改进记录"}],
        correct=2,
        feedback=[{"en": "Deleting hides how much of the data is unusable; the row still is a loss.",
                   "zh": "删除会掩盖有多少数据不可用；这一行仍然是一次流失。"},
                  {"en": "Guessing a category biases the shares.", "zh": "随意猜一个类别会让各类占比产生偏差。"},
                  {"en": "Yes: nothing is silently lost, and the share of unknowns tells how good the records are.",
                   "zh": "对：不会悄悄丢掉任何记录，未知原因的比例也说明了记录质量。"}],
    ),
    Question(
        prompt={"en": "A loyal customer's orders in the last year are half those of the year before. Seed 003 suggests ...",
                "zh": "一位忠诚客户最近一年的订单只有前一年的一半。资料 003 建议……"},
        options=[{"en": "waiting: order volumes go up and down", "zh": "等等看：订单量本来就有起伏"},
                 {"en": "treating it as an early warning: look for the cause, starting with our own mistakes, and talk to the customer",
                  "zh": "把它当作预警：先从自身找问题，查明原因并与客户沟通"},
                 {"en": "cutting the customer's discount", "zh": "取消该客户的折扣"}],
        correct=1,
        feedback=[{"en": "By the time the orders stop, the customer is usually gone.", "zh": "等到订单停了，客户通常已经走了。"},
                  {"en": "Right: a change in purchase volume calls for investigation and contact.",
                   "zh": "对：进货量的变化需要调查分析并及时沟通。"},
                  {"en": "That would push a customer who may already be leaving.", "zh": "这只会把可能正要离开的客户推得更远。"}],
        source="seed 003",
    ),
    Question(
        prompt={"en": "At Hengtai, winning a customer costs about 4.7 times keeping one; the sources say 5. What is the fair conclusion?",
                "zh": "在恒泰，赢得一位客户的成本约为保留一位的 4.7 倍；资料说是 5 倍。合理的结论是什么？"},
        options=[{"en": "The sources are wrong", "zh": "资料错了"},
                 {"en": "The claim roughly holds for this firm; the ratio is a firm's own figure, to be measured, not a law",
                  "zh": "这一说法对这家企业大致成立；这个比值是每家企业自己的数字，需要测量，而不是定律"},
                 {"en": "Keeping customers is therefore not worth it", "zh": "所以留住客户不值得"}],
        correct=1,
        feedback=[{"en": "4.7 is close to 5; a claim like this is a rule of thumb, not an exact constant.",
                   "zh": "4.7 接近 5；这类说法是经验法则，不是精确常数。"},
                  {"en": "Yes: measure it on your own spend and customer counts.", "zh": "对：用自己的费用和客户数来测量。"},
                  {"en": "The opposite: keeping is far cheaper than winning.", "zh": "恰恰相反：保留客户比赢得新客户便宜得多。"}],
        source="seed 000; seed 002",
    ),
    Question(
        prompt={"en": "The what-if widget shows a break-even budget. What is it?",
                "zh": "假设分析控件显示了“盈亏平衡预算”。它是什么？"},
        options=[{"en": "The most a year's retention plan may cost and still pay for itself",
                  "zh": "一年的客户保留计划最多可以花多少钱而仍然划算"},
                 {"en": "This year's marketing budget", "zh": "今年的市场预算"},
                 {"en": "The revenue of the customers kept", "zh": "留住的客户带来的收入"}],
        correct=0,
        feedback=[{"en": "Yes: margin saved plus replacement cost saved; a plan that costs less is worth doing.",
                   "zh": "对：保住的毛利加上节省的替代成本；花费低于它的计划就值得做。"},
                  {"en": "It is what a plan is allowed to cost, computed from the losses it avoids.",
                   "zh": "它是根据避免的流失算出的计划可花费用上限。"},
                  {"en": "Revenue is not profit: the budget is paid from margin, not from revenue.",
                   "zh": "收入不等于利润：预算要从毛利中支付，而不是从收入中支付。"}],
    ),
]

GLOSSARY = [
    Term("lost deal", "丢单", {"en": "A prospect (lead) the firm worked on but did not win.",
                               "zh": "企业跟进过但没有赢得的潜在客户（线索）。"}),
    Term("lost customer", "流失客户", {"en": "A customer who stopped buying from the firm.",
                                      "zh": "不再向企业购买的客户。"}, "seed 004"),
    Term("loss cause", "流失原因", {"en": "Why a deal or customer was lost; seed 004 sorts causes into customer side, "
                                         "company side and third party.",
                                   "zh": "丢单或客户流失的原因；资料 004 把原因分为客户自身、企业自身和第三方三类。"},
         "seed 004, Table 1-1"),
    Term("controllable loss", "可控流失", {"en": "A loss with a company-side cause: the firm can act on it, and CRM can fix much of it.",
                                          "zh": "由企业自身原因造成的流失：企业可以采取行动，客户关系管理能改善其中很大一部分。"},
         "seed 004"),
    Term("Pareto chart", "帕累托图", {"en": "Bars sorted from largest to smallest with a cumulative-share line: shows the few causes behind most of an effect.",
                                      "zh": "从大到小排列的柱形加上累计占比线：显示造成大部分结果的少数原因。"}),
    Term("early warning", "预警", {"en": "A sign, such as falling order volume, that a customer may be about to leave.",
                                   "zh": "客户可能即将离开的信号，例如订单量下降。"}, "seed 003"),
    Term("retention rate", "客户保持率", {"en": "Share of the customers at the start of a year who are still customers at its end.",
                                         "zh": "年初的客户中到年底仍是客户的比例。"}),
    Term("acquisition cost", "获客成本", {"en": "Sales and marketing spend on winning new customers, per new customer won.",
                                         "zh": "为赢得新客户而花的销售和市场费用，按每位新客户计算。"}, "seeds 000, 002"),
    Term("break-even budget", "盈亏平衡预算", {"en": "The most a plan may cost and still pay for itself from the margin it saves.",
                                               "zh": "一项计划最多可以花的费用，使其节省的毛利仍能收回成本。"}),
]


class MiniCase:
    """A short bilingual classroom case with discussion questions (HTML in Jupyter, text elsewhere)."""

    def __init__(self, title, story, questions):
        self.title, self.story, self.questions = title, story, questions

    def __repr__(self) -> str:
        lines = [f'{i18n.t("loss_case_heading")}: {i18n.pick(self.title)}', ""]
        lines += [i18n.pick(p) for p in self.story]
        lines += ["", i18n.t("loss_case_questions")]
        lines += [f"{n}. {i18n.pick(q)}" for n, q in enumerate(self.questions, 1)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        story = "".join(f"<p>{html.escape(i18n.pick(p))}</p>" for p in self.story)
        questions = "".join(f"<li>{html.escape(i18n.pick(q))}</li>" for q in self.questions)
        return (f'<div class="crm-card crm-mini-case" style="border:1px solid #c9a;border-radius:6px;'
                f'padding:6px 14px;background:#fdf8f4"><b>{html.escape(i18n.t("loss_case_heading"))}: '
                f'{html.escape(i18n.pick(self.title))}</b>{story}<b>{html.escape(i18n.t("loss_case_questions"))}</b>'
                f"<ol>{questions}</ol></div>")


CASE = MiniCase(
    title={"en": "The pump that was never fixed", "zh": "一直没修好的泵"},
    story=[
        {"en": "Jinhe Precision Machinery, a medium-sized machine builder in the east region, had bought bearings "
               "and maintenance service from Hengtai since 2016: about two orders a month, 90,000 CNY of margin a year.",
         "zh": "金禾精密机械是华东区的一家中型机械制造企业，自 2016 年起向恒泰采购轴承和维修服务：每月约两单，"
               "每年毛利约 9 万元。"},
        {"en": "In March 2025 a hydraulic pump Hengtai had delivered failed twice. The plant manager complained by phone "
               "and by e-mail; Hengtai answered after five weeks, with a form to fill in. In June the account manager "
               "left Hengtai; his successor only sent price lists on WeChat and never visited.",
         "zh": "2025 年 3 月，恒泰交付的一台液压泵两次出现故障。厂长打电话又发邮件投诉；恒泰五周后才回复，"
               "只发来一张表格让对方填写。6 月，客户经理离职；接任者只在微信上发价格表，从未上门拜访。"},
        {"en": "From July, Jinhe ordered about once every two months. In November a competitor visited the plant, "
               "offered a free pump check and 3% off. In December Jinhe's buyer said: 'We have found a cheaper "
               "supplier.' The new account manager typed the reason: 'PRICE'.",
         "zh": "从 7 月起，金禾大约两个月才下一单。11 月，一家竞争对手上门拜访，提出免费检查泵并给予 3% 的折扣。"
               "12 月，金禾的采购员说：“我们找到了更便宜的供应商。”新客户经理填写的原因是：“PRICE”。"},
    ],
    questions=[
        {"en": "Which reason was recorded, and which reasons do you see in the story? Sort them into customer side, "
               "company side and third party.",
         "zh": "记录的原因是什么？你在故事中看到了哪些原因？把它们分为客户自身、企业自身和第三方。"},
        {"en": "Which of them could CRM have fixed? Think of complaint handling and communication (seed 004).",
         "zh": "其中哪些是客户关系管理本可以解决的？想一想投诉处理和沟通（资料 004）。"},
        {"en": "When could Hengtai have seen the early warning in its order data, and what should it have done then (seed 003)?",
         "zh": "恒泰本可以在什么时候从订单数据中看到预警？当时应该怎么做（资料 003）？"},
        {"en": "Roughly what did losing Jinhe cost Hengtai? Use the margin per year, the expected years and the replacement cost from this lesson.",
         "zh": "失去金禾大约让恒泰损失了多少？用本课中的每年毛利、预期年数和替代成本来估算。"},
        {"en": "Why is 'PRICE' a risky reason to record here, and what would a better loss record look like?",
         "zh": "为什么在这里记录“PRICE”是有风险的？更好的流失记录应该是什么样的？"},
    ],
)


def mini_case() -> MiniCase:
    """Return the lesson's classroom case (shown in the current language).

    Examples
    --------
    >>> print(mini_case())  # doctest: +ELLIPSIS
    Classroom case: The pump that was never fixed
    ...
    """
    return CASE
