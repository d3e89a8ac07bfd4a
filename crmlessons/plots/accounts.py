"""Charts of lesson 08: one customer's journey as a timeline.

The time axis is the same for every customer (the order log, 2019 to the data date), so that two journeys
can be compared at a glance and the account-review app moves only the marks (:func:`update_journey_chart`).

Examples
--------
>>> from matplotlib.figure import Figure
>>> from crmlessons import accounts
>>> ax = journey_chart(accounts.journey("C00014"), ax=Figure().subplots())
>>> [t.get_text() for t in ax.get_yticklabels()]
['loss / win-back', 'survey & referrals', 'orders (dot area = amount)', 'lead & stages']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlessons import accounts, i18n
from crmlessons.datasets import rules
from crmlessons.plots import PALETTE, category_label, get_ax

i18n.register({
    "accp_lane_loss": ("loss / win-back", "流失 / 挽回"),
    "accp_lane_survey": ("survey & referrals", "调查与推荐"),
    "accp_lane_orders": ("orders (dot area = amount)", "订单（点的面积 = 金额）"),
    "accp_lane_lead": ("lead & stages", "商机与阶段"),
    "accp_title": ("{customer_id}: {orders} orders, revenue {revenue:,.2f} million CNY ({status})",
                   "{customer_id}：{orders} 笔订单，收入 {revenue:,.1f} 万元（{status}）"),
    "accp_since": ("customer since {year}", "{year} 年起成为客户"),
    "accp_lead": ("lead {lead_id} ({man})", "商机 {lead_id}（{man}）"),
    "accp_won": ("won after {days} days", "{days} 天后赢单"),
    "accp_survey": ("satisfaction {satisfaction}, {group}", "满意度 {satisfaction}，{group}"),
    "accp_lost": ("lost: {reason}", "流失：{reason}"),
    "accp_won_back": ("won back", "被挽回"),
    "accp_warning": ("early warning: {before} then {recent} orders a year", "预警：一年订单由 {before} 单降到 {recent} 单"),
    "accp_no_reason": ("reason not recorded", "未记录原因"),
    "accp_year": ("year", "年份"),
})

#: The lanes, bottom to top: (y, label key, event kinds).
LANES = ((0, "accp_lane_loss", ("lost", "won_back")), (1, "accp_lane_survey", ("survey", "referral")),
         (2, "accp_lane_orders", ("order",)), (3, "accp_lane_lead", ("acquired", "lead", "stage", "won")))
#: Colour of each kind of event.
KIND_COLOURS = {"acquired": PALETTE[7], "lead": PALETTE[0], "stage": PALETTE[5], "won": PALETTE[2],
                "order": PALETTE[0], "survey": PALETTE[4], "referral": PALETTE[1], "lost": PALETTE[3],
                "won_back": PALETTE[2]}
#: The time axis, in years: the order log with a little room on both sides.
XLIM = (rules.YEARS[0] - 0.25, rules.YEARS[-1] + 1.25)
#: An order of this amount (yuan) is drawn with a dot of :data:`ORDER_AREA` square points.
ORDER_SCALE, ORDER_AREA = 1e6, 260.0
#: The texts that label events, by gid suffix: (lane y, offset above the lane, the kinds they follow).
_NOTES = {"lead": (3, 0.22), "won": (3, -0.22), "survey": (1, 0.22), "lost": (0, 0.22), "won_back": (0, -0.22),
          "warning": (2, 0.3)}


def _years(dates) -> np.ndarray:
    """Dates as decimal years (2019.0 is 1 January 2019)."""
    dates = pd.DatetimeIndex(dates)
    length = np.where(dates.is_leap_year, 366.0, 365.0)
    return (dates.year + (dates.day_of_year - 1) / length).to_numpy(float)


def _check(journey) -> None:
    if not isinstance(journey, accounts.Journey):
        raise TypeError(f"journey must be a Journey (crmlessons.accounts.journey(customer_id)); got "
                        f"{type(journey).__name__}")


def journey_chart(journey, ax=None):
    """Draw one customer's journey: lanes for the lead and its stages, the orders (dots sized by amount), the
    survey and referrals, and the loss and win-back; the time axis is the order log (2019 to the data date).

    Parameters
    ----------
    journey : Journey
        ``crmlessons.accounts.journey(customer_id)``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import accounts
    >>> story = accounts.journey("C00014")
    >>> ax = journey_chart(story, ax=Figure().subplots())
    >>> len(ax.collections[2].get_offsets()) == story.facts["orders"]
    True
    """
    _check(journey)
    ax = get_ax(ax, figsize=(8, 4))
    ax.plot([], [], color="#999", linewidth=1.2, gid="acc-path")
    for gid, marker in (("acc-steps", "o"), ("acc-survey", "D"), ("acc-orders", "o"), ("acc-lost", "X"),
                        ("acc-won-back", "^")):
        ax.scatter(np.empty(0), np.empty(0), marker=marker, linewidths=0, gid=gid, zorder=3)
    for name in _NOTES:
        ax.text(0, 0, "", fontsize=8, va="center", gid=f"acc-note-{name}", zorder=4)
    ax.axvline(_years([rules.AS_OF])[0], color="#bbb", linewidth=1, linestyle=":", zorder=1)
    ax.set_xlim(*XLIM)
    ax.set_ylim(-0.6, 3.6)
    ax.set_xticks(range(rules.YEARS[0], rules.YEARS[-1] + 2))
    ax.set_xlabel(i18n.t("accp_year"))
    ax.set_yticks([lane for lane, _, _ in LANES], [i18n.t(key) for _, key, _ in LANES])
    for lane, _, _ in LANES:
        ax.axhline(lane, color="#eee", linewidth=6, zorder=0)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    update_journey_chart(ax, journey)
    return ax


def _points(events: pd.DataFrame, kinds) -> pd.DataFrame:
    return events[events["kind"].isin(kinds)]


def _place(x: np.ndarray) -> np.ndarray:
    """Dates before the time axis are drawn at its left end."""
    return np.maximum(x, XLIM[0] + 0.05)


def _set_points(found: dict, gid: str, x, y, colours, sizes) -> None:
    dots = found[gid]
    dots.set_offsets(np.column_stack([x, y]) if len(x) else np.empty((0, 2)))
    dots.set_facecolors(colours if len(x) else "none")
    dots.set_sizes(sizes if len(x) else [1.0])


def _notes(journey) -> dict[str, tuple[float, str]]:
    """Where each note stands (a decimal year) and what it says."""
    facts, events = journey.facts, journey.events
    last = {kind: events[events["kind"] == kind].iloc[-1] for kind in EVENTS_NOTED if (events["kind"] == kind).any()}
    notes = {}
    if "lead" in last:
        notes["lead"] = (last["lead"]["date"], i18n.t("accp_lead", lead_id=facts["lead_id"], man=facts["man"]))
    elif "acquired" in last:
        notes["lead"] = (last["acquired"]["date"], i18n.t("accp_since", year=last["acquired"]["date"].year))
    if "won" in last:
        notes["won"] = (last["won"]["date"], i18n.t("accp_won", days=facts["days_to_win"]))
    if "survey" in last:
        satisfaction = "-" if facts["satisfaction"] is None else f"{facts['satisfaction']:g}"
        notes["survey"] = (last["survey"]["date"], i18n.t("accp_survey", satisfaction=satisfaction,
                                                          group=accounts.group_name(facts["group"])))
    if "lost" in last:
        reason = facts["loss_reason"]
        text = category_label(str(reason), "reason") if reason else i18n.t("accp_no_reason")
        notes["lost"] = (last["lost"]["date"], i18n.t("accp_lost", reason=text))
    if facts["flagged"]:
        notes["warning"] = (rules.AS_OF, i18n.t("accp_warning", before=facts["orders_before"],
                                                recent=facts["orders_recent"]))
    if "won_back" in last:
        notes["won_back"] = (last["won_back"]["date"], i18n.t("accp_won_back"))
    return {name: (_place(_years([date]))[0], text) for name, (date, text) in notes.items()}


#: The kinds of event that get a note.
EVENTS_NOTED = ("acquired", "lead", "won", "survey", "lost", "won_back")


def update_journey_chart(ax, journey) -> list:
    """Move the marks and notes of a chart drawn by :func:`journey_chart` to another journey; return them.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import accounts
    >>> ax = journey_chart(accounts.journey("C00014"), ax=Figure().subplots())
    >>> moved = update_journey_chart(ax, accounts.journey("C00003"))
    >>> ax.get_title().startswith("C00003")
    True
    """
    _check(journey)
    found = {a.get_gid(): a for a in [*ax.collections, *ax.lines, *ax.texts] if a.get_gid()}
    if "acc-orders" not in found:
        raise ValueError("ax has no journey chart to update; draw one with journey_chart(journey, ax=ax) first")
    events = journey.events
    steps = _points(events, LANES[3][2])
    x = _place(_years(steps["date"]))
    found["acc-path"].set_data(x, np.full(len(x), 3.0))
    _set_points(found, "acc-steps", x, np.full(len(x), 3.0), [KIND_COLOURS[k] for k in steps["kind"]],
                [70.0 if k in ("won", "acquired") else 30.0 for k in steps["kind"]])
    orders = _points(events, ("order",))
    _set_points(found, "acc-orders", _years(orders["date"]), np.full(len(orders), 2.0), [(0.0, 0.45, 0.7, 0.45)],
                6 + ORDER_AREA * np.sqrt(orders["amount_cny"].to_numpy(float) / ORDER_SCALE))
    voice = _points(events, LANES[1][2])
    _set_points(found, "acc-survey", _years(voice["date"]), np.full(len(voice), 1.0),
                [KIND_COLOURS[k] for k in voice["kind"]], [45.0] * len(voice))
    for kind, gid in (("lost", "acc-lost"), ("won_back", "acc-won-back")):
        marks = _points(events, (kind,))
        _set_points(found, gid, _years(marks["date"]), np.zeros(len(marks)), [KIND_COLOURS[kind]], [90.0] * len(marks))
    moved = [found[gid] for gid in ("acc-path", "acc-steps", "acc-orders", "acc-survey", "acc-lost", "acc-won-back")]
    notes = _notes(journey)
    for name, (lane, offset) in _NOTES.items():
        text = found[f"acc-note-{name}"]
        x_note, words = notes.get(name, (XLIM[0], ""))
        left = x_note < (XLIM[0] + XLIM[1]) / 2
        text.set_position((x_note + (0.06 if left else -0.06), lane + offset))
        text.set_text(words)
        text.set_ha("left" if left else "right")
        moved.append(text)
    facts = journey.facts
    ax.set_title(i18n.t("accp_title", customer_id=journey.customer_id, orders=facts["orders"],
                        revenue=facts["revenue_cny"] / i18n.money_scale(),
                        status=category_label(facts["status"], "status")), fontsize=10)
    moved.append(ax.title)
    return moved
