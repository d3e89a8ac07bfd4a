"""Lesson 05: why customers are lost, and what keeping them is worth (syllabus E, and H's early warning)."""

from __future__ import annotations

import html

from crmlessons import i18n
from crmlessons.lessons import Lesson, Section, Term
from crmlessons.practice import Decision, Exercise, Mistake, Question

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
        {"en": "Sort lost deals and lost customers into the three groups of the Key-account CRM course's Table 1-1, "
               "and tell the source's table from what the course adds to it.",
         "zh": "按《大客户关系管理教程》表 1-1 的三类原因给丢单和流失客户归类，并分清资料原表与本课程的补充。"},
        {"en": "Clean the reasons salespeople typed into codes, and report (not drop) the ones that say nothing.",
         "zh": "把销售人员填写的原因整理成代码，并报告（而不是删掉）无法归类的原因。"},
        {"en": "Find the few reasons behind most losses with a Pareto chart, and the share the company controls.",
         "zh": "用帕累托图找出造成大部分流失的少数原因，以及企业可以控制的比例。"},
        {"en": "Test a claim from the literature on a firm's own records, and say what result would make it fail.",
         "zh": "用企业自己的记录检验文献中的说法，并说明什么样的结果会推翻它。"},
        {"en": "Spot customers whose orders are falling, price what losing one would cost (discounted), and decide "
               "whom to visit and which cause a retention budget should attack first.",
         "zh": "发现订单量下降的客户，估算失去一位客户的代价（折现后），并决定拜访哪些客户、客户保留预算先解决哪类原因。"},
    ],
    teaching_minutes=55,
    exercise_minutes=35,
    key_points=[
        {"en": "The Key-account CRM course (Table 1-1) names three sources of loss: the customer, the company, third "
               "parties. 'Too little care' (from the Relationship-marketing essay), 'the contact leaves' and the reading "
               "that only the company side is fully in the firm's hands are the course's additions.",
         "zh": "《大客户关系管理教程》（表 1-1）列出流失的三类来源：客户自身、企业自身、第三方。“关怀不够”（来自关系营销论文）、"
               "“联系人离职”以及“只有企业自身原因完全在企业掌控之中”的解读，是本课程的补充。"},
        {"en": "Clean raw reasons with a written keyword list; count what cannot be mapped instead of dropping it, and "
               "leave the unknown reasons out of the base of the shares.",
         "zh": "用成文的关键词表整理原始原因；无法归类的原因要计数报告，而不是删掉，并且不计入各类占比的分母。"},
        {"en": "Test a claim such as 'two thirds leave for too little care' on your own firm's records: say which losses "
               "you count, over which base, and what result would make it fail. Hengtai's data were built to agree with "
               "the claim, so they show the method, not that the claim is true.",
         "zh": "用企业自己的记录检验“三分之二的客户因关怀不够而离开”这类说法：说明统计哪些流失、以什么为分母，以及什么结果会推翻它。"
               "恒泰的数据是按这一说法构造的，所以它们演示的是方法，并不证明说法正确。"},
        {"en": "A fall in a customer's orders is an early warning (the course's rule, after the Loyalty article's advice "
               "to look into any change in purchase volume): visit where the expected loss is larger than the visit's cost.",
         "zh": "客户订单量下降是预警信号（本课程的规则，依据客户忠诚文章“进货量变化要调查分析”的建议）："
               "预期损失大于拜访成本的客户就应该去拜访。"},
        {"en": "A lost customer costs its margin over the rest of the relationship, discounted (the course uses 10% a "
               "year: money later is worth less, and the future is uncertain), plus the cost of a replacement.",
         "zh": "流失一位客户的代价 = 剩余关系期内的毛利（折现后；本课程取年折现率 10%：以后的钱不如现在的钱值钱，未来也不确定）"
               "+ 找到替代客户的成本。"},
        {"en": "A break-even budget is the most a programme may cost, not what it should cost: compare programmes by the "
               "value they keep minus what they cost.",
         "zh": "盈亏平衡预算是一项计划最多可以花的钱，而不是应该花的钱：比较各项计划时，看它保住的价值减去它的成本。"},
    ],
    next={"en": "Lesson 06: customer value and the customer lifecycle.",
          "zh": "第 06 课：客户价值与客户生命周期。"},
    sources={
        "000": {"en": "The claim that two thirds of customers leave a supplier that cares too little for them (a reason "
                      "the course adds to Table 1-1, and a claim the lesson shows how to test), and the claim that "
                      "winning a new customer costs five times keeping one",
                "zh": "“三分之二的客户因供应商关怀不够而离开”的说法（本课程据此在表 1-1 之外补充的原因，也是本课演示如何检验的说法），"
                      "以及开发一位新客户的成本是维系一位老客户的五倍这一说法"},
        "002": {"en": "The claim that winning a new customer costs five times keeping one (in the claims table)",
                "zh": "开发一位新客户的成本是维系一位老客户的五倍这一说法（见说法检验表）"},
        "003": {"en": "Watch loyal customers: when their purchase volume changes, investigate, look for the firm's own "
                      "mistakes first and talk to them (the basis of the early warning)",
                "zh": "密切关注忠诚客户：进货量发生变化时要调查分析，先从自身找问题，并与客户沟通（预警的依据）"},
        "004": {"en": "Table 1-1: the three sources of customer loss (customer side, company side, third party) and "
                      "the causes it names; weak communication as an important cause of losses and a core problem of CRM",
                "zh": "表 1-1：客户流失的三类来源（客户自身、企业自身、第三方）及其列出的原因；沟通技巧不足是客户流失的重要原因，"
                      "也是客户关系管理的核心问题"},
    },
    skip_for_45=("2", "4", "5", "8"),
    # The trainer's session plan (crmlessons.trainer.session_plan): minutes per notebook section; the
    # titles come from the notebooks' headings.
    plan=[
        Section(1, 7),
        Section(2, 8),
        Section(3, 10, "exercise"),
        Section(4, 10, "exercise", discuss=[
            {"en": "A manager says two thirds of customers leave for too little care. Which losses would you "
                   "count, over which base, and what result would prove the claim wrong?",
             "zh": "一位经理说，三分之二的客户是因为关怀不够而流失的。你会统计哪些流失？以什么为基数？"
                   "什么样的结果能证明这个说法不对？"}]),
        Section(5, 12, "discussion", case=(
            {"en": "The classroom case in section 5 (crm.lessons.lesson05.mini_case()): groups read the "
                   "story of the lost customer and answer its five discussion questions.",
             "zh": "第 5 节的课堂案例（crm.lessons.lesson05.mini_case()）："
                   "各小组阅读这位流失客户的故事，回答案例后的五个讨论问题。"})),
        Section(6, 6),
        Section(7, 15, "exercise"),
        Section(8, 15, "widget", project="LossWhatIf"),
        Section(9, 5, "quiz", project="QuizWidget"),
        Section(10, 2, "summary"),
    ],
)


# ---------------------------------------------------------------------------------------------
# The course's estimates the exercises use (not figures of the data).

#: What a visit by the account manager costs: a day of work plus travel (the course's estimate, CNY).
VISIT_COST = 3_000
#: The discount offered as a choice in 05.warning_visit (share of the customer's orders).
OFFER = 0.03
#: The retention programmes of 05.first_cause: letter -> (reason, share of its losses prevented, cost a
#: year in CNY). The course's estimates; 05.break_even asks about the first one.
PROGRAMMES = {"A": ("complaint_handling", 0.5, 600_000), "B": ("lack_of_care", 0.4, 1_800_000),
              "C": ("communication", 0.3, 400_000), "D": ("competitor", 0.3, 1_500_000)}


def _tables(*names):
    from crmlessons import datasets

    return {name: getattr(datasets, f"load_{name}")() for name in names}


# --- 05.controllable_share ---------------------------------------------------------------------

def _controllable(losses) -> float:
    """The answer: the company-side share of lost customers with a known category."""
    from crmlessons import loss

    return loss.controllable_share(losses, loss_type="customer")


def _customer_share(losses, category: str, known: bool = True) -> float:
    """Share of ``category`` among lost customers (with a known category, or among all of them)."""
    lost = losses[losses["loss_type"].astype(str) == "customer"]["category"].astype(object)
    lost = lost.dropna() if known else lost
    if lost.empty:
        raise ValueError("losses has no lost customer with a known category")
    return float((lost == category).mean())


# --- 05.care_claim -----------------------------------------------------------------------------

def _care_readings(losses) -> dict:
    """Three readings of 'two thirds leave for too little care', on lost customers with a known reason."""
    from crmlessons import loss

    reasons = loss.counts(losses, "reason", loss_type="customer").set_index("reason")["share_of_known"]
    return {"alone": float(reasons.get("lack_of_care", 0.0)),
            "three": loss.relationship_share(losses, "customer", within=None),
            "within": loss.relationship_share(losses, "customer")}


def _care_claim(losses) -> str:
    """A: the claim as written holds; B: only wider readings reach two thirds; C: none does."""
    readings = _care_readings(losses)
    if readings["alone"] >= 2 / 3:
        return "A"
    return "B" if max(readings["three"], readings["within"]) >= 2 / 3 else "C"


def _care_facts(losses) -> dict:
    return {name: round(100 * share) for name, share in _care_readings(losses).items()}


# --- 05.lost_customer_cost ---------------------------------------------------------------------

def _top_warning(orders, customers):
    """The customer at the top of the early-warning list (the most margin at risk)."""
    from crmlessons import loss

    watch = loss.early_warning(orders, customers)
    if watch.empty:
        raise ValueError("the early warning flags no customer in these data")
    return watch.iloc[0]


def _lost_cost(orders, customers, spend, discount_rate=None, part="all") -> float:
    """The answer (its own margin, discounted, plus a replacement), or one of its common mistakes."""
    from crmlessons import retention

    rate = retention.DISCOUNT_RATE if discount_rate is None else discount_rate
    f = retention.facts(orders, customers, spend, discount_rate=rate)
    margin = float(_top_warning(orders, customers)["value_at_risk_cny"])
    return {"all": margin * f["expected_years"] + f["acquisition_cost"], "one_year": margin + f["acquisition_cost"],
            "average": f["lost_customer_cost"]}[part]


def _top_facts(orders, customers, spend) -> dict:
    top = _top_warning(orders, customers)
    return {"customer": top["customer_id"], "margin": round(top["value_at_risk_cny"]),
            "margin_wan": i18n.wan(top["value_at_risk_cny"])}


# --- 05.warning_visit --------------------------------------------------------------------------

def _revenue_before(orders, ids) -> float:
    """Yearly revenue of customers ``ids`` in the early warning's earlier window (their old pace)."""
    import pandas as pd

    from crmlessons.datasets.rules import AS_OF, DECLINE_WINDOW_DAYS

    window = pd.Timedelta(days=DECLINE_WINDOW_DAYS)
    end = pd.Timestamp(AS_OF)
    inside = (orders["order_date"] > end - 2 * window) & (orders["order_date"] <= end - window)
    return float(orders.loc[inside & orders["customer_id"].isin(ids), "amount_cny"].sum() * 365 / DECLINE_WINDOW_DAYS)


def _visit_figures(orders, customers, spend) -> dict:
    """The largest and the smallest flagged customer, and the expected loss of each if nobody acts."""
    from crmlessons import loss, retention

    watch = loss.early_warning(orders, customers)
    if len(watch) < 2:
        raise ValueError("the early warning flags fewer than two customers in these data")
    f = retention.facts(orders, customers, spend)
    hits = loss.warning_hit_rate(orders, customers)
    hit = float(hits.loc[hits["flagged"], "loss_rate"].iloc[0])
    big, small = watch.iloc[0], watch.iloc[-1]
    risk = {name: hit * (row["value_at_risk_cny"] * f["expected_years"] + f["acquisition_cost"])
            for name, row in (("big", big), ("small", small))}
    return {"big": big, "small": small, "hit": hit, "facts": f, "risk": risk,
            "offer": OFFER * _revenue_before(orders, [big["customer_id"], small["customer_id"]])}


def _visit(orders, customers, spend) -> str:
    """A: visit both; B: visit the larger only; D: neither (C, a discount, answers a cause nobody has found)."""
    risk = _visit_figures(orders, customers, spend)["risk"]
    if risk["small"] > VISIT_COST:
        return "A"
    return "B" if risk["big"] > VISIT_COST else "D"


def _visit_facts(orders, customers, spend) -> dict:
    figures = _visit_figures(orders, customers, spend)
    f, facts = figures["facts"], {}
    for name in ("big", "small"):
        row = figures[name]
        facts.update({name: row["customer_id"], f"{name}_value": round(row["value_at_risk_cny"]),
                      f"{name}_value_wan": i18n.wan(row["value_at_risk_cny"]),
                      f"{name}_risk": round(figures["risk"][name]), f"{name}_risk_wan": i18n.wan(figures["risk"][name])})
    return {**facts, "hit": f"{figures['hit']:.1%}", "years": f"{f['expected_years']:.1f}",
            "replacement": round(f["acquisition_cost"]), "replacement_wan": i18n.wan(f["acquisition_cost"]),
            "visit": VISIT_COST, "visit_wan": i18n.wan(VISIT_COST), "offer_pct": round(OFFER * 100),
            "offer": round(figures["offer"]), "offer_wan": i18n.wan(figures["offer"])}


# --- 05.break_even and 05.first_cause -----------------------------------------------------------

def _values(losses, orders, customers, spend):
    from crmlessons import retention

    return retention.reason_values(losses, orders, customers, spend)


def _break_even(losses, orders, customers, spend, discount_rate=None, part="break_even_budget", years=1,
                invert=False) -> float:
    """The answer (the share of complaint-handling losses the desk must prevent), or a common mistake."""
    from crmlessons import retention

    reason, _, cost = PROGRAMMES["A"]
    rate = retention.DISCOUNT_RATE if discount_rate is None else discount_rate
    whole = retention.what_if(_values(losses, orders, customers, spend), {reason: 1.0}, discount_rate=rate)[part]
    return float(whole * years / cost if invert else cost / (whole * years))


def _desk_facts(losses, orders, customers, spend) -> dict:
    cost = PROGRAMMES["A"][2]
    return {"cost": cost, "cost_wan": i18n.wan(cost)}


def _programmes(losses, orders, customers, spend) -> dict:
    """Each programme of :data:`PROGRAMMES`: customers kept a year, the value they keep, its cost, net value."""
    from crmlessons import retention

    values = _values(losses, orders, customers, spend)
    out = {}
    for letter, (reason, cut, cost) in PROGRAMMES.items():
        result = retention.what_if(values, {reason: cut})
        out[letter] = {"kept": result["customers_kept"], "value": result["break_even_budget"], "cost": cost,
                       "cut": cut, "net": result["break_even_budget"] - cost}
    return out


def _first_cause(losses, orders, customers, spend) -> str:
    programmes = _programmes(losses, orders, customers, spend)
    return max(programmes, key=lambda letter: programmes[letter]["net"])


def _programme_facts(losses, orders, customers, spend) -> dict:
    facts = {}
    for letter, p in _programmes(losses, orders, customers, spend).items():
        key = letter.lower()
        facts.update({f"{key}_kept": f"{p['kept']:.1f}", f"{key}_cut": round(100 * p["cut"]),
                      **{f"{key}_{name}": round(p[name]) for name in ("value", "cost", "net")},
                      **{f"{key}_{name}_wan": i18n.wan(p[name]) for name in ("value", "cost", "net")}})
    return facts


def _programme_feedback(letter: str, en: str, zh: str) -> dict:
    key = letter.lower()
    return {"en": f"It keeps about {{{key}_kept}} customers a year, worth CNY {{{key}_value:,}} over their "
                  f"relationships (discounted), for CNY {{{key}_cost:,}} a year: net CNY {{{key}_net:,}}. {en}",
            "zh": f"每年约留住 {{{key}_kept}} 位客户，其关系期内价值（折现后）{{{key}_value_wan}} 万元，每年成本 "
                  f"{{{key}_cost_wan}} 万元：净值 {{{key}_net_wan}} 万元。{zh}"}


EXERCISES = [
    Exercise(
        name="05.controllable_share",
        question={"en": "The counts above put lost deals and lost customers together. Take the lost CUSTOMERS alone "
                        "(loss_type 'customer'): of those whose category is known, what share is company-side, the "
                        "losses Hengtai controls? Give a share between 0 and 1.",
                  "zh": "上面的统计把丢单和流失客户放在一起。只看流失客户（loss_type 为 'customer'）：在类别已知的流失客户中，"
                        "企业自身原因（恒泰可以控制的流失）占多大比例？请给出 0 到 1 之间的比例。"},
        data=lambda: _tables("losses"),
        answer=_controllable,
        hint={"en": "Keep the rows with loss_type 'customer', then count company_side over the rows whose category is "
                    "known: `loss.counts(losses, \"category\", loss_type=\"customer\")` does both.",
              "zh": "先保留 loss_type 为 'customer' 的行，再用 company_side 的行数除以类别已知的行数："
                    "`loss.counts(losses, \"category\", loss_type=\"customer\")` 可以一步完成。"},
        mistakes=[
            Mistake(lambda losses: _customer_share(losses, "company_side", known=False),
                    {"en": "You divided by every lost customer, including those whose reason is unknown: leave them out "
                           "of the base (they are reported separately, not counted as 'not company-side').",
                     "zh": "你除以了全部流失客户，包括原因未知的客户：这些记录应从分母中去掉（它们单独报告，不能算作“非企业原因”）。"}),
            Mistake(lambda losses: _customer_share(losses, "third_party"),
                    {"en": "That is the third-party share: competitors and friends' opinions are not under the firm's control.",
                     "zh": "这是第三方因素的比例：竞争对手和亲友意见不在企业控制之内。"}),
            Mistake(lambda losses: 1 - _customer_share(losses, "company_side"),
                    {"en": "You took everything except company-side: the question asks for the company-side share itself.",
                     "zh": "你算的是企业自身原因以外的比例：题目要的是企业自身原因本身的比例。"}),
        ],
        solution={"en": "`loss.controllable_share(losses, loss_type=\"customer\")`, or the share_of_known column of "
                        "`loss.counts(losses, \"category\", loss_type=\"customer\")`: about 0.54, a little below the "
                        "share for lost deals and customers together. Lost customers with an unknown reason are left "
                        "out of the base: they are reported, not counted as 'not company-side'.",
                  "zh": "`loss.controllable_share(losses, loss_type=\"customer\")`，或 "
                        "`loss.counts(losses, \"category\", loss_type=\"customer\")` 的 share_of_known 列：约 0.54，"
                        "略低于丢单和流失客户合计的比例。原因未知的流失客户不计入分母：它们单独报告，不算作“非企业原因”。"},
    ),
    Decision(
        name="05.care_claim",
        question={"en": "Hengtai's sales director drafts a line for the annual report: 'Our data confirm the literature: "
                        "two thirds of our lost customers left because we cared too little for them.' Use the claims "
                        "table above (or your group's data). Which line should the analyst write instead?",
                  "zh": "恒泰销售总监为年度报告起草了一句话：“我们的数据证实了文献的说法：我们流失的客户中有三分之二是因为我们关怀不够"
                        "而离开的。”请用上面的说法检验表（或你们小组的数据）判断：分析师应该改写成哪一句？"},
        data=lambda: _tables("losses"),
        answer=_care_claim,
        facts=_care_facts,
        options={
            "A": {"en": "'Two thirds of our lost customers left because we cared too little for them.'",
                  "zh": "“我们流失的客户中有三分之二是因为我们关怀不够而离开的。”"},
            "B": {"en": "Give each reading with its base: lack of care alone among all lost customers; care, "
                        "communication and complaint handling among all lost customers; the same among the "
                        "company-side ones. Say which of them reach two thirds.",
                  "zh": "分别给出每种理解及其分母：全部流失客户中仅关怀不够的比例；全部流失客户中关怀、沟通和投诉处理三项的比例；"
                        "企业自身原因流失客户中这三项的比例。并说明哪几种达到了三分之二。"},
            "C": {"en": "'At Hengtai the claim fails: under no reading do two thirds of lost customers leave for lack of care.'",
                  "zh": "“在恒泰这一说法不成立：无论怎样理解，因关怀不够而流失的客户都达不到三分之二。”"},
            "D": {"en": "Nothing: one firm's data cannot test a claim from the literature.",
                  "zh": "什么都不写：一家企业的数据无法检验文献中的说法。"},
        },
        feedback={
            "A": {"en": "The claim as written is lack of care alone among all lost customers: here {alone}%. The line is "
                        "right only if that reaches two thirds, and even then it speaks for Hengtai, not for the literature.",
                  "zh": "按字面理解，这一说法指的是全部流失客户中仅因关怀不够而流失的比例：这里是 {alone}%。只有它达到三分之二时"
                        "这句话才成立，而且即使成立也只代表恒泰，不代表文献。"},
            "B": {"en": "The readings differ with the base: lack of care alone {alone}%, the three relationship reasons "
                        "{three}% of all lost customers and {within}% of the company-side ones. Giving each with its base "
                        "shows the reader which reading reaches two thirds, if one does.",
                  "zh": "不同的分母给出不同的结果：仅关怀不够 {alone}%，三项关系原因占全部流失客户的 {three}%、"
                        "占企业自身原因流失客户的 {within}%。分别给出每种理解及其分母，读者就能看清哪一种（如果有的话）达到了三分之二。"},
            "C": {"en": "The claim fails for Hengtai only if even the widest reading stays below two thirds; the widest, "
                        "among company-side lost customers, is {within}% here.",
                  "zh": "只有连最宽的理解都低于三分之二时，这一说法在恒泰才算不成立；最宽的理解（企业自身原因流失客户中）在这里是 {within}%。"},
            "D": {"en": "One firm's data cannot confirm or refute the literature (and Hengtai's were built to agree with "
                        "it), but they can say whether the claim holds for this firm, which is what its managers need.",
                  "zh": "一家企业的数据确实无法证实或推翻文献（而且恒泰的数据是按这一说法构造的），但可以说明这一说法对这家企业是否成立，"
                        "而这正是管理者需要知道的。"},
        },
        hint={"en": "The claim as written is lack of care alone among all lost customers; the other rows of the claims "
                    "table widen the reasons or narrow the base. Compare each with two thirds.",
              "zh": "按字面理解，说法指的是全部流失客户中仅关怀不够的比例；说法检验表的其他行放宽了原因或缩小了分母。把每一种都与三分之二比较。"},
        solution={"en": "Compare each reading with two thirds: lack of care alone is the share_of_known of lack_of_care in "
                        "`loss.counts(losses, \"reason\", loss_type=\"customer\")`; the three reasons among all lost "
                        "customers `loss.relationship_share(losses, \"customer\", within=None)`; among the company-side "
                        "ones `loss.relationship_share(losses, \"customer\")`. If even the widest stays below two thirds, "
                        "the claim fails for the firm; if only the wider readings reach it, report each with its base; "
                        "only if lack of care alone reaches it does the director's line hold, for this firm only.",
                  "zh": "把每种理解都与三分之二比较：仅关怀不够看 `loss.counts(losses, \"reason\", loss_type=\"customer\")` "
                        "中 lack_of_care 的 share_of_known；三项原因占全部流失客户的比例看 "
                        "`loss.relationship_share(losses, \"customer\", within=None)`；占企业自身原因流失客户的比例看 "
                        "`loss.relationship_share(losses, \"customer\")`。如果连最宽的理解都低于三分之二，说法对该企业不成立；"
                        "如果只有较宽的理解达到，就分别报告每种理解及其分母；只有仅关怀不够一项就达到时，总监的话才成立，而且只对这家企业成立。"},
    ),
    Exercise(
        name="05.lost_customer_cost",
        question={"en": "Customer {customer} heads the early-warning list: CNY {margin:,} of margin in the year before "
                        "its orders fell. If Hengtai loses it, what does that cost, in CNY? Count its own yearly margin "
                        "over the expected remaining relationship, discounted at the course's rate, plus the cost of "
                        "winning a replacement.",
                  "zh": "客户 {customer} 排在预警名单首位：订单下降之前的一年，它带来 {margin_wan} 万元毛利。如果恒泰失去它，"
                        "代价是多少元？用它自己的年毛利乘以按本课程折现率折现后的预期剩余关系年数，再加上赢得替代客户的成本。"},
        data=lambda: _tables("orders", "customers", "spend"),
        answer=_lost_cost,
        facts=_top_facts,
        hint={"en": "Two parts: the customer's yearly margin times the expected years, plus the acquisition cost of a "
                    "replacement. `f = retention.facts(orders, customers, spend)` gives the years (discounted) and the "
                    "replacement cost; the margin is the customer's own, not the average.",
              "zh": "两部分：客户的年毛利乘以预期年数，再加上替代客户的获客成本。`f = retention.facts(orders, customers, spend)` "
                    "给出（折现后的）预期年数和替代成本；毛利要用这位客户自己的，而不是平均值。"},
        mistakes=[
            Mistake(lambda orders, customers, spend: _lost_cost(orders, customers, spend, discount_rate=0.0),
                    {"en": "You did not discount: margin in ten or twenty years is worth less than margin today. Use the "
                           "expected years of retention.facts with its default discount rate.",
                     "zh": "你没有折现：十年、二十年后的毛利不如今天的毛利值钱。请使用 retention.facts 默认折现率下的预期年数。"}),
            Mistake(lambda orders, customers, spend: _lost_cost(orders, customers, spend, part="average"),
                    {"en": "That is the cost of losing an average customer: this one brings far more margin a year.",
                     "zh": "这是失去一位平均客户的代价：这位客户每年带来的毛利要多得多。"}),
            Mistake(lambda orders, customers, spend: _lost_cost(orders, customers, spend, part="one_year"),
                    {"en": "You counted one year of margin: a kept customer stays for the expected remaining years.",
                     "zh": "你只算了一年的毛利：留住的客户会在预期剩余年数内一直贡献。"}),
        ],
        solution={"en": "`watch = loss.early_warning(orders, customers)` and `f = retention.facts(orders, customers, spend)`, "
                        "then `watch[\"value_at_risk_cny\"].iloc[0] * f[\"expected_years\"] + f[\"acquisition_cost\"]`: "
                        "about 7.6 million CNY, some 13 times the average customer's cost. The replacement cost is the "
                        "small part; what hurts is the margin.",
                  "zh": "`watch = loss.early_warning(orders, customers)`，`f = retention.facts(orders, customers, spend)`，"
                        "然后 `watch[\"value_at_risk_cny\"].iloc[0] * f[\"expected_years\"] + f[\"acquisition_cost\"]`："
                        "约 759 万元，约为平均客户代价的 13 倍。替代成本只是小头，真正的损失是毛利。"},
    ),
    Decision(
        name="05.warning_visit",
        question={"en": "Two customers on the early-warning list: {big}, with CNY {big_value:,} of margin a year at its "
                        "old pace, and {small}, with CNY {small_value:,}. Of the customers the warning flagged in the "
                        "past, {hit} were lost within half a year. Lost, a customer costs its yearly margin times "
                        "{years} years (discounted) plus CNY {replacement:,} for a replacement. A visit by the account "
                        "manager to find out what changed costs about CNY {visit:,} (the course's estimate). What should "
                        "Hengtai do this month?",
                  "zh": "预警名单上有两位客户：{big}，按原来的节奏每年带来 {big_value_wan} 万元毛利；{small}，每年 "
                        "{small_value_wan} 万元。过去被预警的客户中，有 {hit} 在半年内流失。流失一位客户的代价是它的年毛利乘以 "
                        "{years} 年（折现后），再加上 {replacement_wan} 万元的替代成本。客户经理上门了解情况一次约花 "
                        "{visit_wan} 万元（本课程的估计）。恒泰这个月应该怎么做？"},
        data=lambda: _tables("orders", "customers", "spend"),
        answer=_visit,
        facts=_visit_facts,
        options={
            "A": {"en": "Visit both.", "zh": "两位都去拜访。"},
            "B": {"en": "Visit {big}; keep {small} on the list and call it at the next routine contact.",
                  "zh": "拜访 {big}；{small} 留在名单上，下次例行联系时打个电话。"},
            "C": {"en": "Offer both {offer_pct}% off their orders for the next year.",
                  "zh": "给两位客户明年的订单都打 {offer_pct}% 的折扣。"},
            "D": {"en": "Do nothing until their orders stop.", "zh": "等到它们不再下单再说。"},
        },
        feedback={
            "A": {"en": "Visiting both pays only if each expected loss (the chance of losing the customer times what "
                        "losing it costs) is above the CNY {visit:,} of a visit: {big} CNY {big_risk:,}, {small} "
                        "CNY {small_risk:,}.",
                  "zh": "只有当每位客户的预期损失（流失的可能性乘以流失的代价）都高于一次拜访的 {visit_wan} 万元时，两位都拜访才划算："
                        "{big} {big_risk_wan} 万元，{small} {small_risk_wan} 万元。"},
            "B": {"en": "Visit where the expected loss is above the cost of a visit (CNY {visit:,}) and not elsewhere: "
                        "{big}'s is CNY {big_risk:,}, {small}'s CNY {small_risk:,}. For a small account a phone call "
                        "at the next contact is the cheaper way to ask.",
                  "zh": "预期损失高于拜访成本（{visit_wan} 万元）的客户才去拜访：{big} 为 {big_risk_wan} 万元，{small} 为 "
                        "{small_risk_wan} 万元。对小客户来说，下次联系时打个电话问一问更省钱。"},
            "C": {"en": "A discount before anyone knows why the orders fell gives away about CNY {offer:,} of margin and "
                        "answers only a price problem; the Loyalty article's advice is to look into the change first, "
                        "starting with the firm's own mistakes.",
                  "zh": "在还不知道订单为何下降时打折，会让出约 {offer_wan} 万元毛利，而且只能解决价格问题；客户忠诚文章的建议是"
                        "先调查变化的原因，首先从企业自身找问题。"},
            "D": {"en": "Waiting is right only if no expected loss is above the cost of a visit ({big}: CNY {big_risk:,}; "
                        "{small}: CNY {small_risk:,}); by the time the orders stop, the customer is usually gone.",
                  "zh": "只有当两位客户的预期损失都不高于拜访成本时，等待才是对的（{big}：{big_risk_wan} 万元；{small}："
                        "{small_risk_wan} 万元）；等到订单停了，客户通常已经走了。"},
        },
        hint={"en": "For each customer: expected loss = the flagged customers' loss rate x (its yearly margin x the "
                    "expected years + the replacement cost). A visit pays where the expected loss is larger than its cost.",
              "zh": "对每位客户：预期损失 = 被预警客户的流失率 ×（它的年毛利 × 预期年数 + 替代成本）。预期损失大于拜访成本时，拜访才划算。"},
        solution={"en": "`f = retention.facts(orders, customers, spend)` and `hits = loss.warning_hit_rate(orders, customers)`; "
                        "for a customer with yearly margin `m` the expected loss is "
                        "`hits[\"loss_rate\"].iloc[0] * (m * f[\"expected_years\"] + f[\"acquisition_cost\"])`. Visit each "
                        "customer whose expected loss is above the cost of a visit. A discount pays for a cause nobody has "
                        "found yet; waiting gives the warning away.",
                  "zh": "`f = retention.facts(orders, customers, spend)`，`hits = loss.warning_hit_rate(orders, customers)`；"
                        "年毛利为 `m` 的客户，预期损失为 "
                        "`hits[\"loss_rate\"].iloc[0] * (m * f[\"expected_years\"] + f[\"acquisition_cost\"])`。"
                        "预期损失高于拜访成本的客户都应拜访。打折是在为一个还没找到的原因买单；等待则白白浪费了预警。"},
    ),
    Exercise(
        name="05.break_even",
        question={"en": "A complaint desk (every complaint logged and answered within two working days) would cost "
                        "Hengtai CNY {cost:,} a year. What share of its complaint-handling losses of lost customers must "
                        "the desk prevent to pay for itself, with the course's discount rate? Give a share between 0 and 1.",
                  "zh": "设立投诉服务台（每项投诉都登记，并在两个工作日内答复）每年要花 {cost_wan} 万元。按本课程的折现率，"
                        "服务台至少要避免多大比例的“投诉处理不当”客户流失，才能收回成本？请给出 0 到 1 之间的比例。"},
        data=lambda: _tables("losses", "orders", "customers", "spend"),
        answer=_break_even,
        facts=_desk_facts,
        hint={"en": "Preventing every complaint-handling loss is worth "
                    "`retention.what_if(values, {\"complaint_handling\": 1.0})[\"break_even_budget\"]` a year; the desk "
                    "pays for itself from the share whose value equals its cost.",
              "zh": "避免全部“投诉处理不当”流失的价值是每年 "
                    "`retention.what_if(values, {\"complaint_handling\": 1.0})[\"break_even_budget\"]`；服务台要避免的比例，"
                    "就是价值正好等于其成本的那个比例。"},
        mistakes=[
            Mistake(lambda losses, orders, customers, spend: _break_even(losses, orders, customers, spend, discount_rate=0.0),
                    {"en": "You did not discount the kept customers' future margin: use the course's rate (the default).",
                     "zh": "你没有对留住客户的未来毛利折现：请使用本课程的折现率（默认值）。"}),
            Mistake(lambda losses, orders, customers, spend: _break_even(losses, orders, customers, spend,
                                                                         years=len(_years())),
                    {"en": "You used the losses of all the years together: the desk's cost is a year's, so compare it with "
                           "the losses of one year.",
                     "zh": "你用的是所有年份的流失合计：服务台的成本是一年的，所以要和一年的流失比较。"}),
            Mistake(lambda losses, orders, customers, spend: _break_even(losses, orders, customers, spend, invert=True),
                    {"en": "Upside down: divide the desk's cost by the value of preventing every such loss.",
                     "zh": "颠倒了：应该用服务台的成本除以避免全部此类流失的价值。"}),
        ],
        solution={"en": "`values = retention.reason_values(losses, orders, customers, spend)`, "
                        "`whole = retention.what_if(values, {\"complaint_handling\": 1.0})[\"break_even_budget\"]`, then "
                        "`answer = 600_000 / whole`: about 0.21. If the desk prevents more than that share of the "
                        "complaint-handling losses, it pays for itself.",
                  "zh": "`values = retention.reason_values(losses, orders, customers, spend)`，"
                        "`whole = retention.what_if(values, {\"complaint_handling\": 1.0})[\"break_even_budget\"]`，然后 "
                        "`answer = 600_000 / whole`：约 0.21。服务台避免的“投诉处理不当”流失超过这一比例，就能收回成本。"},
    ),
    Decision(
        name="05.first_cause",
        question={"en": "Hengtai's board will fund one retention programme this year. The course's estimates of what "
                        "each would cost and prevent are below. Which should it fund first: the one that keeps the most "
                        "value after its cost? (Value the customers kept as the what-if widget does, discounted.)",
                  "zh": "恒泰董事会今年只资助一项客户保留计划。下面是本课程对每项计划成本和效果的估计。应该先资助哪一项，"
                        "即扣除成本后保住价值最多的那一项？（像假设分析控件那样，按折现后的价值计算留住的客户。）"},
        data=lambda: _tables("losses", "orders", "customers", "spend"),
        answer=_first_cause,
        facts=_programme_facts,
        options={
            "A": {"en": "A complaint desk: every complaint logged and answered within two working days. Prevents "
                        "{a_cut}% of the complaint-handling losses; costs CNY {a_cost:,} a year.",
                  "zh": "投诉服务台：每项投诉都登记，并在两个工作日内答复。避免 {a_cut}% 的“投诉处理不当”流失；每年成本 {a_cost_wan} 万元。"},
            "B": {"en": "A care plan: an account manager visits every customer once a quarter. Prevents {b_cut}% of the "
                        "lack-of-care losses; costs CNY {b_cost:,} a year.",
                  "zh": "关怀计划：客户经理每季度拜访每位客户一次。避免 {b_cut}% 的“关怀不够”流失；每年成本 {b_cost_wan} 万元。"},
            "C": {"en": "Communication training for every salesperson. Prevents {c_cut}% of the communication losses; "
                        "costs CNY {c_cost:,} a year.",
                  "zh": "为全体销售人员开展沟通培训。避免 {c_cut}% 的“沟通不足”流失；每年成本 {c_cost_wan} 万元。"},
            "D": {"en": "Price matching: meet a competitor's offer whenever one approaches a customer. Prevents {d_cut}% "
                        "of the losses to competitors; costs CNY {d_cost:,} a year in margin given away.",
                  "zh": "价格匹配：竞争对手接触客户时，就按对手的报价供货。避免 {d_cut}% 的“竞争对手”流失；每年让出毛利 {d_cost_wan} 万元。"},
        },
        feedback={
            "A": _programme_feedback("A", "Complaint handling is company-side: Hengtai controls it fully.",
                                     "投诉处理属于企业自身原因：完全在恒泰的控制之中。"),
            "B": _programme_feedback("B", "Care is company-side too, but a plan that reaches every customer is the dearest "
                                          "of the four.", "关怀同样属于企业自身原因，但覆盖每位客户的计划是四项中最贵的。"),
            "C": _programme_feedback("C", "It acts on communication, which the Key-account CRM course calls a core "
                                          "problem of CRM.", "它针对的是沟通，《大客户关系管理教程》称之为客户关系管理的核心问题。"),
            "D": _programme_feedback("D", "Competitors are a third party: matching their prices gives margin away and "
                                          "acts on the loss only indirectly.",
                                     "竞争对手属于第三方：跟着对手降价会让出毛利，而且只能间接影响流失。"),
        },
        hint={"en": "For each programme, `retention.what_if(values, {reason: share})[\"break_even_budget\"]` is the value "
                    "it keeps a year; subtract its cost and take the largest.",
              "zh": "对每项计划，`retention.what_if(values, {reason: share})[\"break_even_budget\"]` 是它每年保住的价值；"
                    "减去成本，取最大的一项。"},
        solution={"en": "`values = retention.reason_values(losses, orders, customers, spend)`, then for each programme "
                        "`retention.what_if(values, {reason: share})[\"break_even_budget\"]` minus its cost (or tick its "
                        "reason in the widget and set the cut). Fund the programme with the largest net value. A large "
                        "reason is not enough: what counts is how much a programme keeps for what it costs, and whether "
                        "the cause is one the firm controls.",
                  "zh": "`values = retention.reason_values(losses, orders, customers, spend)`，然后对每项计划计算 "
                        "`retention.what_if(values, {reason: share})[\"break_even_budget\"]` 减去其成本（也可以在控件中勾选对应原因并设置减少比例）。"
                        "资助净值最大的计划。原因大并不够：关键是计划花多少钱、保住多少价值，以及这个原因是否在企业控制之中。"},
    ),
]


def _years():
    from crmlessons.datasets.rules import YEARS

    return YEARS

QUIZ = [
    Question(
        prompt={"en": "Which of these is a company-side cause of losing a customer (Key-account CRM course, Table 1-1)?",
                "zh": "以下哪一项属于客户流失的企业自身原因（《大客户关系管理教程》，表 1-1）？"},
        options=[{"en": "A competitor cuts its prices", "zh": "竞争对手降价"},
                 {"en": "A complaint is handled badly", "zh": "投诉处理不当"},
                 {"en": "The customer's contact person dies", "zh": "客户的联系人去世"},
                 {"en": "A relative of the owner recommends another supplier", "zh": "老板的亲戚推荐了别的供应商"}],
        correct=1,
        feedback=[{"en": "Competitors' activities are a third-party cause.", "zh": "竞争对手的活动属于第三方因素。"},
                  {"en": "Yes: handling complaints is the company's own work, and CRM can improve it.",
                   "zh": "对：处理投诉是企业自己的工作，客户关系管理可以改进。"},
                  {"en": "An objective event on the customer's side: a customer-side cause.",
                   "zh": "这是客户方面的客观情况，属于客户自身原因。"},
                  {"en": "The opinions of friends and relatives are a third-party cause.", "zh": "亲友意见属于第三方因素。"}],
        source="Key-account CRM course, Table 1-1",
    ),
    Question(
        prompt={"en": "The Key-account CRM course calls one company-side problem a core problem of CRM. Which?",
                "zh": "《大客户关系管理教程》把企业自身的哪个问题称为客户关系管理的核心问题？"},
        options=[{"en": "Weak communication skills", "zh": "沟通技巧不够"},
                 {"en": "High prices", "zh": "价格太高"},
                 {"en": "Competitors' activities", "zh": "竞争对手的活动"}],
        correct=0,
        feedback=[{"en": "Right: communication is an important cause of losses and a core problem of CRM.",
                   "zh": "对：沟通是造成流失的重要原因，也是客户关系管理的核心问题。"},
                  {"en": "Price is company-side, but the source singles out communication.",
                   "zh": "价格属于企业自身原因，但资料特别强调的是沟通。"},
                  {"en": "Competitors are a third party, not a company-side problem.", "zh": "竞争对手是第三方，不是企业自身的问题。"}],
        source="Key-account CRM course, Table 1-1",
    ),
    Question(
        prompt={"en": "Which reason code of the course is NOT in Table 1-1 of the Key-account CRM course, but comes "
                      "from another source?",
                "zh": "本课程的哪个原因代码不在《大客户关系管理教程》的表 1-1 中，而是来自另一份资料？"},
        options=[{"en": "Complaints handled badly", "zh": "投诉处理不当"},
                 {"en": "Too little care", "zh": "关怀不够"},
                 {"en": "Competitors' activities", "zh": "竞争对手的活动"},
                 {"en": "The contact's death", "zh": "联系人去世"}],
        correct=1,
        feedback=[{"en": "Table 1-1 names it among the company-side causes.", "zh": "表 1-1 把它列为企业自身原因之一。"},
                  {"en": "Yes: it comes from the Relationship-marketing essay's claim that two thirds of customers leave "
                         "for too little care; the course adds it to the company side.",
                   "zh": "对：它来自关系营销论文“三分之二的客户因关怀不够而离开”的说法；本课程把它补充为企业自身原因。"},
                  {"en": "Table 1-1 names it as the typical third-party cause.", "zh": "表 1-1 把它列为典型的第三方因素。"},
                  {"en": "Table 1-1 names it as an objective event on the customer's side (the contact leaving the "
                         "company is the course's addition).",
                   "zh": "表 1-1 把它列为客户方面的客观情况（联系人离职才是本课程的补充）。"}],
        source="Key-account CRM course, Table 1-1; Relationship-marketing essay",
    ),
    Question(
        prompt={"en": "In a Pareto chart of loss reasons, what does the reference line help you find?",
                "zh": "在流失原因的帕累托图中，参考线帮助你找到什么？"},
        options=[{"en": "The few reasons that together explain most losses, to work on first",
                  "zh": "合计解释了大部分流失、应优先改进的少数原因"},
                 {"en": "The reasons that are most certain", "zh": "把握最大的原因"},
                 {"en": "The customers worth most of the revenue", "zh": "贡献大部分收入的客户"}],
        correct=0,
        feedback=[{"en": "Yes: the reasons up to where the cumulative line crosses it are the vital few.",
                   "zh": "对：累计线越过参考线之前的原因就是“关键少数”。"},
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
        prompt={"en": "A loyal customer's orders in the last year are half those of the year before. The Loyalty "
                      "article suggests ...",
                "zh": "一位忠诚客户最近一年的订单只有前一年的一半。客户忠诚文章建议……"},
        options=[{"en": "waiting: order volumes go up and down", "zh": "等等看：订单量本来就有起伏"},
                 {"en": "looking into it: search for the cause, starting with our own mistakes, and talk to the customer",
                  "zh": "调查分析：先从自身找问题，查明原因并与客户沟通"},
                 {"en": "cutting the customer's discount", "zh": "取消该客户的折扣"}],
        correct=1,
        feedback=[{"en": "By the time the orders stop, the customer is usually gone.", "zh": "等到订单停了，客户通常已经走了。"},
                  {"en": "Right: a change in purchase volume calls for investigation and contact; the course's early "
                         "warning turns this into a list.",
                   "zh": "对：进货量的变化需要调查分析并及时沟通；本课程的预警规则把这一点变成了一份名单。"},
                  {"en": "That would push a customer who may already be leaving.", "zh": "这只会把可能正要离开的客户推得更远。"}],
        source="Loyalty article",
    ),
    Question(
        prompt={"en": "Hengtai's data give a cost ratio of about 4.7, close to the literature's 5, and Hengtai's datasheet "
                      "says the ratio was built into the data. What does measuring it teach?",
                "zh": "恒泰的数据算出的成本比约为 4.7，接近文献中的 5 倍；而恒泰的数据说明写明，这一比值是构造数据时预设的。"
                      "测量它能学到什么？"},
        options=[{"en": "That the literature is right: winning a customer costs five times keeping one",
                  "zh": "文献是对的：开发一位客户的成本是维系一位的五倍"},
                 {"en": "How to measure the ratio on a firm's own spend and customer counts; for a real firm it could come "
                        "out far from 5",
                  "zh": "如何用企业自己的费用和客户数来测量这一比值；对真实企业来说，结果可能与 5 倍相差很远"},
                 {"en": "That keeping customers is not worth it", "zh": "留住客户不值得"}],
        correct=1,
        feedback=[{"en": "Data built to agree with a claim cannot be evidence for it: Hengtai shows the method, not the fact.",
                   "zh": "按某个说法构造的数据不能作为这一说法的证据：恒泰演示的是方法，而不是事实。"},
                  {"en": "Yes: the method carries over to a real firm's records, where the answer is not known in advance.",
                   "zh": "对：这一方法可以用于真实企业的记录，而那里的答案事先并不知道。"},
                  {"en": "The opposite: at Hengtai keeping a customer costs far less than winning one.",
                   "zh": "恰恰相反：在恒泰，维系一位客户比开发一位新客户便宜得多。"}],
        source="Relationship-marketing essay; Customer-service courseware",
    ),
    Question(
        prompt={"en": "The what-if widget shows a break-even budget. What is it?",
                "zh": "假设分析控件显示了“盈亏平衡预算”。它是什么？"},
        options=[{"en": "The most a year's retention plan may cost and still pay for itself",
                  "zh": "一年的客户保留计划最多可以花多少钱而仍然划算"},
                 {"en": "This year's marketing budget", "zh": "今年的市场预算"},
                 {"en": "The revenue of the customers kept", "zh": "留住的客户带来的收入"}],
        correct=0,
        feedback=[{"en": "Yes: the margin saved (discounted) plus the replacement cost saved; a plan that costs less pays "
                         "for itself, if it really keeps those customers.",
                   "zh": "对：保住的毛利（折现后）加上节省的替代成本；花费低于它的计划就能收回成本——前提是它真的留住了这些客户。"},
                  {"en": "It is what a plan is allowed to cost, computed from the losses it avoids.",
                   "zh": "它是根据避免的流失算出的计划可花费用上限。"},
                  {"en": "Revenue is not profit: the budget is paid from margin, not from revenue.",
                   "zh": "收入不等于利润：预算要从毛利中支付，而不是从收入中支付。"}],
    ),
    Question(
        prompt={"en": "Why does the course discount the margin a kept customer will bring in later years?",
                "zh": "本课程为什么要对留住的客户在以后年份带来的毛利进行折现？"},
        options=[{"en": "Money received later is worth less than money today, and a relationship's distant future is "
                        "uncertain", "zh": "以后收到的钱不如今天的钱值钱，而且客户关系的远期前景并不确定"},
                 {"en": "Because customers pay their invoices late", "zh": "因为客户付款晚"},
                 {"en": "To make retention programmes look more attractive", "zh": "为了让客户保留计划看起来更有吸引力"}],
        correct=0,
        feedback=[{"en": "Yes: undiscounted, a retention rate near 1 would promise decades of margin that nobody can count on.",
                   "zh": "对：不折现的话，接近 1 的留存率会许诺几十年的毛利，而没有人能指望这些。"},
                  {"en": "Late payment is a matter of credit terms, not of a relationship's value over the years.",
                   "zh": "付款晚是信用条件的问题，与多年关系的价值无关。"},
                  {"en": "The opposite: discounting lowers what keeping a customer is worth, and so the break-even budget.",
                   "zh": "恰恰相反：折现会降低留住客户的价值，盈亏平衡预算也随之降低。"}],
    ),
]

GLOSSARY = [
    Term("lost deal", "丢单", {"en": "A prospect (lead) the firm worked on but did not win.",
                               "zh": "企业跟进过但没有赢得的潜在客户（线索）。"}),
    Term("lost customer", "流失客户", {"en": "A customer who stopped buying from the firm.",
                                      "zh": "不再向企业购买的客户。"}, "Key-account CRM course"),
    Term("loss cause", "流失原因", {"en": "Why a deal or customer was lost; the Key-account CRM course sorts the causes "
                                         "into customer side, company side and third party.",
                                   "zh": "丢单或客户流失的原因；《大客户关系管理教程》把原因分为客户自身、企业自身和第三方三类。"},
         "Key-account CRM course, Table 1-1"),
    Term("controllable loss", "可控流失", {"en": "The course's term for a loss with a company-side cause: the firm can act "
                                                "on it, and CRM can fix much of it.",
                                          "zh": "本课程的用语，指由企业自身原因造成的流失：企业可以采取行动，客户关系管理能改善其中很大一部分。"}),
    Term("Pareto chart", "帕累托图", {"en": "Bars sorted from largest to smallest with a cumulative-share line: shows the few "
                                             "causes behind most of an effect.",
                                      "zh": "从大到小排列的柱形加上累计占比线：显示造成大部分结果的少数原因。"}),
    Term("early warning", "预警", {"en": "The course's term for a sign, such as falling order volume, that a customer may "
                                        "be about to leave; the Loyalty article advises looking into any change in a "
                                        "customer's purchase volume.",
                                  "zh": "本课程的用语，指客户可能即将离开的信号，例如订单量下降；客户忠诚文章建议，客户进货量一有变化就要调查分析。"}),
    Term("retention rate", "留存率", {"en": "Share of the customers at the start of a year who are still customers at its end.",
                                      "zh": "年初的客户中到年底仍是客户的比例。"}),
    Term("acquisition cost", "获客成本", {"en": "Sales and marketing spend on winning new customers, per new customer won.",
                                         "zh": "为赢得新客户而花的销售和市场费用，按每位新客户计算。"}),
    Term("discount rate", "折现率", {"en": "The yearly rate by which money received later counts for less today; the course "
                                           "discounts future margin at 10% a year.",
                                     "zh": "以后收到的钱折算成今天的价值时每年打的折扣；本课程对未来毛利按每年 10% 折现。"}),
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


#: The case's customer buys what Hengtai sells it in the story: bearings and maintenance service (two of
#: the product lines of the case data), and the part that fails is one of them.
CASE = MiniCase(
    title={"en": "The bearings nobody came to look at", "zh": "没人来看的轴承"},
    story=[
        {"en": "Jinhe Precision Machinery, a medium-sized machine builder in the east region, had bought bearings "
               "from Hengtai since 2016, with a maintenance-service contract for its machining lines: an order "
               "every month or two, about 70,000 CNY of margin a year.",
         "zh": "金禾精密机械是华东区的一家中型机械制造企业，自 2016 年起向恒泰采购轴承，并签有机加工生产线的维保服务合同："
               "大约一两个月一单，每年毛利约 7 万元。"},
        {"en": "In March 2025 two batches of spindle bearings Hengtai had delivered wore out within weeks, and a line "
               "stood still for two days. The plant manager complained by phone and by e-mail; Hengtai answered after "
               "five weeks, with a form to fill in. The maintenance engineer's quarterly check of the lines was put "
               "off twice. In June Hengtai's account manager left the company; his successor only sent price lists "
               "on WeChat and never visited.",
         "zh": "2025 年 3 月，恒泰交付的两批主轴轴承几周内就磨损了，一条生产线因此停了两天。厂长打电话又发邮件投诉；"
               "恒泰五周后才回复，只发来一张表格让对方填写。维修工程师每季度一次的生产线检查也两次推迟。6 月，恒泰的客户经理离职；"
               "接任者只在微信上发价格表，从未上门拜访。"},
        {"en": "From July, Jinhe ordered only twice. In November a competitor visited the plant and offered a free "
               "inspection of the bearings on every line and 3% off. In December Jinhe's buyer said: 'We have found "
               "a cheaper supplier.' The new account manager typed the reason: 'PRICE'.",
         "zh": "从 7 月起，金禾只下过两单。11 月，一家竞争对手上门拜访，提出免费检查每条生产线上的轴承，并给予 3% 的折扣。"
               "12 月，金禾的采购员说：“我们找到了更便宜的供应商。”新客户经理填写的原因是：“PRICE”。"},
    ],
    questions=[
        {"en": "Which reason was recorded, and which reasons do you see in the story? Sort them into customer side, "
               "company side and third party (Key-account CRM course, Table 1-1), and mark those that only the "
               "course's additions name.",
         "zh": "记录的原因是什么？你在故事中看到了哪些原因？把它们分为客户自身、企业自身和第三方（《大客户关系管理教程》，表 1-1），"
               "并标出只有本课程的补充才列出的原因。"},
        {"en": "Which of them could CRM have fixed? Think of complaint handling, communication and care.",
         "zh": "其中哪些是客户关系管理本可以解决的？想一想投诉处理、沟通和关怀。"},
        {"en": "When could Hengtai have seen the early warning in its order data, and what should it have done then "
               "(Loyalty article)?",
         "zh": "恒泰本可以在什么时候从订单数据中看到预警？当时应该怎么做（客户忠诚文章）？"},
        {"en": "Roughly what did losing Jinhe cost Hengtai? Use its margin a year, the discounted expected years and "
               "the replacement cost from this lesson.",
         "zh": "失去金禾大约让恒泰损失了多少？用它的年毛利、本课中折现后的预期年数和替代成本来估算。"},
        {"en": "Why is 'PRICE' a risky reason to record here, and what would a better loss record look like?",
         "zh": "为什么在这里记录“PRICE”是有风险的？更好的流失记录应该是什么样的？"},
    ],
)


def mini_case() -> MiniCase:
    """Return the lesson's classroom case (shown in the current language).

    Examples
    --------
    >>> print(mini_case())  # doctest: +ELLIPSIS
    Classroom case: The bearings nobody came to look at
    ...
    """
    return CASE
