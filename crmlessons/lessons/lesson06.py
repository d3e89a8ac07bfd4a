"""Lesson 06: what a customer is worth: delivered value, RFM and customer lifetime value (syllabus G, and F's
"tell customers apart by value").

The exercises follow one customer of the case data (:func:`_named`: the largest customer of the last year that
answered every value and cost item of the survey and has no structural ties) through the delivered-value offer,
its lifetime value and its request for a discount; the other decisions test RFM segments and the BG/NBD model on
the last year of the data (the holdout), as the data stood a year before.

Examples
--------
>>> LESSON.teaching_minutes + LESSON.exercise_minutes <= 90
True
>>> from crmlessons.practice import get_exercise
>>> get_exercise("06.best_offer").expected()
'C'
>>> print(get_exercise("06.best_offer").check("A"))  # doctest: +ELLIPSIS
Not the best choice. A discount lowers the money cost, but it is easy to copy ...
"""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

LESSON = Lesson(
    id="06",
    notebook="06_customer_value.ipynb",
    title={"en": "What a customer is worth: delivered value, RFM and lifetime value",
           "zh": "客户值多少钱：客户让渡价值、RFM 分析与客户终身价值"},
    objectives=[
        {"en": "Explain customer value from the customer's side (what it gets against what it pays) and from the "
               "firm's (the profit a long-term customer brings), as the Customer-service courseware does.",
         "zh": "像《网络客户服务实务》课件那样，从客户的角度（得到的与付出的相比）和企业的角度（长期客户带来的利润）说明客户价值。"},
        {"en": "Work out a customer's delivered value (total customer value minus total customer cost, E-CRM article), "
               "find the two or three factors that decide it in a firm's survey, and choose the offer that raises it most.",
         "zh": "计算客户让渡价值（客户总价值减去客户总成本，网络时代客户关系管理论文），从企业的调查中找出决定它的两三个因素，"
               "并选出最能提高它的方案。"},
        {"en": "Tell financial benefits, social benefits and structural ties apart, and say why a discount is easy to copy.",
         "zh": "分清财务利益、社交利益和结构性联系，并说明为什么折扣很容易被模仿。"},
        {"en": "Measure what each customer has brought so far, how concentrated that value is, and sort customers into "
               "RFM segments with an action for each.",
         "zh": "计算每位客户迄今带来的价值及其集中程度，并把客户分成 RFM 细分群体，为每一群确定行动。"},
        {"en": "Compute a customer's lifetime value (simple and with the BG/NBD and Gamma-Gamma models), decide what "
               "winning or keeping it is worth, and test a model's forecast on a holdout year before budgeting with it.",
         "zh": "计算客户终身价值（简单公式，以及 BG/NBD 和 Gamma-Gamma 模型），判断赢得或留住一位客户值得花多少钱，"
               "并在用模型做预算之前先用检验期的一年数据检验它的预测。"},
    ],
    teaching_minutes=50,
    exercise_minutes=40,
    key_points=[
        {"en": "Customer value has two sides (Customer-service courseware): for the customer, the total benefit it gets "
               "against the total cost it pays; for the firm, the profit a long-term customer contributes. Value "
               "analysis tells the firm which customers are worth most and how much to spend on winning or keeping them.",
         "zh": "客户价值有两个方面（《网络客户服务实务》课件）：对客户而言，是得到的总利益与付出的总代价之比较；对企业而言，"
               "是长期客户贡献的利润。客户价值分析告诉企业哪些客户最有价值，以及为赢得或保留他们应投入多少。"},
        {"en": "Customer delivered value = total customer value − total customer cost, and customers buy from the firm "
               "that delivers the most (E-CRM article). Splitting value into product, service, personnel and image, and "
               "cost into money, time, energy and psychological cost, is the marketing literature's (Kotler), not the "
               "source's: a firm can raise value or cut cost, not only cut price.",
         "zh": "客户让渡价值 = 客户总价值 − 客户总成本，客户会向让渡价值最高的企业购买（网络时代客户关系管理论文）。"
               "把价值分为产品、服务、人员和形象价值，把成本分为货币、时间、精力和心理成本，是营销文献（科特勒）的做法，"
               "并非资料原文：企业既可以提高价值，也可以降低成本，而不只是降价。"},
        {"en": "Three ways to raise value (E-CRM article): financial benefits such as gifts and discounts, which any "
               "competitor can copy; social benefits; and structural ties (equipment, software, research, training), "
               "which build switching barriers. Hengtai's data were built so that structural ties go with far fewer "
               "losses: they show how to test the claim, not that it is true.",
         "zh": "提高客户价值的三种方式（网络时代客户关系管理论文）：财务利益，例如赠品和价格优惠，任何竞争对手都能模仿；社交利益；"
               "以及结构性联系（设备、软件、调查研究、培训），它们会形成转换壁垒。恒泰的数据是按“结构性联系伴随更少流失”构造的："
               "它们演示的是检验方法，并不证明这一说法正确。"},
        {"en": "Only two or three factors decide customer value in a business (E-CRM article): find them in the firm's "
               "own survey, and spend where they are.",
         "zh": "在一家企业里，决定客户价值的只有两三个因素（网络时代客户关系管理论文）：从企业自己的调查中找出它们，并把钱花在这些地方。"},
        {"en": "The longer a customer stays, the higher the firm's return (Relationship-marketing essay); value is "
               "concentrated in a minority of customers. RFM (recency, frequency, monetary value) sorts customers by "
               "their purchase history so that each group gets its own action.",
         "zh": "客户保持的时间越长，企业的回报就越高（关系营销论文）；价值集中在少数客户身上。RFM 分析（最近一次购买、购买频率、"
               "购买金额）按购买历史给客户分群，使每一群都有相应的行动。"},
        {"en": "Simple CLV = margin × retention / (1 + discount rate − retention): the value of the years to come, "
               "discounted. It is the most worth spending to keep a customer; a discount is worth giving only if what "
               "it keeps is worth more than what it gives away.",
         "zh": "简单的客户终身价值 = 毛利 × 留存率 /（1 + 折现率 − 留存率）：未来各年的价值，经过折现。它是留住一位客户最多值得花的钱；"
               "只有保住的价值大于让出的价值时，折扣才值得给。"},
        {"en": "The BG/NBD and Gamma-Gamma models (Fader, Hardie and Lee, in the literature) forecast each customer's "
               "purchases, alive probability and spend from its RFM summary. Fit on a calibration period and compare "
               "with a holdout period before trusting them: B2B ordering (seasons, a first-year ramp-up, a decline "
               "before a loss, win-backs) is not in the model.",
         "zh": "BG/NBD 和 Gamma-Gamma 模型（Fader、Hardie 和 Lee，文献中的模型）根据每位客户的 RFM 汇总预测其购买次数、仍活跃概率和消费额。"
               "先在校准期拟合，再与检验期对比，然后才能信任它们：B2B 的订货规律（季节、第一年的逐步上升、流失前的下降、客户挽回）"
               "不在模型之中。"},
    ],
    next={"en": "Lesson 07: loyalty: why a satisfied customer is not yet a loyal one, and how loyalty is built.",
          "zh": "第 07 课：客户忠诚：为什么满意的客户还不等于忠诚的客户，以及如何培养忠诚。"},
    sources={
        "000": {"en": "The core of CRM is managing customer value; the longer a customer is kept, the higher the firm's "
                      "relative return and profit; a firm that does not know its customers cannot tell them apart",
                "zh": "客户关系管理的核心是客户价值管理；客户的保持周期越长久，企业的相对回报就越高、利润就越大；"
                      "不了解客户就无法对客户加以区别"},
        "001": {"en": "Customer delivered value (total customer value minus total customer cost) and that customers buy "
                      "from the firm that delivers the most; the ways of raising value: financial benefits (gifts, "
                      "discounts: not unique, many firms use them), social benefits and structural ties (equipment, "
                      "software, research, training: a switching barrier); only two or three factors decide customer "
                      "value; moving a price-minded customer to the total cost of the deal",
                "zh": "客户让渡价值（客户总价值与客户总成本之差），客户从让渡价值最高的企业购买；提高客户价值的方式："
                      "财务利益（赠品、价格优惠：没有独特性，许多企业都在用）、社交利益和结构性联系（特殊设备、软件、调查研究、培训："
                      "形成转换壁垒）；决定客户价值的只有两三个重要因素；把只看价格的客户引向交易的总成本"},
        "002": {"en": "The two views of customer value (the customer's: total benefit against total cost; the firm's: "
                      "the profit of a long-term customer) and what value analysis is for (finding the most valuable "
                      "customers and how much to invest in winning or keeping them); telling customers apart by their "
                      "value to the firm and by their needs; priority service for key accounts without neglecting "
                      "small and medium customers",
                "zh": "客户价值的两种视角（客户的：总利益与总代价的比较；企业的：长期客户带来的利润）以及客户价值分析的意义"
                      "（发现最有价值的客户，并知道为获得或保留他们投入多少）；按客户对企业的商业价值和对产品的需求区分客户；"
                      "确保重要大客户的优先服务，同时照顾中小客户的服务质量"},
    },
    skip_for_45=("4", "5", "8"),
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 4),
        Section(2, 7, "widget", project="ValueBalance"),
        Section(3, 7, "exercise"),
        Section(4, 12, "exercise", discuss=[
            {"en": "A competitor copies your discount within a week. Which of your ties with a customer "
                   "could it not copy, and why do they keep the customer?",
             "zh": "竞争对手一周之内就跟进了你的折扣。你与客户之间的哪些联系是它复制不了的？它们为什么能留住客户？"}]),
        Section(5, 11, "exercise"),
        Section(6, 9, "widget", project="SegmentExplorer"),
        Section(7, 11, "widget", project="ClvCalculator"),
        Section(8, 22, "exercise"),
        Section(9, 5, "quiz", project="QuizWidget"),
        Section(10, 2, "summary"),
    ],
)

QUIZ = [
    Question(
        prompt={"en": "The E-CRM article warns that gifts and price discounts for old customers are not unique. What "
                      "does that mean for a firm that relies on them?",
                "zh": "网络时代客户关系管理论文指出，给老客户的赠品和价格优惠“没有独一性”。对依靠这些手段的企业来说，这意味着什么？"},
        options=[{"en": "Any competitor can offer the same, so they hold a customer only until someone offers more",
                  "zh": "任何竞争对手都能提供同样的优惠，所以它们只能留住客户到别人出价更高为止"},
                 {"en": "They are illegal in most industries", "zh": "它们在大多数行业是违法的"},
                 {"en": "They build a switching barrier, because the customer would lose the discount",
                  "zh": "它们会形成转换壁垒，因为客户一走就会失去折扣"}],
        correct=0,
        feedback=[{"en": "Yes: a financial benefit is easy to copy; structural ties (equipment, software, research, "
                         "training) are what build switching barriers.",
                   "zh": "对：财务利益很容易被模仿；真正形成转换壁垒的是结构性联系（设备、软件、调查研究、培训）。"},
                  {"en": "Nothing in the source says so; the point is that they are easy to copy.",
                   "zh": "资料中没有这样说；要点是它们很容易被模仿。"},
                  {"en": "A competitor can offer the same discount, so leaving costs the customer nothing: that is no barrier.",
                   "zh": "竞争对手可以给出同样的折扣，客户离开并没有损失：这不构成壁垒。"}],
        source="E-CRM article",
    ),
    Question(
        prompt={"en": "What is customer delivered value?", "zh": "什么是客户让渡价值？"},
        options=[{"en": "The price the customer pays", "zh": "客户支付的价格"},
                 {"en": "Total customer value minus total customer cost", "zh": "客户总价值减去客户总成本"},
                 {"en": "The margin the firm earns on the customer", "zh": "企业从这位客户身上赚到的毛利"}],
        correct=1,
        feedback=[{"en": "Price is only the money part of the customer's cost; time, energy and worry count too.",
                   "zh": "价格只是客户成本中的货币部分；时间、精力和心理负担也算在内。"},
                  {"en": "Yes: what the customer gets minus everything it gives up to get it; customers buy from the "
                         "firm that delivers the most.",
                   "zh": "对：客户得到的减去为此付出的一切；客户会向让渡价值最高的企业购买。"},
                  {"en": "That is value from the firm's side (lifetime value is built from it), not delivered value.",
                   "zh": "那是从企业角度看的价值（客户终身价值由它算出），不是客户让渡价值。"}],
        source="E-CRM article",
    ),
    Question(
        prompt={"en": "In an RFM summary in the lifetimes convention, a customer has recency 150 and T 300 (weeks). "
                      "What does that say?",
                "zh": "在按 lifetimes 惯例编制的 RFM 汇总表中，一位客户的 recency 为 150，T 为 300（单位：周）。这说明什么？"},
        options=[{"en": "It last bought 150 weeks ago, 150 weeks after its first purchase",
                  "zh": "它上一次购买是在 150 周前，即首次购买 150 周之后"},
                 {"en": "It bought 150 times", "zh": "它购买了 150 次"},
                 {"en": "It last bought 300 weeks ago", "zh": "它上一次购买是在 300 周前"}],
        correct=0,
        feedback=[{"en": "Yes: recency is the customer's age at its last purchase and T its age now, so T − recency is "
                         "the time since it last bought; a long gap is what makes an RFM 'R' score low.",
                   "zh": "对：recency 是客户最后一次购买时的“年龄”，T 是它现在的“年龄”，所以 T − recency 就是距上次购买的时间；"
                         "间隔越长，RFM 中的 R 分越低。"},
                  {"en": "That would be the frequency column (the number of repeat purchase periods).",
                   "zh": "那是 frequency 列（有重复购买的期数）。"},
                  {"en": "T is the time since the first purchase, not the last.", "zh": "T 是距首次购买的时间，而不是距上次购买的时间。"}],
    ),
    Question(
        prompt={"en": "Why is a discounted CLV smaller than an undiscounted one?",
                "zh": "为什么折现后的客户终身价值比不折现的小？"},
        options=[{"en": "Because a customer buys less every year", "zh": "因为客户每年买得越来越少"},
                 {"en": "Margin received in later years is worth less today, and the distant future is uncertain",
                  "zh": "以后年份收到的毛利折算到今天更少，而且远期前景并不确定"},
                 {"en": "Because the discount rate is taken off the price", "zh": "因为折现率要从价格中扣除"}],
        correct=1,
        feedback=[{"en": "The simple formula keeps the margin constant; the shrinking comes from discounting each year "
                         "and from the chance that the customer has left.",
                   "zh": "简单公式假定毛利不变；价值缩小来自每年的折现，以及客户可能已经离开的概率。"},
                  {"en": "Yes: each year counts for retention / (1 + discount rate) of the year before.",
                   "zh": "对：每一年只算上一年的 留存率 /（1 + 折现率）。"},
                  {"en": "A discount rate is not a price discount: it says how much less future money is worth today.",
                   "zh": "折现率不是价格折扣：它表示未来的钱折算到今天少值多少。"}],
    ),
    Question(
        prompt={"en": "The BG/NBD model assumes that a customer, once 'dead', never buys again. When does that fail for "
                      "a B2B supplier like Hengtai?",
                "zh": "BG/NBD 模型假定客户一旦“死亡”（不再活跃）就再也不会购买。对恒泰这样的 B2B 供应商，这一假定在什么情况下不成立？"},
        options=[{"en": "When a customer pauses for a project or a plant shutdown and comes back, or is won back after "
                        "being lost", "zh": "客户因项目或停产检修暂停订货后又回来，或者流失后又被挽回"},
                 {"en": "When a customer orders every month", "zh": "客户每个月都订货"},
                 {"en": "Never: B2B customers are contracts, so the model fits them exactly",
                  "zh": "从不：B2B 客户都有合同，所以模型完全适用"}],
        correct=0,
        feedback=[{"en": "Yes: the model would write such a customer off; win-backs and long pauses are not in it, so "
                         "check its forecasts on a holdout period.",
                   "zh": "对：模型会把这样的客户当作已经流失；模型中没有客户挽回和长时间停顿，所以要用检验期检验它的预测。"},
                  {"en": "A steady customer is the easy case: its alive probability stays high.",
                   "zh": "订货稳定的客户是最简单的情况：它的仍活跃概率一直很高。"},
                  {"en": "Contracts make ordering regular, seasonal or stepwise, which breaks the model's random "
                         "purchases and sudden death.",
                   "zh": "合同会让订货变得有规律、有季节性或阶梯式变化，这恰恰违背了模型关于随机购买和突然“死亡”的假定。"}],
    ),
    Question(
        prompt={"en": "From the firm's side, the Customer-service courseware defines customer value as ...",
                "zh": "从企业的角度，《网络客户服务实务》课件把客户价值定义为……"},
        options=[{"en": "the revenue of the customer's largest order", "zh": "客户最大一笔订单的收入"},
                 {"en": "the profit from customers in long, stable relationships who pay a fair price",
                  "zh": "与企业保持长期稳定关系、愿意支付合适价格的客户带来的利润"},
                 {"en": "the number of products the customer buys", "zh": "客户购买的产品种类数"}],
        correct=1,
        feedback=[{"en": "One order says little about a relationship; the courseware speaks of profit over a long one.",
                   "zh": "一笔订单说明不了一段关系；课件说的是长期关系中的利润。"},
                  {"en": "Yes: the customer's contribution to the firm's profit, which lifetime value measures.",
                   "zh": "对：客户对企业利润的贡献，也就是客户终身价值所衡量的。"},
                  {"en": "Breadth of purchases is part of a relationship's depth (lesson 01), not the definition of value.",
                   "zh": "购买种类属于客户关系的深度（第 01 课），不是客户价值的定义。"}],
        source="Customer-service courseware",
    ),
    Question(
        prompt={"en": "Hengtai's data show that customers with structural ties are lost far less often. Its datasheet "
                      "says the effect was planted. What may an analyst conclude?",
                "zh": "恒泰的数据显示，有结构性联系的客户流失得少得多，而数据说明写明这一效应是预设的。分析师可以得出什么结论？"},
        options=[{"en": "That structural ties keep customers, at Hengtai and everywhere",
                  "zh": "结构性联系能留住客户，在恒泰和任何地方都是如此"},
                 {"en": "Only how to test the claim; on a real firm's records the link could be weaker, and customers "
                        "who already value the firm may be the ones who accept ties",
                  "zh": "只能学到如何检验这一说法；在真实企业的记录中，这种联系可能更弱，而且本来就看重企业的客户才更愿意接受这些联系"},
                 {"en": "That financial benefits work better", "zh": "财务利益效果更好"}],
        correct=1,
        feedback=[{"en": "Data built to agree with a claim are no evidence for it, and a link in records is not yet a cause.",
                   "zh": "按某个说法构造的数据不能作为它的证据，记录中的关联也还不等于因果。"},
                  {"en": "Yes: the method carries over; the size of the effect and its direction of cause do not.",
                   "zh": "对：方法可以带走；效应的大小和因果方向却不能照搬。"},
                  {"en": "The planted data say the opposite, and they say it only because they were built so.",
                   "zh": "预设的数据显示的恰恰相反，而且只是因为数据就是这样构造的。"}],
        source="E-CRM article",
    ),
]

GLOSSARY = [
    Term("customer value", "客户价值",
         {"en": "Seen by the customer: the total benefit it gets against the total cost it pays; seen by the firm: the "
                "profit a long-term customer contributes.",
          "zh": "从客户角度：得到的总利益与付出的总代价的比较；从企业角度：长期客户贡献的利润。"},
         "Customer-service courseware"),
    Term("customer delivered value", "客户让渡价值",
         {"en": "Total customer value minus total customer cost; customers buy from the firm that delivers the most.",
          "zh": "客户总价值减去客户总成本；客户会向让渡价值最高的企业购买。"}, "E-CRM article"),
    Term("total customer value", "客户总价值",
         {"en": "Everything a customer gets from an offer; the literature (Kotler) splits it into product, service, "
                "personnel and image value.",
          "zh": "客户从一项产品或服务中得到的全部利益；文献（科特勒）把它分为产品价值、服务价值、人员价值和形象价值。"},
         "E-CRM article"),
    Term("total customer cost", "客户总成本",
         {"en": "Everything a customer gives up to get an offer; the literature (Kotler) splits it into money, time, "
                "energy and psychological cost.",
          "zh": "客户为获得一项产品或服务付出的全部代价；文献（科特勒）把它分为货币成本、时间成本、精力成本和心理成本。"},
         "E-CRM article"),
    Term("financial benefits", "财务利益",
         {"en": "Gifts and price discounts that tie a customer by money; easy for any competitor to copy.",
          "zh": "用金钱留住客户的赠品和价格优惠；任何竞争对手都很容易模仿。"}, "E-CRM article"),
    Term("social benefits", "社交利益",
         {"en": "Personal contact and events (club meetings, annual celebrations, customer clubs) that tie a customer "
                "through people.",
          "zh": "通过人与人的联系留住客户的交往和活动（联谊活动、年度庆典、客户会所）。"}, "E-CRM article"),
    Term("structural ties", "结构性联系",
         {"en": "Equipment, software, research and training the firm provides, which build a switching barrier.",
          "zh": "企业提供的特殊设备、软件、调查研究和培训，它们会形成转换壁垒。"}, "E-CRM article"),
    Term("switching barrier", "转换壁垒",
         {"en": "What a customer would lose or have to redo by moving to another supplier.",
          "zh": "客户改换供应商时会失去或需要重新投入的东西。"}, "E-CRM article"),
    Term("historic value", "历史价值",
         {"en": "The margin a customer has brought the firm so far.", "zh": "客户迄今为企业带来的毛利。"}),
    Term("RFM analysis", "RFM 分析",
         {"en": "Sorting customers by recency, frequency and monetary value of their purchases, from the "
                "direct-marketing literature.",
          "zh": "按最近一次购买、购买频率和购买金额给客户分类的方法，来自直复营销文献。"}),
    Term("recency", "最近一次购买",
         {"en": "How recently a customer bought; in the lifetimes convention, its age at the last purchase (T − recency "
                "is the time since).",
          "zh": "客户最近一次购买距今多近；按 lifetimes 惯例，是客户最后一次购买时的“年龄”（T − recency 是距今的时间）。"}),
    Term("frequency", "购买频率",
         {"en": "How often a customer buys; in the lifetimes convention, the number of periods with a repeat purchase.",
          "zh": "客户购买的频繁程度；按 lifetimes 惯例，是有重复购买的期数。"}),
    Term("monetary value", "购买金额",
         {"en": "What a customer's purchases are worth; here the mean margin of its repeat purchase periods.",
          "zh": "客户购买的价值；本课中是其各个重复购买期的平均毛利。"}),
    Term("customer lifetime value", "客户终身价值",
         {"en": "The profit a customer brings over the whole relationship, discounted; simple form: margin × retention "
                "/ (1 + discount rate − retention).",
          "zh": "客户在整个关系期间带来的利润（折现后）；简单公式：毛利 × 留存率 /（1 + 折现率 − 留存率）。"}),
    Term("BG/NBD model", "BG/NBD 模型",
         {"en": "Fader, Hardie and Lee's (2005) model of repeat purchases: each customer buys at random at its own rate "
                "while alive and may drop out after any purchase.",
          "zh": "Fader、Hardie 和 Lee（2005）提出的重复购买模型：每位客户在活跃期间按自己的频率随机购买，每次购买后都可能流失。"}),
    Term("Gamma-Gamma model", "Gamma-Gamma 模型",
         {"en": "A model of how much a customer spends per purchase, fitted beside BG/NBD to value its future purchases.",
          "zh": "描述客户每次购买金额的模型，与 BG/NBD 一起使用来估算其未来购买的价值。"}),
    Term("p(alive)", "仍活跃概率",
         {"en": "The BG/NBD model's probability that a customer is still active, given its purchase history.",
          "zh": "BG/NBD 模型根据购买历史算出的客户仍然活跃的概率。"}),
    Term("calibration period", "校准期",
         {"en": "The part of the history a model is fitted on.", "zh": "用来拟合模型的那一段历史数据。"}),
    Term("holdout period", "检验期",
         {"en": "The later part of the history kept back to compare the model's forecast with what happened.",
          "zh": "预留出来、用于把模型的预测与实际情况相比较的后一段历史数据。"}),
]


# ---------------------------------------------------------------------------------------------
# The course's estimates the exercises use (not figures of the data).

#: The discount the customer of 06.discount asks for (share of its orders).
ASKED_DISCOUNT = 0.05
#: The chance that this customer leaves if Hengtai refuses (the course's estimate: it may be bluffing).
LEAVE_CHANCE = 0.5
#: What structural ties for one customer cost a year: training for its maintenance staff and a
#: stock-management software link (the course's estimate, CNY).
TIE_COST = 50_000
#: The course's assumption: structural ties halve the yearly chance of losing the customer. Hengtai's data
#: cannot say what building a tie would do (the link in them was planted, datasets/README.md).
TIE_EFFECT = 0.5
#: 06.discount: letter -> the choice.
DISCOUNT_CHOICES = {"A": "discount", "B": "refuse", "C": "ties"}
#: 06.best_offer: letter -> the lever of crmlessons.value.LEVERS it applies at full strength.
OFFERS = {"A": "financial", "B": "social", "C": "structural"}
#: 06.segment_visits: letter -> the RFM segment the visits go to.
VISIT_SEGMENTS = {"A": "champions", "B": "cannot_lose", "C": "new", "D": "hibernating"}
#: 06.trust_forecast: the course's thresholds. The model's total for the holdout year may miss by at most
#: this share to budget with it ...
TOTAL_TOLERANCE = 0.10
#: ... and it works as a warning if at least this share of the customers lost in the holdout year had a
#: probability of being alive below FLAGGED_BELOW at the end of the calibration period.
WARNED_SHARE = 0.5
FLAGGED_BELOW = 0.5
#: 06.trust_forecast: letter -> (budget the total with it, use p(alive) as a warning).
TRUST = {"A": (True, True), "B": (True, False), "C": (False, True), "D": (False, False)}


def _tables(*names):
    from crmlessons import datasets

    return {name: getattr(datasets, f"load_{name}")() for name in names}


def _last_year():
    """The last whole year of the data (the year before the model's forecast)."""
    from crmlessons.datasets.rules import AS_OF

    return int(str(AS_OF)[:4])


def _calibration_end() -> str:
    """The end of the calibration period: the data date one year back (the holdout is the last year)."""
    import pandas as pd

    from crmlessons.datasets.rules import AS_OF

    return f"{pd.Timestamp(AS_OF) - pd.DateOffset(years=1):%Y-%m-%d}"


def _year_orders(orders, year=None):
    year = _last_year() if year is None else year
    return orders[orders["order_date"].dt.year == year]


# --- the customer of 06.best_offer, 06.clv and 06.discount --------------------------------------

def _named(orders, customers, survey) -> str:
    """The customer the lesson follows: the largest by last year's margin among the customers who answered every
    value and cost item, have no structural ties and are still customers."""
    from crmlessons import value
    from crmlessons.datasets.rules import AS_OF, active_on

    items = [spec["column"] for spec in {**value.VALUE_PARTS, **value.COST_PARTS}.values()]
    answered = set(survey.dropna(subset=items)["customer_id"])
    active = customers[active_on(customers, AS_OF) & ~customers["structural_ties"].fillna(False).astype(bool)]
    margin = _year_orders(orders).groupby("customer_id")["margin_cny"].sum()
    margin = margin[margin.index.isin(answered) & margin.index.isin(active["customer_id"])]
    if margin.empty:
        raise ValueError("no customer without structural ties answered every survey item and bought last year")
    return str(margin.sort_values(ascending=False, kind="stable").index[0])


def _scores(survey, customer: str) -> dict:
    """The customer's own scores of the parts of value and cost (its survey answers)."""
    from crmlessons import value

    row = survey[survey["customer_id"] == customer].iloc[0]
    return {part: float(row[spec["column"]]) for part, spec in {**value.VALUE_PARTS, **value.COST_PARTS}.items()}


def _year_figures(orders, customer: str) -> dict:
    year = _year_orders(orders)
    mine = year[year["customer_id"] == customer]
    return {"margin": float(mine["margin_cny"].sum()), "revenue": float(mine["amount_cny"].sum())}


# --- 06.drivers ---------------------------------------------------------------------------------

def _driver_share() -> float:
    from crmlessons import value

    return value.DRIVER_SHARE


def _drivers(survey, by: str = "share") -> list:
    """The answer: the fewest items that together hold value.DRIVER_SHARE of what the eight items explain.

    ``by="mean"`` is the common mistake: the items customers score highest (as many as the drivers);
    ``by="all"``: every item.
    """
    from crmlessons import value

    table = value.value_drivers(survey)
    drivers = value.key_drivers(table)
    n = len(drivers)
    if by == "share":
        return sorted(drivers)
    if by == "all":
        return sorted(table["survey_item"])
    means = survey[table["survey_item"].tolist()].mean().sort_values(ascending=False, kind="stable")
    return sorted(means.index[:n])


# --- 06.best_offer ------------------------------------------------------------------------------

def _offers(orders, customers, survey):
    """The named customer, its scores, and each offer's delivered value against the course's competitor."""
    from crmlessons import value

    customer = _named(orders, customers, survey)
    ours = _scores(survey, customer)
    base = value.offer_comparison(ours).loc["delivered_value"]
    after = {letter: value.offer_comparison(ours, levers={lever: 1.0}).loc["delivered_value"]
             for letter, lever in OFFERS.items()}
    return customer, base, after


def _best_offer(orders, customers, survey) -> str:
    """The offer that leaves Hengtai's delivered value furthest ahead of the competitor's (the customer buys
    from the firm that delivers the most)."""
    _, _, after = _offers(orders, customers, survey)
    return max(OFFERS, key=lambda letter: (round(float(after[letter]["ours"] - after[letter]["competitor"]), 9),
                                           -ord(letter)))


def _offer_facts(orders, customers, survey) -> dict:
    customer, base, after = _offers(orders, customers, survey)
    facts = {"customer": customer, "ours": f"{base['ours']:.2f}", "theirs": f"{base['competitor']:.2f}"}
    for letter, row in after.items():
        key = letter.lower()
        facts.update({f"{key}_ours": f"{row['ours']:.2f}", f"{key}_theirs": f"{row['competitor']:.2f}",
                      f"{key}_lead": f"{row['ours'] - row['competitor']:+.2f}"})
    return facts


# --- 06.top_share -------------------------------------------------------------------------------

def _top_share(orders, top: float = 0.2, year: int | None = "last", column: str = "margin_cny") -> float:
    """The answer (last year's margin share of the top 20 % of that year's customers), or a common mistake."""
    from crmlessons import value

    inside = orders if year is None else _year_orders(orders)
    if column == "amount_cny":
        inside = inside.assign(margin_cny=inside["amount_cny"])
    margins = value.historic_value(inside)["margin_cny"]
    return float(value.concentration(margins, top=(top,))["margin_share"].iloc[0])


# --- 06.segment_visits --------------------------------------------------------------------------

def _segment_risks(orders, customers, spend) -> dict:
    """Per segment of VISIT_SEGMENTS, as the data stood at the end of the calibration period: its customers then
    active, the share of them lost in the year after, their mean margin in that last calibration year, and the
    expected value a visit saves (loss rate x the most worth spending to keep one, value.max_spend)."""
    import pandas as pd

    from crmlessons import retention, value
    from crmlessons.datasets.rules import active_on

    end = pd.Timestamp(_calibration_end())
    segments = value.rfm_segments(value.rfm_summary(orders, end))
    active = customers[active_on(customers, end)].set_index("customer_id")
    lost = active["lost_date"].between(end + pd.Timedelta(days=1), end + pd.DateOffset(years=1))
    margin = _year_orders(orders, end.year).groupby("customer_id")["margin_cny"].sum()
    f = retention.facts(orders, customers, spend)
    out = {}
    for letter, code in VISIT_SEGMENTS.items():
        ids = segments.index[(segments == code).to_numpy()].intersection(active.index)
        if len(ids) == 0:
            out[letter] = {"segment": code, "customers": 0, "loss_rate": 0.0, "margin": 0.0, "keep": 0.0, "saved": 0.0}
            continue
        rate, mean_margin = float(lost.reindex(ids).mean()), float(margin.reindex(ids).fillna(0.0).mean())
        keep = value.max_spend(mean_margin, f["retention_rate"], acquisition_cost=f["acquisition_cost"])["keep"]
        out[letter] = {"segment": code, "customers": len(ids), "loss_rate": rate, "margin": mean_margin,
                       "keep": keep, "saved": rate * keep}
    return out


def _segment_visits(orders, customers, spend) -> str:
    risks = _segment_risks(orders, customers, spend)
    return max(risks, key=lambda letter: (round(risks[letter]["saved"], 6), -ord(letter)))


def _segment_facts(orders, customers, spend) -> dict:
    end = _calibration_end()
    facts = {"cal_end": end, "next": int(end[:4]) + 1}
    for letter, risk in _segment_risks(orders, customers, spend).items():
        key = letter.lower()
        facts.update({f"{key}_n": risk["customers"], f"{key}_loss": f"{risk['loss_rate']:.1%}",
                      f"{key}_margin": round(risk["margin"]), f"{key}_margin_wan": i18n.wan(risk["margin"]),
                      f"{key}_saved": round(risk["saved"]), f"{key}_saved_wan": i18n.wan(risk["saved"])})
    return facts


def _segment_feedback(letter: str, en: str, zh: str) -> dict:
    key = letter.lower()
    return {"en": f"Of its {{{key}_n}} customers active on {{cal_end}}, {{{key}_loss}} were lost in {{next}}; their "
                  f"margin that year averaged CNY {{{key}_margin:,}}. A visit that keeps one saves the most worth "
                  f"spending to keep it, so the value a visit saves is about CNY {{{key}_saved:,}}. {en}",
            "zh": f"{{cal_end}} 仍活跃的 {{{key}_n}} 位客户中，有 {{{key}_loss}} 在 {{next}} 年流失；它们当年的平均毛利为 "
                  f"{{{key}_margin_wan}} 万元。一次拜访若留住一位客户，就省下了留住它最多值得花的钱，因此每次拜访预期保住约 "
                  f"{{{key}_saved_wan}} 万元。{zh}"}


# --- 06.clv and 06.discount ---------------------------------------------------------------------

def _retention(customers) -> float:
    from crmlessons import retention

    return retention.retention_rate(customers)


def _clv(orders, customers, survey, discount_rate=None, part="future") -> float:
    """The answer (the named customer's simple CLV from next year on), or a common mistake."""
    from crmlessons import retention, value

    rate = retention.DISCOUNT_RATE if discount_rate is None else discount_rate
    year = _year_figures(orders, _named(orders, customers, survey))
    margin = year["revenue"] if part == "revenue" else year["margin"]
    clv = value.simple_clv(margin, _retention(customers), rate)
    return clv + margin if part == "with_this_year" else clv


def _clv_facts(orders, customers, survey) -> dict:
    customer = _named(orders, customers, survey)
    year = _year_figures(orders, customer)
    return {"customer": customer, "year": _last_year(), "next": _last_year() + 1, "margin": round(year["margin"]),
            "margin_wan": i18n.wan(year["margin"]), "retention": f"{_retention(customers):.1%}"}


def _discount_values(orders, customers, survey) -> dict:
    """What each choice of 06.discount leaves Hengtai: the customer's expected CLV after it, net of its cost."""
    from crmlessons import value

    year = _year_figures(orders, _named(orders, customers, survey))
    keep = _retention(customers)
    tied = 1 - (1 - keep) * TIE_EFFECT
    margin, given = year["margin"], ASKED_DISCOUNT * year["revenue"]
    return {"discount": value.simple_clv(margin - given, keep), "refuse": (1 - LEAVE_CHANCE) * value.simple_clv(margin, keep),
            "ties": value.simple_clv(margin - TIE_COST, tied), "clv": value.simple_clv(margin, keep),
            "given": given, "retention": keep, "tied": tied}


def _discount(orders, customers, survey) -> str:
    values = _discount_values(orders, customers, survey)
    return max(DISCOUNT_CHOICES, key=lambda letter: (round(values[DISCOUNT_CHOICES[letter]], 6), -ord(letter)))


def _discount_facts(orders, customers, survey) -> dict:
    values = _discount_values(orders, customers, survey)
    facts = {**_clv_facts(orders, customers, survey), "asked": f"{ASKED_DISCOUNT:.0%}",
             "leave": f"{LEAVE_CHANCE:.0%}", "tie_cost": TIE_COST, "tie_cost_wan": i18n.wan(TIE_COST),
             "tied": f"{values['tied']:.1%}", "given": round(values["given"]), "given_wan": i18n.wan(values["given"])}
    for name in ("discount", "refuse", "ties", "clv"):
        facts.update({name: round(values[name]), f"{name}_wan": i18n.wan(values[name])})
    return facts


# --- 06.trust_forecast --------------------------------------------------------------------------

def _forecast_check(orders, customers) -> dict:
    """The BG/NBD model fitted on the calibration period, tested on the holdout year: the total's error and
    the share of the customers lost in the holdout year that it flagged (p(alive) below FLAGGED_BELOW)."""
    import pandas as pd

    from crmlessons import clv, value

    end = pd.Timestamp(_calibration_end())
    cal = value.calibration_holdout(orders, end)
    comparison = clv.holdout_comparison(clv.fit_bgnbd(value.calibration_summary(cal)), cal)
    totals = clv.holdout_totals(comparison)
    lost_dates = customers.set_index("customer_id")["lost_date"].reindex(comparison.index)
    lost = lost_dates.between(end + pd.Timedelta(days=1), end + pd.DateOffset(years=1)).to_numpy()
    alive = comparison["p_alive"].to_numpy()
    warned = float((alive[lost] < FLAGGED_BELOW).mean()) if lost.any() else 0.0
    return {"error": (totals.predicted_total - totals.actual_total) / totals.actual_total,
            "predicted": totals.predicted_total, "actual": totals.actual_total, "correlation": totals.correlation,
            "lost": int(lost.sum()), "warned": warned, "lost_alive": float(alive[lost].mean()) if lost.any() else 1.0}


def _trust(orders, customers) -> str:
    check = _forecast_check(orders, customers)
    verdict = (abs(check["error"]) <= TOTAL_TOLERANCE, check["warned"] >= WARNED_SHARE)
    return next(letter for letter, uses in TRUST.items() if uses == verdict)


def _trust_facts(orders, customers) -> dict:
    check = _forecast_check(orders, customers)
    end = _calibration_end()
    return {"cal_end": end, "next": int(end[:4]) + 1, "predicted": f"{check['predicted']:,.0f}",
            "actual": f"{check['actual']:,.0f}", "error": f"{check['error']:+.1%}",
            "tolerance": f"{TOTAL_TOLERANCE:.0%}", "lost": check["lost"], "warned": f"{check['warned']:.0%}",
            "lost_alive": f"{check['lost_alive']:.2f}", "flag": f"{FLAGGED_BELOW:.1f}",
            "warned_share": f"{WARNED_SHARE:.0%}", "correlation": f"{check['correlation']:.2f}"}


def _offer_feedback(letter: str, en: str, zh: str) -> dict:
    key = letter.lower()
    return {"en": f"{en} Delivered value: Hengtai {{{key}_ours}}, the competitor {{{key}_theirs}} (lead {{{key}_lead}}).",
            "zh": f"{zh}客户让渡价值：恒泰 {{{key}_ours}}，竞争对手 {{{key}_theirs}}（领先 {{{key}_lead}}）。"}


EXERCISES = [
    Exercise(
        name="06.drivers",
        question={"en": "The E-CRM article says that in a business only two or three factors decide customer value. Find "
                        "Hengtai's: which are the fewest survey items that together hold at least {share} of what the "
                        "eight items explain of perceived value? Give their column names as a list, e.g. "
                        "`[\"value_image\", \"cost_time\"]`.",
                  "zh": "网络时代客户关系管理论文指出，在一家企业里，决定客户价值的重要因素只有两三个。请找出恒泰的这几个因素："
                        "哪几个调查题项合起来至少占八个题项对感知价值解释力的 {share}，而且题项最少？用列表给出它们的列名，例如 "
                        "`[\"value_image\", \"cost_time\"]`。"},
        data=lambda: _tables("survey"),
        answer=_drivers,
        facts=lambda survey: {"share": f"{_driver_share():.0%}"},
        hint={"en": "`value.value_drivers(survey)` sorts the items by `share`, their part of what the eight explain "
                    "together; take items from the top until `cumulative_share` reaches the share asked for. A high "
                    "average score does not make an item a driver.",
              "zh": "`value.value_drivers(survey)` 按 `share`（各题项在八个题项合计解释力中所占的份额）排序；从上往下取题项，"
                    "直到 `cumulative_share` 达到题目要求的比例。平均分高并不等于是驱动因素。"},
        mistakes=[
            Mistake(lambda survey: _drivers(survey, "mean"),
                    {"en": "You picked the items customers score highest. A driver is an item whose score moves with "
                           "perceived value, the others held equal: use the share column of value.value_drivers.",
                     "zh": "你选的是客户打分最高的题项。驱动因素是指在其他题项不变时，得分随感知价值一起变化的题项："
                           "请使用 value.value_drivers 的 share 列。"}),
            Mistake(lambda survey: _drivers(survey, "all"),
                    {"en": "All eight explain all that the eight explain: the question asks for the fewest items that "
                           "hold most of it.",
                     "zh": "八个题项合起来当然解释了全部：题目要的是占大部分解释力的最少几个题项。"}),
        ],
        solution={"en": "`drivers = value.value_drivers(survey)`, then the items down to the first row whose "
                        "`cumulative_share` reaches the share asked for: `drivers[\"survey_item\"].iloc[:3].tolist()`, product "
                        "value, service value and the money cost (price). Together they hold almost all that the eight "
                        "explain; personnel, image, time, energy and psychological cost add almost nothing. Hengtai's "
                        "survey was built this way (the datasheet says so): on a real firm's survey the drivers are "
                        "whatever its answers show, and they may be other items.",
                  "zh": "`drivers = value.value_drivers(survey)`，然后从上往下取到 `cumulative_share` 第一次达到题目要求比例的那一行："
                        "`drivers[\"survey_item\"].iloc[:3].tolist()`，即产品价值、服务价值和货币成本（价格）。这三项几乎占了八个题项的全部解释力；"
                        "人员价值、形象价值以及时间、精力和心理成本几乎没有增加什么。恒泰的调查数据就是这样构造的（数据说明中写明了）："
                        "在真实企业的调查中，驱动因素要看它自己的答卷，可能是别的题项。"},
    ),
    Decision(
        name="06.best_offer",
        question={"en": "Customer {customer}, one of Hengtai's largest, rated in the survey what it gets from Hengtai and what "
                        "it costs: delivered value {ours}. A low-price competitor (the course's scenario: a money cost "
                        "{gap} lower, a little less service, personnel and image value) would give it {theirs}. The "
                        "customer buys from the firm that delivers the most (E-CRM article). Hengtai can make one of "
                        "three offers this year. Which should it make?",
                  "zh": "客户 {customer} 是恒泰最大的客户之一，它在调查中为从恒泰得到的价值和付出的成本打了分：客户让渡价值为 {ours}。"
                        "一家低价竞争对手（本课程设定的情景：货币成本低 {gap}，服务、人员和形象价值略低）能给它的是 {theirs}。"
                        "客户会向让渡价值最高的企业购买（网络时代客户关系管理论文）。恒泰今年可以向它提出三种方案中的一种。应该选哪一种？"},
        data=lambda: _tables("orders", "customers", "survey"),
        answer=_best_offer,
        facts=lambda orders, customers, survey: {**_offer_facts(orders, customers, survey), "gap": _price_gap()},
        options={
            "A": {"en": "Financial benefits: a loyalty discount and gifts.", "zh": "财务利益：老客户折扣和赠品。"},
            "B": {"en": "Social benefits: regular visits, customer events, a personal contact for its people.",
                  "zh": "社交利益：定期拜访、客户联谊活动，并为其人员安排专人联系。"},
            "C": {"en": "Structural ties: training for its maintenance staff and a stock-management software link.",
                  "zh": "结构性联系：为其维修人员提供培训，并接入库存管理软件。"},
        },
        feedback={
            "A": _offer_feedback("A", "A discount lowers the money cost, but it is easy to copy (E-CRM article): the "
                                      "competitor matches it, and the comparison is where it was.",
                                 "折扣降低了货币成本，但很容易被模仿（网络时代客户关系管理论文）：竞争对手跟着降价，比较的结果和原来一样。"),
            "B": _offer_feedback("B", "Visits and events raise personnel value and ease the psychological cost, and "
                                      "they are not copied at once; but they move those parts only a little.",
                                 "拜访和联谊活动提高了人员价值、减轻了心理成本，而且不会马上被模仿；但它们对这些部分的改变很小。"),
            "C": _offer_feedback("C", "Training and a software link raise product and service value and cut the time "
                                      "and energy the customer spends; they are not copied overnight and build a "
                                      "switching barrier.",
                                 "培训和软件对接提高了产品价值和服务价值，减少了客户花费的时间和精力；它们不会一夜之间被模仿，还能形成转换壁垒。"),
        },
        hint={"en": "For each offer, `value.offer_comparison(ours, levers={lever: 1.0})` gives both firms' delivered value "
                    "(`ours`: the customer's own scores); compare Hengtai's lead, ours minus competitor, in the "
                    "delivered_value row.",
              "zh": "对每种方案，`value.offer_comparison(ours, levers={lever: 1.0})` 给出双方的客户让渡价值（`ours` 是该客户自己的评分）；"
                    "比较 delivered_value 一行中恒泰的领先幅度（ours 减 competitor）。"},
        solution={"en": "`value.lever_gains(ours)` tries the three at once (`ours`: the customer's survey scores, one per "
                        "part). Choose the offer that leaves Hengtai furthest ahead after the competitor has answered: a "
                        "discount the competitor copies changes nothing in the comparison, however much it costs.",
                  "zh": "`value.lever_gains(ours)` 一次试算三种方案（`ours` 是该客户在调查中对各部分的评分）。选择在竞争对手作出反应之后"
                        "仍让恒泰领先最多的方案：竞争对手能模仿的折扣，不管花多少钱，都改变不了比较的结果。"},
    ),
    Exercise(
        name="06.top_share",
        question={"en": "The table above measures concentration over the whole order history. Is value as concentrated "
                        "within one year? What share of {year}'s margin came from the top {top} of the customers who "
                        "bought in {year}? Give a share between 0 and 1.",
                  "zh": "上表衡量的是整个订单历史的集中程度。一年之内，价值也这样集中吗？在 {year} 年下过订单的客户中，"
                        "排在前 {top} 的客户贡献了 {year} 年毛利的多大比例？请给出 0 到 1 之间的比例。"},
        data=lambda: _tables("orders"),
        answer=_top_share,
        facts=lambda orders: {"year": _last_year(), "top": "20%"},
        hint={"en": "Keep last year's orders only (`orders[orders[\"order_date\"].dt.year == 2025]`), then "
                    "`value.historic_value(...)` and `value.concentration(...)` on its margin_cny column.",
              "zh": "只保留最近一年的订单（`orders[orders[\"order_date\"].dt.year == 2025]`），再对其 margin_cny 列使用 "
                    "`value.historic_value(...)` 和 `value.concentration(...)`。"},
        mistakes=[
            Mistake(lambda orders: _top_share(orders, year=None),
                    {"en": "That is the whole order history (the table above): keep one year's orders only.",
                     "zh": "这是整个订单历史（上表）：只保留一年的订单。"}),
            Mistake(lambda orders: _top_share(orders, top=0.1),
                    {"en": "That is the share of the top 10%; the question asks for the top 20%.",
                     "zh": "这是前 10% 客户的占比；题目问的是前 20%。"}),
            Mistake(lambda orders: _top_share(orders, column="amount_cny"),
                    {"en": "That is the share of revenue; the question asks for margin (margin_cny).",
                     "zh": "这是收入的占比；题目问的是毛利（margin_cny）。"}),
        ],
        solution={"en": "`last = orders[orders[\"order_date\"].dt.year == 2025]`, then "
                        "`value.concentration(value.historic_value(last)[\"margin_cny\"])`: about 0.66 in the row of the top "
                        "20%, a little below the whole history's. The concentration is not an effect of long histories: "
                        "within one year, too, a fifth of the customers bring about two thirds of the margin.",
                  "zh": "`last = orders[orders[\"order_date\"].dt.year == 2025]`，然后 "
                        "`value.concentration(value.historic_value(last)[\"margin_cny\"])`：前 20% 那一行约为 0.66，略低于整个订单历史的比例。"
                        "集中并不是历史长短造成的：即使在一年之内，五分之一的客户也带来了约三分之二的毛利。"},
    ),
    Decision(
        name="06.segment_visits",
        question={"en": "Hengtai's account managers can make only a limited number of extra visits this quarter, and a "
                        "visit to a customer who would otherwise leave keeps it (the course's simplification). Before "
                        "you trust RFM, test it on history: segment the customers as the data stood on {cal_end} and "
                        "count who was lost in {next}. Which segment should the visits go to?",
                  "zh": "恒泰的客户经理本季度只能额外拜访有限的几位客户；拜访一位本来会离开的客户，就能把它留住（本课程的简化假设）。"
                        "在相信 RFM 之前，先用历史数据检验：按 {cal_end} 的数据给客户分群，统计其中哪些客户在 {next} 年流失。"
                        "拜访应该安排给哪一群客户？"},
        data=lambda: _tables("orders", "customers", "spend"),
        answer=_segment_visits,
        facts=_segment_facts,
        options={
            "A": {"en": "Champions: bought recently and often.", "zh": "冠军客户：最近买过，而且买得勤。"},
            "B": {"en": "Cannot lose them: bought much and often, but not recently.",
                  "zh": "不能失去的客户：曾经买得多、买得勤，但最近没有购买。"},
            "C": {"en": "New and occasional: bought recently, but rarely.", "zh": "新客户和偶尔购买的客户：最近买过，但很少购买。"},
            "D": {"en": "Hibernating: bought neither recently nor often.", "zh": "沉睡客户：最近没有购买，也不常购买。"},
        },
        feedback={
            "A": _segment_feedback("A", "Champions bought recently and often; a visit pays only as far as some of them "
                                        "would otherwise leave.",
                                   "冠军客户最近买过，而且买得勤；只有当其中确实有人本来会离开时，拜访才有回报。"),
            "B": _segment_feedback("B", "Customers who bought much and often have gone quiet: the segment where value and "
                                        "risk can meet.", "曾经买得多、买得勤的客户沉寂了下来：这是价值和风险可能兼具的一群。"),
            "C": _segment_feedback("C", "New customers are still deciding whether to stay, and a young account's margin "
                                        "so far says little about what it will bring.",
                                   "新客户还在决定是否留下，新开客户到目前为止的毛利，也说明不了它以后会带来多少。"),
            "D": _segment_feedback("D", "Hibernating customers bought neither recently nor often; the segment's action is "
                                        "to keep in touch cheaply and to spend on winning back only those worth it.",
                                   "沉睡客户最近没有购买，也不常购买；这一群的行动建议是低成本保持联系，只对值得的客户投入挽回费用。"),
        },
        hint={"en": "For each segment: the share of its customers lost in the next year times what keeping one is worth "
                    "(`value.max_spend(margin, retention_rate, acquisition_cost=...)[\"keep\"]`, with the segment's mean "
                    "margin in the last year before). Visit where that is largest.",
              "zh": "对每一群客户：下一年流失的比例 × 留住一位客户的价值（`value.max_spend(margin, retention_rate, "
                    "acquisition_cost=...)[\"keep\"]`，margin 用该群客户前一年的平均毛利）。拜访乘积最大的那一群。"},
        solution={"en": "`segments = value.rfm_segments(value.rfm_summary(orders, \"2024-12-31\"))`; for the customers of "
                        "each segment still active then, the share lost in 2025 times "
                        "`value.max_spend(m, f[\"retention_rate\"], acquisition_cost=f[\"acquisition_cost\"])[\"keep\"]`, "
                        "with `m` their mean 2024 margin and `f = retention.facts(orders, customers, spend)`. Visits pay "
                        "most where value and risk meet. The Customer-service courseware says it in words: serve the "
                        "important key accounts first, without neglecting the service of small and medium customers.",
                  "zh": "`segments = value.rfm_segments(value.rfm_summary(orders, \"2024-12-31\"))`；对每一群中当时仍活跃的客户，"
                        "用 2025 年的流失比例乘以 "
                        "`value.max_spend(m, f[\"retention_rate\"], acquisition_cost=f[\"acquisition_cost\"])[\"keep\"]`，"
                        "其中 `m` 是它们 2024 年的平均毛利，`f = retention.facts(orders, customers, spend)`。价值和风险兼具的地方，"
                        "拜访的回报最高。《网络客户服务实务》课件用文字表达了同样的意思：既要确保重要大客户的优先服务，也要照顾到中小客户的服务质量。"},
    ),
    Exercise(
        name="06.clv",
        question={"en": "Customer {customer} brought Hengtai CNY {margin:,} of margin in {year}. Suppose it keeps bringing "
                        "that margin each year and, like Hengtai's customers on average, stays each year with "
                        "probability {retention}. What is its lifetime value from {next} on (the simple CLV, discounted "
                        "at the course's rate), in CNY?",
                  "zh": "客户 {customer} 在 {year} 年为恒泰带来 {margin_wan} 万元毛利。假设它以后每年都带来同样的毛利，并且像恒泰客户的平均水平那样，"
                        "每年留下来的概率为 {retention}。它从 {next} 年起的客户终身价值（简单公式，按本课程的折现率折现）是多少元？"},
        data=lambda: _tables("orders", "customers", "survey"),
        answer=_clv,
        facts=_clv_facts,
        hint={"en": "`value.simple_clv(margin, retention)` discounts at the course's rate by default; Hengtai's retention "
                    "rate is `retention.retention_rate(customers)`.",
              "zh": "`value.simple_clv(margin, retention)` 默认按本课程的折现率折现；恒泰的留存率是 `retention.retention_rate(customers)`。"},
        mistakes=[
            Mistake(lambda orders, customers, survey: _clv(orders, customers, survey, discount_rate=0.0),
                    {"en": "You did not discount: margin in ten years is worth less than margin today. Keep the default "
                           "discount rate of value.simple_clv.",
                     "zh": "你没有折现：十年后的毛利不如今天的毛利值钱。请保留 value.simple_clv 的默认折现率。"}),
            Mistake(lambda orders, customers, survey: _clv(orders, customers, survey, part="with_this_year"),
                    {"en": "You counted this year's margin too: it is already earned. The CLV asked for starts next year.",
                     "zh": "你把今年的毛利也算进去了：这部分已经赚到了。题目要的客户终身价值从明年算起。"}),
            Mistake(lambda orders, customers, survey: _clv(orders, customers, survey, part="revenue"),
                    {"en": "That is built on revenue: what the customer is worth to the firm is the margin it brings.",
                     "zh": "这是按收入算的：客户对企业的价值是它带来的毛利。"}),
        ],
        solution={"en": "`value.simple_clv(margin, retention.retention_rate(customers))` with `margin` the customer's "
                        "margin in 2025, that is `margin × r / (1 + d − r)` with the course's discount rate `d`: about 5.0 "
                        "million CNY, some 6.6 years of its margin. Undiscounted it would be about three times as much.",
                  "zh": "`value.simple_clv(margin, retention.retention_rate(customers))`，其中 `margin` 是该客户 2025 年的毛利，"
                        "即 `margin × r / (1 + d − r)`，`d` 为本课程的折现率：约 502 万元，约相当于它 6.6 年的毛利。"
                        "不折现的话，约为折现后的三倍。"},
    ),
    Decision(
        name="06.discount",
        question={"en": "Customer {customer} (CNY {margin:,} of margin in {year}; lifetime value about CNY {clv:,} at "
                        "Hengtai's retention rate of {retention}) says a competitor has offered it {asked} off, and it "
                        "wants the same from Hengtai from {next} on, or it will move. That would give away about CNY "
                        "{given:,} a year. If Hengtai refuses, the course estimates a {leave} chance that it leaves (it "
                        "may be bluffing). Or Hengtai could offer structural ties instead: training for its maintenance "
                        "staff and a stock-management software link, for CNY {tie_cost:,} a year. Assume (the course's "
                        "assumption: Hengtai's data cannot say) that the customer accepts them instead of the discount "
                        "and that they halve the yearly chance of losing it, to a retention of {tied}. What should "
                        "Hengtai do?",
                  "zh": "客户 {customer}（{year} 年毛利 {margin_wan} 万元；按恒泰 {retention} 的留存率，客户终身价值约 {clv_wan} 万元）"
                        "说一家竞争对手给了它 {asked} 的折扣，要求恒泰从 {next} 年起也给同样的折扣，否则就转向对手。这样每年要让出约 "
                        "{given_wan} 万元。如果恒泰拒绝，本课程估计它有 {leave} 的可能真的离开（它也可能只是在讨价还价）。恒泰也可以改为提出"
                        "结构性联系：为其维修人员提供培训并接入库存管理软件，每年花费 {tie_cost_wan} 万元。假设（本课程的假设：恒泰的数据"
                        "无法说明这一点）客户接受这些联系来代替折扣，并且它们使每年失去该客户的可能性减半，即留存率达到 {tied}。"
                        "恒泰应该怎么做？"},
        data=lambda: _tables("orders", "customers", "survey"),
        answer=_discount,
        facts=_discount_facts,
        options={
            "A": {"en": "Give the {asked} discount.", "zh": "给予 {asked} 的折扣。"},
            "B": {"en": "Refuse, and keep the price.", "zh": "拒绝，维持原价。"},
            "C": {"en": "Offer the structural ties instead of a discount.", "zh": "以结构性联系代替折扣。"},
        },
        feedback={
            "A": {"en": "With the discount the customer's margin falls by CNY {given:,} a year and its CLV to about CNY "
                        "{discount:,}; and a discount is easy for the competitor to answer with a bigger one (E-CRM "
                        "article).",
                  "zh": "给了折扣，该客户每年的毛利减少 {given_wan} 万元，客户终身价值降到约 {discount_wan} 万元；而且折扣很容易被"
                        "竞争对手用更大的折扣回应（网络时代客户关系管理论文）。"},
            "B": {"en": "Refusing keeps the margin but risks the relationship: with a {leave} chance of losing the customer, "
                        "its expected CLV is about CNY {refuse:,}.",
                  "zh": "拒绝保住了毛利，却让关系面临风险：失去该客户的可能性为 {leave}，预期客户终身价值约为 {refuse_wan} 万元。"},
            "C": {"en": "The ties cost CNY {tie_cost:,} a year but keep the customer longer: its CLV becomes about CNY "
                        "{ties:,}. They move the customer's attention from the price alone to the total cost of the deal "
                        "(its time and energy), as the E-CRM article advises, and a competitor cannot copy them overnight.",
                  "zh": "这些联系每年花费 {tie_cost_wan} 万元，但能让客户留得更久：客户终身价值变为约 {ties_wan} 万元。它们把客户的注意力"
                        "从单纯的价格引向交易的总成本（它花费的时间和精力），这正是网络时代客户关系管理论文的建议，而且竞争对手无法一夜之间模仿。"},
        },
        hint={"en": "Value each choice with `value.simple_clv`: the discount on the margin minus the discount; refusing on "
                    "the full margin times the chance that the customer stays; the ties on the margin minus their cost, "
                    "at the higher retention.",
              "zh": "用 `value.simple_clv` 为每种选择估值：折扣方案用毛利减去折扣；拒绝方案用全部毛利乘以客户留下的可能性；"
                    "结构性联系方案用毛利减去其成本，并采用更高的留存率。"},
        solution={"en": "With `m` its margin and `R` its revenue in the last year, and `r = retention.retention_rate(customers)`: "
                        "discount `value.simple_clv(m - 0.05 * R, r)`, refuse `0.5 * value.simple_clv(m, r)`, ties "
                        "`value.simple_clv(m - 50_000, 1 - (1 - r) / 2)`. Take the largest. The ties' fixed cost pays for a "
                        "large customer; for a small one a discount, or a polite no, can be worth more: the answer depends "
                        "on what the customer is worth.",
                  "zh": "设 `m` 为该客户最近一年的毛利，`R` 为其收入，`r = retention.retention_rate(customers)`："
                        "折扣 `value.simple_clv(m - 0.05 * R, r)`，拒绝 `0.5 * value.simple_clv(m, r)`，结构性联系 "
                        "`value.simple_clv(m - 50_000, 1 - (1 - r) / 2)`。取最大者。结构性联系的固定成本对大客户是划算的；"
                        "对小客户，给折扣甚至礼貌地拒绝可能更值：答案取决于客户值多少钱。"},
    ),
    Decision(
        name="06.trust_forecast",
        question={"en": "The BG/NBD model above was fitted on the orders up to {cal_end} and forecast {next}. The finance "
                        "director wants to budget next year's orders with it; the sales director wants its p(alive) to "
                        "find the customers about to leave. The course's tests, on the holdout year: for the budget, a "
                        "total within {tolerance} of the purchase weeks that came; for a warning, p(alive) below {flag} for "
                        "at least {warned_share} of the customers lost in {next}. What should Hengtai use the model for?",
                  "zh": "上面的 BG/NBD 模型用截至 {cal_end} 的订单拟合，并预测了 {next} 年。财务总监想用它来做明年订单的预算；"
                        "销售总监想用它的仍活跃概率找出即将离开的客户。本课程在检验期上的检验标准：用于预算，预测总数与实际购买周数的差距"
                        "不超过 {tolerance}；用于预警，在 {next} 年流失的客户中，至少 {warned_share} 的仍活跃概率低于 {flag}。"
                        "恒泰应该把这个模型用在哪里？"},
        data=lambda: _tables("orders", "customers"),
        answer=_trust,
        facts=_trust_facts,
        options={
            "A": {"en": "Both: the budget and the warning list.", "zh": "两者都用：做预算，也做预警名单。"},
            "B": {"en": "The budget, not the warning list.", "zh": "用于预算，不用于预警名单。"},
            "C": {"en": "The warning list, not the budget.", "zh": "用于预警名单，不用于预算。"},
            "D": {"en": "Neither.", "zh": "两者都不用。"},
        },
        feedback={
            "A": {"en": "Both tests must pass: the total missed by {error} ({predicted} purchase weeks predicted, {actual} "
                        "came), and the model flagged {warned} of the {lost} customers lost in {next} (their mean "
                        "p(alive) was {lost_alive}).",
                  "zh": "两项检验都必须通过：预测总数偏差 {error}（预测 {predicted} 个购买周，实际 {actual} 个）；在 {next} 年流失的 "
                        "{lost} 位客户中，模型预警了 {warned}（它们的平均仍活跃概率为 {lost_alive}）。"},
            "B": {"en": "The budget test asks for a total within {tolerance}: it missed by {error} ({predicted} purchase weeks "
                        "predicted, {actual} came). A warning must flag the customers about to leave: of the {lost} lost "
                        "in {next} it flagged {warned} (mean p(alive) {lost_alive}). The model has no decline before a "
                        "loss; lesson 05's early warning does that job.",
                  "zh": "预算检验要求总数偏差不超过 {tolerance}：实际偏差 {error}（预测 {predicted} 个购买周，实际 {actual} 个）。"
                        "预警必须标出即将离开的客户：在 {next} 年流失的 {lost} 位客户中，模型预警了 {warned}（平均仍活跃概率 {lost_alive}）。"
                        "模型中没有流失前的订单下降；这件事要靠第 05 课的预警规则。"},
            "C": {"en": "A warning list is worth using if it flags most customers about to leave: it flagged {warned} of the "
                        "{lost} lost in {next}; and the total missed by {error}.",
                  "zh": "只有能标出大多数即将离开的客户，预警名单才值得使用：在 {next} 年流失的 {lost} 位客户中，它预警了 {warned}；"
                        "而预测总数偏差为 {error}。"},
            "D": {"en": "Leaving the model aside is right only if it fails both tests: the total missed by {error}, and it "
                        "flagged {warned} of the customers lost in {next}.",
                  "zh": "只有两项检验都不通过时，才应该弃用模型：预测总数偏差 {error}，在 {next} 年流失的客户中它预警了 {warned}。"},
        },
        hint={"en": "`totals = clv.holdout_totals(comparison)` has the predicted and actual totals. For the warning, take "
                    "the customers whose lost_date falls in the holdout year and look at their p_alive in `comparison`.",
              "zh": "`totals = clv.holdout_totals(comparison)` 中有预测总数和实际总数。预警方面，找出 lost_date 落在检验期那一年的客户，"
                    "查看它们在 `comparison` 中的 p_alive。"},
        solution={"en": "Compare `totals.predicted_total` with `totals.actual_total`, then look up the customers lost in the "
                        "holdout year: `lost = customers.set_index(\"customer_id\")[\"lost_date\"].dt.year == 2025` and "
                        "`(comparison[\"p_alive\"][lost.reindex(comparison.index, fill_value=False)] < 0.5).mean()`. At "
                        "Hengtai the model gets the total about right, but it gives the customers about to leave a p(alive) "
                        "near 1: in B2B the orders fall for months before a loss, and the model notices only silence. Use "
                        "it for the budget, and lesson 05's decline rule to find whom to visit.",
                  "zh": "比较 `totals.predicted_total` 和 `totals.actual_total`，再找出检验期那一年流失的客户："
                        "`lost = customers.set_index(\"customer_id\")[\"lost_date\"].dt.year == 2025`，然后计算 "
                        "`(comparison[\"p_alive\"][lost.reindex(comparison.index, fill_value=False)] < 0.5).mean()`。"
                        "在恒泰，模型对总数预测得大致不错，却给即将离开的客户接近 1 的仍活跃概率：在 B2B 中，客户流失前订单会连续几个月下降，"
                        "而模型只能察觉完全不下单。用它来做预算，用第 05 课的下降规则来决定拜访谁。"},
    ),
]


def _price_gap() -> str:
    from crmlessons import value

    return f"{-value.COMPETITOR_DIFFERENCE['price']:.1f}"
