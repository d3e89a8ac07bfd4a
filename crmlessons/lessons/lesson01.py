"""Lesson 01: what CRM is, and why keeping customers pays (syllabus A, D, F)."""

from __future__ import annotations

from crmlessons.lessons import Lesson, Term
from crmlessons.practice import Exercise, Mistake, Question


def _case(*tables):
    from crmlessons import datasets

    return {name: getattr(datasets, f"load_{name}")() for name in tables}


def _cost_ratio(spend, customers):
    from crmlessons.relationship import cost_ratio

    return cost_ratio(spend, customers)


def _breadth_2025(customers):
    from crmlessons.relationship import breadth

    return breadth(customers, years=[2025]).iloc[0]


def _depth_2025(orders, customers):
    from crmlessons.relationship import depth_by_year

    table = depth_by_year(orders, customers).set_index("year")
    return table.loc[2025]


def _best_share(base_retention):
    from crmlessons.strategy import best_share

    return best_share(base_retention=base_retention)


LESSON = Lesson(
    id="01",
    notebook="01_what_is_crm.ipynb",
    title={"en": "What CRM is, and why keeping customers pays", "zh": "什么是客户关系管理，以及为什么留住客户更划算"},
    objectives=[
        {"en": "Explain CRM as a philosophy, a way of working and software, and how it differs from traditional marketing.",
         "zh": "说明客户关系管理既是理念、也是管理机制和软件，以及它与传统营销的区别。"},
        {"en": "Measure a firm's relationships by their length, depth and breadth, on the case company's data.",
         "zh": "用案例公司的数据，从长度、深度和广度衡量企业的客户关系。"},
        {"en": "Test the claim that winning a customer costs 5 times keeping one, and say what the data can and cannot show.",
         "zh": "检验“开发新客户的成本是维系老客户的 5 倍”这一说法，并说明数据能说明什么、不能说明什么。"},
        {"en": "Use a simulator to decide how to split a budget between winning and keeping customers.",
         "zh": "用模拟器决定如何在开发新客户和保留老客户之间分配预算。"},
        {"en": "Describe the three levels of knowing a customer and the four parts of customer care.",
         "zh": "描述了解客户的三个层次和客户关怀的四个方面。"},
    ],
    teaching_minutes=35,
    exercise_minutes=25,
    key_points=[
        {"en": "CRM treats customers as the firm's most important resource and aims at their lifetime value (seed 004).",
         "zh": "客户关系管理把客户视为企业最重要的资源，追求客户的终生价值（资料 004）。"},
        {"en": "Traditional marketing chases more customers with the same pitch; CRM wins more business from the same "
               "customer by listening (seed 004, Table 1-2).",
         "zh": "传统营销用同样的说辞争取更多客户；客户关系管理通过倾听，从同一位客户获得更多业务（资料 004，表 1-2）。"},
        {"en": "A relationship has a length (lifecycle), a depth (repeat, cross-selling, up-selling, referrals) and a "
               "breadth (customers won, kept, won back) (seed 002).",
         "zh": "客户关系有长度（生命周期）、深度（重复购买、交叉销售、增量销售、推荐）和广度（赢得、保留、挽回的客户）（资料 002）。"},
        {"en": "Hengtai's data puts a new customer at about 4.7 times the cost of a kept one, close to the sources' 5; "
               "but 'per kept customer' also counts customers who would have stayed anyway.",
         "zh": "恒泰的数据显示新客户的成本约为老客户的 4.7 倍，接近资料所说的 5 倍；但“每位保留客户”的费用也算上了本来就会留下的客户。"},
        {"en": "Keeping pays first, but it has a ceiling: the best budget mixes keeping and winning.",
         "zh": "保留老客户应优先，但有上限：最好的预算是保留与开发相结合。"},
        {"en": "Knowing a customer goes from objective data to subjective traits to care; care spans customer service, "
               "product quality, service quality and after-sales service (seed 000).",
         "zh": "了解客户从客观资料到主观特点再到客户关怀；关怀包括客户服务、产品质量、服务质量和售后服务（资料 000）。"},
    ],
    next={"en": "Lesson 02: the ASK rule: what a salesperson brings (02_ask_rule.ipynb).",
          "zh": "第 02 课：ASK 法则：销售人员需要具备什么（02_ask_rule.ipynb）。"},
)

EXERCISES = [
    Exercise(
        name="01.cost_ratio",
        question={
            "en": "From Hengtai's spend and customers tables (2019-2025 together): how many times the retention spend "
                  "per customer kept is the acquisition spend per customer won? Use the table "
                  "`relationship.cost_per_customer(spend, customers)`: add up each column over the years first.",
            "zh": "根据恒泰的费用表和客户表（2019-2025 年合计）：每赢得一位新客户的获客费用，是每保留一位老客户的保留费用的多少倍？"
                  "使用 `relationship.cost_per_customer(spend, customers)` 的表：先把各列按年份加总。",
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
        solution={"en": "`costs = relationship.cost_per_customer(spend, customers)`, then\n"
                        "`(costs.acquisition_cny.sum() / costs.won.sum()) / (costs.retention_cny.sum() / costs.kept.sum())`"
                        " = about 4.7 (also `relationship.cost_ratio(spend, customers)`). Close to the sources' 5.",
                  "zh": "`costs = relationship.cost_per_customer(spend, customers)`，然后\n"
                        "`(costs.acquisition_cny.sum() / costs.won.sum()) / (costs.retention_cny.sum() / costs.kept.sum())`"
                        " ≈ 4.7（也可用 `relationship.cost_ratio(spend, customers)`）。与资料所说的 5 倍接近。"},
    ),
    Exercise(
        name="01.retention_2025",
        question={
            "en": "What share of the customers Hengtai had on 1 January 2025 were still customers at the end of 2025 "
                  "(the retention rate, as a share between 0 and 1)? Use `relationship.breadth(customers)`.",
            "zh": "恒泰在 2025 年 1 月 1 日的客户中，有多大比例到 2025 年底仍是客户（留存率，用 0 到 1 之间的比例表示）？"
                  "使用 `relationship.breadth(customers)`。",
        },
        data=lambda: _case("customers"),
        answer=lambda customers: float(_breadth_2025(customers)["kept"] / _breadth_2025(customers)["active_start"]),
        hint={"en": "Customers kept during 2025 divided by the customers at the start of 2025.",
              "zh": "用 2025 年保留的客户数除以 2025 年初的客户数。"},
        mistakes=[
            Mistake(lambda customers: float(_breadth_2025(customers)["lost"] / _breadth_2025(customers)["active_start"]),
                    {"en": "That is the share lost (churn); the question asks for the share kept.",
                     "zh": "这是流失的比例；题目问的是留住的比例。"}),
            Mistake(lambda customers: float(1 - _breadth_2025(customers)["lost"] / _breadth_2025(customers)["active_start"]),
                    {"en": "Some customers lost in 2025 were only won in 2025: count the customers kept (column kept), "
                           "not everyone minus all losses.",
                     "zh": "2025 年流失的客户中，有些是当年才赢得的：请用保留客户数（kept 列），而不是用全部客户减去全部流失。"}),
        ],
        solution={"en": "`b = relationship.breadth(customers)`; in the 2025 row, `kept / active_start` "
                        "= 1001 / 1075 = 0.931 with the shipped data.",
                  "zh": "`b = relationship.breadth(customers)`；在 2025 年那一行，`kept / active_start` "
                        "= 1001 / 1075 = 0.931（使用随课程提供的数据）。"},
        rel_tol=0.003,
    ),
    Exercise(
        name="01.existing_share",
        question={
            "en": "CRM's goal is a stream of new business from existing customers (seed 004, Table 1-2). What share of "
                  "Hengtai's 2025 order revenue came from customers buying again (repeat, cross-selling and "
                  "up-selling), rather than from first purchases? Use `relationship.depth_by_year(orders, customers)`.",
            "zh": "客户关系管理的目标是从现有客户获得源源不断的新业务（资料 004，表 1-2）。恒泰 2025 年的订单收入中，"
                  "来自客户再次购买（重复购买、交叉销售和增量销售）而非首次购买的比例是多少？"
                  "使用 `relationship.depth_by_year(orders, customers)`。",
        },
        data=lambda: _case("orders", "customers"),
        answer=lambda orders, customers: float(1 - _depth_2025(orders, customers)["first"]
                                               / _depth_2025(orders, customers)["total"]),
        hint={"en": "In the 2025 row: (repeat + cross_sell + up_sell) / total, or 1 - first / total.",
              "zh": "在 2025 年那一行：(repeat + cross_sell + up_sell) / total，或 1 - first / total。"},
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
        solution={"en": "`d = relationship.depth_by_year(orders, customers)`; in the 2025 row, "
                        "`(repeat + cross_sell + up_sell) / total` = about 0.95: almost all revenue comes from existing "
                        "relationships.",
                  "zh": "`d = relationship.depth_by_year(orders, customers)`；在 2025 年那一行，"
                        "`(repeat + cross_sell + up_sell) / total` ≈ 0.95：几乎全部收入都来自现有的客户关系。"},
    ),
    Exercise(
        name="01.best_split",
        question={
            "en": "In the strategy simulator, keep every default but set the retention with no spend to 70%. Which share "
                  "of the budget for winning new customers gives the most cumulative profit over 5 years? Give a share "
                  "between 0 and 1 (to the nearest 0.05).",
            "zh": "在策略模拟器中，保持其他默认值，只把“不投入时的留存率”设为 70%。5 年内累计利润最高时，"
                  "用于获客的预算占比是多少？用 0 到 1 之间的比例表示（精确到 0.05）。",
        },
        data=lambda: {"base_retention": 0.70},
        answer=_best_share,
        hint={"en": "Move the split slider and watch the cumulative profit, or read the line 'Most profitable split'.",
              "zh": "拖动预算分配滑块观察累计利润，或者直接看“利润最高的分配”那一行。"},
        mistakes=[
            Mistake(lambda base_retention: 0.0,
                    {"en": "All on keeping is not the best: retention has a ceiling, and each further customer kept "
                           "costs more.",
                     "zh": "全部用于保留并不是最好的：保留有上限，而且每多留住一位客户成本都会更高。"}),
            Mistake(lambda base_retention: 1.0,
                    {"en": "All on winning ignores how cheap the first customers kept are.",
                     "zh": "全部用于获客，忽略了留住最初那批客户的成本很低。"}),
            Mistake(lambda base_retention: 0.5,
                    {"en": "0.5 is the slider's starting value: set the retention to 70% first, then look again.",
                     "zh": "0.5 是滑块的初始值：先把留存率设为 70%，再看一次。"}),
        ],
        solution={"en": "`strategy.best_share(base_retention=0.70)` = 0.28 (the widget, in steps of 5%, shows 30%): "
                        "spend most on keeping customers, the rest on winning new ones.",
                  "zh": "`strategy.best_share(base_retention=0.70)` = 0.28（模拟器按 5% 步长显示为 30%）："
                        "大部分预算用于保留老客户，其余用于开发新客户。"},
        rel_tol=0.0,
        abs_tol=0.051,
    ),
]


def _q(prompt, options, correct, feedback, source=""):
    return Question(prompt=prompt, options=options, correct=correct, feedback=feedback, source=source)


QUIZ = [
    _q({"en": "According to seed 004, what does CRM focus on most?", "zh": "根据资料 004，客户关系管理关注的重心是什么？"},
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
       "seed 004, quiz 2"),
    _q({"en": "Which skill does CRM stress most?", "zh": "客户关系管理最强调哪种技巧？"},
       [{"en": "Persuasion", "zh": "说服技巧"}, {"en": "Communication", "zh": "沟通技巧"},
        {"en": "General ability", "zh": "能力"}, {"en": "Caring", "zh": "关怀能力"}],
       1,
       [{"en": "Persuading is telling; CRM listens first (Table 1-2, technique).", "zh": "说服是在“讲述”；客户关系管理先倾听（表 1-2，营销技巧）。"},
        {"en": "Yes: listening, learning and understanding (seed 004).", "zh": "对：听、学、了解（资料 004）。"},
        {"en": "Too general: the source names a specific skill.", "zh": "太笼统：资料指的是一种具体技巧。"},
        {"en": "Care matters, but the source's answer is communication.", "zh": "关怀很重要，但资料给出的答案是沟通。"}],
       "seed 004, quiz 2"),
    _q({"en": "Repeat-purchase, cross-selling and up-selling revenue, and referrals, measure which side of a relationship?",
        "zh": "重复购买收入、交叉销售收入、增量销售收入和推荐，衡量的是客户关系的哪个方面？"},
       [{"en": "Its length", "zh": "长度"}, {"en": "Its depth", "zh": "深度"}, {"en": "Its breadth", "zh": "广度"}],
       1,
       [{"en": "Length is how long the relationship lasts (the lifecycle).", "zh": "长度是关系持续的时间（生命周期）。"},
        {"en": "Right: depth is the quality of each relationship (seed 002).", "zh": "对：深度是每段关系的质量（资料 002）。"},
        {"en": "Breadth is how many relationships: won, kept and won back.", "zh": "广度是关系的数量：赢得、保留和挽回的客户。"}],
       "seed 002"),
    _q({"en": "Which is the highest of the three levels of knowing a customer (seed 000)?",
        "zh": "了解客户的三个层次中，最高的层次是哪一个（资料 000）？"},
       [{"en": "Collecting objective data (size, industry, background)", "zh": "搜集客观资料（规模、行业、背景）"},
        {"en": "Knowing subjective traits (preferences, habits)", "zh": "认知主观特点（偏好、习惯）"},
        {"en": "Customer care: sensing how the customer feels", "zh": "客户关怀：体会客户的感受"}],
       2,
       [{"en": "That is the first level: it gives you a chance of repeat business.", "zh": "这是第一个层次：它带来回头客的机会。"},
        {"en": "That is the second level: it lets you tailor your marketing.", "zh": "这是第二个层次：它让你有针对性地策划营销。"},
        {"en": "Right: care goes beyond data to the customer's feelings.", "zh": "对：关怀超越资料，深入到客户的感受。"}],
       "seed 000"),
    _q({"en": "In the simulator, the break-even ratio is 3.7 and a new customer costs 5 times a kept one. What follows?",
        "zh": "在模拟器中，盈亏平衡比是 3.7，而新客户的成本是老客户的 5 倍。由此可以得出什么结论？"},
       [{"en": "All-retention beats all-acquisition, yet a mix can beat both", "zh": "全部保留胜过全部获客，但两者结合可能比两者都好"},
        {"en": "All-acquisition beats all-retention", "zh": "全部获客胜过全部保留"},
        {"en": "Spend everything on keeping customers: that is always best", "zh": "把全部预算用于保留客户：这总是最好的"}],
       0,
       [{"en": "Right: 5 is above 3.7, so keeping wins the contest of extremes; but keeping has a ceiling and rising "
               "costs, so the best split mixes both.",
         "zh": "对：5 高于 3.7，所以在两个极端中保留胜出；但保留有上限且成本递增，最好的分配是两者结合。"},
        {"en": "Only when new customers cost less than 3.7 times a kept one.", "zh": "只有当新客户成本低于老客户的 3.7 倍时才是这样。"},
        {"en": "Look at the simulator: a split beats all-retention, because saving more customers gets dearer.",
         "zh": "看看模拟器：某种分配胜过全部保留，因为多留住客户会越来越贵。"}]),
    _q({"en": "Hengtai's data shows a cost ratio of about 4.7. Why is that not a clean test of the sources' '5 times'?",
        "zh": "恒泰的数据显示成本之比约为 4.7。为什么这不能完全检验资料所说的“5 倍”？"},
       [{"en": "Retention spend is divided over all customers kept, including those who would have stayed anyway",
         "zh": "保留费用被分摊到所有保留的客户上，包括那些本来就会留下的客户"},
        {"en": "Because 4.7 is smaller than 5, the claim is false", "zh": "因为 4.7 小于 5，所以这个说法是错的"},
        {"en": "Because the data has no acquisition spend", "zh": "因为数据中没有获客费用"}],
       0,
       [{"en": "Right: the cost of saving one customer who would have left is higher than the average per kept customer.",
         "zh": "对：挽留一位本来会离开的客户，成本高于每位保留客户的平均费用。"},
        {"en": "4.7 is close to 5; a claim like this is a rough guide, not an exact law.", "zh": "4.7 接近 5；这种说法只是粗略的参考，不是精确的规律。"},
        {"en": "The spend table has both acquisition and retention spend for every year.", "zh": "费用表中每年都有获客和保留两类费用。"}],
       "seeds 000, 002"),
]

GLOSSARY = [
    Term("customer lifetime value", "客户终生价值",
         {"en": "The profit a customer brings the firm over the whole relationship; CRM aims at it.",
          "zh": "客户在整个关系期间为企业带来的利润；客户关系管理以此为目标。"}, "seed 004"),
    Term("customer acquisition", "客户获取（获客）",
         {"en": "Winning new customers: finding targets and closing first deals.", "zh": "赢得新客户：寻找目标客户并达成首笔交易。"}),
    Term("customer retention", "客户保留",
         {"en": "Keeping existing customers buying.", "zh": "让现有客户继续购买。"}, "seed 002"),
    Term("retention rate", "留存率",
         {"en": "Share of the customers at the start of a period who are still customers at its end.",
          "zh": "期初客户中到期末仍是客户的比例。"}),
    Term("win-back", "客户挽回",
         {"en": "Winning a lost customer back.", "zh": "把已流失的客户重新争取回来。"}, "seed 002"),
    Term("relationship length", "客户关系长度",
         {"en": "How long a firm keeps a relationship, described by the customer lifecycle.",
          "zh": "企业维持客户关系的时间长短，用客户生命周期表示。"}, "seed 002"),
    Term("relationship depth", "客户关系深度",
         {"en": "The quality of a relationship: repeat, cross-selling and up-selling revenue, word of mouth and referrals.",
          "zh": "关系的质量：重复购买、交叉销售和增量销售收入，以及口碑与推荐。"}, "seed 002"),
    Term("relationship breadth", "客户关系广度",
         {"en": "How many relationships: new customers won, old customers kept, lost customers won back.",
          "zh": "客户关系的数量：获取的新客户、保留的老客户和重新获得的流失客户。"}, "seed 002"),
    Term("customer lifecycle", "客户生命周期",
         {"en": "The stages of a relationship: exploration, formation, stability, decline (seed 002); seed 003 uses "
                "potential, new, active, mature, declining or lost.",
          "zh": "客户关系的阶段：考察期、形成期、稳定期、衰退期（资料 002）；资料 003 分为潜在、新、活跃、成熟、衰退或流失客户。"},
         "seeds 002, 003"),
    Term("exploration stage", "考察期",
         {"en": "The first stage: the customer is trying the firm out (here: the first year).",
          "zh": "第一个阶段：客户在试探和考察企业（本课程中指第一年）。"}, "seed 002"),
    Term("formation stage", "形成期",
         {"en": "The relationship grows: more orders, more product lines (here: years 1 to 3).",
          "zh": "关系逐步发展：订单和产品线增多（本课程中指第 1 到第 3 年）。"}, "seed 002"),
    Term("stability stage", "稳定期",
         {"en": "A mature, steady relationship (here: 3 years or more, orders not falling).",
          "zh": "成熟、稳定的关系（本课程中指 3 年及以上，订单没有下降）。"}, "seed 002"),
    Term("decline stage", "衰退期",
         {"en": "The relationship weakens; falling orders are the early warning (here: recent orders below half of "
                "the half-year before).",
          "zh": "关系减弱，订单下降是预警信号（本课程中指最近半年订单不到前半年的一半）。"}, "seeds 002, 003"),
    Term("repeat purchase", "重复购买",
         {"en": "A further order of a product line the customer already buys.", "zh": "客户再次购买已经买过的产品线。"},
         "seed 002"),
    Term("cross-selling", "交叉销售",
         {"en": "Selling a customer a product line it has not bought before.", "zh": "向客户销售其以前没有买过的产品线。"},
         "seed 002"),
    Term("up-selling", "增量销售",
         {"en": "Selling a customer the premium version of a line it bought in standard tier.",
          "zh": "向客户销售其已购标准档产品线的高档版本。"}, "seed 002"),
    Term("referral", "推荐",
         {"en": "A new customer brought in by an existing customer's word of mouth.", "zh": "由老客户口碑带来的新客户。"},
         "seed 002"),
    Term("customer care", "客户关怀",
         {"en": "Attention to how customers feel, through customer service, product quality, service quality and "
                "after-sales service; two thirds of customers who leave a supplier do so for lack of care (seed 000).",
          "zh": "关注客户的感受，包括客户服务、产品质量、服务质量和售后服务；三分之二的客户因关怀不够而离开供应商（资料 000）。"},
         "seed 000"),
    Term("relationship marketing", "关系营销",
         {"en": "Marketing that builds long-term, stable, mutually beneficial relationships rather than one-off sales; "
                "the core theory behind CRM.",
          "zh": "建立长期、稳定、互利关系而不是追求一次性交易的营销；客户关系管理的核心理论。"}, "seed 003"),
    Term("traditional marketing", "传统营销",
         {"en": "Brand-based marketing that seeks mass attention and more customers with the same message.",
          "zh": "以品牌为基础、追求大众关注、用同样的信息争取更多客户的营销。"}, "seed 004"),
    Term("market expansion", "市场拓展",
         {"en": "Three steps in a loop: find target customers, close deals, build long-term cooperation.",
          "zh": "循环进行的三个步骤：寻找目标客户、达成交易、建立长久的合作关系。"}, "seed 004"),
    Term("one-to-one marketing", "一对一营销",
         {"en": "Meeting each customer's own needs, according to its value to the firm.", "zh": "根据客户价值，满足每位客户的个性化需求。"},
         "seeds 000, 003"),
    Term("break-even cost ratio", "盈亏平衡成本比",
         {"en": "In the simulator: the cost ratio (new : kept) at which spending all on keeping and all on winning "
                "give the same profit.",
          "zh": "模拟器中：全部用于保留与全部用于获客利润相同时，新老客户的成本之比。"}),
]
