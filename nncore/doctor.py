"""The training doctor: name what went wrong from the telemetry, with the evidence and the lecture's fix.

Research tools detect training problems from logs -- AUTOTRAINER (Zhang et
al., ICSE 2021), DeepDiagnosis (Wardat et al., ICSE 2022), TheDeepChecker,
UMLAUT (Schoop et al., CHI 2021) -- but say little about why.  The doctor
reuses their published tests, states the numbers that triggered each one, and
prescribes the fixes the lecture gives.

Input is the telemetry of :mod:`nncore.telemetry` (``history`` and optionally
``layers``), from our own runs or from a CSV log read by :func:`read_log`
(:mod:`nncore.logs`: our export, Keras' and Lightning's CSVLoggers, a plain
``epoch, train_loss, val_loss`` file).  Loss rules need only the history; the
layer rules need per-layer columns, and :func:`examine` lists the checks it
could not make and why.

The rules (thresholds are the module constants named in brackets)
-----------------------------------------------------------------
==================== =====================================================================
code                 alarm when (source)
==================== =====================================================================
diverged             a training loss is NaN/Inf, or >= 1e3 x the first loss
                     [EXPLOSION_FACTOR] (AUTOTRAINER's NaN / 1e3 test, made relative)
loss_rising          after its minimum the smoothed loss climbs back >= 50 % of the
                     progress made [RISE_SHARE], ends >= 20 % above the minimum
                     [RISE_MIN_RELATIVE] and rises in >= 50 % of the epochs after it
                     [RISE_UP_SHARE] (the lecture; TheDeepChecker's diverging-loss test)
symmetric_init       a hidden layer has at most half its units distinct
                     [SYMMETRY_FRACTION] (TheDeepChecker's "unbreaking symmetry")
dying_relu           >= 70 % of all hidden units output 0 on every sample
                     [DEAD_FRACTION] (AUTOTRAINER, DeepDiagnosis); error when one
                     layer is entirely dead; info from 40 % in a layer (cs231n)
vanishing_gradients  the first layer's largest gradient norm is < 1e-3 of the output
                     layer's largest [VANISH_RATIO] (AUTOTRAINER)
unstable_loss        in the last half, >= 10 % of the steps jump up by > 10 % and
                     >= 10 % jump down as much [OSC_JUMP, OSC_RATE] (AUTOTRAINER's
                     oscillation test, on the loss's own level)
slow_convergence     the loss still falls in >= 80 % of the last 30 % of the epochs,
                     that stretch brought >= 10 % of the progress, and the loss is
                     still >= 50 % of its start [SLOW_*] (AUTOTRAINER, TheDeepChecker
                     stagnation, cs231n's near-linear curve of a too-low rate);
                     >= 20 % of the progress when validation stopped improving
overfitting          the smoothed validation loss ends >= 1.2 x its minimum
                     [OVERFIT_RISE], giving back >= 25 % of its improvement
                     [OVERFIT_GIVEBACK], while the training loss kept falling (UMLAUT)
underfitting         the loss has levelled off high -- >= 0.75 ln C for classification
                     [UNDERFIT_CHANCE_SHARE] or best accuracy < 0.7 (AUTOTRAINER), >=
                     0.3 x the first loss for regression [UNDERFIT_START_SHARE] -- and
                     the validation loss is within 50 % of it [UNDERFIT_GAP] (cs231n)
==================== =====================================================================

Judging logs of any framework fairly
------------------------------------
Every threshold is relative, so that a loss of another scale, epochs counted
from 0 or 1, and 10 epochs or 1000 are judged alike:

* losses are compared with the run's own first loss, minimum and progress
  (first loss minus minimum), or for classification with the loss of
  guessing, ln C -- never with an absolute value;
* curves are smoothed with a running median over 5 % of the epochs before
  minima and end values are read, so one noisy epoch decides nothing; a jump
  is relative to the loss it jumps from, and jumps smaller than 0.2 % of the
  run's progress are noise;
* windows are fractions of the run and each rule needs a minimum number of
  points, or it is skipped (and listed in :attr:`Report.skipped`);
* the gradient test compares layers with each other, and the update ratio is
  per update (the epoch's weight change divided by its updates).

Severities
----------
``error``   training failed: the run's result is unusable and the cause must be
            fixed first (diverged, loss rising, symmetric units, a layer that is
            entirely dead).
``warning`` a problem that makes the model worse than it should be and that the
            lecture has a fix for.
``info``    worth knowing, not an alarm: a sign below the alarm threshold (a
            validation loss up 10 %, a layer 40 % dead) or a symptom that is part
            of another finding (the bouncing of a loss that is diverging).
An *alarm* is an ``error`` or ``warning`` finding; that is what the confusion
benchmark (bench/doctor_confusion.py) counts as a detection or a false alarm.
A symptom caused by another finding (a loss that stalls because the units
died) stays an alarm -- it is true -- and says which finding explains it.

Findings are sorted by severity, then causes before symptoms (the order of
:data:`PROBLEMS`).

Evidence in any language
------------------------
A finding's ``evidence`` is made from templates and the finding's ``facts``
only, by :func:`say`: the main sentence ``EVIDENCE["<code>.<kind>"]`` (``kind``
is ``facts["kind"]``: which variant of the sentence the rule chose), filled
with the facts; a list sentence fills ``{items}`` with one
``EVIDENCE["<code>.<item kind>"]`` per entry of ``facts["items"]``; then one
sentence ``CLAUSES[name]`` per name in ``facts["clauses"]`` (the update ratio,
the finding that explains this one...).  An app passes :func:`say` its own
templates under the same keys and gets the same evidence, with the same
numbers, in its language; skipped-check reasons (:data:`SKIPS`) and the log
reader's notes are :class:`~nncore.logs.Phrase` strings that carry their key
and facts the same way.

Command line::

    python -m nncore.doctor LOG.csv [--json]

prints the findings and the checks it could not make; exit code 0 when the log
could be read, 2 (with a one-line message on stderr) when it could not.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from .logs import LogError, ParsedLog, Phrase, parse_log, read_log, to_csv, write_log

__all__ = ["Finding", "Report", "Problem", "PROBLEMS", "RULES", "SEVERITIES", "EVIDENCE", "CLAUSES", "SKIPS",
           "diagnose", "examine", "say", "read_log", "parse_log", "to_csv", "write_log", "LogError", "Phrase", "main"]

SEVERITIES = ("error", "warning", "info")
ALARMS = ("error", "warning")

# -- thresholds, each with its source --------------------------------------------

# AUTOTRAINER (utils/monitor.py, loss_issue: judgment_point=0.3) judges only
# after 30 % of the epochs, once the start-up transient is over; so does the
# update-ratio evidence here.
JUDGE_FROM = 0.3
# Running-median window as a share of the epochs (at least 3 points): relative,
# so 10-epoch and 1000-epoch logs are smoothed alike.  Our calibration.
SMOOTH_FRACTION = 0.05
# Fewest points a curve rule needs (TheDeepChecker judges loss trends over 5 steps).
MIN_POINTS = 5

# diverged.  AUTOTRAINER flags a NaN/Inf loss, or a loss >= 1e3, as an
# explosion; our engine stops a run whose loss exceeds 1e3 x its start
# (training.EXPLOSION_FACTOR).  Relative to the first loss here, so the loss
# scale does not matter.
EXPLOSION_FACTOR = 1e3

# loss_rising.  The lecture: "the loss rises steadily" (learning rate or
# momentum too large, or a wrong gradient sign).  TheDeepChecker calls a loss
# that doubles per step diverging; per epoch we ask less: the smoothed loss
# climbs back at least RISE_SHARE of the progress it had made (start - min;
# a loss that never fell has made none), ends at least RISE_MIN_RELATIVE above
# its minimum (so a flat curve's rounding noise is no rise), and goes up in
# at least RISE_UP_SHARE of the smoothed epochs after its minimum.
RISE_SHARE = 0.5
RISE_MIN_RELATIVE = 0.2
RISE_UP_SHARE = 0.5

# unstable_loss.  AUTOTRAINER's oscillation test (ol_judge, zeta=0.03,
# eta=0.2) counts accuracy swings of at least 3 points on at least 20 % of the
# epochs; TheDeepChecker flags a loss curve of low smoothness.  On the loss,
# whose scale is arbitrary, a jump is relative to the loss it starts from:
# the loss goes up by more than OSC_JUMP (10 %) on at least OSC_RATE of the
# epoch-to-epoch steps, and down by as much on as many -- up *and* down, so a
# steady rise is not an oscillation.  Judged over the last OSC_WINDOW of the
# run, because a decayed learning rate must have calmed the end.  Steps
# smaller than OSC_FLOOR of the run's progress (first loss - minimum, itself
# at least OSC_SCALE_FLOOR of the first loss) are noise, not jumps: a loss near
# zero wobbles by large factors without meaning anything.  Calibrated: the
# bouncing problem runs jump both ways on 14-31 % of their late steps; the
# same networks with a decayed rate on none.  (nncore.symptoms uses the same
# 10 % / 10 % test without the floor.)
OSC_JUMP = 0.1
OSC_RATE = 0.1
OSC_WINDOW = 0.5
OSC_FLOOR = 0.002
OSC_SCALE_FLOOR = 0.1

# overfitting.  UMLAUT: validation loss rising while training loss falls; the
# pathology issue's measure: final validation loss >= 1.2 x its minimum while
# the training loss still falls.  A ratio alone is jumpy when the minimum is
# near zero (0.02 -> 0.03 is 1.5x), so the rise must also give back
# OVERFIT_GIVEBACK of the improvement the validation loss had made (first
# value - minimum), as the loss_rising rule does.  Calibrated: the overfitting
# scenario's runs rise 2.2-5.3x and give back 48 % to 10x their improvement;
# well-tuned healthy runs give back under 10 %.
# AUTOTRAINER's accuracy gap (>= 0.1, or >= 0.07 when train accuracy > 0.9)
# is reported as extra evidence when accuracies exist.
OVERFIT_RISE = 1.2
OVERFIT_GIVEBACK = 0.25
OVERFIT_MILD = (1.1, 0.1)  # info: a mild rise (ratio, give-back), below the alarm
ACC_GAP = 0.1
ACC_GAP_HIGH = 0.07

# underfitting.  cs231n: training and validation loss that track each other
# closely mean too little capacity; AUTOTRAINER: best accuracy below 0.7 is
# "not converging".  "High" is relative to a reference loss: for
# classification (accuracy logged) the loss of guessing, ln C (cs231n: the
# loss an untrained classifier starts from), with C the output layer's width
# when the layers are known and at least 2 otherwise; for regression the
# first loss.  The plateaued training loss is still at least
# UNDERFIT_CHANCE_SHARE of ln C (or the best training accuracy is below
# UNDERFIT_ACCURACY), or UNDERFIT_START_SHARE of the first regression loss;
# the validation loss is at most UNDERFIT_GAP above it (no overfitting gap);
# and the loss no longer falls (a loss still falling is slow_convergence).
# Calibrated: our underfitting runs end at 0.85 ln C or more (regression:
# about half the first loss), fitted runs on noisy data below 0.75 ln C
# (regression: under 0.05).
# A regression judged against its first *logged* loss cannot tell a model stuck
# high from one that reached its floor (the data's noise) within its first
# epoch, as a Keras or Lightning log (which starts after epoch 1) shows it:
# when the loss fell to at most UNDERFIT_SETTLED_LEVEL of its first value and
# was already within 10 % of that final level by the UNDERFIT_SETTLED-th
# logged epoch (it learned fast, then met a floor), the finding is info, not
# an alarm.  A curve that barely moved (ending at 0.86 of its start) stays an
# alarm.  Calibrated: a linear model on linear data logged that way ends at
# 0.06-0.45 of its first loss, settled by epoch 2; our underfitting
# regressions are still falling there (at >= 1.6x their end).
UNDERFIT_CHANCE_SHARE = 0.75
UNDERFIT_START_SHARE = 0.3
UNDERFIT_SETTLED = 3
UNDERFIT_SETTLED_LEVEL = 0.5
UNDERFIT_GAP = 0.5
UNDERFIT_ACCURACY = 0.7

# slow_convergence.  AUTOTRAINER: the largest epoch-to-epoch accuracy gain is
# below 0.01; TheDeepChecker: loss drops < 5 % per step; cs231n: a too-low
# learning rate gives a near-linear loss curve.  Here: over the last
# SLOW_WINDOW of the run the loss still falls in at least SLOW_DOWN_SHARE of
# the epochs, the drop over that window is at least SLOW_LATE_SHARE of all
# the progress made (a converged curve has flattened: its late drop is
# tiny), and the loss is still at least SLOW_LEFT of its first value (the
# lecture's "falls very slowly": little of the way has been come).  When a
# logged validation loss has stopped improving (it ends above where the
# window began, or above its earlier minimum), the window must bring at
# least SLOW_LATE_SHARE_STALLED: a run stopped early because validation
# stopped improving has a training loss that "still falls", and logged from
# epoch 1 on (Keras, Lightning) it has come little of the way from its first
# value.  Calibrated on Keras-convention logs: early-stopped runs bring <= 19 %
# late, slow runs whose validation stalled >= 23 %.
SLOW_WINDOW = 0.3
SLOW_DOWN_SHARE = 0.8
SLOW_LATE_SHARE = 0.1
SLOW_LEFT = 0.5
SLOW_LATE_SHARE_STALLED = 0.2

# dying_relu.  AUTOTRAINER (gamma=0.7): 70 % or more of the network's
# gradient entries are zero -- here, 70 % of all hidden units (weighted by
# width) are dead; DeepDiagnosis applies 70 % per layer.  A layer whose units
# are *all* dead passes no signal at all, whatever the rest: an error.
# cs231n: "as much as 40 % of your network can be dead" at a high learning
# rate -- a layer that far gone is reported as info.
DEAD_FRACTION = 0.7
DEAD_INFO = 0.4

# symmetric_init.  TheDeepChecker reports var(W) ~ 0 as "unbreaking symmetry";
# our telemetry counts distinct units directly.  A hidden layer where at most
# half the units are distinct has not broken its symmetry.
SYMMETRY_FRACTION = 0.5

# vanishing_gradients.  AUTOTRAINER: ||g_first|| / ||g_last|| < 1e-3 (beta_1).
# The norms compared are each layer's largest over the run: once a stalled
# network's output bias has absorbed the class balance, the output layer's
# gradient fades too and every layer's is small, so epoch-by-epoch ratios
# drift back towards 1 while the first layer never got a usable gradient.
# (AUTOTRAINER's second condition, ||g_first|| < 1e-4, is absolute and is
# not used: it depends on the loss scale.)  Calibrated: the stalled deep
# sigmoid and tanh scenarios show 1e-8 to 3e-6, every other run 0.027 or more.
VANISH_RATIO = 1e-3

# cs231n: weight updates of about 1e-3 of the weight norm per update are
# healthy; TheDeepChecker accepts log10 of the ratio in [-4, -1].  Used as
# evidence in the learning-rate findings.
UPDATE_RATIO_HEALTHY = 1e-3
UPDATE_RATIO_RANGE = (1e-4, 1e-1)


# -- the catalogue ------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """What the doctor knows about one problem: its name, the lecture's fixes, the page."""

    code: str
    title: str
    page: str
    fixes: tuple[str, ...]


# In order: causes before the symptoms they explain (findings of one severity sort this way).
PROBLEMS: dict[str, Problem] = {p.code: p for p in (
    Problem("diverged", "Training diverged", "learning_rates",
            ("Lower the learning rate.", "Lower the momentum.",
             "Check the sign of the gradient step (descend the loss, do not climb it).")),
    Problem("loss_rising", "The loss is rising", "learning_rates",
            ("Lower the learning rate.", "Lower the momentum.",
             "Check the sign of the gradient step (descend the loss, do not climb it).")),
    Problem("symmetric_init", "Hidden units are identical copies (symmetric initialization)", "symmetry",
            ("Initialize the weights randomly (e.g. Xavier or He) to break the symmetry.",)),
    Problem("dying_relu", "Dead ReLU units", "dying_relu",
            ("Use Leaky ReLU instead of ReLU.", "Lower the learning rate.",
             "Use He initialization with zero biases.")),
    Problem("vanishing_gradients", "Vanishing gradients", "vanishing",
            ("Use ReLU with He initialization.", "Use tanh with Xavier initialization.", "Use fewer layers.")),
    Problem("unstable_loss", "The loss is unstable (up and down)", "learning_rates",
            ("Decay the learning rate after a number of iterations (step, exponential or 1/t decay).",
             "Lower the learning rate.")),
    Problem("slow_convergence", "The loss falls very slowly", "learning_rates",
            ("Raise the learning rate.", "Use mini-batches instead of the full batch.")),
    Problem("overfitting", "Overfitting", "overfitting",
            ("Use fewer parameters (fewer hidden units).", "Use fewer layers.", "Add L2 regularization.",
             "Add dropout.")),
    Problem("underfitting", "Underfitting", "underfitting",
            ("Use more parameters: more hidden units or more layers.", "Use a smaller L2 penalty, or none.",
             "Give the output a range the targets fit in (a linear output for regression targets above 1).")),
)}
CODES = tuple(PROBLEMS)

# The evidence sentences, "<code>.<kind>" -> template filled with a finding's facts (see say()).  Numbers are
# formatted in the template (3 significant digits, whole percents), so a translation shows the same numbers.
EVIDENCE: dict[str, str] = {
    "diverged.nan": "The training loss became NaN (not a number) at epoch {epoch}.",
    "diverged.inf": "The training loss became infinite at epoch {epoch}.",
    "diverged.neg_inf": "The training loss became minus infinity at epoch {epoch}.",
    "diverged.explosion": "The training loss exploded to {value:.3g} at epoch {epoch}, {ratio:.3g} times its first "
                          "value {first:.3g}.",
    "loss_rising.fell_above": "The training loss fell to {min:.3g} at epoch {min_epoch}, then rose to {end:.3g} by "
                              "epoch {end_epoch}: it ended above its starting value {start:.3g}.",
    "loss_rising.fell_back": "The training loss fell to {min:.3g} at epoch {min_epoch}, then rose to {end:.3g} by "
                             "epoch {end_epoch}: it climbed back {rise_share:.0%} of the progress it had made.",
    "loss_rising.rose_above": "The training loss started at {start:.3g} (epoch {min_epoch}) and rose to {end:.3g} "
                              "by epoch {end_epoch}: it ended above its starting value {start:.3g}.",
    "loss_rising.rose_back": "The training loss started at {start:.3g} (epoch {min_epoch}) and rose to {end:.3g} by "
                             "epoch {end_epoch}: it climbed back {rise_share:.0%} of the progress it had made.",
    "symmetric_init.layers": "At epoch {epoch}, {items}: the other units are copies that got identical gradients "
                             "from the start, so the network computes what one unit per layer can.",
    "symmetric_init.item_of": "hidden layer {layer} has only {distinct} distinct unit(s) out of {units}",
    "symmetric_init.item": "the units of hidden layer {layer} are all identical ({distinct} distinct)",
    "dying_relu.count": "At epoch {epoch}, {dead_frac:.0%} of the units of hidden layer {layer} ({dead} of {units}) "
                        "output 0 for every training sample; the share first reached {threshold:.0%} at epoch "
                        "{since}.",
    "dying_relu.share": "At epoch {epoch}, {dead_frac:.0%} of the units of hidden layer {layer} output 0 for every "
                        "training sample; the share first reached {threshold:.0%} at epoch {since}.",
    "vanishing_gradients.ratio": "The largest gradient norm hidden layer 1 received in the whole run, {first:.3g}, "
                                 "is {ratio:.3g} of the largest the output layer received ({last:.3g}, epoch "
                                 "{last_epoch}): the gradient shrinks on its way back through {n_layers} layers "
                                 "(AUTOTRAINER calls a ratio below {limit:.3g} vanishing).",
    "unstable_loss.swings": "Between epochs {from_epoch} and {to_epoch} the training loss jumped up by more than "
                            "{jump:.0%} {ups} times and down as sharply {downs} times in {steps} steps (the largest "
                            "jump: +{largest:.0%}).",
    "slow_convergence.falling": "The training loss is still falling at the end: it fell in {down_share:.0%} of the "
                                "epochs from {from_epoch} to {to_epoch}, and that last {window:.0%} of the run "
                                "brought {late_share:.0%} of all its progress (a converged curve has flattened out). "
                                "It ends at {end:.3g}, {end_share:.0%} of its start {start:.3g}.",
    "overfitting.rise": "The validation loss reached its minimum {min:.3g} at epoch {min_epoch}, then rose to "
                        "{end:.3g} by epoch {end_epoch} (over a running median of {window} epochs: {ratio:.3g}x its "
                        "minimum, giving back {giveback_shown:.0%} of its improvement) while the training loss kept "
                        "falling, from {train_at_min:.3g} to {train_end:.3g}.",
    "underfitting.chance_classes": "Both losses stay high and close: the training loss levelled off at {end:.3g}, "
                                   "{level:.0%} of the loss of guessing among {classes} classes (ln C = "
                                   "{reference:.3g}), and the validation loss is {val_end:.3g}.",
    "underfitting.chance_two": "Both losses stay high and close: the training loss levelled off at {end:.3g}, "
                               "{level:.0%} of the loss of guessing between two classes (ln 2 = {reference:.3g}; the "
                               "log does not say how many classes there are), and the validation loss is "
                               "{val_end:.3g}.",
    "underfitting.start": "Both losses stay high and close: the training loss levelled off at {end:.3g}, "
                          "{level:.0%} of its first value {reference:.3g}, and the validation loss is {val_end:.3g}.",
}
# Sentences a finding may add after its main one: name -> template, filled with the same facts.
CLAUSES: dict[str, str] = {
    "previous": "It was {previous:.3g} at epoch {previous_epoch}.",
    "update": "Each update changes the weights by {update_ratio_per_update:.3g} of their norm (cs231n: about "
              "{update_healthy:.3g}).",
    "update_outside": "Each update changes the weights by {update_ratio_per_update:.3g} of their norm (cs231n: about "
                      "{update_healthy:.3g}, outside TheDeepChecker's healthy range {update_lo:.3g} to "
                      "{update_hi:.3g}).",
    "explained_by": "It follows from the finding \"{cause_title}\".",
    "settled_at_once": "But the loss reached that level by epoch {settled_epoch} and stayed there: if the first "
                       "logged loss was already after some training, this may be the data's noise floor, not "
                       "a model stuck high.",
    "dead_layer": "No signal passes that layer, so the output is the same for every input.",
    "dead_units": "Dead units pass no gradient, so they never recover.",
    "dead_overall": "Over all hidden layers, {dead_share:.0%} of the units are dead.",
    "vanish_update": "Per epoch, the first layer's weights change by {first_update:.3g} of their norm, the output "
                     "layer's by {last_update:.3g} (median).",
    "acc_gap": "Training accuracy ends {acc_gap_points:.0f} percentage points above validation accuracy "
               "(AUTOTRAINER counts {acc_gap_limit_points:.0f} as overfitting).",
    "accuracy": "The best training accuracy is {best_acc:.0%} (AUTOTRAINER: below {accuracy_limit:.0%}, training "
                "has not converged).",
    "val_accuracy": "The best validation accuracy is {best_acc:.0%} (AUTOTRAINER: below {accuracy_limit:.0%}, "
                    "training has not converged).",
}
# Why a rule could not judge a log: key -> template (Report.skipped holds them as Phrases).
SKIPS: dict[str, str] = {
    "few_epochs": "needs at least {need} epochs with a finite training loss, has {have}",
    "no_val": "needs a validation loss column",
    "few_val": "needs at least {need} epochs with a validation loss",
    "no_layers": "needs per-layer columns (see nncore.logs.LAYER_ALIASES)",
    "no_layer_column": "needs the per-layer column {quantity}",
    "empty_layer_column": "its per-layer column {quantity} is empty",
    "few_grad": "needs gradient norms of at least two layers over several epochs",
}


def _english(key: str) -> str:
    """The English template of a key of :func:`say`."""
    head, _, rest = key.partition(".")
    if rest == "title":
        return PROBLEMS[head].title
    if head == "clause":
        return CLAUSES[rest]
    return EVIDENCE[f"{head}.{rest.removeprefix('evidence.')}"]


def say(code: str, facts: dict, template: Callable[[str], str] = _english) -> str:
    """The evidence sentence of a finding, from its code and facts alone.

    ``template(key)`` returns the template of ``"<code>.evidence.<kind>"`` (a
    main or item sentence: ``EVIDENCE["<code>.<kind>"]``), ``"clause.<name>"``
    or ``"<code>.title"`` (the title of the finding an ``explained_by`` clause
    names); the default is English.  Raises KeyError when a template uses a
    fact the finding does not have -- a test formats every template with the
    facts real findings carry.
    """
    fmt = dict(facts)
    if "items" in facts:
        fmt["items"] = "; ".join(template(f"{code}.evidence.{item['kind']}").format(**item)
                                 for item in facts["items"])
    if "cause" in facts:
        fmt["cause_title"] = template(f"{facts['cause']}.title")
    parts = [template(f"{code}.evidence.{facts['kind']}").format(**fmt)]
    parts += [template(f"clause.{name}").format(**fmt) for name in facts.get("clauses", ())]
    return " ".join(parts)


@dataclass(frozen=True)
class Finding:
    """One diagnosis: what, how bad, the evidence in numbers, the fixes and the page that shows it.

    ``facts`` holds the numbers the ``evidence`` sentence is made of, so that
    the app can say the same thing in another language, and how the sentence
    is put together (see :func:`say`): ``kind`` (which EVIDENCE variant),
    ``clauses`` (CLAUSES appended, in order), ``items`` (the entries of a list
    sentence) and ``cause`` (the code of the finding that explains this one).
    """

    code: str
    title: str
    severity: str
    evidence: str
    fixes: tuple[str, ...]
    page: str
    facts: dict = field(default_factory=dict)

    @property
    def alarm(self) -> bool:
        return self.severity in ALARMS

    def to_dict(self) -> dict:
        return {"code": self.code, "title": self.title, "severity": self.severity, "evidence": self.evidence,
                "fixes": list(self.fixes), "page": self.page, "facts": _jsonable(self.facts)}


@dataclass(frozen=True)
class Report:
    """Everything :func:`examine` found, and the checks it could not make (code, reason)."""

    findings: list[Finding]
    skipped: list[tuple[str, Phrase]]  # (rule code, why): the reason is an English Phrase with its key and facts
    notes: tuple[Phrase, ...] = ()  # how the log was read (from nncore.logs)

    @property
    def alarms(self) -> list[Finding]:
        return [f for f in self.findings if f.alarm]

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def to_dict(self) -> dict:
        return {"findings": [f.to_dict() for f in self.findings],
                "skipped": [{"code": c, "reason": r} for c, r in self.skipped],
                "notes": list(self.notes)}


def finding(code: str, severity: str, kind: str, clauses: tuple[str, ...] = (), **facts) -> Finding:
    """A finding whose evidence is the template ``EVIDENCE["<code>.<kind>"]`` and ``clauses``, filled with ``facts``."""
    p = PROBLEMS[code]
    facts = {"kind": kind, **({"clauses": list(clauses)} if clauses else {}), **facts}
    return Finding(code=code, title=p.title, severity=severity, evidence=say(code, facts), fixes=p.fixes,
                   page=p.page, facts=facts)


class Skip(Exception):
    """Raised by a rule that cannot judge this log; ``reason`` (a Phrase of SKIPS) says what is missing."""

    def __init__(self, key: str, **facts):
        self.reason = Phrase(SKIPS, key, **facts)
        super().__init__(self.reason)


# -- the evidence every rule reads -------------------------------------------------

@dataclass
class Curves:
    """The history and layer frames prepared once for all rules.

    ``train`` and friends cover the epochs before the first non-finite
    training loss (``broken`` is that row, or None): after a NaN nothing is
    judged but the divergence itself.
    """

    epochs: np.ndarray
    train: np.ndarray
    val: np.ndarray
    train_acc: np.ndarray
    val_acc: np.ndarray
    steps: np.ndarray  # updates per epoch (NaN where unknown)
    broken: int | None  # index of the first NaN/Inf training loss
    raw_train: np.ndarray  # every row, including after `broken`
    layers: dict[str, pd.DataFrame] | None  # quantity -> epoch x layer table

    @property
    def n(self) -> int:
        return len(self.train)

    def smooth(self, x: np.ndarray) -> np.ndarray:
        return smooth(x, window_for(len(self.epochs)))

    def epoch(self, i: int) -> int:
        return int(self.epochs[i])


def window_for(n: int) -> int:
    w = max(3, int(round(n * SMOOTH_FRACTION)))
    return w if w % 2 else w + 1


def raw_min_near(x: np.ndarray, i: int, window: int) -> int:
    """Index of the raw minimum of x within the smoothing window around i (for quoting the log's own numbers)."""
    lo, hi = max(0, i - window // 2), min(len(x), i + window // 2 + 1)
    return lo + int(np.nanargmin(x[lo:hi]))


def smooth(x: np.ndarray, window: int) -> np.ndarray:
    """Centred running median (shrinking at the ends); NaNs are ignored."""
    return pd.Series(x).rolling(window, center=True, min_periods=1).median().to_numpy()


def _prepare(history: pd.DataFrame, layers: pd.DataFrame | None) -> Curves:
    if "train_loss" not in history:
        raise ValueError("history needs a 'train_loss' column")
    h = history.sort_values("epoch", kind="stable") if "epoch" in history else history
    get = lambda c: h[c].to_numpy(dtype=float) if c in h else np.full(len(h), np.nan)  # noqa: E731
    epochs = h["epoch"].to_numpy() if "epoch" in h else np.arange(len(h))
    raw = get("train_loss")
    bad = np.flatnonzero(~np.isfinite(raw))
    broken = int(bad[0]) if bad.size else None
    end = len(raw) if broken is None else broken
    step = get("step")
    steps = np.diff(step, prepend=np.nan)
    tables = None
    if layers is not None and len(layers):
        tables = {}
        for q in ("grad_norm", "dead_frac", "distinct_units", "units", "update_ratio"):
            if q in layers and layers[q].notna().any():
                tables[q] = layers.pivot_table(index="epoch", columns="layer", values=q, aggfunc="last",
                                               dropna=False).sort_index()
    return Curves(epochs=np.asarray(epochs)[:end], train=raw[:end], val=get("val_loss")[:end],
                  train_acc=get("train_acc")[:end], val_acc=get("val_acc")[:end], steps=steps[:end],
                  broken=broken, raw_train=raw, layers=tables)


def _per_update_ratio(c: Curves) -> float | None:
    """Median over layers and judged epochs of the weight change per update (cs231n's ratio)."""
    if not c.layers or "update_ratio" not in c.layers:
        return None
    t = c.layers["update_ratio"]
    t = t[t.index.isin(c.epochs)]
    steps = pd.Series(c.steps, index=c.epochs).reindex(t.index)
    if not np.isfinite(steps.to_numpy()).any():
        return None
    per = t.div(steps.where(steps > 0), axis=0)
    start = int(len(per) * JUDGE_FROM)
    vals = per.iloc[start:].to_numpy().ravel()
    vals = vals[np.isfinite(vals) & (vals > 0)]
    return float(np.median(vals)) if vals.size else None


def _update_clause(c: Curves) -> tuple[tuple[str, ...], dict]:
    """The update-ratio clause (cs231n) and its facts, when the log has what it needs."""
    r = _per_update_ratio(c)
    if r is None:
        return (), {}
    lo, hi = UPDATE_RATIO_RANGE
    return (("update",) if lo <= r <= hi else ("update_outside",),
            {"update_ratio_per_update": r, "update_healthy": UPDATE_RATIO_HEALTHY, "update_lo": lo, "update_hi": hi})


# -- loss rules -----------------------------------------------------------------------

def check_diverged(c: Curves, found: list[Finding]) -> Finding | None:
    raw = c.raw_train
    first = raw[np.isfinite(raw)][:1]
    if c.broken is not None:
        i = c.broken
        value = raw[i]
        kind = "nan" if math.isnan(value) else ("inf" if value > 0 else "neg_inf")
        before = i > 0 and i - 1 < c.n
        epoch = _epoch_at(c, i)
        return finding("diverged", "error", kind, ("previous",) if before else (),
                       epoch=epoch, value=str(value), previous=float(raw[i - 1]) if i > 0 else None,
                       **({"previous_epoch": int(c.epochs[i - 1])} if before else {}))
    if not first.size or first[0] <= 0:
        return None
    ratio = c.train / first[0]
    over = np.flatnonzero(ratio >= EXPLOSION_FACTOR)
    if over.size:
        i = int(over[0])
        return finding("diverged", "error", "explosion",
                       epoch=c.epoch(i), value=float(c.train[i]), first=float(first[0]), ratio=float(ratio[i]))
    return None


def _epoch_at(c: Curves, i: int) -> int:
    """The epoch label of raw row i (rows after `broken` are not in c.epochs)."""
    return int(c.epochs[i]) if i < c.n else int(c.epochs[-1]) + (i - c.n + 1) if c.n else i


def rise_measure(c: Curves) -> dict | None:
    if c.n < 3:
        return None
    s = c.smooth(c.train)
    start = c.train[0]
    m = int(np.argmin(s))
    end = s[-1]
    after = s[m:]
    up_share = float(np.mean(np.diff(after) > 0)) if after.size > 1 else 0.0
    progress = start - s[m]
    raw = raw_min_near(c.train, m, window_for(len(c.epochs)))
    return {"start": float(start), "min": float(s[m]), "min_at": m, "end": float(end), "up_share": up_share,
            "raw_min_at": raw, "raw_min": float(c.train[raw]), "raw_end": float(c.train[-1]),
            "points_after": int(after.size - 1),
            "rise_share": float((end - s[m]) / progress) if progress > 0 else math.inf,
            "rise_rel": float((end - s[m]) / abs(s[m])) if s[m] != 0 else math.inf}


def check_loss_rising(c: Curves, found: list[Finding]) -> Finding | None:
    if c.n < MIN_POINTS:
        raise Skip("few_epochs", need=MIN_POINTS, have=c.n)
    r = rise_measure(c)
    if not (r["rise_share"] >= RISE_SHARE and r["rise_rel"] >= RISE_MIN_RELATIVE
            and r["up_share"] >= RISE_UP_SHARE and r["points_after"] >= 2):
        return None
    m = r["raw_min_at"]
    clauses, extra = _update_clause(c)
    kind = ("fell" if m > 0 else "rose") + ("_above" if r["end"] > r["start"] else "_back")
    return finding("loss_rising", "error", kind, clauses,
                   min_epoch=c.epoch(m), min=r["raw_min"], end_epoch=c.epoch(c.n - 1), end=r["raw_end"],
                   start=r["start"], rise_share=r["rise_share"], up_share=r["up_share"], **extra)


def swing_measure(c: Curves) -> dict | None:
    """Shares of the late epoch-to-epoch steps that jump up, and down, by more than OSC_JUMP."""
    lo = int(c.n * (1 - OSC_WINDOW))
    w = c.train[lo:]
    if w.size < MIN_POINTS + 1:
        return None
    scale = max(c.train[0] - np.min(c.train), OSC_SCALE_FLOOR * abs(c.train[0]))
    prev, nxt = w[:-1], w[1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(prev > 0, (nxt - prev) / prev, 0.0)
    big = np.abs(nxt - prev) >= OSC_FLOOR * scale
    up = big & (change > OSC_JUMP)
    down = big & (change < -OSC_JUMP / (1 + OSC_JUMP))  # the same factor, downwards
    largest = float(np.max(np.where(up, change, 0.0))) if up.any() else 0.0
    return {"from": lo, "ups": int(up.sum()), "downs": int(down.sum()), "steps": int(prev.size),
            "up_share": float(up.mean()), "down_share": float(down.mean()), "largest": largest}


def check_unstable(c: Curves, found: list[Finding]) -> Finding | None:
    m = swing_measure(c)
    if m is None:
        raise Skip("few_epochs", need=2 * (MIN_POINTS + 1), have=c.n)
    if min(m["up_share"], m["down_share"]) < OSC_RATE:
        return None
    explained = [f.code for f in found if f.code in ("diverged", "loss_rising")]
    clauses, extra = _update_clause(c)
    cause = explained[0] if explained else None
    lo = m["from"]
    return finding("unstable_loss", "info" if explained else "warning", "swings", clauses + _explained_by(cause),
                   from_epoch=c.epoch(lo), to_epoch=c.epoch(c.n - 1), jump=OSC_JUMP, ups=m["ups"], downs=m["downs"],
                   steps=m["steps"], largest=m["largest"], **extra, **_cause(cause))


def overfit_measure(c: Curves) -> dict | None:
    ok = np.isfinite(c.val)
    if ok.sum() < MIN_POINTS:
        return None
    idx = np.flatnonzero(ok)
    w = window_for(idx.size)
    vs = smooth(c.val[idx], w)
    ts = smooth(c.train[idx], w)
    m = int(np.argmin(vs))
    progress = c.val[idx[0]] - vs[m]
    raw = raw_min_near(c.val[idx], m, w)
    out = {"min_at": int(idx[raw]), "min": float(c.val[idx[raw]]), "end_at": int(idx[-1]),
           "end": float(c.val[idx[-1]]),
           "rise": float(vs[-1] / vs[m]) if vs[m] > 0 else math.inf,
           "giveback": float((vs[-1] - vs[m]) / progress) if progress > 0 else math.inf,
           "train_at_min": float(ts[m]), "train_end": float(ts[-1])}
    ta, va = c.train_acc[idx], c.val_acc[idx]
    if np.isfinite(ta[-1]) and np.isfinite(va[-1]):
        out["acc_gap"] = float(smooth(ta, w)[-1] - smooth(va, w)[-1])
        out["train_acc"] = float(smooth(ta, w)[-1])
    return out


def check_overfitting(c: Curves, found: list[Finding]) -> Finding | None:
    if not np.isfinite(c.val).any():
        raise Skip("no_val")
    m = overfit_measure(c)
    if m is None:
        raise Skip("few_val", need=MIN_POINTS)
    if not (m["train_end"] < m["train_at_min"] and m["min_at"] < m["end_at"]):
        return None
    if m["rise"] >= OVERFIT_RISE and m["giveback"] >= OVERFIT_GIVEBACK:
        severity = "warning"
    elif m["rise"] >= OVERFIT_MILD[0] and m["giveback"] >= OVERFIT_MILD[1]:
        severity = "info"
    else:
        return None
    clauses, facts = (), {}
    if "acc_gap" in m:
        facts["acc_gap"] = m["acc_gap"]
        limit = ACC_GAP_HIGH if m["train_acc"] > 0.9 else ACC_GAP
        if m["acc_gap"] >= limit:
            clauses = ("acc_gap",)
            facts.update(acc_gap_points=100 * m["acc_gap"], acc_gap_limit_points=100 * limit)
    w = window_for(int(np.isfinite(c.val).sum()))
    return finding("overfitting", severity, "rise", clauses,
                   min_epoch=c.epoch(m["min_at"]), min=m["min"], end_epoch=c.epoch(m["end_at"]), end=m["end"],
                   ratio=m["rise"], giveback=m["giveback"], giveback_shown=min(m["giveback"], 99.99),
                   train_at_min=m["train_at_min"], train_end=m["train_end"], window=w, **facts)


def stall_measure(c: Curves) -> dict | None:
    """Shape of the end of the training curve: is it still falling, and how high is it?"""
    if c.n < MIN_POINTS:
        return None
    s = c.smooth(c.train)
    lo = min(int(c.n * (1 - SLOW_WINDOW)), c.n - 3)
    tail = c.train[lo:]
    down_share = float(np.mean(np.diff(tail) < 0))
    progress = c.train[0] - np.min(s)
    late = s[lo] - s[-1]
    out = {"from": lo, "down_share": down_share,
           "late_share": float(late / progress) if progress > 0 else 0.0,
           "ratio": float(s[-1] / c.train[0]) if c.train[0] > 0 else math.nan, "end": float(s[-1]),
           "last": float(c.train[-1]),
           "start": float(c.train[0])}
    ok = np.isfinite(c.val)
    if ok.sum() >= 2:  # validation may be logged every few epochs only: use the epochs that have it
        vs = smooth(c.val[ok], window_for(int(ok.sum())))
        out["val_end"] = float(vs[-1])
        out["gap"] = float((vs[-1] - s[-1]) / s[-1]) if s[-1] > 0 else math.inf
        before = vs[np.flatnonzero(ok) < lo]
        if before.size:  # still improving: below where the window began, and at its lowest so far
            out["val_improving"] = bool(vs[-1] < before[-1] and vs[-1] <= before.min() * (1 + 1e-3))
    # Accuracy marks a classifier; many logs (Lightning's) hold only the validation accuracy.
    acc_source = "train" if np.isfinite(c.train_acc).any() else "val" if np.isfinite(c.val_acc).any() else None
    if acc_source:
        out["best_acc"] = float(np.nanmax(c.smooth(c.train_acc if acc_source == "train" else c.val_acc)))
        out["acc_source"] = acc_source
        classes = _classes(c)
        out["classes"] = classes
        out["reference"] = math.log(classes) if classes else max(math.log(2), float(c.train[0]))
        out["high"] = s[-1] >= UNDERFIT_CHANCE_SHARE * out["reference"] or out["best_acc"] < UNDERFIT_ACCURACY
    else:
        out["reference"] = float(c.train[0])
        out["high"] = s[-1] >= UNDERFIT_START_SHARE * out["reference"]
    out["level"] = float(s[-1] / out["reference"]) if out["reference"] > 0 else math.nan
    near_end = c.train <= 1.1 * s[-1]  # raw values: smoothing would hide a fast first fall
    out["settled"] = int(np.argmax(near_end)) if near_end.any() else c.n  # the first epoch near the end level
    return out


def _classes(c: Curves) -> int | None:
    """C, from the output layer's width (1 sigmoid unit: 2 classes), when the layers are known."""
    if c.layers and "units" in c.layers:
        u = c.layers["units"].iloc[:, -1].dropna()
        if len(u):
            return max(int(u.iloc[-1]), 2)
    return None


def _still_falling(m: dict) -> bool:
    return m["down_share"] >= SLOW_DOWN_SHARE and m["late_share"] >= SLOW_LATE_SHARE


def _explained_by(cause: str | None) -> tuple[str, ...]:
    """The clause naming the finding that explains this one (its title is looked up when the sentence is said)."""
    return ("explained_by",) if cause else ()


def _cause(cause: str | None) -> dict:
    return {"cause": cause} if cause else {}


def _consequence(found: list[Finding], codes: tuple[str, ...]) -> str | None:
    for f in found:
        if f.code in codes and f.alarm:
            return f.code
    return None


def check_slow(c: Curves, found: list[Finding]) -> Finding | None:
    m = stall_measure(c)
    if m is None:
        raise Skip("few_epochs", need=MIN_POINTS, have=c.n)
    late_needed = SLOW_LATE_SHARE if m.get("val_improving", True) else SLOW_LATE_SHARE_STALLED
    slow = _still_falling(m) and m["late_share"] >= late_needed and m["ratio"] >= SLOW_LEFT
    if not slow or any(f.code in ("diverged", "loss_rising") for f in found):
        return None
    cause = _consequence(found, ("symmetric_init", "dying_relu", "vanishing_gradients"))
    clauses, extra = _update_clause(c)
    lo = m["from"]
    return finding("slow_convergence", "warning", "falling", clauses + _explained_by(cause),
                   from_epoch=c.epoch(lo), to_epoch=c.epoch(c.n - 1), down_share=m["down_share"], window=SLOW_WINDOW,
                   late_share=m["late_share"], end=m["last"], start=m["start"], end_share=m["last"] / m["start"],
                   ratio=m["ratio"], **extra, **_cause(cause))


def check_underfitting(c: Curves, found: list[Finding]) -> Finding | None:
    m = stall_measure(c)
    if m is None:
        raise Skip("few_epochs", need=MIN_POINTS, have=c.n)
    if "gap" not in m:
        raise Skip("no_val")
    # A loss that bounces, climbs or is still falling is high for that reason: those findings say so.
    if any(f.code in ("diverged", "loss_rising", "unstable_loss", "slow_convergence") for f in found):
        return None
    if _still_falling(m) or not (m["high"] and m["gap"] <= UNDERFIT_GAP):
        return None
    cause = _consequence(found, ("symmetric_init", "dying_relu", "vanishing_gradients"))
    if "classes" not in m:
        kind = "start"  # regression: relative to the first loss
    elif m["classes"]:
        kind = "chance_classes"
    else:  # classification, the class count unknown: ln 2, or the first loss when that is higher
        kind = "chance_two" if m["reference"] == math.log(2) else "start"
    settled = ("classes" not in m and m["settled"] < UNDERFIT_SETTLED  # regression only (see UNDERFIT_SETTLED)
               and m["level"] <= UNDERFIT_SETTLED_LEVEL)
    clauses_settled = ("settled_at_once",) if settled else ()
    low_acc = m.get("best_acc", 1.0) < UNDERFIT_ACCURACY
    clauses = (("accuracy" if m["acc_source"] == "train" else "val_accuracy"),) if low_acc else ()
    return finding("underfitting", "info" if settled else "warning", kind,
                   clauses + clauses_settled + _explained_by(cause),
                   end=m["end"], reference=m["reference"], level=m["level"], val_end=m["val_end"], gap=m["gap"],
                   **({"settled_epoch": c.epoch(m["settled"])} if settled else {}),
                   **({"best_acc": m["best_acc"], "classes": m["classes"]} if "best_acc" in m else {}),
                   **({"accuracy_limit": UNDERFIT_ACCURACY} if clauses else {}), **_cause(cause))


# -- layer rules ------------------------------------------------------------------------

def _need_layers(c: Curves, quantity: str) -> pd.DataFrame:
    if not c.layers:
        raise Skip("no_layers")
    if quantity not in c.layers:
        raise Skip("no_layer_column", quantity=quantity)
    return c.layers[quantity]


def _last_row(t: pd.DataFrame, quantity: str) -> tuple[int, pd.Series]:
    t = t.dropna(how="all")
    if t.empty:
        raise Skip("empty_layer_column", quantity=quantity)
    return int(t.index[-1]), t.iloc[-1]


def _hidden(t: pd.DataFrame) -> list[int]:
    return list(t.columns[:-1])  # the last layer is the output layer


def _units(c: Curves, epoch: int, layer: int) -> float:
    if c.layers and "units" in c.layers:
        v = c.layers["units"].loc[epoch, layer]
        return float(v) if np.isfinite(v) else math.nan
    return math.nan


def check_symmetric(c: Curves, found: list[Finding]) -> Finding | None:
    t = _need_layers(c, "distinct_units")
    epoch, row = _last_row(t, "distinct_units")
    bad = []
    for layer in _hidden(t):
        d, u = row[layer], _units(c, epoch, layer)
        if not np.isfinite(d):
            continue
        if (np.isfinite(u) and u > 1 and d <= max(1.0, SYMMETRY_FRACTION * u)) or (not np.isfinite(u) and d <= 1):
            bad.append((layer, int(d), u))
    if not bad:
        return None
    items = [{"kind": "item_of", "layer": int(layer), "distinct": d, "units": int(u)} if np.isfinite(u)
             else {"kind": "item", "layer": int(layer), "distinct": d} for layer, d, u in bad]
    return finding("symmetric_init", "error", "layers", items=items,
                   epoch=epoch, layers={int(l): {"distinct": d, "units": (int(u) if np.isfinite(u) else None)}
                                        for l, d, u in bad},
                   layer=int(bad[0][0]), distinct=bad[0][1])


def check_dying_relu(c: Curves, found: list[Finding]) -> Finding | None:
    t = _need_layers(c, "dead_frac")
    epoch, row = _last_row(t, "dead_frac")
    symmetric = next((f for f in found if f.code == "symmetric_init"), None)
    copies = set(symmetric.facts["layers"]) if symmetric else set()  # dead because they are copies: not dying
    hidden = [l for l in _hidden(t) if np.isfinite(row[l]) and int(l) not in copies]
    if not hidden:
        return None
    units = {l: _units(c, epoch, l) for l in hidden}
    known = all(np.isfinite(u) for u in units.values())
    weights = [units[l] if known else 1.0 for l in hidden]
    share = float(np.average([row[l] for l in hidden], weights=weights))
    worst = max(hidden, key=lambda l: row[l])
    frac = float(row[worst])
    if frac >= 1.0:
        severity = "error"
    elif share >= DEAD_FRACTION:
        severity = "warning"
    elif frac >= DEAD_INFO:
        severity = "info"
    else:
        return None
    u = units[worst]
    count = {"dead": int(round(frac * u)), "units": int(u)} if np.isfinite(u) else {}
    col = t[worst].dropna()
    threshold = min(frac, DEAD_FRACTION)
    # The last row holds frac itself, so the column has crossed the threshold by then at the latest.
    since = int(col.index[col >= threshold][0])
    clauses = ("dead_layer" if frac >= 1.0 else "dead_units",) + (("dead_overall",) if len(hidden) > 1 else ())
    return finding("dying_relu", severity, "count" if count else "share", clauses,
                   epoch=epoch, layer=int(worst), dead_frac=frac, dead_share=share, threshold=threshold, since=since,
                   per_layer={int(l): float(row[l]) for l in hidden}, **count)


def vanish_measure(c: Curves) -> dict | None:
    """First-layer to output-layer ratio of the largest gradient norm each received (see VANISH_RATIO)."""
    t = c.layers["grad_norm"] if c.layers and "grad_norm" in c.layers else None
    if t is None or t.shape[1] < 2:
        return None
    t = t[t.index.isin(c.epochs)]
    finite = t.where(np.isfinite(t))
    if finite.iloc[:, 0].notna().sum() < 2 or finite.iloc[:, -1].notna().sum() < 2:
        return None
    peaks = finite.max()
    first, last = float(peaks.iloc[0]), float(peaks.iloc[-1])
    if not last > 0:
        return None
    return {"ratio": first / last, "first": first, "last": last,
            "first_at": int(finite.iloc[:, 0].idxmax()), "last_at": int(finite.iloc[:, -1].idxmax()),
            "per_layer": {int(l): float(v) for l, v in peaks.items()}, "layers": t.shape[1]}


def check_vanishing(c: Curves, found: list[Finding]) -> Finding | None:
    _need_layers(c, "grad_norm")
    m = vanish_measure(c)
    if m is None:
        raise Skip("few_grad")
    if m["ratio"] >= VANISH_RATIO:
        return None
    if _consequence(found, ("symmetric_init", "dying_relu")):
        return None  # no gradient passes dead or copied units: that finding is the diagnosis
    clauses, facts = (), {}
    if c.layers and "update_ratio" in c.layers:
        med = c.layers["update_ratio"].median()
        if np.isfinite(med.iloc[0]) and np.isfinite(med.iloc[-1]):
            clauses = ("vanish_update",)
            facts = {"first_update": float(med.iloc[0]), "last_update": float(med.iloc[-1])}
    return finding("vanishing_gradients", "warning", "ratio", clauses,
                   ratio=m["ratio"], first=m["first"], last=m["last"], last_epoch=m["last_at"], layer=1,
                   n_layers=m["layers"], limit=VANISH_RATIO, per_layer=m["per_layer"], **facts)


# Rule registry, in evaluation order: root causes first, so that symptom rules
# can see them (a stalled loss explained by dead units is a consequence).
RULES: dict[str, Callable[[Curves, list[Finding]], Finding | None]] = {
    "diverged": check_diverged,
    "loss_rising": check_loss_rising,
    "symmetric_init": check_symmetric,
    "dying_relu": check_dying_relu,
    "vanishing_gradients": check_vanishing,
    "unstable_loss": check_unstable,
    "overfitting": check_overfitting,
    "slow_convergence": check_slow,
    "underfitting": check_underfitting,
}


def examine(history: pd.DataFrame, layers: pd.DataFrame | None = None, notes: tuple[Phrase, ...] = ()) -> Report:
    """Run every rule; return the findings (sorted) and the checks that could not be made."""
    found: list[Finding] = []
    skipped: list[tuple[str, str]] = []
    # Logs hold anything (1e300, 1e-300, negative losses): the ratios may overflow to inf, which the
    # rules compare correctly, so NumPy's overflow warnings would only be noise.
    with np.errstate(all="ignore"):
        c = _prepare(history, layers)
        for code, rule in RULES.items():
            try:
                f = rule(c, found)
            except Skip as why:
                skipped.append((code, why.reason))
                continue
            if f is not None:
                found.append(f)
    found.sort(key=lambda f: (SEVERITIES.index(f.severity), CODES.index(f.code)))
    return Report(findings=found, skipped=skipped, notes=tuple(notes))


def diagnose(history: pd.DataFrame, layers: pd.DataFrame | None = None) -> list[Finding]:
    """The findings of :func:`examine`, most severe first."""
    return examine(history, layers).findings


def examine_log(path_or_buffer) -> Report:
    """Read a CSV log (:func:`nncore.logs.parse_log`) and examine it; the report carries the reader's notes."""
    parsed: ParsedLog = parse_log(path_or_buffer)
    return examine(parsed.history, parsed.layers, notes=parsed.notes)


def _jsonable(x):
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        return x if math.isfinite(x) else str(x)
    return x


# -- command line -----------------------------------------------------------------------

def format_report(report: Report) -> str:
    lines = []
    for note in report.notes:
        lines.append(f"note: {note}")
    if not report.findings:
        lines.append("No problems found.")
    for f in report.findings:
        lines.append(f"[{f.severity}] {f.title} ({f.code})")
        lines.append(f"  {f.evidence}")
        for i, fix in enumerate(f.fixes, start=1):
            lines.append(f"  fix {i}: {fix}")
    if report.skipped:
        lines.append("Checks not made:")
        for code, reason in report.skipped:
            lines.append(f"  {code}: {reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nncore.doctor",
                                     description="Diagnose a training log (CSV): our export, Keras or Lightning "
                                                 "CSVLogger, or epoch,train_loss,val_loss.")
    parser.add_argument("log", help="path of the CSV log")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    args = parser.parse_args(argv)
    try:
        report = examine_log(args.log)
    except LogError as exc:
        print(f"nncore.doctor: cannot read {args.log}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
