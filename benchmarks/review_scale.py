"""Listing, filtering, export and the yearly review at 10,000 plans across 200 units.

.venv/bin/python benchmarks/review_scale.py [--plans 10000] [--units 200] [--postgres]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.review import data, render  # noqa: E402
from bot.store import migrate  # noqa: E402
from bot.store.db import session_scope  # noqa: E402
from bot.store.plans import list_plans, plan_to_dict  # noqa: E402
from tests.support.seed import seed  # noqa: E402


def timed(label: str, work) -> object:
    start = time.perf_counter()
    result = work()
    print(f"{label:<44} {time.perf_counter() - start:7.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=10000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--postgres", action="store_true", help="use a throwaway PostgreSQL server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = None
        if args.postgres:
            from tests.support.postgres import TemporaryPostgres

            server = TemporaryPostgres()
            url = server.start()
        else:
            url = f"sqlite:///{tmp}/bench.sqlite3"
        try:
            migrate.upgrade(url)
            timed(f"seed {args.plans} plans, {args.units} units", lambda: seed(url, args.units, args.plans))

            def listing(**filters):
                with session_scope(url) as session:
                    return [plan_to_dict(p) for p in list_plans(session, **filters)]

            rows = timed("plans list --year 2027 (all, as JSON dicts)", lambda: listing(year=2027))
            timed("plans list --year 2027 --unit unit-007", lambda: listing(year=2027, unit="unit-007"))
            timed("plans list --year 2027 --status approved", lambda: listing(year=2027, status="approved"))
            timed("plans export --year 2027 --format csv", lambda: render.write_csv(rows, io.StringIO()))

            def report(lang):
                with session_scope(url) as session:
                    review = data.build(session, 2027)
                    return render.write_report(review, Path(tmp) / lang, lang)

            timed("review --lang en (data, charts, HTML, CSV)", lambda: report("en"))
            page = timed("review --lang zh", lambda: report("zh"))
            print(
                f"report size: {page.stat().st_size / 1e6:.1f} MB HTML, "
                f"{(page.parent / 'plans.csv').stat().st_size / 1e6:.1f} MB CSV, {len(rows)} plans of 2027"
            )
        finally:
            if server:
                server.stop()


if __name__ == "__main__":
    main()
