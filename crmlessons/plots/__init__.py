"""Charts of the course, in matplotlib, in the pandas/seaborn style: ``ax=None`` in, Axes out.

Every chart function draws on the Axes it is given (or a new one), labels everything in the current
language (:func:`crmlessons.set_language`) and returns the Axes; none calls ``plt.show()``.
Chart functions live in one module per topic (``crmlessons.plots.course``, ...); this module holds
the helpers they share.
"""

from __future__ import annotations

from crmlessons.lazy import submodules

from crmlessons import i18n

#: Colours used across the course (colour-blind safe, readable on a projector).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]


def get_ax(ax=None, figsize: tuple[float, float] = (7, 4)):
    """Return ``ax``, or a new Axes on a new pyplot figure; make sure Chinese glyphs render.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> get_ax(ax) is ax
    True
    """
    i18n.setup_fonts()
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def tidy(ax) -> None:
    """Apply the course's plain chart style: no top/right frame, light grid behind the data."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


#: Topic modules load on first use, e.g. ``crm.plots.course`` (keeps imports light).
__getattr__ = submodules(__name__)


def category_label(code: str, column: str) -> str:
    """Return the label of a category value in the current language (the code itself if unknown).

    Examples
    --------
    >>> category_label("talking_business", "stage")
    'Talking business'
    """
    from crmlessons.datasets import value_labels

    if code is not None and not isinstance(code, str):
        raise TypeError(f"code must be a category code (text) of column {column!r}; got {type(code).__name__} {code!r}")
    labels = value_labels(column)
    return labels[code][i18n.get_language()] if code in labels else str(code)
