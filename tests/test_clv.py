"""Lesson 06, probabilistic CLV: the BG/NBD and Gamma-Gamma models (crmlessons.clv).

The references the tests hold the code to come from outside it: the models' formulas written out
again here with ``math.lgamma`` (not the module's code path), the worked figures of Fader and Hardie's
BG/NBD spreadsheet note for the CDNOW estimates, parameters recovered from data simulated under each
model, and Monte Carlo means of an event-by-event simulation written in this file.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlessons import clv

#: The published CDNOW estimates (Fader, Hardie & Lee 2005; Fader & Hardie 2013).
CDNOW = dict(r=0.243, alpha=4.414, a=0.793, b=2.426)
CDNOW_SPEND = dict(p=6.25, q=3.74, v=15.44)


def cdnow_like(n: int, seed: int) -> pd.DataFrame:
    """Customers drawn from the CDNOW model, with CDNOW's spread of ages (27 to 39 weeks)."""
    ages = np.random.default_rng(1000 + seed).uniform(27, 39, n)
    return clv.simulate_bgnbd(n, **CDNOW, T=ages, random_state=seed)


# ---------------------------------------------------------------------------------------------
# The likelihoods, written out again from the papers

def hand_bgnbd_likelihood(r, alpha, a, b, x, t_x, T) -> float:
    """Fader, Hardie & Lee (2005) eq. 6, as printed (not in log form): the log of the sum of the
    "still alive at T" and "dropped out right after the last purchase" terms."""
    beta = lambda p, q: math.exp(math.lgamma(p) + math.lgamma(q) - math.lgamma(p + q))  # noqa: E731
    common = math.exp(math.lgamma(r + x) - math.lgamma(r)) * alpha ** r
    alive = beta(a, b + x) / beta(a, b) * common / (alpha + T) ** (r + x)
    dropped = beta(a + 1, b + x - 1) / beta(a, b) * common / (alpha + t_x) ** (r + x) if x > 0 else 0.0
    return math.log(alive + dropped)


def hand_gamma_gamma_likelihood(p, q, v, x, m) -> float:
    """The density of the mean m of x purchases (Fader & Hardie 2013): integrate the Gamma(p x, nu x)
    density of m over nu ~ Gamma(q, v)."""
    return (math.lgamma(p * x + q) - math.lgamma(p * x) - math.lgamma(q) + q * math.log(v)
            + p * x * math.log(x) + (p * x - 1) * math.log(m) - (p * x + q) * math.log(v + x * m))


def hand_total(summary, params) -> float:
    return sum(hand_bgnbd_likelihood(*params, x, t_x, T)
               for x, t_x, T in summary[["frequency", "recency", "T"]].itertuples(index=False))


def test_one_customers_log_likelihood_is_the_papers_formula():
    summary = pd.DataFrame({"frequency": [0, 1, 3, 2], "recency": [0.0, 5.0, 20.5, 30.43],
                            "T": [10.0, 12.0, 38.0, 38.86]})
    got = clv.bgnbd_log_likelihood(clv.BGNBDFit(**CDNOW), summary)
    for (x, t_x, T), value in zip(summary.itertuples(index=False), got):
        assert value == pytest.approx(hand_bgnbd_likelihood(*CDNOW.values(), x, t_x, T), rel=1e-12)
    # A customer without repeat purchases, by hand: (alpha / (alpha + T)) ** r.
    assert got.iloc[0] == pytest.approx(CDNOW["r"] * math.log(CDNOW["alpha"] / (CDNOW["alpha"] + 10)))


def test_large_frequencies_do_not_overflow():
    summary = pd.DataFrame({"frequency": [400, 2000, 400], "recency": [399.0, 1999.0, 380.0],
                            "T": [400.0, 2000.0, 400.0]})
    fit = clv.BGNBDFit(**CDNOW)
    assert np.isfinite(clv.bgnbd_log_likelihood(fit, summary)).all()
    alive = clv.p_alive(fit, summary)
    assert ((alive.iloc[:2] > 0.9) & (alive.iloc[:2] <= 1)).all()  # bought every week until last week
    assert 0 < alive.iloc[2] < 1e-4  # a weekly buyer silent for 20 weeks
    summary = summary.iloc[:2]
    ahead = clv.expected_purchases(fit, 52, summary)
    assert np.isfinite(ahead).all() and (ahead > 40).all()  # about one a week for another year


def test_the_fit_is_the_maximum_of_the_papers_likelihood():
    summary = cdnow_like(300, seed=5)
    fit = clv.fit_bgnbd(summary)
    best = list(fit.params.values())
    assert fit.log_likelihood == pytest.approx(hand_total(summary, best), rel=1e-10)
    for i in range(4):
        for step in (0.97, 1.03):
            moved = best.copy()
            moved[i] *= step
            assert hand_total(summary, moved) < fit.log_likelihood


def test_gamma_gamma_likelihood_and_fit_agree_with_the_formula():
    summary = cdnow_like(2000, seed=6)
    summary["monetary_value"] = clv.simulate_gamma_gamma(summary["frequency"], **CDNOW_SPEND, random_state=6)
    gg = clv.fit_gamma_gamma(summary)
    buyers = summary[summary["frequency"] > 0]
    assert gg.n_customers == len(buyers)

    def total(p, q, v):
        return sum(hand_gamma_gamma_likelihood(p, q, v, x, m)
                   for x, m in buyers[["frequency", "monetary_value"]].itertuples(index=False))

    assert gg.log_likelihood == pytest.approx(total(gg.p, gg.q, gg.v), rel=1e-10)
    for name in ("p", "q", "v"):
        for step in (0.97, 1.03):
            assert total(**{**gg.params, name: gg.params[name] * step}) < gg.log_likelihood
    per_customer = clv.gamma_gamma_log_likelihood(gg, summary)
    assert (per_customer[summary["frequency"] == 0] == 0).all()


# ---------------------------------------------------------------------------------------------
# Against published figures

def test_conditional_expectation_matches_fader_hardies_worked_example():
    """Fader & Hardie's BG/NBD spreadsheet note: a CDNOW customer with 2 repeat purchases, the last
    at 30.43 weeks, 38.86 weeks old, is expected to make 1.226 purchases in the next 39 weeks."""
    one = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]})
    assert clv.expected_purchases(clv.BGNBDFit(**CDNOW), 39, one).iloc[0] == pytest.approx(1.226, abs=0.001)


def test_new_customer_expectation_matches_fader_hardies_figures():
    """The same note's E[X(t)] under the CDNOW estimates (the printed 3-digit parameters move the
    later figures by up to 0.003)."""
    fit = clv.BGNBDFit(**CDNOW)
    published = {0.1429: 0.0078, 1.0: 0.0532, 3.0: 0.1506, 31.8571: 1.0405, 32.0: 1.0437, 78.0: 1.8576}
    for t, value in published.items():
        assert clv.expected_purchases_new(fit, t) == pytest.approx(value, abs=0.004)


def test_the_stable_form_equals_eq_10_as_printed():
    """Eq. 10 written as in the paper (hypergeometric 2F1(r+x, b+x; a+b+x-1; z)) for small x."""
    from scipy.special import hyp2f1

    r, alpha, a, b = CDNOW.values()
    fit = clv.BGNBDFit(**CDNOW)
    summary = pd.DataFrame({"frequency": [0, 1, 4, 7], "recency": [0.0, 3.0, 25.0, 36.0], "T": [20.0, 30.0, 38.0, 39.0]})
    got = clv.expected_purchases(fit, 26, summary)
    alive = clv.p_alive(fit, summary)
    for (x, t_x, T), value, p in zip(summary.itertuples(index=False), got, alive):
        z = 26 / (alpha + T + 26)
        printed = ((a + b + x - 1) / (a - 1)
                   * (1 - ((alpha + T) / (alpha + T + 26)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)))
        assert value == pytest.approx(p * printed, rel=1e-9)
        odds = (a / (b + x - 1)) * ((alpha + T) / (alpha + t_x)) ** (r + x) if x > 0 else 0.0
        assert p == pytest.approx(1 / (1 + odds), rel=1e-12)


# ---------------------------------------------------------------------------------------------
# Parameter recovery. The spread of the estimates was measured over 30 seeds of 4,000 customers
# (CDNOW model, ages 27-39 weeks): standard deviation r 0.010, alpha 0.255, a 0.112, b 0.461, with no
# visible bias (means 0.243, 4.382, 0.788, 2.441). The test averages 5 seeds and allows 3 standard
# errors of that mean (sd * 3 / sqrt(5)); each single fit may be off by up to 4 sd.

BGNBD_SD = dict(r=0.010, alpha=0.255, a=0.112, b=0.461)


def test_bgnbd_recovers_the_parameters_it_was_drawn_from():
    fits = [clv.fit_bgnbd(cdnow_like(4000, seed)) for seed in range(5)]
    for name, true in CDNOW.items():
        estimates = np.array([fit.params[name] for fit in fits])
        assert abs(estimates.mean() - true) < 3 * BGNBD_SD[name] / math.sqrt(5), (name, estimates)
        assert (abs(estimates - true) < 4 * BGNBD_SD[name]).all(), (name, estimates)
    assert all(fit.n_customers == 4000 and fit.log_likelihood < 0 for fit in fits)


# Gamma-Gamma, measured the same way (about 1,620 repeat customers per seed): sd p 0.878, q 0.226,
# v 2.478, and the mean spend p v / (q - 1) 0.628 (means 6.48, 3.73, 15.13, 35.24).
GAMMA_GAMMA_SD = dict(p=0.878, q=0.226, v=2.478)


def test_gamma_gamma_recovers_the_parameters_it_was_drawn_from():
    fits = []
    for seed in range(5):
        summary = cdnow_like(4000, seed)
        summary["monetary_value"] = clv.simulate_gamma_gamma(summary["frequency"], **CDNOW_SPEND, random_state=seed)
        fits.append(clv.fit_gamma_gamma(summary))
    for name, true in CDNOW_SPEND.items():
        estimates = np.array([fit.params[name] for fit in fits])
        assert abs(estimates.mean() - true) < 3 * GAMMA_GAMMA_SD[name] / math.sqrt(5), (name, estimates)
    true_mean = CDNOW_SPEND["p"] * CDNOW_SPEND["v"] / (CDNOW_SPEND["q"] - 1)
    assert abs(np.mean([fit.mean_spend for fit in fits]) - true_mean) < 3 * 0.628 / math.sqrt(5)


def test_a_cdnow_sized_fit_reproduces_its_likelihood_and_size():
    summary = cdnow_like(2357, seed=11)
    fit = clv.fit_bgnbd(summary)
    assert fit.n_customers == 2357
    assert fit.log_likelihood == pytest.approx(clv.bgnbd_log_likelihood(fit, summary).sum())
    assert repr(fit).startswith("BGNBDFit(r=0.2") and "n_customers=2357" in repr(fit)


# ---------------------------------------------------------------------------------------------
# Behaviour of the predictions

def test_customers_without_repeat_purchases_are_alive():
    summary = pd.DataFrame({"frequency": [0, 0, 0], "recency": [0.0, 0.0, 0.0], "T": [1.0, 30.0, 500.0]})
    assert clv.p_alive(clv.BGNBDFit(**CDNOW), summary).tolist() == [1.0, 1.0, 1.0]


def test_p_alive_falls_as_the_silence_grows():
    ages = np.arange(21.0, 80.0, 3.0)
    summary = pd.DataFrame({"frequency": 4, "recency": 20.0, "T": ages})
    alive = clv.p_alive(clv.BGNBDFit(**CDNOW), summary).to_numpy()
    assert (np.diff(alive) < 0).all() and alive[0] > 0.8 and alive[-1] < 0.05


def test_expected_purchases_grow_with_the_horizon():
    fit = clv.BGNBDFit(**CDNOW)
    summary = pd.DataFrame({"frequency": [0, 2, 7], "recency": [0.0, 30.0, 10.0], "T": [39.0, 39.0, 39.0]})
    ahead = np.array([clv.expected_purchases(fit, t, summary).to_numpy() for t in (0, 1, 10, 52, 520)])
    assert (ahead[0] == 0).all() and (np.diff(ahead, axis=0) > 0).all()
    news = [clv.expected_purchases_new(fit, t) for t in (0, 1, 10, 52, 520)]
    assert news[0] == 0 and (np.diff(news) > 0).all()


def test_new_customer_expectation_is_the_simulators_mean():
    fit = clv.BGNBDFit(**CDNOW)
    for t in (10.0, 52.0):
        draws = clv.simulate_bgnbd(40_000, **CDNOW, T=t, random_state=int(t))["frequency"]
        error = draws.std() / math.sqrt(len(draws))
        assert abs(draws.mean() - clv.expected_purchases_new(fit, t)) < 4 * error


def event_histories(n, r, alpha, a, b, T, t, seed):
    """An event-by-event BG/NBD simulation, written independently of ``clv.simulate_bgnbd``: gaps
    between purchases, a dropout coin after each repeat purchase. Returns the calibration summary
    (ages 0..T), the purchases in (T, T + t] and whether the customer is alive at T."""
    rng = np.random.default_rng(seed)
    rate = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    most = 250
    times = np.cumsum(rng.exponential(1 / rate[:, None], (n, most)), axis=1)
    leaves = rng.random((n, most)) < p[:, None]  # drops out right after this purchase
    made = np.cumsum(np.concatenate([np.zeros((n, 1), bool), leaves[:, :-1]], axis=1), axis=1) == 0
    assert ((times[:, -1] > T + t) | ~made[:, -1]).all(), "raise `most`: a customer may buy more often"
    in_cal = made & (times <= T)
    x = in_cal.sum(axis=1)
    t_x = np.where(x > 0, np.where(in_cal, times, 0).max(axis=1), 0.0)
    holdout = (made & (times > T) & (times <= T + t)).sum(axis=1)
    alive = ~(leaves & in_cal).any(axis=1)
    summary = pd.DataFrame({"frequency": x, "recency": t_x, "T": float(T)})
    return summary, holdout, alive


def test_conditional_expectation_and_p_alive_match_a_simulation():
    summary, holdout, alive = event_histories(12_000, **CDNOW, T=39.0, t=39.0, seed=7)
    fit = clv.BGNBDFit(**CDNOW)
    predicted = clv.expected_purchases(fit, 39, summary).to_numpy()
    # In total and among the repeat buyers: within 4 standard errors of the simulated sums.
    for rows in (np.ones(len(summary), bool), summary["frequency"].to_numpy() >= 3):
        error = holdout[rows].std() * math.sqrt(rows.sum())
        assert abs(predicted[rows].sum() - holdout[rows].sum()) < 4 * error
    buyers = summary["frequency"].to_numpy() > 0
    p = clv.p_alive(fit, summary).to_numpy()[buyers]
    error = math.sqrt((p * (1 - p)).sum())
    assert abs(p.sum() - alive[buyers].sum()) < 4 * error


def test_simulate_bgnbd_agrees_with_the_event_simulation():
    fast = clv.simulate_bgnbd(20_000, **CDNOW, T=39.0, random_state=3)
    slow, _, _ = event_histories(20_000, **CDNOW, T=39.0, t=1.0, seed=3)
    for column in ("frequency", "recency"):
        error = math.hypot(fast[column].std(), slow[column].std()) / math.sqrt(20_000)
        assert abs(fast[column].mean() - slow[column].mean()) < 4 * error, column
    assert abs((fast["frequency"] == 0).mean() - (slow["frequency"] == 0).mean()) < 0.02
    assert (fast["recency"] <= fast["T"]).all() and (fast.loc[fast["frequency"] == 0, "recency"] == 0).all()


def test_holdout_comparison_on_data_the_model_made():
    cal, holdout, _ = event_histories(6000, **CDNOW, T=39.0, t=39.0, seed=8)
    cal_holdout = pd.DataFrame({"frequency_cal": cal["frequency"], "recency_cal": cal["recency"], "T_cal": cal["T"],
                                "frequency_holdout": holdout, "duration_holdout": 39.0})
    fit = clv.fit_bgnbd(cal)
    comparison = clv.holdout_comparison(fit, cal_holdout)
    assert comparison.columns.tolist() == ["frequency_cal", "p_alive", "predicted", "actual"]
    assert (comparison["actual"] == holdout).all()
    totals = clv.holdout_totals(comparison)
    assert totals.customers == 6000 and totals.actual_total == holdout.sum()
    assert abs(totals.predicted_total / totals.actual_total - 1) < 0.1
    assert totals.correlation > 0.5
    assert totals.mean_absolute_error == pytest.approx(np.abs(comparison["predicted"] - holdout).mean())
    by = totals.by_frequency
    assert by.index.tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert by["customers"].sum() == 6000
    assert (by["predicted"].diff().dropna() > 0).all()  # more purchases before, more expected after
    groups = comparison.groupby(np.minimum(comparison["frequency_cal"], 7))["actual"]
    error = (groups.std() / np.sqrt(groups.size())).to_numpy()  # of each group's mean actual purchases
    assert (abs(by["actual"] - by["predicted"]).to_numpy() < 4 * error + 0.05 * by["predicted"].to_numpy()).all()


def test_holdout_totals_by_hand():
    comparison = pd.DataFrame({"frequency_cal": [0, 0, 2, 3, 12], "predicted": [0.5, 0.1, 2.0, 1.0, 6.0],
                               "actual": [1, 0, 1, 2, 5]})
    totals = clv.holdout_totals(comparison, top=3)
    assert (totals.actual_total, totals.predicted_total) == (9, pytest.approx(9.6))
    assert totals.mean_absolute_error == pytest.approx((0.5 + 0.1 + 1 + 1 + 1) / 5)
    assert totals.by_frequency.index.tolist() == ["0", "2", "3+"]
    assert totals.by_frequency.loc["3+", "actual"] == 3.5 and totals.by_frequency.loc["0", "customers"] == 2
    flat = clv.holdout_totals(comparison.assign(actual=0))
    assert math.isnan(flat.correlation)


# ---------------------------------------------------------------------------------------------
# Spend and value

def test_expected_spend_shrinks_toward_the_population_mean():
    gg = clv.GammaGammaFit(**CDNOW_SPEND)
    population = gg.p * gg.v / (gg.q - 1)
    for own in (5.0, 100.0):
        frequencies = [1, 2, 5, 20, 200]
        summary = pd.DataFrame({"frequency": frequencies, "monetary_value": own})
        spend = clv.expected_spend(gg, summary).to_numpy()
        low, high = sorted((own, population))
        assert ((spend > low) & (spend < high)).all()
        assert (np.diff(np.abs(spend - own)) < 0).all()  # more purchases, nearer their own mean
        weight = (spend - population) / (own - population)  # the credibility weight on the own mean
        expected_weight = np.array([gg.p * x / (gg.p * x + gg.q - 1) for x in frequencies])
        assert weight == pytest.approx(expected_weight)
    newcomer = pd.DataFrame({"frequency": [0], "monetary_value": [0.0]})
    assert clv.expected_spend(gg, newcomer).iloc[0] == pytest.approx(population)


def test_customer_clv_is_discounted_expected_value():
    fit, gg = clv.BGNBDFit(**CDNOW), clv.GammaGammaFit(**CDNOW_SPEND)
    summary = pd.DataFrame({"frequency": [0, 2, 2, 10], "recency": [0.0, 30.43, 5.0, 38.0],
                            "T": [38.86, 38.86, 38.86, 39.0], "monetary_value": [0.0, 22.35, 22.35, 40.0]})
    undiscounted = clv.customer_clv(fit, gg, summary, periods=52, discount_rate=0)
    year = clv.expected_purchases(fit, 52, summary) * clv.expected_spend(gg, summary)
    assert undiscounted.to_numpy() == pytest.approx(year.to_numpy(), rel=1e-9)
    discounted = clv.customer_clv(fit, gg, summary)  # 10% a year
    ratio = (discounted / undiscounted).to_numpy()
    assert ((ratio > 1 / 1.1) & (ratio < 1)).all()  # purchases spread over the year: between no and a full year's discount
    # One week by hand: that week's purchases times the spend, discounted by one week at 10% a year.
    week = clv.customer_clv(fit, gg, summary, periods=1)
    by_hand = clv.expected_purchases(fit, 1, summary) * clv.expected_spend(gg, summary) / 1.1 ** (1 / 52)
    assert week.to_numpy() == pytest.approx(by_hand.to_numpy(), rel=1e-9)
    assert discounted.iloc[1] > discounted.iloc[2]  # the same history, but silent for longer


# ---------------------------------------------------------------------------------------------
# Properties

params_st = st.fixed_dictionaries({"r": st.floats(0.05, 5), "alpha": st.floats(0.5, 50),
                                   "a": st.floats(0.1, 5).filter(lambda a: abs(a - 1) > 0.01),
                                   "b": st.floats(0.1, 10)})
history_st = st.tuples(st.integers(0, 60), st.floats(0, 1), st.floats(0.5, 200))


def history_frame(histories):
    rows = [(x, share * T if x else 0.0, T) for x, share, T in histories]
    return pd.DataFrame(rows, columns=["frequency", "recency", "T"])


@settings(max_examples=80, deadline=None)
@given(params=params_st, histories=st.lists(history_st, min_size=1, max_size=20))
def test_p_alive_is_a_probability(params, histories):
    alive = clv.p_alive(clv.BGNBDFit(**params), history_frame(histories))
    assert ((alive >= 0) & (alive <= 1)).all()


@settings(max_examples=80, deadline=None)
@given(params=params_st, histories=st.lists(history_st, min_size=1, max_size=10),
       t1=st.floats(0, 100), t2=st.floats(0, 100))
def test_expected_purchases_are_positive_and_grow_with_t(params, histories, t1, t2):
    fit, summary = clv.BGNBDFit(**params), history_frame(histories)
    short, long = sorted((t1, t2))
    near, far = clv.expected_purchases(fit, short, summary), clv.expected_purchases(fit, long, summary)
    assert (near >= -1e-12).all() and np.isfinite(far).all()
    assert (far >= near - 1e-9 * (1 + near.abs())).all()
    assert clv.expected_purchases_new(fit, long) >= clv.expected_purchases_new(fit, short) - 1e-9


# ---------------------------------------------------------------------------------------------
# Bad input: every message names the argument and the column

GOOD = pd.DataFrame({"frequency": [0, 1, 2], "recency": [0.0, 3.0, 9.0], "T": [10.0, 10.0, 12.0]})


@pytest.mark.parametrize("change, names", [
    (lambda s: s.drop(columns="T"), "summary is missing column(s) ['T']"),
    (lambda s: s.assign(frequency=["0", "1", "2"]), "summary['frequency'] must hold numbers"),
    (lambda s: s.assign(frequency=[0, 1.5, 2]), "summary['frequency'] must hold whole numbers"),
    (lambda s: s.assign(frequency=[0, -1, 2]), "summary['frequency'] must hold whole numbers"),
    (lambda s: s.assign(recency=[0.0, np.nan, 9.0]), "summary['recency'] must not have missing values"),
    (lambda s: s.assign(T=[10.0, np.inf, 12.0]), "summary['T'] must hold finite numbers"),
    (lambda s: s.assign(T=[-1.0, 3.0, 12.0]), "summary['T'] (the customer's age at the end of the observation) must be 0 or more"),
    (lambda s: s.assign(recency=[0.0, 11.0, 9.0]), "summary['recency'] (the age at the last repeat purchase) must be between 0 and summary['T']"),
    (lambda s: s.assign(recency=[2.0, 3.0, 9.0]), "summary['recency'] must be 0 where summary['frequency'] is 0"),
    (lambda s: s.iloc[:0], "summary has no rows"),
])
def test_bad_summaries_are_named(change, names):
    with pytest.raises((ValueError, TypeError)) as error:
        clv.p_alive(clv.BGNBDFit(**CDNOW), change(GOOD.copy()))
    assert names in str(error.value)


def test_bad_arguments_are_named():
    fit = clv.BGNBDFit(**CDNOW)
    with pytest.raises(TypeError, match="summary must be a pandas DataFrame"):
        clv.fit_bgnbd([[0, 0, 1]])
    with pytest.raises(ValueError, match="summary has 3 customers; a fit needs at least 10"):
        clv.fit_bgnbd(GOOD)
    with pytest.raises(TypeError, match=r"fit must be a BGNBDFit \(what fit_bgnbd returns\)"):
        clv.p_alive({"r": 1}, GOOD)
    with pytest.raises(TypeError, match="gg_fit must be a GammaGammaFit"):
        clv.expected_spend(fit, GOOD.assign(monetary_value=1.0))
    with pytest.raises(ValueError, match="t must be at least 0"):
        clv.expected_purchases(fit, -1, GOOD)
    with pytest.raises(ValueError, match="alpha must be more than 0"):
        clv.BGNBDFit(r=1, alpha=0, a=1, b=1)
    with pytest.raises(ValueError, match="discount_rate must be between 0 and 1"):
        clv.customer_clv(fit, clv.GammaGammaFit(**CDNOW_SPEND), GOOD.assign(monetary_value=1.0), discount_rate=5)
    with pytest.raises(ValueError, match="T must have one age per customer"):
        clv.simulate_bgnbd(3, **CDNOW, T=[10, 20])
    with pytest.raises(ValueError, match="frequency must hold whole numbers"):
        clv.simulate_gamma_gamma([1, -2], **CDNOW_SPEND)


def test_spend_needs_positive_values_for_repeat_buyers():
    summary = GOOD.assign(monetary_value=[0.0, 0.0, 5.0])
    with pytest.raises(ValueError, match=r"summary\['monetary_value'\] must be more than 0 for customers with repeat"):
        clv.expected_spend(clv.GammaGammaFit(**CDNOW_SPEND), summary)
    newcomers_missing = GOOD.assign(monetary_value=[np.nan, 4.0, 5.0])  # not read where frequency is 0
    assert clv.expected_spend(clv.GammaGammaFit(**CDNOW_SPEND), newcomers_missing).notna().all()
    with pytest.raises(ValueError, match="q = 0.8 <= 1"):
        clv.expected_spend(clv.GammaGammaFit(p=2, q=0.8, v=3), newcomers_missing)


def test_a_fit_that_cannot_converge_says_so():
    nobody_returns = pd.DataFrame({"frequency": 0, "recency": 0.0, "T": np.linspace(10, 40, 50)})
    with pytest.raises(ValueError, match="summary has no repeat purchase"):
        clv.fit_bgnbd(nobody_returns)
    # One repeat purchase each, all at once: the likelihood rises without end as the dropout
    # probabilities' spread vanishes; the fit says so instead of returning numbers at the edge.
    alike = pd.DataFrame({"frequency": 1, "recency": 0.5, "T": np.full(40, 20.0)})
    with pytest.raises(ValueError, match="the BG/NBD fit did not converge: the likelihood keeps rising"):
        clv.fit_bgnbd(alike)
    cal_holdout = pd.DataFrame({"frequency_cal": [1], "recency_cal": [2.0], "T_cal": [5.0],
                                "frequency_holdout": [0.5], "duration_holdout": [3.0]})
    with pytest.raises(ValueError, match=r"cal_holdout\['frequency_holdout'\] must hold whole numbers"):
        clv.holdout_comparison(clv.BGNBDFit(**CDNOW), cal_holdout)
    with pytest.raises(ValueError, match=r"cal_holdout\['recency_cal'\] \(the age at the last repeat purchase\)"):
        clv.holdout_comparison(clv.BGNBDFit(**CDNOW), cal_holdout.assign(recency_cal=9.0))


def test_holdout_by_loss_compares_the_customers_lost_in_the_year_with_the_others():
    comparison = pd.DataFrame({"p_alive": [0.9, 0.7, 0.2, 0.4], "predicted": [3.0, 1.0, 0.5, 2.0],
                               "actual": [1.0, 0.0, 2.0, 4.0]},
                              index=pd.Index(["C1", "C2", "C3", "C4"], name="customer_id"))
    customers = pd.DataFrame({"customer_id": ["C1", "C2", "C3", "C4", "C5"],
                              "lost_date": pd.to_datetime(["2025-02-01", "2025-11-30", "2024-06-01", None,
                                                           "2025-01-01"])})
    table = clv.holdout_by_loss(comparison, customers, 2025)
    assert table.index.name == "lost_2025"
    assert table.loc[True].tolist() == pytest.approx([0.8, 2.0, 0.5])  # C1, C2
    assert table.loc[False].tolist() == pytest.approx([0.3, 1.25, 3.0])  # C3 (lost in 2024), C4
    with pytest.raises(ValueError, match="lost_date"):
        clv.holdout_by_loss(comparison, customers.drop(columns="lost_date"), 2025)
