"""Surfaces, curves and optimizer trajectories (nncore.surfaces, nncore.descent).

The closed forms: on f = lambda x^2 / 2 the gradient is lambda x, so
  gradient descent   x_{t+1} = (1 - lr lambda) x_t
  momentum           v_{t+1} = mu v_t + lambda x_t,  x_{t+1} = x_t - lr v_{t+1}
                     i.e. (x, v)_{t+1} = M (x, v)_t with M = [[1 - lr lambda, -lr mu], [lambda, mu]],
                     or the two-term recurrence x_{t+1} = (1 + mu - lr lambda) x_t - mu x_{t-1}
  Nesterov           x_{t+1} = x_t - lr (lambda x_t + mu v_{t+1})
                     M = [[1 - lr lambda (1 + mu), -lr mu^2], [lambda, mu]]
Every warning is an error here: a diverging path must stop without any.
"""

import math

import numpy as np
import pandas as pd
import pytest

from nncore import descent, optimizers, surfaces
from nncore.surfaces import CURVES, SURFACES

pytestmark = pytest.mark.filterwarnings("error")

ALL_OPTIMIZERS = list(optimizers.OPTIMIZERS)


def fd_grad(fn, p, h=1e-6):
    p = np.asarray(p, dtype=float)
    out = np.empty_like(p)
    for i in range(p.size):
        e = np.zeros_like(p)
        e[i] = h
        out[i] = (fn(p + e) - fn(p - e)) / (2 * h)
    return out


def fd_hessian(grad, p, h=1e-5):
    p = np.asarray(p, dtype=float)
    cols = []
    for i in range(p.size):
        e = np.zeros_like(p)
        e[i] = h
        cols.append((grad(p + e) - grad(p - e)) / (2 * h))
    H = np.array(cols)
    return 0.5 * (H + H.T)


# -- the functions ------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(SURFACES))
def test_surface_gradient_matches_finite_differences(name):
    s = SURFACES[name]
    rng = np.random.default_rng(0)
    for _ in range(25):
        p = np.array([rng.uniform(*s.xlim), rng.uniform(*s.ylim)])
        g = s.grad(p)
        fd = fd_grad(s.value, p)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-6 * (1.0 + abs(s.value(p))))


@pytest.mark.parametrize("name", list(CURVES))
def test_curve_derivative_matches_finite_differences(name):
    c = CURVES[name]
    rng = np.random.default_rng(1)
    for x in rng.uniform(*c.xlim, size=25):
        np.testing.assert_allclose(c.grad(x), fd_grad(lambda p: c.value(p[0]), [x]), rtol=1e-6, atol=1e-6)


def test_vectorised_f_matches_pointwise():
    for s in SURFACES.values():
        grid = surfaces.contour_grid(s, 7)
        pointwise = [s.value((x, y)) for x, y in zip(grid.x, grid.y)]
        np.testing.assert_allclose(grid.z, pointwise, rtol=1e-12)


@pytest.mark.parametrize("name", list(SURFACES))
def test_known_minima_are_minima(name):
    s = SURFACES[name]
    for m in s.minima:
        assert np.abs(s.grad(m)).max() < 1e-8
        assert np.linalg.eigvalsh(fd_hessian(s.grad, m)).min() > 0
        assert s.xlim[0] < m[0] < s.xlim[1] and s.ylim[0] < m[1] < s.ylim[1]


def test_saddle_has_a_saddle_point_and_no_minimum():
    s = SURFACES["saddle"]
    assert s.minima == ()
    ev = np.linalg.eigvalsh(fd_hessian(s.grad, (0.0, 0.0)))
    np.testing.assert_allclose(ev, [-2.0, 2.0], atol=1e-6)


def test_curve_minima():
    for c in CURVES.values():
        for m in c.minima:
            assert abs(c.grad(m)[0]) < 1e-9
            assert c.df(m + 1e-4) > 0 > c.df(m - 1e-4)
    quartic = CURVES["two_minima"]
    glob, local = quartic.minima
    assert quartic.value(glob) < quartic.value(local)  # the deeper one first


def test_ravine_eigenvalues_are_the_hessian():
    s = SURFACES["ravine"]
    assert s.eigenvalues == (1.0, 25.0)
    np.testing.assert_allclose(fd_hessian(s.grad, (0.3, -0.2)), np.diag(s.eigenvalues), atol=1e-6)
    assert CURVES["quadratic"].curvature == 1.0


def test_registry_entries_are_complete():
    for s in list(SURFACES.values()) + list(CURVES.values()):
        assert s.why and "\n" not in s.why
        assert set(s.lrs) == set(ALL_OPTIMIZERS)
    for s in SURFACES.values():
        assert s.xlim[0] < s.start[0] < s.xlim[1] and s.ylim[0] < s.start[1] < s.ylim[1]
    for c in CURVES.values():
        assert c.xlim[0] < c.start < c.xlim[1]


def test_contour_grid():
    g = surfaces.contour_grid("rosenbrock", 30)
    assert list(g.columns) == ["x", "y", "z", "z_log"] and len(g) == 900
    assert g.x.min() == -2.0 and g.x.max() == 2.0 and g.y.min() == -1.0 and g.y.max() == 3.0
    assert g.z_log.min() == 0.0
    # the log column keeps the order of z (a monotone transform)
    assert (np.argsort(g.z.to_numpy(), kind="stable") == np.argsort(g.z_log.to_numpy(), kind="stable")).all()
    for bad in (1, 10_000, 2.5, True):
        with pytest.raises(ValueError):
            surfaces.contour_grid("beale", bad)
    with pytest.raises(ValueError):
        surfaces.contour_grid("nope")
    c = surfaces.curve_grid("two_minima", 50)
    assert list(c.columns) == ["x", "f"] and len(c) == 50


# -- closed forms -----------------------------------------------------------------------------
def test_gradient_descent_on_quadratic_curve_is_geometric():
    lr, x0 = 0.3, 4.0
    path = descent.trajectory_1d("quadratic", "sgd", steps=40, lr=lr, start=x0)
    t = path.step.to_numpy()
    np.testing.assert_allclose(path.x, (1 - lr * 1.0) ** t * x0, rtol=1e-12, atol=0)
    # beyond lr = 2 / lambda each step overshoots further
    wild = descent.trajectory_1d("quadratic", "sgd", steps=10, lr=2.5, start=1.0)
    np.testing.assert_allclose(wild.x, (-1.5) ** wild.step.to_numpy(), rtol=1e-12)


@pytest.mark.parametrize("lam,lr,mu", [(1.0, 0.1, 0.9), (3.0, 0.05, 0.5), (0.5, 0.4, 0.99)])
def test_momentum_on_quadratic_follows_its_recurrence(lam, lr, mu):
    curve = surfaces.Curve("q", lambda x: 0.5 * lam * x * x, lambda x: lam * x, 2.0, (-3.0, 3.0), (0.0,), "q",
                           curvature=lam)
    path = descent.trajectory_1d(curve, "momentum", steps=60, lr=lr, mu=mu)
    x = path.x.to_numpy()
    M = np.array([[1 - lr * lam, -lr * mu], [lam, mu]])
    expected = [(np.linalg.matrix_power(M, t) @ [2.0, 0.0])[0] for t in range(len(x))]
    np.testing.assert_allclose(x, expected, rtol=1e-9, atol=1e-12)
    # the two-term recurrence x_{t+1} = (1 + mu - lr lam) x_t - mu x_{t-1}, from x_1 = (1 - lr lam) x_0
    assert x[1] == pytest.approx((1 - lr * lam) * x[0], rel=1e-12)
    np.testing.assert_allclose(x[2:], (1 + mu - lr * lam) * x[1:-1] - mu * x[:-2], rtol=1e-9, atol=1e-12)


def test_nesterov_on_quadratic_follows_its_matrix():
    lam, lr, mu = 2.0, 0.1, 0.8
    curve = surfaces.Curve("q", lambda x: 0.5 * lam * x * x, lambda x: lam * x, 1.0, (-3.0, 3.0), (0.0,), "q")
    x = descent.trajectory_1d(curve, "nesterov", steps=50, lr=lr, mu=mu).x.to_numpy()
    M = np.array([[1 - lr * lam * (1 + mu), -lr * mu * mu], [lam, mu]])
    expected = [(np.linalg.matrix_power(M, t) @ [1.0, 0.0])[0] for t in range(len(x))]
    np.testing.assert_allclose(x, expected, rtol=1e-9, atol=1e-12)


def test_ravine_coordinates_follow_their_own_closed_forms():
    s = SURFACES["ravine"]
    lx, ly = s.eigenvalues
    x0, y0 = s.start
    lr = 0.07
    path = descent.trajectory(s, "sgd", steps=80, lr=lr)
    t = path.step.to_numpy()
    np.testing.assert_allclose(path.x, (1 - lr * lx) ** t * x0, rtol=1e-12)
    np.testing.assert_allclose(path.y, (1 - lr * ly) ** t * y0, rtol=1e-12, atol=1e-300)
    # the steep coordinate zig-zags (multiplier 1 - 0.07 * 25 < 0), the flat one does not
    assert (np.sign(path.y.to_numpy()[1:20]) != np.sign(path.y.to_numpy()[:19])).all()
    assert (np.diff(path.x.to_numpy()) > 0).all()

    lr, mu = 0.01, 0.9
    mom = descent.trajectory(s, "momentum", steps=80, lr=lr, mu=mu)
    for coord, lam, start in (("x", lx, x0), ("y", ly, y0)):
        M = np.array([[1 - lr * lam, -lr * mu], [lam, mu]])
        expected = [(np.linalg.matrix_power(M, t) @ [start, 0.0])[0] for t in range(len(mom))]
        np.testing.assert_allclose(mom[coord], expected, rtol=1e-9, atol=1e-12)


def test_adaptive_rate_columns_read_the_state():
    s = SURFACES["ravine"]
    lx, ly = s.eigenvalues
    lr, eps = 0.5, 1e-8
    path = descent.trajectory(s, "adagrad", steps=30, lr=lr, eps=eps)
    g = np.column_stack([lx * path.x.to_numpy()[:-1], ly * path.y.to_numpy()[:-1]])  # gradient of each step
    G = np.cumsum(g ** 2, axis=0)
    np.testing.assert_allclose(path[["rate_x", "rate_y"]].to_numpy()[1:], lr / np.sqrt(G + eps), rtol=1e-12)
    assert path[["rate_x", "rate_y"]].iloc[0].isna().all()

    b2 = 0.999
    adam = descent.trajectory(s, "adam", steps=30, lr=lr, beta2=b2, eps=eps)
    g = np.column_stack([lx * adam.x.to_numpy()[:-1], ly * adam.y.to_numpy()[:-1]])
    sq = np.zeros(2)
    for t in range(1, len(adam)):
        sq = b2 * sq + (1 - b2) * g[t - 1] ** 2
        expected = lr / (np.sqrt(sq / (1 - b2 ** t)) + eps)
        np.testing.assert_allclose(adam[["rate_x", "rate_y"]].to_numpy()[t], expected, rtol=1e-10)

    assert descent.trajectory(s, "momentum", steps=5)[["rate_x", "rate_y"]].isna().all().all()


def test_paths_come_from_the_engine_optimizers(monkeypatch):
    """Replace the registered SGD class: the trajectory must step through it."""
    calls = []

    class Spy(optimizers.SGD):
        def step(self, params, grads):
            calls.append(grads[0].copy())
            super().step(params, grads)

    monkeypatch.setitem(optimizers.OPTIMIZERS, "sgd", Spy)
    path = descent.trajectory("ravine", "sgd", steps=12, lr=0.01)
    assert len(calls) == 12
    s = SURFACES["ravine"]
    np.testing.assert_allclose(calls, [s.grad(p) for p in path[["x", "y"]].to_numpy()[:-1]])


# -- blow-ups ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(SURFACES) + list(CURVES))
@pytest.mark.parametrize("lr", [10.0, 100.0])
def test_huge_rates_stop_cleanly(name, lr):
    s = descent.resolve(name)
    lims = [s.xlim, s.ylim] if isinstance(s, surfaces.Surface) else [s.xlim]
    coords = ["x", "y"][: len(lims)]
    for opt in ALL_OPTIMIZERS:
        walk = descent.trajectory if len(lims) == 2 else descent.trajectory_1d
        path = walk(s, opt, steps=500, lr=lr)
        pts = path[coords].to_numpy()
        assert np.isfinite(pts).all()
        for (lo, hi), col in zip(lims, pts.T):
            w = hi - lo
            assert (col >= lo - descent.FAR * w).all() and (col <= hi + descent.FAR * w).all()
        assert (path.status.iloc[:-1] == "ok").all()
        assert path.status.iloc[-1] in descent.STATUSES
        if opt == "sgd" and name not in ("wells",):
            assert path.status.iloc[-1] == "left_window" and len(path) < 501, (name, opt)


def test_overflowing_gradient_is_marked_non_finite():
    boom = surfaces.Surface("boom", lambda x, y: np.exp(800 * x) + y, lambda x, y: (800 * np.exp(800 * x), 1 + 0 * y),
                            (1.0, 0.0), (-2.0, 2.0), (-1.0, 1.0), (), "overflows")
    path = descent.trajectory(boom, "sgd", steps=10, lr=1e-3)
    assert path.status.iloc[-1] == "non_finite"
    assert len(path) == 1 and np.isfinite(path[["x", "y"]].to_numpy()).all()


def test_saddle_path_escapes_along_y():
    path = descent.trajectory("saddle", "sgd", steps=500)
    assert path.status.iloc[-1] == "left_window"
    y = path.y.to_numpy()
    assert (np.abs(np.diff(np.abs(y))) > 0).all() and abs(y[-1]) > 3.0
    assert abs(path.x.iloc[-1]) < 0.01  # it first slid to the saddle point along x


# -- what the lab shows -------------------------------------------------------------------------------------
def nearest(path, s):
    end = path[["x", "y"] if isinstance(s, surfaces.Surface) else ["x"]].to_numpy()[-1]
    minima = np.array(s.minima, dtype=float).reshape(len(s.minima), -1)
    d = np.linalg.norm(minima - end, axis=1)
    assert d.min() < 1e-3
    return int(d.argmin())


def test_momentum_rolls_through_the_local_minimum():
    c = CURVES["two_minima"]
    assert nearest(descent.trajectory_1d(c, "sgd", 500), c) == 1  # the local one
    assert nearest(descent.trajectory_1d(c, "momentum", 500, mu=0.9), c) == 0  # the global one
    s = SURFACES["wells"]
    assert nearest(descent.trajectory(s, "sgd", 500), s) == 1  # the shallow well
    assert nearest(descent.trajectory(s, "momentum", 500, mu=0.9), s) == 0  # the deep well


def test_race_and_summary():
    r = descent.race("ravine", steps=100)
    assert list(r.columns[:2]) == ["optimizer", "label"]
    assert list(r.optimizer.unique()) == ALL_OPTIMIZERS
    assert r.groupby("label").step.max().eq(100).all()
    specs = [{"optimizer": "momentum", "lr": 0.02, "mu": 0.9}, {"optimizer": "momentum", "lr": 0.02, "mu": 0.9},
             {"optimizer": "sgd", "label": "plain"}, {"optimizer": "adam", "lr": 0.1, "beta1": 0.5}]
    r = descent.race("ravine", specs, steps=20)
    assert list(r.label.unique()) == ["momentum lr=0.02 mu=0.9", "momentum lr=0.02 mu=0.9 (2)", "plain",
                                      "adam lr=0.1 beta1=0.5"]
    first = r[r.label == "momentum lr=0.02 mu=0.9"].drop(columns="label").reset_index(drop=True)
    second = r[r.label == "momentum lr=0.02 mu=0.9 (2)"].drop(columns="label").reset_index(drop=True)
    pd.testing.assert_frame_equal(first, second)
    summary = descent.summary(descent.race("ravine", steps=500), "ravine")
    assert list(summary.label) == [f"{o} lr={SURFACES['ravine'].lr(o):g}" for o in ALL_OPTIMIZERS]
    assert (summary.distance < 0.05).all() and (summary.steps == 500).all()
    one_d = descent.race("two_minima", [{"optimizer": "sgd"}, {"optimizer": "momentum"}], steps=300)
    assert list(one_d.columns) == ["optimizer", "label", "step", "x", "f", "grad", "rate", "status"]
    one_d_summary = descent.summary(one_d, "two_minima")
    assert list(one_d_summary.nearest_minimum) == [1, 0]
    assert list(one_d_summary.global_minimum) == [False, True]  # gradient descent stops in the local minimum
    assert summary.global_minimum.all()  # the ravine's single minimum is global
    wells = descent.summary(descent.race("wells", steps=300), "wells").set_index("optimizer")
    assert not wells.loc["sgd", "global_minimum"] and wells.loc["momentum", "global_minimum"]
    himmelblau = descent.summary(descent.race("himmelblau", steps=300), "himmelblau")
    assert himmelblau.global_minimum[himmelblau.distance < 1e-3].all()  # four equally deep minima: all global
    saddle = descent.summary(descent.race("saddle", steps=50), "saddle")
    assert not saddle.global_minimum.any() and (saddle.nearest_minimum == -1).all()
    with pytest.raises(ValueError):
        descent.race("ravine", [{"optimizer": "lbfgs"}])
    with pytest.raises(ValueError):
        descent.race("ravine", [{"lr": 0.1}])
    with pytest.raises(ValueError):
        descent.race("ravine", [{"optimizer": "sgd"}] * (descent.MAX_RACE + 1))
    with pytest.raises(ValueError):
        descent.race("ravine", [{"optimizer": "sgd", "momentum": 0.9}])


def test_argument_checks():
    for bad in (0, descent.MAX_STEPS + 1, 2.0):
        with pytest.raises(ValueError):
            descent.trajectory("ravine", "sgd", steps=bad)
    with pytest.raises(ValueError):
        descent.trajectory("ravine", "sgd", start=(1.0, 2.0, 3.0))
    with pytest.raises(ValueError):
        descent.trajectory("ravine", "sgd", start=(np.nan, 0.0))
    with pytest.raises(ValueError):
        descent.trajectory("ravine", "sgd", lr=-1.0)
    with pytest.raises(ValueError):
        descent.trajectory("everest", "sgd")
    with pytest.raises(ValueError):
        descent.momentum_weights(1.0)


# -- momentum as a moving average ----------------------------------------------------------------------
@pytest.mark.parametrize("mu", [0.5, 0.9, 0.99])
def test_momentum_weights(mu):
    w = descent.momentum_weights(mu, 2000)
    np.testing.assert_allclose(w.weight, mu ** w.k.to_numpy(), rtol=1e-12)
    window = descent.effective_window(mu)
    assert window == pytest.approx(1 / (1 - mu))
    assert w.in_window.sum() == math.ceil(window)
    np.testing.assert_allclose(w.cumulative.iloc[-1], 1 - mu ** 2000)
    if mu >= 0.9:  # the window holds about 1 - 1/e of the total weight
        assert w.cumulative[w.in_window].iloc[-1] == pytest.approx(1 - math.exp(-1), abs=0.03)


def test_velocity_is_the_optimizers_moving_sum():
    mu = 0.8
    frame = descent.velocity_on_noisy_gradients(mu, 100, seed=3)
    v, expected = 0.0, []
    for g in frame.gradient:
        v = mu * v + g
        expected.append(v)
    np.testing.assert_allclose(frame.velocity, expected, rtol=1e-12)
    np.testing.assert_allclose(frame.average, (1 - mu) * frame.velocity)
    const = descent.velocity_on_noisy_gradients(0.9, 300, gradients=np.full(300, 2.0))
    assert const.average.iloc[-1] == pytest.approx(2.0, rel=1e-10)  # v -> g / (1 - mu)
    assert const.signal.isna().all()


def test_moving_average_smooths_noise():
    mu, noise = 0.9, 1.0
    frame = descent.velocity_on_noisy_gradients(mu, 5000, rng=np.random.default_rng(7), noise=noise)
    frame = frame.iloc[100:]
    ratio = (frame.average - frame.signal).std() / (frame.gradient - frame.signal).std()
    assert ratio == pytest.approx(math.sqrt((1 - mu) / (1 + mu)), rel=0.2)


def test_randomness_comes_from_the_seed_or_generator():
    a = descent.velocity_on_noisy_gradients(0.9, 50, seed=1)
    b = descent.velocity_on_noisy_gradients(0.9, 50, seed=1)
    c = descent.velocity_on_noisy_gradients(0.9, 50, seed=2)
    d = descent.velocity_on_noisy_gradients(0.9, 50, rng=np.random.default_rng(1))
    pd.testing.assert_frame_equal(a, b)
    assert not a.gradient.equals(c.gradient)
    pd.testing.assert_frame_equal(a, d)
    pd.testing.assert_frame_equal(descent.adaptive_rates(50, seed=4), descent.adaptive_rates(50, seed=4))


def test_adagrad_rate_collapses_rmsprop_rate_does_not():
    lr, eps = 0.1, 1e-8
    frame = descent.adaptive_rates(1000, lr=lr, eps=eps, seed=0)
    ada = frame[frame.optimizer == "adagrad"].reset_index(drop=True)
    rms = frame[frame.optimizer == "rmsprop"].reset_index(drop=True)
    np.testing.assert_allclose(ada.G, np.cumsum(ada.gradient ** 2), rtol=1e-12)
    np.testing.assert_allclose(ada.rate, lr / np.sqrt(ada.G + eps))
    assert (np.diff(ada.rate) <= 0).all()  # never grows
    assert ada.rate.iloc[-1] < ada.rate.iloc[9] / 5  # ~ 1 / sqrt(t): 10 -> 1000 steps is 10x
    assert rms.rate.iloc[-1] == pytest.approx(rms.rate.iloc[99], rel=0.5)  # levels off
    assert rms.rate.iloc[-1] > 10 * ada.rate.iloc[-1]
    given = descent.adaptive_rates(gradients=[1.0, 1.0, 1.0, 1.0], lr=1.0, eps=0.0)
    np.testing.assert_allclose(given[given.optimizer == "adagrad"].rate, 1 / np.sqrt([1, 2, 3, 4]))


def test_registered_functions_pickle_and_hash():
    import pickle

    for s in list(SURFACES.values()) + list(CURVES.values()):
        back = pickle.loads(pickle.dumps(s))
        assert back.name == s.name and back.value(np.ones(2) if isinstance(s, surfaces.Surface) else 0.7) == \
            s.value(np.ones(2) if isinstance(s, surfaces.Surface) else 0.7)
        hash(s)


# -- how noisy a loss curve is -------------------------------------------------------------------------
def test_roughness_is_zero_on_smooth_curves_and_grows_with_noise():
    t = np.arange(1, 60)
    smooth = 0.7 * np.exp(-0.05 * t)  # a straight line on a log scale: every point on its neighbours' chord
    assert descent.roughness(smooth) == pytest.approx(0.0, abs=1e-9)
    rng = np.random.default_rng(0)
    noisy = [descent.roughness(smooth * 10 ** (s * rng.standard_normal(t.size))) for s in (0.01, 0.03, 0.1)]
    assert noisy[0] < noisy[1] < noisy[2]
    # one point 10 % off a smooth curve: r = log10(1.1) there and half of it (opposite sign) at both neighbours
    bumped = smooth.copy()
    bumped[30] *= 1.1
    r = math.log10(1.1)
    expected = 100 * (10 ** math.sqrt((r * r + 2 * (r / 2) ** 2) / (t.size - 2)) - 1)
    assert descent.roughness(bumped) == pytest.approx(expected, rel=1e-9)


def test_roughness_and_rise_share_ignore_what_cannot_be_drawn():
    assert math.isnan(descent.roughness([1.0, 0.5]))
    assert math.isnan(descent.roughness([1.0, np.nan, -1.0, 0.5]))
    assert descent.roughness([1.0, np.inf, 0.5, 0.25]) == pytest.approx(0.0, abs=1e-9)
    assert descent.rise_share([3.0, 2.0, 2.5, 1.0, 1.0]) == 0.25
    assert descent.rise_share([1.0, np.nan, 2.0]) == 1.0
    assert math.isnan(descent.rise_share([1.0]))
