"""What every course widget shares: its root box, chart rendering and friendly error messages.

Examples
--------
>>> import ipywidgets as widgets
>>> w = CourseWidget([widgets.HTML("hi")], name="demo", title="Demo")
>>> repr(w)
'Demo: run this cell in Jupyter to use it.'
>>> "crm-demo" in w._dom_classes
True
"""

from __future__ import annotations

import functools
import html
import io
from typing import Callable

import ipywidgets as widgets

from crmlessons import i18n

i18n.register({
    "widget_repr": ("{title}: run this cell in Jupyter to use it.", "{title}：在 Jupyter 中运行此单元格即可使用。"),
    "widget_error": ("That did not work: {message}", "出了点问题：{message}"),
    "widget_unexpected": ("Something unexpected went wrong ({kind}). Try other values, or restart the kernel.",
                          "出现了意外问题（{kind}）。请换一组数值再试，或重启内核。"),
})

#: Size and resolution of charts drawn inside widgets (readable on a projector).
CHART_SIZE = (7.5, 4.2)
CHART_DPI = 96


class CourseWidget(widgets.VBox):
    """Root box of a course widget.

    Parameters
    ----------
    children : list of widgets
        The controls and outputs, top to bottom.
    name : str
        Short machine name; the root gets CSS classes ``crm-widget`` and ``crm-<name>``.
    title : str
        Human title, used in the text form shown where widgets cannot render.
    """

    def __init__(self, children, name: str, title: str, **kwargs):
        super().__init__(children, **kwargs)
        #: The language the widget was built in; its updates keep speaking it (see shows_errors).
        self.language = i18n.get_language()
        self.add_class("crm-widget")
        self.add_class(f"crm-{name}")
        self._title = title

    def __repr__(self) -> str:
        return i18n.t("widget_repr", title=self._title)


def error_message(exc: BaseException) -> str:
    """Return a student-readable sentence for ``exc`` (no traceback)."""
    if isinstance(exc, (ValueError, TypeError, KeyError)):
        text = exc.args[0] if exc.args else type(exc).__name__
        return i18n.t("widget_error", message=str(text))
    return i18n.t("widget_unexpected", kind=type(exc).__name__)


def error_html(exc: BaseException) -> str:
    """Return ``exc`` as an HTML message box for a widget's status area."""
    return (f'<div class="crm-error" style="color:#a00;border-left:4px solid #a00;padding:4px 8px">'
            f'{html.escape(error_message(exc))}</div>')


def shows_errors(status: Callable[[], widgets.HTML]) -> Callable:
    """Decorate a widget update method: errors go into its status HTML in words, and the update
    speaks the language the widget was built in (even if a later cell switched the course language).

    ``status`` receives the widget instance and returns the HTML widget to write into.
    """
    def decorate(update: Callable) -> Callable:
        @functools.wraps(update)
        def wrapper(self, *args, **kwargs):
            area = status(self)
            with i18n.using(getattr(self, "language", None) or i18n.get_language()):
                try:
                    result = update(self, *args, **kwargs)
                except Exception as exc:  # noqa: BLE001 - a student must never see a traceback
                    area.value = error_html(exc)
                    return None
                area.value = ""
            return result
        return wrapper
    return decorate


def new_figure(size: tuple[float, float] = CHART_SIZE):
    """Return a matplotlib Figure that is not managed by pyplot (no stray inline output)."""
    from matplotlib.figure import Figure

    i18n.setup_fonts()
    return Figure(figsize=size, dpi=CHART_DPI, layout="constrained")


def canvas_png(canvas) -> bytes:
    """Encode what an Agg canvas last drew as PNG bytes (fast: light compression, no alpha).

    Use it after ``canvas.draw()``, or after restoring a saved background and drawing only the
    artists that changed (blitting), to answer a slider move in a few milliseconds.
    """
    from PIL import Image

    width, height = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def figure_png(fig) -> bytes:
    """Draw ``fig`` once on an Agg canvas and return it as PNG bytes for an ``ipywidgets.Image``.

    Examples
    --------
    >>> fig = new_figure((2, 1))
    >>> figure_png(fig)[1:4] == b"PNG"
    True
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    return canvas_png(canvas)
