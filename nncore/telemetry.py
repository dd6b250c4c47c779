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
        return float(np.mean(z.argmax(axis=1) == Y.argmax(axis=1)))
    return float(np.mean((z[:, 0] > 0) == (Y[:, 0] > 0.5)))


def projection_vectors(net) -> list[np.ndarray]:
    """Fixed probe vectors, one per layer, for sorting units (see distinct_units)."""
    rng = np.random.default_rng(20_241_128)  # a private, fixed stream: not the run's seed
    return [rng.standard_normal(fan_in + 1) for fan_in in net.sizes[:-1]]


def distinct_units(W: np.ndarray, b: np.ndarray, probe: np.ndarray) -> int:
    """Number of units (columns of W with their bias) that are not copies of another.

    Units are sorted along a fixed random projection -- copies project to the
    same point -- and neighbours in that order are compared in full.
    """
    M = np.vstack([W, b])  # (fan_in + 1, units): one column per unit
    if M.shape[1] == 1:
        return 1
    order = np.argsort(probe @ M, kind="stable")
    diffs = np.abs(np.diff(M[:, order], axis=1)).max(axis=0)
    scale = max(float(np.abs(M).max()), 1e-300)
    return 1 + int(np.count_nonzero(diffs > DISTINCT_TOLERANCE * scale))


def activation_stats(H: np.ndarray, asymptotes: tuple[float, ...]) -> tuple[float, float, float, float]:
    """(mean, std, dead_frac, saturated_frac) of a hidden layer's activations H (samples x units)."""
    n = H.size
    s = float(H.sum())
    mean = s / n
    var = max(float(np.vdot(H, H)) / n - mean * mean, 0.0)
    alive = np.count_nonzero(H.any(axis=0))
    dead = 1.0 - alive / H.shape[1]
    if asymptotes:
        lo, hi = asymptotes
        mid, half = 0.5 * (lo + hi), 0.5 * (hi - lo)
        sat = np.count_nonzero(np.abs(H - mid) > half - SATURATION_MARGIN * (hi - lo)) / n
    else:
        sat = 0.0
    return mean, float(np.sqrt(var)), dead, float(sat)


def output_stats(P: np.ndarray) -> tuple[float, float, float, float]:
    mean = float(P.mean())
    return mean, float(P.std()), float("nan"), float("nan")


def histogram_rows(epoch: int, Zs: list[np.ndarray], acts: list[np.ndarray]) -> list[tuple]:
    """Histogram rows of every layer's pre-activations and activations."""
    rows = []
    for layer, (Z, A) in enumerate(zip(Zs, acts), start=1):
        for quantity, values in (("pre", Z), ("act", A)):
            v = values[np.isfinite(values)]
            if v.size == 0:
                continue
            lo, hi = float(v.min()), float(v.max())
            if hi - lo < 1e-12:
                lo, hi = lo - 0.5, hi + 0.5
            counts, edges = np.histogram(v, bins=HIST_BINS, range=(lo, hi))
            rows.extend((epoch, layer, quantity, float(edges[i]), float(edges[i + 1]), int(counts[i]))
                        for i in range(HIST_BINS))
    return rows


def history_frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
    return df.astype({"epoch": "int64", "step": "int64"})


def layers_frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=LAYER_COLUMNS)
    return df.astype({"epoch": "int64", "layer": "int64", "units": "int64", "distinct_units": "int64"})


def histograms_frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=HIST_COLUMNS)
    return df.astype({"epoch": "int64", "layer": "int64", "count": "int64"})
