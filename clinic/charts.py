"""Altair chart builders: a frame in, a chart out.

Pure functions, tested without Streamlit.  Every chart has axis titles (with
units or "log scale" where it applies), tooltips with the numbers, and takes
its y domain from the caller so a row of charts can share one scale.

Colours come from the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness; a page gives each variant one colour and
uses it on every chart (:func:`variant_colors`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from .i18n import t

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
PROBLEM_COLOR = OKABE_ITO[0]  # vermillion: the broken run, on every page
CLASS_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
LAYER_SCHEME = "viridis"  # layers are ordered: a sequential, colour-blind-safe scheme


@dataclass(frozen=True)
class Style:
    """Sizes for a chart: the normal view, or larger for a projector."""

    # The plotting area's height: every chart is sized "fit-x" (see :func:`fit`),
    # so titles, axes and legends come on top of it.
    height: int = 190
    font: int = 11
    title: int = 12
    point: int = 18

    def finish(self, chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
        # Legends go on top, in one line with their title: below or beside the
        # plot they would eat the height (or, in a narrow column, the width).
        return (fit(chart).configure_axis(labelFontSize=self.font, titleFontSize=self.font)
                .configure_legend(labelFontSize=self.font, titleFontSize=self.font, orient="top",
                                  direction="horizontal", titleOrient="left", gradientLength=120,
                                  symbolSize=60, columnPadding=8, labelLimit=160)
                .configure_title(fontSize=self.title, anchor="start"))


NORMAL = Style()
PRESENTER = Style(height=280, font=16, title=18, point=40)


def fit(chart):
    """``chart`` with its width fitted to the column and its height left to the plot.

    Streamlit gives a chart without ``autosize`` the type "fit", which makes
    ``height`` the *whole* height, title and legend included: a chart with a
    legend and a title kept a plotting area of a few pixels.  "fit-x" fits
    only the width; ``height`` stays the plot's own.
    """
    return chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def spec(chart) -> dict:
    """The Vega-Lite spec of ``chart`` with its data attached: what a page caches and draws.

    Why: building an Altair chart and converting it (Altair validates every
    object against the Vega-Lite schema) costs 20-100 ms per chart, so a
    page of ten charts cannot rerun in 0.2 s.  Pages therefore cache the
    spec, keyed by the small arguments that determine it (names, numbers,
    language, presenter mode), and a rerun that changes nothing costs a
    lookup.  Each data frame becomes a named dataset of JSON-safe records
    (NaN and infinities become null), attached after the conversion: this
    bypasses Altair's *global* data transformer, which Streamlit swaps in and
    out while other sessions draw their charts, and spares Altair a deep copy
    of every record.  The chart is consumed (its data attributes are
    replaced).  Validation is skipped here; the builders' tests validate every spec.
    """
    datasets: dict[str, list[dict]] = {}
    todo = [chart]
    while todo:
        c = todo.pop()
        data = getattr(c, "data", alt.Undefined)
        if isinstance(data, pd.DataFrame):
            name = f"d{len(datasets)}"
            datasets[name] = _records(data)
            c.data = alt.NamedData(name=name)
        for attr in ("layer", "hconcat", "vconcat", "concat"):
            todo.extend(getattr(c, attr, None) or [])
    out = chart.to_dict(validate=False)
    out["datasets"] = {**out.get("datasets", {}), **datasets}
    return out


def _records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values; NaN and infinities become None (JSON has no NaN)."""
    clean = df.replace([np.inf, -np.inf], np.nan).astype(object)
    return clean.where(clean.notna(), None).to_dict("records")


def variant_colors(names) -> dict[str, str]:
    """One colour per variant: the problem (first) vermillion, each fix its own colour."""
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(names)}


def _finite(df: pd.DataFrame, cols, positive: bool = False) -> pd.DataFrame:
    """Rows whose ``cols`` are finite (and > 0 for log scales): Vega-Lite cannot draw NaN or Inf."""
    mask = np.ones(len(df), dtype=bool)
    for c in cols:
        v = pd.to_numeric(df[c], errors="coerce").to_numpy(dtype=float)
        ok = np.isfinite(v)
        if positive:
            ok &= v > 0
        mask &= ok
    return df[mask]


def layer_label(name: str) -> str:
    """A telemetry layer name ("hidden 2", "output") in the current language."""
    if name == "output":
        return t("ax.output_layer")
    if name.startswith("hidden "):
        return t("ax.hidden_layer", n=name.split(" ", 1)[1])
    return name


def _split_shape() -> alt.Shape:
    """Training points as circles, validation points as triangles, with translated legend labels.

    The legend has no title (its labels say it): boundary charts sit in narrow
    columns, where a titled legend beside the colour scale was cut off.
    """
    labels = {"train": t("ax.data_train"), "val": t("ax.data_val")}
    expr = " : ".join(f"datum.label == {json.dumps(k)} ? {json.dumps(v)}" for k, v in labels.items()) + " : datum.label"
    return alt.Shape("split:N", title=None, legend=alt.Legend(labelExpr=expr),
                     scale=alt.Scale(domain=list(labels), range=["circle", "triangle"]))


def _y_scale(domain, log: bool) -> alt.Scale:
    kw = {"type": "log"} if log else {"zero": False}
    if domain is not None:
        kw["domain"] = list(domain)
        kw["clamp"] = True
    return alt.Scale(**kw)


def loss_chart(history: pd.DataFrame, color: str, domain=None, log: bool = False, style: Style = NORMAL,
               title: str | None = None, x_domain=None) -> alt.Chart:
    """Training (solid) and validation (dashed) loss against epochs, in the variant's colour."""
    sets = {"train_loss": t("ax.train"), "val_loss": t("ax.val")}
    long = history.melt(id_vars=["epoch"], value_vars=list(sets), var_name="set", value_name="loss")
    long["set"] = long["set"].map(sets)
    long = _finite(long, ["loss"], positive=log)
    chart = alt.Chart(long, title=title or alt.Undefined).mark_line(color=color, strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch"), scale=alt.Scale(domain=x_domain) if x_domain else alt.Undefined),
        y=alt.Y("loss:Q", title=t("ax.loss_log") if log else t("ax.loss"), scale=_y_scale(domain, log)),
        strokeDash=alt.StrokeDash("set:N", title=t("ax.set"), sort=list(sets.values()),
                                  scale=alt.Scale(domain=list(sets.values()), range=[[1, 0], [5, 3]])),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("set:N", title=t("ax.set")),
                 alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")],
    ).properties(height=style.height)
    return style.finish(chart)


def overlay_loss_chart(histories: dict[str, pd.DataFrame], colors: dict[str, str], column: str = "train_loss",
                       log: bool = True, style: Style = NORMAL, x: str = "epoch", domain=None,
                       title: str | None = None) -> alt.Chart:
    """Several variants' losses on one chart (e.g. an optimizer race), one colour each."""
    parts = []
    for name, h in histories.items():
        parts.append(pd.DataFrame({"x": h[x], "loss": h[column], "variant": name}))
    long = _finite(pd.concat(parts, ignore_index=True), ["loss"], positive=log) if parts else pd.DataFrame(
        columns=["x", "loss", "variant"])
    x_title = t("ax.step") if x == "step" else t("ax.epoch")
    chart = alt.Chart(long, title=title or alt.Undefined).mark_line(strokeWidth=2).encode(
        x=alt.X("x:Q", title=x_title),
        y=alt.Y("loss:Q", title=t("ax.loss_log") if log else t("ax.loss"), scale=_y_scale(domain, log)),
        color=alt.Color("variant:N", title=t("ax.variant"), scale=alt.Scale(domain=list(colors),
                                                                            range=list(colors.values()))),
        tooltip=[alt.Tooltip("variant:N", title=t("ax.variant")), alt.Tooltip("x:Q", title=x_title),
                 alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")],
    ).properties(height=style.height)
    return style.finish(chart)


LAYER_METRICS = {
    "grad_norm": ("ax.grad_norm", True),
    "update_ratio": ("ax.update_ratio", True),
    "dead_frac": ("ax.dead_frac", False),
    "saturated_frac": ("ax.saturated_frac", False),
    "distinct_units": ("ax.distinct_units", False),
    "act_std": ("ax.act", False),
    "weight_norm": ("ax.weight_norm", False),
}


def layer_chart(layers: pd.DataFrame, metric: str, domain=None, style: Style = NORMAL, hidden_only: bool = False,
                title: str | None = None) -> alt.Chart:
    """One line per layer of a per-layer metric against epochs (log scale for norms and ratios)."""
    title_key, log = LAYER_METRICS[metric]
    df = layers if not hidden_only else layers[layers["name"] != "output"]
    df = _finite(df[["epoch", "layer", "name", metric]], [metric], positive=log)
    names = list(dict.fromkeys(layers.sort_values("layer")["name"]))
    if hidden_only:
        names = [n for n in names if n != "output"]
    df = df.assign(name=df["name"].map(layer_label))
    names = [layer_label(n) for n in names]
    # Layers often share a value (every layer 100 % dead, one distinct unit each):
    # a dash pattern per layer keeps the lines that lie on top of each other visible.
    chart = alt.Chart(df, title=title or alt.Undefined).mark_line(strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y(f"{metric}:Q", title=t(title_key), scale=_y_scale(domain, log),
                axis=alt.Axis(format="%") if metric in ("dead_frac", "saturated_frac") else alt.Undefined),
        color=alt.Color("name:N", title=t("ax.layer"), sort=names, scale=alt.Scale(scheme=LAYER_SCHEME)),
        strokeDash=alt.StrokeDash("name:N", sort=names, legend=None,
                                  scale=alt.Scale(domain=names, range=[[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]])),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("name:N", title=t("ax.layer")),
                 alt.Tooltip(f"{metric}:Q", title=t(title_key), format=".3g")],
    ).properties(height=style.height)
    return style.finish(chart)


def layer_profile_chart(layers: pd.DataFrame, metric: str, epoch: int, color: str, domain=None,
                        style: Style = NORMAL, title: str | None = None) -> alt.Chart:
    """A per-layer metric at one epoch as bars from the input layer to the output (e.g. gradient norms)."""
    title_key, log = LAYER_METRICS[metric]
    df = layers[layers.epoch == epoch][["layer", "name", metric]]
    df = _finite(df, [metric], positive=log)
    df = df.assign(name=df["name"].map(layer_label))
    chart = alt.Chart(df, title=title or alt.Undefined).mark_bar(color=color).encode(
        x=alt.X("name:N", title=t("ax.layer"), sort=list(df["name"])),
        y=alt.Y(f"{metric}:Q", title=t(title_key), scale=_y_scale(domain, log)),
        tooltip=[alt.Tooltip("name:N", title=t("ax.layer")), alt.Tooltip(f"{metric}:Q", title=t(title_key),
                                                                          format=".3g")],
    ).properties(height=style.height)
    return style.finish(chart)


def boundary_chart(grid: pd.DataFrame, pts: pd.DataFrame, style: Style = NORMAL, title: str | None = None,
                   value_domain=None, task: str = "binary") -> alt.LayerChart:
    """The network's decision over the input plane, with the data points on top.

    Binary: P(class 1) on a diverging blue-orange scale (0.5 is the boundary).
    Multi-class: the winning class's colour, fading where the network is unsure.
    Regression (2-D): the predicted value.
    """
    s1, s2 = grid.attrs.get("step", (0.1, 0.1))
    lo1, hi1, lo2, hi2 = grid.attrs.get("box", (grid.x1.min(), grid.x1.max() + s1, grid.x2.min(), grid.x2.max() + s2))
    x = alt.X("x1:Q", title=t("ax.x1"), scale=alt.Scale(domain=[lo1, hi1], nice=False))
    y = alt.Y("x2:Q", title=t("ax.x2"), scale=alt.Scale(domain=[lo2, hi2], nice=False))
    # Each row is a cell's lower corner; the browser adds the cell size, so the
    # frame sent carries three columns instead of five.
    # Cells overlap by 3 % so anti-aliasing leaves no hairline seams between them.
    base = (alt.Chart(grid).transform_calculate(x1_hi=f"datum.x1 + {s1 * 1.03!r}", x2_hi=f"datum.x2 + {s2 * 1.03!r}")
            .mark_rect(opacity=0.75).encode(x=x, x2="x1_hi:Q", y=y, y2="x2_hi:Q"))
    if task == "multiclass":
        classes = sorted(grid["cls"].unique().tolist() + pts["y"].astype(str).unique().tolist())
        classes = sorted(set(classes))
        cscale = alt.Scale(domain=classes, range=CLASS_COLORS[: len(classes)])
        heat = base.encode(color=alt.Color("cls:N", title=t("ax.class"), scale=cscale),
                           opacity=alt.Opacity("p:Q", legend=None, scale=alt.Scale(domain=[0.3, 1.0],
                                                                                  range=[0.1, 0.7])))
        dots = alt.Chart(pts.assign(cls=pts["y"].astype(int).astype(str))).mark_point(
            filled=True, size=style.point, stroke="white", strokeWidth=0.5).encode(
            x="x1:Q", y="x2:Q", color=alt.Color("cls:N", scale=cscale, legend=None),
            shape=_split_shape())
    elif task == "regression":
        domain = value_domain or [float(pts["y"].min()), float(pts["y"].max())]
        heat = base.encode(color=alt.Color("p:Q", title=t("ax.prediction"),
                                           scale=alt.Scale(scheme="viridis", domain=domain, clamp=True)))
        dots = alt.Chart(pts).mark_point(filled=True, size=style.point, stroke="white", strokeWidth=0.5).encode(
            x="x1:Q", y="x2:Q", color=alt.Color("y:Q", scale=alt.Scale(scheme="viridis", domain=domain,
                                                                      clamp=True), legend=None))
    else:
        heat = base.encode(color=alt.Color("p:Q", title=t("ax.p_class1"),
                                           scale=alt.Scale(scheme="blueorange", domain=[0, 1]),
                                           legend=alt.Legend(gradientLength=70, values=[0, 0.5, 1])))
        cscale = alt.Scale(domain=[0, 1], range=CLASS_COLORS[:2])
        dots = alt.Chart(pts).mark_point(filled=True, size=style.point, stroke="white", strokeWidth=0.6).encode(
            x="x1:Q", y="x2:Q", color=alt.Color("y:N", title=t("ax.class"), scale=cscale),
            shape=_split_shape())
    dots = dots.encode(tooltip=[alt.Tooltip("x1:Q", format=".2f"), alt.Tooltip("x2:Q", format=".2f"),
                                alt.Tooltip("y:Q", title=t("ax.value"), format=".3g"), "split:N"])
    chart = alt.layer(heat, dots, title=title or alt.Undefined).properties(height=style.height + 30)
    return style.finish(chart.resolve_scale(color="independent"))


def fit_chart(curve: pd.DataFrame, pts: pd.DataFrame, color: str, domain=None, style: Style = NORMAL,
              title: str | None = None) -> alt.LayerChart:
    """A 1-D regression: the data (training filled, validation hollow) and the network's fitted curve."""
    y_scale = _y_scale(domain, False)
    dots = alt.Chart(pts).mark_point(size=style.point, opacity=0.6, color="#555555").encode(
        x=alt.X("x1:Q", title=t("ax.x")),
        y=alt.Y("y:Q", title=t("ax.y"), scale=y_scale),
        shape=_split_shape(),
        tooltip=[alt.Tooltip("x1:Q", format=".2f"), alt.Tooltip("y:Q", format=".3f"), "split:N"])
    line = alt.Chart(_finite(curve, ["prediction"])).mark_line(color=color, strokeWidth=3).encode(
        x="x1:Q", y=alt.Y("prediction:Q", scale=y_scale),
        tooltip=[alt.Tooltip("x1:Q", format=".2f"), alt.Tooltip("prediction:Q", title=t("ax.prediction"),
                                                                 format=".3f")])
    chart = alt.layer(dots, line, title=title or alt.Undefined).properties(height=style.height + 30)
    return style.finish(chart)


def histogram_chart(hist: pd.DataFrame, quantity: str, style: Style = NORMAL, title: str | None = None,
                    hidden_only: bool = True, names: dict[int, str] | None = None) -> alt.Chart:
    """Distribution of each layer's pre-activations ("pre") or activations ("act") at one snapshot."""
    df = hist[hist["quantity"] == quantity].copy()
    if hidden_only and not df.empty:
        df = df[df["layer"] < df["layer"].max()]
    df["name"] = df["layer"].map(names or (lambda i: t("ax.hidden_layer", n=i)))
    axis_title = t("ax.pre") if quantity == "pre" else t("ax.act")
    chart = alt.Chart(df, title=title or alt.Undefined).mark_bar(opacity=0.55, binSpacing=0).encode(
        x=alt.X("bin_left:Q", title=axis_title),
        x2="bin_right:Q",
        y=alt.Y("count:Q", title=t("ax.count"), stack=None),
        y2=alt.datum(0),
        color=alt.Color("name:N", title=t("ax.layer"), scale=alt.Scale(scheme=LAYER_SCHEME)),
        tooltip=[alt.Tooltip("name:N", title=t("ax.layer")), alt.Tooltip("bin_left:Q", format=".3g"),
                 alt.Tooltip("bin_right:Q", format=".3g"), alt.Tooltip("count:Q", title=t("ax.count"))],
    ).properties(height=style.height)
    return style.finish(chart)


def unit_weights_chart(weights: pd.DataFrame, color: str, domain=None, style: Style = NORMAL,
                       title: str | None = None) -> alt.Chart:
    """Each hidden unit's incoming weights against epochs: symmetric units draw one line."""
    df = weights.assign(series=weights["unit"].astype(str) + "·" + weights["input"].astype(str))
    chart = alt.Chart(df, title=title or alt.Undefined).mark_line(strokeWidth=1.5, opacity=0.7, color=color).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y("weight:Q", title=t("ax.weight"), scale=_y_scale(domain, False)),
        detail="series:N",
        strokeDash=alt.StrokeDash("input:N", title=t("ax.x"), legend=None),
        tooltip=[alt.Tooltip("unit:Q", title=t("ax.unit")), alt.Tooltip("input:Q", title=t("ax.x")),
                 alt.Tooltip("epoch:Q", title=t("ax.epoch")),
                 alt.Tooltip("weight:Q", title=t("ax.weight"), format=".4f")],
    ).properties(height=style.height)
    return style.finish(chart)


def schedule_chart(rates: pd.DataFrame, colors: dict[str, str], log: bool = True, style: Style = NORMAL,
                   title: str | None = None) -> alt.Chart:
    """Learning rate against epoch for one or more schedules (columns epoch, lr, variant)."""
    df = _finite(rates, ["lr"], positive=log)
    title_key = "ax.lr" if log else "ax.lr_linear"
    chart = alt.Chart(df, title=title or alt.Undefined).mark_line(strokeWidth=2, interpolate="step-after").encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y("lr:Q", title=t(title_key), scale=alt.Scale(type="log") if log else alt.Undefined),
        color=alt.Color("variant:N", title=t("ax.variant"), scale=alt.Scale(domain=list(colors),
                                                                            range=list(colors.values()))),
        tooltip=[alt.Tooltip("variant:N", title=t("ax.variant")), alt.Tooltip("epoch:Q", title=t("ax.epoch")),
                 alt.Tooltip("lr:Q", title=t("ax.lr_linear"), format=".3g")],
    ).properties(height=style.height)
    return style.finish(chart)
