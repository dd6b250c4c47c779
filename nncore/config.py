"""The one description of a training run: a frozen, validated dataclass.

Everything that changes what a run produces lives in :class:`Config`, and
nothing else does.  Two equal configs therefore give byte-identical telemetry,
which is what lets the dashboard cache runs by config and lets a share link
rebuild exactly what its author saw.

A Config validates itself when it is built: an unknown name, a negative size or
a rate out of range raises ``ValueError`` naming the field and what is allowed.
The allowed ranges live in :data:`LIMITS` so that the UI can build its widgets
(and clamp hand-edited URLs) from the same numbers the engine enforces.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass

import numpy as np

# Names accepted by the string fields.  The registries in the other modules use
# the same keys; a test checks that they agree.
DATASET_NAMES = ("moons", "circles", "xor", "spiral", "gauss", "blobs", "curve", "plane", "bumps")
ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "leaky_relu", "linear")
OUTPUT_NAMES = ("auto", "sigmoid", "softmax", "linear")
LOSS_NAMES = ("auto", "bce", "ce", "mse")
INIT_NAMES = ("zeros", "constant", "normal", "uniform", "xavier", "he")
OPTIMIZER_NAMES = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
SCHEDULE_NAMES = ("constant", "step", "exponential", "inverse_time")
DTYPE_NAMES = ("float32", "float64")
FEATURE_NAMES = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")

# Closed numeric ranges (low, high) for every numeric field.  These bound what a
# single run can cost; the training budget in ``nncore.training`` bounds their
# product.
LIMITS: dict[str, tuple[float, float]] = {
    "n_samples": (20, 5000),
    "noise": (0.0, 2.0),
    "val_fraction": (0.1, 0.9),
    "n_classes": (2, 6),
    "width": (1, 256),  # each entry of ``hidden``
    "depth": (0, 12),  # len(hidden)
    "leaky_slope": (0.0, 0.5),
    "init_scale": (0.0, 10.0),
    "bias_init": (-10.0, 10.0),
    "l2": (0.0, 10.0),
    "dropout": (0.0, 0.9),
    "lr": (1e-6, 100.0),
    "mu": (0.0, 0.999),
    "rho": (0.0, 0.9999),
    "beta1": (0.0, 0.9999),
    "beta2": (0.0, 0.99999),
    "eps": (1e-12, 1.0),
    "batch_size": (1, 5000),
    "epochs": (1, 5000),
    "decay_rate": (0.001, 1.0),
    "decay_every": (1, 5000),
    "flip_sign_epoch": (1, 5000),
    "early_stopping": (0, 1000),
    "seed": (0, 2**31 - 1),
    "snapshots": (1, 100),
}

INT_FIELDS = ("n_samples", "n_classes", "batch_size", "epochs", "decay_every", "early_stopping", "seed", "snapshots")
FLOAT_FIELDS = ("noise", "val_fraction", "leaky_slope", "init_scale", "bias_init", "l2", "dropout", "lr", "mu", "rho",
                "beta1", "beta2", "eps", "decay_rate")

RNG_STREAMS = {"data": 0, "init": 1, "train": 2}

CLASSIFICATION_DATASETS = ("moons", "circles", "xor", "spiral", "gauss", "blobs")
REGRESSION_DATASETS = ("curve", "plane", "bumps")


@dataclass(frozen=True)
class Config:
    """Everything one training run depends on.

    Data
        ``dataset`` names a generator in :mod:`nncore.datasets`; ``n_samples``
        points with ``noise`` are split so that ``val_fraction`` of them are held
        out for validation.  ``features`` lists input transforms (empty: the raw
        coordinates); ``n_classes`` is used by the multi-class ``blobs`` set.
    Network
        ``hidden`` holds the hidden-layer widths (empty: no hidden layer, i.e.
        logistic or linear regression).  Hidden units use ``activation``;
        ``leaky_slope`` is the negative-side slope of leaky_relu.  ``output`` and
        ``loss`` pick the output unit and loss; "auto" chooses the natural pair
        for the task (sigmoid+bce, softmax+ce, linear+mse).  ``sigmoid`` with
        ``mse`` on a regression set is allowed on purpose: it recreates the
        lecture's impossible-output-range cause of underfitting.
    Initialisation
        ``init`` names a scheme in :mod:`nncore.initializers`; ``init_scale`` is
        the value of "constant", the standard deviation of "normal" and the
        half-width of "uniform".  Biases start at ``bias_init``.
    Regularisation
        ``l2`` adds 0.5 * l2 * sum(W**2) over weight matrices to the loss;
        ``dropout`` is the drop probability of inverted dropout after every
        hidden layer, in training only.
    Optimisation
        ``optimizer`` with ``lr`` and its hyperparameters (``mu``, ``rho``,
        ``beta1``, ``beta2``, ``eps``); ``batch_size`` from 1 (SGD) to the size
        of the training set (batch gradient descent); ``epochs``;
        ``schedule`` with ``decay_rate`` and ``decay_every`` (see
        :mod:`nncore.schedules`).  ``flip_sign_epoch`` flips the sign of every
        gradient from that epoch on (the lecture's wrong-sign bug);
        ``early_stopping`` is a patience in epochs (0: off).
    Bookkeeping
        ``seed`` seeds every random choice; ``snapshots`` is how many epochs
        (besides epoch 0) keep parameter snapshots and histograms.  ``dtype``
        is the floating-point type of training: float32 is about twice as fast
        on these small networks and precise enough to show every effect;
        float64 is there for checking gradients.  ``record_steps`` keeps the
        loss of every update's own batch (``Run.steps``): the noisy curve that
        tells SGD from batch gradient descent, off by default because every
        update then also computes its loss.
    """

    dataset: str = "moons"
    n_samples: int = 300
    noise: float = 0.2
    val_fraction: float = 0.3
    n_classes: int = 3
    features: tuple[str, ...] = ()
    hidden: tuple[int, ...] = (16, 16)
    activation: str = "relu"
    leaky_slope: float = 0.01
    output: str = "auto"
    loss: str = "auto"
    init: str = "xavier"
    init_scale: float = 0.1
    bias_init: float = 0.0
    l2: float = 0.0
    dropout: float = 0.0
    optimizer: str = "adam"
    lr: float = 0.01
    mu: float = 0.9
    rho: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    batch_size: int = 32
    epochs: int = 200
    schedule: str = "constant"
    decay_rate: float = 0.5
    decay_every: int = 50
    flip_sign_epoch: int | None = None
    early_stopping: int = 0
    seed: int = 0
    snapshots: int = 20
    dtype: str = "float32"
    record_steps: bool = False

    def __post_init__(self) -> None:
        # Normalise sequence fields to tuples of plain ints/strs so that equal
        # configs hash equal however they were written.
        object.__setattr__(self, "hidden", tuple(_int("hidden", h) for h in _seq("hidden", self.hidden)))
        object.__setattr__(self, "features", tuple(str(f) for f in _seq("features", self.features)))
        for name in INT_FIELDS:
            object.__setattr__(self, name, _int(name, getattr(self, name)))
        if self.flip_sign_epoch is not None:
            object.__setattr__(self, "flip_sign_epoch", _int("flip_sign_epoch", self.flip_sign_epoch))
        for name in FLOAT_FIELDS:
            object.__setattr__(self, name, _float(name, getattr(self, name)))
        if not isinstance(self.record_steps, (bool, np.bool_)):
            raise ValueError(f"record_steps must be True or False, got {self.record_steps!r}")
        object.__setattr__(self, "record_steps", bool(self.record_steps))
        _validate(self)

    # -- derived properties ------------------------------------------------
    @property
    def task(self) -> str:
        """'binary', 'multiclass' or 'regression', from the dataset."""
        if self.dataset in REGRESSION_DATASETS:
            return "regression"
        return "multiclass" if self.dataset == "blobs" else "binary"

    @property
    def output_loss(self) -> tuple[str, str]:
        """The (output unit, loss) pair with "auto" resolved for the task."""
        natural = {"binary": ("sigmoid", "bce"), "multiclass": ("softmax", "ce"), "regression": ("linear", "mse")}[
            self.task
        ]
        out = natural[0] if self.output == "auto" else self.output
        loss = self.loss
        if loss == "auto":
            loss = {"sigmoid": "bce" if self.task != "regression" else "mse", "softmax": "ce", "linear": "mse"}[out]
        return out, loss

    def rng(self, stream: str) -> np.random.Generator:
        """The random generator for one purpose, made from ``seed`` alone.

        Separate streams keep the data identical across variants that differ
        only in their model (the problem and its fixes see the same points),
        and keep the initial weights identical across variants that differ only
        in how they train.
        """
        return np.random.default_rng([RNG_STREAMS[stream], self.seed])

    # -- conversions ---------------------------------------------------------
    def replace(self, **changes) -> "Config":
        """A copy with some fields changed (validated like a new Config)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.init}

    def to_json(self) -> str:
        """Canonical JSON: sorted keys, so equal configs give equal strings."""
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict) -> "Config":
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        unknown = sorted(set(data) - names)
        if unknown:
            raise ValueError(f"unknown Config field(s) {unknown}; allowed: {sorted(names)}")
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> "Config":
        return cls.from_dict(json.loads(text))


# -- validation ----------------------------------------------------------------
def _seq(name, value):
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise ValueError(f"{name} must be a sequence, got {value!r}")
    return list(value)


def _int(name, value) -> int:
    """A whole number from an int, a NumPy integer or an integral float."""
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)) and math.isfinite(value) and float(value).is_integer():
        return int(value)
    raise ValueError(f"{name} must be a whole number, got {value!r}")


def _float(name, value) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name} must be a number, got {value!r}")
    return float(value)


def _check_range(name: str, value, limit_key: str | None = None) -> None:
    lo, hi = LIMITS[limit_key or name]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number in [{lo:g}, {hi:g}], got {value!r}")
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be in [{lo:g}, {hi:g}], got {value!r}")


def _check_name(name: str, value, allowed) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {list(allowed)}, got {value!r}")


def _validate(c: Config) -> None:
    _check_name("dataset", c.dataset, DATASET_NAMES)
    _check_name("activation", c.activation, ACTIVATION_NAMES)
    _check_name("output", c.output, OUTPUT_NAMES)
    _check_name("loss", c.loss, LOSS_NAMES)
    _check_name("init", c.init, INIT_NAMES)
    _check_name("optimizer", c.optimizer, OPTIMIZER_NAMES)
    _check_name("schedule", c.schedule, SCHEDULE_NAMES)
    _check_name("dtype", c.dtype, DTYPE_NAMES)
    for f in c.features:
        _check_name("features", f, FEATURE_NAMES)
    if len(set(c.features)) != len(c.features):
        raise ValueError(f"features must not repeat, got {list(c.features)}")

    for name in INT_FIELDS + FLOAT_FIELDS:
        _check_range(name, getattr(c, name))
    if c.flip_sign_epoch is not None:
        _check_range("flip_sign_epoch", c.flip_sign_epoch)
    _check_range("len(hidden)", len(c.hidden), "depth")
    for w in c.hidden:
        _check_range("hidden widths", w, "width")

    out, loss = c.output_loss
    if c.task == "regression" and loss in ("bce", "ce"):
        raise ValueError(f"loss {loss!r} needs class labels, but dataset {c.dataset!r} is a regression set")
    allowed_pairs = {("sigmoid", "bce"), ("softmax", "ce"), ("linear", "mse"), ("sigmoid", "mse")}
    if (out, loss) not in allowed_pairs:
        raise ValueError(
            f"output/loss pair ({out}, {loss}) is not supported; use one of "
            f"{sorted(allowed_pairs)}"
        )
    if c.task == "multiclass" and out != "softmax":
        raise ValueError("dataset 'blobs' is multi-class: output must be 'softmax' (or 'auto')")
    if c.task != "multiclass" and out == "softmax":
        raise ValueError(f"output 'softmax' needs a multi-class dataset; {c.dataset!r} is {c.task}")
    if c.task == "binary" and out == "linear":
        raise ValueError("a binary classification set needs a sigmoid output (or 'auto')")
    if c.dataset == "curve" and any(f not in ("x1", "x1^2", "sin(x1)") for f in c.features):
        raise ValueError("dataset 'curve' has one input: features may only use x1")
