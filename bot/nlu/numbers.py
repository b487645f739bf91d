"""Years and plan numbers in a message, as integers: "2027", "FY27", "next year", "明年" are years (relative
ones against today's date); "plan 12", "计划12", "#12", "12号" and a message that is only "12" are plan 12.
Pure functions, so the action server reads years without importing Rasa."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Dict, List, Optional

_ABSOLUTE = re.compile(r"(?<![\d#])(20\d\d)(?!\d)\s*(?:年|年度)?|(?<![a-z])FY\s?'?(\d\d)(?!\d)", re.IGNORECASE)
_RELATIVE = [
    (re.compile(r"the year after next|后年", re.IGNORECASE), 2),
    (re.compile(r"next year|明年|下一年|来年|下年度", re.IGNORECASE), 1),
    (re.compile(r"this year|今年|本年度|当年", re.IGNORECASE), 0),
    (re.compile(r"the year before last|前年", re.IGNORECASE), -2),
    (re.compile(r"last year|去年|上一年|上年度", re.IGNORECASE), -1),
]
_PLAN_ID = re.compile(
    r"(?:\bplan\s*(?:no\.?|number|#|id)?\s*|计划\s*(?:编号|号|#)?\s*|编号\s*|#|\bid\s*)(\d{1,7})(?!\d)|"
    r"(?<![\d.])(\d{1,7})\s*(?:号|號)(?!码|碼|线|位|楼|门)|^\s*(\d{1,7})\s*$",
    re.IGNORECASE,
)


def find_years(text: str, today: Optional[dt.date] = None) -> List[Dict[str, Any]]:
    today = today or dt.date.today()
    found: List[Dict[str, Any]] = []
    for m in _ABSOLUTE.finditer(text):
        year = int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
        found.append({"start": m.start(), "end": m.end(), "value": year})
    for pattern, offset in _RELATIVE:
        for m in pattern.finditer(text):
            if not any(f["start"] <= m.start() < f["end"] for f in found):
                found.append({"start": m.start(), "end": m.end(), "value": today.year + offset})
    return sorted(found, key=lambda f: f["start"])


def find_plan_ids(text: str) -> List[Dict[str, Any]]:
    found = []
    for m in _PLAN_ID.finditer(text):
        number = m.group(1) or m.group(2) or m.group(3)
        if not (number.startswith("20") and len(number) == 4):  # 2027 is a year
            found.append({"start": m.start(), "end": m.end(), "value": int(number)})
    return found
