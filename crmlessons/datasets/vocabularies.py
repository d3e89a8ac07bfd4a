"""The vocabularies of the case company's category columns: each code with its English and Chinese label.

Category values are stored as English ``snake_case`` codes; the order of a vocabulary is the order of
its categories (meaningful for the vocabularies in :data:`ORDERED`). This module imports nothing of the
package, so that the calendar and rules (:mod:`crmlessons.datasets.rules`) and the data dictionary can
both use it.

Examples
--------
>>> VOCABULARIES["outcome"]["won"]
('Won', '赢单')
>>> category_dtype("stage").ordered
True
>>> KANO_TABLE[("like", "dislike")], KANO_TABLE[("neutral", "dislike")], KANO_TABLE[("like", "neutral")]
('O', 'M', 'A')
"""

from __future__ import annotations

import pandas as pd

__all__ = ["VOCABULARIES", "ORDERED", "KANO_TABLE", "category_dtype"]

#: Vocabularies: code -> (English label, Chinese label). Order matters for ordered categories.
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
        "talking_business": ("Talking business", "谈生意"),
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
        "premium": ("Premium", "高端"),
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
    # the five answers of a Kano question (Kano et al. 1984), asked once with the feature present
    # (functional) and once without it (dysfunctional)
    "kano_answer": {
        "like": ("I like it", "喜欢"),
        "must_be": ("It must be so", "理应如此"),
        "neutral": ("I am neutral", "无所谓"),
        "live_with": ("I can live with it", "能忍受"),
        "dislike": ("I dislike it", "不喜欢"),
    },
    # the categories of the Kano evaluation table; the course maps the Loyalty article's three classes of
    # needs onto the first three: basic = must-be, expected = one-dimensional, exciting = attractive
    "kano_category": {
        "M": ("Must-be (basic need)", "必备型（基本需求）"),
        "O": ("One-dimensional (expected need)", "期望型（期望需求）"),
        "A": ("Attractive (exciting need)", "魅力型（兴奋型需求）"),
        "I": ("Indifferent", "无差异型"),
        "R": ("Reverse", "反向型"),
        "Q": ("Questionable", "可疑结果"),
    },
}

#: The Kano evaluation table (Berger et al. 1993): (functional answer, dysfunctional answer) -> category
#: code of ``VOCABULARIES["kano_category"]``. Liking a feature and disliking its absence is one-dimensional;
#: liking it and not minding its absence, attractive; expecting it (must_be, neutral or live_with) and
#: disliking its absence, must-be; like-like and dislike-dislike contradict each other (questionable).
KANO_TABLE: dict[tuple[str, str], str] = {
    (functional, dysfunctional): category
    for functional, row in {
        "like": "QAAAO",
        "must_be": "RIIIM",
        "neutral": "RIIIM",
        "live_with": "RIIIM",
        "dislike": "RRRRQ",
    }.items()  # one row per functional answer; one letter per dysfunctional answer, in vocabulary order
    for dysfunctional, category in zip(VOCABULARIES["kano_answer"], row)
}

# Vocabularies whose order is meaningful (loaded as ordered categoricals).
ORDERED = {"company_size", "purchasing_power", "timeline", "stage"}


def category_dtype(vocab: str) -> pd.CategoricalDtype:
    """Return the pandas dtype of a vocabulary (ordered where the order is meaningful).

    Examples
    --------
    >>> category_dtype("tier").categories.tolist()
    ['standard', 'premium']
    >>> category_dtype("tiers")
    Traceback (most recent call last):
    ...
    ValueError: vocab must be one of the vocabularies ['region', 'industry', ...]; got 'tiers'
    """
    if not isinstance(vocab, str):
        raise TypeError(f"vocab must be the name of a vocabulary (a str); got {type(vocab).__name__} {vocab!r}")
    if vocab not in VOCABULARIES:
        names = list(VOCABULARIES)
        raise ValueError(f"vocab must be one of the vocabularies {names}; got {vocab!r}")
    return pd.CategoricalDtype(list(VOCABULARIES[vocab]), ordered=vocab in ORDERED)
