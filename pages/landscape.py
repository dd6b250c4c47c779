"""Loss landscape: slide one weight of a trained network (and of a model with no hidden layer), then a 2-D slice."""

import streamlit as st

from clinic import charts, charts_lab, controls, layout, runner
from clinic.i18n import get_lang, t
from nncore import BudgetError, Config, Run, landscape

PAGE = "landscape"
DATASETS = ("curve", "moons", "circles", "xor", "spiral", "blobs")
ACTIVATIONS = ("tanh", "sigmoid", "relu", "leaky_relu")
SCAN_MAX_WEIGHTS = 64  # convexity scan of a whole layer: 64 weights x 41 points stays ~0.1 s
SCAN_POINTS = 41

# The default mirrors the lecture: a 1-input regression net whose first weight matrix is 1 x 10, so W[0, 5] exists.
NET_CONTROLS = [
    controls.Choice("ds", "landscape.ctl.dataset", "curve", options=DATASETS, option_labels="landscape.ds."),
    controls.Number("depth", "landscape.ctl.depth", 1, lo=1, hi=3, step=1, fmt="%d"),
    controls.Levels("width", "landscape.ctl.width", 10, values=(2, 4, 6, 8, 10, 12, 16, 24, 32), fmt="%d"),
    controls.Choice("act", "landscape.ctl.act", "tanh", options=ACTIVATIONS, option_labels="landscape.act."),
    controls.Levels("epochs", "ctl.epochs", 200, values=(25, 50, 100, 200, 400), fmt="%d",
                    help="landscape.ctl.epochs_help"),
    controls.Number("seed", "ctl.seed", 0, lo=0, hi=999, step=1, fmt="%d", help="ctl.seed_help"),
]


@st.cache_data(max_entries=64, max_size="5MB", show_spinner=False)
def sweep(config_json: str, layer: int, row: int, col: int, lo: float, hi: float, points: int, color: str,
          title: str, presenter: bool):
    """(chart spec, smallest second difference, rounding noise) of a 1-D sweep, or (None, reason, None).

    ``title`` carries the language into the key (the axis titles are translated too).
    """
    run = runner.train_one(Config.from_json(config_json))
    try:
        frame = landscape.sweep_1d(run, layer, row, col, lo, hi, points)
    except (ValueError, BudgetError) as e:
        return None, str(e), None
    curvature = landscape.second_differences(frame.value, frame.loss)
    chart = charts_lab.sweep_chart(frame, color, t("landscape.ax.weight", name=weight_name(layer, row, col)),
                                   style=charts.PRESENTER if presenter else charts.NORMAL, title=title)
    return charts_lab.spec(chart), float(curvature.min()), landscape.curvature_noise(frame.value, frame.loss)


@st.cache_data(max_entries=64, max_size="1MB", show_spinner=False)
def scan(config_json: str, layer: int, lo: float, hi: float):
    """How many of the layer's weights give a non-convex slice: (non-convex, total), or None when skipped."""
    run = runner.train_one(Config.from_json(config_json))
    try:
        frame = landscape.convexity_scan(run, layer, lo, hi, SCAN_POINTS)
    except (ValueError, BudgetError):
        return None
    return int((~frame.convex).sum()), len(frame)


@st.cache_data(max_entries=32, max_size="10MB", show_spinner=False)
def plane(config_json: str, mode: str, first: tuple, second: tuple, span: float, points: int, norm: str, seed: int,
          axes: tuple, lang: str, presenter: bool):
    """(chart spec, None) of a 2-D slice, or (None, reason)."""
    run = runner.train_one(Config.from_json(config_json))
    try:
        if mode == "weights":
            frame = landscape.sweep_2d(run, first, second, span, points)
        else:
            frame = landscape.random_directions_2d(run, span, points, seed=seed, norm=norm)
    except (ValueError, BudgetError) as e:
        return None, str(e)
    chart = charts_lab.slice_chart(frame, *axes, style=charts.PRESENTER if presenter else charts.NORMAL,
                                   title=t("landscape.chart.plane"))
    return charts_lab.spec(chart), None


def weight_name(layer: int, row: int, col: int) -> str:
    return f"W{layer}[{row}, {col}]"


def whole_number(control: controls.Number, where) -> int:
    """Draw a whole-number slider, or, when its range holds one value, say so (a slider cannot have lo == hi)."""
    if control.lo == control.hi:
        controls.remember(control, control.lo)
        where.caption(t("landscape.fixed", label=t(control.label), value=control.lo))
        return control.lo
    return controls.render([control], namespace=PAGE, where=where)[control.name]


def verdict(col, curvature: float, noise: float) -> None:
    key = "landscape.convex" if curvature >= -noise else "landscape.nonconvex"
    col.markdown(t(key, curv=curvature))


layout.header(PAGE)
st.subheader(t("landscape.h.net"))
net = controls.render(NET_CONTROLS, namespace=PAGE, where=layout.controls_area(3))
config = Config(dataset=net["ds"], hidden=(net["width"],) * net["depth"], activation=net["act"],
                epochs=net["epochs"], seed=net["seed"], snapshots=1)
flat_config = config.replace(hidden=())
labels = {"net": t("landscape.v.net", shape=" × ".join(str(w) for w in config.hidden)),
          "flat": t("landscape.v.flat", kind=t(f"landscape.kind.{config.task}"))}
colors = charts.variant_colors(labels)
results = runner.train_all({"net": config, "flat": flat_config}, labels)
columns = layout.variant_columns(labels, colors)
ok = {name: layout.summary(columns[name], results[name]) for name in labels}

if ok["net"] and isinstance(results["net"], Run):
    run = results["net"]
    shapes = landscape.layer_shapes(run)
    n_layers = len(shapes)

    st.subheader(t("landscape.h.sweep"))
    where = layout.controls_area(6)
    layer = whole_number(controls.Number("layer", "landscape.ctl.layer", 1, lo=1, hi=n_layers, step=1, fmt="%d",
                                         help="landscape.ctl.layer_help"), where[0])
    rows, cols = int(shapes.rows[layer - 1]), int(shapes.cols[layer - 1])
    row = whole_number(controls.Number("row", "landscape.ctl.row", 0, lo=0, hi=rows - 1, step=1, fmt="%d"), where[1])
    col = whole_number(controls.Number("col", "landscape.ctl.col", min(5, cols - 1), lo=0, hi=cols - 1, step=1,
                                       fmt="%d"), where[2])
    rng = controls.render([controls.Number("lo", "landscape.ctl.lo", -4.0, lo=-10.0, hi=-0.5, step=0.5, fmt="%.1f"),
                           controls.Number("hi", "landscape.ctl.hi", 4.0, lo=0.5, hi=10.0, step=0.5, fmt="%.1f"),
                           controls.Number("pts", "landscape.ctl.points", 100, lo=20, hi=200, step=10, fmt="%d")],
                          namespace=PAGE, where=where[3:])

    panels = {"net": (config, layer, row, col)}
    if ok["flat"] and isinstance(results["flat"], Run):
        flat_shape = landscape.layer_shapes(results["flat"])
        panels["flat"] = (flat_config, 1, min(row, int(flat_shape.rows[0]) - 1), min(col, int(flat_shape.cols[0]) - 1))
    chart_cols = dict(zip(labels, st.columns(2)))
    for name, (cfg, l, r, c) in panels.items():
        title = t(f"landscape.chart.{name}", name=weight_name(l, r, c))
        chart_spec, curvature, noise = sweep(cfg.to_json(), l, r, c, rng["lo"], rng["hi"], rng["pts"], colors[name],
                                             title, layout.is_presenter())
        where_to = chart_cols[name]
        if chart_spec is None:
            where_to.error(t("landscape.error", reason=curvature))
            continue
        charts_lab.draw(where_to, chart_spec)
        verdict(where_to, curvature, noise)
        n_weights = int(shapes.rows[l - 1] * shapes.cols[l - 1]) if name == "net" else int(
            flat_shape.rows[0] * flat_shape.cols[0])
        counted = scan(cfg.to_json(), l, rng["lo"], rng["hi"]) if n_weights <= SCAN_MAX_WEIGHTS else None
        if counted is None:
            where_to.caption(t("landscape.scan_skipped", n=n_weights))
        else:
            where_to.caption(t("landscape.scan" if name == "net" else "landscape.scan_flat", bad=counted[0],
                               n=counted[1]))
    st.markdown(t("landscape.sweep_text"))

    st.subheader(t("landscape.h.plane"))
    where = layout.controls_area(6)
    view = controls.render([
        controls.Choice("mode", "landscape.ctl.mode", "directions", options=("directions", "weights"),
                        option_labels="landscape.mode."),
        controls.Levels("span", "landscape.ctl.span", 1.0, values=(0.25, 0.5, 1.0, 2.0, 4.0),
                        help="landscape.ctl.span_help"),
        controls.Levels("grid", "landscape.ctl.grid", 31, values=(21, 31, 41), fmt="%d"),
    ], namespace=PAGE, where=where[:3])
    if view["mode"] == "directions":
        more = controls.render([
            controls.Choice("norm", "landscape.ctl.norm", "layer", options=("layer", "filter"),
                            option_labels="landscape.norm."),
            controls.Number("dseed", "landscape.ctl.dseed", 0, lo=0, hi=99, step=1, fmt="%d"),
        ], namespace=PAGE, where=where[3:5])
        first = second = (layer, row, col)
        axes = (t("landscape.ax.dir1"), t("landscape.ax.dir2"))
    else:
        other_col = col + 1 if col + 1 < cols else max(col - 1, 0)
        row2 = whole_number(controls.Number("row2", "landscape.ctl.row2", row, lo=0, hi=rows - 1, step=1, fmt="%d"),
                            where[3])
        col2 = whole_number(controls.Number("col2", "landscape.ctl.col2", other_col, lo=0, hi=cols - 1, step=1,
                                            fmt="%d"), where[4])
        more = {"norm": "layer", "dseed": 0}
        first, second = (layer, row, col), (layer, row2, col2)
        axes = (weight_name(*first), weight_name(*second))
    if view["mode"] == "weights" and first == second:
        st.warning(t("landscape.same_weight"))
    else:
        chart_spec, reason = plane(config.to_json(), view["mode"], first, second, view["span"], view["grid"],
                                   more["norm"], more["dseed"], axes, get_lang(), layout.is_presenter())
        left, right = st.columns([3, 2])
        if chart_spec is None:
            left.error(t("landscape.error", reason=reason))
        else:
            charts_lab.draw(left, chart_spec)
        right.markdown(t("landscape.plane_text" if view["mode"] == "directions" else "landscape.weights_text"))
