"""Input features computed from the raw coordinates (TensorFlow Playground's set).

A linear unit can only draw a straight line in the raw (x1, x2) plane, but a
straight line in (x1^2, x2^2) is a circle there: hand-made features are the
old way to give a small model the shape it needs.  ``FEATURES`` maps a name
to ``fn(X) -> column``.  An empty selection means the raw inputs.
"""

from __future__ import annotations

import numpy as np

FEATURES = {
    "x1": lambda X: X[:, 0],
    "x2": lambda X: X[:, 1],
    "x1^2": lambda X: X[:, 0] ** 2,
    "x2^2": lambda X: X[:, 1] ** 2,
    "x1*x2": lambda X: X[:, 0] * X[:, 1],
    "sin(x1)": lambda X: np.sin(X[:, 0]),
    "sin(x2)": lambda X: np.sin(X[:, 1]),
}


def transform(X: np.ndarray, names: tuple[str, ...]) -> np.ndarray:
    """The network's input matrix: the chosen feature columns of ``X`` (raw if none)."""
    if not names:
        return np.ascontiguousarray(X, dtype=float)
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature(s) {unknown}; allowed: {list(FEATURES)}")
    return np.column_stack([FEATURES[n](X) for n in names]).astype(float)


def n_inputs(raw_dim: int, names: tuple[str, ...]) -> int:
    return len(names) if names else raw_dim
