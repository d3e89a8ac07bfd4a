"""The answer key of a data variant gives the answers the checks expect from that variant's group."""

from __future__ import annotations

import ast
import html
import time

import pytest

from crmlessons import datasets
from crmlessons.lessons import all_exercises, get_quiz, lesson_ids
from crmlessons.practice import Decision, Exercise, Question, get_exercise
from crmlessons.trainer.answer_key import AnswerKey, ExerciseAnswer, answer_key, key_page, main, write_answer_key

NUMERIC = ["01.existing_share", "03.full_man_win_rate", "04.pipeline", "06.clv"]


@pytest.fixture(scope="module")
def key3():
    start = time.perf_counter()
    key = answer_key(3)
    print(f"answer key of variant 3: {time.perf_counter() - start:.1f} s")
    return key


@pytest.fixture(scope="module")
def variant3_expected():
    """The answers computed here, independently of the key, under the group's variant."""
    datasets.use_variant(3)
    try:
        return {name: get_exercise(name).expected() for name in [*NUMERIC, "00.first_region", "04.coach"]}
    finally:
        datasets.use_variant(None)


def test_the_key_gives_the_variants_answers(key3, variant3_expected):
    by_name = {entry.name: entry for entry in key3.exercises}
    for name, expected in variant3_expected.items():
        assert by_name[name].answer == expected, name
    assert datasets.current_variant() is None, "the key puts the data back as they were"


def test_the_variant_is_really_used(key3):
    shipped = {name: get_exercise(name).expected() for name in NUMERIC}
    by_name = {entry.name: entry.answer for entry in key3.exercises}
    assert any(by_name[name] != pytest.approx(shipped[name], rel=1e-6) for name in NUMERIC)


def test_every_typed_answer_passes_the_check_of_its_variant(key3):
    datasets.use_variant(3)
    try:
        for entry in key3.exercises:
            typed = ast.literal_eval(entry.typed)
            assert entry.exercise.check(typed).correct, f"{entry.name}: the check refuses {entry.typed}"
    finally:
        datasets.use_variant(None)


def test_every_exercise_and_quiz_question_of_every_lesson_is_on_the_page(key3):
    text = html.unescape(key_page(key3, "en"))
    assert [entry.name for entry in key3.exercises] == list(all_exercises())
    for name in all_exercises():
        assert name in text
    for lesson in lesson_ids():
        for question in get_quiz(lesson):
            assert question.prompt["en"] in text
            assert question.options[question.correct]["en"] in text
    zh = html.unescape(key_page(key3, "zh"))
    assert get_quiz("01")[0].prompt["zh"] in zh and "数据变体 3" in zh


def test_a_decision_shows_its_letter_option_and_the_figures_it_quotes(key3):
    entry = next(e for e in key3.exercises if e.name == "00.first_region")
    counts = entry.facts
    text = html.unescape(key_page(AnswerKey(3, ("00",), (entry,), {"00": []}), "en"))
    option = entry.exercise.options[entry.answer]["en"]
    assert f'<span class="answer">{entry.answer}</span> {option}' in text
    best = max(("east", "north", "south", "central", "west"), key=lambda code: counts[f"{code}_buying"])
    assert f"{counts[best + '_buying']:,} customers buy" in text
    # what each other choice would be told, so a group's letter can be answered at once
    for other in entry.exercise.options:
        if other != entry.answer:
            assert f"{other}. " in text.split("If a group chose another letter")[1]


def test_texts_are_escaped():
    demo = Exercise(name="00.demo", question={"en": "Is <b>a</b> & b > c? Ask {who}.", "zh": "<i>问</i>"}, data=lambda: {},
                    answer=lambda: "<script>", hint={"en": "", "zh": ""}, solution={"en": "", "zh": ""})
    quiz = [Question(prompt={"en": "<tag>?", "zh": "?"}, options=[{"en": "x & y", "zh": "x"}, {"en": "z", "zh": "z"}],
                     correct=0, feedback=[{"en": "", "zh": ""}] * 2)]
    entry = ExerciseAnswer("00.demo", demo, "<script>", '"<script>"', {"who": "<Li & Wang>"})
    text = key_page(AnswerKey(1, ("00",), (entry,), {"00": quiz}), "en")
    assert "<script>" not in text and "<b>a</b>" not in text and "<tag>" not in text and "<Li" not in text
    assert "&lt;script&gt;" in text and "x &amp; y" in text and "&lt;Li &amp; Wang&gt;" in text


def test_the_page_is_the_same_bytes_every_time(tmp_path):
    first = write_answer_key(2, "zh", tmp_path / "a", pdf=False, lessons=["00", "02"])
    second = write_answer_key(2, "zh", tmp_path / "b", pdf=False, lessons=["00", "02"])
    assert [p.name for p in first] == ["answer-key-variant-2-zh.html"]
    assert first[0].read_bytes() == second[0].read_bytes()
    text = first[0].read_text(encoding="utf-8")
    assert str(tmp_path) not in text and "http" not in text.replace("http://www.w3.org", "")


def test_the_default_folder_is_the_work_folders_trainer_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMLESSONS_WORK", str(tmp_path))
    assert main(["0", "--no-pdf"]) == 0
    assert (tmp_path / "trainer" / "answer-key-variant-0-en.html").exists()


@pytest.mark.parametrize("variant, message", [(-1, "variant"), (1.5, "variant"), ("3", "variant")])
def test_a_bad_variant_is_named(variant, message):
    with pytest.raises((ValueError, TypeError), match=message):
        answer_key(variant)


def test_a_bad_language_is_named(tmp_path):
    with pytest.raises(ValueError, match="lang"):
        write_answer_key(0, "fr", tmp_path, pdf=False)


def test_decisions_are_marked_as_such(key3):
    kinds = {entry.name: entry.is_decision for entry in key3.exercises}
    assert kinds == {name: isinstance(exercise, Decision) for name, exercise in all_exercises().items()}
