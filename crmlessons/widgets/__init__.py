"""Interactive ipywidgets apps of the course.

Each app wraps a pure function of a concept module (testable without a browser) and is built on
:class:`crmlessons.widgets.base.CourseWidget`: a stable CSS class for browser tests, a short text
form for places that cannot show widgets, and errors shown in words instead of tracebacks.
Import the app you need from its module, e.g. ``from crmlessons.widgets.quiz import QuizWidget``.
"""


def __getattr__(name: str):
    """Load a topic module on first use, e.g. ``crm.plots.course`` (keeps imports light)."""
    import importlib

    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as missing:
        if missing.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
