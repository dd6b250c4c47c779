"""Chart builders and frame helpers of the Vanishing-gradients and Learning-rates pages.

Pure functions (a frame in, a chart or a number out), tested without
Streamlit, in the conventions of :mod:`clinic.charts`: translated axis titles,
tooltips with the numbers, the caller's shared domains, nothing non-finite
handed to Vega-Lite.

Vanishing gradients
    :func:`gradient_ratio` puts the symptom in one number (first layer's
    gradient norm over the output layer's), and :func:`gradient_profile_chart`
    draws it: one bar per layer at the epoch being looked at, and a tick at the
    largest norm each layer received over the whole run.  The ticks matter
    because a stalled network's output layer soon stops getting gradient too;
    by the last epoch every bar is tiny and the staircase is only visible in
    the peaks (the measure :func:`nncore.symptoms.vanishing_gradients` uses).

Learning rates
    :func:`schedule_frame` feeds :func:`clinic.charts.schedule_chart` from a
    run's own history (the rate actually used in each epoch), and
    :func:`divergence_facts` reads why the engine stopped a run.  The sweep
    (:data:`SWEEP_RATES`, :func:`sweep_configs`, :func:`sweep_frame`) trains
    one tiny network per rate from 1e-4 to 10 and sorts every rate into a band
    (see :func:`band_of`); :func:`sweep_chart` and :func:`sweep_curves_chart`
    draw it.
"""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from nncore import Config, train
from nncore.training import EXPLOSION_FACTOR

from .charts import LAYER_METRICS, LAYER_SCHEME, NORMAL, Style, _finite, _y_scale
from .i18n import t

# -- scales ----------------------------------------------------------------------------------------

DECADES_FACTOR = 30.0
FEW_EPOCHS = 30  # a layer chart of at most this many epochs marks every epoch with a dot  # a row whose values span more than this factor is drawn on a log axis


def spans_decades(frames, columns, factor: float = DECADES_FACTOR) -> bool:
    """Whether the positive finite values of ``columns`` over all ``frames`` span more than ``factor``.

    Used to choose a log axis for a row of loss charts: a loss that climbs a
    thousandfold or falls a hundredfold is unreadable on a linear axis, while
    a loss that moves within one decade reads best on a linear one.
    """
    vals = []
    for f in frames:
        for c in columns:
            if f is not None and c in f:
                v = pd.to_numeric(f[c], errors="coerce").to_numpy(dtype=float)
                vals.append(v[np.isfinite(v) & (v > 0)])
    v = np.concatenate(vals) if vals else np.array([])
    return bool(v.size) and float(v.max()) > factor * float(v.min())


# -- vanishing gradients ---------------------------------------------------------------------------

def gradient_ratio(layers: pd.DataFrame, epoch: int | None = None) -> dict:
    """First layer's gradient norm over the output layer's, at ``epoch`` or (None) of the peaks over the run.

    Returns ``first``, ``last`` (the two norms), ``ratio`` (first / last) and
    ``decades`` (log10 of last / first: how many powers of ten the gradient
    lost on its way back; negative when the first layer gets more).  Values
    are NaN where a norm is missing, zero or not finite (epoch 0 has no
    gradient).
    """
    trained = layers[layers["epoch"] > 0]
    if epoch is not None:
        trained = trained[trained["epoch"] == epoch]
    nan = {"first": math.nan, "last": math.nan, "ratio": math.nan, "decades": math.nan}
    if trained.empty or trained["layer"].nunique() < 2:
        return nan
    g = trained.assign(g=pd.to_numeric(trained["grad_norm"], errors="coerce"))
    g = g[np.isfinite(g["g"])]
    peaks = g.groupby("layer")["g"].max()
    top = int(trained["layer"].max())
    if 1 not in peaks.index or top not in peaks.index:
        return nan
    first, last = float(peaks.loc[1]), float(peaks.loc[top])
    if not (first > 0 and last > 0):
        return {**nan, "first": first, "last": last}
    return {"first": first, "last": last, "ratio": first / last, "decades": math.log10(last / first)}


def profile_frame(layers: pd.DataFrame, epoch: int, output_label: str = "output") -> pd.DataFrame:
    """One row per layer: ``layer``, ``label`` (1, 2, ... and ``output_label``), ``at`` (the gradient norm at
    ``epoch``) and ``peak`` (the largest over the trained epochs)."""
    trained = layers[layers["epoch"] > 0]
    g = pd.to_numeric(trained["grad_norm"], errors="coerce")
    peak = g.where(np.isfinite(g)).groupby(trained["layer"]).max()
    at = layers[layers["epoch"] == epoch].set_index("layer")["grad_norm"]
    order = sorted(layers["layer"].unique())
    top = max(order) if order else 0
    return pd.DataFrame({
        "layer": [int(x) for x in order],
        "label": [output_label if x == top else str(int(x)) for x in order],
        "at": [float(at.get(x, math.nan)) for x in order],
        "peak": [float(peak.get(x, math.nan)) for x in order],
    })


def gradient_profile_chart(layers: pd.DataFrame, epoch: int, color: str, domain=None, style: Style = NORMAL,
                           title: str | None = None) -> alt.LayerChart:
    """Gradient norm per layer, first layer on the left, output on the right (log scale).

    Bars: the norm at ``epoch`` in the variant's colour.  Black ticks: the
    largest norm each layer received over the run.  Under vanishing
    gradients both fall in a staircase from the output to the first layer.
    """
    df = profile_frame(layers, epoch, t("vanishing.ax.output_short"))
    at_label, peak_label = t("vanishing.profile.at", epoch=epoch), t("vanishing.profile.peak")
    kinds = alt.Scale(domain=[at_label, peak_label], range=[color, "#000000"])
    x = alt.X("label:N", title=t("vanishing.ax.layers"), sort=list(df["label"]), axis=alt.Axis(labelAngle=0))
    y_title = t("ax.grad_norm")
    tip = [alt.Tooltip("label:N", title=t("ax.layer")), alt.Tooltip("at:Q", title=at_label, format=".3g"),
           alt.Tooltip("peak:Q", title=peak_label, format=".3g")]
    bars = alt.Chart(_finite(df, ["at"], positive=True).assign(kind=at_label)).mark_bar().encode(
        x=x, y=alt.Y("at:Q", title=y_title, scale=_y_scale(domain, True)),
        color=alt.Color("kind:N", title=None, scale=kinds), tooltip=tip)
    ticks = alt.Chart(_finite(df, ["peak"], positive=True).assign(kind=peak_label)).mark_tick(
        thickness=3, size=14).encode(
        x=x, y=alt.Y("peak:Q", title=y_title, scale=_y_scale(domain, True)),
        color=alt.Color("kind:N", title=None, scale=kinds), tooltip=tip)
    chart = alt.layer(bars, ticks, title=title or alt.Undefined).properties(height=style.height)
    return style.finish(chart)


def depth_layer_chart(layers: pd.DataFrame, metric: str, domain=None, style: Style = NORMAL,
                      hidden_only: bool = False, title: str | None = None, x_domain=None,
                      reference: tuple[float, str] | None = None) -> alt.Chart | alt.LayerChart:
    """One line per layer of a per-layer metric against epochs, coloured by the layer's number.

    Like :func:`clinic.charts.layer_chart`, but the layer's colour comes from
    its number on a continuous scale with a compact gradient legend (first
    layer dark, output bright): a list legend of eleven names does not fit a
    narrow column, and the order of the layers is what the eye needs here.
    Runs of few epochs (a diverged run stops after one) get a dot per epoch,
    since a single value draws no line.  ``reference`` = (value, label) adds
    a dashed horizontal line, e.g. the update ratio cs231n calls healthy.
    """
    title_key, log = LAYER_METRICS[metric]
    df = layers if not hidden_only else layers[layers["name"] != "output"]
    df = _finite(df[["epoch", "layer", "name", metric]], [metric], positive=log)
    top = int(layers["layer"].max()) if len(layers) else 1
    last_key = "vanishing.ax.output_short"
    if hidden_only:
        top, last_key = max(top - 1, 1), "vanishing.ax.last_hidden"
    few = df["epoch"].nunique() <= FEW_EPOCHS
    y = alt.Y(f"{metric}:Q", title=t(title_key), scale=_y_scale(domain, log),
              axis=alt.Axis(format="%") if metric in ("dead_frac", "saturated_frac") else alt.Undefined)
    x = alt.X("epoch:Q", title=t("ax.epoch"), scale=alt.Scale(domain=list(x_domain)) if x_domain else alt.Undefined)
    lines = alt.Chart(df).mark_line(strokeWidth=2, point=few).encode(
        x=x, y=y,
        color=alt.Color("layer:Q", title=t("ax.layer"),
                        scale=alt.Scale(scheme=LAYER_SCHEME, domain=[1, max(top, 2)]),
                        legend=alt.Legend(values=sorted({1, top}), format="d", gradientLength=90, labelExpr=(
                            f"datum.value == {top} ? '{t(last_key)}' : datum.label" if top > 1 else "datum.label"))),
        detail="layer:N",
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("name:N", title=t("ax.layer")),
                 alt.Tooltip(f"{metric}:Q", title=t(title_key), format=".3g")])
    if reference is None:
        lines = lines.properties(height=style.height)
        return style.finish(lines.properties(title=title) if title else lines)
    ref = pd.DataFrame({"value": [reference[0]], "what": [reference[1]]})
    rule = alt.Chart(ref).mark_rule(color="#555555", strokeDash=[4, 4]).encode(
        y=alt.Y("value:Q"), tooltip=[alt.Tooltip("what:N", title=t("ax.value")),
                                     alt.Tooltip("value:Q", title=t(title_key), format="g")])
    chart = alt.layer(lines, rule, title=title or alt.Undefined).properties(height=style.height)
    return style.finish(chart)


# -- learning rates ----------------------------------------------------------------------------------

def schedule_frame(history: pd.DataFrame, variant: str) -> pd.DataFrame:
    """The learning rate each epoch of a run used (from its history), for :func:`clinic.charts.schedule_chart`.

    Epoch 0 is the untrained network, which used no rate; it is left out.
    """
    h = history[history["epoch"] > 0]
    return pd.DataFrame({"epoch": h["epoch"].to_numpy(), "lr": h["lr"].to_numpy(dtype=float), "variant": variant})


def rate_chart(rates: pd.DataFrame, color: str, domain=None, style: Style = NORMAL, x_domain=None,
               title: str | None = None) -> alt.Chart:
    """One run's learning rate per epoch (a :func:`schedule_frame`) on a log axis, in the variant's colour.

    The column's header names the variant, so there is no legend; ``domain``
    lets a row of these share one scale, so a constant rate and a decaying
    one can be compared across columns.
    """
    df = _finite(rates, ["lr"], positive=True)
    x = alt.X("epoch:Q", title=t("ax.epoch"), scale=alt.Scale(domain=list(x_domain)) if x_domain else alt.Undefined)
    chart = alt.Chart(df, title=title or alt.Undefined).mark_line(strokeWidth=2, color=color,
                                                                  interpolate="step-after").encode(
        x=x, y=alt.Y("lr:Q", title=t("ax.lr"), scale=_y_scale(domain, True)),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")),
                 alt.Tooltip("lr:Q", title=t("ax.lr_linear"), format=".3g")],
    ).properties(height=style.height)
    return style.finish(chart)


def divergence_facts(history: pd.DataFrame) -> dict:
    """Why the engine stopped a diverged run, from its history.

    ``kind`` is "nan" (the loss is not a number), "inf" (it overflowed) or
    "big" (over ``EXPLOSION_FACTOR`` times its start); ``epoch``, ``loss``,
    ``start`` (the untrained loss), ``times`` (loss / start, NaN unless
    finite) and ``lr`` (the rate used in that epoch) say the rest.
    """
    last = history.iloc[-1]
    loss, start = float(last["train_loss"]), float(history["train_loss"].iloc[0])
    kind = "nan" if math.isnan(loss) else "inf" if math.isinf(loss) else "big"
    times = loss / start if kind == "big" and start > 0 else math.nan
    return {"kind": kind, "epoch": int(last["epoch"]), "loss": loss, "start": start, "times": times,
            "lr": float(last["lr"]), "factor": EXPLOSION_FACTOR}


def marked_loss_chart(history: pd.DataFrame, color: str, mark_epoch: int | None, mark_label: str = "",
                      domain=None, log: bool = False, style: Style = NORMAL, x_domain=None,
                      title: str | None = None) -> alt.LayerChart:
    """Training (solid) and validation (dashed) loss, with a dotted vertical line at ``mark_epoch``.

    The line marks the moment something changed in the run (e.g. the epoch
    from which the gradient's sign is flipped), so the eye can match the
    change of the curve with its cause.  Without ``mark_epoch`` it is the
    plain loss chart.
    """
    sets = {"train_loss": t("ax.train"), "val_loss": t("ax.val")}
    long = history.melt(id_vars=["epoch"], value_vars=list(sets), var_name="set", value_name="loss")
    long["set"] = long["set"].map(sets)
    long = _finite(long, ["loss"], positive=log)
    x = alt.X("epoch:Q", title=t("ax.epoch"), scale=alt.Scale(domain=list(x_domain)) if x_domain else alt.Undefined)
    lines = alt.Chart(long).mark_line(color=color, strokeWidth=2).encode(
        x=x,
        y=alt.Y("loss:Q", title=t("ax.loss_log") if log else t("ax.loss"), scale=_y_scale(domain, log)),
        strokeDash=alt.StrokeDash("set:N", title=t("ax.set"), sort=list(sets.values()),
                                  scale=alt.Scale(domain=list(sets.values()), range=[[1, 0], [5, 3]])),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("set:N", title=t("ax.set")),
                 alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")])
    parts = [lines]
    if mark_epoch is not None:
        mark = pd.DataFrame({"epoch": [mark_epoch], "what": [mark_label]})
        rule = alt.Chart(mark).mark_rule(color="#555555", strokeDash=[2, 3], strokeWidth=2).encode(
            x="epoch:Q", tooltip=[alt.Tooltip("what:N", title=t("ax.value")),
                                  alt.Tooltip("epoch:Q", title=t("ax.epoch"))])
        text = alt.Chart(mark).mark_text(align="left", baseline="top", dx=4, dy=4, color="#555555",
                                         fontSize=style.font).encode(x="epoch:Q", y=alt.value(0), text="what:N")
        parts += [rule, text]
    chart = alt.layer(*parts, title=title or alt.Undefined).properties(height=style.height)
    return style.finish(chart)


# -- the learning-rate sweep -----------------------------------------------------------------------------

# 1-2-5 steps per decade from 1e-4 to 10: 16 round numbers a learner can read off the axis.
SWEEP_RATES: tuple[float, ...] = tuple(round(m * 10.0 ** e, 10) for e in range(-4, 1) for m in (1, 2, 5)) + (10.0,)

# One tiny network per rate: plain full-batch gradient descent, so that the
# rate alone decides each step.  40 epochs of a 2-16-16-1 ReLU net on 140
# points cost ~20 ms each; over seeds 0-4 every sweep shows rates too low
# (most of the axis), a band of good ones just below the edge, and
# divergence at 10 (seed 0, shown: too high at 5 as well).
SWEEP_BASE = Config(dataset="moons", n_samples=200, noise=0.2, hidden=(16, 16), activation="relu", init="he",
                    optimizer="sgd", batch_size=5000, epochs=40, snapshots=1, seed=0)

# Bands.  "Progress" is how much of the loss a rate removed, relative to the
# best rate of the sweep: (start - final) / (start - best final), where
# every run starts from the same untrained loss.  A rate is
#   diverged  if the engine stopped it (NaN, overflow, or 1000x its start);
#   good      if its progress is at least GOOD_PROGRESS (it got three
#             quarters of the way the best rate got);
#   too low   otherwise, when it is below the best rate;
#   too high  otherwise, when it is above it (including any rate whose loss
#             ended above where it started).
GOOD_PROGRESS = 0.75
BANDS = ("too_low", "good", "too_high", "diverged")
BAND_COLORS = {"too_low": "#0072B2", "good": "#009E73", "too_high": "#E69F00", "diverged": "#D55E00"}
BAND_SHAPES = {"too_low": "circle", "good": "square", "too_high": "diamond", "diverged": "triangle-up"}
CAP_FACTOR = 3.0  # diverged losses are drawn at CAP_FACTOR x the start loss (their real value is in the tooltip)


def sweep_configs(base: Config = SWEEP_BASE, rates=SWEEP_RATES) -> dict[str, Config]:
    """{name: config}, one per rate, in increasing order; names like "lr=0.002"."""
    return {f"lr={lr:g}": base.replace(lr=float(lr)) for lr in rates}


def band_of(lr: float, final: float, diverged: bool, start: float, best: float, best_lr: float) -> str:
    """The band of one rate of a sweep (see the constants above for the definitions)."""
    if diverged or not math.isfinite(final):
        return "diverged"
    reach = start - best
    progress = (start - final) / reach if reach > 0 else 0.0
    if progress >= GOOD_PROGRESS:
        return "good"
    return "too_low" if lr < best_lr else "too_high"


def sweep_frame(runs: dict) -> pd.DataFrame:
    """One row per rate from ``{lr: run}`` (anything with ``.history`` and ``.diverged``).

    Columns: lr, start (untrained loss), final (last recorded training loss),
    epochs (epochs trained; fewer when stopped), diverged, progress, band,
    shown (the loss to draw: ``final``, or for a diverged run the cap
    CAP_FACTOR x start) and final_text (the final loss as text, "NaN"/"inf"
    where it is not a number).
    """
    rows = []
    for lr, run in sorted(runs.items()):
        h = run.history
        final = float(h["train_loss"].iloc[-1])
        rows.append({"lr": float(lr), "start": float(h["train_loss"].iloc[0]), "final": final,
                     "epochs": int(h["epoch"].iloc[-1]), "diverged": bool(run.diverged) or not math.isfinite(final)})
    df = pd.DataFrame(rows, columns=["lr", "start", "final", "epochs", "diverged"])
    if df.empty:
        return df.assign(progress=[], band=[], shown=[], final_text=[])
    ok = df[~df["diverged"]]
    start = float(df["start"].max())
    if ok.empty:
        best, best_lr = math.nan, math.inf
    else:
        i = ok["final"].idxmin()
        best, best_lr = float(ok.loc[i, "final"]), float(ok.loc[i, "lr"])
    reach = start - best if math.isfinite(best) else math.nan
    df["progress"] = [((start - f) / reach) if (not d and reach > 0) else math.nan
                      for f, d in zip(df["final"], df["diverged"])]
    df["band"] = [band_of(lr, f, d, start, best, best_lr) for lr, f, d in zip(df["lr"], df["final"], df["diverged"])]
    cap = CAP_FACTOR * start
    df["shown"] = [cap if d else f for f, d in zip(df["final"], df["diverged"])]
    df["final_text"] = [f"{f:.4g}" for f in df["final"]]
    return df


def sweep_summary(frame: pd.DataFrame) -> dict:
    """How many rates fell in each band (low, good, high, diverged) and the good band's ends (lo, hi; NaN if none)."""
    counts = frame["band"].value_counts() if len(frame) else pd.Series(dtype=int)
    good = frame.loc[frame["band"] == "good", "lr"] if len(frame) else pd.Series(dtype=float)
    return {"low": int(counts.get("too_low", 0)), "good": int(counts.get("good", 0)),
            "high": int(counts.get("too_high", 0)), "diverged": int(counts.get("diverged", 0)),
            "lo": float(good.min()) if len(good) else math.nan, "hi": float(good.max()) if len(good) else math.nan}


def run_sweep(base: Config = SWEEP_BASE, rates=SWEEP_RATES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Train the sweep (one network per rate) and return its :func:`sweep_frame` and :func:`sweep_curves`."""
    runs = {float(c.lr): train(c) for c in sweep_configs(base, rates).values()}
    frame = sweep_frame(runs)
    return frame, sweep_curves(runs, dict(zip(frame["lr"], frame["band"])), cap=CAP_FACTOR * float(frame["start"].max()))


def sweep_curves(runs: dict, bands: dict[float, str], cap: float) -> pd.DataFrame:
    """Every sweep run's training loss per epoch (lr, epoch, loss, band), losses above ``cap`` drawn at ``cap``."""
    parts = []
    for lr, run in sorted(runs.items()):
        h = run.history
        loss = pd.to_numeric(h["train_loss"], errors="coerce").to_numpy(dtype=float)
        loss = np.where(np.isfinite(loss), np.minimum(loss, cap), cap)
        parts.append(pd.DataFrame({"lr": float(lr), "epoch": h["epoch"].to_numpy(), "loss": loss,
                                   "band": bands[lr]}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["lr", "epoch", "loss", "band"])


def _band_scales() -> tuple[alt.Scale, alt.Scale, list[str]]:
    labels = [t(f"learning_rates.band.{b}") for b in BANDS]
    return (alt.Scale(domain=labels, range=[BAND_COLORS[b] for b in BANDS]),
            alt.Scale(domain=labels, range=[BAND_SHAPES[b] for b in BANDS]), labels)


def _with_band_label(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(band_label=df["band"].map(lambda b: t(f"learning_rates.band.{b}")))


def sweep_chart(frame: pd.DataFrame, style: Style = NORMAL, title: str | None = None) -> alt.LayerChart:
    """Final training loss against learning rate (both log), one point per rate, coloured and shaped by band.

    Diverged rates are drawn at the top of the chart (CAP_FACTOR x the start
    loss) as triangles; their real last loss is in the tooltip.
    """
    colors, shapes, labels = _band_scales()
    df = _finite(_with_band_label(frame), ["shown", "lr"], positive=True)
    lo_y = float(df["shown"].min()) / 1.5 if len(df) else 1e-3
    hi_y = float(df["shown"].max()) * 1.5 if len(df) else 10.0
    x = alt.X("lr:Q", title=t("ax.lr"), scale=alt.Scale(type="log", domain=[SWEEP_RATES[0] / 1.5,
                                                                             SWEEP_RATES[-1] * 1.5]),
              axis=alt.Axis(format="~g"))
    y = alt.Y("shown:Q", title=t("ax.final_loss"), scale=alt.Scale(type="log", domain=[lo_y, hi_y]))
    line = alt.Chart(df).mark_line(color="#999999", strokeWidth=1.5).encode(x=x, y=y)
    dots = alt.Chart(df).mark_point(filled=True, size=style.point * 5, opacity=1).encode(
        x=x, y=y,
        color=alt.Color("band_label:N", title=t("learning_rates.ax.band"), scale=colors, sort=labels),
        shape=alt.Shape("band_label:N", title=t("learning_rates.ax.band"), scale=shapes, sort=labels),
        tooltip=[alt.Tooltip("lr:Q", title=t("ax.lr_linear"), format="g"),
                 alt.Tooltip("band_label:N", title=t("learning_rates.ax.band")),
                 alt.Tooltip("final_text:N", title=t("learning_rates.ax.final")),
                 alt.Tooltip("progress:Q", title=t("learning_rates.ax.progress"), format=".0%"),
                 alt.Tooltip("epochs:Q", title=t("learning_rates.ax.epochs_run"))])
    chart = alt.layer(line, dots, title=title or alt.Undefined).properties(height=style.height + 40)
    return style.finish(chart)


def sweep_curves_chart(curves: pd.DataFrame, style: Style = NORMAL, title: str | None = None) -> alt.Chart:
    """Every sweep run's training loss per epoch (log scale), coloured by its band."""
    colors, _, labels = _band_scales()
    df = _finite(_with_band_label(curves), ["loss"], positive=True)
    chart = alt.Chart(df, title=title or alt.Undefined).mark_line(strokeWidth=1.5, opacity=0.85).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y("loss:Q", title=t("ax.loss_log"), scale=alt.Scale(type="log")),
        color=alt.Color("band_label:N", title=t("learning_rates.ax.band"), scale=colors, sort=labels),
        detail="lr:N",
        tooltip=[alt.Tooltip("lr:Q", title=t("ax.lr_linear"), format="g"),
                 alt.Tooltip("band_label:N", title=t("learning_rates.ax.band")),
                 alt.Tooltip("epoch:Q", title=t("ax.epoch")),
                 alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")],
    ).properties(height=style.height + 40)
    return style.finish(chart)
