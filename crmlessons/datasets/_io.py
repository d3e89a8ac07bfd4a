"""Reading and writing the case tables with the dtypes of their data dictionary (internal)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from crmlessons.datasets.dictionary import columns
from crmlessons.datasets.vocabularies import category_dtype

DATE_FORMAT = "%Y-%m-%d"


def coerce(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return ``df`` with the columns of ``table`` in dictionary order and dictionary dtypes."""
    out = {}
    for col in columns(table):
        s = df[col.name]
        if col.dtype == "category":
            s = s.astype(category_dtype(col.allowed) if isinstance(col.allowed, str) else "category")
        elif col.dtype == "str":
            missing = s.isna()
            s = s.astype("str")
            if missing.any():  # pandas < 3 turns missing values into the text "nan"; keep them missing
                s = s.where(~missing, np.nan)
        elif col.dtype.startswith("datetime64"):
            s = pd.to_datetime(s, format=DATE_FORMAT if s.dtype == object or s.dtype == "str" else None)
            s = s.astype("datetime64[ns]")
        elif col.dtype == "bool":
            s = s.map({"True": True, "False": False, True: True, False: False}).astype(bool)
        else:
            s = s.astype(col.dtype)
        out[col.name] = s
    return pd.DataFrame(out, index=df.index)


def _format_column(s: pd.Series, dtype: str, decimals: int | None) -> np.ndarray:
    na = s.isna().to_numpy()
    if dtype.startswith("datetime64"):
        text = s.dt.strftime(DATE_FORMAT).to_numpy(dtype=object)
    elif dtype == "float64":
        vals = s.to_numpy(dtype=float)
        d = 6 if decimals is None else decimals
        vals = np.where(na, 0.0, np.round(vals, d))
        vals = np.where(vals == 0, 0.0, vals)  # no "-0.00"
        text = np.char.mod(f"%.{d}f", vals).astype(object)
    elif dtype == "bool":
        text = np.where(s.to_numpy(dtype=bool), "True", "False").astype(object)
    else:
        text = np.array([str(v) for v in s.astype(object)], dtype=object)  # a new, writable array
    text[na] = ""
    return text


def to_csv_text(df: pd.DataFrame, table: str) -> str:
    """Render a table as the byte-stable CSV text shipped in ``datasets/`` (UTF-8, LF, fixed floats)."""
    specs = columns(table)
    formatted = pd.DataFrame(
        {c.name: _format_column(df[c.name], c.dtype, c.decimals) for c in specs}
    )
    buf = io.StringIO()
    formatted.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def read_csv(source, table: str) -> pd.DataFrame:
    """Read a shipped CSV (path or file object) and give it the dictionary's dtypes."""
    specs = columns(table)
    text_cols = {c.name: str for c in specs if c.dtype in ("str", "category", "bool")
                 or c.dtype.startswith("datetime64")}
    df = pd.read_csv(source, dtype=text_cols, keep_default_na=False, na_values={c: [""] for c in
                                                                              [s.name for s in specs]},
                     encoding="utf-8")
    return coerce(df, table)
