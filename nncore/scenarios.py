"""The pathology pages' runs: each broken configuration beside the lecture's fixes.

``SCENARIOS`` maps a short name to a :class:`Scenario`: the ``problem`` config,
its ``fixes`` (an ordered mapping from fix name to config), the ``symptom`` the
problem shows (a key of :data:`nncore.symptoms.CHECKS`) and the ``page`` that
shows it.  Every fix differs from the problem only in the knobs it names --
same data, same seed -- so a learner can put a change and its effect side by
side.

Each scenario is calibrated against the measures of :mod:`nncore.symptoms`
and the doctor (:mod:`nncore.doctor`): the problem shows its symptom and the
doctor names it, and every fix is healthy -- no symptom of any kind, no doctor
alarm -- for every seed in range(10) (tests/test_scenarios.py checks seeds 0-4;
bench/doctor_confusion.py uses 10).  A fix that cures its own problem but
leaves another (a Leaky ReLU still bouncing at a rate of 1, a shallow sigmoid
net still crawling) would teach the wrong lesson, so the shared base was
chosen to let each fix work.  When a seed failed, the config was made clearer
(more points, longer training, a stronger setting), never the seed list
shorter.  Every variant trains in about 0.2 s or less, so that a page's first
render of its default scenario stays well under 1.5 s
(bench/scenarios_time.py).

Scenario fields beyond the contract: ``cause`` (a short key for the cause the
page names), ``description`` (one English line; pages show their own
translated text), ``beyond_lecture`` (fix names the lecture does not give,
e.g. early stopping) and ``default`` (the scenario a page opens with).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Mapping

from .config import Config
from .symptoms import SYMPTOMS

PAGES = ("overfitting", "underfitting", "dying_relu", "symmetry", "vanishing", "learning_rates")

# A batch at least as large as any training set: batch gradient descent.
FULL_BATCH = 5000


@dataclass(frozen=True)
class Scenario:
    """One problem run and its fixes, on one page."""

    name: str
    page: str
    symptom: str
    problem: Config
    fixes: Mapping[str, Config]
    cause: str = ""
    description: str = ""
    beyond_lecture: tuple[str, ...] = ()
    default: bool = False

    def __post_init__(self) -> None:
        if self.page not in PAGES:
            raise ValueError(f"page must be one of {list(PAGES)}, got {self.page!r}")
        if self.symptom not in SYMPTOMS:
            raise ValueError(f"symptom must be one of {list(SYMPTOMS)}, got {self.symptom!r}")
        fixes = dict(self.fixes)
        if not fixes or "problem" in fixes:
            raise ValueError(f"scenario {self.name!r} needs at least one fix, none named 'problem'")
        unknown = set(self.beyond_lecture) - set(fixes)
        if unknown:
            raise ValueError(f"beyond_lecture names unknown fixes {sorted(unknown)}")
        # A read-only ordered view: behaves like a dict, cannot be changed behind a page's back.
        object.__setattr__(self, "fixes", MappingProxyType(fixes))

    def __hash__(self) -> int:
        return hash((self.name, self.page, self.symptom, self.problem, tuple(self.fixes.items())))

    def __eq__(self, other) -> bool:
        if not isinstance(other, Scenario):
            return NotImplemented
        return (self.name, self.page, self.symptom, self.problem, tuple(self.fixes.items()), self.cause,
                self.beyond_lecture) == (other.name, other.page, other.symptom, other.problem,
                                         tuple(other.fixes.items()), other.cause, other.beyond_lecture)

    def __reduce__(self):
        # MappingProxyType does not pickle; rebuild from a plain dict (st.cache_data pickles arguments).
        return (_rebuild, (self.name, self.page, self.symptom, self.problem, dict(self.fixes), self.cause,
                           self.description, self.beyond_lecture, self.default))

    def variants(self) -> dict[str, Config]:
        """{"problem": problem, **fixes}, in page order."""
        return {"problem": self.problem, **self.fixes}

    def with_seed(self, seed: int) -> "Scenario":
        """The same scenario with every config on ``seed`` (same data and init for all variants)."""
        return replace(self, problem=self.problem.replace(seed=seed),
                       fixes={k: c.replace(seed=seed) for k, c in self.fixes.items()})

    def changed(self, fix: str) -> dict[str, tuple]:
        """The knobs ``fix`` changes: {field: (problem value, fix value)}."""
        a, b = self.problem.to_dict(), self.fixes[fix].to_dict()
        return {k: (a[k], b[k]) for k in a if a[k] != b[k]}


def _rebuild(name, page, symptom, problem, fixes, cause, description, beyond_lecture, default):
    return Scenario(name, page, symptom, problem, fixes, cause, description, beyond_lecture, default)


def _scenario(name: str, page: str, symptom: str, problem: Config, fixes: dict[str, dict], **kw) -> Scenario:
    """A scenario whose fixes are given as the knobs they change."""
    return Scenario(name, page, symptom, problem, {k: problem.replace(**ch) for k, ch in fixes.items()}, **kw)


_B = Config()

# -- Overfitting ----------------------------------------------------------------------
# A wide, deep ReLU net trained long on 150 noisy points: it memorises them.
_OVERFIT = _B.replace(dataset="moons", n_samples=300, noise=0.4, val_fraction=0.5, hidden=(32, 32, 32),
                      activation="relu", init="he", optimizer="adam", lr=0.01, batch_size=FULL_BATCH, epochs=250)

# -- Underfitting ---------------------------------------------------------------------------
# The underfitting cases train with momentum rather than Adam: 300 full-batch
# Adam steps drove the fixes towards memorising their 210 points (validation
# loss turning up; in one seed more than half of the 6+6 net's units dead), a
# second problem beside the fix.  Momentum fits as well (validation accuracy
# 0.9 or more for seeds 0-9) and stops short of that; the one-unit net and the
# strongly penalised one stay stuck all the same.
_UNDER_CAPACITY = _B.replace(dataset="circles", n_samples=300, noise=0.15, hidden=(1,), activation="relu",
                             optimizer="momentum", mu=0.9, lr=0.1, batch_size=FULL_BATCH, epochs=300)
# At 0.03: the unpenalised "no L2" net (16+16 units) would overfit at 0.1.
_UNDER_L2 = _B.replace(dataset="moons", n_samples=300, noise=0.2, hidden=(16, 16), activation="relu",
                       optimizer="momentum", mu=0.9, lr=0.03, batch_size=FULL_BATCH, epochs=300, l2=0.3)
_UNDER_RANGE = _B.replace(dataset="curve", n_samples=300, noise=0.1, hidden=(16, 16), activation="tanh",
                          output="sigmoid", loss="mse", optimizer="adam", lr=0.02, batch_size=FULL_BATCH,
                          epochs=300)

# -- Dying ReLU --------------------------------------------------------------------------------
# RMSprop at a rate of 1 for 100 epochs, then 0.1 (a step decay).  The huge
# steps kill ReLU units one after another while the loss bounces; once the
# rate drops, the dead units stay dead -- no gradient reaches them -- while
# Leaky ReLU's units, which kept a gradient, settle and fit.  Without the drop
# Leaky ReLU would cure the dead units but bounce between 0.3 and 40 for good
# (unstable loss: a second problem, not the lesson).  Calibrated: 78-100 %
# of the ReLU units dead at the end (all of them for seed 0, the page's first
# view); Leaky ReLU and the smaller rate healthy for seeds 0-9.  (With 500
# points Leaky ReLU stayed healthy on 59 of 60 seeds instead of 26 of 30, but
# only 75 % of seed 0's units died.)
_DYING_LR = _B.replace(dataset="circles", n_samples=300, noise=0.2, hidden=(32,), activation="relu", init="he",
                       optimizer="rmsprop", lr=1.0, batch_size=FULL_BATCH, epochs=200, schedule="step",
                       decay_rate=0.1, decay_every=100)
_DYING_BIAS = _B.replace(dataset="circles", n_samples=300, noise=0.2, hidden=(32,), activation="relu",
                         init="normal", init_scale=0.1, bias_init=-1.0, optimizer="adam", lr=0.01,
                         batch_size=FULL_BATCH, epochs=200)

# -- Symmetric initialisation -------------------------------------------------------------------
# 100 epochs: the copies never separate however long they train, and the
# randomly initialised fix has fitted by then (at 200 its validation loss had
# begun to turn up in 2 of 10 seeds).
_SYMMETRIC = _B.replace(dataset="moons", n_samples=300, noise=0.2, hidden=(16, 16), activation="tanh",
                        optimizer="adam", lr=0.01, batch_size=FULL_BATCH, epochs=100)

# -- Vanishing gradients --------------------------------------------------------------------------
# Two well-separated Gaussian blobs: a task so easy that one hidden layer
# masters it in 100 full-batch steps, yet the ten-layer sigmoid (or tanh) net
# stays at the loss of guessing -- the failure is the gradient's, not the
# task's.  On the moons no shared rate suited every fix: at 0.1 the deep ReLU
# and tanh nets already spiked late in training (unstable loss in half the
# seeds) while a shallow sigmoid net was still crawling towards the straight
# cut (slow convergence).  "Fewer layers" keeps one hidden layer: two sigmoid
# layers still learn too slowly at this rate.
_VANISH_SIGMOID = _B.replace(dataset="gauss", n_samples=300, noise=0.2, hidden=(16,) * 10, activation="sigmoid",
                             init="xavier", optimizer="sgd", lr=0.1, batch_size=FULL_BATCH, epochs=100)
_VANISH_TANH = _VANISH_SIGMOID.replace(activation="tanh", init="normal", init_scale=0.1, bias_init=1.0)

# -- Learning rates ---------------------------------------------------------------------------------
# A straight-plane regression fitted by a linear model: its loss is an exact
# bowl, so a step past 2 / curvature overshoots further every time.
_BOWL = _B.replace(dataset="plane", n_samples=4000, noise=0.1, hidden=(), optimizer="sgd",
                   batch_size=FULL_BATCH, epochs=24)
_RISING_SIGN = _B.replace(dataset="moons", n_samples=300, noise=0.2, hidden=(16, 16), activation="tanh",
                          optimizer="sgd", lr=0.1, batch_size=FULL_BATCH, epochs=200, flip_sign_epoch=60)
_DIVERGED = _B.replace(dataset="moons", n_samples=300, noise=0.2, hidden=(16, 16), activation="relu", init="he",
                       optimizer="sgd", lr=100.0, batch_size=FULL_BATCH, epochs=200)
_SLOW_LR = _B.replace(dataset="moons", n_samples=300, noise=0.2, hidden=(16, 16), activation="relu",
                      optimizer="sgd", lr=0.005, batch_size=FULL_BATCH, epochs=200)
_SLOW_BATCH = _B.replace(dataset="spiral", n_samples=300, noise=0.1, hidden=(32, 32, 32), activation="relu",
                         optimizer="adam", lr=0.005, batch_size=FULL_BATCH, epochs=60)
_UNSTABLE = _B.replace(dataset="curve", n_samples=300, noise=0.1, hidden=(16, 16), activation="tanh",
                       optimizer="sgd", lr=0.2, batch_size=FULL_BATCH, epochs=200)
_DECAY = dict(decay_rate=0.5, decay_every=20)

_ALL = [
    _scenario(
        "overfit", "overfitting", "overfitting", _OVERFIT,
        {"fewer_units": dict(hidden=(4, 4, 4)), "fewer_layers": dict(hidden=(32,)), "l2": dict(l2=0.03),
         "dropout": dict(dropout=0.5), "early_stopping": dict(early_stopping=10)},
        cause="too_many_parameters", beyond_lecture=("early_stopping",), default=True,
        description="A wide, deep network trained long on 150 noisy points memorises them: training loss keeps "
                    "falling while validation loss turns up."),
    _scenario(
        "underfit_capacity", "underfitting", "underfitting", _UNDER_CAPACITY,
        {"more_units": dict(hidden=(8,)), "more_layers": dict(hidden=(6, 6))},
        cause="too_few_parameters", default=True,
        description="One hidden unit can only draw a straight cut, but one circle lies inside the other."),
    _scenario(
        "underfit_l2", "underfitting", "underfitting", _UNDER_L2,
        {"weaker_l2": dict(l2=0.01), "no_l2": dict(l2=0.0)},
        cause="l2_too_strong",
        description="So strong an L2 penalty that the weights stay near zero and the boundary cannot bend."),
    _scenario(
        "underfit_output", "underfitting", "underfitting", _UNDER_RANGE,
        {"linear_output": dict(output="linear")},
        cause="output_range",
        description="A sigmoid output can never exceed 1, but the regression targets run from 0.5 to 2.5."),
    _scenario(
        "dying_lr", "dying_relu", "dying_relu", _DYING_LR,
        {"leaky_relu": dict(activation="leaky_relu"), "smaller_lr": dict(lr=0.01)},
        cause="lr_too_large", default=True,
        description="Huge RMSprop steps push most ReLU units negative for every input; they output 0 and get "
                    "no gradient ever again, even after the rate drops tenfold at epoch 100."),
    _scenario(
        "dying_bias", "dying_relu", "dying_relu", _DYING_BIAS,
        {"leaky_relu": dict(activation="leaky_relu"), "he_init": dict(init="he")},
        cause="negative_bias",
        description="Small weights and a bias of -1 put every ReLU unit below zero from the start."),
    _scenario(
        "symmetric_zero", "symmetry", "symmetric_init", _SYMMETRIC.replace(init="zeros"),
        {"random_init": dict(init="xavier")},
        cause="zero_init", default=True,
        description="All weights start at 0: every hidden unit gets the same (here zero) gradient and stays a "
                    "copy of the others."),
    _scenario(
        "symmetric_constant", "symmetry", "symmetric_init", _SYMMETRIC.replace(init="constant", init_scale=0.5),
        {"random_init": dict(init="xavier")},
        cause="constant_init",
        description="All weights start at 0.5: the units learn, but in lock-step, so the network draws what one "
                    "unit per layer can."),
    _scenario(
        "vanishing_sigmoid", "vanishing", "vanishing_gradients", _VANISH_SIGMOID,
        {"relu_he": dict(activation="relu", init="he"), "tanh_xavier": dict(activation="tanh"),
         "fewer_layers": dict(hidden=(16,))},
        cause="deep_sigmoid", default=True,
        description="Ten sigmoid layers: each multiplies the gradient by at most 0.25, so the first layer gets a "
                    "millionth of the output layer's gradient and the loss stalls."),
    _scenario(
        "vanishing_tanh", "vanishing", "vanishing_gradients", _VANISH_TANH,
        {"relu_he": dict(activation="relu", init="he", bias_init=0.0),
         "tanh_xavier": dict(init="xavier", bias_init=0.0), "fewer_layers": dict(hidden=(16,))},
        cause="deep_tanh",
        description="Ten tanh layers with small weights and a bias of 1: every unit sits on the flat part of "
                    "tanh and the gradient fades layer by layer."),
    _scenario(
        "rising_lr", "learning_rates", "loss_rising", _BOWL.replace(lr=0.345),
        {"smaller_lr": dict(lr=0.1)},
        cause="lr_too_large", default=True,
        description="Each step jumps past the bottom of the bowl and lands higher than it started: the loss "
                    "climbs every epoch."),
    _scenario(
        "rising_momentum", "learning_rates", "loss_rising",
        _BOWL.replace(optimizer="nesterov", mu=0.95, lr=0.235, epochs=12),
        {"smaller_momentum": dict(mu=0.3)},
        cause="momentum_too_large",
        description="Too much momentum carries each step further past the bottom: the loss climbs every epoch."),
    _scenario(
        "rising_sign", "learning_rates", "loss_rising", _RISING_SIGN,
        {"correct_sign": dict(flip_sign_epoch=None)},
        cause="gradient_sign",
        description="From epoch 60 on, a bug flips the gradient's sign: every step climbs the loss."),
    _scenario(
        "diverged", "learning_rates", "diverged", _DIVERGED,
        {"smaller_lr": dict(lr=0.1)},
        cause="lr_absurd",
        description="An absurd learning rate throws the weights so far that the loss overflows at once."),
    _scenario(
        "slow_lr", "learning_rates", "slow_convergence", _SLOW_LR,
        {"larger_lr": dict(lr=0.3)},
        cause="lr_too_small", default=True,
        description="Steps so small that after 200 epochs the loss has barely started to fall."),
    _scenario(
        "slow_batch", "learning_rates", "slow_convergence", _SLOW_BATCH,
        {"mini_batches": dict(batch_size=32)},
        cause="full_batch",
        description="Batch gradient descent makes one step per epoch on the spiral; mini-batches make seven."),
    _scenario(
        "unstable_lr", "learning_rates", "unstable_loss", _UNSTABLE,
        {"step_decay": dict(schedule="step", **_DECAY), "exponential_decay": dict(schedule="exponential", **_DECAY),
         "inverse_time_decay": dict(schedule="inverse_time", **_DECAY)},
        cause="lr_still_too_large", default=True,
        description="A learning rate still a little too large: the loss bounces up and down instead of "
                    "settling; lowering it as training goes on lets it settle."),
]

SCENARIOS: dict[str, Scenario] = {s.name: s for s in _ALL}


def for_page(page: str) -> dict[str, Scenario]:
    """The scenarios of one page, in order."""
    if page not in PAGES:
        raise ValueError(f"page must be one of {list(PAGES)}, got {page!r}")
    return {k: s for k, s in SCENARIOS.items() if s.page == page}


def defaults(page: str) -> dict[str, Scenario]:
    """The scenarios a page trains on its first render."""
    return {k: s for k, s in for_page(page).items() if s.default}
