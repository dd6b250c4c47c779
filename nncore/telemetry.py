"""Telemetry: what a training run measured, as tidy pandas frames.

Three frames describe a run, and every consumer (charts, the doctor, CSV export,
tests) reads these and nothing else:

``history``  one row per epoch (epoch 0 is the untrained network):
    epoch, step (updates so far), lr, train_loss, val_loss, train_acc, val_acc.
    Losses are the data loss without the L2 penalty, on the whole training and
    validation sets at the end of the epoch, so the two are comparable.
    Accuracies are NaN for regression.

``layers``  one row per epoch and weight layer (hidden layers, then the output):
    epoch, layer (1-based), name, units,
    act_mean, act_std   -- of the layer's activations over the training set;
    dead_frac           -- share of units whose activation is 0 on every training
                           sample (a dead ReLU unit passes no gradient, ever);
    saturated_frac      -- share of sigmoid/tanh outputs within 2 % of the
                           function's range from an asymptote (slope nearly 0);
    grad_norm           -- root mean square, over the epoch's updates, of the
                           L2 norm of the layer's weight gradient;
    weight_norm         -- L2 norm of the weight matrix at the end of the epoch;
    update_ratio        -- norm of the epoch's weight change over the weight norm
                           at its start (cs231n: healthy is around 1e-3 per step);
    distinct_units      -- how many units differ in their incoming weights and
                           bias beyond a tolerance: 1 means complete symmetry.
    dead_frac and saturated_frac are NaN for the output layer; gradient and
    update columns are NaN at epoch 0.

``histograms``  at snapshot epochs only: epoch, layer, quantity ("pre" for the
    pre-activations Z, "act" for the activations), bin_left, bin_right, count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .activations import SATURATION_MARGIN

HISTORY_COLUMNS = ["epoch", "step", "lr", "train_loss", "val_loss", "train_acc", "val_acc"]
LAYER_COLUMNS = ["epoch", "layer", "name", "units", "act_mean", "act_std", "dead_frac", "saturated_frac",
                 "grad_norm", "weight_norm", "update_ratio", "distinct_units"]
STEP_COLUMNS = ["step", "epoch", "batch_loss"]
HIST_COLUMNS = ["epoch", "layer", "quantity", "bin_left", "bin_right", "count"]
HIST_BINS = 30

# Two units count as copies when their incoming weights and bias differ by less
# than this, relative to the layer's largest weight.  Units that start equal get
# equal gradients, so they stay equal up to floating-point rounding (~1e-16);
# randomly initialised units differ by ~1/units.
DISTINCT_TOLERANCE = 1e-6


def layer_names(n_layers: int) -> list[str]:
    return [f"hidden {i}" for i in range(1, n_layers)] + ["output"]


def accuracy(z: np.ndarray, Y: np.ndarray, task: str) -> float:
    """Share of correct labels from logits ``z`` and prepared targets ``Y``."""
    if task == "regression":
        return float("nan")
    if task == "multiclass":
        return np.count_nonzero(z.argmax(axis=1) == Y.argmax(axis=1)) / z.shape[0]
    return np.count_nonzero((z[:, 0] > 0) == (Y[:, 0] > 0.5)) / z.shape[0]


def projection_vectors(net) -> list[np.ndarray]:
    """Fixed probe vectors, one per layer, for sorting units (see distinct_units)."""
    rng = np.random.default_rng(20_241_128)  # a private, fixed stream: not the run's seed
    return [rng.standard_normal(fan_in + 1) for fan_in in net.sizes[:-1]]


def distinct_units(W: np.ndarray, b: np.ndarray, probe: np.ndarray) -> int:
    """Number of units (columns of W with their bias) that are not copies of another.

    Units are sorted along a fixed random projection: copies project to the
    same point, and random units almost never come close.  Only neighbours
    that do come close are compared in full.  (This runs every epoch for every
    layer, so the common case -- no two units close -- costs a handful of calls.)
    """
    units = W.shape[1]
    if units == 1:
        return 1
    proj = probe[:-1] @ W + probe[-1] * b
    ordered = np.sort(proj)
    scale = max(abs(float(ordered[0])), abs(float(ordered[-1])), 1e-30)
    close = np.diff(ordered) <= DISTINCT_TOLERANCE * scale
    if not close.any():
        return units
    order = np.argsort(proj, kind="stable")
    M = np.vstack([W, b])[:, order]
    idx = np.flatnonzero(close)
    tol = DISTINCT_TOLERANCE * max(float(np.abs(M).max()), 1e-30)
    diffs = np.abs(M[:, idx + 1] - M[:, idx]).max(axis=0)
    return units - int(np.count_nonzero(diffs <= tol))


def activation_stats(H: np.ndarray, asymptotes: tuple[float, ...] = (),
                     nonnegative: bool = False) -> tuple[float, float, float, float]:
    """(mean, std, dead_frac, saturated_frac) of a hidden layer's activations H (samples x units).

    This runs every epoch on the whole training set, so it is written for
    speed: one matrix-vector product gives every unit's total |activation|
    (zero exactly when the unit is dead) and, for non-negative activations,
    the grand total too; a dot product gives the sum of squares.
    """
    n = H.size
    ones = np.ones(H.shape[0], dtype=H.dtype)
    col = ones @ (H if nonnegative else np.abs(H))
    alive = np.count_nonzero(col)
    s = float(col.sum()) if nonnegative else float(ones @ H @ np.ones(H.shape[1], dtype=H.dtype))
    mean = s / n
    flat = H.ravel()
    var = max(float(np.dot(flat, flat)) / n - mean * mean, 0.0)
    dead = 1.0 - alive / H.shape[1]
    if asymptotes:
        lo, hi = asymptotes
        mid, half = 0.5 * (lo + hi), 0.5 * (hi - lo)
        centred = H if mid == 0 else H - H.dtype.type(mid)
        sat = np.count_nonzero(np.abs(centred) > half - SATURATION_MARGIN * (hi - lo)) / n
    else:
        sat = 0.0
    return mean, float(np.sqrt(var)), dead, float(sat)


def output_stats(P: np.ndarray) -> tuple[float, float, float, float]:
    """(mean, std, NaN, NaN) of the output unit's values: dead and saturated do not apply to it."""
    flat = P.ravel()
    mean = float(flat.sum()) / flat.size
    var = max(float(np.dot(flat, flat)) / flat.size - mean * mean, 0.0)
    return mean, float(np.sqrt(var)), float("nan"), float("nan")


def histograms(epoch: int, Zs: list[np.ndarray], acts: list[np.ndarray]) -> dict[str, np.ndarray]:
    """Histogram columns of every layer's pre-activations and activations at one epoch.

    Each histogram has HIST_BINS equal bins over the finite values' range;
    computed with one bincount instead of np.histogram (several times faster).
    """
    layer, quantity, left, right, count = [], [], [], [], []
    for number, (Z, A) in enumerate(zip(Zs, acts), start=1):
        for name, values in (("pre", Z), ("act", A)):
            v = values.ravel()
            lo, hi = float(v.min()), float(v.max())
            if not (np.isfinite(lo) and np.isfinite(hi)):  # NaN or Inf somewhere: drop those values
                v = v[np.isfinite(v)]
                if v.size == 0:
                    continue
                lo, hi = float(v.min()), float(v.max())
            if hi - lo < 1e-12 * max(1.0, abs(lo)):
                lo, hi = lo - 0.5, hi + 0.5
            idx = ((v - lo) * (HIST_BINS / (hi - lo))).astype(np.intp)  # bin of each value
            np.minimum(idx, HIST_BINS - 1, out=idx)
            edges = lo + (hi - lo) * np.arange(HIST_BINS + 1) / HIST_BINS
            layer.append(np.full(HIST_BINS, number))
            quantity.append(np.full(HIST_BINS, name))
            left.append(edges[:-1])
            right.append(edges[1:])
            count.append(np.bincount(idx, minlength=HIST_BINS))
    return {"epoch": np.full(HIST_BINS * len(layer), epoch), "layer": layer, "quantity": quantity,
            "bin_left": left, "bin_right": right, "count": count}


def history_frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
    return df.astype({"epoch": "int64", "step": "int64"})


def steps_frame(epochs: list[int], losses: list[float]) -> pd.DataFrame:
    """One row per update (``Config.record_steps``): its number from 1, its epoch, its batch's loss."""
    return pd.DataFrame({"step": np.arange(1, len(losses) + 1, dtype="int64"),
                         "epoch": np.asarray(epochs, dtype="int64"),
                         "batch_loss": np.asarray(losses, dtype="float64")}, columns=STEP_COLUMNS)


def layers_frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=LAYER_COLUMNS)
    return df.astype({"epoch": "int64", "layer": "int64", "units": "int64", "distinct_units": "int64"})


def histograms_frame(parts: list[dict]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({c: [] for c in HIST_COLUMNS}).astype({"epoch": "int64", "layer": "int64",
                                                                     "count": "int64"})
    cols = {"epoch": np.concatenate([p["epoch"] for p in parts])}
    for c in HIST_COLUMNS[1:]:
        cols[c] = np.concatenate([a for p in parts for a in p[c]])
    return pd.DataFrame(cols, columns=HIST_COLUMNS).astype({"epoch": "int64", "layer": "int64", "count": "int64"})
