"""``crm.doctor()``: is this computer ready for the course? Every problem comes with its fix.

The check covers Python, the libraries the lessons use, the JupyterLab widget extension (a version
mismatch between ipywidgets in the kernel and the extension in JupyterLab is the usual cause of
"Error displaying widget: model not found"), the shipped Chinese font, the data files and the
student's work folder.

Examples
--------
>>> report = doctor()
>>> report.ok
True
>>> print(report)  # doctest: +ELLIPSIS
Environment check: everything is ready.
...
"""

from __future__ import annotations

import html
import re
import sys
import warnings
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from crmlessons import i18n

SETUP_FIX = "python course.py setup"
REINSTALL_FIX = "python course.py setup  (from the course folder)"

i18n.register({
    "doctor_ok": ("Environment check: everything is ready.", "环境检查：一切就绪。"),
    "doctor_bad": ("Environment check: {n} problem(s) found. Run the command shown to fix each one.",
                   "环境检查：发现 {n} 个问题。运行所示命令即可修复。"),
    "doctor_fix": ("fix", "修复"),
    "doctor_missing": ("{name} is not installed", "未安装 {name}"),
    "doctor_too_old": ("{name} {version} is older than the {need} the course needs", "{name} {version} 版本过旧，课程需要 {need}"),
    "doctor_widgets_pair": ("ipywidgets {w} with JupyterLab widget extension {e}", "ipywidgets {w}，JupyterLab 控件扩展 {e}"),
    "doctor_widgets_mismatch": ("ipywidgets {w} needs jupyterlab_widgets {need}.x, found {e}: widgets would show "
                                "'Error displaying widget: model not found'",
                                "ipywidgets {w} 需要 jupyterlab_widgets {need}.x，实际为 {e}：控件会显示“Error displaying widget: model not found”"),
    "doctor_font_ok": ("Chinese font: draws Chinese with no missing glyphs", "中文字体：中文显示正常，无缺字"),
    "doctor_font_bad": ("Chinese font: {problem}", "中文字体：{problem}"),
    "doctor_data_ok": ("Data: {n} tables shipped with the package, in {folder}", "数据：程序包自带 {n} 张数据表，位于 {folder}"),
    "doctor_data_bad": ("Data: no tables found in the package", "数据：程序包中找不到数据表"),
    "doctor_work": ("Your work folder: {path}", "你的学习文件夹：{path}"),
    "doctor_python": ("Python {version}", "Python {version}"),
    "doctor_python_old": ("Python {version} is too old: the course needs 3.10 or newer",
                          "Python {version} 版本过旧：课程需要 3.10 或更高版本"),
})

# Library -> the oldest version the course supports (mirrors pyproject.toml; tests check they agree).
REQUIRED = {"numpy": "1.26", "pandas": "2.1", "matplotlib": "3.8", "ipywidgets": "8.1", "jupyterlab": "4.2", "ipykernel": "6.29"}
# ipywidgets major version -> the jupyterlab_widgets major version that matches it.
WIDGET_EXTENSION = {7: 1, 8: 3}


@dataclass(frozen=True)
class Finding:
    """One line of the report: what was checked, whether it is fine, and the fix if not."""

    ok: bool
    text: str
    fix: str = ""


class Report:
    """The doctor's findings; prints as text, shows as a table in Jupyter."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings

    @property
    def ok(self) -> bool:
        """True when nothing needs fixing."""
        return all(f.ok for f in self.findings)

    @property
    def problems(self) -> list[Finding]:
        """The findings that need a fix."""
        return [f for f in self.findings if not f.ok]

    def _headline(self) -> str:
        return i18n.t("doctor_ok") if self.ok else i18n.t("doctor_bad", n=len(self.problems))

    def __repr__(self) -> str:
        lines = [self._headline()]
        for f in self.findings:
            mark = "✔" if f.ok else "✘"
            fix = f'  → {i18n.t("doctor_fix")}: {f.fix}' if f.fix else ""
            lines.append(f"{mark} {f.text}{fix}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><td style="color:{"#1b7a3a" if f.ok else "#a00"}">{"✔" if f.ok else "✘"}</td>'
            f"<td>{html.escape(f.text)}</td><td><code>{html.escape(f.fix)}</code></td></tr>"
            for f in self.findings)
        return f'<div class="crm-doctor"><b>{html.escape(self._headline())}</b><table>{rows}</table></div>'


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def check_python() -> Finding:
    """Check the Python version."""
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 10):
        return Finding(False, i18n.t("doctor_python_old", version=version), "https://www.python.org/downloads/")
    return Finding(True, i18n.t("doctor_python", version=version))


def check_library(name: str, minimum: str) -> Finding:
    """Check that ``name`` is installed in at least version ``minimum``."""
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        return Finding(False, i18n.t("doctor_missing", name=name), SETUP_FIX)
    if _version_tuple(version) < _version_tuple(minimum):
        return Finding(False, i18n.t("doctor_too_old", name=name, version=version, need=f">={minimum}"), SETUP_FIX)
    return Finding(True, f"{name} {version}")


def check_widget_extension(widgets_version: str | None = None, extension_version: str | None = None) -> Finding:
    """Check that ipywidgets and the JupyterLab widget extension (jupyterlab_widgets) fit together.

    Examples
    --------
    >>> check_widget_extension("8.1.5", "3.0.13").ok
    True
    >>> check_widget_extension("8.1.5", "1.1.1").ok
    False
    """
    try:
        widgets_version = widgets_version or metadata.version("ipywidgets")
        extension_version = extension_version or metadata.version("jupyterlab_widgets")
    except metadata.PackageNotFoundError as missing:
        return Finding(False, i18n.t("doctor_missing", name=missing.name), SETUP_FIX)
    need = WIDGET_EXTENSION.get(_version_tuple(widgets_version)[0])
    if need is None or _version_tuple(extension_version)[0] != need:
        return Finding(False, i18n.t("doctor_widgets_mismatch", w=widgets_version, need=need, e=extension_version),
                       SETUP_FIX)
    return Finding(True, i18n.t("doctor_widgets_pair", w=widgets_version, e=extension_version))


def check_font() -> Finding:
    """Draw Chinese text off-screen with warnings as errors: any missing glyph fails the check."""
    if not i18n.font_path().is_file():
        return Finding(False, i18n.t("doctor_font_bad", problem="font file missing"), REINSTALL_FIX)
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        i18n.setup_fonts()
        fig = Figure(figsize=(2, 1))
        FigureCanvasAgg(fig)
        fig.text(0.1, 0.5, "客户关系管理 CRM 忠诚度 123")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.canvas.draw()
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return Finding(False, i18n.t("doctor_font_bad", problem=str(exc)), REINSTALL_FIX)
    return Finding(True, i18n.t("doctor_font_ok"))


def check_data() -> Finding:
    """Check that the shipped tables can be found inside the installed package."""
    try:
        tables = [p for p in resources.files("crmlessons.data").iterdir() if p.name.endswith(".csv")]
    except ModuleNotFoundError:
        tables = []
    if not tables:
        return Finding(False, i18n.t("doctor_data_bad"), REINSTALL_FIX)
    return Finding(True, i18n.t("doctor_data_ok", n=len(tables), folder=_short_path(Path(str(tables[0])).parent)))


def _short_path(path: Path) -> str:
    """Show a folder as ``~/...`` under the home folder, else by its last two parts (``.../a/b``)."""
    shown = _home_relative(path)
    return shown if shown.startswith("~") else ".../" + "/".join(path.parts[-2:])


def _home_relative(path: Path) -> str:
    """Show a path under the home folder as ``~/...`` (no personal absolute paths in notebooks)."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def doctor() -> Report:
    """Check that this computer is ready for the course; every problem comes with the command that fixes it.

    Returns
    -------
    Report
        Shows as a table in Jupyter; ``.ok`` is True when nothing needs fixing.
    """
    from crmlessons.workfolder import work_folder

    findings = [check_python()]
    findings += [check_library(name, minimum) for name, minimum in REQUIRED.items()]
    findings += [check_widget_extension(), check_font(), check_data()]
    findings.append(Finding(True, i18n.t("doctor_work", path=_home_relative(work_folder(create=False)))))
    return Report(findings)
