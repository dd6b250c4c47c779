"""Each optimizer's first three steps against values worked out by hand.

Parameters start at p0 = [1.0, -2.0]; the gradients of the three steps are
fixed: g1 = [0.5, -1.0], g2 = [0.25, 0.5], g3 = [-0.5, 1.0]; lr = 0.1.
The expected values were computed with pencil-and-paper arithmetic, step by
step, from the update rules in the issue (states start at 0, t from 1).
"""

import math

import numpy as np
import pytest

from nncore import optimizers, schedules

G = [np.array([0.5, -1.0]), np.array([0.25, 0.5]), np.array([-0.5, 1.0])]


def run3(name, **hyper):
    p = np.array([1.0, -2.0])
    opt = optimizers.make(name, lr=0.1, **hyper)
    out = []
    for g in G:
        opt.step([p], [g.copy()])
        out.append(p.copy())
    return out


def test_sgd():
    # p - 0.1 g: [0.95, -1.9], [0.925, -1.95], [0.975, -2.05]
    np.testing.assert_allclose(run3("sgd"), [[0.95, -1.9], [0.925, -1.95], [0.975, -2.05]])


def test_momentum_lecture_form():
    # mu = 0.5. v1 = g1 = [0.5, -1]            p1 = [0.95, -1.9]
    #           v2 = 0.5 v1 + g2 = [0.5, 0]     p2 = [0.90, -1.9]
    #           v3 = 0.5 v2 + g3 = [-0.25, 1]   p3 = [0.925, -2.0]
    np.testing.assert_allclose(run3("momentum", mu=0.5), [[0.95, -1.9], [0.90, -1.9], [0.925, -2.0]])


def test_nesterov():
    # mu = 0.5. v1 = [0.5, -1];  step g1 + 0.5 v1 = [0.75, -1.5]   p1 = [0.925, -1.85]
    #           v2 = [0.5, 0];   step g2 + 0.5 v2 = [0.5, 0.5]     p2 = [0.875, -1.9]
    #           v3 = [-0.25, 1]; step g3 + 0.5 v3 = [-0.625, 1.5]  p3 = [0.9375, -2.05]
    np.testing.assert_allclose(run3("nesterov", mu=0.5), [[0.925, -1.85], [0.875, -1.9], [0.9375, -2.05]])


def test_adagrad_lecture_form():
    # eps = 0. G1 = [0.25, 1]; step = g1/sqrt(G1) = [1, -1]              p1 = [0.9, -1.9]
    #          G2 = [0.3125, 1.25]; step = [0.25/0.559017, 0.5/1.118034]  p2 = [0.855279, -1.944721]
    #          G3 = [0.5625, 2.25]; step = [-0.5/0.75, 1/1.5]             p3 = [0.921946, -2.011388]
    out = run3("adagrad", eps=0.0)
    np.testing.assert_allclose(out[0], [0.9, -1.9])
    np.testing.assert_allclose(out[1], [0.9 - 0.1 * 0.25 / math.sqrt(0.3125), -1.9 - 0.1 * 0.5 / math.sqrt(1.25)])
    np.testing.assert_allclose(out[1], [0.855279, -1.944721], atol=1e-6)
    np.testing.assert_allclose(out[2], [0.921946, -2.011388], atol=1e-6)


def test_adagrad_effective_rate_shrinks():
    p = np.array([0.0])
    opt = optimizers.make("adagrad", lr=1.0, eps=0.0)
    moves = []
    for _ in range(4):
        before = p.copy()
        opt.step([p], [np.array([1.0])])
        moves.append(float(before[0] - p[0]))
    np.testing.assert_allclose(moves, [1.0, 1 / math.sqrt(2), 1 / math.sqrt(3), 0.5])


def test_rmsprop():
    # rho = 0.5, eps = 0.  G1 = 0.5 g1^2 = [0.125, 0.5]; step = g1/sqrt(G1) = [1.414214, -1.414214]
    #   p1 = [0.858579, -1.858579]
    # G2 = 0.5 G1 + 0.5 g2^2 = [0.09375, 0.375]; step = [0.816497, 0.816497]  p2 = [0.776929, -1.940228]
    # G3 = [0.171875, 0.6875]; step = [-1.206045, 1.206045]                   p3 = [0.897533, -2.060833]
    out = run3("rmsprop", rho=0.5, eps=0.0)
    np.testing.assert_allclose(out, [[0.858579, -1.858579], [0.776929, -1.940228], [0.897533, -2.060833]],
                               atol=1e-6)


def test_adam():
    # beta1 = 0.5, beta2 = 0.75, eps = 0.
    # t=1: m = [0.25, -0.5], s = [0.0625, 0.25]; m_hat = [0.5, -1], s_hat = [0.25, 1]
    #      step = m_hat/sqrt(s_hat) = [1, -1]                            p1 = [0.9, -1.9]
    # t=2: m = [0.25, 0], s = [0.0625, 0.25]; m_hat = m/0.75 = [1/3, 0]; s_hat = s/0.4375 = [1/7, 4/7]
    #      step = [(1/3)/sqrt(1/7), 0] = [0.881917, 0]                    p2 = [0.811808, -1.9]
    # t=3: m = [-0.125, 0.5], s = [0.109375, 0.4375]; m_hat = m/0.875 = [-0.142857, 0.571429];
    #      s_hat = s/0.578125 = [0.189189, 0.756757]; sqrt = [0.434959, 0.869918]
    #      step = [-0.328437, 0.656874]                                   p3 = [0.844652, -1.965687]
    out = run3("adam", beta1=0.5, beta2=0.75, eps=0.0)
    np.testing.assert_allclose(out[0], [0.9, -1.9])
    np.testing.assert_allclose(out[1], [0.811808, -1.9], atol=1e-6)
    m_hat = np.array([-0.125, 0.5]) / 0.875
    s_hat = np.array([0.109375, 0.4375]) / 0.578125
    np.testing.assert_allclose(out[2], out[1] - 0.1 * m_hat / np.sqrt(s_hat))
    np.testing.assert_allclose(out[2], [0.844652, -1.965687], atol=1e-6)


def test_adam_first_step_moves_every_coordinate_by_lr():
    # bias correction: after one step m_hat = g and s_hat = g^2, so the step is lr * sign(g)
    p = np.array([3.0, 3.0, 3.0])
    optimizers.make("adam", lr=0.01, eps=0.0).step([p], [np.array([1e-6, 5.0, -2.0])])
    np.testing.assert_allclose(p, [2.99, 2.99, 3.01])


@pytest.mark.parametrize("name", sorted(optimizers.OPTIMIZERS))
def test_list_and_flat_updates_agree(name):
    # The training loop updates one flat vector; the public API a list of arrays.
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(3, 2)), rng.normal(size=4)
    flat = np.concatenate([a.ravel(), b])
    opt_list, opt_flat = optimizers.make(name, lr=0.05), optimizers.make(name, lr=0.05)
    for _ in range(5):
        ga, gb = rng.normal(size=(3, 2)), rng.normal(size=4)
        opt_list.step([a, b], [ga, gb])
        opt_flat.step([flat], [np.concatenate([ga.ravel(), gb])])
    np.testing.assert_allclose(np.concatenate([a.ravel(), b]), flat, rtol=1e-12)


def test_make_rejects_unknown_names():
    with pytest.raises(ValueError, match="optimizer must be one of"):
        optimizers.make("adamw")
    with pytest.raises(ValueError, match="unknown optimizer hyperparameter"):
        optimizers.make("sgd", momentum=0.9)
    with pytest.raises(ValueError, match="lr must be"):
        optimizers.make("sgd", lr=float("nan"))


@pytest.mark.parametrize("name", sorted(optimizers.OPTIMIZERS))
def test_every_optimizer_descends_a_quadratic(name):
    p = np.array([3.0, -2.0])
    opt = optimizers.make(name, lr=1.0 if name == "adagrad" else 0.1)
    for _ in range(300):
        opt.step([p], [p.copy()])  # f = |p|^2 / 2, gradient p
    assert np.linalg.norm(p) < 0.5


# -- schedules ----------------------------------------------------------------

def test_schedules_by_hand():
    lr0, r, k = 0.8, 0.5, 10
    assert schedules.constant(37, lr0, r, k) == 0.8
    assert [schedules.step(e, lr0, r, k) for e in (0, 9, 10, 19, 20)] == [0.8, 0.8, 0.4, 0.4, 0.2]
    assert schedules.exponential(0, lr0, r, k) == 0.8
    assert schedules.exponential(10, lr0, r, k) == pytest.approx(0.4)
    assert schedules.exponential(5, lr0, r, k) == pytest.approx(0.8 / math.sqrt(2))
    # 1/t: lr0 / (1 + (1/r - 1) e / k): at e = k halved, at e = 2k a third
    assert schedules.inverse_time(10, lr0, r, k) == pytest.approx(0.4)
    assert schedules.inverse_time(20, lr0, r, k) == pytest.approx(0.8 / 3)


@pytest.mark.parametrize("name", ["step", "exponential", "inverse_time"])
def test_decays_never_increase_and_all_reach_r_after_k(name):
    rates = schedules.rates(name, 200, 1.0, 0.3, 25)
    assert rates[0] == 1.0
    assert all(b <= a for a, b in zip(rates, rates[1:]))
    assert rates[25] == pytest.approx(0.3)


def test_rates_rejects_unknown_schedule():
    with pytest.raises(ValueError, match="schedule must be one of"):
        schedules.rates("cosine", 10, 0.1)
