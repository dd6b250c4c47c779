"""Charts for the Part-1 pages (gradient-descent variants, optimizer lab, loss landscape) and the tables they show.

Pure functions, tested without Streamlit: a frame in, a chart (or a table) out.
The rules of :mod:`clinic.charts` hold here too: axis titles on every axis
(translated, with "log scale" where it applies), tooltips with the numbers,
one colour per variant passed in by the page, and no NaN or Inf handed to
Vega-Lite.

Sizes: a contour plot is a band-coloured grid of at most ~50 x 50 cells plus
thinned trajectories, so one chart stays around 3,000 rows and its
``to_dict`` stays in the tens of milliseconds.
"""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from nncore import Run, descent

from .charts import NORMAL, PRESENTER, Style, _finite, fit, spec  # noqa: F401  (fit, spec: used by the pages)
from .i18n import t

# Light greys for the surface under the trajectories: the coloured paths must
# stay readable on every band, so the darkest band is a mid grey.
SURFACE_BANDS = ["#fcfcfc", "#f3f3f3", "#eaeaea", "#e1e1e1", "#d8d8d8", "#cfcfcf", "#c6c6c6", "#bdbdbd",
                 "#b4b4b4", "#ababab"]
PATH_ROWS = 300  # per trajectory: thinner paths draw the same picture, far faster
LOG_FLOOR = 1e-12  # values below are drawn at the floor of a log axis (and shown exactly in the tooltip)
SLICE_SCHEME = "viridis"
NORMAL_PLOT, PRESENTER_PLOT = 190, 280  # plot heights (px) in the normal view and on a projector


def draw(where, chart_spec: dict) -> None:
    """Draw a spec from :func:`spec` in a Streamlit container, as wide as the column."""
    where.vega_lite_chart(spec=chart_spec, width="stretch")


def plot_height(style: Style, scale: float = 1.0) -> int:
    """The height of a chart's plotting area in pixels (legend, axes and title come on top: see :func:`fit`).

    Fixed here rather than taken from ``style.height``, whose meaning (the
    whole chart or its plot) the shared builders may change.
    """
    return int(round((PRESENTER_PLOT if style == PRESENTER else NORMAL_PLOT) * scale))


def _scale_domain(domain):
    return alt.Scale(domain=list(domain), zero=False) if domain is not None else alt.Scale(zero=False)


def _color_scale(colors: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(colors), range=list(colors.values()))


# -- batch, mini-batch, SGD --------------------------------------------------------------------------------
def gd_summary(runs: dict[str, Run], labels: dict[str, str]) -> pd.DataFrame:
    """One row per trained variant: what k did to the updates, the time and the noise.

    Columns: variant, label, k (samples per update), updates (per epoch),
    ms_per_epoch (the run's measured wall time / epochs, data generation and
    telemetry included), roughness (:func:`nncore.descent.roughness` of the
    training loss after each epoch, epoch 0 left out), rises (share of epochs
    whose loss went up), final_loss, final_acc (NaN for regression).
    """
    rows = []
    for name, run in runs.items():
        h = run.history
        n = len(run.data[0])
        epochs = max(int(h.epoch.iloc[-1]), 1)
        k = min(run.config.batch_size, n)
        losses = h.train_loss.to_numpy()[1:]
        rows.append({"variant": name, "label": labels.get(name, name), "k": k, "updates": math.ceil(n / k),
                     "ms_per_epoch": 1000.0 * run.seconds / epochs, "roughness": descent.roughness(losses),
                     "rises": descent.rise_share(losses), "final_loss": float(h.train_loss.iloc[-1]),
                     "final_acc": float(h.train_acc.iloc[-1]) if run.config.task != "regression" else math.nan})
    return pd.DataFrame(rows, columns=["variant", "label", "k", "updates", "ms_per_epoch", "roughness", "rises",
                                       "final_loss", "final_acc"])


def loss_by_updates_chart(histories: dict[str, pd.DataFrame], colors: dict[str, str], style: Style = NORMAL,
                          domain=None, title: str | None = None) -> alt.Chart:
    """Training loss against the number of updates made, on a symlog x axis.

    The variants differ a hundredfold in updates per epoch (batch GD makes 1,
    SGD n), so a linear axis would squeeze batch GD against the left edge;
    symlog keeps the untrained point (0 updates) on the axis.  The curves
    are sampled once per epoch (where the engine measures the loss), so every
    point is the end of an epoch.
    """
    parts = [pd.DataFrame({"step": h["step"], "epoch": h["epoch"], "loss": h["train_loss"], "variant": name})
             for name, h in histories.items()]
    long = _finite(pd.concat(parts, ignore_index=True), ["loss"], positive=True) if parts else pd.DataFrame(
        columns=["step", "epoch", "loss", "variant"])
    y_scale = alt.Scale(type="log", domain=list(domain), clamp=True) if domain is not None else alt.Scale(type="log")
    base = alt.Chart(long, title=title or alt.Undefined).encode(
        x=alt.X("step:Q", title=t("gd_variants.ax.updates"), scale=alt.Scale(type="symlog"),
                axis=alt.Axis(values=_symlog_ticks(long["step"].max() if len(long) else 1))),
        y=alt.Y("loss:Q", title=t("ax.loss_log"), scale=y_scale),
        color=alt.Color("variant:N", title=t("ax.variant"), scale=_color_scale(colors)),
        tooltip=[alt.Tooltip("variant:N", title=t("ax.variant")), alt.Tooltip("epoch:Q", title=t("ax.epoch")),
                 alt.Tooltip("step:Q", title=t("ax.step")), alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")])
    chart = alt.layer(base.mark_line(strokeWidth=2), base.mark_point(size=style.point, filled=True)).properties(
        height=plot_height(style, 1.2))
    return fit(style.finish(chart))


BATCH_LOSS_FLOOR = 1e-4  # the bottom of the batch-loss chart's log axis
STEP_ROWS = 1500  # per variant on the batch-loss chart: every m-th update, never an average (that would smooth)


def batch_loss_chart(steps: dict[str, pd.DataFrame], colors: dict[str, str], style: Style = NORMAL,
                     title: str | None = None) -> alt.Chart:
    """The loss of each update's own batch against the update's number, both axes on log scales.

    ``steps`` maps a variant's label to its ``Run.steps`` frame.  This is the
    noise the lecture means: batch gradient descent sees the same whole set at
    every update and its curve is smooth; SGD judges one sample at a time and
    its curve jumps by orders of magnitude.  Long runs are thinned to every
    m-th update (not averaged, which would hide the noise).  The first variant
    is drawn on top, so the smooth batch curve stays visible over SGD's cloud.
    """
    parts = []
    for name, frame in steps.items():
        f = _finite(frame, ["batch_loss"], positive=True)
        stride = max(1, math.ceil(len(f) / STEP_ROWS))
        parts.append(pd.DataFrame({"step": f["step"].to_numpy()[::stride], "epoch": f["epoch"].to_numpy()[::stride],
                                   "loss": f["batch_loss"].to_numpy()[::stride], "variant": name}))
    long = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["step", "epoch", "loss", "variant"])
    top_step = float(long["step"].max()) if len(long) else 10.0
    top_loss = float(long["loss"].max()) if len(long) else 1.0
    x_scale = alt.Scale(type="log", domain=[1, max(top_step, 2.0)], nice=False)
    # one sample that is already classified well costs ~1e-9: below BATCH_LOSS_FLOOR the points are drawn at the
    # floor (the tooltip keeps the exact value), or SGD's dips would squash everyone else into the top strip
    y_scale = alt.Scale(type="log", domain=[BATCH_LOSS_FLOOR, max(top_loss, 10 * BATCH_LOSS_FLOOR)], clamp=True)
    layers = []
    for name in reversed(list(steps)):
        layers.append(alt.Chart(long[long["variant"] == name]).mark_line(strokeWidth=1.2, opacity=0.85).encode(
            x=alt.X("step:Q", title=t("gd_variants.ax.update_log"), scale=x_scale),
            y=alt.Y("loss:Q", title=t("gd_variants.ax.batch_loss"), scale=y_scale, axis=alt.Axis(format="~g")),
            color=alt.Color("variant:N", title=t("ax.variant"), scale=_color_scale(colors)),
            tooltip=[alt.Tooltip("variant:N", title=t("ax.variant")), alt.Tooltip("step:Q", title=t("ax.step")),
                     alt.Tooltip("epoch:Q", title=t("ax.epoch")),
                     alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")]))
    if not layers:
        layers = [alt.Chart(long).mark_line()]
    chart = alt.layer(*layers, title=title or alt.Undefined).properties(height=plot_height(style, 1.2))
    return fit(style.finish(chart))


def _symlog_ticks(top: float) -> list[int]:
    """0, 1, 3, 10, 30, ... up to ``top``: Vega's own ticks on a symlog axis are too sparse to read."""
    ticks, v = [0], 1
    while v <= max(top, 1):
        ticks.append(v)
        if 3 * v <= top:
            ticks.append(3 * v)
        v *= 10
    return ticks


def bar_chart(summary: pd.DataFrame, column: str, title_key: str, colors: dict[str, str], style: Style = NORMAL,
              fmt: str = ".3g", log: bool = False, title: str | None = None) -> alt.Chart:
    """One bar per variant of a summary column (e.g. roughness, time per epoch), in the variants' colours."""
    df = _finite(summary, [column], positive=log)
    chart = alt.Chart(df, title=title or alt.Undefined).mark_bar().encode(
        y=alt.Y("variant:N", title=None, sort=list(summary["variant"]),
                axis=alt.Axis(labelExpr=_label_expr(summary))),
        x=alt.X(f"{column}:Q", title=t(title_key), scale=alt.Scale(type="log") if log else alt.Undefined),
        color=alt.Color("variant:N", legend=None, scale=_color_scale(colors)),
        tooltip=[alt.Tooltip("label:N", title=t("ax.variant")), alt.Tooltip("k:Q", title="k"),
                 alt.Tooltip(f"{column}:Q", title=t(title_key), format=fmt)],
    ).properties(height=max(90, 34 * len(df)))
    return fit(style.finish(chart))


def _label_expr(summary: pd.DataFrame) -> str:
    """A Vega expression mapping variant codes to their (translated) labels on an axis."""
    mapping = {str(v): str(lab) for v, lab in zip(summary["variant"], summary["label"])}
    parts = " : ".join(f"datum.value === {_js(v)} ? {_js(lab)}" for v, lab in mapping.items())
    return f"{parts} : datum.value" if parts else "datum.value"


def _js(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


# -- the optimizer lab: one parameter ---------------------------------------------------------------------------
def thin(path: pd.DataFrame, upto: int, keep: int = PATH_ROWS, head: int = 120) -> pd.DataFrame:
    """The rows of one trajectory with step <= ``upto``, thinned to about ``keep`` rows.

    The first ``head`` steps are all kept (that is where zig-zags and
    overshoots happen); later ones at an even stride; the last row is always kept.
    """
    p = path[path["step"] <= upto]
    if len(p) <= keep:
        return p
    stride = max(1, math.ceil((len(p) - head) / max(keep - head, 1)))
    idx = np.arange(len(p))
    mask = (idx < head) | ((idx - head) % stride == 0) | (idx == len(p) - 1)
    return p[mask]


def curve_path_chart(grid: pd.DataFrame, path: pd.DataFrame, color: str, upto: int, style: Style = NORMAL,
                     title: str | None = None, domain=None) -> alt.LayerChart:
    """The lecture's one-parameter figure: f(x), and the points an optimizer visits, step by step.

    ``grid`` is ``surfaces.curve_grid`` (x, f), ``path`` a ``trajectory_1d``
    frame; steps after ``upto`` are hidden, and the point at ``upto`` is drawn large.
    """
    p = thin(_finite(path, ["x", "f"]), upto)
    x_scale = alt.Scale(domain=[float(grid.x.min()), float(grid.x.max())], nice=False)
    y_scale = _scale_domain(domain)
    curve = alt.Chart(grid).mark_line(color="#555555", strokeWidth=1.5).encode(
        x=alt.X("x:Q", title=t("optimizers.ax.theta"), scale=x_scale),
        y=alt.Y("f:Q", title=t("optimizers.ax.f"), scale=y_scale))
    visible = p[(p.x >= grid.x.min()) & (p.x <= grid.x.max())]
    tip = [alt.Tooltip("step:Q", title=t("ax.step")), alt.Tooltip("x:Q", title=t("optimizers.ax.theta"), format=".4g"),
           alt.Tooltip("f:Q", title=t("optimizers.ax.f"), format=".4g"),
           alt.Tooltip("grad:Q", title=t("optimizers.ax.grad"), format=".3g")]
    steps = alt.Chart(visible).mark_line(color=color, strokeWidth=1.2, opacity=0.6, point=False).encode(
        x="x:Q", y="f:Q", order="step:Q")
    dots = alt.Chart(visible).mark_circle(color=color, size=style.point * 2).encode(
        x="x:Q", y="f:Q", opacity=alt.Opacity("step:Q", legend=None, scale=alt.Scale(range=[0.35, 1.0])),
        tooltip=tip)
    now = alt.Chart(visible.tail(1)).mark_point(color=color, size=style.point * 12, strokeWidth=3, filled=False).encode(
        x="x:Q", y="f:Q", tooltip=tip)
    chart = alt.layer(curve, steps, dots, now, title=title or alt.Undefined).properties(
        height=plot_height(style, 1.3))
    return fit(style.finish(chart))


# -- the optimizer lab: two parameters ---------------------------------------------------------------------------
def contour_cells(grid: pd.DataFrame) -> pd.DataFrame:
    """A ``surfaces.contour_grid`` frame as rectangles (x, x2, y, y2) around each grid point."""
    xs, ys = np.unique(grid.x), np.unique(grid.y)
    dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
    dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
    return grid.assign(x=grid.x - dx / 2, x2=grid.x + dx / 2, y=grid.y - dy / 2, y2=grid.y + dy / 2)


def contour_chart(grid: pd.DataFrame, race: pd.DataFrame, colors: dict[str, str], upto: int, xlim, ylim,
                  minima=(), style: Style = NORMAL, title: str | None = None) -> alt.LayerChart:
    """Trajectories of several optimizers over the surface's level bands (Ruder's race figure).

    ``grid`` is ``surfaces.contour_grid`` (bands of z_log = log10(1 + z -
    min z), so that valleys spanning decades still show their shape),
    ``race`` a ``descent.race`` frame coloured by its ``optimizer`` column.
    Paths are drawn up to step ``upto``; the point each has reached there is
    drawn large; the start is a black ring and the known minima white stars.
    """
    cells = contour_cells(grid)[["x", "x2", "y", "y2", "z", "z_log"]]
    x_scale = alt.Scale(domain=list(xlim), nice=False)
    y_scale = alt.Scale(domain=list(ylim), nice=False)
    bands = alt.Chart(cells).mark_rect().encode(
        x=alt.X("x:Q", title=t("optimizers.ax.x"), scale=x_scale), x2="x2:Q",
        y=alt.Y("y:Q", title=t("optimizers.ax.y"), scale=y_scale), y2="y2:Q",
        color=alt.Color("z_log:Q", title=t("optimizers.ax.level"),
                        scale=alt.Scale(type="quantize", range=SURFACE_BANDS), legend=None),
        tooltip=[alt.Tooltip("z:Q", title=t("optimizers.ax.f"), format=".4g")])
    race = race[["optimizer", "label", "step", "x", "y", "f"]]
    parts = [thin(g, upto) for _, g in race.groupby("label", sort=False)]
    paths = pd.concat(parts, ignore_index=True) if parts else race.iloc[:0]
    inside = (paths.x >= xlim[0]) & (paths.x <= xlim[1]) & (paths.y >= ylim[0]) & (paths.y <= ylim[1])
    paths = paths.assign(inside=inside)
    tip = [alt.Tooltip("label:N", title=t("optimizers.ax.optimizer")), alt.Tooltip("step:Q", title=t("ax.step")),
           alt.Tooltip("x:Q", format=".4g"), alt.Tooltip("y:Q", format=".4g"),
           alt.Tooltip("f:Q", title=t("optimizers.ax.f"), format=".4g")]
    color = alt.Color("optimizer:N", title=t("optimizers.ax.optimizer"), scale=_color_scale(colors),
                      legend=_optimizer_legend(colors))
    lines = alt.Chart(paths).mark_line(strokeWidth=2, clip=True).encode(
        x="x:Q", y="y:Q", order="step:Q", color=color, detail="label:N")
    heads = paths.groupby("label", sort=False).tail(1)
    heads = heads[heads.inside]
    now = alt.Chart(heads).mark_point(size=style.point * 9, filled=True, stroke="black", strokeWidth=1).encode(
        x="x:Q", y="y:Q", color=alt.Color("optimizer:N", scale=_color_scale(colors), legend=None), tooltip=tip)
    dots = alt.Chart(paths[paths.inside]).mark_circle(size=max(6, style.point // 2)).encode(
        x="x:Q", y="y:Q", color=alt.Color("optimizer:N", scale=_color_scale(colors), legend=None), tooltip=tip)
    layers = [bands, lines, dots, now]
    start = race[race.step == 0].head(1)
    if len(start):
        layers.append(alt.Chart(start).mark_point(shape="circle", size=style.point * 10, color="black",
                                                  strokeWidth=2).encode(x="x:Q", y="y:Q"))
    if len(minima):
        mins = pd.DataFrame(list(minima), columns=["x", "y"])
        layers.append(alt.Chart(mins).mark_point(shape="diamond", size=style.point * 8, filled=True, color="white",
                                                 stroke="black", strokeWidth=1.5).encode(
            x="x:Q", y="y:Q", tooltip=[alt.Tooltip("x:Q", format=".3f"), alt.Tooltip("y:Q", format=".3f")]))
    chart = alt.layer(*layers, title=title or alt.Undefined).properties(height=plot_height(style, 2.0))
    return fit(style.finish(chart.resolve_scale(color="independent")))


def _optimizer_legend(colors: dict[str, str], columns: int = 3) -> alt.Legend:
    """A legend of optimizers in their translated names, in rows of ``columns`` (six in one row do not fit)."""
    return alt.Legend(labelExpr=_optimizer_label_expr(colors), columns=min(columns, max(len(colors), 1)))


def _optimizer_label_expr(colors: dict[str, str]) -> str:
    parts = " : ".join(f"datum.value === {_js(code)} ? {_js(t('optimizers.opt.' + code))}" for code in colors)
    return f"{parts} : datum.value" if parts else "datum.value"


def race_value_chart(race: pd.DataFrame, colors: dict[str, str], upto: int, f_star: float | None,
                     style: Style = NORMAL, title: str | None = None) -> alt.LayerChart:
    """f along each path against the step: f - f* on a log scale when the minimum value f* is known, else f.

    A vertical rule marks the scrubbed step.
    """
    df = race[["optimizer", "label", "step", "f"]].copy()
    if f_star is not None:
        df["gap"] = df["f"] - f_star
        df = _finite(df, ["gap"])
        df["y"] = df["gap"].clip(lower=LOG_FLOOR)
        y = alt.Y("y:Q", title=t("optimizers.ax.gap_log"), scale=alt.Scale(type="log"))
    else:
        df = _finite(df, ["f"])
        df["y"] = df["f"]
        y = alt.Y("y:Q", title=t("optimizers.ax.f"))
    df = pd.concat([thin(g, int(df.step.max()) if len(df) else 0) for _, g in df.groupby("label", sort=False)]
                   or [df], ignore_index=True)
    lines = alt.Chart(df).mark_line(strokeWidth=2).encode(
        x=alt.X("step:Q", title=t("ax.step")), y=y,
        color=alt.Color("optimizer:N", title=t("optimizers.ax.optimizer"), scale=_color_scale(colors),
                        legend=None),  # the contour plot beside it carries the legend
        detail="label:N",
        tooltip=[alt.Tooltip("label:N", title=t("optimizers.ax.optimizer")), alt.Tooltip("step:Q", title=t("ax.step")),
                 alt.Tooltip("f:Q", title=t("optimizers.ax.f"), format=".4g")])
    rule = alt.Chart(pd.DataFrame({"step": [upto]})).mark_rule(color="black", strokeDash=[4, 3]).encode(x="step:Q")
    chart = alt.layer(lines, rule, title=title or alt.Undefined).properties(height=plot_height(style, 1.2))
    return fit(style.finish(chart))


# -- momentum as a moving average; adaptive rates ------------------------------------------------------------------
def momentum_weights_chart(weights: pd.DataFrame, window: float, color: str, style: Style = NORMAL,
                           title: str | None = None) -> alt.LayerChart:
    """The weight mu^k the velocity gives the gradient of k steps ago: bars, the window's in colour.

    ``weights`` is ``descent.momentum_weights``; a dashed rule marks the
    effective window 1 / (1 - mu).
    """
    inside, outside = t("optimizers.ax.in_window"), t("optimizers.ax.out_window")
    df = weights.assign(where=np.where(weights.in_window, inside, outside))
    bars = alt.Chart(df).mark_bar().encode(
        x=alt.X("k:Q", title=t("optimizers.ax.steps_ago"),
                scale=alt.Scale(domain=[-0.5, float(weights.k.max()) + 0.5], nice=False)),
        y=alt.Y("weight:Q", title=t("optimizers.ax.weight_mu"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("where:N", title=None, scale=alt.Scale(domain=[inside, outside], range=[color, "#BBBBBB"])),
        tooltip=[alt.Tooltip("k:Q", title=t("optimizers.ax.steps_ago")),
                 alt.Tooltip("weight:Q", title=t("optimizers.ax.weight_mu"), format=".3f"),
                 alt.Tooltip("share:Q", title=t("optimizers.ax.share"), format=".1%"),
                 alt.Tooltip("cumulative:Q", title=t("optimizers.ax.cumulative"), format=".1%")])
    rule = alt.Chart(pd.DataFrame({"k": [window]})).mark_rule(color="black", strokeDash=[4, 3], strokeWidth=1.5).encode(
        x="k:Q", tooltip=[alt.Tooltip("k:Q", title=t("optimizers.ax.window"), format=".3g")])
    chart = alt.layer(bars, rule, title=title or alt.Undefined).properties(height=plot_height(style))
    return fit(style.finish(chart))


def velocity_chart(frame: pd.DataFrame, color: str, raw: bool = False, style: Style = NORMAL,
                   title: str | None = None) -> alt.Chart:
    """A noisy gradient sequence, its clean signal, and the momentum velocity riding on it.

    ``frame`` is ``descent.velocity_on_noisy_gradients``.  By default the
    velocity is drawn as (1 - mu) v, a moving average in the gradient's own
    units; ``raw`` draws v itself, about 1 / (1 - mu) times larger on a steady slope.
    """
    names = {"gradient": t("optimizers.ax.gradient_seen"), "signal": t("optimizers.ax.signal"),
             "velocity" if raw else "average": t("optimizers.ax.velocity_raw") if raw else t("optimizers.ax.velocity")}
    long = frame.melt(id_vars=["step"], value_vars=list(names), var_name="series", value_name="value")
    long["series"] = long["series"].map(names)
    long = _finite(long, ["value"])
    order = list(names.values())
    chart = alt.Chart(long, title=title or alt.Undefined).mark_line().encode(
        x=alt.X("step:Q", title=t("ax.step")),
        y=alt.Y("value:Q", title=t("optimizers.ax.gradient")),
        color=alt.Color("series:N", title=None, sort=order, scale=alt.Scale(domain=order,
                                                                            range=["#BBBBBB", "#000000", color])),
        strokeDash=alt.StrokeDash("series:N", title=None, sort=order,
                                  scale=alt.Scale(domain=order, range=[[1, 0], [5, 3], [1, 0]])),
        strokeWidth=alt.StrokeWidth("series:N", title=None, sort=order,
                                    scale=alt.Scale(domain=order, range=[1, 1.5, 2.5])),
        tooltip=[alt.Tooltip("series:N", title=t("ax.variant")), alt.Tooltip("step:Q", title=t("ax.step")),
                 alt.Tooltip("value:Q", title=t("ax.value"), format=".3f")],
    ).properties(height=plot_height(style, 1.1))
    return fit(style.finish(chart))


def adaptive_rate_chart(frame: pd.DataFrame, colors: dict[str, str], style: Style = NORMAL,
                        title: str | None = None) -> alt.Chart:
    """Effective learning rate lr / sqrt(G + eps) against the step, AdaGrad beside RMSprop (log scale)."""
    df = _finite(frame, ["rate"], positive=True)
    chart = alt.Chart(df, title=title or alt.Undefined).mark_line(strokeWidth=2).encode(
        x=alt.X("step:Q", title=t("ax.step")),
        y=alt.Y("rate:Q", title=t("optimizers.ax.effective_rate"), scale=alt.Scale(type="log")),
        color=alt.Color("optimizer:N", title=t("optimizers.ax.optimizer"), scale=_color_scale(colors),
                        legend=_optimizer_legend(colors)),
        tooltip=[alt.Tooltip("optimizer:N", title=t("optimizers.ax.optimizer")),
                 alt.Tooltip("step:Q", title=t("ax.step")),
                 alt.Tooltip("G:Q", title="G", format=".4g"),
                 alt.Tooltip("rate:Q", title=t("optimizers.ax.effective_rate"), format=".4g")],
    ).properties(height=plot_height(style, 1.1))
    return fit(style.finish(chart))


# -- the optimizer race on a network ---------------------------------------------------------------------------
def race_table(runs: dict[tuple[str, str], Run], schedules=("constant", "decay")) -> pd.DataFrame:
    """The final numbers of a network race, one row per optimizer, one column per (number, schedule).

    ``runs`` maps (optimizer, schedule) to a run, ``schedules`` the two
    schedule codes compared.  Columns: optimizer, lr (the starting rate),
    then for each schedule s: loss_s (final training loss), acc_s (final
    validation accuracy), rises_s (share of epochs whose training loss went
    up) and diverged_s.  Optimizers with a run missing (refused) are left out.
    """
    rows = []
    for opt in dict.fromkeys(o for o, _ in runs):
        if not all((opt, s) in runs for s in schedules):
            continue
        row = {"optimizer": opt, "lr": runs[(opt, schedules[0])].config.lr}
        for s in schedules:
            run = runs[(opt, s)]
            last = run.history.iloc[-1]
            row[f"loss_{s}"] = float(last.train_loss)
            row[f"acc_{s}"] = float(last.val_acc)
            row[f"rises_{s}"] = descent.rise_share(run.history.train_loss.to_numpy()[1:])
            row[f"diverged_{s}"] = bool(run.diverged)
        rows.append(row)
    columns = ["optimizer", "lr"] + [f"{k}_{s}" for k in ("loss", "acc", "rises", "diverged") for s in schedules]
    return pd.DataFrame(rows, columns=columns)


def race_loss_chart(histories: dict[str, pd.DataFrame], colors: dict[str, str], domain=None, style: Style = NORMAL,
                    title: str | None = None) -> alt.Chart:
    """Training loss against epochs of several optimizers on one chart (log scale), keyed by optimizer code."""
    parts = [pd.DataFrame({"epoch": h["epoch"], "loss": h["train_loss"], "lr": h["lr"], "optimizer": name})
             for name, h in histories.items()]
    long = _finite(pd.concat(parts, ignore_index=True), ["loss"], positive=True) if parts else pd.DataFrame(
        columns=["epoch", "loss", "lr", "optimizer"])
    y_scale = alt.Scale(type="log", domain=list(domain), clamp=True) if domain is not None else alt.Scale(type="log")
    chart = alt.Chart(long, title=title or alt.Undefined).mark_line(strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y("loss:Q", title=t("ax.loss_log"), scale=y_scale),
        color=alt.Color("optimizer:N", title=t("optimizers.ax.optimizer"), scale=_color_scale(colors),
                        legend=_optimizer_legend(colors, columns=2)),
        tooltip=[alt.Tooltip("optimizer:N", title=t("optimizers.ax.optimizer")),
                 alt.Tooltip("epoch:Q", title=t("ax.epoch")),
                 alt.Tooltip("lr:Q", title=t("ax.lr_linear"), format=".3g"),
                 alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")],
    ).properties(height=plot_height(style, 1.15))
    return fit(style.finish(chart))


# -- the loss landscape ----------------------------------------------------------------------------------------------
def sweep_chart(sweep: pd.DataFrame, color: str, x_title: str, style: Style = NORMAL, title: str | None = None,
                domain=None) -> alt.LayerChart:
    """Loss against one weight's value (``landscape.sweep_1d``), the trained value marked by a rule and a point."""
    df = _finite(sweep, ["value", "loss"])
    y = alt.Y("loss:Q", title=t("ax.loss"), scale=_scale_domain(domain))
    tip = [alt.Tooltip("value:Q", title=x_title, format=".4g"), alt.Tooltip("loss:Q", title=t("ax.loss"), format=".5g")]
    line = alt.Chart(df).mark_line(color=color, strokeWidth=2.5).encode(
        x=alt.X("value:Q", title=x_title, scale=alt.Scale(nice=False)), y=y, tooltip=tip)
    trained = df[df.trained]
    rule = alt.Chart(trained).mark_rule(color="black", strokeDash=[4, 3]).encode(x="value:Q")
    dot = alt.Chart(trained.assign(what=t("landscape.ax.trained"))).mark_point(
        size=style.point * 8, filled=True, color="black").encode(
        x="value:Q", y="loss:Q", tooltip=[alt.Tooltip("what:N", title=" ")] + tip)
    chart = alt.layer(line, rule, dot, title=title or alt.Undefined).properties(height=plot_height(style, 1.25))
    return fit(style.finish(chart))


def slice_chart(frame: pd.DataFrame, a_title: str, b_title: str, style: Style = NORMAL, title: str | None = None,
                log: bool = True) -> alt.LayerChart:
    """A 2-D slice of the loss (``sweep_2d`` / ``random_directions_2d``) as a heatmap, the trained point marked.

    Colour is the loss on a log scale by default (the walls of a slice rise
    by orders of magnitude above the valley the network sits in).
    """
    df = _finite(_finite(frame, ["a", "b"]), ["loss"], positive=log)
    a, b = np.unique(frame.a), np.unique(frame.b)
    da = (a[-1] - a[0]) / max(len(a) - 1, 1)
    db = (b[-1] - b[0]) / max(len(b) - 1, 1)
    cells = df.assign(a0=df.a - da / 2, a1=df.a + da / 2, b0=df.b - db / 2, b1=df.b + db / 2)
    x_scale = alt.Scale(domain=[float(a[0] - da / 2), float(a[-1] + da / 2)], nice=False)
    y_scale = alt.Scale(domain=[float(b[0] - db / 2), float(b[-1] + db / 2)], nice=False)
    tip = [alt.Tooltip("a:Q", title=a_title, format=".3g"), alt.Tooltip("b:Q", title=b_title, format=".3g"),
           alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")]
    heat = alt.Chart(cells).mark_rect().encode(
        x=alt.X("a0:Q", title=a_title, scale=x_scale), x2="a1:Q",
        y=alt.Y("b0:Q", title=b_title, scale=y_scale), y2="b1:Q",
        color=alt.Color("loss:Q", title=t("ax.loss_log") if log else t("ax.loss"),
                        scale=alt.Scale(type="log" if log else "linear", scheme=SLICE_SCHEME),
                        legend=alt.Legend(orient="right", direction="vertical", format=".2g",
                                          gradientLength=plot_height(style, 1.4), titleOrient="top")),
        tooltip=tip)
    trained = df[df.trained].assign(what=t("landscape.ax.trained"))
    mark = alt.Chart(trained).mark_point(shape="cross", size=style.point * 10, filled=True, color="#D55E00",
                                         stroke="white", strokeWidth=1).encode(
        x="a:Q", y="b:Q", tooltip=[alt.Tooltip("what:N", title=" ")] + tip)
    chart = alt.layer(heat, mark, title=title or alt.Undefined).properties(height=plot_height(style, 1.8))
    return fit(style.finish(chart))
