"""Quiz handouts: the sheet has no answers and no feedback; the key has every correct letter."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from fontTools.ttLib import TTFont

from crmlessons.lessons import get_quiz, lesson_ids
from crmlessons.trainer import pages
from crmlessons.trainer.answer_key import answer_key, key_page
from crmlessons.trainer.handouts import main, quiz_key, quiz_sheet, write_handouts
from crmlessons.trainer.session_plan import plan_page
from crmlessons.widgets import webfont

CHINESE = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("lesson", lesson_ids())
def test_the_sheet_has_the_questions_and_no_answers(lesson, lang):
    sheet = quiz_sheet(lesson, lang)
    text = html.unescape(sheet)
    for question in get_quiz(lesson):
        assert question.prompt[lang] in text
        for i, option in enumerate(question.options):
            assert f"{'ABCDEFG'[i]}. {option[lang]}" in text
        for feedback in question.feedback:
            assert feedback[lang] not in text, "the sheet shows feedback"
    # no option is marked: each option line is the same plain list item
    assert not re.search(r"<li[^>]*(class|style)", sheet) and "<b>A</b>" not in sheet and "correct" not in text.lower()
    assert ("Name" if lang == "en" else "学生") in text


@pytest.mark.parametrize("lesson", lesson_ids())
def test_the_key_has_every_correct_letter_and_the_feedback(lesson):
    text = html.unescape(quiz_key(lesson, "en"))
    found = re.findall(r"Correct: <b>([A-Z])</b>", text)
    assert found == ["ABCDEFG"[q.correct] for q in get_quiz(lesson)]
    for question in get_quiz(lesson):
        assert all(feedback["en"] in text for feedback in question.feedback)


def test_the_command_writes_a_sheet_and_a_key_per_lesson(tmp_path):
    assert main(["00", "3", "--lang", "zh", "--out", str(tmp_path), "--no-pdf"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quiz-00-key-zh.html", "quiz-00-zh.html",
                                                          "quiz-03-key-zh.html", "quiz-03-zh.html"]
    again = write_handouts(["00", "03"], "zh", tmp_path / "again", pdf=False)
    assert all(path.read_bytes() == (tmp_path / path.name).read_bytes() for path in again)


def test_every_chinese_character_on_the_pages_is_in_the_shipped_font():
    # the pages carry the shipped web font, so a machine without Chinese fonts still prints every character
    have = {chr(code) for code in TTFont(str(webfont.web_font_path())).getBestCmap()}
    texts = [quiz_sheet(lesson, "zh") + quiz_key(lesson, "zh") for lesson in lesson_ids()]
    texts += [plan_page("02", "zh"), plan_page("05", "zh"), key_page(answer_key(0, ["00"]), "zh")]
    missing = sorted({ch for text in texts for ch in CHINESE.findall(text)} - have)
    assert not missing, f"characters the shipped web font lacks: {''.join(missing)}"


def test_a_page_needs_nothing_from_outside():
    sheet = quiz_sheet("01", "zh")
    assert '<html lang="zh-CN">' in sheet and "@page { size: A4" in sheet and "data:font/woff;base64," in sheet
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", sheet) and "url(http" not in sheet


def test_without_a_browser_only_html_is_written_and_it_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pages, "pdf_printer", lambda: None)
    written = write_handouts(["00"], "en", tmp_path, pdf=True)
    assert [p.suffix for p in written] == [".html", ".html"]
    assert "only HTML was written" in capsys.readouterr().out


@pytest.mark.skipif(pages.find_chromium() is None, reason="no Chromium on the PATH")
def test_with_a_browser_each_page_gets_its_pdf(tmp_path):
    written = write_handouts(["00"], "zh", tmp_path, pdf=True)
    pdfs = [p for p in written if p.suffix == ".pdf"]
    assert len(pdfs) == 2 and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert shutil.which(pages.find_chromium()) or pages.find_chromium()


@pytest.mark.parametrize("bad, error", [(["1x"], ValueError), ("01", TypeError), (["99"], ValueError)])
def test_bad_lessons_are_named(bad, error, tmp_path):
    with pytest.raises(error, match="lesson"):
        write_handouts(bad, "en", tmp_path, pdf=False)
