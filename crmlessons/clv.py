"""What each customer is worth from here on: the BG/NBD and Gamma-Gamma models (lesson 06).

A customer's past (how often they bought, how recently, how long they have been a customer) says
something about their future. Two classic models turn that into numbers:

- **BG/NBD** (Fader, Hardie & Lee 2005, "Counting your customers the easy way", *Marketing Science*
  24(2)) for repeat purchases. While a customer is "alive" they buy at their own steady rate
  (purchases come as a Poisson process; the rates differ from customer to customer as a
  Gamma(r, alpha) distribution), and after each repeat purchase they drop out for good with their
  own probability p (which differs across customers as a Beta(a, b) distribution). Nobody tells the
  firm when a customer drops out: the model infers it. A customer who bought often and recently is
  probably still alive; one who used to buy every week and has been silent for months probably is
  not. :func:`fit_bgnbd` estimates r, alpha, a, b; :func:`p_alive` gives each customer's
  probability of still being alive, :func:`expected_purchases` their purchases to expect in the
  next t periods, :func:`expected_purchases_new` those of a new customer.
- **Gamma-Gamma** (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves", *Journal of
  Marketing Research* 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary value") for the
  value of a purchase. Each customer's purchases vary around their own mean value, and the means
  vary across customers. A customer's expected value per purchase (:func:`expected_spend`) is their
  own average pulled toward the average of all customers, the less so the more purchases it rests
  on. :func:`fit_gamma_gamma` estimates its p, q, v (the model assumes that how much a customer
  spends does not depend on how often they buy).

:func:`customer_clv` puts the two together: each customer's discounted expected value over a
horizon. Whether a fitted model predicts well is checked on a later period it has not seen
(:func:`holdout_comparison`, :func:`holdout_totals`). :func:`simulate_bgnbd` and
:func:`simulate_gamma_gamma` draw customers from the models, for tests and demonstrations.

The input is a customer summary in the convention of the lifetimes and PyMC-Marketing packages
(``crmlessons.value.rfm_summary`` builds it from an order log), one row per customer:
``frequency`` = the number of repeat purchases (periods with a purchase after the first),
``recency`` = the customer's age at the last repeat purchase (0 without one), ``T`` = the
customer's age at the end of the observation, all in one time unit (weeks in the course), and
``monetary_value`` = the mean value of the repeat purchases. The reference fit of the field is the
CDNOW sample (2,357 customers, 39 weeks): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
log-likelihood -9582.4, and p = 6.25, q = 3.74, v = 15.44.

Examples
--------
>>> summary = simulate_bgnbd(2357, r=0.243, alpha=4.414, a=0.793, b=2.426, T=39, random_state=1)
>>> fit = fit_bgnbd(summary)
>>> fit
BGNBDFit(r=0.231, alpha=4.426, a=0.8043, b=2.389, log_likelihood=-10415.7, n_customers=2357)
>>> round(expected_purchases_new(fit, 52), 2)  # repeat purchases of a new customer in a year
1.36
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import optimize, special

from crmlessons.checks import Table, check_random_state, require_number, tables
from crmlessons.retention import DISCOUNT_RATE

__all__ = ["BGNBDFit", "GammaGammaFit", "HoldoutTotals", "fit_bgnbd", "fit_gamma_gamma", "bgnbd_log_likelihood",
           "gamma_gamma_log_likelihood", "p_alive", "expected_purchases", "expected_purchases_new",
           "expected_spend", "customer_clv", "holdout_comparison", "holdout_by_loss", "holdout_totals", "simulate_bgnbd",
           "simulate_gamma_gamma", "MIN_CUSTOMERS"]

#: The fewest customers a fit accepts: fewer cannot pin down three or four parameters.
MIN_CUSTOMERS = 10

#: The columns of a summary the BG/NBD model reads, and those the Gamma-Gamma model reads.
PURCHASE_COLUMNS = ("frequency", "recency", "T")
SPEND_COLUMNS = ("frequency", "monetary_value")

#: The columns of ``crmlessons.value.calibration_holdout`` that :func:`holdout_comparison` reads.
HOLDOUT_COLUMNS = ("frequency_cal", "recency_cal", "T_cal", "frequency_holdout", "duration_holdout")

#: The search keeps the log-parameters (on data rescaled to ages up to 10, or to a mean spend of 1)
#: within +-LOG_BOUND; a "maximum" within 1 of that edge (a parameter below 1e-5 or above 6e4 there)
#: is a likelihood still rising toward a parameter of 0 or infinity: no maximum exists.
LOG_BOUND = 12.0


# ---------------------------------------------------------------------------------------------
# The fitted models

def _positive(value, name: str) -> float:
    value = require_number(value, name)
    if value <= 0:
        raise ValueError(f"{name} must be more than 0; got {value}")
    return float(value)


def _parameter_text(values: dict) -> str:
    return ", ".join(f"{name}={value:.4g}" for name, value in values.items())


@dataclass(frozen=True)
class BGNBDFit:
    """A BG/NBD model: its four parameters and, when fitted, the log-likelihood of the data.

    Parameters
    ----------
    r, alpha : float
        Shape and rate of the Gamma distribution of purchase rates across customers (a customer's
        rate is purchases per period while alive; the mean rate is r / alpha).
    a, b : float
        The Beta distribution of the dropout probability after a purchase (mean a / (a + b)).
    log_likelihood : float, default NaN
        The total log-likelihood of the data the model was fitted to (NaN when set by hand).
    n_customers : int, default 0
        How many customers it was fitted to (0 when set by hand).

    Examples
    --------
    >>> BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426).params
    {'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}
    """

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float = field(default=float("nan"))
    n_customers: int = 0

    def __post_init__(self):
        for name in ("r", "alpha", "a", "b"):
            object.__setattr__(self, name, _positive(getattr(self, name), name))
        object.__setattr__(self, "log_likelihood", float(self.log_likelihood))
        object.__setattr__(self, "n_customers", int(self.n_customers))

    @property
    def params(self) -> dict:
        """The parameters as a dict: r, alpha, a, b."""
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    def __repr__(self) -> str:
        return (f"BGNBDFit({_parameter_text(self.params)}, log_likelihood={self.log_likelihood:.1f}, "
                f"n_customers={self.n_customers})")


@dataclass(frozen=True)
class GammaGammaFit:
    """A Gamma-Gamma spend model: its three parameters and, when fitted, the log-likelihood.

    Parameters
    ----------
    p : float
        Shape of the Gamma distribution of one purchase's value around the customer's own mean.
    q, v : float
        Shape and rate of the Gamma distribution across customers of the rate behind those means;
        the mean value of a purchase over all customers is p * v / (q - 1) (when q > 1).
    log_likelihood : float, default NaN
        The total log-likelihood over the customers with repeat purchases (NaN when set by hand).
    n_customers : int, default 0
        How many customers it was fitted to (those with frequency > 0).

    Examples
    --------
    >>> gg = GammaGammaFit(p=6.25, q=3.74, v=15.44)
    >>> round(gg.mean_spend, 2)
    35.22
    """

    p: float
    q: float
    v: float
    log_likelihood: float = field(default=float("nan"))
    n_customers: int = 0

    def __post_init__(self):
        for name in ("p", "q", "v"):
            object.__setattr__(self, name, _positive(getattr(self, name), name))
        object.__setattr__(self, "log_likelihood", float(self.log_likelihood))
        object.__setattr__(self, "n_customers", int(self.n_customers))

    @property
    def params(self) -> dict:
        """The parameters as a dict: p, q, v."""
        return {"p": self.p, "q": self.q, "v": self.v}

    @property
    def mean_spend(self) -> float:
        """The mean value of a purchase over all customers, p * v / (q - 1) (NaN unless q > 1)."""
        return self.p * self.v / (self.q - 1) if self.q > 1 else float("nan")

    def __repr__(self) -> str:
        return (f"GammaGammaFit({_parameter_text(self.params)}, log_likelihood={self.log_likelihood:.1f}, "
                f"n_customers={self.n_customers})")


def _require_fit(fit, kind: type, name: str, maker: str):
    if not isinstance(fit, kind):
        raise TypeError(f"{name} must be a {kind.__name__} (what {maker} returns); got {type(fit).__name__}")
    return fit


# ---------------------------------------------------------------------------------------------
# Checking a summary (its columns' presence is checked on entry by @tables)

def _shown(values) -> str:
    values = np.unique(values)
    text = ", ".join(f"{v:g}" for v in values[:3])
    return text + (", ..." if len(values) > 3 else "")


def _numbers(frame: pd.DataFrame, column: str, name: str, rows=None) -> np.ndarray:
    """The column as floats; raise naming it if it is not numbers or (in ``rows``) missing or infinite."""
    s = frame[column]
    label = f"{name}[{column!r}]"
    if isinstance(s, pd.DataFrame):
        raise ValueError(f"{name} has more than one column named {column!r}")
    if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
        raise TypeError(f"{label} must hold numbers; got dtype {s.dtype}")
    values = s.to_numpy(dtype="float64", na_value=np.nan)
    checked = values if rows is None else values[rows]
    if np.isnan(checked).any():
        raise ValueError(f"{label} must not have missing values; {int(np.isnan(checked).sum())} row(s) have none")
    if np.isinf(checked).any():
        raise ValueError(f"{label} must hold finite numbers; got inf in {int(np.isinf(checked).sum())} row(s)")
    return values


def _counts(frame: pd.DataFrame, column: str, name: str, what: str = "repeat purchases") -> np.ndarray:
    """A column of purchase counts: whole numbers, 0 or more."""
    x = _numbers(frame, column, name)
    bad = (x < 0) | (x != np.floor(x))
    if bad.any():
        raise ValueError(f"{name}[{column!r}] must hold whole numbers of {what}, 0 or more; got {_shown(x[bad])} "
                         f"in {int(bad.sum())} row(s)")
    return x


def _purchase_history(frame: pd.DataFrame, name: str, columns=PURCHASE_COLUMNS):
    """frequency, recency, T of ``frame`` (named ``columns`` there) as arrays, checked against the model."""
    x = _counts(frame, columns[0], name)
    tx, T = (_numbers(frame, column, name) for column in columns[1:])
    freq, rec, age = (f"{name}[{column!r}]" for column in columns)
    if (T < 0).any():
        raise ValueError(f"{age} (the customer's age at the end of the observation) must be 0 or more; "
                         f"got {_shown(T[T < 0])} in {int((T < 0).sum())} row(s)")
    bad = (tx < 0) | (tx > T * (1 + 1e-9))
    if bad.any():
        raise ValueError(f"{rec} (the age at the last repeat purchase) must be between 0 and {age}; got "
                         f"{_shown(tx[bad])} in {int(bad.sum())} row(s)")
    bad = (x == 0) & (tx != 0)
    if bad.any():
        raise ValueError(f"{rec} must be 0 where {freq} is 0 (no repeat purchase, no age at one); got "
                         f"{_shown(tx[bad])} in {int(bad.sum())} row(s)")
    return x, np.minimum(tx, T), T


def _spend_history(frame: pd.DataFrame, name: str):
    """frequency and monetary_value of ``frame``; the value must be positive where frequency > 0."""
    x = _counts(frame, "frequency", name)
    m = _numbers(frame, "monetary_value", name, rows=x > 0)
    bad = (x > 0) & ~(m > 0)
    if bad.any():
        raise ValueError(f"{name}['monetary_value'] must be more than 0 for customers with repeat purchases "
                         f"(frequency > 0); got {_shown(m[bad])} in {int(bad.sum())} row(s)")
    return x, np.where(x > 0, m, 0.0)


def _require_customers(n: int, name: str, what: str = "customers") -> None:
    if n < MIN_CUSTOMERS:
        raise ValueError(f"{name} has {n} {what}; a fit needs at least {MIN_CUSTOMERS}")


# ---------------------------------------------------------------------------------------------
# Likelihoods and their gradients (log-parameters)

def _bgnbd_parts(r, alpha, a, b, x, tx, T):
    """The per-customer log-likelihood A1 + A2 + log(exp(A3) + [x > 0] exp(A4)) and its pieces
    (Fader, Hardie & Lee 2005, eq. 6; the A terms as in Fader & Hardie's implementation note)."""
    repeat = x > 0
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    b_x1 = np.where(repeat, b + x - 1, 1.0)
    a4 = np.where(repeat, np.log(a) - np.log(b_x1) - (r + x) * np.log(alpha + tx), -np.inf)
    both = np.logaddexp(a3, a4)
    return a1 + a2 + both, a3, a4, both, b_x1


def _weighted_sums(weights, *values) -> np.ndarray:
    """The weighted mean of each of ``values``, by multiply-and-add: numpy's ``@`` would call the
    multi-threaded BLAS, whose threads, waking for every call of the optimiser, made a fit
    four times slower on a busy two-core machine."""
    return np.array([(weights * v).sum() for v in values]) / weights.sum()


def _bgnbd_objective(log_params, x, tx, T, weights):
    """Minus the weighted mean log-likelihood and its gradient in the log-parameters."""
    r, alpha, a, b = np.exp(log_params)
    ll, a3, a4, both, b_x1 = _bgnbd_parts(r, alpha, a, b, x, tx, T)
    w4 = np.exp(a4 - both)  # the share of the "dropped out after the last purchase" term
    w3 = 1 - w4
    d_r = (special.digamma(r + x) - special.digamma(r) + np.log(alpha)
           - w3 * np.log(alpha + T) - w4 * np.log(alpha + tx))
    d_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx))
    d_a = special.digamma(a + b) - special.digamma(a + b + x) + w4 / a
    d_b = (special.digamma(a + b) + special.digamma(b + x) - special.digamma(b) - special.digamma(a + b + x)
           - np.where(x > 0, w4 / b_x1, 0.0))
    gradient = _weighted_sums(weights, d_r, d_alpha, d_a, d_b) * np.array([r, alpha, a, b])
    return -_weighted_sums(weights, ll)[0], -gradient


def _gamma_gamma_parts(p, q, v, x, m):
    """Per-customer log density of the mean spend m of x purchases (Fader & Hardie 2013)."""
    px = p * x
    return (special.gammaln(px + q) - special.gammaln(px) - special.gammaln(q) + q * np.log(v)
            + px * np.log(x) + (px - 1) * np.log(m) - (px + q) * np.log(v + x * m))


def _gamma_gamma_objective(log_params, x, m, weights):
    p, q, v = np.exp(log_params)
    ll = _gamma_gamma_parts(p, q, v, x, m)
    px = p * x
    d_p = x * (special.digamma(px + q) - special.digamma(px) + np.log(x) + np.log(m) - np.log(v + x * m))
    d_q = special.digamma(px + q) - special.digamma(q) + np.log(v) - np.log(v + x * m)
    d_v = q / v - (px + q) / (v + x * m)
    gradient = _weighted_sums(weights, d_p, d_q, d_v) * np.array([p, q, v])
    return -_weighted_sums(weights, ll)[0], -gradient


def _distinct(*columns):
    """The distinct rows of ``columns``, how many times each occurs, and where each row went.

    Customers with the same history have the same likelihood and predictions: each is computed once.
    """
    rows, inverse, counts = np.unique(np.column_stack(columns), axis=0, return_inverse=True, return_counts=True)
    return tuple(rows.T), counts.astype(float), inverse.ravel()


def _maximise(objective, starts, args, model: str) -> np.ndarray:
    """Maximise a likelihood over log-parameters with L-BFGS-B from the first of ``starts`` that
    leads to a maximum inside the search box (the others are fallbacks); raise in words if none does."""
    bounds = [(-LOG_BOUND, LOG_BOUND)] * len(starts[0])
    ran_off = False
    for start in starts:
        result = optimize.minimize(objective, np.log(start), args=args, jac=True, method="L-BFGS-B",
                                   bounds=bounds, options={"maxiter": 2000, "gtol": 1e-9, "ftol": 1e-14})
        flat = np.max(np.abs(result.jac)) < 1e-5  # a line search that stops at the top is fine
        if not (np.isfinite(result.fun) and (result.success or flat)):
            continue
        if (np.abs(result.x) < LOG_BOUND - 1).all():
            return np.exp(result.x)
        ran_off = True
    if ran_off:
        raise ValueError(f"the {model} fit did not converge: the likelihood keeps rising as a parameter runs off "
                         "toward 0 or infinity, so the data cannot pin the model down (too few repeat purchases, "
                         "or customers too much alike?)")
    raise ValueError(f"the {model} fit did not converge: the optimiser found no maximum of the likelihood "
                     f"from {len(starts)} starting points")


# ---------------------------------------------------------------------------------------------
# Fitting

@tables(summary=Table(None, PURCHASE_COLUMNS))
def fit_bgnbd(summary: pd.DataFrame) -> BGNBDFit:
    """Fit the BG/NBD model of repeat purchases by maximum likelihood.

    The log-likelihood of a customer with ``x`` repeat purchases, the last at age ``t_x``, now of age
    ``T`` is eq. 6 of Fader, Hardie & Lee (2005) in log form, computed without overflow for any
    frequency; the total over customers is maximised over log r, log alpha, log a, log b with
    scipy's L-BFGS-B and the exact gradient (from a second or third starting point if the first
    finds no maximum; time is rescaled for the search so that the oldest customer has age 10, and
    the estimates are given on the data's scale).

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per customer with columns ``frequency`` (repeat purchases, a whole number),
        ``recency`` (age at the last repeat purchase, 0 without one, at most ``T``) and ``T`` (age
        at the end of the observation, 0 or more: a customer first seen in the last period has
        T = 0 and adds nothing to the likelihood), in one time unit (see the module docstring); at
        least :data:`MIN_CUSTOMERS` rows.

    Returns
    -------
    BGNBDFit
        r, alpha, a, b, the total log-likelihood at the estimates (the figure papers report) and
        the number of customers.

    Raises
    ------
    ValueError
        If a column breaks the rules above (the message names it), no customer made a repeat
        purchase, or the optimiser finds no maximum.

    Examples
    --------
    Customers drawn from a model with r = 0.5, alpha = 5, a = 0.8, b = 2.5; the estimates come
    near, within the sampling error of 3,000 customers (a and b are the least precise):

    >>> summary = simulate_bgnbd(3000, r=0.5, alpha=5.0, a=0.8, b=2.5, T=52, random_state=3)
    >>> fit_bgnbd(summary)
    BGNBDFit(r=0.4805, alpha=4.705, a=0.9498, b=3.283, log_likelihood=-26441.5, n_customers=3000)
    """
    x, tx, T = _purchase_history(summary, "summary")
    _require_customers(len(x), "summary")
    if not (x > 0).any():
        raise ValueError("summary has no repeat purchase (frequency is 0 for every customer): the BG/NBD model "
                         "cannot be fitted without any")
    scale = T.max() / 10
    (xs, txs, Ts), weights, _ = _distinct(x, tx / scale, T / scale)
    mean_rate = max((weights * xs).sum() / (weights * Ts).sum(), 1e-3)
    starts = [(1.0, 1.0, 1.0, 1.0), (1.0, 1 / mean_rate, 1.0, 3.0), (0.25, 0.25 / mean_rate, 0.5, 2.0)]
    r, alpha, a, b = _maximise(_bgnbd_objective, starts, (xs, txs, Ts, weights), "BG/NBD")
    fitted = BGNBDFit(r, alpha * scale, a, b)
    total = float(bgnbd_log_likelihood(fitted, summary).sum())
    return BGNBDFit(*fitted.params.values(), log_likelihood=total, n_customers=len(x))


@tables(summary=Table(None, SPEND_COLUMNS))
def fit_gamma_gamma(summary: pd.DataFrame) -> GammaGammaFit:
    """Fit the Gamma-Gamma model of the value of a purchase by maximum likelihood.

    Only customers with repeat purchases (frequency > 0) carry information on spend; their mean
    value ``monetary_value`` over ``frequency`` purchases has the density of Fader & Hardie (2013),
    whose log, summed over them, is maximised over log p, log q, log v (L-BFGS-B, exact gradient,
    up to three starting points, money rescaled to a mean of 1 for the search).

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per customer with columns ``frequency`` (repeat purchases) and ``monetary_value``
        (their mean value, more than 0 where frequency > 0; other rows are not read); at least
        :data:`MIN_CUSTOMERS` customers with frequency > 0.

    Returns
    -------
    GammaGammaFit
        p, q, v, the total log-likelihood over the customers with frequency > 0 and their number.

    Examples
    --------
    >>> summary = simulate_bgnbd(3000, r=0.5, alpha=5.0, a=0.8, b=2.5, T=52, random_state=3)
    >>> summary["monetary_value"] = simulate_gamma_gamma(summary["frequency"], p=6.25, q=3.74, v=15.44)
    >>> gg = fit_gamma_gamma(summary)
    >>> gg.n_customers == int((summary["frequency"] > 0).sum())
    True
    >>> gg
    GammaGammaFit(p=4.816, q=3.97, v=21.72, log_likelihood=-9007.9, n_customers=2092)
    >>> round(gg.mean_spend, 1)  # p v / (q - 1) = 35.2 in the model drawn from
    35.2
    """
    x, m = _spend_history(summary, "summary")
    buyers = x > 0
    _require_customers(int(buyers.sum()), "summary", "customers with repeat purchases (frequency > 0)")
    scale = m[buyers].mean()
    (xs, ms), weights, _ = _distinct(x[buyers], m[buyers] / scale)
    starts = [(1.0, 1.0, 1.0), (2.0, 3.0, 4.0), (10.0, 5.0, 0.5)]
    p, q, v = _maximise(_gamma_gamma_objective, starts, (xs, ms, weights), "Gamma-Gamma")
    fitted = GammaGammaFit(p, q, v * scale)
    total = float(gamma_gamma_log_likelihood(fitted, summary).sum())
    return GammaGammaFit(*fitted.params.values(), log_likelihood=total, n_customers=int(buyers.sum()))


@tables(summary=Table(None, PURCHASE_COLUMNS))
def bgnbd_log_likelihood(fit: BGNBDFit, summary: pd.DataFrame) -> pd.Series:
    """Each customer's BG/NBD log-likelihood under ``fit`` (their sum is ``fit.log_likelihood``).

    Examples
    --------
    >>> summary = pd.DataFrame({"frequency": [0, 2], "recency": [0.0, 30.43], "T": [38.86, 38.86]})
    >>> bgnbd_log_likelihood(BGNBDFit(0.243, 4.414, 0.793, 2.426), summary).round(4).tolist()
    [-0.5547, -9.4586]
    """
    fit = _require_fit(fit, BGNBDFit, "fit", "fit_bgnbd")
    x, tx, T = _purchase_history(summary, "summary")
    ll = _bgnbd_parts(fit.r, fit.alpha, fit.a, fit.b, x, tx, T)[0]
    return pd.Series(ll, index=summary.index, name="log_likelihood")


@tables(summary=Table(None, SPEND_COLUMNS))
def gamma_gamma_log_likelihood(gg_fit: GammaGammaFit, summary: pd.DataFrame) -> pd.Series:
    """Each repeat customer's Gamma-Gamma log-likelihood under ``gg_fit`` (0 where frequency is 0).

    Examples
    --------
    >>> summary = pd.DataFrame({"frequency": [0, 2], "monetary_value": [0.0, 22.35]})
    >>> gamma_gamma_log_likelihood(GammaGammaFit(6.25, 3.74, 15.44), summary).round(4).tolist()
    [0.0, -3.5513]
    """
    gg_fit = _require_fit(gg_fit, GammaGammaFit, "gg_fit", "fit_gamma_gamma")
    x, m = _spend_history(summary, "summary")
    buyers = x > 0
    ll = np.zeros(len(x))
    ll[buyers] = _gamma_gamma_parts(gg_fit.p, gg_fit.q, gg_fit.v, x[buyers], m[buyers])
    return pd.Series(ll, index=summary.index, name="log_likelihood")


# ---------------------------------------------------------------------------------------------
# What the fitted models say

def _p_alive(fit: BGNBDFit, x, tx, T) -> np.ndarray:
    repeat = x > 0
    log_odds = (np.log(fit.a) - np.log(np.where(repeat, fit.b + x - 1, 1.0))
                + (fit.r + x) * np.log1p((T - tx) / (fit.alpha + tx)))
    return np.where(repeat, special.expit(-log_odds), 1.0)


def _purchases_if_alive(fit: BGNBDFit, t, x, T) -> np.ndarray:
    """Expected purchases in (T, T + t] of a customer alive at T with x repeat purchases so far.

    Eq. 10 of Fader, Hardie & Lee (2005) without its P(alive) factor. Its term
    ((alpha+T)/(alpha+T+t))**(r+x) * 2F1(r+x, b+x; a+b+x-1; z), z = t / (alpha+T+t), is rewritten
    with Euler's transformation as (1-z)**(a-1) * 2F1(a+b-1-r, a-1; a+b+x-1; z): the same number,
    but the first two arguments no longer grow with x, so large frequencies neither overflow nor
    lose precision. With x = 0 and T = 0 it is eq. 7, a new customer's expected purchases.
    """
    r, alpha, a, b = fit.r, fit.alpha, fit.a, fit.b
    z = t / (alpha + T + t)
    c = a + b + x - 1
    term = (1 - z) ** (a - 1) * special.hyp2f1(a + b - 1 - r, a - 1, c, z)
    return c / (a - 1) * (1 - term)


def _horizon(t, name: str = "t") -> float:
    return float(require_number(t, name, low=0))


@tables(summary=Table(None, PURCHASE_COLUMNS))
def p_alive(fit: BGNBDFit, summary: pd.DataFrame) -> pd.Series:
    """Each customer's probability of still being alive (still buying) at the end of the observation.

    A customer without repeat purchases has probability 1 under the BG/NBD model (dropping out
    happens only right after a repeat purchase); otherwise the longer the silence since the last
    purchase, measured against the customer's own pace, the lower the probability.

    Parameters
    ----------
    fit : BGNBDFit
        From :func:`fit_bgnbd` (or set by hand).
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T`` (see :func:`fit_bgnbd`).

    Returns
    -------
    pandas.Series
        ``p_alive`` per customer, indexed like ``summary``.

    Examples
    --------
    >>> cdnow = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> summary = pd.DataFrame({"frequency": [0, 5, 5], "recency": [0.0, 38.0, 10.0], "T": [39.0, 39.0, 39.0]})
    >>> p_alive(cdnow, summary).round(3).tolist()
    [1.0, 0.878, 0.024]
    """
    fit = _require_fit(fit, BGNBDFit, "fit", "fit_bgnbd")
    x, tx, T = _purchase_history(summary, "summary")
    return pd.Series(_p_alive(fit, x, tx, T), index=summary.index, name="p_alive")


@tables(summary=Table(None, PURCHASE_COLUMNS))
def expected_purchases(fit: BGNBDFit, t: float, summary: pd.DataFrame) -> pd.Series:
    """Each customer's expected number of purchases in the next ``t`` periods, given their history.

    Eq. 10 of Fader, Hardie & Lee (2005): P(alive) times the purchases to expect while alive (in a
    form that stays exact for large frequencies; see the source).

    Parameters
    ----------
    fit : BGNBDFit
        From :func:`fit_bgnbd`.
    t : float
        The length of the period ahead, in the summary's time unit (0 or more).
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``.

    Returns
    -------
    pandas.Series
        ``expected_purchases`` per customer, indexed like ``summary``.

    Examples
    --------
    The CDNOW customer of Fader and Hardie's worked example (2 repeat purchases, the last at 30.43
    weeks, 38.86 weeks old), over the next 39 weeks (their figure: 1.226):

    >>> cdnow = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> one = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]})
    >>> round(float(expected_purchases(cdnow, 39, one).iloc[0]), 3)
    1.226
    """
    fit = _require_fit(fit, BGNBDFit, "fit", "fit_bgnbd")
    t = _horizon(t)
    x, tx, T = _purchase_history(summary, "summary")
    values = _p_alive(fit, x, tx, T) * _purchases_if_alive(fit, t, x, T)
    return pd.Series(values, index=summary.index, name="expected_purchases")


def expected_purchases_new(fit: BGNBDFit, t: float) -> float:
    """The expected number of repeat purchases of a new customer in their first ``t`` periods (eq. 7).

    Examples
    --------
    >>> cdnow = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> round(expected_purchases_new(cdnow, 39), 3), round(expected_purchases_new(cdnow, 78), 3)
    (1.197, 1.861)
    """
    fit = _require_fit(fit, BGNBDFit, "fit", "fit_bgnbd")
    return float(_purchases_if_alive(fit, _horizon(t), 0.0, 0.0))


@tables(summary=Table(None, SPEND_COLUMNS))
def expected_spend(gg_fit: GammaGammaFit, summary: pd.DataFrame) -> pd.Series:
    """Each customer's expected value of a future purchase under the Gamma-Gamma model.

    (v + x m) p / (p x + q - 1) for a customer with x repeat purchases of mean value m: a weighted
    mean of the population's mean value p v / (q - 1) and the customer's own m, the weight on m
    growing with x. A customer without repeat purchases gets the population mean.

    Parameters
    ----------
    gg_fit : GammaGammaFit
        From :func:`fit_gamma_gamma`.
    summary : pandas.DataFrame
        Columns ``frequency`` and ``monetary_value``.

    Returns
    -------
    pandas.Series
        ``expected_spend`` per customer, indexed like ``summary``.

    Raises
    ------
    ValueError
        If some customer has no repeat purchase and the model has no finite mean (q <= 1).

    Examples
    --------
    >>> gg = GammaGammaFit(p=6.25, q=3.74, v=15.44)
    >>> summary = pd.DataFrame({"frequency": [0, 1, 10], "monetary_value": [0.0, 60.0, 60.0]})
    >>> expected_spend(gg, summary).round(2).tolist()
    [35.22, 52.45, 58.96]
    """
    gg_fit = _require_fit(gg_fit, GammaGammaFit, "gg_fit", "fit_gamma_gamma")
    x, m = _spend_history(summary, "summary")
    if gg_fit.q <= 1 and (x == 0).any():
        raise ValueError(f"gg_fit has q = {gg_fit.q:.4g} <= 1: the model has no finite mean spend for the "
                         f"{int((x == 0).sum())} customer(s) in summary without repeat purchases")
    values = (gg_fit.v + x * m) * gg_fit.p / (gg_fit.p * x + gg_fit.q - 1)
    return pd.Series(values, index=summary.index, name="expected_spend")


@tables(summary=Table(None, PURCHASE_COLUMNS + ("monetary_value",)))
def customer_clv(bgnbd_fit: BGNBDFit, gg_fit: GammaGammaFit, summary: pd.DataFrame, periods: int = 52,
                 discount_rate: float = DISCOUNT_RATE, periods_per_year: float = 52) -> pd.Series:
    """Each customer's discounted expected value over the next ``periods`` periods.

    For each period k = 1 .. periods: the purchases expected in it (the increase of
    :func:`expected_purchases` from k - 1 to k) times :func:`expected_spend`, discounted to today
    at the yearly ``discount_rate`` turned into a rate per period; summed over the periods.

    Parameters
    ----------
    bgnbd_fit : BGNBDFit
        The purchase model, from :func:`fit_bgnbd`.
    gg_fit : GammaGammaFit
        The spend model, from :func:`fit_gamma_gamma`.
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``, ``monetary_value``.
    periods : int, default 52
        The horizon, in the summary's time unit (52 weeks: one year).
    discount_rate : float, default ``retention.DISCOUNT_RATE`` (10%)
        Yearly discount rate; per period it is (1 + rate) ** (1 / periods_per_year) - 1.
    periods_per_year : float, default 52
        How many of the summary's periods make a year (52 for weeks, 365 for days).

    Returns
    -------
    pandas.Series
        ``clv`` per customer, in the money of ``monetary_value`` (margin in the course).

    Examples
    --------
    >>> cdnow = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> gg = GammaGammaFit(p=6.25, q=3.74, v=15.44)
    >>> summary = pd.DataFrame({"frequency": [0, 2, 2], "recency": [0.0, 30.43, 5.0],
    ...                         "T": [38.86, 38.86, 38.86], "monetary_value": [0.0, 22.35, 22.35]})
    >>> customer_clv(cdnow, gg, summary).round(2).tolist()
    [8.48, 36.76, 6.26]
    """
    bgnbd_fit = _require_fit(bgnbd_fit, BGNBDFit, "bgnbd_fit", "fit_bgnbd")
    periods = int(require_number(periods, "periods", low=1, high=10_000, integer=True))
    discount_rate = require_number(discount_rate, "discount_rate", low=0, high=1)
    periods_per_year = _positive(periods_per_year, "periods_per_year")
    spend = expected_spend(gg_fit, summary).to_numpy()
    x, tx, T = _purchase_history(summary, "summary")
    (xs, Ts), _, where = _distinct(x, T)
    steps = np.arange(periods + 1, dtype=float)
    cumulative = _purchases_if_alive(bgnbd_fit, steps[None, :], xs[:, None], Ts[:, None])
    per_period = (1 + discount_rate) ** (1 / periods_per_year) - 1
    discounted = np.diff(cumulative, axis=1) @ (1 + per_period) ** -steps[1:]
    return pd.Series(_p_alive(bgnbd_fit, x, tx, T) * discounted[where] * spend, index=summary.index, name="clv")


# ---------------------------------------------------------------------------------------------
# Does the model work? Calibration against holdout

@tables(cal_holdout=Table(None, HOLDOUT_COLUMNS))
def holdout_comparison(fit: BGNBDFit, cal_holdout: pd.DataFrame) -> pd.DataFrame:
    """Per customer: the purchases the model predicts for the holdout period, and those that came.

    Parameters
    ----------
    fit : BGNBDFit
        Fitted on the calibration columns only (``frequency_cal`` as frequency and so on).
    cal_holdout : pandas.DataFrame
        The columns of ``crmlessons.value.calibration_holdout``: ``frequency_cal``, ``recency_cal``,
        ``T_cal`` (the summary at the end of the calibration period), ``frequency_holdout`` (the
        purchases in the holdout period) and ``duration_holdout`` (its length).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``cal_holdout``: ``frequency_cal``, ``p_alive`` (at the end of the
        calibration), ``predicted`` and ``actual`` holdout purchases.

    Examples
    --------
    >>> cdnow = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> cal_holdout = pd.DataFrame({"frequency_cal": [0, 2], "recency_cal": [0.0, 30.43],
    ...                             "T_cal": [38.86, 38.86], "frequency_holdout": [0, 1],
    ...                             "duration_holdout": [39.0, 39.0]})
    >>> holdout_comparison(cdnow, cal_holdout).round(3)
       frequency_cal  p_alive  predicted  actual
    0              0    1.000      0.195       0
    1              2    0.727      1.226       1

    Hengtai: fitted on the weeks up to the end of 2024, the model's forecast of 2025 against what came:

    >>> from crmlessons import datasets, value
    >>> cal_holdout = value.calibration_holdout(datasets.load_orders(), "2024-12-31")
    >>> fit = fit_bgnbd(value.calibration_summary(cal_holdout))
    >>> holdout_totals(holdout_comparison(fit, cal_holdout))
    HoldoutTotals(customers=1285, actual_total=5049, predicted_total=5357.2, mean_absolute_error=1.765, correlation=0.766)
    """
    fit = _require_fit(fit, BGNBDFit, "fit", "fit_bgnbd")
    x, tx, T = _purchase_history(cal_holdout, "cal_holdout", HOLDOUT_COLUMNS[:3])
    actual = _counts(cal_holdout, "frequency_holdout", "cal_holdout", "purchases")
    duration = _numbers(cal_holdout, "duration_holdout", "cal_holdout")
    if (duration <= 0).any():
        raise ValueError(f"cal_holdout['duration_holdout'] must be more than 0; got {_shown(duration[duration <= 0])}")
    alive = _p_alive(fit, x, tx, T)
    return pd.DataFrame({"frequency_cal": x.astype(int), "p_alive": alive,
                         "predicted": alive * _purchases_if_alive(fit, duration, x, T),
                         "actual": actual.astype(int)}, index=cal_holdout.index)


@dataclass(frozen=True, eq=False)
class HoldoutTotals:
    """How well predicted holdout purchases match the actual ones (see :func:`holdout_totals`)."""

    customers: int
    actual_total: float
    predicted_total: float
    mean_absolute_error: float
    correlation: float
    by_frequency: pd.DataFrame

    def __repr__(self) -> str:
        return (f"HoldoutTotals(customers={self.customers}, actual_total={self.actual_total:.0f}, "
                f"predicted_total={self.predicted_total:.1f}, mean_absolute_error={self.mean_absolute_error:.3f}, "
                f"correlation={self.correlation:.3f})")


@tables(comparison=Table(None, ("p_alive", "predicted", "actual")), customers=["customer_id", "lost_date"])
def holdout_by_loss(comparison: pd.DataFrame, customers: pd.DataFrame, year: int) -> pd.DataFrame:
    """The model's view of the customers lost during the holdout ``year`` against the others.

    Parameters
    ----------
    comparison : DataFrame
        :func:`holdout_comparison`, indexed by ``customer_id``.
    customers : DataFrame
        The ``customers`` table (``lost_date``).
    year : int
        The holdout year.

    Returns
    -------
    DataFrame
        Indexed by ``lost_<year>`` (False, True): the mean ``p_alive`` at the end of the calibration and the mean
        ``predicted`` and ``actual`` holdout purchases.

    Examples
    --------
    >>> comparison = pd.DataFrame({"p_alive": [0.9, 0.5], "predicted": [3.0, 1.0], "actual": [1.0, 2.0]},
    ...                           index=pd.Index(["C1", "C2"], name="customer_id"))
    >>> customers = pd.DataFrame({"customer_id": ["C1", "C2"], "lost_date": pd.to_datetime(["2025-03-01", None])})
    >>> holdout_by_loss(comparison, customers, 2025)["p_alive"].to_dict()
    {False: 0.5, True: 0.9}
    """
    year = int(require_number(year, "year", integer=True))
    lost = customers.set_index("customer_id")["lost_date"].dt.year.eq(year).rename(f"lost_{year}")
    return comparison.groupby(lost.reindex(comparison.index))[["p_alive", "predicted", "actual"]].mean()


@tables(comparison=Table(None, ("frequency_cal", "predicted", "actual")))
def holdout_totals(comparison: pd.DataFrame, top: int = 7) -> HoldoutTotals:
    """The model's holdout prediction in total, per customer and by calibration frequency.

    Parameters
    ----------
    comparison : pandas.DataFrame
        From :func:`holdout_comparison` (columns ``frequency_cal``, ``predicted``, ``actual``).
    top : int, default 7
        Customers with ``top`` or more calibration purchases form one group ("7+"), as in the
        classic chart of Fader, Hardie & Lee (2005, Figure 4).

    Returns
    -------
    HoldoutTotals
        ``customers``; ``actual_total`` and ``predicted_total`` holdout purchases;
        ``mean_absolute_error`` per customer; ``correlation`` of predicted and actual per customer
        (NaN if either is the same for everyone); ``by_frequency``: per calibration frequency
        ("0", "1", ... "7+"; groups without customers left out) the customers and the mean actual
        and predicted holdout purchases.

    Examples
    --------
    >>> comparison = pd.DataFrame({"frequency_cal": [0, 0, 1, 9], "predicted": [0.2, 0.3, 1.0, 4.0],
    ...                            "actual": [0, 1, 1, 3]})
    >>> totals = holdout_totals(comparison)
    >>> totals
    HoldoutTotals(customers=4, actual_total=5, predicted_total=5.5, mean_absolute_error=0.475, correlation=0.953)
    >>> totals.by_frequency
                   customers  actual  predicted
    frequency_cal
    0                      2     0.5       0.25
    1                      1     1.0       1.00
    7+                     1     3.0       4.00
    """
    top = int(require_number(top, "top", low=1, high=1000, integer=True))
    x, predicted, actual = (_numbers(comparison, c, "comparison") for c in ("frequency_cal", "predicted", "actual"))
    groups = np.where(x >= top, f"{top}+", np.minimum(x, top).astype(int).astype(str))
    order = [str(k) for k in range(top)] + [f"{top}+"]
    frame = pd.DataFrame({"group": groups, "actual": actual, "predicted": predicted})
    by = frame.groupby("group").agg(customers=("actual", "size"), actual=("actual", "mean"),
                                    predicted=("predicted", "mean"))
    by = by.reindex([g for g in order if g in by.index]).rename_axis("frequency_cal")
    spread = np.std(predicted) > 0 and np.std(actual) > 0
    return HoldoutTotals(customers=len(x), actual_total=float(actual.sum()), predicted_total=float(predicted.sum()),
                         mean_absolute_error=float(np.abs(predicted - actual).mean()),
                         correlation=float(np.corrcoef(predicted, actual)[0, 1]) if spread else float("nan"),
                         by_frequency=by)


# ---------------------------------------------------------------------------------------------
# Simulation

def _ages(T, n: int) -> np.ndarray:
    """``T`` (a number, or one per customer) as an array of n positive finite ages."""
    if isinstance(T, numbers.Real) and not isinstance(T, bool):
        return np.full(n, _positive(T, "T"))
    if isinstance(T, (str, bytes)) or not hasattr(T, "__len__"):
        raise TypeError(f"T must be a number or one number per customer; got {type(T).__name__} {T!r}")
    ages = np.asarray(T)
    if ages.dtype.kind not in "iuf" or ages.ndim != 1:
        raise TypeError(f"T must be a number or one number per customer; got an array of dtype {ages.dtype}")
    if len(ages) != n:
        raise ValueError(f"T must have one age per customer (n = {n}); got {len(ages)}")
    ages = ages.astype(float)
    if not (np.isfinite(ages) & (ages > 0)).all():
        raise ValueError(f"T must hold finite ages more than 0; got {_shown(ages[~(np.isfinite(ages) & (ages > 0))])}")
    return ages


def simulate_bgnbd(n: int, r: float, alpha: float, a: float, b: float, T, random_state=0) -> pd.DataFrame:
    """Draw the purchase summaries of ``n`` customers from the BG/NBD model.

    Each customer gets a purchase rate lambda ~ Gamma(shape r, rate alpha) and a dropout
    probability p ~ Beta(a, b); after the first purchase at age 0 they buy as a Poisson process of
    rate lambda, and drop out for good right after each repeat purchase with probability p. The
    number of repeat purchases up to age T is then the smaller of a Poisson(lambda T) count and a
    geometric(p) number of purchases before the dropout, and the last purchase falls where the
    order statistics of the Poisson process put it (drawn exactly, without stepping through time).

    Parameters
    ----------
    n : int
        Number of customers (1 or more).
    r, alpha, a, b : float
        The model's parameters (see :class:`BGNBDFit`), each more than 0.
    T : float or array of float
        The customers' ages at the end of the observation: one number for all, or one per customer.
    random_state : None, int or numpy.random.Generator, default 0
        Seed.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (0 .. n - 1): ``frequency``, ``recency``, ``T``.

    Examples
    --------
    >>> summary = simulate_bgnbd(5, r=0.243, alpha=4.414, a=0.793, b=2.426, T=[39, 39, 30, 30, 20])
    >>> summary.columns.tolist()
    ['frequency', 'recency', 'T']
    >>> bool((summary["recency"] <= summary["T"]).all())
    True
    """
    n = int(require_number(n, "n", low=1, high=10**8, integer=True))
    r, alpha, a, b = (_positive(value, name) for value, name in ((r, "r"), (alpha, "alpha"), (a, "a"), (b, "b")))
    ages = _ages(T, n)
    rng = check_random_state(random_state)
    rate = rng.gamma(r, 1 / alpha, size=n)
    dropout = np.clip(rng.beta(a, b, size=n), 1e-12, 1.0)
    arrivals = rng.poisson(rate * ages)
    before_dropout = rng.geometric(dropout)  # the repeat purchase after which the customer leaves
    frequency = np.minimum(arrivals, before_dropout)
    repeat = frequency > 0
    # The k-th of N uniform arrival times in (0, T] has a Beta(k, N - k + 1) distribution.
    position = rng.beta(np.where(repeat, frequency, 1), np.where(repeat, arrivals - frequency + 1, 1))
    recency = np.where(repeat, position * ages, 0.0)
    return pd.DataFrame({"frequency": frequency.astype(int), "recency": recency, "T": ages},
                        index=pd.RangeIndex(n, name="customer_id"))


def simulate_gamma_gamma(frequency, p: float, q: float, v: float, random_state=0) -> pd.Series:
    """Draw each customer's mean purchase value from the Gamma-Gamma model.

    Each customer gets a rate nu ~ Gamma(shape q, rate v); each of their purchases is worth
    Gamma(shape p, rate nu) (mean p / nu), so the mean of x purchases is Gamma(shape p x, rate nu x).

    Parameters
    ----------
    frequency : array-like or pandas.Series of int
        Each customer's number of repeat purchases (0 or more).
    p, q, v : float
        The model's parameters (see :class:`GammaGammaFit`), each more than 0.
    random_state : None, int or numpy.random.Generator, default 0
        Seed.

    Returns
    -------
    pandas.Series
        ``monetary_value`` per customer (indexed like ``frequency`` if it is a Series), 0 where
        frequency is 0.

    Examples
    --------
    >>> values = simulate_gamma_gamma([0, 1, 5], p=6.25, q=3.74, v=15.44)
    >>> values.name, float(values.iloc[0]), bool((values.iloc[1:] > 0).all())
    ('monetary_value', 0.0, True)
    """
    index = frequency.index if isinstance(frequency, pd.Series) else None
    if isinstance(frequency, (str, bytes)) or not hasattr(frequency, "__len__"):
        raise TypeError(f"frequency must be one whole number per customer; got {type(frequency).__name__}")
    x = np.asarray(frequency)
    if x.dtype.kind not in "iuf" or x.ndim != 1:
        raise TypeError(f"frequency must be one whole number per customer; got an array of dtype {x.dtype}")
    bad = ~np.isfinite(x) | (x < 0) | (x != np.floor(x))
    if bad.any():
        raise ValueError(f"frequency must hold whole numbers, 0 or more; got {_shown(x[bad])}")
    p, q, v = (_positive(value, name) for value, name in ((p, "p"), (q, "q"), (v, "v")))
    rng = check_random_state(random_state)
    nu = rng.gamma(q, 1 / v, size=len(x))
    buyers = x > 0
    values = np.zeros(len(x))
    values[buyers] = rng.gamma(p * x[buyers], 1 / (nu[buyers] * x[buyers]))
    return pd.Series(values, index=index, name="monetary_value")
