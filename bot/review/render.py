"""The review report as one self-contained HTML page (inline CSS, charts as data
URIs, no external assets) plus plans.csv. All plan text is escaped."""

from __future__ import annotations

import csv
import datetime as dt
from html import escape
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence

from bot import assessment, messages
from bot.plan_schema import PLAN_KEYS, STATUSES, VALUE_BRANCHES
from bot.review import charts
from bot.review.data import RATING_ORDER, ReviewData, UnitRow
from bot.store.plans import plan_to_dict

HEATMAP_ROWS = 40
STYLE = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",
"DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#222;line-height:1.5;padding:0 1rem}
h1{border-bottom:3px solid #3b6ea5;padding-bottom:.3rem}h2{margin-top:2.2rem;color:#2c4f7c}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.92rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eef3f9}
img{max-width:100%}.muted{color:#666}.ready{background:#d5f5e3}.at_risk{background:#fdebd0}.blocked{background:#f5b7b1}
.late{color:#a93226;font-weight:bold}svg.dot{vertical-align:-1px;margin-right:.35em}
"""
# Ratings are drawn, not written with emoji: a browser without an emoji font shows empty boxes.
DOT_COLOURS = {"ready": "#27ae60", "at_risk": "#f39c12", "blocked": "#c0392b"}


class Html(str):
    """A table cell that is already HTML (built here, with every text in it escaped)."""


def _dot(rating: str) -> str:
    return (
        f'<svg class="dot" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">'
        f'<circle cx="5" cy="5" r="5" fill="{DOT_COLOURS[rating]}"/></svg>'
    )


def _rating(rating: Optional[str], lang: str) -> Any:
    if not rating:
        return "-"
    return Html(_dot(rating) + _t(f"report.rating.{rating}", lang))


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _t(key: str, lang: str, **values: Any) -> str:
    return escape(messages.text(key, lang, **values))


def _unit(row: UnitRow, lang: str) -> str:
    return row.zh if lang == "zh" else row.en


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], classes: Optional[List[List[str]]] = None) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cells = []
        for j, cell in enumerate(row):
            css = classes[i][j] if classes and classes[i][j] else ""
            cells.append(f'<td class="{css}">' if css else "<td>")
            cells[-1] += (cell if isinstance(cell, Html) else escape("" if cell is None else str(cell))) + "</td>"
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _image(src: str, alt: str) -> str:
    return f'<img src="{src}" alt="{escape(alt)}">'


def _names(data: ReviewData, lang: str) -> Dict[str, str]:
    """Unit key -> the unit's name in `lang`, for every unit the report mentions."""
    units = {u.key: u for u in data.units + data.not_filed + [r for r, _ in data.no_plan]}
    return {k: _unit(u, lang) for k, u in units.items()}


def _none(lang: str) -> str:
    return f"<p>{_t('report.none', lang)}</p>"


def _heading(key: str, lang: str) -> str:
    return f"<h2>{_t(key, lang)}</h2>"


def _header_section(data: ReviewData, lang: str, now: dt.datetime) -> List[str]:
    """The title, when the report was made, and where the CSV is."""
    space = "" if lang == "zh" else " "
    return [
        f"<h1>{_t('report.title', lang, year=data.year)}</h1>",
        f'<p class="muted">{_t("report.generated", lang, at=now.strftime("%Y-%m-%d %H:%M UTC"), plans=len(data.plans))}'
        f"{space}{_t('report.csv_note', lang)}</p>",
    ]


def _status_section(data: ReviewData, lang: str) -> List[str]:
    """How many plans are in each status: a chart and a table."""
    statuses = [messages.text(f"status.{s}", lang) for s in STATUSES]
    counts = [data.status_counts.get(s, 0) for s in STATUSES]
    return [
        _heading("report.status", lang),
        _image(
            charts.bars(statuses, counts, messages.text("report.status", lang), lang),
            messages.text("report.status", lang),
        ),
        _table(
            [messages.text("report.status_col", lang), messages.text("report.plans", lang)],
            zip(statuses, counts, strict=True),
        ),
    ]


def _not_filed_section(data: ReviewData, lang: str) -> List[str]:
    """The units that have neither filed nor declared "no plan" (bot.cycle.not_filed)."""
    return [
        _heading("report.not_filed", lang),
        _table([messages.text("report.unit", lang)], [[_unit(u, lang)] for u in data.not_filed])
        if data.not_filed
        else _none(lang),
    ]


def _no_plan_section(data: ReviewData, lang: str) -> List[str]:
    """The units that declared "no plan", with their reasons (SPEC §1: flagged in the review)."""
    return [
        _heading("report.no_plan", lang),
        _table(
            [messages.text("report.unit", lang), messages.text("report.reason", lang)],
            [[_unit(u, lang), reason] for u, reason in data.no_plan],
        )
        if data.no_plan
        else _none(lang),
    ]


def _heatmap_section(data: ReviewData, lang: str) -> List[str]:
    """Each unit's worst rating on each challenge: the weakest units as a chart, all in a table."""
    parts = [_heading("report.heatmap", lang)]
    if not data.units:
        return parts + [_none(lang)]
    ordered = sorted(data.units, key=lambda u: (u.readiness if u.readiness is not None else 101, u.key))
    titles = [assessment.title(c, lang) for c in assessment.CHALLENGES]
    grid = [[RATING_ORDER.get(u.worst.get(c) or "") for c in assessment.CHALLENGES] for u in ordered]
    legend = {RATING_ORDER[r]: messages.text(f"report.rating.{r}", lang) for r in RATING_ORDER}
    shown = ordered[:HEATMAP_ROWS]  # the chart shows the weakest units; the table lists all
    title = messages.text("report.heatmap", lang)
    if len(ordered) > len(shown):
        title += " · " + messages.text("report.weakest", lang, n=len(shown))
    parts.append(
        _image(charts.heatmap([_unit(u, lang) for u in shown], titles, grid[: len(shown)], title, legend, lang), title)
    )
    rows = [
        [_unit(u, lang), u.plans, "-" if u.readiness is None else round(u.readiness)]
        + [_rating(u.worst.get(c), lang) for c in assessment.CHALLENGES]
        for u in ordered
    ]
    classes = [["", "", ""] + [u.worst.get(c) or "" for c in assessment.CHALLENGES] for u in ordered]
    parts.append(
        _table(
            [
                messages.text("report.unit", lang),
                messages.text("report.plans", lang),
                messages.text("report.readiness", lang),
                *titles,
            ],
            rows,
            classes,
        )
    )
    return parts


def _branches_section(data: ReviewData, lang: str) -> List[str]:
    """How many filed plans name each branch of the value tree."""
    branch_labels = [messages.text(f"choice.{b}", lang) for b in VALUE_BRANCHES]
    branch_counts = [data.branch_counts[b] for b in VALUE_BRANCHES]
    return [
        _heading("report.branches", lang),
        _image(
            charts.bars(branch_labels, branch_counts, messages.text("report.branches", lang), lang),
            messages.text("report.branches", lang),
        ),
        _table(
            [messages.text("report.branches", lang), messages.text("report.plans", lang)],
            zip(branch_labels, branch_counts, strict=True),
        ),
    ]


def _skill_gaps_section(data: ReviewData, lang: str) -> List[str]:
    return [
        _heading("report.skill_gaps", lang),
        _table([messages.text("report.term", lang), messages.text("report.count", lang)], data.skill_gap_terms)
        if data.skill_gap_terms
        else _none(lang),
    ]


def _similar_section(data: ReviewData, lang: str, name: Dict[str, str]) -> List[str]:
    """Plans of different units that read alike (bot/similar.py), the 100 most alike."""
    return [
        _heading("report.similar", lang),
        _table(
            [
                messages.text("report.plan", lang),
                messages.text("report.unit", lang),
                messages.text("report.plan", lang),
                messages.text("report.unit", lang),
                messages.text("report.score", lang),
            ],
            [
                [
                    f"#{a.id} {a.title or ''}",
                    name.get(a.unit_key, a.unit_key),
                    f"#{b.id} {b.title or ''}",
                    name.get(b.unit_key, b.unit_key),
                    round(score),
                ]
                for a, b, score in data.similar[:100]
            ],
        )
        if data.similar
        else _none(lang),
    ]


def _knowledge_gaps_section(data: ReviewData, lang: str) -> List[str]:
    return [
        _heading("report.gaps", lang),
        _table(
            [messages.text("report.question", lang), messages.text("report.count", lang)],
            [[q, n] for q, _, n in data.gaps],
        )
        if data.gaps
        else _none(lang),
    ]


def _year_over_year_section(data: ReviewData, lang: str, name: Dict[str, str]) -> List[str]:
    """Plans and readiness per unit, last year and this year; nothing when there was no last year."""
    if not data.previous:
        return []
    keys = sorted(set(data.previous) | {u.key for u in data.units})
    this = {u.key: u for u in data.units}
    rows = []
    for key in keys:
        before = data.previous.get(key, (0, None))
        now_row = this.get(key)
        rows.append(
            [
                name.get(key, key),
                before[0],
                "-" if before[1] is None else round(before[1]),
                now_row.plans if now_row else 0,
                "-" if not now_row or now_row.readiness is None else round(now_row.readiness),
            ]
        )
    last, current = messages.text("report.last_year", lang), messages.text("report.this_year", lang)
    colon = _colon(lang)
    return [
        _heading("report.yoy", lang),
        _table(
            [
                messages.text("report.unit", lang),
                f"{last}{colon}{messages.text('report.plans', lang)}",
                f"{last}{colon}{messages.text('report.readiness', lang)}",
                f"{current}{colon}{messages.text('report.plans', lang)}",
                f"{current}{colon}{messages.text('report.readiness', lang)}",
            ],
            rows,
        ),
    ]


def _all_plans_section(data: ReviewData, lang: str, name: Dict[str, str]) -> List[str]:
    return [
        _heading("report.all_plans", lang),
        _table(
            [
                "#",
                messages.text("report.unit", lang),
                messages.text("report.plan", lang),
                messages.text("report.status_col", lang),
                messages.text("report.readiness", lang),
                messages.text("report.late", lang),
            ],
            [
                [
                    p.id,
                    name.get(p.unit_key, p.unit_key),
                    p.title or "",
                    messages.text(f"status.{p.status}", lang),
                    p.assessment["readiness"] if p.assessment else "-",
                    _late(data.late_plans.get(p.id), lang),
                ]
                for p in data.plans
            ],
        ),
    ]


def html_page(data: ReviewData, lang: str, now: Optional[dt.datetime] = None) -> str:
    """The whole report: its sections in order, in one self-contained page."""
    now = now or dt.datetime.now(dt.timezone.utc)
    name = _names(data, lang)
    sections = [
        _header_section(data, lang, now),
        _status_section(data, lang),
        _late_section(data, lang, name),
        _reminders_section(data, lang, name),
        _not_filed_section(data, lang),
        _no_plan_section(data, lang),
        _heatmap_section(data, lang),
        _branches_section(data, lang),
        _skill_gaps_section(data, lang),
        _similar_section(data, lang, name),
        _knowledge_gaps_section(data, lang),
        _year_over_year_section(data, lang, name),
        _all_plans_section(data, lang, name),
    ]
    title = _t("report.title", lang, year=data.year)
    return (
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{STYLE}</style></head><body>{''.join(p for part in sections for p in part)}"
        "</body></html>"
    )


def _late(kind: Optional[str], lang: str) -> Any:
    return Html(f'<span class="late">{_t(f"report.late_{kind}", lang)}</span>') if kind else "-"


def _late_section(data: ReviewData, lang: str, name: dict) -> List[str]:
    """The deadline, how many units and plans are late, and which."""
    from bot import cycle_text

    parts = [f"<h2>{_t('report.late_section', lang)}</h2>"]
    if data.cycle is None:
        return parts + [f"<p>{_t('report.no_deadline', lang, year=data.year)}</p>"]
    deadline = cycle_text.deadline_text(data.cycle, lang)
    summary = _t("report.late_summary", lang, deadline=deadline, units=len(data.late_units), plans=len(data.late_plans))
    parts.append(f"<p>{summary}</p>")
    rows = [[_unit(u, lang), "-", _late("unit", lang)] for u in data.late_units]
    rows += [
        [name.get(p.unit_key, p.unit_key), f"#{p.id} {p.title or ''}", _late(data.late_plans[p.id], lang)]
        for p in data.plans
        if p.id in data.late_plans
    ]
    if rows:
        parts.append(
            _table(
                [
                    messages.text("report.unit", lang),
                    messages.text("report.plan", lang),
                    messages.text("report.late", lang),
                ],
                rows,
            )
        )
    return parts


def _reminders_section(data: ReviewData, lang: str, name: dict) -> List[str]:
    """Who was reminded, how, and when last."""
    parts = [f"<h2>{_t('report.reminders', lang)}</h2>"]
    if not data.reminded:
        return parts + [f"<p>{_t('report.none', lang)}</p>"]
    from bot.store.plans import iso

    rows = [
        [
            f"{r.name} ({r.person})",
            name.get(r.unit, r.unit),
            messages.text(f"report.reason.{r.reason}", lang),
            messages.text(f"report.channel.{r.channel}", lang),
            messages.text(f"report.sent.{r.status}", lang),
            (iso(r.last_at) or "")[:16].replace("T", " "),
            r.times,
        ]
        for r in data.reminded
    ]
    return parts + [
        _table(
            [
                messages.text("report.person", lang),
                messages.text("report.unit", lang),
                messages.text("report.reminder_reason", lang),
                messages.text("report.channel", lang),
                messages.text("report.reminder_status", lang),
                messages.text("report.reminded_at", lang),
                messages.text("report.times", lang),
            ],
            rows,
        )
    ]


def csv_safe(value: Any) -> str:
    """A CSV cell; text a spreadsheet would run as a formula is prefixed with a quote."""
    import json

    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(plans, path_or_file) -> None:
    own = isinstance(path_or_file, (str, Path))
    out = open(path_or_file, "w", encoding="utf-8-sig", newline="") if own else path_or_file
    try:
        writer = csv.writer(out)
        writer.writerow(PLAN_KEYS)
        for plan in plans:
            data = plan if isinstance(plan, dict) else plan_to_dict(plan)
            writer.writerow([csv_safe(data[k]) for k in PLAN_KEYS])
    finally:
        if own:
            out.close()


def write_report(data: ReviewData, out_dir: Path, lang: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    page.write_text(html_page(data, lang), encoding="utf-8")
    write_csv(data.plans, out_dir / "plans.csv")
    return page
