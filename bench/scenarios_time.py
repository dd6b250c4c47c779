"""Training time of every scenario's variants: what a pathology page's first render costs.

A page's first render trains every variant of its default scenario(s); the
budget (issue 3) is well under 1.5 s for the whole page on the 2-core
reference machine, so each variant should take about 0.2 s or less and a
default scenario about 1 s or less in total.  Times are ``run.seconds`` of
``nncore.train`` (one BLAS thread), the median of ROUNDS rounds, measured in
one process one run at a time.  The machine is shared and noisy (20-30 %):
compare within one run of this script.

    python bench/scenarios_time.py [--rounds 3] [--seed 0] [--scenario NAME ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from nncore import train  # noqa: E402
from nncore.scenarios import PAGES, SCENARIOS, defaults  # noqa: E402

VARIANT_BUDGET = 0.2  # seconds, one variant
SCENARIO_BUDGET = 1.0  # seconds, all variants of a page's default scenario(s)


def time_variants(name: str, rounds: int, seed: int) -> dict[str, float]:
    sc = SCENARIOS[name].with_seed(seed)
    out = {}
    for var, cfg in sc.variants().items():
        out[var] = statistics.median(train(cfg, max_seconds=None).seconds for _ in range(rounds))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scenario", nargs="*", default=None, help="names from SCENARIOS (default: all)")
    args = ap.parse_args(argv)
    names = args.scenario or list(SCENARIOS)

    totals: dict[str, float] = {}
    print(f"| scenario | page | variant | seconds (median of {args.rounds}) |")
    print("|---|---|---|---:|")
    for name in names:
        times = time_variants(name, args.rounds, args.seed)
        for var, sec in times.items():
            flag = "  (over budget)" if sec > VARIANT_BUDGET else ""
            print(f"| {name} | {SCENARIOS[name].page} | {var} | {sec:.3f}{flag} |")
        totals[name] = sum(times.values())
        print(f"| **{name}** | | **total** | **{totals[name]:.3f}** |", flush=True)

    print()
    print("| page | default scenario(s) | first-render training, s |")
    print("|---|---|---:|")
    worst = 0.0
    for page in PAGES:
        chosen = [n for n in defaults(page) if n in totals]
        if not chosen:
            continue
        total = sum(totals[n] for n in chosen)
        worst = max(worst, total)
        flag = "  (over budget)" if total > SCENARIO_BUDGET else ""
        print(f"| {page} | {', '.join(chosen)} | {total:.3f}{flag} |")
    print(f"\nslowest page: {worst:.3f} s (budget {SCENARIO_BUDGET:.1f} s of training, 1.5 s for the whole render)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
