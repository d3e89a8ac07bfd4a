"""A two-button language switch for the whole course.

Examples
--------
>>> from crmlessons import i18n
>>> w = LanguagePicker()
>>> w.choose("zh")
>>> i18n.get_language(), w.status.value
('zh', '语言：简体中文')
>>> w.choose("en")
"""

from __future__ import annotations

import ipywidgets as widgets

from crmlessons import i18n
from crmlessons.widgets.base import CourseWidget

i18n.register({"language_picker": ("Language switch", "语言切换"),
               "language_rerun": ("Run the cells below again to redraw them.", "重新运行下面的单元格即可重绘。")})


class LanguagePicker(CourseWidget):
    """Toggle buttons English / 中文 that call :func:`crmlessons.set_language`."""

    speaks_own_language = False  # its one job is to change the course's language

    def __init__(self):
        self.buttons = widgets.ToggleButtons(options=[("English", "en"), ("中文", "zh")], value=i18n.get_language())
        self.on(self.buttons, lambda: self.choose(self.buttons.value))
        self.status = widgets.HTML(i18n.t("language_set"))
        self.status.add_class("crm-language-status")
        self.note = widgets.HTML(f"<i>{i18n.t('language_rerun')}</i>")
        super().__init__([self.buttons, self.status, self.note], name="language", title=i18n.t("language_picker"))

    def choose(self, language: str) -> None:
        """Switch the course to ``language`` ("en" or "zh")."""
        i18n.set_language(language)
        self.buttons.value = language
        self.status.value = i18n.t("language_set")
        self.note.value = f"<i>{i18n.t('language_rerun')}</i>"


def language_picker() -> LanguagePicker:
    """Return the language switch widget."""
    return LanguagePicker()


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [("language switch: click English / 中文", LanguagePicker,
              lambda w, i: w.choose("zh" if i % 2 else "en"))]
