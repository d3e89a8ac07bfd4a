"""Lesson 07: loyalty is not satisfaction: the three faces of loyalty, the satisfaction x loyalty matrix, needs in
three classes (the Kano model) and what builds loyalty (syllabus H).

The exercises test the Loyalty article's "satisfaction is not loyalty" and the Relationship-marketing essay's
"six times" on the survey of January 2025; the decisions put a limited service budget on one group of the
satisfaction x loyalty matrix (Jones & Sasser 1995, in the literature) and choose a service to invest in from the
Kano answers (Kano et al. 1984, in the literature). Every answer is computed from the data through
:mod:`crmlessons.loyalty`, so it follows a group's data variant.

Examples
--------
>>> LESSON.teaching_minutes + LESSON.exercise_minutes <= 90
True
>>> from crmlessons.practice import get_exercise
>>> get_exercise("07.service_budget").expected() in "ABCD"
True
"""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

LESSON = Lesson(
    id="07",
    notebook="07_loyalty.ipynb",
    title={"en": "Loyalty is not satisfaction: the three faces of loyalty and how to build it",
           "zh": "忠诚不等于满意：客户忠诚的三种表现及其培养"},
    objectives=[
        {"en": "Show on a firm's survey that satisfied customers are not all loyal, and say why loyalty still needs "
               "satisfaction (Loyalty article).",
         "zh": "用企业的调查数据说明满意的客户并不都忠诚，并说明为什么忠诚仍以满意为前提（客户忠诚文章）。"},
        {"en": "Measure the three faces of loyalty (emotional, behavioural and intentional) and how far they agree.",
         "zh": "测量客户忠诚的三种表现（情感忠诚、行为忠诚和意识忠诚），以及它们的一致程度。"},
        {"en": "Compare what loyal customers do with what the others do: orders, margin, price sensitivity, "
               "forgiveness and recommendations.",
         "zh": "比较忠诚客户与其他客户的行为：订单、毛利、价格敏感度、对失误的宽容和推荐。"},
        {"en": "Sort customers on the satisfaction x loyalty matrix (Jones & Sasser) and decide where a limited service "
               "budget goes.",
         "zh": "用满意度 × 忠诚度矩阵（Jones 与 Sasser）给客户分群，并决定有限的服务预算投向哪里。"},
        {"en": "Classify needs as basic, expected and exciting with the Kano questionnaire, and choose what to invest in.",
         "zh": "用卡诺（Kano）问卷把需求分为基本需求、期望需求和兴奋型需求，并决定投资方向。"},
        {"en": "Test the claims quoted for satisfaction and for loyal employees honestly, on data built to agree with "
               "them, and say what would make them fail.",
         "zh": "在按这些说法构造的数据上，如实检验关于满意度和忠诚员工的说法，并说明什么样的结果会推翻它们。"},
    ],
    teaching_minutes=50,
    exercise_minutes=40,
    key_points=[
        {"en": "Satisfaction is not loyalty, but loyalty needs satisfaction (Loyalty article). In Hengtai's survey many "
               "satisfied customers are not loyal; the data were built so, and what carries over is the test.",
         "zh": "满意不等于忠诚，但忠诚必须以满意为前提（客户忠诚文章）。在恒泰的调查中，不少满意的客户并不忠诚；"
               "数据就是这样构造的，能带走的是检验的方法。"},
        {"en": "Loyalty shows in three ways (Loyalty article): emotional loyalty (identifying with the firm's ideas, "
               "conduct and image), behavioural loyalty (buying again) and intentional loyalty, 意识忠诚 (the intention "
               "to buy in future). Measure all three: they agree only in part.",
         "zh": "客户忠诚通过三个方面表现出来（客户忠诚文章）：情感忠诚（高度认同企业的理念、行为和视觉形象）、行为忠诚（重复购买）"
               "和意识忠诚（未来的消费意向）。三者都要测量：它们只是部分一致。"},
        {"en": "Loyal customers buy more and more often, are less sensitive to price, bear a mistake and recommend the "
               "firm; serve them with a priority channel, early news and close attention to their complaints. The "
               "potential customers, a large group, are not loyal yet (Loyalty article).",
         "zh": "忠诚客户购买金额高、频率高，对价格不太敏感，对问题的承受力强，还会推荐企业；要为他们提供绿色通道、优先知情权，"
               "并高度重视他们的抱怨。潜在客户占很大比例，他们还没有成为忠诚客户（客户忠诚文章）。"},
        {"en": "The satisfaction x loyalty matrix is the literature's (Jones & Sasser 1995): loyalists, mercenaries "
               "(satisfied, not loyal), hostages (loyal, not satisfied) and defectors, each with its own action. Put a "
               "limited budget where the chance of a loss times what it costs is largest.",
         "zh": "满意度 × 忠诚度矩阵来自文献（Jones 与 Sasser，1995）：忠诚者、唯利是图者（满意但不忠诚）、人质型客户（忠诚但不满意）"
               "和叛离者，每一群都有自己的行动。有限的预算应投向“流失可能性 × 流失代价”最大的地方。"},
        {"en": "Meet all basic and expected needs and strive for the exciting ones (Loyalty article). The Kano model "
               "(Kano et al. 1984, in the literature) classifies a feature from two questions: must-be, one-dimensional "
               "(expected), attractive or indifferent; the course maps basic, expected and exciting to the first three.",
         "zh": "尽力满足客户 100% 的基本需求和期望需求，并努力达成兴奋型需求（客户忠诚文章）。卡诺模型（Kano 等，1984，文献中的模型）"
               "用两个问题给一项功能分类：必备型、期望型、魅力型或无差异型；本课程把基本、期望和兴奋型需求对应到前三类。"},
        {"en": "Building loyalty (Loyalty article): be proactive, be prepared, give quality service and products, build "
               "the brand, and watch loyal customers for changes: a fall in their orders is a warning (lesson 05's rule).",
         "zh": "培养客户忠诚（客户忠诚文章）：积极主动、做好准备、提供优质服务和高质量产品、建立良好的品牌形象，"
               "并密切关注忠诚客户的动态：进货量下降就是预警信号（第 05 课的规则）。"},
        {"en": "Loyal employees deliver the service that wins loyal customers (Loyalty article). At Hengtai, customers "
               "whose account manager changed more often were lost more often: a planted association, not yet a cause.",
         "zh": "忠诚的员工会努力为客户提供满意的服务，从而赢得客户的忠诚（客户忠诚文章）。在恒泰，客户经理更换越多的客户流失得越多："
               "这是预设的关联，还不是因果。"},
    ],
    next={"en": "Lesson 08: the capstone case: Hengtai's CRM plan, from winning customers to keeping them.",
          "zh": "第 08 课：综合案例：恒泰的客户关系管理方案，从赢得客户到留住客户。"},
    sources={
        "000": {"en": "The figures quoted for customer care: raising satisfaction by five percentage points doubles "
                      "profit; a very satisfied customer's willingness to buy is six times a satisfied one's",
                "zh": "关于客户关怀常被引用的数字：把客户满意度提高五个百分点，企业利润增加一倍；一个非常满意的客户，"
                      "其购买意愿比一个满意客户高出六倍"},
        "003": {"en": "Satisfaction is not loyalty, and loyalty needs satisfaction; the three faces of loyalty (emotional, "
                      "behavioural, intentional); what loyal customers are like and how to serve them (priority "
                      "channel, early news, close attention to complaints); potential customers; needs in three "
                      "classes (basic, expected, exciting); five ways of building loyalty, including watching a loyal "
                      "customer's order volume; loyal employees deliver the service that wins loyal customers",
                "zh": "客户满意不等于客户忠诚，提高忠诚度必须以客户满意为前提；忠诚的三种表现（情感、行为、意识忠诚）；"
                      "忠诚客户的特点及服务方式（绿色通道、优先知情权、高度重视客户抱怨）；潜在客户；三类需求（基本、期望、兴奋型）；"
                      "建立客户忠诚度的五种方法，包括关注忠诚客户的进货量变化；忠诚的员工提供满意的服务，从而赢得客户的忠诚"},
    },
    skip_for_45=("2", "6", "7"),
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 8, "exercise"),
        Section(2, 11),
        Section(3, 4),
        Section(4, 9, "widget", project="MatrixExplorer"),
        Section(5, 10, "widget", project="KanoQuestionnaire"),
        Section(6, 17, "discussion", discuss=[
            {"en": "One of your most loyal customers has ordered less for two months. What do you ask first, "
                   "and what would make you visit?",
             "zh": "你最忠诚的一位客户连续两个月订货减少。你首先会问什么？出现什么情况你会上门拜访？"}]),
        Section(7, 17, "discussion", discuss=[
            {"en": "Customers whose account manager changed often were lost more often. Does changing "
                   "managers cause losses? What else could explain the pattern, and how would you find out?",
             "zh": "客户经理更换越频繁的客户，流失得也越多。是更换经理导致了流失吗？还有什么可能的解释？你会怎样查明？"}]),
        Section(8, 8, "exercise"),
        Section(9, 4, "quiz", project="QuizWidget"),
        Section(10, 2, "summary"),
    ],
)

QUIZ = [
    Question(
        prompt={"en": "A customer rates Hengtai 5 out of 5 for satisfaction. What does the Loyalty article say about it?",
                "zh": "一位客户给恒泰的满意度打了 5 分（满分 5 分）。客户忠诚文章会怎么说？"},
        options=[{"en": "It is loyal: a very satisfied customer will keep buying", "zh": "它是忠诚的：非常满意的客户会一直购买"},
                 {"en": "Satisfaction is the precondition of loyalty, not loyalty itself: it may still leave for a better "
                        "offer", "zh": "满意是忠诚的前提，而不是忠诚本身：它仍可能因为更好的条件而离开"},
                 {"en": "Satisfaction has nothing to do with loyalty", "zh": "满意与忠诚毫无关系"}],
        correct=1,
        feedback=[{"en": "Satisfied is not loyal: a satisfied customer without ties can take a competitor's offer.",
                   "zh": "满意不等于忠诚：没有联系纽带的满意客户也可能接受竞争对手的条件。"},
                  {"en": "Yes: raising loyalty needs satisfaction first, and satisfaction is not yet loyalty.",
                   "zh": "对：提高忠诚度必须以客户满意为前提，而满意还不等于忠诚。"},
                  {"en": "They are linked: the article calls satisfaction the precondition of loyalty, and in the survey "
                         "they correlate.", "zh": "两者是有联系的：文章把满意称为忠诚的前提，调查中两者也相关。"}],
        source="Loyalty article",
    ),
    Question(
        prompt={"en": "Which face of loyalty is 意识忠诚 (intentional loyalty)?", "zh": "意识忠诚指的是哪一种忠诚？"},
        options=[{"en": "Identifying with the firm's ideas, conduct and image", "zh": "对企业的理念、行为和视觉形象高度认同"},
                 {"en": "Buying again and again", "zh": "一再重复购买"},
                 {"en": "The customer's intention to buy from the firm in future", "zh": "客户今后继续购买的意向"}],
        correct=2,
        feedback=[{"en": "That is emotional loyalty.", "zh": "那是情感忠诚。"},
                  {"en": "That is behavioural loyalty: what the order log shows.", "zh": "那是行为忠诚：订单记录能看到的。"},
                  {"en": "Yes: the future purchase intention, which a survey asks about.",
                   "zh": "对：未来的消费意向，调查可以询问。"}],
        source="Loyalty article",
    ),
    Question(
        prompt={"en": "In the Kano questionnaire, customers say they expect a feature ('must-be') when present and "
                      "dislike its absence. What kind of need is it?",
                "zh": "在卡诺问卷中，客户对某项功能的回答是：有它是“理所当然”，没有它则“不喜欢”。这是哪一类需求？"},
        options=[{"en": "A basic need: meeting it earns no praise, missing it costs much", "zh": "基本需求：满足了不会得到称赞，缺了却损失很大"},
                 {"en": "An exciting need: the more the better", "zh": "兴奋型需求：越多越好"},
                 {"en": "An indifferent feature: leave it out", "zh": "无差异的功能：可以不做"}],
        correct=0,
        feedback=[{"en": "Yes: a must-be feature (the course's 'basic need'); meet it fully, but more of it adds little.",
                   "zh": "对：必备型功能（本课程所说的基本需求）；要完全满足，但再多也加不了多少分。"},
                  {"en": "An exciting (attractive) feature delights when present and is not missed when absent.",
                   "zh": "兴奋型（魅力型）功能有了会让客户惊喜，没有也不会被埋怨。"},
                  {"en": "Customers who dislike its absence are not indifferent to it.", "zh": "没有它客户就不喜欢，这不是无差异。"}],
        source="Loyalty article",
    ),
    Question(
        prompt={"en": "On the satisfaction x loyalty matrix of the literature (Jones & Sasser 1995), a 'mercenary' is "
                      "satisfied but not loyal. What is the matrix's advice for it?",
                "zh": "在文献中的满意度 × 忠诚度矩阵（Jones 与 Sasser，1995）里，“唯利是图者”满意但不忠诚。矩阵对它的建议是什么？"},
        options=[{"en": "Nothing: it is satisfied", "zh": "什么都不做：它已经满意了"},
                 {"en": "Give it a bigger discount than the competitor", "zh": "给它比竞争对手更大的折扣"},
                 {"en": "Build ties that make staying worth more than switching, and find out what it still lacks",
                  "zh": "建立让留下比转换更有价值的联系，并了解它还缺什么"}],
        correct=2,
        feedback=[{"en": "A satisfied customer without ties leaves for the next good offer.",
                   "zh": "没有联系纽带的满意客户，会为下一个好条件而离开。"},
                  {"en": "A discount is easy to copy (lesson 06): it holds a mercenary only until someone "
                         "offers more.", "zh": "折扣很容易被模仿（第 06 课）：它只能留住唯利是图者，直到别人出价更高。"},
                  {"en": "Yes: switching barriers and a deeper relationship, as lesson 06 showed.",
                   "zh": "对：建立转换壁垒、加深关系，正如第 06 课所示。"}],
    ),
    Question(
        prompt={"en": "In Hengtai's data, customers whose account manager changed more often were lost more often. The "
                      "datasheet says the link was planted. What may a manager conclude from such a link on a real "
                      "firm's records?",
                "zh": "在恒泰的数据中，客户经理更换越多的客户流失得越多，而数据说明写明这一关联是预设的。如果在真实企业的记录中看到这样的关联，"
                      "管理者可以得出什么结论？"},
        options=[{"en": "That changing managers causes losses, so no manager should ever move",
                  "zh": "更换客户经理导致流失，所以任何客户经理都不应调动"},
                 {"en": "Only that the two go together: a customer already drifting away may be handed on, and difficult "
                        "accounts may wear out their managers",
                  "zh": "只能说两者同时出现：已经在流失的客户可能被转给别人，难缠的客户也可能把客户经理拖垮"},
                 {"en": "That employees do not matter", "zh": "员工并不重要"}],
        correct=1,
        feedback=[{"en": "A correlation is not yet a cause: the direction could run the other way.",
                   "zh": "相关还不等于因果：方向也可能相反。"},
                  {"en": "Yes: to learn the effect, compare accounts whose managers moved for reasons unrelated to the "
                         "customer (a retirement, a new office).",
                   "zh": "对：要了解真正的效果，应比较那些因与客户无关的原因（退休、新设办事处）而更换客户经理的客户。"},
                  {"en": "The link says the opposite, and the Loyalty article says loyal employees matter.",
                   "zh": "这一关联恰恰说明员工很重要，客户忠诚文章也这样说。"}],
        source="Loyalty article",
    ),
    Question(
        prompt={"en": "The Relationship-marketing essay quotes: raising satisfaction by five percentage points doubles "
                      "profit. What would a firm need to test it on its own data?",
                "zh": "关系营销论文引用：把客户满意度提高五个百分点，企业利润增加一倍。企业要在自己的数据上检验它，需要什么？"},
        options=[{"en": "Satisfaction and profit for the same customers, or the same firm over time, and a way to rule "
                        "out that profitable customers are simply the satisfied ones",
                  "zh": "同一批客户（或同一家企业不同时期）的满意度和利润数据，以及排除“赚钱的客户本来就更满意”这种可能的办法"},
                 {"en": "Nothing: the essay cites authoritative research institutions", "zh": "什么都不需要：论文引用的是权威研究机构"},
                 {"en": "One survey of satisfaction", "zh": "一次满意度调查就够了"}],
        correct=0,
        feedback=[{"en": "Yes: and even then a link between the two is not yet the doubling of profit the sentence promises.",
                   "zh": "对：即便如此，两者之间的关联也还不等于这句话所承诺的“利润增加一倍”。"},
                  {"en": "The essay names no study; a claim without a source is to be tested, not trusted.",
                   "zh": "论文并没有指明是哪项研究；没有出处的说法要检验，而不是照单全收。"},
                  {"en": "A survey alone has no profit in it.", "zh": "单有调查，里面并没有利润数据。"}],
        source="Relationship-marketing essay",
    ),
]

GLOSSARY = [
    Term("customer loyalty", "客户忠诚",
         {"en": "A customer's attachment to a firm's products or services, shown in three ways: emotional, behavioural "
                "and intentional loyalty.",
          "zh": "客户对企业产品或服务的依恋或爱慕的感情，通过情感忠诚、行为忠诚和意识忠诚表现出来。"}, "Loyalty article"),
    Term("emotional loyalty", "情感忠诚",
         {"en": "Identifying with the firm's ideas, conduct and image.", "zh": "对企业的理念、行为和视觉形象高度认同和满意。"},
         "Loyalty article"),
    Term("behavioural loyalty", "行为忠诚",
         {"en": "Buying the firm's products and services again and again.", "zh": "重复购买企业的产品和服务。"},
         "Loyalty article"),
    Term("intentional loyalty", "意识忠诚",
         {"en": "The customer's intention to buy from the firm in future.", "zh": "客户对企业产品和服务的未来消费意向。"},
         "Loyalty article"),
    Term("potential customers", "潜在客户",
         {"en": "The large group of customers not yet loyal, often because they have known the firm only a short time.",
          "zh": "在客户资源中占较大比例、因接触时间较短等原因尚未成为忠诚客户的客户。"}, "Loyalty article"),
    Term("satisfaction x loyalty matrix", "满意度 × 忠诚度矩阵",
         {"en": "The literature's four groups (Jones & Sasser 1995): loyalists, mercenaries, hostages and "
                "defectors, by satisfaction and loyalty.",
          "zh": "文献中（Jones 与 Sasser，1995）按满意度和忠诚度划分的四群客户：忠诚者、唯利是图者、人质型客户和叛离者。"}),
    Term("loyalist", "忠诚者",
         {"en": "A customer both satisfied and loyal; the most enthusiastic are the firm's apostles, who recommend it.",
          "zh": "既满意又忠诚的客户；其中最热心的会主动向别人推荐企业。"}),
    Term("mercenary", "唯利是图者",
         {"en": "A satisfied customer that is not loyal: it leaves for a better offer.",
          "zh": "满意但不忠诚的客户：有更好的条件就会离开。"}),
    Term("hostage", "人质型客户",
         {"en": "A customer that stays although it is not satisfied, because it cannot easily switch.",
          "zh": "虽然不满意、却因为难以转换而留下的客户。"}),
    Term("defector", "叛离者",
         {"en": "A customer neither satisfied nor loyal: likely to leave.", "zh": "既不满意也不忠诚的客户：很可能离开。"}),
    Term("basic need", "基本需求",
         {"en": "What customers take for granted: missing it costs much, meeting it earns little (Kano: must-be).",
          "zh": "客户认为理所当然的需求：缺了损失很大，满足了也得不到多少称赞（卡诺模型中的必备型）。"}, "Loyalty article"),
    Term("expected need", "期望需求",
         {"en": "A need whose fulfilment raises satisfaction step by step (Kano: one-dimensional, 期望型).",
          "zh": "满足得越好、满意度就越高的需求（卡诺模型中的期望型，又称一维型）。"}, "Loyalty article"),
    Term("exciting need", "兴奋型需求",
         {"en": "What delights customers when met and is not missed when not (Kano: attractive).",
          "zh": "满足了会让客户惊喜、没有也不会被埋怨的需求（卡诺模型中的魅力型）。"}, "Loyalty article"),
    Term("Kano model", "卡诺模型",
         {"en": "Kano et al.'s (1984) classification of a feature from two questions, how customers feel with it and "
                "without it.",
          "zh": "Kano 等人（1984）提出的分类方法：根据“有这项功能时”和“没有这项功能时”客户的感受两个问题给功能分类。"}),
    Term("better coefficient", "满意系数（Better）",
         {"en": "Kano: (A + O) / (A + O + M + I), how much providing a feature raises satisfaction (Berger et al. 1993).",
          "zh": "卡诺模型：(A + O) / (A + O + M + I)，提供这项功能能提高多少满意度（Berger 等，1993）。"}),
    Term("worse coefficient", "不满系数（Worse）",
         {"en": "Kano: −(O + M) / (A + O + M + I), how much its absence lowers satisfaction.",
          "zh": "卡诺模型：−(O + M) / (A + O + M + I)，缺少这项功能会使满意度降低多少。"}),
    Term("price sensitivity", "价格敏感度",
         {"en": "How readily a customer would look elsewhere after a price rise.", "zh": "价格上涨后客户转向别家的可能程度。"},
         "Loyalty article"),
    Term("Cronbach's alpha", "克朗巴哈系数（Cronbach's α）",
         {"en": "How consistently several survey items measure one thing (0 to 1).",
          "zh": "衡量几个调查题项是否一致地测量同一事物的指标（0 到 1）。"}),
]


# ---------------------------------------------------------------------------------------------
# The course's estimates the exercises use (not figures of the data).

#: 07.service_budget: the course's assumption: priority service halves the chance that a customer it serves is
#: lost. Hengtai's data cannot say what the service would do.
SERVICE_EFFECT = 0.5
#: 07.service_budget: letter -> the group of the satisfaction x loyalty matrix the budget goes to.
BUDGET_GROUPS = {"A": "loyalist", "B": "mercenary", "C": "hostage", "D": "defector"}
#: 07.kano_invest and 07.kano_better: letter -> the feature of the Kano questions.
KANO_CHOICES = {"A": "on_time_delivery", "B": "tech_support", "C": "application_engineering", "D": "branded_gifts"}
#: 07.kano_better: the feature asked about.
BETTER_FEATURE = "application_engineering"


def _tables(*names):
    from crmlessons import datasets

    return {name: getattr(datasets, f"load_{name}")() for name in names}


def _groups(survey, **thresholds):
    """The matrix group of every respondent who answered satisfaction and loyalty (crmlessons.loyalty)."""
    from crmlessons import loyalty

    return loyalty.loyalty_matrix(survey, **thresholds).dropna()


# --- 07.satisfied_not_loyal -------------------------------------------------------------------

def _satisfied_not_loyal(survey, of: str = "satisfied", satisfied: int | None = None) -> float:
    """The answer (the share of satisfied respondents who are not loyal), or a common mistake.

    ``of="all"``: mercenaries among all respondents; ``of="loyal"``: the loyal share of the satisfied;
    ``satisfied=5``: only the very satisfied counted as satisfied.
    """
    groups = _groups(survey) if satisfied is None else _groups(survey, satisfaction_threshold=satisfied)
    counts = groups.value_counts()
    mercenary, loyal = int(counts.get("mercenary", 0)), int(counts.get("loyalist", 0))
    if of == "all":
        return mercenary / int(counts.sum())
    if mercenary + loyal == 0:
        raise ValueError("no respondent in these data is satisfied")
    return (loyal if of == "loyal" else mercenary) / (mercenary + loyal)


# --- 07.repurchase_ratio ----------------------------------------------------------------------

def _repurchase_ratio(survey, orders, against: str = "satisfied", kind: str = "ratio") -> float:
    """The answer (repurchase share of the very satisfied / of the satisfied), or a common mistake:
    ``against="below"`` compares with everyone below 5; ``kind="difference"`` subtracts the shares."""
    from crmlessons import loyalty

    table = loyalty.by_satisfaction(survey, orders)
    if 5 not in table.index or 4 not in table.index:
        raise ValueError("no respondent in these data answered 4 or 5 for satisfaction")
    very = float(table.loc[5, "repurchase_share"])
    if against == "below":
        below = table[table.index < 5]
        base = float(below["bought_again"].sum() / below["respondents"].sum())
    else:
        base = float(table.loc[4, "repurchase_share"])
    if kind == "difference":
        return very - base
    if base == 0:
        raise ValueError("no satisfied respondent in these data bought again")
    return very / base


# --- 07.service_budget ------------------------------------------------------------------------

def _group_risks(orders, customers, survey, spend) -> dict:
    """Per group of BUDGET_GROUPS: its respondents, the share lost between the survey and the data date, their mean
    margin in the year before the survey, what losing one costs (lesson 05's rule) and what serving one saves."""
    import pandas as pd

    from crmlessons import retention
    from crmlessons.datasets.rules import AS_OF

    groups = _groups(survey)
    by_id = survey.drop_duplicates("customer_id").set_index("customer_id")
    surveyed = by_id["survey_date"].reindex(groups.index)
    lost_date = customers.set_index("customer_id")["lost_date"].reindex(groups.index)
    lost = (lost_date > surveyed) & (lost_date <= pd.Timestamp(AS_OF))
    year = int(surveyed.min().year) - 1
    margin = orders[orders["order_date"].dt.year == year].groupby("customer_id")["margin_cny"].sum()
    margin = margin.reindex(groups.index).fillna(0.0)
    f = retention.facts(orders, customers, spend)
    out = {}
    for letter, code in BUDGET_GROUPS.items():
        inside = (groups == code).to_numpy()
        n = int(inside.sum())
        rate = float(lost[inside].mean()) if n else 0.0
        mean_margin = float(margin[inside].mean()) if n else 0.0
        cost = retention.lost_customer_cost(mean_margin, f["retention_rate"], f["acquisition_cost"])
        out[letter] = {"group": code, "n": n, "loss_rate": rate, "margin": mean_margin, "cost": cost,
                       "saved": rate * SERVICE_EFFECT * cost, "year": year}
    return out


def _service_budget(orders, customers, survey, spend) -> str:
    risks = _group_risks(orders, customers, survey, spend)
    return max(risks, key=lambda letter: (round(risks[letter]["saved"], 6), -ord(letter)))


def _service_facts(orders, customers, survey, spend) -> dict:
    risks = _group_risks(orders, customers, survey, spend)
    facts = {"effect": f"{SERVICE_EFFECT:.0%}", "year": risks["A"]["year"], "next": risks["A"]["year"] + 1}
    for letter, risk in risks.items():
        key = letter.lower()
        facts.update({f"{key}_n": risk["n"], f"{key}_loss": f"{risk['loss_rate']:.1%}",
                      f"{key}_margin": round(risk["margin"]), f"{key}_margin_wan": i18n.wan(risk["margin"]),
                      f"{key}_saved": round(risk["saved"]), f"{key}_saved_wan": i18n.wan(risk["saved"])})
    return facts


def _group_feedback(letter: str, en: str, zh: str) -> dict:
    key = letter.lower()
    return {"en": f"{{{key}_n}} respondents; {{{key}_loss}} of them were lost between the survey and the end of "
                  f"{{next}}, and their margin in {{year}} averaged CNY {{{key}_margin:,}}. Serving one saves about CNY "
                  f"{{{key}_saved:,}}. {en}",
            "zh": f"共 {{{key}_n}} 位受访客户；其中 {{{key}_loss}} 在调查后到 {{next}} 年底之间流失，它们 {{year}} 年的平均毛利为 "
                  f"{{{key}_margin_wan}} 万元。为其中一位提供服务，预期可保住约 {{{key}_saved_wan}} 万元。{zh}"}


# --- 07.kano_better and 07.kano_invest --------------------------------------------------------

def _kano(survey):
    from crmlessons import loyalty

    return loyalty.kano_features(survey)


def _kano_better(survey, feature: str = BETTER_FEATURE, mistake: str = "") -> float:
    """The answer (the better coefficient of ``feature``), or a common mistake: ``"all"`` divides by every answer
    (reverse and questionable too), ``"attractive"`` counts the attractive answers only, ``"worse"`` gives the worse
    coefficient's size."""
    row = _kano(survey).loc[feature]
    a, o, m, i = (float(row[c]) for c in ("A", "O", "M", "I"))
    if mistake == "all":
        return (a + o) / float(row[["A", "O", "M", "I", "R", "Q"]].sum())
    if mistake == "attractive":
        return a / (a + o + m + i)
    if mistake == "worse":
        return (o + m) / (a + o + m + i)
    return (a + o) / (a + o + m + i)


def _kano_invest(survey) -> str:
    """The feature that adds most satisfaction when provided (the largest better coefficient): Hengtai meets its
    basic needs today (the story's assumption), so the next budget goes where providing more raises satisfaction."""
    table = _kano(survey)
    return max(KANO_CHOICES, key=lambda letter: (round(float(table.loc[KANO_CHOICES[letter], "better"]), 9),
                                                 -ord(letter)))


def _kano_facts(survey) -> dict:
    from crmlessons import i18n, loyalty

    table = _kano(survey)
    facts = {"feature": BETTER_FEATURE}
    for letter, feature in KANO_CHOICES.items():
        key, row = letter.lower(), table.loc[feature]
        label = i18n.pick(loyalty.KANO_CATEGORIES[row["dominant"]]) if row["dominant"] else "?"
        facts.update({f"{key}_better": f"{float(row['better']):.2f}", f"{key}_worse": f"{float(row['worse']):.2f}",
                      f"{key}_category": label})
    return facts


def _kano_feedback(letter: str, en: str, zh: str) -> dict:
    key = letter.lower()
    return {"en": f"Hengtai's customers classify it as {{{key}_category}} (better {{{key}_better}}, worse "
                  f"{{{key}_worse}}). {en}",
            "zh": f"恒泰的客户把它归为{{{key}_category}}（满意系数 {{{key}_better}}，不满系数 {{{key}_worse}}）。{zh}"}


EXERCISES = [
    Exercise(
        name="07.satisfied_not_loyal",
        question={"en": "The Loyalty article says that customer satisfaction does not equal customer loyalty. Test it on "
                        "Hengtai's survey: of the respondents who are satisfied (satisfaction 4 or 5), what share are "
                        "not loyal (their mean loyalty answer is below 3.5)? Give a share between 0 and 1.",
                  "zh": "客户忠诚文章说，客户满意并不等于客户忠诚。请在恒泰的调查中检验：在满意的受访客户（满意度 4 分或 5 分）中，"
                        "不忠诚的（三项忠诚回答的平均值低于 3.5）占多大比例？请给出 0 到 1 之间的比例。"},
        data=lambda: _tables("survey"),
        answer=_satisfied_not_loyal,
        hint={"en": "Count only the satisfied respondents, with satisfaction and loyalty answered; `loyalty.loyalty_matrix("
                    "survey)` gives each one its group, and the satisfied are the loyalists plus the mercenaries.",
              "zh": "只统计满意且回答了满意度和忠诚题的受访客户；`loyalty.loyalty_matrix(survey)` 给出每位客户所属的群，"
                    "满意的客户就是忠诚者加上唯利是图者。"},
        mistakes=[
            Mistake(lambda survey: _satisfied_not_loyal(survey, of="all"),
                    {"en": "You divided by all respondents: the question is about the satisfied ones only.",
                     "zh": "你除以的是全部受访客户：题目问的只是满意的客户。"}),
            Mistake(lambda survey: _satisfied_not_loyal(survey, of="loyal"),
                    {"en": "That is the share of the satisfied who are loyal; the question asks for those who are not.",
                     "zh": "这是满意客户中忠诚的比例；题目问的是不忠诚的比例。"}),
            Mistake(lambda survey: _satisfied_not_loyal(survey, satisfied=5),
                    {"en": "You counted only the very satisfied (5); satisfied means 4 or 5.",
                     "zh": "你只算了非常满意（5 分）的客户；满意指 4 分或 5 分。"}),
        ],
        solution={"en": "`groups = loyalty.loyalty_matrix(survey)`, then `(groups == \"mercenary\").sum() / groups.isin("
                        "[\"loyalist\", \"mercenary\"]).sum()`: about two in five satisfied customers are not loyal. The "
                        "datasheet says the survey was built so (`satisfied_not_loyal_share` in "
                        "`crm.datasets.planted_effects()`).",
                  "zh": "`groups = loyalty.loyalty_matrix(survey)`，然后计算 `(groups == \"mercenary\").sum() / groups.isin("
                        "[\"loyalist\", \"mercenary\"]).sum()`：满意的客户中约有五分之二并不忠诚。数据说明写明调查数据就是这样构造的"
                        "（`crm.datasets.planted_effects()` 中的 `satisfied_not_loyal_share`）。"},
    ),
    Decision(
        name="07.service_budget",
        question={"en": "Hengtai has a budget for priority service (a named contact, complaints answered within a day, a "
                        "visit each quarter) for a limited number of customers, all from one group of the satisfaction x "
                        "loyalty matrix. Assume (the course's assumption: the data cannot say) that the service cuts "
                        "the chance of losing a customer it serves by {effect}. Judge each group by what happened after "
                        "the survey of January {next}. Which group should the budget go to?",
                  "zh": "恒泰有一笔优先服务预算（专人对接、投诉一天内答复、每季度拜访一次），只够服务有限数量的客户，而且都要来自满意度 × "
                        "忠诚度矩阵中的同一群。假设（本课程的假设：数据无法说明这一点）这项服务能使被服务客户流失的可能性降低 {effect}。"
                        "请根据 {next} 年 1 月调查之后发生的情况来判断各群。预算应投向哪一群？"},
        data=lambda: _tables("orders", "customers", "survey", "spend"),
        answer=_service_budget,
        facts=_service_facts,
        options={
            "A": {"en": "The loyalists (satisfied and loyal).", "zh": "忠诚者（满意且忠诚）。"},
            "B": {"en": "The mercenaries (satisfied, not loyal).", "zh": "唯利是图者（满意但不忠诚）。"},
            "C": {"en": "The hostages (loyal, not satisfied).", "zh": "人质型客户（忠诚但不满意）。"},
            "D": {"en": "The defectors (neither).", "zh": "叛离者（既不满意也不忠诚）。"},
        },
        feedback={
            "A": _group_feedback("A", "The Loyalty article gives loyal customers a priority channel as a reward that "
                                      "keeps them loyal; as a retention budget it pays only where customers are being lost.",
                                 "客户忠诚文章主张为忠诚客户开辟绿色通道，那是为了回报并保持他们的忠诚；作为挽留预算，"
                                 "它只有花在确实会流失客户的地方才有回报。"),
            "B": _group_feedback("B", "Satisfied customers without loyalty leave for a better offer; service alone may not "
                                      "hold them without ties.",
                                 "满意但不忠诚的客户会为更好的条件而离开；没有联系纽带，单靠服务未必留得住。"),
            "C": _group_feedback("C", "Hostages stay for now although they are not satisfied; fix what displeases them "
                                      "before a competitor frees them.",
                                 "人质型客户虽然不满意，暂时还留着；要在竞争对手“解救”它们之前，解决让它们不满的问题。"),
            "D": _group_feedback("D", "Defectors are neither satisfied nor loyal; find out why they would leave, and "
                                      "spend on those worth it.",
                                 "叛离者既不满意也不忠诚；先弄清它们为什么会离开，再把钱花在值得挽留的客户身上。"),
        },
        hint={"en": "For each group: the share of its respondents lost after the survey × what losing one costs "
                    "(`retention.lost_customer_cost` with the group's mean margin in the year before the survey) × the "
                    "service's effect. The budget goes where that is largest.",
              "zh": "对每一群：调查后流失的比例 × 流失一位客户的代价（用该群调查前一年的平均毛利计算 `retention.lost_customer_cost`）"
                    "× 服务的效果。预算投向乘积最大的那一群。"},
        solution={"en": "`groups = loyalty.loyalty_matrix(survey)`; per group, the share of its customers whose "
                        "`lost_date` falls after their `survey_date`, and `retention.lost_customer_cost(m, "
                        "f[\"retention_rate\"], f[\"acquisition_cost\"])` with `m` the group's mean margin in 2024 and "
                        "`f = retention.facts(orders, customers, spend)`. A retention budget pays where the chance of a "
                        "loss and what it costs meet, not where customers are already happiest.",
                  "zh": "`groups = loyalty.loyalty_matrix(survey)`；对每一群，计算 `lost_date` 晚于 `survey_date` 的客户比例，"
                        "以及 `retention.lost_customer_cost(m, f[\"retention_rate\"], f[\"acquisition_cost\"])`，其中 `m` "
                        "是该群 2024 年的平均毛利，`f = retention.facts(orders, customers, spend)`。挽留预算应花在流失可能性"
                        "和流失代价兼具的地方，而不是客户已经最满意的地方。"},
    ),
    Exercise(
        name="07.kano_better",
        question={"en": "From the Kano answers of Hengtai's customers about {feature}, what is its better coefficient, "
                        "(A + O) / (A + O + M + I)? Give a number between 0 and 1.",
                  "zh": "根据恒泰客户关于 {feature} 的卡诺回答，它的满意系数 (A + O) / (A + O + M + I) 是多少？请给出 0 到 1 之间的数。"},
        data=lambda: _tables("survey"),
        answer=_kano_better,
        facts=lambda survey: {"feature": BETTER_FEATURE},
        hint={"en": "Classify each customer's pair of answers with `loyalty.kano_classify(functional, dysfunctional)` and "
                    "count the categories; reverse (R) and questionable (Q) answers stay out of the denominator.",
              "zh": "用 `loyalty.kano_classify(functional, dysfunctional)` 给每位客户的一对回答分类并统计各类数量；"
                    "反向型（R）和可疑（Q）回答不计入分母。"},
        mistakes=[
            Mistake(lambda survey: _kano_better(survey, mistake="all"),
                    {"en": "You divided by every answer: leave the reverse (R) and questionable (Q) ones out.",
                     "zh": "你除以了全部回答：反向型（R）和可疑（Q）回答不应计入。"}),
            Mistake(lambda survey: _kano_better(survey, mistake="attractive"),
                    {"en": "You counted only the attractive answers: the one-dimensional ones (O) raise satisfaction too.",
                     "zh": "你只算了魅力型回答：一维型（O）回答也会提高满意度。"}),
            Mistake(lambda survey: _kano_better(survey, mistake="worse"),
                    {"en": "That is the size of the worse coefficient (O + M): the better coefficient counts A + O.",
                     "zh": "这是不满系数的大小（O + M）：满意系数算的是 A + O。"}),
        ],
        solution={"en": "`kano = loyalty.kano_features(survey)` and `kano.loc[\"application_engineering\", \"better\"]`, or "
                        "by hand `(A + O) / (A + O + M + I)` from the counts of the same row (Berger et al. 1993).",
                  "zh": "`kano = loyalty.kano_features(survey)`，然后取 `kano.loc[\"application_engineering\", \"better\"]`；"
                        "或者用同一行的计数手算 `(A + O) / (A + O + M + I)`（Berger 等，1993）。"},
    ),
    Decision(
        name="07.kano_invest",
        question={"en": "Hengtai meets its customers' basic needs today (the story's assumption: deliveries arrive on time). "
                        "Next year it can fund one of four improvements, each at about the same cost. Which should it "
                        "fund, judging by its customers' Kano answers?",
                  "zh": "恒泰目前已经满足了客户的基本需求（情景假设：交货准时）。明年它可以资助以下四项改进中的一项，每项花费大致相同。"
                        "根据客户的卡诺回答，它应该资助哪一项？"},
        data=lambda: _tables("survey"),
        answer=_kano_invest,
        facts=_kano_facts,
        options={
            "A": {"en": "Guaranteed on-time delivery, with a penalty when late.", "zh": "保证准时交货，延误即赔付。"},
            "B": {"en": "A 24-hour technical support line.", "zh": "24 小时技术支持热线。"},
            "C": {"en": "An application-engineering service: Hengtai's engineers help design the customer's process.",
                  "zh": "应用工程服务：恒泰的工程师帮助客户设计工艺。"},
            "D": {"en": "Better branded gifts at New Year.", "zh": "新年送更好的品牌礼品。"},
        },
        feedback={
            "A": _kano_feedback("A", "Deliveries are on time already (the story's assumption): a guarantee adds what the "
                                     "better coefficient says; keeping them on time avoids what the worse coefficient says.",
                                "交货已经准时（情景假设）：再加保证，增加的满意度就是满意系数所示；保持准时，避免的损失就是不满系数所示。"),
            "B": _kano_feedback("B", "The better coefficient says how much a 24-hour line would add to satisfaction.",
                                "满意系数表示 24 小时热线能使满意度提高多少。"),
            "C": _kano_feedback("C", "Meet the basic and expected needs, then aim at the exciting ones (Loyalty article); "
                                     "the better coefficient says what the service would add.",
                                "满足基本需求和期望需求，再努力达成兴奋型需求（客户忠诚文章）；满意系数表示这项服务能增加多少满意度。"),
            "D": _kano_feedback("D", "Gifts are a financial benefit any competitor can copy (lesson 06); the better "
                                     "coefficient says what they would add.",
                                "礼品属于财务利益，任何竞争对手都能模仿（第 06 课）；满意系数表示它们能增加多少满意度。"),
        },
        hint={"en": "`loyalty.kano_features(survey)` gives each feature's category and its better coefficient: how much "
                    "providing it raises satisfaction. With the basic needs met, fund the largest.",
              "zh": "`loyalty.kano_features(survey)` 给出每项功能的类别和满意系数：提供它能提高多少满意度。基本需求已经满足时，"
                    "资助满意系数最大的那一项。"},
        solution={"en": "`loyalty.kano_features(survey)[[\"dominant\", \"better\", \"worse\"]]`: the feature with the largest "
                        "better coefficient adds most when provided. Had deliveries been late, on-time delivery would come "
                        "first whatever its better coefficient: a must-be need that is missing costs the most (its worse "
                        "coefficient).",
                  "zh": "`loyalty.kano_features(survey)[[\"dominant\", \"better\", \"worse\"]]`：满意系数最大的功能，提供后提高最多。"
                        "如果交货经常延误，无论满意系数如何，都应先解决准时交货：缺失的必备型需求损失最大（看它的不满系数）。"},
    ),
    Exercise(
        name="07.repurchase_ratio",
        question={"en": "The Relationship-marketing essay quotes: a very satisfied customer's willingness to buy is six "
                        "times a satisfied one's. Test it on behaviour: the share of very satisfied respondents "
                        "(satisfaction 5) who ordered within {window} days after their survey, divided by the same share "
                        "of the satisfied (satisfaction 4). What is the ratio?",
                  "zh": "关系营销论文引用：一个非常满意的客户，其购买意愿比一个满意客户高出六倍。请用实际行为检验：非常满意的受访客户"
                        "（满意度 5 分）中在调查后 {window} 天内下单的比例，除以满意客户（满意度 4 分）的同一比例。这个比值是多少？"},
        data=lambda: _tables("survey", "orders"),
        answer=_repurchase_ratio,
        facts=lambda survey, orders: {"window": _window()},
        hint={"en": "`loyalty.by_satisfaction(survey, orders)` gives the share who bought again (`repurchase_share`) for "
                    "each satisfaction score; divide the share at 5 by the share at 4.",
              "zh": "`loyalty.by_satisfaction(survey, orders)` 给出每个满意度分值下再次购买的比例（`repurchase_share`）；用 5 分的比例除以 4 分的比例。"},
        mistakes=[
            Mistake(lambda survey, orders: _repurchase_ratio(survey, orders, against="below"),
                    {"en": "You compared the very satisfied with everyone below 5: the claim compares them with the "
                           "satisfied (4).",
                     "zh": "你拿非常满意的客户与所有低于 5 分的客户比较：这个说法比较的是满意（4 分）的客户。"}),
            Mistake(lambda survey, orders: _repurchase_ratio(survey, orders, kind="difference"),
                    {"en": "You subtracted the shares: 'six times' is a ratio.", "zh": "你把两个比例相减了：“六倍”是比值。"}),
        ],
        solution={"en": "`shares = loyalty.by_satisfaction(survey, orders)[\"repurchase_share\"]` and `shares.loc[5] / shares.loc[4]`: "
                        "the very satisfied bought again about twice as often, not six times. The generator "
                        "planted this ratio (`repurchase_ratio_5_vs_4`), so it tests the method, not the essay; and "
                        "the essay speaks of willingness, which a survey asks and an order log does not show.",
                  "zh": "`shares = loyalty.by_satisfaction(survey, orders)[\"repurchase_share\"]`，然后计算 `shares.loc[5] / shares.loc[4]`："
                        "非常满意的客户再次购买的比例约为满意客户的两倍，而不是六倍。这个比值是生成数据时预设的"
                        "（`repurchase_ratio_5_vs_4`），所以它检验的是方法而不是论文；而且论文说的是购买意愿，调查可以询问，订单记录却看不到。"},
    ),
]


def _window() -> int:
    """The repurchase window the claim is tested on (the datasheet's rule for `repurchase_ratio_5_vs_4`)."""
    from crmlessons.datasets.params import PARAMS

    return int(PARAMS["repurchase_window_days"])
