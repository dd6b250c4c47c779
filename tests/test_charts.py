"""Chart builders are pure: a frame in, a chart out, with titles, tooltips, shared scales and log axes."""

import json

import numpy as np
import pytest

from clinic import charts, frames
from nncore import Config, train


@pytest.fixture(scope="module")
def runs():
    base = Config(n_samples=80, hidden=(6, 6), epochs=20, snapshots=4)
    return {"problem": train(base), "fix": train(base.replace(l2=0.05)),
            "multi": train(Config(dataset="blobs", n_samples=90, hidden=(6,), epochs=10, snapshots=2)),
            "curve": train(Config(dataset="curve", n_samples=60, hidden=(6,), epochs=10, snapshots=2)),
            "diverged": train(Config(dataset="curve", hidden=(16, 16), activation="tanh", optimizer="sgd", lr=5.0,
                                     epochs=60))}


def spec(chart):
    d = chart.to_dict()
    json.dumps(d)  # must be serialisable: no NaN/Inf objects
    return d


def encodings(d):
    """Every encoding block in a (possibly layered) spec."""
    layers = d.get("layer", [d])
    return [layer.get("encoding", {}) for layer in layers]


def test_loss_chart_has_titles_tooltips_and_the_shared_domain(runs):
    d = spec(charts.loss_chart(runs["problem"].history, "#D55E00", domain=[0, 2]))
    enc = d["encoding"]
    assert enc["x"]["title"] == "epoch" and enc["y"]["title"] == "loss"
    assert enc["y"]["scale"]["domain"] == [0, 2]
    assert d["mark"]["color"] == "#D55E00"
    assert {t["field"] for t in enc["tooltip"]} == {"epoch", "set", "loss"}
    log = spec(charts.loss_chart(runs["problem"].history, "#000", log=True))
    assert log["encoding"]["y"]["scale"]["type"] == "log" and "log" in log["encoding"]["y"]["title"]


def test_charts_drop_non_finite_values(runs):
    h = runs["diverged"].history
    assert not np.isfinite(h.train_loss.iloc[-1]) or h.train_loss.iloc[-1] > 1e3
    d = spec(charts.loss_chart(h, "#000", log=True))
    values = d["datasets"][d["data"]["name"]]
    assert all(np.isfinite(v["loss"]) and v["loss"] > 0 for v in values)


def test_layer_chart_uses_log_scale_for_gradient_norms(runs):
    d = spec(charts.layer_chart(runs["problem"].layers, "grad_norm"))
    assert d["encoding"]["y"]["scale"]["type"] == "log"
    assert "log" in d["encoding"]["y"]["title"]
    assert d["encoding"]["color"]["title"] == "layer"
    d = spec(charts.layer_chart(runs["problem"].layers, "dead_frac", hidden_only=True))
    values = d["datasets"][d["data"]["name"]]
    assert {v["name"] for v in values} == {"hidden 1", "hidden 2"}  # English labels of the telemetry names


@pytest.mark.parametrize("which,task", [("problem", "binary"), ("multi", "multiclass")])
def test_boundary_chart_layers_the_grid_under_the_points(runs, which, task):
    run = runs[which]
    grid = frames.boundary_grid(run, n=12)
    assert len(grid) == 144 and grid["p"].between(0, 1).all() and len(grid.attrs["step"]) == 2
    d = spec(charts.boundary_chart(grid, frames.points(run), task=task))
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in d["layer"]]
    assert marks == ["rect", "point"]
    assert d["layer"][0]["encoding"]["x"]["title"] == "x1"


def test_boundary_grid_follows_the_snapshots(runs):
    run = runs["problem"]
    first, last = frames.boundary_grid(run, 0, n=10), frames.boundary_grid(run, None, n=10)
    assert not np.allclose(first["p"], last["p"])


def test_fit_chart_and_histograms(runs):
    run = runs["curve"]
    curve = frames.fitted_curve(run)
    d = spec(charts.fit_chart(curve, frames.points(run), "#0072B2"))
    assert [layer["mark"]["type"] for layer in d["layer"]] == ["point", "line"]
    hist = frames.histograms_at(runs["problem"], 10)
    assert set(hist.epoch) == {10}
    d = spec(charts.histogram_chart(hist, "pre"))
    assert d["encoding"]["x"]["title"] == "pre-activation z" and d["encoding"]["y"]["title"] == "count"


def test_unit_weights_and_schedule_charts(runs):
    w = frames.unit_weights(runs["problem"], layer=1, max_units=3)
    assert set(w.unit) == {1, 2, 3} and set(w.epoch) == set(runs["problem"].snapshot_epochs)
    spec(charts.unit_weights_chart(w, "#000"))
    import pandas as pd
    rates = pd.DataFrame({"epoch": [0, 1, 2], "lr": [0.1, 0.05, 0.025], "variant": ["a"] * 3})
    d = spec(charts.schedule_chart(rates, {"a": "#000"}))
    assert d["encoding"]["y"]["scale"]["type"] == "log"


def test_shared_domain_covers_every_frame_and_ignores_non_finite():
    import pandas as pd
    a = pd.DataFrame({"v": [1.0, 2.0, np.inf]})
    b = pd.DataFrame({"v": [0.5, np.nan, 3.0]})
    lo, hi = frames.shared_domain([a, b], "v")
    assert lo < 0.5 and hi > 3.0 and np.isfinite([lo, hi]).all()
    lo, hi = frames.shared_domain([pd.DataFrame({"v": [0.0, 1e-3, 10.0]})], "v", log=True)
    assert 0 < lo < 1e-3 and hi > 10


def test_variant_colours_are_distinct_and_problem_first():
    colors = charts.variant_colors(["problem", "a", "b", "c", "d"])
    assert colors["problem"] == charts.PROBLEM_COLOR
    assert len(set(colors.values())) == 5
