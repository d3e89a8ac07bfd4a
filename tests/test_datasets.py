"""Tests of crmlessons.datasets: loaders, generators, dictionaries, validation, shipped files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import crmlessons.datasets as ds
from crmlessons.datasets import build as build_mod

ROOT = Path(__file__).resolve().parents[1]
SMALL = {"n_leads": 400, "n_customers": 150, "n_salespeople": 8}


@pytest.fixture(scope="module")
def case():
    return ds.load_case()


@pytest.fixture(scope="module")
def small():
    return ds.make_case(7, **SMALL)


# ------------------------------------------------------------------ loading
@pytest.mark.parametrize("table", ds.TABLES)
def test_every_load_function_matches_dictionary(table):
    df = getattr(ds, f"load_{table}")()
    d = ds.dictionary(table)
    assert list(df.columns) == list(d["column"])
    assert len(df) > 0
    for col, dtype in zip(d["column"], d["dtype"]):
        if dtype == "category":
            assert isinstance(df[col].dtype, pd.CategoricalDtype), col
        elif dtype.startswith("datetime64"):
            assert df[col].dtype == np.dtype("datetime64[ns]"), col
        elif dtype == "str":
            # pandas 3 has a string dtype; pandas 2 (Python 3.10) keeps text as object
            values = df[col].dropna()
            assert values.map(type).eq(str).all() and not df[col].isin(["nan", "None"]).any(), col
        else:
            assert df[col].dtype == np.dtype(dtype), col
    ds.validate(df, table)


def test_sizes_of_default(case):
    assert len(case.salespeople) == 40
    assert len(case.leads) == 4000
    assert len(case.customers) >= 1000
    assert (case.customers["origin"] == "pre_existing").sum() >= 1200
    assert 10_000 <= len(case.orders) <= 100_000
    assert len(case.ask_items) == 12


def test_load_case_equals_make_case_0(case):
    made = ds.make_case(0)
    for name in ds.TABLES:
        pd.testing.assert_frame_equal(case.tables[name], made.tables[name], check_exact=False, rtol=1e-9)


def test_case_tables_dict_and_repr(case):
    assert list(case.tables) == list(ds.TABLES)
    assert case.tables["orders"] is case.orders
    assert "orders=" in repr(case)


def test_dates_are_fixed_not_today(case):
    as_of = pd.Timestamp("2025-12-31")
    assert case.orders["order_date"].max() <= as_of
    assert case.leads["created_date"].max() <= as_of
    assert case.leads["closed_date"].max() <= as_of
    assert case.orders["order_date"].min() >= pd.Timestamp("2019-01-01")


def test_no_protected_attributes(case):
    words = ("gender", "sex", "age", "ethnic", "race", "birth", "religion")
    for name, df in case.tables.items():
        for col in df.columns:
            assert not any(col == w or col.startswith(w + "_") for w in words), (name, col)


# ------------------------------------------------------------------ shipped files
def test_build_regenerates_shipped_files_byte_for_byte(tmp_path):
    written = build_mod.build(tmp_path)
    assert {p.name for p in written} == {f"{t}.csv" for t in ds.TABLES} | {"README.md"}
    for path in written:
        shipped = ROOT / "datasets" / path.name
        assert shipped.read_bytes() == path.read_bytes(), path.name


def test_build_command_line(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "crmlessons.datasets.build", "--out", str(out)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (out / "orders.csv").read_bytes() == (ROOT / "datasets" / "orders.csv").read_bytes()
    # outside the repository, --out is required
    result = subprocess.run([sys.executable, "-m", "crmlessons.datasets.build"], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode != 0 and "--out" in result.stderr


def test_shipped_files_format_and_size():
    total = 0
    for t in ds.TABLES:
        data = (ROOT / "datasets" / f"{t}.csv").read_bytes()
        total += len(data)
        assert b"\r\n" not in data
        data.decode("utf-8")
    assert total < 6 * 2**20
    readme = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    for t in ds.TABLES:
        assert f"`{t}`" in readme
    for name in ds.planted_effects()["name"]:
        assert name in readme


def test_raw_reasons_keep_na_like_text(case):
    raw = set(case.losses["reason_raw"].dropna())
    assert {"n/a", "不详", "other"} & raw
    assert "价格太高" in raw or "PRICE" in raw


# ------------------------------------------------------------------ generators
def test_make_case_is_deterministic_and_seed_dependent(small):
    again = ds.make_case(7, **SMALL)
    other = ds.make_case(8, **SMALL)
    for name in ds.TABLES:
        pd.testing.assert_frame_equal(small.tables[name], again.tables[name])
    assert not small.orders.equals(other.orders)


def test_make_case_accepts_generator():
    a = ds.make_case(np.random.default_rng(3), **SMALL)
    b = ds.make_case(np.random.default_rng(3), **SMALL)
    assert a.leads.equals(b.leads)


@pytest.mark.parametrize("table", ds.TABLES)
def test_make_table_wrappers_are_consistent(table, small):
    df = getattr(ds, f"make_{table}")(7, **SMALL)
    pd.testing.assert_frame_equal(df, small.tables[table])


def test_small_variants_validate():
    for seed in range(5):
        ds.validate_case(ds.make_case(seed, n_leads=50, n_customers=20, n_salespeople=2))
    ds.validate_case(ds.make_case(0, n_leads=1, n_customers=1, n_salespeople=1))


def test_make_case_sizes(small):
    assert len(small.leads) == SMALL["n_leads"]
    assert len(small.salespeople) == SMALL["n_salespeople"]
    assert (small.customers["origin"] == "pre_existing").sum() == SMALL["n_customers"]
    assert (small.customers["origin"] == "won_lead").sum() == (small.leads["outcome"] == "won").sum()


@pytest.mark.parametrize("kwargs, exc, words", [
    ({"random_state": "a"}, TypeError, ["random_state", "str"]),
    ({"random_state": 1.5}, TypeError, ["random_state", "float"]),
    ({"random_state": -1}, ValueError, ["random_state", "-1"]),
    ({"n_leads": -5}, ValueError, ["n_leads", ">= 1", "-5"]),
    ({"n_customers": 0}, ValueError, ["n_customers", "0"]),
    ({"n_salespeople": 2.0}, TypeError, ["n_salespeople", "float"]),
    ({"n_leads": True}, TypeError, ["n_leads", "bool"]),
])
def test_make_case_bad_arguments(kwargs, exc, words):
    with pytest.raises(exc) as info:
        ds.make_case(**kwargs)
    for w in words:
        assert w in str(info.value)


def test_bad_table_names():
    with pytest.raises(ValueError, match="table must be one of .*'nope'"):
        ds.dictionary("nope")
    with pytest.raises(TypeError, match="table must be a str"):
        ds.dictionary(3)
    with pytest.raises(ValueError, match="table"):
        ds.load_table("nope")
    with pytest.raises(ValueError, match="table"):
        ds.validate(pd.DataFrame(), "nope")
    with pytest.raises(ValueError, match="column must be .*'nope'"):
        ds.value_labels("nope")


# ------------------------------------------------------------------ dictionaries and labels
@pytest.mark.parametrize("table", ds.TABLES)
def test_dictionary_has_labels(table):
    d = ds.dictionary(table)
    assert list(d.columns) == ["column", "dtype", "unit", "allowed", "nullable", "key", "description",
                               "label_en", "label_zh"]
    assert d["label_en"].str.len().gt(0).all() and d["label_zh"].str.len().gt(0).all()
    assert d["description"].str.len().gt(0).all()
    assert d["key"].any()


def test_value_labels_cover_every_category_value(case):
    for name, df in case.tables.items():
        for col in df.columns:
            if isinstance(df[col].dtype, pd.CategoricalDtype):
                labels = ds.value_labels(col)
                assert set(df[col].cat.categories) == set(labels), (name, col)
                for v in labels.values():
                    assert v["en"] and v["zh"]
                    assert any("\u4e00" <= ch <= "\u9fff" for ch in v["zh"]), v


def test_stage_is_ordered(case):
    assert case.leads["stage_reached"].cat.ordered
    assert list(ds.value_labels("stage")) == ["prospect", "contacted", "talking_business", "proposal",
                                              "negotiation", "won"]


# ------------------------------------------------------------------ validation
def test_validate_reports_column_and_rows(case):
    leads = case.leads.copy()
    leads.loc[[3, 10, 11], "outcome"] = np.nan
    with pytest.raises(ds.ValidationError) as info:
        ds.validate(leads, "leads")
    msg = str(info.value)
    assert "leads.outcome" in msg and "3 row(s)" in msg and "[3, 10, 11]" in msg
    assert isinstance(info.value, ValueError)


def test_validate_missing_column_and_type(case):
    with pytest.raises(ds.ValidationError, match="missing column.*'tier'"):
        ds.validate(case.orders.drop(columns="tier"), "orders")
    bad = case.orders.head(20).copy()
    bad["amount_cny"] = "x"
    with pytest.raises(ds.ValidationError, match="amount_cny.*float"):
        ds.validate(bad, "orders")
    bad = case.orders.head(20).copy()
    bad["tier"] = bad["tier"].astype(str)
    bad.loc[4, "tier"] = "gold"
    with pytest.raises(ds.ValidationError, match=r"orders.tier: values not in .* 1 row\(s\): \[4\]"):
        ds.validate(bad, "orders")


def test_validate_duplicate_key_and_range(case):
    sp = pd.concat([case.salespeople, case.salespeople.head(2)])
    with pytest.raises(ds.ValidationError, match="salesperson_id: duplicate key"):
        ds.validate(sp, "salespeople")
    survey = case.survey.copy()
    survey.loc[survey.index[:7], "satisfaction"] = 6
    with pytest.raises(ds.ValidationError, match=r"satisfaction: values outside 1 to 5 in 7 row\(s\): .*\.\.\."):
        ds.validate(survey, "survey")


def test_validate_case_links(case):
    ds.validate_case(case)
    broken = ds.Case(**{k: v.copy() for k, v in case.tables.items()})
    broken.leads.loc[5, "salesperson_id"] = "SP999"
    with pytest.raises(ds.ValidationError, match=r"leads.salesperson_id: values not found in salespeople"):
        ds.validate_case(broken)
    broken = ds.Case(**{k: v.copy() for k, v in case.tables.items()})
    broken.customers.loc[0, "referred_by"] = "C99999"
    with pytest.raises(ds.ValidationError, match="customers.referred_by"):
        ds.validate_case(broken)
    broken = ds.Case(**{k: v.copy() for k, v in case.tables.items()})
    broken.losses = broken.losses[broken.losses["loss_type"] != "customer"]
    with pytest.raises(ds.ValidationError, match="lost customers without a loss record"):
        ds.validate_case(broken)


# ------------------------------------------------------------------ content consistency
def test_stage_history_matches_leads(case):
    sh = case.stage_history
    last = sh.sort_values("stage_order").groupby("lead_id").tail(1).set_index("lead_id")
    leads = case.leads.set_index("lead_id")
    assert (last["stage"].astype(str) == leads.loc[last.index, "stage_reached"].astype(str)).all()
    assert (sh.groupby("lead_id")["entered_date"].apply(lambda s: s.is_monotonic_increasing)).all()
    first = sh[sh["stage_order"] == 0].set_index("lead_id")["entered_date"]
    assert (first == leads.loc[first.index, "created_date"]).all()


def test_losses_have_raw_and_clean_codes(case):
    losses = case.losses
    assert set(losses["loss_type"]) == {"deal", "customer"}
    unknown = losses["reason"].isna()
    assert 0.03 < unknown.mean() < 0.15
    assert (losses["category"].isna() == unknown).all()
    assert losses.loc[~unknown, "reason_raw"].notna().all()
    assert (losses["lead_id"].isna() != losses["customer_id"].isna()).all()


def test_salesperson_results_follow_from_leads(case):
    sp = case.salespeople.set_index("salesperson_id")
    won = case.leads[case.leads["outcome"] == "won"]
    assert (won.groupby("salesperson_id")["deal_value_cny"].sum()
            .reindex(sp.index, fill_value=0).round(2) == sp["revenue_cny"]).all()
    assert sp["leads_worked"].sum() == len(case.leads)


def test_deal_sizes_skewed_and_seasonal_orders(case):
    v = case.leads["deal_value_cny"]
    assert v.mean() > 1.3 * v.median()
    by_month = case.orders["order_date"].dt.month.value_counts()
    assert by_month[12] > 1.5 * by_month[2]


def test_repurchase_spans_lifecycle(case):
    n_lines = case.orders.groupby("customer_id")["product_line"].nunique()
    assert (n_lines > 1).mean() > 0.5  # cross-selling exists
    assert (case.customers["status"] == "won_back").sum() > 0
    assert case.customers["referred_by"].notna().sum() > 100


def test_use_variant_switches_every_loader_and_every_check():
    from crmlessons import practice

    exercise = practice.get_exercise("04.win_rate")
    shipped_answer = exercise.expected()
    try:
        ds.use_variant(11)
        assert ds.current_variant() == 11
        variant = ds.make_case(11)
        pd.testing.assert_frame_equal(ds.load_leads(), variant.leads)
        variant_answer = exercise.expected()
        assert variant_answer != shipped_answer
        assert practice.check("04.win_rate", variant_answer).correct
        assert not practice.check("04.win_rate", shipped_answer).correct
    finally:
        ds.use_variant(None)
    assert ds.current_variant() is None and exercise.expected() == shipped_answer


def test_use_variant_rejects_a_bad_seed_by_name():
    with pytest.raises((TypeError, ValueError), match="random_state"):
        ds.use_variant("group 3")
