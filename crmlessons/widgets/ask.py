"""The ASK self-assessment widget (lesson 02): twelve sliders, a live radar, a profile with suggestions.

A student rates the twelve statements of the course's item bank (1 = strongly disagree, 5 = strongly
agree). The radar of Attitude, Skill and Knowledge and the profile (strengths, weakest dimension,
coaching suggestions) follow every move. A second profile can be drawn on the same radar: one passed
in (``compare_with=``: a manager's view of the student, or last month's answers), the profile the
student saved earlier, or any teammate of the case company's sales team picked from the dropdown.
"Save my profile" writes the answers to the student's work folder (never into the course files).

Examples
--------
>>> view = {"en": "Manager's view", "zh": "经理评价"}
>>> w = AskSelfAssessment(compare_with={"A": 50, "S": 50, "K": 50}, compare_label=view)
>>> w.set_answers({"S1": 5, "S2": 5, "S3": 5, "S4": 1})
>>> float(w.scores["S"])
100.0
>>> "Skill" in w.profile_html.value
True
>>> w.compare("SP001")
>>> w.compare_choice.value
'SP001'
>>> with i18n.using("zh"):
...     AskSelfAssessment(compare_with={"A": 50, "S": 50, "K": 50}, compare_label=view).compare_choice.label
'经理评价'
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import ipywidgets as widgets

from crmlessons import ask, i18n
from crmlessons.checks import require_table
from crmlessons.plots import ask as ask_plots
from crmlessons.widgets.base import CourseWidget, FastChart, heading, new_figure, note, shows_errors, slider, status_area

i18n.register({
    "ask_w_title": ("ASK self-assessment", "ASK 自我评估"),
    "ask_w_scale": ("Rate each statement: 1 = strongly disagree ... 5 = strongly agree.",
                    "请为每句话打分：1 = 非常不同意 …… 5 = 非常同意。"),
    "ask_w_compare": ("Compare with", "对比对象"),
    "ask_w_none": ("nobody", "不对比"),
    "ask_w_saved_option": ("my saved profile", "我保存的画像"),
    "ask_w_teammate": ("teammate {id}", "同事 {id}"),
    "ask_w_save": ("Save my profile", "保存我的画像"),
    "ask_w_saved": ("Saved to {name} in your work folder.", "已保存到学习文件夹中的 {name}。"),
    "ask_w_no_saved": ("no saved profile yet: press 'Save my profile' first", "还没有保存的画像：请先点击“保存我的画像”"),
    "ask_w_unknown_teammate": ("no salesperson {id!r} in the team table", "团队表中没有销售人员 {id!r}"),
})

#: File the "Save my profile" button writes, inside the student's work folder.
PROFILE_FILE = "ask_profile.json"
#: Chart size of the widget's radar (inches) and its fixed margins.
RADAR_SIZE = (5.6, 4.2)
RADAR_MARGINS = {"left": 0.06, "right": 0.74, "top": 0.8, "bottom": 0.08}


def save_profile(answers, folder: str | Path | None = None) -> Path:
    """Write ``answers`` (checked) and their scores to ``ask_profile.json`` in the work folder.

    Parameters
    ----------
    answers : dict or pandas.Series
        One answer (1-5) per item.
    folder : path, optional
        Where to write (default: :func:`crmlessons.workfolder.work_folder`).

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> save_profile(dict.fromkeys(ask.item_ids(), 4), folder).name
    'ask_profile.json'
    >>> load_profile(folder)["S4"]
    4
    """
    from crmlessons.workfolder import work_folder

    checked = ask.check_answers(answers)
    target = _folder(folder) or work_folder()
    target.mkdir(parents=True, exist_ok=True)
    path = target / PROFILE_FILE
    record = {"answers": checked, "scores": {d: round(float(v), 2) for d, v in ask.score(checked).items()}}
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return path


def load_profile(folder: str | Path | None = None) -> dict | None:
    """Return the answers saved by :func:`save_profile`, or None when nothing was saved yet."""
    from crmlessons.workfolder import work_folder

    path = (_folder(folder) or work_folder(create=False)) / PROFILE_FILE
    if not path.is_file():
        return None
    return ask.check_answers(json.loads(path.read_text(encoding="utf-8"))["answers"])


def _as_scores(profile) -> "ask.pd.Series":
    """Turn ``compare_with`` (answers to the 12 items, A/S/K scores or a Profile) into A, S, K scores."""
    if isinstance(profile, ask.Profile):
        return profile.scores
    if not hasattr(profile, "keys"):
        raise TypeError("compare_with must be answers to the items, A/S/K scores, a Profile or a salesperson id; "
                        f"got {type(profile).__name__}")
    try:
        if all(d in profile.keys() for d in ask.DIMENSIONS):
            return ask._scores(profile)
        return ask.score(profile)
    except (TypeError, ValueError) as problem:
        raise type(problem)(f"compare_with: {problem}") from None


def _folder(folder, name: str = "folder") -> Path | None:
    if folder is not None and not isinstance(folder, (str, os.PathLike)):
        raise TypeError(f"{name} must be a path (text or pathlib.Path) or None; got {type(folder).__name__}")
    return None if folder is None else Path(folder)


def _label_text(label) -> str | None:
    """A legend name given as text, as ``{"en": ..., "zh": ...}`` or as an (English, Chinese) pair."""
    if label is None or isinstance(label, str):
        return label
    if isinstance(label, (tuple, list)) and len(label) == len(i18n.LANGUAGES):
        label = dict(zip(i18n.LANGUAGES, label))
    if isinstance(label, dict) and all(isinstance(label.get(lang), str) for lang in i18n.LANGUAGES):
        return i18n.pick(label)
    raise TypeError("compare_label must be a string, {'en': ..., 'zh': ...} or an (English, Chinese) pair; "
                    f"got {type(label).__name__} {label!r}")


class AskSelfAssessment(CourseWidget):
    """The questionnaire as sliders, a live radar of A, S and K, and the profile with suggestions.

    Parameters
    ----------
    answers : dict, optional
        Starting answers (default: 3 for every item).
    compare_with : dict, pandas.Series, Profile or str, optional
        A second profile to draw on the same radar: answers to the 12 items, A/S/K scores, a
        :class:`crmlessons.ask.Profile`, or a salesperson id of the team table (e.g. ``"SP007"``).
    compare_label : str, dict or pair, optional
        Its name in the legend and the dropdown (default "Comparison"). Give it in both languages,
        ``{"en": "Manager's view", "zh": "经理评价"}``, so that it follows the course language.
    salespeople : pandas.DataFrame, optional
        The team whose members the dropdown offers (default: ``datasets.load_salespeople()``).
    work_folder : path, optional
        Where "Save my profile" writes (default: the student's work folder).
    """

    def __init__(self, answers=None, compare_with=None, compare_label=None, salespeople=None,
                 work_folder: str | Path | None = None):
        from crmlessons.datasets import load_ask_items, load_salespeople

        self.items = load_ask_items()
        if salespeople is None:
            salespeople = load_salespeople()
        self.team = require_table(salespeople, "salespeople", "salespeople",
                                  ["salesperson_id", *ask.item_ids(self.items)])
        self._team_scores = ask.score(self.team)
        self._folder = _folder(work_folder, "work_folder")
        start = ask.check_answers(answers) if answers is not None else dict.fromkeys(ask.item_ids(self.items), 3)
        compare_label = _label_text(compare_label)
        if isinstance(compare_with, str):
            compare_label = compare_label or compare_with
            compare_with = self._teammate(compare_with)
        self._given = None if compare_with is None else _as_scores(compare_with)
        self._given_label = compare_label or i18n.t("ask_chart_compare")
        self._shown_compare = None
        questionnaire = self._questionnaire(start)
        results = self._results()
        body = widgets.HBox([questionnaire, results], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([widgets.HTML(heading(i18n.t("ask_w_title"))), body, self.status],
                         name="ask", title=i18n.t("ask_w_title"))
        self.start(self._redraw)

    def _questionnaire(self, start: dict) -> widgets.VBox:
        self.sliders: dict[str, widgets.IntSlider] = {}
        rows = [widgets.HTML(note(i18n.t("ask_w_scale")))]
        for item in ask.item_ids(self.items):
            control = slider(f"answers[{item!r}]", start[item], ask.SCALE[0], ask.SCALE[1], 1, whole=True,
                             css="crm-ask-item", width="150px")
            control.add_class(f"crm-ask-item-{item}")
            self.on(control, self._update)
            label = widgets.HTML(f"<b>{item}</b> {html.escape(ask.item_text(item, self.items))}",
                                 layout=widgets.Layout(width="360px"))
            label.add_class("crm-ask-item-text")
            rows.append(widgets.HBox([label, control]))
            self.sliders[item] = control
        return widgets.VBox(rows, layout=widgets.Layout(margin="0 16px 0 0"))

    def _results(self) -> widgets.VBox:
        options = [(i18n.t("ask_w_none"), "none")]
        if self._given is not None:
            options.append((self._given_label, "given"))
        options.append((i18n.t("ask_w_saved_option"), "saved"))
        options += [(i18n.t("ask_w_teammate", id=sid), sid) for sid in self._team_scores.index]
        self.compare_choice = widgets.Dropdown(options=options, value="given" if self._given is not None else "none",
                                               description=i18n.t("ask_w_compare"),
                                               style={"description_width": "initial"})
        self.compare_choice.add_class("crm-ask-compare")
        self.on(self.compare_choice, self._redraw)
        self.save_button = widgets.Button(description=i18n.t("ask_w_save"), icon="save")
        self.save_button.add_class("crm-ask-save")
        self.on_click(self.save_button, self.save)
        self.saved = widgets.HTML()
        self.saved.add_class("crm-ask-saved")
        self.chart = widgets.Image(format="png")
        self.chart.add_class("crm-ask-chart")
        self.profile_html = widgets.HTML()
        self.profile_html.add_class("crm-ask-profile")
        self.status = status_area("ask")
        fig = new_figure(RADAR_SIZE, margins=RADAR_MARGINS)
        self._ax = fig.add_subplot(projection="polar")
        scores = self.scores  # drawn with a second profile (hidden when there is no comparison)
        ask_plots.radar(scores, compare=scores, labels=(i18n.t("ask_chart_you"), i18n.t("ask_chart_compare")),
                        ax=self._ax)
        self._radar = FastChart(fig)
        return widgets.VBox([self.compare_choice, self.chart, self.profile_html,
                             widgets.HBox([self.save_button, self.saved])])

    # -- what a student does -------------------------------------------------------------------

    @property
    def answers(self) -> dict[str, int]:
        """The current answers, item id -> 1..5."""
        return {item: control.value for item, control in self.sliders.items()}

    @property
    def scores(self):
        """The current A, S, K scores (0-100)."""
        return ask.score(self.answers, self.items)

    def set_answers(self, answers) -> None:
        """Move the sliders to ``answers`` (some or all items), then update once."""
        unknown = [k for k in answers if k not in self.sliders]
        if unknown:
            raise ValueError(f"answers has unknown item id(s) {unknown}; the items are {list(self.sliders)}")
        with self.quietly():
            for item, value in answers.items():
                self.sliders[item].value = ask._answer_value(value, item)
        self._update()

    def compare(self, choice: str) -> None:
        """Pick the comparison: ``"none"``, ``"given"``, ``"saved"`` or a salesperson id."""
        self.compare_choice.value = choice

    @shows_errors()
    def save(self) -> Path:
        """Save the current answers to the work folder (what the button does)."""
        path = save_profile(self.answers, self._folder)
        self.saved.value = html.escape(i18n.t("ask_w_saved", name=path.name))
        return path

    # -- machinery -----------------------------------------------------------------------------

    def _teammate(self, salesperson_id: str):
        if salesperson_id not in self._team_scores.index:
            raise ValueError(i18n.t("ask_w_unknown_teammate", id=salesperson_id))
        return self._team_scores.loc[salesperson_id]

    def _comparison(self):
        choice = self.compare_choice.value
        if choice == "none":
            return None, ""
        if choice == "given":
            return self._given, self._given_label
        if choice == "saved":
            saved = load_profile(self._folder)
            if saved is None:
                raise ValueError(i18n.t("ask_w_no_saved"))
            return ask.score(saved), i18n.t("ask_w_saved_option")
        return self._teammate(choice), choice

    @shows_errors()
    def _redraw(self) -> None:
        """The comparison changed: move (or hide) the dashed profile, then update."""
        other, label = self._comparison()
        if other is None:
            ask_plots.radar_update(self._ax, show_compare=False)
        else:
            ask_plots.radar_update(self._ax, compare=other, compare_label=label, show_compare=True)
        self._shown_compare = (label, None if other is None else tuple(float(v) for v in other))
        self._update()

    @shows_errors()
    def _update(self) -> None:
        """A slider moved: new profile text, and only the profiles, numbers and legend repainted."""
        result = ask.assess(self.answers, self.items)

        def move() -> list:
            ask_plots.radar_update(self._ax, result.scores)
            return ask_plots.radar_moving_parts(self._ax)

        key = (tuple(float(v) for v in result.scores), self._shown_compare)
        self.chart.value = self._radar.update({self._ax: (key, move)})
        self.profile_html.value = result._repr_html_()


def self_assessment(answers=None, compare_with=None, compare_label=None, *, salespeople=None,
                    work_folder: str | Path | None = None) -> AskSelfAssessment:
    """Return the ASK self-assessment widget (see :class:`AskSelfAssessment`)."""
    return AskSelfAssessment(answers=answers, compare_with=compare_with, compare_label=compare_label,
                             salespeople=salespeople, work_folder=work_folder)


def _move_slider(widget: AskSelfAssessment, i: int) -> None:
    slider = list(widget.sliders.values())[i % len(widget.sliders)]
    slider.value = slider.value % ask.SCALE[1] + 1


def _pick_teammate(widget: AskSelfAssessment, i: int) -> None:
    ids = list(widget._team_scores.index)
    widget.compare(ids[i % len(ids)])


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [
    ("ask: move an item slider (radar + profile)", AskSelfAssessment, _move_slider),
    ("ask: pick a teammate to compare", AskSelfAssessment, _pick_teammate),
]

