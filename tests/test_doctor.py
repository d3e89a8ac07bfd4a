"""crm.doctor() reports what is fine and, for each problem, the command that fixes it."""

from __future__ import annotations

from crmlessons import doctor as doc


def test_everything_ready_in_the_course_environment():
    report = doc.doctor()
    assert report.ok, str(report)
    assert str(report).startswith("Environment check: everything is ready.")


def test_widget_extension_mismatch_is_caught_with_its_symptom_and_fix():
    finding = doc.check_widget_extension("8.1.9", "1.1.7")
    assert not finding.ok
    assert "model not found" in finding.text and finding.fix == doc.SETUP_FIX
    assert doc.check_widget_extension("7.8.0", "1.1.7").ok


def test_missing_and_old_libraries_get_the_setup_command():
    missing = doc.check_library("surely-not-installed-package", "1.0")
    assert not missing.ok and "not installed" in missing.text and missing.fix
    old = doc.check_library("pandas", "999.0")
    assert not old.ok and "older than" in old.text


def test_report_lists_problems_with_fixes():
    report = doc.Report([doc.Finding(True, "fine"), doc.Finding(False, "broken", "do this")])
    assert not report.ok and report.problems[0].text == "broken"
    assert "1 problem(s) found" in str(report) and "→ fix: do this" in str(report)
    assert "<code>do this</code>" in report._repr_html_()


def test_work_folder_is_shown_relative_to_home(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert doc._home_relative(tmp_path / "crmlessons-work") == "~/crmlessons-work"


def test_data_finding_says_where_the_data_are_without_an_absolute_path():
    finding = doc.check_data()
    assert finding.ok and "9 tables" in finding.text
    folder = finding.text.split(" in ", 1)[1]
    assert folder.startswith(("~/", ".../")) and folder.rstrip("/").split("/")[-1] in {"datasets", "data"}
