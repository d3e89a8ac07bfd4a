"""The web font that lets widget text show Chinese on a machine without a Chinese font.

The browser side (no empty boxes with every system Chinese font removed) is proved in
``tests/e2e/test_chinese.py``; here: the font has every character the widgets show, it is small,
and it travels once per kernel.
"""

from __future__ import annotations

import base64
import importlib
import importlib.util
import inspect
import pkgutil
import re
from pathlib import Path

import ipywidgets as widgets
from fontTools.ttLib import TTFont

import crmlessons
import crmlessons.widgets
from crmlessons import i18n
from crmlessons.widgets import webfont
from crmlessons.widgets.base import CourseWidget

ROOT = Path(__file__).resolve().parents[1]
CHINESE = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]")
#: Widget attributes that hold text the student sees.
TEXT_TRAITS = ("description", "value", "placeholder", "tooltip", "_options_labels")


def load_builder():
    spec = importlib.util.spec_from_file_location("build_cjk_font", ROOT / "scripts" / "build_cjk_font.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def web_font_characters() -> set[str]:
    return {chr(code) for code in TTFont(str(webfont.web_font_path()))["cmap"].getBestCmap()}


def shown_text(widget) -> list[str]:
    """Every piece of text ``widget`` and the widgets inside it show."""
    texts = []
    for name in TEXT_TRAITS:
        value = getattr(widget, name, None)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, (tuple, list)):
            texts += [v for v in value if isinstance(v, str)]
    for child in getattr(widget, "children", ()):
        texts += shown_text(child)
    return texts


def all_course_widget_classes() -> list[type]:
    for module in pkgutil.iter_modules(crmlessons.widgets.__path__, "crmlessons.widgets."):
        importlib.import_module(module.name)
    found, todo = [], list(CourseWidget.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return [c for c in found if c.__module__.startswith("crmlessons.")]


def chinese_widgets() -> list:
    """Every course widget that can be built without arguments, and every lesson's quiz, in Chinese."""
    from crmlessons.lessons import lesson_ids

    built = []
    with i18n.using("zh"):
        for cls in all_course_widget_classes():
            needed = [p for p in inspect.signature(cls).parameters.values()
                      if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
            if not needed:
                built.append(cls())
        for lesson in lesson_ids():
            w = crmlessons.quiz(lesson)
            for number, question in enumerate(w.questions):  # show every option's feedback once
                for choice in range(len(question.options)):
                    w.answer(number, choice)
            built.append(w)
    return built


def lesson_html_in_chinese() -> list[str]:
    """The HTML the package prints in lessons (cards, hints, solutions), in Chinese."""
    from crmlessons.lessons import all_exercises, lesson_ids

    pieces = []
    with i18n.using("zh"):
        for lesson in lesson_ids():
            pieces += [crmlessons.lesson_card(lesson)._repr_html_(), crmlessons.key_points(lesson)._repr_html_()]
        for name in all_exercises():
            pieces += [crmlessons.hint(name)._repr_html_(), crmlessons.solution(name)._repr_html_()]
    return pieces


def missing_from_web_font(texts) -> list[str]:
    have = web_font_characters()
    return sorted({ch for text in texts for ch in CHINESE.findall(text)} - have)


def test_web_font_has_every_chinese_character_the_widgets_show():
    built = chinese_widgets()
    assert len(built) >= 8, f"only {len(built)} widgets were built"
    texts = [text for w in built for text in shown_text(w)]
    assert any("中文" in t for t in texts) and any("正确。" in t for t in texts)  # the walk sees real text
    missing = missing_from_web_font(texts)
    assert not missing, f"rebuild the web font (python scripts/build_cjk_font.py --web); it lacks {''.join(missing)}"


def test_web_font_has_every_chinese_label_and_lesson_text():
    for module in pkgutil.walk_packages(crmlessons.__path__, "crmlessons."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    from crmlessons.datasets.dictionary import VOCABULARIES

    texts = [pair["zh"] for pair in i18n.LABELS.values()]
    texts += [zh for vocabulary in VOCABULARIES.values() for _, zh in vocabulary.values()]
    texts += lesson_html_in_chinese()
    missing = missing_from_web_font(texts)
    assert not missing, f"rebuild the web font (python scripts/build_cjk_font.py --web); it lacks {''.join(missing)}"


def test_web_font_is_up_to_date_with_the_package_text():
    wanted = set(load_builder().web_characters())
    assert len(wanted) > 500
    missing = sorted(wanted - web_font_characters())
    assert not missing, f"rebuild the web font (python scripts/build_cjk_font.py --web); it lacks {''.join(missing)}"


def test_web_font_draws_the_same_outlines_as_the_chart_font():
    web, chart = TTFont(str(webfont.web_font_path())), TTFont(str(i18n.font_path()))
    for ch in "客户流失":
        mine = web["glyf"][web.getBestCmap()[ord(ch)]]
        theirs = chart["glyf"][chart.getBestCmap()[ord(ch)]]
        assert mine.numberOfContours == theirs.numberOfContours > 0
        assert list(mine.getCoordinates(web["glyf"])[0]) == list(theirs.getCoordinates(chart["glyf"])[0])
    assert web.flavor == "woff"


def test_build_step_writes_a_font_with_the_package_characters(tmp_path):
    builder = load_builder()
    target = builder.build_web(target=tmp_path / "web.woff")
    cmap = TTFont(str(target))["cmap"].getBestCmap()
    assert {chr(c) for c in cmap} >= set(builder.web_characters())
    assert target.read_bytes() == builder.build_web(target=tmp_path / "again.woff").read_bytes()


def test_the_style_carries_exactly_the_shipped_font_and_stays_small():
    css = webfont.stylesheet()
    encoded = re.search(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", css).group(1)
    assert base64.b64decode(encoded) == webfont.web_font_path().read_bytes()
    assert len(css.encode()) < 300_000, f"the font style is {len(css.encode()):,} bytes"
    # Chinese code points only, system Chinese fonts before the shipped bytes, and the face first in the list.
    face = re.search(r"@font-face\{(.*?)\}", css, re.S).group(1)
    assert "unicode-range:U+2E80-9FFF, U+FF00-FFEF" in face
    assert face.index('local("Microsoft YaHei")') < face.index("url(data:")
    rule = re.search(r"\.crm-widget, \[class\^=\"crm-\"\], \[class\*=\" crm-\"\]\{font-family:([^}]*)\}", css).group(1)
    assert rule.startswith(f'"{webfont.FAMILY}", var(--jp-ui-font-family')


def test_every_course_widget_carries_one_shared_hidden_font_style():
    first, second = crmlessons.language_picker(), crmlessons.quiz("00")
    carriers = [[c for c in w.children if "crm-webfont" in c._dom_classes] for w in (first, second)]
    assert [len(c) for c in carriers] == [1, 1]
    assert carriers[0][0] is carriers[1][0], "the font must go to the browser once per kernel, not per widget"
    assert carriers[0][0].layout.display == "none" and first.children[-1] is carriers[0][0]
    # The text form (what saved notebooks keep) is unchanged.
    assert repr(first) == i18n.t("widget_repr", title=i18n.t("language_picker"))


def test_a_closed_font_style_is_replaced():
    old = webfont.font_carrier()
    old.close()
    new = webfont.font_carrier()
    assert new is not old and new.comm is not None and new.value == old.value
    assert isinstance(new, widgets.HTML)




def test_no_code_span_of_a_chinese_text_holds_chinese():
    """`code` is drawn in a monospace font, which the shipped web font does not cover: Chinese inside backticks
    would show as empty boxes on a computer without a Chinese system font. Keep Chinese words outside the code."""
    import re

    from crmlessons.lessons import get_quiz, lesson_ids
    from crmlessons.practice import get_exercise
    from crmlessons.lessons import all_exercises

    texts = [(name, field, getattr(exercise, field)["zh"]) for name, exercise in all_exercises().items()
             for field in ("question", "hint", "solution")]
    texts += [(lesson, "quiz", q.prompt["zh"]) for lesson in lesson_ids() for q in get_quiz(lesson)]
    found = [(name, field, span) for name, field, text in texts for span in re.findall(r"`([^`]*)`", text)
             if re.search(r"[\u4e00-\u9fff]", span)]
    assert not found, found
    assert get_exercise("03.call_first")  # the registry is really read
