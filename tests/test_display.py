"""Tables in the course language: Chinese headings above the code names, category values by their labels."""

from __future__ import annotations

import pandas as pd

from crmlessons import datasets, display, i18n, relationship


def test_in_english_a_table_is_shown_as_pandas_shows_it():
    table = relationship.breadth(datasets.load_customers())
    assert display.shown(table) is table
    assert display._html(table) == table._repr_html_()


def test_in_chinese_every_code_name_gets_its_label_and_stays_visible():
    table = relationship.breadth(datasets.load_customers())
    with i18n.using("zh"):
        view = display.shown(table)
    assert list(view.columns.get_level_values(1)) == list(table.columns)
    labels = dict(zip(view.columns.get_level_values(1), view.columns.get_level_values(0)))
    assert labels["retention_rate"] == "留存率" and labels["year"] == "年份"
    assert view.shape == table.shape and table.columns.nlevels == 1  # the table itself is not changed


def test_the_case_tables_take_their_labels_from_the_data_dictionary():
    from crmlessons.datasets.dictionary import TABLES, columns

    customers = datasets.load_customers().head(3)
    with i18n.using("zh"):
        view = display.shown(customers)
    # A column name used by several tables (salesperson_id) is labelled as the first table labels it.
    labels = {}
    for table in TABLES:
        for column in columns(table):
            labels.setdefault(column.name, set()).add(column.label_zh)
    assert all(label in labels[code] for label, code in view.columns)
    assert set(view[("区域", "region")]) <= {"华东", "华北", "华南", "华中", "西部"}


def test_category_values_in_the_index_and_the_heading_row_are_labelled():
    counts = datasets.load_customers().value_counts(["region", "status"]).unstack()
    with i18n.using("zh"):
        view = display.shown(counts)
    assert "华东" in view.index and "已流失" in view.columns


def test_a_pair_of_language_columns_shows_the_current_language_only():
    table = pd.DataFrame({"cause_en": ["price"], "cause_zh": ["价格"], "share": [0.5]})
    assert list(display.shown(table).columns) == ["cause_en", "share"]
    with i18n.using("zh"):
        assert [code for _, code in display.shown(table).columns] == ["cause_zh", "share"]


def test_every_column_a_chinese_lesson_shows_has_a_chinese_heading():
    """No table in the Chinese edition shows a bare code name as its only heading."""
    import json
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    bare = set()
    for path in sorted((root / "notebooks" / "zh").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                html = "".join(output.get("data", {}).get("text/html", ""))
                head = re.search(r"<thead>(.*?)</thead>", html, re.S)
                if "dataframe" not in html or not head:
                    continue
                rows = re.findall(r"<tr[^>]*>(.*?)</tr>", head.group(1), re.S)
                first = [re.sub(r"<[^>]+>", "", th).strip() for th in re.findall(r"<th[^>]*>.*?</th>", rows[0], re.S)]
                bare |= {f"{path.name}: {h}" for h in first if re.fullmatch(r"[a-z][a-z0-9_]*", h)}
    assert not bare, f"add Chinese labels to display.COLUMN_LABELS: {sorted(bare)}"


def test_no_column_label_is_written_twice():
    """A key written twice in COLUMN_LABELS silently relabels an older lesson's column (a dict keeps the last)."""
    import ast
    import collections
    from pathlib import Path

    source = Path(display.__file__).read_text(encoding="utf-8")
    node = next(n for n in ast.walk(ast.parse(source))
                if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "COLUMN_LABELS")
    keys = collections.Counter(k.value for k in node.value.keys)
    assert not [k for k, n in keys.items() if n > 1]


def test_the_lessons_own_code_labels_agree_with_the_modules_that_define_the_codes():
    """VALUE_LABELS repeats, for tables, the Chinese names the concept modules give their codes: they must agree."""
    from crmlessons import value

    for code, names in value.SEGMENTS.items():
        assert display.VALUE_LABELS[code] == names["zh"]
    with i18n.using("zh"):
        for force in relationship.FORCES:
            assert display.VALUE_LABELS[force] in i18n.t(f"force_{force}")
        for step in relationship.DECISION_STEPS:
            assert display.VALUE_LABELS[step] == i18n.t(f"step_{step}")
