"""Where a student's own files go: never into the course's files or the installed package.

The folder is ``$CRMLESSONS_WORK`` if set, else ``~/crmlessons-work``. ``python course.py`` (also with
``--work DIR``) copies the lessons into that folder and sets ``$CRMLESSONS_WORK`` for JupyterLab, so
what the widgets save lands next to the student's copies of the lessons.

This module imports nothing of the package: it sits in the lowest layer (see CONTRIBUTING.md), so any
widget may use it.

Examples
--------
>>> import os
>>> from unittest import mock
>>> with mock.patch.dict(os.environ, {WORK_ENV: "/tmp/crm-demo-work"}):  # restores the environment after
...     print(work_folder().name)
crm-demo-work
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable naming the work folder (course.py sets it for JupyterLab).
WORK_ENV = "CRMLESSONS_WORK"


def work_folder(create: bool = True) -> Path:
    """Return the student's work folder, creating it unless ``create`` is False."""
    folder = Path(os.environ.get(WORK_ENV) or Path.home() / "crmlessons-work").expanduser()
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder
