"""What the browser tests do with every widget of every lesson: the registry lesson authors extend.

HOW TO ADD YOUR WIDGET (lesson authors, read this first)
=======================================================

Every course widget's root box has the CSS classes ``crm-widget`` and ``crm-<name>`` (the ``name``
you pass to :class:`crmlessons.widgets.base.CourseWidget`). The browser tests run every notebook of
``notebooks/`` in JupyterLab and in Voila, find every ``.crm-widget`` on the page and FAIL if one has
no spec here. For each spec they check the widget rendered (its controls are on the page, no "Error
displaying widget"), then play its steps as a student would and check what the student sees changed.

1. Give every output a student reads a CSS class in your widget, e.g.
   ``self.summary.add_class("crm-funnel-summary")`` on the HTML that prints the figures.
   A chart is an ``ipywidgets.Image`` (or an ``Output`` showing a figure): the tests look at the
   ``img`` inside your widget and check its bytes changed.
2. Add a :class:`WidgetSpec` to your lesson's list in :data:`SPECS` below (key: the two-digit lesson
   id, the prefix of the notebook's file name)::

       WidgetSpec(
           name="funnel",                                  # root has class crm-funnel
           controls=(".widget-slider", ".widget-dropdown"),  # must be on the page (CSS, inside the root)
           steps=(
               Step(slider_keys(presses=3),                 # focus the 1st slider's handle, press → 3 times
                    changes=(".crm-funnel-summary",),       # this text must change ...
                    expect={".crm-funnel-summary": "customers"},  # ... and contain this
                    chart="img"),                           # the chart's bytes must change
               Step(dropdown("Region B"), changes=(".crm-funnel-summary",), chart="img"),
           ),
       )

   Actions (each takes ``nth=`` for the n-th such control inside the widget, 0 = first):
   ``slider_keys(presses=3, key="ArrowRight")`` keyboard on a slider handle;
   ``slider_drag(to=0.8)`` drags the handle to 80 % of the track; ``dropdown("label")`` picks an
   option; ``toggle("label")`` clicks a ToggleButtons button; ``radio("label")`` clicks a RadioButtons
   option; ``button("label")`` clicks a Button; ``checkbox()`` ticks/unticks a Checkbox;
   ``text("value")`` types into a Text/number box and presses Enter.
   Selectors may use Playwright's ``>> nth=i`` to pick the i-th match, e.g.
   ``".crm-quiz-feedback >> nth=2"``.
3. Use at least one slider *drag* or *keyboard* step per slider and at least one step per kind of
   control. Leave the widget as a student would expect to find it (e.g. switch a language back).
4. If the same widget appears twice in one notebook, add two specs with ``instance=0`` and ``instance=1``.
5. A quiz needs nothing but ``quiz_spec("NN")``: it answers every question wrong, then right, using
   ``crmlessons.lessons.get_quiz``. Exercise checks (``crm.check("NN.name", answer)`` cells) are found
   in the notebook and tested automatically (right and wrong answer); they need no spec.
6. Run ``python -m pytest tests/e2e -k NN`` (about half a minute). On failure, screenshots of the
   widget before/after and of the whole page are in ``test-artifacts/e2e/`` (path printed).

Examples
--------
>>> spec = quiz_spec("00")
>>> spec.name, len(spec.steps) == 2 * len(__import__("crmlessons.lessons").lessons.get_quiz("00")) + 1
('quiz', True)
>>> sorted(s.name for s in specs_for("00_start_here.ipynb"))
['language', 'quiz']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

# ---------------------------------------------------------------------------------------------
# The vocabulary: actions, steps and specs.

#: Default CSS selector (inside the widget root) of each kind of ipywidgets 8 control.
CONTROL = {
    "slider_keys": ".widget-slider .noUi-handle",
    "slider_drag": ".widget-slider .noUi-handle",
    "dropdown": ".widget-dropdown select",
    "toggle": ".widget-toggle-buttons",
    "radio": ".widget-radio-box",
    "button": "button.jupyter-button",
    "checkbox": ".widget-checkbox input[type=checkbox]",
    "text": ".widget-text input, .widget-textarea textarea",
}


@dataclass(frozen=True)
class Action:
    """One thing a student does to a control; build it with the helpers below."""

    kind: str
    label: str = ""      # option/button label (dropdown, toggle, radio, button) or text typed (text)
    nth: int = 0         # which control of that kind inside the widget, 0 = first
    presses: int = 0     # slider_keys: how many key presses
    key: str = ""        # slider_keys: which key
    to: float = 0.0      # slider_drag: where to drop the handle, 0..1 along the track
    target: str = ""     # CSS selector of the control (defaults to CONTROL[kind])

    @property
    def selector(self) -> str:
        """CSS selector of the control, relative to the widget root."""
        return self.target or CONTROL[self.kind]

    def __str__(self) -> str:
        detail = self.label or (f"{self.key} x{self.presses}" if self.presses else f"to {self.to:.0%}" if self.to else "")
        return f"{self.kind}[{self.nth}] {detail}".strip()


def slider_keys(presses: int = 3, key: str = "ArrowRight", nth: int = 0, target: str = "") -> Action:
    """Focus the ``nth`` slider handle and press ``key`` ``presses`` times."""
    return Action("slider_keys", nth=nth, presses=presses, key=key, target=target)


def slider_drag(to: float = 0.8, nth: int = 0, target: str = "") -> Action:
    """Drag the ``nth`` slider handle with the mouse to fraction ``to`` of its track."""
    if not 0 <= to <= 1:
        raise ValueError(f"to must be between 0 and 1; got {to}")
    return Action("slider_drag", nth=nth, to=to, target=target)


def dropdown(label: str, nth: int = 0, target: str = "") -> Action:
    """Pick the option labelled ``label`` in the ``nth`` dropdown."""
    return Action("dropdown", label=label, nth=nth, target=target)


def toggle(label: str, nth: int = 0, target: str = "") -> Action:
    """Click the button labelled ``label`` of the ``nth`` ToggleButtons group."""
    return Action("toggle", label=label, nth=nth, target=target)


def radio(label: str, nth: int = 0, target: str = "") -> Action:
    """Click the option labelled ``label`` of the ``nth`` RadioButtons group."""
    return Action("radio", label=label, nth=nth, target=target)


def button(label: str, nth: int = 0, target: str = "") -> Action:
    """Click the ``nth`` button labelled ``label``."""
    return Action("button", label=label, nth=nth, target=target)


def checkbox(nth: int = 0, target: str = "") -> Action:
    """Click the ``nth`` checkbox (ticks it, or unticks it)."""
    return Action("checkbox", nth=nth, target=target)


def text(value: str, nth: int = 0, target: str = "") -> Action:
    """Replace the content of the ``nth`` text/number box with ``value`` and press Enter."""
    return Action("text", label=value, nth=nth, target=target)


@dataclass(frozen=True)
class Step:
    """An action and what the student must then see.

    ``changes``: selectors (inside the widget) whose visible text must differ from before the step.
    ``expect``: selector -> text that must then appear in it.
    ``chart``: selector of an ``img`` (inside the widget) whose image bytes must change.
    At least one of them must be given: a step that checks nothing proves nothing.
    """

    action: Action
    changes: tuple[str, ...] = ()
    expect: Mapping[str, str] = field(default_factory=dict)
    chart: str | None = None

    def __post_init__(self) -> None:
        if not (self.changes or self.expect or self.chart):
            raise ValueError(f"step {self.action} checks nothing: give changes, expect or chart")


@dataclass(frozen=True)
class WidgetSpec:
    """How to test one widget: its root class, the controls it must show and the steps to play."""

    name: str                      # the root has CSS class crm-<name>
    controls: tuple[str, ...]      # CSS selectors (inside the root) that must be visible
    steps: tuple[Step, ...]
    instance: int = 0              # which widget with this class in the notebook, 0 = first

    def __post_init__(self) -> None:
        if not self.controls or not self.steps:
            raise ValueError(f"widget spec {self.name!r} needs at least one control and one step")

    @property
    def root(self) -> str:
        """CSS selector of the widget's root box."""
        return f".crm-widget.crm-{self.name}"

    @property
    def id(self) -> str:
        """Short name for test ids."""
        return self.name if not self.instance else f"{self.name}#{self.instance}"


# ---------------------------------------------------------------------------------------------
# Generic specs shared by every lesson.

def language_spec() -> WidgetSpec:
    """The English / 中文 switch: Chinese, then back to English (so later widgets stay English)."""
    return WidgetSpec(
        name="language",
        controls=(".widget-toggle-buttons button:text-is('English')", ".widget-toggle-buttons button:text-is('中文')",
                  ".crm-language-status"),
        steps=(Step(toggle("中文"), changes=(".crm-language-status",),
                    expect={".crm-language-status": "语言：简体中文"}),
               Step(toggle("English"), changes=(".crm-language-status",),
                    expect={".crm-language-status": "Language: English"})),
    )


def quiz_spec(lesson: str) -> WidgetSpec:
    """The end-of-lesson quiz: every question answered wrong (feedback "Not quite."), then right."""
    from crmlessons.lessons import get_quiz

    questions = get_quiz(lesson)
    steps = []
    for i, q in enumerate(questions):
        wrong = next(j for j in range(len(q.options)) if j != q.correct)
        feedback = f".crm-quiz-feedback >> nth={i}"
        steps.append(Step(radio(q.options[wrong]["en"], nth=i), changes=(feedback, ".crm-quiz-score"),
                          expect={feedback: "Not quite."}))
        steps.append(Step(radio(q.options[q.correct]["en"], nth=i), changes=(feedback, ".crm-quiz-score"),
                          expect={feedback: "Correct."}))
    n = len(questions)
    # The last step re-checks the final score (a click on the already-right answer changes nothing).
    steps.append(Step(radio(questions[-1].options[questions[-1].correct]["en"], nth=n - 1),
                      expect={".crm-quiz-score": f"Score: {n} of {n} right ({n} answered)"}))
    return WidgetSpec(name="quiz", controls=(".crm-quiz-options input[type=radio]", ".crm-quiz-score"),
                      steps=tuple(steps))


# ---------------------------------------------------------------------------------------------
# THE REGISTRY: lesson id -> the specs of every widget its notebook shows (add yours here).

def qualifier_spec(instance: int, low: str, influencer: str, over_12_months: str) -> WidgetSpec:
    """Lesson 03's MAN qualifier, with the labels of the language it was built in."""
    result, similar = ".crm-qualifier-result", ".crm-qualifier-similar"
    return WidgetSpec(
        name="qualifier", instance=instance,
        controls=(".crm-qualifier-money", ".crm-qualifier-authority", ".crm-qualifier-need",
                  ".crm-qualifier-timeline", ".crm-qualifier-lead"),
        steps=(
            Step(toggle(low), changes=(result, similar), expect={result: "m+A+N"}, chart="img"),
            Step(slider_keys(presses=3, key="ArrowLeft"), changes=(result,), chart="img"),
            Step(toggle(influencer, nth=1), changes=(result,)),
            Step(dropdown(over_12_months, nth=1), changes=(result,)),
            Step(dropdown("L03730", nth=0), changes=(result,)),
        ),
    )


def simulator_spec(instance: int, result_text: str) -> WidgetSpec:
    """Lesson 01's strategy simulator: the budget split and the years sliders."""
    result = ".crm-simulator-result"
    return WidgetSpec(
        name="simulator", instance=instance,
        controls=(".crm-simulator-share", ".crm-simulator-cost-new", ".crm-simulator-cost-keep",
                  ".crm-simulator-retention", ".crm-simulator-margin", ".crm-simulator-years"),
        steps=(Step(slider_keys(presses=3, nth=0), changes=(result,), expect={result: result_text}, chart="img"),
               Step(slider_drag(to=0.2, nth=1), changes=(result,), chart="img"),
               Step(slider_keys(presses=2, nth=5), changes=(result,), chart="img")),
    )


def ask_spec() -> WidgetSpec:
    """Lesson 02's ASK self-assessment: an item slider, the comparison dropdown, the save button."""
    return WidgetSpec(
        name="ask", controls=(".crm-ask-item-A1", ".crm-ask-item-K4", ".crm-ask-compare", ".crm-ask-save"),
        steps=(Step(slider_keys(presses=2), changes=(".crm-ask-profile",), chart="img"),
               Step(slider_drag(to=0.0, nth=5), changes=(".crm-ask-profile",), chart="img"),
               Step(dropdown("teammate SP007"), chart="img"),
               Step(button("Save my profile"), changes=(".crm-ask-saved",), expect={".crm-ask-saved": "ask_profile.json"})),
    )


def funnel_spec() -> WidgetSpec:
    """Lesson 04's funnel: prospects, a stage rate, target and confidence sliders, the two preset buttons."""
    summary, plan = ".crm-funnel-summary", ".crm-funnel-plan"
    return WidgetSpec(
        name="funnel", controls=(".crm-funnel-prospects", ".crm-funnel-rate", ".crm-funnel-target",
                                 ".crm-funnel-confidence", ".crm-funnel-source", ".crm-funnel-case"),
        steps=(Step(slider_keys(presses=3), changes=(summary,), expect={summary: "Expected deals"}, chart="img"),
               Step(slider_keys(presses=3, nth=3), changes=(plan,), chart="img"),
               Step(slider_keys(presses=2, nth=6), changes=(plan,), expect={plan: "prospects"}, chart="img"),
               Step(slider_drag(to=0.2, nth=7), changes=(plan,)),
               Step(button("Hengtai's own rates"), changes=(summary,), chart="img"),
               Step(button("Source's 100 → 5, course's stages"), changes=(summary,), chart="img")),
    )


def loss_whatif_spec(instance: int) -> WidgetSpec:
    """Lesson 05's what-if: the reduction slider, a reason checkbox, the discount slider."""
    result = ".crm-loss-whatif-result"
    return WidgetSpec(
        name="loss-whatif", instance=instance,
        controls=(".crm-loss-whatif-reason", ".crm-loss-whatif-reduction", ".crm-loss-whatif-discount"),
        steps=(Step(slider_keys(presses=5, nth=0), changes=(result,), chart="img"),
               Step(checkbox(nth=0), changes=(result,), chart="img"),
               Step(slider_keys(presses=3, nth=1), changes=(result,))),
    )


def value_balance_spec() -> WidgetSpec:
    """Lesson 06's delivered-value balance: the three lever sliders and the competitor-copies box."""
    result, levers = ".crm-value-balance-result", ".crm-value-balance-levers"
    return WidgetSpec(
        name="value-balance",
        controls=(".crm-value-balance-financial", ".crm-value-balance-social", ".crm-value-balance-structural",
                  ".crm-value-balance-copied"),
        steps=(Step(slider_keys(presses=10, nth=2), changes=(result,), expect={result: "picks Hengtai"}, chart="img"),
               Step(slider_drag(to=0.5, nth=0), changes=(result,), chart="img"),
               Step(checkbox(nth=0), changes=(result, levers), chart="img"),
               Step(slider_keys(presses=3, nth=1), changes=(result,), chart="img")),
    )


def clv_spec(instance: int, result_text: str) -> WidgetSpec:
    """Lesson 06's CLV calculator: margin, retention, discount rate, years and acquisition cost sliders."""
    result = ".crm-clv-result"
    return WidgetSpec(
        name="clv", instance=instance,
        controls=(".crm-clv-margin", ".crm-clv-retention", ".crm-clv-discount", ".crm-clv-years", ".crm-clv-cost"),
        steps=(Step(slider_keys(presses=3, nth=0), changes=(result,), expect={result: result_text}, chart="img"),
               Step(slider_drag(to=0.3, nth=1), changes=(result,), chart="img"),
               Step(slider_keys(presses=2, nth=2), changes=(result,), chart="img"),
               Step(slider_keys(presses=5, nth=3), changes=(result,), chart="img"),
               Step(slider_drag(to=0.8, nth=4), changes=(result,), chart="img")),
    )


def segments_spec() -> WidgetSpec:
    """Lesson 06's RFM segment explorer: the segment dropdown, the sort buttons, the customers-listed slider."""
    result, customers = ".crm-segments-result", ".crm-segments-listing"
    return WidgetSpec(
        name="segments", controls=(".crm-segments-segment", ".crm-segments-sort", ".crm-segments-shown"),
        steps=(Step(dropdown("Champions"), changes=(result, customers), expect={result: "Champions"}, chart="img"),
               Step(toggle("last purchase"), changes=(customers,)),
               Step(slider_keys(presses=2), changes=(customers,))),
    )


def matrix_spec(instance: int, group_text: str, loyalists: str) -> WidgetSpec:
    """Lesson 07's satisfaction x loyalty matrix explorer: the two threshold sliders, the group dropdown, the
    customers-listed slider (labels of the language it was built in)."""
    counts, result, customers = ".crm-matrix-counts", ".crm-matrix-result", ".crm-matrix-customers"
    return WidgetSpec(
        name="matrix", instance=instance,
        controls=(".crm-matrix-satisfaction", ".crm-matrix-loyalty", ".crm-matrix-group", ".crm-matrix-shown"),
        steps=(Step(slider_keys(presses=1, nth=0), changes=(counts, result), expect={counts: group_text}, chart="img"),
               Step(slider_drag(to=0.2, nth=1), changes=(counts,), chart="img"),
               Step(dropdown(loyalists), changes=(result, customers), expect={result: loyalists}, chart="img"),
               Step(slider_keys(presses=2, nth=2), changes=(customers,))),
    )


def kano_spec() -> WidgetSpec:
    """Lesson 07's Kano questionnaire: the two answer dropdowns, then the feature dropdown."""
    result, compare = ".crm-kano-result", ".crm-kano-compare"
    return WidgetSpec(
        name="kano", controls=(".crm-kano-feature", ".crm-kano-functional", ".crm-kano-dysfunctional"),
        steps=(Step(dropdown("I like it", nth=1), changes=(result, compare), expect={result: "Attractive"}, chart="img"),
               Step(dropdown("I dislike it", nth=2), changes=(result,), expect={result: "One-dimensional"}, chart="img"),
               Step(dropdown("Application engineering", nth=0), changes=(".crm-kano-questions", compare),
                    expect={".crm-kano-questions": "application engineer"}, chart="img")),
    )


def plan_spec() -> WidgetSpec:
    """Lesson 08's plan builder: the keep-share slider, the MAN rule dropdown, a 3rd and a 4th value factor, save."""
    result, status, saved = ".crm-plan-result", ".crm-plan-status", ".crm-plan-saved"
    price, energy = ".crm-plan-factor-price input[type=checkbox]", ".crm-plan-factor-energy input[type=checkbox]"
    return WidgetSpec(
        name="plan", controls=(".crm-plan-keep", ".crm-plan-rule", ".crm-plan-factor-price", ".crm-plan-save"),
        steps=(Step(slider_keys(presses=3), changes=(result,), expect={result: "on keeping"}),
               Step(dropdown("leads with at least 2 of M, A, N"), changes=(result,), expect={result: "M+A+n"}),
               Step(checkbox(target=price), changes=(result,), expect={result: "Money cost"}),
               Step(checkbox(target=energy), changes=(status, result), expect={status: "Tick 2 or 3 value factors"}),
               Step(checkbox(target=energy), changes=(status, result), expect={result: "Money cost"}),
               Step(button("Save the plan"), changes=(saved,), expect={saved: "in your work folder"})),
    )


def accounts_spec(lost_customer: str, lost_list: str, lost_on: str, not_a_customer: str) -> WidgetSpec:
    """Lesson 08's account review (and the review app): another customer, another list, a bad id then a good one
    (labels of the language it was built in)."""
    card, status, customers = ".crm-accounts-card", ".crm-accounts-status", ".crm-accounts-customer"
    lost_option = f"\xa0·\xa0{lost_list}\xa0·\xa0"  # "C00001 · Lost · ...": ipywidgets shows labels with no-break spaces
    return WidgetSpec(
        name="accounts", controls=(".crm-accounts-show", ".crm-accounts-customer", ".crm-accounts-typed"),
        steps=(Step(dropdown(lost_customer, nth=1), changes=(card,), expect={card: lost_on}, chart=".crm-accounts-chart"),
               Step(dropdown(lost_list, nth=0), changes=(customers, card), expect={customers: lost_option},
                    chart=".crm-accounts-chart"),
               Step(text("X99999"), changes=(status,), expect={status: not_a_customer}),
               Step(text("C00014"), changes=(status, card), expect={card: "C00014"}, chart=".crm-accounts-chart")),
    )


SPECS: dict[str, list[WidgetSpec]] = {
    "00": [language_spec(), quiz_spec("00")],
    "01": [simulator_spec(0, "Customers after"), simulator_spec(1, "方案"), quiz_spec("01")],
    "02": [ask_spec(), quiz_spec("02")],
    "03": [qualifier_spec(0, "Low", "Influencer", "Over 12 months"),
           qualifier_spec(1, "低", "影响者", "12个月以上"), quiz_spec("03")],
    "04": [funnel_spec(), quiz_spec("04")],
    "05": [loss_whatif_spec(0), loss_whatif_spec(1), quiz_spec("05")],
    "06": [value_balance_spec(), segments_spec(), clv_spec(0, "CLV over"), clv_spec(1, "客户终身价值"), quiz_spec("06")],
    "07": [matrix_spec(0, "Mercenaries", "Loyalists"), kano_spec(), matrix_spec(1, "唯利是图者", "忠诚者"), quiz_spec("07")],
    "08": [plan_spec(), accounts_spec("Was lost: C01283", "Lost", "lost on", "is not in customers"), quiz_spec("08")],
}


def lesson_of(notebook: str) -> str:
    """Return the lesson id of a notebook file name, e.g. ``"00_start_here.ipynb"`` -> ``"00"``."""
    return notebook.split("_", 1)[0]


def specs_for(notebook: str) -> list[WidgetSpec]:
    """Return the widget specs of ``notebook`` (a file name); empty when the lesson has none."""
    return list(SPECS.get(lesson_of(notebook), []))
