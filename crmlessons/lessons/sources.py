"""The five source texts the course is built from, and how lessons cite them.

The course's facts come from five Chinese texts (web copies, kept with the project's design files, not
in the package). A lesson cites one by its short name in brackets, e.g. "(Key-account CRM course,
Table 1-1)" or "（《大客户关系管理教程》，表 1-1）": :func:`sources` is the page that explains each name.
What a lesson adds itself (its case company's rules, sales-training practice, the marketing literature)
is labelled "the course's" or "the literature's" instead.

Each lesson lists the sources it draws on in ``LESSON.sources`` (source key -> what it takes), so the
sources page (:func:`crmlessons.lessons.sources`) is built from the lessons and cannot disagree with them.

Examples
--------
>>> SOURCES["004"].short["en"]
'Key-account CRM course'
>>> cite("002")
'(Customer-service courseware)'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from crmlessons import i18n

Text = Mapping[str, str]

i18n.register({
    "sources": ("Sources", "资料来源"),
    "sources_footer": ("Lessons cite a source by the name before the colon, e.g. (Key-account CRM course, Table 1-1). "
                       "What the course adds itself is labelled as the course's or the literature's.",
                       "各课用冒号前的名称引用资料，例如（《大客户关系管理教程》，表 1-1）。课程自己补充的内容标注为“本课程”或“文献”。"),
    "source_topic": ("Topic", "主题"),
    "source_lessons": ("What the lessons take from it", "各课程引用的内容"),
    "unknown_source": ("no source {key!r}; the sources are {known}", "没有资料 {key!r}；现有资料：{known}"),
})


@dataclass(frozen=True)
class Source:
    """One source text: the short name lessons cite it by, what kind of text it is, and its topic."""

    key: str
    short: Text
    kind: Text
    topic: Text
    language: Text


SOURCES: dict[str, Source] = {source.key: source for source in [
    Source("000", {"en": "Relationship-marketing essay", "zh": "关系营销论文"},
           {"en": "A short management thesis posted online (2020)", "zh": "网上发表的管理类毕业论文（2020 年）"},
           {"en": "CRM in relationship marketing: what it is, its aims, knowing and caring for customers, "
                  "and the figures often quoted for it (5 times the cost, two thirds lost for too little care)",
            "zh": "关系营销中的客户关系管理：含义与目标、了解和关怀客户，以及常被引用的数字（5 倍成本、三分之二因关怀不够而流失）"},
           {"en": "Chinese (traditional characters)", "zh": "中文（繁体）"}),
    Source("001", {"en": "E-CRM article", "zh": "网络时代客户关系管理论文"},
           {"en": "A journal-style article on CRM in the internet age", "zh": "一篇关于网络时代客户关系管理的期刊式论文"},
           {"en": "Customer delivered value, financial, social and structural ties, the few factors that "
                  "decide customer value", "zh": "顾客让渡价值，财务、社交和结构性联系，决定客户价值的少数因素"},
           {"en": "Chinese (simplified)", "zh": "中文（简体）"}),
    Source("002", {"en": "Customer-service courseware", "zh": "《网络客户服务实务》课件"},
           {"en": "A vocational college's slide deck, project 6 of a customer-service course",
            "zh": "高职课程《网络客户服务实务》项目六的课件"},
           {"en": "What a customer relationship is; its length, depth and breadth; the lifecycle; what shapes "
                  "and develops a relationship; customer value", "zh": "客户关系的含义；长度、深度和广度；生命周期；影响和发展客户关系的因素；客户价值"},
           {"en": "Chinese (simplified)", "zh": "中文（简体）"}),
    Source("003", {"en": "Loyalty article", "zh": "客户忠诚文章"},
           {"en": "A company news article (2025)", "zh": "一篇企业新闻文章（2025 年）"},
           {"en": "Loyal customers: satisfaction versus loyalty, the faces of loyalty, needs in three classes, "
                  "how to build loyalty; also the lifecycle's stages and CRM's theories",
            "zh": "忠诚客户：满意与忠诚、忠诚的几种表现、三类需求、如何培养忠诚；以及客户生命周期阶段和客户关系管理的理论基础"},
           {"en": "Chinese (simplified)", "zh": "中文（简体）"}),
    Source("004", {"en": "Key-account CRM course", "zh": "《大客户关系管理教程》"},
           {"en": "A web copy of an e-learning course on key-account CRM (2021), with quizzes",
            "zh": "一门大客户关系管理网络课程的网页版（2021 年），附测验题"},
           {"en": "CRM versus traditional marketing (Table 1-2), market expansion, the success probability, "
                  "why customers are lost (Table 1-1), the ASK rule and MAN qualification",
            "zh": "客户关系管理与传统营销（表 1-2）、市场拓展、成功概率、客户流失的原因（表 1-1）、ASK 法则和 MAN 法则"},
           {"en": "Chinese (traditional characters)", "zh": "中文（繁体）"}),
]}


def source(key: str) -> Source:
    """Return the source ``key`` ("000" to "004"), or raise naming the known ones."""
    if not isinstance(key, str):
        raise TypeError(f"key must be a source key such as '004'; got {type(key).__name__} {key!r}")
    if key not in SOURCES:
        raise ValueError(i18n.t("unknown_source", key=key, known=", ".join(SOURCES)))
    return SOURCES[key]


def cite(key: str, where: str = "") -> str:
    """Return how a lesson cites source ``key`` in the current language.

    Examples
    --------
    >>> cite("004", "Table 1-1")
    '(Key-account CRM course, Table 1-1)'
    >>> with i18n.using("zh"):
    ...     cite("004", "表 1-1")
    '（《大客户关系管理教程》，表 1-1）'
    """
    name = i18n.pick(source(key).short)
    if not isinstance(where, str):
        raise TypeError(f"where must be text such as 'Table 1-1'; got {type(where).__name__} {where!r}")
    if i18n.get_language() == "zh":
        return f"（{name}，{where}）" if where else f"（{name}）"
    return f"({name}, {where})" if where else f"({name})"
