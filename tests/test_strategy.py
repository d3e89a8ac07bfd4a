"""The win-or-keep budget model, its charts and its widget."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlessons import i18n, strategy
from crmlessons.plots import strategy as plots
from crmlessons.widgets.strategy import BENCHMARK, StrategySimulator, simulator


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
    w.share.value = 0.6
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


# --- a firm's own figures -------------------------------------------------------------------------

def small_firm():
    """Two years: A stays, B is lost in 2024, C is won in 2024, D in 2025 (a 2023 order lies outside)."""
    customers = pd.DataFrame({"customer_id": ["A", "B", "C", "D"],
                              "acquired_date": pd.to_datetime(["2020-01-01", "2020-01-01", "2024-03-01", "2025-02-01"]),
                              "lost_date": pd.to_datetime([None, "2024-06-01", None, None]),
                              "won_back_date": pd.to_datetime([None, None, None, None])})
    orders = pd.DataFrame({"order_date": pd.to_datetime(["2023-05-01", "2024-05-01", "2024-09-01", "2025-04-01"]),
                           "margin_cny": [5_000.0, 400.0, 500.0, 1_800.0]})
    spend = pd.DataFrame({"year": [2024, 2024, 2025, 2025], "spend_type": ["acquisition", "retention"] * 2,
                          "amount_cny": [30_000.0, 8_000.0, 10_000.0, 12_000.0]})
    return orders, customers, spend


def test_firm_settings_reads_the_simulator_from_a_firms_tables():
    """By hand: 2 won, 3 kept of 4 at the start of the years; 2 + 2.5 customer-years; 2,700 CNY of margin."""
    settings = strategy.firm_settings(*small_firm())
    assert settings == pytest.approx(dict(
        share_acquisition=40_000 / 60_000, cost_new=40_000 / 2, cost_keep=20_000 / 3, margin=2_700 / 4.5,
        budget=30_000, start_customers=3, max_retention=3 / 4, base_retention=3 / 4, years=5))
    assert set(settings) == set(strategy.DEFAULTS)
    strategy.simulate(**settings)  # the settings are a valid model


def test_firm_settings_assumes_the_retention_with_no_spend_and_caps_it_at_the_firms_own():
    orders, customers, spend = small_firm()
    customers = pd.concat([customers] + [customers.iloc[[0]].assign(customer_id=f"K{i}") for i in range(20)])
    settings = strategy.firm_settings(orders, customers, spend)
    assert settings["max_retention"] == pytest.approx(43 / 44) and settings["base_retention"] == 0.8


def test_firm_settings_refuses_tables_that_show_no_customer_kept():
    orders, customers, spend = small_firm()
    with pytest.raises(ValueError, match="customers and spend must show customers won and kept"):
        strategy.firm_settings(orders, customers, spend.assign(amount_cny=0.0))
    with pytest.raises(ValueError, match=r"orders is missing column\(s\) \['margin_cny'\]"):
        strategy.firm_settings(orders.drop(columns="margin_cny"), customers, spend)


def test_the_simulator_starts_at_the_case_companys_figures():
    """Recomputed here from the shipped tables: margin per customer-year, the split, the costs, the retention."""
    from crmlessons import datasets, relationship

    orders, customers, spend = datasets.load_orders(), datasets.load_customers(), datasets.load_spend()
    b = relationship.breadth(customers)
    margin = orders.loc[orders["order_date"].dt.year.between(2019, 2025), "margin_cny"].sum()
    margin /= ((b["active_start"] + b["active_end"]) / 2).sum()
    by_type = spend.groupby("spend_type")["amount_cny"].sum()
    w = StrategySimulator()
    assert w.margin.value == round(margin / 1_000) * 1_000 and 70_000 < w.margin.value < 80_000
    assert w.share.value == pytest.approx(round(by_type["acquisition"] / by_type.sum() / 0.05) * 0.05)
    assert w.cost_new.value == round(by_type["acquisition"] / b["won"].sum() / 500) * 500
    assert w.cost_keep.value == round(by_type["retention"] / b["kept"].sum() / 100) * 100
    assert w.settings["max_retention"] == pytest.approx(b["kept"].sum() / b["active_start"].sum())
    assert w.settings["start_customers"] == b["active_end"].iloc[-1]
    assert w.settings["budget"] == pytest.approx(by_type.sum() / 7)
    assert w.retention.value == strategy.DEFAULTS["base_retention"]  # the course's assumption, said in the widget
    assert "retention with no spend is an assumption" in " ".join(c.value for c in _all_children(w)
                                                                 if hasattr(c, "value") and isinstance(c.value, str))


def test_the_case_figures_are_read_once_per_data_variant(monkeypatch):
    from crmlessons import datasets
    from crmlessons.widgets import strategy as widget

    orders, customers, spend = small_firm()
    calls = []
    monkeypatch.setattr(datasets, "current_variant", lambda: "small firm")
    monkeypatch.setattr(datasets, "load_orders", lambda: calls.append("orders") or orders)
    monkeypatch.setattr(datasets, "load_customers", lambda: customers)
    monkeypatch.setattr(datasets, "load_spend", lambda: spend)
    widget._firm_figures.cache_clear()
    try:
        first, second = widget.case_defaults(), widget.case_defaults()
    finally:
        widget._firm_figures.cache_clear()
    assert calls == ["orders"] and first == second
    assert first["cost_new"] == 20_000 and first["share_acquisition"] == pytest.approx(0.65)
    assert first["margin"] == 5_000  # 600 CNY is below the slider's range: the slider starts at its low end


def _all_children(widget):
    for child in getattr(widget, "children", ()):
        yield child
        yield from _all_children(child)
