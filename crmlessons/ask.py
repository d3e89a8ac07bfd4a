"""The ASK rule: Attitude (态度), Skill (技能) and Knowledge (知识) of a salesperson (Key-account CRM course).

A salesperson rates twelve statements (the course's item bank, ``datasets.load_ask_items()``) on a
1-5 agree scale, four per dimension. Items A4, S4 and K4 are *reverse-scored*: agreeing with them
signals less of the dimension, so they count as ``6 - answer``. Each dimension's score is the mean of
its four item scores, stretched from the 1-5 scale to 0-100 (1 -> 0, 3 -> 50, 5 -> 100).

This module scores one person (a dict or Series of answers) or the whole team table, names strengths
and the weakest dimension, gives coaching suggestions in plain words (English or Chinese, following
:func:`crmlessons.set_language`), and relates the team's profiles and asking-versus-telling to win rate
and revenue.

Examples
--------
>>> answers = {"A1": 4, "A2": 5, "A3": 4, "A4": 2, "S1": 3, "S2": 2, "S3": 3, "S4": 4,
...            "K1": 4, "K2": 3, "K3": 3, "K4": 2}
>>> score(answers)
A    81.25
S    37.50
K    62.50
dtype: float64
>>> p = profile(score(answers))
>>> p.strengths, p.weakest
(['A'], 'S')
"""

from __future__ import annotations

import html
import math
import numbers
import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import pandas as pd

from crmlessons import i18n
from crmlessons.checks import Table, require_choice, require_columns, require_number, require_table, tables
from crmlessons.datasets.dictionary import ASK_ITEM_IDS

#: The three dimensions, in the order of the rule's name.
DIMENSIONS = ("A", "S", "K")
#: Lowest and highest answer on the agree scale (1 = strongly disagree, 5 = strongly agree).
SCALE = (1, 5)
#: A dimension scoring at least this much is named a strength.
STRONG = 70.0
#: Below this a dimension is "needs work"; between LOW and STRONG it is "solid".
LOW = 50.0
#: The team's outcomes the analysis relates the profiles to.
OUTCOMES = ("win_rate", "revenue_cny")

i18n.register({
    "ask_A": ("Attitude", "态度"),
    "ask_S": ("Skill", "技能"),
    "ask_K": ("Knowledge", "知识"),
    "ask_ask_tell_ratio": ("Ask-vs-tell ratio", "提问与陈述之比"),
    "ask_win_rate": ("Win rate", "赢单率"),
    "ask_revenue_cny": ("Revenue (CNY)", "赢单金额（元）"),
    "ask_level_low": ("needs work", "有待加强"),
    "ask_level_mid": ("solid", "良好"),
    "ask_level_high": ("strength", "优势"),
    "ask_strengths": ("Strengths", "优势"),
    "ask_no_strength": ("none yet (no dimension at {strong:.0f} or more)", "暂无（没有维度达到 {strong:.0f} 分）"),
    "ask_weakest": ("Weakest dimension", "最弱维度"),
    "ask_balanced": ("Your three scores are close together: a balanced profile.", "三项得分接近：整体较均衡。"),
    "ask_suggestions": ("Coaching suggestions", "辅导建议"),
    "ask_profile_title": ("ASK profile", "ASK 画像"),
    "ask_score_line": ("{name}: {score:.0f} / 100 ({level})", "{name}：{score:.0f} / 100（{level}）"),
    "ask_pulls_down": ("Your answer to {item} ('{text}') pulls {name} down most.",
                       "你对 {item}（“{text}”）的回答最拉低{name}得分。"),
    "ask_tip_A_low": ("Attitude first: after each lost deal, write down one thing you learnt and one next step, "
                      "then call the next customer the same day. Attitude decides everything (Key-account CRM course).",
                      "先练态度：每丢一单，写下一条收获和一个下一步，当天就联系下一位客户。态度决定一切（《大客户关系管理教程》）。"),
    "ask_tip_A_mid": ("Keep your attitude steady: keep every small promise and follow up within a day.",
                      "保持良好心态：兑现每个小承诺，一天之内跟进客户。"),
    "ask_tip_A_high": ("Your attitude is a strength: pair up with a newer colleague after a hard rejection.",
                       "态度是你的优势：在同事遭遇拒绝后，陪他一起复盘。"),
    "ask_tip_S_low": ("Skill first: before each call, write five open questions about the customer's need, "
                      "and ask them before you present anything. Ask more, tell less.",
                      "先练技能：每次拜访前写好五个了解客户需求的开放式问题，在介绍产品之前先问。多问少说。"),
    "ask_tip_S_mid": ("Sharpen your skill: record a call and count your questions against your statements; "
                      "aim for more questions than statements.",
                      "提升技能：录下一次通话，数一数提问和陈述各多少，争取提问多于陈述。"),
    "ask_tip_S_high": ("Your selling skill is a strength: keep learning as fast as the market changes, and "
                       "let a teammate sit in on your calls.",
                       "销售技能是你的优势：继续学习，跟上市场变化的速度，并请同事旁听你的通话。"),
    "ask_tip_K_low": ("Knowledge first: each week read one report on a customer's industry and learn one "
                      "product line in depth.",
                      "先补知识：每周读一篇客户所在行业的报告，深入学习一条产品线。"),
    "ask_tip_K_mid": ("Widen your knowledge: for each key customer, know their business, decision makers and "
                      "a little of their region's history and culture.",
                      "拓宽知识：了解每个重点客户的业务、决策人，以及当地的一些历史和人文。"),
    "ask_tip_K_high": ("Your knowledge is a strength: share it in a short team briefing each month.",
                       "知识是你的优势：每月在团队里做一次简短的分享。"),
    "ask_caution": ("Caution: these are correlations in a team of only {n} people. A correlation is not proof "
                    "that one thing causes the other: with so few people it can be chance, and a third "
                    "factor (for example, skilled people also ask more) can make two things move together.",
                    "注意：这些只是 {n} 人小团队里的相关关系。相关不等于因果：人数这么少，可能只是巧合；"
                    "也可能是第三个因素（例如技能强的人也更爱提问）让两者一起变化。"),
    "ask_colon": (": ", "："),
})

_ITEM_LIKE = re.compile(r"^[A-Za-z]{1,2}\d{1,2}$")


# ---------------------------------------------------------------------------------------------
# The item bank and the answers.

#: What the functions read of the item bank (table ``ask_items``) and of the team (table ``salespeople``).
_ITEM_COLUMNS = ("item_id", "dimension", "reverse_scored")
_ITEMS = Table("ask_items", _ITEM_COLUMNS)
_TEAM = ("salesperson_id", *ASK_ITEM_IDS, "ask_tell_ratio", "win_rate", "revenue_cny")


def _items(items: pd.DataFrame | None) -> pd.DataFrame:
    """The item bank checked at a public function's door (the shipped one when ``items`` is None).

    The private helpers below take a bank checked here, so that a public call checks it once.
    """
    if items is None:
        from crmlessons.datasets import load_ask_items

        items = load_ask_items()
    return require_table(items, "ask_items", "items", _ITEM_COLUMNS)


def _shipped_unless(items: pd.DataFrame | None) -> pd.DataFrame:
    """``items`` as ``@tables`` checked it, or the shipped bank (checked) when None."""
    return _items(None) if items is None else items


def _ids(bank: pd.DataFrame) -> list[str]:
    return [str(i) for i in bank["item_id"]]


def item_ids(items: pd.DataFrame | None = None) -> list[str]:
    """Return the item ids of the item bank, in its order.

    Examples
    --------
    >>> item_ids()
    ['A1', 'A2', 'A3', 'A4', 'S1', 'S2', 'S3', 'S4', 'K1', 'K2', 'K3', 'K4']
    """
    return _ids(_items(items))


def item_text(item: str, items: pd.DataFrame | None = None, lang: str | None = None) -> str:
    """Return the statement of ``item`` in the current language (or ``lang``).

    Examples
    --------
    >>> item_text("S4")
    'I tell every customer the same product pitch.'
    """
    return _item_text(item, _items(items), lang)


def _item_text(item: str, bank: pd.DataFrame, lang: str | None) -> str:
    require_choice(item, "item", _ids(bank))
    row = bank.loc[bank["item_id"] == item].iloc[0]
    language = require_choice(lang or i18n.get_language(), "lang", i18n.LANGUAGES)
    column = f"text_{language}"
    if column not in bank.columns:
        raise ValueError(f"items is missing column {column!r}, the statements in that language; it has "
                         f"{list(bank.columns)}")
    return str(row[column])


def _answer_value(value, item: str, where: str = "") -> int:
    """Return ``value`` as an int 1-5, or raise an error naming ``item``."""
    low, high = SCALE
    place = f" ({where})" if where else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"the answer to item {item}{place} must be a whole number from {low} to {high}; "
                        f"got {type(value).__name__} {value!r}")
    if value != value:
        raise ValueError(f"the answer to item {item}{place} is missing (NaN); give a whole number from {low} to {high}")
    if value != int(value) or not low <= value <= high:
        shown = value.item() if hasattr(value, "item") else value
        shown = int(shown) if shown == int(shown) else shown
        raise ValueError(f"the answer to item {item}{place} must be a whole number from {low} to {high}; got {shown!r}")
    return int(value)


def check_answers(answers, items: pd.DataFrame | None = None) -> dict[str, int]:
    """Check one person's answers and return them as ``{item_id: answer}`` in the bank's order.

    Keys that are not item ids (such as ``salesperson_id`` in a row of the team table) are ignored;
    a key that looks like an item id but is not in the bank (``"A5"``, ``"s1"``) is an error.

    Parameters
    ----------
    answers : dict or pandas.Series
        One answer per item id, each a whole number from 1 to 5, as answered (not reversed).
    items : pandas.DataFrame, optional
        The item bank (default: ``datasets.load_ask_items()``).

    Raises
    ------
    ValueError
        Naming the missing, unknown or out-of-range item.

    Examples
    --------
    >>> check_answers({"A1": 6})
    Traceback (most recent call last):
    ...
    ValueError: answers is missing item(s) ['A2', 'A3', 'A4', 'S1', 'S2', 'S3', 'S4', 'K1', 'K2', 'K3', 'K4']; give one answer (1-5) for each of A1 ... K4
    """
    return _check_answers(answers, _items(items))


def _check_answers(answers, bank: pd.DataFrame) -> dict[str, int]:
    ids = _ids(bank)
    if isinstance(answers, pd.DataFrame):
        raise TypeError("answers must be one person's answers (a dict or Series); for a whole team use "
                        "score(team_table), which accepts a DataFrame")
    if not isinstance(answers, (Mapping, pd.Series)):
        raise TypeError(f"answers must be a dict or pandas Series of item id -> answer; got {type(answers).__name__}")
    keys = [str(k) for k in answers.keys()]
    unknown = [k for k in keys if _ITEM_LIKE.match(k) and k not in ids]
    if unknown:
        raise ValueError(f"answers has unknown item id(s) {unknown}; the items are {ids}")
    missing = [i for i in ids if i not in keys]
    if missing:
        raise ValueError(f"answers is missing item(s) {missing}; give one answer (1-5) for each of {ids[0]} ... {ids[-1]}")
    lookup = {str(k): v for k, v in answers.items()}
    return {i: _answer_value(lookup[i], i) for i in ids}


def _check_team(team: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    require_columns(team, ids, "answers")
    low, high = SCALE
    for item in ids:
        column = team[item]
        numeric = pd.to_numeric(column, errors="coerce")
        bad = numeric.isna() | (numeric != numeric.round()) | ~numeric.between(low, high)
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            bad |= column.map(lambda v: isinstance(v, (str, bool))).astype(bool)  # "4" or True is no answer
        if bad.any():
            row = bad[bad].index[0]
            who = team.loc[row, "salesperson_id"] if "salesperson_id" in team.columns else row
            _answer_value(column.loc[row], item, where=f"row {who}")
    return team[ids].astype("int64")


# ---------------------------------------------------------------------------------------------
# Scores and the profile of one person.

def item_scores(answers, items: pd.DataFrame | None = None):
    """Return the item scores: answers with reverse-scored items turned round (``6 - answer``).

    Examples
    --------
    >>> a = dict.fromkeys(item_ids(), 5)
    >>> item_scores(a)[["A3", "A4"]].tolist()
    [5, 1]
    """
    return _item_scores(answers, _items(items))


def _item_scores(answers, bank: pd.DataFrame):
    ids = _ids(bank)
    reverse = [str(i) for i in bank.loc[bank["reverse_scored"].astype(bool), "item_id"]]
    low, high = SCALE
    if isinstance(answers, pd.DataFrame):
        values = _check_team(answers, ids).copy()
    else:
        values = pd.Series(_check_answers(answers, bank), dtype="int64")
    values[reverse] = (low + high) - values[reverse]
    return values


def score(answers, items: pd.DataFrame | None = None):
    """Score an ASK self-assessment: one 0-100 score per dimension.

    Each dimension's score is the mean of its item scores (reverse-scored items as ``6 - answer``),
    stretched from the 1-5 scale to 0-100: ``(mean - 1) / 4 * 100``.

    Parameters
    ----------
    answers : dict, pandas.Series or pandas.DataFrame
        One person's answers (item id -> 1..5), or a table with one row per person and the item ids
        as columns (such as ``datasets.load_salespeople()``; other columns are ignored).
    items : pandas.DataFrame, optional
        The item bank (default: ``datasets.load_ask_items()``).

    Returns
    -------
    pandas.Series or pandas.DataFrame
        For one person a Series indexed A, S, K; for a table a DataFrame with columns A, S, K (indexed
        by ``salesperson_id`` when the table has it).

    Examples
    --------
    >>> score(dict.fromkeys(item_ids(), 3)).tolist()
    [50.0, 50.0, 50.0]
    >>> from crmlessons.datasets import load_salespeople
    >>> score(load_salespeople()).round(1).head(2)
                       A     S     K
    salesperson_id
    SP001           50.0  62.5  87.5
    SP002           50.0  62.5  75.0
    """
    return _score(answers, _items(items))


def _score(answers, bank: pd.DataFrame):
    scored = _item_scores(answers, bank)
    low, high = SCALE
    dims = bank.set_index("item_id")["dimension"].astype(str)
    if isinstance(scored, pd.DataFrame):
        out = pd.DataFrame({d: scored[[i for i in scored.columns if dims[i] == d]].mean(axis=1) for d in DIMENSIONS})
        out = (out - low) / (high - low) * 100
        if "salesperson_id" in answers.columns:
            out.index = pd.Index(answers["salesperson_id"].astype(str), name="salesperson_id")
        return out
    means = pd.Series({d: scored[[i for i in scored.index if dims[i] == d]].mean() for d in DIMENSIONS})
    return (means - low) / (high - low) * 100


def _scores(scores, name: str = "scores") -> pd.Series:
    """Accept a Series/dict of A, S, K scores (0-100) and return it as a float Series (``name`` is the
    argument's name in messages)."""
    if isinstance(scores, Profile):
        return scores.scores
    if not isinstance(scores, (Mapping, pd.Series)):
        raise TypeError(f"{name} must be a dict or Series with keys {list(DIMENSIONS)}; got {type(scores).__name__}")
    missing = [d for d in DIMENSIONS if d not in scores]
    if missing:
        raise ValueError(f"{name} is missing dimension(s) {missing}; expected keys {list(DIMENSIONS)} "
                         f"(use score(answers) to turn answers into scores)")
    return pd.Series({d: float(require_number(scores[d], f"{name}[{d!r}]", low=0, high=100)) for d in DIMENSIONS})


def level(value: float) -> str:
    """Return ``"low"``, ``"mid"`` or ``"high"`` for a 0-100 score (cut at 50 and 70).

    Examples
    --------
    >>> level(45), level(50), level(70)
    ('low', 'mid', 'high')
    """
    value = require_number(value, "value", low=0, high=100)
    return "high" if value >= STRONG else "mid" if value >= LOW else "low"


def dimension_name(dimension: str, lang: str | None = None) -> str:
    """Return the name of ``dimension`` ("A", "S" or "K") in the current language.

    Examples
    --------
    >>> dimension_name("K"), dimension_name("K", lang="zh")
    ('Knowledge', '知识')
    """
    require_choice(dimension, "dimension", DIMENSIONS)
    return i18n.t(f"ask_{dimension}", lang=lang)


@dataclass(frozen=True)
class Profile:
    """A person's ASK profile: scores, strengths, weakest dimension and coaching suggestions.

    The text parts follow the language that was current when the profile was made.
    """

    scores: pd.Series
    strengths: list
    weakest: str
    balanced: bool
    suggestions: list
    pulls_down: str = ""
    levels: dict = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The profile as plain lines of text."""
        out = [i18n.t("ask_score_line", name=dimension_name(d), score=self.scores[d],
                      level=i18n.t(f"ask_level_{self.levels[d]}")) for d in DIMENSIONS]
        strengths = ", ".join(dimension_name(d) for d in self.strengths) or i18n.t("ask_no_strength", strong=STRONG)
        out.append(f'{i18n.t("ask_strengths")}{i18n.t("ask_colon")}{strengths}')
        out.append(f'{i18n.t("ask_weakest")}{i18n.t("ask_colon")}{dimension_name(self.weakest)}')
        if self.balanced:
            out.append(i18n.t("ask_balanced"))
        if self.pulls_down:
            out.append(self.pulls_down)
        out.append(i18n.t("ask_suggestions") + i18n.t("ask_colon").strip())
        out.extend(f"  - {s}" for s in self.suggestions)
        return out

    def __repr__(self) -> str:
        return "\n".join([i18n.t("ask_profile_title"), *self.lines()])

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><td style="padding:2px 10px 2px 0"><b>{html.escape(dimension_name(d))}</b></td>'
            f'<td style="padding:2px 10px 2px 0;text-align:right">{self.scores[d]:.0f} / 100</td>'
            f'<td>{html.escape(i18n.t(f"ask_level_{self.levels[d]}"))}</td></tr>' for d in DIMENSIONS)
        strengths = ", ".join(dimension_name(d) for d in self.strengths) or i18n.t("ask_no_strength", strong=STRONG)
        extra = ""
        if self.balanced:
            extra += f"<p>{html.escape(i18n.t('ask_balanced'))}</p>"
        if self.pulls_down:
            extra += f"<p>{html.escape(self.pulls_down)}</p>"
        tips = "".join(f"<li>{html.escape(s)}</li>" for s in self.suggestions)
        colon = i18n.t("ask_colon")
        return (f'<div class="crm-ask-profile-card"><b>{html.escape(i18n.t("ask_profile_title"))}</b>'
                f'<table>{rows}</table>'
                f'<p><b>{html.escape(i18n.t("ask_strengths") + colon)}</b>{html.escape(strengths)}<br>'
                f'<b>{html.escape(i18n.t("ask_weakest") + colon)}</b>{html.escape(dimension_name(self.weakest))}</p>'
                f'{extra}<b>{html.escape(i18n.t("ask_suggestions") + colon)}</b><ul>{tips}</ul></div>')


def suggestions(scores) -> list[str]:
    """Return coaching suggestions in plain words: the weakest dimension first, then the others.

    Examples
    --------
    >>> suggestions({"A": 80, "S": 30, "K": 60})[0].startswith("Skill first")
    True
    """
    values = _scores(scores)
    order = [weakest(values)] + [d for d in DIMENSIONS if d != weakest(values)]
    return [i18n.t(f"ask_tip_{d}_{level(values[d])}") for d in order]


def weakest(scores) -> str:
    """Return the dimension with the lowest score (ties go to the earlier of A, S, K).

    Examples
    --------
    >>> weakest({"A": 60, "S": 40, "K": 40})
    'S'
    """
    values = _scores(scores)
    return str(values.idxmin())


def strengths(scores, strong: float = STRONG) -> list[str]:
    """Return the dimensions scoring at least ``strong`` (default 70), in A, S, K order.

    Examples
    --------
    >>> strengths({"A": 80, "S": 70, "K": 69.9})
    ['A', 'S']
    """
    values = _scores(scores)
    strong = require_number(strong, "strong", low=0, high=100)
    return [d for d in DIMENSIONS if values[d] >= strong]


@tables(items=_ITEMS)
def profile(scores, answers=None, items: pd.DataFrame | None = None) -> Profile:
    """Describe an ASK profile: levels, strengths, the weakest dimension and coaching suggestions.

    Parameters
    ----------
    scores : dict or pandas.Series
        The A, S and K scores (0-100), e.g. from :func:`score`.
    answers : dict or pandas.Series, optional
        The answers behind the scores; when given, the profile also names the item that pulls the
        weakest dimension down most.
    items : pandas.DataFrame, optional
        The item bank (default: ``datasets.load_ask_items()``).

    Examples
    --------
    >>> p = profile({"A": 81.25, "S": 37.5, "K": 62.5})
    >>> print(p)  # doctest: +ELLIPSIS
    ASK profile
    Attitude: 81 / 100 (strength)
    Skill: 38 / 100 (needs work)
    Knowledge: 62 / 100 (solid)
    Strengths: Attitude
    Weakest dimension: Skill
    Coaching suggestions:
      - Skill first: ...
    """
    return _profile(scores, answers, None if answers is None else _shipped_unless(items))


def _profile(scores, answers, bank: pd.DataFrame | None) -> Profile:
    values = _scores(scores)
    low_dim = weakest(values)
    pulls = ""
    if answers is not None:
        scored = _item_scores(answers, bank)
        dims = bank.set_index("item_id")["dimension"].astype(str)
        own = scored[[i for i in scored.index if dims[i] == low_dim]]
        worst = str(own.idxmin())
        if own[worst] < SCALE[1]:
            pulls = i18n.t("ask_pulls_down", item=worst, text=_item_text(worst, bank, None),
                           name=dimension_name(low_dim))
    return Profile(scores=values, strengths=strengths(values), weakest=low_dim,
                   balanced=bool(values.max() - values.min() < 10), suggestions=suggestions(values),
                   pulls_down=pulls, levels={d: level(values[d]) for d in DIMENSIONS})


def assess(answers, items: pd.DataFrame | None = None) -> Profile:
    """Score one person's answers and describe the profile (what the self-assessment widget shows).

    Examples
    --------
    >>> assess(dict.fromkeys(item_ids(), 4)).weakest
    'A'
    """
    bank = _items(items)
    return _profile(_score(answers, bank), answers, bank)


# ---------------------------------------------------------------------------------------------
# The team.

@tables(salespeople=_TEAM, items=_ITEMS)
def team_profiles(salespeople: pd.DataFrame, items: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return each salesperson's A, S, K scores, strongest and weakest dimension, and results.

    Parameters
    ----------
    salespeople : pandas.DataFrame
        The team table (``datasets.load_salespeople()``): ``salesperson_id``, the items ``A1`` ... ``K4``,
        ``ask_tell_ratio``, ``win_rate`` and ``revenue_cny``.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> print(team_profiles(load_salespeople()).round(2).head(3).to_string())
                       A     S      K strongest weakest  ask_tell_ratio  win_rate  revenue_cny
    salesperson_id
    SP001           50.0  62.5  87.50         K       A            0.71      0.02      94000.0
    SP002           50.0  62.5  75.00         K       A            0.89      0.04     352000.0
    SP003           37.5  37.5  43.75         K       A            0.67      0.01      51000.0
    """
    scores = _score(salespeople, _shipped_unless(items))
    out = scores.copy()
    out["strongest"] = scores.idxmax(axis=1).astype(str)
    out["weakest"] = scores.idxmin(axis=1).astype(str)
    extra = salespeople.set_index(salespeople["salesperson_id"].astype(str))[["ask_tell_ratio", *OUTCOMES]]
    out[["ask_tell_ratio", *OUTCOMES]] = extra.to_numpy()
    return out


@tables(salespeople=_TEAM, items=_ITEMS)
def relations(salespeople: pd.DataFrame, items: pd.DataFrame | None = None, method: str = "pearson") -> pd.DataFrame:
    """Correlate each ASK dimension and the ask-vs-tell ratio with win rate and revenue.

    Parameters
    ----------
    salespeople : pandas.DataFrame
        The team table.
    method : {"pearson", "spearman"}
        Pearson (straight-line) or Spearman (rank) correlation.

    Returns
    -------
    pandas.DataFrame
        Rows A, S, K, ask_tell_ratio; columns win_rate, revenue_cny; values from -1 to 1.
        People without a win rate (no decided lead) are left out of its column.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> relations(load_salespeople()).round(2)
                    win_rate  revenue_cny
    A                   0.40         0.37
    S                   0.60         0.61
    K                   0.10         0.08
    ask_tell_ratio      0.64         0.49
    """
    require_choice(method, "method", ["pearson", "spearman"])
    table = team_profiles(salespeople, items)
    drivers = [*DIMENSIONS, "ask_tell_ratio"]
    out = {}
    for outcome in OUTCOMES:
        pairs = table[[*drivers, outcome]].dropna()
        if method == "spearman":  # Spearman = Pearson on ranks (no SciPy needed)
            pairs = pairs.rank()
        out[outcome] = [pairs[d].corr(pairs[outcome]) for d in drivers]
    return pd.DataFrame(out, index=drivers)


def correlation_interval(r: float, n: int, level: float = 0.95) -> tuple[float, float]:
    """Return the range (confidence interval) a correlation ``r`` measured on ``n`` people could come from.

    Uses Fisher's z: with few people the range is wide, which is the point of the caution.

    Examples
    --------
    >>> [round(x, 2) for x in correlation_interval(0.1, 40)]
    [-0.22, 0.4]
    """
    r = require_number(r, "r", low=-1, high=1)
    n = require_number(n, "n", low=4, integer=True)
    level = require_number(level, "level", low=0.5, high=0.999)
    from statistics import NormalDist

    z = math.atanh(max(min(r, 0.999999), -0.999999))
    half = NormalDist().inv_cdf(0.5 + level / 2) / math.sqrt(n - 3)
    return math.tanh(z - half), math.tanh(z + half)


@tables(salespeople=_TEAM, items=_ITEMS)
def relation_intervals(salespeople: pd.DataFrame, outcome: str = "win_rate",
                       items: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return each driver's correlation with ``outcome`` and the range it could plausibly come from.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> relation_intervals(load_salespeople()).round(2)
                       r   low  high   n
    A               0.40  0.11  0.64  40
    S               0.60  0.35  0.77  40
    K               0.10 -0.22  0.40  40
    ask_tell_ratio  0.64  0.41  0.79  40
    """
    require_choice(outcome, "outcome", list(OUTCOMES))
    table = team_profiles(salespeople, items)
    n = int(table[outcome].notna().sum())
    r = relations(salespeople, items)[outcome]
    rows = {d: {"r": r[d], "low": correlation_interval(r[d], n)[0], "high": correlation_interval(r[d], n)[1], "n": n}
            for d in r.index}
    return pd.DataFrame.from_dict(rows, orient="index")


def caution(n: int) -> str:
    """Return the plain-words caution that correlation in a small team is not proof.

    Examples
    --------
    >>> caution(40)[:48]
    'Caution: these are correlations in a team of onl'
    """
    return i18n.t("ask_caution", n=require_number(n, "n", low=1, integer=True))


@tables(salespeople=["ask_tell_ratio", *OUTCOMES])
def ask_vs_tell(salespeople: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    """Compare people who ask more than they tell (ratio above ``threshold``) with the others.

    Returns
    -------
    pandas.DataFrame
        Index ``asks_more`` (True / False); columns people, mean ask_tell_ratio, win_rate, revenue_cny.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> ask_vs_tell(load_salespeople()).round(3)
               people  ask_tell_ratio  win_rate  revenue_cny
    asks_more
    False          30           0.709     0.025   481546.667
    True           10           1.331     0.104  1619310.000
    """
    threshold = require_number(threshold, "threshold", low=0)
    asks_more = (salespeople["ask_tell_ratio"] > threshold).rename("asks_more")
    grouped = salespeople.groupby(asks_more)
    out = grouped[["ask_tell_ratio", *OUTCOMES]].mean()
    out.insert(0, "people", grouped.size())
    return out.sort_index()


@tables(salespeople=_TEAM, items=_ITEMS)
def importance(salespeople: pd.DataFrame, items: pd.DataFrame | None = None, outcome: str = "win_rate") -> pd.Series:
    """Return how much each dimension goes with ``outcome`` in the team: its correlation, 0 if negative.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> importance(load_salespeople()).round(2).to_dict()
    {'A': 0.4, 'S': 0.6, 'K': 0.1}
    """
    require_choice(outcome, "outcome", list(OUTCOMES))
    return relations(salespeople, items)[outcome].loc[list(DIMENSIONS)].clip(lower=0)


def _weights(salespeople: pd.DataFrame, items, weights) -> pd.Series:
    """The weight of each dimension: ``weights`` checked, or :func:`importance` in the team when None."""
    if weights is None:
        return importance(salespeople, items)
    if not isinstance(weights, Mapping):
        raise TypeError(f"weights must be a dict such as {{'A': 1, 'S': 1, 'K': 1}}; got {type(weights).__name__}")
    missing = [d for d in DIMENSIONS if d not in weights]
    if missing:
        raise ValueError(f"weights is missing dimension(s) {missing}; expected keys {list(DIMENSIONS)}")
    return pd.Series({d: float(require_number(weights[d], f"weights[{d!r}]", low=0)) for d in DIMENSIONS})


@tables(salespeople=_TEAM, items=_ITEMS)
def coaching_gains(salespeople: pd.DataFrame, items: pd.DataFrame | None = None,
                   weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Return the expected gain of coaching each person on each dimension: ``(100 - score) x weight``.

    The course's rule of thumb: coaching pays most where the room to grow (``100 - score``) is large
    and the dimension matters for results. The weight of a dimension is how much it goes with win rate
    in the team (:func:`importance`, its correlation, 0 if negative) unless ``weights`` are given.

    Parameters
    ----------
    salespeople : pandas.DataFrame
        The team table.
    weights : dict, optional
        Weight of each dimension, e.g. ``{"A": 1, "S": 1, "K": 1}`` to count the room to grow alone.

    Returns
    -------
    pandas.DataFrame
        Indexed by salesperson_id, columns A, S, K: the gain, in score points times correlation.
        Summed over the rows, it says which dimension a course for the whole team would help most.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> coaching_gains(load_salespeople()).round(1).loc[["SP004", "SP008"]]
                       A     S    K
    salesperson_id
    SP004           37.9  33.7  7.9
    SP008           22.7  18.7  6.6
    """
    return _gains(salespeople, items, weights, _score(salespeople, _shipped_unless(items)))


def _gains(salespeople: pd.DataFrame, items, weights, scores: pd.DataFrame) -> pd.DataFrame:
    """(100 - score) x weight, for scores the caller computed from checked tables."""
    return (100 - scores) * _weights(salespeople, items, weights)[list(DIMENSIONS)]


@tables(salespeople=_TEAM, items=_ITEMS)
def coaching_priorities(salespeople: pd.DataFrame, items: pd.DataFrame | None = None,
                        weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Rank the team for coaching: who to coach on what first.

    Each person is coached on the dimension with the largest gain of :func:`coaching_gains`
    (``gap x weight``); the list is sorted by that gain, largest first (ties by id).

    Parameters
    ----------
    salespeople : pandas.DataFrame
        The team table.
    weights : dict, optional
        Weight of each dimension, e.g. ``{"A": 1, "S": 1, "K": 1}`` to coach everyone on their weakest.

    Returns
    -------
    pandas.DataFrame
        Indexed by salesperson_id: ``coach_on`` (A, S or K), ``score`` on it, ``priority`` (the gain),
        ``asks_less_than_tells`` (ask_tell_ratio below 1) and ``win_rate``.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> coaching_priorities(load_salespeople()).round(2).head(3)
                   coach_on  score  priority  asks_less_than_tells  win_rate
    salesperson_id
    SP018                 S   12.5     52.49                  True      0.00
    SP016                 S   25.0     44.99                  True      0.00
    SP027                 S   25.0     44.99                  True      0.02
    """
    scores = _score(salespeople, _shipped_unless(items))
    gain = _gains(salespeople, items, weights, scores)
    coach_on = gain.idxmax(axis=1).astype(str)
    team = salespeople.set_index(salespeople["salesperson_id"].astype(str))
    out = pd.DataFrame({
        "coach_on": coach_on,
        "score": [scores.loc[p, d] for p, d in coach_on.items()],
        "priority": gain.max(axis=1),
        "asks_less_than_tells": (team["ask_tell_ratio"] < 1).to_numpy(),
        "win_rate": team["win_rate"].to_numpy(),
    }, index=scores.index)
    out = out.rename_axis("salesperson_id").reset_index()
    out = out.sort_values(["priority", "salesperson_id"], ascending=[False, True], kind="stable")
    return out.set_index("salesperson_id")


@tables(salespeople=_TEAM, items=_ITEMS)
def ask_vs_tell_within(salespeople: pd.DataFrame, dimension: str = "S", items: pd.DataFrame | None = None,
                       threshold: float = 1.0) -> pd.DataFrame:
    """Compare askers with the others among people of similar ``dimension`` score (default Skill).

    Skilled people may both ask more and win more, so a gap between askers and the others could be
    Skill's doing. Splitting the team at its median score on ``dimension`` and comparing askers with
    the others inside each half holds that score roughly fixed: a gap that vanishes inside the halves
    would make the claim "asking itself goes with winning" fail on these data.

    Parameters
    ----------
    salespeople : pandas.DataFrame
        The team table.
    dimension : {"A", "S", "K"}
        The score to hold roughly fixed.
    threshold : float
        An asker's ask_tell_ratio is above it (default 1: more questions than statements).

    Returns
    -------
    pandas.DataFrame
        Index (``half``: "lower" / "upper", the upper half scoring at least the team's median;
        ``asks_more``: False / True); columns people, the mean score on ``dimension``, mean
        ask_tell_ratio, win_rate and revenue_cny.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> ask_vs_tell_within(load_salespeople()).round(3)[["people", "S", "win_rate"]]
                     people       S  win_rate
    half  asks_more
    lower False          15  40.417     0.008
          True            2  53.125     0.024
    upper False          15  75.000     0.042
          True            8  82.031     0.124
    """
    require_choice(dimension, "dimension", DIMENSIONS)
    threshold = require_number(threshold, "threshold", low=0)
    scores = _score(salespeople, _shipped_unless(items))[dimension].to_numpy()
    table = salespeople[["ask_tell_ratio", *OUTCOMES]].copy()
    table.insert(0, dimension, scores)
    half = pd.Series(scores >= pd.Series(scores).median(), index=table.index).map({True: "upper", False: "lower"})
    grouped = table.groupby([half.rename("half"), (table["ask_tell_ratio"] > threshold).rename("asks_more")])
    out = grouped[[dimension, "ask_tell_ratio", *OUTCOMES]].mean()
    out.insert(0, "people", grouped.size())
    return out.sort_index()


@tables(salespeople=_TEAM, items=_ITEMS)
def weighted_score(scores, salespeople: pd.DataFrame, outcome: str = "win_rate", items: pd.DataFrame | None = None):
    """Weigh a profile's A, S, K scores by how much each dimension goes with ``outcome`` in the team.

    The course's rule of thumb for comparing people (e.g. candidates for a job): the weights are
    :func:`importance` (each dimension's correlation with ``outcome``, 0 if negative), so a high score
    in a dimension that goes with results counts more. The result stays on the 0-100 scale.

    Parameters
    ----------
    scores : dict, pandas.Series or pandas.DataFrame
        One profile (keys A, S, K, each 0-100), or a table with one profile per row (columns A, S, K).
    salespeople : pandas.DataFrame
        The team whose results give the weights.
    outcome : {"win_rate", "revenue_cny"}
        The result the weights follow.

    Returns
    -------
    float or pandas.Series
        The weighted score (0-100), one per row for a table.

    Raises
    ------
    ValueError
        When no dimension goes with ``outcome`` in the team (every weight 0): nothing to weigh by.

    Examples
    --------
    >>> from crmlessons.datasets import load_salespeople
    >>> round(weighted_score({"A": 50, "S": 90, "K": 50}, load_salespeople()), 1)
    71.8
    """
    require_choice(outcome, "outcome", list(OUTCOMES))
    w = importance(salespeople, items, outcome)
    if not w.sum() > 0:
        raise ValueError(f"salespeople: no ASK dimension goes with {outcome} in this team (every correlation is "
                         f"0 or negative), so there is nothing to weigh the scores by")
    if isinstance(scores, pd.DataFrame):
        rows = {name: _scores(row, f"scores row {name!r}") for name, row in scores.iterrows()}
        return pd.Series({name: float((row * w).sum() / w.sum()) for name, row in rows.items()}, name="weighted")
    return float((_scores(scores) * w).sum() / w.sum())


def ask_tell_ratio(kinds: Sequence[str]) -> float:
    """Return questions per statement in a conversation, from a list of "ask" / "tell" marks.

    Examples
    --------
    >>> ask_tell_ratio(["ask", "tell", "ask", "ask"])
    3.0
    """
    if isinstance(kinds, str) or not hasattr(kinds, "__iter__"):
        raise TypeError(f"kinds must be a list of 'ask' / 'tell'; got {type(kinds).__name__}")
    kinds = list(kinds)
    for position, kind in enumerate(kinds):
        if kind not in ("ask", "tell"):
            raise ValueError(f"kinds[{position}] must be 'ask' or 'tell'; got {kind!r}")
    tells = kinds.count("tell")
    if tells == 0:
        return float("inf") if kinds else float("nan")
    return kinds.count("ask") / tells


__all__ = ["DIMENSIONS", "SCALE", "STRONG", "LOW", "OUTCOMES", "Profile", "item_ids", "item_text", "check_answers",
           "item_scores", "score", "level", "dimension_name", "suggestions", "weakest", "strengths", "profile",
           "assess", "team_profiles", "relations", "correlation_interval", "relation_intervals", "caution",
           "ask_vs_tell", "ask_vs_tell_within", "importance", "coaching_gains", "coaching_priorities",
           "weighted_score", "ask_tell_ratio"]
