"""Lesson 00: start here. How the course works, the environment check, the language switch, the sources,
the case company, and the first exercise and decisions."""

from __future__ import annotations

from crmlessons.datasets.dictionary import value_labels
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

LESSON = Lesson(
    id="00",
    notebook="00_start_here.ipynb",
    title={"en": "Start here: how this course works", "zh": "从这里开始：如何使用本课程"},
    objectives=[
        {"en": "Run a code cell and read its result.", "zh": "运行代码单元格并读懂结果。"},
        {"en": "Check that your computer is ready with crm.doctor().", "zh": "用 crm.doctor() 检查电脑环境是否就绪。"},
        {"en": "Switch every chart and widget between English and Chinese.", "zh": "在英文和中文之间切换所有图表和控件。"},
        {"en": "Tell where a fact comes from: a named source, the course itself, or data built to show it.",
         "zh": "分清一个事实的来源：有名称的资料、课程自己的补充，还是为演示而构造的数据。"},
        {"en": "Answer an exercise, make a decision from a figure you look up, and find hints and solutions.",
         "zh": "完成一道练习，根据查到的数据做出决策，并知道在哪里找提示和答案。"},
    ],
    teaching_minutes=15,
    exercise_minutes=20,
    key_points=[
        {"en": "Shift+Enter runs a cell; run the cells from top to bottom.", "zh": "Shift+Enter 运行单元格；请从上到下依次运行。"},
        {"en": "crm.doctor() tells you what is wrong and the command that fixes it.",
         "zh": "crm.doctor() 会指出问题，并给出修复命令。"},
        {"en": "crm.set_language('zh') or ('en') switches every label the course draws.",
         "zh": "crm.set_language('zh') 或 ('en') 切换课程绘制的所有标签。"},
        {"en": "A fact from a source carries the source's name, which crm.sources() explains; what the course adds "
               "is labelled as the course's or the literature's.",
         "zh": "来自资料的事实都注明资料名称，crm.sources() 会解释每个名称；课程自己补充的内容标注为“本课程”或“文献”。"},
        {"en": "Hengtai is synthetic and some effects were planted in its data: a claim that holds there shows you how "
               "to test it on a real firm's data, not that it is true.",
         "zh": "恒泰是虚构的公司，其数据中预设了一些效应：某个说法在这些数据中成立，并不证明它正确；你学到的是如何用"
               "真实企业的数据去检验它。"},
        {"en": "A decision is judged on the data: look up the figure that matters, not just the biggest number.",
         "zh": "决策要用数据来判断：查找真正相关的数字，而不是只看最大的那个数。"},
        {"en": "crm.check(...) tells you at once whether an answer is right; crm.hint(...) and crm.solution(...) help when stuck.",
         "zh": "crm.check(...) 立即判断答案是否正确；卡住时用 crm.hint(...) 和 crm.solution(...)。"},
    ],
    next={"en": "Lesson 01: what CRM is, and why keeping customers pays.", "zh": "第 01 课：什么是客户关系管理，以及为什么留住客户更划算。"},
    sources={
        "000": {"en": "The claim that winning a new customer costs about 5 times as much as keeping one (the warm-up "
                      "exercise and the quiz)",
                "zh": "开发一位新客户的成本约是维系一位老客户的 5 倍这一说法（热身练习和测验）"},
        "001": {"en": "CRM seen as software that carries a marketing-management idea (the sources section)",
                "zh": "把客户关系管理看作承载营销管理理念的软件（“资料来源”一节）"},
        "002": {"en": "The same claim as the Relationship-marketing essay: a new customer costs 5 times as much to win "
                      "as an existing one costs to keep (the warm-up exercise and the quiz)",
                "zh": "与关系营销论文相同的说法：开发一位新客户的成本是维系一位老客户的 5 倍（热身练习和测验）"},
        "003": {"en": "CRM seen as a customer-centred strategy that uses information technology (the sources section)",
                "zh": "把客户关系管理看作以客户为中心、运用信息技术的经营战略（“资料来源”一节）"},
        "004": {"en": "What CRM is (a management philosophy and a way of working), who counts as a customer (end users, "
                      "distributors and partners), its core (long-term cooperation: the quiz) and the steps of market "
                      "expansion the lesson map follows",
                "zh": "客户关系管理的含义（一种管理理念和一种管理机制）、客户包括哪些人（最终客户、分销商和合作伙伴）、"
                      "其核心（与客户建立长久的合作关系：测验）以及课程地图所依据的市场拓展步骤"},
    },
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 2),
        Section(2, 3),
        Section(3, 2, "widget", project="LanguagePicker"),
        Section(4, 2),
        Section(5, 3, "discussion", discuss=[
            {"en": "Hengtai's data agree with a source's claim because the effect was planted in them. What "
                   "data would you need to test the same claim at a real firm, and what result would make it "
                   "fail?",
             "zh": "恒泰的数据与资料的说法一致，是因为这个效应是预设在数据里的。要在一家真实企业检验同一个说法，"
                   "你需要哪些数据？什么样的结果会推翻它？"}]),
        Section(6, 2),
        Section(7, 5, "exercise"),
        Section(8, 10, "exercise"),
        Section(9, 5, "quiz", project="QuizWidget"),
        Section(10, 1, "summary"),
    ],
)


# ---------------------------------------------------------------------------------------------
# The two decisions: the best letter and the figures quoted are computed from the student's tables.

#: Letter of each choice -> the category code it stands for, in the data dictionary's order.
_REGION_CHOICES = dict(zip("ABCDE", value_labels("region")))
_LINE_CHOICES = dict(zip("ABCDEF", value_labels("product_line")))


def _letter(choices: dict, code: str) -> str:
    return next(letter for letter, choice in choices.items() if choice == code)


def _regions(customers):
    """Customers of each region by status, with those who buy today (active or won back) and their rank."""
    import pandas as pd

    counts = pd.crosstab(customers["region"], customers["status"])
    counts = counts.reindex(index=list(_REGION_CHOICES.values()), columns=["active", "won_back", "lost"], fill_value=0)
    counts["buying"] = counts["active"] + counts["won_back"]
    counts["rank"] = counts["buying"].rank(ascending=False, method="min").astype(int)
    return counts


def _best_region(customers) -> str:
    """The letter of the region with the most customers buying today (on a tie, the first in the list)."""
    return _letter(_REGION_CHOICES, _regions(customers)["buying"].idxmax())


def _region_facts(customers) -> dict:
    counts = _regions(customers)
    facts = {"regions": len(counts)}
    for code, row in counts.iterrows():
        facts.update({f"{code}_{column}": int(row[column]) for column in counts.columns})
    return facts


def _lines(orders):
    """Sales and gross margin of each product line over all orders, with the margin rate and both ranks."""
    totals = orders.groupby("product_line", observed=False)[["amount_cny", "margin_cny"]].sum()
    totals = totals.reindex(list(_LINE_CHOICES.values()), fill_value=0)
    totals["rate"] = totals["margin_cny"] / totals["amount_cny"].where(totals["amount_cny"] > 0)
    totals["margin_rank"] = totals["margin_cny"].rank(ascending=False, method="min").astype(int)
    totals["amount_rank"] = totals["amount_cny"].rank(ascending=False, method="min").astype(int)
    return totals


def _best_line(orders) -> str:
    """The letter of the product line with the most gross margin (on a tie, the first in the list)."""
    return _letter(_LINE_CHOICES, _lines(orders)["margin_cny"].idxmax())


def _line_facts(orders) -> dict:
    """The figures the texts quote, written out (millions of CNY in English, 万元 in Chinese)."""
    import pandas as pd

    totals = _lines(orders)
    facts = {"lines": len(totals)}
    for code, row in totals.iterrows():
        facts.update({f"{code}_amount_m": f"{row['amount_cny'] / 1e6:,.1f}",
                      f"{code}_margin_m": f"{row['margin_cny'] / 1e6:,.1f}",
                      f"{code}_amount_wan": f"{row['amount_cny'] / 1e4:,.0f}",
                      f"{code}_margin_wan": f"{row['margin_cny'] / 1e4:,.0f}",
                      f"{code}_rate": "-" if pd.isna(row["rate"]) else f"{row['rate']:.0%}",
                      f"{code}_margin_rank": int(row["margin_rank"]),
                      f"{code}_amount_rank": int(row["amount_rank"])})
    return facts


def _labels(choices: dict, column: str) -> dict:
    """The lettered options: each category's label in English and Chinese."""
    labels = value_labels(column)
    return {letter: labels[code] for letter, code in choices.items()}


def _region_feedback(code: str, label: dict) -> dict:
    return {"en": f"{label['en']}: {{{code}_buying:,}} customers buy from Hengtai today ({{{code}_active:,}} active, "
                  f"{{{code}_won_back:,}} won back; another {{{code}_lost:,}} were lost and buy nothing): rank "
                  f"{{{code}_rank}} of the {{regions}} regions.",
            "zh": f"{label['zh']}：目前有 {{{code}_buying:,}} 位客户向恒泰采购（活跃 {{{code}_active:,}} 位，赢回 "
                  f"{{{code}_won_back:,}} 位；另有 {{{code}_lost:,}} 位已流失，不再采购），在 {{regions}} 个区域中排第 "
                  f"{{{code}_rank}} 位。"}


def _line_feedback(code: str, label: dict) -> dict:
    return {"en": f"{label['en']}: CNY {{{code}_amount_m}} million of sales and CNY {{{code}_margin_m}} "
                  f"million of gross margin ({{{code}_rate}} of its sales): rank {{{code}_margin_rank}} of the "
                  f"{{lines}} lines by margin, {{{code}_amount_rank}} by sales.",
            "zh": f"{label['zh']}：销售额 {{{code}_amount_wan}} 万元，毛利 {{{code}_margin_wan}} 万元"
                  f"（毛利率 {{{code}_rate}}）；按毛利在 {{lines}} 条产品线中排第 {{{code}_margin_rank}} 位，"
                  f"按销售额排第 {{{code}_amount_rank}} 位。"}


def _tables(*names):
    from crmlessons import datasets

    return {name: getattr(datasets, f"load_{name}")() for name in names}


EXERCISES = [
    Exercise(
        name="00.warmup",
        question={
            "en": "Two of the course's sources, the Relationship-marketing essay and the Customer-service courseware, "
                  "both say that winning a new customer costs about 5 times as much as keeping an existing one. If "
                  "keeping a customer costs 200 yuan a year, what does winning a new one cost, in yuan?",
            "zh": "课程的两份资料——关系营销论文和《网络客户服务实务》课件——都说，开发一位新客户的成本约是维系一位老客户的 "
                  "5 倍。如果维系一位客户每年花 200 元，开发一位新客户要花多少元？",
        },
        data=lambda: {"keep_cost": 200, "ratio": 5},
        answer=lambda keep_cost, ratio: keep_cost * ratio,
        hint={"en": "Winning is the expensive side: multiply the cost of keeping by the ratio.",
              "zh": "开发新客户更贵：用维系成本乘以倍数。"},
        mistakes=[
            Mistake(lambda keep_cost, ratio: keep_cost / ratio,
                    {"en": "You divided: winning a customer costs more than keeping one, not less.",
                     "zh": "你用了除法：开发新客户比维系老客户更贵，而不是更便宜。"}),
            Mistake(lambda keep_cost, ratio: keep_cost + ratio,
                    {"en": "You added the ratio; '5 times as much' means multiplying.",
                     "zh": "你把倍数加上去了；“5 倍”意味着相乘。"}),
        ],
        solution={"en": "Winning costs 5 times keeping: `200 * 5`, that is 1000 yuan.",
                  "zh": "开发成本是维系成本的 5 倍：`200 * 5`，即 1000 元。"},
    ),
    Decision(
        name="00.first_region",
        question={
            "en": "Hengtai's new sales director will spend her first month visiting customers, all in one region. She "
                  "wants to meet as many as possible of the customers who buy from Hengtai today: the active customers "
                  "and those won back after a loss, not the lost ones. In which region should she spend the month?",
            "zh": "恒泰新任销售总监上任第一个月要拜访客户，而且只去一个区域。她希望见到尽可能多的、目前仍向恒泰采购的客户："
                  "包括活跃客户和流失后又赢回的客户，不包括已流失的客户。她这个月应该去哪个区域？",
        },
        data=lambda: _tables("customers"),
        answer=_best_region,
        facts=_region_facts,
        options=_labels(_REGION_CHOICES, "region"),
        feedback={letter: _region_feedback(code, value_labels("region")[code])
                  for letter, code in _REGION_CHOICES.items()},
        hint={"en": "For each region, add the active and the won-back customers; leave the lost ones out, however many "
                    "there are.",
              "zh": "对每个区域，把活跃客户和赢回客户相加；已流失的客户不算，不管有多少。"},
        solution={"en": "Count the customers who are not lost, region by region:\n"
                        "`customers[customers[\"status\"] != \"lost\"].value_counts(\"region\")`\n"
                        "lists the regions from the most such customers to the fewest: the director goes to the region at "
                        "the top. A region's lost customers do not count: they buy nothing today (winning them back is "
                        "another month's work).",
                  "zh": "逐个区域统计没有流失的客户：\n"
                        "`customers[customers[\"status\"] != \"lost\"].value_counts(\"region\")`\n"
                        "会按这类客户从多到少列出各区域，总监应去排在最前面的区域。已流失的客户不算：他们目前什么都不买"
                        "（把他们赢回来是另一个月的工作）。"},
    ),
    Decision(
        name="00.product_line",
        question={
            "en": "At every visit the director will ask the customer about one product line only: how Hengtai could "
                  "serve them better in it. She chooses the line that Hengtai's profit depends on most: the one that has "
                  "earned the most gross margin (sales minus the cost of what was sold) over all the orders in the data. "
                  "Which product line should she ask about?",
            "zh": "每次拜访时，总监只就一条产品线向客户提问：恒泰在这条产品线上怎样才能更好地为客户服务。她选择恒泰利润最依赖的"
                  "那条产品线，即在数据中全部订单上赚取毛利（销售额减去所售商品或服务的成本）最多的产品线。她应该问哪条产品线？",
        },
        data=lambda: _tables("orders"),
        answer=_best_line,
        facts=_line_facts,
        options=_labels(_LINE_CHOICES, "product_line"),
        feedback={letter: _line_feedback(code, value_labels("product_line")[code])
                  for letter, code in _LINE_CHOICES.items()},
        hint={"en": "Profit is in the margin column, not in the amount: a line can sell the most and still earn less.",
              "zh": "利润看的是毛利列，而不是销售额列：一条产品线可能卖得最多，赚得却更少。"},
        solution={"en": "Judge by gross margin, not by sales:\n"
                        "`orders.groupby(\"product_line\")[\"margin_cny\"].sum().idxmax()`\n"
                        "names the product line with the most gross margin. The line with the most sales can earn less "
                        "when its margin is a smaller share of what it sells.",
                  "zh": "按毛利判断，而不是按销售额：\n"
                        "`orders.groupby(\"product_line\")[\"margin_cny\"].sum().idxmax()`\n"
                        "给出毛利最多的产品线。销售额最高的产品线，如果毛利占销售额的比例较低，赚到的毛利反而可能更少。"},
    ),
]

QUIZ = [
    Question(
        prompt={"en": "How do you run the code cell you are in?", "zh": "如何运行当前所在的代码单元格？"},
        options=[{"en": "Press Shift+Enter", "zh": "按 Shift+Enter"},
                 {"en": "Double-click the cell", "zh": "双击单元格"},
                 {"en": "Save the notebook", "zh": "保存笔记本"}],
        correct=0,
        feedback=[{"en": "Shift+Enter runs the cell and moves to the next one.", "zh": "Shift+Enter 会运行单元格并跳到下一个。"},
                  {"en": "Double-clicking opens a text cell for editing; it does not run code.",
                   "zh": "双击只会进入编辑状态，不会运行代码。"},
                  {"en": "Saving keeps your work but runs nothing.", "zh": "保存只会保存内容，不会运行任何代码。"}],
    ),
    Question(
        prompt={"en": "A chart shows English labels but you want Chinese. What do you do?",
                "zh": "图表显示英文标签，但你想看中文，该怎么做？"},
        options=[{"en": "Install a Chinese font first", "zh": "先安装中文字体"},
                 {"en": "Run crm.set_language('zh'), then run the chart's cell again", "zh": "运行 crm.set_language('zh')，然后重新运行图表单元格"},
                 {"en": "Change the computer's system language", "zh": "修改电脑的系统语言"}],
        correct=1,
        feedback=[{"en": "No need: the course ships its own Chinese font.", "zh": "不需要：课程自带中文字体。"},
                  {"en": "Yes: the language applies to everything drawn after the switch.", "zh": "对：切换后绘制的所有内容都会使用新语言。"},
                  {"en": "The course does not follow the system language; it follows crm.set_language.",
                   "zh": "课程不跟随系统语言，而是由 crm.set_language 决定。"}],
    ),
    Question(
        prompt={"en": "An exercise check says 'Not yet'. What is the best next step?",
                "zh": "练习检查显示“还不对”，下一步最好怎么做？"},
        options=[{"en": "Open the worked solution straight away", "zh": "立刻打开解题过程"},
                 {"en": "Skip the rest of the lesson", "zh": "跳过本课剩下的内容"},
                 {"en": "Read the hint, change the answer and check again", "zh": "阅读提示，修改答案后再检查"}],
        correct=2,
        feedback=[{"en": "The solution is there when you are truly stuck; try the hint first, you learn more.",
                   "zh": "真正卡住时再看解答；先看提示，收获更大。"},
                  {"en": "Later lessons build on this one; keep going with the hint.", "zh": "后面的课程以此为基础；借助提示继续吧。"},
                  {"en": "Right: the hint points at the usual mistake without giving the answer away.",
                   "zh": "对：提示会指出常见错误，但不会直接给出答案。"}],
    ),
    Question(
        prompt={"en": "According to the Key-account CRM course, the core of CRM is ...",
                "zh": "根据《大客户关系管理教程》，客户关系管理的核心是……"},
        options=[{"en": "grasping what customers need", "zh": "抓住客户的需求"},
                 {"en": "building long-term cooperation with customers", "zh": "与客户建立长久的合作关系"},
                 {"en": "mastering selling techniques", "zh": "掌握营销技巧"},
                 {"en": "none of these", "zh": "以上都不对"}],
        correct=1,
        feedback=[{"en": "Needs matter, but they serve the relationship, which is the core.", "zh": "需求很重要，但它服务于关系，关系才是核心。"},
                  {"en": "Yes: CRM turns strangers into friends and friends into lifelong customers.",
                   "zh": "对：客户关系管理把陌生人变成朋友，再把朋友变成终身客户。"},
                  {"en": "Techniques help, but the Key-account CRM course puts the long-term relationship at the centre.",
                   "zh": "技巧有帮助，但《大客户关系管理教程》把长期关系放在中心。"},
                  {"en": "One of them is the source's answer: think about what lasts.", "zh": "其中一个就是资料给出的答案：想想什么是长久的。"}],
        source="Key-account CRM course, quiz 1",
    ),
    Question(
        prompt={"en": "In Hengtai's data, winning a new customer costs about 4.7 times as much as keeping one, close to "
                      "the 5 times of the Relationship-marketing essay and the Customer-service courseware. What does "
                      "this tell you?",
                "zh": "在恒泰的数据中，开发一位新客户的成本约是维系一位老客户的 4.7 倍，接近关系营销论文和"
                      "《网络客户服务实务》课件所说的 5 倍。这说明了什么？"},
        options=[{"en": "That the sources' claim is true", "zh": "资料的说法是正确的"},
                 {"en": "That the sources are wrong, since Hengtai's figure is lower than theirs",
                  "zh": "资料错了，因为恒泰的数字比资料的低"},
                 {"en": "Only how to test the claim: the same calculation on a real firm's data could come out far from it",
                  "zh": "只说明了如何检验这个说法：用真实企业的数据做同样的计算，结果可能与之相差很远"}],
        correct=2,
        feedback=[{"en": "No: Hengtai is synthetic and this effect was planted in its data (crm.datasets.planted_effects() "
                         "lists it): the data agree with the sources because they were built to.",
                   "zh": "不对：恒泰是虚构的，这个效应是预设在数据中的（crm.datasets.planted_effects() 列出了它）："
                         "数据与资料一致，是因为数据就是这样构造的。"},
                  {"en": "No: the sources say about 5 times, and a figure planted in made-up data can no more prove a "
                         "source wrong than prove it right.",
                   "zh": "不对：资料说的是约 5 倍；而且预设在虚构数据中的数字，既不能证明资料错误，也不能证明它正确。"},
                  {"en": "Right: the data were made to agree. What you learn is the test itself; on your own firm's "
                         "data it could support the claim or make it fail.",
                   "zh": "对：数据是特意构造成与资料一致的。你学到的是检验方法本身；在你自己企业的数据上，结果可能支持这个说法，"
                         "也可能推翻它。"}],
        source="Relationship-marketing essay; Customer-service courseware",
    ),
    Question(
        prompt={"en": "Where does your own work go when you open the course with `python course.py`?",
                "zh": "用 `python course.py` 打开课程时，你自己的作业保存在哪里？"},
        options=[{"en": "Inside the crmlessons package", "zh": "在 crmlessons 程序包里"},
                 {"en": "In your own work folder (crmlessons-work), never in the course files",
                  "zh": "在你自己的学习文件夹（crmlessons-work）里，不会改动课程文件"},
                 {"en": "Nowhere: it is lost when you close the browser", "zh": "哪里都没有：关闭浏览器就丢失了"}],
        correct=1,
        feedback=[{"en": "The package is never written to; it stays the same for everyone.", "zh": "程序包从不被改写，对所有人都一样。"},
                  {"en": "Yes: the lessons are copied there once, so your answers are yours to keep.",
                   "zh": "对：课程会复制一份到那里，你的答案由你保存。"},
                  {"en": "Saved notebooks stay in your work folder; save with Ctrl+S.", "zh": "保存的笔记本会留在学习文件夹里；用 Ctrl+S 保存。"}],
    ),
]

GLOSSARY = [
    Term("CRM", "客户关系管理", {"en": "Customer Relationship Management: a management philosophy that treats customers "
                                 "as the firm's most important resource, and a way of working that builds lasting, "
                                 "profitable relationships with them; CRM software supports both.",
                                 "zh": "客户关系管理：把客户视为企业最重要资源的管理理念，以及与客户建立长期、互利关系的"
                                       "管理机制；客户关系管理软件为二者提供支持。"}, "Key-account CRM course; E-CRM article"),
    Term("customer", "客户", {"en": "A person or organisation that buys from the firm: end users, distributors and partners.",
                             "zh": "向企业购买的个人或组织，包括最终客户、分销商和合作伙伴。"}, "Key-account CRM course"),
    Term("widget", "交互组件", {"en": "A control in a notebook (slider, button, menu) that recomputes a result as you move it.",
                             "zh": "笔记本中的控件（滑块、按钮、下拉菜单），拖动或点击时即时重新计算结果。"}),
    Term("data variant", "数据变体", {"en": "Another version of the case company made by the same generator with another "
                                           "group number: the same effects, different numbers.",
                                     "zh": "用同一数据生成程序、换一个小组编号生成的另一版案例公司数据：效应相同，数字不同。"}),
    Term("lead", "线索", {"en": "A recorded sales opportunity with a prospect: who, how much, and how far it got.",
                        "zh": "记录在案的一次销售机会：对象是谁、金额多少、推进到哪一阶段。"}),
    Term("prospect", "潜在客户", {"en": "An organisation that might buy but has not bought yet.",
                                "zh": "可能购买、但尚未购买的组织。"}),
    Term("exercise check", "练习检查", {"en": "A line that tells you at once whether your answer is right, with a hint if not.",
                                       "zh": "立即判断答案是否正确的一行代码，不对时给出提示。"}),
    Term("decision exercise", "决策练习", {"en": "An exercise where you choose an action by its letter; the best choice "
                                                "is worked out from the data, and every choice gets its reason.",
                                          "zh": "用字母选择一种做法的练习；最佳选择由数据算出，每个选项都会给出理由。"}),
    Term("planted effect", "预设效应", {"en": "A pattern built on purpose into the case company's synthetic data, so "
                                             "that a lesson can show how to find it; crm.datasets.planted_effects() "
                                             "lists them.",
                                       "zh": "有意构造进案例公司模拟数据中的规律，以便课程演示如何发现它；"
                                             "crm.datasets.planted_effects() 列出了全部预设效应。"}),
    Term("gross margin", "毛利", {"en": "Sales minus the cost of what was sold (the margin_cny column of Hengtai's orders).",
                                 "zh": "销售额减去所售商品或服务的成本（恒泰订单表的 margin_cny 列）。"}),
]
