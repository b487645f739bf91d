"""`mlplan`: the command line of the planning office and the operators (SPEC §7)."""

from __future__ import annotations

import argparse
import gc
import json
import signal
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

from bot import settings
from bot.plan_schema import LANGUAGES, PLAN_KEYS, ROLES, STATUSES

# Each command imports what it needs when it runs (the database layer, Alembic, the
# knowledge-base index, ...), so that every command starts in a fraction of a second:
# see docs/performance.md. tests/unit/test_cli_startup.py keeps it that way.


def session_scope(*args, **kwargs):
    from bot.store.db import session_scope

    return session_scope(*args, **kwargs)


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_table(rows: Sequence[Dict[str, Any]], columns: Sequence[str]) -> None:
    if not rows:
        print("(none)")
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(_width(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print("  ".join(_pad(c, w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for r in cells:
        print("  ".join(_pad(v, w) for v, w in zip(r, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value)) or "-"
    text = " ".join(str(value).split())
    return text if len(text) <= 48 else text[:47] + "…"


def _width(text: str) -> int:  # CJK characters take two columns in a terminal
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# --- db ------------------------------------------------------------------------------


def cmd_db_upgrade(args: argparse.Namespace) -> None:
    from bot.store import migrate

    migrate.upgrade()
    print(f"database at revision {migrate.current_revision()}")


# --- units & people ------------------------------------------------------------------


def cmd_units_add(args: argparse.Namespace) -> None:
    from bot import directory

    with session_scope() as session:
        unit = directory.add_unit(session, args.key, args.zh, args.en, args.alias or [])
        print(f"unit {unit.key} saved")


def cmd_units_import(args: argparse.Namespace) -> None:
    from bot import directory

    rows = directory.read_rows(Path(args.file))
    with session_scope() as session:
        count = directory.import_units(session, rows)
    print(f"{count} units imported")


def cmd_units_list(args: argparse.Namespace) -> None:
    from bot import directory

    with session_scope() as session:
        rows = [directory.unit_to_dict(u) for u in directory.list_units(session)]
    _print_json(rows) if args.json else _print_table(rows, ["key", "zh", "en", "aliases"])


def cmd_people_add(args: argparse.Namespace) -> None:
    from bot import directory

    with session_scope() as session:
        person = directory.add_person(
            session, args.id, name=args.name, unit=args.unit, role=args.role, lang=args.lang, slack=args.slack
        )
        print(f"person {person.id} saved")


def cmd_people_import(args: argparse.Namespace) -> None:
    from bot import directory

    rows = directory.read_rows(Path(args.file))
    with session_scope() as session:
        count = directory.import_people(session, rows)
    print(f"{count} people imported")


def cmd_people_list(args: argparse.Namespace) -> None:
    from bot import directory

    with session_scope() as session:
        rows = [directory.person_to_dict(p) for p in directory.list_people(session, args.unit, args.role)]
    _print_json(rows) if args.json else _print_table(rows, ["id", "name", "unit", "role", "lang", "slack"])


# --- plans ---------------------------------------------------------------------------

PLAN_COLUMNS = ["id", "year", "unit", "status", "version", "owner", "title", "updated_at"]


def _unit_key(session, text: Optional[str]) -> Optional[str]:
    from bot import directory

    if text is None:
        return None
    key = directory.resolve_unit(session, text)
    if key is None:
        raise CliError(f"unknown unit {text!r} (see `mlplan units list`)")
    return key


def cmd_plans_list(args: argparse.Namespace) -> None:
    from bot.store.plans import list_plans, plan_to_dict

    with session_scope() as session:
        unit = _unit_key(session, args.unit)
        rows = [plan_to_dict(p) for p in list_plans(session, year=args.year, unit=unit, status=args.status)]
    _print_json(rows) if args.json else _print_table(rows, PLAN_COLUMNS)


def cmd_plans_show(args: argparse.Namespace) -> None:
    from bot.store.plans import PlanNotFound, get_plan, plan_to_dict

    with session_scope() as session:
        try:
            plan = plan_to_dict(get_plan(session, args.id))
        except PlanNotFound:
            raise CliError(f"no plan with id {args.id}") from None
    if args.json:
        _print_json(plan)
        return
    width = max(map(len, PLAN_KEYS))
    for key in PLAN_KEYS:
        value = plan[key]
        shown = (
            json.dumps(value, ensure_ascii=False)
            if isinstance(value, (dict, list))
            else ("-" if value is None else value)
        )
        print(f"{key.ljust(width)}  {shown}")


def cmd_plans_export(args: argparse.Namespace) -> None:
    from bot.store.plans import list_plans, plan_to_dict

    with session_scope() as session:
        plans = [plan_to_dict(p) for p in reversed(list_plans(session, year=args.year))]
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        if args.format == "json":
            json.dump(plans, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            from bot.review.render import write_csv

            write_csv(plans, out)
    finally:
        if args.out:
            out.close()
    if args.out:
        print(f"{len(plans)} plans written to {args.out}", file=sys.stderr)


def cmd_review(args: argparse.Namespace) -> None:
    from bot.review import data, render
    from bot.review.charts import MissingFont

    with session_scope() as session:
        review = data.build(session, args.year)
        try:
            page = render.write_report(review, Path(args.out), args.lang)
        except MissingFont as error:
            raise CliError(str(error)) from None
    print(f"{len(review.plans)} plans of {args.year}: wrote {page} and {page.with_name('plans.csv')}")


# --- the planning cycle ----------------------------------------------------------------


def _cycle_dict(session, view) -> Dict[str, Any]:
    from bot import cycle

    states = cycle.unit_states(session, view.year)
    counts = {state: sum(1 for s in states if s.state == state) for state in ("filed", "no_plan", "draft", "nothing")}
    return {
        "year": view.year,
        "deadline": view.deadline.isoformat(),
        "remind_every": view.remind_every,
        "status": view.status,
        "days_left": view.days_left,
        "late": view.passed,
        "units": counts,
        "not_filed": cycle.not_filed(session, view.year, states),
    }  # as chat and the review report say


def cmd_cycle_open(args: argparse.Namespace) -> None:
    from bot import cycle

    deadline = cycle.parse_iso(args.deadline)
    with session_scope() as session:
        change = cycle.open_cycle(session, args.year, deadline, actor="cli", remind_every=args.remind_every)
    view = change.cycle
    what = (
        "opened"
        if change.created
        else "reopened"
        if change.reopened
        else f"deadline moved from {change.moved_from.isoformat()}"
        if change.moved_from
        else "unchanged"
    )
    print(
        f"cycle {view.year}: {what}; deadline {view.deadline.isoformat()} ({view.days_left} days from today), "
        f"reminders every {view.remind_every} days"
    )


def cmd_cycle_show(args: argparse.Namespace) -> None:
    from bot import cycle

    with session_scope() as session:
        rows = [_cycle_dict(session, view) for view in cycle.list_cycles(session)]
    if args.json:
        _print_json(rows)
        return
    flat = [{**row, **{k: v for k, v in row["units"].items()}, "not_filed": row["not_filed"]} for row in rows]
    _print_table(
        flat,
        [
            "year",
            "deadline",
            "days_left",
            "remind_every",
            "status",
            "filed",
            "no_plan",
            "draft",
            "nothing",
            "not_filed",
        ],
    )


def cmd_cycle_close(args: argparse.Namespace) -> None:
    from bot import cycle

    with session_scope() as session:
        view = cycle.close_cycle(session, args.year, actor="cli")
    print(f"cycle {view.year} closed (deadline was {view.deadline.isoformat()})")


def cmd_remind(args: argparse.Namespace) -> None:
    from bot import reminders

    with session_scope() as session:
        report = reminders.remind(session, args.year, dry_run=args.dry_run)
    if args.json:
        _print_json(report.as_dict())
    else:
        verb = "would remind" if args.dry_run else "reminded"
        print(f"{args.year}: deadline {report.cycle.deadline.isoformat()} ({report.cycle.days_left} days from today)")
        for item in report.reminded + report.retried:
            why = item.reason + (
                f" ({item.detail.get('answered')}/{item.detail.get('total')} answered)"
                if item.reason == "draft"
                else ""
            )
            outcome = f"FAILED: {item.error}" if item.status == "failed" else f"{item.status} via {item.channel}"
            print(
                f"  {verb if item.kind == 'reminder' else 'decision to'} {item.person} ({item.unit}): {why}; {outcome}"
            )
        for item in report.recent:
            print(f"  skipped {item.person} ({item.unit}): reminded {item.at}, within {report.cycle.remind_every} days")
        for unit in report.unreachable:
            print(
                f"  no lead for {unit.unit}: drafts {', '.join(f'#{i}' for i in unit.plan_ids)} "
                f"by {', '.join(unit.owners)} are not in the directory as its lead"
            )
        if not (report.reminded or report.recent or report.unreachable or report.retried):
            print("  nobody to remind: every unit has filed or declared no plan")
    if report.failed:
        raise CliError(f"{len(report.failed)} message(s) could not be sent; they are retried on the next run")


# --- knowledge base ------------------------------------------------------------------


def cmd_kb_check(args: argparse.Namespace) -> None:
    import yaml

    from bot.assessment import check_rules
    from bot.kb.loader import read

    kb, problems = read(settings.KNOWLEDGE_DIR)
    readiness = yaml.safe_load((settings.KNOWLEDGE_DIR / "readiness.yml").read_text(encoding="utf-8"))
    problems += [f"readiness.yml: {p}" for p in check_rules(readiness)]
    for name, spec in (readiness.get("challenges") or {}).items():
        if spec.get("remedy") not in kb.entries:
            problems.append(f"readiness.yml: {name}: remedy {spec.get('remedy')!r} is not a knowledge-base id")
    if problems:
        raise CliError("the knowledge base has problems:\n  " + "\n  ".join(problems))
    questions = sum(len(e.questions[lang]) for e in kb.entries.values() for lang in e.questions)
    print(
        f"knowledge base OK: {len(kb.entries)} entries, {questions} question phrasings, zh and en; readiness rules OK"
    )


def cmd_kb_ask(args: argparse.Namespace) -> None:
    from bot.kb.search import searcher

    result = searcher().lookup(args.question).as_dict()
    if args.json:
        _print_json(result)
        return
    print(f"decision: {result['decision']}")
    _print_table(result["matches"], ["id", "score", "lang"])


def cmd_kb_show(args: argparse.Namespace) -> None:
    from bot.kb.loader import load

    entry = load().entries.get(args.id)
    if entry is None:
        raise CliError(f"no knowledge entry {args.id!r}")
    print(entry.answer[args.lang])


def cmd_kb_nlu(args: argparse.Namespace) -> None:
    from bot.kb import training_data
    from bot.kb.loader import load

    for lang, path in training_data.write(load()).items():
        print(f"{lang}: wrote {path.relative_to(settings.PROJECT_ROOT)}")


def cmd_domain_build(args: argparse.Namespace) -> None:
    from bot import domain_gen

    path = domain_gen.target()
    changed = domain_gen.write(path)
    print(f"{'wrote' if changed else 'unchanged:'} {path.relative_to(settings.PROJECT_ROOT)}")


def cmd_domain_check(args: argparse.Namespace) -> None:
    from bot import domain_gen

    path = domain_gen.target()
    if not domain_gen.is_current(path):
        raise CliError(f"{path.relative_to(settings.PROJECT_ROOT)} is stale: run `mlplan domain build`")
    print(f"{path.relative_to(settings.PROJECT_ROOT)} is up to date with bot/plan_schema.py")


def cmd_kb_gaps(args: argparse.Namespace) -> None:
    from bot.kb import gaps
    from bot.store.plans import iso

    with session_scope() as session:
        rows = [
            {
                "asked_at": iso(g.asked_at),
                "lang": g.lang,
                "sender": g.sender_id,
                "question": g.question,
                "best_id": g.best_id,
                "best_score": g.best_score,
            }
            for g in gaps.recent(session, args.limit)
        ]
    _print_json(rows) if args.json else _print_table(
        rows, ["asked_at", "lang", "sender", "question", "best_id", "best_score"]
    )


def cmd_token(args: argparse.Namespace) -> None:
    from bot import directory
    from bot.channels import tokens

    with session_scope() as session:
        if not directory.lookup(session, args.person).known:
            raise CliError(f"{args.person!r} is not in the directory (see `mlplan people list`)")
    try:
        print(tokens.issue(args.person, args.ttl))
    except tokens.TokenError as error:
        raise CliError(str(error)) from None


# --- parser --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mlplan", description="ML Journey Planning Assistant: directory, plans and reviews."
    )
    sub = parser.add_subparsers(dest="group", required=True)

    def command(group_parser, name: str, func: Callable, help_text: str, listing: bool = False):
        p = group_parser.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if listing:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    db = sub.add_parser("db", help="database migrations").add_subparsers(dest="cmd", required=True)
    command(db, "upgrade", cmd_db_upgrade, "create or migrate the database to the latest schema")

    units = sub.add_parser("units", help="the unit directory").add_subparsers(dest="cmd", required=True)
    p = command(units, "add", cmd_units_add, "add or update a unit")
    p.add_argument("key")
    p.add_argument("--zh", required=True, help="Chinese name")
    p.add_argument("--en", required=True, help="English name")
    p.add_argument("--alias", action="append", help="another name, in either language (repeatable)")
    p = command(units, "import", cmd_units_import, "add or update units from a YAML or CSV file (all or nothing)")
    p.add_argument("file")
    command(units, "list", cmd_units_list, "list units", listing=True)

    people = sub.add_parser("people", help="the people directory").add_subparsers(dest="cmd", required=True)
    p = command(people, "add", cmd_people_add, "add or update a person")
    p.add_argument("id", help="the channel identity: REST sender, JWT subject or Slack user id")
    p.add_argument("--name", required=True)
    p.add_argument("--unit", help="unit key (required for leads who file plans)")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--lang", choices=LANGUAGES)
    p.add_argument("--slack", help="their Slack member id (U0123ABCD), to map Slack messages to them")
    p = command(people, "import", cmd_people_import, "add or update people from a YAML or CSV file (all or nothing)")
    p.add_argument("file")
    p = command(people, "list", cmd_people_list, "list people", listing=True)
    p.add_argument("--unit")
    p.add_argument("--role", choices=ROLES)

    kb = sub.add_parser("kb", help="the FAQ knowledge base").add_subparsers(dest="cmd", required=True)
    command(kb, "check", cmd_kb_check, "validate knowledge/; non-zero exit on any problem")
    p = command(kb, "ask", cmd_kb_ask, "look a question up, as the bot would", listing=True)
    p.add_argument("question")
    p = command(kb, "show", cmd_kb_show, "print an entry's answer")
    p.add_argument("id")
    p.add_argument("--lang", choices=LANGUAGES, default="zh")
    command(kb, "nlu", cmd_kb_nlu, "regenerate the ask_faq training examples in data/nlu/*/faq.yml")
    p = command(kb, "gaps", cmd_kb_gaps, "questions the knowledge base could not answer, newest first", listing=True)
    p.add_argument("--limit", type=int, default=100)

    domain = sub.add_parser("domain", help="domain.yml's parts generated from the plan schema").add_subparsers(
        dest="cmd", required=True
    )
    command(
        domain, "build", cmd_domain_build, "rewrite the plan form's slots, required_slots and ask actions in domain.yml"
    )
    command(domain, "check", cmd_domain_check, "non-zero exit when domain.yml is stale")

    plans = sub.add_parser("plans", help="stored plans").add_subparsers(dest="cmd", required=True)
    p = command(plans, "list", cmd_plans_list, "list plans, newest first", listing=True)
    p.add_argument("--year", type=int)
    p.add_argument("--unit")
    p.add_argument("--status", choices=STATUSES)
    p = command(plans, "show", cmd_plans_show, "show one plan with every field", listing=True)
    p.add_argument("id", type=int)
    p = command(plans, "export", cmd_plans_export, "export all plans of a year")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", help="file to write (default: standard output)")
    cycle = sub.add_parser("cycle", help="the planning cycle of a year").add_subparsers(dest="cmd", required=True)
    p = command(cycle, "open", cmd_cycle_open, "open the cycle of a year, or move its deadline")
    p.add_argument("year", type=int)
    p.add_argument("--deadline", required=True, metavar="YYYY-MM-DD", help="the day plans are due (not in the past)")
    p.add_argument("--remind-every", type=int, metavar="DAYS", help="days between reminders to a lead (default 7)")
    command(cycle, "show", cmd_cycle_show, "the cycles, their deadlines and where the units stand", listing=True)
    p = command(cycle, "close", cmd_cycle_close, "close the cycle of a year: no more reminders")
    p.add_argument("year", type=int)
    p = sub.add_parser(
        "remind",
        help="remind the leads of units that have not filed",
        description="send each lead of a unit with no plan, no 'no plan' or only a draft a direct "
        "message (Slack, or at their next web-chat visit); once per cadence",
    )
    p.set_defaults(func=cmd_remind)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--dry-run", action="store_true", help="say who would be reminded; send and record nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = sub.add_parser(
        "token",
        help="a signed web-chat token for a person (development)",
        description="print a JWT whose subject is PERSON_ID; open /chat#token=...",
    )
    p.set_defaults(func=cmd_token)
    p.add_argument("person", metavar="PERSON_ID")
    p.add_argument("--ttl", type=int, default=60, help="minutes until it expires (default 60)")
    p = sub.add_parser("review", help="the yearly review report", description="write DIR/index.html and DIR/plans.csv")
    p.set_defaults(func=cmd_review)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, help="folder to write into")
    p.add_argument("--lang", choices=LANGUAGES, default="zh")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    console = argv is None
    if console:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `mlplan ... | head` ends quietly
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
        if console:  # the process ends now: its last garbage collection need not walk every object loaded
            gc.freeze()
    except (CliError, ValueError) as error:  # bot.directory.DirectoryError is a ValueError
        print(f"mlplan: error: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        if not _is_database_error(error):
            raise
        print(
            f"mlplan: database error: {getattr(error, 'orig', error)}\n"
            "Is the database created and up to date? Run `mlplan db upgrade`.",
            file=sys.stderr,
        )
        return 3
    return 0


def _is_database_error(error: Exception) -> bool:
    if "sqlalchemy" not in sys.modules:  # nothing touched the database
        return False
    from sqlalchemy.exc import OperationalError, ProgrammingError

    return isinstance(error, (OperationalError, ProgrammingError))


if __name__ == "__main__":
    sys.exit(main())
