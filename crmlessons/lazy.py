"""Sub-packages that load their topic modules on first use (PEP 562), keeping ``import crmlessons`` light.

Examples
--------
>>> __getattr__ = submodules("crmlessons.plots")
>>> __getattr__("course").__name__
'crmlessons.plots.course'
>>> __getattr__("nothing")
Traceback (most recent call last):
...
AttributeError: module 'crmlessons.plots' has no attribute 'nothing'
"""

from __future__ import annotations

import importlib
from typing import Callable


def submodules(package: str) -> Callable[[str], object]:
    """Return a module ``__getattr__`` that imports ``<package>.<name>`` when ``name`` is first asked for.

    A missing topic is an ``AttributeError`` naming it; an import error inside an existing topic
    module is raised as it is (it is a bug to see, not a missing name).
    """
    def load(name: str):
        try:
            return importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as missing:
            if missing.name != f"{package}.{name}":
                raise
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None

    return load
