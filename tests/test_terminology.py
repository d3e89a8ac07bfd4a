"""One word for one thing in the Chinese the course shows: the variants found in review are rejected.

The glossary (``crm.glossary()``) is the course's one source of terms. This test scans every Chinese text the
course ships (the package, the Chinese edition's prose, the datasheet and the README) for the variants that
once crept in, and names the standard term to use instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: variant -> the standard term.
REJECTED = {
    "数据版本": "数据变体 (data variant)",
    "客户保持率": "留存率 (retention rate)",
    "保留率": "留存率 (retention rate)",
    "客户甄别": "MAN 客户资格判断",
    "洽谈业务": "谈生意 (talking business)",
    "成交率": "赢单率 (win rate)",
    "高档": "高端 (premium)",
    "高端款": "高端 (premium)",
    "终生价值": "终身价值 (lifetime value)",
    "种子": "the source's name from the sources page, e.g. 《大客户关系管理教程》",
    "在途销售管道": "在手商机 (open pipeline)",
    "运气": "随机波动 (random variation)",
    "作业文件夹": "学习文件夹 (the student's work folder)",
    "百万元": "万元",
    "仍是客户的概率": "仍活跃概率 (probability alive, p(alive))",
    "验证期": "检验期 (holdout period)",
    "意向忠诚": "意识忠诚 (intentional loyalty: the Loyalty article's own term)",
    "兴奋需求": "兴奋型需求 (exciting need: the Loyalty article's own term)",
}

SHIPPED = sorted([*(ROOT / "crmlessons").rglob("*.py"), *(ROOT / "notebooks" / "zh" / "text").glob("*.md"),
                  ROOT / "datasets" / "README.md", ROOT / "README.md"])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_rejected_variant_of_a_standard_term(path):
    text = path.read_text(encoding="utf-8")
    found = [f"{variant!r} (line {text[:text.index(variant)].count(chr(10)) + 1}): use {standard}"
             for variant, standard in REJECTED.items() if variant in text]
    assert not found, f"{path.relative_to(ROOT)}: " + "; ".join(found)


def test_the_glossary_uses_the_standard_terms():
    from crmlessons.lessons import glossary
    from crmlessons import i18n

    with i18n.using("zh"):
        table = glossary()
    terms = dict(zip(table["术语"], table["中文"]))
    assert terms["retention rate"] == "留存率" and terms["win rate"] == "赢单率"
    assert terms["talking business"] == "谈生意" and terms["customer lifetime value"] == "客户终身价值"
