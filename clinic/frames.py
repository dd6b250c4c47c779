"""Tidy frames derived from runs, ready for the chart builders (pure: no Streamlit)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from nncore import Run

GRID = 36  # decision-boundary grid: GRID x GRID cells (1,296: fine enough to read, light to send and draw)


def bounds(run: Run, pad: float = 0.5) -> tuple[float, float, float, float]:
    """(x1_lo, x1_hi, x2_lo, x2_hi) around all of a run's points; the same for every variant on one data set."""
    X = np.vstack([run.data[0], run.data[2]])
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    if X.shape[1] == 1:
        return float(lo[0]), float(hi[0]), 0.0, 0.0
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def points(run: Run) -> pd.DataFrame:
    """The data as rows: x1 (and x2), y, split ("train"/"val")."""
    X_tr, y_tr, X_va, y_va = run.data
    parts = []
    for X, y, split in ((X_tr, y_tr, "train"), (X_va, y_va, "val")):
        df = pd.DataFrame({"x1": X[:, 0].round(4)})
        if X.shape[1] > 1:
            df["x2"] = X[:, 1].round(4)
        df["y"] = y
        df["split"] = split
        parts.append(df)
    return pd.concat(parts, ignore_index=True)


def boundary_grid(run: Run, epoch: int | None = None, n: int = GRID, box=None) -> pd.DataFrame:
    """The network's output over a grid of the input plane (2-D data sets).

    One row per cell: ``x1``, ``x2`` (the cell's lower corner; the cell size is
    in ``df.attrs["step"]``) and ``p``: P(class 1) for binary sets, the
    predicted value for regression, and for multi-class sets the winning class
    (``cls``) with its probability ``p``.  Values are rounded: the frame is sent
    to the browser on every draw, and three decimals are more than a colour
    scale shows.
    """
    x1_lo, x1_hi, x2_lo, x2_hi = box or bounds(run)
    e1 = np.linspace(x1_lo, x1_hi, n + 1)
    e2 = np.linspace(x2_lo, x2_hi, n + 1)
    step1, step2 = e1[1] - e1[0], e2[1] - e2[0]
    g1, g2 = np.meshgrid(e1[:-1], e2[:-1])
    corners = np.column_stack([g1.ravel(), g2.ravel()])
    out = run.predict(corners + [step1 / 2, step2 / 2], epoch)
    with np.errstate(all="ignore"):
        out = np.nan_to_num(out.astype(float), nan=0.5, posinf=1e6, neginf=-1e6)
    df = pd.DataFrame({"x1": corners[:, 0].round(4), "x2": corners[:, 1].round(4)})
    if out.shape[1] > 1:
        df["cls"] = out.argmax(axis=1).astype(str)
        df["p"] = out.max(axis=1).round(3)
    else:
        df["p"] = out[:, 0].round(3)
    df.attrs["step"] = (float(step1), float(step2))
    df.attrs["box"] = (float(x1_lo), float(x1_hi), float(x2_lo), float(x2_hi))
    return df


def fitted_curve(run: Run, epoch: int | None = None, n: int = 200) -> pd.DataFrame:
    """A 1-D regression network's output over its input range: x, prediction."""
    lo, hi, _, _ = bounds(run, pad=0.2)
    x = np.linspace(lo, hi, n)
    with np.errstate(all="ignore"):
        y = np.nan_to_num(run.predict(x.reshape(-1, 1), epoch)[:, 0].astype(float), nan=0.0, posinf=1e6, neginf=-1e6)
    return pd.DataFrame({"x1": x, "prediction": y})


def histograms_at(run: Run, epoch: int) -> pd.DataFrame:
    """The run's histograms at the snapshot nearest ``epoch`` (at or before it), with bin midpoints."""
    h = run.histograms
    if h.empty:
        return h.assign(mid=[], width=[])
    epochs = sorted(h.epoch.unique())
    chosen = max([e for e in epochs if e <= epoch], default=epochs[0])
    sub = h[h.epoch == chosen].copy()
    sub["mid"] = 0.5 * (sub.bin_left + sub.bin_right)
    return sub


def unit_weights(run: Run, layer: int = 1, max_units: int = 8) -> pd.DataFrame:
    """Each unit's incoming weights at every snapshot: epoch, unit, input, weight.

    Used to show symmetric units: their lines lie exactly on top of each other.
    """
    rows = []
    for epoch in run.snapshot_epochs:
        W = run.network_at(epoch).weights[layer - 1]
        for j in range(min(W.shape[1], max_units)):
            for i in range(W.shape[0]):
                rows.append((epoch, j + 1, i + 1, float(W[i, j])))
    return pd.DataFrame(rows, columns=["epoch", "unit", "input", "weight"])


def shared_domain(frames, columns, log: bool = False, pad: float = 0.05, floor: float = 1e-12):
    """A [lo, hi] that every frame's ``columns`` fit in: one axis scale for a row of charts.

    Non-finite values are left out; on a log scale values <= 0 too.
    """
    vals = []
    for f in frames:
        for c in columns if isinstance(columns, (list, tuple)) else [columns]:
            if f is not None and c in f:
                v = pd.to_numeric(f[c], errors="coerce").to_numpy(dtype=float)
                v = v[np.isfinite(v)]
                if log:
                    v = v[v > floor]
                vals.append(v)
    v = np.concatenate(vals) if vals else np.array([])
    if v.size == 0:
        return [floor, 1.0] if log else [0.0, 1.0]
    lo, hi = float(v.min()), float(v.max())
    if log:
        return [lo / 1.5, hi * 1.5]
    span = hi - lo or max(abs(hi), 1.0)
    return [lo - pad * span, hi + pad * span]
