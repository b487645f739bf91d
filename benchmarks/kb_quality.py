"""Quality and speed of the knowledge-base lookup.

    .venv/bin/python benchmarks/kb_quality.py            # the held-out set
    .venv/bin/python benchmarks/kb_quality.py --set dev  # the calibration set

Prints top-1 and top-3 accuracy per language, the rate of confident wrong
answers, the rate of out-of-scope questions declined, and the lookup time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.kb.search import searcher  # noqa: E402


def evaluate(set_name: str, verbose: bool = False) -> dict:
    data = yaml.safe_load((ROOT / "tests" / "kb" / f"{set_name}.yml").read_text(encoding="utf-8"))
    s = searcher()
    results = {}
    timings = []
    for lang in ("zh", "en"):
        rows = [(q["id"], q[lang]) for q in data["questions"]]
        top1 = top3 = wrong_confident = answered = 0
        for expected, question in rows:
            t0 = time.perf_counter()
            result = s.lookup(question)
            timings.append(time.perf_counter() - t0)
            ranked = [m.id for m in s.rank(question)[:3]]
            top1 += ranked[:1] == [expected]
            top3 += expected in ranked
            if result.decision == "answer":
                answered += 1
                if result.matches[0].id != expected:
                    wrong_confident += 1
                    if verbose:
                        print(f"  confident wrong [{lang}] {question!r}: {result.matches[0].id} (want {expected})")
            elif verbose and ranked[:1] != [expected]:
                print(f"  miss [{lang}] {question!r}: {ranked} {result.decision} (want {expected})")
        n = len(rows)
        results[lang] = {"n": n, "top1": top1 / n, "top3": top3 / n, "confident_wrong": wrong_confident / n,
                         "answered": answered / n}
    declined = 0
    for question in data["out_of_scope"]:
        t0 = time.perf_counter()
        result = s.lookup(question)
        timings.append(time.perf_counter() - t0)
        declined += result.decision == "none"
        if verbose and result.decision != "none":
            print(f"  out-of-scope not declined {question!r}: {result.as_dict()}")
    results["out_of_scope"] = {"n": len(data["out_of_scope"]), "declined": declined / len(data["out_of_scope"])}
    results["lookup_ms"] = {"median": statistics.median(timings) * 1000, "max": max(timings) * 1000}
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="heldout", choices=("heldout", "dev"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    searcher()
    load_s = time.perf_counter() - t0
    r = evaluate(args.set, args.verbose)
    print(f"knowledge base loaded and indexed in {load_s:.2f} s")
    for lang in ("zh", "en"):
        x = r[lang]
        print(f"{lang}: n={x['n']}  top-1 {x['top1']:.3f}  top-3 {x['top3']:.3f}  "
              f"confident-wrong {x['confident_wrong']:.3f}  answered outright {x['answered']:.3f}")
    print(f"out of scope: n={r['out_of_scope']['n']}  declined {r['out_of_scope']['declined']:.3f}")
    print(f"lookup: median {r['lookup_ms']['median']:.2f} ms, max {r['lookup_ms']['max']:.2f} ms")


if __name__ == "__main__":
    main()
