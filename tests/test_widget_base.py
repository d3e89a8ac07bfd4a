"""What every widget inherits: errors in words, its own language, a short text form."""

from __future__ import annotations

import ipywidgets as widgets

from crmlessons import i18n
from crmlessons.widgets.base import CourseWidget, shows_errors


class Demo(CourseWidget):
    def __init__(self):
        self.status = widgets.HTML()
        self.out = widgets.HTML()
        super().__init__([self.out, self.status], name="demo", title="Demo widget")

    @shows_errors(lambda self: self.status)
    def update(self, value):
        if value == "bad":
            raise ValueError("margin must be between 0 and 1; got 1.5")
        if value == "boom":
            raise ZeroDivisionError("division by zero")
        self.out.value = i18n.t("customer")


def test_a_clear_error_is_shown_in_words_without_traceback():
    w = Demo()
    w.update("bad")
    assert "margin must be between 0 and 1; got 1.5" in w.status.value
    assert "Traceback" not in w.status.value and "crm-error" in w.status.value


def test_an_unexpected_error_is_named_not_dumped():
    w = Demo()
    w.update("boom")
    assert "ZeroDivisionError" in w.status.value and "Traceback" not in w.status.value
    w.update("fine")
    assert w.status.value == "" and w.out.value == "customer"


def test_updates_speak_the_language_the_widget_was_built_in():
    i18n.set_language("zh")
    try:
        w = Demo()
    finally:
        i18n.set_language("en")
    w.update("fine")
    assert w.out.value == "客户" and i18n.get_language() == "en"


def test_text_form_is_short_enough_for_ipywidgets():
    w = Demo()
    assert repr(w) == "Demo widget: run this cell in Jupyter to use it."
    assert w._repr_mimebundle_()["text/plain"] == repr(w)
