"""The shipped Chinese font as a web font: the CSS that lets a browser draw Chinese on any computer.

Charts draw Chinese with the shipped TrueType font (:func:`crmlessons.i18n.setup_fonts`), but text in a page
(a widget's labels, the printable pages of the case and of the trainer's kit) is drawn by the browser from the
fonts of the computer: without a Chinese system font every Chinese character is an empty box. This module gives
the browser a small web font (``crmlessons/fonts/NotoSansSC-crmlessons.woff``, the Chinese characters the package
uses, built by ``scripts/build_cjk_font.py --web``) and a style rule for every ``crm-*`` element, as one
``<style>`` element (:func:`stylesheet`). It sits in the lowest layer so that every module that writes a page can
use it; :mod:`crmlessons.widgets.webfont` brings it to the widgets.

System fonts still come first. The face covers only Chinese code points (``unicode-range``), so
Latin text keeps the system font; and for Chinese its sources are, in order, the usual Chinese
system fonts of macOS, Windows and Linux (``local(...)``) and only then the shipped bytes. The face
heads the font-family list rather than ending it because Chromium does not redraw text with a web
font that sits behind a system font in the list: such text kept its empty boxes after the font had
loaded (tried with Chromium 156). A Chinese character the shipped face lacks (e.g. one a student
types) falls through to the Chinese system fonts named after the interface fonts.

Examples
--------
>>> css = stylesheet()
>>> '@font-face' in css and FAMILY in css
True
"""

from __future__ import annotations

import base64
import functools
from importlib import resources
from pathlib import Path

#: File name of the web font inside ``crmlessons/fonts``.
WEB_FONT_FILE = "NotoSansSC-crmlessons.woff"
#: CSS family name of the shipped face (only this page's ``@font-face`` rule knows it).
FAMILY = "Noto Sans SC crmlessons"
#: Code points the face is used for: CJK radicals to unified ideographs (CJK punctuation included)
#: and full-width forms, the ranges ``scripts/build_cjk_font.py`` collects from the package.
UNICODE_RANGE = "U+2E80-9FFF, U+FF00-FFEF"
#: Elements the rule applies to: every widget root and every element with a ``crm-*`` class
#: (lesson cards, feedback, solutions, quiz parts, error boxes).
SELECTOR = '.crm-widget, [class^="crm-"], [class*=" crm-"]'
#: Interface fonts when JupyterLab's ``--jp-ui-font-family`` is not defined (its default list).
SYSTEM_FONTS = 'system-ui, -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif'
#: Chinese system fonts of macOS, Windows and Linux, by family name (font-family list) ...
CJK_SYSTEM_FONTS = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
                    '"Source Han Sans SC", "WenQuanYi Micro Hei"')
#: ... and by full / PostScript name (``local()`` sources of the face, tried before the shipped bytes).
CJK_LOCAL_FONTS = ("PingFang SC Regular", "PingFangSC-Regular", "Hiragino Sans GB W3", "HiraginoSansGB-W3",
                   "Microsoft YaHei", "MicrosoftYaHei", "Noto Sans CJK SC Regular", "NotoSansCJKsc-Regular",
                   "Source Han Sans SC Regular", "SourceHanSansSC-Regular", "WenQuanYi Micro Hei")


def web_font_path() -> Path:
    """Return the path of the web font shipped with the package.

    Examples
    --------
    >>> web_font_path().suffix
    '.woff'
    """
    return Path(str(resources.files("crmlessons") / "fonts" / WEB_FONT_FILE))


def font_stack() -> str:
    """Return the CSS font-family list of course text: the Chinese-only face, then the interface fonts.

    Examples
    --------
    >>> font_stack().startswith(f'"{FAMILY}", var(--jp-ui-font-family')
    True
    """
    return f'"{FAMILY}", var(--jp-ui-font-family, {SYSTEM_FONTS}), {CJK_SYSTEM_FONTS}'


@functools.lru_cache(maxsize=1)
def stylesheet() -> str:
    """Return the ``<style>`` element that defines the shipped face and gives it to ``crm-*`` text.

    Form controls (buttons, selects, text boxes) do not inherit fonts by default; they are told to.

    Examples
    --------
    >>> css = stylesheet()
    >>> css.startswith("<style") and css.endswith("</style>")
    True
    >>> "data:font/woff;base64," in css and "unicode-range" in css
    True
    """
    data = base64.b64encode(web_font_path().read_bytes()).decode("ascii")
    local = "".join(f'local("{name}"),' for name in CJK_LOCAL_FONTS)
    face = (f'@font-face{{font-family:"{FAMILY}";src:{local}url(data:font/woff;base64,{data}) format("woff");'
            f"font-display:block;unicode-range:{UNICODE_RANGE}}}")
    stack = font_stack()
    text = (f"{SELECTOR}{{font-family:{stack}}}"
            ".crm-widget button,.crm-widget input,.crm-widget select,.crm-widget textarea{font-family:inherit}")
    return f'<style class="crm-webfont-style">{face}\n{text}</style>'
