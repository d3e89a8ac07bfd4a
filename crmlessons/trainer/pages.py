"""Printable pages for trainers: one page style (A4, no external resources) and one PDF step.

Every trainer command builds its pages with :func:`page` and writes them with :func:`write_pages`, which
also prints each page to PDF where the machine can (a Chromium on the PATH, or Playwright's own Chromium).

Examples
--------
>>> html_text = page("Quiz 01", "<p>Hello & welcome</p>", lang="zh")
>>> html_text.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html_text
True
>>> letter(2)
'C'
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Mapping, Sequence

from crmlessons import i18n
from crmlessons.workfolder import work_folder

i18n.register({
    "trainer_student_edition": ("This is the student edition of the course: answer keys are written from the trainer's "
                                "copy.", "这是课程的学员版：答案请用培训师的课程副本生成。"),
    "trainer_wrote": ("Wrote {path}", "已写出 {path}"),
    "trainer_pdf_none": ("No Chromium found (chromium, chromium-browser, google-chrome or Playwright's): only HTML "
                         "was written; open it in a browser and print it to PDF there.",
                         "未找到 Chromium（chromium、chromium-browser、google-chrome 或 Playwright 自带的）：只写出了 "
                         "HTML；请在浏览器中打开并打印为 PDF。"),
    "trainer_pdf_failed": ("Printing {name} to PDF failed ({reason}); the HTML is written.",
                           "未能把 {name} 打印为 PDF（{reason}）；HTML 已写出。"),
    "trainer_no_course": ("This needs the course folder (with notebooks/ next to the crmlessons package); "
                          "found none at {folder}.",
                          "这需要课程文件夹（crmlessons 程序包旁边有 notebooks/）；在 {folder} 没有找到。"),
    "help_lang": ("language of the pages: en (English) or zh (简体中文)", "页面语言：en（英文）或 zh（简体中文）"),
    "help_out": ("folder to write to (default: the trainer/ folder in your work folder)",
                 "输出文件夹（默认：学习文件夹中的 trainer/）"),
    "help_no_pdf": ("write HTML only, no PDF", "只写 HTML，不生成 PDF"),
    "help_lessons": ("lesson numbers such as 01 03 (default: every lesson)", "课程编号，例如 01 03（默认：全部课程）"),
})

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

#: The one page style: A4 with 18 mm / 16 mm margins. The fonts are the widgets' (the shipped Chinese web font,
#: embedded, then the system fonts: ``crmlessons.widgets.webfont``), so Chinese prints on any machine.
STYLE = """
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 10pt 0 2pt; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { border: 1px solid #bbb; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #eef2f5; }
td.num { text-align: right; white-space: nowrap; }
.small { font-size: 9pt; color: #333; }
.answer { font-family: "DejaVu Sans Mono", Consolas, monospace; font-weight: bold; }
.name-line { margin: 10pt 0 14pt; }
.question { break-inside: avoid; page-break-inside: avoid; margin: 0 0 10pt; }
.lesson { break-before: page; page-break-before: always; }
.lesson:first-of-type { break-before: auto; page-break-before: auto; }
ol.options { list-style: none; padding-left: 12pt; margin: 2pt 0; }
table.plan td:nth-child(1) { width: 9%; } table.plan td:nth-child(2) { width: 25%; }
table.plan td:nth-child(3) { width: 13%; } table.plan td:nth-child(4) { width: 15%; }
@media screen { body { max-width: 190mm; margin: 12mm auto; } }
"""


def letter(index: int) -> str:
    """Return the letter of option ``index`` (0 -> ``"A"``), as the sheets and keys print it."""
    return LETTERS[index]


def colon(lang: str) -> str:
    """Return the colon of ``lang``: ``": "`` in English, ``"："`` in Chinese."""
    return "：" if lang == "zh" else ": "


def esc(text: object) -> str:
    """Return ``text`` escaped for HTML."""
    return html.escape(str(text), quote=True)


def page(title: str, body: str, lang: str = "en") -> str:
    """Return a whole printable HTML page: ``title`` (plain text) and ``body`` (HTML), in ``lang``.

    The page needs nothing from outside: its style and the shipped Chinese font are inside it.
    """
    from crmlessons import webfont

    code = "zh-CN" if lang == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{code}">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)}</title>\n'
            f"<style>{STYLE}</style>\n{webfont.stylesheet()}\n</head>\n<body class=\"crm-page\">\n{body}\n"
            "</body>\n</html>\n")


def course_folder() -> Path:
    """Return the course folder (the one with ``notebooks/`` next to the package), or raise saying so."""
    folder = Path(__file__).resolve().parents[2]
    if not (folder / "notebooks").is_dir():
        raise FileNotFoundError(i18n.t("trainer_no_course", folder=folder))
    return folder


#: The file at the root of a student edition (``python course.py student-edition``): it says what the edition is,
#: and the commands that write answers (answer keys, quiz keys) refuse to run where it is.
STUDENT_EDITION_FILE = "STUDENT_EDITION.md"


def refuse_in_student_edition(lang: str = "en") -> None:
    """Raise ``ValueError`` in a student edition: the answer keys are the trainer's.

    The checks of a student edition compute their answers on the student's computer (that is how they can say
    at once whether an answer is right), so this keeps an honest student from printing the key by accident;
    it does not hide the answers from a determined one. Give each group its own data variant.

    Examples
    --------
    >>> refuse_in_student_edition()  # the course itself: nothing happens
    """
    try:
        folder = course_folder()
    except FileNotFoundError:
        return
    if (folder / STUDENT_EDITION_FILE).exists():
        raise ValueError(i18n.t("trainer_student_edition", lang=lang))


def output_folder(out: str | os.PathLike | None) -> Path:
    """Return the folder to write to: ``out``, or the work folder's ``trainer/`` subfolder; create it."""
    folder = Path(out).expanduser() if out is not None else work_folder() / "trainer"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run_command(write: Callable[[], object], errors: tuple = (ValueError, TypeError)) -> int:
    """Run a kit command's work; a bad argument is its message on one line of stderr and exit status 2.

    Examples
    --------
    >>> run_command(lambda: None)
    0
    """
    try:
        write()
    except errors as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def find_chromium() -> str | None:
    """Return a Chromium on the PATH (``$CRMLESSONS_CHROMIUM`` first), or None."""
    explicit = os.environ.get("CRMLESSONS_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _print_with_chromium(chromium: str, source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={target}",
                   source.resolve().as_uri()]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not target.exists():
        raise RuntimeError((result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1])


def _playwright_chromium() -> str | None:
    """Return the path of Playwright's own Chromium if it is installed, else None."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as manager:
        path = manager.chromium.executable_path
    return path if Path(path).exists() else None


def _print_with_playwright(executable: str, source: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as manager:
        browser = manager.chromium.launch(executable_path=executable)
        try:
            sheet = browser.new_page()
            sheet.goto(source.resolve().as_uri())
            sheet.pdf(path=str(target), format="A4", prefer_css_page_size=True)
        finally:
            browser.close()


def pdf_printer():
    """Return a function ``(html_path, pdf_path)`` that prints a page to PDF, or None if no Chromium is here."""
    chromium = find_chromium()
    if chromium is not None:
        return lambda source, target: _print_with_chromium(chromium, source, target)
    bundled = _playwright_chromium()
    if bundled is not None:
        return lambda source, target: _print_with_playwright(bundled, source, target)
    return None


def write_pages(folder: Path, pages: Mapping[str, str], lang: str = "en", pdf: bool = True) -> list[Path]:
    """Write each page (file name -> HTML) into ``folder``, and its PDF when ``pdf`` and a Chromium is here.

    Returns the files written. Without a Chromium it says once that only HTML was written.
    """
    printer = pdf_printer() if pdf else None
    if pdf and printer is None:
        print(i18n.t("trainer_pdf_none", lang=lang))
    written = []
    for name, text in pages.items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
        if printer is not None:
            try:
                printer(path, path.with_suffix(".pdf"))
                written.append(path.with_suffix(".pdf"))
            except Exception as error:  # noqa: BLE001 - any browser failure leaves the HTML page, and says so
                print(i18n.t("trainer_pdf_failed", lang=lang, name=path.name, reason=error))
    for path in written:
        print(i18n.t("trainer_wrote", lang=lang, path=path))
    return written


def parser(description: Mapping[str, str], prog: str, lessons: bool = False) -> argparse.ArgumentParser:
    """Return the command-line parser shared by the trainer's page commands (--lang, --out, --no-pdf)."""
    both = lambda key: f'{i18n.t(key, lang="en")} / {i18n.t(key, lang="zh")}'  # noqa: E731
    commands = argparse.ArgumentParser(prog=prog, description=f'{description["en"]} / {description["zh"]}')
    if lessons:
        commands.add_argument("lessons", nargs="*", metavar="NN", help=both("help_lessons"))
    commands.add_argument("--lang", choices=("en", "zh"), default="en", help=both("help_lang"))
    commands.add_argument("--out", metavar="DIR", default=None, help=both("help_out"))
    commands.add_argument("--no-pdf", action="store_true", help=both("help_no_pdf"))
    return commands


def lesson_list(lessons: Sequence[str] | None) -> list[str]:
    """Return the lessons asked for (``None`` or empty: all), each checked and written as two digits."""
    from crmlessons.lessons import get_lesson, lesson_ids

    if lessons is None or len(lessons) == 0:
        return lesson_ids()
    if isinstance(lessons, str):
        raise TypeError(f"lessons must be a list of lesson numbers such as ['01', '03']; got the text {lessons!r}")
    return [get_lesson(str(lesson)).id for lesson in lessons]
