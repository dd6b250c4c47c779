"""Hidden-layer activation functions and their derivatives.

``ACTIVATIONS`` maps a name to an :class:`Activation`: a forward function
``fn(z) -> a`` and a derivative ``grad(z, a) -> da/dz``.  The derivative gets
both the pre-activation ``z`` and the output ``a`` because each function has a
cheaper form in one of them: sigmoid' = a(1 - a), tanh' = 1 - a**2, and ReLU'
is a step on z.  Nothing here works in place: the training loop records
statistics of both z and a, so neither may be overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Activation:
    name: str
    fn: Callable[[np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray, np.ndarray], np.ndarray]
    # Where the output flattens out, for the "saturated" statistic: a unit
    # output closer than ``saturation_margin`` to one of ``asymptotes`` is
    # pinned there and passes almost no gradient back.  Empty for functions
    # that do not saturate.
    asymptotes: tuple[float, ...] = ()
    nonnegative: bool = False  # outputs are never negative (lets telemetry skip an abs)


def sigmoid(z: np.ndarray) -> np.ndarray:
    # 1/(1+exp(-z)) overflows for large negative z; this identity never does,
    # and costs one tanh instead of an exp and a division.
    out = np.tanh(0.5 * z)
    out += 1.0
    out *= 0.5
    return out


def _sigmoid_grad(z, a):
    return a * (1.0 - a)


def _tanh_grad(z, a):
    return 1.0 - a * a


def relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def _relu_grad(z, a):
    # The derivative at exactly 0 is taken as 0: a unit that outputs 0 on
    # every input gets no gradient, which is what makes dead units stay dead.
    return (z > 0).astype(z.dtype)


def leaky_relu(slope: float = 0.01) -> Activation:
    """Leaky ReLU with negative-side ``slope``: never fully flat, so never dead."""

    def fn(z):
        return np.where(z > 0, z, slope * z)

    def grad(z, a):
        return np.where(z > 0, z.dtype.type(1.0), z.dtype.type(slope))

    return Activation("leaky_relu", fn, grad)


def _identity(z):
    return z.copy()


def _ones(z, a):
    return np.ones_like(z)


SATURATION_MARGIN = 0.02  # a sigmoid output above 0.98 passes < 2 % of the gradient

ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation("sigmoid", sigmoid, _sigmoid_grad, (0.0, 1.0), nonnegative=True),
    "tanh": Activation("tanh", np.tanh, _tanh_grad, (-1.0, 1.0)),
    "relu": Activation("relu", relu, _relu_grad, nonnegative=True),
    "leaky_relu": leaky_relu(0.01),
    "linear": Activation("linear", _identity, _ones),
}


def get(name: str, leaky_slope: float = 0.01) -> Activation:
    """The activation called ``name``; leaky_relu takes its slope from the config."""
    if name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {list(ACTIVATIONS)}, got {name!r}")
    if name == "leaky_relu":
        return leaky_relu(leaky_slope)
    return ACTIVATIONS[name]
