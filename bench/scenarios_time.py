"""Training time of every scenario's variants: what a pathology page's first render costs.

A page's first render trains every variant of its default scenario(s); the
budget (issue 3) is well under 1.5 s for the whole page on the 2-core
reference machine, so each variant should take about 0.2 s or less and a
default scenario about 1 s or less in total.  Each run is timed twice: wall
time (``run.seconds`` of ``nncore.train``, one BLAS thread) and the process's
CPU time over the same call, which other processes on the shared cores do not
inflate (on an idle machine the two agree).  Rounds go round-robin over every
variant, so a burst of load elsewhere hits one round of many variants rather
than every round of one; the median of ROUNDS rounds is printed.

    python bench/scenarios_time.py [--rounds 3] [--seed 0] [--scenario NAME ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from nncore import train  # noqa: E402
from nncore.scenarios import PAGES, SCENARIOS, defaults  # noqa: E402

VARIANT_BUDGET = 0.2  # seconds, one variant
SCENARIO_BUDGET = 1.0  # seconds, all variants of a page's default scenario(s)


def time_all(names: list[str], rounds: int, seed: int) -> dict[tuple[str, str], tuple[float, float]]:
    """{(scenario, variant): (median wall seconds, median CPU seconds)}."""
    jobs = [(name, var, cfg) for name in names for var, cfg in SCENARIOS[name].with_seed(seed).variants().items()]
    wall: dict = {(n, v): [] for n, v, _ in jobs}
    cpu: dict = {(n, v): [] for n, v, _ in jobs}
    for _ in range(rounds):
        for name, var, cfg in jobs:
            c0 = time.process_time()
            run = train(cfg, max_seconds=None)
            cpu[name, var].append(time.process_time() - c0)
            wall[name, var].append(run.seconds)
    return {k: (statistics.median(wall[k]), statistics.median(cpu[k])) for k in wall}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scenario", nargs="*", default=None, help="names from SCENARIOS (default: all)")
    args = ap.parse_args(argv)
    names = args.scenario or list(SCENARIOS)

    times = time_all(names, args.rounds, args.seed)
    totals: dict[str, tuple[float, float]] = {}
    print(f"| scenario | page | variant | wall s | CPU s |  (median of {args.rounds})")
    print("|---|---|---|---:|---:|")
    for name in names:
        wall = cpu = 0.0
        for var in SCENARIOS[name].variants():
            w, c = times[name, var]
            wall, cpu = wall + w, cpu + c
            flag = "  (over budget)" if c > VARIANT_BUDGET else ""
            print(f"| {name} | {SCENARIOS[name].page} | {var} | {w:.3f} | {c:.3f}{flag} |")
        totals[name] = (wall, cpu)
        print(f"| **{name}** | | **total** | **{wall:.3f}** | **{cpu:.3f}** |", flush=True)

    print()
    print("| page | default scenario(s) | first-render training, wall s | CPU s |")
    print("|---|---|---:|---:|")
    worst = 0.0
    for page in PAGES:
        chosen = [n for n in defaults(page) if n in totals]
        if not chosen:
            continue
        wall = sum(totals[n][0] for n in chosen)
        cpu = sum(totals[n][1] for n in chosen)
        worst = max(worst, cpu)
        flag = "  (over budget)" if cpu > SCENARIO_BUDGET else ""
        print(f"| {page} | {', '.join(chosen)} | {wall:.3f} | {cpu:.3f}{flag} |")
    print(f"\nslowest page (CPU): {worst:.3f} s (budget {SCENARIO_BUDGET:.1f} s of training, 1.5 s for the whole render)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
