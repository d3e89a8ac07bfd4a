"""Argument checks shared by every module, with messages a student can act on.

Each check names the argument or column, says what was expected and what was given, and raises an
ordinary ``ValueError`` or ``TypeError``: never a bare ``KeyError`` from deep inside pandas.

- :func:`require_number`, :func:`require_choice`, :func:`require_date`, :func:`check_random_state`
  check one value;
- :func:`require_table` checks a table against the case company's data dictionary (columns present,
  types, allowed values and ranges, dates parsed or parseable, not empty), and :func:`tables` is the
  decorator that runs it on entry to every public function that takes a case table: one guard at
  every door.

Examples
--------
>>> import pandas as pd
>>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "orders")
Traceback (most recent call last):
...
ValueError: orders is missing column(s) ['b']; it has ['a']
>>> require_number(1.5, "margin", low=0, high=1)
Traceback (most recent call last):
...
ValueError: margin must be between 0 and 1; got 1.5
>>> require_number(float("inf"), "margin")
Traceback (most recent call last):
...
ValueError: margin must be a finite number; got inf
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

__all__ = ["require_frame", "require_columns", "require_number", "require_choice", "require_date",
           "require_years", "require_flag", "check_random_state", "require_table", "Table", "tables", "table_needs"]

#: The largest whole number a computation can hold (numpy's int64).
_LARGEST_WHOLE = 2**63 - 1

#: A date is given as text in this form (or as a date / datetime / pandas Timestamp).
DATE_EXAMPLE = "2025-12-31"


def require_frame(frame, name: str) -> None:
    """Raise ``TypeError`` unless ``frame`` is a pandas DataFrame."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}")


def require_columns(frame, columns: Iterable[str], name: str) -> None:
    """Raise ``ValueError`` naming every column of ``columns`` that ``frame`` lacks.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to check.
    columns : iterable of str
        The columns the caller needs.
    name : str
        How the table is called in the message (usually the argument name).
    """
    require_frame(frame, name)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {missing}; it has {list(frame.columns)}")


def require_number(value, name: str, low: float | None = None, high: float | None = None,
                   integer: bool = False) -> float:
    """Return ``value`` if it is a finite number within ``[low, high]``; else raise naming ``name``.

    Examples
    --------
    >>> require_number(3, "years", low=1, integer=True)
    3
    >>> require_number(True, "years")
    Traceback (most recent call last):
    ...
    TypeError: years must be a number; got bool True
    """
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        expected = "a whole number" if integer else "a number"
        raise TypeError(f"{name} must be {expected}; got {type(value).__name__} {value!r}")
    if value != value:  # NaN
        raise ValueError(f"{name} must be a number; got NaN")
    if integer and abs(int(value)) > _LARGEST_WHOLE:
        raise ValueError(f"{name} must be a whole number of at most {_LARGEST_WHOLE:,}; got one with "
                         f"{len(str(abs(int(value))))} digits")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # a Python int too large for a float (10**400)
        finite = False
    if not finite:
        shown = value if isinstance(value, float) else f"a number with {len(str(abs(int(value))))} digits"
        raise ValueError(f"{name} must be a finite number; got {shown}")
    if low is not None and high is not None and not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}; got {value}")
    if low is not None and value < low:
        raise ValueError(f"{name} must be at least {low}; got {value}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be at most {high}; got {value}")
    return value


def require_flag(value, name: str) -> bool:
    """Return ``value`` if it is True or False; else raise ``TypeError`` naming ``name``.

    Examples
    --------
    >>> require_flag("yes", "spread_unknown")
    Traceback (most recent call last):
    ...
    TypeError: spread_unknown must be True or False; got str 'yes'
    """
    import numpy as np

    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False; got {type(value).__name__} {value!r}")
    return bool(value)


def require_choice(value, name: str, choices: Sequence) -> object:
    """Return ``value`` if it is one of ``choices``; else raise ``ValueError`` listing them.

    Examples
    --------
    >>> require_choice("won", "outcome", ["won", "lost"])
    'won'
    """
    try:
        known = value in choices
    except TypeError:  # an unhashable value asked of a set or dict
        known = False
    if not known:
        raise ValueError(f"{name} must be one of {list(choices)}; got {value!r}")
    return value


def require_date(value, name: str):
    """Return ``value`` as a pandas Timestamp, or raise naming ``name``.

    A date is text such as ``"2025-12-31"``, a ``datetime.date``/``datetime`` or a pandas
    Timestamp. Numbers are refused (``20240701`` would otherwise be read as nanoseconds since 1970),
    and so are missing values and text that is not a date.

    Examples
    --------
    >>> require_date("2024-07-01", "before")
    Timestamp('2024-07-01 00:00:00')
    >>> require_date(20240701, "before")
    Traceback (most recent call last):
    ...
    TypeError: before must be a date such as '2025-12-31'; got int 20240701
    """
    import datetime

    import numpy as np
    import pandas as pd

    if not isinstance(value, (str, datetime.date, np.datetime64)):
        raise TypeError(f"{name} must be a date such as {DATE_EXAMPLE!r}; got {type(value).__name__} {value!r}")
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{name} must be a date such as {DATE_EXAMPLE!r}; got {value!r}") from None
    if pd.isna(stamp):
        raise ValueError(f"{name} must be a date such as {DATE_EXAMPLE!r}; got {value!r}")
    return stamp


def require_years(years, name: str = "years") -> list[int]:
    """Return ``years`` (a list or range of calendar years) as a list of ints, or raise naming ``name``.

    Examples
    --------
    >>> require_years(range(2019, 2022))
    [2019, 2020, 2021]
    >>> require_years([2019.5])
    Traceback (most recent call last):
    ...
    TypeError: years[0] must be a whole number; got float 2019.5
    """
    if isinstance(years, (str, bytes)) or not hasattr(years, "__iter__"):
        raise TypeError(f"{name} must be a list or range of whole years such as range(2019, 2026); "
                        f"got {type(years).__name__} {years!r}")
    values = list(years)
    if not values:
        raise ValueError(f"{name} must list at least one year; got none")
    return [int(require_number(y, f"{name}[{i}]", low=1900, high=2100, integer=True)) for i, y in enumerate(values)]


def check_random_state(random_state, name: str = "random_state"):
    """Turn ``random_state`` (None, a non-negative int or a numpy Generator) into a Generator.

    Every seeded function of the course goes through this check, so a seed of the wrong kind gets
    the same clear message everywhere.

    Examples
    --------
    >>> int(check_random_state(7).integers(0, 100)) == int(check_random_state(7).integers(0, 100))
    True
    >>> check_random_state(-1)
    Traceback (most recent call last):
    ...
    ValueError: random_state must be a non-negative whole number; got -1
    """
    import numpy as np

    if random_state is None:
        return np.random.default_rng()
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool):
        if random_state < 0:
            raise ValueError(f"{name} must be a non-negative whole number; got {random_state}")
        return np.random.default_rng(int(random_state))
    raise TypeError(f"{name} must be None, a non-negative whole number or a numpy.random.Generator; "
                    f"got {type(random_state).__name__} {random_state!r}")


# ---------------------------------------------------------------------------------------------
# Tables: one guard at every door

@dataclass(frozen=True)
class Table:
    """What a function needs of one table argument (see :func:`tables`).

    Parameters
    ----------
    table : str or None
        The case table it is (``"leads"``, ``"stage_history"`` ...), whose data dictionary gives each
        column's type and allowed values; None for a table the course computes (then only the
        columns' presence is checked).
    columns : sequence of str
        The columns the function reads.
    empty_ok : bool, default False
        Whether a table without rows is a valid input (the function then returns an empty or zero
        result, as its docstring says).
    optional : sequence of str
        Columns the function uses when they are there (its docstring says what it does without
        them); when present they are checked like ``columns``.
    """

    table: str | None
    columns: Sequence[str] = ()
    empty_ok: bool = False
    optional: Sequence[str] = ()


def _sample(values) -> str:
    values = list(values.tolist() if hasattr(values, "tolist") else values)
    values = [int(v) if isinstance(v, float) and v.is_integer() else v for v in values]
    shown = values[:3]
    return ", ".join(repr(v) for v in shown) + (", ..." if len(values) > 3 else "")


def _check_dates(s, label: str):
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(s):
        return None
    present = s.dropna()
    if len(present) and not all(isinstance(v, str) for v in present):
        raise TypeError(f"{label} must hold dates such as {DATE_EXAMPLE!r}; got dtype {s.dtype}")
    parsed = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
    bad = s[s.notna().to_numpy() & parsed.isna().to_numpy()]
    if len(bad):
        raise ValueError(f"{label} must hold dates such as {DATE_EXAMPLE!r}; got {_sample(bad.unique())}"
                         f" in {len(bad)} row(s)")
    return parsed.astype("datetime64[ns]")


def _check_numbers(s, label: str, spec):
    import numpy as np
    import pandas as pd

    converted = None
    if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
        try:  # a column of numbers and None typed by hand is fine
            if pd.api.types.is_bool_dtype(s):
                raise TypeError
            s = converted = pd.to_numeric(s.astype(object), errors="raise").astype("float64")
        except (TypeError, ValueError):
            raise TypeError(f"{label} must hold numbers; got dtype {s.dtype}"
                            f" (e.g. {_sample(s.dropna().unique())})") from None
    values = s.to_numpy(dtype="float64", na_value=np.nan)
    if np.isinf(values).any():
        raise ValueError(f"{label} must hold finite numbers; got inf in {int(np.isinf(values).sum())} row(s)")
    if isinstance(spec.allowed, tuple):
        low, high = spec.allowed
        outside = ~np.isnan(values) & ((values < low) | (values > high))
        if outside.any():
            raise ValueError(f"{label} must be between {low} and {high}; got {_sample(np.unique(values[outside]))}"
                             f" in {int(outside.sum())} row(s)")
    return converted


def _check_categories(s, label: str, spec):
    import pandas as pd

    from crmlessons.datasets.dictionary import VOCABULARIES

    allowed = VOCABULARIES[spec.allowed]
    if isinstance(s.dtype, pd.CategoricalDtype):
        used = s.cat.categories[pd.unique(s.cat.codes[s.cat.codes >= 0])]
        unknown = [v for v in used if v not in allowed]
    else:
        unknown = [v for v in s.dropna().unique() if not isinstance(v, str) or v not in allowed]
    if unknown:
        raise ValueError(f"{label} must hold values from {list(allowed)}; got {_sample(unknown)}")
    return None


def _check_column(frame, column: str, spec, name: str):
    """Check one column against its dictionary ``spec``; return it converted (text dates parsed,
    numbers typed as text made numbers), or None when it is fine as it is.

    Missing values are allowed except in a date column the dictionary says is never missing (a row
    without its date cannot be placed in time); each function documents what a missing fact means.
    """
    s = frame[column]
    label = f"{name}[{column!r}]"
    if isinstance(s, type(frame)):
        raise ValueError(f"{name} has more than one column named {column!r}")
    if spec.dtype.startswith("datetime64"):
        if not spec.nullable and s.isna().any():
            raise ValueError(f"{label} must not have missing dates; {int(s.isna().sum())} row(s) have none")
        return _check_dates(s, label)
    if spec.dtype in ("int64", "float64"):
        return _check_numbers(s, label, spec)
    if spec.dtype == "category" and isinstance(spec.allowed, str):
        return _check_categories(s, label, spec)
    if spec.dtype == "bool" and not s.dropna().isin([True, False]).all():
        raise TypeError(f"{label} must hold True or False; got dtype {s.dtype}")
    return None


def require_table(frame, table: str | None, name: str, columns: Iterable[str] = (), *,
                  empty_ok: bool = False, optional: Iterable[str] = ()):
    """Check a table argument against the case company's data dictionary; return it ready to use.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table given.
    table : str or None
        Which case table it is (see ``crmlessons.datasets.TABLES``), or None for a table the course
        computes (only the presence of ``columns`` is checked).
    name : str
        The argument's name, used in every message.
    columns : iterable of str
        The columns the caller reads. Each must be present; those in the table's dictionary must
        have its type, stay within its range or allowed values, have no missing values unless the
        dictionary allows them, and hold dates (text dates such as ``"2025-12-31"``, as ``read_csv``
        gives them, are parsed).
    empty_ok : bool, default False
        Whether a table without rows is accepted.
    optional : iterable of str
        Columns checked like ``columns`` when ``frame`` has them.

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself, or a shallow copy whose text date columns are parsed.

    Raises
    ------
    TypeError, ValueError
        Naming the argument, the column and what was found.

    Examples
    --------
    >>> import pandas as pd
    >>> leads = pd.DataFrame({"need_strength": [5, -1]})
    >>> require_table(leads, "leads", "leads", ["need_strength"])
    Traceback (most recent call last):
    ...
    ValueError: leads['need_strength'] must be between 1 and 5; got -1 in 1 row(s)
    >>> out = require_table(pd.DataFrame({"lost_date": ["2025-01-31"]}), "losses", "losses", ["lost_date"])
    >>> str(out["lost_date"].dtype)
    'datetime64[ns]'
    """
    import pandas as pd

    columns = list(columns)
    if not isinstance(frame, pd.DataFrame):
        what = f" (the {table} table)" if table else ""
        raise TypeError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}{what}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {missing}; it has {list(frame.columns)}")
    if not empty_ok and len(frame) == 0:
        raise ValueError(f"{name} has no rows; it needs at least one")
    if table is None:
        return frame
    from crmlessons.datasets.dictionary import columns as dictionary_columns

    specs = {c.name: c for c in dictionary_columns(table)}
    changed = {}
    for column in columns + [c for c in optional if c in frame.columns and c not in columns]:
        if column in specs:
            converted = _check_column(frame, column, specs[column], name)
            if converted is not None:
                changed[column] = converted
    if not changed:
        return frame
    frame = frame.copy(deep=False)
    for column, values in changed.items():
        frame[column] = values
    return frame


#: Argument names whose case table is not the argument's own name.
TABLE_OF_ARGUMENT = {"history": "stage_history", "items": "ask_items"}


def tables(**needs) -> Callable:
    """Decorate a public function so that its table arguments are checked on entry.

    Each keyword names an argument and gives what the function needs of it: a :class:`Table`, or
    just the columns it reads (then the case table is the argument's name, ``history`` meaning
    ``stage_history`` and ``items`` ``ask_items``; an argument named otherwise, such as ``mapped``,
    is a table the course computes, whose columns are only checked to be there). The function receives the checked tables (text
    dates parsed); an argument that is None where None is its default is left alone. The needs are
    kept for :func:`table_needs`, so that tests can feed every function bad tables.

    Examples
    --------
    >>> @tables(leads=["need_strength"])
    ... def strongest(leads):
    ...     return int(leads["need_strength"].max())
    >>> import pandas as pd
    >>> strongest(pd.DataFrame({"need": [5]}))
    Traceback (most recent call last):
    ...
    ValueError: leads is missing column(s) ['need_strength']; it has ['need']
    """
    def decorate(function: Callable) -> Callable:
        signature = inspect.signature(function)
        unknown = set(needs) - set(signature.parameters)
        if unknown:
            raise TypeError(f"@tables names {sorted(unknown)}, which {function.__name__} does not take")

        @functools.wraps(function)
        def guarded(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            for arg, spec in table_needs(guarded).items():
                if arg not in bound.arguments:
                    continue
                value = bound.arguments[arg]
                if value is None and signature.parameters[arg].default is None:
                    continue
                bound.arguments[arg] = require_table(value, spec.table, arg, spec.columns,
                                                     empty_ok=spec.empty_ok, optional=spec.optional)
            return function(*bound.args, **bound.kwargs)

        guarded.table_needs_given = needs
        return guarded

    return decorate


def table_needs(function: Callable) -> dict[str, Table]:
    """What a function decorated with :func:`tables` needs of each table argument ({} if undecorated).

    Worked out on first use, not when the function is defined, because the data dictionary may
    still be loading then.

    Examples
    --------
    >>> from crmlessons import man
    >>> table_needs(man.flags)["leads"].table
    'leads'
    """
    resolved = getattr(function, "table_needs_resolved", None)
    if resolved is not None:
        return resolved
    given = getattr(function, "table_needs_given", None)
    if given is None:
        return {}
    from crmlessons.datasets.dictionary import TABLES

    resolved = {}
    for arg, need in given.items():
        if not isinstance(need, Table):
            table = TABLE_OF_ARGUMENT.get(arg, arg)
            need = Table(table if table in TABLES else None, tuple(need))
        resolved[arg] = need
    function.table_needs_resolved = resolved
    return resolved
