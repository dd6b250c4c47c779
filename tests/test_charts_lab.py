"""Chart builders of the Part-1 pages (clinic/charts_lab.py): valid specs, titles, scales, data that can be drawn."""

import json
import math

import altair as alt
import numpy as np
import pandas as pd
import pytest

from clinic import charts_lab, i18n
from clinic.charts import NORMAL, PRESENTER
from nncore import Config, descent, landscape, surfaces, train


def valid(chart) -> dict:
    """The chart's spec, validated against the Vega-Lite schema and JSON without NaN/Inf."""
    d = chart.to_dict()  # validates
    json.dumps(d, allow_nan=False)
    return d


def values(d: dict) -> list[list[dict]]:
    return list(d.get("datasets", {}).values())


def encodings(d: dict) -> list[dict]:
    return [layer.get("encoding", {}) for layer in d.get("layer", [d])]


@pytest.fixture(scope="module")
def gd_runs():
    base = Config(n_samples=100, hidden=(8,), optimizer="sgd", lr=0.1, epochs=12, snapshots=1)
    return {"batch": train(base.replace(batch_size=1000)), "minibatch": train(base.replace(batch_size=8)),
            "sgd": train(base.replace(batch_size=1))}


LABELS = {"batch": "Batch GD (k = 70)", "minibatch": "Mini-batch (k = 8)", "sgd": "SGD (k = 1)"}
COLORS = {"batch": "#D55E00", "minibatch": "#0072B2", "sgd": "#009E73"}


# -- spec(): what the pages cache -------------------------------------------------------------------------------------
def test_spec_inlines_data_without_the_global_transformer_and_drops_nan():
    def boom(data):
        raise AssertionError("the global data transformer was used")

    alt.data_transformers.register("boom", boom)
    frame = pd.DataFrame({"x": [0.0, 1.0, 2.0], "y": [1.0, np.nan, np.inf], "n": np.arange(3), "ok": [True, False, True]})
    chart = alt.layer(alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q"),
                      alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q"))
    with alt.data_transformers.enable("boom"):
        d = charts_lab.spec(chart)
    json.dumps(d, allow_nan=False)
    rows = values(d)[0]
    assert rows[1]["y"] is None and rows[2]["y"] is None  # JSON has no NaN or infinity
    assert rows[0] == {"x": 0.0, "y": 1.0, "n": 0, "ok": True}
    assert [type(v) for v in rows[0].values()] == [float, float, int, bool]
    refs = [part["data"]["name"] for part in [d] + d["layer"] if "data" in part]
    assert refs and all(name in d["datasets"] for name in refs)


def test_fit_sets_the_width_only():
    d = valid(charts_lab.fit(alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")))
    assert d["autosize"] == {"type": "fit-x", "contains": "padding"}


def test_plot_heights_grow_in_presenter_mode():
    assert charts_lab.plot_height(PRESENTER) > charts_lab.plot_height(NORMAL)
    assert charts_lab.plot_height(NORMAL, 2.0) == 2 * charts_lab.plot_height(NORMAL)


# -- batch, mini-batch, SGD -------------------------------------------------------------------------------------------------
def test_gd_summary_measures_updates_noise_and_time(gd_runs):
    s = charts_lab.gd_summary(gd_runs, LABELS).set_index("variant")
    assert list(s.k) == [70, 8, 1] and list(s.updates) == [1, 9, 70]
    assert s.loc["sgd", "roughness"] > s.loc["batch", "roughness"]
    assert s.loc["batch", "rises"] == 0.0
    assert (s.ms_per_epoch > 0).all()
    h = gd_runs["sgd"].history
    assert s.loc["sgd", "roughness"] == pytest.approx(descent.roughness(h.train_loss.to_numpy()[1:]))
    assert s.loc["sgd", "final_loss"] == pytest.approx(h.train_loss.iloc[-1])
    regression = train(Config(dataset="curve", n_samples=60, hidden=(4,), epochs=3, snapshots=1))
    assert math.isnan(charts_lab.gd_summary({"r": regression}, {}).final_acc.iloc[0])


def test_loss_by_updates_chart_uses_symlog_updates_and_log_loss(gd_runs):
    histories = {LABELS[k]: r.history for k, r in gd_runs.items()}
    d = valid(charts_lab.loss_by_updates_chart(histories, {LABELS[k]: COLORS[k] for k in gd_runs}, domain=[0.1, 1]))
    enc = encodings(d)[0]
    assert enc["x"]["scale"]["type"] == "symlog" and enc["x"]["title"] == "updates made (symlog scale)"
    assert enc["x"]["axis"]["values"][:4] == [0, 1, 3, 10]
    assert enc["y"]["scale"] == {"type": "log", "domain": [0.1, 1], "clamp": True}
    assert {t["field"] for t in enc["tooltip"]} == {"variant", "epoch", "step", "loss"}
    assert max(row["step"] for row in values(d)[0]) == 12 * 70


def test_batch_loss_chart_is_log_log_thinned_and_draws_the_first_variant_on_top():
    base = Config(n_samples=100, hidden=(8,), optimizer="sgd", lr=0.1, epochs=30, snapshots=1, record_steps=True)
    steps = {"Batch": train(base.replace(batch_size=1000)).steps, "SGD": train(base.replace(batch_size=1)).steps}
    steps["SGD"].loc[3, "batch_loss"] = np.nan  # a diverging update cannot be drawn, and is left out
    d = valid(charts_lab.batch_loss_chart(steps, {"Batch": "#D55E00", "SGD": "#009E73"}, title="t"))
    enc = encodings(d)
    assert enc[0]["x"]["scale"] == {"type": "log", "domain": [1, 2100], "nice": False}
    assert enc[0]["y"]["scale"]["type"] == "log" and enc[0]["y"]["scale"]["clamp"]
    assert enc[0]["y"]["scale"]["domain"][0] == charts_lab.BATCH_LOSS_FLOOR
    assert enc[0]["y"]["title"] == "loss on the update's batch (log scale)"
    rows = [r for data in values(d) for r in data]
    assert [r["variant"] for r in values(d)[-1]][:1] == ["Batch"]  # the last layer is drawn on top
    sgd = [r["step"] for r in rows if r["variant"] == "SGD"]
    assert len(sgd) <= charts_lab.STEP_ROWS and 4 not in sgd  # 30 x 70 = 2,100 updates, thinned; NaN dropped
    assert [r["step"] for r in rows if r["variant"] == "Batch"] == list(range(1, 31))


def test_symlog_ticks():
    assert charts_lab._symlog_ticks(4200) == [0, 1, 3, 10, 30, 100, 300, 1000, 3000]
    assert charts_lab._symlog_ticks(0) == [0, 1]


def test_bar_chart_names_variants_and_skips_what_cannot_be_drawn(gd_runs):
    summary = charts_lab.gd_summary(gd_runs, LABELS)
    summary.loc[0, "roughness"] = np.nan
    d = valid(charts_lab.bar_chart(summary, "roughness", "gd_variants.ax.roughness", COLORS))
    assert "Mini-batch (k = 8)" in d["encoding"]["y"]["axis"]["labelExpr"]
    assert d["encoding"]["x"]["title"] == "roughness of the loss curve (%)"
    assert len(values(d)[0]) == 2


# -- one parameter --------------------------------------------------------------------------------------------------------
def test_thin_keeps_the_start_the_end_and_every_early_step():
    path = pd.DataFrame({"step": np.arange(1001), "x": np.arange(1001.0)})
    thin = charts_lab.thin(path, 1000, keep=200, head=50)
    assert len(thin) <= 202 and thin.step.iloc[0] == 0 and thin.step.iloc[-1] == 1000
    assert list(thin.step[:50]) == list(range(50))
    assert charts_lab.thin(path, 30).step.max() == 30 and len(charts_lab.thin(path, 30)) == 31


def test_curve_path_chart_shows_the_steps_up_to_the_scrubbed_one():
    grid = surfaces.curve_grid("two_minima", 100)
    path = descent.trajectory_1d("two_minima", "momentum", 60, 0.01, mu=0.9)
    d = valid(charts_lab.curve_path_chart(grid, path, "#0072B2", 20))
    assert len(d["layer"]) == 4
    assert encodings(d)[0]["x"]["title"] == "parameter θ" and encodings(d)[0]["y"]["title"] == "loss f"
    data = values(d)
    assert max(len(v) for v in data) == 100  # the curve
    steps = [r["step"] for v in data for r in v if "step" in r]
    assert max(steps) == 20
    assert [r["step"] for r in data[-1]] == [20]  # the ring: where the path is at the scrubbed step


def test_curve_path_chart_drops_points_that_left_the_window():
    grid = surfaces.curve_grid("quadratic", 50)
    path = descent.trajectory_1d("quadratic", "sgd", 30, 2.2)  # |1 - lr| > 1: overshoots further every step
    assert path.x.abs().max() > 5
    d = valid(charts_lab.curve_path_chart(grid, path, "#D55E00", 30))
    xs = [r["x"] for v in values(d)[1:] for r in v]
    assert xs and all(-5 <= x <= 5 for x in xs)


# -- two parameters --------------------------------------------------------------------------------------------------------
def test_contour_cells_tile_the_window():
    grid = surfaces.contour_grid("ravine", 11)
    cells = charts_lab.contour_cells(grid)
    assert cells.x.min() == pytest.approx(-11.0) and cells.x2.max() == pytest.approx(11.0)
    assert (cells.x2 - cells.x).round(9).nunique() == 1


def test_contour_chart_draws_bands_paths_start_and_minima():
    race = descent.race("wells", steps=300)
    colors = {o: c for o, c in zip(race.optimizer.unique(), charts_lab.SURFACE_BANDS)}
    s = surfaces.SURFACES["wells"]
    d = valid(charts_lab.contour_chart(surfaces.contour_grid("wells", 40), race, colors, 120, s.xlim, s.ylim,
                                       s.minima))
    assert len(d["layer"]) == 6  # bands, lines, dots, heads, start, minima
    bands = encodings(d)[0]
    assert bands["color"]["scale"]["type"] == "quantize"
    assert bands["x"]["title"] == "parameter x" and bands["y"]["title"] == "parameter y"
    lines = encodings(d)[1]
    assert lines["color"]["scale"]["domain"] == list(colors)
    assert "momentum" in lines["color"]["legend"]["labelExpr"]
    rows = {len(v) for v in values(d)}
    assert 1600 in rows and max(rows) == 1600  # the grid is the largest dataset; paths are thinned
    assert all(r["step"] <= 120 for v in values(d) for r in v if "step" in r)


def test_contour_chart_speaks_vietnamese():
    i18n.set_lang("vi")
    try:
        race = descent.race("ravine", [{"optimizer": "momentum", "label": "momentum"}], steps=20)
        s = surfaces.SURFACES["ravine"]
        d = valid(charts_lab.contour_chart(surfaces.contour_grid("ravine", 10), race, {"momentum": "#000"}, 20,
                                           s.xlim, s.ylim, s.minima))
    finally:
        i18n.set_lang("en")
    assert encodings(d)[0]["x"]["title"] == "tham số x"
    assert "quán tính" in encodings(d)[1]["color"]["legend"]["labelExpr"]


def test_race_value_chart_log_gap_or_plain_loss():
    race = descent.race("ravine", steps=400)
    d = valid(charts_lab.race_value_chart(race, {o: "#000" for o in race.optimizer.unique()}, 100, 0.0))
    y = encodings(d)[0]["y"]
    assert y["scale"]["type"] == "log" and "log" in y["title"]
    assert min(r["y"] for r in values(d)[0]) >= charts_lab.LOG_FLOOR  # converged paths sit on the floor
    rule = [v for v in values(d) if v and "step" in v[0] and len(v) == 1]
    assert rule and rule[0][0]["step"] == 100
    saddle = descent.race("saddle", steps=100)
    d = valid(charts_lab.race_value_chart(saddle, {o: "#000" for o in saddle.optimizer.unique()}, 50, None))
    assert "type" not in encodings(d)[0]["y"].get("scale", {}) and encodings(d)[0]["y"]["title"] == "loss f"


# -- momentum's memory and adaptive rates ------------------------------------------------------------------------------
def test_momentum_weights_chart_marks_the_window():
    w = descent.momentum_weights(0.9, 40)
    d = valid(charts_lab.momentum_weights_chart(w, descent.effective_window(0.9), "#0072B2"))
    bars = encodings(d)[0]
    assert bars["color"]["scale"]["range"] == ["#0072B2", "#BBBBBB"]
    assert sum(r["where"] == "inside 1/(1 − μ)" for r in values(d)[0]) == 10
    assert values(d)[1] == [{"k": 10.0}]


@pytest.mark.parametrize("raw,name", [(False, "(1 − μ) v"), (True, "velocity v")])
def test_velocity_chart_draws_gradient_signal_and_velocity(raw, name):
    frame = descent.velocity_on_noisy_gradients(0.9, 50, seed=0)
    d = valid(charts_lab.velocity_chart(frame, "#0072B2", raw=raw))
    series = {r["series"] for r in values(d)[0]}
    assert series == {"noisy gradient", "signal without noise", name}
    assert d["encoding"]["color"]["scale"]["range"][-1] == "#0072B2"


def test_velocity_chart_leaves_out_a_missing_signal():
    frame = descent.velocity_on_noisy_gradients(0.5, 10, gradients=np.ones(10))
    d = valid(charts_lab.velocity_chart(frame, "#000"))
    assert "signal without noise" not in {r["series"] for r in values(d)[0]}


def test_adaptive_rate_chart_is_on_a_log_scale():
    d = valid(charts_lab.adaptive_rate_chart(descent.adaptive_rates(100, seed=0),
                                             {"adagrad": "#CC79A7", "rmsprop": "#E69F00"}))
    assert d["encoding"]["y"]["scale"]["type"] == "log"
    assert {t["field"] for t in d["encoding"]["tooltip"]} == {"optimizer", "step", "G", "rate"}


# -- the race on a network --------------------------------------------------------------------------------------------------
def test_race_table_and_chart():
    base = Config(n_samples=80, hidden=(4,), epochs=6, batch_size=16, snapshots=1, decay_every=2)
    runs = {(o, s): train(base.replace(optimizer=o, schedule="constant" if s == "constant" else "step"))
            for o in ("sgd", "adam") for s in ("constant", "decay")}
    runs[("rmsprop", "constant")] = runs[("adam", "constant")]  # a partner refused: left out of the table
    table = charts_lab.race_table(runs)
    assert list(table.optimizer) == ["sgd", "adam"]
    assert list(table.columns[:4]) == ["optimizer", "lr", "loss_constant", "loss_decay"]
    assert table.loss_decay[0] == pytest.approx(runs[("sgd", "decay")].history.train_loss.iloc[-1])
    assert table.acc_constant[1] == pytest.approx(runs[("adam", "constant")].history.val_acc.iloc[-1])
    assert not table.diverged_constant.any()
    d = valid(charts_lab.race_loss_chart({o: runs[(o, "decay")].history for o in ("sgd", "adam")},
                                         {"sgd": "#D55E00", "adam": "#56B4E9"}, domain=[0.01, 1]))
    assert d["encoding"]["y"]["scale"]["type"] == "log" and d["encoding"]["color"]["legend"]["columns"] == 2
    assert {r["lr"] for r in values(d)[0] if r["optimizer"] == "sgd"} == {0.01, 0.005, 0.0025}  # step decay


# -- the loss landscape --------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def lecture_run():
    return train(Config(dataset="curve", hidden=(10,), activation="tanh", epochs=40, snapshots=1))


def test_sweep_chart_marks_the_trained_value(lecture_run):
    sweep = landscape.sweep_1d(lecture_run, 1, 0, 5, points=60)
    d = valid(charts_lab.sweep_chart(sweep, "#D55E00", "value of W1[0, 5]"))
    assert encodings(d)[0]["x"]["title"] == "value of W1[0, 5]" and encodings(d)[0]["y"]["title"] == "loss"
    trained = sweep[sweep.trained].iloc[0]
    marked = values(d)[-1]
    assert len(marked) == 1 and marked[0]["value"] == pytest.approx(trained.value, rel=1e-5)
    assert marked[0]["loss"] == pytest.approx(trained.loss, rel=1e-5)
    assert len(values(d)[0]) == 61


@pytest.mark.parametrize("mode", ["directions", "weights"])
def test_slice_chart_covers_the_whole_plane(lecture_run, mode):
    frame = (landscape.random_directions_2d(lecture_run, 1.0, 11) if mode == "directions"
             else landscape.sweep_2d(lecture_run, (1, 0, 5), (1, 0, 6), 2.0, 11))
    d = valid(charts_lab.slice_chart(frame, "a", "b"))
    cells = values(d)[0]
    assert len(cells) == 121  # negative coordinates included (they are not filtered with the log-scaled loss)
    assert min(r["a"] for r in cells) < 0 and min(r["b"] for r in cells) < 0
    heat = encodings(d)[0]
    assert heat["color"]["scale"]["type"] == "log" and heat["x"]["title"] == "a"
    assert len(values(d)[1]) == 1  # the trained point
