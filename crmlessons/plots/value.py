"""Charts of lesson 06: the value / cost balance, the CLV curve, the concentration curve, segments, tenure.

Examples
--------
>>> from matplotlib.figure import Figure
>>> from crmlessons import value
>>> ax = clv_chart(value.clv_curve(50_000, 0.9, years=10), win=value.simple_clv(50_000, 0.9, years=10),
...                ax=Figure().subplots())
>>> ax.get_xlabel()
'year of the relationship'
"""

from __future__ import annotations

import numpy as np

from crmlessons import i18n, value
from crmlessons.checks import require_choice, require_number, require_table, tables
from crmlessons.plots import PALETTE, get_ax, tidy

i18n.register({
    "value_balance_title": ("What the customer gets, and what it costs", "客户得到什么、付出什么"),
    "value_offer_ours": ("Hengtai", "恒泰"),
    "value_offer_competitor": ("Competitor (course scenario)", "竞争对手（课程假设情景）"),
    "value_row_value": ("{offer}\ntotal customer value", "{offer}\n客户总价值"),
    "value_row_cost": ("{offer}\ntotal customer cost", "{offer}\n客户总成本"),
    "value_points": ("points (each part scored 1-5)", "分（每个部分 1-5 分）"),
    "value_delivered": ("delivered value {value:+.2f}", "客户让渡价值 {value:+.2f}"),
    "value_pick": ("The customer picks: {offer}", "客户会选择：{offer}"),
    "value_pick_tie": ("A tie: the customer sees no difference", "两者相同：客户看不出差别"),
    "clv_title": ("What a customer is worth, year by year", "客户终身价值逐年累计"),
    "clv_year": ("year of the relationship", "关系年份"),
    "clv_axis": ("CLV (million CNY)", "客户终身价值（万元）"),
    "clv_cumulative": ("CLV so far (cumulative)", "累计客户终身价值"),
    "clv_win_line": ("most worth spending to win one", "赢得一位客户最多值得花费"),
    "clv_cost_line": ("what winning one costs", "实际获客成本"),
    "clv_ceiling": ("CLV with no time limit", "不限年限的客户终身价值"),
    "conc_title": ("How concentrated is the margin?", "毛利有多集中？"),
    "conc_x": ("share of customers, the most valuable first", "客户占比（价值最高的在前）"),
    "conc_y": ("share of total margin", "占总毛利的比例"),
    "conc_equal": ("if every customer brought the same", "如果每位客户贡献相同"),
    "conc_point": ("top {top:.0%}: {share:.0%} of margin", "前 {top:.0%}：毛利的 {share:.0%}"),
    "seg_title": ("RFM segments: share of customers and of margin", "RFM 细分：客户占比与毛利占比"),
    "seg_customers": ("share of customers", "客户占比"),
    "seg_margin": ("share of margin", "毛利占比"),
    "tenure_title": ("Margin per customer-year, by year of the relationship", "按关系年份计的每位客户每年毛利"),
    "tenure_x": ("year of the relationship", "关系年份"),
    "tenure_y": ("margin per customer-year (million CNY)", "每位客户每年毛利（万元）"),
})

#: Colours of the parts of value (blues and greens) and of cost (oranges and reds).
PART_COLOURS = dict(zip([*value.VALUE_PARTS, *value.COST_PARTS],
                        ["#0072B2", "#56B4E9", "#009E73", "#7fc8a9", "#D55E00", "#E69F00", "#f2c46d", "#CC79A7"]))
_OFFERS = ("ours", "competitor")
#: The balance chart's value axis (four parts of at most 5 points each, and room for the labels).
BALANCE_LIMIT = 25.0


def _part_label(part: str) -> str:
    spec = value.VALUE_PARTS.get(part) or value.COST_PARTS[part]
    return i18n.pick(spec)


def _comparison(comparison):
    comparison = require_table(comparison, None, "comparison", list(_OFFERS))
    missing = [p for p in [*value.VALUE_PARTS, *value.COST_PARTS, "total_value", "delivered_value"]
               if p not in comparison.index]
    if missing:
        raise ValueError(f"comparison must be a table of value.offer_comparison (rows by part); it lacks rows {missing}")
    return comparison


def balance_chart(comparison, ax=None):
    """Draw the value / cost balance: for each offer a bar of total customer value and one of total cost.

    Each bar is stacked from its parts (:data:`crmlessons.value.VALUE_PARTS`, ``COST_PARTS``); the
    delivered value (value minus cost) is written next to each offer, and which offer the customer picks
    (the higher delivered value) above them.

    Parameters
    ----------
    comparison : pandas.DataFrame
        ``value.offer_comparison(...)``.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ours = {"product": 4, "service": 4, "personnel": 3, "image": 3, "price": 3, "time": 2, "energy": 2,
    ...         "psychological": 2}
    >>> ax = balance_chart(value.offer_comparison(ours), ax=Figure().subplots())
    >>> len(ax.patches), ax.texts[-1].get_text()
    (16, 'The customer picks: Competitor (course scenario)')
    """
    table = _comparison(comparison)
    ax = get_ax(ax, figsize=(8, 4.2))
    rows = {("ours", "value"): 3.6, ("ours", "cost"): 2.8, ("competitor", "value"): 1.2, ("competitor", "cost"): 0.4}
    for (offer, kind), y in rows.items():
        parts = value.VALUE_PARTS if kind == "value" else value.COST_PARTS
        for part in parts:
            ax.barh(y, 0.0, height=0.7, color=PART_COLOURS[part], edgecolor="white", linewidth=0.8,
                    label=_part_label(part) if offer == "ours" else None, gid=f"value-bar-{offer}-{part}")
    for offer in _OFFERS:
        ax.text(0, rows[(offer, "value")], "", va="center", fontsize=10, gid=f"value-delivered-{offer}")
    ax.text(0.5, 1.02, "", transform=ax.transAxes, ha="center", va="bottom", fontsize=11,
            gid="value-pick")
    names = {offer: i18n.t(f"value_offer_{offer}") for offer in _OFFERS}
    ax.set_yticks(list(rows.values()), [i18n.t(f"value_row_{kind}", offer=names[offer]) for offer, kind in rows])
    ax.set_xlim(0, BALANCE_LIMIT)
    ax.set_ylim(0, 4.1)
    ax.set_xlabel(i18n.t("value_points"))
    ax.set_title(i18n.t("value_balance_title"), fontsize=11, pad=22)
    ax.legend(frameon=False, fontsize=7.5, ncols=4, loc="upper center", bbox_to_anchor=(0.45, -0.16))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    update_balance_chart(ax, table)
    return ax


def update_balance_chart(ax, comparison) -> list:
    """Move the bars and texts of a chart drawn by :func:`balance_chart` to a new comparison; return them.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ours = {"product": 4, "service": 4, "personnel": 3, "image": 3, "price": 3, "time": 2, "energy": 2,
    ...         "psychological": 2}
    >>> ax = balance_chart(value.offer_comparison(ours), ax=Figure().subplots())
    >>> moved = update_balance_chart(ax, value.offer_comparison(ours, levers={"structural": 1.0}))
    >>> ax.texts[-1].get_text()
    'The customer picks: Hengtai'
    """
    table = _comparison(comparison)
    found = {a.get_gid(): a for a in [*ax.patches, *ax.texts]}
    moved = []
    for offer in _OFFERS:
        for parts in (value.VALUE_PARTS, value.COST_PARTS):
            left = 0.0
            for part in parts:
                bar = found.get(f"value-bar-{offer}-{part}")
                if bar is None:
                    raise ValueError("ax has no balance chart to update; draw one with balance_chart(comparison, ax=ax)")
                width = float(table.loc[part, offer])
                bar.set_x(left)
                bar.set_width(width)
                left += width
                moved.append(bar)
        text = found[f"value-delivered-{offer}"]
        text.set_x(float(table.loc["total_value", offer]) + 0.3)
        text.set_text(i18n.t("value_delivered", value=float(table.loc["delivered_value", offer])))
        moved.append(text)
    gap = float(table.loc["delivered_value", "ours"] - table.loc["delivered_value", "competitor"])
    pick = found["value-pick"]
    if abs(gap) < 1e-9:
        pick.set_text(i18n.t("value_pick_tie"))
    else:
        pick.set_text(i18n.t("value_pick", offer=i18n.t(f"value_offer_{'ours' if gap > 0 else 'competitor'}")))
    return [*moved, pick]


def _level(amount, name: str):
    return None if amount is None else float(require_number(amount, name)) / i18n.money_scale()


@tables(curve=["year", "cumulative"])
def clv_chart(curve, win: float | None = None, cost: float | None = None, ceiling: float | None = None, ax=None):
    """Draw the cumulative CLV by year, with the most worth spending to win a customer as a line.

    Parameters
    ----------
    curve : pandas.DataFrame
        ``value.clv_curve(...)``.
    win : float, optional
        The most worth spending to win one customer (``value.max_spend(...)["win"]``): a dashed line.
    cost : float, optional
        What winning one customer costs the firm: where the curve crosses it, the customer has paid back
        his acquisition.
    ceiling : float, optional
        The CLV with no time limit (``value.simple_clv(...)``): a dotted line the curve approaches.

    Amounts are in CNY; the chart shows them in millions (万元 in Chinese).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = clv_chart(value.clv_curve(50_000, 0.9, years=5), cost=60_000, ax=Figure().subplots())
    >>> [line.get_gid() for line in ax.get_lines()]
    ['clv-cumulative', 'clv-cost']
    """
    ax = get_ax(ax, figsize=(7.5, 4))
    ax.plot([], [], "-o", color=PALETTE[0], linewidth=2.4, markersize=4, label=i18n.t("clv_cumulative"),
            gid="clv-cumulative")
    lines = {"win": ("--", PALETTE[2], "clv_win_line", win), "cost": ("-.", PALETTE[3], "clv_cost_line", cost),
             "ceiling": (":", PALETTE[7], "clv_ceiling", ceiling)}
    for key, (style, colour, label, amount) in lines.items():
        if amount is not None:
            ax.axhline(0.0, linestyle=style, color=colour, linewidth=1.6, label=i18n.t(label), gid=f"clv-{key}")
    update_clv_chart(ax, curve, win=win, cost=cost, ceiling=ceiling)
    years = curve["year"].to_numpy(float)
    levels = [float(np.max(curve["cumulative"].to_numpy(float), initial=0.0))]
    levels += [float(a) for a in (win, cost, ceiling) if a is not None]
    ax.set_xlim(0, max(1.0, float(years.max(initial=1.0))) + 0.5)
    ax.set_ylim(min(0.0, min(levels) / i18n.money_scale()) * 1.1, max(levels) / i18n.money_scale() * 1.15 or 1.0)
    ax.set_xlabel(i18n.t("clv_year"))
    ax.set_ylabel(i18n.t("clv_axis"))
    ax.set_title(i18n.t("clv_title"), fontsize=11)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    tidy(ax)
    return ax


def update_clv_chart(ax, curve, win: float | None = None, cost: float | None = None,
                     ceiling: float | None = None) -> list:
    """Move the curve and lines of a chart drawn by :func:`clv_chart`; return them (the axis limits stay).

    A line must be given exactly when the chart was drawn with it.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = clv_chart(value.clv_curve(50_000, 0.9, years=5), win=1.0, ax=Figure().subplots())
    >>> moved = update_clv_chart(ax, value.clv_curve(50_000, 0.9, years=8), win=2e5)
    >>> len(ax.get_lines()[0].get_xdata()), float(ax.get_lines()[1].get_ydata()[0])
    (9, 0.2)
    """
    curve = require_table(curve, None, "curve", ["year", "cumulative"], empty_ok=True)
    lines = {line.get_gid(): line for line in ax.get_lines()}
    if "clv-cumulative" not in lines:
        raise ValueError("ax has no CLV chart to update; draw one with clv_chart(curve, ax=ax) first")
    scale = i18n.money_scale()
    years = np.concatenate([[0.0], curve["year"].to_numpy(float)])
    cumulative = np.concatenate([[0.0], curve["cumulative"].to_numpy(float) / scale])
    lines["clv-cumulative"].set_data(years, cumulative)
    moved = [lines["clv-cumulative"]]
    for key, amount in (("win", win), ("cost", cost), ("ceiling", ceiling)):
        line = lines.get(f"clv-{key}")
        if (line is None) != (amount is None):
            raise ValueError(f"{key} must be given exactly when the chart was drawn with it")
        if line is not None:
            line.set_ydata([_level(amount, key)] * 2)
            moved.append(line)
    legend = ax.get_legend()
    return moved + ([legend] if legend is not None else [])


def concentration_chart(margins, top=(0.1, 0.2), ax=None):
    """Draw the concentration curve: the share of margin brought by the most valuable share of customers.

    Parameters
    ----------
    margins : pandas.Series
        Margin per customer (``value.historic_value(...)["margin_cny"]``).
    top : sequence of float
        Shares of customers to mark (default the top 10 % and 20 %).

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> ax = concentration_chart(pd.Series([50.0, 20, 10, 5, 5, 4, 3, 2, 1, 0]), ax=Figure().subplots())
    >>> ax.texts[0].get_text()
    'top 10%: 50% of margin'
    """
    curve = value.concentration_curve(margins)
    marks = value.concentration(margins, top)
    ax = get_ax(ax, figsize=(6, 4.5))
    ax.plot(curve["customer_share"], curve["margin_share"], color=PALETTE[0], linewidth=2.2)
    ax.plot([0, 1], [0, 1], "--", color="#999", linewidth=1, label=i18n.t("conc_equal"))
    for row in marks.itertuples():
        x = row.customers / len(curve.index[1:])
        ax.plot([x, x, 0], [0, row.margin_share, row.margin_share], ":", color=PALETTE[3], linewidth=1)
        ax.plot([x], [row.margin_share], "o", color=PALETTE[3])
        ax.annotate(i18n.t("conc_point", top=row.top, share=row.margin_share), (x, row.margin_share),
                    xytext=(8, -14), textcoords="offset points", fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.set_xlabel(i18n.t("conc_x"))
    ax.set_ylabel(i18n.t("conc_y"))
    ax.set_title(i18n.t("conc_title"), fontsize=11)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    tidy(ax)
    return ax


_SEGMENT_COLUMNS = ["segment", "customer_share", "margin_share"]


@tables(by_segment=_SEGMENT_COLUMNS)
def segment_chart(by_segment, highlight: str | None = None, ax=None):
    """Draw each RFM segment's share of customers next to its share of margin; one segment may stand out.

    Parameters
    ----------
    by_segment : pandas.DataFrame
        ``value.segment_table(...)``.
    highlight : str, optional
        A segment code (:data:`crmlessons.value.SEGMENTS`) drawn in full colour, the others paler.

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> table = value.segment_table(pd.Series(["champions", "hibernating"], index=["A", "B"]),
    ...                             pd.Series({"A": 90.0, "B": 10.0}))
    >>> ax = segment_chart(table, highlight="champions", ax=Figure().subplots())
    >>> len(ax.patches), [t.get_text() for t in ax.get_yticklabels()][0]
    (14, 'Champions')
    """
    ax = get_ax(ax, figsize=(7.5, 4.2))
    codes = [str(code) for code in by_segment["segment"]]
    for code in codes:
        require_choice(code, "by_segment['segment']", list(value.SEGMENTS))
    y = np.arange(len(codes))[::-1].astype(float)
    ax.barh(y + 0.2, by_segment["customer_share"].to_numpy(float), height=0.38, color=PALETTE[5],
            label=i18n.t("seg_customers"), gid="seg-customers")
    ax.barh(y - 0.2, by_segment["margin_share"].to_numpy(float), height=0.38, color=PALETTE[1],
            label=i18n.t("seg_margin"), gid="seg-margin")
    ax.set_yticks(y, [i18n.pick(value.SEGMENTS[code]) for code in codes])
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.set_xlim(0, max(1e-9, float(by_segment[["customer_share", "margin_share"]].to_numpy(float).max())) * 1.15)
    ax.set_title(i18n.t("seg_title"), fontsize=11)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    ax.segment_codes = codes
    update_segment_chart(ax, highlight)
    return ax


def update_segment_chart(ax, highlight: str | None = None) -> list:
    """Make ``highlight`` stand out on a chart drawn by :func:`segment_chart` (None: all in full colour).

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> table = value.segment_table(pd.Series(["champions"], index=["A"]), pd.Series({"A": 1.0}))
    >>> ax = segment_chart(table, ax=Figure().subplots())
    >>> moved = update_segment_chart(ax, "loyal")
    >>> sorted({round(bar.get_alpha(), 2) for bar in ax.patches})
    [0.3, 1.0]
    """
    codes = getattr(ax, "segment_codes", None)
    if codes is None:
        raise ValueError("ax has no segment chart to update; draw one with segment_chart(by_segment, ax=ax) first")
    if highlight is not None:
        require_choice(highlight, "highlight", list(value.SEGMENTS))
    bars = [p for p in ax.patches if p.get_gid() in ("seg-customers", "seg-margin")]
    for i, bar in enumerate(bars):
        code = codes[i % len(codes)]
        bar.set_alpha(1.0 if highlight is None or code == highlight else 0.3)
    legend = ax.get_legend()
    return bars + ([legend] if legend is not None else [])


@tables(by_tenure=["tenure_year", "customers", "margin_per_year"])
def tenure_chart(by_tenure, ax=None):
    """Draw the margin per customer-year by year of the relationship (``value.value_by_tenure``).

    Each bar is labelled with the customers it rests on.

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> t = pd.DataFrame({"tenure_year": [1, 2], "customers": [50, 40], "margin_per_year": [5e4, 7e4]})
    >>> tenure_chart(t, ax=Figure().subplots()).get_ylabel()
    'margin per customer-year (million CNY)'
    """
    ax = get_ax(ax, figsize=(7.5, 4))
    values = by_tenure["margin_per_year"].to_numpy(float) / i18n.money_scale()
    bars = ax.bar(by_tenure["tenure_year"].astype(int).astype(str), values, color=PALETTE[0])
    ax.bar_label(bars, labels=[str(n) for n in by_tenure["customers"]], padding=2, fontsize=7)
    ax.set_xlabel(i18n.t("tenure_x"))
    ax.set_ylabel(i18n.t("tenure_y"))
    ax.set_title(i18n.t("tenure_title"), fontsize=11)
    tidy(ax)
    return ax
