"""Charts of lesson 05: the Pareto chart of loss reasons and the what-if bars.

Examples
--------
>>> from matplotlib.figure import Figure
>>> from crmlessons import datasets
>>> ax = pareto_chart(datasets.load_losses(), ax=Figure().subplots())
>>> ax.get_ylabel()
'losses'
"""

from __future__ import annotations

from typing import Mapping

import numpy as np

from crmlessons import i18n, loss
from crmlessons.checks import require_choice, require_number, tables
from crmlessons.plots import PALETTE, category_label, get_ax, tidy

i18n.register({
    "loss_pareto_title": ("Why Hengtai loses deals and customers: the few reasons behind most losses",
                          "恒泰为何丢单和流失客户：少数原因造成了大部分流失"),
    "loss_pareto_title_deal": ("Why Hengtai loses deals: Pareto chart of reasons", "恒泰为何丢单：流失原因帕累托图"),
    "loss_pareto_title_customer": ("Why Hengtai loses customers: Pareto chart of reasons",
                                   "恒泰为何流失客户：流失原因帕累托图"),
    "loss_count_axis": ("losses", "流失数"),
    "loss_cumulative_axis": ("cumulative share of known reasons", "已知原因的累计占比"),
    "loss_cumulative": ("cumulative share", "累计占比"),
    "loss_reference": ("80% line", "80% 参考线"),
    "loss_whatif_title": ("Lost customers a year, and those the plan would keep", "每年流失的客户，以及计划能留住的客户"),
    "loss_whatif_axis": ("customers a year", "每年客户数"),
    "loss_still_lost": ("still lost", "仍然流失"),
    "loss_kept": ("kept", "留住"),
})

CATEGORY_COLOURS = {"company_side": PALETTE[3], "third_party": PALETTE[0], "customer_side": PALETTE[2]}


def pareto_chart(losses, loss_type: str | None = None, ax=None):
    """Draw the Pareto chart of loss reasons: bars by reason, cumulative share line, 80% reference.

    Bars are coloured by category (company side, third party, customer side); reasons are labelled
    in the current language. Losses with an unknown reason are left out (see ``loss.counts``).

    Parameters
    ----------
    losses : pandas.DataFrame
        Losses with ``reason`` (and ``loss_type`` to filter).
    loss_type : {None, "deal", "customer"}
        Only lost deals, only lost customers, or both (default).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        The bar axes (the cumulative line is on a twin axis, ``ax.right_ax``).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets
    >>> i18n.set_language("zh")
    >>> ax = pareto_chart(datasets.load_losses(), "customer", ax=Figure().subplots())
    >>> ax.get_xticklabels()[0].get_text()
    '关怀不够'
    >>> i18n.set_language("en")
    """
    table = loss.pareto(losses, loss_type)
    ax = get_ax(ax, figsize=(8, 4.5))
    x = np.arange(len(table))
    colours = [CATEGORY_COLOURS[c] for c in table["category"]]
    ax.bar(x, table["count"], color=colours)
    ax.set_xticks(x, [category_label(r, "loss_reason") for r in table["reason"]], rotation=35, ha="right")
    ax.set_ylabel(i18n.t("loss_count_axis"))
    title = {None: "loss_pareto_title", "deal": "loss_pareto_title_deal", "customer": "loss_pareto_title_customer"}
    ax.set_title(i18n.t(title[loss_type]), fontsize=11)
    right = ax.twinx()
    right.plot(x, table["cumulative_share"], color=PALETTE[7], marker="o", linewidth=1.5,
               label=i18n.t("loss_cumulative"))
    right.axhline(0.8, color=PALETTE[7], linestyle="--", linewidth=1, label=i18n.t("loss_reference"))
    right.set_ylim(0, 1.05)
    right.set_ylabel(i18n.t("loss_cumulative_axis"))
    right.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    right.spines[["top"]].set_visible(False)
    from matplotlib.patches import Patch

    handles = [Patch(color=CATEGORY_COLOURS[c], label=category_label(c, "loss_category"))
               for c in loss.CATEGORIES if c in set(table["category"])]
    line_handles, _ = right.get_legend_handles_labels()
    ax.legend(handles=handles + line_handles, frameon=False, fontsize=8, loc="center right")
    tidy(ax)
    ax.right_ax = right
    return ax


def _shares(reductions, reasons) -> np.ndarray:
    """The share of each reason's losses avoided, checked (``reductions``: reason -> share 0-1)."""
    if not isinstance(reductions, Mapping):
        raise TypeError(f"reductions must be a dict of reason code -> share (0 to 1); got {type(reductions).__name__}")
    known = list(reasons)
    for reason, cut in reductions.items():
        require_choice(reason, "reductions key", known)
        require_number(cut, f"reductions[{reason!r}]", low=0.0, high=1.0)
    return np.array([float(reductions.get(r, 0.0)) for r in known])


@tables(values=["reason", "lost_per_year"])
def what_if_chart(values, reductions: Mapping[str, float], ax=None):
    """Draw lost customers a year by reason, split into those a plan keeps and those still lost.

    Parameters
    ----------
    values : pandas.DataFrame
        ``retention.reason_values(...)``.
    reductions : dict
        Reason code -> share of its losses avoided (as in ``retention.what_if``).

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> values = pd.DataFrame({"reason": ["price", "competitor"], "lost_per_year": [10.0, 5.0]})
    >>> ax = what_if_chart(values, {"price": 0.5}, ax=Figure().subplots())
    >>> [float(p.get_width()) for p in ax.containers[1]]
    [0.0, 5.0]
    >>> moved = update_what_if_chart(ax, values, {"competitor": 1.0})
    >>> [float(p.get_width()) for p in ax.containers[1]]
    [5.0, 0.0]
    """
    order = values.sort_values("lost_per_year", kind="stable")
    lost = order["lost_per_year"].to_numpy(dtype=float)
    share = _shares(reductions, order["reason"])
    kept = lost * share
    ax = get_ax(ax, figsize=(7.5, 4.2))
    y = np.arange(len(order))
    labels = [category_label(r, "loss_reason") for r in order["reason"]]
    ax.barh(y, lost - kept, color="#bbbbbb", label=i18n.t("loss_still_lost"))
    ax.barh(y, kept, left=lost - kept, color=PALETTE[2], label=i18n.t("loss_kept"))
    ax.set_yticks(y, labels)
    ax.set_xlabel(i18n.t("loss_whatif_axis"))
    ax.set_title(i18n.t("loss_whatif_title"), fontsize=11)
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    ax.whatif_reasons = list(order["reason"])
    return ax


def update_what_if_chart(ax, values, reductions: Mapping[str, float]) -> list:
    """Move the bars of a chart drawn by :func:`what_if_chart` to new ``reductions``; return what moved.

    Widgets use it so that a slider move only repaints the bars (and the legend, where it lies over
    them), which is much faster than a new chart (``crmlessons.widgets.base.FastChart``).
    """
    lost_by_reason = dict(zip(values["reason"], values["lost_per_year"].astype(float)))
    still_bars, kept_bars = ax.containers[0], ax.containers[1]
    for reason, still, kept in zip(ax.whatif_reasons, still_bars, kept_bars):
        lost = lost_by_reason[reason]
        saved = lost * float(reductions.get(reason, 0.0))
        still.set_width(lost - saved)
        kept.set_x(lost - saved)
        kept.set_width(saved)
    legend = ax.get_legend()
    lengths = [lost_by_reason[reason] for reason in ax.whatif_reasons]  # a bar's whole length never changes
    over = legend is not None and _over_bars(ax, legend, lengths)
    return [*still_bars, *kept_bars, *([legend] if over else [])]


def _over_bars(ax, legend, lengths) -> bool:
    """Whether ``legend`` covers part of a bar (bar ``i`` spans ``0..lengths[i]`` at height ``i``)."""
    box = legend.get_window_extent().transformed(ax.transData.inverted())
    return any(box.x0 < length and box.y0 < y + 0.4 and box.y1 > y - 0.4 for y, length in enumerate(lengths))
