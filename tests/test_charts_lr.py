"""charts_lr: the vanishing-gradient ratio and profile, the schedule and divergence helpers, and the learning-rate
sweep's bands -- on hand-made frames where the answer is known, and on real runs."""

import json
import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from clinic import charts_lr as cl
from clinic.i18n import set_lang
from nncore import Config, train


def spec(chart):
    d = chart.to_dict()
    json.dumps(d, allow_nan=False)  # serialisable, and no NaN/Inf handed to Vega-Lite
    return d


def values(d, i=None):
    """The rows of a (layer of a) spec's data."""
    part = d if i is None else d["layer"][i]
    name = part.get("data", d.get("data"))["name"]
    return d["datasets"][name]


def layers_frame(norms: dict[int, list[float]]) -> pd.DataFrame:
    """A telemetry-like layers frame: norms[layer] = grad norm per epoch 1..E (epoch 0 gets NaN)."""
    rows = []
    top = max(norms)
    for layer, per_epoch in norms.items():
        name = "output" if layer == top else f"hidden {layer}"
        rows.append({"epoch": 0, "layer": layer, "name": name, "grad_norm": math.nan})
        for e, g in enumerate(per_epoch, start=1):
            rows.append({"epoch": e, "layer": layer, "name": name, "grad_norm": g})
    return pd.DataFrame(rows)


def history(losses, lrs=None, start_epoch=0):
    n = len(losses)
    return pd.DataFrame({"epoch": np.arange(start_epoch, start_epoch + n), "lr": lrs or [0.1] * n,
                         "train_loss": losses, "val_loss": losses})


# -- scales ---------------------------------------------------------------------------------------------

def test_spans_decades_chooses_log_only_for_wide_ranges():
    narrow = pd.DataFrame({"train_loss": [0.7, 0.5, 0.3], "val_loss": [0.7, 0.55, 0.35]})
    wide = pd.DataFrame({"train_loss": [2.5, 30.0, 1400.0], "val_loss": [2.5, 31.0, 1500.0]})
    assert not cl.spans_decades([narrow], ["train_loss", "val_loss"])
    assert cl.spans_decades([narrow, wide], ["train_loss", "val_loss"])
    # non-finite and non-positive values do not count; nothing at all is not a span
    odd = pd.DataFrame({"train_loss": [0.5, np.inf, np.nan, 0.0, -1.0, 0.6]})
    assert not cl.spans_decades([odd], ["train_loss"])
    assert not cl.spans_decades([], ["train_loss"])


# -- vanishing gradients ------------------------------------------------------------------------------------

def test_gradient_ratio_at_an_epoch_and_of_the_peaks():
    # three layers: the first gets 1e-6 of the output's gradient at epoch 1; by epoch 3 everything is tiny
    frame = layers_frame({1: [1e-7, 1e-7, 1e-7], 2: [1e-4, 1e-5, 1e-7], 3: [0.1, 0.01, 1e-7]})
    at1 = cl.gradient_ratio(frame, 1)
    assert at1["ratio"] == pytest.approx(1e-6) and at1["decades"] == pytest.approx(6.0)
    at3 = cl.gradient_ratio(frame, 3)
    assert at3["ratio"] == pytest.approx(1.0) and at3["decades"] == pytest.approx(0.0)
    peak = cl.gradient_ratio(frame)
    assert peak["first"] == pytest.approx(1e-7) and peak["last"] == pytest.approx(0.1)
    assert peak["ratio"] == pytest.approx(1e-6)


def test_gradient_ratio_is_nan_where_it_cannot_be_measured():
    frame = layers_frame({1: [0.0, 0.0], 2: [0.1, 0.2]})
    r = cl.gradient_ratio(frame)
    assert math.isnan(r["ratio"]) and r["first"] == 0.0
    assert math.isnan(cl.gradient_ratio(frame, 0)["ratio"])  # epoch 0: no gradient yet
    assert math.isnan(cl.gradient_ratio(layers_frame({1: [0.3]}))["ratio"])  # a single layer
    inf = layers_frame({1: [np.inf, 1e-3], 2: [0.1, 0.1]})
    assert cl.gradient_ratio(inf)["ratio"] == pytest.approx(1e-2)  # the infinite value is left out


def test_profile_frame_orders_layers_and_labels_the_output():
    frame = layers_frame({1: [1e-6, 1e-7], 2: [1e-3, 1e-4], 3: [0.2, 0.1]})
    df = cl.profile_frame(frame, 2, output_label="out")
    assert list(df["label"]) == ["1", "2", "out"]
    assert list(df["at"]) == pytest.approx([1e-7, 1e-4, 0.1])
    assert list(df["peak"]) == pytest.approx([1e-6, 1e-3, 0.2])


def test_gradient_profile_chart_draws_bars_at_the_epoch_and_ticks_at_the_peaks_on_a_log_axis():
    frame = layers_frame({1: [1e-6, 0.0], 2: [1e-3, 1e-4], 3: [0.2, 0.1]})
    d = spec(cl.gradient_profile_chart(frame, 2, "#D55E00", domain=[1e-8, 1.0]))
    bars, ticks = d["layer"]
    assert bars["mark"]["type"] == "bar" and ticks["mark"]["type"] == "tick"
    for part in (bars, ticks):
        y = part["encoding"]["y"]
        assert y["scale"]["type"] == "log" and y["scale"]["domain"] == [1e-8, 1.0] and "log" in y["title"]
        assert part["encoding"]["x"]["title"] and part["encoding"]["tooltip"]
    # the zero gradient of layer 1 at epoch 2 cannot sit on a log axis: no bar for it, but its peak tick is there
    assert [v["label"] for v in values(d, 0)] == ["2", "out"]  # the translated short label
    assert [v["label"] for v in values(d, 1)] == ["1", "2", "out"]
    assert bars["encoding"]["color"]["scale"]["range"] == ["#D55E00", "#000000"]


def test_profile_shows_the_staircase_of_a_real_vanishing_run():
    run = train(Config(n_samples=120, hidden=(8,) * 6, activation="sigmoid", init="xavier", optimizer="sgd",
                       lr=0.1, batch_size=5000, epochs=5, snapshots=1))
    df = cl.profile_frame(run.layers, 1)
    assert df["at"].is_monotonic_increasing  # from the first hidden layer to the output, the norm only grows
    assert cl.gradient_ratio(run.layers, 1)["decades"] > 2


# -- learning rates -------------------------------------------------------------------------------------------

def test_schedule_frame_takes_the_rates_from_the_history_without_epoch_0():
    h = history([1.0, 0.8, 0.7, 0.65], lrs=[0.2, 0.2, 0.1, 0.05])
    df = cl.schedule_frame(h, "step decay")
    assert list(df["epoch"]) == [1, 2, 3] and list(df["lr"]) == [0.2, 0.1, 0.05]
    assert set(df["variant"]) == {"step decay"}


def test_divergence_facts_name_the_reason():
    big = cl.divergence_facts(history([0.8, 4000.0], lrs=[100.0, 100.0]))
    assert big["kind"] == "big" and big["epoch"] == 1 and big["times"] == pytest.approx(5000.0)
    assert big["lr"] == 100.0 and big["factor"] == 1e3
    assert cl.divergence_facts(history([0.8, 2.0, np.nan]))["kind"] == "nan"
    inf = cl.divergence_facts(history([0.8, np.inf]))
    assert inf["kind"] == "inf" and math.isnan(inf["times"])


def test_marked_loss_chart_adds_a_rule_at_the_marked_epoch_only_when_asked():
    h = history([0.7, 0.5, 0.4, 0.9, 2.0])
    d = spec(cl.marked_loss_chart(h, "#D55E00", 3, "sign flipped", log=True, domain=[0.1, 10]))
    kinds = [layer["mark"]["type"] for layer in d["layer"]]
    assert kinds == ["line", "rule", "text"]
    assert values(d, 1) == [{"epoch": 3, "what": "sign flipped"}]
    assert d["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"
    plain = spec(cl.marked_loss_chart(h, "#000", None))
    assert [layer["mark"]["type"] for layer in plain["layer"]] == ["line"]


# -- the sweep --------------------------------------------------------------------------------------------------

def test_sweep_rates_span_1e_4_to_10_in_round_steps():
    rates = cl.SWEEP_RATES
    assert rates[0] == 1e-4 and rates[-1] == 10.0 and 12 <= len(rates) <= 16
    assert list(rates) == sorted(rates)
    assert 0.002 in rates and 0.5 in rates
    configs = cl.sweep_configs()
    assert list(configs) == [f"lr={r:g}" for r in rates]
    assert {c.replace(lr=1.0) for c in configs.values()} == {cl.SWEEP_BASE.replace(lr=1.0)}  # only the rate differs


def fake_run(losses, diverged=False):
    return SimpleNamespace(history=history(losses), diverged=diverged)


def test_bands_follow_progress_relative_to_the_best_rate():
    runs = {
        0.001: fake_run([1.0, 0.99, 0.98]),  # barely moved: too low
        0.01: fake_run([1.0, 0.6, 0.4]),  # 0.6 / 0.9 = 67 % of the best progress: too low
        0.1: fake_run([1.0, 0.4, 0.2]),  # 0.8 / 0.9 = 89 %: good
        1.0: fake_run([1.0, 0.3, 0.1]),  # the best
        3.0: fake_run([1.0, 0.5, 0.7]),  # bounced back up: too high
        5.0: fake_run([1.0, 1.5, 3.0]),  # worse than the start: too high
        10.0: fake_run([1.0, 5000.0], diverged=True),
    }
    df = cl.sweep_frame(runs)
    assert list(df["lr"]) == sorted(runs)
    assert list(df["band"]) == ["too_low", "too_low", "good", "good", "too_high", "too_high", "diverged"]
    assert df.set_index("lr").loc[0.1, "progress"] == pytest.approx(0.8 / 0.9)
    assert math.isnan(df.set_index("lr").loc[10.0, "progress"])
    # diverged rates are drawn at the cap, the others at their final loss
    assert df.set_index("lr").loc[10.0, "shown"] == pytest.approx(cl.CAP_FACTOR * 1.0)
    assert df.set_index("lr").loc[3.0, "shown"] == pytest.approx(0.7)
    assert df.set_index("lr").loc[10.0, "final_text"] == "5000"


def test_sweep_summary_counts_the_bands_and_the_good_range():
    df = cl.sweep_frame({0.01: fake_run([1.0, 0.9]), 0.1: fake_run([1.0, 0.2]), 1.0: fake_run([1.0, 0.1]),
                         10.0: fake_run([1.0, 9e3], diverged=True)})
    assert cl.sweep_summary(df) == {"low": 1, "good": 2, "high": 0, "diverged": 1, "lo": 0.1, "hi": 1.0}
    empty = cl.sweep_summary(cl.sweep_frame({}))
    assert empty["good"] == 0 and math.isnan(empty["lo"])


def test_a_nan_loss_is_diverged_even_if_the_run_says_otherwise_and_all_diverged_is_handled():
    df = cl.sweep_frame({0.1: fake_run([1.0, 0.5]), 1.0: fake_run([1.0, np.nan])})
    assert list(df["band"]) == ["good", "diverged"]
    assert df["final_text"].iloc[1] == "nan"
    allbad = cl.sweep_frame({1.0: fake_run([1.0, np.inf], True), 2.0: fake_run([1.0, np.nan], True)})
    assert set(allbad["band"]) == {"diverged"}
    assert cl.sweep_frame({}).empty


def test_band_of_edges():
    assert cl.band_of(0.1, 0.25, False, start=1.0, best=0.0, best_lr=1.0) == "good"  # exactly 75 %
    assert cl.band_of(0.1, 0.26, False, start=1.0, best=0.0, best_lr=1.0) == "too_low"
    assert cl.band_of(2.0, 0.26, False, start=1.0, best=0.0, best_lr=1.0) == "too_high"
    assert cl.band_of(2.0, 0.0, True, start=1.0, best=0.0, best_lr=1.0) == "diverged"
    assert cl.band_of(2.0, 1.0, False, start=1.0, best=1.0, best_lr=1.0) == "too_high"  # nobody progressed


@pytest.fixture(scope="module")
def real_sweep():
    return cl.run_sweep()


def test_the_real_sweep_shows_every_band_in_order(real_sweep):
    frame, curves = real_sweep
    assert len(frame) == len(cl.SWEEP_RATES)
    bands = list(frame["band"])
    assert set(bands) == set(cl.BANDS)
    # from low to high rates the bands come in their natural order: too low, good, too high, diverged
    order = [cl.BANDS.index(b) for b in bands]
    assert order == sorted(order)
    assert frame["start"].nunique() == 1  # every rate starts from the same untrained loss
    assert set(curves["lr"]) == set(frame["lr"]) and curves["loss"].max() <= cl.CAP_FACTOR * frame["start"].max()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sweep_charts_have_log_axes_band_colours_and_translated_titles(real_sweep, lang):
    frame, curves = real_sweep
    set_lang(lang)
    try:
        d = spec(cl.sweep_chart(frame))
        dots = d["layer"][1]
        x, y = dots["encoding"]["x"], dots["encoding"]["y"]
        assert x["scale"]["type"] == "log" and x["scale"]["domain"][0] < 1e-4 and x["scale"]["domain"][1] > 10
        assert y["scale"]["type"] == "log"
        assert x["title"] and y["title"]
        color = dots["encoding"]["color"]["scale"]
        assert color["range"] == [cl.BAND_COLORS[b] for b in cl.BANDS]
        assert ("too low" in color["domain"]) == (lang == "en") and ("quá bé" in color["domain"]) == (lang == "vi")
        assert len(values(d)) == len(frame)
        c = spec(cl.sweep_curves_chart(curves))
        assert c["encoding"]["y"]["scale"]["type"] == "log" and c["encoding"]["detail"]["field"] == "lr"
    finally:
        set_lang("en")


def test_depth_layer_chart_colours_layers_by_number_with_a_compact_legend():
    frame = layers_frame({1: [1e-6, 1e-7], 2: [1e-3, 1e-4], 3: [0.2, 0.1]})
    d = spec(cl.depth_layer_chart(frame, "grad_norm", domain=[1e-8, 1.0]))
    enc = d["encoding"]
    assert enc["y"]["scale"]["type"] == "log" and enc["y"]["scale"]["domain"] == [1e-8, 1.0]
    assert enc["color"]["field"] == "layer" and enc["color"]["type"] == "quantitative"
    assert enc["color"]["legend"]["values"] == [1, 3] and "out" in enc["color"]["legend"]["labelExpr"]
    assert enc["detail"]["field"] == "layer"  # one line per layer
    assert all(v["epoch"] > 0 for v in values(d))  # epoch 0 has no gradient: nothing drawn for it
    hidden = spec(cl.depth_layer_chart(frame.assign(saturated_frac=0.1), "saturated_frac", hidden_only=True))
    assert {v["layer"] for v in values(hidden)} == {1, 2}
    assert hidden["encoding"]["color"]["legend"]["values"] == [1, 2]
    assert hidden["encoding"]["y"]["axis"]["format"] == "%"


def test_rate_chart_draws_one_runs_rates_on_a_shared_log_scale_without_a_legend():
    h = history([1.0, 0.8, 0.7, 0.65], lrs=[0.2, 0.2, 0.1, 0.05])
    d = spec(cl.rate_chart(cl.schedule_frame(h, "step"), "#0072B2", domain=[1e-3, 1.0], x_domain=[0, 3]))
    assert d["mark"]["color"] == "#0072B2" and d["mark"]["interpolate"] == "step-after"
    y = d["encoding"]["y"]
    assert y["scale"]["type"] == "log" and y["scale"]["domain"] == [1e-3, 1.0] and "log" in y["title"]
    assert "color" not in d["encoding"]
    assert [v["lr"] for v in values(d)] == [0.2, 0.1, 0.05]


def test_depth_layer_chart_marks_short_runs_with_dots_and_draws_a_reference_line():
    one_epoch = layers_frame({1: [5.0], 2: [17.0], 3: [64.0]}).rename(columns={"grad_norm": "update_ratio"})
    d = spec(cl.depth_layer_chart(one_epoch, "update_ratio", domain=[1e-4, 100], x_domain=[0, 200],
                                  reference=(1e-3, "healthy")))
    lines, rule = d["layer"]
    assert lines["mark"]["point"] is True  # one epoch draws no line: dots instead
    assert lines["encoding"]["x"]["scale"]["domain"] == [0, 200]
    assert rule["mark"]["type"] == "rule" and values(d, 1) == [{"value": 1e-3, "what": "healthy"}]
    long = layers_frame({1: [0.1] * 40, 2: [0.2] * 40})
    assert spec(cl.depth_layer_chart(long, "grad_norm"))["mark"]["point"] is False
