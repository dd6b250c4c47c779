"""Optimizer trajectories on the test functions of :mod:`nncore.surfaces`.

Every path here is made by the optimizer objects of :mod:`nncore.optimizers`
-- the very objects that train the networks -- stepping a 2-vector (or a
1-vector) with the surface's exact gradient.  Nothing re-implements an update
rule, so what a learner sees on a contour plot is what trains the networks.

Paths that blow up stop cleanly.  A learner may well set lr = 10: the path is
followed until its next point would be non-finite or far outside the window
(more than one window width beyond it on any side, see :data:`FAR`); that
point is not kept (it may be 1e300 or inf, which no chart can draw) and the
last kept row's ``status`` says why the path stopped:

* ``"ok"``           the path ran its steps (every row of a healthy path);
* ``"left_window"``  the next point was far outside the window;
* ``"non_finite"``   the gradient or the next point overflowed.

NumPy's overflow warnings are silenced inside: the status replaces them.

The "momentum as a moving average" helpers also run the real objects:
:func:`velocity_on_noisy_gradients` reads the velocity from a Momentum
object's state, :func:`adaptive_rates` reads AdaGrad's and RMSprop's
accumulators.  All randomness comes from a Generator passed in (``rng``) or
built from ``seed``.
"""

from __future__ import annotations

import math
from typing import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from . import optimizers
from .surfaces import CURVES, SURFACES, Curve, Surface, get, get_curve

MAX_STEPS = 5000  # per path; 6 paths x 5000 steps is still well under a second
MAX_RACE = 12  # paths in one race
FAR = 1.0  # a path stops once it is more than FAR window widths outside the window
STATUSES = ("ok", "left_window", "non_finite")


# -- effective learning rates -----------------------------------------------------------
def _adagrad_rate(opt, st) -> np.ndarray:
    return opt.lr / np.sqrt(st["G"] + opt.eps)


def _adam_rate(opt, st) -> np.ndarray:
    # The rate that multiplies the bias-corrected momentum m_hat (not the raw gradient).
    return opt.lr / (np.sqrt(st["s"] / (1.0 - opt.beta2 ** opt.t)) + opt.eps)


# The per-coordinate rate each adaptive rule applied in its latest step, read
# from the optimizer's own state; the other rules use ``lr`` itself.
EFFECTIVE_RATE: dict[str, Callable[[optimizers.Optimizer, dict], np.ndarray]] = {
    "adagrad": _adagrad_rate,  # lr / sqrt(G + eps), G the sum of squared gradients
    "rmsprop": _adagrad_rate,  # lr / sqrt(G + eps), G their moving average
    "adam": _adam_rate,  # lr / (sqrt(s_hat) + eps)
}


# -- argument checks -------------------------------------------------------------------
def _check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 1 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be a whole number in [1, {MAX_STEPS}], got {steps!r}")
    return int(steps)


def _start(start, default, size: int) -> np.ndarray:
    p = np.array(default if start is None else start, dtype=float).reshape(-1)
    if p.size != size or not np.isfinite(p).all():
        raise ValueError(f"start must be {size} finite number(s), got {start!r}")
    return p


def _rng(rng: np.random.Generator | None, seed: int) -> np.random.Generator:
    return rng if rng is not None else np.random.default_rng(seed)


# -- the shared loop ---------------------------------------------------------------------
def _walk(grad: Callable[[np.ndarray], np.ndarray], p: np.ndarray, lo: np.ndarray, hi: np.ndarray,
          opt: optimizers.Optimizer, steps: int):
    """Step ``p`` with ``opt``; return (points, rates, status) of the kept points.

    ``rates`` holds the effective per-coordinate rate of each step (NaN at the
    start, and throughout for the non-adaptive rules).
    """
    rate_fn = EFFECTIVE_RATE.get(opt.name)
    points = [p.copy()]
    rates = [np.full(p.size, np.nan)]
    bounds = list(zip(lo.tolist(), hi.tolist()))
    status = "ok"
    with np.errstate(all="ignore"):
        for _ in range(steps):
            q = p.copy()
            opt.step([q], [grad(p)])
            # One test catches both failures: NaN and inf fail every comparison.
            # A non-finite gradient always makes q non-finite, so it needs no test of its own.
            vals = q.tolist()
            if not all(a <= v <= b for v, (a, b) in zip(vals, bounds)):
                status = "non_finite" if not all(map(math.isfinite, vals)) else "left_window"
                break
            p = q
            points.append(q)
            rates.append(rate_fn(opt, opt.state[0]) if rate_fn else rates[0])
    return np.array(points), np.array(rates), status


def _far_box(lims: Iterable[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    lims = np.array(list(lims), dtype=float)
    width = lims[:, 1] - lims[:, 0]
    return lims[:, 0] - FAR * width, lims[:, 1] + FAR * width


def _status_column(n: int, status: str) -> np.ndarray:
    out = np.full(n, "ok", dtype=object)
    out[-1] = status
    return out


def trajectory(surface: str | Surface, optimizer: str = "sgd", steps: int = 100, lr: float | None = None,
               start=None, **hyper: float) -> pd.DataFrame:
    """The path of ``optimizer`` on a 2-D surface, one row per point.

    Columns: step (0 = start), x, y, f, grad_norm (at that point), rate_x,
    rate_y (the effective per-coordinate rate of the step that led there:
    lr / sqrt(G + eps) for AdaGrad and RMSprop, lr / (sqrt(s_hat) + eps) for
    Adam; NaN for the rules whose rate is lr itself) and status (see the module
    docstring).  ``lr`` defaults to the surface's suggestion for the optimizer;
    ``hyper`` are the rule's hyperparameters (mu, rho, beta1, beta2, eps).
    """
    s = get(surface)
    steps = _check_steps(steps)
    opt = optimizers.make(optimizer, lr=s.lr(optimizer) if lr is None else lr, **hyper)
    lo, hi = _far_box((s.xlim, s.ylim))
    pts, rates, status = _walk(s.grad, _start(start, s.start, 2), lo, hi, opt, steps)
    x, y = pts[:, 0], pts[:, 1]
    with np.errstate(all="ignore"):  # points may be far out, where f is huge
        gx, gy = s.df(x, y)
        f = s.f(x, y)
    return pd.DataFrame({
        "step": np.arange(len(pts)), "x": x, "y": y, "f": f, "grad_norm": np.hypot(gx, gy),
        "rate_x": rates[:, 0], "rate_y": rates[:, 1], "status": _status_column(len(pts), status),
    })


def trajectory_1d(curve: str | Curve, optimizer: str = "sgd", steps: int = 50, lr: float | None = None,
                  start: float | None = None, **hyper: float) -> pd.DataFrame:
    """The path of ``optimizer`` on a 1-D curve: DataFrame(step, x, f, grad, rate, status).

    The lecture's one-parameter figure: draw ``curve_grid`` and these points on
    it, for sgd and for momentum.
    """
    c = get_curve(curve)
    steps = _check_steps(steps)
    opt = optimizers.make(optimizer, lr=c.lr(optimizer) if lr is None else lr, **hyper)
    lo, hi = _far_box((c.xlim,))
    pts, rates, status = _walk(c.grad, _start(start, c.start, 1), lo, hi, opt, steps)
    x = pts[:, 0]
    with np.errstate(all="ignore"):
        return pd.DataFrame({"step": np.arange(len(pts)), "x": x, "f": c.f(x), "grad": c.df(x),
                             "rate": rates[:, 0], "status": _status_column(len(pts), status)})


# -- races ------------------------------------------------------------------------------------
def resolve(surface: str | Surface | Curve) -> Surface | Curve:
    """A Surface or Curve object from itself or its registered name."""
    if isinstance(surface, (Surface, Curve)):
        return surface
    if surface in SURFACES:
        return SURFACES[surface]
    if surface in CURVES:
        return CURVES[surface]
    raise ValueError(f"surface must be one of {list(SURFACES) + list(CURVES)}, got {surface!r}")


def default_specs(surface: str | Surface | Curve) -> list[dict]:
    """One spec per optimizer with the surface's suggested rate (a page's starting race)."""
    s = resolve(surface)
    return [{"optimizer": name, "lr": s.lr(name)} for name in optimizers.OPTIMIZERS]


def label(spec: Mapping) -> str:
    """A readable name for a spec: the rule, its rate and the hyperparameters it sets.

    Only the hyperparameters the rule uses are shown, e.g. "momentum lr=0.02
    mu=0.9"; a spec's own "label" wins.
    """
    if spec.get("label"):
        return str(spec["label"])
    name = spec["optimizer"]
    used = optimizers.OPTIMIZERS[name].hyper if name in optimizers.OPTIMIZERS else ()
    parts = [name] + [f"{k}={spec[k]:g}" for k in ("lr", *used) if k in spec]
    return " ".join(parts)


def race(surface: str | Surface | Curve, specs: Iterable[Mapping] | None = None, steps: int = 200,
         start=None) -> pd.DataFrame:
    """Several optimizers from the same start: the trajectories stacked, long form.

    ``specs`` are mappings with "optimizer" and optionally "lr", "label" and
    hyperparameters, e.g. ``{"optimizer": "momentum", "lr": 0.02, "mu": 0.9}``
    (default: every optimizer at the surface's suggested rate).  The frame has
    the columns of :func:`trajectory` (or :func:`trajectory_1d` for a Curve) after
    ``optimizer`` and ``label``; repeated labels get " (2)", " (3)"... appended.
    """
    specs = default_specs(surface) if specs is None else [dict(s) for s in specs]
    if not 1 <= len(specs) <= MAX_RACE:
        raise ValueError(f"a race takes 1 to {MAX_RACE} optimizers, got {len(specs)}")
    walk = trajectory_1d if isinstance(resolve(surface), Curve) else trajectory
    parts, seen = [], {}
    for spec in specs:
        if "optimizer" not in spec:
            raise ValueError(f"each spec needs an 'optimizer', got {spec!r}")
        name = label(spec)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} ({seen[name]})"
        hyper = {k: v for k, v in spec.items() if k not in ("optimizer", "lr", "label")}
        df = walk(surface, spec["optimizer"], steps, spec.get("lr"), start, **hyper)
        df.insert(0, "label", name)
        df.insert(0, "optimizer", spec["optimizer"])
        parts.append(df)
    return pd.concat(parts, ignore_index=True)


def summary(race_frame: pd.DataFrame, surface: str | Surface | Curve) -> pd.DataFrame:
    """One row per path of a race: where it ended and how close to a minimum.

    Columns: optimizer, label, steps (taken), status, final_f, distance (from
    the last point to the nearest known minimum; NaN without minima),
    nearest_minimum (its index in ``surface.minima``; -1 without minima) and
    global_minimum (that minimum is as deep as the deepest known one: a path
    can end near a minimum that is only local, which is the point of the
    "wells" surface and the "two_minima" curve).
    """
    s = resolve(surface)
    minima = np.array(s.minima, dtype=float).reshape(len(s.minima), 2 if isinstance(s, Surface) else 1)
    coords = ["x", "y"] if isinstance(s, Surface) else ["x"]
    last = race_frame.groupby("label", sort=False).tail(1)
    end = last[coords].to_numpy()
    if len(minima):
        d = np.linalg.norm(end[:, None, :] - minima[None, :, :], axis=2)
        nearest, distance = d.argmin(axis=1), d.min(axis=1)
        depth = np.array([s.value(m if isinstance(s, Surface) else m[0]) for m in minima])
        deepest = depth <= depth.min() + 1e-9 * max(1.0, abs(depth.min()))
        is_global = deepest[nearest]
    else:
        nearest, distance = np.full(len(end), -1), np.full(len(end), np.nan)
        is_global = np.zeros(len(end), dtype=bool)
    return pd.DataFrame({"optimizer": last["optimizer"].to_numpy(), "label": last["label"].to_numpy(),
                         "steps": last["step"].to_numpy(), "status": last["status"].to_numpy(),
                         "final_f": last["f"].to_numpy(), "distance": distance, "nearest_minimum": nearest,
                         "global_minimum": is_global})


# -- momentum as a moving average --------------------------------------------------------------
def effective_window(mu: float) -> float:
    """About how many past gradients the velocity remembers: 1 / (1 - mu).

    Rounded to 9 decimals so that mu = 0.9 gives 10, not 10.000000000000002
    (which would put an 11th step "inside" the window).
    """
    mu = _check_mu(mu)
    return round(1.0 / (1.0 - mu), 9)


def _check_mu(mu) -> float:
    if isinstance(mu, bool) or not isinstance(mu, (int, float)) or not 0.0 <= mu < 1.0:
        raise ValueError(f"mu must be a number in [0, 1), got {mu!r}")
    return float(mu)


def momentum_weights(mu: float, k: int = 50) -> pd.DataFrame:
    """The weight mu**k the velocity gives the gradient of k steps ago, k = 0..k-1.

    Unrolling v <- mu v + g gives v_t = sum_k mu**k g_{t-k}: a geometric moving
    sum.  Columns: k, weight (mu**k), share (weight x (1 - mu), the fraction of
    the whole sum, which totals 1 over all k), cumulative (running total of the
    share) and in_window (k < 1 / (1 - mu)).  The window holds about 1 - 1/e =
    63 % of the total weight for every mu near 1.
    """
    mu = _check_mu(mu)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= MAX_STEPS:
        raise ValueError(f"k must be a whole number in [1, {MAX_STEPS}], got {k!r}")
    ks = np.arange(int(k))
    w = mu ** ks
    share = w * (1.0 - mu)
    return pd.DataFrame({"k": ks, "weight": w, "share": share, "cumulative": np.cumsum(share),
                         "in_window": ks < effective_window(mu)})


def noisy_gradients(steps: int, rng: np.random.Generator | None = None, seed: int = 0, noise: float = 1.0,
                    period: int | None = None) -> pd.DataFrame:
    """A gradient sequence with a slowly turning signal plus noise: DataFrame(step, signal, gradient).

    The signal is cos(2 pi t / period) (period defaults to the whole sequence):
    it changes sign, so a long window's lag is visible as well as its smoothing.
    """
    steps = _check_steps(steps)
    if not (isinstance(noise, (int, float)) and math.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    period = steps if period is None else period
    t = np.arange(1, steps + 1)
    signal = np.cos(2.0 * np.pi * t / period)
    gradient = signal + noise * _rng(rng, seed).standard_normal(steps)
    return pd.DataFrame({"step": t, "signal": signal, "gradient": gradient})


def _replay(opt: optimizers.Optimizer, gradients: np.ndarray, slot: str) -> np.ndarray:
    """Feed ``gradients`` one by one to ``opt`` (on a dummy parameter); the state ``slot`` after each step."""
    p = np.zeros(1)
    out = np.empty(len(gradients))
    for i, g in enumerate(gradients):
        opt.step([p], [np.array([g], dtype=float)])
        out[i] = opt.state[0][slot][0]
    return out


def velocity_on_noisy_gradients(mu: float = 0.9, steps: int = 200, rng: np.random.Generator | None = None,
                                seed: int = 0, noise: float = 1.0, gradients=None) -> pd.DataFrame:
    """The momentum velocity riding on a noisy gradient sequence.

    Columns: step, signal (the clean gradient; NaN when ``gradients`` is given),
    gradient (what the optimizer sees), velocity (v <- mu v + g, read from a
    real Momentum object's state) and average ((1 - mu) v: the velocity scaled
    to the gradient's units, a moving average over about 1 / (1 - mu) steps
    whose noise is sqrt((1 - mu) / (1 + mu)) of the gradient's).
    """
    mu = _check_mu(mu)
    if gradients is None:
        frame = noisy_gradients(steps, rng, seed, noise)
    else:
        g = np.asarray(gradients, dtype=float).reshape(-1)
        _check_steps(len(g))
        if not np.isfinite(g).all():
            raise ValueError("gradients must be finite")
        frame = pd.DataFrame({"step": np.arange(1, len(g) + 1), "signal": np.nan, "gradient": g})
    v = _replay(optimizers.make("momentum", lr=1.0, mu=mu), frame["gradient"].to_numpy(), "v")
    frame["velocity"] = v
    frame["average"] = (1.0 - mu) * v
    return frame


def adaptive_rates(steps: int = 200, gradients=None, rng: np.random.Generator | None = None, seed: int = 0,
                   lr: float = 0.1, rho: float = 0.9, eps: float = 1e-8, noise: float = 0.5) -> pd.DataFrame:
    """AdaGrad's effective rate shrinking beside RMSprop's, on the same gradients.

    Both divide lr by sqrt(G + eps); AdaGrad's G sums every squared gradient so
    far and grows without bound (the rate falls like 1/sqrt(t)), RMSprop's is
    a moving average (rho) and levels off.  G is read from each optimizer's
    state.  The default gradients are 1 + noise x N(0, 1).
    Long form: DataFrame(step, optimizer, gradient, G, rate).
    """
    if gradients is None:
        steps = _check_steps(steps)
        g = 1.0 + noise * _rng(rng, seed).standard_normal(steps)
    else:
        g = np.asarray(gradients, dtype=float).reshape(-1)
        _check_steps(len(g))
        if not np.isfinite(g).all():
            raise ValueError("gradients must be finite")
    t = np.arange(1, len(g) + 1)
    parts = []
    for name in ("adagrad", "rmsprop"):
        opt = optimizers.make(name, lr=lr, rho=rho, eps=eps)
        G = _replay(opt, g, "G")
        parts.append(pd.DataFrame({"step": t, "optimizer": name, "gradient": g, "G": G,
                                   "rate": lr / np.sqrt(G + eps)}))
    return pd.concat(parts, ignore_index=True)


# -- how noisy a loss curve is (batch size) ------------------------------------------------------------
def _log_losses(losses) -> np.ndarray:
    v = np.asarray(losses, dtype=float).reshape(-1)
    return np.log10(v[np.isfinite(v) & (v > 0)])


def roughness(losses) -> float:
    """How much a loss curve jumps about, in percent of the loss (NaN under 3 usable points).

    Each point is compared with the straight line through its two neighbours
    (on a log scale, so that a fall from 0.7 to 0.07 counts like one from
    0.07 to 0.007): ``r_i = log10 l_i - (log10 l_{i-1} + log10 l_{i+1}) / 2``.
    The RMS of the r_i, turned back into a factor, is the typical
    percentage by which a point sits off the line through its neighbours.
    A smooth curve -- batch gradient descent at a moderate rate -- scores
    near 0 %; the loss after each epoch of SGD (k = 1) depends on the last
    few samples it happened to see, and scores several percent.  Why a
    chord and not a fitted trend: it needs no window to choose and follows
    any smooth shape.  Non-finite and non-positive losses are dropped.
    """
    logs = _log_losses(losses)
    if logs.size < 3:
        return math.nan
    r = logs[1:-1] - 0.5 * (logs[:-2] + logs[2:])
    return float(100.0 * (10.0 ** np.sqrt(np.mean(r * r)) - 1.0))


def rise_share(losses) -> float:
    """The share of steps (epochs) in which the loss went up: 0 for a curve that only falls."""
    v = np.asarray(losses, dtype=float).reshape(-1)
    v = v[np.isfinite(v)]
    if v.size < 2:
        return math.nan
    return float(np.mean(np.diff(v) > 0))
