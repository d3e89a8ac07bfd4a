"""Widgets of lesson 07: the satisfaction x loyalty matrix explorer and the Kano questionnaire.

Each widget computes with ``crmlessons.loyalty`` (pure functions) and draws with ``crmlessons.plots.loyalty``
(the chart function once, its update hook on every move, through a ``FastChart``).

- :func:`matrix_explorer`: the satisfaction and loyalty thresholds -> the four groups of the matrix (Jones and
  Sasser 1995), their counts, the chart, the customers of the picked group and its action.
- :func:`kano_questionnaire`: the student picks a feature and answers its two Kano questions -> the Kano
  category and the Loyalty article's need class, against how Hengtai's customers answered.

Examples
--------
>>> w = kano_questionnaire(feature="on_time_delivery", functional="must_be", dysfunctional="dislike")
>>> w.category
'M'
>>> w.dysfunctional.value = "live_with"
>>> w.category
'I'
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from crmlessons import i18n, loyalty, value
from crmlessons.checks import require_choice, tables
from crmlessons.widgets.base import (CourseWidget, FastChart, card, coloured, money, new_figure, note, shows_errors,
                                     slider, status_area, value_table)

i18n.register({
    "mx_title": ("Satisfaction x loyalty: who is loyal, who only satisfied", "满意度—忠诚度矩阵：谁忠诚，谁只是满意"),
    "mx_satisfaction": ("Satisfied from (answer 1-5)", "满意的最低分（1-5 分）"),
    "mx_loyalty": ("Loyal from (mean of the three faces)", "忠诚的最低分（三方面均值）"),
    "mx_group": ("Group", "客户群"),
    "mx_shown": ("Customers listed", "列出客户数"),
    "mx_counts": ("{group}", "{group}"),
    "mx_count_value": ("{n} ({share:.0%})", "{n} 位（{share:.0%}）"),
    "mx_rule": ("{satisfied} and {loyal}.", "{satisfied}，{loyal}。"),
    "mx_satisfied": ("satisfaction {at:g} or more", "满意度 {at:g} 分及以上"),
    "mx_not_satisfied": ("satisfaction below {at:g}", "满意度低于 {at:g} 分"),
    "mx_loyal": ("loyalty {at:g} or more", "忠诚度 {at:g} 分及以上"),
    "mx_not_loyal": ("loyalty below {at:g}", "忠诚度低于 {at:g} 分"),
    "mx_action": ("What to do: {action}", "怎么做：{action}"),
    "mx_source": ("The four groups: Jones and Sasser (1995), in the literature; the thresholds and the actions are "
                  "the course's.", "四类客户出自文献（Jones 与 Sasser，1995）；分界线和行动建议是本课程的。"),
    "mx_customer": ("Customer", "客户"),
    "mx_c_satisfaction": ("Satisfaction", "满意度"),
    "mx_c_loyalty": ("Loyalty", "忠诚度"),
    "mx_c_margin": ("Margin a year", "每年毛利"),
    "mx_c_offer": ("Competitor offer", "竞争对手报价"),
    "mx_c_ties": ("Structural ties", "结构性联系"),
    "mx_yes": ("yes", "有"),
    "mx_no": ("no", "无"),
    "mx_empty": ("No customer in this group at these thresholds.", "在这样的分界线下，这一群没有客户。"),
    "mx_list_note": ("Its customers with the highest margin a year first.", "按每年毛利从高到低列出这一群的客户。"),
    "kq_title": ("Kano questionnaire: a basic, an expected or an exciting need?", "Kano 问卷：基本需求、期望需求还是兴奋型需求？"),
    "kq_feature": ("Feature", "服务项目"),
    "kq_functional": ("With it:", "有时："),
    "kq_dysfunctional": ("Without it:", "没有时："),
    "kq_answers": ("{feature}, by your answers: {category}.", "按你的回答，“{feature}”属于：{category}。"),
    "kq_need": ("The Loyalty article's class of needs: {need}. {advice}", "按客户忠诚文章的三类需求，这是{need}。{advice}"),
    "kq_no_need": ("Not one of the Loyalty article's three classes of needs.", "不属于客户忠诚文章所说的三类需求。"),
    "kq_mapping": ("The mapping basic = must-be, expected = one-dimensional, exciting = attractive is the course's.",
                   "基本需求 = 必备型、期望需求 = 期望型（一维型）、兴奋型需求 = 魅力型，这一对应关系是本课程的。"),
    "kq_hengtai": ("Hengtai's customers ({n} answered): most classify it {dominant} ({share:.0%}); {same:.0%} "
                   "classify it as you do.", "恒泰的客户（{n} 份回答）：多数归为{dominant}（{share:.0%}）；"
                   "与你归类相同的占 {same:.0%}。"),
    "kq_agree": ("You see it as most of Hengtai's customers do.", "你的看法与恒泰多数客户一致。"),
    "kq_disagree": ("Most of Hengtai's customers see it otherwise: ask why before you plan the service.",
                    "恒泰多数客户的看法与你不同：规划服务之前，先弄清原因。"),
})


# ---------------------------------------------------------------------------------------------
# The matrix explorer

#: The matrix chart's size (inches).
MATRIX_SIZE = (7.5, 5.0)
#: The thresholds' sliders: (low, high, step).
SATISFACTION_RANGE = (2, 5, 1)
LOYALTY_RANGE = (1.5, 4.5, 0.25)


class MatrixExplorer(CourseWidget):
    """Move the satisfaction and loyalty thresholds: the four groups, their counts, the chart, a group's customers and action.

    Parameters
    ----------
    survey, orders, customers : pandas.DataFrame, optional
        The case tables; default the data in use. The margin a year of each customer comes from
        ``value.historic_value(orders, customers)``.
    satisfaction_threshold : int
        Satisfied from this answer up (2-5, default 4).
    loyalty_threshold : float
        Loyal from this mean of the three faces up (1.5-4.5 in steps of 0.25, default 3.5).
    group : str
        The group whose customers and action are shown first (:data:`crmlessons.loyalty.MATRIX_GROUPS`).
    shown : int
        How many of its customers are listed (5-30).

    CSS classes: root ``crm-widget crm-matrix``; controls ``crm-matrix-satisfaction``, ``crm-matrix-loyalty``
    (sliders), ``crm-matrix-group`` (dropdown), ``crm-matrix-shown``; outputs ``crm-matrix-counts``,
    ``crm-matrix-result``, ``crm-matrix-customers``, ``crm-matrix-chart``.
    """

    def __init__(self, survey=None, orders=None, customers=None, *, satisfaction_threshold=4, loyalty_threshold=3.5,
                 group: str = "mercenary", shown: int = 10):
        from crmlessons import datasets

        survey = datasets.load_survey() if survey is None else survey
        orders = datasets.load_orders() if orders is None else orders
        customers = datasets.load_customers() if customers is None else customers
        require_choice(group, "group", list(loyalty.MATRIX_GROUPS))
        self.survey = survey
        self.facts = self._facts(survey, orders, customers)
        self.satisfaction = slider("satisfaction_threshold", satisfaction_threshold, *SATISFACTION_RANGE, whole=True,
                                   description=i18n.t("mx_satisfaction"), css="crm-matrix-satisfaction", width="520px",
                                   description_width="260px")
        self.loyalty = slider("loyalty_threshold", loyalty_threshold, *LOYALTY_RANGE,
                              description=i18n.t("mx_loyalty"), css="crm-matrix-loyalty", width="520px",
                              description_width="260px")
        options = [(i18n.pick(spec), code) for code, spec in loyalty.MATRIX_GROUPS.items()]
        self.group = widgets.Dropdown(options=options, value=group, description=i18n.t("mx_group"),
                                      layout=widgets.Layout(width="360px"))
        self.group.add_class("crm-matrix-group")
        self.shown = slider("shown", shown, 5, 30, 5, whole=True, description=i18n.t("mx_shown"), css="crm-matrix-shown")
        for control in (self.satisfaction, self.loyalty, self.group, self.shown):
            self.on(control, self.update)
        self.counts, self.result, self.customers = widgets.HTML(), widgets.HTML(), widgets.HTML()
        for part, css in ((self.counts, "counts"), (self.result, "result"), (self.customers, "customers")):
            part.add_class(f"crm-matrix-{css}")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="760px"))
        self.chart.add_class("crm-matrix-chart")
        self.status = status_area("matrix")
        self._picture = None
        self.groups = None
        self._placed_at: dict = {}
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('mx_title'))}</b>"), self.satisfaction, self.loyalty,
                          self.status, self.counts, self.chart, self.group, self.result, self.shown, self.customers,
                          widgets.HTML(f"<small>{note(i18n.t('mx_source'))}</small>")],
                         name="matrix", title=i18n.t("mx_title"))
        self.start()

    @staticmethod
    def _facts(survey, orders, customers) -> pd.DataFrame:
        """Per respondent: satisfaction, loyalty, margin a year and, where the data have them, offer and ties."""
        scores = loyalty.loyalty_scores(survey)
        by_id = survey.assign(customer_id=survey["customer_id"].astype(str)).set_index("customer_id")
        facts = pd.DataFrame({"satisfaction": by_id["satisfaction"].reindex(scores.index).to_numpy(float),
                              "loyalty": scores["mean"].to_numpy(float)}, index=scores.index)
        margins = value.historic_value(orders, customers)["margin_per_year"]
        facts["margin"] = margins.reindex(facts.index).fillna(0.0).to_numpy(float)
        if "competitor_offer" in by_id.columns:
            facts["offer"] = by_id["competitor_offer"].reindex(facts.index).to_numpy(object)
        if "structural_ties" in customers.columns:
            ties = customers.assign(customer_id=customers["customer_id"].astype(str)).set_index("customer_id")
            facts["ties"] = ties["structural_ties"].reindex(facts.index).to_numpy(object)
        return facts

    def thresholds(self) -> tuple[float, float]:
        """The satisfaction and loyalty thresholds the sliders set."""
        return float(self.satisfaction.value), float(self.loyalty.value)

    @shows_errors()
    def update(self) -> None:
        """Place the respondents at the thresholds; show the counts, the chart, the picked group's card and customers."""
        satisfied_at, loyal_at = self.thresholds()
        if (satisfied_at, loyal_at) not in self._placed_at:  # the same lines place everyone the same way
            groups = loyalty.loyalty_matrix(self.survey, satisfied_at, loyal_at)
            self._placed_at[(satisfied_at, loyal_at)] = groups, loyalty.matrix_counts(groups).set_index("group")
        self.groups, table = self._placed_at[(satisfied_at, loyal_at)]
        rows = [(code, i18n.t("mx_counts", group=i18n.pick(spec)),
                 i18n.t("mx_count_value", n=int(table.loc[code, "customers"]), share=float(table.loc[code, "share"])))
                for code, spec in loyalty.MATRIX_GROUPS.items()]
        self.counts.value = value_table(rows, css="crm-matrix")
        code = self.group.value
        self.result.value = self._card(code, int(table.loc[code, "customers"]), satisfied_at, loyal_at)
        self.customers.value = self._customer_list(code)
        self.chart.value = self._frame(satisfied_at, loyal_at, code)

    def _card(self, code: str, n: int, satisfied_at: float, loyal_at: float) -> str:
        spec, lang = loyalty.MATRIX_GROUPS[code], i18n.get_language()
        rule = i18n.t("mx_rule", satisfied=i18n.t("mx_satisfied" if spec["satisfied"] else "mx_not_satisfied",
                                                  at=satisfied_at),
                      loyal=i18n.t("mx_loyal" if spec["loyal"] else "mx_not_loyal", at=loyal_at))
        body = (f"<p>{html.escape(rule)} {html.escape(spec[f'who_{lang}'])}</p>"
                f"<p>{html.escape(i18n.t('mx_action', action=spec[f'action_{lang}']))}</p>")
        return card(body, title=f"{i18n.pick(spec)}: {i18n.t('mx_count_value', n=n, share=n / max(1, self._placed()))}",
                    css="crm-matrix-card")

    def _placed(self) -> int:
        return int(self.groups.notna().sum())

    def _customer_list(self, code: str) -> str:
        rows = self.facts[(self.groups.reindex(self.facts.index) == code).to_numpy()]
        rows = rows.sort_values("margin", ascending=False, kind="stable").head(int(self.shown.value))
        if rows.empty:
            return f"<p>{note(i18n.t('mx_empty'))}</p>"
        heads = ["mx_customer", "mx_c_satisfaction", "mx_c_loyalty", "mx_c_margin"]
        extra = [c for c in ("offer", "ties") if c in rows.columns]
        heads += [{"offer": "mx_c_offer", "ties": "mx_c_ties"}[c] for c in extra]
        cell = '<td style="text-align:right;padding:0 10px">{}</td>'
        lines = []
        flags = [rows[c].to_numpy() for c in extra]
        for i, (customer, satisfaction, loyal, margin) in enumerate(zip(rows.index, rows["satisfaction"].to_numpy(),
                                                                        rows["loyalty"].to_numpy(),
                                                                        rows["margin"].to_numpy())):
            cells = [html.escape(str(customer)), f"{satisfaction:.0f}", f"{loyal:.2f}", html.escape(money(margin))]
            cells += [html.escape(self._flag(column[i])) for column in flags]
            lines.append("<tr>" + "".join(cell.format(c) for c in cells) + "</tr>")
        head = "".join(f'<th style="text-align:right;padding:0 10px">{html.escape(i18n.t(h))}</th>' for h in heads)
        return (f"<p>{note(i18n.t('mx_list_note'))}</p>"
                f'<table class="crm-matrix-list"><tr>{head}</tr>{"".join(lines)}</table>')

    @staticmethod
    def _flag(flag) -> str:
        return "" if pd.isna(flag) else i18n.t("mx_yes" if bool(flag) else "mx_no")

    def _frame(self, satisfied_at: float, loyal_at: float, code: str) -> bytes:
        from crmlessons.plots.loyalty import matrix_chart, update_matrix_chart

        if self._picture is None:
            self._ax = matrix_chart(self.survey, satisfied_at, loyal_at, code, ax=new_figure(MATRIX_SIZE).subplots())
            self._picture = FastChart(self._ax.figure)
        groups = self.groups
        return self._picture.update({self._ax: ((satisfied_at, loyal_at, code),
                                                lambda: update_matrix_chart(self._ax, groups, satisfied_at, loyal_at,
                                                                            code))})


@tables(survey=["customer_id", "satisfaction", *loyalty.FACE_COLUMNS],
        orders=["customer_id", "order_date", "amount_cny", "margin_cny"],
        customers=["customer_id", "acquired_date", "lost_date", "won_back_date"])
def matrix_explorer(survey=None, orders=None, customers=None, *, satisfaction_threshold=4, loyalty_threshold=3.5,
                    group: str = "mercenary", shown: int = 10) -> MatrixExplorer:
    """Return the satisfaction x loyalty matrix explorer (the data in use unless tables are given).

    Examples
    --------
    >>> w = matrix_explorer(group="loyalist")
    >>> "crm-matrix-card" in w.result.value and "Loyalists" in w.counts.value
    True
    """
    return MatrixExplorer(survey, orders, customers, satisfaction_threshold=satisfaction_threshold,
                          loyalty_threshold=loyalty_threshold, group=group, shown=shown)


# ---------------------------------------------------------------------------------------------
# The Kano questionnaire

#: The Kano chart's size (inches).
KANO_SIZE = (7.5, 4.0)


class KanoQuestionnaire(CourseWidget):
    """Answer a feature's two Kano questions: its category and need class, against Hengtai's customers' answers.

    Parameters
    ----------
    survey : pandas.DataFrame, optional
        The survey (its ``kano_<feature>_functional`` / ``_dysfunctional`` columns); default the data in use.
    feature : str
        The feature asked about first (``crmlessons.loyalty.KANO_FEATURES``).
    functional, dysfunctional : str
        The starting answers (:data:`crmlessons.loyalty.KANO_ANSWERS`; default neutral to both: indifferent).

    CSS classes: root ``crm-widget crm-kano``; controls ``crm-kano-feature``, ``crm-kano-functional``,
    ``crm-kano-dysfunctional`` (dropdowns); outputs ``crm-kano-questions``, ``crm-kano-result``,
    ``crm-kano-compare``, ``crm-kano-chart``.
    """

    def __init__(self, survey=None, *, feature: str = "on_time_delivery", functional: str = "neutral",
                 dysfunctional: str = "neutral"):
        if survey is None:
            from crmlessons import datasets

            survey = datasets.load_survey()
        require_choice(feature, "feature", list(loyalty.KANO_FEATURES))
        require_choice(functional, "functional", list(loyalty.KANO_ANSWERS))
        require_choice(dysfunctional, "dysfunctional", list(loyalty.KANO_ANSWERS))
        self.features = loyalty.kano_features(survey)
        self.feature = widgets.Dropdown(options=[(i18n.pick(loyalty.feature_text(f)), f) for f in loyalty.KANO_FEATURES],
                                        value=feature, description=i18n.t("kq_feature"),
                                        layout=widgets.Layout(width="420px"))
        answers = [(i18n.pick(spec), code) for code, spec in loyalty.KANO_ANSWERS.items()]
        self.functional = widgets.Dropdown(options=answers, value=functional, description=i18n.t("kq_functional"))
        self.dysfunctional = widgets.Dropdown(options=answers, value=dysfunctional,
                                              description=i18n.t("kq_dysfunctional"))
        for control, css in ((self.feature, "feature"), (self.functional, "functional"),
                             (self.dysfunctional, "dysfunctional")):
            control.add_class(f"crm-kano-{css}")
            self.on(control, self.update)
        self.questions, self.result, self.compare = widgets.HTML(), widgets.HTML(), widgets.HTML()
        for part, css in ((self.questions, "questions"), (self.result, "result"), (self.compare, "compare")):
            part.add_class(f"crm-kano-{css}")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="760px"))
        self.chart.add_class("crm-kano-chart")
        self.status = status_area("kano")
        self._picture = None
        self.category = None
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('kq_title'))}</b>"), self.feature, self.questions,
                          self.functional, self.dysfunctional, self.status, self.result, self.compare, self.chart],
                         name="kano", title=i18n.t("kq_title"))
        self.start()

    @shows_errors()
    def update(self) -> None:
        """Classify the student's answers and compare them with Hengtai's customers' for the feature."""
        feature = self.feature.value
        texts = loyalty.feature_text(feature)
        lang = i18n.get_language()
        self.questions.value = (f"<p>1. {html.escape(texts[f'functional_{lang}'])}<br>"
                                f"2. {html.escape(texts[f'dysfunctional_{lang}'])}</p>")
        self.category = loyalty.kano_classify(self.functional.value, self.dysfunctional.value)
        self.result.value = self._result(feature, texts)
        self.compare.value = self._compare(feature)
        self.chart.value = self._frame(feature, self.category)

    def _result(self, feature: str, texts: dict) -> str:
        spec, lang = loyalty.KANO_CATEGORIES[self.category], i18n.get_language()
        lines = [html.escape(i18n.t("kq_answers", feature=i18n.pick(texts), category=i18n.pick(spec))),
                 html.escape(spec[f"meaning_{lang}"])]
        need = spec["need"]
        if need is None:
            lines.append(html.escape(i18n.t("kq_no_need")))
        else:
            need_spec = loyalty.NEED_CLASSES[need]
            lines.append(html.escape(i18n.t("kq_need", need=i18n.pick(need_spec), advice=need_spec[f"advice_{lang}"])))
        lines.append(note(i18n.t("kq_mapping")))
        return card("".join(f"<p>{line}</p>" for line in lines), css="crm-kano-card")

    def _compare(self, feature: str) -> str:
        row = self.features.loc[feature]
        n = int(row["answers"])
        if n == 0:
            return ""
        dominant = str(row["dominant"])
        same = float(row[self.category]) / n
        text = i18n.t("kq_hengtai", n=n, dominant=i18n.pick(loyalty.KANO_CATEGORIES[dominant]),
                      share=float(row["dominant_share"]), same=same)
        verdict = coloured(i18n.t("kq_agree"), "good") if self.category == dominant else coloured(
            i18n.t("kq_disagree"), "bad")
        return f"<p>{html.escape(text)}</p><p>{verdict}</p>"

    def _frame(self, feature: str, category: str) -> bytes:
        from crmlessons.plots.loyalty import kano_chart, update_kano_chart

        if self._picture is None:
            self._ax = kano_chart(self.features, feature, category, ax=new_figure(KANO_SIZE).subplots())
            self._picture = FastChart(self._ax.figure)
        return self._picture.update({self._ax: ((feature, category),
                                                lambda: update_kano_chart(self._ax, self.features, feature, category))})


@tables(survey=[column for f in loyalty.KANO_FEATURES for column in loyalty.kano_columns(f)])
def kano_questionnaire(survey=None, *, feature: str = "on_time_delivery", functional: str = "neutral",
                       dysfunctional: str = "neutral") -> KanoQuestionnaire:
    """Return the Kano questionnaire (compared with the survey in use unless ``survey`` is given).

    Examples
    --------
    >>> w = kano_questionnaire(feature="branded_gifts")
    >>> w.category, "crm-kano-card" in w.result.value
    ('I', True)
    """
    return KanoQuestionnaire(survey, feature=feature, functional=functional, dysfunctional=dysfunctional)


def _move_matrix(w: MatrixExplorer, i: int) -> None:
    if i % 3 == 0:
        w.satisfaction.value = 2 + i % 4
    elif i % 3 == 1:
        w.loyalty.value = 1.5 + 0.25 * (i % 13)
    else:
        w.group.value = list(loyalty.MATRIX_GROUPS)[i % 4]


def _move_kano(w: KanoQuestionnaire, i: int) -> None:
    answers = list(loyalty.KANO_ANSWERS)
    if i % 3 == 0:
        w.feature.value = loyalty.KANO_FEATURES[i % len(loyalty.KANO_FEATURES)]
    elif i % 3 == 1:
        w.functional.value = answers[i % 5]
    else:
        w.dysfunctional.value = answers[(i // 3) % 5]


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [
    ("matrix explorer: move the satisfaction / loyalty thresholds, pick a group", MatrixExplorer, _move_matrix),
    ("Kano questionnaire: pick a feature / answer the two questions", KanoQuestionnaire, _move_kano),
]
