"""Rebuild ``crmlessons/fonts/NotoSansSC-crmlessons.ttf``, the Chinese font the course ships.

The font is Noto Sans CJK SC (SIL Open Font License 1.1, see ``crmlessons/fonts/OFL.txt``), cut down
to the 6,763 common simplified characters of GB 2312, the punctuation Chinese text uses, and every
CJK character that appears anywhere in the package (so no label can ever miss a glyph). Its outlines
are converted to TrueType so that matplotlib can embed it in PNG, SVG and PDF alike.

It also writes ``crmlessons/fonts/NotoSansSC-crmlessons.woff``, the web font that widgets give the
browser (``crmlessons/widgets/webfont.py``): the same outlines cut down to the CJK characters the
package uses (about 900), as WOFF (zlib). WOFF2 would be about a fifth smaller but needs the
``brotli`` module, which the course does not otherwise need.

Usage (needs Debian's ``fonts-noto-cjk`` package, or ``--source`` pointing at the .ttc)::

    python scripts/build_cjk_font.py [--source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
    python scripts/build_cjk_font.py --web   # only the web font, from the shipped .ttf (no fonts-noto-cjk)
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "crmlessons" / "fonts" / "NotoSansSC-crmlessons.ttf"
WEB_TARGET = ROOT / "crmlessons" / "fonts" / "NotoSansSC-crmlessons.woff"
FAMILY = "Noto Sans SC crmlessons"
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")


def gb2312_characters() -> set[str]:
    """Return the characters of GB 2312 (levels 1 and 2 plus its symbols)."""
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def package_characters() -> set[str]:
    """Return every CJK character used in the package's source and data files."""
    chars: set[str] = set()
    for folder in (ROOT / "crmlessons", ROOT / "datasets", ROOT / "notebooks"):
        for path in folder.rglob("*"):
            if path.suffix in {".py", ".csv", ".json", ".md", ".ipynb"}:
                chars.update(CJK.findall(path.read_text(encoding="utf-8")))
    return chars


def wanted_characters() -> str:
    """Return the full character set of the subset, sorted."""
    latin = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x180)}
    punctuation = {chr(c) for c in range(0x2000, 0x2070)} | {chr(c) for c in range(0x3000, 0x3040)}
    fullwidth = {chr(c) for c in range(0xFF01, 0xFF5F)}
    return "".join(sorted(gb2312_characters() | package_characters() | latin | punctuation | fullwidth))


def cff_to_truetype(font: TTFont) -> None:
    """Convert a CFF-flavoured OpenType font to TrueType outlines in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(glyph_order)
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont) -> None:
    """Give the subset its own family name so it never shadows a full system font."""
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"


def subset_to(face: TTFont, text: str) -> None:
    """Cut ``face`` down, in place, to the glyphs of ``text`` (no hinting, no OpenType shaping)."""
    options = subset.Options()
    options.layout_features = []  # matplotlib does no OpenType shaping; Chinese needs none
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(face)


def build(source: Path, target: Path = TARGET) -> Path:
    """Subset the SC face of ``source`` into ``target`` and return ``target``."""
    collection = TTCollection(str(source))
    face = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    subset_to(face, wanted_characters())
    cff_to_truetype(face)
    rename(face)
    target.parent.mkdir(parents=True, exist_ok=True)
    face.save(str(target))
    return target


def web_characters() -> str:
    """Return the characters of the web font: every CJK character the package uses, sorted."""
    return "".join(sorted(package_characters()))


def build_web(source: Path = TARGET, target: Path = WEB_TARGET) -> Path:
    """Cut the shipped TrueType font ``source`` down to :func:`web_characters` as WOFF in ``target``.

    Reproducible: the same characters give the same bytes (no time stamp is written).
    """
    face = TTFont(str(source), recalcTimestamp=False)
    text = web_characters()
    cmap = face.getBestCmap()
    missing = sorted(ch for ch in text if ord(ch) not in cmap)
    if missing:
        raise SystemExit(f"{source.name} lacks {len(missing)} characters the package uses "
                         f"({''.join(missing[:20])}...); "
                         "rebuild it first: python scripts/build_cjk_font.py --source <NotoSansCJK-Regular.ttc>")
    subset_to(face, text)
    face.flavor = "woff"
    target.parent.mkdir(parents=True, exist_ok=True)
    face.save(str(target))
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))
    parser.add_argument("--web", action="store_true", help="only rebuild the web font, from the shipped .ttf")
    args = parser.parse_args()
    paths = ([] if args.web else [build(args.source)]) + [build_web()]
    for path in paths:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1e3:,.0f} KB)")
