"""Charts of lesson 07: the satisfaction x loyalty matrix, a feature's Kano answers, the better / worse map,
and manager changes against loss.

Examples
--------
>>> import pandas as pd
>>> from matplotlib.figure import Figure
>>> survey = pd.DataFrame({"customer_id": list("ABCD"), "satisfaction": [5, 4, 2, 1],
...     "loyalty_emotional": [4, 2, 5, 1], "loyalty_behavioural": [4, 3, 4, 2], "loyalty_intentional": [5, 3, 4, 2]})
>>> ax = matrix_chart(survey, ax=Figure().subplots())
>>> ax.get_xlabel()
'satisfaction (1 = very dissatisfied, 5 = very satisfied)'
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from crmlessons import i18n, loyalty
from crmlessons.checks import require_choice, require_number, require_table, tables
from crmlessons.plots import PALETTE, get_ax, tidy

i18n.register({
    "loy_matrix_title": ("Satisfaction is not loyalty: {n} respondents", "满意不等于忠诚：{n} 位受访客户"),
    "loy_matrix_x": ("satisfaction (1 = very dissatisfied, 5 = very satisfied)", "满意度（1 = 非常不满意，5 = 非常满意）"),
    "loy_matrix_y": ("loyalty: mean of the three faces (1-5)", "忠诚度：三方面忠诚的均值（1-5 分）"),
    "loy_matrix_count": ("{group}\n{n} ({share:.0%})", "{group}\n{n} 位（{share:.0%}）"),
    "loy_kano_title": ("{feature}: how {n} of Hengtai's customers classify it", "{feature}：恒泰 {n} 位客户的归类"),
    "loy_kano_y": ("share of customers", "客户占比"),
    "loy_kano_you": ("your answer", "你的答案"),
    "loy_bw_title": ("Kano better / worse map (Berger et al. 1993)", "Kano 满意 / 不满意系数图（Berger 等，1993）"),
    "loy_bw_x": ("lacking it lowers satisfaction (|worse|)", "缺少时满意度下降的程度（|不满意系数|）"),
    "loy_bw_y": ("having it raises satisfaction (better)", "具备时满意度提高的程度（满意系数）"),
    "loy_mc_title": ("Account manager changes and loss", "客户经理更换次数与客户流失"),
    "loy_mc_x": ("times the customer's account manager changed", "客户经理更换次数"),
    "loy_mc_y": ("share of customers lost", "流失客户占比"),
    "loy_mc_bar": ("{n} customers", "{n} 位客户"),
})

#: Colour of each group of the matrix.
GROUP_COLOURS = {"loyalist": PALETTE[2], "mercenary": PALETTE[1], "hostage": PALETTE[4], "defector": PALETTE[3]}
#: Colour of each Kano category.
KANO_COLOURS = {"M": PALETTE[0], "O": PALETTE[2], "A": PALETTE[1], "I": "#999999", "R": PALETTE[3], "Q": "#cccccc"}
#: Where each group's count stands (axes fraction x, y, alignment): loyalists top right, defectors bottom left.
_CORNERS = {"loyalist": (0.985, 0.975, "right", "top"), "mercenary": (0.985, 0.025, "right", "bottom"),
            "hostage": (0.015, 0.975, "left", "top"), "defector": (0.015, 0.025, "left", "bottom")}
_JITTER_X, _JITTER_Y = 0.32, 0.07
#: The matrix chart's loyalty axis: room above 5 and below 1 for the counts in the corners, clear of the dots.
MATRIX_YLIM = (0.3, 5.8)


def _points(survey: pd.DataFrame) -> pd.DataFrame:
    """The respondents with both answers: satisfaction, loyalty mean, and a fixed jitter to spread equal answers."""
    scores = loyalty.loyalty_scores(survey)
    satisfaction = pd.Series(survey["satisfaction"].to_numpy(float), index=survey["customer_id"].astype(str))
    points = pd.DataFrame({"satisfaction": satisfaction.reindex(scores.index), "loyalty": scores["mean"]}).dropna()
    rng = np.random.default_rng(0)
    points["dx"] = rng.uniform(-_JITTER_X, _JITTER_X, len(points))
    points["dy"] = rng.uniform(0.0, _JITTER_Y, len(points))
    return points


@tables(survey=["customer_id", "satisfaction", *loyalty.FACE_COLUMNS])
def matrix_chart(survey, satisfaction_threshold: float = 4, loyalty_threshold: float = 3.5, highlight: str | None = None,
                 ax=None):
    """Draw the satisfaction x loyalty matrix: each respondent a dot, the two threshold lines, each group's count.

    The dots are spread a little around their answers (the answers are whole numbers and thirds) without
    crossing a line: a dot lies on the side of the loyalty line its group is on. Each group of
    :data:`crmlessons.loyalty.MATRIX_GROUPS` has its colour and its count in its corner.

    Parameters
    ----------
    survey : pandas.DataFrame
        The survey (``customer_id``, ``satisfaction`` and the three faces).
    satisfaction_threshold, loyalty_threshold : float
        The lines of ``loyalty.loyalty_matrix``.
    highlight : str, optional
        A group code drawn in full colour, the others paler.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> survey = pd.DataFrame({"customer_id": list("ABC"), "satisfaction": [5, 4, 2], "loyalty_emotional": [4, 2, 5],
    ...     "loyalty_behavioural": [4, 3, 4], "loyalty_intentional": [5, 3, 4]})
    >>> ax = matrix_chart(survey, ax=Figure().subplots())
    >>> [t.get_text().split(chr(10))[0] for t in ax.texts]
    ['Loyalists', 'Mercenaries', 'Hostages', 'Defectors']
    """
    points = _points(survey)
    ax = get_ax(ax, figsize=(7.5, 5))
    ax.matrix_points = points
    ax.scatter(points["satisfaction"] + points["dx"], points["loyalty"], s=14, linewidths=0, gid="loy-matrix-dots")
    ax.axvline(3.5, color="#333", linewidth=1.3, linestyle="--", gid="loy-matrix-satisfied")
    ax.axhline(3.5, color="#333", linewidth=1.3, linestyle="--", gid="loy-matrix-loyal")
    for code, (x, y, ha, va) in _CORNERS.items():
        ax.text(x, y, "", transform=ax.transAxes, ha=ha, va=va, fontsize=9, color=GROUP_COLOURS[code],
                gid=f"loy-matrix-{code}", zorder=5)
    ax.set_xlim(0.4, 5.6)
    ax.set_ylim(*MATRIX_YLIM)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(i18n.t("loy_matrix_x"))
    ax.set_ylabel(i18n.t("loy_matrix_y"))
    ax.set_title(i18n.t("loy_matrix_title", n=len(points)), fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    groups = loyalty.loyalty_matrix(survey, satisfaction_threshold, loyalty_threshold)
    update_matrix_chart(ax, groups, satisfaction_threshold, loyalty_threshold, highlight)
    return ax


def update_matrix_chart(ax, groups, satisfaction_threshold: float = 4, loyalty_threshold: float = 3.5,
                        highlight: str | None = None) -> list:
    """Move the lines, dots and counts of a chart drawn by :func:`matrix_chart` to new groups; return them.

    Parameters
    ----------
    groups : pandas.Series
        ``loyalty.loyalty_matrix(survey, satisfaction_threshold, loyalty_threshold)`` of the chart's survey.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> survey = pd.DataFrame({"customer_id": list("AB"), "satisfaction": [5, 3], "loyalty_emotional": [4, 4],
    ...     "loyalty_behavioural": [4, 4], "loyalty_intentional": [4, 4]})
    >>> ax = matrix_chart(survey, ax=Figure().subplots())
    >>> moved = update_matrix_chart(ax, loyalty.loyalty_matrix(survey, 3, 4.5), 3, 4.5)
    >>> ax.texts[1].get_text()
    'Mercenaries\\n2 (100%)'
    """
    points = getattr(ax, "matrix_points", None)
    if points is None:
        raise ValueError("ax has no matrix chart to update; draw one with matrix_chart(survey, ax=ax) first")
    satisfied_at = float(require_number(satisfaction_threshold, "satisfaction_threshold", low=1, high=5))
    loyal_at = float(require_number(loyalty_threshold, "loyalty_threshold", low=1, high=5))
    if highlight is not None:
        require_choice(highlight, "highlight", list(loyalty.MATRIX_GROUPS))
    from matplotlib.colors import to_rgba

    if not isinstance(groups, pd.Series):
        raise TypeError(f"groups must be a pandas Series of matrix group codes (loyalty_matrix); got {type(groups).__name__}")
    order = list(loyalty.MATRIX_GROUPS)
    codes = pd.Categorical(groups.astype(object).reindex(points.index), categories=order).codes
    if (codes < 0).any():
        raise ValueError("groups must place every respondent of the chart (loyalty_matrix of the same survey)")
    counts = np.bincount(codes, minlength=len(order))  # the chart's dots are the placed respondents
    found = {a.get_gid(): a for a in [*ax.collections, *ax.lines, *ax.texts]}
    dots = found["loy-matrix-dots"]
    loyal = points["loyalty"].to_numpy() >= loyal_at
    y = points["loyalty"].to_numpy() + np.where(loyal, 1, -1) * points["dy"].to_numpy()
    dots.set_offsets(np.column_stack([points["satisfaction"].to_numpy() + points["dx"].to_numpy(), y]))
    faded = {code: highlight is not None and code != highlight for code in order}
    palette = np.array([to_rgba(GROUP_COLOURS[code], 0.15 if faded[code] else 0.75) for code in order])
    dots.set_facecolors(palette[codes])
    found["loy-matrix-satisfied"].set_xdata([math.ceil(satisfied_at) - 0.5] * 2)
    found["loy-matrix-loyal"].set_ydata([loyal_at] * 2)
    moved = [dots, found["loy-matrix-satisfied"], found["loy-matrix-loyal"]]
    for code, spec in loyalty.MATRIX_GROUPS.items():
        text = found[f"loy-matrix-{code}"]
        n = int(counts[order.index(code)])
        text.set_text(i18n.t("loy_matrix_count", group=i18n.pick(spec), n=n, share=n / len(codes)))
        text.set_alpha(0.45 if faded[code] else 1.0)
        moved.append(text)
    return moved


def _category_label(code: str) -> str:
    return i18n.pick(loyalty.KANO_CATEGORIES[code]).replace(" (", "\n(").replace("（", "\n（")


def _feature_row(features, feature: str) -> pd.Series:
    features = require_table(features, None, "features", ["answers", *loyalty.KANO_CATEGORIES])
    require_choice(feature, "feature", list(features.index))
    return features.loc[feature]


@tables(features=["answers", *loyalty.KANO_CATEGORIES])
def kano_chart(features, feature: str, student: str | None = None, ax=None):
    """Draw how Hengtai's customers classify one feature: the share of each Kano category; the student's marked.

    Parameters
    ----------
    features : pandas.DataFrame
        ``loyalty.kano_features(survey)``.
    feature : str
        The feature shown (an index value of ``features``).
    student : str, optional
        The student's category (``loyalty.kano_classify``): its bar is outlined and labelled.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> features = pd.DataFrame({"answers": [10], "M": [6], "O": [2], "A": [1], "I": [1], "R": [0], "Q": [0]},
    ...                         index=pd.Index(["on_time_delivery"], name="feature"))
    >>> ax = kano_chart(features, "on_time_delivery", student="O", ax=Figure().subplots())
    >>> [round(p.get_height(), 2) for p in ax.patches]
    [0.6, 0.2, 0.1, 0.1, 0.0, 0.0]
    """
    _feature_row(features, feature)
    ax = get_ax(ax, figsize=(7.5, 4))
    codes = list(loyalty.KANO_CATEGORIES)
    ax.bar(range(len(codes)), [0.0] * len(codes), color=[KANO_COLOURS[c] for c in codes], width=0.7,
           edgecolor="black", linewidth=0.0)
    for i in range(len(codes)):
        ax.text(i, 0.0, "", ha="center", va="bottom", fontsize=9, gid=f"loy-kano-share-{codes[i]}")
    ax.text(0, 0.0, "", ha="center", va="bottom", fontsize=9, gid="loy-kano-you")
    ax.set_xticks(range(len(codes)), [_category_label(c) for c in codes], fontsize=8)
    ax.set_ylim(0, 1.12)
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.set_ylabel(i18n.t("loy_kano_y"))
    ax.set_title(" ", fontsize=11)
    tidy(ax)
    update_kano_chart(ax, features, feature, student)
    return ax


def update_kano_chart(ax, features, feature: str, student: str | None = None) -> list:
    """Show another feature, or another answer of the student, on a chart drawn by :func:`kano_chart`; return what moved.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> features = pd.DataFrame({"answers": [4, 5], "M": [4, 0], "O": [0, 0], "A": [0, 5], "I": [0, 0],
    ...     "R": [0, 0], "Q": [0, 0]}, index=pd.Index(["on_time_delivery", "tech_support"], name="feature"))
    >>> ax = kano_chart(features, "on_time_delivery", ax=Figure().subplots())
    >>> moved = update_kano_chart(ax, features, "tech_support", student="A")
    >>> [round(p.get_height(), 2) for p in ax.patches][:3], ax.texts[-1].get_text()
    ([0.0, 0.0, 1.0], 'your answer')
    """
    row = _feature_row(features, feature)
    if student is not None:
        require_choice(student, "student", list(loyalty.KANO_CATEGORIES))
    codes = list(loyalty.KANO_CATEGORIES)
    bars = ax.patches[:len(codes)]
    texts = {t.get_gid(): t for t in ax.texts}
    if len(bars) != len(codes) or "loy-kano-you" not in texts:
        raise ValueError("ax has no Kano chart to update; draw one with kano_chart(features, feature, ax=ax) first")
    n = int(row["answers"])
    shares = [float(row[c]) / n if n else 0.0 for c in codes]
    for i, (bar, code, share) in enumerate(zip(bars, codes, shares)):
        bar.set_height(share)
        bar.set_linewidth(2.5 if code == student else 0.0)
        label = texts[f"loy-kano-share-{code}"]
        label.set_position((i, share + 0.01))
        label.set_text(f"{share:.0%}")
    you = texts["loy-kano-you"]
    if student is None:
        you.set_text("")
    else:
        i = codes.index(student)
        you.set_position((i, shares[i] + 0.075))
        you.set_text(i18n.t("loy_kano_you"))
    name = i18n.pick(loyalty.feature_text(feature)) if feature in loyalty.KANO_FEATURES else str(feature)
    ax.title.set_text(i18n.t("loy_kano_title", feature=name, n=n))
    return [*bars, *texts.values(), ax.title]


@tables(features=["better", "worse"])
def better_worse_chart(features, ax=None):
    """Draw each feature at its better and |worse| coefficients (Berger et al. 1993), with the four Kano regions.

    Above 0.5 on both: one-dimensional; better only: attractive; worse only: must-be; neither: indifferent.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> features = pd.DataFrame({"better": [0.3, 0.7], "worse": [-0.8, -0.2]},
    ...                         index=pd.Index(["on_time_delivery", "application_engineering"], name="feature"))
    >>> ax = better_worse_chart(features, ax=Figure().subplots())
    >>> [t.get_text() for t in ax.texts][:2]
    ['On-time delivery', 'Application engineering']
    """
    ax = get_ax(ax, figsize=(6, 5))
    better = features["better"].to_numpy(float)
    worse = np.abs(features["worse"].to_numpy(float))
    ax.scatter(worse, better, s=60, color=PALETTE[0], zorder=3)
    for name, x, y in zip(features.index, worse, better):
        label = i18n.pick(loyalty.feature_text(name)) if name in loyalty.KANO_FEATURES else str(name)
        ax.annotate(label, (x, y), xytext=(6, 6), textcoords="offset points", fontsize=9)
    ax.axvline(0.5, color="#999", linewidth=1, linestyle="--")
    ax.axhline(0.5, color="#999", linewidth=1, linestyle="--")
    regions = {"O": (0.98, 0.98, "right", "top"), "A": (0.02, 0.98, "left", "top"),
               "M": (0.98, 0.02, "right", "bottom"), "I": (0.02, 0.02, "left", "bottom")}
    for code, (x, y, ha, va) in regions.items():
        ax.text(x, y, i18n.pick(loyalty.KANO_CATEGORIES[code]), transform=ax.transAxes, ha=ha, va=va, fontsize=8,
                color=KANO_COLOURS[code])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(i18n.t("loy_bw_x"))
    ax.set_ylabel(i18n.t("loy_bw_y"))
    ax.set_title(i18n.t("loy_bw_title"), fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


@tables(by_changes=["changes", "customers", "lost_share"])
def manager_changes_chart(by_changes, ax=None):
    """Draw the share of customers lost by how often their account manager changed (``loyalty.manager_changes_vs_loss``).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> table = pd.DataFrame({"changes": ["0", "1", "2+"], "customers": [50, 30, 10], "lost_share": [0.1, 0.2, 0.4]})
    >>> manager_changes_chart(table, ax=Figure().subplots()).get_ylabel()
    'share of customers lost'
    """
    ax = get_ax(ax, figsize=(6.5, 4))
    bars = ax.bar(by_changes["changes"].astype(str), by_changes["lost_share"].to_numpy(float), color=PALETTE[3])
    ax.bar_label(bars, labels=[i18n.t("loy_mc_bar", n=int(n)) for n in by_changes["customers"]], padding=2, fontsize=8)
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.set_ylim(0, max(0.1, float(np.nanmax(by_changes["lost_share"].to_numpy(float), initial=0.0))) * 1.2)
    ax.set_xlabel(i18n.t("loy_mc_x"))
    ax.set_ylabel(i18n.t("loy_mc_y"))
    ax.set_title(i18n.t("loy_mc_title"), fontsize=11)
    tidy(ax)
    return ax
