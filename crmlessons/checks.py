"""Argument checks shared by every concept module, with messages a student can act on.

Each check names the argument or column, says what was expected and what was given, and raises an
ordinary ``ValueError`` or ``TypeError``: never a bare ``KeyError`` from deep inside pandas.

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
"""

from __future__ import annotations

import numbers
from typing import Iterable, Sequence


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
    """Return ``value`` if it is a number within ``[low, high]``; else raise naming ``name``.

    Examples
    --------
    >>> require_number(3, "years", low=1, integer=True)
    3
    """
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        expected = "a whole number" if integer else "a number"
        raise TypeError(f"{name} must be {expected}; got {type(value).__name__} {value!r}")
    if value != value:  # NaN
        raise ValueError(f"{name} must be a number; got NaN")
    if low is not None and high is not None and not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}; got {value}")
    if low is not None and value < low:
        raise ValueError(f"{name} must be at least {low}; got {value}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be at most {high}; got {value}")
    return value


def require_choice(value, name: str, choices: Sequence) -> object:
    """Return ``value`` if it is one of ``choices``; else raise ``ValueError`` listing them.

    Examples
    --------
    >>> require_choice("won", "outcome", ["won", "lost"])
    'won'
    """
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}; got {value!r}")
    return value
