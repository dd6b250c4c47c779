"""Weight initialisation schemes.

``INITIALIZERS`` maps a name to ``fn(shape, rng, scale) -> array`` where
``shape`` is (fan_in, fan_out).  Only "constant", "normal" and "uniform" use
``scale``; the others derive their spread from the layer's fan-in/fan-out:

* Xavier/Glorot keeps the variance of activations and of gradients about equal
  from layer to layer for tanh-like units: U(-r, r) with r = sqrt(6 / (fan_in +
  fan_out)).
* He doubles the variance (N(0, 2 / fan_in)) because ReLU zeroes half of its
  inputs; without it deep ReLU stacks shrink their signal layer by layer.
* "zeros" and "constant" start every unit of a layer identical: the lecture's
  symmetric-initialisation problem (units that start equal stay equal).
"""

from __future__ import annotations

import numpy as np


def zeros(shape, rng, scale=0.0):
    return np.zeros(shape)


def constant(shape, rng, scale=0.1):
    return np.full(shape, float(scale))


def normal(shape, rng, scale=0.1):
    return rng.normal(0.0, scale, size=shape)


def uniform(shape, rng, scale=0.1):
    return rng.uniform(-scale, scale, size=shape)


def xavier(shape, rng, scale=None):
    fan_in, fan_out = shape
    r = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-r, r, size=shape)


def he(shape, rng, scale=None):
    fan_in = shape[0]
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape)


INITIALIZERS = {
    "zeros": zeros,
    "constant": constant,
    "normal": normal,
    "uniform": uniform,
    "xavier": xavier,
    "he": he,
}
