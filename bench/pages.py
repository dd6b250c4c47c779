"""Page speed: first render (empty cache) and cached rerun of every page, under AppTest.

    python bench/pages.py [--rounds 5] [--pages overfitting doctor ...]

For each page, each round clears Streamlit's caches, opens the home page (not
timed), then times the switch to the page (first render: every network of the
page's defaults is trained) and a plain rerun (cached: nothing is trained).
Medians over the rounds.  Imports are paid once before timing starts, as on a
running server.  Targets: first render < 1.5 s, cached rerun < 0.2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

import logging  # noqa: E402

logging.getLogger("streamlit").setLevel(logging.ERROR)

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

import conftest  # noqa: E402,F401  (AppTest in router mode, as the server runs after its first request)
from clinic.pages import available  # noqa: E402

APP = os.path.join(ROOT, "app.py")
FIRST_TARGET, CACHED_TARGET = 1.5, 0.2


def measure(page_file: str, lang: str = "en") -> tuple[float, float]:
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()
    t0 = time.perf_counter()
    at.switch_page(page_file).run()
    first = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"{page_file}: {at.exception[0].message}")
    t0 = time.perf_counter()
    at.run()
    cached = time.perf_counter() - t0
    return first, cached


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pages", nargs="*")
    args = ap.parse_args(argv)
    pages = [p for p in available() if not args.pages or p.key in args.pages]
    measure(pages[0].file)  # warm-up: imports, JIT-free but first-touch costs
    print(f"median of {args.rounds} rounds; targets: first render < {FIRST_TARGET} s, cached rerun < {CACHED_TARGET} s")
    print("| page | first render (s) | cached rerun (s) |\n|---|---:|---:|")
    ok = True
    for p in pages:
        firsts, cacheds = [], []
        for _ in range(args.rounds):
            f, c = measure(p.file)
            firsts.append(f)
            cacheds.append(c)
        f, c = statistics.median(firsts), statistics.median(cacheds)
        ok &= f < FIRST_TARGET and c < CACHED_TARGET
        flag = "" if f < FIRST_TARGET and c < CACHED_TARGET else " ⚠"
        print(f"| {p.key} | {f:.2f} | {c:.3f} |{flag}")
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
