"""Every public function of crmlessons meets bad input the same way.

The sweep finds the functions itself (every public function of every module of the package), so a new
function is covered without editing this file. For each function it builds valid arguments from the
parameter names (:data:`EXAMPLES`; a parameter it cannot fill makes the test fail and say so), calls the
function once with them, then changes one argument at a time to something bad, generated from the
signature and the data dictionary:

- a table argument: not a table, a table without rows, each column dropped, each column given one
  wrong value (text in a number column, a number out of its range, an unknown category, a date that is
  not a date), and every date column given as text (as ``read_csv`` gives it);
- a number argument: inf, -inf, NaN, text, a number too large for any computer;
- a date argument: a number (20240701), text that is not a date, a missing value;
- a seed: -1, text, a fraction;
- any argument: an object of no meaning.

Each bad call must raise ``ValueError`` or ``TypeError`` whose message names the argument (for a bad
column: the column), or return a result that this test checks is right: the same result as the valid
call (a column the function does not read may be missing or wrong; text dates mean the same dates), or,
for a table without rows where the function allows it, an empty or zero result.
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest

import crmlessons
from crmlessons.checks import TABLE_OF_ARGUMENT, Table, table_needs
data_dictionary = importlib.import_module("crmlessons.datasets.dictionary")

#: Modules whose public functions are not for course users' data (with the reason).
SKIPPED_MODULES = {
    "crmlessons.checks": "the checks themselves, whose name argument is a label; tested in tests/test_checks.py",
    "crmlessons.datasets.build": "command-line entry point that writes the shipped files",
    "crmlessons.datasets.bench": "benchmark of generator sizes, measured by the benchmark script",
    "crmlessons.doctor": "takes no data: checks the installation",
    "crmlessons.i18n": "language switch and label registry; tested in tests/test_i18n.py",
    "crmlessons.widgets.base": "the widget kit's own building blocks; tested in tests/test_widgets_kit.py",
    "crmlessons.widgets.webfont": "the web font carrier; tested in tests/test_webfont.py",
    "crmlessons.lazy": "package plumbing (returns a module __getattr__); tested by its doctest",
    "crmlessons.display": "IPython's table formatter, called with DataFrames only; tested in tests/test_display.py",
    "crmlessons.trainer.class_results": "the trainer's command reading handed-in files, not course data; "
                                        "tested in tests/test_class_results.py",
    **{f"crmlessons.trainer.{name}": f"the trainer's command that writes files; tested in tests/test_trainer_{name}.py"
       for name in ("student_edition", "answer_key", "session_plan", "handouts")},
    "crmlessons.trainer.pages": "the trainer's page style and PDF step; tested in tests/test_trainer_handouts.py",
}

#: Single functions left out, with the reason.
SKIPPED_FUNCTIONS = {
    "crmlessons.datasets.load.use_variant": "switches the global data variant; tested in tests/test_datasets.py",
    "crmlessons.datasets.generate.make_case": "slow for every bad input; its arguments are tested in test_datasets.py",
    "crmlessons.workfolder.work_folder": "creates a folder on disk; tested in tests/test_course_script.py",
    "crmlessons.results.record_check": "records any answer by design, never raises; tested in tests/test_class_results.py",
    "crmlessons.results.record_quiz": "records the quiz widget's state, never raises; tested in tests/test_class_results.py",
    "crmlessons.plots.get_ax": "takes a matplotlib Axes, not course data",
    "crmlessons.case.plan_page": "writes a file into the work folder; tested in tests/test_case.py",
    "crmlessons.plots.tidy": "takes a matplotlib Axes, not course data",
}

#: Functions that answer bad input with a result by design, and the test that the result is right.
RESULT_FOR_BAD_INPUT = {
    # A student's answer is never an error: check() says in words why it is not right.
    "crmlessons.practice.check": lambda result: getattr(result, "correct", None) is False,
}

#: Parameters that take any value of their kind by design (with the reason).
FREE_PARAMETERS = {
    "title": "any text is a title",
    "who": "any text is a name for the chart",
    "text": "any text is a raw loss reason",
    "compare_label": "any text is a label",
    "labels": "any text is a label",
    "show_compare": "a switch",
    "legend": "a switch",
    "ax": "a matplotlib Axes",
    "lang": "None or a language code",
}


@lru_cache(maxsize=None)
def case():
    from crmlessons.datasets import make_case

    return make_case(3, n_leads=600, n_customers=200, n_salespeople=10)


def _derived():
    """Valid values of arguments that are tables or values the course computes."""
    from crmlessons import ask, funnel, loss, relationship, retention, strategy

    c = case()
    person = dict(zip(ask.item_ids(), [4, 2, 3, 5, 4, 3, 2, 5, 3, 4, 4, 2]))
    return {
        "stages": relationship.lifecycle(c.customers, c.orders),
        "mapped": loss.map_reasons(c.losses).mapped,
        "values": retention.reason_values(c.losses, c.orders, c.customers, c.spend),
        "sim": strategy.simulate(),
        "counts": funnel.stage_counts(c.stage_history),
        "costs": relationship.cost_per_customer(c.spend, c.customers),
        "answers": person,
        "scores": ask.score(person),
        "deals": funnel.simulate(100, funnel.SOURCE_RATES, n_runs=200)[:, -1],
        "opportunities": 20.0,
        **_clv_derived(),
        **_value_derived(),
        **_loyalty_derived(),
    }


def _clv_derived():
    """A customer summary drawn from the BG/NBD and Gamma-Gamma models, the fits and a holdout table."""
    from crmlessons import clv

    summary = clv.simulate_bgnbd(300, r=0.5, alpha=5.0, a=0.8, b=2.5, T=39.0, random_state=1)
    summary["monetary_value"] = clv.simulate_gamma_gamma(summary["frequency"], p=6.0, q=3.7, v=15.0)
    fit = clv.fit_bgnbd(summary)
    cal_holdout = pd.DataFrame({"frequency_cal": summary["frequency"], "recency_cal": summary["recency"],
                                "T_cal": summary["T"], "monetary_value_cal": summary["monetary_value"],
                                "frequency_holdout": summary["frequency"] // 2, "duration_holdout": 26.0})
    return {"summary": summary, "fit": fit, "bgnbd_fit": fit, "gg_fit": clv.fit_gamma_gamma(summary),
            "cal_holdout": cal_holdout, "comparison": clv.holdout_comparison(fit, cal_holdout)}


def _value_derived():
    """Lesson 06's tables: margins per customer, RFM segments, a CLV curve, the segment and tenure tables."""
    from crmlessons import value

    c = case()
    margins = value.historic_value(c.orders)["margin_cny"]
    segments = value.rfm_segments(value.rfm_summary(c.orders))
    return {"margins": margins, "segments": segments, "curve": value.clv_curve(10_000.0, 0.9, years=5),
            "by_segment": value.segment_table(segments, margins),
            "by_tenure": value.value_by_tenure(c.orders, c.customers)}


def _loyalty_derived():
    """Lesson 07's tables: the three faces' answers, the matrix groups, the Kano features, manager changes vs loss."""
    from crmlessons import loyalty

    c = case()
    return {"responses": c.survey[list(loyalty.FACE_COLUMNS)].copy(), "groups": loyalty.loyalty_matrix(c.survey),
            "features": loyalty.kano_features(c.survey), "by_changes": loyalty.manager_changes_vs_loss(c.customers)}


#: An offer: a score (1-5) for each part of customer value and cost (lesson 06).
OFFER = {"product": 4.0, "service": 3.5, "personnel": 3.5, "image": 3.0, "price": 3.0, "time": 2.5, "energy": 2.5,
         "psychological": 2.0}

#: Valid example values by parameter name (tables come from a small generated case).
EXAMPLES = {
    "code": "M+A+N", "salesperson_id": "SP001", "customer_id": None, "lead_id": None,
    "prospects": 100, "rate": 0.05, "target": 5, "rates": (0.8, 0.625, 0.4, 0.5, 0.5),
    "confidence": 0.9, "deal_value": 100_000.0, "win_rate": 0.1, "cycle_days": 90.0,
    "retention": 0.9, "margin_per_year": 10_000.0, "acquisition_cost": 20_000.0, "reductions": {"price": 0.2},
    "share": 0.3, "r": 0.5, "n": 30, "value": 60.0, "dimension": "A", "item": "A1",
    "kinds": ["ask", "tell", "ask"], "facts": None, "plan": "chosen", "cost_keep": 2_000.0,
    "row": None, "question": None, "lesson": "01", "name": "00.warmup", "questions": None,
    "answer": 0.5, "chosen": None, "table": "leads", "folder": None, "column": "stage",
    "dates": ["2023-12-31", "2024-12-31"], "date": "2024-12-31", "year": 2020, "vocab": "region",
    "text": "price too high", "choice": 0, "key": "004", "where": "Table 1-1",
    "alpha": 4.4, "a": 0.8, "b": 2.4, "T": 39.0, "t": 26.0, "p": 6.0, "q": 3.7, "v": 15.0, "frequency": [0, 1, 3],
    "margin": 10_000.0, "calibration_end": "2024-12-31", "ours": OFFER, "offer": OFFER, "levers": {"structural": 0.5},
    "functional": "like", "dysfunctional": "dislike", "feature": "on_time_delivery",
}

#: Examples for a parameter of one function, where the name alone is not enough.
FUNCTION_EXAMPLES = {
    "crmlessons.datasets.validate.validate": {"df": lambda: case().leads.copy()},
    "crmlessons.funnel.size_band": {"values": lambda: case().leads["deal_value_cny"].copy()},
    "crmlessons.relationship.label": {"code": lambda: "stability"},
    "crmlessons.relationship.force_of": {"reason": lambda: "competitor"},
    "crmlessons.value.key_drivers": {"drivers": lambda: crmlessons.value.value_drivers(case().survey)},
    "crmlessons.datasets.rules.is_declining": {"orders_recent": lambda: pd.Series([1, 3, 0]),
                                               "orders_before": lambda: pd.Series([4, 4, 1])},
    "crmlessons.practice.grade": {"questions": lambda: _quiz(), "answers": lambda: [0] * len(_quiz())},
    "crmlessons.practice.option_feedback": {"question": lambda: _quiz()[0]},
    "crmlessons.plots.funnel.stage_gaps": {"table": lambda: _compare_table()},
    "crmlessons.plots.funnel.cycle_by_size": {"table": lambda: _cycle_table()},
    "crmlessons.plots.relationship.depth": {"table": lambda: _depth_table()},
    "crmlessons.plots.relationship.breadth": {"table": lambda: _breadth_table()},
    "crmlessons.plots.relationship.lifecycle": {"counts": lambda: _lifecycle_counts()},
    "crmlessons.man.beyond_man": {"by": lambda: "contact_role"},
    "crmlessons.man.if_stopped": {"stop": lambda: case().leads["need_strength"] <= 2},
    "crmlessons.value.delivered_value": {"values": lambda: {k: OFFER[k] for k in ("product", "service", "personnel", "image")},
                                         "costs": lambda: {k: OFFER[k] for k in ("price", "time", "energy", "psychological")}},
    "crmlessons.plots.value.balance_chart": {"comparison": lambda: _offer_comparison()},
    "crmlessons.case.effect_facts": {"plan": lambda: _case_plan()},
    "crmlessons.case.expected_effects": {"plan": lambda: _case_plan()},
    "crmlessons.accounts.kind_label": {"kind": lambda: "order"},
    "crmlessons.accounts.group_name": {"group": lambda: "loyalist"},
    "crmlessons.accounts.role_label": {"role": lambda: "lost"},
    "crmlessons.accounts.next_steps": {"review": lambda: _account_review().copy()},
    "crmlessons.plots.accounts.journey_chart": {"journey": lambda: _journey()},
}


@lru_cache(maxsize=None)
def _account_review():
    from crmlessons import accounts

    return accounts.account_review(case())


def _journey():
    from crmlessons import accounts

    return accounts.journey(str(case().customers["customer_id"].iloc[0]), case=case(), review=_account_review())


def _case_plan():
    from crmlessons.case import Plan

    return Plan(["champions"], 2, 0.5, ["complaint_desk"], ["product", "price"])


def _offer_comparison():
    from crmlessons import value

    return value.offer_comparison(OFFER, levers={"social": 0.5})


def _quiz():
    from crmlessons.lessons import get_quiz

    return get_quiz("01")


def _compare_table():
    from crmlessons import funnel

    return funnel.compare_to_team(case().stage_history, case().leads, "SP001")


def _cycle_table():
    from crmlessons import funnel

    return funnel.cycle_length(case().leads)


def _depth_table():
    from crmlessons import relationship

    return relationship.depth_by_year(case().orders, case().customers)


def _breadth_table():
    from crmlessons import relationship

    return relationship.breadth(case().customers)


def _lifecycle_counts():
    from crmlessons import relationship

    return relationship.lifecycle_counts(relationship.lifecycle(case().customers, case().orders))


def case_table(argument: str) -> str | None:
    table = TABLE_OF_ARGUMENT.get(argument, argument)
    return table if table in data_dictionary.TABLES else None


# ---------------------------------------------------------------------------------------------
# Finding the functions

def public_functions():
    found = []
    for info in pkgutil.walk_packages(crmlessons.__path__, "crmlessons."):
        if info.name in SKIPPED_MODULES or info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
        for name in names:
            obj = getattr(module, name, None)
            if not inspect.isfunction(obj) or obj.__module__ != module.__name__:
                continue
            qualified = f"{module.__name__}.{name}"
            if qualified not in SKIPPED_FUNCTIONS and not is_update_hook(obj):
                found.append(qualified)
    return sorted(set(found))


def is_update_hook(function) -> bool:
    """A chart's update hook redraws an Axes its chart function drew (its first argument is that Axes):
    tests/test_widgets_kit.py checks that it gives the same pixels as a fresh chart."""
    first = next(iter(inspect.signature(function).parameters.values()), None)
    return first is not None and first.name == "ax" and first.default is first.empty


def resolve(qualified: str):
    module, name = qualified.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


def needs_of(function) -> dict[str, Table]:
    return dict(table_needs(function))


# ---------------------------------------------------------------------------------------------
# Valid arguments

class NoExample(Exception):
    pass


def example(qualified: str, parameter: inspect.Parameter):
    per_function = FUNCTION_EXAMPLES.get(qualified, {})
    if parameter.name in per_function:
        return per_function[parameter.name]()
    table = case_table(parameter.name)
    if table is not None:
        return case().tables[table].copy()
    derived = _derived_cached()
    if parameter.name in derived:
        value = derived[parameter.name]
        return value.copy() if hasattr(value, "copy") else value
    if parameter.name in ("customer_id", "lead_id"):
        column = case().customers if parameter.name == "customer_id" else case().leads
        return str(column[parameter.name].dropna().iloc[0])
    if parameter.name == "facts":
        from crmlessons import man

        return man.lead_facts(case().leads, str(case().leads["lead_id"].iloc[0]))
    if parameter.name == "case":
        return case()
    if parameter.name == "row":
        return case().leads.iloc[0]
    if parameter.name == "folder":
        raise NoExample
    if parameter.name in EXAMPLES and EXAMPLES[parameter.name] is not None:
        return EXAMPLES[parameter.name]
    raise NoExample(f"{qualified}: no valid example for parameter {parameter.name!r}; add one to EXAMPLES "
                    "or FUNCTION_EXAMPLES in tests/test_bad_input.py")


@lru_cache(maxsize=None)
def _derived_cached():
    return _derived()


def valid_arguments(qualified: str) -> dict:
    function = resolve(qualified)
    args = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        optional_table = parameter.default is None and case_table(parameter.name) is not None
        if parameter.default is not parameter.empty and not optional_table:
            continue
        args[parameter.name] = example(qualified, parameter)
    return args


# ---------------------------------------------------------------------------------------------
# Bad arguments, generated from the signature and the data dictionary

@dataclass
class Bad:
    parameter: str
    value: object
    what: str
    names: tuple[str, ...]  # the message must name one of these
    may_equal: bool = False  # the valid result is also an acceptable outcome
    ignore: tuple[str, ...] = ()  # columns whose values may differ from the valid result
    empty_result_ok: bool = False


class Nonsense:
    def __repr__(self) -> str:
        return "<nonsense>"


def _bad_columns(parameter: str, frame: pd.DataFrame, table: str | None, need: Table | None):
    specs = {c.name: c for c in data_dictionary.columns(table)} if table else {}
    read = list(need.columns) if need else []
    optional = list(need.optional) if need else []
    columns = list(frame.columns)
    if need and need.table == table and (read or optional):
        # The function declares what it reads: break each of those columns, and one it does not read
        # (which must not matter), rather than every column of the table.
        unread = [c for c in columns if c not in read and c not in optional][:1]
        columns = [c for c in columns if c in read or c in optional] + unread
    for column in columns:
        if column in optional:  # the docstring says what the function does without it
            pass
        elif column in specs or column in read:
            yield Bad(parameter, frame.drop(columns=[column]), f"without column {column!r}", (column,),
                      may_equal=column not in read, ignore=(column,))
        spec = specs.get(column)
        if spec is None or len(frame) == 0:
            continue
        broken = frame.copy()
        position = len(frame) // 2
        if spec.dtype.startswith("datetime64"):
            broken[column] = broken[column].astype(object)
            broken.iloc[position, broken.columns.get_loc(column)] = "not a date"
        elif spec.dtype in ("int64", "float64"):
            broken[column] = broken[column].astype(object)
            bad_value = "many" if not isinstance(spec.allowed, tuple) else spec.allowed[1] + 10**6
            broken.iloc[position, broken.columns.get_loc(column)] = bad_value
            if isinstance(spec.allowed, tuple):
                broken[column] = pd.to_numeric(broken[column])
        elif spec.dtype == "category" and isinstance(spec.allowed, str):
            broken[column] = broken[column].astype(object)
            broken.iloc[position, broken.columns.get_loc(column)] = "no_such_value"
        else:
            continue
        yield Bad(parameter, broken, f"with a wrong value in {column!r}", (column,), may_equal=True,
                  ignore=(column,))


def bad_tables(parameter: str, frame: pd.DataFrame, need: Table | None):
    table = need.table if need else case_table(parameter)
    yield Bad(parameter, [[1, 2], [3, 4]], "a list instead of a table", (parameter,))
    yield Bad(parameter, frame.iloc[:0], "a table without rows", (parameter,),
              empty_result_ok=bool(need and need.empty_ok))
    yield from _bad_columns(parameter, frame, table, need)
    if table:
        dates = [c.name for c in data_dictionary.columns(table) if c.dtype.startswith("datetime64")
                 and c.name in frame.columns]
        if dates:
            text = frame.copy()
            for column in dates:
                text[column] = text[column].dt.strftime("%Y-%m-%d").astype(object).where(text[column].notna(), None)
            yield Bad(parameter, text, "dates as text", (), may_equal=True, ignore=tuple(dates))


DATE_PARAMETERS = {"as_of", "before", "start", "end", "date"}


def bad_values(parameter: inspect.Parameter, valid):
    name = parameter.name
    if name in FREE_PARAMETERS:
        return
    yield Bad(name, Nonsense(), "an object of no meaning", (name,))
    if name == "random_state":
        for value in (-1, "x", 1.5):
            yield Bad(name, value, f"seed {value!r}", (name,))
        return
    if name in DATE_PARAMETERS:
        for value in (20240701, "someday", float("nan")):
            yield Bad(name, value, f"date {value!r}", (name,))
        if name != "before":  # before=None means "every lead", documented
            yield Bad(name, None, "date None", (name,))
        return
    if isinstance(valid, (int, float)) and not isinstance(valid, bool):
        for value in (math.inf, -math.inf, math.nan, "12", 10**400):
            yield Bad(name, value, f"number {value!r}"[:40], (name,))


def bad_inputs(qualified: str):
    function = resolve(qualified)
    needs = needs_of(function)
    valid = valid_arguments(qualified)
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        value = valid.get(parameter.name, parameter.default)
        if isinstance(value, pd.DataFrame) or parameter.name in needs or case_table(parameter.name):
            if not isinstance(value, pd.DataFrame):
                try:
                    value = example(qualified, parameter)
                except NoExample:
                    continue
            yield from bad_tables(parameter.name, value, needs.get(parameter.name))
        else:
            yield from bad_values(parameter, value)


# ---------------------------------------------------------------------------------------------
# Judging the outcome

def same(result, expected, ignore=()) -> bool:
    """Whether ``result`` is the valid call's result, leaving out the columns in ``ignore`` (a table
    passed through may carry a dropped or changed column the function does not read)."""
    if isinstance(expected, pd.DataFrame):
        if not isinstance(result, pd.DataFrame):
            return False
        common = [c for c in expected.columns if c in result.columns and c not in ignore]
        return bool(common) and result[common].reset_index(drop=True).equals(expected[common].reset_index(drop=True))
    if isinstance(expected, pd.Series):
        return isinstance(result, pd.Series) and result.reset_index(drop=True).equals(expected.reset_index(drop=True))
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(result, float) and math.isnan(result)
    if isinstance(expected, tuple) and any(isinstance(part, (pd.DataFrame, pd.Series, np.ndarray)) for part in expected):
        return (isinstance(result, tuple) and len(result) == len(expected)
                and all(same(r, e, ignore) for r, e in zip(result, expected)))
    if isinstance(expected, np.ndarray):
        return isinstance(result, np.ndarray) and np.array_equal(result, expected, equal_nan=True)
    if isinstance(expected, (int, float, str, bool, tuple, list, dict)) or expected is None:
        return result == expected
    # Charts, widgets and other objects cannot be compared value by value: a result of the same kind
    # counts (a wrong column the function reads raises, which is what the sweep checks).
    return type(result) is type(expected)


def is_empty_result(result, expected) -> bool:
    """Whether ``result`` is what no rows give: nothing, or zeros (and missing values) wherever it
    differs from the valid call's result (a table of years keeps its years)."""
    if isinstance(result, tuple) and result:
        parts = expected if isinstance(expected, tuple) and len(expected) == len(result) else [None] * len(result)
        return all(is_empty_result(r, e) for r, e in zip(result, parts))
    if isinstance(result, np.ndarray):
        return result.size == 0 or bool((np.nan_to_num(result.astype(float)) == 0).all()) or (
            isinstance(expected, np.ndarray) and np.array_equal(result, expected))
    if isinstance(result, pd.Series):
        return len(result) == 0 or bool((result.fillna(0) == 0).all())
    if isinstance(result, pd.DataFrame):
        if len(result) == 0:
            return True
        changed = [c for c in result.columns if not (isinstance(expected, pd.DataFrame) and c in expected.columns
                                                     and result[c].reset_index(drop=True).equals(
                                                         expected[c].reset_index(drop=True)))]
        return bool((result[changed].fillna(0) == 0).all(axis=None))
    if isinstance(result, (int, float)):
        return result == 0 or math.isnan(result)
    return hasattr(result, "figure") or result in ((), [], {}, None, "")


def call(function, args):
    import matplotlib.pyplot as plt

    try:
        return function(**args)
    finally:
        plt.close("all")


FUNCTIONS = public_functions()


def test_the_sweep_finds_the_package_functions():
    assert len(FUNCTIONS) > 100
    assert "crmlessons.man.flags" in FUNCTIONS and "crmlessons.funnel.win_rate" in FUNCTIONS


@pytest.mark.parametrize("qualified", FUNCTIONS)
def test_bad_input_gets_a_clear_error_or_a_right_result(qualified):
    function = resolve(qualified)
    args = valid_arguments(qualified)
    expected = call(function, args)
    problems = []
    for bad in bad_inputs(qualified):
        try:
            result = call(function, {**args, bad.parameter: bad.value})
        except (ValueError, TypeError) as error:
            message = str(error)
            if bad.names and not any(name in message for name in bad.names):
                problems.append(f"{bad.parameter} {bad.what}: message names none of {list(bad.names)}: {message!r}")
            continue
        except Exception as error:  # noqa: BLE001 - the point of the test
            problems.append(f"{bad.parameter} {bad.what}: {type(error).__name__}: {error}")
            continue
        if bad.may_equal and same(result, expected, bad.ignore):
            continue
        if bad.empty_result_ok and is_empty_result(result, expected):
            continue
        if qualified in RESULT_FOR_BAD_INPUT and RESULT_FOR_BAD_INPUT[qualified](result):
            continue
        problems.append(f"{bad.parameter} {bad.what}: accepted silently (returned {type(result).__name__})")
    assert not problems, f"{qualified}:\n  " + "\n  ".join(problems)
