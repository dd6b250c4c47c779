"""The Playground's network picture (clinic.playground) and its chart builders (clinic.charts_playground)."""

import io

import altair as alt
import numpy as np
import pandas as pd
import pytest

import nncore
from clinic import charts, frames, i18n
from clinic import charts_playground as cp
from clinic import playground as pg


@pytest.fixture(scope="module")
def run():
    return nncore.train(pg.build_config({"epochs": 40}))


@pytest.fixture(scope="module")
def big():
    v = {"layers": 6, **{f"w{k}": 32 for k in range(1, 7)}, **{name: True for name in pg.FEATURE_FLAGS},
         "data": "blobs", "classes": 6, "epochs": 2, "act": "relu", "batch": 5000}
    return nncore.train(pg.build_config(v))


def csv_rows(layer: dict) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(layer["data"]["values"]))


# -- thumbnails and layout ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("n_nodes", [3, 19, 50, 100, 205, 400])
def test_thumbnails_are_as_fine_as_the_cell_budget_allows(n_nodes):
    nx, ny = pg.thumbnail_resolution(n_nodes)
    assert nx == ny and pg.THUMB_RES[0] <= nx <= pg.THUMB_RES[1]
    if nx > pg.THUMB_RES[0]:
        assert n_nodes * nx * ny <= pg.MAX_CELLS
    if nx < pg.THUMB_RES[1]:
        assert n_nodes * (nx + 1) ** 2 > pg.MAX_CELLS
    assert pg.thumbnail_resolution(n_nodes, one_d=True)[1] == 1


def test_the_picture_has_every_node_every_cell_and_every_link_of_a_small_network(run):
    pic = pg.network_picture(run, None, frames.bounds(run))
    sizes = list(run.network.sizes)  # 2 inputs, 8, 8, 1 output
    assert len(pic.nodes) == sum(sizes) == 19
    assert list(pic.nodes.groupby("column").size()) == sizes
    assert len(pic.cells) == 19 * pic.res[0] * pic.res[1] and pic.res == (16, 16)
    assert pic.links_total == pic.links_shown == 2 * 8 + 8 * 8 + 8 == pg.links_total(run)
    assert list(pic.columns.kind) == ["input", "hidden", "hidden", "output"]
    assert pic.epoch == 40


def test_every_cell_holds_its_node_s_value_at_the_cell_centre(run):
    box = frames.bounds(run)
    pic = pg.network_picture(run, 20, box)
    nx, ny = pic.res
    lo1, hi1, lo2, hi2 = box
    net = run.network_at(20)
    for n, i, j in [(0, 3, 5), (1, 15, 0), (4, 7, 9), (12, 0, 15), (18, 11, 2)]:
        point = np.array([[lo1 + (i + 0.5) * (hi1 - lo1) / nx, lo2 + (j + 0.5) * (hi2 - lo2) / ny]])
        _, (_, _, Hs, _) = net.forward(net.inputs(point))
        every = np.concatenate([point[0], *[h[0] for h in Hs], run.predict(point, 20)[0]])
        cell = pic.cells[(pic.cells.n == n) & (pic.cells.i == i) & (pic.cells.j == j)]
        assert cell.v.iloc[0] == pytest.approx(every[n], rel=2e-3, abs=2e-3)


def test_links_join_node_edges_with_the_weight_s_sign_and_size(run):
    pic = pg.network_picture(run, None, frames.bounds(run))
    W1 = run.network.weights[0]
    row = pic.links[(pic.links.src == 1) & (pic.links.dst == 2 + 3)].iloc[0]  # x2 -> hidden 1, unit 4
    assert row.w == pytest.approx(W1[1, 3], rel=1e-3)
    src, dst = pic.nodes.set_index("n").loc[1], pic.nodes.set_index("n").loc[5]
    assert (row.x, row.y, row.x2, row.y2) == pytest.approx((src.x + 1, src.y + 0.5, dst.x, dst.y + 0.5))
    assert row.color == pg.LINK_COLORS[1 if row.w >= 0 else -1]
    widest = pic.links.loc[pic.links.w.abs().idxmax()]
    assert widest.width == pytest.approx(4.0) and pic.links.width.min() >= 0.4


def test_a_big_network_stays_within_the_cell_and_link_budgets_keeping_the_strongest_links(big):
    pic = pg.network_picture(big, None, frames.bounds(big))
    assert len(pic.nodes) == 7 + 6 * 32 + 6
    assert len(pic.cells) <= pg.MAX_CELLS and pic.res[0] >= pg.THUMB_RES[0]
    assert pic.links_shown <= pg.MAX_LINKS < pic.links_total == pg.links_total(big)
    W = big.network.weights[2]  # hidden 2 -> hidden 3
    first = 7 + 32 + 32  # the first unit of hidden layer 3
    drawn = pic.links[(pic.links.dst >= first) & (pic.links.dst < first + 32)]
    kept = np.sort(np.abs(drawn.w.to_numpy()))[::-1]
    strongest = np.sort(np.abs(W.ravel()))[::-1][: len(kept)]
    np.testing.assert_allclose(kept, strongest, rtol=1e-3)
    assert pic.height <= pg.HEIGHT_PX[1]


@pytest.mark.parametrize("activation,scale", [("tanh", (0.0, 1.0)), ("sigmoid", (0.5, 0.5))])
def test_bounded_activations_keep_their_own_colour_scale(activation, scale):
    r = nncore.train(pg.build_config({"act": activation, "epochs": 5}))
    nodes = pg.network_picture(r, None, frames.bounds(r)).nodes
    hidden = nodes[nodes.kind == "hidden"]
    assert set(zip(hidden.off, hidden.sc)) == {scale}
    out = nodes[nodes.kind == "output"].iloc[0]
    assert (out.off, out.sc) == (0.5, 0.5)  # a probability: 0.5 is the neutral colour


def test_relu_layers_are_scaled_by_their_largest_value_and_dead_units_are_blank(big):
    pic = pg.network_picture(big, None, frames.bounds(big))
    layer1 = pic.nodes[pic.nodes.column == 1]
    values = pic.cells[pic.cells.n.isin(layer1.n)].v
    assert layer1.sc.iloc[0] == pytest.approx(values.abs().max(), rel=1e-2)
    assert layer1.off.eq(0).all()


def test_one_d_data_gets_one_row_of_cells_per_node():
    r = nncore.train(pg.build_config({"data": "curve", "epochs": 5, "x1sq": True}))
    pic = pg.network_picture(r, None, frames.bounds(r))
    assert pic.res[1] == 1 and pic.cells.j.eq(0).all()
    assert list(pic.nodes[pic.nodes.kind == "input"].label) == ["x1", "x1^2"]


def test_the_epoch_shown_is_the_last_snapshot_at_or_before_the_scrubber(run):
    assert run.snapshot_epochs == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40]
    assert pg.shown_epoch(run, 40) == 40 and pg.shown_epoch(run, 7) == 6 and pg.shown_epoch(run, 0) == 0
    assert pg.shown_epoch(run, 1000) == 40


def test_validation_points_can_be_hidden_and_the_output_discretized(run, big):
    pts = frames.points(run)
    assert pg.view_points(pts, True) is pts
    assert set(pg.view_points(pts, False)["split"]) == {"train"}
    grid = frames.boundary_grid(run, 40)
    flat = pg.discretize(grid, "binary")
    assert set(flat["p"]) <= {0.0, 1.0} and (flat["p"] == (grid["p"] >= 0.5)).all()
    assert flat.attrs == grid.attrs and not set(grid["p"]) <= {0.0, 1.0}  # the original is untouched
    many = frames.boundary_grid(big, 2)
    strong = pg.discretize(many, "multiclass")
    assert (strong["p"] == 1.0).all() and strong["cls"].equals(many["cls"])
    assert pg.discretize(grid, "regression") is grid
    assert not pg.relevant("discrete", {}, "regression", 2) and pg.relevant("discrete", {}, "binary", 2)


def test_a_diverged_network_draws_finite_values():
    r = nncore.train(pg.build_config({"opt": "sgd", "lr": 10.0, "act": "relu", "init": "normal", "iscale": 10.0,
                                      "epochs": 30, "data": "plane"}))
    pic = pg.network_picture(r, None, frames.bounds(r))
    assert np.isfinite(pic.cells.v).all() and np.isfinite(pic.links.w).all()


# -- chart builders -------------------------------------------------------------------------------------------------------
def test_the_network_chart_is_valid_vega_lite_with_the_cells_as_csv(run):
    pic = pg.network_picture(run, None, frames.bounds(run))
    spec = cp.network_spec(pic, title="net")
    alt.LayerChart.from_dict(spec)  # validates against the Vega-Lite schema
    assert spec["title"] == "net" and spec["height"] == pic.height and spec["autosize"]["type"] == "fit-x"
    links, outlines, cells, titles, labels = spec["layer"]
    assert cells["mark"]["type"] == "rect" and links["mark"]["type"] == "rule"
    assert len(csv_rows(cells)) == len(pic.cells)
    assert {tt["field"] for tt in cells["encoding"]["tooltip"]} == {"name", "p1", "p2", "v", "bias"}
    assert {tt["field"] for tt in links["encoding"]["tooltip"]} == {"a", "b", "w"}
    assert cells["transform"][0]["from"]["key"] == "n"
    assert len(cells["transform"][0]["from"]["data"]["values"]) == len(pic.nodes)
    assert list(csv_rows(labels)["name"]) == ["x₁", "x₂"]
    assert spec["layer"][0]["encoding"]["x"]["axis"] is None
    assert "data" not in spec  # Streamlit takes top-level data for a table: the CSV must stay in the layers
    one_d = nncore.train(pg.build_config({"data": "curve", "epochs": 3}))
    spec_1d = cp.network_spec(pg.network_picture(one_d, None, frames.bounds(one_d)), one_d=True)
    alt.LayerChart.from_dict(spec_1d)
    assert {tt["field"] for tt in spec_1d["layer"][2]["encoding"]["tooltip"]} == {"name", "p1", "v", "bias"}
    assert cells["encoding"]["color"]["scale"]["domain"] == [-1, 1]


def test_the_network_chart_speaks_the_current_language(run):
    pic = pg.network_picture(run, None, frames.bounds(run))
    i18n.set_lang("vi")
    try:
        spec = cp.network_spec(pic)
    finally:
        i18n.set_lang("en")
    heads = csv_rows(spec["layer"][3])
    assert "đầu vào" in set(heads.text) and any(text.startswith("lớp ẩn 1") for text in heads.text)
    lookup = spec["layer"][2]["transform"][0]["from"]["data"]["values"]
    assert lookup[2]["name"] == "lớp ẩn 1, nút 1"


def test_the_chart_data_stays_small(big):
    pic = pg.network_picture(big, None, frames.bounds(big))
    spec = cp.network_spec(pic)
    alt.LayerChart.from_dict(spec)
    assert sum(len(layer["data"]["values"]) for layer in spec["layer"]) < 200_000  # characters of CSV


@pytest.mark.parametrize("metric,log", [("loss", True), ("loss", False), ("acc", False)])
def test_curves_chart_is_valid_and_marks_the_epoch_shown(run, metric, log):
    spec = cp.curves_chart(run.history, metric, 20, log=log, x_max=40, title="t").to_dict()
    lines, rule = spec["layer"]
    assert "data" not in spec
    data = csv_rows(lines)
    assert len(data) == 2 * len(run.history) and set(data.set) == {"training", "validation"}
    assert rule["data"]["values"] == [{"epoch": 20}]
    y = lines["encoding"]["y"]
    assert y["title"] == {"loss": "loss (log scale)" if log else "loss", "acc": "accuracy"}[metric]
    if metric == "acc":
        assert y["axis"]["format"] == "%"


def test_curves_chart_drops_what_vega_lite_cannot_draw_and_marks_the_last_epoch_by_default():
    h = pd.DataFrame({"epoch": [0, 1, 2, 3], "train_loss": [1.0, np.nan, 0.0, np.inf],
                      "val_loss": [2.0, 1.0, -1.0, 0.5]})
    spec = cp.curves_chart(h, "loss", None, log=True).to_dict()
    assert spec["layer"][1]["data"]["values"] == [{"epoch": 3}]
    kept = csv_rows(spec["layer"][0])
    assert len(kept) == 4 and (kept.value > 0).all()  # NaN, inf, 0 and -1 left out on a log scale


def test_inline_csv_keeps_numbers_and_turns_non_finite_values_into_empty_cells():
    df = pd.DataFrame({"a": [1, 2], "b": [0.5, np.inf], "name": ["x, y", "z"]})
    data = cp.inline(df).to_dict()
    assert data == cp.csv_data(df)
    assert data["format"] == {"type": "csv", "parse": {"a": "number", "b": "number"}}
    back = pd.read_csv(io.StringIO(data["values"]))
    assert back.b.isna().tolist() == [False, True] and back.name.tolist() == ["x, y", "z"]


def test_the_class_table_lists_codes_labels_and_counts():
    table = cp.class_table(("cat", "dog"), (3, 5))
    assert table.values.tolist() == [[0, "cat", 3], [1, "dog", 5]]


def test_builders_take_the_presenter_style(run):
    pic = pg.network_picture(run, None, frames.bounds(run))
    spec = cp.network_spec(pic, style=charts.PRESENTER)
    assert spec["layer"][3]["mark"]["fontSize"] == charts.PRESENTER.font
    assert spec["config"]["axis"]["labelFontSize"] == charts.PRESENTER.font
    assert isinstance(cp.curves_chart(run.history, "loss", 5, style=charts.PRESENTER), alt.LayerChart)
