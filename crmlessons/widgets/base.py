"""The widget kit: what every course widget is built from.

- :class:`CourseWidget`, the root box: CSS classes ``crm-widget crm-<name>`` for the browser tests, a
  short text form, a status area, and :meth:`~CourseWidget.on` / :meth:`~CourseWidget.on_click`,
  the only way a widget connects its event handlers: each handler then runs in the language the
  widget was built in and shows any error as a sentence in the status area, never a traceback.
- :func:`slider`: a slider built from an argument's name, range and starting value, which it checks
  (a bad starting value is a ``ValueError``/``TypeError`` naming the argument and the slider's range).
- :class:`FastChart`: a matplotlib figure drawn once; each update repaints only the artists that
  moved over a cached picture of the rest (blitting) and returns PNG bytes for an ``ipywidgets.Image``.
  The artists come from the chart's update hook in ``crmlessons.plots.<topic>``: each chart a widget
  shows is drawn by the plot module's chart function (``funnel_chart``) and moved by its hook
  (``update_funnel``), which returns the artists it moved, so the widget's chart and the notebook's
  chart are the same by construction.
- HTML pieces: :func:`card`, :func:`value_table`, :func:`coloured`, :func:`heading`, :func:`note`,
  and :func:`money`, the one way widgets show an amount of money.

Examples
--------
>>> import ipywidgets as widgets
>>> w = CourseWidget([widgets.HTML("hi")], name="demo", title="Demo")
>>> repr(w)
'Demo: run this cell in Jupyter to use it.'
>>> "crm-demo" in w._dom_classes, "crm-demo-status" in w.status._dom_classes
(True, True)
"""

from __future__ import annotations

import collections
import contextlib
import functools
import html
import io
from typing import Callable, Iterable

import ipywidgets as widgets

from crmlessons import i18n
from crmlessons.checks import require_number
from crmlessons.widgets.webfont import font_carrier

i18n.register({
    "widget_repr": ("{title}: run this cell in Jupyter to use it.", "{title}：在 Jupyter 中运行此单元格即可使用。"),
    "widget_error": ("That did not work: {message}", "出了点问题：{message}"),
    "widget_unexpected": ("Something unexpected went wrong ({kind}). Try other values, or restart the kernel.",
                          "出现了意外问题（{kind}）。请换一组数值再试，或重启内核。"),
})

#: Size and resolution of charts drawn inside widgets (readable on a projector).
CHART_SIZE = (7.5, 4.2)
CHART_DPI = 96

#: The course's colours for text that is good news, bad news, an error, or an aside.
COLOURS = {"good": "#1b7a3a", "bad": "#a35400", "error": "#a00", "muted": "#555"}


# ---------------------------------------------------------------------------------------------
# HTML pieces

def money(value: float) -> str:
    """Return an amount of yuan as every widget shows it: ``CNY 125,000``, or in Chinese ``12.5 万元``.

    Chinese amounts are in 万元 (ten thousand yuan), with one decimal (two below 1 万元).

    Examples
    --------
    >>> money(125_000)
    'CNY 125,000'
    >>> with i18n.using("zh"):
    ...     money(125_000), money(3_000)
    ('12.5 万元', '0.30 万元')
    """
    return i18n.money(require_number(value, "value"))


def coloured(text: str, kind: str) -> str:
    """Return ``text`` (escaped) in the colour of ``kind``: ``"good"``, ``"bad"``, ``"error"`` or ``"muted"``.

    Examples
    --------
    >>> coloured("<present>", "good")
    '<span style="color:#1b7a3a">&lt;present&gt;</span>'
    """
    if kind not in COLOURS:
        raise ValueError(f"kind must be one of {list(COLOURS)}; got {kind!r}")
    return f'<span style="color:{COLOURS[kind]}">{html.escape(str(text))}</span>'


def heading(text: str) -> str:
    """Return a widget's heading (escaped)."""
    return f'<h3 style="margin:4px 0">{html.escape(text)}</h3>'


def note(text: str) -> str:
    """Return an aside in italics (escaped)."""
    return f"<i>{html.escape(text)}</i>"


def card(body: str, title: str | None = None, css: str = "") -> str:
    """Return a framed block: an escaped ``title`` over ``body`` (HTML built with these helpers).

    Examples
    --------
    >>> card("<p>x</p>", title="A & B", css="crm-demo-result")
    '<div class="crm-card crm-demo-result" style="border:1px solid #8aa;border-radius:6px;padding:6px 14px;background:#f6fafb"><b>A &amp; B</b><p>x</p></div>'
    """
    head = f"<b>{html.escape(title)}</b>" if title else ""
    classes = html.escape(f"crm-card {css}".strip())
    return (f'<div class="{classes}" style="border:1px solid #8aa;border-radius:6px;padding:6px 14px;'
            f'background:#f6fafb">{head}{body}</div>')


def value_table(rows: Iterable[tuple[str, str, str]], css: str = "") -> str:
    """Return a label / value table; each row is ``(key, label, value)``, label and value escaped.

    Each row gets the class ``<css>-<key>`` (for tests and styling).

    Examples
    --------
    >>> value_table([("kept", "Kept <a year>", "3.5")], css="crm-demo")
    '<table class="crm-values"><tr class="crm-demo-kept"><td style="padding-right:16px">Kept &lt;a year&gt;</td><td style="text-align:right"><b>3.5</b></td></tr></table>'
    """
    cells = "".join(f'<tr class="{html.escape(f"{css}-{key}" if css else key)}"><td style="padding-right:16px">'
                    f'{html.escape(label)}</td><td style="text-align:right"><b>{html.escape(value)}</b></td></tr>'
                    for key, label, value in rows)
    return f'<table class="crm-values">{cells}</table>'


# ---------------------------------------------------------------------------------------------
# Errors in words

def error_message(exc: BaseException) -> str:
    """Return a student-readable sentence for ``exc`` (no traceback)."""
    if isinstance(exc, (ValueError, TypeError, KeyError)):
        text = exc.args[0] if exc.args else type(exc).__name__
        return i18n.t("widget_error", message=str(text))
    return i18n.t("widget_unexpected", kind=type(exc).__name__)


def error_html(exc: BaseException) -> str:
    """Return ``exc`` as an HTML message box for a widget's status area."""
    return (f'<div class="crm-error" style="color:{COLOURS["error"]};border-left:4px solid {COLOURS["error"]};'
            f'padding:4px 8px">{html.escape(error_message(exc))}</div>')


def status_area(name: str) -> widgets.HTML:
    """Return the HTML a widget writes its errors into, with the CSS class ``crm-<name>-status``."""
    area = widgets.HTML()
    area.add_class(f"crm-{name}-status")
    return area


def _guarded(widget, area: widgets.HTML, function: Callable, *args, **kwargs):
    """Call ``function`` in ``widget``'s language; an error goes into ``area`` in words.

    Calls nest (a handler moves a slider whose handler runs): only the outermost call reports, so an
    inner error is not wiped by the outer call's success. While the widget is starting
    (:meth:`CourseWidget.start`) errors are raised instead: they come from bad starting values.
    """
    if getattr(widget, "_guard_depth", 0):
        return function(*args, **kwargs)
    widget._guard_depth = 1
    language = getattr(widget, "language", None) or i18n.get_language()
    try:
        with i18n.using(language) if getattr(widget, "speaks_own_language", True) else contextlib.nullcontext():
            try:
                result = function(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - a student must never see a traceback
                if getattr(widget, "_starting", False):
                    raise
                area.value = error_html(exc)
                widget._error_shown = True
                return None
            if getattr(widget, "_error_shown", False):  # the error is over: take its message away
                area.value = ""
                widget._error_shown = False
            return result
    finally:
        widget._guard_depth = 0


def shows_errors(status: Callable | None = None) -> Callable:
    """Decorate a widget method: errors go into its status HTML in words, and the call speaks the
    language the widget was built in (even if a later cell switched the course language).

    ``status`` receives the widget instance and returns the HTML widget to write into (default: its
    ``status``). Handlers connected with :meth:`CourseWidget.on` are guarded the same way already;
    decorate the methods that Python code calls directly (``update``, ``pick``...).
    """
    def decorate(method: Callable) -> Callable:
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            area = status(self) if status is not None else self.status
            return _guarded(self, area, method, self, *args, **kwargs)
        return wrapper
    return decorate


# ---------------------------------------------------------------------------------------------
# The root box

class CourseWidget(widgets.VBox):
    """Root box of a course widget.

    Parameters
    ----------
    children : list of widgets
        The controls and outputs, top to bottom. Put ``self.status`` (made with
        :func:`status_area`) where errors should show; without one, a status area is added at the end.
    name : str
        Short machine name; the root gets CSS classes ``crm-widget`` and ``crm-<name>``.
    title : str
        Human title, used in the text form shown where widgets cannot render.

    Notes
    -----
    Connect every handler with :meth:`on` or :meth:`on_click` (never ``observe``/``on_click`` of the
    control itself): they run guarded, and not at all inside :meth:`quietly`. Call :meth:`start`
    at the end of ``__init__`` to draw the first time.
    """

    #: Handlers run in the language the widget was built in (False only for the language switch).
    speaks_own_language = True

    def __init__(self, children, name: str, title: str, **kwargs):
        if getattr(self, "status", None) is None:
            self.status = status_area(name)
            children = [*children, self.status]
        # Last child: the hidden style that brings the shipped Chinese font to the page (webfont.py).
        super().__init__([*children, font_carrier()], **kwargs)
        #: The language the widget was built in; its updates keep speaking it.
        self.language = i18n.get_language()
        self.add_class("crm-widget")
        self.add_class(f"crm-{name}")
        self._title = title

    def __repr__(self) -> str:
        return i18n.t("widget_repr", title=self._title)

    # -- handlers ---------------------------------------------------------------------------------

    def _handler(self, handler: Callable[[], object]) -> Callable:
        def run(*_event):
            if getattr(self, "_quiet", 0):
                return None
            return _guarded(self, self.status, handler)
        return run

    def on(self, control: widgets.Widget, handler: Callable[[], object], names: str = "value") -> None:
        """Run ``handler()`` (no arguments) whenever ``control``'s ``names`` trait changes, guarded."""
        control.observe(self._handler(handler), names=names)

    def on_click(self, button: widgets.Button, handler: Callable[[], object]) -> None:
        """Run ``handler()`` (no arguments) when ``button`` is clicked, guarded."""
        button.on_click(self._handler(handler))

    @contextlib.contextmanager
    def quietly(self):
        """Move controls inside this block without running their handlers (then update once).

        Examples
        --------
        >>> box = widgets.IntSlider()
        >>> w = CourseWidget([box], name="demo", title="Demo")
        >>> w.on(box, lambda: print("moved"))
        >>> box.value = 3
        moved
        >>> with w.quietly():
        ...     box.value = 4
        """
        self._quiet = getattr(self, "_quiet", 0) + 1
        try:
            yield
        finally:
            self._quiet -= 1

    def start(self, update: Callable[[], object] | None = None) -> None:
        """Draw the widget the first time (``update``, default ``self.update``).

        An error here is raised, not shown: it comes from the starting values the widget was given.
        """
        self._starting = True
        try:
            (update or self.update)()
        finally:
            self._starting = False


# ---------------------------------------------------------------------------------------------
# Controls

def _decimals(step: float) -> int:
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def slider(name: str, value, low: float, high: float, step: float, *, description: str = "", css: str = "",
           scale: float = 1, whole: bool = False, readout_format: str | None = None,
           width: str | None = None, description_width: str | None = None) -> widgets.ValueWidget:
    """Return a slider for the argument ``name``, starting at ``value`` (checked first).

    Parameters
    ----------
    name : str
        The argument's name, used in the error message.
    value : number
        The starting value, in the argument's units; it must lie in ``[low, high]``.
    low, high, step : float
        The slider's range and step, in the argument's units.
    description : str
        The slider's label (from ``i18n.t``).
    css : str
        CSS class of the slider (e.g. ``crm-funnel-prospects``).
    scale : float
        The slider shows ``value * scale`` (e.g. 100 for a share shown in percent).
    whole : bool
        An integer slider; the value must then be a whole number.
    readout_format, width, description_width : str, optional
        Passed to the slider (d3 format of the readout, CSS width, width of the label).

    Raises
    ------
    TypeError, ValueError
        When ``value`` is not a finite number within ``[low, high]`` (or not whole for ``whole``).

    Examples
    --------
    >>> slider("share_acquisition", 0.5, 0, 1, 0.05).value
    0.5
    >>> slider("share_acquisition", 5, 0, 1, 0.05)
    Traceback (most recent call last):
    ...
    ValueError: share_acquisition must be between 0 and 1; got 5
    >>> slider("years", 2.5, 1, 15, 1, whole=True)
    Traceback (most recent call last):
    ...
    ValueError: years must be a whole number between 1 and 15; got 2.5
    """
    require_number(value, name, low=low, high=high)
    if whole and float(value) != int(value):
        raise ValueError(f"{name} must be a whole number between {low} and {high}; got {value!r}")
    digits = _decimals(step * scale)

    def number(x: float):  # a whole number, or a float to the precision of the step
        return int(round(x)) if whole else round(float(x), digits)

    extra = {"readout_format": readout_format} if readout_format else {}
    if width:
        extra["layout"] = widgets.Layout(width=width)
    if description_width:
        extra["style"] = {"description_width": description_width}
    kind = widgets.IntSlider if whole else widgets.FloatSlider
    control = kind(value=number(value * scale), min=number(low * scale), max=number(high * scale),
                   step=number(step * scale), description=description, continuous_update=False, **extra)
    if css:
        control.add_class(css)
    return control


# ---------------------------------------------------------------------------------------------
# Charts

def new_figure(size: tuple[float, float] = CHART_SIZE, margins: dict | None = None):
    """Return a matplotlib Figure that is not managed by pyplot (no stray inline output).

    With ``margins`` (``subplots_adjust`` arguments) the layout is fixed from the start; without,
    it is laid out by matplotlib's constrained layout at the first draw (and :class:`FastChart`
    keeps that layout afterwards).
    """
    from matplotlib.figure import Figure

    i18n.setup_fonts()
    if margins is not None:
        fig = Figure(figsize=size, dpi=CHART_DPI)
        fig.subplots_adjust(**margins)
        return fig
    return Figure(figsize=size, dpi=CHART_DPI, layout="constrained")


def canvas_png(canvas) -> bytes:
    """Encode what an Agg canvas last drew as PNG bytes (fast: light compression, no alpha)."""
    from PIL import Image

    width, height = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def figure_png(fig) -> bytes:
    """Draw ``fig`` in full on an Agg canvas and return it as PNG bytes for an ``ipywidgets.Image``.

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


#: Rendered glyphs a :class:`FastChart` keeps (a few hundred bytes each).
GLYPHS_KEPT = 20_000


def _glyph_renderer_supported(renderer) -> bool:
    """Whether ``renderer`` rasterises text glyph by glyph as :func:`_remember_glyphs` expects (matplotlib >= 3.11)."""
    from matplotlib.ft2font import FT2Font

    return (hasattr(renderer, "_draw_text_glyphs_and_boxes") and hasattr(renderer, "_prepare_font")
            and hasattr(FT2Font, "_layout") and hasattr(FT2Font, "_render_glyph"))


def _render_glyph(cache: dict, key: tuple, font, matrix, x26: int, y26: int) -> tuple:
    """Rasterise one glyph placed at ``(x26, y26)`` (1/64 pixel) as matplotlib does; keep it under ``key``.

    FreeType places a glyph after hinting it, so moving it by whole pixels moves its bitmap by as
    many pixels and leaves the bitmap as it was: ``key`` holds the position's fraction of a pixel,
    the entry the bitmap's offset from the whole-pixel part.
    """
    import numpy as np
    from matplotlib.ft2font import RenderMode

    _font_id, size, dpi, glyph, _matrix, _x, _y, flags, smooth = key
    font.set_size(size, dpi)
    font._set_transform(np.array(matrix), [x26, y26])
    bitmap = font._render_glyph(glyph, flags, RenderMode.NORMAL if smooth else RenderMode.MONO)
    buffer = bitmap.buffer.copy()
    if not smooth:
        buffer *= 0xff
    if len(cache) >= GLYPHS_KEPT:
        cache.clear()
    cache[key] = found = (buffer, bitmap.left - (x26 >> 6), bitmap.top - (y26 >> 6), font)  # font: keeps its id
    return found


def _remember_glyphs(renderer) -> None:
    """Make an Agg ``renderer`` keep the glyphs and text layouts it rasterised, and reuse them.

    A chart's labels mostly show the same characters again (digits, at the same places): drawing a
    text then costs the blending of its glyphs only. The pixels are those matplotlib draws (the
    same bitmaps, blended the same way); mathematical and TeX text are drawn as before. Renderers
    of matplotlib versions that draw text otherwise are left alone.
    """
    import math

    import numpy as np

    if getattr(renderer, "_crm_glyphs", None) is not None or not _glyph_renderer_supported(renderer):
        return
    from matplotlib.backends.backend_agg import get_hinting_flag

    glyphs, layouts = {}, {}
    renderer._crm_glyphs = glyphs
    plain_draw_text = renderer.draw_text

    def layout(font, size, s, flags, mtext) -> list:
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        key = (id(font), size, renderer.dpi, s, flags, features, language)
        if key not in layouts:
            if len(layouts) >= GLYPHS_KEPT:
                layouts.clear()
            items = font._layout(s, flags=flags, features=features, language=language)
            layouts[key] = ([(item.ft_object, item.glyph_index, item.x, item.y) for item in items], font)
        return layouts[key][0]

    def draw_text(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            return plain_draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        font, size, flags = renderer._prepare_font(prop), prop.get_size_in_points(), get_hinting_flag()
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = tuple(map(tuple, (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int).tolist()))
        height, dpi, smooth = renderer.height, renderer.dpi, bool(gc.get_antialiased())
        blend = renderer._renderer.draw_text_image
        for ft_object, glyph, dx, dy in layout(font, size, s, flags, mtext):
            x26 = round(0x40 * (x + dx * cos - dy * sin))
            y26 = round(0x40 * (height - y + dx * sin + dy * cos))
            key = (id(ft_object), size, dpi, glyph, matrix, x26 & 63, y26 & 63, flags, smooth)
            found = glyphs.get(key) or _render_glyph(glyphs, key, ft_object, matrix, x26, y26)
            buffer, left, top = found[0], found[1] + (x26 >> 6), found[2] + (y26 >> 6)
            if buffer.size:  # a space: nothing to blend
                blend(buffer, left, int(height) - top + buffer.shape[0], 0, gc)

    renderer.draw_text = draw_text


#: Pictures a :class:`FastChart` keeps for states shown before (about 40 kB each).
FRAMES_KEPT = 16


def _attached(artist) -> bool:
    return getattr(artist, "figure", None) is not None


class FastChart:
    """A figure drawn once, then repainted fast: only the artists that moved are drawn again.

    :meth:`frame` is given the artists an update moved (what the plot module's update hook returns).
    They are kept out of a cached picture of the rest of the figure (axes, labels, titles: drawn once)
    and painted over it in the order a full draw would paint them (with the spines of their axes, which
    edge the data), so a frame costs a few milliseconds of drawing plus the PNG encoding, and shows
    the same pixels as drawing the whole figure again.

    The picture is drawn anew when asked (``full=True``, e.g. after a change of axis limits or of a
    static artist) and when an artist stops moving but stays in the figure. The first draw fixes the
    layout. A static artist drawn above moving ones where they overlap (a higher zorder: a legend, a
    text, a grid not put below the data) would end up under them: such artists move too (the update
    hooks return them). The canvas keeps the glyphs it rasterised (:func:`_remember_glyphs`): a label
    drawn again, or with other digits, costs the blending of its glyphs, with the same pixels.

    :meth:`update` is the widget's way in: one key and one hook per Axes. Axes whose key did not
    change are not redrawn, in a figure whose Axes stand side by side only the columns of those that
    changed are repainted, and the last :data:`FRAMES_KEPT` pictures are kept: a state seen before
    (all keys as then) comes back at once.

    Examples
    --------
    >>> fig = new_figure((3, 2), margins={"left": 0.15, "bottom": 0.15})
    >>> ax = fig.subplots()
    >>> line, = ax.plot([0, 1], [0, 1])
    >>> chart = FastChart(fig)
    >>> first = chart.frame([line])
    >>> line.set_ydata([1, 0])
    >>> chart.frame([line]) != first, chart.frame([line]) == chart.full_png()
    (True, True)
    """

    def __init__(self, figure):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.figure = figure
        self.canvas = FigureCanvasAgg(figure)
        self._background = None
        self._moving: list = []
        self._png: bytes | None = None
        self._keys: dict = {}
        self._parts: dict = {}
        self._kept: collections.OrderedDict = collections.OrderedDict()

    def _with_spines(self, artists) -> list:
        found, seen = [], set()
        axes = []
        for artist in artists:
            if id(artist) not in seen:
                seen.add(id(artist))
                found.append(artist)
            ax = getattr(artist, "axes", None)
            if ax is not None and ax not in axes:
                axes.append(ax)
        for ax in axes:
            found += [spine for spine in ax.spines.values() if id(spine) not in seen]
        return found

    def _paint(self, moving) -> None:
        """Draw ``moving`` axes by axes, in the order Axes.draw uses (zorder, then child order)."""
        figure = self.figure
        loose = [a for a in moving if getattr(a, "axes", None) is None]
        for ax in figure.axes:
            mine = [a for a in moving if getattr(a, "axes", None) is ax]
            if not mine:
                continue
            ax.viewLim  # noqa: B018 - brings the axis limits up to date (as a full draw does first)
            order = {id(child): i for i, child in enumerate(ax.get_children())}
            for artist in sorted(mine, key=lambda a: (a.get_zorder(), order.get(id(a), len(order)))):
                figure.draw_artist(artist)
        for artist in sorted(loose, key=lambda a: a.get_zorder()):
            figure.draw_artist(artist)

    def _columns(self, axes) -> list | None:
        """The pixel columns ``(left, right)`` of ``axes``, or None unless all Axes stand side by side."""
        boxes = sorted((ax.bbox.x0, ax.bbox.x1, i) for i, ax in enumerate(self.figure.axes))
        if any(nxt[0] < this[1] for this, nxt in zip(boxes, boxes[1:])):
            return None
        edges = [0.0] + [(this[1] + nxt[0]) / 2 for this, nxt in zip(boxes, boxes[1:])] + [self.figure.bbox.width]
        column = {self.figure.axes[i]: (round(edges[n]), round(edges[n + 1])) for n, (_, _, i) in enumerate(boxes)}
        return [column[ax] for ax in axes]

    def frame(self, moving: Iterable, *, full: bool = False, only: Iterable | None = None) -> bytes:
        """Return the figure as PNG bytes, repainting only ``moving`` over the cached rest.

        Parameters
        ----------
        moving : iterable of matplotlib artists
            Everything the updates move (the update hooks' return values).
        full : bool
            Draw the cached picture anew first (needed when something outside ``moving`` changed).
        only : iterable of Axes, optional
            Repaint only the columns of these Axes (the others did not change since the last frame).
        """
        _remember_glyphs(self.canvas.get_renderer())
        moving = [a for a in self._with_spines(moving) if _attached(a)]
        kept = {id(a) for a in moving}
        settled = [a for a in self._moving if id(a) not in kept and _attached(a)]
        for artist in settled:
            artist.set_animated(False)
        for artist in moving:
            artist.set_animated(True)
        self._moving = moving
        only = None if only is None else list(only)
        columns = self._columns(only) if only is not None and self._png is not None else None
        if full or settled or self._background is None:
            self.canvas.draw()  # everything but the moving artists
            if self.figure.get_layout_engine() is not None:
                self.figure.set_layout_engine("none")  # keep the first layout from now on
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        elif columns is not None:
            height = self.figure.bbox.height
            for left, right in columns:
                self.canvas.restore_region(self._background, bbox=(left, 0, right, height), xy=(0, 0))
            moving = [a for a in moving if getattr(a, "axes", None) in only]
        else:
            self.canvas.restore_region(self._background)
        self._paint(moving)
        self._png = canvas_png(self.canvas)
        return self._png

    def update(self, parts) -> bytes:
        """Return the figure as PNG bytes after moving the Axes whose key changed.

        Parameters
        ----------
        parts : dict
            Axes -> ``(key, hook)``: ``key`` is a plain, hashable value (a tuple of numbers and text)
            that changes whenever that Axes' chart must change; ``hook()`` moves it (calls the plot
            module's update hook) and returns the artists it moves. Hooks of unchanged Axes are not
            called.

        Examples
        --------
        >>> fig = new_figure((4, 2), margins={"left": 0.1, "bottom": 0.15, "wspace": 0.3})
        >>> left, right = fig.subplots(1, 2)
        >>> a, = left.plot([0, 1], [0, 1]); b, = right.plot([0, 1], [0, 1])
        >>> chart, calls = FastChart(fig), []
        >>> def tilt(line, y):
        ...     calls.append(y)
        ...     line.set_ydata([y, 1 - y])
        ...     return [line]
        >>> first = chart.update({left: (0, lambda: tilt(a, 0)), right: (0, lambda: tilt(b, 0))})
        >>> chart.update({left: (0, lambda: tilt(a, 0)), right: (0, lambda: tilt(b, 0))}) is first
        True
        >>> moved = chart.update({left: (0, lambda: tilt(a, 0)), right: (1, lambda: tilt(b, 1))})
        >>> calls, moved == chart.full_png()
        ([0, 0, 1], True)
        """
        state = tuple(key for key, _hook in parts.values())
        if state in self._kept:  # shown before: the artists and the canvas stay as they are
            self._kept.move_to_end(state)
            return self._kept[state]
        dirty = [ax for ax, (key, _hook) in parts.items() if ax not in self._keys or self._keys[ax] != key]
        for ax in dirty:
            key, hook = parts[ax]
            self._parts[ax] = list(hook())
            self._keys[ax] = key
        moving = [artist for ax in parts for artist in self._parts[ax]]
        png = self.frame(moving, only=None if len(dirty) == len(parts) else dirty)
        self._kept[state] = png
        while len(self._kept) > FRAMES_KEPT:
            self._kept.popitem(last=False)
        return png

    def full_png(self) -> bytes:
        """Return the figure drawn in full, moving artists included (to check :meth:`frame` against)."""
        for artist in self._moving:
            artist.set_animated(False)
        try:
            _remember_glyphs(self.canvas.get_renderer())
            self.canvas.draw()
            return canvas_png(self.canvas)
        finally:
            for artist in self._moving:
                artist.set_animated(True)
