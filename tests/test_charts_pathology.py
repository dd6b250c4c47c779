"""The Underfitting / Dying ReLU / Symmetry chart builders: pure, titled, finite, and marking what they claim."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from clinic import charts_pathology as cp
from clinic import frames
from nncore import train
from nncore.scenarios import SCENARIOS


def spec(chart):
    d = chart.to_dict()
    json.dumps(d, allow_nan=False)  # serialisable, and no NaN/Inf reaches Vega-Lite
    return d


def layer_data(d, i):
    layer = d["layer"][i]
    return d["datasets"][(layer.get("data") or d["data"])["name"]]  # a lone layer's data moves to the top


def marks(d):
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in d["layer"]]


def hist(bins, counts, layer=1):
    left = np.asarray(bins[:-1], dtype=float)
    right = np.asarray(bins[1:], dtype=float)
    return pd.DataFrame({"epoch": 5, "layer": layer, "quantity": "pre", "bin_left": left, "bin_right": right,
                         "count": counts})


@pytest.fixture(scope="module")
def dead():
    """The dying-bias problem, short: every unit below 0 from the start."""
    return train(SCENARIOS["dying_bias"].problem.replace(epochs=20, snapshots=4))


@pytest.fixture(scope="module")
def curve():
    return train(SCENARIOS["underfit_output"].problem.replace(epochs=20, snapshots=4))


def test_shape_and_chart_key():
    assert cp.shape((8,)) == "8" and cp.shape((6, 6)) == "6 + 6" and cp.shape(()) == "0"
    assert cp.chart_key("a", "{}", 3, [0, 1]) != cp.chart_key("a", "{}", 4, [0, 1])
    assert cp.chart_key("a", "{}", 3) != cp.chart_key("b", "{}", 3)


def test_below_zero_share_counts_a_straddling_bin_in_proportion():
    assert cp.below_zero_share(hist([-2, -1, 1, 2], [10, 10, 0])) == pytest.approx(0.75)
    assert cp.below_zero_share(hist([-3, -2, -1], [5, 5])) == 1.0
    assert cp.below_zero_share(hist([0, 1, 2], [5, 5])) == 0.0
    assert math.isnan(cp.below_zero_share(hist([0, 1], [0]).iloc[:0]))
    assert math.isnan(cp.below_zero_share(hist([0, 1], [0])))  # no values at all


def test_zero_domain_holds_every_bin_and_zero():
    lo, hi = cp.zero_domain([hist([-5, -4, -3], [1, 1]), hist([-1, 0, 1], [1, 1]), None, hist([0, 1], [1]).iloc[:0]])
    assert lo < -5 and 1 < hi < 1.5
    lo, hi = cp.zero_domain([hist([2, 3, 4], [1, 1])])
    assert lo < 0 < 2 and hi > 4  # all positive: 0 is still on the axis
    assert cp.zero_domain([]) == pytest.approx([-0.03, 0.03])


def test_hidden_histogram_drops_the_output_layer_and_the_other_quantity(dead):
    h = frames.histograms_at(dead, 20)
    hidden = cp.hidden_histogram(h)
    assert set(hidden["layer"]) == {1} and set(hidden["quantity"]) == {"pre"}
    assert set(h["layer"]) == {1, 2}


def test_a_dead_layer_has_every_pre_activation_below_zero(dead):
    h = cp.hidden_histogram(frames.histograms_at(dead, 20))
    assert cp.below_zero_share(h) == 1.0
    healthy = train(SCENARIOS["dying_bias"].fixes["he_init"].replace(epochs=20, snapshots=4))
    assert cp.below_zero_share(cp.hidden_histogram(frames.histograms_at(healthy, 20))) < 0.95


def test_zero_histogram_chart_shades_left_of_zero_and_draws_bars_from_the_axis(dead):
    h = cp.hidden_histogram(frames.histograms_at(dead, 20))
    dom = cp.zero_domain([h])
    d = spec(cp.zero_histogram_chart(h, "ReLU: output 0", x_domain=dom, title="epoch 20"))
    assert marks(d) == ["rect", "bar", "rule", "text"]
    zone = layer_data(d, 0)[0]
    assert zone["lo"] == dom[0] and zone["zero"] == 0.0 and zone["label"] == "ReLU: output 0"
    bars = d["layer"][1]["encoding"]
    assert bars["y2"] == {"datum": 0}  # without it Vega-Lite draws thin dashes at the counts
    assert bars["x"]["title"] == "pre-activation z" and bars["y"]["title"] == "count"
    assert bars["x"]["scale"]["domain"] == dom
    assert {t["field"] for t in bars["tooltip"]} >= {"bin_left", "bin_right", "count"}
    assert d["title"] == "epoch 20"
    assert {r["name"] for r in layer_data(d, 1)} == {"hidden 1"}  # the layer's name on the dead-units chart too


def test_accuracy_chart_marks_chance_and_drops_missing_accuracies(dead, curve):
    d = spec(cp.accuracy_chart(dead.history, "#D55E00", chance=0.5, chance_label="guessing: 50%", x_domain=[0, 20]))
    assert marks(d) == ["line", "rule", "text"]
    lines = d["layer"][0]["encoding"]
    assert lines["y"]["title"] == "accuracy" and lines["y"]["scale"]["domain"] == [0, 1]
    assert lines["x"]["scale"]["domain"] == [0, 20]
    assert layer_data(d, 1)[0]["acc"] == 0.5
    assert len(layer_data(d, 0)) == 2 * len(dead.history)
    d = spec(cp.accuracy_chart(curve.history, "#000", chance=None))  # regression: accuracy is NaN
    assert marks(d) == ["line"] and layer_data(d, 0) == []


def test_fit_band_chart_shades_the_sigmoid_range_under_targets_above_it(curve):
    pts = frames.points(curve)
    dom = cp.band_domain(pts, (0.0, 1.0))
    assert dom[0] < 0 and dom[1] > pts["y"].max() > 1
    d = spec(cp.fit_band_chart(frames.fitted_curve(curve), pts, "#D55E00", band=(0.0, 1.0), band_label="0…1",
                               domain=dom, title="epoch 20"))
    assert marks(d) == ["rect", "rule", "point", "line", "text"]
    band = layer_data(d, 0)[0]
    assert (band["lo"], band["hi"], band["label"]) == (0.0, 1.0, "0…1")
    dots = d["layer"][2]["encoding"]
    assert dots["y"]["title"] == "target y" and dots["x"]["title"] == "input x"
    assert {r["set"] for r in layer_data(d, 2)} == {"training", "validation"}  # translated, not raw split codes
    prediction = [r["prediction"] for r in layer_data(d, 3)]
    assert max(prediction) <= 1.0 and min(prediction) >= 0.0  # a sigmoid output never leaves its band
