"""The symptoms of the lecture's Part 2, each measured from a run's telemetry.

These are the test oracles behind the pathology pages: a scenario (see
:mod:`nncore.scenarios`) is calibrated so that its problem run shows its
symptom and none of its fixes does, for every seed tried.  Each measure reads
only the telemetry frames (``run.history``, ``run.layers``) and
``run.diverged`` -- never the config -- so it judges what a learner sees.
They are deliberately simple and explicit; the doctor (:mod:`nncore.doctor`)
diagnoses the same runs with published heuristics instead.

``CHECKS`` maps each name of ``SYMPTOMS`` to ``fn(run) -> Check``.  A Check
holds ``present`` and ``evidence``, the numbers the verdict rests on.  Every
threshold is a module constant, and every measure below names them:

overfitting
    The validation loss turned up while the training loss kept falling: the
    final validation loss is at least ``OVERFIT_VAL_RISE`` (1.5) times its
    minimum over the run, and the final training loss is at most
    ``OVERFIT_TRAIN_DROP`` (0.8) times the training loss at the epoch of that
    minimum.
underfitting
    Both losses stay high and close, and have stopped falling: the final
    training loss is "high" -- for classification at least
    ``UNDERFIT_CHANCE_SHARE`` (0.75) of the loss of guessing, ln C for C
    classes (C = 2 for one sigmoid output); for regression at least
    ``UNDERFIT_START_SHARE`` (0.25) of the untrained network's loss (epoch 0)
    -- the final validation loss is at most ``UNDERFIT_GAP`` (1.5) times the
    final training loss, and the training loss fell by less than
    ``PLATEAU_DROP`` (10 %) over the last quarter of the epochs.
dying_relu
    At the last epoch, at least ``DEAD_SHARE`` (0.5) of all hidden units are
    dead: they output 0 for every training sample (``dead_frac``, weighted by
    each layer's width).
symmetric_init
    At the last epoch, every hidden layer of two or more units has exactly one
    distinct unit (``distinct_units`` = 1): all its units are copies.
vanishing_gradients
    The largest gradient norm the first layer received in the whole run is at
    most ``VANISH_RATIO`` (1e-3) of the largest the output layer received.
    Peaks are compared because a stalled network's output layer soon stops
    getting gradient too (its bias absorbs the class balance), after which
    every layer's gradient is small.
loss_rising
    The training loss climbs steadily away from its minimum: the last recorded
    training loss is at least ``RISE_FACTOR`` (2) times the minimum, the
    minimum lies at least ``RISE_MIN_EPOCHS`` (10) recorded epochs before the
    end, and the loss rose in at least ``RISE_STEADY_SHARE`` (70 %) of the
    epoch-to-epoch steps after the minimum.  (A run that blows up at once is
    ``diverged``, not rising: too few epochs follow its minimum.)
diverged
    The engine stopped the run as diverged (NaN/Inf, or a training loss over
    1e3 x its start; see :mod:`nncore.training`), or a recorded loss is not
    finite.
slow_convergence
    The loss is still falling but has come little of the way: the final
    training loss is at least ``SLOW_LEFT_SHARE`` (0.5) of the epoch-0
    training loss, it fell by at least ``SLOW_STILL_FALLING`` (2 %) over the
    last quarter of the epochs, that last quarter brought at least
    ``SLOW_LATE_SHARE`` (10.5 %) of all the progress the run made (epoch-0 loss
    minus its minimum; a straight line brings 25 %, a curve that has levelled
    off towards its floor far less), and the run did not diverge.
unstable_loss
    The training loss goes up and down: over the second half of the epochs at
    least ``UNSTABLE_SHARE`` (10 %) of the epoch-to-epoch steps are jumps up
    by more than ``UNSTABLE_JUMP`` (10 %) of the previous value, and at least
    ``UNSTABLE_SHARE`` of them are drops by the same factor (to below 1/1.1 of
    the previous value).  A steady rise has no drops, and the full-set loss of
    a settled run moves by far less.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

SYMPTOMS = ("overfitting", "underfitting", "dying_relu", "symmetric_init", "vanishing_gradients",
            "loss_rising", "diverged", "slow_convergence", "unstable_loss")

# -- thresholds ----------------------------------------------------------------
# Overfitting.  UMLAUT flags "validation loss rising while training loss falls";
# a rise of half again over the best is far beyond the wobble of a full-set
# validation curve (calibrated fixes stay within 1.25x, problems reach 2x+).
OVERFIT_VAL_RISE = 1.5
OVERFIT_TRAIN_DROP = 0.8  # training loss at least 20 % lower than when validation was best

# Underfitting.  cs231n: "train and validation close together and both high".
# "High" needs a reference: the loss of guessing (ln C) for classes, the
# untrained network's loss for regression (whose scale varies with the data).
UNDERFIT_CHANCE_SHARE = 0.75  # a fitted noisy set (moons, noise 0.4) ends near 0.3 = 0.45 ln 2
UNDERFIT_START_SHARE = 0.25
UNDERFIT_GAP = 1.5  # validation loss at most 1.5x training loss: no overfitting gap
PLATEAU_DROP = 0.10  # "stopped falling": less than 10 % lower over the last quarter

# Dying ReLU.  cs231n: up to 40 % of a network can die at a high learning rate;
# AUTOTRAINER and DeepDiagnosis flag 70 %, TheDeepChecker 50 %.
DEAD_SHARE = 0.5

# Symmetric initialisation: copies of one unit (see telemetry.DISTINCT_TOLERANCE).
SYMMETRIC_DISTINCT = 1

# Vanishing gradients.  AUTOTRAINER: first/last gradient-norm ratio < 1e-3.
VANISH_RATIO = 1e-3

# Rising loss.  A doubling sustained over ten epochs cannot be a wobble.
RISE_FACTOR = 2.0
RISE_MIN_EPOCHS = 10
RISE_STEADY_SHARE = 0.7

# Slow convergence.  TheDeepChecker calls a loss stagnant below 5 % drop per
# step; here: after a whole run less than half of the starting loss is gone,
# yet the curve still points down (unlike a plateau, which is underfitting)
# and has not begun to level off (cs231n: a too-low rate gives a near-linear
# curve).  The last condition keeps the measure from depending on where the
# initialisation happened to start: on noisy data a run that starts close to
# its floor (epoch-0 loss 0.57 with a floor near 0.4) cannot lose half of it
# however well it converges.  Calibrated on every scenario variant, seeds
# 0-59: the slow problems' last quarter brings 11.3-37 % of their progress;
# the fix runs that met the first two conditions without crawling (overfitting
# fixes that started near their floor, an early-stopped run) at most 9.8 %.
# The threshold sits between the two.
SLOW_LEFT_SHARE = 0.5
SLOW_STILL_FALLING = 0.02
SLOW_LATE_SHARE = 0.105

# Unstable loss.  AUTOTRAINER: accuracy swings >= 3-5 points on >= 20-25 % of
# epochs.  On the loss: jumps of over 10 % both ways on at least 10 % of the
# epochs of the second half.
UNSTABLE_JUMP = 0.10
UNSTABLE_SHARE = 0.10


@dataclass(frozen=True)
class Check:
    """The verdict on one symptom and the numbers it rests on."""

    symptom: str
    present: bool
    evidence: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.present


# -- helpers -----------------------------------------------------------------------

def _losses(run, column: str = "train_loss") -> np.ndarray:
    return run.history[column].to_numpy(dtype=float)


def _last_layers(layers: pd.DataFrame) -> pd.DataFrame:
    return layers[layers["epoch"] == layers["epoch"].max()]


def _hidden(layers: pd.DataFrame) -> pd.DataFrame:
    return layers[layers["name"] != "output"]


def _quarter_drop(loss: np.ndarray) -> float:
    """Relative fall of the loss over the last quarter of the recorded epochs."""
    at = loss[(3 * (len(loss) - 1)) // 4]
    return float((at - loss[-1]) / at) if at > 0 else 0.0


def _finite(loss: np.ndarray) -> bool:
    return bool(np.isfinite(loss).all())


# -- the measures -----------------------------------------------------------------------

def overfitting(run) -> Check:
    val, tr = _losses(run, "val_loss"), _losses(run)
    if run.diverged or not (_finite(val) and _finite(tr)) or len(val) < 3:
        return Check("overfitting", False, {"reason": "diverged or too short"})
    best = int(np.argmin(val))
    val_rise = float(val[-1] / val[best]) if val[best] > 0 else math.inf
    train_drop = float(tr[-1] / tr[best]) if tr[best] > 0 else 1.0
    present = val_rise >= OVERFIT_VAL_RISE and train_drop <= OVERFIT_TRAIN_DROP
    return Check("overfitting", present, {"val_rise": val_rise, "best_val_epoch": int(run.history["epoch"].iloc[best]),
                                          "train_drop_since": train_drop})


def _guess_loss(run) -> float | None:
    """ln C for classification (C from the output layer's width), None for regression."""
    if run.history["train_acc"].isna().all():
        return None
    units = int(run.layers.loc[run.layers["name"] == "output", "units"].iloc[0])
    return math.log(max(units, 2))


def underfitting(run) -> Check:
    tr, val = _losses(run), _losses(run, "val_loss")
    if run.diverged or not (_finite(tr) and _finite(val)) or len(tr) < 3:
        return Check("underfitting", False, {"reason": "diverged or too short"})
    guess = _guess_loss(run)
    if guess is None:
        reference, share = float(tr[0]), UNDERFIT_START_SHARE
    else:
        reference, share = guess, UNDERFIT_CHANCE_SHARE
    level = float(tr[-1] / reference) if reference > 0 else 0.0
    gap = float(val[-1] / tr[-1]) if tr[-1] > 0 else math.inf
    drop = _quarter_drop(tr)
    present = level >= share and gap <= UNDERFIT_GAP and drop < PLATEAU_DROP
    return Check("underfitting", present, {"level": level, "reference": reference, "gap": gap,
                                           "last_quarter_drop": drop})


def dying_relu(run) -> Check:
    hidden = _hidden(_last_layers(run.layers))
    if hidden.empty:
        return Check("dying_relu", False, {"reason": "no hidden layer"})
    dead_units = float((hidden["dead_frac"].fillna(0.0) * hidden["units"]).sum())
    share = dead_units / float(hidden["units"].sum())
    return Check("dying_relu", share >= DEAD_SHARE,
                 {"dead_share": share, "dead_per_layer": [float(d) for d in hidden["dead_frac"]]})


def symmetric_init(run) -> Check:
    hidden = _hidden(_last_layers(run.layers))
    wide = hidden[hidden["units"] > 1]
    if wide.empty:
        return Check("symmetric_init", False, {"reason": "no hidden layer of two or more units"})
    distinct = [int(d) for d in wide["distinct_units"]]
    return Check("symmetric_init", all(d <= SYMMETRIC_DISTINCT for d in distinct),
                 {"distinct_per_layer": distinct, "units_per_layer": [int(u) for u in wide["units"]]})


def vanishing_gradients(run) -> Check:
    layers = run.layers[run.layers["epoch"] > 0]
    if layers.empty or layers["layer"].max() < 2:
        return Check("vanishing_gradients", False, {"reason": "no trained epoch or a single layer"})
    first = layers.loc[layers["layer"] == 1, "grad_norm"].max()
    last = layers.loc[layers["layer"] == layers["layer"].max(), "grad_norm"].max()
    if not (np.isfinite(first) and np.isfinite(last)) or last <= 0:
        return Check("vanishing_gradients", False, {"reason": "no finite output gradient",
                                                    "first_peak": float(first), "last_peak": float(last)})
    ratio = float(first / last)
    return Check("vanishing_gradients", ratio <= VANISH_RATIO,
                 {"ratio": ratio, "first_peak": float(first), "last_peak": float(last)})


def loss_rising(run) -> Check:
    tr = _losses(run)
    finite = np.where(np.isfinite(tr), tr, np.inf)  # a non-finite last value counts as a rise
    best = int(np.argmin(finite))
    after = len(tr) - 1 - best
    if after < 1:
        return Check("loss_rising", False, {"rise": 1.0, "epochs_after_min": 0, "rising_share": 0.0})
    rise = float(finite[-1] / finite[best]) if finite[best] > 0 else math.inf
    steps = np.diff(finite[best:])
    share = float(np.mean(steps > 0))
    present = rise >= RISE_FACTOR and after >= RISE_MIN_EPOCHS and share >= RISE_STEADY_SHARE
    return Check("loss_rising", present, {"rise": rise, "epochs_after_min": after, "rising_share": share})


def diverged(run) -> Check:
    tr = _losses(run)
    present = bool(run.diverged) or not _finite(tr)
    return Check("diverged", present, {"diverged": bool(run.diverged), "finite": _finite(tr),
                                       "epochs": int(run.history["epoch"].iloc[-1])})


def slow_convergence(run) -> Check:
    tr = _losses(run)
    if run.diverged or not _finite(tr) or len(tr) < 5 or tr[0] <= 0:
        return Check("slow_convergence", False, {"reason": "diverged or too short"})
    left = float(tr[-1] / tr[0])
    drop = _quarter_drop(tr)
    progress = float(tr[0] - tr.min())
    at = tr[(3 * (len(tr) - 1)) // 4]
    late = float((at - tr[-1]) / progress) if progress > 0 else 0.0
    present = left >= SLOW_LEFT_SHARE and drop >= SLOW_STILL_FALLING and late >= SLOW_LATE_SHARE
    return Check("slow_convergence", present, {"left": left, "last_quarter_drop": drop, "late_share": late})


def unstable_loss(run) -> Check:
    tr = _losses(run)
    if not _finite(tr) or len(tr) < 5:
        return Check("unstable_loss", False, {"reason": "not finite or too short"})
    half = tr[(len(tr) - 1) // 2:]
    prev, nxt = half[:-1], half[1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(prev > 0, (nxt - prev) / prev, 0.0)
    ups = float(np.mean(change > UNSTABLE_JUMP))
    downs = float(np.mean(change < -UNSTABLE_JUMP / (1 + UNSTABLE_JUMP)))  # the same factor, downwards
    present = ups >= UNSTABLE_SHARE and downs >= UNSTABLE_SHARE
    return Check("unstable_loss", present, {"jumps_up_share": ups, "jumps_down_share": downs})


CHECKS: dict[str, Callable[..., Check]] = {
    "overfitting": overfitting,
    "underfitting": underfitting,
    "dying_relu": dying_relu,
    "symmetric_init": symmetric_init,
    "vanishing_gradients": vanishing_gradients,
    "loss_rising": loss_rising,
    "diverged": diverged,
    "slow_convergence": slow_convergence,
    "unstable_loss": unstable_loss,
}


def check(run, symptom: str) -> Check:
    """The verdict on one named symptom."""
    if symptom not in CHECKS:
        raise ValueError(f"symptom must be one of {list(SYMPTOMS)}, got {symptom!r}")
    return CHECKS[symptom](run)


def examine(run) -> dict[str, Check]:
    """Every symptom's verdict for one run."""
    return {name: fn(run) for name, fn in CHECKS.items()}
