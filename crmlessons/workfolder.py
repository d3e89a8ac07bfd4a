"""Where a student's own files go: never into the course's files or the installed package.

The folder is ``$CRMLESSONS_WORK`` if set, else ``~/crmlessons-work`` (the same folder that
``python course.py`` copies the lessons into).

Examples
--------
>>> import os
>>> os.environ["CRMLESSONS_WORK"] = "/tmp/crm-demo-work"
>>> work_folder().name
'crm-demo-work'
>>> del os.environ["CRMLESSONS_WORK"]
"""

from __future__ import annotations

import os
from pathlib import Path


def work_folder(create: bool = True) -> Path:
    """Return the student's work folder, creating it unless ``create`` is False."""
    folder = Path(os.environ.get("CRMLESSONS_WORK") or Path.home() / "crmlessons-work").expanduser()
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder
