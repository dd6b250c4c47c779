"""The skeleton every pathology page shares: the problem and its fixes, side by side.

A page picks a scenario from ``nncore.scenarios.SCENARIOS``, applies its own
controls to every variant (same data, same seed), trains them (cached), and
draws one column per variant.  Each column is a stack of *rows* -- loss
curves, the page's symptom chart, the decision boundary -- drawn by small
functions, so every column has the same rows in the same order and a row's
charts share one axis scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd
import streamlit as st

from nncore import Config, Run
from nncore.training import snapshot_epochs

from . import charts, controls, frames, layout, runner
from .i18n import t


@dataclass
class Context:
    """What a row needs besides its run: colours, the shared scales, the epoch shown."""

    page: str
    runs: dict[str, Run]  # the trained variants (refused ones left out)
    colors: dict[str, str]
    labels: dict[str, str]
    style: charts.Style
    epoch: int
    box: tuple | None = None  # shared plotting box of the input plane
    cache: dict = field(default_factory=dict)

    def domain(self, key: str, compute: Callable[[], list]) -> list:
        """A shared axis domain, computed once for the whole row."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


Row = Callable[[object, str, Run, Context], None]  # (column, variant name, run, context) -> draws


def seed_control() -> controls.Number:
    return controls.Number("seed", "ctl.seed", 0, lo=0, hi=999, step=1, fmt="%d", help="ctl.seed_help")


def epoch_control(config: Config) -> controls.Levels:
    epochs = tuple(sorted(snapshot_epochs(config.epochs, config.snapshots)))
    return controls.Levels("view", "ctl.epoch_view", epochs[-1], values=epochs, fmt="%d", help="ctl.epoch_view_help")


def train(page: str, variants: dict[str, Config], labels: dict[str, str]) -> dict[str, Run | runner.Refused]:
    return runner.train_all(variants, labels)


def columns(ctx: Context, results: dict[str, Run | runner.Refused], rows: list[Row],
            subtitles: dict[str, str] | None = None) -> None:
    """One column per variant; in each, the outcome line, then every row."""
    cols = layout.variant_columns(ctx.labels, ctx.colors, subtitles)
    for name, col in cols.items():
        result = results[name]
        if not layout.summary(col, result):
            continue
        for row in rows:
            row(col, name, result, ctx)


# -- rows --------------------------------------------------------------------------
# Each row builds its chart lazily and names everything the chart depends on in
# its cache key, so a rerun that changes nothing redraws from cached specs.

def _key(kind: str, run: Run, *parts) -> str:
    return "|".join([kind, run.config.to_json(), *map(repr, parts)])


def loss_row(log: bool = False) -> Row:
    def draw(col, name, run, ctx):
        dom = ctx.domain(f"loss{log}", lambda: frames.shared_domain(
            [r.history for r in ctx.runs.values()], ["train_loss", "val_loss"], log=log))
        x_dom = [0, max(r.config.epochs for r in ctx.runs.values())]
        layout.chart(col, lambda: charts.loss_chart(run.history, ctx.colors[name], domain=dom, log=log,
                                                    style=ctx.style, x_domain=x_dom),
                     key=_key("loss", run, log, dom, x_dom, ctx.colors[name]))
    return draw


def layer_row(metric: str, hidden_only: bool = False) -> Row:
    def draw(col, name, run, ctx):
        log = charts.LAYER_METRICS[metric][1]
        layers = [r.layers if not hidden_only else r.layers[r.layers["name"] != "output"] for r in ctx.runs.values()]
        dom = ctx.domain(f"layer:{metric}:{hidden_only}", lambda: (
            [0, 1] if metric in ("dead_frac", "saturated_frac") else frames.shared_domain(layers, metric, log=log)))
        layout.chart(col, lambda: charts.layer_chart(run.layers, metric, domain=dom, style=ctx.style,
                                                     hidden_only=hidden_only),
                     key=_key("layer", run, metric, hidden_only, dom))
    return draw


def boundary_row() -> Row:
    """The decision boundary (2-D classification or regression) or the fitted curve (1-D) at the chosen epoch."""

    def draw(col, name, run, ctx):
        epoch = min(ctx.epoch, int(run.history.epoch.iloc[-1]))
        title = t("ax.epoch") + f" {epoch}"
        if run.data[0].shape[1] == 1:
            dom = ctx.domain("fit", lambda: frames.shared_domain(
                [frames.points(r) for r in ctx.runs.values()], "y"))
            layout.chart(col, lambda: charts.fit_chart(frames.fitted_curve(run, epoch), frames.points(run),
                                                       ctx.colors[name], domain=dom, style=ctx.style, title=title),
                         key=_key("fit", run, epoch, dom, ctx.colors[name]))
            return
        box = ctx.box or frames.bounds(run)
        layout.chart(col, lambda: charts.boundary_chart(runner.boundary_grid(run, epoch, box), frames.points(run),
                                                        style=ctx.style, task=run.config.task, title=title),
                     key=_key("boundary", run, epoch, box))

    return draw


def histogram_row(quantity: str = "pre") -> Row:
    def draw(col, name, run, ctx):
        hist = frames.histograms_at(run, ctx.epoch)
        shown = int(hist.epoch.iloc[0]) if not hist.empty else None
        layout.chart(col, lambda: charts.histogram_chart(
            hist, quantity, style=ctx.style, title=t("ax.epoch") + f" {shown}" if shown is not None else None),
            key=_key("hist", run, quantity, shown))
    return draw


def verdict_row() -> Row:
    """The training doctor's reading of this run, under the charts."""

    def draw(col, name, run, ctx):
        from . import verdicts

        verdicts.show(col, run, current_page=ctx.page)

    return draw


def download_row() -> Row:
    """The run's telemetry as CSV, in the format the doctor reads back (built only when clicked)."""

    def draw(col, name, run, ctx):
        from nncore import doctor

        col.download_button(t("download.csv"), data=lambda: doctor.to_csv(run.history, run.layers),
                            file_name=f"{ctx.page}-{name}.csv", mime="text/csv", key=f"dl.{ctx.page}.{name}",
                            on_click="ignore")
    return draw


def standard_context(page: str, results: dict, labels: dict[str, str], epoch: int) -> Context:
    trained = {k: v for k, v in results.items() if isinstance(v, Run)}
    colors = charts.variant_colors(labels)
    first = next(iter(trained.values()), None)
    box = frames.bounds(first) if first is not None and first.data[0].shape[1] > 1 else None
    return Context(page=page, runs=trained, colors=colors, labels=labels, style=layout.style(), epoch=epoch, box=box)


def lecture_fixes(page: str, fixes: list[str]) -> None:
    """The lecture's fixes for this problem, as a short list under the columns."""
    st.markdown("**" + t("lecture.fixes") + "**\n\n" + "\n".join(f"- {t(k)}" for k in fixes))


def history_table(results: dict, labels: dict[str, str]) -> pd.DataFrame:
    rows = []
    for name, run in results.items():
        if isinstance(run, Run):
            last = run.history.iloc[-1]
            rows.append({t("ax.variant"): labels[name], t("ax.train"): last.train_loss, t("ax.val"): last.val_loss})
    return pd.DataFrame(rows)
