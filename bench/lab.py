"""Optimizer-lab and loss-landscape benchmark: what one page render asks of the engine.

* race: six optimizers x 500 steps on each surface plus its contour grid
  (100 x 100), the work behind one contour plot of the lab.  Target: well under
  half a second (TARGET_RACE_SECONDS) on the reference machine (2 shared cores).
* the "moving average" helpers (momentum weights, velocity, adaptive rates).
* loss-landscape slices on the default net (Config(): moons, 16-16 ReLU, 210
  training samples): the lecture's 1-D sweep (100 points), 2-D slices over two
  weights and over two random directions at 31 x 31 and 51 x 51, and a
  convexity scan of each layer.

Median of ROUNDS runs, one BLAS thread.

    python bench/lab.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from nncore import Config, descent, landscape, surfaces, train  # noqa: E402

TARGET_RACE_SECONDS = 0.5
STEPS = 500
GRID = 100


def median_seconds(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def race_and_grid(name: str) -> None:
    descent.race(name, steps=STEPS)
    surfaces.contour_grid(name, GRID)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    print(f"numpy {np.__version__}; one BLAS thread; median of {args.rounds} rounds")
    ok = True
    with threadpool_limits(1):
        print(f"\nrace: {len(descent.default_specs('ravine'))} optimizers x {STEPS} steps + {GRID}x{GRID} contour grid"
              f" (target < {TARGET_RACE_SECONDS} s)")
        for name in surfaces.SURFACES:
            s = median_seconds(lambda: race_and_grid(name), args.rounds)
            rows = len(descent.race(name, steps=STEPS))
            ok &= s < TARGET_RACE_SECONDS
            print(f"  {name:11} {s * 1000:7.1f} ms  ({rows} trajectory rows)")
        for name in surfaces.CURVES:
            s = median_seconds(lambda: (descent.race(name, steps=STEPS), surfaces.curve_grid(name)), args.rounds)
            print(f"  {name:11} {s * 1000:7.1f} ms  (1-D)")

        print("\nmoving-average helpers")
        for label, fn in [("momentum_weights(0.9, 100)", lambda: descent.momentum_weights(0.9, 100)),
                          ("velocity_on_noisy_gradients(0.9, 500)",
                           lambda: descent.velocity_on_noisy_gradients(0.9, 500, seed=0)),
                          ("adaptive_rates(500)", lambda: descent.adaptive_rates(500, seed=0))]:
            print(f"  {label:40} {median_seconds(fn, args.rounds) * 1000:7.1f} ms")

        cfg = Config()
        t = time.perf_counter()
        run = train(cfg)
        print(f"\nlandscape on the default net (train {time.perf_counter() - t:.2f} s; "
              f"{len(run.data[0])} training samples, hidden {cfg.hidden})")
        cases = [
            ("sweep_1d W1[0,5], 100 points", lambda: landscape.sweep_1d(run, 1, 0, 5, points=100)),
            ("sweep_1d W2[0,5], 100 points", lambda: landscape.sweep_1d(run, 2, 0, 5, points=100)),
            ("sweep_2d W1[0,5] x W1[1,5], 31x31", lambda: landscape.sweep_2d(run, points=31)),
            ("sweep_2d W1[0,5] x W1[1,5], 51x51", lambda: landscape.sweep_2d(run, points=51)),
            ("random_directions_2d 31x31", lambda: landscape.random_directions_2d(run, points=31)),
            ("random_directions_2d 51x51", lambda: landscape.random_directions_2d(run, points=51)),
            ("random_directions_2d 61x61 (the limit)", lambda: landscape.random_directions_2d(run, points=61)),
            ("convexity_scan layer 1 (32 weights x 41)", lambda: landscape.convexity_scan(run, 1)),
            ("convexity_scan layer 2 (256 weights x 41)", lambda: landscape.convexity_scan(run, 2)),
        ]
        for label, fn in cases:
            print(f"  {label:42} {median_seconds(fn, args.rounds) * 1000:7.1f} ms")
    print("\nrace target met" if ok else "\nRACE TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
