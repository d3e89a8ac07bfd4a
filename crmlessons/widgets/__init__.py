"""Interactive ipywidgets apps of the course.

Each app wraps a pure function of a concept module (testable without a browser) and is built on
:class:`crmlessons.widgets.base.CourseWidget`: a stable CSS class for browser tests, a short text
form for places that cannot show widgets, and errors shown in words instead of tracebacks.
Import the app you need from its module, e.g. ``from crmlessons.widgets.quiz import QuizWidget``.
"""

from crmlessons.lazy import submodules

#: Topic modules load on first use, e.g. ``crm.plots.course`` (keeps imports light).
__getattr__ = submodules(__name__)
