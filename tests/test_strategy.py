"""The win-or-keep budget model, its charts and its widget."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlessons import i18n, strategy
from crmlessons.plots import strategy as plots
from crmlessons.widgets.strategy import BENCHMARK, StrategySimulator, simulator


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def last(sim):
    return strategy.summary(sim)


def test_simulate_shape_and_start():
    sim = strategy.simulate(years=4)
    assert len(sim) == 3 * 5 and list(sim["plan"].cat.categories) == list(strategy.PLANS)
    start = sim[sim["year"] == 0]
    assert (start["customers"] == 1000).all() and (start["cumulative_profit"] == 0).all()


def test_all_acquisition_follows_the_closed_form():
    """N_t = N0 b^t + (B / c) (1 - b^t) / (1 - b) when everything goes to winning."""
    sim = strategy.simulate(years=6)
    acq = sim[sim["plan"] == "all_acquisition"].set_index("year")["customers"]
    b, budget, cost, n0 = 0.8, 1_000_000, 10_000, 1000
    for t in range(7):
        assert acq[t] == pytest.approx(n0 * b ** t + budget / cost * (1 - b ** t) / (1 - b))


def test_retention_spend_saves_cost_keep_each_at_first_and_never_beyond_the_cap():
    tiny = strategy.simulate(share_acquisition=0.0, budget=1_000, years=1)
    saved = tiny[(tiny["plan"] == "chosen") & (tiny["year"] == 1)]["saved_customers"].iloc[0]
    assert saved == pytest.approx(1_000 / 2_000, rel=0.01)  # the first customers cost cost_keep each
    huge = strategy.simulate(share_acquisition=0.0, budget=1e12, years=3)
    kept = huge[huge["plan"] == "chosen"]["customers"].to_numpy()
    assert kept[1:] == pytest.approx(1000 * 0.95 ** np.arange(1, 4))  # the cap: at most 95 % stay


def test_chosen_plan_at_the_extremes_equals_the_extreme_plan():
    for share, plan in ((1.0, "all_acquisition"), (0.0, "all_retention")):
        table = last(strategy.simulate(share_acquisition=share))
        assert table.loc["chosen", "cumulative_profit"] == pytest.approx(table.loc[plan, "cumulative_profit"])


def test_break_even_ratio_makes_the_extremes_equal():
    ratio = strategy.break_even_ratio()
    table = last(strategy.simulate(cost_new=ratio * 2_000))
    assert table.loc["all_acquisition", "cumulative_profit"] == pytest.approx(
        table.loc["all_retention", "cumulative_profit"])
    assert ratio < 5  # with the sources' 5 : 1, keeping everyone beats winning only
    cheaper = last(strategy.simulate(cost_new=(ratio - 0.5) * 2_000))
    assert cheaper.loc["all_acquisition", "cumulative_profit"] > cheaper.loc["all_retention", "cumulative_profit"]


def test_break_even_edge_cases():
    assert math.isinf(strategy.break_even_ratio(max_retention=0.8))
    assert math.isnan(strategy.break_even_ratio(budget=0))


def test_best_share_is_a_mix_by_default_and_all_winning_when_winning_is_cheap():
    assert 0 < strategy.best_share() < 1
    assert strategy.best_share(cost_new=1_000) == 1.0
    assert strategy.best_share(base_retention=0.7) == pytest.approx(0.28)


@settings(max_examples=60, deadline=None)
@given(share=st.floats(0, 1), cost_new=st.floats(500, 50_000), cost_keep=st.floats(100, 20_000),
       base=st.floats(0.3, 0.95), years=st.integers(1, 12))
def test_model_invariants(share, cost_new, cost_keep, base, years):
    """Customers stay positive; retention never beats the cap; more budget never means fewer customers."""
    sim = strategy.simulate(share_acquisition=share, cost_new=cost_new, cost_keep=cost_keep, base_retention=base,
                            years=years, max_retention=max(base, 0.95))
    assert (sim["customers"] > 0).all() and np.isfinite(sim["cumulative_profit"]).all()
    chosen = sim[sim["plan"] == "chosen"]
    previous = chosen["customers"].to_numpy()[:-1]
    saved = chosen["saved_customers"].to_numpy()[1:]
    assert (saved <= (max(base, 0.95) - base) * previous + 1e-6).all()
    richer = strategy.simulate(share_acquisition=share, cost_new=cost_new, cost_keep=cost_keep, base_retention=base,
                               years=years, max_retention=max(base, 0.95), budget=2_000_000)
    assert (richer["customers"].to_numpy() >= sim["customers"].to_numpy() - 1e-6).all()


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="share_acquisition must be between 0 and 1; got 1.5"):
        strategy.simulate(share_acquisition=1.5)
    with pytest.raises(TypeError, match="years must be a whole number; got float 2.5"):
        strategy.simulate(years=2.5)
    with pytest.raises(ValueError, match="cost_new must be at least 1; got 0"):
        strategy.simulate(cost_new=0)
    with pytest.raises(ValueError, match=r"max_retention must be at least base_retention \(0.9\); got 0.8"):
        strategy.simulate(base_retention=0.9, max_retention=0.8)
    with pytest.raises(TypeError, match="margin must be a number; got str"):
        strategy.simulate(margin="lots")
    with pytest.raises(ValueError, match=r"sim is missing column\(s\)"):
        strategy.summary(strategy.simulate().drop(columns="customers"))


def test_charts_are_bilingual():
    from matplotlib.figure import Figure

    sim = strategy.simulate(share_acquisition=0.3)
    ax = plots.customers_over_time(sim, ax=Figure().subplots())
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "Your split (30% to winning)"
    i18n.set_language("zh")
    ax = plots.profit_over_time(sim, ax=Figure().subplots())
    assert ax.get_title() == "累计利润"


def test_widget_reacts_to_every_slider():
    w = StrategySimulator()
    assert {"crm-widget", "crm-simulator"} <= set(w._dom_classes)
    for control, value in ((w.share, 0.8), (w.cost_new, 20_000), (w.cost_keep, 4_000), (w.retention, 0.7),
                           (w.margin, 12_000), (w.years, 9)):
        result, chart = w.result.value, w.chart.value
        control.value = value
        assert w.status.value == ""
        assert w.result.value != result, control.description
        assert w.chart.value != chart, control.description
    assert "Customers after 9 years" in w.result.value


def test_widget_css_classes_are_stable():
    w = simulator()
    parts = {"share": w.share, "cost-new": w.cost_new, "cost-keep": w.cost_keep, "retention": w.retention,
             "margin": w.margin, "years": w.years, "result": w.result, "chart": w.chart, "status": w.status}
    for part, control in parts.items():
        assert f"crm-simulator-{part}" in control._dom_classes


def test_widget_shows_errors_in_words(monkeypatch):
    w = StrategySimulator()

    def broken(**kwargs):
        raise ValueError("cost_new must be at least 1; got 0")

    monkeypatch.setattr(strategy, "simulate", broken)
    w.share.value = 0.25
    assert "That did not work: cost_new must be at least 1" in w.status.value


def test_widget_built_after_switch_speaks_chinese():
    i18n.set_language("zh")
    w = StrategySimulator()
    assert w.share.description == "获客预算占比" and "方案" in w.result.value
    assert repr(w).startswith("策略模拟器")


def test_benchmark_cases_run():
    for _, make, update in BENCHMARK:
        w = make()
        update(w, 3)
        assert w.status.value == ""


def test_simulator_built_in_chinese_keeps_answering_in_chinese():
    from crmlessons import i18n
    from crmlessons.widgets.strategy import simulator

    i18n.set_language("zh")
    try:
        widget = simulator()
    finally:
        i18n.set_language("en")
    slider = next(c for c in _all_children(widget) if "crm-simulator-share" in getattr(c, "_dom_classes", ()))
    slider.value = min(slider.max, slider.value + 2 * slider.step)
    result = next(c for c in _all_children(widget) if "crm-simulator-result" in getattr(c, "_dom_classes", ()))
    assert "方案" in result.value and "Plan" not in result.value
    assert i18n.get_language() == "en"


def _all_children(widget):
    for child in getattr(widget, "children", ()):
        yield child
        yield from _all_children(child)
