"""Widget of lesson 08: the account review. Pick a customer: its journey, value, loyalty, risk and the next step.

It computes with ``crmlessons.accounts`` (``account_review`` once for every customer, then one ``journey`` per
pick) and draws with ``crmlessons.plots.accounts`` (the chart function once, its update hook on every pick,
through a ``FastChart``). :func:`account_review_app` is the Voila app's one line.

Examples
--------
>>> w = AccountReview()
>>> w.customer.value == w.chosen["customer_id"].iloc[0]
True
>>> w.show.value = "all"
>>> len(w.customer.options) == len(w.review)
True
"""

from __future__ import annotations

import html
import os

import ipywidgets as widgets
import pandas as pd

from crmlessons import accounts, i18n
from crmlessons.plots import category_label
from crmlessons.widgets.base import (CourseWidget, FastChart, card, money, new_figure, note, shows_errors, status_area,
                                     value_table)

i18n.register({
    "ar_title": ("Account review: one customer's story, value, loyalty, risk and next step",
                 "客户复盘：一位客户的经历、价值、忠诚度、风险与下一步"),
    "ar_show": ("Show", "显示"),
    "ar_show_chosen": ("The capstone's three customers", "综合案例的三位客户"),
    "ar_show_at_risk": ("Active, at risk (early warning)", "仍是客户、有风险（预警）"),
    "ar_show_lost": ("Lost", "已流失"),
    "ar_show_loyalist": ("Loyalists", "忠诚者"),
    "ar_show_all": ("All customers", "全部客户"),
    "ar_customer": ("Customer", "客户"),
    "ar_typed": ("Or type an id", "或输入编号"),
    "ar_typed_hint": ("e.g. C00014, then Enter", "例如 C00014，然后按回车"),
    "ar_option": ("{customer_id} · {status} · {group}", "{customer_id} · {status} · {group}"),
    "ar_option_role": ("{role}: {customer_id}", "{role}：{customer_id}"),
    "ar_value": ("Margin 2019-2025", "2019-2025年毛利"),
    "ar_rank": ("Margin rank", "毛利排名"),
    "ar_group": ("Loyalty group (lesson 07)", "忠诚度分组（第 07 课）"),
    "ar_risk": ("Risk", "风险"),
    "ar_risk_lost": ("lost on {date}: {reason}", "{date} 流失：{reason}"),
    "ar_risk_flagged": ("early warning: {before} then {recent} orders a year; {at_risk} a year at risk",
                        "预警：一年订单由 {before} 单降到 {recent} 单；每年风险价值 {at_risk}"),
    "ar_risk_alive": ("p_alive {alive:.0%} (lesson 06)", "仍活跃概率 {alive:.0%}（第 06 课）"),
    "ar_next_label": ("Next step:", "下一步："),
    "ar_next_note": ("The next step is the course's rule (crmlessons.accounts.next_steps), built on the actions of "
                     "lessons 05-07; a firm writes its own.",
                     "下一步建议是本课程的规则（crmlessons.accounts.next_steps），依据第 05-07 课的行动建议；企业应制定自己的规则。"),
    "ar_why": ("Why this customer: {why}", "为什么选这位客户：{why}"),
    "ar_events": ("Events ({n})", "事件（{n} 项）"),
})

#: The choices of the "show" list, in order.
SHOWS = ("chosen", "at_risk", "lost", "loyalist", "all")
#: The journey chart's size (inches).
CHART_SIZE = (7.5, 4.2)


class AccountReview(CourseWidget):
    """Pick a customer: its journey (chart and events), value, loyalty group, risk and the course's next step.

    Parameters
    ----------
    case : Case, optional
        The case tables; default ``datasets.load_case()`` (the variant in use).
    customer_id : str, optional
        The customer shown first; default the first of the capstone's three (``accounts.chosen_customers``).
    show : str
        Which customers the list offers first (:data:`SHOWS`; default the capstone's three).

    CSS classes: root ``crm-widget crm-accounts``; controls ``crm-accounts-show``, ``crm-accounts-customer``
    (dropdowns), ``crm-accounts-typed`` (text); outputs ``crm-accounts-card``, ``crm-accounts-chart``,
    ``crm-accounts-events``.
    """

    def __init__(self, case=None, *, customer_id: str | None = None, show: str = "chosen"):
        from crmlessons.checks import require_choice

        require_choice(show, "show", list(SHOWS))
        if case is None:
            from crmlessons import datasets

            case = datasets.load_case()
        self.case = case
        self.review = accounts.account_review(case)  # checks the case
        self.chosen = accounts.chosen_customers(self.case, review=self.review)
        self.journey = None
        self._lists = self._customer_lists()
        self.show = widgets.Dropdown(options=[(i18n.t(f"ar_show_{s}"), s) for s in SHOWS], value=show,
                                     description=i18n.t("ar_show"), layout=widgets.Layout(width="420px"))
        self.customer = widgets.Dropdown(options=self._lists[show], description=i18n.t("ar_customer"),
                                         layout=widgets.Layout(width="420px"))
        self.typed = widgets.Text(description=i18n.t("ar_typed"), placeholder=i18n.t("ar_typed_hint"),
                                  continuous_update=False, layout=widgets.Layout(width="420px"))
        for control, css in ((self.show, "show"), (self.customer, "customer"), (self.typed, "typed")):
            control.add_class(f"crm-accounts-{css}")
        self.on(self.show, self._show)
        self.on(self.customer, self.update)
        self.on(self.typed, self._typed)
        self.facts, self.events = widgets.HTML(), widgets.HTML()
        self.facts.add_class("crm-accounts-card")
        self.events.add_class("crm-accounts-events")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="760px"))
        self.chart.add_class("crm-accounts-chart")
        self.status = status_area("accounts")
        self._picture = None
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('ar_title'))}</b>"), self.show, self.customer,
                          self.typed, self.status, self.facts, self.chart, self.events,
                          widgets.HTML(f"<small>{note(i18n.t('ar_next_note'))}</small>")],
                         name="accounts", title=i18n.t("ar_title"))
        self.start(lambda: self._start(customer_id))

    def _start(self, customer_id) -> None:
        if customer_id is not None:
            self.pick(customer_id)
        else:
            self.update()

    # -- the lists of customers -------------------------------------------------------------------

    def _customer_lists(self) -> dict[str, list[tuple[str, str]]]:
        """The options of the customer list for each choice of :data:`SHOWS` (labels in the widget's language)."""
        review = self.review
        labels = {cid: i18n.t("ar_option", customer_id=cid, status=category_label(status, "status"),
                              group=accounts.group_name(group))
                  for cid, status, group in zip(review.index, review["status"], review["group"])}
        masks = {"at_risk": review["active"] & review["flagged"], "lost": ~review["active"],
                 "loyalist": review["group"] == "loyalist"}
        lists = {show: [(labels[c], c) for c in review.index[mask.to_numpy(bool)]] for show, mask in masks.items()}
        chosen = [(i18n.t("ar_option_role", role=accounts.role_label(role), customer_id=cid), cid)
                  for role, cid in zip(self.chosen["role"], self.chosen["customer_id"])]
        first = set(self.chosen["customer_id"])
        lists["chosen"] = chosen
        lists["all"] = chosen + [(labels[c], c) for c in review.index if c not in first]
        return lists

    def _show(self) -> None:
        with self.quietly():
            self.customer.options = self._lists[self.show.value]
        self.update()

    def _typed(self) -> None:
        text = self.typed.value.strip().upper()
        if text:
            self.pick(text)

    @shows_errors()
    def pick(self, customer_id: str) -> None:
        """Show ``customer_id`` (from the list of all customers when it is not in the list shown)."""
        example = str(self.review.index[0])
        if not isinstance(customer_id, str):
            raise TypeError(f"customer_id must be a customer id (text) such as {example!r}; got "
                            f"{type(customer_id).__name__} {customer_id!r}"[:160])
        if customer_id not in self.review.index:
            raise ValueError(i18n.t("unknown_customer", given=customer_id, example=example))
        with self.quietly():
            if customer_id not in {value for _, value in self.customer.options}:
                self.show.value = "all"
                self.customer.options = self._lists["all"]
            self.customer.value = customer_id
        self.update()

    # -- what the student sees --------------------------------------------------------------------

    @shows_errors()
    def update(self) -> None:
        """Show the picked customer's facts card, journey chart and events."""
        customer_id = self.customer.value
        if customer_id is None:  # an empty list (a variant with no such customers)
            self.facts.value = self.events.value = ""
            return
        self.journey = accounts.journey(customer_id, case=self.case, review=self.review)
        self.facts.value = self._card()
        self.chart.value = self._frame()
        self.events.value = self._events()

    def _card(self) -> str:
        f = self.journey.facts
        lang = i18n.get_language()
        rows = [("value", i18n.t("ar_value"), money(f["margin_cny"])),
                ("rank", i18n.t("ar_rank"), i18n.t("acc_rank", rank=f["value_rank"], n=f["customers"],
                                                   top=f["value_top_share"])),
                ("group", i18n.t("ar_group"), accounts.group_name(f["group"])),
                ("risk", i18n.t("ar_risk"), self._risk(f))]
        step = accounts.NEXT_STEPS[f["next_step"]][0 if lang == "en" else 1]
        body = value_table(rows, css="crm-accounts") + f"<p><b>{html.escape(i18n.t('ar_next_label'))}</b> {html.escape(step)}</p>"
        chosen = self.chosen[self.chosen["customer_id"] == self.journey.customer_id]
        if len(chosen):
            body += f"<p>{note(i18n.t('ar_why', why=chosen['why'].iloc[0]))}</p>"
        return card(body, title=i18n.t("acc_title", customer_id=self.journey.customer_id), css="crm-accounts-result")

    @staticmethod
    def _risk(f: dict) -> str:
        if not f["active"]:
            reason = category_label(f["loss_reason"], "reason") if f["loss_reason"] else i18n.t("acc_no_reason")
            return i18n.t("ar_risk_lost", date=f"{f['lost_date']:%Y-%m-%d}", reason=reason)
        alive = "" if f["p_alive"] is None else i18n.t("ar_risk_alive", alive=f["p_alive"])
        if f["flagged"]:
            warning = i18n.t("ar_risk_flagged", before=f["orders_before"], recent=f["orders_recent"],
                             at_risk=money(f["value_at_risk_cny"]))
            return f"{warning}; {alive}" if alive else warning
        return alive or "-"

    def _events(self) -> str:
        shown = self.journey.events_shown()
        cell = '<td style="padding:0 8px;vertical-align:top">{}</td>'
        lines = ["<tr>" + "".join(cell.format(html.escape(v)) for v in (
            date, kind, what, "" if pd.isna(amount) else money(amount))) + "</tr>"
                 for date, kind, what, amount in shown.itertuples(index=False)]
        return (f"<b>{html.escape(i18n.t('ar_events', n=len(shown)))}</b>"
                f'<div style="max-height:260px;overflow-y:auto"><table class="crm-accounts-list">{"".join(lines)}'
                f"</table></div>")

    def _frame(self) -> bytes:
        from crmlessons.plots.accounts import journey_chart, update_journey_chart

        story = self.journey
        if self._picture is None:
            self._ax = journey_chart(story, ax=new_figure(CHART_SIZE).subplots())
            self._picture = FastChart(self._ax.figure)
        return self._picture.update({self._ax: (story.customer_id, lambda: update_journey_chart(self._ax, story))})


def account_review_app(case=None, *, customer_id: str | None = None) -> AccountReview:
    """Return the account-review app, in the language of the environment variable ``CRMLESSONS_LANG`` if set.

    The Voila app (``notebooks/apps/account_review.ipynb``) is this one call. ``CRMLESSONS_LANG=zh`` starts it
    in Chinese; unset, the course language is kept.

    Examples
    --------
    >>> w = account_review_app()
    >>> "crm-accounts" in w._dom_classes
    True
    """
    language = os.environ.get("CRMLESSONS_LANG", "").strip()
    if not language:
        return AccountReview(case, customer_id=customer_id)
    with i18n.using(language):
        return AccountReview(case, customer_id=customer_id)


def _pick_next(w: AccountReview, i: int) -> None:
    ids = w.review.index
    w.pick(str(ids[(i * 97) % len(ids)]))


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [
    ("account review: pick another customer (of ~1,400)", AccountReview, _pick_next),
]
