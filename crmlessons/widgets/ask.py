"""The ASK self-assessment widget (lesson 02): twelve sliders, a live radar, a profile with suggestions.

A student rates the twelve statements of the course's item bank (1 = strongly disagree, 5 = strongly
agree). The radar of Attitude, Skill and Knowledge and the profile (strengths, weakest dimension,
coaching suggestions) follow every move. A second profile can be drawn on the same radar: one passed
in (``compare_with=``: a manager's view of the student, or last month's answers), the profile the
student saved earlier, or any teammate of the case company's sales team picked from the dropdown.
"Save my profile" writes the answers to the student's work folder (never into the course files).

Examples
--------
>>> w = AskSelfAssessment(compare_with={"A": 50, "S": 50, "K": 50}, compare_label="Manager's view")
>>> w.set_answers({"S1": 5, "S2": 5, "S3": 5, "S4": 1})
>>> float(w.scores["S"])
100.0
>>> "Skill" in w.profile_html.value
True
>>> w.compare("SP001")
>>> w.compare_choice.value
'SP001'
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import ipywidgets as widgets

from crmlessons import ask, i18n
from crmlessons.plots import ask as ask_plots
from crmlessons.widgets.base import CHART_DPI, CourseWidget, canvas_png, shows_errors

i18n.register({
    "ask_w_title": ("ASK self-assessment", "ASK 自我评估"),
    "ask_w_scale": ("Rate each statement: 1 = strongly disagree ... 5 = strongly agree.",
                    "请为每句话打分：1 = 非常不同意 …… 5 = 非常同意。"),
    "ask_w_compare": ("Compare with", "对比对象"),
    "ask_w_none": ("nobody", "不对比"),
    "ask_w_saved_option": ("my saved profile", "我保存的画像"),
    "ask_w_teammate": ("teammate {id}", "同事 {id}"),
    "ask_w_save": ("Save my profile", "保存我的画像"),
    "ask_w_saved": ("Saved to {name} in your work folder.", "已保存到作业文件夹中的 {name}。"),
    "ask_w_no_saved": ("no saved profile yet: press 'Save my profile' first", "还没有保存的画像：请先点击“保存我的画像”"),
    "ask_w_unknown_teammate": ("no salesperson {id!r} in the team table", "团队表中没有销售人员 {id!r}"),
})

#: File the "Save my profile" button writes, inside the student's work folder.
PROFILE_FILE = "ask_profile.json"
#: Chart size of the widget's radar (inches); the layout is fixed so that an update only redraws.
RADAR_SIZE = (5.6, 4.2)


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
    target = Path(folder) if folder is not None else work_folder()
    target.mkdir(parents=True, exist_ok=True)
    path = target / PROFILE_FILE
    record = {"answers": checked, "scores": {d: round(float(v), 2) for d, v in ask.score(checked).items()}}
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return path


def load_profile(folder: str | Path | None = None) -> dict | None:
    """Return the answers saved by :func:`save_profile`, or None when nothing was saved yet."""
    from crmlessons.workfolder import work_folder

    path = (Path(folder) if folder is not None else work_folder(create=False)) / PROFILE_FILE
    if not path.is_file():
        return None
    return ask.check_answers(json.loads(path.read_text(encoding="utf-8"))["answers"])


def _radar_figure():
    """A figure with a fixed layout (no layout engine): redrawing it after a slider move stays fast."""
    from matplotlib.figure import Figure

    i18n.setup_fonts()
    fig = Figure(figsize=RADAR_SIZE, dpi=CHART_DPI)
    fig.subplots_adjust(left=0.06, right=0.74, top=0.8, bottom=0.08)
    return fig


class _FastRadar:
    """Redraw only the profiles over a cached picture of the rest of the radar (blitting).

    A full matplotlib draw of a polar chart takes 20-40 ms; restoring the cached grid and drawing the
    two polygons, the score numbers and the legend takes a few, which keeps a slider move well under
    0.1 s even on a busy classroom PC.
    """

    def __init__(self, fig, ax):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.fig, self.ax = fig, ax
        self.canvas = FigureCanvasAgg(fig)
        self.background = None

    def reset(self) -> None:
        """Cache the static picture (call after the radar was drawn from scratch)."""
        for artist in ask_plots.radar_moving_parts(self.ax):
            artist.set_animated(True)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)

    def png(self) -> bytes:
        """Return the chart, with the profiles as they are now, as PNG bytes."""
        self.canvas.restore_region(self.background)
        for artist in ask_plots.radar_moving_parts(self.ax):
            self.fig.draw_artist(artist)
        return canvas_png(self.canvas)


def _as_scores(profile) -> "ask.pd.Series":
    """Turn answers (12 items), scores (A, S, K) or a Profile into A, S, K scores."""
    if isinstance(profile, ask.Profile):
        return profile.scores
    if hasattr(profile, "keys") and all(d in profile.keys() for d in ask.DIMENSIONS):
        return ask._scores(profile)
    return ask.score(profile)


class AskSelfAssessment(CourseWidget):
    """The questionnaire as sliders, a live radar of A, S and K, and the profile with suggestions.

    Parameters
    ----------
    answers : dict, optional
        Starting answers (default: 3 for every item).
    compare_with : dict, pandas.Series, Profile or str, optional
        A second profile to draw on the same radar: answers to the 12 items, A/S/K scores, a
        :class:`crmlessons.ask.Profile`, or a salesperson id of the team table (e.g. ``"SP007"``).
    compare_label : str, optional
        Its name in the legend and the dropdown (default "Comparison").
    salespeople : pandas.DataFrame, optional
        The team whose members the dropdown offers (default: ``datasets.load_salespeople()``).
    work_folder : path, optional
        Where "Save my profile" writes (default: the student's work folder).
    """

    def __init__(self, answers=None, compare_with=None, compare_label: str | None = None, salespeople=None,
                 work_folder: str | Path | None = None):
        from crmlessons.datasets import load_ask_items, load_salespeople

        self.items = load_ask_items()
        self.team = load_salespeople() if salespeople is None else salespeople
        self._team_scores = ask.score(self.team)
        self._folder = work_folder
        self._quiet = False
        start = ask.check_answers(answers) if answers is not None else dict.fromkeys(ask.item_ids(self.items), 3)
        if isinstance(compare_with, str):
            compare_label = compare_label or compare_with
            compare_with = self._teammate(compare_with)
        self._given = None if compare_with is None else _as_scores(compare_with)
        self._given_label = compare_label or i18n.t("ask_chart_compare")

        self.sliders: dict[str, widgets.IntSlider] = {}
        rows = [widgets.HTML(f"<i>{html.escape(i18n.t('ask_w_scale'))}</i>")]
        for item in ask.item_ids(self.items):
            slider = widgets.IntSlider(value=start[item], min=ask.SCALE[0], max=ask.SCALE[1], step=1,
                                       continuous_update=False, layout=widgets.Layout(width="150px"))
            slider.add_class("crm-ask-item")
            slider.add_class(f"crm-ask-item-{item}")
            slider.observe(self._changed, names="value")
            label = widgets.HTML(f"<b>{item}</b> {html.escape(ask.item_text(item, self.items))}",
                                 layout=widgets.Layout(width="360px"))
            label.add_class("crm-ask-item-text")
            rows.append(widgets.HBox([label, slider]))
            self.sliders[item] = slider

        options = [(i18n.t("ask_w_none"), "none")]
        if self._given is not None:
            options.append((self._given_label, "given"))
        options.append((i18n.t("ask_w_saved_option"), "saved"))
        options += [(i18n.t("ask_w_teammate", id=sid), sid) for sid in self._team_scores.index]
        self.compare_choice = widgets.Dropdown(options=options, value="given" if self._given is not None else "none",
                                               description=i18n.t("ask_w_compare"),
                                               style={"description_width": "initial"})
        self.compare_choice.add_class("crm-ask-compare")
        self.compare_choice.observe(lambda change: self._redraw(), names="value")
        self.save_button = widgets.Button(description=i18n.t("ask_w_save"), icon="save")
        self.save_button.add_class("crm-ask-save")
        self.save_button.on_click(lambda _: self.save())
        self.saved = widgets.HTML()
        self.saved.add_class("crm-ask-saved")

        self.chart = widgets.Image(format="png")
        self.chart.add_class("crm-ask-chart")
        self.profile_html = widgets.HTML()
        self.profile_html.add_class("crm-ask-profile")
        self.status = widgets.HTML()
        self.status.add_class("crm-ask-status")

        self._fig = _radar_figure()
        self._ax = self._fig.add_subplot(projection="polar")
        self._radar = _FastRadar(self._fig, self._ax)
        self._draw_radar()

        questionnaire = widgets.VBox(rows, layout=widgets.Layout(margin="0 16px 0 0"))
        results = widgets.VBox([self.compare_choice, self.chart, self.profile_html,
                                widgets.HBox([self.save_button, self.saved])])
        body = widgets.HBox([questionnaire, results], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([widgets.HTML(f"<h3>{html.escape(i18n.t('ask_w_title'))}</h3>"), body, self.status],
                         name="ask", title=i18n.t("ask_w_title"))
        self._redraw()

    # -- what a student does -------------------------------------------------------------------

    @property
    def answers(self) -> dict[str, int]:
        """The current answers, item id -> 1..5."""
        return {item: slider.value for item, slider in self.sliders.items()}

    @property
    def scores(self):
        """The current A, S, K scores (0-100)."""
        return ask.score(self.answers, self.items)

    def set_answers(self, answers) -> None:
        """Move the sliders to ``answers`` (some or all items), then update once."""
        unknown = [k for k in answers if k not in self.sliders]
        if unknown:
            raise ValueError(f"answers has unknown item id(s) {unknown}; the items are {list(self.sliders)}")
        self._quiet = True
        try:
            for item, value in answers.items():
                self.sliders[item].value = ask._answer_value(value, item)
        finally:
            self._quiet = False
        self._update()

    def compare(self, choice: str) -> None:
        """Pick the comparison: ``"none"``, ``"given"``, ``"saved"`` or a salesperson id."""
        self.compare_choice.value = choice

    def save(self) -> Path | None:
        """Save the current answers to the work folder (what the button does)."""
        return self._save()

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

    def _changed(self, change) -> None:
        if not self._quiet:
            self._update()

    def _draw_radar(self) -> None:
        """Draw the radar once, with a (possibly hidden) second profile, and cache its static parts."""
        scores = self.scores
        ask_plots.radar(scores, compare=scores, labels=(i18n.t("ask_chart_you"), i18n.t("ask_chart_compare")),
                        ax=self._ax)
        self._radar.reset()

    @shows_errors(lambda self: self.status)
    def _redraw(self) -> None:
        """The comparison changed: move (or hide) the dashed profile, then update."""
        other, label = self._comparison()
        if other is None:
            ask_plots.radar_update(self._ax, show_compare=False)
        else:
            ask_plots.radar_update(self._ax, compare=other, compare_label=label, show_compare=True)
        self._update()

    @shows_errors(lambda self: self.status)
    def _update(self) -> None:
        """A slider moved: new profile text, and only the student's polygon and labels redrawn."""
        result = ask.assess(self.answers, self.items)
        ask_plots.radar_update(self._ax, result.scores)
        self.chart.value = self._radar.png()
        self.profile_html.value = result._repr_html_()

    @shows_errors(lambda self: self.status)
    def _save(self) -> Path:
        path = save_profile(self.answers, self._folder)
        self.saved.value = html.escape(i18n.t("ask_w_saved", name=path.name))
        return path


def self_assessment(answers=None, compare_with=None, compare_label: str | None = None) -> AskSelfAssessment:
    """Return the ASK self-assessment widget (see :class:`AskSelfAssessment`)."""
    return AskSelfAssessment(answers=answers, compare_with=compare_with, compare_label=compare_label)


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

