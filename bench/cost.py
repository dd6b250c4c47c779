"""Cost guard: the most expensive rerun any page allows, in CPU seconds and peak memory.

    python bench/cost.py [--random 12] [--pages overfitting playground ...]

For each page the search tries, through the URL (which reaches every control a
user can reach from the UI, and more):
  * every control at its most expensive-looking end (numbers and levels at their
    maximum, flags on, every option chosen), then at their minimum;
  * for every choice control, each option with the rest at their maximum;
  * every control at its maximum but one at its default (so that a maximal
    network is trained with a learning rate that does not diverge at once),
    and every control at its default but one at its maximum;
  * ``--random`` combinations of random extremes (fixed seed).
Each candidate is a first render with empty caches.  Reported: the worst CPU
seconds (process time: every thread) of one rerun, and the worst peak of
traced memory (tracemalloc: Python and NumPy allocations) among the three
costliest candidates, traced in a second pass.  Target: < 3 s and
< 300 MB on this 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tracemalloc

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

import tests.conftest  # noqa: E402,F401  (router mode)
from clinic import controls as C  # noqa: E402
from clinic.pages import available  # noqa: E402
from tests.apptest_utils import APP, page_controls  # noqa: E402

CPU_TARGET, MEMORY_TARGET_MB = 3.0, 300


def extremes(control, high: bool):
    if isinstance(control, C.Number):
        return control.hi if high else control.lo
    if isinstance(control, C.Levels):
        return max(control.values) if high else min(control.values)
    if isinstance(control, C.Flag):
        return high
    if isinstance(control, C.Several):
        return tuple(control.options) if high else tuple(control.options[: control.min_count])
    if isinstance(control, C.Choice):
        return control.options[-1] if high else control.options[0]
    return control.default


def candidates(ctrls: list, n_random: int, rng: random.Random) -> list[dict]:
    def url(values):
        return {c.name: c.serialize(v) for c, v in zip(ctrls, values)}

    out = [url([extremes(c, True) for c in ctrls]), url([extremes(c, False) for c in ctrls])]
    for i, c in enumerate(ctrls):
        if isinstance(c, C.Choice):
            for option in c.options:
                values = [extremes(d, True) for d in ctrls]
                values[i] = option
                out.append(url(values))
    # all at their maximum but one control at its default: a maximal run that does not diverge
    # (the maximum learning rate stops training at once, which is cheap), or is not refused by the budget
    for i, c in enumerate(ctrls):
        values = [extremes(d, True) for d in ctrls]
        values[i] = c.default
        out.append(url(values))
    # all at their defaults but one at its maximum: the costliest knob on the page's healthy run
    for i, c in enumerate(ctrls):
        values = [d.default for d in ctrls]
        values[i] = extremes(c, True)
        out.append(url(values))
    for _ in range(n_random):
        out.append(url([extremes(c, rng.random() < 0.5) for c in ctrls]))
    return out


def _first_render(page_file: str, query: dict, trace: bool):
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    st.cache_data.clear()
    for k, v in query.items():
        at.query_params[k] = v
    if trace:
        tracemalloc.start()
    cpu0 = time.process_time()
    at.switch_page(page_file).run()
    cpu = time.process_time() - cpu0
    peak = 0
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return at, cpu, peak


def one_rerun(page_file: str, query: dict) -> tuple[float, str]:
    """CPU seconds of a first render, untraced (tracing slows Python 2-4x), and its status."""
    at, cpu, _ = _first_render(page_file, query, trace=False)
    status = "exception: " + at.exception[0].message if at.exception else "ok"
    refused = sum("would take about" in str(e.value) or "cần khoảng" in str(e.value) for e in at.error)
    if refused:
        status += f" ({refused} variant(s) refused by the budget)"
    return cpu, status


def peak_mb(page_file: str, query: dict) -> float:
    """Peak traced memory (MB) of a first render: Python and NumPy allocations, in a second, traced pass."""
    return _first_render(page_file, query, trace=True)[2] / 2**20


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--random", type=int, default=12)
    ap.add_argument("--pages", nargs="*")
    args = ap.parse_args(argv)
    rng = random.Random(20261128)
    print(f"targets: < {CPU_TARGET} CPU s and < {MEMORY_TARGET_MB} MB per rerun")
    print("| page | candidates | worst CPU s | worst peak MB | worst case (URL) | status |\n|---|---:|---:|---:|---|---|")
    ok = True
    for info in available():
        if info.key == "home" or (args.pages and info.key not in args.pages):
            continue
        at = AppTest.from_file(APP, default_timeout=300)
        at.run()
        at.switch_page(info.file).run()
        ctrls = list(page_controls(at, info.key).values())
        cands = candidates(ctrls, args.random, rng)
        measured = sorted(((*one_rerun(info.file, q), i) for i, q in enumerate(cands)), reverse=True)
        # memory: traced again for the three costliest candidates (tracing is slow; cost and memory go together)
        worst_mem = max(peak_mb(info.file, cands[i]) for _, _, i in measured[:3])
        cpu, status, i = measured[0]
        worst = (cpu, worst_mem, cands[i], status)
        ok &= worst[0] < CPU_TARGET and worst_mem < MEMORY_TARGET_MB
        shown = "&".join(f"{k}={v}" for k, v in worst[2].items())
        print(f"| {info.key} | {len(cands)} | {worst[0]:.2f} | {worst_mem:.0f} | `?{shown}` | {worst[3]} |")
    print("all within targets" if ok else "SOME PAGES OVER TARGET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
