"""The shipped web font brought to the widgets: one hidden carrier widget per kernel.

The font and its CSS are :mod:`crmlessons.webfont` (re-exported here). How it reaches the page:
:func:`font_carrier` is one hidden ``ipywidgets.HTML`` per kernel holding a ``<style>`` with the
``@font-face`` rule (the font as a ``data:`` URI) and the font-family rule.
Every :class:`~crmlessons.widgets.base.CourseWidget` lists it as its last child, so the font's
bytes (about 200 KB as text) go to the browser once per kernel (one widget model), whichever widget
cell runs first or runs again. Each widget on the page shows a copy of the ``<style>`` (so the font
is there as long as any widget is, and also where every output is a page of its own), but the
browser makes one font face of the identical rules and loads it once (``tests/e2e/test_chinese.py``
checks both). HTML the package prints (lesson cards, feedback) gets the font from any widget on the
same page. Saved notebooks do not grow: ``scripts/execute_notebooks.py`` keeps only a widget's text form.

Examples
--------
>>> carrier = font_carrier()
>>> carrier is font_carrier()  # one per kernel
True
>>> carrier.layout.display
'none'
>>> '@font-face' in carrier.value and FAMILY in carrier.value
True
"""

from __future__ import annotations

import ipywidgets as widgets

from crmlessons.webfont import (CJK_LOCAL_FONTS, CJK_SYSTEM_FONTS, FAMILY, SELECTOR, SYSTEM_FONTS,  # noqa: F401
                                UNICODE_RANGE, WEB_FONT_FILE, font_stack, stylesheet, web_font_path)

_state: dict[str, widgets.HTML | None] = {"carrier": None}


def font_carrier() -> widgets.HTML:
    """Return the hidden HTML widget that brings the shipped face to the page (one per kernel).

    A new one is made only if the previous one was closed (e.g. by ``Widget.close_all()``).
    """
    carrier = _state["carrier"]
    if carrier is None or getattr(carrier, "comm", None) is None:
        carrier = widgets.HTML(value=stylesheet(), layout=widgets.Layout(display="none"))
        carrier.add_class("crm-webfont")
        _state["carrier"] = carrier
    return carrier
