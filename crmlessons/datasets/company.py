"""Who the case company is: :data:`COMPANY`, its names and the date its data is as of.

Examples
--------
>>> COMPANY["name_zh"], COMPANY["as_of"]
('恒泰工业供应有限公司', '2025-12-31')
"""

from __future__ import annotations

from crmlessons.datasets.rules import AS_OF

__all__ = ["COMPANY"]

#: The fictional business-to-business supplier every lesson studies (``as_of`` is :data:`rules.AS_OF`).
COMPANY = {
    "name_en": "Hengtai Industrial Supply Co., Ltd.",
    "name_zh": "恒泰工业供应有限公司",
    "as_of": AS_OF,
}
