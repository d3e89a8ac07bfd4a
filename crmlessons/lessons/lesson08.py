"""Lesson 08: the capstone case: Hengtai's CRM plan for next year, one customer's whole story, and the forces that
shape a relationship (syllabus D's loop as the frame, F's forces and developing relationships, and every lesson before).

Groups diagnose Hengtai with the functions of lessons 01-07, decide a plan with the plan builder
(:mod:`crmlessons.case`) and present it as a one-page printable plan. Every checked answer is computed from the data
through :mod:`crmlessons.case`, :mod:`crmlessons.accounts` and :mod:`crmlessons.relationship`, so it follows a group's
data variant; the open parts (the plan's reasoning) come with a rubric and a model answer (``case.model_plan``).

Examples
--------
>>> LESSON.teaching_minutes + LESSON.exercise_minutes <= 90
True
>>> from crmlessons.practice import get_exercise
>>> get_exercise("08.force").expected() in "ABCD"
True
"""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

LESSON = Lesson(
    id="08",
    notebook="08_capstone_case.ipynb",
    title={"en": "The capstone case: Hengtai's CRM plan for next year",
           "zh": "综合案例：恒泰明年的客户关系管理方案"},
    objectives=[
        {"en": "Frame a firm's CRM work as the Key-account CRM course's loop: find target customers, close deals, build "
               "long-term cooperation, and win the next customer while keeping the first.",
         "zh": "用《大客户关系管理教程》的循环来看企业的客户关系管理工作：寻找目标客户、达成交易、建立长期合作，"
               "在争取下一位客户的同时留住已有的客户。"},
        {"en": "Name the four forces that shape a customer relationship (Customer-service courseware) and read them in a "
               "lost customer's story.",
         "zh": "说出影响客户关系的四类因素（《网络客户服务实务》课件），并在一位流失客户的经历中识别它们。"},
        {"en": "Read one customer's whole story from every table, and decide the next step for a customer at risk.",
         "zh": "从所有数据表中读出一位客户的完整经历，并为一位有流失风险的客户决定下一步行动。"},
        {"en": "Diagnose a firm with the measures of lessons 01-07, decide a CRM plan and show each choice's expected "
               "effect computed from the firm's own data.",
         "zh": "用第 01-07 课的指标诊断企业，制定客户关系管理方案，并用企业自己的数据算出每项选择的预期效果。"},
        {"en": "Present the plan on one printable page and defend it against a rubric.",
         "zh": "把方案写成一页可打印的文件，并按评分标准为它辩护。"},
    ],
    teaching_minutes=34,
    exercise_minutes=56,
    key_points=[
        {"en": "The Key-account CRM course's loop is the frame of every plan: target customers, deals, long-term "
               "cooperation; then the second and third customer while the first is kept, and so the market opens up.",
         "zh": "《大客户关系管理教程》的循环是每一份方案的框架：目标客户、成交、长期合作；然后在留住第一位客户的同时争取第二、"
               "第三位客户，市场就这样被开拓出来。"},
        {"en": "Four kinds of force shape a relationship (Customer-service courseware): the customer's own needs and "
               "motives, the social and natural environment, competitors, and the purchase experience. Reading each loss "
               "reason as one force is the course's choice, and open to argument.",
         "zh": "影响客户关系的因素有四类（《网络客户服务实务》课件）：客户自身的需要和动机、社会和自然环境、竞争对手、"
               "客户的购买体验。把每个流失原因归入一类因素，是本课程的做法，可以讨论。"},
        {"en": "Develop relationships in three steps (Customer-service courseware): tell customers apart by value and by "
               "needs, keep in contact at low cost and high effect, and tailor the offer to each customer: a learning "
               "relationship.",
         "zh": "发展客户关系分三步（《网络客户服务实务》课件）：按价值和需求区分客户，以低成本、高成效与客户保持接触，"
               "并为每位客户调整产品或服务，形成“学习型关系”。"},
        {"en": "One customer's story joins every lesson's data: the lead and its MAN facts, the funnel stages, the orders, "
               "the survey, loyalty and the loss. A survey and a model can both miss a coming loss; the orders and the "
               "complaints tell it earlier.",
         "zh": "一位客户的经历把各课的数据连在一起：线索及其 MAN 情况、漏斗阶段、订单、调查、忠诚度和流失。"
               "调查和模型都可能没有预见到流失；订单和投诉往往更早发出信号。"},
        {"en": "A plan states each choice with its expected effect and the basis of that figure; the model's answer is a "
               "starting point to argue with, not a fact about the firm. Hengtai is synthetic: the method carries over, "
               "its numbers do not.",
         "zh": "方案要写明每项选择、它的预期效果以及这个数字的依据；模型给出的答案是讨论的起点，而不是关于企业的事实。"
               "恒泰是虚构的企业：能带走的是方法，而不是它的数字。"},
    ],
    next={"en": "The end of the course: run the case again on another data variant, or on your own firm's tables.",
          "zh": "课程到此结束：换一个数据变体再做一次案例，或者用你自己企业的数据来做。"},
    sources={
        "002": {"en": "The four kinds of force that shape a customer relationship (the customer's own needs and "
                      "motives, the environment, competitors, the purchase experience along the decision process) and "
                      "the three steps of developing relationships (tell customers apart by value and needs, keep "
                      "in contact at low cost and high effect, tailor the offer: a learning relationship)",
                "zh": "影响客户关系的四类因素（客户自身因素、外部影响因素、竞争性因素、沿着购买决策过程的购买体验），"
                      "以及发展客户关系的三个步骤（按价值和需求对客户进行差异分析、以低成本高成效与客户保持接触、"
                      "调整产品或服务以满足每位客户的需要：学习型关系）"},
        "003": {"en": "A fall in a loyal customer's orders as a warning to look into (through lesson 05's rule)",
                "zh": "忠诚客户进货量下降是需要调查分析的预警信号（通过第 05 课的规则）"},
        "004": {"en": "The three steps of market expansion and the loop: win the second and third customer while "
                      "keeping the first",
                "zh": "营销过程的三部曲与循环：在争取第二、第三位客户的同时留住现有客户"},
    },
    skip_for_45=("1", "2", "3", "4", "8"),
    plan=[
        Section(1, 5),
        Section(2, 10, "exercise"),
        Section(3, 13, "exercise"),
        Section(4, 5, "discussion", discuss=[
            {"en": "Which of Hengtai's customers would you contact by WeChat only, and which deserve a visit? What "
                   "would you learn from each contact for the next offer?",
             "zh": "恒泰的哪些客户只需用微信联系，哪些值得上门拜访？每一次接触你希望了解到什么，好用于下一次报价？"}]),
        Section(5, 12, "exercise"),
        Section(6, 15, "widget", project="PlanBuilder"),
        Section(7, 12, "exercise", case={
            "en": "Each group presents its plan in three minutes; the others ask for the basis of one figure. With "
                  "presentations for every group the case runs to 120 minutes.",
            "zh": "每组用三分钟介绍方案，其他组就其中一个数字追问依据。如果每组都上台介绍，案例需要 120 分钟。"}),
        Section(8, 12, "widget", project="AccountReview", discuss=[
            {"en": "The app suggests a next step for every customer by a fixed rule. Where would you overrule it, and "
                   "what would you need to know first?",
             "zh": "这个应用按固定规则为每位客户建议下一步行动。在什么情况下你会否定它的建议？你首先需要了解什么？"}]),
        Section(9, 4, "quiz", project="QuizWidget"),
        Section(10, 2, "summary"),
    ],
)


# ---------------------------------------------------------------------------------------------
# The course's settings the exercises use (not figures of the data).

#: 08.force: letter -> force (relationship.FORCES).
FORCE_CHOICES = {"A": "customer", "B": "environment", "C": "competition", "D": "experience"}
#: 08.budget_split: letter -> share of the budget on keeping customers.
KEEP_CHOICES = {"A": 0.25, "B": 0.5, "C": 0.75, "D": 1.0}
#: 08.one_action: letter -> retention action (case.RETENTION_ACTIONS).
ACTION_CHOICES = {"A": "complaint_desk", "B": "care_plan", "C": "communication_training", "D": "price_matching"}
#: 08.next_step: the next steps (accounts.NEXT_STEPS) that mean "go and talk to the customer now" (answer B).
CONTACT_STEPS = ("service_visit", "check_in_call", "ask_and_fix", "fix_dissatisfaction")


def _case_data() -> dict:
    from crmlessons import datasets

    return {"case": datasets.load_case()}


def _chosen(case, role: str) -> str:
    from crmlessons import accounts

    table = accounts.chosen_customers(case)
    return str(table.loc[table["role"] == role, "customer_id"].iloc[0])


def _story(case, role: str):
    from crmlessons import accounts

    return accounts.journey(_chosen(case, role), case=case)


# --- 08.force -------------------------------------------------------------------------------------

def _lost_facts(case) -> dict:
    from crmlessons import datasets, relationship

    story = _story(case, "lost")
    facts = story.facts
    row = case.losses[(case.losses["customer_id"] == facts["customer_id"]) & (case.losses["loss_type"] == "customer")]
    row = row.sort_values("lost_date").iloc[-1]
    labels = datasets.value_labels("reason")[str(row["reason"])]
    return {"customer": facts["customer_id"], "date": row["lost_date"].strftime("%Y-%m-%d"),
            "raw": str(row["reason_raw"]), "reason_en": labels["en"], "reason_zh": labels["zh"],
            "force": relationship.force_of(str(row["reason"]))}


def _force_answer(case) -> str:
    force = _lost_facts(case)["force"]
    return next(letter for letter, code in FORCE_CHOICES.items() if code == force)


# --- 08.order_drop and 08.next_step ----------------------------------------------------------------

def _risk_facts(case) -> dict:
    from crmlessons import accounts

    facts = _story(case, "at_risk").facts
    names = {}
    for lang in ("en", "zh"):
        with i18n.using(lang):
            names[f"group_{lang}"] = accounts.group_name(facts["group"])
    return {**names, "customer": facts["customer_id"], "before": int(facts["orders_before"]), "recent": int(facts["orders_recent"]),
            "risk": round(float(facts["value_at_risk_cny"])), "risk_wan": i18n.wan(facts["value_at_risk_cny"]),
            "step": facts["next_step"]}


def _order_drop(case, kind: str = "drop") -> float:
    f = _risk_facts(case)
    if f["before"] == 0:
        raise ValueError("the customer at risk placed no orders in the earlier year")
    if kind == "ratio":
        return f["recent"] / f["before"]
    if kind == "count":
        return float(f["before"] - f["recent"])
    return 1 - f["recent"] / f["before"]


def _next_step_answer(case) -> str:
    return "B" if _risk_facts(case)["step"] in CONTACT_STEPS else "C"


# --- 08 diagnosis ----------------------------------------------------------------------------------

def _diagnosis(case, name: str):
    from crmlessons import case as capstone

    return capstone.diagnosis_facts(case)[name]


def _top20_revenue(case) -> float:
    from crmlessons import value

    amounts = value.historic_value(case.orders)["amount_cny"]
    return float(value.concentration(amounts, top=(0.2,))["margin_share"].iloc[0])


def _loyal_share_all(case) -> float:
    """A mistake: loyal (mean of the three faces >= 3.5) among all respondents, satisfied or not."""
    from crmlessons import loyalty

    groups = loyalty.loyalty_matrix(case.survey).dropna()
    return float(groups.isin(["loyalist", "hostage"]).mean())


def _deal_controllable(case) -> float:
    from crmlessons import loss

    return loss.controllable_share(case.losses, loss_type="deal")


# --- 08.budget_split and 08.one_action -------------------------------------------------------------

def _budget_facts(case) -> dict:
    from crmlessons import strategy

    settings = strategy.firm_settings(case.orders, case.customers, case.spend)
    facts = {"today": f"{1 - settings['share_acquisition']:.0%}", "years": settings["years"]}
    for letter, keep in KEEP_CHOICES.items():
        last = strategy.summary(strategy.simulate(**{**settings, "share_acquisition": 1 - keep})).loc["chosen"]
        facts[f"{letter.lower()}_profit"] = round(float(last["cumulative_profit"]))
        facts[f"{letter.lower()}_wan"] = i18n.wan(last["cumulative_profit"])
        facts[f"{letter.lower()}_customers"] = round(float(last["customers"]))
    return facts


def _budget_answer(case) -> str:
    facts = _budget_facts(case)
    return max(KEEP_CHOICES, key=lambda letter: (facts[f"{letter.lower()}_profit"], -ord(letter)))


def _action_facts(case) -> dict:
    from crmlessons import case as capstone

    facts = {}
    for letter, action in ACTION_CHOICES.items():
        plan = capstone.Plan(["champions"], 3, 0.5, [action], ["product", "price"])
        effect = capstone.effect_facts(plan, case)["retention_actions"]
        facts[f"{letter.lower()}_kept"] = f"{effect['customers_kept']:.1f}"
        facts[f"{letter.lower()}_saved"] = round(effect["margin_saved"])
        facts[f"{letter.lower()}_wan"] = i18n.wan(effect["margin_saved"])
        facts[f"{letter.lower()}_value"] = effect["margin_saved"]
    return facts


def _action_answer(case) -> str:
    facts = _action_facts(case)
    return max(ACTION_CHOICES, key=lambda letter: (round(facts[f"{letter.lower()}_value"], 2), -ord(letter)))


def _action_feedback(letter: str, en: str, zh: str) -> dict:
    key = letter.lower()
    return {"en": f"About {{{key}_kept}} lost customers avoided a year, keeping CNY {{{key}_saved:,}} of margin over "
                  f"their relationships. {en}",
            "zh": f"每年约少流失 {{{key}_kept}} 位客户，在其关系期内保住毛利 {{{key}_wan}} 万元。{zh}"}


def _budget_feedback(letter: str, en: str, zh: str) -> dict:
    key = letter.lower()
    return {"en": f"After {{years}} years: about {{{key}_customers:,}} customers and CNY {{{key}_profit:,}} of cumulative "
                  f"profit in the simulator of lesson 01. {en}",
            "zh": f"{{years}} 年后：在第 01 课的模拟器中约有 {{{key}_customers:,}} 位客户，累计利润 {{{key}_wan}} 万元。{zh}"}


EXERCISES = [
    Decision(
        name="08.force",
        question={"en": "Customer {customer} was lost on {date}. The salesperson typed: \"{raw}\" (coded: {reason_en}). "
                        "Which force of the Customer-service courseware does the course read in this loss, and so where "
                        "does Hengtai act?",
                  "zh": "客户 {customer} 于 {date} 流失。销售人员填写的原因是：“{raw}”（编码为：{reason_zh}）。"
                        "按本课程的解读，这次流失属于《网络客户服务实务》课件中的哪一类影响因素？恒泰应从哪里着手？"},
        data=_case_data, answer=_force_answer, facts=_lost_facts,
        options={"A": {"en": "The customer's own needs and motives: requalify it before any new offer",
                       "zh": "客户自身因素（需要和动机）：在提出新报价之前重新判断它的资格"},
                 "B": {"en": "The social environment: work on the people who influence the buyer",
                       "zh": "外部环境因素：争取影响采购者的那些人"},
                 "C": {"en": "Competitors: compare Hengtai's product and price with the rival's offer",
                       "zh": "竞争性因素：把恒泰的产品和价格与竞争对手的条件作比较"},
                 "D": {"en": "The purchase experience: fix how Hengtai handled the customer after the sale",
                       "zh": "客户的购买体验：改进恒泰在售后对待客户的方式"}},
        feedback={"A": {"en": "The course reads not meeting the criteria, lost contact and a contact who left as the "
                              "customer's own side.",
                        "zh": "本课程把“不符合企业标准”“失去联系”“联系人离职”归入客户自身因素。"},
                  "B": {"en": "The course reads friends' and family's opinion as the social environment (the "
                              "courseware counts social groups in it).",
                        "zh": "本课程把“亲友意见”归入外部环境因素（课件把社会群体列入社会环境因素）。"},
                  "C": {"en": "The course reads a competitor, the price and the product as competitive forces: the "
                              "courseware lists competitors' product and price policy among them.",
                        "zh": "本课程把“竞争对手”“价格”“产品”归入竞争性因素：课件把竞争对手的产品和价格策略列入其中。"},
                  "D": {"en": "The course reads complaint handling, communication and too little care as the purchase "
                              "experience, its last step being the post-purchase feeling.",
                        "zh": "本课程把“投诉处理不当”“沟通不足”“关怀不够”归入购买体验，它的最后一步就是购后感受。"}},
        hint={"en": "Find the coded reason in the `reasons` column of the forces table above.",
              "zh": "在上面影响因素表的“包含的原因”一列中找到这个编码后的原因。"},
        solution={"en": "`relationship.force_of(reason)` gives the force of a reason code (the course's reading, in "
                        "`relationship.REASON_FORCES`). The lost customer's reason is in `losses` (or in its journey). "
                        "The reading is a choice: a price that loses to a rival is competition here, but a group may "
                        "argue it is the firm's own product policy.",
                  "zh": "`relationship.force_of(reason)` 给出一个原因代码对应的影响因素（本课程的解读，见 "
                        "`relationship.REASON_FORCES`）。流失客户的原因在 `losses` 表中（或在它的客户经历中）。"
                        "这种归类是一种选择：比竞争对手贵而丢掉客户，这里算竞争性因素，但也可以认为这是企业自己的产品策略问题。"},
    ),
    Exercise(
        name="08.order_drop",
        question={"en": "Customer {customer} is the capstone's customer at risk: {before} orders in the earlier year, "
                        "{recent} in the last year. By what share did its yearly orders fall? (A share between 0 and 1.)",
                  "zh": "客户 {customer} 是本案例中有流失风险的客户：前一年 {before} 笔订单，最近一年 {recent} 笔。"
                        "它每年的订单数下降了多大比例？（0 到 1 之间的比例。）"},
        data=_case_data, answer=_order_drop, facts=_risk_facts,
        mistakes=[Mistake(lambda case: _order_drop(case, "ratio"),
                          {"en": "That is what is left (recent / earlier), not the fall.",
                           "zh": "这是剩下的比例（最近 / 之前），不是下降的比例。"}),
                  Mistake(lambda case: _order_drop(case, "count"),
                          {"en": "That is the number of orders lost; divide by the earlier year's orders.",
                           "zh": "这是减少的订单笔数；还要除以前一年的订单数。"})],
        hint={"en": "fall = 1 - recent / earlier.", "zh": "下降比例 = 1 - 最近 / 之前。"},
        solution={"en": "`1 - recent / earlier` with the two counts of the early-warning rule (lesson 05): "
                        "`story.facts[\"orders_recent\"]` and `story.facts[\"orders_before\"]`.",
                  "zh": "用预警规则（第 05 课）的两个订单数计算 1 - 最近 / 之前：`story.facts[\"orders_recent\"]` 和 "
                        "`story.facts[\"orders_before\"]`。"},
    ),
    Decision(
        name="08.next_step",
        question={"en": "Customer {customer} ordered {before} times in the earlier year and {recent} times in the last; "
                        "the survey placed it among the {group_en}. What it would cost to lose it is about CNY {risk:,}. "
                        "What does Hengtai do next?",
                  "zh": "客户 {customer} 前一年下了 {before} 笔订单，最近一年 {recent} 笔；调查把它归入“{group_zh}”一群。"
                        "失去它的代价约为 {risk_wan} 万元。恒泰下一步怎么做？"},
        data=_case_data, answer=_next_step_answer, facts=_risk_facts,
        options={"A": {"en": "Offer a 5% discount on its next orders", "zh": "对它接下来的订单给予 5% 的折扣"},
                 "B": {"en": "The account manager visits: asks what changed and what Hengtai got wrong, and fixes it",
                       "zh": "客户经理上门拜访：问清楚发生了什么变化、恒泰哪里做得不好，并加以改进"},
                 "C": {"en": "Wait for the next survey", "zh": "等下一次调查"},
                 "D": {"en": "Give the account to a new account manager", "zh": "把这个客户交给一位新的客户经理"}},
        feedback={"A": {"en": "A discount is a financial benefit (lesson 06): easy to copy, and it answers a cause "
                              "nobody has asked about yet.",
                        "zh": "折扣是财务利益（第 06 课）：容易被模仿，而且是在还没问清原因之前就给出的回应。"},
                  "B": {"en": "A fall in orders is the warning (lesson 05's rule, after the Loyalty article): ask first, "
                              "then act on the cause. With this much at stake a visit costs far less than the loss.",
                        "zh": "订单下降就是预警（第 05 课的规则，依据客户忠诚文章）：先问清楚，再针对原因行动。"
                              "涉及的金额这么大，拜访的成本远低于可能的损失。"},
                  "C": {"en": "Waiting lets the fall run on; the orders already tell what a survey would ask.",
                        "zh": "等待会让下降继续下去；订单记录已经说明了调查要问的问题。"},
                  "D": {"en": "At Hengtai, customers whose manager changed often were lost more often (lesson 07): a new "
                              "face is a risk, not a cure.",
                        "zh": "在恒泰，客户经理更换频繁的客户流失得更多（第 07 课）：换人是风险，而不是良方。"}},
        hint={"en": "What does lesson 05 say a fall in orders is, and what should come before any offer?",
              "zh": "第 05 课说订单下降意味着什么？在提出任何条件之前应该先做什么？"},
        solution={"en": "The course's next-step rule (`accounts.next_steps`) sends the account manager to a customer the "
                        "early warning flags: its orders fell by more than the rule allows. Ask, then fix the cause.",
                  "zh": "本课程的下一步规则（`accounts.next_steps`）：预警名单上的客户（订单下降超过规则允许的幅度），"
                        "由客户经理上门拜访。先问清楚，再解决原因。"},
    ),
    Exercise(
        name="08.top20_share",
        question={"en": "Diagnose, lesson 06: what share of Hengtai's margin (all orders so far) comes from its top 20% "
                        "of customers? (A share between 0 and 1.)",
                  "zh": "诊断（第 06 课）：恒泰前 20% 的客户贡献了（迄今全部订单）毛利的多大比例？（0 到 1 之间的比例。）"},
        data=_case_data, answer=lambda case: _diagnosis(case, "value_top20_share"),
        mistakes=[Mistake(_top20_revenue, {"en": "That is the share of revenue; the question asks for margin.",
                                           "zh": "这是销售额的占比；题目问的是毛利。"})],
        hint={"en": "`value.concentration(value.historic_value(orders)[\"margin_cny\"], top=(0.2,))`",
              "zh": "`value.concentration(value.historic_value(orders)[\"margin_cny\"], top=(0.2,))`"},
        solution={"en": "Each customer's margin over the whole order log is `value.historic_value(orders)[\"margin_cny\"]`; "
                        "`value.concentration(..., top=(0.2,))` gives the top fifth's share in `margin_share`.",
                  "zh": "每位客户在整个订单记录上的毛利是 `value.historic_value(orders)[\"margin_cny\"]`；"
                        "`value.concentration(..., top=(0.2,))` 的 `margin_share` 列就是前五分之一客户的占比。"},
    ),
    Exercise(
        name="08.biggest_leak",
        question={"en": "Diagnose, lesson 04: at which funnel stage does Hengtai's funnel leak most, that is the stage "
                        "that the smallest share of the leads of the stage before reaches? (The stage's code, as text.)",
                  "zh": "诊断（第 04 课）：恒泰的漏斗在哪个阶段漏得最多，也就是从上一阶段进入该阶段的比例最低？（填阶段代码，文本。）"},
        data=_case_data, answer=lambda case: _diagnosis(case, "funnel_biggest_leak"),
        hint={"en": "Lesson 04's conversion table has one row per stage; the leak is its smallest conversion.",
              "zh": "第 04 课的转化率表每个阶段一行；漏得最多的是转化率最低的那一行。"},
        solution={"en": "`funnel.biggest_leak(history)` names the stage; `funnel.conversion(history)` shows every "
                        "stage's conversion from the stage before.",
                  "zh": "`funnel.biggest_leak(history)` 给出阶段名称；`funnel.conversion(history)` 列出每个阶段相对上一阶段的转化率。"},
    ),
    Exercise(
        name="08.controllable_share",
        question={"en": "Diagnose, lesson 05: what share of Hengtai's lost customers (not lost deals) were lost for "
                        "company-side reasons, among those with a known reason? (A share between 0 and 1.)",
                  "zh": "诊断（第 05 课）：在原因已知的流失客户（不是丢单）中，因企业自身原因流失的占多大比例？（0 到 1 之间的比例。）"},
        data=_case_data, answer=lambda case: _diagnosis(case, "loss_controllable_share"),
        mistakes=[Mistake(_deal_controllable, {"en": "That counts lost deals; the question asks for lost customers.",
                                               "zh": "这统计的是丢单；题目问的是流失客户。"})],
        hint={"en": "Lesson 05's share of the losses the company controls, with `loss_type=\"customer\"`.",
              "zh": "第 05 课中企业可控的流失占比，用 `loss_type=\"customer\"`。"},
        solution={"en": "`loss.controllable_share(losses, loss_type=\"customer\")`.",
                  "zh": "`loss.controllable_share(losses, loss_type=\"customer\")`。"},
    ),
    Exercise(
        name="08.loyalist_share",
        question={"en": "Diagnose, lesson 07: what share of the surveyed customers are loyalists, both satisfied and "
                        "loyal? (A share between 0 and 1.)",
                  "zh": "诊断（第 07 课）：受访客户中忠诚者（既满意又忠诚）占多大比例？（0 到 1 之间的比例。）"},
        data=_case_data, answer=lambda case: _diagnosis(case, "loyalty_loyalist_share"),
        mistakes=[Mistake(_loyal_share_all, {"en": "That counts every loyal respondent, hostages too; a loyalist is "
                                                   "satisfied as well.",
                                             "zh": "这把所有忠诚的受访客户都算进去了，包括人质型客户；忠诚者还必须是满意的。"})],
        hint={"en": "Lesson 07's matrix: `loyalty.matrix_counts(loyalty.loyalty_matrix(survey))`.",
              "zh": "第 07 课的矩阵：`loyalty.matrix_counts(loyalty.loyalty_matrix(survey))`。"},
        solution={"en": "The `share` of the `loyalist` row of `loyalty.matrix_counts(loyalty.loyalty_matrix(survey))`.",
                  "zh": "`loyalty.matrix_counts(loyalty.loyalty_matrix(survey))` 中 `loyalist` 一行的 `share`。"},
    ),
    Decision(
        name="08.budget_split",
        question={"en": "Decide, lesson 01: Hengtai spends {today} of its sales and marketing budget on keeping customers. "
                        "Which share on keeping gives the most cumulative profit after {years} years in the strategy "
                        "simulator with the firm's own figures?",
                  "zh": "决策（第 01 课）：恒泰目前把 {today} 的营销预算用于保留老客户。用企业自己的数据运行策略模拟器，"
                        "{years} 年后累计利润最高的保留预算占比是多少？"},
        data=_case_data, answer=_budget_answer, facts=_budget_facts,
        options={letter: {"en": f"{keep:.0%} on keeping", "zh": f"{keep:.0%} 用于保留"}
                 for letter, keep in KEEP_CHOICES.items()},
        feedback={"A": _budget_feedback("A", "Most of the budget wins new customers.", "大部分预算用于获取新客户。"),
                  "B": _budget_feedback("B", "An even split.", "平均分配。"),
                  "C": _budget_feedback("C", "Close to Hengtai's split today.", "接近恒泰目前的分配。"),
                  "D": _budget_feedback("D", "Spend beyond the cap keeps no one: customers who close down or move "
                                             "leave whatever you do.",
                                        "超过上限的投入留不住任何人：倒闭或搬迁的客户无论如何都会离开。")},
        hint={"en": "Run the strategy simulator (lesson 01) with `strategy.firm_settings(orders, customers, spend)` for "
                    "each share, or move the plan builder's slider below.",
              "zh": "用 `strategy.firm_settings(orders, customers, spend)` 对每个占比运行策略模拟器（第 01 课），"
                    "或者拖动下面方案构建器的滑块。"},
        solution={"en": "`strategy.simulate(**{**settings, \"share_acquisition\": 1 - keep})` for each keep share, then "
                        "compare `strategy.summary(...)`'s cumulative profit. The model's answer rests on its assumptions "
                        "(lesson 01: new customers at a constant price, the retention cap, the assumed 80% retention "
                        "with no spend).",
                  "zh": "对每个保留占比运行 `strategy.simulate(**{**settings, \"share_acquisition\": 1 - keep})`，再比较 "
                        "`strategy.summary(...)` 的累计利润。模型的答案取决于它的假设（第 01 课：新客户的获取成本不变、"
                        "留存率上限、不投入时假设的 80% 留存率）。"},
    ),
    Decision(
        name="08.one_action",
        question={"en": "Decide, lesson 05: the budget pays for one retention action only. Which keeps the most margin?",
                  "zh": "决策（第 05 课）：预算只够开展一项客户保留行动。哪一项保住的毛利最多？"},
        data=_case_data, answer=_action_answer, facts=_action_facts,
        options={"A": {"en": "A complaint desk: every complaint logged and answered within two working days",
                       "zh": "投诉台：每项投诉都登记，并在两个工作日内答复"},
                 "B": {"en": "A care plan: the account manager visits every customer once a quarter",
                       "zh": "关怀计划：客户经理每季度拜访每位客户一次"},
                 "C": {"en": "Communication training for every salesperson", "zh": "为全体销售人员开展沟通培训"},
                 "D": {"en": "Match competitors' prices", "zh": "跟进竞争对手的价格"}},
        feedback={"A": _action_feedback("A", "It prevents, by the course's estimate, half of the losses to complaint "
                                             "handling.", "按本课程的估计，它能避免一半因投诉处理不当造成的流失。"),
                  "B": _action_feedback("B", "It prevents, by the course's estimate, 40% of the losses to too little care.",
                                        "按本课程的估计，它能避免 40% 因关怀不够造成的流失。"),
                  "C": _action_feedback("C", "It prevents, by the course's estimate, 30% of the losses to communication.",
                                        "按本课程的估计，它能避免 30% 因沟通不足造成的流失。"),
                  "D": _action_feedback("D", "It prevents, by the course's estimate, 30% of the losses to competitors, "
                                             "and a price match is easy for them to answer.",
                                        "按本课程的估计，它能避免 30% 因竞争对手造成的流失，而且价格跟进很容易被对手反制。")},
        hint={"en": "Tick one action at a time in the plan builder and read the retention row.",
              "zh": "在方案构建器中每次只勾选一项行动，看“客户保留行动”一行。"},
        solution={"en": "`case.effect_facts(plan)[\"retention_actions\"][\"margin_saved\"]` for a plan with each action "
                        "alone: lesson 05's `retention.what_if` on what each loss reason costs, times the course's "
                        "estimated share each action prevents (`case.RETENTION_ACTIONS`). The estimates are the course's, "
                        "not data: a group that doubts one should say so in its plan.",
                  "zh": "对只含一项行动的方案计算 `case.effect_facts(plan)[\"retention_actions\"][\"margin_saved\"]`："
                        "在每个流失原因的代价上运行第 05 课的 `retention.what_if`，再乘以本课程估计的每项行动能避免的比例"
                        "（`case.RETENTION_ACTIONS`）。这些比例是本课程的估计，不是数据：对某个估计有疑问的小组应在方案中说明。"},
    ),
]

QUIZ = [
    Question(
        prompt={"en": "What is the loop of market expansion in the Key-account CRM course?",
                "zh": "《大客户关系管理教程》中的市场开拓循环是什么？"},
        options=[{"en": "Find target customers, close deals, build long-term cooperation; then win the next customer "
                        "while keeping the first", "zh": "寻找目标客户、达成交易、建立长期合作；然后在留住第一位客户的同时争取下一位客户"},
                 {"en": "Advertise, sell, and replace each lost customer with a new one", "zh": "做广告、销售，再用新客户替换每一位流失的客户"},
                 {"en": "Keep existing customers only, and stop looking for new ones", "zh": "只保留现有客户，不再寻找新客户"}],
        correct=0,
        feedback=[{"en": "Yes: in that repeated loop the market is opened up.", "zh": "对：在这个不断循环的过程中，市场就被开拓出来了。"},
                  {"en": "That is the stream of new customers of traditional marketing (Table 1-2), not the loop.",
                   "zh": "这是传统营销“源源不断的新客户”（表 1-2），不是这个循环。"},
                  {"en": "The course says to win the second and third customer too, while keeping the first.",
                   "zh": "教程说，在留住第一位客户的同时，还要争取第二、第三位客户。"}],
        source="Key-account CRM course",
    ),
    Question(
        prompt={"en": "A rival's promotion and price policy draw a customer away. Which force of the Customer-service "
                      "courseware is this?",
                "zh": "竞争对手的促销和价格策略把一位客户吸引走了。这属于《网络客户服务实务》课件中的哪一类因素？"},
        options=[{"en": "The customer's own needs and motives", "zh": "客户自身因素"},
                 {"en": "A competitive force", "zh": "竞争性因素"},
                 {"en": "The natural environment", "zh": "自然环境因素"}],
        correct=1,
        feedback=[{"en": "The customer's own factors are its needs and motives; here the pull comes from a rival.",
                   "zh": "客户自身因素是它的需要和动机；这里的拉力来自竞争对手。"},
                  {"en": "Yes: competitors' product, price, channel, promotion and public relations are competitive forces.",
                   "zh": "对：竞争对手的产品、价格、渠道、促销和公共关系都属于竞争性因素。"},
                  {"en": "The natural environment is geography, climate, resources.", "zh": "自然环境指地理、气候、资源等。"}],
        source="Customer-service courseware",
    ),
    Question(
        prompt={"en": "In the customer's decision process, which step comes last?",
                "zh": "在客户的购买决策过程中，最后一个阶段是什么？"},
        options=[{"en": "Purchase", "zh": "决定购买"}, {"en": "Post-purchase feeling", "zh": "购后感受"},
                 {"en": "Evaluation of the choices", "zh": "评价选择"}],
        correct=1,
        feedback=[{"en": "After the purchase comes the feeling about it, which decides the next purchase.",
                   "zh": "购买之后还有购后感受，它决定下一次购买。"},
                  {"en": "Yes: need recognition, information search, evaluation, purchase, post-purchase feeling.",
                   "zh": "对：认识需要、收集信息、评价选择、决定购买、购后感受。"},
                  {"en": "Evaluation comes before the purchase.", "zh": "评价选择在决定购买之前。"}],
        source="Customer-service courseware",
    ),
    Question(
        prompt={"en": "What is the first step of developing relationships in the Customer-service courseware?",
                "zh": "《网络客户服务实务》课件中发展客户关系的第一步是什么？"},
        options=[{"en": "Give every customer the same offer", "zh": "给所有客户同样的条件"},
                 {"en": "Tell customers apart: by their value to the firm and by their needs",
                  "zh": "对客户进行差异分析：按客户对企业的价值和对产品的需求"},
                 {"en": "Visit every customer as often as possible", "zh": "尽可能频繁地拜访每一位客户"}],
        correct=1,
        feedback=[{"en": "The same offer for all is what the third step, tailoring, replaces.",
                   "zh": "第三步“调整产品或服务”正是要取代千篇一律的条件。"},
                  {"en": "Yes: then keep in contact at low cost and high effect, then tailor the offer.",
                   "zh": "对：然后以低成本、高成效保持接触，再调整产品或服务。"},
                  {"en": "Contact should cost little and achieve much: not every customer needs a visit.",
                   "zh": "接触要降低成本、提高成效：并不是每位客户都需要上门拜访。"}],
        source="Customer-service courseware",
    ),
    Question(
        prompt={"en": "The model plan puts less of the budget on keeping customers than Hengtai does today. What follows?",
                "zh": "模型方案用于保留老客户的预算比恒泰目前的少。由此能得出什么结论？"},
        options=[{"en": "Keeping customers does not pay: the sources are wrong", "zh": "保留客户不划算：资料说错了"},
                 {"en": "It is the simulator's answer under its assumptions; test them on the firm's own figures before "
                        "moving money", "zh": "这是模拟器在其假设下给出的答案；挪动预算之前，先用企业自己的数据检验这些假设"},
                 {"en": "Hengtai must cut its retention budget at once", "zh": "恒泰必须马上削减保留预算"}],
        correct=1,
        feedback=[{"en": "A model's answer is not a verdict on the literature; it rests on the cap and the 80% assumed.",
                   "zh": "模型的答案不是对文献的裁决；它取决于留存率上限和假设的 80%。"},
                  {"en": "Yes: lesson 01's model assumes new customers at a constant price and a retention cap.",
                   "zh": "对：第 01 课的模型假设新客户的获取成本不变，并且留存率有上限。"},
                  {"en": "Hengtai is synthetic, and the model's assumptions are the course's: argue, then decide.",
                   "zh": "恒泰是虚构的企业，模型的假设是本课程设定的：先讨论，再决定。"}],
    ),
]

GLOSSARY = [
    Term("market-expansion loop", "市场开拓循环",
         {"en": "Find target customers, close deals, build long-term cooperation, then win the next customer while "
                "keeping the first.",
          "zh": "寻找目标客户、达成交易、建立长期合作，然后在留住现有客户的同时争取下一位客户。"}, "Key-account CRM course"),
    Term("customer's own factors", "客户自身因素",
         {"en": "The customer's physiological and psychological state; above all its needs (the first drive to buy) "
                "and motives (the direct drive).",
          "zh": "客户的生理和心理因素，其中最重要的是需要（购买行为的最初原动力）和动机（直接驱动力）。"},
         "Customer-service courseware"),
    Term("external factors", "外部影响因素",
         {"en": "The social environment (economy, politics, law, culture, social groups ...) and the natural "
                "environment (geography, climate, resources ...).",
          "zh": "社会环境因素（经济、政治、法律、文化、社会群体等）和自然环境因素（地理、气候、资源等）。"},
         "Customer-service courseware"),
    Term("competitive factors", "竞争性因素",
         {"en": "Competitors' product, price, channel, promotion, public relations and government relations.",
          "zh": "竞争对手的产品、价格、销售渠道、促销、公共关系和政府关系。"}, "Customer-service courseware"),
    Term("purchase experience", "购买体验",
         {"en": "What the customer lives through along the decision process: need recognition, information search, "
                "evaluation, purchase and post-purchase feeling.",
          "zh": "客户在购买决策过程中的经历：认识需要、收集信息、评价选择、决定购买和购后感受。"},
         "Customer-service courseware"),
    Term("learning relationship", "学习型关系",
         {"en": "A relationship in which the firm learns each customer's needs and tailors its products and service.",
          "zh": "企业不断了解每位客户的需要，并据此提供个性化产品和服务的客户关系。"}, "Customer-service courseware"),
    Term("customer journey", "客户经历",
         {"en": "One customer's story across every table: lead, stages, orders, survey, loyalty, loss.",
          "zh": "一位客户在所有数据表中的经历：线索、阶段、订单、调查、忠诚度、流失。"}),
    Term("account review", "客户复盘",
         {"en": "Going through a customer's value, loyalty and risk to decide the next step.",
          "zh": "逐一查看客户的价值、忠诚度和风险，以决定下一步行动。"}),
]
