"""The training doctor: every rule on synthetic curves (present and absent), every log format,
every bad input, the command line, the CSV round trip and a few real runs."""

import io
import json
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nncore import Config, logs, train
from nncore import doctor as D
from nncore.doctor import CODES, PROBLEMS, SEVERITIES, diagnose, examine
from nncore.logs import LogError, from_text, parse_log, read_log, to_csv

ROOT = __import__("os").path.dirname(__import__("os").path.dirname(__import__("os").path.abspath(__file__)))
PAGES = {"overfitting", "underfitting", "dying_relu", "symmetry", "vanishing", "learning_rates"}


# -- synthetic curves ------------------------------------------------------------------

def history(train_loss, val_loss=None, train_acc=None, val_acc=None, first_epoch=0):
    n = len(train_loss)
    nan = np.full(n, np.nan)
    return pd.DataFrame({
        "epoch": np.arange(first_epoch, first_epoch + n), "step": np.arange(n) * 10, "lr": np.full(n, 0.01),
        "train_loss": np.asarray(train_loss, float), "val_loss": nan if val_loss is None else np.asarray(val_loss, float),
        "train_acc": nan if train_acc is None else np.asarray(train_acc, float),
        "val_acc": nan if val_acc is None else np.asarray(val_acc, float)})


def noise(n, scale, seed=0):
    return 1 + scale * np.random.default_rng(seed).standard_normal(n)


T = np.arange(100.0)
HEALTHY = 0.05 + 0.65 * np.exp(-T / 8) * noise(100, 0.01)
HEALTHY_VAL = 1.1 * HEALTHY + 0.01
CURVES = {
    # code expected as an alarm -> (train, val)
    None: (HEALTHY, HEALTHY_VAL),
    "overfitting": (0.7 * np.exp(-T / 15), 0.15 + 0.55 * np.exp(-T / 8) + 0.006 * np.maximum(T - 25, 0)),
    "loss_rising": (np.where(T < 40, 0.7 * np.exp(-T / 10), 0.7 * np.exp(-4) + 0.02 * (T - 40)),
                    np.where(T < 40, 0.72 * np.exp(-T / 10), 0.72 * np.exp(-4) + 0.02 * (T - 40))),
    "unstable_loss": (0.1 + 0.6 * np.exp(-T / 5) + 0.15 * (T % 4 == 0) * (T > 5),
                      0.12 + 0.6 * np.exp(-T / 5) + 0.15 * (T % 4 == 0) * (T > 5)),
    "slow_convergence": (0.7 - 0.002 * T, 0.71 - 0.002 * T),
    "underfitting": ((0.6 + 0.1 * np.exp(-T / 3)) * noise(100, 0.002, 1), (0.61 + 0.1 * np.exp(-T / 3)) * noise(100, 0.002, 2)),
}


def alarms(h, layers=None):
    return sorted(f.code for f in diagnose(h, layers) if f.alarm)


@pytest.mark.parametrize("code", list(CURVES))
def test_each_loss_rule_fires_on_its_curve_and_only_there(code):
    train_loss, val_loss = CURVES[code]
    assert alarms(history(train_loss, val_loss)) == ([code] if code else [])


def test_a_regression_that_met_its_floor_at_once_is_info_but_one_that_barely_moved_is_an_alarm():
    """Logged from epoch 1 on (Keras), a linear fit reaches its noise floor at once; relative to its first logged
    loss it looks high. The doctor says so as info; a loss that hardly moved from its start is still underfitting."""
    settled = history(np.r_[0.05, 0.021, np.full(98, 0.02)], np.r_[0.05, 0.022, np.full(98, 0.021)])
    (f,) = [f for f in diagnose(settled) if f.code == "underfitting"]
    assert f.severity == "info" and "settled_at_once" in f.facts["clauses"] and f.facts["settled_epoch"] == 1
    assert alarms(*[history(*CURVES["underfitting"])]) == ["underfitting"]


def test_a_log_with_only_validation_accuracy_is_judged_as_a_classifier():
    """Lightning logs often hold val_acc alone: a classifier at 0.36 (below 0.75 ln 2) with 85 % accuracy is fine,
    though its loss is 44 % of its first logged value (what a regression's rule would call high)."""
    train_loss = 0.36 + 0.45 * np.exp(-T / 4)
    fitted = history(train_loss, train_loss + 0.04, val_acc=np.full(100, 0.85))
    assert alarms(fitted) == []
    assert alarms(history(train_loss, train_loss + 0.04)) == ["underfitting"]  # no accuracy: judged as regression
    stuck = history(np.full(100, 0.6931), np.full(100, 0.6935), val_acc=np.full(100, 0.5))
    (f,) = [f for f in diagnose(stuck) if f.code == "underfitting"]
    assert f.alarm and "val_accuracy" in f.facts["clauses"] and "validation accuracy" in f.evidence


def test_an_early_stopped_run_is_not_slow_but_a_slow_one_whose_validation_stalled_still_is():
    """Early stopping ends a run whose training loss still falls once validation stops improving."""
    t = np.arange(30.0)
    train_loss = 0.7 - 0.35 * (1 - np.exp(-t / 20))  # still falling: 14 % of its progress in the last 30 %
    val_loss = np.where(t < 20, 0.72 - 0.3 * (1 - np.exp(-t / 10)), 0.72 - 0.3 * (1 - np.exp(-2.0)) + 0.004 * (t - 20))
    acc = np.full(30, 0.85)  # a classifier, as early-stopped runs usually are
    assert alarms(history(train_loss, val_loss, acc, acc)) == []
    assert alarms(history(train_loss, train_loss + 0.02, acc, acc)) == ["slow_convergence"]  # validation improving
    steep = 0.7 - 0.006 * t  # a straight line: 30 % of its progress in the last 30 %
    stalled = np.r_[steep[:20] + 0.02, steep[19] + 0.02 + 0.003 * np.arange(1, 11)]
    assert alarms(history(steep, stalled, acc, acc)) == ["slow_convergence"]


def test_nan_loss_is_divergence_with_its_epoch():
    tl = HEALTHY.copy()
    tl[60:] = np.nan
    (f,) = [f for f in diagnose(history(tl, HEALTHY_VAL)) if f.alarm]
    assert (f.code, f.severity, f.facts["epoch"]) == ("diverged", "error", 60)
    assert "NaN" in f.evidence and "epoch 60" in f.evidence


def test_infinite_or_exploding_loss_is_divergence():
    tl = HEALTHY.copy()
    tl[70] = np.inf
    assert alarms(history(tl[:71], HEALTHY_VAL[:71])) == ["diverged"]
    boom = np.concatenate([HEALTHY[:50], HEALTHY[0] * np.geomspace(2, 5e3, 10)])
    (f,) = [f for f in diagnose(history(boom)) if f.code == "diverged"]
    assert f.facts["ratio"] >= D.EXPLOSION_FACTOR and f.facts["epoch"] >= 50


def test_flat_curve_rounding_noise_is_neither_rising_nor_unstable():
    flat = 0.6931 + 1e-7 * np.random.default_rng(3).standard_normal(100)
    codes = alarms(history(flat, flat))
    assert "loss_rising" not in codes and "unstable_loss" not in codes
    assert codes == ["underfitting"]  # a loss that never moved from ln 2 is underfitting


def test_a_mild_validation_rise_is_info_not_an_alarm():
    val = 0.3 + 0.4 * np.exp(-T / 8) + 0.0008 * np.maximum(T - 40, 0)  # +16 % at the end, 12 % given back
    fs = [f for f in diagnose(history(0.6 * np.exp(-T / 10), val)) if f.code == "overfitting"]
    assert fs and fs[0].severity == "info" and not fs[0].alarm


def test_overfitting_needs_the_training_loss_still_falling():
    train_loss, val_loss = CURVES["overfitting"]
    rising_train = np.where(T < 40, train_loss, train_loss[40] + 0.01 * (T - 40))
    assert "overfitting" not in alarms(history(rising_train, val_loss))


def test_validation_logged_every_few_epochs():
    for code in ("overfitting", "underfitting", None):
        train_loss, val_loss = CURVES[code]
        sparse = np.where(T % 5 == 4, val_loss, np.nan)  # validation every 5th epoch, not the last one
        sparse[-1] = np.nan
        assert alarms(history(train_loss, sparse)) == ([code] if code else []), code


def test_oscillation_that_a_decayed_learning_rate_calms_is_not_unstable():
    amp = 0.15 * np.exp(-T / 20)
    tl = 0.1 + 0.6 * np.exp(-T / 5) + amp * (T % 4 == 0)
    assert alarms(history(tl, tl + 0.02)) == []


# -- judged in relative terms ------------------------------------------------------------

@pytest.mark.parametrize("code", list(CURVES))
def test_scale_of_the_loss_and_first_epoch_number_do_not_matter(code):
    train_loss, val_loss = CURVES[code]
    base = alarms(history(train_loss, val_loss))
    assert alarms(history(1000 * train_loss, 1000 * val_loss, first_epoch=1)) == base
    assert alarms(history(train_loss / 50, val_loss / 50, first_epoch=0)) == base


@pytest.mark.parametrize("code", list(CURVES))
@pytest.mark.parametrize("n", [12, 1000])
def test_short_and_long_logs_of_the_same_shape_are_judged_alike(code, n):
    train_loss, val_loss = CURVES[code]
    x = np.linspace(0, 99, n)
    resample = lambda y: np.interp(x, T, y) if code != "unstable_loss" else y  # noqa: E731
    if code == "unstable_loss":  # an oscillation's period is in epochs: rebuild it at that length
        t = np.arange(n, dtype=float)
        period = 2 if n < 40 else 4  # a short log shows up-and-down from one epoch to the next
        resample = lambda y: 0.1 + 0.6 * np.exp(-t / (n / 20)) + 0.15 * (t % period == 0) * (t > n / 20)  # noqa: E731
    assert alarms(history(resample(train_loss), resample(val_loss))) == ([code] if code else [])


# -- layer rules ----------------------------------------------------------------------------

def layer_frame(epochs, widths=(8, 8, 1), grad=None, dead=None, distinct=None):
    """Per-layer telemetry; grad/dead/distinct map layer -> value (constant over epochs)."""
    rows = []
    L = len(widths)
    for e in range(epochs):
        for layer, units in enumerate(widths, start=1):
            hidden = layer < L
            rows.append({"epoch": e, "layer": layer, "name": f"hidden {layer}" if hidden else "output",
                         "units": units, "act_mean": 0.1, "act_std": 0.5,
                         "dead_frac": (dead or {}).get(layer, 0.0) if hidden else np.nan,
                         "saturated_frac": 0.0 if hidden else np.nan,
                         "grad_norm": np.nan if e == 0 else (grad or {}).get(layer, 0.1),
                         "weight_norm": 1.0, "update_ratio": np.nan if e == 0 else 0.01,
                         "distinct_units": (distinct or {}).get(layer, units)})
    return pd.DataFrame(rows)


def test_healthy_layers_raise_nothing():
    assert alarms(history(HEALTHY, HEALTHY_VAL), layer_frame(100)) == []


def test_dying_relu_70_percent_of_the_network_warning_a_dead_layer_error():
    def dying(dead):
        return {x.code: x for x in diagnose(history(HEALTHY, HEALTHY_VAL), layer_frame(100, dead=dead))}.get("dying_relu")
    f = dying({1: 0.75, 2: 0.75})
    assert f.severity == "warning" and f.facts["dead_share"] == pytest.approx(0.75)
    assert "75%" in f.evidence and "hidden layer 1" in f.evidence
    f = dying({2: 0.75})  # one layer 75 % dead, the network 37.5 %: AUTOTRAINER's network-wide test says no
    assert f.severity == "info" and f.facts["layer"] == 2
    assert dying({1: 1.0}).severity == "error"  # nothing passes a layer that is all dead
    assert dying({1: 0.5}).severity == "info"  # cs231n: up to 40 % dead is common; 50 % is noted, not alarmed
    assert dying({1: 0.3}) is None


def test_symmetric_units_are_an_error_and_explain_their_dead_units():
    frame = layer_frame(100, distinct={1: 1, 2: 1}, dead={1: 1.0, 2: 1.0})  # zero init: copies, all outputs 0
    flat = np.full(100, 0.6931)
    fs = diagnose(history(flat, flat), frame)
    assert fs[0].code == "symmetric_init" and fs[0].severity == "error"
    assert "dying_relu" not in [f.code for f in fs]  # the copies, not dying, are the cause
    (under,) = [f for f in fs if f.code == "underfitting"]  # still true, sorted after its cause, and says so
    assert fs.index(under) > 0 and "symmetric initialization" in under.evidence
    assert "symmetric_init" not in alarms(history(HEALTHY, HEALTHY_VAL), layer_frame(100, distinct={1: 7}))


def test_vanishing_gradients_from_the_first_to_last_layer_ratio():
    grad = {1: 1e-6, 2: 1e-4, 3: 1e-1}
    f = {x.code: x for x in diagnose(history(HEALTHY, HEALTHY_VAL), layer_frame(100, grad=grad))}
    assert f["vanishing_gradients"].facts["ratio"] == pytest.approx(1e-5)
    assert "hidden layer 1" in f["vanishing_gradients"].evidence
    ok = {1: 0.5 * D.VANISH_RATIO * 10, 2: 0.05, 3: 0.1}
    assert "vanishing_gradients" not in alarms(history(HEALTHY, HEALTHY_VAL), layer_frame(100, grad=ok))


def test_checks_that_need_missing_columns_are_reported_as_skipped():
    report = examine(history(HEALTHY))  # no validation loss, no layers
    skipped = dict(report.skipped)
    assert {"overfitting", "underfitting", "dying_relu", "symmetric_init", "vanishing_gradients"} <= set(skipped)
    assert "validation" in skipped["overfitting"] and "per-layer" in skipped["dying_relu"]
    assert not {"diverged", "loss_rising"} & set(skipped)
    report = examine(history(HEALTHY[:3], HEALTHY_VAL[:3]))
    assert "loss_rising" in dict(report.skipped)


def test_findings_carry_everything_the_app_needs():
    tl, vl = CURVES["overfitting"]
    frame = layer_frame(100, dead={1: 1.0}, grad={1: 1e-6})
    fs = diagnose(history(tl, vl), frame)
    assert [SEVERITIES.index(f.severity) for f in fs] == sorted(SEVERITIES.index(f.severity) for f in fs)
    for f in fs:
        assert f.code in CODES and f.page in PAGES and f.title == PROBLEMS[f.code].title
        assert f.fixes and all(isinstance(x, str) and x for x in f.fixes)
        assert any(ch.isdigit() for ch in f.evidence)
        json.dumps(f.to_dict())  # facts are plain numbers and strings
    assert set(CODES) == {"overfitting", "underfitting", "dying_relu", "symmetric_init", "vanishing_gradients",
                          "loss_rising", "diverged", "slow_convergence", "unstable_loss"}
    assert {p.page for p in PROBLEMS.values()} == PAGES


# -- log formats -------------------------------------------------------------------------------

def keras_csv(train_loss, val_loss, acc_name="accuracy"):
    lines = [f"epoch,{acc_name},loss,val_{acc_name},val_loss,val_mae"]
    for e, (a, b) in enumerate(zip(np.asarray(train_loss).tolist(), np.asarray(val_loss).tolist())):
        lines.append(f"{e},{0.9:.2f},{a!r},{0.8:.2f},{b!r},0.1")
    return "\n".join(lines) + "\n"


def lightning_csv(train_loss, val_loss, steps_per_epoch=3, epoch_column=True):
    """metrics.csv as Lightning writes it: step rows, then a validation row, then an epoch row."""
    cols = ["epoch", "step", "train_loss_step", "val_loss", "val_acc"] + (["train_loss_epoch"] if epoch_column else [])
    out, step = [",".join(cols)], 0
    for e, (a, b) in enumerate(zip(np.asarray(train_loss).tolist(), np.asarray(val_loss).tolist())):
        for k in range(steps_per_epoch):
            step += 10
            row = {"epoch": e, "step": step, "train_loss_step": repr(float(a) * (1.2 - 0.2 * k))}
            out.append(",".join(str(row.get(c, "")) for c in cols))
        out.append(",".join(str({"epoch": e, "step": step, "val_loss": repr(float(b)), "val_acc": 0.8}.get(c, ""))
                            for c in cols))
        if epoch_column:
            out.append(",".join(str({"epoch": e, "step": step, "train_loss_epoch": repr(float(a))}.get(c, ""))
                                for c in cols))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("code", ["overfitting", None, "loss_rising"])
def test_keras_logs_are_read_and_judged(code):
    tl, vl = CURVES[code]
    parsed = from_text(keras_csv(tl, vl))
    assert parsed.format == "keras" and parsed.columns["train_loss"] == "loss"
    np.testing.assert_allclose(parsed.history["train_loss"], tl)
    assert parsed.history["epoch"].tolist() == list(range(100))
    assert alarms(parsed.history, parsed.layers) == ([code] if code else [])
    old = from_text(keras_csv(tl, vl, acc_name="acc"))  # old Keras: acc / val_acc
    assert old.history["train_acc"].iloc[0] == 0.9 and old.history["val_acc"].iloc[0] == 0.8


def test_keras_log_with_nan_loss_is_diverged_not_refused():
    tl, vl = CURVES[None]
    text = keras_csv(tl[:40], vl[:40]) + "40,0.5,nan,0.5,nan,0.1\n"
    (f,) = [f for f in diagnose(*read_log(io.StringIO(text))) if f.alarm]
    assert f.code == "diverged" and f.facts["epoch"] == 40


@pytest.mark.parametrize("code", ["overfitting", None])
@pytest.mark.parametrize("epoch_column", [True, False])
def test_lightning_logs_are_merged_per_epoch(code, epoch_column):
    tl, vl = CURVES[code]
    parsed = from_text(lightning_csv(tl, vl, epoch_column=epoch_column))
    assert parsed.format == "lightning" and len(parsed.history) == 100
    # train_loss_epoch when logged, else the mean of the epoch's step values (1.2a, a, 0.8a -> a)
    np.testing.assert_allclose(parsed.history["train_loss"], tl, rtol=1e-12)
    np.testing.assert_allclose(parsed.history["val_loss"], vl)
    assert parsed.history["step"].iloc[0] == 30
    assert alarms(parsed.history) == ([code] if code else [])


def test_lightning_log_diverging_to_nan():
    tl, vl = CURVES[None]
    tl, vl = tl.copy(), vl.copy()
    tl[50:], vl[50:] = np.nan, np.nan
    fs = diagnose(*read_log(io.BytesIO(lightning_csv(tl[:55], vl[:55]).encode())))
    assert fs[0].code == "diverged" and fs[0].facts["epoch"] == 50


def test_plain_and_aliased_columns_case_insensitive():
    tl, vl = CURVES["overfitting"]
    for header in ("epoch,train_loss,val_loss", "Epoch,Train Loss,Validation Loss", "EPOCH,train/loss,val/loss",
                   "ep;training_loss;valid_loss"):
        sep = ";" if ";" in header else ","
        text = header + "\n" + "\n".join(f"{e}{sep}{a!r}{sep}{b!r}" for e, (a, b) in enumerate(zip(tl.tolist(), vl.tolist())))
        parsed = from_text(text)
        np.testing.assert_allclose(parsed.history["val_loss"], vl)
        assert alarms(parsed.history) == ["overfitting"], header


def test_per_layer_columns_in_several_namings_enable_layer_rules():
    tl, vl = CURVES[None]
    body = lambda e: f"{e},{float(tl[e])!r},{float(vl[e])!r}"  # noqa: E731
    for names in (("grad_norm_1", "grad_norm_2", "grad_norm_3"), ("layer1/grad_norm", "layer2/grad_norm", "layer3/grad_norm"),
                  ("grad_norm_layer0", "grad_norm_layer1", "grad_norm_layer2"), ("L1 Gradient Norm", "l2-gradient-norm", "l3_gradient_norm")):
        text = "epoch,train_loss,val_loss," + ",".join(names) + "\n"
        text += "\n".join(body(e) + ",1e-6,1e-4,0.1" for e in range(100))
        parsed = from_text(text)
        assert parsed.layers is not None and sorted(parsed.layers["layer"].unique()) == [1, 2, 3], names
        assert alarms(parsed.history, parsed.layers) == ["vanishing_gradients"], names
        skipped = dict(examine(parsed.history, parsed.layers).skipped)
        assert "dead_frac" in skipped["dying_relu"]  # the layer rules it has no column for


def test_our_export_round_trips_exactly_and_gives_the_same_findings():
    for cfg in (Config(n_samples=120, hidden=(6, 5), epochs=25, seed=3),
                Config(n_samples=120, hidden=(6,), epochs=30, optimizer="sgd", lr=0.3, flip_sign_epoch=10,
                       activation="tanh"),
                Config(dataset="curve", n_samples=100, hidden=(8,), epochs=20, activation="tanh")):
        run = train(cfg)
        text = to_csv(run.history, run.layers)
        parsed = from_text(text)
        assert parsed.format == "nncore" and parsed.notes == ()
        pd.testing.assert_frame_equal(parsed.history, run.history)
        pd.testing.assert_frame_equal(parsed.layers, run.layers)
        assert diagnose(parsed.history, parsed.layers) == diagnose(run.history, run.layers)
    assert "nan" in to_csv(history([0.7, np.nan]))  # a NaN loss is written as evidence
    buf = io.StringIO()
    logs.write_log(buf, run.history, run.layers)
    assert buf.getvalue() == text


@pytest.mark.parametrize("cell", ["nan", "inf", "1e400"])
def test_a_single_epoch_whose_loss_is_not_finite_is_read_as_divergence(cell):
    """A run that blew up in its first epoch leaves a one-row log: evidence, not a file to refuse."""
    parsed = from_text(f"epoch,loss,val_loss\n0,{cell},0.7\n")
    assert len(parsed.history) == 1
    assert alarms(parsed.history) == ["diverged"]
    with pytest.raises(LogError, match="at least 2"):  # one finite epoch is still no curve
        from_text("epoch,loss,val_loss\n0,0.7,0.7\n")


def test_diverged_run_round_trips_through_csv():
    run = train(Config(n_samples=120, hidden=(8,), epochs=40, optimizer="sgd", lr=3.0, activation="linear"))
    assert run.diverged
    parsed = from_text(to_csv(run.history, run.layers))
    assert [f.code for f in diagnose(parsed.history, parsed.layers)] == [f.code for f in diagnose(run.history, run.layers)]
    assert "diverged" in alarms(parsed.history, parsed.layers)


# -- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\n \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (bytes(range(1, 32)) * 50, "binary"),
    (b"epoch,accuracy\n0,0.5\n1,0.6\n", "no training-loss column"),
    (b"epoch,loss\n0,0.7\n1,abc\n", "'abc' is not a number"),
    (b"epoch,loss\n0,0.7\n", "at least 2"),
    (b"epoch,loss\n0,0.7,3\n1,0.6\n", "line 2 has 3 cells"),
    (b"0,0.7\n1,0.6\n", "name the columns"),
    (b"epoch,loss\n0.5,0.7\n1,0.6\n", "whole numbers"),
    (b"epoch loss val_loss\n0 0.7 0.8\n", "single column"),
])
def test_bad_input_gives_a_plain_log_error(data, message):
    with pytest.raises(LogError, match=message):
        parse_log(data)
    assert issubclass(LogError, ValueError)


_CELL = st.one_of(st.sampled_from(["", "nan", "inf", "-inf", "1e400", "abc", " 3 ", "1,5", "1e30", "9" * 30]),
                  st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers(-10**20, 10**20).map(str))
_NAMES = st.lists(st.sampled_from(["epoch", "step", "loss", "val_loss", "train_loss_step", "accuracy", "grad_norm_1",
                                   "layer2/dead_frac", "units_1", "distinct_units_1", "x", "", "lr"]),
                  min_size=1, max_size=7)


@st.composite
def _csv_bytes(draw):
    names, sep = draw(_NAMES), draw(st.sampled_from([",", ";", "\t"]))
    rows = [sep.join(draw(_CELL) for _ in range(draw(st.integers(0, len(names) + 1))))
            for _ in range(draw(st.integers(0, 12)))]
    return (sep.join(names) + "\n" + "\n".join(rows)).encode()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(_csv_bytes(), st.binary(max_size=200)))
def test_any_input_is_read_or_refused_with_a_log_error_never_a_traceback(data):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not even a NumPy warning leaks
        try:
            parsed = parse_log(data)
        except LogError:
            return
        json.dumps(examine(parsed.history, parsed.layers).to_dict())


def test_semicolon_files_with_decimal_commas_are_read_with_a_note():
    parsed = parse_log(b"epoch;loss;val_loss\n0;0,70;0,72\n1;0,60;0,65\n2;0,50;0,55\n")
    assert parsed.history["train_loss"].tolist() == [0.7, 0.6, 0.5]
    assert any("semicolon" in n for n in parsed.notes) and any("decimal comma" in n for n in parsed.notes)


def test_duplicated_epochs_keep_the_last_row_with_a_note():
    parsed = parse_log(b"epoch,loss\n0,0.9\n1,0.8\n2,0.7\n1,0.5\n2,0.4\n3,0.3\n")
    assert parsed.history["epoch"].tolist() == [0, 1, 2, 3]
    assert parsed.history["train_loss"].tolist() == [0.9, 0.5, 0.4, 0.3]
    assert any("kept the last row" in n for n in parsed.notes)


def test_size_caps(monkeypatch, tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"epoch,loss\n" + b"".join(b"%d,0.5\n" % i for i in range(200)))
    monkeypatch.setattr(logs, "MAX_BYTES", 1000)
    with pytest.raises(LogError, match="MB"):
        read_log(big)
    with pytest.raises(LogError, match="limit"):
        read_log(io.BytesIO(big.read_bytes()))
    monkeypatch.setattr(logs, "MAX_BYTES", 10**6)
    monkeypatch.setattr(logs, "MAX_ROWS", 100)
    with pytest.raises(LogError, match="200 rows; the limit is 100"):
        read_log(str(big))
    assert logs.MAX_BYTES and logs.MAX_ROWS  # the documented defaults are module constants


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LogError, match="no such file"):
        read_log(tmp_path / "nope.csv")
    with pytest.raises(LogError, match="directory"):
        read_log(tmp_path)


def test_percent_accuracy_and_missing_epoch_column():
    parsed = parse_log(b"loss,accuracy\n0.7,50\n0.6,75\n0.5,90\n")
    assert parsed.history["train_acc"].tolist() == [0.5, 0.75, 0.9]
    assert parsed.history["epoch"].tolist() == [0, 1, 2]
    assert any("percent" in n for n in parsed.notes) and any("no epoch column" in n for n in parsed.notes)


def test_utf8_bom_and_utf16_files():
    text = "epoch,loss,val_loss\n0,0.7,0.8\n1,0.6,0.7\n"
    assert len(parse_log(b"\xef\xbb\xbf" + text.encode()).history) == 2
    assert len(parse_log(text.encode("utf-16")).history) == 2


# -- command line ---------------------------------------------------------------------------------

def cli(*args):
    return subprocess.run([sys.executable, "-m", "nncore.doctor", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_cli_prints_findings_and_json(tmp_path):
    tl, vl = CURVES["overfitting"]
    path = tmp_path / "log.csv"
    path.write_text(keras_csv(tl, vl))
    out = cli(path)
    assert out.returncode == 0 and "overfitting" in out.stdout and "Checks not made" in out.stdout
    out = cli(path, "--json")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    (f,) = data["findings"]
    assert {"code", "title", "severity", "evidence", "fixes"} <= set(f) and f["code"] == "overfitting"
    assert isinstance(f["fixes"], list) and f["page"] == "overfitting" and f["facts"]["min_epoch"] >= 0
    assert {s["code"] for s in data["skipped"]} >= {"dying_relu", "vanishing_gradients"}


def test_cli_exit_code_2_with_one_line_message(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("epoch;accuracy\n0;0.5\n")
    out = cli(bad)
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("nncore.doctor: cannot read") and "no training-loss column" in out.stderr
    assert D.main([str(tmp_path / "missing.csv")]) == 2  # the same entry point, in process
    err = capsys.readouterr().err
    assert "no such file" in err and len(err.strip().splitlines()) == 1


# -- real runs --------------------------------------------------------------------------------------

REAL = {
    "healthy": (Config(dataset="moons", n_samples=400, hidden=(16, 16), init="he", lr=0.01, l2=1e-3, epochs=60), []),
    "flipped sign": (Config(hidden=(16, 16), optimizer="sgd", lr=0.1, epochs=80, flip_sign_epoch=40,
                            activation="tanh"), ["loss_rising"]),
    "negative bias": (Config(hidden=(16, 16), bias_init=-3.0, epochs=60), ["dying_relu"]),
    "constant init": (Config(dataset="circles", hidden=(8, 8), activation="tanh", init="constant", init_scale=0.5,
                             epochs=100), ["symmetric_init"]),
    "deep sigmoid": (Config(hidden=(16,) * 8, activation="sigmoid", optimizer="sgd", lr=0.5, epochs=80,
                            n_samples=200), ["vanishing_gradients"]),
}


@pytest.mark.parametrize("name", list(REAL))
def test_real_runs(name):
    cfg, expected = REAL[name]
    run = train(cfg)
    got = alarms(run.history, run.layers)
    assert set(expected) <= set(got) and (expected or got == [])
    if expected:
        assert diagnose(run.history, run.layers)[0].code in expected + ["underfitting"]


# -- other frameworks' conventions, written from our own runs ------------------------------------

def run_as_keras(run) -> str:
    """Keras' CSVLogger: a row after each epoch (counted from 0), 'epoch' then the sorted metric names."""
    h = run.history.iloc[1:]  # Keras never logs the untrained network
    cols = {"loss": h.train_loss, "val_loss": h.val_loss, "accuracy": h.train_acc, "val_accuracy": h.val_acc}
    names = sorted(c for c in cols if cols[c].notna().any())
    lines = [",".join(["epoch"] + names)]
    for i in range(len(h)):
        lines.append(",".join([str(i)] + [str(float(cols[c].iloc[i])) for c in names]))
    return "\n".join(lines) + "\n"


def run_as_lightning(run, steps=2) -> str:
    """Lightning's CSVLogger: step rows of train_loss, then a validation row, per epoch, blanks elsewhere."""
    h = run.history.iloc[1:]
    lines, step = ["train_loss,epoch,step,val_loss,val_acc"], 0
    for i, row in enumerate(h.itertuples()):
        for k in range(steps):  # two logged steps per epoch whose mean is the epoch's loss
            step += 5
            lines.append(f"{float(row.train_loss) * (1.1 if k == 0 else 0.9)},{i},{step},,")
        lines.append(f",{i},{step},{float(row.val_loss)},{float(row.val_acc)}")
    return "\n".join(lines) + "\n"


CONVENTION_RUNS = {
    "overfitting": (Config(dataset="moons", n_samples=300, noise=0.4, val_fraction=0.5, hidden=(32, 32, 32), init="he",
                           lr=0.01, batch_size=5000, epochs=300), "overfitting"),
    "diverged": (Config(hidden=(16, 16), activation="linear", init="he", optimizer="sgd", lr=1.0, batch_size=5000,
                        epochs=50),
                 "diverged"),  # explodes at epoch 4, as a Keras run with TerminateOnNaN would stop
    "healthy": (REAL["healthy"][0], None),
}


@pytest.mark.parametrize("name", list(CONVENTION_RUNS))
@pytest.mark.parametrize("writer", [run_as_keras, run_as_lightning])
def test_keras_and_lightning_logs_of_our_runs(name, writer):
    cfg, code = CONVENTION_RUNS[name]
    run = train(cfg)
    parsed = from_text(writer(run))
    assert parsed.format == ("keras" if writer is run_as_keras else "lightning")
    assert len(parsed.history) == len(run.history) - 1 and parsed.layers is None
    allowed = {code, "loss_rising"} if code == "diverged" else {code}  # a blow-up is also a rise
    for got in (alarms(parsed.history), alarms(run.history, run.layers)):  # the log, and our telemetry
        assert (code in got and set(got) <= allowed) if code else got == []


# -- the pathology pages' scenarios -----------------------------------------------------------------

scenarios = pytest.importorskip("nncore.scenarios")


@pytest.mark.parametrize("name", list(scenarios.SCENARIOS))
def test_each_scenario_problem_raises_its_symptom_and_no_fix_does(name):
    sc = scenarios.SCENARIOS[name]
    run = train(sc.problem)
    report = examine(run.history, run.layers)
    assert sc.symptom in [f.code for f in report.alarms], report.findings
    for fix, cfg in sc.fixes.items():
        run = train(cfg)
        assert sc.symptom not in alarms(run.history, run.layers), fix
