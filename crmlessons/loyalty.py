"""Loyalty is not satisfaction: the three faces of loyalty, the satisfaction-loyalty matrix, what loyal customers
do differently, the Kano model of needs, and what builds loyalty.

Customer loyalty is a customer's attachment to a firm's products or services, shown three ways (Loyalty
article): **emotional** loyalty (identifying with the firm's ideas, conduct and image), **behavioural**
loyalty (buying again) and **intentional** loyalty (the intention to buy in future; the article's 意识忠诚).
Satisfaction is the condition of loyalty, not loyalty itself.

- The faces: :data:`FACES`, :func:`loyalty_scores` (each customer's three answers and their mean) and
  :func:`faces_agreement` (how well the three agree: correlations and Cronbach's alpha, :func:`cronbach_alpha`).
- The satisfaction x loyalty matrix of the literature (Jones and Sasser 1995): :data:`MATRIX_GROUPS`
  (loyalists, mercenaries, hostages, defectors, each with an action), :func:`loyalty_matrix` and
  :func:`matrix_counts`.
- What loyal customers do (Loyalty article: they buy more and more often, are less price sensitive,
  forgive mistakes and recommend the firm): :func:`loyal_behaviour`; :func:`complaint_handling_vs_staying`
  (complaints handled well go with staying); :func:`loyal_warnings` (loyal customers whose orders fell:
  lesson 05's early warning, :func:`crmlessons.loss.early_warning`).
- Needs in three classes (Loyalty article: basic, expected and exciting; meet every basic and expected
  need and aim at the exciting ones) in the form the literature gives them, the Kano model (Kano et al.
  1984; the evaluation table and the better / worse coefficients of Berger et al. 1993):
  :data:`KANO_TABLE`, :data:`KANO_CATEGORIES`, :data:`NEED_CLASSES`, :func:`kano_classify`,
  :func:`kano_evaluation_table`, :func:`feature_text` (a feature's two questions), :func:`kano_features`.
  The mapping basic = must-be, expected = one-dimensional, exciting = attractive is the course's.
- Loyal employees make loyal customers (Loyalty article): :func:`manager_changes_vs_loss` and
  :func:`tenure_vs_retention` (associations, not causes: :data:`CAUTION`).
- The Relationship-marketing essay's claims tested on the data: :func:`by_satisfaction` and
  :func:`satisfaction_claims`.

Examples
--------
>>> kano_classify("like", "dislike"), kano_classify("neutral", "dislike"), kano_classify("like", "neutral")
('O', 'M', 'A')
>>> MATRIX_GROUPS["mercenary"]["en"]
'Mercenaries'
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from crmlessons.checks import Table, require_choice, require_date, require_number, tables
from crmlessons.datasets.dictionary import KANO_FEATURE_LABELS, KANO_FEATURES, KANO_QUESTIONS
from crmlessons.datasets.params import PARAMS
from crmlessons.datasets.rules import AS_OF, active_on
from crmlessons.datasets.vocabularies import KANO_TABLE, VOCABULARIES

__all__ = ["FACES", "FACE_COLUMNS", "loyalty_scores", "cronbach_alpha", "faces_agreement", "MATRIX_GROUPS",
           "loyalty_matrix", "matrix_counts", "loyal_behaviour", "complaint_handling_vs_staying", "loyal_warnings",
           "KANO_TABLE", "KANO_ANSWERS", "KANO_CATEGORIES", "KANO_FEATURES", "NEED_CLASSES", "kano_classify",
           "kano_evaluation_table", "kano_columns", "feature_text", "kano_features", "manager_changes_vs_loss",
           "tenure_vs_retention", "CAUTION", "by_satisfaction", "satisfaction_claims"]


# ---------------------------------------------------------------------------------------------
# The three faces of loyalty

#: The Loyalty article's three faces of loyalty: the survey column that measures each, and what it means.
FACES: dict[str, dict[str, str]] = {
    "emotional": {"column": "loyalty_emotional", "en": "Emotional loyalty", "zh": "情感忠诚",
                  "means_en": "identifying with the firm: its ideas, conduct and image",
                  "means_zh": "高度认同企业的理念、行为和形象"},
    "behavioural": {"column": "loyalty_behavioural", "en": "Behavioural loyalty", "zh": "行为忠诚",
                    "means_en": "buying again", "means_zh": "重复购买"},
    "intentional": {"column": "loyalty_intentional", "en": "Intentional loyalty", "zh": "意识忠诚",
                    "means_en": "intending to buy in future", "means_zh": "未来的购买意向"},
}
#: The survey columns of the three faces, in the order of :data:`FACES`.
FACE_COLUMNS = tuple(spec["column"] for spec in FACES.values())


def _by_customer(survey: pd.DataFrame) -> pd.Index:
    ids = survey["customer_id"]
    doubled = ids[ids.duplicated()]
    if len(doubled):
        raise ValueError(f"survey['customer_id'] must hold one answer per customer; {doubled.iloc[0]!r} answers "
                         f"{int((ids == doubled.iloc[0]).sum())} times")
    return pd.Index(ids.astype(str), name="customer_id")


@tables(survey=["customer_id", *FACE_COLUMNS])
def loyalty_scores(survey: pd.DataFrame) -> pd.DataFrame:
    """Each respondent's three faces of loyalty (1-5) and their mean.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted): ``emotional``, ``behavioural``, ``intentional`` (the answers;
        missing where not answered) and ``mean`` (the mean of the faces answered; missing when none is).

    Examples
    --------
    >>> survey = pd.DataFrame({"customer_id": ["B", "A"], "loyalty_emotional": [4.0, 2.0],
    ...                        "loyalty_behavioural": [5.0, None], "loyalty_intentional": [3.0, 3.0]})
    >>> loyalty_scores(survey)
                 emotional  behavioural  intentional  mean
    customer_id
    A                  2.0          NaN          3.0   2.5
    B                  4.0          5.0          3.0   4.0
    """
    index = _by_customer(survey)
    table = pd.DataFrame({face: survey[spec["column"]].to_numpy(float) for face, spec in FACES.items()}, index=index)
    table["mean"] = table[list(FACES)].mean(axis=1)
    return table.sort_index()


def cronbach_alpha(responses: pd.DataFrame) -> float:
    """Cronbach's alpha of a set of items: how consistently they measure one thing (0 to 1, higher is better).

    alpha = k / (k - 1) x (1 - sum of the item variances / variance of the total score), for k items, on
    the rows with every item answered. The literature reads about 0.7 or more as items that can be added up
    into one score (Nunnally 1978).

    Parameters
    ----------
    responses : pandas.DataFrame
        One column per item (at least two), one row per respondent, numbers.

    Examples
    --------
    >>> round(cronbach_alpha(pd.DataFrame({"a": [1, 2, 3, 4], "b": [2, 2, 4, 4], "c": [1, 3, 3, 5]})), 4)
    0.9333
    """
    if not isinstance(responses, pd.DataFrame):
        raise TypeError(f"responses must be a pandas DataFrame of item scores; got {type(responses).__name__}")
    if responses.shape[1] < 2:
        raise ValueError(f"responses must have at least two item columns; got {responses.shape[1]}")
    for column in responses.columns:
        series = responses[column]
        if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            raise TypeError(f"responses[{column!r}] must hold numbers; got dtype {series.dtype}")
    data = responses.to_numpy(float)
    if np.isinf(data).any():
        raise ValueError("responses must hold finite numbers; got inf")
    data = data[~np.isnan(data).any(axis=1)]
    if len(data) < 2:
        raise ValueError(f"responses needs at least two rows with every item answered; it has {len(data)}")
    total = data.sum(axis=1).var(ddof=1)
    if not total > 0:
        raise ValueError("responses gives every respondent the same total: alpha is undefined")
    k = data.shape[1]
    return float(k / (k - 1) * (1 - data.var(axis=0, ddof=1).sum() / total))


@tables(survey=list(FACE_COLUMNS))
def faces_agreement(survey: pd.DataFrame) -> pd.DataFrame:
    """How well the three faces of loyalty agree: their correlations and Cronbach's alpha.

    On the respondents who answered all three: the Pearson correlation of each pair of faces, each face's
    correlation with the mean of the other two (``rest_correlation``) and Cronbach's alpha of the other two
    (``alpha_without``: when it is above the alpha of all three, that face measures something else).

    Returns
    -------
    pandas.DataFrame
        Indexed by face (:data:`FACES`): ``name_en``, ``name_zh``, the correlations with ``emotional``,
        ``behavioural`` and ``intentional``, ``rest_correlation`` and ``alpha_without``.
        ``attrs["alpha"]`` holds Cronbach's alpha of the three and ``attrs["n"]`` the respondents used.

    Examples
    --------
    >>> survey = pd.DataFrame({"loyalty_emotional": [1, 2, 3, 4, 5], "loyalty_behavioural": [2, 2, 3, 5, 4],
    ...                        "loyalty_intentional": [1, 3, 2, 4, 5]})
    >>> table = faces_agreement(survey)
    >>> round(table.attrs["alpha"], 3), round(float(table.loc["emotional", "behavioural"]), 2)
    (0.932, 0.85)
    """
    answers = survey[list(FACE_COLUMNS)].astype(float).dropna()
    answers.columns = list(FACES)
    if len(answers) < 3:
        raise ValueError(f"survey needs at least 3 respondents who answered all three faces; it has {len(answers)}")
    flat = [face for face in FACES if not answers[face].std() > 0]
    if flat:
        raise ValueError(f"survey gives the same answer everywhere for {flat}: no agreement to measure")
    table = answers.corr()
    faces = list(FACES)
    rest = {face: answers[face].corr(answers[[f for f in faces if f != face]].mean(axis=1)) for face in faces}
    table.insert(0, "name_en", [FACES[f]["en"] for f in faces])
    table.insert(1, "name_zh", [FACES[f]["zh"] for f in faces])
    table["rest_correlation"] = [rest[f] for f in faces]
    table["alpha_without"] = [cronbach_alpha(answers[[f for f in faces if f != face]]) for face in faces]
    table.index.name = "face"
    table.attrs.update(alpha=cronbach_alpha(answers), n=len(answers))
    return table


# ---------------------------------------------------------------------------------------------
# The satisfaction x loyalty matrix

def _group(code: str, en: str, zh: str, satisfied: bool, loyal: bool, who_en: str, who_zh: str, action_en: str,
           action_zh: str) -> tuple:
    return code, {"en": en, "zh": zh, "satisfied": satisfied, "loyal": loyal, "who_en": who_en, "who_zh": who_zh,
                  "action_en": action_en, "action_zh": action_zh}


#: The four groups of the satisfaction x loyalty matrix (Jones and Sasser 1995, "Why satisfied customers
#: defect"), each with who they are and the course's suggested action.
MATRIX_GROUPS: dict[str, dict] = dict([
    _group("loyalist", "Loyalists", "忠诚者", True, True,
           "Satisfied and loyal: they buy again, recommend the firm and forgive a mistake; the most enthusiastic "
           "are its apostles.",
           "既满意又忠诚：他们重复购买、向别人推荐企业，也能原谅企业的失误；其中最热心的会主动为企业宣传。",
           "Serve them first: a priority channel, first news of new products, every complaint taken seriously; "
           "ask them for referrals, and watch their orders for a drop (lesson 05's early warning).",
           "优先服务：开辟绿色通道，新产品优先告知，认真对待他们的每一次抱怨；请他们推荐新客户，并留意其订货量是否下降"
           "（第 05 课的预警）。"),
    _group("mercenary", "Mercenaries", "唯利是图者", True, False,
           "Satisfied but not loyal (also called mercenary customers): they go wherever the better offer is.",
           "满意但不忠诚（又称雇佣兵型客户）：哪里条件更好就去哪里。",
           "Satisfaction alone will not keep them: build ties a competitor cannot copy (structural ties such as "
           "training, software, joint work: lesson 06), learn what rivals offer them, and do not buy their "
           "loyalty with discounts.",
           "仅靠满意留不住他们：建立竞争对手难以模仿的联系（培训、软件、联合开发等结构性联系，见第 06 课），"
           "了解竞争对手给他们的条件，不要用折扣去换取忠诚。"),
    _group("hostage", "Hostages", "人质型客户", False, True,
           "Loyal but not satisfied: they stay because leaving is hard or costly, not because they want to.",
           "忠诚但不满意：他们留下是因为离开太难或代价太高，而不是因为愿意留下。",
           "Find and fix what dissatisfies them, their complaints first, before a competitor sets them free: "
           "a hostage set free leaves, and speaks ill of the firm.",
           "在竞争对手把他们“解救”出去之前，找出并解决让他们不满的问题（先处理投诉）：被“解救”的人质型客户会离开，"
           "还会说企业的坏话。"),
    _group("defector", "Defectors", "叛离者", False, False,
           "Neither satisfied nor loyal: leaving, or already looking elsewhere.",
           "既不满意也不忠诚：正在离开，或已经在另找供应商。",
           "Find out why (lesson 05's loss reasons), fix the causes many of them share, and spend on winning "
           "back only those worth it (lesson 06's customer lifetime value).",
           "查明原因（第 05 课的流失原因），解决许多客户共有的问题，只对值得的客户投入挽回费用（第 06 课的客户终身价值）。"),
])


def _thresholds(satisfaction_threshold, loyalty_threshold) -> tuple[float, float]:
    return (float(require_number(satisfaction_threshold, "satisfaction_threshold", low=1, high=5)),
            float(require_number(loyalty_threshold, "loyalty_threshold", low=1, high=5)))


@tables(survey=["customer_id", "satisfaction", *FACE_COLUMNS])
def loyalty_matrix(survey: pd.DataFrame, satisfaction_threshold: float = 4, loyalty_threshold: float = 3.5) -> pd.Series:
    """Place each respondent in a group of the satisfaction x loyalty matrix (:data:`MATRIX_GROUPS`).

    Satisfied: ``satisfaction`` >= ``satisfaction_threshold`` (default 4: satisfied or very satisfied);
    loyal: the mean of the three faces (:func:`loyalty_scores`) >= ``loyalty_threshold`` (default 3.5, a
    little above the middle of the scale). The thresholds are the course's choice: the literature draws the
    lines where a firm's own answers split.

    Returns
    -------
    pandas.Series
        The group code per ``customer_id`` (sorted; categorical in the order of :data:`MATRIX_GROUPS`),
        named ``group``; missing for a respondent who did not answer the satisfaction question or any face.

    Examples
    --------
    >>> survey = pd.DataFrame({"customer_id": list("ABCDE"), "satisfaction": [5, 4, 2, 1, None],
    ...     "loyalty_emotional": [4, 2, 5, 1, 4], "loyalty_behavioural": [4, 3, 4, 2, 4],
    ...     "loyalty_intentional": [5, 3, 4, 2, 4]})
    >>> loyalty_matrix(survey).astype(object).to_dict()
    {'A': 'loyalist', 'B': 'mercenary', 'C': 'hostage', 'D': 'defector', 'E': nan}
    """
    satisfied_at, loyal_at = _thresholds(satisfaction_threshold, loyalty_threshold)
    index = _by_customer(survey)
    satisfaction = pd.Series(survey["satisfaction"].to_numpy(float), index=index)
    loyalty = loyalty_scores(survey)["mean"].reindex(index)
    satisfied, loyal = satisfaction >= satisfied_at, loyalty >= loyal_at
    code = np.select([satisfied & loyal, satisfied, loyal], ["loyalist", "mercenary", "hostage"], "defector")
    code = np.where(satisfaction.isna() | loyalty.isna(), None, code)
    groups = pd.Series(pd.Categorical(code, categories=list(MATRIX_GROUPS)), index=index, name="group")
    return groups.sort_index()


def _groups(groups) -> pd.Series:
    if not isinstance(groups, pd.Series):
        raise TypeError(f"groups must be a pandas Series of matrix group codes (loyalty_matrix); got "
                        f"{type(groups).__name__}")
    codes = groups.astype(object)
    unknown = sorted({str(c) for c in codes.dropna() if c not in MATRIX_GROUPS})
    if unknown:
        raise ValueError(f"groups must hold codes from {list(MATRIX_GROUPS)}; got {unknown[:3]}")
    if codes.notna().sum() == 0:
        raise ValueError("groups has no customer placed in a group")
    return codes


def matrix_counts(groups: pd.Series) -> pd.DataFrame:
    """How many customers each group of the matrix holds, their share, and the action for each group.

    Parameters
    ----------
    groups : pandas.Series
        The group per customer (:func:`loyalty_matrix`); missing values (not placed) are left out of the
        shares and counted in ``attrs["not_placed"]``.

    Returns
    -------
    pandas.DataFrame
        One row per group of :data:`MATRIX_GROUPS`, in order: ``group``, ``name_en``, ``name_zh``,
        ``satisfied``, ``loyal``, ``customers``, ``share``, ``action_en``, ``action_zh``.

    Examples
    --------
    >>> counts = matrix_counts(pd.Series(["loyalist", "loyalist", "mercenary", None]))
    >>> counts[["group", "customers", "share"]].round(2)
           group  customers  share
    0   loyalist          2   0.67
    1  mercenary          1   0.33
    2    hostage          0   0.00
    3   defector          0   0.00
    >>> counts.attrs["not_placed"]
    1
    """
    codes = _groups(groups)
    placed = codes.dropna()
    counts = placed.value_counts().reindex(list(MATRIX_GROUPS), fill_value=0).astype(np.int64)
    table = pd.DataFrame({"group": list(MATRIX_GROUPS), "name_en": [g["en"] for g in MATRIX_GROUPS.values()],
                          "name_zh": [g["zh"] for g in MATRIX_GROUPS.values()],
                          "satisfied": [g["satisfied"] for g in MATRIX_GROUPS.values()],
                          "loyal": [g["loyal"] for g in MATRIX_GROUPS.values()],
                          "customers": counts.to_numpy(), "share": counts.to_numpy() / len(placed),
                          "action_en": [g["action_en"] for g in MATRIX_GROUPS.values()],
                          "action_zh": [g["action_zh"] for g in MATRIX_GROUPS.values()]})
    table.attrs["not_placed"] = int(codes.isna().sum())
    return table


# ---------------------------------------------------------------------------------------------
# What loyal customers do differently

_BEHAVIOUR_SURVEY = ["customer_id", "satisfaction", *FACE_COLUMNS, "complaints_12m", "price_sensitivity", "recommend"]
_BEHAVIOUR_NEEDS = dict(survey=_BEHAVIOUR_SURVEY,
                        orders=["customer_id", "order_date", "amount_cny", "margin_cny"],
                        customers=["customer_id", "acquired_date", "lost_date", "won_back_date", "referred_by"])
_BY = ("loyal", "group")


def _respondent_facts(survey, orders, customers, day) -> pd.DataFrame:
    """Per respondent: orders, margin and years in the order log, whether still a customer, referrals."""
    from crmlessons.value import historic_value

    index = _by_customer(survey)
    known = set(customers["customer_id"].astype(str))
    unknown = [c for c in index if c not in known]
    if unknown:
        raise ValueError(f"survey has customer_id(s) not among the customers: {unknown[:3]}")
    value = historic_value(orders, customers, as_of=day).reindex(index)
    still = pd.Series(active_on(customers, day).to_numpy(), index=customers["customer_id"].astype(str))
    referrals = customers["referred_by"].dropna().astype(str).value_counts()
    facts = pd.DataFrame({"orders": value["orders"].fillna(0).to_numpy(float),
                          "margin": value["margin_cny"].fillna(0).to_numpy(float),
                          "years": value["years_active"].fillna(0).to_numpy(float),
                          "stayed": still.reindex(index).fillna(False).to_numpy(bool),
                          "complained": survey["complaints_12m"].to_numpy(float) > 0,
                          "referrals": referrals.reindex(index, fill_value=0).to_numpy(float),
                          "price_sensitivity": survey["price_sensitivity"].to_numpy(float),
                          "recommend": survey["recommend"].to_numpy(float)}, index=index)
    return facts


@tables(**_BEHAVIOUR_NEEDS)
def loyal_behaviour(survey: pd.DataFrame, orders: pd.DataFrame, customers: pd.DataFrame, by: str = "loyal",
                    satisfaction_threshold: float = 4, loyalty_threshold: float = 3.5, as_of=AS_OF) -> pd.DataFrame:
    """What loyal customers do differently: orders and margin a year, price sensitivity, forgiveness, referrals.

    The Loyalty article says loyal customers buy more and more often, are less sensitive to price, bear a
    firm's mistakes and recommend it. The survey says who is loyal (the mean of the three faces >=
    ``loyalty_threshold``); the order log and the customers table say what they did. Orders and margin are
    counted over the whole order log, per year of active relationship in it (``value.historic_value``):
    loyalty measured in January 2025 stands for a lasting attitude. The survey has no share of wallet:
    the behavioural face ("we buy most of what we need in this category from Hengtai") is its proxy.

    Parameters
    ----------
    survey, orders, customers : pandas.DataFrame
        The case tables.
    by : {"loyal", "group"}
        Loyal against not loyal (default), or the four groups of :func:`loyalty_matrix`.
    satisfaction_threshold, loyalty_threshold : float
        The lines of :func:`loyalty_matrix` (only the loyalty line matters for ``by="loyal"``).
    as_of : date
        The data date (default ``rules.AS_OF``): the end of the order log and the day "still a customer" is
        read.

    Returns
    -------
    pandas.DataFrame
        One row per group (``loyal``: True, False; or ``group``: the codes of :data:`MATRIX_GROUPS`):
        ``customers``; ``orders_per_year`` and ``margin_per_year`` (per customer-year); ``price_sensitivity``
        and ``recommend`` (mean answers); ``stayed_share`` (share still a customer on ``as_of``); ``complainers``
        (respondents with a complaint in the 12 months before the survey) and ``forgiveness`` (the share of
        them still a customer); ``referrals`` (customers referred, per respondent) and ``referrer_share``
        (share who referred at least one). Respondents without the loyalty (or, by group, the
        satisfaction) answer are left out.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> case = datasets.load_case()
    >>> table = loyal_behaviour(case.survey, case.orders, case.customers)
    >>> bool(table.loc[True, "orders_per_year"] > table.loc[False, "orders_per_year"])
    True
    """
    require_choice(by, "by", _BY)
    day = require_date(as_of, "as_of")
    if by == "group":
        key = loyalty_matrix(survey, satisfaction_threshold, loyalty_threshold).astype(object)
    else:
        _thresholds(satisfaction_threshold, loyalty_threshold)
        mean = loyalty_scores(survey)["mean"]
        key = (mean >= float(loyalty_threshold)).astype(object).where(mean.notna())
    facts = _respondent_facts(survey, orders, customers, day)
    facts["key"] = key.reindex(facts.index)
    facts = facts[facts["key"].notna()]
    if facts.empty:
        raise ValueError("survey has no respondent with the answers needed to place them")
    order = [True, False] if by == "loyal" else list(MATRIX_GROUPS)
    rows = []
    for code in order:
        part = facts[facts["key"] == code]
        years = part["years"].sum()
        complained = part[part["complained"]]
        rows.append({by: code, "customers": len(part),
                     "orders_per_year": part["orders"].sum() / years if years > 0 else np.nan,
                     "margin_per_year": part["margin"].sum() / years if years > 0 else np.nan,
                     "price_sensitivity": part["price_sensitivity"].mean(), "recommend": part["recommend"].mean(),
                     "stayed_share": part["stayed"].mean() if len(part) else np.nan, "complainers": len(complained),
                     "forgiveness": complained["stayed"].mean() if len(complained) else np.nan,
                     "referrals": part["referrals"].mean() if len(part) else np.nan,
                     "referrer_share": (part["referrals"] > 0).mean() if len(part) else np.nan})
    return pd.DataFrame(rows).set_index(by)


@tables(survey=["customer_id", "complaints_12m", "complaint_handling"],
        customers=["customer_id", "acquired_date", "lost_date", "won_back_date"])
def complaint_handling_vs_staying(survey: pd.DataFrame, customers: pd.DataFrame, as_of=AS_OF) -> pd.DataFrame:
    """Respondents who complained, by how they rated the handling of their last complaint: the share who stayed.

    Loyal customers forgive a mistake that is put right (Loyalty article: take their complaints seriously).
    Stayed: still a customer on ``as_of`` (``rules.active_on``). An association: customers about to leave
    may also judge the handling more harshly.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``complaint_handling`` (the ratings given, 1-5): ``customers``, ``stayed`` (how many
        are still customers) and ``stay_rate``.

    Examples
    --------
    >>> survey = pd.DataFrame({"customer_id": ["A", "B", "C", "D"], "complaints_12m": [1, 2, 1, 0],
    ...                        "complaint_handling": [5.0, 1.0, 5.0, None]})
    >>> customers = pd.DataFrame({"customer_id": list("ABCD"), "acquired_date": pd.to_datetime(["2020-01-01"] * 4),
    ...     "lost_date": pd.to_datetime([None, "2025-06-01", None, None]), "won_back_date": pd.to_datetime([None] * 4)})
    >>> complaint_handling_vs_staying(survey, customers)
                        customers  stayed  stay_rate
    complaint_handling
    1.0                         1       0        0.0
    5.0                         2       2        1.0
    """
    day = require_date(as_of, "as_of")
    index = _by_customer(survey)
    still = pd.Series(active_on(customers, day).to_numpy(), index=customers["customer_id"].astype(str))
    missing = index.difference(still.index)
    if len(missing):
        raise ValueError(f"survey has customer_id(s) not among the customers: {list(missing[:3])}")
    frame = pd.DataFrame({"rating": survey["complaint_handling"].to_numpy(float),
                          "stayed": still.reindex(index).to_numpy(bool)}, index=index)
    frame = frame[(survey["complaints_12m"].to_numpy(float) > 0) & frame["rating"].notna().to_numpy()]
    if frame.empty:
        raise ValueError("survey has no respondent who complained and rated the handling")
    grouped = frame.groupby("rating")["stayed"]
    table = pd.DataFrame({"customers": grouped.size(), "stayed": grouped.sum().astype(np.int64)})
    table["stay_rate"] = table["stayed"] / table["customers"]
    table.index.name = "complaint_handling"
    return table


@tables(survey=["customer_id", *FACE_COLUMNS],
        orders=["customer_id", "order_date", "margin_cny"],
        customers=["customer_id", "acquired_date", "lost_date", "won_back_date", "industry", "company_size", "region"])
def loyal_warnings(survey: pd.DataFrame, orders: pd.DataFrame, customers: pd.DataFrame, loyalty_threshold: float = 3.5,
                   as_of=AS_OF) -> pd.DataFrame:
    """Loyal customers whose orders fell: lesson 05's early warning, for the loyal respondents.

    "Watch loyal customers closely: a change in the volume they buy calls for a look and a talk" (Loyalty
    article). The list is :func:`crmlessons.loss.early_warning` (the course's decline rule) for the
    respondents whose mean loyalty answer is at least ``loyalty_threshold``, with that mean added.

    Returns
    -------
    pandas.DataFrame
        The columns of ``loss.early_warning`` and ``loyalty`` (the mean of the three faces), by value at risk.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> case = datasets.load_case()
    >>> flagged = loyal_warnings(case.survey, case.orders, case.customers)
    >>> bool((flagged["loyalty"] >= 3.5).all() and (flagged["order_ratio"] < 0.6).all())
    True
    """
    from crmlessons.loss import early_warning

    _thresholds(4, loyalty_threshold)
    mean = loyalty_scores(survey)["mean"]
    loyal = mean[mean >= float(loyalty_threshold)]
    flagged = early_warning(orders, customers, as_of)
    flagged = flagged[flagged["customer_id"].astype(str).isin(loyal.index)].copy()
    flagged["loyalty"] = flagged["customer_id"].astype(str).map(loyal).to_numpy(float)
    return flagged.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Needs in three classes, and the Kano model

#: The five answers of a Kano question: code -> {"en", "zh"} (``VOCABULARIES["kano_answer"]``).
KANO_ANSWERS: dict[str, dict[str, str]] = {code: {"en": en, "zh": zh}
                                           for code, (en, zh) in VOCABULARIES["kano_answer"].items()}

#: The Loyalty article's three classes of needs ("meet every basic and expected need, aim at the exciting
#: ones"), with the Kano category each corresponds to (the course's mapping).
NEED_CLASSES: dict[str, dict[str, str]] = {
    "basic": {"en": "Basic need", "zh": "基本需求", "kano": "M",
              "advice_en": "Meet it fully: customers take it for granted and notice only when it fails.",
              "advice_zh": "必须百分之百满足：客户认为理所当然，只有做不到时才会注意到。"},
    "expected": {"en": "Expected need", "zh": "期望需求", "kano": "O",
                 "advice_en": "Meet it fully: the better it is done, the more satisfied the customer.",
                 "advice_zh": "必须百分之百满足：做得越好，客户越满意。"},
    "exciting": {"en": "Exciting need", "zh": "兴奋型需求", "kano": "A",
                 "advice_en": "Aim at it: customers do not expect it, and are delighted when they get it.",
                 "advice_zh": "努力达成：客户没有期待，得到时会格外满意。"},
}
_NEED_OF = {spec["kano"]: code for code, spec in NEED_CLASSES.items()}

_MEANING = {
    "M": ("Taken for granted: missing, it displeases; present, it earns no praise.",
          "被视为理所当然：没有就不满意，有了也不会因此更满意。"),
    "O": ("The more the better: present, it satisfies; missing, it displeases.",
          "越多越好：有了就满意，没有就不满意。"),
    "A": ("A delight when present, not missed when absent.", "有了会让客户惊喜，没有也不会不满意。"),
    "I": ("The customer does not mind either way.", "有没有客户都无所谓。"),
    "R": ("The customer would rather not have it.", "客户宁愿没有它。"),
    "Q": ("The two answers contradict each other (e.g. liking both having and not having it): the question "
          "was probably misread.", "两个回答自相矛盾（例如有也喜欢、没有也喜欢）：问题很可能被误读了。"),
}

#: The categories of the Kano evaluation table (codes of ``VOCABULARIES["kano_category"]``, in the order used to
#: break a tie for the most frequent category: must-be, one-dimensional, attractive, indifferent, reverse,
#: questionable, as Berger et al. 1993 advise), with their names, meaning and need class (None for I, R, Q).
KANO_CATEGORIES: dict[str, dict] = {
    code: {"en": en, "zh": zh, "meaning_en": _MEANING[code][0], "meaning_zh": _MEANING[code][1],
           "need": _NEED_OF.get(code)}
    for code, (en, zh) in VOCABULARIES["kano_category"].items()
}


def _answer(value, name: str) -> str:
    return str(require_choice(value, name, list(KANO_ANSWERS)))


def _answers(values, name: str) -> pd.Series:
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, (pd.Series, np.ndarray, list, tuple)):
        raise TypeError(f"{name} must be a Kano answer {list(KANO_ANSWERS)} or a Series of them; got "
                        f"{type(values).__name__}")
    series = values if isinstance(values, pd.Series) else pd.Series(list(values))
    unknown = sorted({repr(v) for v in series.dropna().astype(object) if v not in KANO_ANSWERS})
    if unknown:
        raise ValueError(f"{name} must hold Kano answers from {list(KANO_ANSWERS)}; got {', '.join(unknown[:3])}")
    return series.astype(object)


def kano_classify(functional, dysfunctional):
    """The Kano category of a pair of answers: M, O, A, I, R or Q (:data:`KANO_TABLE`, Berger et al. 1993).

    Parameters
    ----------
    functional : str or pandas.Series
        The answer to "if the feature is there, how do you feel?": one of :data:`KANO_ANSWERS`.
    dysfunctional : str or pandas.Series
        The answer to "if it is not there, how do you feel?".

    Returns
    -------
    str or pandas.Series
        The category code; for Series (same length), a Series indexed like ``functional``, missing where
        either answer is.

    Examples
    --------
    >>> kano_classify("must_be", "dislike"), kano_classify("like", "like")
    ('M', 'Q')
    >>> kano_classify(pd.Series(["like", None]), pd.Series(["dislike", "neutral"])).tolist()
    ['O', nan]
    """
    if isinstance(functional, str) or isinstance(dysfunctional, str):
        for name, answer in (("functional", functional), ("dysfunctional", dysfunctional)):
            if not isinstance(answer, str):
                raise TypeError(f"{name} must be a Kano answer {list(KANO_ANSWERS)} like the other answer; got "
                                f"{type(answer).__name__}")
        return KANO_TABLE[(_answer(functional, "functional"), _answer(dysfunctional, "dysfunctional"))]
    f, d = _answers(functional, "functional"), _answers(dysfunctional, "dysfunctional")
    if len(f) != len(d):
        raise ValueError(f"functional and dysfunctional must have one answer per respondent each; got {len(f)} "
                         f"and {len(d)}")
    codes = [KANO_TABLE[(a, b)] if isinstance(a, str) and isinstance(b, str) else np.nan
             for a, b in zip(f.to_numpy(), d.to_numpy())]
    return pd.Series(codes, index=f.index, dtype=object, name="kano")


def kano_evaluation_table() -> pd.DataFrame:
    """The Kano evaluation table as a grid: functional answers down, dysfunctional answers across.

    Examples
    --------
    >>> kano_evaluation_table().loc["like"].tolist()
    ['Q', 'A', 'A', 'A', 'O']
    """
    answers = list(KANO_ANSWERS)
    grid = pd.DataFrame([[KANO_TABLE[(f, d)] for d in answers] for f in answers], index=answers, columns=answers)
    grid.index.name, grid.columns.name = "functional", "dysfunctional"
    return grid


def kano_columns(feature: str) -> tuple[str, str]:
    """The survey columns of a feature's Kano pair: ``(kano_<feature>_functional, kano_<feature>_dysfunctional)``.

    Examples
    --------
    >>> kano_columns("tech_support")
    ('kano_tech_support_functional', 'kano_tech_support_dysfunctional')
    """
    require_choice(feature, "feature", list(KANO_FEATURES))
    return f"kano_{feature}_functional", f"kano_{feature}_dysfunctional"


_KANO_COLUMNS = [column for feature in KANO_FEATURES for column in kano_columns(feature)]


def feature_text(feature: str) -> dict[str, str]:
    """A Kano feature's name and the survey's two questions about it, in English and Chinese (data dictionary).

    Returns
    -------
    dict
        ``en``, ``zh`` (the name), ``functional_en``, ``functional_zh`` (the question with the feature there),
        ``dysfunctional_en``, ``dysfunctional_zh`` (without it).

    Examples
    --------
    >>> feature_text("on_time_delivery")["en"]
    'On-time delivery'
    >>> feature_text("on_time_delivery")["dysfunctional_en"]
    'If Hengtai sometimes delivers later than promised, how do you feel?'
    """
    require_choice(feature, "feature", list(KANO_FEATURES))
    name = KANO_FEATURE_LABELS[feature]
    return {"en": name["en"][0].upper() + name["en"][1:], "zh": name["zh"], **KANO_QUESTIONS[feature]}


@tables(survey=_KANO_COLUMNS)
def kano_features(survey: pd.DataFrame) -> pd.DataFrame:
    """Each feature's Kano classification by Hengtai's customers: counts per category, the dominant one, better / worse.

    Each respondent's pair of answers is classified (:func:`kano_classify`; pairs with a missing answer are
    left out). The dominant category is the most frequent (a tie goes to the first in the order M, O, A, I,
    R, Q). Berger et al.'s (1993) coefficients: better = (A + O) / (A + O + M + I), how much having the
    feature raises satisfaction (0 to 1); worse = -(O + M) / (A + O + M + I), how much lacking it lowers
    satisfaction (-1 to 0).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``feature`` (``KANO_FEATURES``): ``answers`` (pairs classified), the counts ``M``, ``O``,
        ``A``, ``I``, ``R``, ``Q``, ``dominant`` (category code), ``dominant_share``, ``need`` (the need class
        of the dominant category, :data:`NEED_CLASSES`, or None), ``better``, ``worse``.

    Examples
    --------
    >>> answers = {c: ["like", "neutral", "neutral"] if c.endswith("_functional") else ["dislike", "dislike", "neutral"]
    ...            for c in [f"kano_{f}_{form}" for f in KANO_FEATURES for form in ("functional", "dysfunctional")]}
    >>> table = kano_features(pd.DataFrame(answers))
    >>> table.loc["tech_support", ["M", "O", "I"]].astype(int).tolist(), table.loc["tech_support", "dominant"]
    ([1, 1, 1], 'M')
    >>> round(float(table.loc["tech_support", "better"]), 3), round(float(table.loc["tech_support", "worse"]), 3)
    (0.333, -0.667)
    """
    rows = []
    for feature in KANO_FEATURES:
        functional, dysfunctional = kano_columns(feature)
        codes = kano_classify(survey[functional].astype(object), survey[dysfunctional].astype(object)).dropna()
        counts = codes.value_counts().reindex(list(KANO_CATEGORIES), fill_value=0).astype(np.int64)
        n = int(counts.sum())
        dominant = str(counts.idxmax()) if n else None
        base = int(counts[["A", "O", "M", "I"]].sum())
        rows.append({"feature": feature, "answers": n, **counts.to_dict(), "dominant": dominant,
                     "dominant_share": counts.max() / n if n else np.nan,
                     "need": KANO_CATEGORIES[dominant]["need"] if dominant else None,
                     "better": (counts["A"] + counts["O"]) / base if base else np.nan,
                     "worse": -(counts["O"] + counts["M"]) / base if base else np.nan})
    table = pd.DataFrame(rows).set_index("feature")
    table["need"] = pd.Series([row["need"] for row in rows], index=table.index, dtype=object)  # None for I, R, Q
    return table


# ---------------------------------------------------------------------------------------------
# Loyal employees, loyal customers

#: What any table of this part can and cannot show, in both languages.
CAUTION = {
    "en": "An association, not a cause: account managers who stay may be given the easier customers, and a "
          "customer about to leave may be handed to someone new. Only an experiment (or a careful comparison of "
          "like with like) shows what causes what.",
    "zh": "这只是相关，不是因果：留任的客户经理可能分到更容易维护的客户，快要流失的客户也可能被转给新人。"
          "只有实验（或对相同条件的客户仔细比较）才能说明因果。",
}


@tables(customers=["customer_id", "lost_date", "manager_changes"])
def manager_changes_vs_loss(customers: pd.DataFrame, at_least: int = 3) -> pd.DataFrame:
    """Customers by how often their account manager changed: the share lost.

    Loyal employees deliver the service that makes loyal customers (Loyalty article); a customer whose
    contact keeps changing has to start again each time. Lost: the customer has a ``lost_date`` (a customer
    won back counts as lost once). See :data:`CAUTION`.

    Parameters
    ----------
    at_least : int
        Changes from this number up are one row (default 3: "3+").

    Returns
    -------
    pandas.DataFrame
        One row per number of changes (0, 1, ..., ``at_least``+): ``changes`` (text: "0", "1", "2", "3+"),
        ``customers``, ``lost``, ``lost_share``.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("ABCD"), "manager_changes": [0, 0, 1, 4],
    ...                           "lost_date": pd.to_datetime([None, None, "2024-01-01", "2023-05-01"])})
    >>> manager_changes_vs_loss(customers, at_least=2)
      changes  customers  lost  lost_share
    0       0          2     0         0.0
    1       1          1     1         1.0
    2      2+          1     1         1.0
    """
    top = int(require_number(at_least, "at_least", low=1, high=100, integer=True))
    changes = customers["manager_changes"]
    if changes.isna().any():
        raise ValueError(f"customers['manager_changes'] must not be missing; {int(changes.isna().sum())} row(s) are")
    band = np.minimum(changes.to_numpy(float), top).astype(np.int64)
    lost = customers["lost_date"].notna().to_numpy()
    rows = []
    for k in range(top + 1):
        mine = band == k
        rows.append({"changes": f"{k}+" if k == top else str(k), "customers": int(mine.sum()),
                     "lost": int(lost[mine].sum()), "lost_share": lost[mine].mean() if mine.any() else np.nan})
    return pd.DataFrame(rows)


@tables(customers=Table("customers", ["customer_id", "salesperson_id", "lost_date"], optional=["manager_changes"]),
        salespeople=["salesperson_id", "tenure_years"])
def tenure_vs_retention(customers: pd.DataFrame, salespeople: pd.DataFrame, bands=(2, 4, 8)) -> pd.DataFrame:
    """Account managers by years at Hengtai: how many of their customers were kept, and how often those changed hands.

    Each customer is counted with the salesperson who manages the account now (``salesperson_id``) and that
    salesperson's ``tenure_years``. Kept: the customer has no ``lost_date``. See :data:`CAUTION`.

    Parameters
    ----------
    bands : sequence of float
        Tenure bands' edges in years, increasing (default 2, 4, 8: under 2, 2-4, 4-8, 8 and more).

    Returns
    -------
    pandas.DataFrame
        One row per band: ``tenure_from``, ``tenure_to`` (years; the last is inf), ``salespeople``,
        ``customers``, ``kept``, ``kept_share``, and ``manager_changes`` (mean changes per customer) when
        ``customers`` has that column. ``attrs["correlation"]`` holds the Spearman correlation, across the
        salespeople with customers, of tenure with the share of their customers kept.

    Examples
    --------
    >>> people = pd.DataFrame({"salesperson_id": ["S1", "S2", "S3"], "tenure_years": [1.0, 3.0, 9.0]})
    >>> customers = pd.DataFrame({"customer_id": list("ABCD"), "salesperson_id": ["S1", "S1", "S2", "S3"],
    ...                           "lost_date": pd.to_datetime(["2024-01-01", None, None, None])})
    >>> tenure_vs_retention(customers, people, bands=(2,))[["tenure_from", "customers", "kept_share"]]
       tenure_from  customers  kept_share
    0          0.0          2         0.5
    1          2.0          2         1.0
    """
    edges = _bands(bands)
    tenure = dict(zip(salespeople["salesperson_id"].astype(str), salespeople["tenure_years"].astype(float)))
    managed = customers["salesperson_id"].dropna().astype(str)
    unknown = sorted(set(managed) - set(tenure))
    if unknown:
        raise ValueError(f"customers['salesperson_id'] has salespeople not in salespeople: {unknown[:3]}")
    frame = pd.DataFrame({"salesperson": customers["salesperson_id"].astype(object),
                          "kept": customers["lost_date"].isna().to_numpy()})
    frame = frame[frame["salesperson"].notna()]
    frame["salesperson"] = frame["salesperson"].astype(str)
    frame["tenure"] = frame["salesperson"].map(tenure)
    if "manager_changes" in customers.columns:
        frame["changes"] = customers.loc[frame.index, "manager_changes"].to_numpy(float)
    cut = np.searchsorted(np.asarray(edges), frame["tenure"].to_numpy(), side="right")
    people_cut = np.searchsorted(np.asarray(edges), np.asarray(list(tenure.values())), side="right")
    rows = []
    for i, (low, high) in enumerate(zip([0.0, *edges], [*edges, np.inf])):
        mine = frame[cut == i]
        row = {"tenure_from": low, "tenure_to": high, "salespeople": int((people_cut == i).sum()),
               "customers": len(mine), "kept": int(mine["kept"].sum()),
               "kept_share": mine["kept"].mean() if len(mine) else np.nan}
        if "changes" in frame.columns:
            row["manager_changes"] = mine["changes"].mean() if len(mine) else np.nan
        rows.append(row)
    table = pd.DataFrame(rows)
    per_person = frame.groupby("salesperson").agg(tenure=("tenure", "first"), kept=("kept", "mean"))
    table.attrs["correlation"] = (float(per_person["tenure"].corr(per_person["kept"], method="spearman"))
                                  if len(per_person) > 2 else np.nan)
    return table


def _bands(bands) -> list[float]:
    if isinstance(bands, (str, bytes)) or not hasattr(bands, "__iter__"):
        raise TypeError(f"bands must be a list of tenure edges in years such as (2, 4, 8); got {type(bands).__name__}")
    edges = [float(require_number(b, f"bands[{i}]", low=0, high=100)) for i, b in enumerate(bands)]
    if not edges or any(b <= a for a, b in zip(edges, edges[1:])) or edges[0] <= 0:
        raise ValueError(f"bands must be increasing edges above 0 such as (2, 4, 8); got {list(bands)}")
    return edges


# ---------------------------------------------------------------------------------------------
# The Relationship-marketing essay's claims

_CLAIM_NEEDS = dict(survey=["customer_id", "survey_date", "satisfaction"],
                    orders=["customer_id", "order_date", "margin_cny"])


def _window(window_days) -> int:
    return int(require_number(window_days, "window_days", low=1, high=3650, integer=True))


@tables(**_CLAIM_NEEDS)
def by_satisfaction(survey: pd.DataFrame, orders: pd.DataFrame,
                    window_days: int = PARAMS["repurchase_window_days"]) -> pd.DataFrame:
    """Respondents by satisfaction answer (1-5): the share who bought again soon after the survey, and the margin after it.

    Bought again: an order in the ``window_days`` days after the respondent's ``survey_date`` (default the
    90-day window the case's repurchase effect is measured in, ``datasets.PARAMS``). Margin after: the
    margin of the respondent's orders after the survey date up to the end of the order log (about eleven
    months for the survey of January 2025), per respondent.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``satisfaction`` (1-5, the answers given): ``respondents``, ``bought_again``,
        ``repurchase_share``, ``margin_after`` (mean per respondent).

    Examples
    --------
    >>> survey = pd.DataFrame({"customer_id": ["A", "B", "C"], "survey_date": pd.to_datetime(["2025-01-10"] * 3),
    ...                        "satisfaction": [5.0, 5.0, 4.0]})
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "C"], "margin_cny": [10.0, 30.0, 6.0],
    ...     "order_date": pd.to_datetime(["2025-02-01", "2025-09-01", "2025-08-01"])})
    >>> by_satisfaction(survey, orders)
                  respondents  bought_again  repurchase_share  margin_after
    satisfaction
    4.0                     1             0               0.0           6.0
    5.0                     2             1               0.5          20.0
    """
    days = _window(window_days)
    index = _by_customer(survey)
    survey_day = pd.Series(survey["survey_date"].to_numpy(), index=index)
    o = orders[orders["customer_id"].astype(str).isin(index)]
    after = o["order_date"].to_numpy() > survey_day.reindex(o["customer_id"].astype(str)).to_numpy()
    gap = o["order_date"].to_numpy() - survey_day.reindex(o["customer_id"].astype(str)).to_numpy()
    soon = after & (gap <= np.timedelta64(days, "D"))
    ids = o["customer_id"].astype(str).to_numpy()
    margin = pd.Series(o["margin_cny"].to_numpy(float)[after], index=ids[after]).groupby(level=0).sum()
    frame = pd.DataFrame({"satisfaction": survey["satisfaction"].to_numpy(float),
                          "again": index.isin(set(ids[soon])),
                          "margin": margin.reindex(index, fill_value=0.0).to_numpy()}, index=index)
    frame = frame[frame["satisfaction"].notna()]
    if frame.empty:
        raise ValueError("survey has no satisfaction answer")
    grouped = frame.groupby("satisfaction")
    table = pd.DataFrame({"respondents": grouped.size(), "bought_again": grouped["again"].sum().astype(np.int64),
                          "repurchase_share": grouped["again"].mean(), "margin_after": grouped["margin"].mean()})
    return table


@tables(**_CLAIM_NEEDS)
def satisfaction_claims(survey: pd.DataFrame, orders: pd.DataFrame,
                        window_days: int = PARAMS["repurchase_window_days"]) -> pd.DataFrame:
    """The Relationship-marketing essay's two claims on satisfaction, tested on the survey and the orders.

    - "A very satisfied customer is six times as willing to buy again as a satisfied one": measured as the
      repurchase share (:func:`by_satisfaction`) of the very satisfied (5) over that of the satisfied (4).
    - "Raising satisfaction by five percentage points doubles profit" (+100 %): measured as the rise in total
      margin after the survey if 5 % of the respondents moved from not satisfied (1-3) to satisfied (4-5),
      each then bringing the satisfied respondents' mean margin. This is margin, not profit: profit after
      fixed costs rises by a larger share than margin, which is how such a claim can hold for a firm with a
      thin profit.

    On Hengtai's data the repurchase effect was planted (``datasets.planted_effects()``): the data were made to
    agree with the direction of the claim, not with its size; what the student learns is how to test it.

    Returns
    -------
    pandas.DataFrame
        One row per claim (``six_times``, ``five_points``): ``claim_en``, ``claim_zh``, ``claimed`` (6.0; 1.0
        for +100 %), ``measured``.

    Examples
    --------
    >>> survey = pd.DataFrame({"customer_id": list("ABCD"), "survey_date": pd.to_datetime(["2025-01-10"] * 4),
    ...                        "satisfaction": [5.0, 4.0, 4.0, 2.0]})
    >>> orders = pd.DataFrame({"customer_id": ["A", "B", "C", "D"], "margin_cny": [60.0, 30.0, 30.0, 0.0],
    ...     "order_date": pd.to_datetime(["2025-02-01", "2025-02-01", "2025-09-01", "2025-09-01"])})
    >>> satisfaction_claims(survey, orders)[["claimed", "measured"]].round(3)
                 claimed  measured
    claim
    six_times        6.0     2.000
    five_points      1.0     0.067
    """
    table = by_satisfaction(survey, orders, window_days)
    share = table["repurchase_share"]
    if 4 not in share.index or 5 not in share.index or share.get(4) == 0:
        raise ValueError("survey needs respondents answering 4 and 5, and some answering 4 who bought again")
    satisfied, unsatisfied = table[table.index >= 4], table[table.index < 4]
    if unsatisfied.empty:
        raise ValueError("survey needs respondents answering 1-3 to move to satisfied")

    def mean_margin(part):
        return float((part["margin_after"] * part["respondents"]).sum() / part["respondents"].sum())

    overall = mean_margin(table)
    rise = 0.05 * (mean_margin(satisfied) - mean_margin(unsatisfied)) / overall if overall > 0 else np.nan
    rows = [("six_times", "A very satisfied customer is six times as willing to buy again as a satisfied one.",
             "非常满意的客户，购买意愿是一般满意客户的六倍。", 6.0, float(share[5] / share[4])),
            ("five_points", "Raising satisfaction by five percentage points doubles profit.",
             "客户满意度提高五个百分点，利润翻一番。", 1.0, rise)]
    return pd.DataFrame(rows, columns=["claim", "claim_en", "claim_zh", "claimed", "measured"]).set_index("claim")
