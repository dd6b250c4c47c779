"""Charts of the Playground page: the network drawn as TensorFlow Playground draws it, and its training curves.

Pure builders (frames in, an Altair chart or a Vega-Lite dict out), tested without Streamlit.  Data
is inlined as CSV text (:func:`inline`) rather than as a list of records or a
frame: Altair deep-copies a chart's data at every chained call
(``.transform_*``, ``.encode``...), which for the network's 5,000 heatmap
cells cost ~0.9 s of CPU as records and ~10 ms as one string; the CSV is also a
third of the JSON's size, and never meets Altair's data transformer (whose
default refuses frames over 5,000 rows).  The rules of
:mod:`clinic.charts` hold: translated axis titles, tooltips with the numbers,
nothing non-finite sent to Vega-Lite.
"""

from __future__ import annotations

import functools

import altair as alt
import numpy as np
import pandas as pd

from .charts import NORMAL, Style, _finite
from .i18n import t
from .playground import Picture

PRETTY = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁·x₂", "sin(x1)": "sin(x₁)",
          "sin(x2)": "sin(x₂)"}
HEAT_SCHEME = "blueorange"  # blue negative, orange positive: the links use the same two colours
SEAM = 0.04  # cell overlap, in thumbnail sides
TRAIN_COLOR, VAL_COLOR = "#0072B2", "#D55E00"


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as JSON-safe dicts, NaN as null (for small tables only: see the module docstring)."""
    return df.astype(object).where(df.notna(), None).to_dict(orient="records")


def csv_data(df: pd.DataFrame) -> dict:
    """``df`` as a Vega-Lite inline data object in CSV; numeric columns parsed as numbers, NaN/Inf as empty cells."""
    df = df.copy()
    parse = {}
    for c in df.columns:
        if df[c].dtype.kind in "fiu":
            parse[c] = "number"
            if df[c].dtype.kind == "f":
                v = df[c].to_numpy(dtype=float)
                df[c] = np.where(np.isfinite(v), v, np.nan)
    text = df.to_csv(index=False, float_format="%.6g", lineterminator="\n")
    return {"values": text, "format": {"type": "csv", "parse": parse}}


def inline(df: pd.DataFrame) -> alt.Data:
    """:func:`csv_data` for an Altair chart."""
    data = csv_data(df)
    return alt.Data(values=data["values"], format=alt.DataFormat(**data["format"]))


@functools.lru_cache(maxsize=8)
def style_config(style: Style) -> dict:
    """The Vega-Lite ``config`` a Style gives every chart (what :meth:`Style.finish` adds), as a dict."""
    return style.finish(alt.Chart().mark_point()).to_dict(validate=False)["config"]


def _node_names(pic: Picture) -> pd.DataFrame:
    """Nodes with the names a learner reads: "x₁²", "hidden 1 · unit 3", "output"."""
    nodes = pic.nodes.copy()
    names = []
    for kind, label, column, index in zip(nodes.kind, nodes.label, nodes.column, nodes["index"]):
        if kind == "input":
            names.append(PRETTY.get(label, label))
        elif kind == "hidden":
            names.append(t("playground.net.unit", layer=int(column), unit=int(index) + 1))
        else:
            names.append(t("playground.net.out") if label == "out" else t("playground.net.out_class", k=int(index)))
    nodes["name"] = names
    return nodes


def network_spec(pic: Picture, style: Style = NORMAL, title: str | None = None, one_d: bool = False) -> dict:
    """The network as a Vega-Lite spec: every node a heatmap of its value over the input plane, links coloured
    by the sign of their weight and as thick as its magnitude, tooltips on cells, links and nodes.

    Written as a plain dict rather than through Altair: Altair's objects cost ~0.15 s of CPU for these five
    layers (deep copies, schema checks) on every new epoch scrubbed to; the dict costs a few milliseconds.
    Tests validate it against the Vega-Lite schema.

    Cells carry only (node, i, j, value); the browser looks up the node's corner and colour scale and places
    the cell, so a 5,000-cell picture is ~60 kB of CSV.  Colours: each node's value mapped to [-1, 1] by its
    layer's scale (tanh: as is; sigmoid and probabilities: 0.5 in the middle; inputs, ReLU and linear units:
    their largest magnitude on the plane), so a dead ReLU unit is a blank square.
    """
    nx, ny = pic.res
    lo1, hi1, lo2, hi2 = pic.box
    cw, ch = 1.0 / nx, 1.0 / ny
    nodes = _node_names(pic)
    x_scale = {"domain": list(pic.x_domain), "nice": False, "zero": False}
    y_scale = {"domain": list(pic.y_domain), "nice": False, "zero": False}

    def xy(x="x", y="y", x2=None, y2=None) -> dict:
        enc = {"x": {"field": x, "type": "quantitative", "scale": x_scale, "axis": None},
               "y": {"field": y, "type": "quantitative", "scale": y_scale, "axis": None}}
        if x2:
            enc.update({"x2": {"field": x2}, "y2": {"field": y2}})
        return enc

    def tip(field, title_key, kind="nominal", fmt=None) -> dict:
        out = {"field": field, "type": kind, "title": t(title_key)}
        return {**out, "format": fmt} if fmt else out

    # Links: Vega-Lite draws them first, under the nodes.  Many links drawn boldly hide the nodes: fainter
    # as they get more numerous.
    names = nodes.set_index("n")["name"]
    link_rows = pic.links[["x", "y", "x2", "y2", "w", "width", "color"]].assign(
        a=names.reindex(pic.links.src).to_numpy(), b=names.reindex(pic.links.dst).to_numpy())
    opacity = 0.8 if len(link_rows) <= 150 else 0.55 if len(link_rows) <= 400 else 0.4
    links = {"data": csv_data(link_rows), "mark": {"type": "rule", "opacity": opacity},
             "encoding": {**xy(x2="x2", y2="y2"),
                          "color": {"field": "color", "type": "nominal", "scale": None},
                          "strokeWidth": {"field": "width", "type": "quantitative", "scale": None},
                          "tooltip": [tip("a", "playground.net.from"), tip("b", "playground.net.to"),
                                      tip("w", "ax.weight", "quantitative", ".4g")]}}
    outlines = {"data": csv_data(nodes[["x", "y", "name", "bias"]].assign(x2=nodes.x + 1, y2=nodes.y + 1)),
                "mark": {"type": "rect", "fill": "#ffffff", "stroke": "#888888", "strokeWidth": 0.6},
                "encoding": {**xy(x2="x2", y2="y2"),
                             "tooltip": [tip("name", "playground.net.node"),
                                         tip("bias", "playground.net.bias", "quantitative", ".4g")]}}
    # The lookup's table goes as records: Vega ignores the format (and so the number parsing) of a lookup's
    # inline CSV, and its keys would stay strings that match no cell.
    lookup = {"lookup": "n", "from": {"data": {"values": records(nodes[["n", "x", "y", "name", "bias", "off", "sc"]])},
                                      "key": "n", "fields": ["x", "y", "name", "bias", "off", "sc"]}}
    calculate = {
        # Each cell overlaps its neighbours by a hair: abutting rectangles show anti-aliased seams.
        "cx": f"datum.x + datum.i * {cw!r}", "cx2": f"datum.x + (datum.i + 1) * {cw!r} + {SEAM}",
        "cy": f"datum.y + datum.j * {ch!r}", "cy2": f"datum.y + (datum.j + 1) * {ch!r} + {SEAM}",
        "c": "clamp((datum.v - datum.off) / datum.sc, -1, 1)",
        "p1": f"{lo1!r} + (datum.i + 0.5) * {(hi1 - lo1) / nx!r}",
        "p2": f"{lo2!r} + (datum.j + 0.5) * {(hi2 - lo2) / ny!r}",
    }
    point = [tip("p1", "ax.x" if one_d else "ax.x1", "quantitative", ".2f")]
    if not one_d:
        point.append(tip("p2", "ax.x2", "quantitative", ".2f"))
    legend_labels = (f"datum.value < 0 ? '{t('playground.net.negative')}' : datum.value > 0 ? "
                     f"'{t('playground.net.positive')}' : '0'")
    cells = {"data": csv_data(pic.cells),
             "transform": [lookup, *({"calculate": expr, "as": name} for name, expr in calculate.items())],
             "mark": {"type": "rect", "strokeWidth": 0},
             "encoding": {**xy("cx", "cy", "cx2", "cy2"),
                          "color": {"field": "c", "type": "quantitative", "title": t("playground.net.legend"),
                                    "scale": {"scheme": HEAT_SCHEME, "domain": [-1, 1]},
                                    "legend": {"values": [-1, 0, 1], "labelExpr": legend_labels}},
                          "tooltip": [tip("name", "playground.net.node"), *point,
                                      tip("v", "playground.net.value", "quantitative", ".3g"),
                                      tip("bias", "playground.net.bias", "quantitative", ".4g")]}}
    heads = pic.columns.copy()
    heads["text"] = [t("playground.net.inputs") if k == "input" else t("playground.net.output") if k == "output"
                     else t("playground.net.hidden", layer=int(l), units=int(u))
                     for k, l, u in zip(heads.kind, heads.layer, heads.units)]
    heads["ty"] = pic.y_domain[1] - 0.2
    titles = {"data": csv_data(heads[["x", "ty", "text"]]),
              "mark": {"type": "text", "fontSize": style.font, "fontWeight": "bold", "baseline": "top",
                       "lineBreak": "|"},
              "encoding": {**xy(y="ty"), "text": {"field": "text", "type": "nominal"}}}
    inputs = nodes[nodes.kind == "input"].assign(tx=lambda d: d.x - 0.12, ty=lambda d: d.y + 0.5)
    labels = {"data": csv_data(inputs[["tx", "ty", "name"]]),
              "mark": {"type": "text", "fontSize": style.font, "align": "right", "baseline": "middle"},
              "encoding": {**xy("tx", "ty"), "text": {"field": "name", "type": "nominal"}}}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "config": {**style_config(style), "view": {"stroke": None}},
        "layer": [links, outlines, cells, titles, labels],
        "height": pic.height,
        # "fit-x": the height is the plot's own (with Streamlit's default "fit" it would include the title and
        # the legend, and the layout's pixel sizes would be off).
        "autosize": {"type": "fit-x", "contains": "padding"},
    }
    if title:
        spec["title"] = title
    return spec


def curves_chart(history: pd.DataFrame, metric: str, epoch: int | None = None, style: Style = NORMAL,
                 title: str | None = None, log: bool = False, x_max: int | None = None) -> alt.LayerChart:
    """Training and validation ``metric`` ("loss" or "acc") against epochs, with a rule at the epoch shown.

    ``epoch`` None: the rule marks the last epoch.
    """
    cols = {f"train_{metric}": t("ax.train"), f"val_{metric}": t("ax.val")}
    long = history.melt(id_vars=["epoch"], value_vars=list(cols), var_name="set", value_name="value")
    long["set"] = long["set"].map(cols)
    long = _finite(long, ["value"], positive=log)
    y_title = {"loss": t("ax.loss_log") if log else t("ax.loss"), "acc": t("ax.accuracy")}[metric]
    if metric == "acc":
        y = alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"))
    else:
        y = alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log") if log else alt.Scale(zero=False))
    x = alt.X("epoch:Q", title=t("ax.epoch"),
              scale=alt.Scale(domain=[0, x_max]) if x_max else alt.Undefined)
    lines = alt.Chart(inline(long)).mark_line(strokeWidth=2).encode(
        x=x, y=y,
        color=alt.Color("set:N", title=t("ax.set"), scale=alt.Scale(domain=list(cols.values()),
                                                                    range=[TRAIN_COLOR, VAL_COLOR])),
        strokeDash=alt.StrokeDash("set:N", title=t("ax.set"), scale=alt.Scale(domain=list(cols.values()),
                                                                              range=[[1, 0], [5, 3]])),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("set:N", title=t("ax.set")),
                 alt.Tooltip("value:Q", title=y_title, format=".4g" if metric == "loss" else ".1%")],
    )
    # The rule is always drawn (at the last epoch by default): a chart of one layer would have its CSV data
    # hoisted to the top level, where Streamlit expects a table and fails on text.
    shown = int(epoch) if epoch is not None else int(history["epoch"].max()) if len(history) else 0
    rule = alt.Chart(alt.Data(values=[{"epoch": shown}])).mark_rule(color="#555555", strokeDash=[2, 2]).encode(
        x="epoch:Q", tooltip=[alt.Tooltip("epoch:Q", title=t("playground.shown_epoch"))])
    chart = alt.layer(lines, rule, title=title or alt.Undefined).properties(height=style.height)
    return style.finish(chart)


def class_table(classes: tuple[str, ...], counts: tuple[int, ...]) -> pd.DataFrame:
    """The label mapping of an uploaded file: class code, the file's label, points."""
    return pd.DataFrame({t("playground.upload.code"): np.arange(len(classes)),
                         t("playground.upload.label"): list(classes),
                         t("playground.upload.points"): list(counts)})
