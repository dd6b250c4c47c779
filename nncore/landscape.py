"""Slices of a trained network's loss landscape: the lecture's non-convexity point.

The lecture takes a trained weight matrix W, sweeps one entry W[0, 5] over
linspace(-4, 4, 100) with every other weight fixed, and plots the loss: with
a hidden layer the curve has bumps and several dips, so the cost is not
convex and gradient descent may stop in a local minimum.  With no hidden
layer (logistic regression) the logits are linear in every weight and the
loss convex in the logits, so every such slice is convex.

What is swept
    The training objective, as the optimizer saw it: the data loss on the
    whole training set in evaluation mode (no dropout) plus the L2 penalty
    0.5 * l2 * sum(W**2).  At the trained point it equals the run's final
    ``train_loss`` (which is the data loss) plus the penalty; with l2 = 0 it
    is that value itself.  Every frame carries the two parts too (columns
    ``data_loss`` and ``penalty``) and a boolean ``trained`` marking the row of
    the trained weights.

Precision
    Slices are computed in float64 whatever dtype trained the net (float32
    by default): a convexity check compares second differences of nearby
    losses, which float32 rounding would drown.  The trained loss therefore
    matches the run's float32 history to about 1e-6, and the float64
    recomputation exactly.

Speed
    Only the layers at and above the swept weight are recomputed, for all
    variants at once: changing W_l[r, c] by d changes only column c of layer
    l's pre-activation, by d * (input r), so the layers below are computed
    once and the variants are stacked into one (variants, samples, units)
    array for the layers above.  Along random directions every weight moves,
    but the first layer stays cheap (its pre-activation is linear in the
    two coefficients).  Stacks are processed in chunks to bound memory.

Bounded cost
    At most :data:`MAX_POINTS_1D` points in 1-D, :data:`MAX_POINTS_2D` per axis
    in 2-D, and at most :data:`MAX_MULTIPLY_ADDS` multiply-adds per call
    (:class:`nncore.BudgetError` otherwise, saying what to reduce).

``source`` is everywhere either a :class:`~nncore.Run` (its final network,
or the snapshot at ``epoch``, on its training set) or a tuple ``(network, X,
y)`` with ``X`` the network's input matrix (features already applied).
Layers are numbered from 1 as in ``Run.layers``; ``row``/``col`` index the
weight matrix W of shape (fan_in, fan_out), so ``(1, 0, 5)`` is the lecture's
W[0, 5] of the first layer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import features, telemetry
from .network import Network
from .training import BudgetError, Run

MAX_POINTS_1D = 201
MAX_POINTS_2D = 61  # per axis: 61 x 61 = 3,721 networks
# About 1.5 s of float64 work on the reference machine (bench/lab.py): the
# default net (210 samples, 16-16) takes ~2e8 for a 61 x 61 slice.
MAX_MULTIPLY_ADDS = 2e9
CHUNK_ELEMENTS = 2_000_000  # floats per stacked activation array (16 MB)
NORMS = ("filter", "layer")


@dataclass(frozen=True)
class Problem:
    """A float64 copy of a network with the data its loss is measured on."""

    net: Network
    X: np.ndarray
    Y: np.ndarray  # prepared targets (see nncore.losses.targets)


def problem(source, epoch: int | None = None) -> Problem:
    """The network (float64) and training data a slice is computed from."""
    if isinstance(source, Run):
        net = source.network if epoch is None else source.network_at(epoch)
        X = features.transform(np.asarray(source.data[0], dtype=float), source.config.features)
        y = source.data[1]
    elif isinstance(source, tuple) and len(source) == 3 and isinstance(source[0], Network):
        if epoch is not None:
            raise ValueError("epoch applies to a Run only")
        net, X, y = source
    else:
        raise ValueError("source must be a Run or a tuple (network, X, y)")
    if not np.isfinite(net.theta).all():
        raise ValueError("the network's weights are not finite (the run diverged): there is no landscape to slice")
    net64 = Network(net.sizes, net.activation_name, net.leaky_slope, net.output, net.loss, net.l2, net.dropout,
                    "float64").set_params(net.theta)
    X = np.ascontiguousarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != net.sizes[0]:
        raise ValueError(f"X must have shape (n, {net.sizes[0]}), got {X.shape}")
    return Problem(net64, X, net64.targets(y))


def layer_shapes(source) -> pd.DataFrame:
    """The weight matrices one can sweep: DataFrame(layer, name, rows, cols)."""
    net = source.network if isinstance(source, Run) else problem(source).net
    names = telemetry.layer_names(net.n_layers)
    return pd.DataFrame({"layer": np.arange(1, net.n_layers + 1), "name": names,
                         "rows": [w.shape[0] for w in net.weights], "cols": [w.shape[1] for w in net.weights]})


# -- checks ---------------------------------------------------------------------------------------------
def _whole(name, value, lo, hi) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not lo <= value <= hi:
        raise ValueError(f"{name} must be a whole number in [{lo}, {hi}], got {value!r}")
    return int(value)


def _finite(name, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _entry(net: Network, entry) -> tuple[int, int, int]:
    """(layer, row, col) with a 1-based layer, checked; returns a 0-based layer."""
    try:
        layer, row, col = entry
    except (TypeError, ValueError):
        raise ValueError(f"a weight is (layer, row, col), got {entry!r}") from None
    layer = _whole("layer", layer, 1, net.n_layers) - 1
    rows, cols = net.weights[layer].shape
    whole = all(isinstance(i, (int, np.integer)) and not isinstance(i, bool) for i in (row, col))
    if not (whole and 0 <= row < rows and 0 <= col < cols):
        raise ValueError(f"layer {layer + 1}'s weight matrix has shape ({rows}, {cols}); "
                         f"row must be in [0, {rows - 1}] and col in [0, {cols - 1}], got ({row!r}, {col!r})")
    return layer, int(row), int(col)


def _centred(span, points, name="points") -> np.ndarray:
    """Odd ``points`` from -span to span with an exact 0 in the middle."""
    span = _finite("span", span)
    if span <= 0:
        raise ValueError(f"span must be positive, got {span!r}")
    points = _whole(name, points, 3, MAX_POINTS_2D)
    if points % 2 == 0:
        raise ValueError(f"{name} must be odd so that the trained point lies on the grid, got {points}")
    k = points // 2
    return np.arange(-k, k + 1) * (span / k)


def _check_budget(variants: int, n: int, sizes, first_layer: int) -> None:
    macs = variants * n * sum(a * b for a, b in zip(sizes[first_layer:-1], sizes[first_layer + 1:]))
    if macs > MAX_MULTIPLY_ADDS:
        raise BudgetError(
            f"this slice needs about {macs:.2g} multiply-adds ({variants} networks x {n} samples), over the "
            f"budget of {MAX_MULTIPLY_ADDS:.2g}: use fewer points, a smaller training set or a smaller network."
        )


# -- the engine -------------------------------------------------------------------------------------------------
def _data_losses(pb: Problem, P: int, start: int, first_z, edits, weights_at=None) -> np.ndarray:
    """Data loss of ``P`` network variants that differ from layer ``start`` upward.

    ``first_z(sl)`` gives the stacked pre-activations (p, n, units) of layer
    ``start`` for the variants ``sl``; ``edits`` are (layer, rows, cols,
    deltas) with per-variant arrays: W_layer[rows[p], cols[p]] += deltas[p],
    applied above ``start``; ``weights_at(k, sl)`` gives per-variant weight
    stacks of layer k (for directions) or is None (the trained weights).
    """
    net, n = pb.net, pb.X.shape[0]
    per_variant = n * max(net.sizes[start + 1:])
    if weights_at is not None:  # each variant also carries its own weight matrices
        per_variant = max(per_variant, max(W.size for W in net.weights))
    chunk = max(1, CHUNK_ELEMENTS // per_variant)
    out = np.empty(P)
    L = net.n_layers
    for lo in range(0, P, chunk):
        sl = slice(lo, min(lo + chunk, P))
        idx = np.arange(sl.stop - sl.start)
        Z = first_z(sl)
        for k in range(start + 1, L):
            A = net.act.fn(Z)
            W = net.params[2 * k] if weights_at is None else weights_at(k, sl)
            Z = np.matmul(A, W)
            Z += net.params[2 * k + 1]
            for layer, rows, cols, deltas in edits:
                if layer == k:
                    Z[idx, :, cols[sl]] += deltas[sl, None] * A[idx, :, rows[sl]]
        for i, z in enumerate(Z):
            out[sl.start + i] = net.ol.value(z, pb.Y)
    return out


def _entry_losses(pb: Problem, entries, deltas) -> tuple[np.ndarray, np.ndarray]:
    """(data losses, penalties) of variants with weight entries shifted.

    ``entries`` is a list of (layer0, rows, cols) with per-variant row/col
    arrays, ``deltas`` the matching list of per-variant shifts.
    """
    net = pb.net
    P = len(deltas[0])
    start = min(e[0] for e in entries)
    _check_budget(P, pb.X.shape[0], net.sizes, start)
    with np.errstate(all="ignore"):  # far-out weights may saturate a unit; the loss is still defined
        _, (inputs, Zs, _, _) = net.forward(pb.X)
    A0 = inputs[start]
    base = [e for e in zip(entries, deltas) if e[0][0] == start]
    edits = [(l, r, c, d) for (l, r, c), d in zip(entries, deltas) if l != start]

    def first_z(sl):
        Z = np.repeat(Zs[start][None], sl.stop - sl.start, axis=0)
        idx = np.arange(sl.stop - sl.start)
        for (_, rows, cols), d in base:
            Z[idx, :, cols[sl]] += d[sl, None] * A0[:, rows[sl]].T
        return Z

    with np.errstate(all="ignore"):
        data = _data_losses(pb, P, start, first_z, edits)
    sq = float(np.dot(net.theta[:net.n_weights], net.theta[:net.n_weights]))
    for (l, rows, cols), d in zip(entries, deltas):
        w0 = net.weights[l][rows, cols]
        sq = sq + 2.0 * w0 * d + d * d
    return data, 0.5 * net.l2 * sq * np.ones(P)


def _frame(columns: dict, data: np.ndarray, penalty: np.ndarray, trained: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({**columns, "loss": data + penalty, "data_loss": data, "penalty": penalty,
                         "trained": trained})


# -- public slices ------------------------------------------------------------------------------------------------------
def sweep_1d(source, layer: int = 1, row: int = 0, col: int = 5, lo: float = -4.0, hi: float = 4.0,
             points: int = 100, epoch: int | None = None) -> pd.DataFrame:
    """The loss as one weight W_layer[row, col] takes ``points`` values in [lo, hi].

    Every other weight stays at its trained value.  The trained value itself
    is added as one more row (``trained`` True) so that the curve passes
    exactly through the point the marker shows.  Columns: value, loss,
    data_loss, penalty, trained; sorted by value.
    """
    pb = problem(source, epoch)
    l, r, c = _entry(pb.net, (layer, row, col))
    lo, hi = _finite("lo", lo), _finite("hi", hi)
    if not lo < hi:
        raise ValueError(f"lo must be below hi, got {lo!r} and {hi!r}")
    points = _whole("points", points, 3, MAX_POINTS_1D)
    w0 = float(pb.net.weights[l][r, c])
    values = np.linspace(lo, hi, points)
    values = np.insert(values, np.searchsorted(values, w0), w0)
    trained = np.zeros(len(values), dtype=bool)
    trained[np.searchsorted(values, w0)] = True  # the inserted row: the first of any equal values
    P = len(values)
    data, penalty = _entry_losses(pb, [(l, np.full(P, r), np.full(P, c))], [values - w0])
    return _frame({"value": values}, data, penalty, trained)


def sweep_2d(source, first=(1, 0, 5), second=(1, 1, 5), span: float = 2.0, points: int = 31,
             epoch: int | None = None) -> pd.DataFrame:
    """The loss over two weights, each moved by up to ``span`` from its trained value.

    ``first`` and ``second`` are (layer, row, col).  The grid is
    ``points`` x ``points`` (odd, so the trained point is its centre).
    Columns: a, b (the two weights' values), loss, data_loss, penalty, trained.
    """
    pb = problem(source, epoch)
    e1, e2 = _entry(pb.net, first), _entry(pb.net, second)
    if e1 == e2:
        raise ValueError(f"the two weights must differ, got {first!r} twice")
    grid = _centred(span, points)
    da, db = (g.ravel() for g in np.meshgrid(grid, grid, indexing="xy"))
    P = da.size
    entries = [(e[0], np.full(P, e[1]), np.full(P, e[2])) for e in (e1, e2)]
    data, penalty = _entry_losses(pb, entries, [da, db])
    w1, w2 = (float(pb.net.weights[e[0]][e[1], e[2]]) for e in (e1, e2))
    return _frame({"a": w1 + da, "b": w2 + db}, data, penalty, (da == 0) & (db == 0))


def directions(net: Network, rng: np.random.Generator, norm: str = "filter") -> list[np.ndarray]:
    """A random direction in weight space, one array per weight matrix, scaled like the weights.

    Li et al. (2018), "Visualizing the Loss Landscape of Neural Nets": a raw
    Gaussian direction moves small weight matrices proportionally much more
    than large ones, so slices of different nets (or layers) are not
    comparable.  "filter" rescales the direction of each unit's incoming
    weights (a column of W here) to the norm of that unit's weights; "layer"
    rescales each matrix to the norm of W.  Biases are not moved (as in the
    paper).
    """
    if norm not in NORMS:
        raise ValueError(f"norm must be one of {list(NORMS)}, got {norm!r}")
    out = []
    for W in net.weights:
        D = rng.standard_normal(W.shape)
        W = np.asarray(W, dtype=float)
        if norm == "filter":
            D *= np.linalg.norm(W, axis=0) / np.maximum(np.linalg.norm(D, axis=0), 1e-12)
        else:
            D *= np.linalg.norm(W) / max(np.linalg.norm(D), 1e-12)
        out.append(D)
    return out


def random_directions_2d(source, span: float = 1.0, points: int = 31, rng: np.random.Generator | None = None,
                         seed: int = 0, norm: str = "filter", epoch: int | None = None) -> pd.DataFrame:
    """The loss on the plane theta + a d1 + b d2 through the trained weights.

    d1 and d2 are random directions normalised per unit ("filter") or per
    layer (see :func:`directions`), drawn from ``rng`` or ``seed``; a and b
    run over ``points`` odd values in [-span, span], so the trained point is
    (0, 0).  Columns: a, b, loss, data_loss, penalty, trained.
    """
    pb = problem(source, epoch)
    net = pb.net
    grid = _centred(span, points)
    rng = rng if rng is not None else np.random.default_rng(seed)
    d1, d2 = directions(net, rng, norm), directions(net, rng, norm)
    a, b = (g.ravel() for g in np.meshgrid(grid, grid, indexing="xy"))
    P = a.size
    _check_budget(P, pb.X.shape[0], net.sizes, 0)

    # Everything below is linear in (1, a, b): one BLAS product per layer and
    # chunk builds the stacked first-layer pre-activations and weight matrices.
    coef = np.column_stack([np.ones(P), a, b])
    Z0 = pb.X @ net.weights[0] + net.biases[0]
    first = np.stack([Z0, pb.X @ d1[0], pb.X @ d2[0]]).reshape(3, -1)
    stacks = [np.stack([W, e1, e2]).reshape(3, -1) for W, e1, e2 in zip(net.weights, d1, d2)]

    def first_z(sl):
        return (coef[sl] @ first).reshape(-1, *Z0.shape)

    def weights_at(k, sl):
        return (coef[sl] @ stacks[k]).reshape(-1, *net.weights[k].shape)

    with np.errstate(all="ignore"):
        data = _data_losses(pb, P, 0, first_z, [], weights_at)
    w = net.theta[:net.n_weights]
    f1, f2 = (np.concatenate([d.ravel() for d in ds]) for ds in (d1, d2))
    sq = (w @ w + 2 * a * (w @ f1) + 2 * b * (w @ f2) + a * a * (f1 @ f1) + b * b * (f2 @ f2)
          + 2 * a * b * (f1 @ f2))
    trained = (a == 0) & (b == 0)
    sq[trained] = w @ w  # exactly the trained penalty, not a sum of rounded zeros
    return _frame({"a": a, "b": b}, data, 0.5 * net.l2 * sq, trained)


# -- convexity ------------------------------------------------------------------------------------------------------
def second_differences(values, losses) -> np.ndarray:
    """Second divided differences: estimates of the curvature f'' between neighbours.

    For sorted ``values`` (spacing may vary) the i-th entry is
    2 [(f[i+2] - f[i+1]) / (x[i+2] - x[i+1]) - (f[i+1] - f[i]) / (x[i+1] - x[i])] / (x[i+2] - x[i]).
    A slice is convex exactly when none is negative (up to rounding: see
    :func:`curvature_noise`).
    """
    x = np.asarray(values, dtype=float)
    f = np.asarray(losses, dtype=float)
    slopes = np.diff(f) / np.diff(x)
    return 2.0 * np.diff(slopes) / (x[2:] - x[:-2])


def curvature_noise(values, losses) -> float:
    """How negative a second difference of a convex slice can get from float64 rounding alone.

    Each loss is a mean over samples computed with relative error far below
    1e-12; a second difference combines three of them over a step h, so its
    rounding error is below 1e-12 * max|loss| * 4 / h^2.
    """
    x = np.asarray(values, dtype=float)
    h = np.diff(x)
    h = h[h > 0].min()
    return 4e-12 * max(1.0, float(np.abs(losses).max())) / (h * h)


def convexity_scan(source, layer: int = 1, lo: float = -4.0, hi: float = 4.0, points: int = 41,
                   epoch: int | None = None) -> pd.DataFrame:
    """Sweep every weight of one layer and report how non-convex each slice is.

    One row per weight: layer, row, col, value (trained), min_curvature (the
    most negative second difference of its slice over [lo, hi]) and convex
    (no second difference below the rounding noise).  All slices run as one
    stack of variants, so this costs about as much as one 2-D slice.
    """
    pb = problem(source, epoch)
    net = pb.net
    l = _whole("layer", layer, 1, net.n_layers) - 1
    points = _whole("points", points, 3, MAX_POINTS_1D)
    lo, hi = _finite("lo", lo), _finite("hi", hi)
    if not lo < hi:
        raise ValueError(f"lo must be below hi, got {lo!r} and {hi!r}")
    W = net.weights[l]
    _check_budget(W.size * points, pb.X.shape[0], net.sizes, l)  # before building the index arrays
    rows, cols = (g.ravel() for g in np.meshgrid(np.arange(W.shape[0]), np.arange(W.shape[1]), indexing="ij"))
    grid = np.linspace(lo, hi, points)
    m = rows.size
    R, C = np.repeat(rows, points), np.repeat(cols, points)
    values = np.tile(grid, m)
    data, penalty = _entry_losses(pb, [(l, R, C)], [values - W[R, C]])
    loss = (data + penalty).reshape(m, points)
    curv = np.array([second_differences(grid, f).min() for f in loss])
    noise = np.array([curvature_noise(grid, f) for f in loss])
    return pd.DataFrame({"layer": l + 1, "row": rows, "col": cols, "value": W[rows, cols],
                         "min_curvature": curv, "convex": curv >= -noise})
