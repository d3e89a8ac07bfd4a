"""How long the generator takes, and how much memory it needs, as the data grows.

``scale_benchmark()`` returns a DataFrame that the course's benchmark script prints.
"""

from __future__ import annotations

import time
import tracemalloc

import pandas as pd

from crmlessons.checks import require_number
from crmlessons.datasets.generate import MAX_SIZES, make_case

#: Orders per pre-existing customer in the default variant (about 37,900 orders / 1,200).
ORDERS_PER_CUSTOMER = 31.5
#: The most orders a run may target: as many customers as :func:`make_case` accepts.
MAX_ORDERS = int(MAX_SIZES["n_customers"] * ORDERS_PER_CUSTOMER)


def scale_benchmark(sizes=(10_000, 100_000, 1_000_000), random_state: int = 0) -> pd.DataFrame:
    """Time ``make_case`` for growing numbers of orders.

    Parameters
    ----------
    sizes : sequence of int, default (10_000, 100_000, 1_000_000)
        Target numbers of orders (at most ``MAX_ORDERS``, 15,750,000); each run uses
        ``n_customers = size / ORDERS_PER_CUSTOMER`` (at least 1), as many leads as customers (at
        least 100) and 40 salespeople.
    random_state : int, default 0
        Seed of the generated variants.

    Returns
    -------
    pandas.DataFrame
        One row per size: ``target_orders, orders, customers, leads, seconds, peak_mb`` (peak memory
        traced by ``tracemalloc`` during generation).

    Examples
    --------
    >>> bench = scale_benchmark(sizes=(2_000,))
    >>> list(bench.columns)
    ['target_orders', 'orders', 'customers', 'leads', 'seconds', 'peak_mb']
    >>> bool(bench.loc[0, "orders"] > 500)
    True
    """
    rows = []
    for size in sizes:
        size = require_number(size, "sizes (each)", low=1, high=MAX_ORDERS, integer=True)
        n_customers = max(1, round(size / ORDERS_PER_CUSTOMER))
        n_leads = max(100, n_customers)
        tracemalloc.start()
        t0 = time.perf_counter()
        case = make_case(random_state, n_leads=n_leads, n_customers=n_customers, n_salespeople=40)
        seconds = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append({"target_orders": size, "orders": len(case.orders), "customers": len(case.customers),
                     "leads": len(case.leads), "seconds": round(seconds, 3), "peak_mb": round(peak / 2**20, 1)})
        del case
    return pd.DataFrame(rows)


if __name__ == "__main__":
    print(scale_benchmark().to_string(index=False))
