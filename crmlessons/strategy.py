"""Win new customers or keep the ones you have? A small model of where a marketing budget goes.

The literature often claims that winning a new customer costs about 5 times as much as keeping an
existing one (the course's sources repeat it: the Relationship-marketing essay and the
Customer-service courseware). This module lets a student test what follows from such a claim, year
by year, on a generic firm (:data:`DEFAULTS`) or on a firm's own figures (:func:`firm_settings`).

The model (one step per year, all plans computed at once with numpy):

* A firm starts with ``start_customers`` customers and spends a fixed ``budget`` every year:
  a share ``share_acquisition`` on winning new customers, the rest on keeping existing ones.
* **Acquisition** is linear: every ``cost_new`` yuan wins one new customer (the market is taken as
  large enough that the price of a new customer does not rise).
* **Retention**: without any retention spend, a share ``base_retention`` of the customers stays each
  year. Spending can save some of the others, but not all: at most a share ``max_retention`` can be
  kept (some customers are lost whatever the firm does: the Key-account CRM course's customer-side
  losses, such as a contact who dies or can no longer be reached). The customers that can be saved are
  ``pool = (max_retention - base_retention) x customers``; retention spend ``R`` saves
  ``pool x (1 - exp(-R / (cost_keep x pool)))`` of them. The first customers saved cost ``cost_keep``
  each; every further one costs more (**diminishing returns**), and the total never exceeds the pool
  (the **cap**).
* New customers behave like existing ones from the next year on.
* Each customer of the year brings ``margin`` yuan of gross margin; profit = margin x customers - budget.

What it leaves out: customers differ in value (lesson 06), retention and acquisition take time to
work, the market may not supply new customers at a constant price, a firm can change its split from
year to year, and money not spent is not counted.

Examples
--------
>>> sim = simulate()
>>> sorted(sim["plan"].unique())
['all_acquisition', 'all_retention', 'chosen']
>>> round(break_even_ratio(), 2)
3.72
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlessons.checks import require_number, tables

#: A generic firm (not the case company: :func:`firm_settings` reads a firm's own figures), with the
#: literature's 5 : 1 cost ratio. Its ``base_retention`` is also the course's assumption for a firm whose
#: data cannot show it (see :func:`firm_settings`).
DEFAULTS = dict(share_acquisition=0.5, cost_new=10_000.0, cost_keep=2_000.0, base_retention=0.80,
                margin=8_000.0, years=5, budget=1_000_000.0, start_customers=1_000.0, max_retention=0.95)

#: The three plans :func:`simulate` compares.
PLANS = ("chosen", "all_acquisition", "all_retention")


def _check(share_acquisition, cost_new, cost_keep, base_retention, margin, years, budget, start_customers,
           max_retention) -> None:
    require_number(share_acquisition, "share_acquisition", low=0, high=1)
    require_number(cost_new, "cost_new", low=1)
    require_number(cost_keep, "cost_keep", low=1)
    require_number(base_retention, "base_retention", low=0, high=1)
    require_number(max_retention, "max_retention", low=0, high=1)
    if max_retention < base_retention:
        raise ValueError(f"max_retention must be at least base_retention ({base_retention}); got {max_retention}")
    require_number(margin, "margin", low=0)
    require_number(years, "years", low=1, high=100, integer=True)
    require_number(budget, "budget", low=0)
    require_number(start_customers, "start_customers", low=0)


def _run(shares: np.ndarray, cost_new: float, cost_keep: float, base_retention: float, years: int,
         budget: float, start_customers: float, max_retention: float):
    """Customer paths of several plans at once: arrays (plans x years) of new, saved and customers."""
    shares = np.asarray(shares, dtype=float)
    n = np.full(shares.shape, float(start_customers))
    spend_new = shares * budget
    spend_keep = (1.0 - shares) * budget
    new_t, saved_t, n_t = [], [], []
    gap = max_retention - base_retention
    for _ in range(years):
        pool = gap * n
        with np.errstate(divide="ignore", invalid="ignore"):
            saved = np.where(pool > 0, pool * -np.expm1(-spend_keep / (cost_keep * np.where(pool > 0, pool, 1.0))),
                             0.0)
        new = spend_new / cost_new
        n = base_retention * n + saved + new
        new_t.append(new)
        saved_t.append(saved)
        n_t.append(n)
    return np.stack(new_t, -1), np.stack(saved_t, -1), np.stack(n_t, -1)


def simulate(share_acquisition: float = DEFAULTS["share_acquisition"], cost_new: float = DEFAULTS["cost_new"],
             cost_keep: float = DEFAULTS["cost_keep"], base_retention: float = DEFAULTS["base_retention"],
             margin: float = DEFAULTS["margin"], years: int = DEFAULTS["years"],
             budget: float = DEFAULTS["budget"], start_customers: float = DEFAULTS["start_customers"],
             max_retention: float = DEFAULTS["max_retention"]) -> pd.DataFrame:
    """Simulate the chosen budget split against the two extremes, year by year.

    Parameters
    ----------
    share_acquisition : float in [0, 1], default 0.5
        Share of the yearly budget spent on winning new customers (the rest keeps existing ones).
    cost_new : float, default 10,000
        Yuan to win one new customer.
    cost_keep : float, default 2,000
        Yuan to save the first customer who would otherwise leave (later ones cost more; see the
        module's docstring).
    base_retention : float in [0, 1], default 0.80
        Share of customers who stay a year with no retention spend.
    margin : float, default 8,000
        Gross margin per customer per year (yuan).
    years : int, default 5
    budget : float, default 1,000,000
        Yearly budget (yuan), the same every year.
    start_customers : float, default 1,000
    max_retention : float in [base_retention, 1], default 0.95
        The most customers any retention spend can keep (the cap).

    Returns
    -------
    DataFrame
        One row per plan (:data:`PLANS`) and year ``0 .. years``: ``plan``, ``year``,
        ``share_acquisition``, ``new_customers``, ``saved_customers``, ``customers`` (at the year's
        end), ``profit`` and ``cumulative_profit`` (yuan; year 0 is the start, with no profit).

    Examples
    --------
    >>> sim = simulate(share_acquisition=0.2, years=3)
    >>> last = sim[sim["year"] == 3].set_index("plan")
    >>> last["customers"].round().astype(int).to_dict()
    {'chosen': 889, 'all_acquisition': 756, 'all_retention': 845}
    """
    _check(share_acquisition, cost_new, cost_keep, base_retention, margin, years, budget, start_customers,
           max_retention)
    shares = np.array([share_acquisition, 1.0, 0.0])
    new, saved, customers = _run(shares, cost_new, cost_keep, base_retention, years, budget, start_customers,
                                 max_retention)
    profit = margin * customers - budget
    zeros = np.zeros((len(shares), 1))
    customers = np.hstack([np.full((len(shares), 1), float(start_customers)), customers])
    new, saved = np.hstack([zeros, new]), np.hstack([zeros, saved])
    profit = np.hstack([zeros, profit])
    return pd.DataFrame({
        "plan": pd.Categorical(np.repeat(PLANS, years + 1), categories=PLANS),
        "year": np.tile(np.arange(years + 1), len(shares)),
        "share_acquisition": np.repeat(shares, years + 1),
        "new_customers": new.ravel(),
        "saved_customers": saved.ravel(),
        "customers": customers.ravel(),
        "profit": profit.ravel(),
        "cumulative_profit": np.cumsum(profit, axis=1).ravel(),
    })


@tables(sim=["plan", "year", "customers", "cumulative_profit", "share_acquisition"])
def summary(sim: pd.DataFrame) -> pd.DataFrame:
    """Customers and cumulative profit of each plan in the last year of a :func:`simulate` result.

    Examples
    --------
    >>> summary(simulate())["customers"].round().astype(int).to_dict()
    {'chosen': 889, 'all_acquisition': 664, 'all_retention': 759}
    """
    last = sim[sim["year"] == sim["year"].max()]
    table = last.set_index(last["plan"].astype(str))[["share_acquisition", "customers", "cumulative_profit"]]
    table.index.name = None
    return table


def best_share(cost_new: float = DEFAULTS["cost_new"], cost_keep: float = DEFAULTS["cost_keep"],
               base_retention: float = DEFAULTS["base_retention"], margin: float = DEFAULTS["margin"],
               years: int = DEFAULTS["years"], budget: float = DEFAULTS["budget"],
               start_customers: float = DEFAULTS["start_customers"],
               max_retention: float = DEFAULTS["max_retention"], step: float = 0.01) -> float:
    """The share of the budget for acquisition that gives the most cumulative profit (to ``step``).

    All splits ``0, step, 2 step, ..., 1`` are simulated at once; with the same split every year,
    the one with the highest cumulative profit after ``years`` wins (the smallest share on a tie).

    Examples
    --------
    >>> best_share()
    0.53
    >>> best_share(cost_new=2_000)
    1.0
    """
    _check(0.5, cost_new, cost_keep, base_retention, margin, years, budget, start_customers, max_retention)
    require_number(step, "step", low=1e-4, high=1)
    shares = np.round(np.linspace(0.0, 1.0, int(round(1 / step)) + 1), 6)
    _, _, customers = _run(shares, cost_new, cost_keep, base_retention, years, budget, start_customers,
                           max_retention)
    total = (margin * customers - budget).sum(axis=1)
    return float(shares[int(np.argmax(np.round(total, 6)))])


def break_even_ratio(cost_keep: float = DEFAULTS["cost_keep"], base_retention: float = DEFAULTS["base_retention"],
                     years: int = DEFAULTS["years"], budget: float = DEFAULTS["budget"],
                     start_customers: float = DEFAULTS["start_customers"],
                     max_retention: float = DEFAULTS["max_retention"]) -> float:
    """The cost ratio (new : kept) above which spending everything on retention beats all-acquisition.

    All-acquisition and all-retention end with the same cumulative profit after ``years`` exactly
    when winning a customer costs this many times ``cost_keep``; if new customers cost more, keeping
    pays better. The margin and the budget's profit cost are the same for both plans, so they drop
    out. Computed in closed form: with all-acquisition, customers after year t are
    ``N0 b^t + (B / c) (1 - b^t) / (1 - b)``, linear in ``1 / c``.

    Returns
    -------
    float
        The ratio; ``inf`` when retention spend can keep no one (``max_retention == base_retention``
        or no customers), ``nan`` with no budget.

    Examples
    --------
    >>> round(break_even_ratio(), 2)
    3.72
    >>> break_even_ratio(max_retention=0.8)
    inf
    """
    _check(0.0, 1.0, cost_keep, base_retention, 0.0, years, budget, start_customers, max_retention)
    if budget == 0:
        return float("nan")
    _, _, kept = _run(np.array([0.0]), 1.0, cost_keep, base_retention, years, budget, start_customers,
                      max_retention)
    t = np.arange(1, years + 1)
    b = base_retention
    decay = b ** t
    growth = t.astype(float) if b == 1 else (1 - decay) / (1 - b)  # customers per (budget / cost) won
    gain = kept[0].sum() - start_customers * decay.sum()  # customer-years that retention adds
    if gain <= 1e-9:
        return float("inf")
    cost_new = budget * growth.sum() / gain
    return float(cost_new / cost_keep)


_SPEND = ["year", "spend_type", "amount_cny"]
_CUSTOMER_DATES = ["acquired_date", "lost_date", "won_back_date"]


@tables(orders=["order_date", "margin_cny"], customers=_CUSTOMER_DATES, spend=_SPEND)
def firm_settings(orders: pd.DataFrame, customers: pd.DataFrame, spend: pd.DataFrame) -> dict:
    """The simulator's settings read from a firm's own tables, over the years of ``spend``.

    What the tables show:

    * ``margin``: gross margin per customer-year, the orders' ``margin_cny`` of those years divided by
      the customer-years (each year's customers on 1 January and on 31 December, averaged);
    * ``start_customers``: the customers at the end of the last year;
    * ``budget``: the yearly sales and marketing spend, on average; ``share_acquisition``: the share of
      it spent on winning customers (the firm's own split);
    * ``cost_new``: acquisition spend per customer won (:func:`crmlessons.relationship.cost_per_customer`);
    * ``cost_keep``: retention spend per customer kept. In the model it is the cost of the *first*
      customer saved: the cheapest a kept customer can be, since the average also counts customers
      who would have stayed anyway;
    * ``max_retention``: the share of customers kept (kept / customers on 1 January, all years
      together). The course takes what the firm achieved with its spend as the most spend can keep.

    What they cannot show: how many customers would stay with no retention spend (the firm always
    spent). ``base_retention`` is the course's assumption, :data:`DEFAULTS`' 0.80 (or the firm's
    retention if that is lower). ``years`` is :data:`DEFAULTS`' 5.

    Returns
    -------
    dict
        The keyword arguments of :func:`simulate` (the keys of :data:`DEFAULTS`), as floats (``years`` int).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> hengtai = firm_settings(datasets.load_orders(), datasets.load_customers(), datasets.load_spend())
    >>> round(hengtai["margin"], -3), round(hengtai["max_retention"], 3), hengtai["start_customers"]
    (73000.0, 0.955, 1069.0)
    >>> summary(simulate(**hengtai))["customers"].round().astype(int).to_dict()
    {'chosen': 1189, 'all_acquisition': 1300, 'all_retention': 851}
    """
    from crmlessons.relationship import breadth, cost_per_customer

    costs = cost_per_customer(spend, customers)
    counts = breadth(customers, costs["year"].tolist())
    won, kept, start = (float(counts[column].sum()) for column in ("won", "kept", "active_start"))
    acquisition, retention = float(costs["acquisition_cny"].sum()), float(costs["retention_cny"].sum())
    if min(won, kept, start, retention) <= 0:
        raise ValueError(f"customers and spend must show customers won and kept and some retention spend in the "
                         f"years of spend; got {won:.0f} won, {kept:.0f} kept, {retention:,.0f} CNY retention spend")
    customer_years = float(((counts["active_start"] + counts["active_end"]) / 2).sum())
    margin = float(orders.loc[orders["order_date"].dt.year.isin(costs["year"]), "margin_cny"].sum())
    kept_share = kept / start
    return dict(share_acquisition=acquisition / (acquisition + retention), cost_new=acquisition / won,
                cost_keep=retention / kept, base_retention=min(DEFAULTS["base_retention"], kept_share),
                margin=margin / customer_years, years=int(DEFAULTS["years"]),
                budget=(acquisition + retention) / len(costs),
                start_customers=float(counts["active_end"].iloc[-1]), max_retention=kept_share)


__all__ = ["DEFAULTS", "PLANS", "simulate", "summary", "best_share", "break_even_ratio", "firm_settings"]
