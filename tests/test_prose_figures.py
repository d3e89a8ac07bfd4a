"""Every figure a lesson's prose quotes about Hengtai is recomputed from the data and must agree.

Each lesson has a registry ``tests/figures/lessonNN.py`` with two mappings:

- ``FIGURES``: a phrase the prose contains (e.g. ``"4.7 times"``) -> a function of the case (the
  shipped tables, ``datasets.load_case()``) that writes the same phrase from the data. A change of data
  that changes the figure makes the test fail, naming the phrase to update.
- ``NOT_HENGTAI``: a phrase with a number that is not a Hengtai figure -> why (a source's claim, a
  section number, a course parameter checked elsewhere ...).

The scan then removes code, registered phrases and the usual non-figures (years, lesson numbers,
table numbers) from every prose text of the lesson, English and Chinese; a number left over is a figure
nobody checks, and fails the test.
"""

from __future__ import annotations

import importlib
import re

import pytest

from crmlessons.lessons import lesson_ids
from lesson_text import prose, without_code

LESSONS = lesson_ids()

#: Numbers that are never figures: years and dates, lesson / section / table numbers, exercise names.
NOT_FIGURES = [
    r"\b(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?\b",                              # years and dates
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)",
    r"\d{1,2} ?月 ?\d{1,2} ?日|\d{1,2} ?月",
    r"^# \d\d\b|\| \d\d\b",                                                # lesson titles, the lesson map
    r"between 0 and 1|0 到 1|0 和 1",                                          # how to give a share
    r"(?:[Ll]essons?|第|课|Notebook|notebook) ?\d\d(?: ?(?:-|–|to|and|,|、|至|和) ?\d\d)*",  # lesson numbers
    r"\b\d\d_\w+",                                                          # notebook file names
    r"\b\d\d\.[a-z_]+\b",                                                   # exercise names: 01.cost_ratio
    r"(?:Table|Figure|Fig\.|表|图) ?\d+-\d+",                               # the sources' tables and figures
    r"^#+ \d+\.",                                                            # section headings
    r"^\s*\d+\. ",                                                           # numbered lists
    r"(?:[Ss]ections?|第) ?\d+(?:(?:, | and |、|和)\d+)*",                   # section references
    r"Shift\+Enter|Ctrl\+Enter",
]


def registry(lesson: str):
    try:
        return importlib.import_module(f"figures.lesson{lesson}")
    except ModuleNotFoundError:
        pytest.fail(f"lesson {lesson} has no registry tests/figures/lesson{lesson}.py of the figures its prose quotes")


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_quoted_figure_agrees_with_the_data(lesson, case):
    figures = registry(lesson).FIGURES
    text = "\n".join(prose(lesson))
    for phrase, compute in figures.items():
        assert phrase in text, f"lesson {lesson}: the registry checks {phrase!r}, but the prose no longer says it"
        assert compute(case) == phrase, (f"lesson {lesson}: the prose says {phrase!r}, the data say "
                                         f"{compute(case)!r}: update the prose (both languages) and the registry")


def unchecked_numbers(lesson: str) -> list[str]:
    """The numbers left in the lesson's prose once code, registered phrases and non-figures are removed."""
    module = registry(lesson)
    phrases = sorted([*module.FIGURES, *module.NOT_HENGTAI], key=len, reverse=True)
    left = []
    for text in prose(lesson):
        text = without_code(text)
        for phrase in phrases:
            text = text.replace(phrase, " ")
        for pattern in NOT_FIGURES:
            text = re.sub(pattern, " ", text, flags=re.M)
        for match in re.finditer(r"(?<![A-Za-z\d])\d[\d,.]*", text):
            left.append(text[max(0, match.start() - 30):match.end() + 15].replace("\n", " "))
    return left


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_figure_in_the_prose_goes_unchecked(lesson):
    left = unchecked_numbers(lesson)
    assert not left, (f"lesson {lesson}: {len(left)} numbers in the prose are neither checked (FIGURES) nor "
                      f"explained (NOT_HENGTAI) in tests/figures/lesson{lesson}.py: " + " | ".join(left[:40]))


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_explained_number_is_still_in_the_prose(lesson):
    text = "\n".join(prose(lesson))
    stale = [phrase for phrase in registry(lesson).NOT_HENGTAI if phrase not in text]
    assert not stale, f"lesson {lesson}: NOT_HENGTAI lists phrases the prose no longer has: {stale}"
