"""Lesson 00's decisions: the best choice follows the data the student has, and every choice quotes its figures."""

from __future__ import annotations

import pandas as pd
import pytest

from crmlessons import datasets, i18n
from crmlessons.practice import get_exercise

REGION = get_exercise("00.first_region")
LINE = get_exercise("00.product_line")


def customers_table(counts: dict) -> pd.DataFrame:
    """A customers table with ``counts[(region, status)]`` customers of each kind."""
    rows = [(region, status) for (region, status), n in counts.items() for _ in range(n)]
    return pd.DataFrame(rows, columns=["region", "status"])


def orders_table(totals: dict) -> pd.DataFrame:
    """An orders table with one order per product line: ``totals[line] = (amount, margin)`` in CNY."""
    return pd.DataFrame([(line, amount, margin) for line, (amount, margin) in totals.items()],
                        columns=["product_line", "amount_cny", "margin_cny"])


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


# A region with the most customers in all (East: 8) is not the best when most of them are lost;
# won-back customers buy again and count (South: 3 active + 2 won back = 5, against North's 4).
SMALL_REGIONS = {("north", "active"): 4, ("east", "active"): 2, ("east", "lost"): 6,
                 ("south", "active"): 3, ("south", "won_back"): 2, ("west", "active"): 1}


def test_the_best_region_counts_who_buys_today_not_who_was_ever_a_customer():
    customers = customers_table(SMALL_REGIONS)
    assert REGION.expected(customers=customers) == "C"  # South China
    assert REGION.check("C", customers=customers).correct
    assert not REGION.check("A", customers=customers).correct  # East: most customers, most of them lost


def test_the_best_region_changes_when_the_data_do():
    customers = customers_table({**SMALL_REGIONS, ("north", "active"): 6})
    assert REGION.expected(customers=customers) == "B"  # North China, 6 against South's 5
    right = REGION.check("B", customers=customers)
    assert right.correct and "North China: 6 customers buy" in right.message


def test_the_region_feedback_quotes_each_regions_figures():
    feedback = REGION.check("A", customers=customers_table(SMALL_REGIONS))
    assert ("East China: 2 customers buy from Hengtai today (2 active, 0 won back; another 6 were lost and buy "
            "nothing): rank 3 of the 5 regions.") in feedback.message
    right = REGION.check("C", customers=customers_table(SMALL_REGIONS)).message
    assert "South China: 5 customers buy from Hengtai today (3 active, 2 won back" in right
    assert "Central China: 0 customers buy" in right and "rank 5 of the 5 regions" in right  # no customer at all
    with i18n.using("zh"):
        zh = REGION.check("C", customers=customers_table(SMALL_REGIONS)).message
    assert "华南：目前有 5 位客户向恒泰采购（活跃 3 位，赢回 2 位；另有 0 位已流失" in zh


def test_on_the_shipped_customers_the_answer_moves_when_the_best_region_loses_its_customers():
    customers = datasets.load_customers()
    best = REGION.expected(customers=customers)
    region = dict(zip("ABCDE", ["east", "north", "south", "central", "west"]))[best]
    emptied = customers.assign(status=customers["status"].where(customers["region"] != region, "lost"))
    assert REGION.expected(customers=emptied) != best
    feedback = REGION.check(best, customers=emptied)
    assert not feedback.correct and ": 0 customers buy from Hengtai today" in feedback.message


M = 1_000_000
# Hydraulics sells the most, Maintenance service earns the most margin.
SMALL_LINES = {"bearings": (60 * M, 12 * M), "hydraulics": (100 * M, 15 * M), "maintenance_service": (50 * M, 20 * M)}


def test_the_best_product_line_is_judged_on_margin_not_on_sales():
    orders = orders_table(SMALL_LINES)
    assert LINE.expected(orders=orders) == "F"  # Maintenance service
    assert not LINE.check("B", orders=orders).correct  # Hydraulics: the most sales, less margin
    right = LINE.check("F", orders=orders).message
    assert ("Maintenance service: CNY 50.0 million of sales and CNY 20.0 million of gross margin (40% of its "
            "sales): rank 1 of the 6 lines by margin, 3 by sales.") in right
    assert "Hydraulics: CNY 100.0 million of sales and CNY 15.0 million" in right and "1 by sales" in right
    assert "Power tools: CNY 0.0 million of sales and CNY 0.0 million of gross margin (- of its sales)" in right


def test_the_best_product_line_changes_when_the_data_do():
    orders = orders_table({**SMALL_LINES, "bearings": (60 * M, 30 * M)})
    assert LINE.expected(orders=orders) == "A"  # Bearings now earns the most margin
    assert LINE.check("A", orders=orders).correct and not LINE.check("F", orders=orders).correct
    with i18n.using("zh"):
        zh = LINE.check("A", orders=orders).message
    assert "轴承：销售额 6,000 万元，毛利 3,000 万元（毛利率 50%）；按毛利在 6 条产品线中排第 1 位，按销售额排第 2 位。" in zh


def test_many_orders_are_added_up_per_line():
    orders = pd.concat([orders_table({"pneumatics": (10 * M, 9 * M)})] * 3 + [orders_table(SMALL_LINES)])
    assert LINE.expected(orders=orders) == "C"  # Pneumatics: 3 orders of 9 M margin = 27 M, the most


@pytest.mark.parametrize("decision, data", [(REGION, {"customers": customers_table(SMALL_REGIONS).drop(columns="status")}),
                                            (LINE, {"orders": orders_table(SMALL_LINES).drop(columns="margin_cny")})])
def test_data_without_a_needed_column_are_explained_not_graded(decision, data):
    feedback = decision.check("A", **data)
    assert not feedback.correct and "cannot be used" in feedback.message
