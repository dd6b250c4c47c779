"""Numerical gradients by centred finite differences, for checking backprop.

(f(x + h) - f(x - h)) / 2h has error O(h**2); with h = 1e-5 in float64 the
analytic and numerical gradients of a correct implementation agree to a
relative error of about 1e-8 or better.
"""

from __future__ import annotations

import numpy as np


def numerical_gradient(f, x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """d f() / d x, perturbing ``x`` in place one entry at a time (restored after)."""
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        fp = f()
        x[i] = old - h
        fm = f()
        x[i] = old
        grad[i] = (fp - fm) / (2 * h)
    return grad


def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    """max |a - b| / max(|a| + |b|), a scale-free distance between two arrays."""
    denom = np.maximum(np.abs(a) + np.abs(b), 1e-12)
    return float(np.max(np.abs(a - b) / denom)) if a.size else 0.0


def norm_rel_error(a: np.ndarray, b: np.ndarray) -> float:
    """|a - b| / (|a| + |b|) over the whole arrays (robust to entries that are ~0)."""
    d = np.linalg.norm(a - b)
    s = np.linalg.norm(a) + np.linalg.norm(b)
    return float(d / s) if s > 0 else 0.0
