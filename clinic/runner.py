"""Cached training for the pages: a config in, a run out, each at most once per server.

``st.cache_data`` keys on the config's canonical JSON, so any two sessions (or
a share link) asking for the same config share one training run, and a rerun
that changes nothing costs a cache lookup.  Runs over the page's budget are
refused before any work, with a message the page shows in place of charts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

import nncore
from nncore import Config, Run

from . import frames
from .i18n import t

# Estimated seconds (nncore.estimate_seconds, deliberately pessimistic) one page
# rerun may spend training, all variants together; each variant gets its share.
# With the estimate ~1.5x pessimistic, a rerun's worst case stays under ~3 s.
PAGE_SECONDS = 3.0
# Caches are bounded by their pickled size as well as by count (LRU either way):
# a run pickles to 50-600 kB, so 120 MB holds a few hundred of them -- every
# page's defaults and the recent changes of a whole class -- within the memory
# of a hosted server (README, "Deployment").
CACHE_ENTRIES = 500
CACHE_SIZE = "120MB"


@st.cache_data(max_entries=CACHE_ENTRIES, max_size=CACHE_SIZE, show_spinner=False)
def _train(config_json: str) -> Run:
    # The page's own budget was checked before the call; nncore's default
    # budget stays in force as a backstop.
    return nncore.train(Config.from_json(config_json))


@dataclass(frozen=True)
class Refused:
    """A variant that was not trained, and why (already translated)."""

    reason: str


def train_one(config: Config, max_seconds: float = PAGE_SECONDS, train=None) -> Run | Refused:
    """``config`` trained (cached), or refused up front if its estimated time is over ``max_seconds``.

    ``train`` replaces the default cached training -- a page training on the
    learner's own data passes its own cached function -- and gets the same
    refusal.
    """
    estimate = nncore.estimate_seconds(config)
    if estimate > max_seconds:
        return Refused(t("status.budget", seconds=estimate, limit=max_seconds))
    try:
        return train() if train is not None else _train(config.to_json())
    except nncore.BudgetError:
        return Refused(t("status.budget", seconds=estimate, limit=max_seconds))


def train_all(configs: dict[str, Config], labels: dict[str, str] | None = None,
              page_seconds: float = PAGE_SECONDS) -> dict[str, Run | Refused]:
    """Train every variant (cached), with a progress bar while it works."""
    n = len(configs)
    share = page_seconds / max(n, 1)
    bar = st.progress(0.0, text=t("status.training", name="", i=1, n=n)) if n else None
    runs: dict[str, Run | Refused] = {}
    for i, (name, cfg) in enumerate(configs.items()):
        bar.progress(i / n, text=t("status.training", name=(labels or {}).get(name, name), i=i + 1, n=n))
        runs[name] = train_one(cfg, share)
    if bar is not None:
        bar.empty()
    return runs


@st.cache_data(max_entries=CACHE_ENTRIES * 4, max_size="40MB", show_spinner=False)
def _grid(config_json: str, epoch: int, box: tuple) -> pd.DataFrame:
    return frames.boundary_grid(_train(config_json), epoch, box=box)


def boundary_grid(run: Run, epoch: int, box: tuple) -> pd.DataFrame:
    """The decision-boundary grid of a cached run at a snapshot epoch (itself cached)."""
    return _grid(run.config.to_json(), int(epoch), tuple(float(b) for b in box))
