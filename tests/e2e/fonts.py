"""A browser that sees no Chinese system font, and a check of which font drew each Chinese character.

:func:`latin_only_fontconfig` writes a private fontconfig setup (``FONTCONFIG_FILE``) listing only the
system's font files that have no Chinese glyph, so Chromium started with it behaves like a student's
computer without a Chinese font, whatever is installed here.

:func:`chinese_glyphs` asks Chromium itself (DevTools ``CSS.getPlatformFontsForNode``) which fonts drew
the text of every element that shows Chinese: a character no font of the page has is drawn as an
empty box from a Latin font, so "Chinese characters drawn by a font that is not one of the Latin
system fonts" < "Chinese characters in the text" means empty boxes on the screen.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

#: Code points of Chinese text (as in scripts/build_cjk_font.py): CJK radicals to ideographs, full-width forms.
CHINESE = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]")
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
             Path.home() / ".local" / "share" / "fonts")
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}


def system_font_files() -> list[Path]:
    """Return the font files fontconfig knows (``fc-list``), else those in the usual folders."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, timeout=60).stdout
        files = {Path(line) for line in listed.splitlines() if line.strip()}
    except (OSError, subprocess.SubprocessError):
        files = set()
    for folder in FONT_DIRS:
        if folder.is_dir():
            files |= {p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES}
    return sorted(f for f in files if f.suffix.lower() in FONT_SUFFIXES and f.is_file())


def font_info(path: Path) -> tuple[str, bool] | None:
    """Return (family name, has Chinese glyphs) of the first face in ``path``; None if unreadable."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(str(path), fontNumber=0, lazy=True) as font:
            cmap = font.getBestCmap() or {}
            return font["name"].getDebugName(1) or path.stem, any(ord(ch) in cmap for ch in "客户中文")
    except Exception:  # noqa: BLE001 - a font fontTools cannot read is left out
        return None


def latin_only_fontconfig(folder: Path) -> tuple[Path, set[str]]:
    """Write a fontconfig file that shows only the system fonts without Chinese glyphs.

    Returns the config file (for ``FONTCONFIG_FILE``) and the family names of the fonts it keeps.
    """
    fonts, cache = folder / "fonts", folder / "cache"
    fonts.mkdir(parents=True, exist_ok=True)
    cache.mkdir(exist_ok=True)
    families = set()
    for number, path in enumerate(system_font_files()):
        info = font_info(path)
        if info is None or info[1]:
            continue
        families.add(info[0])
        link = fonts / f"{number:04d}_{path.name}"
        try:
            link.symlink_to(path)
        except OSError:  # no symlinks here (e.g. some Windows set-ups): copy
            shutil.copy2(path, link)
    if not families:
        raise RuntimeError("no system font without Chinese glyphs found to show the browser")
    config = folder / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                      f"<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>\n",
                      encoding="utf-8")
    return config, families


MARK_JS = """(selector) => {
    const re = /[\\u2e80-\\u9fff\\uff00-\\uffef]/;
    const found = [];
    document.querySelectorAll('[data-crm-glyphs]').forEach(e => e.removeAttribute('data-crm-glyphs'));
    const roots = Array.from(document.querySelectorAll(selector));
    const seen = new Set();
    for (const root of roots) {
        for (const el of [root, ...root.querySelectorAll('*')]) {
            if (seen.has(el) || ['STYLE', 'SCRIPT', 'OPTION', 'SELECT'].includes(el.tagName)) continue;
            seen.add(el);
            const text = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('');
            if (!re.test(text) || el.getClientRects().length === 0) continue;
            el.setAttribute('data-crm-glyphs', String(found.length));
            found.push(text);
        }
    }
    return found;
}"""


def chinese_glyphs(page, selector: str, latin_families: set[str]) -> list[dict]:
    """For each visible element inside ``selector`` whose own text has Chinese, which fonts drew it.

    Returns dicts with ``text``, ``chinese`` (its number of Chinese characters), ``drawn`` (glyphs
    drawn by fonts that are not in ``latin_families``) and ``fonts`` (family -> glyph count).
    Chromium only: it asks the DevTools protocol.
    """
    texts = page.evaluate(MARK_JS, selector)
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-crm-glyphs]"})["nodeIds"]
        report = []
        for node in nodes:
            attributes = session.send("DOM.getAttributes", {"nodeId": node})["attributes"]
            index = int(dict(zip(attributes[::2], attributes[1::2]))["data-crm-glyphs"])
            used = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            fonts = {f["familyName"]: f["glyphCount"] for f in used}
            text = texts[index]
            report.append({"text": text.strip(), "chinese": len(CHINESE.findall(text)), "fonts": fonts,
                           "drawn": sum(n for family, n in fonts.items() if family not in latin_families)})
        return report
    finally:
        session.detach()


def empty_boxes(report: list[dict]) -> list[str]:
    """Return a line for each element of ``report`` with Chinese drawn by no font that has it."""
    return [f"{r['text'][:60]!r}: {r['chinese']} Chinese characters, {r['drawn']} drawn by a Chinese font "
            f"(fonts used: {r['fonts']})" for r in report if r["drawn"] < r["chinese"]]
