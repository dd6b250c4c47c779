"""Backprop against centred finite differences, for every activation and output/loss pair."""

import numpy as np
import pytest

from nncore import activations, losses
from nncore.gradcheck import norm_rel_error, numerical_gradient, rel_error
from nncore.network import Network

PAIRS = sorted(losses.OUTPUT_LOSSES)  # (output, loss)


def _problem(output, n_out=1, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(7, 3))
    if output == "softmax":
        y = rng.integers(0, n_out, size=7)
    elif output == "linear":
        y = rng.normal(1.0, 1.0, size=7)
    else:
        y = rng.integers(0, 2, size=7)
    return X, y


def _net(activation, output, loss, l2, dropout=0.0, seed=1):
    n_out = 3 if output == "softmax" else 1
    net = Network((3, 5, 4, n_out), activation, 0.1, output, loss, l2, dropout)
    rng = np.random.default_rng(seed)
    net.theta[...] = rng.normal(0, 0.7, size=net.theta.size)
    return net, n_out


@pytest.mark.parametrize("activation", sorted(activations.ACTIVATIONS))
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: "+".join(p))
@pytest.mark.parametrize("l2", [0.0, 0.3])
def test_backprop_matches_finite_differences(activation, pair, l2):
    output, loss = pair
    net, n_out = _net(activation, output, loss, l2)
    X, y = _problem(output, n_out)
    if loss == "mse":
        y = np.random.default_rng(2).normal(1.0, 1.0, size=7)
    _, grads = net.loss_and_grads(X, y)
    for p, g in zip(net.params, grads):
        num = numerical_gradient(lambda: net.loss_and_grads(X, y)[0], p)
        assert norm_rel_error(g, num) < 1e-6, (activation, pair, l2)
        assert rel_error(g, num) < 1e-5


def test_dropout_backprop_matches_finite_differences_with_a_fixed_mask():
    net, _ = _net("tanh", "sigmoid", "bce", 0.1, dropout=0.4)
    X, y = _problem("sigmoid")
    Y = net.targets(y)

    def loss():  # the same masks on every call: a fresh Generator with one seed
        return net.step_grad(X, Y, rng=np.random.default_rng(7))

    loss()
    analytic = net.grad.copy()
    num = numerical_gradient(loss, net.theta)
    assert norm_rel_error(analytic, num) < 1e-6


def test_l2_is_part_of_the_loss_and_its_gradient():
    net, _ = _net("relu", "sigmoid", "bce", 0.0)
    X, y = _problem("sigmoid")
    base, g0 = net.loss_and_grads(X, y)
    net.l2 = 0.5
    with_l2, g1 = net.loss_and_grads(X, y)
    w2 = sum(float((W ** 2).sum()) for W in net.weights)
    assert with_l2 == pytest.approx(base + 0.25 * w2)
    for i, (a, b) in enumerate(zip(g0, g1)):
        expected = a + 0.5 * net.params[i] if i % 2 == 0 else a  # weights only, not biases
        np.testing.assert_allclose(b, expected)


def test_leaky_relu_has_the_configured_slope():
    act = activations.get("leaky_relu", leaky_slope=0.2)
    z = np.array([-2.0, 3.0])
    np.testing.assert_allclose(act.fn(z), [-0.4, 3.0])
    np.testing.assert_allclose(act.grad(z, act.fn(z)), [0.2, 1.0])


def test_sigmoid_is_stable_for_huge_inputs():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = activations.sigmoid(np.array([-1e4, 0.0, 1e4]))
    np.testing.assert_allclose(out, [0.0, 0.5, 1.0])


def test_losses_are_stable_for_huge_logits():
    z = np.array([[1e4], [-1e4]])
    y = np.array([[0.0], [1.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value, delta = losses.OUTPUT_LOSSES[("sigmoid", "bce")].loss_and_delta(z, y)
    assert value == pytest.approx(1e4)
    np.testing.assert_allclose(delta, [[0.5], [-0.5]])
