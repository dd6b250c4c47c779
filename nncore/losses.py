"""Output units paired with their losses.

A network ends in a linear layer whose outputs ``z`` (the logits) go through
an output unit and a loss.  Each pair is computed from ``z`` directly, which is
both numerically stable (no log of a probability that rounded to 0) and cheap:
for the natural pairs the gradient with respect to ``z`` is simply
``prediction - target``.

``OUTPUT_LOSSES`` maps (output, loss) to an :class:`OutputLoss`.  Targets are
always 2-D floats: a column for binary labels and regression values, one-hot
rows for multi-class labels (see :func:`targets`).

The pair ("sigmoid", "mse") exists on purpose: on a regression set whose
targets exceed 1 it can never fit, which is the lecture's "impossible output
range" cause of underfitting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .activations import sigmoid


@dataclass(frozen=True)
class OutputLoss:
    output: str
    loss: str
    predict: Callable[[np.ndarray], np.ndarray]  # z -> prediction (probabilities or values)
    loss_and_delta: Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]]  # mean loss, dL/dz
    value: Callable[[np.ndarray, np.ndarray], float]  # mean loss only (no gradient work)
    delta: Callable[[np.ndarray, np.ndarray], np.ndarray]  # dL/dz only (no loss value)


def _softplus(z):
    # log(1 + exp(z)) without overflow
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def _bce_value(z, y):
    return float((_softplus(z) - z * y).sum()) / z.size


def _bce_delta(z, y):
    delta = sigmoid(z)
    delta -= y
    delta /= z.shape[0]
    return delta


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)
    return e


def _ce_value(z, y):
    zs = z - z.max(axis=1, keepdims=True)
    lse = np.log(np.exp(zs).sum(axis=1))
    return float(np.mean(lse - np.einsum("ij,ij->i", zs, y)))


def _ce_delta(z, y):
    delta = _softmax(z)
    delta -= y
    delta /= z.shape[0]
    return delta


def _mse_value(z, y):
    d = z - y
    return float(np.vdot(d, d) / d.size)


def _mse_delta(z, y):
    d = z - y
    d *= 2.0 / d.size
    return d


def _sigmoid_mse_value(z, y):
    return _mse_value(sigmoid(z), y)


def _sigmoid_mse_delta(z, y):
    p = sigmoid(z)
    d = p - y
    d *= (2.0 / d.size) * p * (1.0 - p)
    return d


def _pair(output, loss, predict, value, delta):
    return OutputLoss(output, loss, predict, lambda z, y: (value(z, y), delta(z, y)), value, delta)


def _copy(z):
    return z.copy()


OUTPUT_LOSSES: dict[tuple[str, str], OutputLoss] = {
    ("sigmoid", "bce"): _pair("sigmoid", "bce", sigmoid, _bce_value, _bce_delta),
    ("softmax", "ce"): _pair("softmax", "ce", _softmax, _ce_value, _ce_delta),
    ("linear", "mse"): _pair("linear", "mse", _copy, _mse_value, _mse_delta),
    ("sigmoid", "mse"): _pair("sigmoid", "mse", sigmoid, _sigmoid_mse_value, _sigmoid_mse_delta),
}


def targets(y: np.ndarray, n_outputs: int, task: str) -> np.ndarray:
    """Labels or values as the 2-D float array the losses expect."""
    y = np.asarray(y)
    if task == "multiclass":
        onehot = np.zeros((y.shape[0], n_outputs))
        onehot[np.arange(y.shape[0]), y.astype(int)] = 1.0
        return onehot
    return y.astype(float).reshape(-1, 1)
