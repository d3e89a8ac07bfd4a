"""What every widget inherits: errors in words, its own language, a short text form."""

from __future__ import annotations

import html

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


# --- handlers are connected through the kit, so none can show a traceback ------------------------

class Handlers(CourseWidget):
    """Two sliders: moving ``a`` moves ``b`` (a nested handler), a button that fails."""

    def __init__(self, fail_on=None, start_value=0):
        import ipywidgets as widgets

        self.fail_on = fail_on
        self.a, self.b = widgets.IntSlider(value=start_value), widgets.IntSlider()
        self.go = widgets.Button(description="go")
        self.out = widgets.HTML()
        self.runs = 0
        self.on(self.a, self.follow)
        self.on(self.b, self.update)
        self.on_click(self.go, self.boom)
        super().__init__([self.a, self.b, self.go, self.out], name="handlers", title="Handlers")
        self.start()

    def follow(self):
        self.b.value = self.a.value

    def update(self):
        self.runs += 1
        if self.b.value == self.fail_on:
            raise ValueError(f"b must not be {self.fail_on}; got {self.b.value}")
        self.out.value = f"{i18n.t('customer')} {self.b.value}"

    def boom(self):
        raise KeyError("no such column 'lead_id'")


def test_a_status_area_is_added_when_the_widget_has_none():
    w = Handlers()
    assert w.status in w.children and "crm-handlers-status" in w.status._dom_classes


def test_a_failing_button_shows_the_error_in_words():
    w = Handlers()
    w.go.click()
    assert "That did not work: no such column 'lead_id'" in html.unescape(w.status.value)
    assert "Traceback" not in w.status.value


def test_an_error_in_a_nested_handler_is_kept_and_cleared_by_the_next_good_update():
    w = Handlers(fail_on=7)
    w.a.value = 7                      # a's handler moves b, whose handler fails
    assert "b must not be 7; got 7" in w.status.value
    w.a.value = 8
    assert w.status.value == "" and w.out.value == "customer 8"


def test_handlers_speak_the_language_the_widget_was_built_in():
    with i18n.using("zh"):
        w = Handlers()
    w.a.value = 3
    assert w.out.value == "客户 3" and i18n.get_language() == "en"


def test_quietly_moves_controls_without_running_their_handlers():
    w = Handlers()
    runs = w.runs
    with w.quietly():
        w.a.value = 5
    assert w.b.value == 0 and w.runs == runs
    w.a.value = 6
    assert w.b.value == 6 and w.runs == runs + 1


def test_an_error_while_starting_is_raised_not_hidden():
    import pytest

    with pytest.raises(ValueError, match="b must not be 0; got 0"):
        Handlers(fail_on=0)
