"""The pathology scenarios teach what they claim, judged by the symptom measures.

* Every scenario's problem shows its symptom and the doctor names it, for
  seeds 0-4 (calibrated on 0-9, see nncore/scenarios.py); every fix is cured
  of it and not broken another way: no symptom of any kind, no alarm of the
  doctor, not diverged, a sensible accuracy or loss.
* Fixes change only the knobs they name: same data, same seed.
* The measures themselves are tested on small hand-made telemetry frames.
"""

from __future__ import annotations

import math
import pickle
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from nncore import Config, datasets, estimate_seconds, train
from nncore import symptoms as sym
from nncore.doctor import examine
from nncore.scenarios import PAGES, SCENARIOS, Scenario, defaults, for_page
from nncore.symptoms import CHECKS, SYMPTOMS

SEEDS = range(5)

# Each fix's name says which knobs it turns; nothing else may differ from the problem.
FIX_KNOBS = {
    "fewer_units": {"hidden"}, "fewer_layers": {"hidden"}, "more_units": {"hidden"}, "more_layers": {"hidden"},
    "l2": {"l2"}, "weaker_l2": {"l2"}, "no_l2": {"l2"}, "dropout": {"dropout"}, "early_stopping": {"early_stopping"},
    "linear_output": {"output"}, "leaky_relu": {"activation"}, "smaller_lr": {"lr"}, "larger_lr": {"lr"},
    "he_init": {"init"}, "random_init": {"init"}, "relu_he": {"activation", "init", "bias_init"},
    "tanh_xavier": {"activation", "init", "bias_init"}, "smaller_momentum": {"mu"},
    "correct_sign": {"flip_sign_epoch"}, "mini_batches": {"batch_size"},
    "step_decay": {"schedule", "decay_rate", "decay_every"},
    "exponential_decay": {"schedule", "decay_rate", "decay_every"},
    "inverse_time_decay": {"schedule", "decay_rate", "decay_every"},
}
DATA_FIELDS = ("dataset", "n_samples", "noise", "val_fraction", "n_classes", "features", "seed", "dtype")

# Sanity of a fix: a classifier gets at least this validation accuracy; a
# regression keeps at most this share of its untrained validation loss.
FIX_MIN_VAL_ACC = 0.65
FIX_MAX_VAL_LOSS_SHARE = 0.25


# -- the calibration: symptom in the problem, gone in every fix ---------------------

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_problem_shows_the_symptom_and_no_fix_does(name, seed):
    sc = SCENARIOS[name].with_seed(seed)
    check = CHECKS[sc.symptom]
    problem = train(sc.problem, max_seconds=None)
    verdict = check(problem)
    assert verdict.present, f"{name} seed {seed}: problem lacks {sc.symptom}: {verdict.evidence}"
    named = [f.code for f in examine(problem.history, problem.layers).alarms]
    assert sc.symptom in named, f"{name} seed {seed}: the doctor names {named}, not {sc.symptom}"
    for fix, cfg in sc.fixes.items():
        run = train(cfg, max_seconds=None)
        verdict = check(run)
        assert not verdict.present, f"{name} seed {seed}: fix {fix} still shows {sc.symptom}: {verdict.evidence}"
        # Cured of its own problem is not enough: a fix that leaves another one teaches the wrong lesson.
        others = {k: c.evidence for k, c in sym.examine(run).items() if c.present}
        assert not others, f"{name} seed {seed}: fix {fix} shows {others}"
        alarms = [(f.code, f.evidence) for f in examine(run.history, run.layers).alarms]
        assert not alarms, f"{name} seed {seed}: the doctor raises {alarms} on fix {fix}"
        assert not run.diverged, f"{name} seed {seed}: fix {fix} diverged: {run.message}"
        final = run.history.iloc[-1]
        if cfg.task == "regression":
            share = final["val_loss"] / run.history["val_loss"].iloc[0]
            assert share <= FIX_MAX_VAL_LOSS_SHARE, f"{name} seed {seed}: fix {fix} barely fits ({share:.2f})"
        else:
            assert final["val_acc"] >= FIX_MIN_VAL_ACC, f"{name} seed {seed}: fix {fix} val acc {final['val_acc']}"


def test_overfitting_fixes_do_not_underfit_instead():
    """A fix for overfitting that merely cripples the network would be no fix."""
    sc = SCENARIOS["overfit"].with_seed(0)
    for fix, cfg in sc.fixes.items():
        assert not sym.underfitting(train(cfg, max_seconds=None)), fix


# -- structure: same data, same seed, named knobs only --------------------------------

@pytest.mark.parametrize("name", list(SCENARIOS))
def test_fixes_change_only_the_knobs_they_name(name):
    sc = SCENARIOS[name]
    for fix in sc.fixes:
        assert fix in FIX_KNOBS, f"unknown fix name {fix!r}: add its knobs to FIX_KNOBS"
        changed = set(sc.changed(fix))
        assert changed, f"{name}: fix {fix} changes nothing"
        assert changed <= FIX_KNOBS[fix], f"{name}: fix {fix} also changes {sorted(changed - FIX_KNOBS[fix])}"
        assert not changed & set(DATA_FIELDS)


@pytest.mark.parametrize("name", ["overfit", "underfit_output", "slow_batch", "rising_lr"])
def test_every_variant_sees_the_same_points(name):
    sc = SCENARIOS[name].with_seed(3)
    X, y, Xv, yv = datasets.load(sc.problem)
    for cfg in sc.fixes.values():
        X2, y2, Xv2, yv2 = datasets.load(cfg)
        for a, b in ((X, X2), (y, y2), (Xv, Xv2), (yv, yv2)):
            np.testing.assert_array_equal(a, b)


def test_with_seed_reseeds_every_variant_and_nothing_else():
    sc = SCENARIOS["dying_bias"]
    s7 = sc.with_seed(7)
    assert all(c.seed == 7 for c in s7.variants().values())
    assert s7.with_seed(sc.problem.seed) == sc
    assert {k: c.replace(seed=0) for k, c in s7.variants().items()} == sc.variants()


def test_every_symptom_is_covered_and_pages_are_valid():
    assert set(SYMPTOMS) == set(CHECKS)
    assert {s.symptom for s in SCENARIOS.values()} == set(SYMPTOMS)
    assert {s.page for s in SCENARIOS.values()} == set(PAGES)
    for page in PAGES:
        assert defaults(page), f"page {page} has no default scenario"
        assert set(defaults(page)) <= set(for_page(page))
    for name, sc in SCENARIOS.items():
        assert sc.name == name and sc.description and sc.cause
        assert set(sc.beyond_lecture) <= set(sc.fixes)
    assert SCENARIOS["overfit"].beyond_lecture == ("early_stopping",)
    assert set(SCENARIOS["overfit"].fixes) >= {"fewer_units", "fewer_layers", "l2", "dropout"}
    underfit_causes = {s.cause for s in for_page("underfitting").values()}
    assert len(underfit_causes) == 3
    with pytest.raises(ValueError):
        for_page("nope")


def test_the_lecture_cases_are_there():
    """Issue 3's list, case by case."""
    assert SCENARIOS["underfit_output"].problem.output_loss == ("sigmoid", "mse")
    assert SCENARIOS["underfit_output"].problem.dataset == "curve"
    assert SCENARIOS["symmetric_zero"].problem.init == "zeros"
    assert SCENARIOS["symmetric_constant"].problem.init == "constant"
    assert SCENARIOS["symmetric_constant"].problem.init_scale != 0
    assert SCENARIOS["vanishing_sigmoid"].problem.activation == "sigmoid"
    assert SCENARIOS["vanishing_tanh"].problem.activation == "tanh"
    assert SCENARIOS["dying_bias"].problem.bias_init < 0
    assert SCENARIOS["rising_sign"].problem.flip_sign_epoch is not None
    assert SCENARIOS["slow_batch"].problem.dataset == "spiral"
    rising = {s.cause for s in SCENARIOS.values() if s.symptom == "loss_rising"}
    assert rising == {"lr_too_large", "momentum_too_large", "gradient_sign"}
    decays = {c.schedule for c in SCENARIOS["unstable_lr"].fixes.values()}
    assert decays == {"step", "exponential", "inverse_time"}


def test_scenario_behaves_like_a_frozen_value():
    sc = SCENARIOS["overfit"]
    assert list(sc.variants()) == ["problem", *sc.fixes]
    assert sc.variants()["problem"] is sc.problem
    assert sc.fixes["l2"].l2 > 0 and dict(sc.fixes.items())["dropout"].dropout > 0
    with pytest.raises(TypeError):
        sc.fixes["l2"] = sc.problem  # read-only mapping
    back = pickle.loads(pickle.dumps(sc))
    assert back == sc and hash(back) == hash(sc) and list(back.fixes) == list(sc.fixes)
    assert {sc: 1}[back] == 1


def test_scenario_rejects_bad_fields():
    p = Config(epochs=5)
    with pytest.raises(ValueError, match="page"):
        Scenario("x", "nowhere", "overfitting", p, {"l2": p.replace(l2=0.1)})
    with pytest.raises(ValueError, match="symptom"):
        Scenario("x", "overfitting", "sneezing", p, {"l2": p.replace(l2=0.1)})
    with pytest.raises(ValueError, match="fix"):
        Scenario("x", "overfitting", "overfitting", p, {})
    with pytest.raises(ValueError, match="beyond_lecture"):
        Scenario("x", "overfitting", "overfitting", p, {"l2": p.replace(l2=0.1)}, beyond_lecture=("dropout",))


def test_every_variant_is_cheap_by_the_engine_cost_model():
    """The speed budget itself is measured by bench/scenarios_time.py; this guards the shape."""
    for name, sc in SCENARIOS.items():
        for var, cfg in sc.variants().items():
            assert cfg.dtype == "float32"
            assert estimate_seconds(cfg) <= 0.25, f"{name}/{var}: estimated {estimate_seconds(cfg):.2f} s"


# -- the measures, on hand-made telemetry -------------------------------------------------

def fake_run(train_loss, val_loss=None, *, acc=True, diverged=False, layers=None):
    train_loss = np.asarray(train_loss, dtype=float)
    val_loss = train_loss if val_loss is None else np.asarray(val_loss, dtype=float)
    epochs = np.arange(len(train_loss))
    accs = np.full(len(epochs), 0.8 if acc else np.nan)
    history = pd.DataFrame({"epoch": epochs, "step": epochs, "lr": 0.1, "train_loss": train_loss,
                            "val_loss": val_loss, "train_acc": accs, "val_acc": accs})
    if layers is None:
        layers = layer_frame(len(epochs), units=(4, 1))
    return SimpleNamespace(history=history, layers=layers, diverged=diverged)


def layer_frame(n_epochs, units=(4, 4, 1), dead=None, distinct=None, grad=None):
    """One row per epoch and layer; the last layer is the output."""
    rows = []
    for e in range(n_epochs):
        for i, u in enumerate(units):
            out = i == len(units) - 1
            rows.append({"epoch": e, "layer": i + 1, "name": "output" if out else f"hidden {i + 1}", "units": u,
                         "dead_frac": np.nan if out else (dead[i] if dead else 0.0),
                         "distinct_units": distinct[i] if distinct else u,
                         "grad_norm": np.nan if e == 0 else (grad[i] if grad else 1.0)})
    return pd.DataFrame(rows)


def test_overfitting_measure():
    falling = np.linspace(1.0, 0.05, 50)
    turned_up = np.concatenate([np.linspace(1.0, 0.4, 20), np.linspace(0.4, 0.9, 30)])
    assert sym.overfitting(fake_run(falling, turned_up)).present
    assert sym.overfitting(fake_run(falling, turned_up)).evidence["val_rise"] == pytest.approx(0.9 / 0.4)
    assert not sym.overfitting(fake_run(falling, falling + 0.1))  # validation keeps improving
    slight = np.concatenate([np.linspace(1.0, 0.4, 20), np.linspace(0.4, 0.5, 30)])
    assert not sym.overfitting(fake_run(falling, slight))  # 1.25x: below OVERFIT_VAL_RISE
    flat_train = np.full(50, 0.3)
    assert not sym.overfitting(fake_run(flat_train, turned_up))  # training loss not falling
    assert not sym.overfitting(fake_run(falling, turned_up, diverged=True))


def test_underfitting_measure():
    stuck = np.concatenate([np.linspace(0.69, 0.62, 20), np.full(40, 0.62)])
    assert sym.underfitting(fake_run(stuck, stuck * 1.05)).present  # classification: 0.62 >= 0.75 ln 2
    assert not sym.underfitting(fake_run(stuck * 0.5, stuck * 0.5))  # low loss: a fit
    assert not sym.underfitting(fake_run(stuck, stuck * 2.0))  # a validation gap: not underfitting
    still_falling = np.concatenate([np.full(45, 0.69), np.linspace(0.69, 0.54, 15)])
    assert not sym.underfitting(fake_run(still_falling, still_falling))  # falls 22 % in the last quarter
    # Regression: judged against the untrained loss, not ln C.
    reg = np.concatenate([np.linspace(3.0, 1.0, 10), np.full(50, 1.0)])
    assert sym.underfitting(fake_run(reg, reg, acc=False)).present
    assert not sym.underfitting(fake_run(reg * 0.1 / np.linspace(1, 10, 60), None, acc=False))
    # Multi-class: ln C from the output layer's width.
    three = layer_frame(60, units=(4, 3))
    mid = np.full(60, 0.7)  # 0.7 < 0.75 ln 3 = 0.82: learnt something
    assert not sym.underfitting(fake_run(mid, mid, layers=three))
    assert sym.underfitting(fake_run(mid, mid, layers=layer_frame(60, units=(4, 1))))


def test_dying_relu_measure():
    assert sym.dying_relu(fake_run(np.ones(5), layers=layer_frame(5, dead=[1.0, 0.25]))).present
    ev = sym.dying_relu(fake_run(np.ones(5), layers=layer_frame(5, units=(4, 12, 1), dead=[1.0, 0.25]))).evidence
    assert ev["dead_share"] == pytest.approx((4 + 3) / 16)  # weighted by width: below 0.5
    assert not sym.dying_relu(fake_run(np.ones(5), layers=layer_frame(5, units=(4, 12, 1), dead=[1.0, 0.25])))
    assert not sym.dying_relu(fake_run(np.ones(5), layers=layer_frame(5, dead=[0.1, 0.0])))
    assert not sym.dying_relu(fake_run(np.ones(5), layers=layer_frame(5, units=(1,))))  # no hidden layer


def test_symmetric_init_measure():
    assert sym.symmetric_init(fake_run(np.ones(5), layers=layer_frame(5, distinct=[1, 1, 1]))).present
    assert not sym.symmetric_init(fake_run(np.ones(5), layers=layer_frame(5, distinct=[1, 4, 1])))
    assert not sym.symmetric_init(fake_run(np.ones(5), layers=layer_frame(5, units=(1, 1), distinct=[1, 1])))


def test_vanishing_gradients_measure():
    tiny = layer_frame(5, grad=[1e-7, 1e-4, 1e-2])
    check = sym.vanishing_gradients(fake_run(np.ones(5), layers=tiny))
    assert check.present and check.evidence["ratio"] == pytest.approx(1e-5)
    assert not sym.vanishing_gradients(fake_run(np.ones(5), layers=layer_frame(5, grad=[1e-2, 1e-2, 1e-2])))
    assert not sym.vanishing_gradients(fake_run(np.ones(5), layers=layer_frame(5, grad=[2e-3, 1.0, 1.0])))
    # Peaks: a late collapse of the output gradient does not hide the early gap.
    late = layer_frame(5, grad=[1e-7, 1e-5, 1e-2])
    late.loc[(late["epoch"] > 2) & (late["layer"] == 3), "grad_norm"] = 1e-7
    assert sym.vanishing_gradients(fake_run(np.ones(5), layers=late)).present


def test_loss_rising_measure():
    climb = np.concatenate([np.linspace(1.0, 0.2, 10), np.geomspace(0.2, 5.0, 30)])
    assert sym.loss_rising(fake_run(climb)).present
    assert not sym.loss_rising(fake_run(np.linspace(1.0, 0.1, 40)))  # falling
    blowup = np.array([0.7, 0.7, 5e3])  # an instant blow-up is "diverged", not a climb
    assert not sym.loss_rising(fake_run(blowup, diverged=True))
    zigzag = np.concatenate([np.linspace(1.0, 0.2, 10), np.tile([0.6, 0.3], 15)])
    assert not sym.loss_rising(fake_run(zigzag))  # ends 1.5x over its minimum, up only half the time
    ending_nan = np.concatenate([climb, [np.nan]])
    assert sym.loss_rising(fake_run(ending_nan, diverged=True)).present


def test_diverged_measure():
    assert sym.diverged(fake_run([0.7, 0.6, 900.0], diverged=True)).present
    assert sym.diverged(fake_run([0.7, np.nan])).present
    assert not sym.diverged(fake_run([0.7, 0.5, 0.4]))


def test_slow_convergence_measure():
    assert sym.slow_convergence(fake_run(np.linspace(0.69, 0.5, 100))).present
    assert not sym.slow_convergence(fake_run(np.linspace(0.69, 0.1, 100)))  # most of the way down
    plateau = np.concatenate([np.linspace(0.69, 0.6, 20), np.full(80, 0.6)])
    assert not sym.slow_convergence(fake_run(plateau))  # stopped falling: that is a plateau
    # Started near its floor (0.57, floor 0.4) and levelling off: still over half its start, and still
    # easing down 3 % a quarter, but the last quarter brought only 8 % of the progress: converging, not slow.
    levelling = 0.4 + 0.17 * np.exp(-np.arange(100) / 40.0)
    check = sym.slow_convergence(fake_run(levelling))
    assert not check and check.evidence["left"] >= sym.SLOW_LEFT_SHARE
    assert check.evidence["last_quarter_drop"] >= sym.SLOW_STILL_FALLING
    assert check.evidence["late_share"] < sym.SLOW_LATE_SHARE
    assert sym.slow_convergence(fake_run(np.linspace(0.69, 0.5, 100))).evidence["late_share"] == pytest.approx(0.25, 0.02)
    assert not sym.slow_convergence(fake_run(np.linspace(0.69, 0.5, 100), diverged=True))


def test_unstable_loss_measure():
    calm = np.linspace(1.0, 0.2, 100)
    bumpy = calm.copy()
    bumpy[50::4] *= 1.5  # jumps up, and back down the next epoch
    assert sym.unstable_loss(fake_run(bumpy)).present
    assert not sym.unstable_loss(fake_run(calm))
    rising = np.geomspace(0.1, 1e4, 100)  # up 12 % every epoch, never down: rising, not unstable
    assert not sym.unstable_loss(fake_run(rising))
    early = calm.copy()
    early[5:45:4] *= 1.5  # bumps in the first half only: it settled
    assert not sym.unstable_loss(fake_run(early))


def test_checks_cover_every_symptom_and_name_the_symptom():
    run = fake_run(np.linspace(1.0, 0.5, 20))
    report = sym.examine(run)
    assert list(report) == list(SYMPTOMS)
    assert all(c.symptom == name and isinstance(c.evidence, dict) for name, c in report.items())
    assert sym.check(run, "diverged") == report["diverged"]
    with pytest.raises(ValueError):
        sym.check(run, "sneezing")
    assert math.isfinite(sym.OVERFIT_VAL_RISE)
