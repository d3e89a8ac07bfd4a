"""The widget kit (crmlessons.widgets.base): money, HTML pieces, checked sliders, the fast redraw."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from matplotlib.figure import Figure

from crmlessons import funnel, i18n
from crmlessons.plots import funnel as funnel_plots
from crmlessons.widgets import base


def pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


# --- money: one format per language -------------------------------------------------------------

@pytest.mark.parametrize("value, english, chinese", [
    (125_000, "CNY 125,000", "12.5 万元"),
    (8_000_000, "CNY 8,000,000", "800.0 万元"),
    (3_000, "CNY 3,000", "0.30 万元"),
    (0, "CNY 0", "0.0 万元"),
    (-45_500.4, "CNY -45,500", "-4.6 万元"),
])
def test_money_has_one_format_per_language(value, english, chinese):
    assert base.money(value) == english
    with i18n.using("zh"):
        assert base.money(value) == chinese


@pytest.mark.parametrize("bad, error", [(math.inf, ValueError), (math.nan, ValueError), ("12", TypeError)])
def test_money_refuses_what_is_not_an_amount(bad, error):
    with pytest.raises(error, match="value must be"):
        base.money(bad)


def test_widgets_show_no_other_money_format():
    """No widget module formats yuan itself (CNY / 元 in its own f-strings): they all call money()."""
    import inspect
    import re

    from crmlessons.widgets import ask, funnel as funnel_widget, loss, man, strategy

    for module in (ask, funnel_widget, loss, man, strategy):
        source = inspect.getsource(module)
        labels = re.findall(r'"[^"\n]*\{[^}]*\}[^"\n]*(?:CNY|元)[^"\n]*"', source)
        assert not [t for t in labels if "万元" not in t and "（元）" not in t and "(CNY)" not in t], \
            f"{module.__name__} formats money itself: {labels}"


# --- HTML pieces escape what they are given -------------------------------------------------------

def test_card_escapes_its_title_and_keeps_its_body():
    html = base.card("<p>body</p>", title="<script>x</script> & co", css="crm-demo-card")
    assert "&lt;script&gt;x&lt;/script&gt; &amp; co" in html and "<script>" not in html
    assert "<p>body</p>" in html and 'class="crm-card crm-demo-card"' in html


def test_value_table_escapes_labels_and_values_and_names_rows():
    html = base.value_table([("kept", "Kept <b>", "1 < 2 & 3"), ("lost", "Lost", "4")], css="crm-demo")
    assert "Kept &lt;b&gt;" in html and "<b>1 &lt; 2 &amp; 3</b>" in html and "Kept <b>" not in html
    assert html.count("<tr") == 2 and 'class="crm-demo-kept"' in html and 'class="crm-demo-lost"' in html


def test_coloured_text_is_escaped_and_kinds_are_checked():
    assert base.coloured("a<b", "bad") == f'<span style="color:{base.COLOURS["bad"]}">a&lt;b</span>'
    with pytest.raises(ValueError, match="kind must be one of"):
        base.coloured("x", "pink")


def test_error_box_escapes_the_message():
    html = base.error_html(ValueError("<img src=x onerror=alert(1)>"))
    assert "<img" not in html and "&lt;img" in html


# --- sliders check their starting value against their own range -----------------------------------

@pytest.mark.parametrize("value, error, message", [
    (math.inf, ValueError, "rate must be a finite number; got inf"),
    (-math.inf, ValueError, "rate must be a finite number"),
    (math.nan, ValueError, "rate must be a number; got NaN"),
    (1.5, ValueError, "rate must be between 0 and 1; got 1.5"),
    ("0.5", TypeError, "rate must be a number; got str '0.5'"),
    (True, TypeError, "rate must be a number; got bool True"),
])
def test_slider_rejects_a_bad_starting_value_naming_argument_and_range(value, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        base.slider("rate", value, 0, 1, 0.05)


def test_slider_shows_the_value_scaled_and_whole_numbers_stay_whole():
    shares = base.slider("rates[0]", 0.625, 0, 1, 0.005, scale=100, css="crm-demo-rate")
    assert (shares.value, shares.min, shares.max, shares.step) == (62.5, 0, 100, 0.5)
    assert "crm-demo-rate" in shares._dom_classes and not shares.continuous_update
    years = base.slider("years", 5.0, 1, 15, 1, whole=True)
    assert type(years.value) is int and years.value == 5
    with pytest.raises(ValueError, match="years must be a whole number between 1 and 15; got 2.5"):
        base.slider("years", 2.5, 1, 15, 1, whole=True)


# --- the fast redraw: the same pixels as a full redraw --------------------------------------------

def test_fast_chart_repaints_the_same_pixels_as_a_full_draw():
    fig = base.new_figure((3, 2), margins={"left": 0.2, "bottom": 0.2})
    ax = fig.subplots()
    ax.grid(True)
    ax.set_axisbelow(True)  # the course's style (plots.tidy): a grid above the bars would have to move too
    bars = ax.bar([0, 1, 2], [1, 3, 2])
    ax.set_ylim(0, 4)
    chart = base.FastChart(fig)
    first = chart.frame(list(bars))
    assert first == chart.full_png()
    bars[1].set_height(0.5)
    moved = chart.frame(list(bars))
    assert moved != first and moved == chart.full_png()


def test_an_artist_that_stops_moving_is_drawn_into_the_picture_and_a_removed_one_goes():
    fig = base.new_figure((3, 2), margins={"left": 0.2, "bottom": 0.2})
    ax = fig.subplots()
    line, = ax.plot([0, 1], [0, 1])
    note = ax.text(0.05, 0.45, "first")    # away from the line: a text is drawn above lines
    chart = base.FastChart(fig)
    chart.frame([line, note])
    note.set_text("second")
    chart.frame([line, note])
    line.set_ydata([1, 0])
    frame = chart.frame([line])  # the note no longer moves: it must still show, as "second"
    assert frame == chart.full_png()
    gone = ax.text(0.6, 0.45, "gone")
    with_gone = chart.frame([line, gone])
    gone.remove()
    without = chart.frame([line, gone])
    assert without != with_gone and without == frame == chart.full_png()


def test_the_first_frame_keeps_the_constrained_layout_for_later_frames():
    fig = base.new_figure((3, 2))
    ax = fig.subplots()
    line, = ax.plot([0, 1], [0, 1])
    chart = base.FastChart(fig)
    chart.frame([line])
    position = ax.get_position().bounds
    line.set_ydata([0.2, 0.8])
    chart.frame([line])
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    assert ax.get_position().bounds == position
    assert not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)


def _funnel_reference(plan: funnel.FunnelPlan) -> np.ndarray:
    """The widget's chart drawn from scratch by the plot module, on a figure laid out as the widget's."""
    from crmlessons.widgets import funnel as funnel_widget

    fig = base.new_figure(funnel_widget.CHART_SIZE, margins=funnel_widget.MARGINS)
    left, right = fig.subplots(1, 2, width_ratios=[1.6, 1])
    funnel_plots.funnel_chart(plan.expected, ranges=(plan.low, plan.high), level=plan.level, ax=left)
    funnel_plots.deals_distribution(plan.deals, target=plan.target or None, ax=right)
    return pixels(base.figure_png(fig))


def test_the_funnel_widget_shows_the_plot_modules_charts_pixel_for_pixel():
    from crmlessons.widgets.funnel import FunnelWidget

    w = FunnelWidget()
    assert (pixels(w.chart.value) == _funnel_reference(w.result)).all()
    for move in (lambda: setattr(w.prospects, "value", 730), lambda: setattr(w.rates[1], "value", 35.0),
                 lambda: setattr(w.target, "value", 0), lambda: setattr(w.target, "value", 44)):
        move()
        shown, reference = pixels(w.chart.value), _funnel_reference(w.result)
        assert shown.shape == reference.shape
        assert (shown == reference).all(), f"{int((shown != reference).any(axis=2).sum())} pixels differ"


def test_update_funnel_draws_what_funnel_chart_draws():
    before = funnel.explore(100)
    after = funnel.explore(400, [0.5, 0.6, 0.3, 0.7, 0.4], target=8)
    moved = funnel_plots.funnel_chart(before.expected, ranges=(before.low, before.high), ax=Figure().subplots())
    funnel_plots.update_funnel(moved, after.expected, ranges=(after.low, after.high))
    fresh = funnel_plots.funnel_chart(after.expected, ranges=(after.low, after.high), ax=Figure().subplots())
    assert [t.get_text() for t in moved.texts] == [t.get_text() for t in fresh.texts]
    assert moved.get_xlim() == fresh.get_xlim()
    assert [p.get_bbox().bounds for p in moved.patches] == [p.get_bbox().bounds for p in fresh.patches]
    with pytest.raises(ValueError, match="ranges must be given exactly when the chart was drawn with them"):
        funnel_plots.update_funnel(moved, after.expected)


def test_update_deals_distribution_draws_what_deals_distribution_draws():
    before, after = funnel.explore(100).deals, funnel.explore(900, target=30).deals
    moved = funnel_plots.deals_distribution(before, target=5, ax=Figure().subplots())
    funnel_plots.update_deals_distribution(moved, after, target=30)
    fresh = funnel_plots.deals_distribution(after, target=30, ax=Figure().subplots())
    assert moved.get_xlim() == fresh.get_xlim() and moved.get_ylim() == fresh.get_ylim()
    bars = [[path.vertices.tolist() for path in ax.collections[0].get_paths()] for ax in (moved, fresh)]
    assert bars[0] == bars[1] and moved.texts[0].get_text() == fresh.texts[0].get_text()
    assert (moved.collections[0].get_facecolors() == fresh.collections[0].get_facecolors()).all()
    with pytest.raises(ValueError, match="deals must be a non-empty list of whole numbers"):
        funnel_plots.update_deals_distribution(moved, [])


def _driven(widget, moves):
    for move in moves:
        move(widget)
    return widget


@pytest.mark.parametrize("make, moves", [
    ("loss", [lambda w: setattr(w.reduction, "value", 70), lambda w: w.choose(["price", "lack_of_care"])]),
    ("man", [lambda w: w.set_facts(purchasing_power="low"), lambda w: w.set_facts(decision_power="user")]),
])
def test_other_widgets_fast_frames_equal_a_full_redraw(make, moves):
    from crmlessons.widgets import loss, man

    widget = _driven({"loss": loss.LossWhatIf, "man": man.ManQualifier}[make](), moves)
    assert (pixels(widget.chart.value) == pixels(widget._picture.full_png())).all()


def test_update_repaints_changed_columns_and_gives_back_states_seen_before():
    fig = base.new_figure((4, 2), margins={"left": 0.1, "bottom": 0.15, "wspace": 0.3})
    left, right = fig.subplots(1, 2)
    lines = {left: left.plot([0, 1], [0, 1])[0], right: right.plot([0, 1], [0, 1])[0]}
    chart, calls = base.FastChart(fig), []

    def tilt(ax, y):
        def hook():
            calls.append((ax is left, y))
            lines[ax].set_ydata([y, 1 - y])
            return [lines[ax]]
        return y, hook

    shown = {}
    for a, b in [(0, 0), (1, 0), (1, 1), (0, 0), (1, 0.5), (0, 0.5)]:
        png = chart.update({left: tilt(left, a), right: tilt(right, b)})
        if (a, b) in shown:  # seen before: the same picture, nothing drawn
            assert png is shown[(a, b)]
        else:                # drawn: the same pixels as drawing the whole figure
            assert (pixels(png) == pixels(chart.full_png())).all(), (a, b)
        shown[(a, b)] = png
    # each change called only the hook of the Axes that changed; (0, 0) again called none
    assert calls == [(True, 0), (False, 0), (True, 1), (False, 1), (False, 0.5), (True, 0)]
    assert (pixels(shown[(0, 0.5)]) == pixels(chart.full_png())).all()


@pytest.mark.parametrize("lost, legend_moves", [([10.0, 10.0, 10.0], True), ([1.0, 4.0, 10.0], False)])
def test_the_what_if_legend_moves_only_where_it_lies_over_the_bars(lost, legend_moves):
    import pandas as pd

    from crmlessons.plots.loss import update_what_if_chart, what_if_chart

    values = pd.DataFrame({"reason": ["price", "product", "competitor"], "lost_per_year": lost})
    fig = base.new_figure((5, 3))
    ax = what_if_chart(values, {"price": 0.5}, ax=fig.subplots())
    chart = base.FastChart(fig)
    chart.frame(update_what_if_chart(ax, values, {"price": 0.5}))
    moved = update_what_if_chart(ax, values, {"price": 0.9, "competitor": 0.2})
    assert (ax.get_legend() in moved) is legend_moves
    assert (pixels(chart.frame(moved)) == pixels(chart.full_png())).all()


# --- the fast redraw keeps the glyphs it drew; the simulator's years move only its lines ------

def _plain_pixels(chart) -> np.ndarray:
    """The figure of ``chart`` drawn in full by a fresh Agg renderer, which keeps no glyphs."""
    from matplotlib.backends.backend_agg import RendererAgg

    fig = chart.figure
    width, height = fig.canvas.get_width_height(physical=True)
    renderer = RendererAgg(width, height, fig.dpi)
    for artist in chart._moving:
        artist.set_animated(False)
    try:
        fig.draw(renderer)
    finally:
        for artist in chart._moving:
            artist.set_animated(True)
    return np.asarray(renderer.buffer_rgba())[..., :3]


def test_kept_glyphs_draw_the_pixels_matplotlib_draws():
    fig = base.new_figure((4, 2.5), margins={"left": 0.2, "bottom": 0.2})
    ax = fig.subplots()
    label = ax.text(0.3, 0.5, "", fontsize=9)
    ax.set_ylabel("客户数 customers")  # rotated, with fallback glyphs
    chart = base.FastChart(fig)
    for i, x in enumerate([0.3, 0.31, 0.3, 0.55, 0.3]):  # same texts again, also a fraction of a pixel away
        label.set_text(f"↓{i % 2 * 40}%   {i % 2} (0-9)")
        label.set_x(x)
        assert (pixels(chart.frame([label])) == _plain_pixels(chart)).all(), i
    assert len(chart.canvas.get_renderer()._crm_glyphs) > 10


def test_the_simulators_years_slider_moves_only_the_lines():
    from crmlessons import strategy
    from crmlessons.widgets.strategy import StrategySimulator

    w = StrategySimulator()
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in w._axes]
    assert limits[0][0][0] < 0 and limits[0][0][1] > 15  # the year axis spans the slider's range
    draws = []
    canvas_draw = w._picture.canvas.draw
    w._picture.canvas.draw = lambda: (draws.append(1), canvas_draw())[1]
    for years in (10, 5, 15, 1, 7):
        w.years.value = years
        assert [(ax.get_xlim(), ax.get_ylim()) for ax in w._axes] == limits
        line = w._axes[0].get_lines()[0]
        sim = strategy.simulate(**{**w.parameters(), "share_acquisition": w.share.value})
        chosen = sim[sim["plan"].astype(str) == "chosen"]
        assert line.get_xdata().tolist() == chosen["year"].tolist()
        assert line.get_ydata().tolist() == chosen["customers"].tolist()
    assert draws == []  # no full redraw
    del w._picture.canvas.draw
    assert (pixels(w.chart.value) == _plain_pixels(w._picture)).all()
