"""A multi-layer perceptron of dense layers, with its forward and backward pass.

All parameters live in one flat vector ``theta``: every weight matrix first,
then every bias vector.  ``params`` is a list of views into it, ordered
``[W1, b1, W2, b2, ...]`` with ``W`` of shape (fan_in, fan_out), so an
optimizer can update either the list or the single flat vector -- one call
per rule whatever the depth -- and both stay in step.  Gradients live in a
twin vector ``grad`` with views ``grads``.  Keeping the weights contiguous also
makes the L2 penalty and per-layer norms a couple of NumPy calls.

The backward pass is the chain rule, layer by layer from the output:

    dZ_L = dLoss/dz                      (from the output/loss pair)
    dW_l = A_{l-1}^T dZ_l + l2 * W_l,    db_l = sum over samples of dZ_l
    dZ_{l-1} = (dZ_l W_l^T) * mask_{l-1} * f'(Z_{l-1})

where ``mask`` is the dropout mask (inverted dropout: kept units are scaled by
1 / (1 - p) in training so nothing needs rescaling at evaluation time).
"""

from __future__ import annotations

import numpy as np

from . import activations, features, losses
from .config import Config
from .datasets import DATASETS
from .initializers import INITIALIZERS


class Network:
    """Dense network with layer sizes ``sizes`` = (n_inputs, h1, ..., n_outputs)."""

    def __init__(self, sizes, activation="relu", leaky_slope=0.01, output="sigmoid", loss="bce", l2=0.0,
                 dropout=0.0, dtype="float64"):
        self.sizes = tuple(int(s) for s in sizes)
        if len(self.sizes) < 2 or min(self.sizes) < 1:
            raise ValueError(f"sizes must hold at least an input and an output size >= 1, got {sizes!r}")
        self.activation_name, self.leaky_slope = activation, float(leaky_slope)
        self.act = activations.get(activation, leaky_slope)
        if (output, loss) not in losses.OUTPUT_LOSSES:
            raise ValueError(f"unsupported output/loss pair {(output, loss)!r}")
        self.output, self.loss = output, loss
        self.ol = losses.OUTPUT_LOSSES[(output, loss)]
        self.l2, self.dropout = float(l2), float(dropout)
        self.dtype = np.dtype(dtype)

        shapes = list(zip(self.sizes[:-1], self.sizes[1:]))
        w_sizes = [a * b for a, b in shapes]
        self.n_weights = sum(w_sizes)
        # start offset of each layer's weights inside theta[:n_weights]
        self.w_offsets = np.concatenate([[0], np.cumsum(w_sizes)[:-1]]).astype(np.intp)
        self.theta = np.zeros(self.n_weights + sum(self.sizes[1:]), dtype=self.dtype)
        self.grad = np.zeros_like(self.theta)
        self.params = self._views(self.theta, shapes)
        self.grads = self._views(self.grad, shapes)

    def _views(self, flat, shapes):
        out, w_at, b_at = [], 0, self.n_weights
        for fan_in, fan_out in shapes:
            out.append(flat[w_at:w_at + fan_in * fan_out].reshape(fan_in, fan_out))
            out.append(flat[b_at:b_at + fan_out])
            w_at += fan_in * fan_out
            b_at += fan_out
        return out

    # -- structure -------------------------------------------------------------
    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + the output layer)."""
        return len(self.sizes) - 1

    @property
    def weights(self) -> list[np.ndarray]:
        return self.params[0::2]

    @property
    def biases(self) -> list[np.ndarray]:
        return self.params[1::2]

    @property
    def n_params(self) -> int:
        return self.theta.size

    def set_params(self, flat: np.ndarray) -> "Network":
        """Load a flat parameter vector (e.g. a snapshot) in place."""
        self.theta[...] = flat
        return self

    def copy(self) -> "Network":
        return Network(*self._args()).set_params(self.theta)

    def _args(self):
        return (self.sizes, self.activation_name, self.leaky_slope, self.output, self.loss, self.l2, self.dropout,
                self.dtype.name)

    def __getstate__(self):
        # Views do not survive pickling as views: store the flat vector only
        # and rebuild the views on load (st.cache_data pickles runs).
        return {"args": self._args(), "theta": self.theta}

    def __setstate__(self, state):
        self.__init__(*state["args"])
        self.theta[...] = state["theta"]

    def __repr__(self) -> str:
        return (f"Network(sizes={self.sizes}, activation={self.activation_name!r}, output={self.output!r}, "
                f"loss={self.loss!r}, l2={self.l2:g}, dropout={self.dropout:g})")

    # -- passes ----------------------------------------------------------------
    def forward(self, X: np.ndarray, rng: np.random.Generator | None = None):
        """Logits of ``X`` and the cache the backward pass needs.

        With ``rng`` (training mode) dropout masks are drawn from it; without,
        the network runs deterministically (evaluation mode).
        The cache is (inputs of each layer, pre-activations Z of each layer,
        hidden activations before dropout, dropout masks).
        """
        drop = rng is not None and self.dropout > 0.0
        inputs, Zs, Hs, masks = [X], [], [], []
        A = X
        last = self.n_layers - 1
        for l in range(self.n_layers):
            Z = A @ self.params[2 * l]
            Z += self.params[2 * l + 1]
            Zs.append(Z)
            if l == last:
                break
            H = self.act.fn(Z)
            Hs.append(H)
            if drop:
                keep = rng.random(H.shape) >= self.dropout
                mask = np.multiply(keep, 1.0 / (1.0 - self.dropout), dtype=self.dtype)
                A = H * mask
                masks.append(mask)
            else:
                A = H
                masks.append(None)
            inputs.append(A)
        return Zs[-1], (inputs, Zs, Hs, masks)

    def backward(self, dZ: np.ndarray, cache) -> None:
        """Fill ``self.grad`` from dLoss/dlogits ``dZ`` (L2 not included)."""
        inputs, Zs, Hs, masks = cache
        for l in range(self.n_layers - 1, -1, -1):
            W = self.params[2 * l]
            np.matmul(inputs[l].T, dZ, out=self.grads[2 * l])
            np.add.reduce(dZ, axis=0, out=self.grads[2 * l + 1])
            if l:
                dA = dZ @ W.T
                if masks[l - 1] is not None:
                    dA *= masks[l - 1]
                dA *= self.act.grad(Zs[l - 1], Hs[l - 1])
                dZ = dA

    def penalty(self) -> float:
        """The L2 term 0.5 * l2 * sum of squared weights (biases are not penalised)."""
        if not self.l2:
            return 0.0
        w = self.theta[: self.n_weights]
        return 0.5 * self.l2 * float(np.dot(w, w))

    def add_l2_grad(self) -> None:
        if self.l2:
            self.grad[: self.n_weights] += self.l2 * self.theta[: self.n_weights]

    def step_grad(self, X, Y, rng=None, cache=None, need_loss=True) -> float | None:
        """Gradient of the batch loss (data + L2) into ``self.grad``; returns the loss.

        ``Y`` are prepared targets (see :func:`nncore.losses.targets`).  A
        ``cache`` from an evaluation forward pass of these same inputs can be
        passed to skip the forward pass (full-batch training reuses it).  The
        training loop passes ``need_loss=False``: it judges the loss once per
        epoch on the whole set, so the per-batch value need not be computed.
        """
        if cache is None:
            z, cache = self.forward(X, rng)
        else:
            z = cache[1][-1]
        if need_loss:
            data_loss, dz = self.ol.loss_and_delta(z, Y)
        else:
            data_loss, dz = None, self.ol.delta(z, Y)
        self.backward(dz, cache)
        self.add_l2_grad()
        return None if data_loss is None else data_loss + self.penalty()

    # -- public conveniences ------------------------------------------------------
    def targets(self, y: np.ndarray) -> np.ndarray:
        task = "multiclass" if self.output == "softmax" else "other"
        return losses.targets(y, self.sizes[-1], task).astype(self.dtype)

    def inputs(self, X) -> np.ndarray:
        return np.asarray(X, dtype=self.dtype)

    def loss_and_grads(self, X: np.ndarray, y: np.ndarray) -> tuple[float, list[np.ndarray]]:
        """Loss (data loss + L2 penalty) on ``(X, y)`` and its gradients.

        Dropout is off.  ``grads`` are new arrays aligned with ``params``.
        ``y`` holds class labels (classification) or target values (regression).
        """
        loss = self.step_grad(self.inputs(X), self.targets(y))
        return loss, [g.copy() for g in self.grads]

    def data_loss(self, X: np.ndarray, y: np.ndarray) -> float:
        """The loss without the L2 penalty, in evaluation mode."""
        return self.ol.value(self.forward(self.inputs(X))[0], self.targets(y))

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Output-unit values: probabilities (classification) or predictions (regression)."""
        return self.ol.predict(self.forward(self.inputs(X))[0])


def initialize(net: Network, config: Config, rng: np.random.Generator) -> Network:
    """Draw every weight matrix with ``config.init``; set biases to ``config.bias_init``."""
    init = INITIALIZERS[config.init]
    for W in net.weights:  # drawn in float64, then stored in the network's dtype
        W[...] = init(W.shape, rng, config.init_scale)
    for b in net.biases:
        b[...] = config.bias_init
    return net


def build(config: Config, n_inputs: int | None = None) -> Network:
    """The initialised network ``config`` describes.

    Its input size follows the dataset and the selected features unless
    ``n_inputs`` is given (user data); its output size is 1, or the number of
    classes for a multi-class set.
    """
    if n_inputs is None:
        n_inputs = features.n_inputs(DATASETS[config.dataset].n_inputs, config.features)
    n_outputs = config.n_classes if config.task == "multiclass" else 1
    output, loss = config.output_loss
    net = Network((n_inputs, *config.hidden, n_outputs), config.activation, config.leaky_slope, output, loss,
                  config.l2, config.dropout, config.dtype)
    return initialize(net, config, config.rng("init"))
