"""Loss-landscape slices (nncore.landscape): exact at the trained point, equal to a
naive recomputation everywhere, convex without a hidden layer and not with one.

Every warning is an error here.
"""

import numpy as np
import pandas as pd
import pytest

from nncore import BudgetError, Config, build, features, landscape, train

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def run():
    """The default net of the app (moons, 16-16 ReLU, Adam)."""
    return train(Config())


@pytest.fixture(scope="module")
def run_l2():
    return train(Config(hidden=(8, 6), activation="tanh", l2=0.05, epochs=40, dropout=0.2, seed=3))


def naive_loss(net64, X, y, theta):
    """Data loss + L2 penalty of one parameter vector, the slow obvious way."""
    net = net64.copy().set_params(theta)
    return net.data_loss(X, y) + net.penalty()


def data_of(run):
    return features.transform(run.data[0], run.config.features), run.data[1]


def weight_index(net, layer, row, col):
    """Position of W_layer[row, col] in the flat theta (layer 1-based)."""
    W = net.weights[layer - 1]
    return int(net.w_offsets[layer - 1]) + row * W.shape[1] + col


# -- exact at the trained point -------------------------------------------------------------------------
def test_sweep_at_trained_value_equals_trained_loss(run):
    df = landscape.sweep_1d(run)  # the lecture's W[0, 5] of the first layer, -4..4, 100 points
    assert list(df.columns) == ["value", "loss", "data_loss", "penalty", "trained"]
    assert len(df) == 101 and df.trained.sum() == 1
    assert (np.diff(df.value) >= 0).all() and df.value.min() == -4.0 and df.value.max() == 4.0
    row = df[df.trained].iloc[0]
    assert row.value == float(run.network.weights[0][0, 5])
    # the run's own (float32) record of its final training loss ...
    assert row.loss == pytest.approx(run.history.train_loss.iloc[-1], rel=1e-5)
    # ... and the float64 recomputation, exactly
    pb = landscape.problem(run)
    assert row.loss == pytest.approx(pb.net.data_loss(*data_of(run)) + pb.net.penalty(), rel=1e-12)


def test_trained_loss_includes_the_l2_penalty(run_l2):
    df = landscape.sweep_1d(run_l2, layer=2, row=3, col=1, points=21)
    row = df[df.trained].iloc[0]
    pb = landscape.problem(run_l2)
    assert row.penalty == pytest.approx(pb.net.penalty(), rel=1e-12) and row.penalty > 0.01
    assert row.loss == pytest.approx(run_l2.history.train_loss.iloc[-1] + pb.net.penalty(), rel=1e-5)
    # the penalty follows the swept weight: 0.5 l2 (|w|^2 - w0^2 + v^2)
    w = pb.net.theta[: pb.net.n_weights]
    w0 = row.value
    np.testing.assert_allclose(df.penalty, 0.5 * 0.05 * (w @ w - w0 ** 2 + df.value ** 2), rtol=1e-12)


def test_snapshot_epoch(run):
    epoch = run.snapshot_epochs[3]
    df = landscape.sweep_1d(run, 2, 4, 7, points=11, epoch=epoch)
    hist = run.history.set_index("epoch").train_loss
    assert df[df.trained].loss.iloc[0] == pytest.approx(hist[epoch], rel=1e-5)


# -- the stacked computation equals the naive one ----------------------------------------------------------
@pytest.mark.parametrize("which,layer,row,col", [("run", 1, 0, 5), ("run", 2, 15, 3), ("run", 3, 7, 0),
                                                   ("run_l2", 1, 1, 7), ("run_l2", 2, 5, 3), ("run_l2", 3, 2, 0)])
def test_sweep_1d_equals_naive_recomputation(request, which, layer, row, col):
    r = request.getfixturevalue(which)
    pb = landscape.problem(r)
    X, y = data_of(r)
    df = landscape.sweep_1d(r, layer, row, col, lo=-3.0, hi=2.5, points=17)
    i = weight_index(pb.net, layer, row, col)
    for k in (0, 5, 11, len(df) - 1):
        theta = pb.net.theta.copy()
        theta[i] = df.value.iloc[k]
        assert df.loss.iloc[k] == pytest.approx(naive_loss(pb.net, X, y, theta), rel=1e-10)


@pytest.mark.parametrize("first,second", [((1, 0, 5), (1, 1, 2)), ((1, 1, 3), (2, 4, 9)), ((3, 2, 0), (2, 0, 1))])
def test_sweep_2d_equals_naive_recomputation(run, first, second):
    pb = landscape.problem(run)
    X, y = data_of(run)
    df = landscape.sweep_2d(run, first, second, span=1.5, points=9)
    assert len(df) == 81 and df.trained.sum() == 1
    t = df[df.trained].iloc[0]
    assert (t.a, t.b) == (pb.net.weights[first[0] - 1][first[1:]], pb.net.weights[second[0] - 1][second[1:]])
    assert t.loss == pytest.approx(run.history.train_loss.iloc[-1], rel=1e-5)
    i, j = weight_index(pb.net, *first), weight_index(pb.net, *second)
    for k in (0, 13, 40, 77, 80):
        theta = pb.net.theta.copy()
        theta[i], theta[j] = df.a.iloc[k], df.b.iloc[k]
        assert df.loss.iloc[k] == pytest.approx(naive_loss(pb.net, X, y, theta), rel=1e-10)


@pytest.mark.parametrize("norm", landscape.NORMS)
def test_random_directions_equal_naive_recomputation(run_l2, norm):
    pb = landscape.problem(run_l2)
    X, y = data_of(run_l2)
    df = landscape.random_directions_2d(run_l2, span=0.8, points=7, seed=11, norm=norm)
    assert list(df.columns) == ["a", "b", "loss", "data_loss", "penalty", "trained"]
    t = df[df.trained].iloc[0]
    assert (t.a, t.b) == (0.0, 0.0)
    assert t.loss == pytest.approx(run_l2.history.train_loss.iloc[-1] + pb.net.penalty(), rel=1e-5)
    rng = np.random.default_rng(11)
    d1, d2 = landscape.directions(pb.net, rng, norm), landscape.directions(pb.net, rng, norm)
    flat = [np.concatenate([d.ravel() for d in ds] + [np.zeros(pb.net.n_params - pb.net.n_weights)])
            for ds in (d1, d2)]
    for k in (0, 10, 24, 33, 48):
        theta = pb.net.theta + df.a.iloc[k] * flat[0] + df.b.iloc[k] * flat[1]
        assert df.loss.iloc[k] == pytest.approx(naive_loss(pb.net, X, y, theta), rel=1e-10)


def test_directions_are_normalised_like_the_weights(run):
    net = landscape.problem(run).net
    for W, D in zip(net.weights, landscape.directions(net, np.random.default_rng(0), "filter")):
        np.testing.assert_allclose(np.linalg.norm(D, axis=0), np.linalg.norm(W, axis=0), rtol=1e-12)
    for W, D in zip(net.weights, landscape.directions(net, np.random.default_rng(0), "layer")):
        assert np.linalg.norm(D) == pytest.approx(np.linalg.norm(W), rel=1e-12)
        if W.shape[1] > 1:  # with several units, per-layer scaling does not match each unit
            assert np.linalg.norm(D, axis=0) != pytest.approx(np.linalg.norm(W, axis=0), rel=1e-3)
    with pytest.raises(ValueError):
        landscape.directions(net, np.random.default_rng(0), "global")


def test_random_directions_randomness(run):
    a = landscape.random_directions_2d(run, points=5, seed=1)
    pd.testing.assert_frame_equal(a, landscape.random_directions_2d(run, points=5, seed=1))
    pd.testing.assert_frame_equal(a, landscape.random_directions_2d(run, points=5, rng=np.random.default_rng(1)))
    assert not a.loss.equals(landscape.random_directions_2d(run, points=5, seed=2).loss)


def test_tuple_source_equals_run_source(run):
    X, y = data_of(run)
    pd.testing.assert_frame_equal(landscape.sweep_1d(run, points=9), landscape.sweep_1d((run.network, X, y), points=9))


# -- convexity ------------------------------------------------------------------------------------------------
LOGISTIC = [Config(hidden=(), dataset=d, seed=s, epochs=60, l2=l2)
            for d, s, l2 in [("moons", 0, 0.0), ("moons", 1, 0.1), ("circles", 2, 0.0), ("blobs", 0, 0.0),
                             ("blobs", 3, 0.01), ("xor", 4, 0.0)]]
LOGISTIC.append(Config(hidden=(), dataset="circles", features=("x1^2", "x2^2", "x1*x2"), seed=5, epochs=60))


@pytest.mark.parametrize("config", LOGISTIC, ids=lambda c: f"{c.dataset}-{c.seed}-l2={c.l2:g}")
def test_no_hidden_layer_slices_are_convex(config):
    r = train(config)
    net = r.network
    assert net.n_layers == 1
    for row in range(net.weights[0].shape[0]):
        for col in range(net.weights[0].shape[1]):
            df = landscape.sweep_1d(r, 1, row, col)
            d = landscape.second_differences(df.value, df.loss)
            assert d.min() >= -landscape.curvature_noise(df.value, df.loss), (row, col, d.min())
    assert landscape.convexity_scan(r, points=101).convex.all()
    # a plane through the trained weights: convex along both axes
    grid = landscape.random_directions_2d(r, span=3.0, points=21, seed=config.seed)
    Z = grid.loss.to_numpy().reshape(21, 21)  # rows: b, columns: a
    axis = np.unique(grid.a)
    noise = landscape.curvature_noise(axis, Z)
    assert min(landscape.second_differences(axis, z).min() for z in Z) >= -noise
    assert min(landscape.second_differences(axis, z).min() for z in Z.T) >= -noise


def test_hidden_layers_make_slices_non_convex(run):
    scan = landscape.convexity_scan(run, layer=1)
    assert len(scan) == 32 and not scan.convex.all()
    worst = scan.loc[scan.min_curvature.idxmin()]
    df = landscape.sweep_1d(run, 1, int(worst.row), int(worst.col))
    d = landscape.second_differences(df.value, df.loss)
    noise = landscape.curvature_noise(df.value, df.loss)
    assert d.min() < -1e6 * noise and d.min() < -0.1  # clearly beyond float noise
    # the lecture's own weight, W[0, 5] of the first layer, bends downward somewhere too
    lecture = landscape.sweep_1d(run)
    assert landscape.second_differences(lecture.value, lecture.loss).min() < -0.01


def test_second_differences_handle_uneven_spacing():
    x = np.array([0.0, 0.5, 0.6, 2.0, 3.0])
    np.testing.assert_allclose(landscape.second_differences(x, 3 * x ** 2 + x), 6.0)
    np.testing.assert_allclose(landscape.second_differences(x, -(x ** 2)), -2.0)


# -- limits and errors ----------------------------------------------------------------------------------------------
def test_points_are_bounded(run):
    with pytest.raises(ValueError):
        landscape.sweep_1d(run, points=landscape.MAX_POINTS_1D + 1)
    with pytest.raises(ValueError):
        landscape.sweep_1d(run, points=2)
    with pytest.raises(ValueError):
        landscape.random_directions_2d(run, points=landscape.MAX_POINTS_2D + 2)
    with pytest.raises(ValueError, match="odd"):
        landscape.random_directions_2d(run, points=30)
    with pytest.raises(ValueError):
        landscape.sweep_2d(run, points=63)
    assert len(landscape.sweep_1d(run, points=landscape.MAX_POINTS_1D)) == landscape.MAX_POINTS_1D + 1


def test_cost_is_bounded_before_any_work():
    cfg = Config(hidden=(256, 256, 256), n_samples=5000)
    net = build(cfg)
    X = np.random.default_rng(0).normal(size=(3500, 2))
    y = (X[:, 0] > 0).astype(int)
    with pytest.raises(BudgetError):
        landscape.random_directions_2d((net, X, y), points=61)
    with pytest.raises(BudgetError):
        landscape.convexity_scan((net, X, y), layer=2)
    # the same request on a small set is fine
    assert len(landscape.sweep_1d((net, X[:50], y[:50]), 3, 0, 0, points=5)) == 6


def test_bad_weights_are_refused(run):
    for entry in [(0, 0, 0), (4, 0, 0), (1, 2, 0), (1, 0, 16), (1, -1, 0), (1, 0.0, 1), (1, True, 1)]:
        with pytest.raises(ValueError):
            landscape.sweep_1d(run, *entry)
    with pytest.raises(ValueError):
        landscape.sweep_2d(run, (1, 0, 5), (1, 0, 5))
    with pytest.raises(ValueError):
        landscape.sweep_1d(run, lo=2.0, hi=1.0)
    with pytest.raises(ValueError):
        landscape.sweep_1d(run, hi=np.inf)
    with pytest.raises(ValueError):
        landscape.sweep_1d("run")


def test_diverged_weights_are_refused():
    net = build(Config())
    net.theta[3] = np.nan
    with pytest.raises(ValueError, match="diverged"):
        landscape.sweep_1d((net, np.zeros((4, 2)), np.zeros(4)))


def test_layer_shapes(run):
    shapes = landscape.layer_shapes(run)
    assert shapes.to_dict("list") == {"layer": [1, 2, 3], "name": ["hidden 1", "hidden 2", "output"],
                                      "rows": [2, 16, 16], "cols": [16, 16, 1]}
