"""Data dictionaries of the case company's tables, and English / Chinese labels of category values.

Every table of the case (see :data:`TABLES`) is described column by column: its dtype after loading,
unit, allowed values or range, description, and an English and a Chinese label. Category values are
stored as English ``snake_case`` codes; :func:`value_labels` gives their English and Chinese labels so
that a chart in Chinese can show Chinese categories.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["TABLES", "COMPANY", "dictionary", "value_labels", "VOCABULARIES"]

#: The fictional business-to-business supplier every lesson studies.
COMPANY = {
    "name_en": "Hengtai Industrial Supply Co., Ltd.",
    "name_zh": "恒泰工业供应有限公司",
    "as_of": "2025-12-31",
}

# ---------------------------------------------------------------------------------------------
# Vocabularies: code -> (English label, Chinese label). Order matters for ordered categories.
# ---------------------------------------------------------------------------------------------
VOCABULARIES: dict[str, dict[str, tuple[str, str]]] = {
    "region": {
        "east": ("East China", "华东"),
        "north": ("North China", "华北"),
        "south": ("South China", "华南"),
        "central": ("Central China", "华中"),
        "west": ("West China", "西部"),
    },
    "industry": {
        "machinery": ("Machinery", "机械制造"),
        "automotive": ("Automotive parts", "汽车及零部件"),
        "electronics": ("Electronics", "电子电气"),
        "chemicals": ("Chemicals", "化工"),
        "food_beverage": ("Food and beverage", "食品饮料"),
        "construction": ("Construction materials", "建筑建材"),
        "energy": ("Energy and power", "能源电力"),
        "textiles": ("Textiles", "纺织服装"),
    },
    "company_size": {
        "small": ("Small (<100 employees)", "小型（100人以下）"),
        "medium": ("Medium (100-999)", "中型（100-999人）"),
        "large": ("Large (1000+)", "大型（1000人以上）"),
    },
    "source_channel": {
        "trade_show": ("Trade show", "展会"),
        "website": ("Website enquiry", "官网询盘"),
        "cold_call": ("Cold call", "陌生拜访"),
        "referral": ("Customer referral", "客户推荐"),
        "distributor": ("Distributor", "经销商"),
        "online_ads": ("Online ads", "网络广告"),
    },
    "contact_role": {
        "owner": ("Owner", "企业主"),
        "general_manager": ("General manager", "总经理"),
        "purchasing_manager": ("Purchasing manager", "采购经理"),
        "plant_manager": ("Plant manager", "厂长"),
        "engineer": ("Engineer", "工程师"),
        "assistant": ("Assistant", "助理"),
    },
    "decision_power": {
        "decision_maker": ("Decision maker", "决策者"),
        "influencer": ("Influencer", "影响者"),
        "user": ("User", "使用者"),
    },
    "purchasing_power": {
        "low": ("Low", "低"),
        "medium": ("Medium", "中"),
        "high": ("High", "高"),
    },
    "timeline": {
        "within_3_months": ("Within 3 months", "3个月内"),
        "3_to_6_months": ("3 to 6 months", "3至6个月"),
        "6_to_12_months": ("6 to 12 months", "6至12个月"),
        "over_12_months": ("Over 12 months", "12个月以上"),
        "unknown": ("Unknown", "未知"),
    },
    "stage": {
        "prospect": ("Prospect", "潜在客户"),
        "contacted": ("Contacted", "已接触"),
        "talking_business": ("Talking business", "洽谈业务"),
        "proposal": ("Proposal", "方案报价"),
        "negotiation": ("Negotiation", "商务谈判"),
        "won": ("Won", "成交"),
    },
    "outcome": {
        "won": ("Won", "赢单"),
        "lost": ("Lost", "丢单"),
        "open": ("Open", "进行中"),
    },
    "loss_type": {
        "deal": ("Lost deal", "丢失的商机"),
        "customer": ("Lost customer", "流失的客户"),
    },
    "loss_category": {
        "customer_side": ("Customer side", "客户自身原因"),
        "company_side": ("Company side", "企业自身原因"),
        "third_party": ("Third party", "第三方因素"),
    },
    "loss_reason": {
        "price": ("Price", "价格"),
        "product": ("Product", "产品"),
        "complaint_handling": ("Complaint handling", "投诉处理不当"),
        "communication": ("Communication", "沟通不足"),
        "lack_of_care": ("Lack of care", "关怀不够"),
        "competitor": ("Competitor", "竞争对手"),
        "friends_family_opinion": ("Friends' and family's opinion", "亲友意见"),
        "not_meeting_criteria": ("Does not meet our criteria", "不符合企业标准"),
        "lost_contact": ("Lost contact", "失去联系"),
        "contact_died_or_left": ("Contact died or left", "联系人去世或离职"),
    },
    "customer_origin": {
        "pre_existing": ("Customer before 2022", "2022年前的老客户"),
        "won_lead": ("Won from a lead", "由线索赢得"),
    },
    "customer_status": {
        "active": ("Active", "活跃"),
        "lost": ("Lost", "已流失"),
        "won_back": ("Won back", "已挽回"),
    },
    "preferred_channel": {
        "wechat": ("WeChat", "微信"),
        "phone": ("Phone", "电话"),
        "email": ("Email", "电子邮件"),
        "site_visit": ("Site visit", "上门拜访"),
    },
    "communication_style": {
        "formal": ("Formal", "正式严谨"),
        "casual": ("Casual", "随和"),
        "data_driven": ("Data-driven", "重数据"),
        "relationship": ("Relationship-oriented", "重关系"),
    },
    "product_line": {
        "bearings": ("Bearings", "轴承"),
        "hydraulics": ("Hydraulics", "液压件"),
        "pneumatics": ("Pneumatics", "气动元件"),
        "power_tools": ("Power tools", "电动工具"),
        "safety_equipment": ("Safety equipment", "安全防护用品"),
        "maintenance_service": ("Maintenance service", "维保服务"),
    },
    "tier": {
        "standard": ("Standard", "标准款"),
        "premium": ("Premium", "高端款"),
    },
    "spend_type": {
        "acquisition": ("Acquisition (winning new customers)", "获客（赢得新客户）"),
        "retention": ("Retention (keeping customers)", "保留（维系老客户）"),
    },
    "spend_item": {
        "trade_shows": ("Trade shows", "展会"),
        "advertising": ("Advertising", "广告"),
        "prospecting": ("Prospecting visits", "开发拜访"),
        "account_management": ("Account management", "客户经理维护"),
        "after_sales_service": ("After-sales service", "售后服务"),
        "loyalty_program": ("Loyalty programme", "忠诚度计划"),
    },
    "ask_dimension": {
        "A": ("Attitude", "态度"),
        "S": ("Skill", "技能"),
        "K": ("Knowledge", "知识"),
    },
}

# Vocabularies whose order is meaningful (loaded as ordered categoricals).
ORDERED = {"company_size", "purchasing_power", "timeline", "stage"}

ASK_ITEM_IDS = [f"{d}{i}" for d in "ASK" for i in range(1, 5)]


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
    nullable: bool = False
    decimals: int | None = None  # float formatting in the shipped CSV


def _c(*args, **kw) -> Column:
    return Column(*args, **kw)


_ITEM_COLUMNS = [
    _c(item, "int64", "points (1-5)", (1, 5),
       f"Self-assessment answer to ASK item {item} (see table ask_items; 1 = strongly disagree, "
       "5 = strongly agree; reverse-scored items are stored as answered, not reversed).",
       f"ASK item {item}", f"ASK 题项 {item}")
    for item in ASK_ITEM_IDS
]

_SPECS: dict[str, list[Column]] = {
    "ask_items": [
        _c("item_id", "str", "", None, "Item code: dimension letter and number (A1-A4, S1-S4, K1-K4).",
           "Item", "题项"),
        _c("dimension", "category", "", "ask_dimension",
           "A = Attitude, S = Skill, K = Knowledge (the ASK rule, seed 004).", "Dimension", "维度"),
        _c("reverse_scored", "bool", "", None,
           "True when agreeing signals LESS of the dimension: score it as 6 - answer.",
           "Reverse-scored", "反向计分"),
        _c("text_en", "str", "", None, "Statement the salesperson rates, in English.", "Item (English)",
           "题目（英文）"),
        _c("text_zh", "str", "", None, "Statement the salesperson rates, in Chinese.", "Item (Chinese)",
           "题目（中文）"),
    ],
    "salespeople": [
        _c("salesperson_id", "str", "", None, "Key of the salesperson (SP001 ...).", "Salesperson",
           "销售人员"),
        _c("region", "category", "", "region", "Sales region the person covers.", "Region", "区域"),
        _c("hire_date", "datetime64[ns]", "date", None, "Date the person joined the company.",
           "Hire date", "入职日期"),
        _c("tenure_years", "float64", "years", (0, 50), "Years from hire_date to the data date 2025-12-31.",
           "Tenure", "司龄", decimals=1),
        *_ITEM_COLUMNS,
        _c("ask_tell_ratio", "float64", "questions per statement", (0, 10),
           "Questions asked divided by statements made (telling, pitching) in the person's recorded "
           "customer calls: above 1 means the person asks more than tells.",
           "Ask-vs-tell ratio", "提问与陈述之比", decimals=2),
        _c("calls_observed", "int64", "calls", (1, 1000), "Number of recorded calls behind ask_tell_ratio.",
           "Calls observed", "观察通话数"),
        _c("leads_worked", "int64", "leads", (0, 10**7), "Leads (table leads) assigned to the person.",
           "Leads worked", "跟进线索数"),
        _c("deals_won", "int64", "deals", (0, 10**7), "Leads the person won.", "Deals won", "赢单数"),
        _c("win_rate", "float64", "share (0-1)", (0, 1),
           "deals_won / decided leads (won + lost); open leads are left out. Missing when none decided.",
           "Win rate", "赢单率", nullable=True, decimals=4),
        _c("revenue_cny", "float64", "CNY", (0, 1e13), "Sum of deal_value_cny of the won leads.",
           "Revenue won", "赢单金额", decimals=2),
    ],
    "leads": [
        _c("lead_id", "str", "", None, "Key of the lead (prospect), L00001 ...", "Lead", "线索"),
        _c("salesperson_id", "str", "", None, "Salesperson who worked the lead (-> salespeople).",
           "Salesperson", "销售人员"),
        _c("created_date", "datetime64[ns]", "date", None, "Date the lead entered the CRM (2022-2025).",
           "Created", "创建日期"),
        _c("region", "category", "", "region", "Region of the prospect.", "Region", "区域"),
        _c("source_channel", "category", "", "source_channel", "Where the lead came from.", "Source",
           "来源渠道"),
        _c("industry", "category", "", "industry", "Prospect's industry (missing when not recorded).",
           "Industry", "行业", nullable=True),
        _c("company_size", "category", "", "company_size", "Size class from employees.", "Company size",
           "企业规模"),
        _c("employees", "int64", "people", (1, 10**6), "Prospect's number of employees.", "Employees",
           "员工人数"),
        _c("budget_cny", "float64", "CNY", (0, 1e12),
           "Budget the prospect stated for this purchase (Money / BANT Budget); missing when not disclosed.",
           "Budget", "预算", nullable=True, decimals=0),
        _c("purchasing_power", "category", "", "purchasing_power",
           "Salesperson's rating of the prospect's purchasing power. MAN rule: Money present (M) when "
           "high or medium (then budget_cny >= deal_value_cny wherever the budget is known).",
           "Purchasing power", "购买力"),
        _c("contact_role", "category", "", "contact_role", "Job of the main contact person.",
           "Contact role", "联系人职务"),
        _c("decision_power", "category", "", "decision_power",
           "The contact's power over the purchase. MAN rule: Authority present (A) for decision_maker.",
           "Decision power", "决策权"),
        _c("need_strength", "int64", "points (1-5)", (1, 5),
           "Strength of the prospect's need for the offer (1 = none, 5 = urgent). MAN rule: Need present "
           "(N) when 4 or 5.", "Need strength", "需求强度"),
        _c("timeline", "category", "", "timeline", "BANT timeline: when the prospect plans to buy.",
           "Timeline", "采购时间"),
        _c("deal_value_cny", "float64", "CNY", (0, 1e12),
           "Value of the deal: contracted value when won, the salesperson's estimate otherwise.",
           "Deal value", "商机金额", decimals=0),
        _c("stage_reached", "category", "", "stage",
           "Furthest funnel stage reached by 2025-12-31 (won = closed the deal).", "Stage reached",
           "到达阶段"),
        _c("outcome", "category", "", "outcome", "won, lost, or open (still being worked on 2025-12-31).",
           "Outcome", "结果"),
        _c("closed_date", "datetime64[ns]", "date", None, "Date won or lost; missing for open leads.",
           "Closed", "结案日期", nullable=True),
        _c("cycle_days", "float64", "days", (0, 2000),
           "closed_date - created_date in days (whole days; missing for open leads).", "Cycle length",
           "周期（天）", nullable=True, decimals=0),
    ],
    "stage_history": [
        _c("lead_id", "str", "", None, "Lead (-> leads).", "Lead", "线索"),
        _c("stage_order", "int64", "", (0, 5), "Position of the stage in the funnel (0 = prospect).",
           "Stage order", "阶段序号"),
        _c("stage", "category", "", "stage", "Funnel stage entered.", "Stage", "阶段"),
        _c("entered_date", "datetime64[ns]", "date", None, "Date the lead entered the stage.", "Entered",
           "进入日期"),
    ],
    "losses": [
        _c("loss_id", "str", "", None, "Key of the loss record, LS00001 ...", "Loss", "流失记录"),
        _c("loss_type", "category", "", "loss_type", "deal = a lead lost before winning; customer = a "
           "customer who stopped buying.", "Loss type", "流失类型"),
        _c("lead_id", "str", "", None, "Lost lead (-> leads); missing for lost customers.", "Lead", "线索",
           nullable=True),
        _c("customer_id", "str", "", None, "Lost customer (-> customers); missing for lost deals.",
           "Customer", "客户", nullable=True),
        _c("salesperson_id", "str", "", None, "Salesperson or account manager (-> salespeople).",
           "Salesperson", "销售人员"),
        _c("lost_date", "datetime64[ns]", "date", None, "Date of the loss.", "Lost date", "流失日期"),
        _c("reason_raw", "str", "", None,
           "Reason as the salesperson typed it (messy English/Chinese free text); missing when left blank.",
           "Reason (as typed)", "原因（原始记录）", nullable=True),
        _c("reason", "category", "", "loss_reason",
           "Analyst's clean reason code; missing where reason_raw is blank or uninformative "
           "('other', 'n/a', '不详' ...).", "Reason", "原因", nullable=True),
        _c("category", "category", "", "loss_category",
           "Category of the reason (seed 004, Table 1-1); missing where reason is missing.", "Category",
           "原因类别", nullable=True),
    ],
    "customers": [
        _c("customer_id", "str", "", None, "Key of the customer, C00001 ...", "Customer", "客户"),
        _c("origin", "category", "", "customer_origin",
           "pre_existing = a customer before the leads period (2022); won_lead = won from table leads.",
           "Origin", "来源"),
        _c("lead_id", "str", "", None, "The won lead (-> leads); missing for pre-existing customers.",
           "Lead", "线索", nullable=True),
        _c("acquired_date", "datetime64[ns]", "date", None, "Date the customer first bought (won date).",
           "Acquired", "获得日期"),
        _c("salesperson_id", "str", "", None, "Account manager (-> salespeople).", "Account manager",
           "客户经理"),
        _c("region", "category", "", "region", "Region.", "Region", "区域"),
        _c("industry", "category", "", "industry", "Industry (objective data; missing when not recorded).",
           "Industry", "行业", nullable=True),
        _c("company_size", "category", "", "company_size", "Size class (objective data).", "Company size",
           "企业规模"),
        _c("employees", "int64", "people", (1, 10**6), "Employees (objective data).", "Employees",
           "员工人数"),
        _c("founded_year", "int64", "year", (1950, 2025), "Year the customer company was founded "
           "(objective data).", "Founded", "成立年份"),
        _c("preferred_channel", "category", "", "preferred_channel",
           "How the customer likes to be contacted (subjective data; missing when unknown).",
           "Preferred channel", "偏好联系方式", nullable=True),
        _c("communication_style", "category", "", "communication_style",
           "The buyer's communication style as the account manager sees it (subjective data; missing when "
           "unknown).", "Communication style", "沟通风格", nullable=True),
        _c("primary_product_line", "category", "", "product_line", "Product line of most early orders.",
           "Main product line", "主要产品线"),
        _c("referred_by", "str", "", None, "Customer who referred this one (-> customers); missing if none.",
           "Referred by", "推荐人", nullable=True),
        _c("status", "category", "", "customer_status",
           "active, lost (stopped buying, see lost_date) or won_back (lost, then won back).", "Status",
           "状态"),
        _c("lost_date", "datetime64[ns]", "date", None, "Date the customer was lost (also for won_back).",
           "Lost date", "流失日期", nullable=True),
        _c("won_back_date", "datetime64[ns]", "date", None, "Date a lost customer was won back.",
           "Won back", "挽回日期", nullable=True),
    ],
    "orders": [
        _c("order_id", "str", "", None, "Key of the order, O0000001 ... (in date order).", "Order", "订单"),
        _c("customer_id", "str", "", None, "Customer (-> customers).", "Customer", "客户"),
        _c("order_date", "datetime64[ns]", "date", None, "Order date (2019-01-01 to 2025-12-31).",
           "Order date", "下单日期"),
        _c("product_line", "category", "", "product_line", "Product line ordered.", "Product line",
           "产品线"),
        _c("tier", "category", "", "tier", "standard or premium (premium orders from a customer who "
           "bought standard before are up-selling).", "Tier", "档次"),
        _c("amount_cny", "float64", "CNY", (0, 1e12), "Order revenue.", "Amount", "金额", decimals=2),
        _c("margin_cny", "float64", "CNY", (0, 1e12), "Gross margin of the order.", "Gross margin", "毛利",
           decimals=2),
    ],
    "survey": [
        _c("customer_id", "str", "", None, "Responding customer (-> customers); one response each.",
           "Customer", "客户"),
        _c("survey_date", "datetime64[ns]", "date", None, "Date of the answer (survey of January 2025).",
           "Survey date", "调查日期"),
        _c("satisfaction", "float64", "points (1-5)", (1, 5),
           "Overall satisfaction (1 = very dissatisfied, 4 = satisfied, 5 = very satisfied); missing "
           "when not answered.", "Satisfaction", "满意度", nullable=True, decimals=0),
        _c("loyalty_emotional", "float64", "points (1-5)", (1, 5),
           "Emotional loyalty: 'We feel attached to Hengtai' (1-5 agree).", "Emotional loyalty",
           "情感忠诚", nullable=True, decimals=0),
        _c("loyalty_behavioural", "float64", "points (1-5)", (1, 5),
           "Behavioural loyalty: 'We buy most of what we need in this category from Hengtai' (1-5).",
           "Behavioural loyalty", "行为忠诚", nullable=True, decimals=0),
        _c("loyalty_intentional", "float64", "points (1-5)", (1, 5),
           "Intentional loyalty: 'We will keep buying from Hengtai' (1-5).", "Intentional loyalty",
           "意向忠诚", nullable=True, decimals=0),
        _c("complaints_12m", "int64", "complaints", (0, 1000), "Complaints the customer made in the "
           "12 months before the survey.", "Complaints", "投诉次数"),
        _c("complaints_resolved", "int64", "complaints", (0, 1000),
           "Of those, complaints resolved to the customer's satisfaction.", "Resolved complaints",
           "已解决投诉"),
    ],
    "spend": [
        _c("year", "int64", "year", (2019, 2025), "Calendar year.", "Year", "年份"),
        _c("spend_type", "category", "", "spend_type", "acquisition (winning new customers) or retention "
           "(keeping existing ones).", "Spend type", "费用类型"),
        _c("item", "category", "", "spend_item", "Budget item.", "Item", "费用项目"),
        _c("amount_cny", "float64", "CNY", (0, 1e12), "Sales and marketing spend.", "Amount", "金额",
           decimals=2),
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
    "leads": ("Every prospect the team worked 2022-2025, with MAN/BANT facts and outcome.",
              "2022-2025年团队跟进的全部潜在客户，含MAN/BANT信息和结果。"),
    "stage_history": ("Each lead's path through the funnel stages, with dates.",
                      "每条线索在销售漏斗各阶段的进入日期。"),
    "losses": ("Every lost deal and lost customer with the reason as typed and the clean code.",
               "全部丢单和流失客户，含原始原因和整理后的原因代码。"),
    "customers": ("Customers: before 2022 and won from leads; objective and subjective facts, status.",
                  "客户：2022年前的老客户和由线索赢得的新客户；客观与主观信息、状态。"),
    "orders": ("Every order 2019-2025: date, product line, tier, amount, margin.",
               "2019-2025年全部订单：日期、产品线、档次、金额、毛利。"),
    "survey": ("Customer survey (January 2025): satisfaction, three faces of loyalty, complaints.",
               "客户调查（2025年1月）：满意度、三种忠诚、投诉。"),
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
        One row per column with ``column, dtype, unit, allowed, nullable, key, description, label_en,
        label_zh``. ``allowed`` lists the category codes or the range ``low to high``.

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
            "label_en": [c.label_en for c in specs],
            "label_zh": [c.label_zh for c in specs],
        }
    )


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
    {'en': 'Talking business', 'zh': '洽谈业务'}
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


def category_dtype(vocab: str) -> pd.CategoricalDtype:
    """Return the pandas dtype of a vocabulary (ordered where the order is meaningful)."""
    return pd.CategoricalDtype(list(VOCABULARIES[vocab]), ordered=vocab in ORDERED)
