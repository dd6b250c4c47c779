"""Test functions for the optimizer lab: 2-D surfaces and 1-D curves with exact gradients.

Each function is small enough to draw whole and has a known answer, so a
learner can watch *how* an update rule moves, not just whether a loss went
down.  The set follows Ruder's optimizer races (the lecture's figure credit):

* ``ravine``     an ill-conditioned quadratic 0.5 (x^2 + 25 y^2): the Hessian's
                 eigenvalues 1 and 25 differ 25-fold, so a rate small enough
                 for the steep y direction crawls along the flat x direction.
                 Gradient descent zig-zags; momentum and the adaptive rules
                 do not.  Its ``eigenvalues`` give the closed forms.
* ``rosenbrock`` a curved, flat-bottomed valley: easy to reach, slow to follow.
* ``beale``      flat plateaus beside very steep walls (gradients span ~6
                 orders of magnitude): rates that suit one region fail in another.
* ``saddle``     x^2 - y^2 has no minimum; started near the ridge, a path first
                 slides to the saddle point and then (slowly, for plain
                 gradient descent) escapes along y and leaves the window.
* ``himmelblau`` four equally deep minima: which one a path ends in depends
                 on the rule, its rate and the start.
* ``wells``      a shallow and a deep Gaussian well in a gentle bowl: a local
                 minimum that traps gradient descent and that momentum can
                 roll through -- non-convexity in two dimensions.

``CURVES`` holds the 1-D functions of the lecture's one-parameter figure
(gradient descent with and without momentum): a quadratic and a quartic with
a local and a global minimum.

A :class:`Surface` evaluates ``f(x, y)`` on whole arrays (for contour grids)
and ``grad(p)`` at one point (for an optimizer).  Every function is written
with NumPy operations so that overflow far outside the window gives ``inf``
(which :mod:`nncore.descent` catches) rather than a Python exception, and
from module-level functions so that every registered entry pickles and hashes
(a page may pass one to a cached function; passing its name is simpler still).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Callable

import numpy as np
import pandas as pd

# A grid of more than MAX_GRID x MAX_GRID points is more than any chart needs.
MAX_GRID = 400


@dataclass(frozen=True)
class Surface:
    """A 2-D test function: value, gradient and what to draw around it.

    ``f(x, y)`` and ``df(x, y) -> (df/dx, df/dy)`` work elementwise on arrays.
    ``xlim``/``ylim`` are the plotting window; ``minima`` the known minimisers
    (empty for the saddle); ``lrs`` a learning rate per optimizer that shows
    the rule's character on this surface from ``start`` (a page's defaults).
    ``eigenvalues`` are the Hessian's eigenvalues along x and y for a
    quadratic (None otherwise): gradient descent on coordinate i then follows
    x_{t+1} = (1 - lr * eigenvalues[i]) x_t.
    """

    name: str
    f: Callable[[np.ndarray, np.ndarray], np.ndarray]
    df: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
    start: tuple[float, float]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    minima: tuple[tuple[float, float], ...]
    why: str
    lrs: dict[str, float] = field(default_factory=dict, hash=False)
    eigenvalues: tuple[float, float] | None = None

    def value(self, p) -> float:
        x, y = np.asarray(p, dtype=float)
        return float(self.f(x, y))

    def grad(self, p) -> np.ndarray:
        """The gradient at ``p`` = (x, y), as a new float array of 2."""
        x, y = np.asarray(p, dtype=float)
        gx, gy = self.df(x, y)
        return np.array([gx, gy], dtype=float)

    def lr(self, optimizer: str) -> float:
        """The suggested learning rate of ``optimizer`` here (0.01 if none is set)."""
        return self.lrs.get(optimizer, 0.01)


@dataclass(frozen=True)
class Curve:
    """A 1-D test function for the one-parameter figure.

    ``curvature`` is f'' for a quadratic (None otherwise): gradient descent then
    follows x_{t+1} = (1 - lr * curvature) x_t.
    """

    name: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]
    start: float
    xlim: tuple[float, float]
    minima: tuple[float, ...]
    why: str
    lrs: dict[str, float] = field(default_factory=dict, hash=False)
    curvature: float | None = None

    def value(self, x) -> float:
        return float(self.f(np.asarray(x, dtype=float)))

    def grad(self, p) -> np.ndarray:
        """The derivative at ``p`` (a number or an array of 1), as an array of 1."""
        x = np.asarray(p, dtype=float).reshape(-1)[0]
        return np.array([self.df(x)], dtype=float)

    def lr(self, optimizer: str) -> float:
        return self.lrs.get(optimizer, 0.01)


# -- 2-D surfaces ------------------------------------------------------------------
def quadratic(lx: float = 1.0, ly: float = 25.0, name: str = "ravine", start=(-9.0, 1.5), xlim=(-10.0, 10.0),
              ylim=(-4.0, 4.0), lrs: dict[str, float] | None = None) -> Surface:
    """f = 0.5 (lx x^2 + ly y^2): a bowl whose condition number is ly / lx."""
    if not (lx > 0 and ly > 0):
        raise ValueError(f"eigenvalues must be positive, got {lx!r}, {ly!r}")
    # partials of module-level functions (not closures) keep a Surface picklable
    f, df = partial(_quadratic, float(lx), float(ly)), partial(_quadratic_df, float(lx), float(ly))
    why = (f"Eigenvalues {lx:g} and {ly:g}: a rate safe for the steep direction (below 2/{ly:g}) "
           "crawls along the flat one, so plain gradient descent zig-zags down a ravine.")
    return Surface(name, f, df, tuple(start), tuple(xlim), tuple(ylim), ((0.0, 0.0),), why,
                   lrs or {}, (float(lx), float(ly)))


def _quadratic(lx, ly, x, y):
    return 0.5 * (lx * x * x + ly * y * y)


def _quadratic_df(lx, ly, x, y):
    return lx * x, ly * y


def _rosenbrock(x, y):
    a = 1.0 - x
    b = y - x * x
    return a * a + 100.0 * b * b


def _rosenbrock_df(x, y):
    b = y - x * x
    return -2.0 * (1.0 - x) - 400.0 * x * b, 200.0 * b


def _beale_terms(x, y):
    y2 = y * y
    return 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y2 * y


def _beale(x, y):
    a, b, c = _beale_terms(x, y)
    return a * a + b * b + c * c


def _beale_df(x, y):
    a, b, c = _beale_terms(x, y)
    y2 = y * y
    gx = 2.0 * (a * (y - 1.0) + b * (y2 - 1.0) + c * (y2 * y - 1.0))
    gy = 2.0 * x * (a + 2.0 * b * y + 3.0 * c * y2)
    return gx, gy


def _saddle(x, y):
    return x * x - y * y


def _saddle_df(x, y):
    return 2.0 * x, -2.0 * y


def _himmelblau(x, y):
    a = x * x + y - 11.0
    b = x + y * y - 7.0
    return a * a + b * b


def _himmelblau_df(x, y):
    a = x * x + y - 11.0
    b = x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


# (depth, centre x, centre y, width) of each Gaussian well, and the bowl that
# keeps the surface bounded below and pulls far-away paths back in.
WELLS = ((2.0, 1.5, -1.0, 1.2), (0.6, -1.5, 1.5, 0.6))
BOWL = 0.05


def _wells(x, y):
    out = BOWL * (x * x + y * y)
    for depth, cx, cy, s in WELLS:
        out = out - depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2.0 * s * s))
    return out


def _wells_df(x, y):
    gx, gy = 2.0 * BOWL * x, 2.0 * BOWL * y
    for depth, cx, cy, s in WELLS:
        e = depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2.0 * s * s)) / (s * s)
        gx = gx + e * (x - cx)
        gy = gy + e * (y - cy)
    return gx, gy


SURFACES: dict[str, Surface] = {
    "ravine": quadratic(1.0, 25.0, lrs={"sgd": 0.075, "momentum": 0.02, "nesterov": 0.02, "adagrad": 1.5,
                                         "rmsprop": 0.03, "adam": 0.3}),
    "rosenbrock": Surface(
        "rosenbrock", _rosenbrock, _rosenbrock_df, (-1.5, 2.5), (-2.0, 2.0), (-1.0, 3.0), ((1.0, 1.0),),
        "A long curved valley with a nearly flat floor: finding the valley is easy, following it to (1, 1) is slow.",
        {"sgd": 0.001, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.1, "rmsprop": 0.1, "adam": 0.1},
    ),
    "beale": Surface(
        "beale", _beale, _beale_df, (1.0, 1.5), (-4.5, 4.5), (-4.5, 4.5), ((3.0, 0.5),),
        "Flat plateaus next to steep walls: the gradient's size changes a millionfold across the window.",
        {"sgd": 0.01, "momentum": 0.003, "nesterov": 0.003, "adagrad": 1.0, "rmsprop": 0.01, "adam": 0.1},
    ),
    "saddle": Surface(
        "saddle", _saddle, _saddle_df, (-2.5, 0.01), (-3.0, 3.0), (-3.0, 3.0), (),
        "x^2 - y^2 has no minimum: a path started near the ridge slows at the saddle point before escaping along y.",
        {"sgd": 0.05, "momentum": 0.01, "nesterov": 0.01, "adagrad": 1.0, "rmsprop": 0.05, "adam": 0.05},
    ),
    "himmelblau": Surface(
        "himmelblau", _himmelblau, _himmelblau_df, (-0.3, -0.9), (-5.0, 5.0), (-5.0, 5.0),
        ((3.0, 2.0), (-2.805118086952745, 3.131312518250573), (-3.779310253377747, -3.283185991286170),
         (3.584428340330492, -1.848126526964404)),
        "Four equally deep minima: where a path ends depends on the rule and its rate, not just on the start.",
        {"sgd": 0.01, "momentum": 0.003, "nesterov": 0.003, "adagrad": 0.3, "rmsprop": 0.01, "adam": 0.1},
    ),
    "wells": Surface(
        "wells", _wells, _wells_df, (-3.5, 3.5), (-4.0, 4.0), (-4.0, 4.0),
        ((1.3987696289918516, -0.9325130846991421), (-1.3954107146940942, 1.398378167501118)),
        "A shallow and a deep well: plain gradient descent settles in the first one it meets; momentum can roll on.",
        {"sgd": 0.3, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1},
    ),
}


# -- 1-D curves ----------------------------------------------------------------------
def _half_square(x):
    return 0.5 * x * x


def _unit_slope(x):
    return 1.0 * x


def _quartic(x):
    return x ** 4 - 4.0 * x * x + x


def _quartic_df(x):
    return 4.0 * x ** 3 - 8.0 * x + 1.0


CURVES: dict[str, Curve] = {
    "quadratic": Curve(
        "quadratic", _half_square, _unit_slope, 4.0, (-5.0, 5.0), (0.0,),
        "f = x^2 / 2: every step multiplies x by (1 - lr); above lr = 2 the steps overshoot more each time.",
        {"sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.0, "rmsprop": 0.1, "adam": 0.3},
        curvature=1.0,
    ),
    "two_minima": Curve(
        "two_minima", _quartic, _quartic_df, 2.3, (-2.5, 2.5), (-1.4729976011140302, 1.346997408527774),
        "A local minimum near x = 1.35 and a deeper one near x = -1.47: from the right, plain gradient descent "
        "stops in the first; momentum (mu = 0.9) carries the path over the bump into the second.",
        {"sgd": 0.01, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.3, "rmsprop": 0.03, "adam": 0.1},
    ),
}


# -- grids -------------------------------------------------------------------------------
def _check_n(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= MAX_GRID:
        raise ValueError(f"n must be a whole number in [2, {MAX_GRID}], got {n!r}")
    return int(n)


def get(surface: str | Surface) -> Surface:
    """``surface`` itself, or the registered surface of that name."""
    if isinstance(surface, Surface):
        return surface
    if surface not in SURFACES:
        raise ValueError(f"surface must be one of {list(SURFACES)}, got {surface!r}")
    return SURFACES[surface]


def get_curve(curve: str | Curve) -> Curve:
    if isinstance(curve, Curve):
        return curve
    if curve not in CURVES:
        raise ValueError(f"curve must be one of {list(CURVES)}, got {curve!r}")
    return CURVES[curve]


def contour_grid(surface: str | Surface, n: int = 60) -> pd.DataFrame:
    """f on an n x n grid over the surface's window: DataFrame(x, y, z, z_log).

    ``z_log = log10(1 + z - min z)`` spreads the levels of surfaces whose
    values span orders of magnitude (Rosenbrock, Beale), where equal steps of z
    would colour the whole valley floor alike; the shift makes it defined for
    surfaces that go negative (saddle, wells).
    """
    s = get(surface)
    n = _check_n(n)
    xs = np.linspace(*s.xlim, n)
    ys = np.linspace(*s.ylim, n)
    X, Y = np.meshgrid(xs, ys)
    Z = s.f(X, Y)
    return pd.DataFrame({"x": X.ravel(), "y": Y.ravel(), "z": Z.ravel(),
                         "z_log": np.log10(1.0 + Z.ravel() - Z.min())})


def curve_grid(curve: str | Curve, n: int = 200) -> pd.DataFrame:
    """f on n points across the curve's window: DataFrame(x, f)."""
    c = get_curve(curve)
    n = _check_n(n)
    xs = np.linspace(*c.xlim, n)
    return pd.DataFrame({"x": xs, "f": c.f(xs)})
