"""English / Simplified Chinese labels, and the font that draws Chinese in every chart.

Every label the package shows (chart titles, axis names, widget captions, feedback) is looked up
here by a short key, in the language chosen with :func:`set_language`. Modules add their own labels
with :func:`register`, so each lesson keeps its words next to its code.

Chinese glyphs come from a font shipped inside the package (a subset of Noto Sans CJK SC, SIL Open
Font License), registered with matplotlib in memory: charts render Chinese on any machine, with no
font installed and no missing-glyph warning. Latin text keeps matplotlib's default font.

Examples
--------
>>> from crmlessons import i18n
>>> i18n.set_language("zh")
>>> i18n.t("customer")
'客户'
>>> i18n.t("n_customers", n=3)
'3 位客户'
>>> i18n.set_language("en")
>>> i18n.t("n_customers", n=3)
'3 customers'
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Mapping

LANGUAGES = ("en", "zh")
CJK_FONT_FILE = "NotoSansSC-crmlessons.ttf"

_state = {"language": "en", "fonts_ready": False}

# key -> {"en": ..., "zh": ...}. Modules add theirs with register().
LABELS: dict[str, dict[str, str]] = {}


def register(labels: Mapping[str, tuple[str, str] | Mapping[str, str]]) -> None:
    """Add labels, each given as ``key: (english, chinese)`` or ``key: {"en": ..., "zh": ...}``.

    Parameters
    ----------
    labels : mapping
        The labels to add. A key that exists already is replaced.

    Examples
    --------
    >>> register({"demo_hello": ("Hello", "你好")})
    >>> t("demo_hello", lang="zh")
    '你好'
    """
    for key, value in labels.items():
        pair = dict(zip(LANGUAGES, value)) if isinstance(value, (tuple, list)) else dict(value)
        missing = [lang for lang in LANGUAGES if not pair.get(lang)]
        if missing:
            raise ValueError(f"label {key!r} needs text for {LANGUAGES}; missing: {missing}")
        LABELS[key] = pair


def set_language(language: str) -> None:
    """Choose the language of every label the package draws from now on: ``"en"`` or ``"zh"``.

    Parameters
    ----------
    language : {"en", "zh"}
        English or Simplified Chinese. ``"zh-CN"``, ``"cn"`` and ``"中文"`` also mean Chinese.

    Examples
    --------
    >>> set_language("zh"); get_language()
    'zh'
    >>> set_language("en")
    """
    if not isinstance(language, str):
        raise TypeError(f"language must be a string such as 'en' or 'zh'; got {type(language).__name__} {language!r}")
    aliases = {"en": "en", "english": "en", "zh": "zh", "zh-cn": "zh", "zh_cn": "zh", "cn": "zh",
               "chinese": "zh", "中文": "zh", "简体中文": "zh"}
    code = aliases.get(language.strip().lower())
    if code is None:
        raise ValueError(f"language must be 'en' (English) or 'zh' (简体中文); got {language!r}")
    _state["language"] = code
    if "matplotlib" in sys.modules:
        setup_fonts()


def get_language() -> str:
    """Return the current language code, ``"en"`` or ``"zh"``."""
    return _state["language"]


@contextmanager
def using(language: str):
    """Use ``language`` inside a ``with`` block, then go back to the language chosen before.

    Widgets use it so that one built in Chinese keeps answering in Chinese after a later cell
    switches the course back to English.

    Examples
    --------
    >>> with using("zh"):
    ...     t("customer")
    '客户'
    >>> t("customer")
    'customer'
    """
    previous = _state["language"]
    set_language(language)
    try:
        yield
    finally:
        _state["language"] = previous


@contextmanager
def other_language():
    """Draw in the other language inside a ``with`` block (Chinese in an English lesson, English in a
    Chinese one), then go back to the language the student chose.

    A lesson shows the other edition's labels with it, so the same code cell works in both editions and
    never switches the student's language.

    Examples
    --------
    >>> with other_language():
    ...     t("customer")
    '客户'
    >>> get_language()
    'en'
    """
    with using("zh" if _state["language"] == "en" else "en"):
        yield


def t(key: str, lang: str | None = None, **values: object) -> str:
    """Return the label ``key`` in the current language (or ``lang``), formatted with ``values``.

    An unknown key raises ``KeyError`` naming it, so a typo never shows up silently in a chart.

    Examples
    --------
    >>> t("customer", lang="zh")
    '客户'
    """
    try:
        entry = LABELS[key]
    except KeyError:
        raise KeyError(f"no label {key!r}; add it with crmlessons.i18n.register()") from None
    text = entry[lang or _state["language"]]
    return text.format(**values) if values else text


def pick(text: Mapping[str, str] | str, lang: str | None = None) -> str:
    """Return the current language's text from a ``{"en": ..., "zh": ...}`` pair (or a plain string).

    Examples
    --------
    >>> pick({"en": "loyal", "zh": "忠诚"}, lang="zh")
    '忠诚'
    """
    if isinstance(text, str):
        return text
    return text[lang or _state["language"]]


def money_scale(lang: str | None = None) -> float:
    """Return the unit that large amounts of yuan are shown in: a million in English, 万 (ten thousand) in Chinese.

    Chart labels say the unit ("revenue (million CNY)", "收入（万元）"); values are divided by this.

    Examples
    --------
    >>> money_scale("en"), money_scale("zh")
    (1000000.0, 10000.0)
    """
    return 1e4 if (lang or _state["language"]) == "zh" else 1e6


def wan(value: float) -> str:
    """Return an amount of yuan in 万元 (ten thousand yuan) as the course writes it: one decimal, two below 1 万元.

    Examples
    --------
    >>> wan(125_000), wan(3_000), wan(0)
    ('12.5', '0.30', '0.0')
    """
    amount = float(value) / 1e4
    return f"{amount:,.1f}" if abs(amount) >= 1 or amount == 0 else f"{amount:,.2f}"


def money(value: float, lang: str | None = None) -> str:
    """Return an amount of yuan as the whole course shows it: ``CNY 125,000``, or in Chinese ``12.5 万元``.

    The one money format of widgets, exercises and printable pages (charts use :func:`money_scale`).

    Examples
    --------
    >>> money(125_000), money(125_000, "zh")
    ('CNY 125,000', '12.5 万元')
    """
    return f"{wan(value)} 万元" if (lang or _state["language"]) == "zh" else f"CNY {float(value):,.0f}"


def font_path() -> Path:
    """Return the path of the Chinese font shipped with the package."""
    return Path(str(resources.files("crmlessons") / "fonts" / CJK_FONT_FILE))


def setup_fonts() -> str:
    """Register the shipped Chinese font with matplotlib and make it the per-glyph fallback.

    Latin letters and digits stay in matplotlib's default sans-serif font; any glyph it lacks (every
    Chinese character) is drawn from the shipped font. Safe to call repeatedly.

    Returns
    -------
    str
        The family name of the Chinese font.
    """
    import matplotlib
    from matplotlib import font_manager

    path = str(font_path())
    family = font_manager.FontProperties(fname=path).get_name()
    if not _state["fonts_ready"]:
        font_manager.fontManager.addfont(path)
        _state["fonts_ready"] = True
    # A list in font.family makes matplotlib fall back glyph by glyph (matplotlib >= 3.6).
    matplotlib.rcParams["font.family"] = ["sans-serif", family]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family


register({
    "customer": ("customer", "客户"),
    "customers": ("customers", "客户"),
    "n_customers": ("{n} customers", "{n} 位客户"),
    "year": ("year", "年"),
    "count": ("count", "数量"),
    "share": ("share", "占比"),
    "revenue": ("revenue", "收入"),
    "profit": ("profit", "利润"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "language_set": ("Language: English", "语言：简体中文"),
})
