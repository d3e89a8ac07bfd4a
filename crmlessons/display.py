"""Tables shown in Chinese in the Chinese edition: column headings and category values through their labels.

The course's functions return tables with English column names (the names code uses, e.g.
``retention_rate``). When the course speaks Chinese, a table a notebook shows gets a second heading row
above the code names: the Chinese label, from the data dictionary for the case tables' columns and from
:data:`COLUMN_LABELS` for the columns the lessons compute. Category values (regions, stages, loss
reasons ...) are shown by their Chinese labels. The table itself is never changed: only what is shown.
In both languages a table's long texts (a source's causes, a claim) are shown whole, not cut at 50 characters.

:func:`install` registers this with IPython's display formatters (``import crmlessons`` calls it inside
Jupyter); in English, tables are shown exactly as pandas shows them.

Examples
--------
>>> import pandas as pd
>>> from crmlessons import i18n
>>> table = pd.DataFrame({"region": ["east"], "retention_rate": [0.95]})
>>> with i18n.using("zh"):
...     print(chinese_view(table).to_string(index=False))
 区域    留存率
region retention_rate
   华东           0.95
"""

from __future__ import annotations

import re
import sys

from crmlessons import i18n

#: Chinese labels of the columns the lessons compute (the case tables' own columns are labelled in the
#: data dictionary). A heading that is a code name and is in neither is shown as it is.
COLUMN_LABELS: dict[str, str] = {
    "wechat": "微信", "phone": "电话", "email": "电子邮件", "site_visit": "上门拜访",
    "force": "影响因素", "losses": "流失数", "reasons": "包含的原因", "step": "决策阶段", "in_hengtai": "恒泰数据中的记录",
    "acquired": "新增客户", "acquisition_cny": "获客费用（元）", "action": "行动", "active": "活跃客户",
    "active_end": "年末客户数", "active_start": "年初客户数", "addition_en": "本课程补充", "basis_en": "依据",
    "asks_less_than_tells": "问少于说", "asks_more": "多问型", "bant": "BANT", "category_en": "类别",
    "cause_en": "原因", "checks": "检查次数", "claim": "说法", "claimed": "资料所说", "coach_on": "辅导重点",
    "controllable": "可控", "conversion": "转化率", "cost_lost_cny": "流失损失（元）", "count": "数量",
    "cost_per_new": "每位新客户成本（元）", "cost_per_kept": "每位保留客户成本（元）", "cost_ratio": "成本比",
    "cumulative_profit": "累计利润（元）", "cumulative_share": "累计占比", "customer_loss_rate": "客户流失率",
    "customers": "客户数", "customers_lost": "流失客户数", "deal_loss_rate": "丢单率", "deals": "成交数",
    "deals_decided": "已决商机数", "deals_lost": "丢单数", "description_en": "说明", "expected_win_rate": "预期赢单率",
    "expected_won": "预期赢单数", "extra_deals": "可多赢单数", "factors": "具备因素数", "flagged": "被预警",
    "gap": "差距", "half": "半区", "hours": "工时", "hours_lost": "浪费工时", "hours_per_win": "每赢一单工时",
    "kept": "保留客户数", "keywords": "关键词", "label": "名称", "label_en": "名称", "leads": "商机数",
    "level": "层次", "loss_rate": "流失率", "lost": "流失客户数", "lost_later": "之后流失", "man": "MAN",
    "margin_before_cny": "此前毛利（元）", "mean_deal_value_cny": "平均金额（元）", "mean_years": "平均年数",
    "measured": "实测值", "median_cycle_days": "周期中位数（天）", "median_days": "天数中位数",
    "median_deal_value_cny": "金额中位数（元）", "median_months": "月数中位数", "median_years": "年数中位数",
    "name": "名称", "open_leads": "在手商机", "order_ratio": "订单比", "orders_before": "此前订单数",
    "orders_recent": "近期订单数", "own": "本人", "own_leads": "本人商机数", "p25_days": "25% 分位（天）",
    "p75_days": "75% 分位（天）", "people": "人数", "planted": "预设值", "priority": "优先级", "rank": "排名",
    "reach": "到达率", "referrals": "推荐客户数", "retained": "保留客户数", "retention_cny": "保留费用（元）",
    "retention_rate": "留存率", "score": "得分", "share": "占比", "share_acquisition": "获客预算占比",
    "share_lost": "流失占比", "share_of_known": "占已知原因比例", "size_band": "金额区间", "source": "来源",
    "strongest": "最强项", "team": "团队", "tolerance": "容差", "total": "合计", "value": "数值",
    "value_at_risk_cny": "风险价值（元）", "value_cny": "价值（元）", "weakest": "最弱项",
    "weighted_cny": "加权金额（元）", "win_probability": "赢单概率", "won": "赢得客户数", "won_back": "挽回客户数",
    "first": "首次购买", "description": "说明", "cause": "原因", "repeat": "重复购买", "cross_sell": "交叉销售", "up_sell": "增量销售",
    "tenure_years": "合作年数", "relationship_years": "本次关系年数", "combination": "组合", "wins": "赢单数",
    "win_rate_ci_low": "赢单率下限", "win_rate_ci_high": "赢单率上限", "stage_reached": "到达阶段",
    "year": "年份", "margin_per_year_cny": "每年毛利（元）", "years": "年数", "budget_cny": "预算（元）",
    # lesson 06 (crmlessons.value)
    "competitor": "竞争对手", "correlation": "相关系数", "cumulative": "累计价值（元）", "customer_share": "客户占比",
    "customer_years": "客户年数", "duration_holdout": "检验期长度", "first_order": "首次订单日期",
    "frequency": "购买频率", "frequency_cal": "购买频率（校准期）", "frequency_holdout": "购买频率（检验期）",
    "frequency_score": "购买频率得分", "gain": "提升", "has_tie": "有此联系", "last_order": "最近订单日期",
    "lead": "领先幅度", "lead_gain": "领先幅度变化", "lever": "手段", "margin_per_customer": "每位客户毛利（元）",
    "margin_per_year": "每年毛利（元）", "margin_share": "毛利占比", "monetary_score": "购买金额得分",
    "monetary_value": "平均购买金额（元）", "monetary_value_cal": "平均购买金额（校准期）",
    "monetary_value_holdout": "平均购买金额（检验期）", "orders": "订单数", "ours": "恒泰", "part": "组成部分",
    "p_alive": "仍活跃概率",
    "recency": "最近一次购买", "recency_cal": "最近一次购买（校准期）", "recency_score": "最近一次购买得分",
    "retained_share": "留存比例", "rfm": "RFM 得分", "segment": "细分", "survey_item": "调查题项",
    "tenure_year": "关系年份", "tie": "联系类型", "top": "前列客户占比", "value_in_year": "当年价值（元）",
    "weight": "标准化权重", "years_active": "活跃年数",
    "actual": "实际值", "predicted": "预测值",  # lesson 06: clv.holdout_comparison
    # lesson 07 (crmlessons.loyalty)
    "emotional": "情感忠诚", "behavioural": "行为忠诚", "intentional": "意识忠诚", "mean": "均值",
    "rest_correlation": "与其余两项均值的相关", "alpha_without": "去掉此项后的 α 系数", "group": "客户群",
    "satisfied": "满意", "loyal": "忠诚", "orders_per_year": "每年订单数", "stayed": "留下的客户数",
    "stayed_share": "留下的比例",
    "complainers": "投诉过的客户数", "forgiveness": "投诉后留下的比例", "referrer_share": "推荐过客户的比例",
    "stay_rate": "留下比例", "loyalty": "忠诚度", "answers": "回答数", "dominant": "主导类别",
    "dominant_share": "主导类别占比", "need": "需求类别", "better": "满意系数 Better",
    "worse": "不满意系数 Worse", "changes": "更换次数", "lost_share": "流失比例", "tenure_from": "任职年限下限",
    "tenure_to": "任职年限上限", "salespeople": "销售人员数", "kept_share": "保留比例",
    "respondents": "受访客户数", "bought_again": "再次购买人数", "repurchase_share": "再次购买比例",
    "margin_after": "调查后毛利（元）", "feature": "服务项目", "face": "忠诚的表现",
    "functional": "正向问题的回答", "dysfunctional": "反向问题的回答",
    # lesson 08 (crmlessons.accounts)
    "date": "日期", "kind": "类型", "what": "事件", "ref": "编号", "value_rank": "毛利排名", "loss_reason": "流失原因",
    "loss_category": "流失原因类别", "next_step": "下一步", "next_step_en": "下一步", "role": "角色", "why": "理由",
    # lesson 08 (crmlessons.case)
    "measure": "指标", "area_en": "领域", "lesson": "课次", "question_en": "问题", "result_en": "结果",
    "choice": "选项代码", "choice_en": "选择", "chosen_en": "所选内容", "unit_en": "单位", "effect_en": "预期效果",
}

#: Chinese labels of category codes the lessons compute (the case tables' own codes are in the data dictionary).
VALUE_LABELS: dict[str, str] = {
    "exploration": "考察期", "formation": "形成期", "stability": "稳定期", "decline": "衰退期",
    "current": "现有客户", "chosen": "所选方案", "all_acquisition": "全部用于获客", "all_retention": "全部用于保留",
    "repeat": "重复购买", "cross_sell": "交叉销售", "up_sell": "增量销售", "first": "首次购买",
    "objective": "客观资料", "subjective": "主观特点", "care": "客户关怀", "lost": "已流失",
    "financial": "财务利益", "social": "社交利益", "structural": "结构性联系",
    # lesson 07: the matrix groups, the three classes of needs, the Kano features and answers
    "loyalist": "忠诚者", "mercenary": "唯利是图者", "hostage": "人质型客户", "defector": "叛离者",
    "basic": "基本需求", "expected": "期望需求", "exciting": "兴奋型需求",
    "on_time_delivery": "准时交货", "tech_support": "技术支持", "application_engineering": "应用工程服务",
    "branded_gifts": "品牌礼品", "like": "喜欢", "must_be": "理应如此", "neutral": "无所谓", "live_with": "能忍受",
    "dislike": "不喜欢",
    # lesson 06: the RFM segments (value.SEGMENTS); lesson 08: the forces, the decision steps, the chosen customers
    "champions": "冠军客户", "loyal": "忠诚客户", "new": "新客户和偶尔购买的客户", "need_attention": "需要关注的客户",
    "at_risk": "有流失风险的客户", "cannot_lose": "不能失去的客户", "hibernating": "沉睡客户",
    "customer": "客户自身因素", "environment": "外部环境因素", "competition": "竞争性因素", "experience": "客户的购买体验",
    "need_recognition": "认识需要", "information_search": "收集信息", "evaluation": "评价选择", "purchase": "决定购买",
    "post_purchase": "购后感受",
}

_CODE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def column_label(name: object) -> str | None:
    """Return the Chinese label of a column named ``name``, or None when it has none (not a code name)."""
    if not isinstance(name, str) or not _CODE_NAME.match(name):
        return None
    if name in COLUMN_LABELS:
        return COLUMN_LABELS[name]
    if name.endswith("_zh"):  # the Chinese half of a pair X_en / X_zh is labelled as X_en is
        return COLUMN_LABELS.get(name[:-3] + "_en") or column_label(name[:-3])
    from crmlessons.datasets.dictionary import TABLES, columns

    for table in TABLES:
        for column in columns(table):
            if column.name == name:
                return column.label_zh
    return None


def _value_labels(name: object) -> dict[str, str]:
    """The Chinese labels of the codes a column named ``name`` holds: the dictionary's, then the lessons' own."""
    from crmlessons.datasets.dictionary import value_labels

    try:
        labels = {code: labels["zh"] for code, labels in value_labels(name).items()}
    except (TypeError, ValueError):
        labels = {}
    return {**VALUE_LABELS, **labels} if isinstance(name, str) and _CODE_NAME.match(name) else labels


def chinese_view(table):
    """Return the copy of ``table`` a Chinese reader sees: Chinese headings above the code names, values by label.

    Category values are shown by label in the columns, in the index and in the column heading when the
    heading row names a category (as after ``value_counts([...]).unstack()``).
    """
    import pandas as pd

    view = table.copy()
    for name in view.columns:
        labels = _value_labels(name)
        if labels:
            view[name] = view[name].map(lambda value: labels.get(value, value) if isinstance(value, str) else value)
    index_labels = _value_labels(view.index.name) if view.index.name is not None else VALUE_LABELS
    if index_labels and not isinstance(view.index, pd.MultiIndex):
        view.index = view.index.map(lambda value: index_labels.get(value, value))
    heading_labels = _value_labels(view.columns.name)
    if heading_labels and not isinstance(view.columns, pd.MultiIndex):
        name = view.columns.name
        view.columns = view.columns.map(lambda value: heading_labels.get(value, value))
        view.columns.name = column_label(name) or name
        view.index.name = column_label(view.index.name) or view.index.name
        return view
    if isinstance(view.columns, pd.MultiIndex) or not any(column_label(c) for c in view.columns):
        return view
    view.columns = pd.MultiIndex.from_arrays([[column_label(c) or c for c in view.columns], list(view.columns)])
    return view


def one_language(table):
    """Of each pair of columns ``X_en`` / ``X_zh``, keep the one in the current language (the table itself is kept).

    Examples
    --------
    >>> import pandas as pd
    >>> list(one_language(pd.DataFrame({"cause_en": ["price"], "cause_zh": ["价格"], "n": [1]})).columns)
    ['cause_en', 'n']
    """
    other = "_zh" if i18n.get_language() == "en" else "_en"
    mine = "_en" if other == "_zh" else "_zh"
    names = [str(c) for c in table.columns]
    drop = [c for c in table.columns if str(c).endswith(other) and str(c)[:-3] + mine in names]
    return table.drop(columns=drop) if drop else table


def shown(table):
    """Return what a notebook shows of ``table`` in the current language (see the module's docstring)."""
    table = one_language(table)
    return chinese_view(table) if i18n.get_language() == "zh" else table


def _html(table):
    import pandas as pd

    with pd.option_context("display.max_colwidth", None):  # a lesson's texts (causes, claims) show whole
        return shown(table)._repr_html_()


def _plain(table, printer, cycle) -> None:
    import pandas as pd

    with pd.option_context("display.max_colwidth", None):
        printer.text(repr(shown(table)))


def install() -> bool:
    """Show tables in the current course language in this IPython session; return whether IPython runs here."""
    ipython_module = sys.modules.get("IPython")
    shell = ipython_module.get_ipython() if ipython_module else None
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    # Registered by name, so pandas is not imported here; pandas 3 calls the class pandas.DataFrame, older
    # releases pandas.core.frame.DataFrame.
    for module in ("pandas", "pandas.core.frame"):
        formatters["text/html"].for_type_by_name(module, "DataFrame", _html)
        formatters["text/plain"].for_type_by_name(module, "DataFrame", _plain)
    return True
