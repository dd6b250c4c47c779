"""Chart builders and frame helpers of the Underfitting, Dying ReLU and Symmetric-initialization pages.

Pure functions (a frame in, a chart or a number out), tested without
Streamlit, in the conventions of :mod:`clinic.charts`: translated axis titles,
tooltips with the numbers, the caller's shared domains, non-finite values
left out.  Each builder here adds to a generic chart the one mark a learner
needs to read the symptom: the chance level under an accuracy curve, the
band a sigmoid output can reach under a fitted curve, the region where a
ReLU outputs 0 under a pre-activation histogram.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .charts import LAYER_SCHEME, NORMAL, Style, _finite, _y_scale
from .i18n import t

ZONE_COLOR = "#999999"  # neutral grey: the marked regions must not look like a variant


def chart_key(kind: str, config_json: str, *parts) -> str:
    """A cache key for a chart spec: its kind, the run's config and everything else it depends on."""
    return "|".join([kind, config_json, *map(repr, parts)])


def shape(hidden: tuple[int, ...]) -> str:
    """Hidden widths as a learner reads them: "8", "6 + 6" (one number per layer)."""
    return " + ".join(str(int(w)) for w in hidden) or "0"


# -- accuracy --------------------------------------------------------------------------

def accuracy_chart(history: pd.DataFrame, color: str, chance: float | None = 0.5, chance_label: str = "",
                   style: Style = NORMAL, x_domain=None, title: str | None = None) -> alt.LayerChart:
    """Training (solid) and validation (dashed) accuracy against epochs, over a dotted line at guessing.

    An underfitting classifier's two curves stay together, low and flat; the
    line at ``chance`` (1 / number of classes) shows how little it learnt.
    """
    sets = {"train_acc": t("ax.train"), "val_acc": t("ax.val")}
    long = history.melt(id_vars=["epoch"], value_vars=list(sets), var_name="set", value_name="acc")
    long["set"] = long["set"].map(sets)
    long = _finite(long, ["acc"])
    x = alt.X("epoch:Q", title=t("ax.epoch"), scale=alt.Scale(domain=list(x_domain)) if x_domain else alt.Undefined)
    y = alt.Y("acc:Q", title=t("ax.accuracy"), scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"))
    lines = alt.Chart(long).mark_line(color=color, strokeWidth=2).encode(
        x=x, y=y,
        strokeDash=alt.StrokeDash("set:N", title=t("ax.set"), sort=list(sets.values()),
                                  scale=alt.Scale(domain=list(sets.values()), range=[[1, 0], [5, 3]])),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("set:N", title=t("ax.set")),
                 alt.Tooltip("acc:Q", title=t("ax.accuracy"), format=".1%")])
    parts = [lines]
    if chance is not None:
        level = pd.DataFrame({"acc": [chance], "label": [chance_label]})
        parts.append(alt.Chart(level).mark_rule(color=ZONE_COLOR, strokeDash=[2, 2], strokeWidth=1.5).encode(
            y=alt.Y("acc:Q", scale=alt.Scale(domain=[0, 1])), tooltip=[alt.Tooltip("label:N", title=t("ax.value"))]))
        if chance_label:
            parts.append(alt.Chart(level).mark_text(align="left", baseline="top", dx=4, dy=3, color="#444444",
                                                    fontSize=style.font).encode(
                y=alt.Y("acc:Q", scale=alt.Scale(domain=[0, 1])), x=alt.value(0), text="label:N"))
    chart = alt.layer(*parts, title=title or alt.Undefined).properties(height=style.height)
    return style.finish(chart)


# -- a fitted curve under an output range ----------------------------------------------------

def band_domain(points: pd.DataFrame, band: tuple[float, float], pad: float = 0.05) -> list[float]:
    """A y domain holding every target and the whole ``band`` (same for every column of a row)."""
    y = pd.to_numeric(points["y"], errors="coerce").to_numpy(dtype=float)
    y = y[np.isfinite(y)]
    lo = min([band[0], *([y.min()] if y.size else [])])
    hi = max([band[1], *([y.max()] if y.size else [])])
    span = hi - lo or 1.0
    return [float(lo - pad * span), float(hi + pad * span)]


def fit_band_chart(curve: pd.DataFrame, points: pd.DataFrame, color: str, band: tuple[float, float] = (0.0, 1.0),
                   band_label: str = "", domain=None, style: Style = NORMAL,
                   title: str | None = None) -> alt.LayerChart:
    """A 1-D regression's fitted curve over its targets, with the band of values the output can reach shaded.

    A sigmoid output lives in (0, 1): drawn over targets from 0.5 to 2.5, the
    curve presses against the top of the band while the points sit above it.
    """
    y_scale = _y_scale(domain, False)
    zone = pd.DataFrame({"lo": [band[0]], "hi": [band[1]], "label": [band_label]})
    shade = alt.Chart(zone).mark_rect(color=ZONE_COLOR, opacity=0.18).encode(
        y=alt.Y("lo:Q", scale=y_scale), y2="hi:Q", tooltip=[alt.Tooltip("label:N", title=t("ax.value"))])
    ceiling = alt.Chart(zone).mark_rule(color="#555555", strokeDash=[6, 3], strokeWidth=1.5).encode(
        y=alt.Y("hi:Q", scale=y_scale))
    # the label sits at the bottom of the band, below the targets (which start at 0.5)
    text = alt.Chart(zone).mark_text(align="left", baseline="bottom", dx=4, dy=-3, color="#444444",
                                     fontSize=style.font).encode(y=alt.Y("lo:Q", scale=y_scale), x=alt.value(0),
                                                                 text="label:N")
    sets = [t("ax.train"), t("ax.val")]
    pts = points.assign(set=points["split"].map({"train": sets[0], "val": sets[1]}))
    dots = alt.Chart(pts).mark_point(size=style.point, opacity=0.6, color="#555555").encode(
        x=alt.X("x1:Q", title=t("ax.x")),
        y=alt.Y("y:Q", title=t("ax.y"), scale=y_scale),
        shape=alt.Shape("set:N", title=t("ax.points"), scale=alt.Scale(domain=sets, range=["circle", "triangle"])),
        tooltip=[alt.Tooltip("x1:Q", title=t("ax.x"), format=".2f"), alt.Tooltip("y:Q", title=t("ax.y"), format=".3f"),
                 alt.Tooltip("set:N", title=t("ax.set"))])
    line = alt.Chart(_finite(curve, ["prediction"])).mark_line(color=color, strokeWidth=3).encode(
        x="x1:Q", y=alt.Y("prediction:Q", scale=y_scale),
        tooltip=[alt.Tooltip("x1:Q", format=".2f"), alt.Tooltip("prediction:Q", title=t("ax.prediction"),
                                                                 format=".3f")])
    chart = alt.layer(shade, ceiling, dots, line, text, title=title or alt.Undefined).properties(
        height=style.height + 70)
    return style.finish(chart)


# -- pre-activation histograms with the ReLU's zero marked ----------------------------------

def hidden_histogram(hist: pd.DataFrame, quantity: str = "pre") -> pd.DataFrame:
    """The rows of ``hist`` for the hidden layers' ``quantity`` (the last layer is the output)."""
    df = hist[hist["quantity"] == quantity]
    if df.empty:
        return df
    return df[df["layer"] < df["layer"].max()]


def below_zero_share(hist: pd.DataFrame) -> float:
    """Share of the histogram's values below 0; a bin straddling 0 counts in proportion to its part below.

    NaN for an empty histogram.
    """
    if hist.empty:
        return float("nan")
    left, right = hist["bin_left"].to_numpy(dtype=float), hist["bin_right"].to_numpy(dtype=float)
    count = hist["count"].to_numpy(dtype=float)
    width = np.where(right > left, right - left, 1.0)
    below = np.clip((0.0 - left) / width, 0.0, 1.0)
    total = count.sum()
    return float((count * below).sum() / total) if total > 0 else float("nan")


def zero_domain(hists, pad: float = 0.03) -> list[float]:
    """An x domain holding every histogram's bins and 0 (the ReLU's kink): one scale for a row."""
    lo, hi = 0.0, 0.0
    for h in hists:
        if h is None or h.empty:
            continue
        left = h["bin_left"].to_numpy(dtype=float)
        right = h["bin_right"].to_numpy(dtype=float)
        left, right = left[np.isfinite(left)], right[np.isfinite(right)]
        if left.size:
            lo = min(lo, float(left.min()))
        if right.size:
            hi = max(hi, float(right.max()))
    span = hi - lo or 1.0
    return [lo - pad * span, hi + pad * span]


def zero_histogram_chart(hist: pd.DataFrame, zone_label: str, x_domain=None, style: Style = NORMAL,
                         title: str | None = None) -> alt.LayerChart:
    """Hidden layers' pre-activations z as bars, with everything left of z = 0 shaded and labelled.

    ``hist`` holds the hidden layers' rows for one quantity (see
    :func:`hidden_histogram`).  For ReLU, a value left of 0 gives output 0 and
    gradient 0: a unit whose every value lies there is dead.  ``zone_label``
    says what the shaded side means for the column's activation.
    """
    df = hist.assign(name=hist["layer"].map(lambda i: t("ax.hidden_layer", n=i)))  # as the layer charts name it
    lo = float(x_domain[0]) if x_domain is not None else (min(float(df["bin_left"].min()), 0.0) if len(df) else -1.0)
    x_scale = alt.Scale(domain=list(x_domain), nice=False) if x_domain is not None else alt.Undefined
    zone = pd.DataFrame({"lo": [lo], "zero": [0.0], "label": [zone_label]})
    shade = alt.Chart(zone).mark_rect(color=ZONE_COLOR, opacity=0.15).encode(
        x=alt.X("lo:Q", scale=x_scale, title=t("ax.pre")), x2="zero:Q",
        tooltip=[alt.Tooltip("label:N", title=t("ax.value"))])
    rule = alt.Chart(zone).mark_rule(color="#333333", strokeWidth=1.5).encode(x=alt.X("zero:Q", scale=x_scale))
    text = alt.Chart(zone).mark_text(align="right", baseline="top", dx=-4, dy=4, color="#444444",
                                     fontSize=style.font).encode(x=alt.X("zero:Q", scale=x_scale), y=alt.value(0),
                                                                 text="label:N")
    bars = alt.Chart(df).mark_bar(opacity=0.7, binSpacing=0).encode(
        x=alt.X("bin_left:Q", title=t("ax.pre"), scale=x_scale),
        x2="bin_right:Q",
        # an explicit base: with x and x2 but no y2, Vega-Lite draws a bar as a thin horizontal dash at y
        y=alt.Y("count:Q", title=t("ax.count"), stack=None), y2=alt.datum(0),
        color=alt.Color("name:N", title=t("ax.layer"), scale=alt.Scale(scheme=LAYER_SCHEME)),
        tooltip=[alt.Tooltip("name:N", title=t("ax.layer")), alt.Tooltip("bin_left:Q", format=".3g"),
                 alt.Tooltip("bin_right:Q", format=".3g"), alt.Tooltip("count:Q", title=t("ax.count"))])
    chart = alt.layer(shade, bars, rule, text, title=title or alt.Undefined).properties(height=style.height)
    return style.finish(chart)
