"""Lesson 01: what CRM is, and why keeping customers pays (syllabus A, D, F)."""

from __future__ import annotations

from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question


def _case(*tables):
    from crmlessons import datasets

    return {name: getattr(datasets, f"load_{name}")() for name in tables}


def _cost_ratio(spend, customers, would_stay=0.0):
    from crmlessons.relationship import cost_ratio

    return cost_ratio(spend, customers, would_stay=would_stay)


def _would_stay():
    """The course's assumption: the share of customers who would stay with no retention spend."""
    from crmlessons.strategy import DEFAULTS

    return DEFAULTS["base_retention"]


def _depth_2025(orders, customers):
    from crmlessons.relationship import depth_by_year

    return depth_by_year(orders, customers).set_index("year").loc[2025]


def _retention(customers, years):
    from crmlessons.relationship import breadth

    return breadth(customers, years=years)["retention_rate"]


# --- decision 01.call_first: which lifecycle stage to call first, tested on history --------------

#: The letters of 01.call_first and the stage each one calls first.
CALL_FIRST = {"A": "decline", "B": "exploration", "C": "stability", "D": "formation"}

_STAGE_NAMES = {"decline": ("the decline list", "衰退期名单"), "exploration": ("the first-year customers", "第一年的新客户"),
                "stability": ("the stability-stage customers", "稳定期客户"),
                "formation": ("the formation-stage customers", "形成期客户")}


def _outcomes(customers, orders):
    from crmlessons.relationship import stage_outcomes

    return stage_outcomes(customers, orders).set_index("stage")


def _call_first(customers, orders):
    """The letter whose stage lost the largest share of its customers in the year after the back-test date."""
    share = _outcomes(customers, orders)["share_lost"]
    return max(CALL_FIRST, key=lambda letter: (share[CALL_FIRST[letter]], -ord(letter)))


def _call_facts(customers, orders):
    from crmlessons.relationship import AS_OF

    table = _outcomes(customers, orders)
    facts = {"year": AS_OF.year - 1, "next": AS_OF.year, "next_plus": AS_OF.year + 1}
    for stage in CALL_FIRST.values():
        facts.update({stage: float(table.loc[stage, "share_lost"]), f"{stage}_n": int(table.loc[stage, "customers"]),
                      f"{stage}_lost": int(table.loc[stage, "lost"])})
    top = CALL_FIRST[_call_first(customers, orders)]
    facts.update(top=facts[top], top_en=_STAGE_NAMES[top][0], top_zh=_STAGE_NAMES[top][1])
    return facts


# --- decision 01.budget_split: the simulator on Hengtai's own figures ---------------------------

_STEP = 0.05  # the simulator's budget-split slider moves in steps of 5 %


def _plans(orders, customers, spend):
    """Hengtai's settings and the four plans of 01.budget_split: letter -> (share to winning, summary row)."""
    from crmlessons import strategy

    settings = strategy.firm_settings(orders, customers, spend)
    now = round(round(settings["share_acquisition"] / _STEP) * _STEP, 10)
    shares = {"A": now, "B": min(1.0, now + 0.25), "C": 1.0, "D": max(0.0, now - 0.25)}
    rows = {letter: strategy.summary(strategy.simulate(**{**settings, "share_acquisition": share})).loc["chosen"]
            for letter, share in shares.items()}
    return settings, shares, rows


def _budget_split(orders, customers, spend):
    _, _, rows = _plans(orders, customers, spend)
    return max(rows, key=lambda letter: (round(float(rows[letter]["cumulative_profit"]), 6), -ord(letter)))


def _budget_facts(orders, customers, spend):
    settings, shares, rows = _plans(orders, customers, spend)
    facts = {"budget_m": settings["budget"] / 1e6, "budget_w": settings["budget"] / 1e4, "years": settings["years"],
             "base": settings["base_retention"], "cap": settings["max_retention"]}
    for letter, key in zip("ABCD", ("now", "more", "all", "less")):
        profit = float(rows[letter]["cumulative_profit"])
        facts.update({key: shares[letter], f"p_{key}_m": profit / 1e6, f"p_{key}_w": profit / 1e4,
                      f"n_{key}": float(rows[letter]["customers"])})
    return facts


LESSON = Lesson(
    id="01",
    notebook="01_what_is_crm.ipynb",
    title={"en": "What CRM is, and why keeping customers pays", "zh": "什么是客户关系管理，以及为什么留住客户更划算"},
    objectives=[
        {"en": "Explain CRM as a philosophy, a way of working and software, and how it differs from traditional marketing.",
         "zh": "说明客户关系管理既是理念、也是管理机制和软件，以及它与传统营销的区别。"},
        {"en": "Measure a firm's relationships by their length, depth and breadth, on the case company's data, and "
               "test a warning rule on history.",
         "zh": "用案例公司的数据，从长度、深度和广度衡量企业的客户关系，并用历史数据检验预警规则。"},
        {"en": "Test the claim that winning a customer costs 5 times keeping one on a firm's own books, and say what "
               "would make it fail.",
         "zh": "用企业自己的账目检验“开发新客户的成本是维系老客户的 5 倍”这一说法，并说明什么情况会让它不成立。"},
        {"en": "Use a simulator to decide how to split a budget between winning and keeping customers.",
         "zh": "用模拟器决定如何在开发新客户和保留老客户之间分配预算。"},
        {"en": "Describe the three levels of knowing a customer and the four parts of customer care.",
         "zh": "描述了解客户的三个层次和客户关怀的四个方面。"},
    ],
    teaching_minutes=50,
    exercise_minutes=40,
    key_points=[
        {"en": "CRM treats customers as the firm's most important resource and aims at their lifetime value "
               "(Key-account CRM course).",
         "zh": "客户关系管理把客户视为企业最重要的资源，追求客户的终身价值（《大客户关系管理教程》）。"},
        {"en": "Traditional marketing chases more customers with the same pitch; CRM wins more business from the same "
               "customer by listening (Key-account CRM course, Table 1-2).",
         "zh": "传统营销用同样的说辞争取更多客户；客户关系管理通过倾听，从同一位客户获得更多业务（《大客户关系管理教程》，表 1-2）。"},
        {"en": "A relationship has a length (lifecycle), a depth (repeat, cross-selling, up-selling, referrals) and a "
               "breadth (customers won, kept, won back) (Customer-service courseware).",
         "zh": "客户关系有长度（生命周期）、深度（重复购买、交叉销售、增量销售、推荐）和广度（赢得、保留、挽回的客户）"
               "（《网络客户服务实务》课件）。"},
        {"en": "A warning list is worth what it warns: set the stages as the data stood a year ago and count who was "
               "lost in the year after, before calling down the list.",
         "zh": "预警名单的价值取决于它能否提前预警：先按一年前的数据划分阶段，统计此后一年里谁流失了，再决定按名单打电话。"},
        {"en": "Hengtai's tables put a new customer at about 4.7 times the cost of a kept one, but the course built that "
               "ratio into the data: it is no evidence for the literature's 5. What carries over is the test, cost per "
               "customer won against cost per customer kept on a firm's own books, and what makes it fail: customers "
               "who would have stayed anyway.",
         "zh": "恒泰的数据显示新客户的成本约为老客户的 4.7 倍，但这个比值是课程在编制数据时设定的，不能作为文献所说 5 倍的证据。"
               "可以带走的是检验方法：用企业自己的账目比较每位新客户和每位保留客户的成本；以及让它不成立的因素：本来就会留下的客户。"},
        {"en": "Keeping pays first, but it has a ceiling: spend can save only the customers who would otherwise leave, "
               "and past that the next yuan does more winning new customers. A simulator's answer rests on its assumptions.",
         "zh": "保留老客户应优先，但有上限：投入只能挽留本来会离开的客户，超过这个限度，下一元钱用于开发新客户效果更好。"
               "模拟器的结论取决于它的假设。"},
        {"en": "Knowing a customer goes from objective data to subjective traits to care; care spans customer service, "
               "product quality, service quality and after-sales service (Relationship-marketing essay).",
         "zh": "了解客户从客观资料到主观特点再到客户关怀；关怀包括客户服务、产品质量、服务质量和售后服务（关系营销论文）。"},
    ],
    next={"en": "Lesson 02: the ASK rule: what a salesperson brings (02_ask_rule.ipynb).",
          "zh": "第 02 课：ASK 法则：销售人员需要具备什么（02_ask_rule.ipynb）。"},
    sources={
        "000": {"en": "the Gartner Group as the origin of the idea; the 5-times claim; the three levels of knowing a "
                      "customer; the four parts of customer care; two thirds of customers lost for too little care",
                "zh": "Gartner Group 最早提出这一概念；5 倍成本的说法；了解客户的三个层次；客户关怀的四个方面；"
                      "三分之二的客户因关怀不够而流失"},
        "001": {"en": "the Gartner Group as the origin of the idea; CRM as software",
                "zh": "Gartner Group 最早提出这一概念；客户关系管理作为软件"},
        "002": {"en": "a relationship's length, depth and breadth; the lifecycle's four stages; the 5-times claim",
                "zh": "客户关系的长度、深度和广度；生命周期的四个阶段；5 倍成本的说法"},
        "003": {"en": "CRM as management methods and software; the theories behind CRM; the lifecycle from potential "
                      "to lost customers; watching a change in how much a customer buys",
                "zh": "客户关系管理作为管理方法和软件；客户关系管理的理论基础；从潜在客户到流失客户的生命周期；关注客户进货量的变化"},
        "004": {"en": "CRM as a management philosophy and mechanism, lifetime value; CRM versus traditional marketing "
                      "(Table 1-2); the three steps of market expansion; the caption of Figure 1-3; two quiz questions",
                "zh": "客户关系管理作为管理理念和管理机制、终身价值；客户关系管理与传统营销的区别（表 1-2）；"
                      "市场拓展的三个步骤；图 1-3 的标题；两道测验题"},
    },
    skip_for_45=["2", "4", "6", "7", "8", "9"],
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 8, "discussion", discuss=[
            {"en": "Think of a firm you buy from often. Does it treat you as a single sale or as a "
                   "relationship? What tells you?",
             "zh": "想一家你经常光顾的企业。它把你当作一次性买卖，还是一段长期关系？你从哪些地方看出来？"}]),
        Section(2, 5),
        Section(3, 15, "exercise"),
        Section(4, 10, "exercise"),
        Section(5, 15, "exercise"),
        Section(6, 15, "widget", project="StrategySimulator", discuss=[
            {"en": "If keeping a customer is cheaper than winning one, why does a firm still spend on new "
                   "customers? Where does more spending on keeping stop paying?",
             "zh": "既然留住一位客户比开发一位新客户便宜，企业为什么还要在新客户上花钱？"
                   "在维系上多花的钱到什么程度就不再划算？"}]),
        Section(7, 7),
        Section(8, 3),
        Section(9, 8, "quiz", project="QuizWidget"),
        Section(10, 4, "summary"),
    ],
)

EXERCISES = [
    Exercise(
        name="01.existing_share",
        question={
            "en": "CRM's goal is a steady stream of new business from existing customers (Key-account CRM course, "
                  "Table 1-2). What share of Hengtai's 2025 order revenue came from customers buying again (repeat, "
                  "cross-selling and up-selling) rather than from first purchases? Give a share between 0 and 1; the "
                  "table `depth` has all the columns you need.",
            "zh": "客户关系管理的目标是从现有客户获得源源不断的新业务（《大客户关系管理教程》，表 1-2）。恒泰 2025 年的订单收入中，"
                  "来自客户再次购买（重复购买、交叉销售和增量销售）而非首次购买的比例是多少？用 0 到 1 之间的比例表示；"
                  "表 `depth` 里有所需的各列。",
        },
        data=lambda: _case("orders", "customers"),
        answer=lambda orders, customers: float(1 - _depth_2025(orders, customers)["first"]
                                               / _depth_2025(orders, customers)["total"]),
        hint={"en": "Show the whole table with `depth`; in the 2025 row: (repeat + cross_sell + up_sell) / total, "
                    "or 1 - first / total.",
              "zh": "用 `depth` 显示整张表；在 2025 年那一行：(repeat + cross_sell + up_sell) / total，或 1 - first / total。"},
        mistakes=[
            Mistake(lambda orders, customers: float(_depth_2025(orders, customers)["first"]
                                                    / _depth_2025(orders, customers)["total"]),
                    {"en": "That is the share of first purchases; the question asks for everything else.",
                     "zh": "这是首次购买的比例；题目问的是其余部分。"}),
            Mistake(lambda orders, customers: float(_depth_2025(orders, customers)["repeat"]
                                                    / _depth_2025(orders, customers)["total"]),
                    {"en": "Repeat purchases are only one of three ways existing customers buy again: add cross-selling "
                           "and up-selling.",
                     "zh": "重复购买只是老客户再次购买的三种方式之一：还要加上交叉销售和增量销售。"}),
        ],
        solution={"en": "`d = depth.set_index(\"year\").loc[2025]`, then `1 - d[\"first\"] / d[\"total\"]` = about 0.95: "
                        "almost all revenue comes from existing relationships.",
                  "zh": "`d = depth.set_index(\"year\").loc[2025]`，然后 `1 - d[\"first\"] / d[\"total\"]` ≈ 0.95："
                        "几乎全部收入都来自现有的客户关系。"},
    ),
    Exercise(
        name="01.kept_three_years",
        question={
            "en": "A group of customers is with Hengtai on 1 January 2023. Each year the group keeps the share of its "
                  "customers that Hengtai as a whole kept that year (the retention rates of 2023, 2024 and 2025 in the "
                  "breadth table). What share of the group is still there at the end of 2025? Give a share between 0 and 1.",
            "zh": "一组客户在 2023 年 1 月 1 日是恒泰的客户。每年这组客户中留下的比例，等于恒泰当年的留存率（广度表中 2023、2024 "
                  "和 2025 年的留存率）。到 2025 年底，这组客户还剩下多大比例？用 0 到 1 之间的比例表示。",
        },
        data=lambda: _case("customers"),
        answer=lambda customers: float(_retention(customers, [2023, 2024, 2025]).prod()),
        hint={"en": "Each year keeps a share of those left after the year before: multiply the three rates.",
              "zh": "每年留下的是上一年剩下客户中的一部分：把三年的留存率相乘。"},
        mistakes=[
            Mistake(lambda customers: float(_retention(customers, [2023, 2024, 2025]).mean()),
                    {"en": "That is the average yearly rate: the group shrinks year after year, so the shares multiply.",
                     "zh": "这是每年留存率的平均值：这组客户逐年减少，所以各年的比例要相乘。"}),
            Mistake(lambda customers: float(_retention(customers, [2025]).iloc[0]),
                    {"en": "That is one year, 2025; the group has been with Hengtai since the start of 2023.",
                     "zh": "这只是 2025 年一年；这组客户从 2023 年初起就是恒泰的客户。"}),
        ],
        solution={"en": "`b = relationship.breadth(customers).set_index(\"year\")`, then "
                        "`b.loc[2023:2025, \"retention_rate\"].prod()` = about 0.84: although each year keeps more than "
                        "nine in ten, about one customer in six is gone after three years. Small differences in the "
                        "yearly rate grow into large differences in how long relationships last.",
                  "zh": "`b = relationship.breadth(customers).set_index(\"year\")`，然后 "
                        "`b.loc[2023:2025, \"retention_rate\"].prod()` ≈ 0.84：虽然每年都留住九成以上，三年后仍有约六分之一的客户离开。"
                        "每年留存率的小差别，会累积成客户关系长度的大差别。"},
    ),
    Decision(
        name="01.call_first",
        question={
            "en": "It is January {next_plus}. Hengtai's account managers can call only part of their customers this "
                  "month and ask which group to call first. Before you trust a warning list, test it on history: set "
                  "the lifecycle stages as the data stood on 31 December {year} and count who was lost in {next}. "
                  "Which group should they call first?",
            "zh": "现在是 {next_plus} 年 1 月。恒泰的客户经理本月只能给一部分客户打电话，想知道先打给哪一组。"
                  "在相信一份预警名单之前，先用历史数据检验它：按 {year} 年 12 月 31 日的数据划分生命周期阶段，"
                  "统计其中哪些客户在 {next} 年流失。应该先打给哪一组？",
        },
        data=lambda: _case("customers", "orders"),
        answer=_call_first,
        facts=_call_facts,
        options={
            "A": {"en": "The decline list: customers whose orders fell (the course's rule).",
                  "zh": "衰退期名单：订单量下降的客户（本课程的规则）。"},
            "B": {"en": "The newest customers, still in their first year (exploration stage).",
                  "zh": "最新的客户，仍在第一年（考察期）。"},
            "C": {"en": "The stability-stage customers: the oldest relationships, which bring most revenue.",
                  "zh": "稳定期客户：最老的客户关系，贡献的收入最多。"},
            "D": {"en": "The formation-stage customers, one to three years in.",
                  "zh": "形成期客户：成为客户一到三年。"},
        },
        feedback={
            "A": {"en": "Of the {decline_n} customers on the decline list at the end of {year}, {decline_lost} were lost "
                        "in {next} ({decline:.0%}; the group most at risk, {top_en}, lost {top:.0%}). The rule compares "
                        "whole years, so it flags many customers who only had a quiet year.",
                  "zh": "{year} 年底衰退期名单上的 {decline_n} 位客户中，有 {decline_lost} 位在 {next} 年流失（{decline:.0%}；"
                        "风险最高的一组是{top_zh}，流失了 {top:.0%}）。这条规则比较的是整年的订单，所以也会标出许多只是某一年订单较少的客户。"},
            "B": {"en": "Of the {exploration_n} customers in their first year at the end of {year}, {exploration_lost} "
                        "were lost in {next} ({exploration:.0%}; the group most at risk, {top_en}, lost {top:.0%}). "
                        "A new customer is still trying the firm out.",
                  "zh": "{year} 年底处于第一年的 {exploration_n} 位客户中，有 {exploration_lost} 位在 {next} 年流失"
                        "（{exploration:.0%}；风险最高的一组是{top_zh}，流失了 {top:.0%}）。新客户还在考察这家企业。"},
            "C": {"en": "Of the {stability_n} stability-stage customers at the end of {year}, {stability_lost} were lost "
                        "in {next} ({stability:.0%}; the group most at risk, {top_en}, lost {top:.0%}). Calling them "
                        "all would take the month.",
                  "zh": "{year} 年底的 {stability_n} 位稳定期客户中，有 {stability_lost} 位在 {next} 年流失（{stability:.0%}；"
                        "风险最高的一组是{top_zh}，流失了 {top:.0%}）。给他们逐一打电话要花掉整个月。"},
            "D": {"en": "Of the {formation_n} formation-stage customers at the end of {year}, {formation_lost} were lost "
                        "in {next} ({formation:.0%}; the group most at risk, {top_en}, lost {top:.0%}).",
                  "zh": "{year} 年底的 {formation_n} 位形成期客户中，有 {formation_lost} 位在 {next} 年流失（{formation:.0%}；"
                        "风险最高的一组是{top_zh}，流失了 {top:.0%}）。"},
        },
        hint={"en": "`relationship.stage_outcomes(customers, orders)` sets the stages a year back and counts who was "
                    "lost in the year after: call first where the share lost is highest.",
              "zh": "`relationship.stage_outcomes(customers, orders)` 按一年前的数据划分阶段，并统计此后一年里流失的客户："
                    "先打给流失比例最高的一组。"},
        solution={"en": "`relationship.stage_outcomes(customers, orders)`: with the shipped data the first-year customers "
                        "were lost most often (19%), against 8% of the decline list. "
                        "Hengtai's data were made with falling orders before a loss (the datasheet), yet a rule that "
                        "compares whole years warns late: a customer lost early in the next year shows the fall, one "
                        "lost later not yet. Test a firm's own warning rule the same way before calling down its list.",
                  "zh": "`relationship.stage_outcomes(customers, orders)`：用随课程提供的数据，第一年的新客户流失得最多（19%），"
                        "衰退期名单上的客户为 8%。恒泰的数据在编制时设定了客户流失前订单会下降（见数据说明），"
                        "但比较整年订单的规则预警较晚：下一年年初流失的客户已经显出下降，年内晚些流失的还没有。"
                        "在按名单打电话之前，先用同样的方法检验企业自己的预警规则。"},
    ),
    Exercise(
        name="01.cost_ratio",
        question={
            "en": "Over 2019-2025 together, how many times as much did Hengtai spend to win one new customer as to keep "
                  "one existing customer? Add up each column of the table `costs` over the years first, then divide "
                  "spend per customer won by spend per customer kept.",
            "zh": "2019-2025 年合计，恒泰赢得一位新客户的花费，是保留一位老客户的花费的多少倍？先把表 `costs` 的各列按年份加总，"
                  "再用每位新客户的费用除以每位保留客户的费用。",
        },
        data=lambda: _case("spend", "customers"),
        answer=_cost_ratio,
        hint={"en": "(total acquisition spend / total customers won) divided by (total retention spend / total customers kept).",
              "zh": "（获客费用合计 / 赢得客户合计）除以（保留费用合计 / 保留客户合计）。"},
        mistakes=[
            Mistake(lambda spend, customers: 1 / _cost_ratio(spend, customers),
                    {"en": "Upside down: a new customer is the expensive one, so the ratio is above 1.",
                     "zh": "颠倒了：新客户更贵，所以比值应大于 1。"}),
            Mistake(lambda spend, customers: float(
                        spend.loc[spend["spend_type"] == "acquisition", "amount_cny"].sum()
                        / spend.loc[spend["spend_type"] == "retention", "amount_cny"].sum()),
                    {"en": "You compared the two budgets; divide each by its number of customers first.",
                     "zh": "你比较的是两笔预算总额；要先各自除以对应的客户数。"}),
        ],
        solution={"en": "`(costs.acquisition_cny.sum() / costs.won.sum()) / (costs.retention_cny.sum() / costs.kept.sum())`"
                        " = about 4.7 (also `relationship.cost_ratio(spend, customers)`). The course built this ratio "
                        "into Hengtai's data, so its closeness to the literature's 5 proves nothing: what you practised "
                        "is the test, which works on any firm's own books.",
                  "zh": "`(costs.acquisition_cny.sum() / costs.won.sum()) / (costs.retention_cny.sum() / costs.kept.sum())`"
                        " ≈ 4.7（也可用 `relationship.cost_ratio(spend, customers)`）。这个比值是课程编制恒泰数据时设定的，"
                        "所以它接近文献所说的 5 倍并不能证明什么：你练习的是检验方法，它适用于任何企业自己的账目。"},
    ),
    Exercise(
        name="01.saved_cost_ratio",
        question={
            "en": "That ratio divides the retention spend by every customer kept. Suppose, as the simulator assumes, "
                  "that 80% of the customers on 1 January would have stayed with no retention spend at all: the spend "
                  "then saved only the customers kept beyond those. Over 2019-2025, what is the cost of winning a new "
                  "customer divided by the cost of one customer saved? (Below 1 means saving a customer is the dearer.)",
            "zh": "上面的比值把保留费用分摊到所有保留的客户上。假设像模拟器那样，1 月 1 日的客户中有 80% 即使没有任何保留投入也会留下："
                  "保留费用实际挽留的只是超出这部分的客户。2019-2025 年合计，赢得一位新客户的成本除以挽留一位客户的成本，"
                  "等于多少？（小于 1 表示挽留客户更贵。）",
        },
        data=lambda: _case("spend", "customers"),
        answer=lambda spend, customers: _cost_ratio(spend, customers, _would_stay()),
        hint={"en": "Customers saved = customers kept - 0.8 x customers on 1 January, all years together; "
                    "`relationship.cost_ratio(spend, customers, would_stay=0.8)` does it in one line.",
              "zh": "挽留的客户 = 保留客户数 - 0.8 × 1 月 1 日的客户数（各年合计）；"
                    "`relationship.cost_ratio(spend, customers, would_stay=0.8)` 一行即可算出。"},
        mistakes=[
            Mistake(lambda spend, customers: _cost_ratio(spend, customers),
                    {"en": "That is the ratio per customer kept; count only the customers the spend saved.",
                     "zh": "这是按所有保留客户计算的比值；只应计算保留费用实际挽留的客户。"}),
            Mistake(lambda spend, customers: 1 / _cost_ratio(spend, customers, _would_stay()),
                    {"en": "Upside down: divide the cost of a new customer by the cost of a customer saved.",
                     "zh": "颠倒了：应该用新客户的成本除以挽留一位客户的成本。"}),
        ],
        solution={"en": "`relationship.cost_ratio(spend, customers, would_stay=0.8)` = about 0.77: if four in five "
                        "customers would stay anyway, a customer saved costs more than a new one, and the '5 times' "
                        "claim fails. Whether it holds depends on a number the books do not show: how many customers "
                        "would stay with no spend. A firm learns it by testing, for example by pausing a retention "
                        "programme for a random group of customers and comparing.",
                  "zh": "`relationship.cost_ratio(spend, customers, would_stay=0.8)` ≈ 0.77：如果五分之四的客户本来就会留下，"
                        "挽留一位客户比赢得一位新客户还贵，“5 倍”的说法就不成立。它是否成立，取决于账目上看不到的一个数："
                        "没有投入时会有多少客户留下。企业可以通过试验得到它，例如对随机选出的一组客户暂停保留计划，再作比较。"},
        rel_tol=0.02,
    ),
    Decision(
        name="01.budget_split",
        question={
            "en": "Hengtai has about {budget_m:.1f} million CNY a year for sales and marketing and spends about {now:.0%} of it "
                  "on winning new customers. The service manager wants more for keeping customers, the sales director "
                  "more for winning them. On Hengtai's own figures in the simulator, which plan gives the most "
                  "cumulative profit over {years} years?",
            "zh": "恒泰每年的销售和营销预算约为 {budget_w:,.0f} 万元，其中约 {now:.0%} 用于开发新客户。服务经理希望多投入保留老客户，"
                  "销售总监希望多投入开发新客户。在模拟器中使用恒泰自己的数据，哪个方案 {years} 年内的累计利润最高？",
        },
        data=lambda: _case("orders", "customers", "spend"),
        answer=_budget_split,
        facts=_budget_facts,
        options={
            "A": {"en": "Keep the split as it is ({now:.0%} to winning).", "zh": "保持现在的分配（{now:.0%} 用于获客）。"},
            "B": {"en": "Move a quarter of the budget from keeping to winning ({more:.0%} to winning).",
                  "zh": "把四分之一的预算从保留转到获客（{more:.0%} 用于获客）。"},
            "C": {"en": "Put the whole budget on winning new customers.", "zh": "把全部预算用于开发新客户。"},
            "D": {"en": "Move a quarter from winning to keeping ({less:.0%} to winning), since keeping is cheaper.",
                  "zh": "把四分之一的预算从获客转到保留（{less:.0%} 用于获客），因为保留更便宜。"},
        },
        feedback={
            "A": {"en": "Hengtai's own split gives {p_now_m:,.0f} million CNY over {years} years, with {n_now:,.0f} "
                        "customers at the end.",
                  "zh": "恒泰现在的分配 {years} 年内累计利润为 {p_now_w:,.0f} 万元，期末有 {n_now:,.0f} 位客户。"},
            "B": {"en": "{more:.0%} to winning gives {p_more_m:,.0f} million CNY, with {n_more:,.0f} customers. Spend "
                        "can save only the customers between the {base:.0%} who stay anyway (the course's assumption) "
                        "and the {cap:.1%} Hengtai keeps; past that a yuan on keeping saves almost no one, while a yuan "
                        "on winning still wins customers.",
                  "zh": "{more:.0%} 用于获客，累计利润为 {p_more_w:,.0f} 万元，期末有 {n_more:,.0f} 位客户。"
                        "投入只能挽留介于本来就会留下的 {base:.0%}（本课程的假设）和恒泰实际留住的 {cap:.1%} 之间的客户；"
                        "超过这个限度，用于保留的钱几乎挽留不到客户，而用于获客的钱仍能赢得客户。"},
            "C": {"en": "All on winning gives {p_all_m:,.0f} million CNY, with {n_all:,.0f} customers: with no retention "
                        "spend only {base:.0%} of the customers stay each year.",
                  "zh": "全部用于获客，累计利润为 {p_all_w:,.0f} 万元，期末有 {n_all:,.0f} 位客户：没有保留投入时，"
                        "每年只有 {base:.0%} 的客户留下。"},
            "D": {"en": "{less:.0%} to winning gives {p_less_m:,.0f} million CNY, with {n_less:,.0f} customers. Keeping is "
                        "cheaper per customer, but only until the customers who can be saved are saved.",
                  "zh": "{less:.0%} 用于获客，累计利润为 {p_less_w:,.0f} 万元，期末有 {n_less:,.0f} 位客户。"
                        "保留每位客户更便宜，但只到能挽留的客户都被挽留为止。"},
        },
        hint={"en": "Set the budget slider of the simulator to each plan's share and compare the cumulative profit, or "
                    "`strategy.summary(strategy.simulate(**{**hengtai, \"share_acquisition\": 0.5}))`.",
              "zh": "把模拟器的预算分配滑块分别设为各方案的比例，比较累计利润；或者用 "
                    "`strategy.summary(strategy.simulate(**{**hengtai, \"share_acquisition\": 0.5}))`。"},
        solution={"en": "Compare the four shares with `strategy.simulate(**{**hengtai, \"share_acquisition\": share})`. On "
                        "the shipped data the most profitable split puts about 75% on winning. This is the model's "
                        "answer, not a fact about Hengtai: it assumes new customers can be won at a constant price "
                        "however many, and that 80% would stay with no spend. Change those settings and the answer moves.",
                  "zh": "用 `strategy.simulate(**{**hengtai, \"share_acquisition\": share})` 比较四个比例。用随课程提供的数据，"
                        "利润最高的分配约把 75% 用于获客。这是模型给出的答案，不是关于恒泰的事实：它假设无论开发多少新客户，"
                        "每位的成本都不变，并假设没有投入时有 80% 的客户留下。改变这些设定，答案就会变化。"},
    ),
]


def _q(prompt, options, correct, feedback, source=""):
    return Question(prompt=prompt, options=options, correct=correct, feedback=feedback, source=source)


QUIZ = [
    _q({"en": "According to the Key-account CRM course, what does CRM focus on most?",
        "zh": "根据《大客户关系管理教程》，客户关系管理关注的重心是什么？"},
       [{"en": "Winning as many customers as possible", "zh": "发展更多的客户数量"},
        {"en": "Catching customers' attention", "zh": "吸引客户的注意力"},
        {"en": "Understanding each customer's particular needs", "zh": "了解掌握客户的特别需求"},
        {"en": "All of these", "zh": "以上都包括"}],
       2,
       [{"en": "That is traditional marketing's emphasis: the number of customers.", "zh": "这是传统营销的重心：客户数量。"},
        {"en": "Mass attention is how traditional marketing works (advertising).", "zh": "吸引大众眼球是传统营销的做法（广告）。"},
        {"en": "Right: CRM sells more to the same customer by knowing what that customer needs.",
         "zh": "对：客户关系管理通过了解每位客户的需求，向同一位客户销售更多。"},
        {"en": "The first two belong to traditional marketing (Table 1-2).", "zh": "前两项属于传统营销（表 1-2）。"}],
       "Key-account CRM course, quiz"),
    _q({"en": "Which skill does CRM stress most?", "zh": "客户关系管理最强调哪种技巧？"},
       [{"en": "Persuasion", "zh": "说服技巧"}, {"en": "Communication", "zh": "沟通技巧"},
        {"en": "General ability", "zh": "能力"}, {"en": "Caring", "zh": "关怀能力"}],
       1,
       [{"en": "Persuading is telling; CRM listens first (Table 1-2, technique).", "zh": "说服是在“讲述”；客户关系管理先倾听（表 1-2，营销技巧）。"},
        {"en": "Yes: listening, learning and understanding (Key-account CRM course).",
         "zh": "对：听、学、了解（《大客户关系管理教程》）。"},
        {"en": "Too general: the course names a specific skill.", "zh": "太笼统：教程指的是一种具体技巧。"},
        {"en": "Care matters, but the course's answer is communication.", "zh": "关怀很重要，但教程给出的答案是沟通。"}],
       "Key-account CRM course, quiz"),
    _q({"en": "Repeat-purchase, cross-selling and up-selling revenue, and referrals, measure which side of a relationship?",
        "zh": "重复购买收入、交叉销售收入、增量销售收入和推荐，衡量的是客户关系的哪个方面？"},
       [{"en": "Its length", "zh": "长度"}, {"en": "Its depth", "zh": "深度"}, {"en": "Its breadth", "zh": "广度"}],
       1,
       [{"en": "Length is how long the relationship lasts (the lifecycle).", "zh": "长度是关系持续的时间（生命周期）。"},
        {"en": "Right: depth is the quality of each relationship (Customer-service courseware).",
         "zh": "对：深度是每段关系的质量（《网络客户服务实务》课件）。"},
        {"en": "Breadth is how many relationships: won, kept and won back.", "zh": "广度是关系的数量：赢得、保留和挽回的客户。"}],
       "Customer-service courseware"),
    _q({"en": "Which is the highest of the three levels of knowing a customer (Relationship-marketing essay)?",
        "zh": "了解客户的三个层次中，最高的层次是哪一个（关系营销论文）？"},
       [{"en": "Collecting objective data (for a business: size, industry, background)", "zh": "搜集客观资料（对企业客户：规模、行业、背景）"},
        {"en": "Knowing subjective traits (likes and dislikes, habits)", "zh": "认知主观特点（爱好喜恶、习惯）"},
        {"en": "Customer care: sensing how the customer's feelings change", "zh": "客户关怀：体会客户的感情变化"}],
       2,
       [{"en": "That is the first level: it gives you a chance of repeat business.", "zh": "这是第一个层次：它带来回头客的机会。"},
        {"en": "That is the second level: it lets you tailor your marketing.", "zh": "这是第二个层次：它让你有针对性地策划营销。"},
        {"en": "Right: care goes beyond data to the customer's feelings.", "zh": "对：关怀超越资料，深入到客户的感情。"}],
       "Relationship-marketing essay"),
    _q({"en": "In the simulator, the break-even cost ratio is the ratio (new : kept) at which all on keeping and all on "
              "winning give the same profit. A firm's own ratio is below it. What follows?",
        "zh": "在模拟器中，盈亏平衡成本比是“全部用于保留”和“全部用于获客”利润相同时的新老客户成本之比。某企业自己的成本比低于它。由此可以得出什么？"},
       [{"en": "All on winning beats all on keeping, although keeping is cheaper per customer",
         "zh": "全部用于获客胜过全部用于保留，尽管保留每位客户更便宜"},
        {"en": "All on keeping beats all on winning, because keeping is cheaper per customer",
         "zh": "全部用于保留胜过全部用于获客，因为保留每位客户更便宜"},
        {"en": "The two plans give the same profit", "zh": "两个方案的利润相同"}],
       0,
       [{"en": "Right: keeping has a ceiling, so a cheaper kept customer does not make all-keeping the better plan; "
               "and a mix can beat both.",
         "zh": "对：保留有上限，所以保留客户更便宜并不意味着全部用于保留更好；而两者结合可能比两者都好。"},
        {"en": "Only above the break-even ratio: below it, winning pays better, because spend can save only so many customers.",
         "zh": "只有高于盈亏平衡比时才是这样：低于它时获客更划算，因为投入能挽留的客户有限。"},
        {"en": "That happens only at the break-even ratio itself.", "zh": "只有正好等于盈亏平衡比时才是这样。"}]),
    _q({"en": "Hengtai's tables give a cost ratio of about 4.7, close to the literature's 5. What does that tell you "
              "about the claim?",
        "zh": "恒泰的数据给出的成本之比约为 4.7，接近文献所说的 5 倍。这对这个说法说明了什么？"},
       [{"en": "Little: the course built that ratio into the data; what you learn is how to test the claim on a firm's own books",
         "zh": "说明不了什么：这个比值是课程编制数据时设定的；你学到的是如何用企业自己的账目检验这个说法"},
        {"en": "It confirms the claim: keeping is about 5 times cheaper", "zh": "它证实了这个说法：保留客户约便宜 5 倍"},
        {"en": "It refutes the claim, because 4.7 is below 5", "zh": "它否定了这个说法，因为 4.7 小于 5"}],
       0,
       [{"en": "Right: Hengtai is synthetic, and its datasheet lists the ratio among the effects planted in it.",
         "zh": "对：恒泰是虚构的，数据说明把这个比值列为编制数据时设定的效应之一。"},
        {"en": "Data made to agree with a claim cannot confirm it; and even real books measure cost per customer kept, "
               "not per customer saved.",
         "zh": "为符合某个说法而编制的数据不能证实它；而且即使是真实账目，衡量的也是每位保留客户的成本，而不是每位挽留客户的成本。"},
        {"en": "A rule of thumb like this is not an exact law; and these data were made to come out near it.",
         "zh": "这类经验说法不是精确的规律；而且这些数据本来就是按接近它编制的。"}]),
    _q({"en": "What would make the '5 times' claim fail on a firm's own books?",
        "zh": "在企业自己的账目上，什么情况会让“5 倍”的说法不成立？"},
       [{"en": "Most customers would have stayed without any retention spend, so each customer really saved costs far "
               "more than the average per customer kept",
         "zh": "大多数客户即使没有保留投入也会留下，所以每位真正被挽留的客户的成本远高于每位保留客户的平均成本"},
        {"en": "The firm wins fewer new customers in one year", "zh": "企业某一年赢得的新客户较少"},
        {"en": "The retention spend is booked under several budget items", "zh": "保留费用记在几个预算项目下"}],
       0,
       [{"en": "Right: exercise 01.saved_cost_ratio shows how far the ratio falls under such an assumption.",
         "zh": "对：练习 01.saved_cost_ratio 显示了在这种假设下比值会降低多少。"},
        {"en": "Spend per customer won stays what it is; one year's count changes one year's ratio, not the test.",
         "zh": "每位新客户的费用不受影响；某一年的客户数只改变那一年的比值，而不改变检验本身。"},
        {"en": "How spend is split into items does not change the totals the ratio uses.",
         "zh": "费用如何分到各个项目，不会改变比值所用的合计数。"}]),
]

GLOSSARY = [
    Term("customer lifetime value", "客户终身价值",
         {"en": "The profit a customer brings the firm over the whole relationship; CRM aims at it.",
          "zh": "客户在整个关系期间为企业带来的利润；客户关系管理以此为目标。"}, "Key-account CRM course"),
    Term("customer acquisition", "客户获取（获客）",
         {"en": "Winning new customers: finding targets and closing first deals.", "zh": "赢得新客户：寻找目标客户并达成首笔交易。"}),
    Term("customer retention", "客户保留",
         {"en": "Keeping existing customers buying.", "zh": "让现有客户继续购买。"}, "Customer-service courseware"),
    Term("retention rate", "留存率",
         {"en": "Share of the customers at the start of a period who are still customers at its end.",
          "zh": "期初客户中到期末仍是客户的比例。"}),
    Term("win-back", "客户挽回",
         {"en": "Winning a lost customer back; the Customer-service courseware counts the lost customers regained in a "
                "relationship's breadth.",
          "zh": "把已流失的客户重新争取回来；《网络客户服务实务》课件把重新获得的流失客户计入客户关系的广度。"}),
    Term("relationship length", "客户关系长度",
         {"en": "How long a firm keeps a relationship, described by the customer lifecycle.",
          "zh": "企业维持客户关系的时间长短，用客户生命周期表示。"}, "Customer-service courseware"),
    Term("relationship depth", "客户关系深度",
         {"en": "The quality of a relationship: repeat, cross-selling and up-selling revenue, word of mouth and referrals.",
          "zh": "关系的质量：重复购买、交叉销售和增量销售收入，以及口碑与推荐。"}, "Customer-service courseware"),
    Term("relationship breadth", "客户关系广度",
         {"en": "How many relationships: new customers won, old customers kept, lost customers won back.",
          "zh": "客户关系的数量：获取的新客户、保留的老客户和重新获得的流失客户。"}, "Customer-service courseware"),
    Term("customer lifecycle", "客户生命周期",
         {"en": "The stages of a relationship: exploration, formation, stability, decline (Customer-service "
                "courseware); the Loyalty article uses potential, new, active, mature, declining or lost customers.",
          "zh": "客户关系的阶段：考察期、形成期、稳定期、衰退期（《网络客户服务实务》课件）；客户忠诚文章分为潜在客户、新客户、"
                "活跃客户、成熟客户和衰退或流失客户。"},
         "Customer-service courseware; Loyalty article"),
    Term("exploration stage", "考察期",
         {"en": "The first stage: the customer is trying the firm out (the course's rule: the first year).",
          "zh": "第一个阶段：客户在试探和考察企业（本课程的规则：第一年）。"}, "Customer-service courseware"),
    Term("formation stage", "形成期",
         {"en": "The relationship grows: more orders, more product lines (the course's rule: 1 to 3 years).",
          "zh": "关系逐步发展：订单和产品线增多（本课程的规则：第 1 到第 3 年）。"}, "Customer-service courseware"),
    Term("stability stage", "稳定期",
         {"en": "A mature, steady relationship (the course's rule: 3 years or more, orders not falling).",
          "zh": "成熟、稳定的关系（本课程的规则：3 年及以上，订单没有下降）。"}, "Customer-service courseware"),
    Term("decline stage", "衰退期",
         {"en": "The relationship weakens; falling orders are the warning sign (the course's rule: orders in the last "
                "365 days below 60% of the 365 days before).",
          "zh": "关系减弱，订单下降是预警信号（本课程的规则：最近 365 天的订单不到此前 365 天的 60%）。"},
         "Customer-service courseware"),
    Term("repeat purchase", "重复购买",
         {"en": "A further order of a product line the customer already buys.", "zh": "客户再次购买已经买过的产品线。"},
         "Customer-service courseware"),
    Term("cross-selling", "交叉销售",
         {"en": "Selling a customer a product line it has not bought before.", "zh": "向客户销售其以前没有买过的产品线。"},
         "Customer-service courseware"),
    Term("up-selling", "增量销售",
         {"en": "Selling a customer the premium version of a line it bought in standard tier.",
          "zh": "向客户销售其已购标准档产品线的高端版本；《网络客户服务实务》课件称“增量销售”，通常也叫向上销售。"},
         "Customer-service courseware"),
    Term("referral", "推荐",
         {"en": "A new customer brought in by an existing customer's word of mouth.", "zh": "由老客户口碑带来的新客户。"},
         "Customer-service courseware"),
    Term("customer care", "客户关怀",
         {"en": "Attention to how customers feel, through customer service, product quality, service quality and "
                "after-sales service; the Relationship-marketing essay quotes studies finding that two thirds of "
                "customers who leave a supplier do so for lack of care.",
          "zh": "关注客户的感受，包括客户服务、产品质量、服务质量和售后服务；关系营销论文引用的研究认为，三分之二的客户因关怀不够而离开供应商。"},
         "Relationship-marketing essay"),
    Term("relationship marketing", "关系营销",
         {"en": "Marketing that builds long-term, stable, mutually beneficial relationships rather than one-off sales; "
                "the core theory behind CRM.",
          "zh": "建立长期、稳定、互利关系而不是追求一次性交易的营销；客户关系管理的核心理论。"}, "Loyalty article"),
    Term("traditional marketing", "传统营销",
         {"en": "Brand-based marketing that seeks mass attention and more customers with the same message.",
          "zh": "以品牌为基础、追求大众关注、用同样的信息争取更多客户的营销。"}, "Key-account CRM course"),
    Term("market expansion", "市场拓展",
         {"en": "Three steps in a loop: find target customers, close deals, build long-term cooperation.",
          "zh": "循环进行的三个步骤：寻找目标客户、达成交易、建立长久的合作关系。"}, "Key-account CRM course"),
    Term("one-to-one marketing", "一对一营销",
         {"en": "Meeting each customer's own needs, according to its value to the firm.", "zh": "根据客户价值，满足每位客户的个性化需求。"},
         "Relationship-marketing essay; Loyalty article"),
    Term("break-even cost ratio", "盈亏平衡成本比",
         {"en": "In the simulator: the cost ratio (new : kept) at which spending all on keeping and all on winning "
                "give the same profit.",
          "zh": "模拟器中：全部用于保留与全部用于获客利润相同时，新老客户的成本之比。"}),
]
