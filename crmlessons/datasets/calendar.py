"""The case company's calendar, written once: every module that needs one of these dates imports it.

It imports nothing of the package, so that the data dictionary (which quotes these dates in its
descriptions) can use it too; :mod:`crmlessons.datasets.rules` re-exports them next to the rules
that use them.

Examples
--------
>>> AS_OF, DECIDED_BEFORE, YEARS[0], YEARS[-1]
('2025-12-31', '2024-07-01', 2019, 2025)
"""

from __future__ import annotations

__all__ = ["AS_OF", "DECIDED_BEFORE", "LEADS_START", "ORDERS_START", "YEARS"]

#: The data date: the tables are as known at the end of this day.
AS_OF = "2025-12-31"
#: Leads created before this date are all decided (won or lost) by :data:`AS_OF`.
DECIDED_BEFORE = "2024-07-01"
#: First day of the leads period (leads were created 2022-2025).
LEADS_START = "2022-01-01"
#: First day of the order history (the ERP starts here).
ORDERS_START = "2019-01-01"
#: The analysis years of orders and spend.
YEARS = tuple(range(int(ORDERS_START[:4]), int(AS_OF[:4]) + 1))
