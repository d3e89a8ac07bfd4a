"""The English and the Chinese edition of every lesson are one lesson: same cells, same code, Chinese prose.

The Chinese notebook is built from the English one and the lesson's Chinese text (scripts/editions.py).
These tests fail when a change reaches one edition and not the other: an English text cell without its
Chinese entry, a Chinese notebook not rebuilt, code that differs, or a Chinese cell left in English.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import editions  # noqa: E402

ENGLISH = editions.english_notebooks()
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
#: A Chinese text cell is Chinese: at least this share of its letters (Chinese characters and Latin
#: letters, code, links and placeholders left out) are Chinese characters.
MIN_CHINESE_SHARE = 0.5


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell["source"])


def chinese_share(text: str) -> float:
    """Share of Chinese characters among the letters a reader reads (code spans and link targets left out)."""
    text = re.sub(r"```.*?```|`[^`]*`|\]\([^)]*\)|<[^>]+>", " ", text, flags=re.S)
    chinese, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    return chinese / (chinese + latin) if chinese + latin else 1.0


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_every_english_text_cell_has_its_finished_chinese_entry(english):
    problems = editions.problems(english)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_chinese_text_has_no_entry_for_a_cell_that_is_gone(english):
    cells = {editions.cell_hash(text) for _, text in editions.english_cells(_nbformat(english))}
    orphans = sorted(set(editions.read_text(editions.text_path(english))) - cells)
    assert not orphans, f"{editions.text_path(english).name}: entries {orphans} render no English cell any more: delete them"


def _nbformat(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_chinese_notebook_is_built_from_the_current_english_and_chinese(english):
    chinese = editions.zh_path(english)
    assert chinese.exists(), f"{chinese.name}: no Chinese edition; run `python course.py execute`"
    en, zh = load(english)["cells"], load(chinese)["cells"]
    assert [c["cell_type"] for c in en] == [c["cell_type"] for c in zh], "the editions' cells differ: run execute"
    entries = editions.read_text(editions.text_path(english))
    first_code = True
    for number, (e, z) in enumerate(zip(en, zh)):
        if e["cell_type"] == "markdown":
            assert source(z) == entries.get(editions.cell_hash(source(e))), (
                f"{chinese.name} cell {number} is not the Chinese text of the English cell: run `python course.py execute`")
        elif e["cell_type"] == "code":
            expected = editions.choose_chinese(source(e)) if first_code else source(e)
            first_code = False
            assert source(z) == expected, f"{chinese.name} cell {number}: the code differs from the English edition's"


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_both_editions_are_the_same_lesson(english):
    en, zh = load(english)["metadata"]["crmlessons"], load(editions.zh_path(english))["metadata"]["crmlessons"]
    assert zh.pop("edition") == "zh"
    assert zh == en


def headings(cells: list[dict]) -> list[str]:
    return [m.group(1) for c in cells if c["cell_type"] == "markdown"
            for m in re.finditer(r"^(#+ ?\d*)", source(c), re.M)]


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_both_editions_have_the_same_sections(english):
    assert headings(load(english)["cells"]) == headings(load(editions.zh_path(english))["cells"])


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_chinese_edition_is_written_in_chinese(english):
    zh = load(editions.zh_path(english))["cells"]
    for number, cell in enumerate(zh):
        if cell["cell_type"] == "markdown":
            share = chinese_share(source(cell))
            assert share >= MIN_CHINESE_SHARE, (f"zh/{english.name} cell {number} is {share:.0%} Chinese: "
                                                f"translate it ({source(cell)[:120]!r})")


@pytest.mark.parametrize("path", ENGLISH + [editions.zh_path(p) for p in ENGLISH], ids=lambda p: p.parent.name + "/" + p.name)
def test_nothing_in_a_lesson_switches_the_language_back(path):
    """Only the Chinese edition's first cell chooses a language; showing the other one uses crm.other_language()."""
    calls = [source(c) for c in load(path)["cells"] if c["cell_type"] == "code" and "set_language(" in source(c)]
    allowed = [editions.choose_chinese(source(next(c for c in load(editions.english_of(path))["cells"]
                                                   if c["cell_type"] == "code")))] if path.parent.name == "zh" else []
    assert calls == allowed, f"{path.name}: a code cell calls set_language; use `with crm.other_language():`"


def test_a_changed_english_cell_stops_the_build_until_the_chinese_follows(tmp_path):
    english = ENGLISH[0]
    copy = tmp_path / english.name
    copy.write_text(english.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "zh" / "text").mkdir(parents=True)
    editions.text_path(copy).write_text(editions.text_path(english).read_text(encoding="utf-8"), encoding="utf-8")
    assert editions.problems(copy) == []
    nb = load(copy)
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    cell["source"] = source(cell) + "\nOne more English sentence."
    copy.write_text(json.dumps(nb), encoding="utf-8")
    found = editions.problems(copy)
    assert len(found) == 1 and "no Chinese entry" in found[0]
    with pytest.raises(editions.EditionError, match="update the Chinese"):
        editions.build(copy)
