"""Data dictionaries of the case company's tables, and English / Chinese labels of category values.

Every table of the case (see :data:`TABLES`) is described column by column: its dtype after loading,
unit, allowed values or range, a description in English and in Chinese, and an English and a Chinese
label. Category values are stored as English ``snake_case`` codes; :func:`value_labels` gives their
English and Chinese labels so that a chart in Chinese can show Chinese categories. :func:`describe`
shows a table's dictionary in the course language.

Examples
--------
>>> dictionary("orders").set_index("column").loc["tier", "allowed"]
'standard, premium'
>>> from crmlessons import i18n
>>> with i18n.using("zh"):
...     tier = describe("orders").set_index("列名").loc["tier"]
>>> tier["名称"], tier["取值"]
('档次', 'standard：标准款；premium：高端')
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from crmlessons import i18n
from crmlessons.datasets.calendar import AS_OF, LEADS_START, ORDERS_START
from crmlessons.datasets.vocabularies import ORDERED, VOCABULARIES, category_dtype

# The dictionary sits below the case calendar (crmlessons.datasets.rules imports the vocabularies), so
# the dates its descriptions name are written out; tests/test_datasets.py checks them against rules.
__all__ = ["TABLES", "dictionary", "describe", "value_labels", "VOCABULARIES", "ORDERED", "category_dtype"]

ASK_ITEM_IDS = [f"{d}{i}" for d in "ASK" for i in range(1, 5)]
#: The three ways of raising customer value (E-CRM article): table customers has a ``<kind>_ties`` column each.
TIE_KINDS = ("financial", "social", "structural")


@dataclass(frozen=True)
class Column:
    """One column of a data dictionary (see :func:`dictionary`)."""

    name: str
    dtype: str  # "str", "category", "int64", "float64", "bool", "datetime64[ns]"
    unit: str
    allowed: object  # vocabulary name (str), (low, high) tuple, or None
    description: str
    label_en: str
    label_zh: str
    description_zh: str
    nullable: bool = False
    decimals: int | None = None  # float formatting in the shipped CSV


def _c(*args, **kw) -> Column:
    return Column(*args, **kw)


_ITEM_COLUMNS = [
    _c(item, "int64", "points (1-5)", (1, 5),
       f"Self-assessment answer to ASK item {item} (see table ask_items; 1 = strongly disagree, "
       "5 = strongly agree; reverse-scored items are stored as answered, not reversed).",
       f"ASK item {item}", f"ASK 题项 {item}",
       description_zh=f"ASK 自评题 {item} 的回答（题目见 ask_items 表；1 = 非常不同意，5 = 非常同意；"
                      "反向计分题按原始回答存储，未作换算）。")
    for item in ASK_ITEM_IDS
]

# The survey's parts of customer value and cost (the marketing literature's breakdown of customer delivered
# value = total customer value - total customer cost): column, label_en, label_zh, what is rated (en, zh).
_VALUE_PARTS = [
    ("value_product", "Product value", "产品价值", "the products themselves (quality, fit, reliability)",
     "产品本身（质量、适用性、可靠性）"),
    ("value_service", "Service value", "服务价值", "Hengtai's service (delivery, installation, maintenance, "
     "technical support)", "恒泰的服务（交货、安装、维保、技术支持）"),
    ("value_personnel", "Personnel value", "人员价值", "Hengtai's people (the account manager's and engineers' "
     "knowledge, attitude, responsiveness)", "恒泰的人员（客户经理和工程师的知识、态度和响应速度）"),
    ("value_image", "Image value", "形象价值", "Hengtai's name and reputation (what buying from it says about us)",
     "恒泰的品牌与声誉（从恒泰采购给我们带来的形象）"),
]
_COST_PARTS = [
    ("cost_price", "Money cost", "货币成本", "the price paid", "所付价格"),
    ("cost_time", "Time cost", "时间成本", "the time spent buying and waiting (ordering, delivery, "
     "service calls)", "采购和等待所花的时间（下单、交货、报修）"),
    ("cost_energy", "Energy cost", "精力成本", "the effort spent buying and using (comparing, negotiating, "
     "follow-up)", "采购和使用所花的精力（比较、谈判、跟进）"),
    ("cost_psychological", "Psychological cost", "心理成本", "the worry and risk (will it work, will they "
     "deliver on time?)", "担心和风险（好不好用、能否按时交货）"),
]
#: The survey's items on the parts of customer value and of customer cost (1-5), in table order.
VALUE_ITEMS = tuple(part[0] for part in _VALUE_PARTS)
COST_ITEMS = tuple(part[0] for part in _COST_PARTS)
_VALUE_COLUMNS = [
    _c(name, "float64", "points (1-5)", (1, 5),
       f"Part of total customer value: how much the customer gets from {what}; 1 = very little, 5 = very "
       "much; missing when not answered.", label_en, label_zh, nullable=True, decimals=0,
       description_zh=f"客户总价值的组成部分：客户从{what_zh}中得到多少；1 = 很少，5 = 很多；未作答时为空。")
    for name, label_en, label_zh, what, what_zh in _VALUE_PARTS
] + [
    _c(name, "float64", "points (1-5)", (1, 5),
       f"Part of total customer cost: how heavy the customer finds {what}; 1 = very light, 5 = very heavy; "
       "missing when not answered.", label_en, label_zh, nullable=True, decimals=0,
       description_zh=f"客户总成本的组成部分：客户觉得{what_zh}的负担有多重；1 = 很轻，5 = 很重；未作答时为空。")
    for name, label_en, label_zh, what, what_zh in _COST_PARTS
]

# The features of the survey's Kano questions (lesson 07): code, label (en, zh), and the situation the
# functional question describes (the feature is there) and the dysfunctional one (it is not), en and zh.
_KANO_FEATURES = [
    ("on_time_delivery", "on-time delivery", "准时交货",
     "Hengtai delivers every order on the promised day", "Hengtai sometimes delivers later than promised",
     "恒泰每笔订单都按承诺的日期交货", "恒泰有时比承诺的日期晚交货"),
    ("tech_support", "technical support", "技术支持",
     "Hengtai answers a technical question or a breakdown the same day (hotline, engineer visit)",
     "Hengtai takes several days to answer a technical question or a breakdown",
     "恒泰当天响应技术问题或设备故障（热线、工程师上门）", "恒泰要过几天才响应技术问题或设备故障"),
    ("application_engineering", "application engineering", "应用工程服务",
     "Hengtai sends an application engineer to help choose and fit parts to your machines and processes",
     "Hengtai sells the parts without help in applying them",
     "恒泰派应用工程师帮助你们为设备和工艺选型、配套零部件", "恒泰只卖零部件，不帮助你们选型和应用"),
    ("branded_gifts", "branded gifts", "品牌礼品",
     "Hengtai sends gifts with its logo at the festivals (mooncakes, calendars)",
     "Hengtai sends no gifts at the festivals",
     "恒泰逢年过节赠送印有恒泰标志的礼品（月饼、台历）", "恒泰逢年过节不送礼品"),
]
#: The features of the survey's Kano questions: table survey has ``kano_<feature>_functional`` and
#: ``kano_<feature>_dysfunctional`` for each.
KANO_FEATURES = tuple(feature[0] for feature in _KANO_FEATURES)
#: The English and Chinese name of each Kano feature.
KANO_FEATURE_LABELS = {feature[0]: {"en": feature[1], "zh": feature[2]} for feature in _KANO_FEATURES}
#: The survey's two questions on each Kano feature: ``functional_en``, ``functional_zh`` (the feature is there),
#: ``dysfunctional_en``, ``dysfunctional_zh`` (it is not).
KANO_QUESTIONS = {feature: {"functional_en": f"If {present}, how do you feel?",
                            "functional_zh": f"如果{present_zh}，您觉得怎样？",
                            "dysfunctional_en": f"If {absent}, how do you feel?",
                            "dysfunctional_zh": f"如果{absent_zh}，您觉得怎样？"}
                  for feature, _label, _label_zh, present, absent, present_zh, absent_zh in _KANO_FEATURES}
_KANO_COLUMNS = [
    _c(f"kano_{feature}_{form}", "category", "", "kano_answer",
       f"Kano question on {label}, {form} form: '{KANO_QUESTIONS[feature][form + '_en']}' One of the five Kano "
       "answers; missing when not answered.",
       f"Kano: {label} ({form})", f"Kano：{label_zh}（{form_zh}问题）", nullable=True,
       description_zh=f"关于{label_zh}的 Kano {form_zh}问题：“{KANO_QUESTIONS[feature][form + '_zh']}”"
                      "回答为五种 Kano 回答之一；未作答时为空。")
    for feature, label, label_zh, *_situations in _KANO_FEATURES
    for form, form_zh in (("functional", "正向"), ("dysfunctional", "反向"))
]

_SPECS: dict[str, list[Column]] = {
    "ask_items": [
        _c("item_id", "str", "", None, "Item code: dimension letter and number (A1-A4, S1-S4, K1-K4).",
           "Item", "题项",
           description_zh="题项编号：维度字母加序号（A1-A4、S1-S4、K1-K4）。"),
        _c("dimension", "category", "", "ask_dimension",
           "A = Attitude, S = Skill, K = Knowledge (the ASK rule of the Key-account CRM course).", "Dimension", "维度",
           description_zh="所属维度：A 为态度，S 为技能，K 为知识（《大客户关系管理教程》的 ASK 法则）。"),
        _c("reverse_scored", "bool", "", None,
           "True when agreeing signals LESS of the dimension: score it as 6 - answer.",
           "Reverse-scored", "反向计分",
           description_zh="为 True 时，越同意说明该维度越弱，计分时按 6 减去原始答案。"),
        _c("text_en", "str", "", None, "Statement the salesperson rates, in English.", "Item (English)",
           "题目（英文）",
           description_zh="销售人员自评的题目（英文）。"),
        _c("text_zh", "str", "", None, "Statement the salesperson rates, in Chinese.", "Item (Chinese)",
           "题目（中文）",
           description_zh="销售人员自评的题目（中文）。"),
    ],
    "salespeople": [
        _c("salesperson_id", "str", "", None, "Key of the salesperson (SP001 ...).", "Salesperson",
           "销售人员",
           description_zh="销售人员编号（主键，SP001 起）。"),
        _c("region", "category", "", "region", "Sales region the person covers.", "Region", "区域",
           description_zh="该销售人员负责的销售区域。"),
        _c("hire_date", "datetime64[ns]", "date", None, "Date the person joined the company.",
           "Hire date", "入职日期",
           description_zh="入职日期。"),
        _c("tenure_years", "float64", "years", (0, 50), f"Years from hire_date to the data date {AS_OF}.",
           "Tenure", "司龄", decimals=1,
           description_zh=f"从入职日期到数据截止日 {AS_OF} 的年数。"),
        *_ITEM_COLUMNS,
        _c("ask_tell_ratio", "float64", "questions per statement", (0, 10),
           "Questions asked divided by statements made (telling, pitching) in the person's recorded "
           "customer calls: above 1 means the person asks more than tells.",
           "Ask-vs-tell ratio", "提问与陈述之比", decimals=2,
           description_zh="在有录音的客户通话中，提问次数除以陈述（介绍、推销）次数；大于 1 说明问得比说得多。"),
        _c("calls_observed", "int64", "calls", (1, 1000), "Number of recorded calls behind ask_tell_ratio.",
           "Calls observed", "观察通话数",
           description_zh="计算提问与陈述之比所依据的通话录音数。"),
        _c("leads_worked", "int64", "leads", (0, 10**7), "Leads (table leads) assigned to the person.",
           "Leads worked", "跟进线索数",
           description_zh="分配给该销售人员跟进的线索数（见 leads 表）。"),
        _c("deals_won", "int64", "deals", (0, 10**7), "Leads the person won.", "Deals won", "赢单数",
           description_zh="该销售人员赢单的线索数。"),
        _c("win_rate", "float64", "share (0-1)", (0, 1),
           "deals_won / decided leads (won + lost); open leads are left out. Missing when none decided.",
           "Win rate", "赢单率", nullable=True, decimals=4,
           description_zh="赢单数除以已有结果的线索数（赢单 + 丢单），进行中的线索不计入；没有已结束的线索时为空。"),
        _c("revenue_cny", "float64", "CNY", (0, 1e13), "Sum of deal_value_cny of the won leads.",
           "Revenue won", "赢单金额", decimals=2,
           description_zh="所赢线索的商机金额（deal_value_cny）合计。"),
    ],
    "leads": [
        _c("lead_id", "str", "", None, "Key of the lead (prospect), L00001 ...", "Lead", "线索",
           description_zh="线索（潜在客户）编号，主键，L00001 起。"),
        _c("salesperson_id", "str", "", None, "Salesperson who worked the lead (-> salespeople).",
           "Salesperson", "销售人员",
           description_zh="跟进该线索的销售人员（关联 salespeople 表）。"),
        _c("created_date", "datetime64[ns]", "date", None, f"Date the lead entered the CRM ({LEADS_START[:4]}-{AS_OF[:4]}).",
           "Created", "创建日期",
           description_zh=f"线索录入 CRM 系统的日期（{LEADS_START[:4]}-{AS_OF[:4]} 年）。"),
        _c("region", "category", "", "region", "Region of the prospect.", "Region", "区域",
           description_zh="潜在客户所在区域。"),
        _c("source_channel", "category", "", "source_channel", "Where the lead came from.", "Source",
           "来源渠道",
           description_zh="线索的来源渠道。"),
        _c("industry", "category", "", "industry", "Prospect's industry (missing when not recorded).",
           "Industry", "行业", nullable=True,
           description_zh="潜在客户所属行业（未登记时为空）。"),
        _c("company_size", "category", "", "company_size", "Size class from employees.", "Company size",
           "企业规模",
           description_zh="按员工人数划分的企业规模。"),
        _c("employees", "int64", "people", (1, 10**6), "Prospect's number of employees.", "Employees",
           "员工人数",
           description_zh="潜在客户的员工人数。"),
        _c("budget_cny", "float64", "CNY", (0, 1e12),
           "Budget the prospect stated for this purchase (Money / BANT Budget); missing when not disclosed.",
           "Budget", "预算", nullable=True, decimals=0,
           description_zh="潜在客户为本次采购报出的预算（MAN 中的 M，BANT 中的预算）；对方未透露时为空。"),
        _c("purchasing_power", "category", "", "purchasing_power",
           "Salesperson's rating of the prospect's purchasing power. MAN rule: Money present (M) when "
           "high or medium (then budget_cny >= deal_value_cny wherever the budget is known).",
           "Purchasing power", "购买力",
           description_zh="销售人员对潜在客户购买力的评估。MAN 法则：购买力为高或中即具备 M（此时凡已知预算，budget_cny 都不低于 deal_value_cny）。"),
        _c("contact_role", "category", "", "contact_role", "Job of the main contact person.",
           "Contact role", "联系人职务",
           description_zh="主要联系人的职务。"),
        _c("decision_power", "category", "", "decision_power",
           "The contact's power over the purchase. MAN rule: Authority present (A) for decision_maker.",
           "Decision power", "决策权",
           description_zh="联系人对本次采购的决策权。MAN 法则：联系人是决策者即具备 A。"),
        _c("need_strength", "int64", "points (1-5)", (1, 5),
           "Strength of the prospect's need for the offer (1 = none, 5 = urgent). MAN rule: Need present "
           "(N) when 4 or 5.", "Need strength", "需求强度",
           description_zh="潜在客户对本公司产品或服务的需求强度（1 = 没有需求，5 = 迫切需要）。MAN 法则：4 或 5 分即具备 N。"),
        _c("timeline", "category", "", "timeline", "BANT timeline: when the prospect plans to buy.",
           "Timeline", "采购时间",
           description_zh="BANT 中的采购时间：潜在客户打算何时购买。"),
        _c("deal_value_cny", "float64", "CNY", (0, 1e12),
           "Value of the deal: contracted value when won, the salesperson's estimate otherwise.",
           "Deal value", "商机金额", decimals=0,
           description_zh="商机金额：已成交的为合同金额，其余为销售人员的预估金额。"),
        _c("stage_reached", "category", "", "stage",
           f"Furthest funnel stage reached by {AS_OF} (won = closed the deal).", "Stage reached",
           "到达阶段",
           description_zh=f"截至 {AS_OF} 到达的最远漏斗阶段（won 即已成交）。"),
        _c("outcome", "category", "", "outcome", f"won, lost, or open (still being worked on {AS_OF}).",
           "Outcome", "结果",
           description_zh=f"结果：won 为赢单，lost 为丢单，open 为进行中（截至 {AS_OF} 仍在跟进）。"),
        _c("closed_date", "datetime64[ns]", "date", None, "Date won or lost; missing for open leads.",
           "Closed", "结案日期", nullable=True,
           description_zh="赢单或丢单的日期；进行中的线索为空。"),
        _c("cycle_days", "float64", "days", (0, 2000),
           "closed_date - created_date in days (whole days; missing for open leads).", "Cycle length",
           "周期（天）", nullable=True, decimals=0,
           description_zh="closed_date 与 created_date 相差的天数（整天；进行中的线索为空）。"),
    ],
    "stage_history": [
        _c("lead_id", "str", "", None, "Lead (-> leads).", "Lead", "线索",
           description_zh="线索（关联 leads 表）。"),
        _c("stage_order", "int64", "", (0, 5), "Position of the stage in the funnel (0 = prospect).",
           "Stage order", "阶段序号",
           description_zh="该阶段在漏斗中的序号（0 = 潜在客户）。"),
        _c("stage", "category", "", "stage", "Funnel stage entered.", "Stage", "阶段",
           description_zh="进入的漏斗阶段。"),
        _c("entered_date", "datetime64[ns]", "date", None, "Date the lead entered the stage.", "Entered",
           "进入日期",
           description_zh="线索进入该阶段的日期。"),
    ],
    "losses": [
        _c("loss_id", "str", "", None, "Key of the loss record, LS00001 ...", "Loss", "流失记录",
           description_zh="流失记录编号，主键，LS00001 起。"),
        _c("loss_type", "category", "", "loss_type", "deal = a lead lost before winning; customer = a "
           "customer who stopped buying.", "Loss type", "流失类型",
           description_zh="流失类型：deal 指成交前丢掉的线索；customer 指不再购买的客户。"),
        _c("lead_id", "str", "", None, "Lost lead (-> leads); missing for lost customers.", "Lead", "线索",
           nullable=True,
           description_zh="丢掉的线索（关联 leads 表）；流失客户的记录为空。"),
        _c("customer_id", "str", "", None, "Lost customer (-> customers); missing for lost deals.",
           "Customer", "客户", nullable=True,
           description_zh="流失的客户（关联 customers 表）；丢单记录为空。"),
        _c("salesperson_id", "str", "", None, "Salesperson or account manager (-> salespeople).",
           "Salesperson", "销售人员",
           description_zh="负责的销售人员或客户经理（关联 salespeople 表）。"),
        _c("lost_date", "datetime64[ns]", "date", None, "Date of the loss.", "Lost date", "流失日期",
           description_zh="流失日期。"),
        _c("reason_raw", "str", "", None,
           "Reason as the salesperson typed it (messy English/Chinese free text); missing when left blank.",
           "Reason (as typed)", "原因（原始记录）", nullable=True,
           description_zh="销售人员当时录入的原因（中英文混杂的自由文本，写法不一）；未填写时为空。"),
        _c("reason", "category", "", "loss_reason",
           "Analyst's clean reason code; missing where reason_raw is blank or uninformative "
           "('other', 'n/a', '不详' ...).", "Reason", "原因", nullable=True,
           description_zh="分析人员整理后的标准原因代码；原始原因空白或没有实际内容（如“other”“n/a”“不详”）时为空。"),
        _c("category", "category", "", "loss_category",
           "Category of the reason (Key-account CRM course, Table 1-1); missing where reason is missing.", "Category",
           "原因类别", nullable=True,
           description_zh="原因所属类别（《大客户关系管理教程》，表 1-1）；原因为空时也为空。"),
    ],
    "customers": [
        _c("customer_id", "str", "", None, "Key of the customer, C00001 ...", "Customer", "客户",
           description_zh="客户编号，主键，C00001 起。"),
        _c("origin", "category", "", "customer_origin",
           "pre_existing = a customer before the leads period (2022); won_lead = won from table leads.",
           "Origin", "来源",
           description_zh="来源：pre_existing 为线索期（2022 年起）之前就有的老客户，won_lead 为从 leads 表赢得的客户。"),
        _c("lead_id", "str", "", None, "The won lead (-> leads); missing for pre-existing customers.",
           "Lead", "线索", nullable=True,
           description_zh="赢得该客户的那条线索（关联 leads 表）；老客户为空。"),
        _c("acquired_date", "datetime64[ns]", "date", None, "Date the customer first bought (won date).",
           "Acquired", "获得日期",
           description_zh="客户首次购买（即赢单）的日期。"),
        _c("salesperson_id", "str", "", None, "Account manager (-> salespeople).", "Account manager",
           "客户经理",
           description_zh="客户经理（关联 salespeople 表）。"),
        _c("region", "category", "", "region", "Region.", "Region", "区域",
           description_zh="所在区域。"),
        _c("industry", "category", "", "industry", "Industry (objective data; missing when not recorded).",
           "Industry", "行业", nullable=True,
           description_zh="所属行业（客观资料；未登记时为空）。"),
        _c("company_size", "category", "", "company_size", "Size class (objective data).", "Company size",
           "企业规模",
           description_zh="企业规模（客观资料）。"),
        _c("employees", "int64", "people", (1, 10**6), "Employees (objective data).", "Employees",
           "员工人数",
           description_zh="员工人数（客观资料）。"),
        _c("founded_year", "int64", "year", (1950, 2025), "Year the customer company was founded "
           "(objective data).", "Founded", "成立年份",
           description_zh="客户企业的成立年份（客观资料）。"),
        _c("preferred_channel", "category", "", "preferred_channel",
           "How the customer likes to be contacted (subjective data; missing when unknown).",
           "Preferred channel", "偏好联系方式", nullable=True,
           description_zh="客户喜欢的联系方式（主观资料；不了解时为空）。"),
        _c("communication_style", "category", "", "communication_style",
           "The buyer's communication style as the account manager sees it (subjective data; missing when "
           "unknown).", "Communication style", "沟通风格", nullable=True,
           description_zh="客户经理眼中采购方的沟通风格（主观资料；不了解时为空）。"),
        _c("primary_product_line", "category", "", "product_line", "Product line of most early orders.",
           "Main product line", "主要产品线",
           description_zh="早期订单最多的产品线。"),
        _c("referred_by", "str", "", None, "Customer who referred this one (-> customers); missing if none.",
           "Referred by", "推荐人", nullable=True,
           description_zh="推荐该客户的老客户（关联 customers 表）；没有推荐人时为空。"),
        _c("status", "category", "", "customer_status",
           "active, lost (stopped buying, see lost_date) or won_back (lost, then won back).", "Status",
           "状态",
           description_zh="状态：active 为活跃，lost 为已流失（不再购买，见 lost_date），won_back 为流失后又被挽回。"),
        _c("lost_date", "datetime64[ns]", "date", None, "Date the customer was lost (also for won_back).",
           "Lost date", "流失日期", nullable=True,
           description_zh="客户流失的日期（已挽回的客户也保留此日期）。"),
        _c("won_back_date", "datetime64[ns]", "date", None, "Date a lost customer was won back.",
           "Won back", "挽回日期", nullable=True,
           description_zh="流失客户被挽回的日期。"),
        _c("financial_ties", "bool", "", None,
           "True when Hengtai gives the customer financial benefits (gifts, price discounts, rebates): the "
           "easiest way to raise customer value, and the easiest for a competitor to copy (E-CRM article). "
           "For a lost customer: gave them before the loss.",
           "Financial benefits", "财务利益",
           description_zh="为 True 表示恒泰给该客户财务利益（赠品、价格折扣、返利）：这是提升客户价值最容易的办法，"
                          "也最容易被竞争对手模仿（网络时代客户关系管理论文）。对已流失的客户，指流失前是否给过。"),
        _c("social_ties", "bool", "", None,
           "True when Hengtai has built social ties with the customer's people (regular visits, events, "
           "personal relationships beyond the orders). For a lost customer: before the loss.",
           "Social benefits", "社交利益",
           description_zh="为 True 表示恒泰与该客户的人员建立了社交联系（定期拜访、联谊活动、订单之外的私人关系）。"
                          "对已流失的客户，指流失前是否建立过。"),
        _c("structural_ties", "bool", "", None,
           "True when Hengtai has built structural ties with the customer: equipment, software or systems "
           "it supplies, joint research, training for the customer's staff; they raise the cost of "
           "switching to a competitor (E-CRM article). For a lost customer: before the loss.",
           "Structural ties", "结构性联系",
           description_zh="为 True 表示恒泰与该客户建立了结构性联系：提供专用设备、软件或系统，联合研究，为客户员工培训；"
                          "这些联系提高了客户转向竞争对手的成本（网络时代客户关系管理论文）。对已流失的客户，指流失前是否建立过。"),
        _c("manager_changes", "int64", "changes", (0, 100),
           "Times the customer's account manager changed since it became a customer (at least 1 when it was "
           "acquired before its current account manager, salesperson_id, joined Hengtai).",
           "Account manager changes", "客户经理更换次数",
           description_zh="成为客户以来更换客户经理的次数（客户获得日期早于现任客户经理 salesperson_id 的入职日期时"
                          "至少为 1）。"),
    ],
    "orders": [
        _c("order_id", "str", "", None, "Key of the order, O0000001 ... (in date order).", "Order", "订单",
           description_zh="订单编号，主键，O0000001 起（按日期先后编号）。"),
        _c("customer_id", "str", "", None, "Customer (-> customers).", "Customer", "客户",
           description_zh="下单客户（关联 customers 表）。"),
        _c("order_date", "datetime64[ns]", "date", None, f"Order date ({ORDERS_START} to {AS_OF}).",
           "Order date", "下单日期",
           description_zh=f"下单日期（{ORDERS_START} 至 {AS_OF}）。"),
        _c("product_line", "category", "", "product_line", "Product line ordered.", "Product line",
           "产品线",
           description_zh="所购产品线。"),
        _c("tier", "category", "", "tier", "standard or premium (premium orders from a customer who "
           "bought standard before are up-selling).", "Tier", "档次",
           description_zh="档次：standard 为标准款，premium 为高端（原来买标准款的客户改买高端，就是向上销售）。"),
        _c("amount_cny", "float64", "CNY", (0, 1e12), "Order revenue.", "Amount", "金额", decimals=2,
           description_zh="订单收入。"),
        _c("margin_cny", "float64", "CNY", (0, 1e12), "Gross margin of the order.", "Gross margin", "毛利",
           decimals=2,
           description_zh="订单毛利。"),
    ],
    "survey": [
        _c("customer_id", "str", "", None, "Responding customer (-> customers); one response each.",
           "Customer", "客户",
           description_zh="受访客户（关联 customers 表）；每位客户一份答卷。"),
        _c("survey_date", "datetime64[ns]", "date", None, "Date of the answer (survey of January 2025).",
           "Survey date", "调查日期",
           description_zh="答卷日期（2025 年 1 月的客户调查）。"),
        _c("satisfaction", "float64", "points (1-5)", (1, 5),
           "Overall satisfaction (1 = very dissatisfied, 4 = satisfied, 5 = very satisfied); missing "
           "when not answered.", "Satisfaction", "满意度", nullable=True, decimals=0,
           description_zh="总体满意度（1 = 非常不满意，4 = 满意，5 = 非常满意）；未作答时为空。"),
        _c("loyalty_emotional", "float64", "points (1-5)", (1, 5),
           "Emotional loyalty: 'We feel attached to Hengtai' (1-5 agree).", "Emotional loyalty",
           "情感忠诚", nullable=True, decimals=0,
           description_zh="情感忠诚：“我们对恒泰有感情”（1-5 分，越高越同意）。"),
        _c("loyalty_behavioural", "float64", "points (1-5)", (1, 5),
           "Behavioural loyalty: 'We buy most of what we need in this category from Hengtai' (1-5).",
           "Behavioural loyalty", "行为忠诚", nullable=True, decimals=0,
           description_zh="行为忠诚：“这类产品我们大部分从恒泰采购”（1-5 分）。"),
        _c("loyalty_intentional", "float64", "points (1-5)", (1, 5),
           "Intentional loyalty: 'We will keep buying from Hengtai' (1-5).", "Intentional loyalty",
           "意识忠诚", nullable=True, decimals=0,
           description_zh="意识忠诚：“我们会继续从恒泰采购”（1-5 分）。"),
        _c("complaints_12m", "int64", "complaints", (0, 1000), "Complaints the customer made in the "
           "12 months before the survey.", "Complaints", "投诉次数",
           description_zh="调查前 12 个月内该客户的投诉次数。"),
        _c("complaints_resolved", "int64", "complaints", (0, 1000),
           "Of those, complaints resolved to the customer's satisfaction.", "Resolved complaints",
           "已解决投诉",
           description_zh="其中处理到客户满意的投诉次数。"),
        *_VALUE_COLUMNS,
        _c("perceived_value", "float64", "points (0-10)", (0, 10),
           "Overall perceived value: 'What we get from Hengtai is worth what it costs us' (0 = not at all, "
           "10 = fully); missing when not answered.", "Perceived value", "感知价值", nullable=True, decimals=0,
           description_zh="总体感知价值：“我们从恒泰得到的，值得我们为此付出的”（0 = 完全不值，10 = 完全值得）；"
                          "未作答时为空。"),
        _c("recommend", "float64", "points (0-10)", (0, 10),
           "Willingness to recommend: 'How likely are you to recommend Hengtai to another company?' (0 = not at "
           "all likely, 10 = extremely likely; the literature's net promoter question); missing when not "
           "answered.", "Willingness to recommend", "推荐意愿", nullable=True, decimals=0,
           description_zh="推荐意愿：“您向其他企业推荐恒泰的可能性有多大？”（0 = 完全不可能，10 = 非常可能；"
                          "即文献中的净推荐值问题）；未作答时为空。"),
        _c("price_sensitivity", "float64", "points (1-5)", (1, 5),
           "Price sensitivity: 'If Hengtai raised its prices by 5%, we would look for another supplier' "
           "(1 = certainly not, 5 = certainly); missing when not answered.", "Price sensitivity", "价格敏感度",
           nullable=True, decimals=0,
           description_zh="价格敏感度：“如果恒泰提价 5%，我们会另找供应商”（1 = 肯定不会，5 = 肯定会）；未作答时为空。"),
        _c("competitor_offer", "bool", "", None,
           "True when the customer says a competitor made it a strong offer (a lower price or better terms) "
           "in the 12 months before the survey; a yes-or-no question every respondent answered.",
           "Competitor offer", "竞争对手报价",
           description_zh="为 True 表示客户称调查前 12 个月内收到过竞争对手的有力报价（更低的价格或更好的条件）；"
                          "这是每位受访客户都回答了的是非题。"),
        _c("complaint_handling", "float64", "points (1-5)", (1, 5),
           "How well Hengtai handled the customer's last complaint (1 = very badly, 5 = very well); missing "
           "when the customer made no complaint in the 12 months before the survey (complaints_12m = 0) or "
           "did not answer.", "Complaint handling", "投诉处理评价", nullable=True, decimals=0,
           description_zh="客户对恒泰处理其最近一次投诉的评价（1 = 很差，5 = 很好）；调查前 12 个月内没有投诉"
                          "（complaints_12m = 0）或未作答时为空。"),
        *_KANO_COLUMNS,
    ],
    "spend": [
        _c("year", "int64", "year", (2019, 2025), "Calendar year.", "Year", "年份",
           description_zh="日历年度。"),
        _c("spend_type", "category", "", "spend_type", "acquisition (winning new customers) or retention "
           "(keeping existing ones).", "Spend type", "费用类型",
           description_zh="费用类型：acquisition 为获客（赢得新客户），retention 为保留（维系老客户）。"),
        _c("item", "category", "", "spend_item", "Budget item.", "Item", "费用项目",
           description_zh="预算项目。"),
        _c("amount_cny", "float64", "CNY", (0, 1e12), "Sales and marketing spend.", "Amount", "金额",
           decimals=2,
           description_zh="销售与市场费用。"),
    ],
}

#: Tables of the case, in load order, with their primary key columns.
KEYS: dict[str, list[str]] = {
    "salespeople": ["salesperson_id"],
    "leads": ["lead_id"],
    "stage_history": ["lead_id", "stage"],
    "losses": ["loss_id"],
    "customers": ["customer_id"],
    "orders": ["order_id"],
    "survey": ["customer_id"],
    "spend": ["year", "item"],
    "ask_items": ["item_id"],
}
TABLES: tuple[str, ...] = tuple(KEYS)

DESCRIPTIONS = {
    "salespeople": ("The sales team: ASK self-assessment, ask-vs-tell ratio, tenure, region, results.",
                    "销售团队：ASK自评、提问与陈述之比、司龄、区域和业绩。"),
    "leads": (f"Every prospect the team worked {LEADS_START[:4]}-{AS_OF[:4]}, with MAN/BANT facts and outcome.",
              f"{LEADS_START[:4]}-{AS_OF[:4]}年团队跟进的全部潜在客户，含MAN/BANT信息和结果。"),
    "stage_history": ("Each lead's path through the funnel stages, with dates.",
                      "每条线索在销售漏斗各阶段的进入日期。"),
    "losses": ("Every lost deal and lost customer with the reason as typed and the clean code.",
               "全部丢单和流失客户，含原始原因和整理后的原因代码。"),
    "customers": ("Customers: before 2022 and won from leads; objective and subjective facts, status, "
                  "relationship ties, account manager changes.",
                  "客户：2022年前的老客户和由线索赢得的新客户；客观与主观信息、状态、关系联系、客户经理更换次数。"),
    "orders": (f"Every order {ORDERS_START[:4]}-{AS_OF[:4]}: date, product line, tier, amount, margin.",
               f"{ORDERS_START[:4]}-{AS_OF[:4]}年全部订单：日期、产品线、档次、金额、毛利。"),
    "survey": ("Customer survey (January 2025): satisfaction, three faces of loyalty, complaints, the parts "
               "of value and cost, perceived value, recommendation, price sensitivity, competitor offers, "
               "complaint handling, Kano questions.",
               "客户调查（2025年1月）：满意度、三种忠诚、投诉、价值与成本的组成部分、感知价值、推荐意愿、价格敏感度、"
               "竞争对手报价、投诉处理评价、Kano 问卷。"),
    "spend": ("Sales and marketing spend per year: acquisition vs retention.",
              "每年的销售与市场费用：获客与保留。"),
    "ask_items": ("The ASK self-assessment item bank (4 items per dimension, 1-5 agree scale).",
                  "ASK自评题库（每个维度4题，1-5分同意量表）。"),
}


def _check_table(table: object) -> str:
    if not isinstance(table, str):
        raise TypeError(f"table must be a str, one of {list(TABLES)}; got {type(table).__name__} {table!r}")
    if table not in _SPECS:
        raise ValueError(f"table must be one of {list(TABLES)}; got {table!r}")
    return table


def columns(table: str) -> list[Column]:
    """Return the :class:`Column` specs of ``table`` (internal helper of the loaders and validator)."""
    return list(_SPECS[_check_table(table)])


def _allowed_text(col: Column) -> str:
    if isinstance(col.allowed, str):
        return ", ".join(VOCABULARIES[col.allowed])
    if isinstance(col.allowed, tuple):
        return f"{col.allowed[0]} to {col.allowed[1]}"
    if col.dtype == "bool":
        return "True, False"
    return ""


def dictionary(table: str) -> pd.DataFrame:
    """Return the data dictionary of one table of the case company.

    Parameters
    ----------
    table : str
        One of ``TABLES``: salespeople, leads, stage_history, losses, customers, orders, survey,
        spend, ask_items.

    Returns
    -------
    pandas.DataFrame
        One row per column with ``column, dtype, unit, allowed, nullable, key, description,
        description_zh, label_en, label_zh``. ``allowed`` lists the category codes or the range
        ``low to high``; ``description`` is in English, ``description_zh`` in Chinese.

    Raises
    ------
    ValueError
        If ``table`` is not a table name (TypeError if it is not a string).

    Examples
    --------
    >>> d = dictionary("leads")
    >>> d.set_index("column").loc["decision_power", "allowed"]
    'decision_maker, influencer, user'
    >>> d.set_index("column").loc["budget_cny", ["unit", "label_zh"]].tolist()
    ['CNY', '预算']
    """
    specs = columns(table)
    key = set(KEYS[table])
    return pd.DataFrame(
        {
            "column": [c.name for c in specs],
            "dtype": [c.dtype for c in specs],
            "unit": [c.unit for c in specs],
            "allowed": [_allowed_text(c) for c in specs],
            "nullable": [c.nullable for c in specs],
            "key": [c.name in key for c in specs],
            "description": [c.description for c in specs],
            "description_zh": [c.description_zh for c in specs],
            "label_en": [c.label_en for c in specs],
            "label_zh": [c.label_zh for c in specs],
        }
    )


# The words describe() shows, registered as course labels (so the font test sees the Chinese ones).
_TYPE_WORDS = {"str": ("text", "文本"), "category": ("category", "类别"), "int64": ("whole number", "整数"),
               "float64": ("number", "数值"), "bool": ("True or False", "是或否"),
               "datetime64[ns]": ("date", "日期")}
_UNIT_WORDS = {"CNY": "元", "calls": "次", "changes": "次", "complaints": "次", "days": "天", "deals": "单",
               "leads": "条", "people": "人", "points (0-10)": "分（0-10）", "points (1-5)": "分（1-5）",
               "questions per statement": "每次陈述的提问次数", "share (0-1)": "比例（0-1）", "year": "年份",
               "years": "年"}
_HEADINGS = {"column": ("column", "列名"), "label": ("label", "名称"), "type": ("type", "类型"),
             "unit": ("unit", "单位"), "allowed": ("allowed values", "取值"),
             "description": ("description", "说明")}
i18n.register({f"dictionary_type_{dtype}": words for dtype, words in _TYPE_WORDS.items()})
i18n.register({f"dictionary_unit_{unit}": (unit, zh) for unit, zh in _UNIT_WORDS.items()})
i18n.register({f"dictionary_heading_{name}": words for name, words in _HEADINGS.items()})
i18n.register({"dictionary_range": ("{low} to {high}", "{low} 至 {high}"),
               "dictionary_bool": ("True, False", "True（是）、False（否）"),
               "dictionary_code": ("{code} = {label}", "{code}：{label}"),
               "dictionary_separator": ("; ", "；")})


def _allowed_words(col: Column, lang: str) -> str:
    """The allowed values of ``col`` in ``lang``: category codes with their labels, or the range."""
    if isinstance(col.allowed, str):
        position = 0 if lang == "en" else 1
        codes = [i18n.t("dictionary_code", lang, code=code, label=labels[position])
                 for code, labels in VOCABULARIES[col.allowed].items()]
        return i18n.t("dictionary_separator", lang).join(codes)
    if isinstance(col.allowed, tuple):
        low, high = (f"{int(v):,}" if float(v).is_integer() else f"{v:g}" for v in col.allowed)
        return i18n.t("dictionary_range", lang, low=low, high=high)
    if col.dtype == "bool":
        return i18n.t("dictionary_bool", lang)
    return ""


def describe(table: str) -> pd.DataFrame:
    """Show the data dictionary of one table in the course language (:func:`crmlessons.set_language`).

    Parameters
    ----------
    table : str
        One of ``TABLES``: salespeople, leads, stage_history, losses, customers, orders, survey,
        spend, ask_items.

    Returns
    -------
    pandas.DataFrame
        One row per column of the table: its name, label, type, unit, allowed values (each category
        code with its label, or the range) and description, all in the current language, under
        headings in that language (``column, label, type, unit, allowed values, description`` in
        English; ``列名, 名称, 类型, 单位, 取值, 说明`` in Chinese).

    Raises
    ------
    ValueError
        If ``table`` is not a table name (TypeError if it is not a string).

    See Also
    --------
    dictionary : every detail (dtype, nullable, key) in both languages at once.

    Examples
    --------
    >>> describe("spend").set_index("column").loc["spend_type", "allowed values"]
    'acquisition = Acquisition (winning new customers); retention = Retention (keeping customers)'
    >>> with i18n.using("zh"):
    ...     d = describe("spend")
    >>> list(d.columns)
    ['列名', '名称', '类型', '单位', '取值', '说明']
    >>> d.iloc[3].tolist()
    ['amount_cny', '金额', '数值', '元', '0 至 1,000,000,000,000', '销售与市场费用。']
    """
    specs = columns(table)
    lang = i18n.get_language()
    chinese = lang == "zh"
    rows = {
        "column": [c.name for c in specs],
        "label": [c.label_zh if chinese else c.label_en for c in specs],
        "type": [i18n.t(f"dictionary_type_{c.dtype}", lang) for c in specs],
        "unit": [i18n.t(f"dictionary_unit_{c.unit}", lang) if c.unit not in ("", "date") else "" for c in specs],
        "allowed": [_allowed_words(c, lang) for c in specs],
        "description": [c.description_zh if chinese else c.description for c in specs],
    }
    return pd.DataFrame({i18n.t(f"dictionary_heading_{name}", lang): values for name, values in rows.items()})


# Columns -> vocabulary (for value_labels by column name).
_COLUMN_VOCAB = {c.name: c.allowed for specs in _SPECS.values() for c in specs if isinstance(c.allowed, str)}
_COLUMN_VOCAB.update({"dimension": "ask_dimension", "reason": "loss_reason", "category": "loss_category"})


def value_labels(column: str) -> dict[str, dict[str, str]]:
    """Return the English and Chinese labels of a category column's values.

    Parameters
    ----------
    column : str
        A category column name (``stage``, ``stage_reached``, ``reason``, ``category``, ``region``,
        ``product_line`` ...) or a vocabulary name from ``VOCABULARIES`` (``loss_reason`` ...).

    Returns
    -------
    dict
        ``{code: {"en": English label, "zh": Chinese label}}`` in the category order.

    Examples
    --------
    >>> value_labels("stage")["talking_business"]
    {'en': 'Talking business', 'zh': '谈生意'}
    >>> value_labels("category")["company_side"]["zh"]
    '企业自身原因'
    """
    if not isinstance(column, str):
        raise TypeError(f"column must be a str naming a category column; got {type(column).__name__}")
    vocab = column if column in VOCABULARIES else _COLUMN_VOCAB.get(column)
    if vocab is None:
        known = sorted(set(_COLUMN_VOCAB) | set(VOCABULARIES))
        raise ValueError(f"column must be a category column or vocabulary, one of {known}; got {column!r}")
    return {code: {"en": en, "zh": zh} for code, (en, zh) in VOCABULARIES[vocab].items()}
