"""Language switching, label completeness and Chinese rendering with the shipped font."""

from __future__ import annotations

import importlib
import pkgutil
import warnings

import matplotlib
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import crmlessons
from crmlessons import i18n


def import_all_modules():
    """Import every module of the package so all labels are registered."""
    for module in pkgutil.walk_packages(crmlessons.__path__, "crmlessons."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)


def test_set_language_switches_labels():
    i18n.set_language("zh")
    assert i18n.t("customer") == "客户"
    i18n.set_language("en")
    assert i18n.t("customer") == "customer"


@pytest.mark.parametrize("alias", ["zh-CN", "中文", "Chinese", " ZH "])
def test_set_language_accepts_aliases(alias):
    i18n.set_language(alias)
    assert i18n.get_language() == "zh"


def test_set_language_rejects_unknown_language_by_name():
    with pytest.raises(ValueError, match=r"language must be 'en'.*'fr'"):
        i18n.set_language("fr")
    with pytest.raises(TypeError, match="language must be a string.*int"):
        i18n.set_language(1)


def test_unknown_label_names_the_key():
    with pytest.raises(KeyError, match="no_such_label"):
        i18n.t("no_such_label")


def test_register_refuses_a_label_without_chinese():
    with pytest.raises(ValueError, match="missing: \\['zh'\\]"):
        i18n.register({"half_label": {"en": "only English"}})


def test_every_label_has_both_languages():
    import_all_modules()
    for key, pair in i18n.LABELS.items():
        assert pair["en"].strip() and pair["zh"].strip(), key


def test_shipped_font_has_every_chinese_character_the_package_uses():
    import_all_modules()
    cmap = TTFont(str(i18n.font_path()))["cmap"].getBestCmap()
    from crmlessons.datasets.dictionary import VOCABULARIES

    texts = [pair["zh"] for pair in i18n.LABELS.values()]
    texts += [zh for vocabulary in VOCABULARIES.values() for _, zh in vocabulary.values()]
    used = {ch for text in texts for ch in text if ord(ch) > 0x2E80}
    missing = sorted(ch for ch in used if ord(ch) not in cmap)
    assert not missing, f"characters missing from the shipped font (rebuild it with scripts/build_cjk_font.py): {missing}"


def test_shipped_font_has_a_licence():
    licence = i18n.font_path().with_name("OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence


def test_chinese_chart_draws_with_no_missing_glyph_warning():
    family = i18n.setup_fonts()
    i18n.set_language("zh")
    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.bar(["新客户", "老客户"], [5, 1])
    ax.set_title("开发新客户的成本 CRM 2025")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    # Latin text stays in the default font; the Chinese fallback is the shipped file, not a system font.
    fonts = font_manager.fontManager._find_fonts_by_props(font_manager.FontProperties(family=matplotlib.rcParams["font.family"]))
    has_chinese = [f for f in fonts if ord("客") in TTFont(f, fontNumber=0)["cmap"].getBestCmap()]
    assert has_chinese and has_chinese[0] == str(i18n.font_path())
    assert matplotlib.rcParams["font.family"] == ["sans-serif", family]


def test_course_chart_switches_language():
    from crmlessons.plots.course import lesson_minutes

    ax = lesson_minutes(ax=Figure().subplots())
    assert ax.get_title() == "Time each lesson needs"
    i18n.set_language("zh")
    ax = lesson_minutes(ax=Figure().subplots())
    assert ax.get_title() == "每课所需时间" and ax.get_ylabel() == "分钟"


def test_chinese_renders_when_the_system_has_no_cjk_font(tmp_path):
    """Simulate a machine without any CJK font: drop every system font that has Chinese glyphs."""
    import subprocess
    import sys

    code = '''
import warnings
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

def has_chinese(path):
    try:
        with TTFont(path, fontNumber=0, lazy=True) as font:
            return ord("客") in font["cmap"].getBestCmap()
    except Exception:
        return False

font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist if not has_chinese(f.fname)]
font_manager.fontManager._findfont_cached.cache_clear()
from crmlessons import i18n
i18n.set_language("zh")
i18n.setup_fonts()
fig = Figure()
FigureCanvasAgg(fig)
fig.subplots().set_title("客户流失原因 Pareto 80%")
with warnings.catch_warnings():
    warnings.simplefilter("error")
    fig.canvas.draw()
print("drawn")
'''
    env = {"MPLCONFIGDIR": str(tmp_path), "PATH": ""}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "drawn"
