"""The training loop: mini-batch gradient descent with telemetry.

It follows the lecture's algorithm.  Every epoch the training set is shuffled
(from the run's own Generator), then taken k = batch_size samples at a time:
forward pass, loss J, backward pass, update theta with the optimizer.  k = 1 is
stochastic gradient descent, k = n is batch gradient descent.  The learning rate
comes from the schedule at the start of each epoch.

After every epoch the whole training and validation sets are evaluated once
(no dropout) for the telemetry frames of :mod:`nncore.telemetry`.  Gradient
norms come from the updates already made, not from an extra backward pass; in
full-batch training without dropout the evaluation pass *is* the next epoch's
forward pass, so it is reused and telemetry costs only its statistics.

A run that blows up stops: a NaN or infinite loss, or a training loss over
``EXPLOSION_FACTOR`` times its starting value, ends training at that epoch with
``diverged`` set and a message saying when and how.  NumPy's overflow warnings
are silenced inside the loop: the message replaces them.

Cost is bounded before any work starts: :func:`estimate_seconds` predicts the
run's time from its shape, and :func:`train` refuses a config above its budget
(``MAX_SECONDS`` by default) with :class:`BudgetError`.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from . import datasets, features, losses, optimizers, schedules, telemetry
from .config import Config
from .network import Network, build

# A training loss this many times its starting value (or, for a tiny starting
# loss, this many loss units) means the run has exploded.  AUTOTRAINER uses an
# absolute 1e3 on the loss; a relative factor judges every loss scale alike.
EXPLOSION_FACTOR = 1e3

# The default refusal threshold, in estimated seconds on the reference machine
# (2 shared cores, one BLAS thread).  A hosted page trains several variants per
# rerun, so pages pass smaller budgets of their own.
MAX_SECONDS = 6.0

# Cost model, calibrated by bench/engine.py on the reference machine:
# seconds ~ epochs * (steps * (STEP_SECONDS + layers * LAYER_STEP_SECONDS)
#                      + EPOCH_SECONDS + layers * EPOCH_LAYER_SECONDS
#                      + (3 * samples trained + samples evaluated) * params * MAC_SECONDS)
STEP_SECONDS = 60e-6  # fixed cost of one update (Python and NumPy call overhead)
LAYER_STEP_SECONDS = 25e-6  # extra per layer per update
EPOCH_SECONDS = 150e-6  # fixed cost of an epoch's evaluation and statistics
EPOCH_LAYER_SECONDS = 50e-6  # extra per layer per epoch (statistics of each layer)
MAC_SECONDS = 1.5e-10  # one multiply-add of a parameter with a sample, float32 (forward + backward ~ 3x)


class BudgetError(ValueError):
    """A config whose estimated cost is over the allowed budget."""


def estimate_seconds(config: Config, n_train: int | None = None, n_inputs: int | None = None) -> float:
    """Predicted wall time of ``train(config)`` on the reference machine.

    Deliberately simple and a little pessimistic: a fixed cost per update and per
    layer (the regime of small batches), plus a term proportional to samples x
    parameters (the regime of large batches and wide layers).
    """
    n = n_train if n_train is not None else int(round(config.n_samples * (1 - config.val_fraction)))
    n_val = max(int(round(n * config.val_fraction / max(1 - config.val_fraction, 1e-9))), 1)
    if n_inputs is None:
        n_inputs = features.n_inputs(datasets.DATASETS[config.dataset].n_inputs, config.features)
    n_out = config.n_classes if config.task == "multiclass" else 1
    sizes = (n_inputs, *config.hidden, n_out)
    n_params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    n_layers = len(sizes) - 1
    steps = math.ceil(n / min(config.batch_size, n))
    mac = MAC_SECONDS * (2 if config.dtype == "float64" else 1)
    per_epoch = (steps * (STEP_SECONDS + n_layers * LAYER_STEP_SECONDS) + EPOCH_SECONDS
                 + n_layers * EPOCH_LAYER_SECONDS + (3 * n + n + n_val) * n_params * mac)
    return config.epochs * per_epoch


@dataclass
class Run:
    """The result of :func:`train`: telemetry frames, snapshots and the outcome."""

    config: Config
    history: pd.DataFrame
    layers: pd.DataFrame
    histograms: pd.DataFrame
    snapshots: dict[int, np.ndarray]  # epoch -> flat parameter vector (see Network.theta)
    network: Network  # the network with its final parameters
    data: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # raw (X_train, y_train, X_val, y_val)
    diverged: bool = False
    message: str = ""  # why training stopped early, in English ("" when it ran all its epochs)
    stopped_epoch: int = 0
    # The numbers behind ``message``, so an app can say it in another language:
    # {"reason": "nan" | "inf" | "explosion", "epoch", "epochs", "loss", "initial", "lr", "optimizer", "mu",
    #  "flipped"} for a divergence; {"reason": "early_stopping", "epoch", "patience", "best", "best_epoch"}.
    stop_facts: dict = field(default_factory=dict)
    seconds: float = field(default=0.0, compare=False)  # wall time, kept out of the frames
    # One row per update when ``config.record_steps`` (step, epoch, batch_loss: the loss J, data + L2, of the
    # batch that update used, computed before the update); empty otherwise.
    steps: pd.DataFrame = field(default_factory=lambda: telemetry.steps_frame([], []))

    @property
    def snapshot_epochs(self) -> list[int]:
        return sorted(self.snapshots)

    def network_at(self, epoch: int) -> Network:
        """A copy of the network with the parameters of the nearest snapshot at or before ``epoch``."""
        epochs = [e for e in self.snapshot_epochs if e <= epoch] or self.snapshot_epochs[:1]
        return self.network.copy().set_params(self.snapshots[epochs[-1]])

    def predict(self, X_raw: np.ndarray, epoch: int | None = None) -> np.ndarray:
        """Output values for raw inputs (features are applied here)."""
        net = self.network if epoch is None else self.network_at(epoch)
        return net.predict(features.transform(np.asarray(X_raw, dtype=float), self.config.features))

    @property
    def final(self) -> pd.Series:
        """The last history row."""
        return self.history.iloc[-1]


def snapshot_epochs(epochs: int, count: int) -> set[int]:
    return {int(e) for e in np.unique(np.round(np.linspace(0, epochs, count + 1)))}


def train(config: Config, data=None, max_seconds: float | None = MAX_SECONDS) -> Run:
    """Train the network ``config`` describes and record its telemetry.

    ``data`` = (X_train, y_train, X_val, y_val) replaces the generated set (user
    data; its task must match ``config.task``).  ``max_seconds`` is the budget
    (None: unbounded, for benchmarks); a config estimated above it raises
    :class:`BudgetError` before any work is done.

    BLAS runs on one thread meanwhile: these matrices are small, and a second
    thread fighting the web server for two shared cores made runs up to 12x
    slower (README, "Performance").
    """
    with threadpool_limits(limits=1, user_api="blas"):
        return _train(config, data, max_seconds)


def _train(config: Config, data, max_seconds: float | None) -> Run:
    start_time = time.perf_counter()
    X_tr_raw, y_tr, X_va_raw, y_va = data if data is not None else datasets.load(config)
    X_tr = features.transform(np.asarray(X_tr_raw, dtype=float), config.features)
    X_va = features.transform(np.asarray(X_va_raw, dtype=float), config.features)
    n = X_tr.shape[0]
    if max_seconds is not None:
        estimate = estimate_seconds(config, n_train=n, n_inputs=X_tr.shape[1])
        if estimate > max_seconds:
            raise BudgetError(
                f"this run would take about {estimate:.1f} s (budget {max_seconds:.1f} s): "
                f"{config.epochs} epochs x {n} samples x network {config.hidden}, batch {config.batch_size}. "
                "Use fewer epochs, samples or units, or a larger batch."
            )

    net = build(config, n_inputs=X_tr.shape[1])
    task = config.task
    X_tr, X_va = net.inputs(X_tr), net.inputs(X_va)
    Y_tr = losses.targets(y_tr, net.sizes[-1], task).astype(net.dtype)
    Y_va = losses.targets(y_va, net.sizes[-1], task).astype(net.dtype)
    opt = optimizers.make(config.optimizer, lr=config.lr, mu=config.mu, rho=config.rho, beta1=config.beta1,
                          beta2=config.beta2, eps=config.eps)
    schedule = schedules.SCHEDULES[config.schedule]
    rng = config.rng("train")
    bs = min(config.batch_size, n)
    full_batch = bs == n
    reuse_eval = full_batch and config.dropout == 0.0
    L = net.n_layers
    names = telemetry.layer_names(L)
    probes = telemetry.projection_vectors(net)
    asymptotes, nonneg = net.act.asymptotes, net.act.nonnegative
    w_offsets = net.w_offsets
    n_w = net.n_weights
    keep = snapshot_epochs(config.epochs, config.snapshots)

    hist_rows, layer_rows, histo_parts = [], [], []
    snapshots: dict[int, np.ndarray] = {}
    steps = 0
    record = config.record_steps
    step_epochs: list[int] = []
    step_losses: list[float] = []

    def evaluate(epoch, lr, grad_norms, ratios):
        """Record the end-of-epoch telemetry; return (train_loss, eval cache)."""
        z_tr, cache = net.forward(X_tr)
        z_va = net.forward(X_va)[0]
        train_loss = net.ol.value(z_tr, Y_tr)
        val_loss = net.ol.value(z_va, Y_va)
        hist_rows.append((epoch, steps, lr, train_loss, val_loss, telemetry.accuracy(z_tr, Y_tr, task),
                          telemetry.accuracy(z_va, Y_va, task)))
        _, Zs, Hs, _ = cache
        w = net.theta[:n_w]
        w_norms = np.sqrt(np.add.reduceat(w * w, w_offsets))
        acts = Hs + [net.ol.predict(Zs[-1])]
        for l in range(L):
            if l < L - 1:
                stats = telemetry.activation_stats(Hs[l], asymptotes, nonneg)
            else:
                stats = telemetry.output_stats(acts[-1])
            distinct = telemetry.distinct_units(net.params[2 * l], net.params[2 * l + 1], probes[l])
            layer_rows.append((epoch, l + 1, names[l], net.sizes[l + 1], *stats, float(grad_norms[l]),
                               float(w_norms[l]), float(ratios[l]), distinct))
        if epoch in keep and np.isfinite(net.theta).all():
            snapshots[epoch] = net.theta.copy()
            histo_parts.append(telemetry.histograms(epoch, Zs, acts))
        return train_loss, val_loss, cache

    nan_layers = np.full(L, np.nan)
    diverged, message, stop_facts = False, "", {}
    best_val, best_epoch = math.inf, 0
    stopped = config.epochs
    with np.errstate(all="ignore"):
        lr = schedule(0, config.lr, config.decay_rate, config.decay_every)
        initial_loss, val_loss, eval_cache = evaluate(0, lr, nan_layers, nan_layers)
        explode_at = EXPLOSION_FACTOR * max(initial_loss, 1.0) if math.isfinite(initial_loss) else math.inf
        for epoch in range(1, config.epochs + 1):
            lr = schedule(epoch - 1, config.lr, config.decay_rate, config.decay_every)
            opt.lr = lr
            flip = config.flip_sign_epoch is not None and epoch >= config.flip_sign_epoch
            if full_batch:
                Xs, Ys = X_tr, Y_tr
            else:
                perm = rng.permutation(n)
                Xs, Ys = X_tr[perm], Y_tr[perm]
            w_start = net.theta[:n_w].copy()
            sq = np.zeros(L)
            n_steps = 0
            drop_rng = rng if config.dropout else None
            for lo in range(0, n, bs):
                # The loss is judged once per epoch on the whole set (below); a
                # NaN here propagates into the parameters and is caught there.
                batch_loss = net.step_grad(Xs[lo:lo + bs], Ys[lo:lo + bs], drop_rng,
                                           eval_cache if reuse_eval else None, need_loss=record)
                if record:
                    step_epochs.append(epoch)
                    step_losses.append(float(batch_loss))
                if flip:
                    np.negative(net.grad, out=net.grad)
                g = net.grad[:n_w]
                sq += np.add.reduceat(g * g, w_offsets)
                opt.step([net.theta], [net.grad])
                n_steps += 1
                steps += 1
            d = net.theta[:n_w] - w_start
            start_norms = np.sqrt(np.add.reduceat(w_start * w_start, w_offsets))
            ratios = np.sqrt(np.add.reduceat(d * d, w_offsets)) / np.where(start_norms > 0, start_norms, np.nan)
            grad_norms = np.sqrt(sq / n_steps)
            train_loss, val_loss, eval_cache = evaluate(epoch, lr, grad_norms, ratios)
            if not math.isfinite(train_loss) or train_loss > explode_at:
                diverged, stopped = True, epoch
                stop_facts = divergence_facts(epoch, config, train_loss, initial_loss, lr)
                message = divergence_message(stop_facts)
                break
            if config.early_stopping:
                if val_loss < best_val:
                    best_val, best_epoch = val_loss, epoch
                elif epoch - best_epoch >= config.early_stopping:
                    stopped = epoch
                    stop_facts = {"reason": "early_stopping", "epoch": epoch, "patience": config.early_stopping,
                                  "best": float(best_val), "best_epoch": best_epoch}
                    message = (f"Stopped early at epoch {epoch}: the validation loss has not improved for "
                               f"{config.early_stopping} epochs (best {best_val:.4g} at epoch {best_epoch}).")
                    break

    if stopped not in snapshots and np.isfinite(net.theta).all():
        snapshots[stopped] = net.theta.copy()
    return Run(
        config=config,
        history=telemetry.history_frame(hist_rows),
        layers=telemetry.layers_frame(layer_rows),
        histograms=telemetry.histograms_frame(histo_parts),
        snapshots=snapshots,
        network=net,
        data=(np.asarray(X_tr_raw), np.asarray(y_tr), np.asarray(X_va_raw), np.asarray(y_va)),
        diverged=diverged,
        message=message,
        stopped_epoch=stopped,
        stop_facts=stop_facts,
        seconds=time.perf_counter() - start_time,
        steps=telemetry.steps_frame(step_epochs, step_losses),
    )


def divergence_facts(epoch: int, config: Config, loss: float, initial: float, lr: float) -> dict:
    """The numbers of a divergence: when, how, and the settings a learner should look at."""
    reason = "nan" if math.isnan(loss) else "inf" if math.isinf(loss) else "explosion"
    return {"reason": reason, "epoch": epoch, "epochs": config.epochs, "loss": float(loss), "initial": float(initial),
            "lr": float(lr), "optimizer": config.optimizer, "mu": config.mu,
            "flipped": config.flip_sign_epoch is not None and epoch >= config.flip_sign_epoch}


def divergence_message(f: dict) -> str:
    how = {"nan": "the loss became NaN (not a number)", "inf": "the loss overflowed to infinity",
           "explosion": f"the training loss reached {f['loss']:.3g}, over {EXPLOSION_FACTOR:g} times its start "
                        f"({f['initial']:.3g})"}[f["reason"]]
    hint = f"Lower the learning rate (it was {f['lr']:.3g})"
    if f["optimizer"] in ("momentum", "nesterov"):
        hint += f" or the momentum (mu = {f['mu']:g})"
    if f["flipped"]:
        hint = "The gradient's sign is flipped, so every step climbs the loss; fix the sign"
    return f"Training diverged at epoch {f['epoch']} of {f['epochs']}: {how}. Training stopped there. {hint}."
