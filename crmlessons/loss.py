"""Why customers are lost: the three-way taxonomy of loss causes, counting and ranking them.

The Key-account CRM course (Table 1-1) sorts the causes of losing a customer into three groups
(:func:`table_1_1` returns the table as the source has it):

* **customer side** (客户自身原因): the customer does not meet the firm's criteria and is filtered
  out, or an objective event ends the relationship (the contact's death, lost contact);
* **company side** (企业自身原因): a product (or price) without appeal, complaints handled badly,
  weak PR and communication skills (the source calls communication a core problem of CRM);
* **third party** (第三方因素): competitors' activities, the opinions of friends and relatives.

The course adds to it, and says so (:func:`course_additions`): "too little care" as a company-side
reason (from the Relationship-marketing essay's claim that two thirds of customers leave for too
little care), "the contact leaves the company" beside the contact's death, price and product as two
codes, and who can act on each group: only the company side is fully in the firm's hands, and is what
CRM can fix. This module keeps the taxonomy as data (:data:`REASON_CATEGORY`), maps the reasons
salespeople typed onto it with an editable keyword list (:data:`SYNONYMS`, :func:`map_reasons`;
nothing is dropped: what cannot be mapped is reported with its count), counts and ranks the losses
(:func:`counts`, :func:`pareto`, :func:`loss_rates`, :func:`controllable_share`) and lists customers
whose orders are falling, the early warning built on the Loyalty article's advice to watch a loyal
customer's purchase volume (:func:`early_warning`).

Examples
--------
>>> from crmlessons import datasets
>>> losses = datasets.load_losses()
>>> round(controllable_share(losses), 2)
0.56
>>> pareto(losses).iloc[0]["reason"]
'competitor'
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd

from crmlessons.checks import Table, require_choice, require_date, require_number, require_table, tables
from crmlessons.datasets import rules
from crmlessons.datasets.rules import AS_OF

#: The three categories of the Key-account CRM course's Table 1-1, in the order the source gives them.
CATEGORIES: tuple[str, ...] = ("customer_side", "company_side", "third_party")

#: Each reason code and its category: Table 1-1 of the Key-account CRM course with the course's additions
#: (:func:`course_additions`). Codes and labels: ``value_labels("loss_reason")``.
REASON_CATEGORY: dict[str, str] = {
    "not_meeting_criteria": "customer_side",
    "lost_contact": "customer_side",
    "contact_died_or_left": "customer_side",
    "price": "company_side",
    "product": "company_side",
    "complaint_handling": "company_side",
    "communication": "company_side",
    "lack_of_care": "company_side",
    "competitor": "third_party",
    "friends_family_opinion": "third_party",
}

#: The category the firm controls: what CRM can fix.
CONTROLLABLE = "company_side"

#: Company-side reasons that are about the relationship itself (care, communication, complaints): the
#: Key-account CRM course calls communication a core problem of CRM; the Relationship-marketing essay
#: says two thirds of customers leave for too little care.
RELATIONSHIP_REASONS: tuple[str, ...] = ("lack_of_care", "communication", "complaint_handling")

#: Editable keyword list: a raw reason maps to a reason code when it contains one of the code's
#: keywords (case and spacing ignored). Add your own variants, e.g.
#: ``map_reasons(losses, synonyms={**SYNONYMS, "price": SYNONYMS["price"] + ("太贵",)})``.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "price": ("price", "expensive", "cheaper", "价格", "报价", "贵"),
    "product": ("product", "spec", "quality", "产品", "质量", "规格"),
    "complaint_handling": ("complaint", "投诉"),
    "communication": ("communication", "misunderstood", "沟通", "没听懂"),
    "lack_of_care": ("follow up", "care", "ignored", "visit", "关怀", "跟进", "拜访"),
    "competitor": ("competitor", "rival", "对手"),
    "friends_family_opinion": ("friend", "family", "relative", "亲友", "亲戚", "朋友"),
    "not_meeting_criteria": ("not qualified", "credit", "too small", "criteria", "不符合", "信用", "不达标"),
    "lost_contact": ("lost contact", "cannot reach", "no response", "unreachable", "联系不上", "失联"),
    "contact_died_or_left": ("passed away", "died", "left company", "changed job", "去世", "离职"),
}

#: Raw reasons that say nothing (compared with the whole text, case and spacing ignored).
UNINFORMATIVE: tuple[str, ...] = ("other", "others", "n/a", "na", "none", "unknown", "-", "?", "其他", "不详", "无")

#: What :func:`map_reasons` says about each row.
STATUSES: tuple[str, ...] = ("mapped", "ambiguous", "unknown", "uninformative", "blank")

SEGMENTS: tuple[str, ...] = ("industry", "company_size", "region")
PERIODS: tuple[str, ...] = ("year", "quarter")
GROUPINGS: tuple[str, ...] = ("category", "reason", "loss_type", *SEGMENTS, *PERIODS)


def taxonomy() -> pd.DataFrame:
    """Return the reason codes the course and the case data use: reason, category and labels.

    Table 1-1 of the Key-account CRM course (:func:`table_1_1`) with the course's additions
    (:func:`course_additions`).

    Returns
    -------
    pandas.DataFrame
        ``category, reason, controllable, label_en, label_zh, category_en, category_zh``, one row
        per reason, in category order.

    Examples
    --------
    >>> table = taxonomy()
    >>> table.groupby("category", sort=False).size().to_dict()
    {'customer_side': 3, 'company_side': 5, 'third_party': 2}
    """
    from crmlessons.datasets import value_labels

    reasons, cats = value_labels("loss_reason"), value_labels("loss_category")
    rows = [{"category": c, "reason": r, "controllable": c == CONTROLLABLE,
             "label_en": reasons[r]["en"], "label_zh": reasons[r]["zh"],
             "category_en": cats[c]["en"], "category_zh": cats[c]["zh"]}
            for c in CATEGORIES for r, rc in REASON_CATEGORY.items() if rc == c]
    return pd.DataFrame(rows)


#: Table 1-1 of the Key-account CRM course as the source has it: each group and the causes it names
#: (in the course's words, English and Chinese).
TABLE_1_1: tuple[tuple[str, str, str], ...] = (
    ("customer_side", "The customer does not meet the firm's criteria and is filtered out by the firm",
     "客户不符合企业的标准，被企业筛除"),
    ("customer_side", "An objective event, such as the contact's death or lost contact",
     "发生客观情况，例如联系人去世、失去联系"),
    ("company_side", "The product (or its price) has no appeal", "企业的产品（或价格）缺乏吸引力"),
    ("company_side", "Complaints are handled badly", "客户投诉处理不当"),
    ("company_side", "Weak PR and communication skills: an important cause of losses and a core problem of CRM",
     "公关与沟通技巧不足：这是客户流失的重要原因，也是客户关系管理的核心问题"),
    ("third_party", "Competitors' activities", "竞争对手的活动"),
    ("third_party", "The opinions of the customer's friends and relatives", "客户身边亲友的看法"),
)

#: What the course adds to Table 1-1, and on what basis: (reason code or "", category or "", addition
#: en, zh, basis en, zh).
COURSE_ADDITIONS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("lack_of_care", "company_side", "Too little care", "关怀不够",
     "From the Relationship-marketing essay (two thirds of customers leave a supplier that cares too little "
     "for them); Table 1-1 does not list it.",
     "来自关系营销论文（三分之二的客户因供应商关怀不够而离开）；表 1-1 没有列出这一条。"),
    ("contact_died_or_left", "customer_side", "The contact leaves the company", "联系人离职",
     "The course's: Table 1-1 names the contact's death and lost contact; in business-to-business sales a "
     "contact who changes jobs often ends the relationship too.",
     "本课程补充：表 1-1 只列出联系人去世和失去联系；在企业间销售中，联系人换工作也常常使关系中断。"),
    ("price", "company_side", "Price and product as two codes", "价格与产品分开编码",
     "The course's: Table 1-1 names one cause, a product (or price) without appeal; the course counts the "
     "two apart.",
     "本课程补充：表 1-1 把产品（或价格）缺乏吸引力列为一条原因；本课程把两者分开统计。"),
    ("", "", "Who can act", "谁能采取行动",
     "The course's reading: customer side, nobody or only partly; company side, the firm itself (what CRM "
     "can fix); third party, the firm only indirectly.",
     "本课程的解读：客户自身原因，无人能管或只能部分应对；企业自身原因，企业自己（客户关系管理能解决的部分）；"
     "第三方因素，企业只能间接影响。"),
)


def table_1_1() -> pd.DataFrame:
    """Return Table 1-1 of the Key-account CRM course as the source has it: three groups and their causes.

    Only what the source says; the course's additions are in :func:`course_additions`.

    Returns
    -------
    pandas.DataFrame
        ``category, category_en, category_zh, cause_en, cause_zh``, one row per cause the source
        names, in the source's order.

    Examples
    --------
    >>> table = table_1_1()
    >>> table.groupby("category", sort=False).size().to_dict()
    {'customer_side': 2, 'company_side': 3, 'third_party': 2}
    >>> table.loc[3, "cause_zh"]
    '客户投诉处理不当'
    """
    from crmlessons.datasets import value_labels

    cats = value_labels("loss_category")
    return pd.DataFrame([{"category": c, "category_en": cats[c]["en"], "category_zh": cats[c]["zh"],
                          "cause_en": en, "cause_zh": zh} for c, en, zh in TABLE_1_1])


def course_additions() -> pd.DataFrame:
    """Return what the course adds to Table 1-1 (:func:`table_1_1`), each with its basis.

    Returns
    -------
    pandas.DataFrame
        ``addition_en, addition_zh, reason, category, basis_en, basis_zh``; ``reason`` and
        ``category`` are empty for an addition that is not a reason code.

    Examples
    --------
    >>> course_additions()["addition_en"].tolist()
    ['Too little care', 'The contact leaves the company', 'Price and product as two codes', 'Who can act']
    >>> set(course_additions()["reason"]) - {""} <= set(REASON_CATEGORY)
    True
    """
    return pd.DataFrame([{"addition_en": en, "addition_zh": zh, "reason": reason, "category": category,
                          "basis_en": basis_en, "basis_zh": basis_zh}
                         for reason, category, en, zh, basis_en, basis_zh in COURSE_ADDITIONS])


def _normal(text: str) -> str:
    return " ".join(str(text).lower().replace("_", " ").split())


def _check_synonyms(synonyms) -> dict[str, tuple[str, ...]]:
    if not isinstance(synonyms, Mapping):
        raise TypeError(f"synonyms must be a dict of reason code -> keywords; got {type(synonyms).__name__}")
    clean = {}
    for reason, words in synonyms.items():
        require_choice(reason, "synonyms key", list(REASON_CATEGORY))
        if isinstance(words, str) or not isinstance(words, Iterable):
            raise TypeError(f"synonyms[{reason!r}] must be a list or tuple of keywords; got {words!r}")
        words = tuple(_normal(w) for w in words)
        if any(not w for w in words):
            raise ValueError(f"synonyms[{reason!r}] contains an empty keyword; every keyword needs text")
        clean[reason] = words
    return clean


class ReasonMapping(NamedTuple):
    """Result of :func:`map_reasons`: every row with its mapped reason, and what could not be mapped."""

    mapped: pd.DataFrame
    unmapped: pd.DataFrame


def map_reason(text, synonyms: Mapping[str, Sequence[str]] | None = None) -> tuple[str | None, str]:
    """Map one raw reason onto a reason code; return ``(code or None, status)``.

    Parameters
    ----------
    text : str or None
        The reason as typed.
    synonyms : dict, optional
        Reason code -> keywords (default :data:`SYNONYMS`).

    Returns
    -------
    tuple
        The code (None unless mapped) and one of :data:`STATUSES`: ``mapped`` (one code's keyword
        found), ``ambiguous`` (keywords of several codes), ``unknown`` (no keyword),
        ``uninformative`` ("other", "n/a", "不详" ...) or ``blank``.

    Examples
    --------
    >>> map_reason("价格太高")
    ('price', 'mapped')
    >>> map_reason("  Went with COMPETITOR ")
    ('competitor', 'mapped')
    >>> map_reason("n/a")
    (None, 'uninformative')
    >>> map_reason("price of competitor")
    (None, 'ambiguous')
    """
    words = _check_synonyms(SYNONYMS if synonyms is None else synonyms)
    return _map_one(text, words)


def _map_one(text, words: Mapping[str, tuple[str, ...]]) -> tuple[str | None, str]:
    if text is None or (isinstance(text, float) and np.isnan(text)) or text is pd.NA:
        return None, "blank"
    norm = _normal(text)
    if not norm:
        return None, "blank"
    if norm in UNINFORMATIVE or re.fullmatch(r"[\W_]+", norm):
        return None, "uninformative"
    hits = [reason for reason, keys in words.items() if any(k in norm for k in keys)]
    if len(hits) == 1:
        return hits[0], "mapped"
    return None, ("ambiguous" if hits else "unknown")


@tables(losses=Table("losses", ["reason_raw"], empty_ok=True))
def map_reasons(losses: pd.DataFrame, synonyms: Mapping[str, Sequence[str]] | None = None) -> ReasonMapping:
    """Map every raw reason (``reason_raw``) onto the taxonomy; report what cannot be mapped.

    Each distinct raw text is looked up once (:func:`map_reason`), so this is fast on any size.

    Parameters
    ----------
    losses : pandas.DataFrame
        Needs ``reason_raw``; other columns are kept.
    synonyms : dict, optional
        Reason code -> keywords; default :data:`SYNONYMS`. Edit it to map more variants.

    Returns
    -------
    ReasonMapping
        ``mapped``: the input with ``reason_mapped``, ``category_mapped`` and ``mapping_status``
        added (same rows, same order). ``unmapped``: every raw text that was not mapped, with its
        ``status`` and ``count``, most frequent first. Nothing is dropped: the mapped rows plus the
        counts in ``unmapped`` equal the number of rows.

    Examples
    --------
    >>> frame = pd.DataFrame({"reason_raw": ["PRICE", "价格太高", "other", None, "weather"]})
    >>> result = map_reasons(frame)
    >>> result.mapped["reason_mapped"].tolist()
    ['price', 'price', None, None, None]
    >>> result.unmapped[["reason_raw", "status", "count"]].values.tolist()
    [['(blank)', 'blank', 1], ['other', 'uninformative', 1], ['weather', 'unknown', 1]]
    """
    words = _check_synonyms(SYNONYMS if synonyms is None else synonyms)
    raw = losses["reason_raw"]
    keys = raw.astype(object).where(raw.notna(), None)
    lookup = {text: _map_one(text, words) for text in pd.unique(keys.to_numpy(dtype=object))}
    pairs = [lookup[text] for text in keys.to_numpy(dtype=object)]
    mapped = losses.copy()
    mapped["reason_mapped"] = pd.Series([p[0] for p in pairs], index=losses.index, dtype=object)
    mapped["category_mapped"] = mapped["reason_mapped"].map(REASON_CATEGORY)
    mapped["mapping_status"] = pd.Categorical([p[1] for p in pairs], categories=list(STATUSES))
    left = mapped[mapped["mapping_status"] != "mapped"]
    shown = left["reason_raw"].astype(object).where(left["reason_raw"].notna(), "(blank)")
    unmapped = (pd.DataFrame({"reason_raw": shown.astype(str), "status": left["mapping_status"].astype(str)})
                .groupby(["reason_raw", "status"], sort=True).size().rename("count").reset_index()
                .sort_values(["count", "reason_raw"], ascending=[False, True], kind="stable")
                .reset_index(drop=True))
    unmapped["count"] = unmapped["count"].astype(np.int64)
    return ReasonMapping(mapped, unmapped)


def synonyms_table(synonyms: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Show the keyword list as a table: reason, category and its keywords.

    Examples
    --------
    >>> synonyms_table().loc[0, "reason"]
    'price'
    """
    words = _check_synonyms(SYNONYMS if synonyms is None else synonyms)
    return pd.DataFrame([{"reason": r, "category": REASON_CATEGORY[r], "keywords": ", ".join(k)}
                         for r, k in words.items()])


@tables(mapped=["reason", "reason_mapped"])
def agreement(mapped: pd.DataFrame) -> float:
    """Share of rows where the mapping agrees with the analyst's ``reason`` (both missing counts as agreeing).

    Parameters
    ----------
    mapped : pandas.DataFrame
        ``map_reasons(...).mapped`` (needs ``reason`` and ``reason_mapped``).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> agreement(map_reasons(datasets.load_losses()).mapped)
    1.0
    """
    if len(mapped) == 0:
        raise ValueError("mapped must have at least one row; got an empty table")
    ours = mapped["reason_mapped"].astype(object)
    theirs = mapped["reason"].astype(object)
    same = (ours == theirs) | (ours.isna() & theirs.isna())
    return float(same.mean())


@tables(mapped=["reason_raw", "reason", "reason_mapped"])
def disagreements(mapped: pd.DataFrame) -> pd.DataFrame:
    """Raw texts where the mapping and the analyst's ``reason`` differ, with counts (empty if none).

    Examples
    --------
    >>> frame = pd.DataFrame({"reason_raw": ["cheaper rival"], "reason": ["competitor"]})
    >>> disagreements(map_reasons(frame).mapped).values.tolist()
    [['cheaper rival', 'competitor', '(not mapped)', 1]]
    """
    ours = mapped["reason_mapped"].astype(object)
    theirs = mapped["reason"].astype(object)
    differ = ~((ours == theirs) | (ours.isna() & theirs.isna()))
    table = pd.DataFrame({"reason_raw": mapped["reason_raw"].astype(object).fillna("(blank)")[differ],
                          "analyst": theirs.fillna("(none)")[differ],
                          "mapping": ours.fillna("(not mapped)")[differ]})
    out = table.groupby(["reason_raw", "analyst", "mapping"]).size().rename("count").reset_index()
    return out.sort_values(["count", "reason_raw"], ascending=[False, True], kind="stable").reset_index(drop=True)


@tables(mapped=Table(None, ["reason_mapped", "category_mapped"], empty_ok=True))
def use_mapping(mapped: pd.DataFrame) -> pd.DataFrame:
    """Return the losses with ``reason``/``category`` replaced by the mapped ones, for the other functions.

    Examples
    --------
    >>> frame = pd.DataFrame({"reason_raw": ["PRICE"], "reason": [None], "category": [None]})
    >>> use_mapping(map_reasons(frame).mapped)[["reason", "category"]].values.tolist()
    [['price', 'company_side']]
    """
    out = mapped.drop(columns=["reason_mapped", "category_mapped", "mapping_status"], errors="ignore")
    out["reason"] = mapped["reason_mapped"]
    out["category"] = mapped["category_mapped"]
    return out


# -----------------------------------------------------------------------------------------------
# Counting and ranking

def _filter_type(losses: pd.DataFrame, loss_type: str | None) -> pd.DataFrame:
    if loss_type is None:
        return losses
    require_choice(loss_type, "loss_type", ["deal", "customer", None])
    losses = require_table(losses, "losses", "losses", ["loss_type"])
    return losses[losses["loss_type"].astype(str) == loss_type]


@tables(losses=Table("losses", ["lead_id", "customer_id", "lost_date"], empty_ok=True),
        leads=["lead_id", *SEGMENTS], customers=["customer_id", *SEGMENTS])
def with_segments(losses: pd.DataFrame, leads: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """Add the lost deal's or customer's ``industry``, ``company_size`` and ``region``, and ``year``/``quarter``.

    A lost deal takes them from its lead, a lost customer from the customer record.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> seg = with_segments(datasets.load_losses(), datasets.load_leads(), datasets.load_customers())
    >>> int(seg["company_size"].isna().sum())
    0
    """
    out = losses.copy()
    by_lead = leads.set_index("lead_id")
    by_cust = customers.set_index("customer_id")
    for col in SEGMENTS:
        from_lead = out["lead_id"].map(by_lead[col].astype(object))
        from_cust = out["customer_id"].map(by_cust[col].astype(object))
        values = from_lead.where(from_lead.notna(), from_cust)
        dtype = leads[col].dtype
        out[col] = values.astype(dtype) if isinstance(dtype, pd.CategoricalDtype) else values
    out["year"] = out["lost_date"].dt.year
    out["quarter"] = out["lost_date"].dt.to_period("Q").astype(str)
    return out


@tables(losses=())
def counts(losses: pd.DataFrame, by: str = "category", loss_type: str | None = None) -> pd.DataFrame:
    """Count losses by ``by``; rows with a missing value are counted under ``"unknown"``, never dropped.

    Parameters
    ----------
    losses : pandas.DataFrame
        Losses (for a segment or period, first :func:`with_segments`).
    by : str
        One of :data:`GROUPINGS`: ``category``, ``reason``, ``loss_type``, ``industry``,
        ``company_size``, ``region``, ``year``, ``quarter``.
    loss_type : {None, "deal", "customer"}
        Keep only lost deals or lost customers (default: both).

    Returns
    -------
    pandas.DataFrame
        ``<by>, count, share`` (of all rows) and ``share_of_known`` (of rows whose value is known).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = counts(datasets.load_losses(), "category")
    >>> table["category"].tolist()
    ['company_side', 'third_party', 'customer_side', 'unknown']
    >>> int(table["count"].sum()) == len(datasets.load_losses())
    True
    """
    require_choice(by, "by", list(GROUPINGS))
    data = _filter_type(losses, loss_type)
    data = require_table(data, "losses", "losses", [by], empty_ok=True)
    values = data[by].astype(object)
    known = values.notna()
    n_known = int(known.sum())
    table = values[known].value_counts().rename("count").rename_axis(by).reset_index()
    table = table.sort_values(["count", by], ascending=[False, True], kind="stable") if by not in PERIODS \
        else table.sort_values(by, kind="stable")
    missing = int((~known).sum())
    if missing:
        table = pd.concat([table, pd.DataFrame({by: ["unknown"], "count": [missing]})], ignore_index=True)
    table["count"] = table["count"].astype(np.int64)
    total = len(data)
    table["share"] = table["count"] / total if total else np.nan
    table["share_of_known"] = np.where(table[by] == "unknown", np.nan, table["count"] / n_known if n_known else np.nan)
    return table.reset_index(drop=True)


@tables(losses=())
def pareto(losses: pd.DataFrame, loss_type: str | None = None) -> pd.DataFrame:
    """Pareto table of reasons: most frequent first, with the cumulative share (of known reasons).

    Losses whose reason is unknown are left out of the shares; :func:`counts` reports them.

    Returns
    -------
    pandas.DataFrame
        ``reason, category, count, share, cumulative_share``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = pareto(datasets.load_losses(), loss_type="customer")
    >>> table.iloc[0]["reason"], round(float(table["cumulative_share"].iloc[-1]), 6)
    ('lack_of_care', 1.0)
    """
    data = _filter_type(losses, loss_type)
    data = require_table(data, "losses", "losses", ["reason"], empty_ok=True)
    reasons = data["reason"].astype(object).dropna()
    if reasons.empty:
        raise ValueError("losses has no row with a known reason; map the raw reasons first (map_reasons)")
    unknown = sorted(set(reasons) - set(REASON_CATEGORY))
    if unknown:
        raise ValueError(f"losses has reason code(s) {unknown} outside the taxonomy; expected {list(REASON_CATEGORY)}")
    table = reasons.value_counts().rename("count").rename_axis("reason").reset_index()
    table = table.sort_values(["count", "reason"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table.insert(1, "category", table["reason"].map(REASON_CATEGORY))
    table["count"] = table["count"].astype(np.int64)
    table["share"] = table["count"] / table["count"].sum()
    table["cumulative_share"] = table["share"].cumsum()
    return table


@tables(losses=())
def vital_few(losses: pd.DataFrame, cutoff: float = 0.8, loss_type: str | None = None) -> list[str]:
    """The fewest reasons (in Pareto order) that together explain at least ``cutoff`` of known losses.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> len(vital_few(datasets.load_losses()))
    6
    """
    require_number(cutoff, "cutoff", low=0.0, high=1.0)
    table = pareto(losses, loss_type)
    n = int(np.searchsorted(table["cumulative_share"].to_numpy(), cutoff - 1e-12, side="left") + 1)
    return table["reason"].iloc[:min(n, len(table))].tolist()


@tables(losses=())
def controllable_share(losses: pd.DataFrame, loss_type: str | None = None) -> float:
    """Share of losses with a known category that are company-side (what CRM can fix).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> round(controllable_share(datasets.load_losses(), loss_type="customer"), 2)
    0.54
    """
    data = _filter_type(losses, loss_type)
    data = require_table(data, "losses", "losses", ["category"], empty_ok=True)
    known = data["category"].astype(object).dropna()
    if known.empty:
        raise ValueError("losses has no row with a known category")
    return float((known == CONTROLLABLE).mean())


@tables(losses=())
def relationship_share(losses: pd.DataFrame, loss_type: str | None = None, within: str | None = CONTROLLABLE) -> float:
    """Share of lack of care + communication + complaint handling among losses with a known reason.

    Parameters
    ----------
    within : {"company_side", None}
        ``"company_side"`` (default): among company-side losses; None: among all known reasons.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> round(relationship_share(datasets.load_losses(), loss_type="customer"), 2)
    0.79
    """
    require_choice(within, "within", [CONTROLLABLE, None])
    data = _filter_type(losses, loss_type)
    data = require_table(data, "losses", "losses", ["reason"], empty_ok=True)
    reasons = data["reason"].astype(object).dropna()
    if within is not None:
        reasons = reasons[reasons.map(REASON_CATEGORY) == within]
    if reasons.empty:
        raise ValueError("losses has no row with a known reason in the chosen group")
    return float(reasons.isin(RELATIONSHIP_REASONS).mean())


@tables(leads=(), customers=())
def loss_rates(leads: pd.DataFrame, customers: pd.DataFrame, by: str = "company_size") -> pd.DataFrame:
    """Loss rates by segment: lost deals / decided leads, and lost customers / all customers.

    Parameters
    ----------
    leads, customers : pandas.DataFrame
        The case tables (``outcome``; ``lost_date``).
    by : {"industry", "company_size", "region"}

    Returns
    -------
    pandas.DataFrame
        ``<by>, deals_decided, deals_lost, deal_loss_rate, customers, customers_lost,
        customer_loss_rate``. A missing segment value is shown as ``"unknown"``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> rates = loss_rates(datasets.load_leads(), datasets.load_customers(), "company_size")
    >>> rates["company_size"].tolist()
    ['small', 'medium', 'large']
    """
    require_choice(by, "by", list(SEGMENTS))
    leads = require_table(leads, "leads", "leads", ["outcome", by])
    customers = require_table(customers, "customers", "customers", ["lost_date", by])
    decided = leads[leads["outcome"].astype(str) != "open"]
    d_key = decided[by].astype(object).fillna("unknown")
    c_key = customers[by].astype(object).fillna("unknown")
    deals = decided.groupby(d_key)["outcome"].agg(deals_decided="size",
                                                 deals_lost=lambda s: int((s.astype(str) == "lost").sum()))
    custs = customers.groupby(c_key)["lost_date"].agg(customers="size", customers_lost="count")
    table = deals.join(custs, how="outer").fillna(0).astype(np.int64)
    table["deal_loss_rate"] = table["deals_lost"] / table["deals_decided"].replace(0, np.nan)
    table["customer_loss_rate"] = table["customers_lost"] / table["customers"].replace(0, np.nan)
    order = list(leads[by].cat.categories) if isinstance(leads[by].dtype, pd.CategoricalDtype) else sorted(table.index)
    order = [o for o in order if o in table.index] + [o for o in sorted(table.index) if o not in order]
    table = table.loc[order].rename_axis(by).reset_index()
    return table[[by, "deals_decided", "deals_lost", "deal_loss_rate", "customers", "customers_lost",
                  "customer_loss_rate"]]


# -----------------------------------------------------------------------------------------------
# Early warning (the Loyalty article: a change in purchase volume calls for a look and a talk)

@tables(customers=Table("customers", ["acquired_date", "lost_date", "won_back_date"], empty_ok=True))
def active_on(customers: pd.DataFrame, date) -> pd.Series:
    """Boolean Series: customer acquired by ``date`` and not lost then (won back counts as active).

    The case's one rule, :func:`crmlessons.datasets.rules.active_on`: a customer acquired on
    ``date`` counts, one lost on ``date`` does not.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> int(active_on(datasets.load_customers(), "2025-12-31").sum())
    1069
    """
    from crmlessons.datasets.rules import active_on as case_active_on

    return case_active_on(customers, date)


_WARNING_NEEDS = dict(orders=["customer_id", "order_date", "margin_cny"],
                      customers=["customer_id", "acquired_date", "lost_date", "won_back_date", *SEGMENTS])


@tables(**_WARNING_NEEDS)
def early_warning(orders: pd.DataFrame, customers: pd.DataFrame, as_of=AS_OF,
                  window_days: int = rules.DECLINE_WINDOW_DAYS, threshold: float = rules.DECLINE_RATIO,
                  min_orders: int = rules.DECLINE_MIN_ORDERS) -> pd.DataFrame:
    """Active customers whose order count fell: an early warning of loss (the course's rule).

    The Loyalty article advises investigating when a loyal customer's purchase volume changes; the
    rule that turns this into a list is the course's (:func:`crmlessons.datasets.rules.is_declining`).

    A customer is flagged when, among customers active on ``as_of``, the orders in the last
    ``window_days`` days are fewer than ``threshold`` times the orders in the ``window_days`` days
    before, and that earlier window had at least ``min_orders`` orders (too few orders say nothing).

    Parameters
    ----------
    orders, customers : pandas.DataFrame
        The case tables.
    as_of : date
        The day of the check (default the data date 2025-12-31).
    window_days : int
        Length of each window in days (default 365: a whole year against the year before, so the
        seasons do not fake a drop; with 180 days, July-December against January-June compares
        busy December with quiet February).
    threshold : float
        Flag when recent orders < threshold x earlier orders (default 0.6: down by 40% or more).
    min_orders : int
        Earlier-window orders needed to judge (default 2).

    Returns
    -------
    pandas.DataFrame
        ``customer_id, industry, company_size, region, orders_before, orders_recent, order_ratio,
        margin_before_cny, value_at_risk_cny``, sorted by value at risk (largest first). Value at
        risk is the margin of the earlier window scaled to a year: what a year of business at the
        old pace is worth.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> flagged = early_warning(datasets.load_orders(), datasets.load_customers())
    >>> bool((flagged["order_ratio"] < 0.6).all())
    True
    """
    when = require_date(as_of, "as_of")
    require_number(window_days, "window_days", low=1, integer=True)
    require_number(threshold, "threshold", low=0.0, high=1.0)
    require_number(min_orders, "min_orders", low=1, integer=True)
    window = pd.Timedelta(days=window_days)
    active = customers[active_on(customers, when)]
    o = orders[(orders["order_date"] > when - 2 * window) & (orders["order_date"] <= when)]
    o = o[o["customer_id"].isin(active["customer_id"])]
    recent = o["order_date"] > when - window
    before = o[~recent].groupby("customer_id").agg(orders_before=("order_date", "size"),
                                                   margin_before_cny=("margin_cny", "sum"))
    after = o[recent].groupby("customer_id").size().rename("orders_recent")
    table = before.join(after, how="left").fillna({"orders_recent": 0})
    table["orders_recent"] = table["orders_recent"].astype(np.int64)
    table["orders_before"] = table["orders_before"].astype(np.int64)
    table["order_ratio"] = table["orders_recent"] / table["orders_before"]
    table = table[rules.is_declining(table["orders_recent"], table["orders_before"], threshold, min_orders)]
    table["value_at_risk_cny"] = table["margin_before_cny"] * 365.0 / window_days
    seg = active.set_index("customer_id")[list(SEGMENTS)]
    table = table.join(seg, how="left").rename_axis("customer_id").reset_index()
    table = table.sort_values(["value_at_risk_cny", "customer_id"], ascending=[False, True], kind="stable")
    cols = ["customer_id", *SEGMENTS, "orders_before", "orders_recent", "order_ratio", "margin_before_cny",
            "value_at_risk_cny"]
    return table[cols].reset_index(drop=True)


@tables(**_WARNING_NEEDS)
def warning_hit_rate(orders: pd.DataFrame, customers: pd.DataFrame,
                     as_of: Sequence = ("2022-12-31", "2023-06-30", "2023-12-31", "2024-06-30"),
                     horizon_days: int = 180, window_days: int = rules.DECLINE_WINDOW_DAYS,
                     threshold: float = rules.DECLINE_RATIO, min_orders: int = rules.DECLINE_MIN_ORDERS
                     ) -> pd.DataFrame:
    """Test the early warning on the past: were flagged customers lost more often afterwards?

    On each date of ``as_of`` it runs :func:`early_warning` and counts, among the customers active
    then, those lost in the next ``horizon_days`` days, flagged against not flagged; the checks of
    all dates are pooled (one customer checked on four dates counts four times).

    Returns
    -------
    pandas.DataFrame
        ``flagged`` (True, False), ``checks`` (customer-dates), ``lost_later``, ``loss_rate``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> hits = warning_hit_rate(datasets.load_orders(), datasets.load_customers())
    >>> hits["flagged"].tolist()
    [True, False]
    >>> bool(hits["loss_rate"].iloc[0] > hits["loss_rate"].iloc[1])
    True
    """
    require_number(horizon_days, "horizon_days", low=1, integer=True)
    dates = [as_of] if isinstance(as_of, (str, pd.Timestamp)) else list(as_of) if isinstance(as_of, (list, tuple)) else [as_of]
    if not dates:
        raise ValueError("as_of must be a date or a list of dates; got an empty list")
    rows = []
    for date in dates:
        when = require_date(date, "as_of")
        flagged = set(early_warning(orders, customers, when, window_days, threshold, min_orders)["customer_id"])
        active = customers[active_on(customers, when)]
        lost = (active["lost_date"] > when) & (active["lost_date"] <= when + pd.Timedelta(days=horizon_days))
        rows.append(pd.DataFrame({"flagged": active["customer_id"].isin(flagged).to_numpy(), "lost": lost.to_numpy()}))
    table = pd.concat(rows, ignore_index=True)
    out = table.groupby("flagged").agg(checks=("lost", "size"), lost_later=("lost", "sum"))
    out = out.reindex([True, False], fill_value=0).rename_axis("flagged").reset_index()
    out["checks"] = out["checks"].astype(np.int64)
    out["lost_later"] = out["lost_later"].astype(np.int64)
    out["loss_rate"] = out["lost_later"] / out["checks"].replace(0, np.nan)
    return out
