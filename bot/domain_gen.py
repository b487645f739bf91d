"""The parts of `domain.yml` that repeat once per plan field, generated from `bot/plan_schema.py`.

`domain.yml` is written by hand, except between marker lines such as

    # >>> generated: plan_form slots (`mlplan domain build`, from bot/plan_schema.py; do not edit)
    ...
    # <<< generated: plan_form slots

`render` replaces what lies between each pair with what the schema says: one slot per plan
answer (filled from the text while plan_form asks for it), the answers in `plan_form`'s
`required_slots`, and one `action_ask_<field>` per answer. `mlplan domain build` writes the
result; `mlplan domain check` (and tests/unit/test_domain_gen.py) fail when domain.yml is
stale, in the manner of bot/kb/training_data.py for the FAQ examples. The output keeps the
order of today's lists, so a rebuilt domain has the same fingerprint and needs no retraining.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Dict, List

from bot import settings
from bot.plan_schema import ANSWER_FIELDS, Field

FORM = "plan_form"
BEGIN = re.compile(r"^(?P<indent> *)# >>> generated: (?P<name>[\w ]+?) \(")
END = "# <<< generated: {name}"
NOTE = "(`mlplan domain build`, from bot/plan_schema.py; do not edit)"


class StaleDomain(ValueError):
    """domain.yml's generated parts are missing or malformed."""


def _slot(field: Field) -> List[str]:
    return [
        f"{field.name}:",
        f"  type: {'list' if field.kind == 'multi' else 'text'}",
        "  influence_conversation: false",
        "  mappings:",
        "    - type: from_text",
        "      conditions:",
        f"        - active_loop: {FORM}",
        f"          requested_slot: {field.name}",
    ]


def slots() -> List[str]:
    """One slot per plan answer, filled from the message text while plan_form asks for it."""
    return [line for field in ANSWER_FIELDS for line in _slot(field)]


def required_slots() -> List[str]:
    """The answers, in the order the plan conversation asks them."""
    return [f"- {field.name}" for field in ANSWER_FIELDS]


def ask_actions() -> List[str]:
    """action_ask_<field>: the question with the guide's reason (actions/plan_form.py)."""
    return [f"- action_ask_{field.name}" for field in ANSWER_FIELDS]


REGIONS: Dict[str, Callable[[], List[str]]] = {
    f"{FORM} slots": slots,
    f"{FORM} required_slots": required_slots,
    f"{FORM} ask actions": ask_actions,
}


def render(text: str) -> str:
    """`text` (a domain.yml) with every generated region rewritten from the schema."""
    out: List[str] = []
    lines = text.splitlines()
    seen: List[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        begin = BEGIN.match(line)
        if begin is None:
            out.append(line)
            i += 1
            continue
        name, indent = begin["name"], begin["indent"]
        if name not in REGIONS:
            raise StaleDomain(f"line {i + 1}: unknown generated region {name!r}")
        end = indent + END.format(name=name)
        try:
            stop = lines.index(end, i + 1)
        except ValueError:
            raise StaleDomain(f"line {i + 1}: region {name!r} has no end line {end.strip()!r}") from None
        out += [f"{indent}# >>> generated: {name} {NOTE}", *(indent + body for body in REGIONS[name]()), end]
        seen.append(name)
        i = stop + 1
    missing = [name for name in REGIONS if name not in seen]
    if missing:
        raise StaleDomain(f"no generated region for {', '.join(missing)}")
    return "\n".join(out) + "\n"


def target(root: Path = settings.PROJECT_ROOT) -> Path:
    return root / "domain.yml"


def is_current(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return render(text) == text


def write(path: Path) -> bool:
    """Rewrite the generated regions of `path`; True when it changed (an unchanged file keeps its mtime,
    so `make` does not retrain for nothing)."""
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True
