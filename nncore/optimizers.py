"""Gradient-descent update rules, all behind one contract.

``make(name, lr=..., **hyper)`` returns an optimizer whose ``step(params,
grads)`` updates every array of ``params`` in place, given gradients of the
same shapes.  The rules are exactly the lecture's (g is the gradient, every
state starts at 0, t counts steps from 1):

=========  ==============================================================
sgd        theta <- theta - lr * g
momentum   v <- mu * v + g;  theta <- theta - lr * v
nesterov   v <- mu * v + g;  theta <- theta - lr * (g + mu * v)
adagrad    G <- G + g**2;  theta <- theta - lr * g / sqrt(G + eps)
rmsprop    G <- rho * G + (1 - rho) * g**2;  theta <- theta - lr * g / sqrt(G + eps)
adam       m <- beta1 m + (1 - beta1) g;  s <- beta2 s + (1 - beta2) g**2;
           theta <- theta - lr * m_hat / (sqrt(s_hat) + eps), with
           m_hat = m / (1 - beta1**t),  s_hat = s / (1 - beta2**t)
=========  ==============================================================

The momentum form is the lecture's "simplified" one: the velocity sums raw
gradients, so with a constant gradient it grows to g / (1 - mu) -- a moving
sum over roughly 1 / (1 - mu) past steps.  The learning rate lives in ``.lr``
so a schedule can change it between epochs without touching the state.

The same objects train the networks and draw the optimizer lab's
trajectories, so what a learner sees on a 2-D surface is the code that trains.
"""

from __future__ import annotations

import math

import numpy as np

DEFAULTS = {"mu": 0.9, "rho": 0.9, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


class Optimizer:
    """Base class: per-parameter state arrays, created as zeros on first use."""

    name = "base"
    hyper: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()  # names of the state arrays kept per parameter

    def __init__(self, lr: float, **hyper: float) -> None:
        self.lr = float(lr)
        for key in self.hyper:
            setattr(self, key, float(hyper.get(key, DEFAULTS[key])))
        self.t = 0
        self.state: list[dict[str, np.ndarray]] = []

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        if len(params) != len(grads):
            raise ValueError(f"got {len(params)} parameter arrays but {len(grads)} gradients")
        if not self.state:
            self.state = [{k: np.zeros_like(p) for k in self.slots + ("tmp",)} for p in params]
        self.t += 1
        for p, g, st in zip(params, grads, self.state):
            self._update(p, g, st)

    def _update(self, p: np.ndarray, g: np.ndarray, st: dict[str, np.ndarray]) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        hp = ", ".join(f"{k}={getattr(self, k):g}" for k in self.hyper)
        return f"{type(self).__name__}(lr={self.lr:g}{', ' if hp else ''}{hp})"


class SGD(Optimizer):
    name = "sgd"

    def _update(self, p, g, st):
        tmp = st["tmp"]
        np.multiply(g, self.lr, out=tmp)
        p -= tmp


class Momentum(Optimizer):
    name = "momentum"
    hyper = ("mu",)
    slots = ("v",)

    def _update(self, p, g, st):
        v, tmp = st["v"], st["tmp"]
        v *= self.mu
        v += g
        np.multiply(v, self.lr, out=tmp)
        p -= tmp


class Nesterov(Optimizer):
    name = "nesterov"
    hyper = ("mu",)
    slots = ("v",)

    def _update(self, p, g, st):
        v, tmp = st["v"], st["tmp"]
        v *= self.mu
        v += g
        # look-ahead: step along the gradient plus the *next* velocity's push
        np.multiply(v, self.mu, out=tmp)
        tmp += g
        tmp *= self.lr
        p -= tmp


class AdaGrad(Optimizer):
    name = "adagrad"
    hyper = ("eps",)
    slots = ("G",)

    def _update(self, p, g, st):
        G, tmp = st["G"], st["tmp"]
        np.multiply(g, g, out=tmp)
        G += tmp
        np.add(G, self.eps, out=tmp)
        np.sqrt(tmp, out=tmp)
        np.divide(g, tmp, out=tmp)
        tmp *= self.lr
        p -= tmp


class RMSprop(Optimizer):
    name = "rmsprop"
    hyper = ("rho", "eps")
    slots = ("G",)

    def _update(self, p, g, st):
        G, tmp = st["G"], st["tmp"]
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - self.rho
        G *= self.rho
        G += tmp
        np.add(G, self.eps, out=tmp)
        np.sqrt(tmp, out=tmp)
        np.divide(g, tmp, out=tmp)
        tmp *= self.lr
        p -= tmp


class Adam(Optimizer):
    name = "adam"
    hyper = ("beta1", "beta2", "eps")
    slots = ("m", "s")

    def _update(self, p, g, st):
        m, s, tmp = st["m"], st["s"], st["tmp"]
        b1, b2 = self.beta1, self.beta2
        np.multiply(g, 1.0 - b1, out=tmp)
        m *= b1
        m += tmp
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - b2
        s *= b2
        s += tmp
        # sqrt(s_hat) = sqrt(s) / sqrt(1 - b2**t); m_hat = m / (1 - b1**t)
        np.sqrt(s, out=tmp)
        tmp *= 1.0 / math.sqrt(1.0 - b2**self.t)
        tmp += self.eps
        np.divide(m, tmp, out=tmp)
        tmp *= self.lr / (1.0 - b1**self.t)
        p -= tmp


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam)
}


def make(name: str, lr: float = 0.01, **hyper: float) -> Optimizer:
    """A fresh optimizer called ``name`` (state at zero, t = 0).

    Hyperparameters the rule does not use are ignored, so a caller can pass a
    config's whole set; names that no rule uses raise ValueError.
    """
    if name not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {list(OPTIMIZERS)}, got {name!r}")
    unknown = sorted(set(hyper) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"unknown optimizer hyperparameter(s) {unknown}; allowed: {sorted(DEFAULTS)}")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive finite number, got {lr!r}")
    return OPTIMIZERS[name](lr, **hyper)
