"""Toy data sets, generated from the config's seed.

``DATASETS`` maps a name to a :class:`Dataset`: how to generate ``n`` points
with some ``noise`` from a NumPy Generator, the task and the input dimension.
scikit-learn's generators are used where it has them (moons, circles, blobs);
they take an integer ``random_state``, which is drawn from our Generator so
that the config's seed still decides everything.

``load(config)`` generates the set and splits it with scikit-learn's
``train_test_split`` (stratified for classification), returning
``(X_train, y_train, X_val, y_val)``.  Points are centred and scaled to roughly
[-3, 3] so every set shares one input plane.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.model_selection import train_test_split

from .config import Config


@dataclass(frozen=True)
class Dataset:
    name: str
    task: str  # binary | multiclass | regression
    n_inputs: int
    generate: Callable[..., tuple[np.ndarray, np.ndarray]]  # (n, noise, rng, n_classes) -> X, y


def _seed(rng: np.random.Generator) -> int:
    return int(rng.integers(0, 2**31 - 1))


def moons(n, noise, rng, n_classes=2):
    X, y = make_moons(n_samples=n, noise=noise, random_state=_seed(rng))
    return (X - [0.5, 0.25]) * 2.0, y


def circles(n, noise, rng, n_classes=2):
    X, y = make_circles(n_samples=n, noise=noise, factor=0.5, random_state=_seed(rng))
    return X * 2.5, y


def xor(n, noise, rng, n_classes=2):
    # Points in the four quadrants, kept a little away from the axes so the
    # classes are separable before noise; label 1 where x1 and x2 share a sign.
    X = rng.uniform(0.3, 3.0, size=(n, 2)) * rng.choice([-1.0, 1.0], size=(n, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    return X + rng.normal(0.0, noise, size=X.shape), y


def spiral(n, noise, rng, n_classes=2):
    # Two interleaved arms, each turning 1.75 times: a boundary no straight
    # line or single bend can draw.
    half = n // 2
    counts = (half, n - half)
    Xs, ys = [], []
    for label, (m, shift) in enumerate(zip(counts, (0.0, np.pi))):
        r = np.linspace(0.2, 3.0, m)
        t = 1.75 * np.linspace(0.0, 2 * np.pi, m) + shift
        pts = np.column_stack([r * np.sin(t), r * np.cos(t)])
        Xs.append(pts + rng.normal(0.0, noise, size=pts.shape))
        ys.append(np.full(m, label))
    return np.vstack(Xs), np.concatenate(ys)


def gauss(n, noise, rng, n_classes=2):
    X, y = make_blobs(n_samples=n, centers=[[1.5, 1.5], [-1.5, -1.5]], cluster_std=0.5 + noise,
                      random_state=_seed(rng))
    return X, y


def blobs(n, noise, rng, n_classes=3):
    angles = 2 * np.pi * np.arange(n_classes) / n_classes + np.pi / 2
    centers = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    X, y = make_blobs(n_samples=n, centers=centers, cluster_std=0.4 + noise, random_state=_seed(rng))
    return X, y


def curve(n, noise, rng, n_classes=2):
    # Targets between about 0.5 and 2.5: a sigmoid output (range 0..1) cannot
    # reach most of them, a linear one can.
    x = np.sort(rng.uniform(-3.0, 3.0, size=n))
    y = 1.5 + np.sin(1.5 * x) + rng.normal(0.0, noise, size=n)
    return x.reshape(-1, 1), y


def plane(n, noise, rng, n_classes=2):
    X = rng.uniform(-3.0, 3.0, size=(n, 2))
    return X, 0.5 * (X[:, 0] + X[:, 1]) + rng.normal(0.0, noise, size=n)


def bumps(n, noise, rng, n_classes=2):
    X = rng.uniform(-3.0, 3.0, size=(n, 2))
    y = 2.0 * np.exp(-((X - [1.2, 1.2]) ** 2).sum(1)) - 2.0 * np.exp(-((X + [1.2, 1.2]) ** 2).sum(1))
    return X, y + rng.normal(0.0, noise, size=n)


DATASETS: dict[str, Dataset] = {
    "moons": Dataset("moons", "binary", 2, moons),
    "circles": Dataset("circles", "binary", 2, circles),
    "xor": Dataset("xor", "binary", 2, xor),
    "spiral": Dataset("spiral", "binary", 2, spiral),
    "gauss": Dataset("gauss", "binary", 2, gauss),
    "blobs": Dataset("blobs", "multiclass", 2, blobs),
    "curve": Dataset("curve", "regression", 1, curve),
    "plane": Dataset("plane", "regression", 2, plane),
    "bumps": Dataset("bumps", "regression", 2, bumps),
}


def split(X, y, val_fraction: float, rng: np.random.Generator, task: str):
    """train_test_split, stratified for classification, seeded from ``rng``."""
    stratify = y if task != "regression" else None
    X_tr, X_va, y_tr, y_va = train_test_split(
        X, y, test_size=val_fraction, random_state=_seed(rng), stratify=stratify
    )
    return X_tr, y_tr, X_va, y_va


def load(config: Config):
    """Generate ``config.dataset`` and split it: (X_train, y_train, X_val, y_val)."""
    ds = DATASETS[config.dataset]
    rng = config.rng("data")
    X, y = ds.generate(config.n_samples, config.noise, rng, config.n_classes)
    return split(np.asarray(X, dtype=float), np.asarray(y), config.val_fraction, rng, ds.task)
