"""The Doctor page's pure half: example logs, reading a file, the training controls, the page's charts.

No Streamlit here: tests call every function directly, and ``pages/doctor.py``
lays out what this module computes.

Three ways in, one way out.  A log uploaded by the learner, an example log,
or a network trained on the page all end as a :class:`Reading` -- telemetry
frames, how the file was read, and the doctor's :class:`~nncore.doctor.Report`
-- and the page draws every Reading the same way.  Files go through
:func:`read`, the same path whatever their origin, so the example logs and
the round trip of our own CSV export (``doctor.to_csv``) test the very code an
upload runs through.

The example logs are real runs of our engine (the pathology pages'
scenarios, and a healthy network), written in the column conventions of the
frameworks the doctor reads -- Keras' CSVLogger, PyTorch Lightning's
CSVLogger, a plain ``epoch,train_loss,val_loss`` file, our own export -- so a
student sees what each format looks like and what the doctor makes of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from nncore import Config, Run, doctor, logs
from nncore.config import ACTIVATION_NAMES, INIT_NAMES, OPTIMIZER_NAMES
from nncore.scenarios import SCENARIOS

from . import charts, controls
from .i18n import t

PAGE = "doctor"

# -- reading a log ---------------------------------------------------------------------------------------------

UPLOAD_MB = logs.MAX_BYTES / 2**20  # the documented cap (nncore.logs.MAX_BYTES)
# The browser refuses bigger files itself, in Streamlit's English; one MB of slack lets files just over the cap
# reach the page, which refuses them in the learner's language.
WIDGET_MB = int(math.ceil(UPLOAD_MB)) + 1


@dataclass(frozen=True)
class Reading:
    """A training log as the doctor saw it: the frames, how the file was read, and the report."""

    history: pd.DataFrame
    layers: pd.DataFrame | None
    format: str  # "nncore", "keras", "lightning", "plain" (from nncore.logs), or "run" (trained on the page)
    columns: dict  # canonical column -> the file's column (empty for a run)
    report: doctor.Report

    @property
    def epochs(self) -> int:
        return len(self.history)


def read(raw: bytes) -> Reading:
    """Parse a CSV log and examine it; raises :class:`nncore.logs.LogError` with a code the page translates."""
    parsed = logs.parse_log(raw)
    report = doctor.examine(parsed.history, parsed.layers, notes=parsed.notes)
    return Reading(parsed.history, parsed.layers, parsed.format, dict(parsed.columns), report)


def from_run(run: Run) -> Reading:
    """A run trained here, examined from its own telemetry (its CSV export reads back the same: tested)."""
    return Reading(run.history, run.layers, "run", {}, doctor.examine(run.history, run.layers))


# -- example logs: our runs, in other frameworks' conventions ---------------------------------------------------

def keras_csv(history: pd.DataFrame) -> str:
    """Keras' CSVLogger: a row after each epoch counted from 0, ``epoch`` then the metric names sorted.

    Keras never logs the untrained network, so our epoch 0 is left out.
    """
    h = history.iloc[1:]
    cols = {"loss": h.train_loss, "val_loss": h.val_loss, "accuracy": h.train_acc, "val_accuracy": h.val_acc}
    names = sorted(c for c in cols if cols[c].notna().any())
    lines = [",".join(["epoch"] + names)]
    for i in range(len(h)):
        lines.append(",".join([str(i)] + [repr(float(cols[c].iloc[i])) for c in names]))
    return "\n".join(lines) + "\n"


LIGHTNING_STEP_SPREAD = (1.15, 1.0, 0.85)  # logged steps of an epoch around its mean (their mean is 1)


def lightning_csv(history: pd.DataFrame, optimizer: str = "Adam") -> str:
    """PyTorch Lightning's ``metrics.csv``: step rows, a validation row and an epoch row per epoch.

    Columns are the sorted metric names, as Lightning writes them, with a
    learning-rate monitor's ``lr-<optimizer>``; a row holds only what was
    logged at that moment and leaves the other cells empty.  Up to three
    training steps are logged per epoch, spread around the epoch's loss
    (their mean is the epoch's loss); a full-batch run has one step.
    """
    h = history.iloc[1:]
    lr_col = f"lr-{optimizer}"
    cols = ["epoch", lr_col, "step", "train_loss_epoch", "train_loss_step", "val_acc", "val_loss"]
    acc = h.val_acc.notna().any()
    if not acc:
        cols.remove("val_acc")
    lines, step = [",".join(cols)], 0
    updates = np.diff(history["step"].to_numpy(dtype=float))
    per_epoch = int(min(len(LIGHTNING_STEP_SPREAD), np.nanmax(updates))) if np.isfinite(updates).any() else 1
    spreads = LIGHTNING_STEP_SPREAD if per_epoch == len(LIGHTNING_STEP_SPREAD) else (1.0,) * per_epoch
    for i, row in enumerate(h.itertuples()):
        for k, spread in enumerate(spreads):
            cells = {"epoch": i, "step": step + k, "train_loss_step": repr(float(row.train_loss) * spread)}
            if k == 0:
                cells[lr_col] = repr(float(row.lr))
            lines.append(",".join(str(cells.get(c, "")) for c in cols))
        step += per_epoch
        val = {"epoch": i, "step": step - 1, "val_loss": repr(float(row.val_loss))}
        if acc:
            val["val_acc"] = repr(float(row.val_acc))
        lines.append(",".join(str(val.get(c, "")) for c in cols))
        lines.append(",".join(str({"epoch": i, "step": step - 1, "train_loss_epoch": repr(float(row.train_loss))}
                                  .get(c, "")) for c in cols))
    return "\n".join(lines) + "\n"


def plain_csv(history: pd.DataFrame) -> str:
    """The simplest log: ``epoch,train_loss,val_loss``."""
    h = history[["epoch", "train_loss", "val_loss"]]
    return "\n".join(["epoch,train_loss,val_loss"] + [f"{int(e)},{float(a)!r},{float(b)!r}" for e, a, b in
                                                      h.itertuples(index=False)]) + "\n"


def ours_csv(run: Run) -> str:
    return doctor.to_csv(run.history, run.layers)


# Lightning's learning-rate monitor names its column after the torch.optim class.
TORCH_OPTIMIZERS = {"sgd": "SGD", "momentum": "SGD", "nesterov": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop",
                    "adam": "Adam"}

# A well-tuned network (bench/doctor_confusion.py's "moons, ReLU, Adam": no alarm on any seed).
HEALTHY = Config(dataset="moons", n_samples=400, hidden=(16, 16), activation="relu", init="he", optimizer="adam",
                 lr=0.01, l2=1e-3, epochs=60, schedule="exponential", decay_rate=0.5, decay_every=20)
# A learning rate just above what the loss's curvature allows: a linear model, full-batch gradient descent.  The
# loss falls for three epochs, creeps back up, then explodes at epoch 43 (the scenarios' diverging network blows
# up in its first step, which leaves a Keras or Lightning log a single row).
DIVERGING = Config(dataset="curve", hidden=(), optimizer="sgd", lr=0.32, batch_size=5000, epochs=150)


@dataclass(frozen=True)
class Example:
    """An example log: a run of our engine, written in one framework's convention."""

    config: Config
    writer: str  # "keras", "lightning", "plain", "nncore"
    file_name: str

    def text(self, run: Run) -> str:
        if self.writer == "keras":
            return keras_csv(run.history)
        if self.writer == "lightning":
            return lightning_csv(run.history, optimizer=TORCH_OPTIMIZERS[run.config.optimizer])
        if self.writer == "plain":
            return plain_csv(run.history)
        return ours_csv(run)


EXAMPLES: dict[str, Example] = {
    "keras_overfit": Example(SCENARIOS["overfit"].problem, "keras", "keras-overfitting.csv"),
    "lightning_diverged": Example(DIVERGING, "lightning", "lightning-metrics.csv"),
    "plain_healthy": Example(HEALTHY, "plain", "healthy.csv"),
    "keras_slow": Example(SCENARIOS["slow_lr"].problem, "keras", "keras-slow.csv"),
    "ours_vanishing": Example(SCENARIOS["vanishing_sigmoid"].problem, "nncore", "clinic-vanishing.csv"),
    "ours_dying": Example(SCENARIOS["dying_bias"].problem, "nncore", "clinic-dying-relu.csv"),
}
PREVIEW_LINES = 8  # of an example file, shown on the page


def preview(text: str, lines: int = PREVIEW_LINES) -> str:
    """The first lines of a log, each cut to a readable width."""
    rows = text.splitlines()
    shown = [r if len(r) <= 160 else r[:157] + "..." for r in rows[:lines]]
    return "\n".join(shown + (["..."] if len(rows) > lines else []))


# -- training on the page --------------------------------------------------------------------------------------

SECONDS = 1.8  # estimated training seconds a rerun may spend: the worst accepted rerun measured ~2.2 CPU s (issue 7: < 3)
DATASETS = ("moons", "circles", "xor", "spiral", "gauss", "blobs", "curve", "plane", "bumps")
WIDTHS = (2, 4, 8, 16, 32, 64)
LEARNING_RATES = (1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCHES = (4, 8, 16, 32, 64, 128, 256, 1024)  # 1024 >= the training points: full-batch gradient descent
L2_LEVELS = (0.0, 1e-4, 1e-3, 0.01, 0.1, 1.0)
N_SAMPLES = 400

MODE = controls.Choice("mode", "doctor.ctl.mode", "example", options=("example", "upload", "train"),
                       option_labels="doctor.mode.", horizontal=True)
EXAMPLE = controls.Choice("ex", "doctor.ctl.example", "keras_overfit", options=tuple(EXAMPLES),
                          option_labels="doctor.ex.")
TRAIN_CONTROLS = [
    controls.Choice("data", "doctor.ctl.data", "moons", options=DATASETS, option_labels="doctor.data."),
    controls.Number("depth", "doctor.ctl.depth", 2, lo=0, hi=10, step=1, fmt="%d", help="doctor.ctl.depth_help"),
    controls.Levels("width", "doctor.ctl.width", 16, values=WIDTHS, fmt="%d"),
    controls.Choice("act", "doctor.ctl.act", "relu", options=ACTIVATION_NAMES, option_labels="doctor.act."),
    controls.Choice("init", "doctor.ctl.init", "he", options=INIT_NAMES, option_labels="doctor.init."),
    controls.Choice("opt", "doctor.ctl.opt", "adam", options=OPTIMIZER_NAMES, option_labels="doctor.opt."),
    controls.Levels("lr", "ctl.lr", 0.01, values=LEARNING_RATES),
    controls.Number("epochs", "ctl.epochs", 60, lo=10, hi=400, step=10, fmt="%d"),
    controls.Levels("batch", "ctl.batch_size", 32, values=BATCHES, fmt="%d", help="doctor.ctl.batch_help"),
    controls.Levels("l2", "doctor.ctl.l2", 0.0, values=L2_LEVELS),
    controls.Number("drop", "doctor.ctl.dropout", 0.0, lo=0.0, hi=0.8, step=0.1, fmt="%.1f"),
    controls.Number("seed", "ctl.seed", 0, lo=0, hi=999, step=1, fmt="%d"),
]


def config_from(v: dict) -> Config:
    """The network the training controls describe (defaults for any value missing)."""
    d = {c.name: c.default for c in TRAIN_CONTROLS} | v
    return Config(dataset=d["data"], n_samples=N_SAMPLES, hidden=(int(d["width"]),) * int(d["depth"]),
                  activation=d["act"], init=d["init"], optimizer=d["opt"], lr=float(d["lr"]),
                  epochs=int(d["epochs"]), batch_size=int(d["batch"]), l2=float(d["l2"]),
                  dropout=float(d["drop"]), seed=int(d["seed"]))


# -- charts ------------------------------------------------------------------------------------------------------

MAX_POINTS = 600  # per series: a 100,000-epoch log is drawn from every k-th epoch (and its last)
LOG_SPAN = 30.0  # losses spanning more than this factor are drawn on a log scale
LAYER_CHARTS = ("grad_norm", "update_ratio", "dead_frac", "saturated_frac", "distinct_units")
HIDDEN_ONLY = {"dead_frac", "saturated_frac", "distinct_units"}  # measured on hidden units only
MARKED = {"diverged": "epoch", "loss_rising": "min_epoch", "overfitting": "min_epoch"}  # finding -> fact to mark


def stride(n: int, max_points: int = MAX_POINTS) -> int:
    return max(1, -(-n // max_points))


def thin_epochs(epochs: np.ndarray, max_points: int = MAX_POINTS) -> np.ndarray:
    """The epochs a chart draws: every k-th one and the last (all of them in a short log)."""
    epochs = np.asarray(epochs)
    if len(epochs) <= max_points:
        return epochs
    keep = epochs[:: stride(len(epochs), max_points)]
    return np.unique(np.append(keep, epochs[-1]))


def thin(history: pd.DataFrame, layers: pd.DataFrame | None, max_points: int = MAX_POINTS):
    """(history, layers) restricted to :func:`thin_epochs` (the frames as they are when short)."""
    if len(history) <= max_points:
        return history, layers
    keep = thin_epochs(history["epoch"].to_numpy(), max_points)
    h = history[history["epoch"].isin(keep)]
    return h, (layers[layers["epoch"].isin(keep)] if layers is not None else None)


def wants_log(history: pd.DataFrame) -> bool:
    """A log scale when the finite losses are all positive and span more than LOG_SPAN (a blow-up, a long fall)."""
    v = history[["train_loss", "val_loss"]].to_numpy(dtype=float).ravel()
    v = v[np.isfinite(v)]
    return bool(v.size and v.min() > 0 and v.max() / v.min() > LOG_SPAN)


def marks(found: list[doctor.Finding], titles: dict[str, str]) -> pd.DataFrame:
    """Epochs the loss chart marks: where a divergence happened, where a rising loss or validation loss turned."""
    rows = []
    for f in found:
        key = MARKED.get(f.code)
        if f.alarm and key and isinstance(f.facts.get(key), (int, np.integer)):
            rows.append({"epoch": int(f.facts[key]), "finding": titles[f.code]})
    return pd.DataFrame(rows, columns=["epoch", "finding"])


def loss_chart(history: pd.DataFrame, marked: pd.DataFrame, style: charts.Style = charts.NORMAL,
               log: bool = False, title: str | None = None) -> alt.LayerChart:
    """Training (solid) and validation (dashed) loss, with a dotted rule at each epoch a finding names."""
    sets = {"train_loss": t("ax.train"), "val_loss": t("ax.val")}
    long = history.melt(id_vars=["epoch"], value_vars=list(sets), var_name="set", value_name="loss")
    long["set"] = long["set"].map(sets)
    long = charts._finite(long, ["loss"], positive=log)
    y_scale = alt.Scale(type="log") if log else alt.Scale(zero=False)
    lines = alt.Chart(long).mark_line(color=charts.OKABE_ITO[1], strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y("loss:Q", title=t("ax.loss_log") if log else t("ax.loss"), scale=y_scale),
        strokeDash=alt.StrokeDash("set:N", title=t("ax.set"), sort=list(sets.values()),
                                  scale=alt.Scale(domain=list(sets.values()), range=[[1, 0], [5, 3]])),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("set:N", title=t("ax.set")),
                 alt.Tooltip("loss:Q", title=t("ax.loss"), format=".4g")])
    layers = [lines]
    if len(marked):
        layers.append(alt.Chart(marked).mark_rule(color=charts.PROBLEM_COLOR, strokeDash=[2, 3], strokeWidth=2)
                      .encode(x="epoch:Q", tooltip=[alt.Tooltip("finding:N", title=t("doctor.chart.finding")),
                                                    alt.Tooltip("epoch:Q", title=t("ax.epoch"))]))
    chart = alt.layer(*layers, title=title or alt.Undefined).properties(height=style.height)
    return style.finish(chart)


def accuracy_chart(history: pd.DataFrame, style: charts.Style = charts.NORMAL,
                   title: str | None = None) -> alt.Chart:
    """Training (solid) and validation (dashed) accuracy, 0 to 100 %."""
    sets = {"train_acc": t("ax.train"), "val_acc": t("ax.val")}
    long = history.melt(id_vars=["epoch"], value_vars=list(sets), var_name="set", value_name="acc")
    long["set"] = long["set"].map(sets)
    long = charts._finite(long, ["acc"])
    chart = alt.Chart(long, title=title or alt.Undefined).mark_line(color=charts.OKABE_ITO[2], strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y("acc:Q", title=t("ax.accuracy"), scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        strokeDash=alt.StrokeDash("set:N", title=t("ax.set"), sort=list(sets.values()),
                                  scale=alt.Scale(domain=list(sets.values()), range=[[1, 0], [5, 3]])),
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("set:N", title=t("ax.set")),
                 alt.Tooltip("acc:Q", title=t("ax.accuracy"), format=".1%")],
    ).properties(height=style.height)
    return style.finish(chart)


def has_accuracy(history: pd.DataFrame) -> bool:
    return bool(np.isfinite(history[["train_acc", "val_acc"]].to_numpy(dtype=float)).any())


def layer_metrics(layers: pd.DataFrame | None) -> list[str]:
    """The per-layer quantities the log has values for, in the order the page draws them."""
    if layers is None or layers.empty:
        return []
    out = []
    for m in LAYER_CHARTS:
        frame = layers[layers["name"] != "output"] if m in HIDDEN_ONLY else layers
        v = frame[m].to_numpy(dtype=float)
        ok = np.isfinite(v) & ((v > 0) if charts.LAYER_METRICS[m][1] else True)
        if ok.any():
            out.append(m)
    return out


NAMED_LAYERS = 5  # up to this many lines get a legend entry each; deeper networks a colour ramp from input to output


def layer_names(layers: pd.DataFrame) -> dict[int, str]:
    """Translated legend names by layer number ("hidden 2" -> "lớp ẩn 2"); the last layer is the output."""
    numbers = sorted(int(k) for k in layers["layer"].unique())
    return {k: t("doctor.layer.output") if k == numbers[-1] else t("doctor.layer.hidden", k=k) for k in numbers}


def layer_chart(layers: pd.DataFrame, metric: str, style: charts.Style = charts.NORMAL) -> alt.Chart:
    """One line per layer of a per-layer quantity against epochs (hidden layers only for the shares and counts).

    Norms and ratios on a log scale; layers coloured from the input (dark) to the output (light), with a legend
    entry per layer for a few layers and a colour ramp for a deep network, whose many entries would not fit.
    """
    title_key, log = charts.LAYER_METRICS[metric]
    names = layer_names(layers)
    df = layers[["epoch", "layer", metric]]
    if metric in HIDDEN_ONLY:
        df = df[df["layer"] < max(names)]
    df = charts._finite(df, [metric], positive=log).assign(name=lambda d: d["layer"].map(names))
    shown = sorted(df["layer"].unique().tolist())
    if len(shown) <= NAMED_LAYERS:
        color = alt.Color("name:N", title=t("ax.layer"), sort=[names[k] for k in shown],
                          scale=alt.Scale(scheme=charts.LAYER_SCHEME))
    else:
        color = alt.Color("layer:Q", scale=alt.Scale(scheme=charts.LAYER_SCHEME),
                          title=t("doctor.chart.layer_ramp", first=names[shown[0]], last=names[shown[-1]]),
                          legend=alt.Legend(labelExpr="''", titleLimit=400))
    y_scale = alt.Scale(type="log") if log else alt.Scale(zero=True)
    if metric in ("dead_frac", "saturated_frac"):
        y_scale = alt.Scale(domain=[0, 1])
    chart = alt.Chart(df, title=t(f"doctor.chart.{metric}")).mark_line(strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=t("ax.epoch")),
        y=alt.Y(f"{metric}:Q", title=t(title_key), scale=y_scale,
                axis=alt.Axis(format="%") if metric in ("dead_frac", "saturated_frac") else alt.Undefined),
        color=color, detail="layer:N",
        tooltip=[alt.Tooltip("epoch:Q", title=t("ax.epoch")), alt.Tooltip("name:N", title=t("ax.layer")),
                 alt.Tooltip(f"{metric}:Q", title=t(title_key), format=".3g")],
    ).properties(height=style.height)
    return style.finish(chart)


# -- the formats, documented from the reader's own tables --------------------------------------------------------

def alias_rows() -> list[tuple[str, str]]:
    """(canonical column, accepted names) for the history columns, from nncore.logs.ALIASES."""
    rows = []
    for canon, names in logs.ALIASES.items():
        extra = ", lr-<optimizer> (lr-Adam, lr-SGD...)" if canon == "lr" else ""  # Lightning's LR monitor
        rows.append((canon, ", ".join(names) + extra))
    return rows


def layer_alias_rows() -> list[tuple[str, str]]:
    return [(q, ", ".join(names)) for q, names in logs.LAYER_ALIASES.items()]


# -- keeping a hidden control's value (and its URL parameter) ----------------------------------------------------

def keep(control: controls.Control, session: dict, query: dict):
    """Keep a control that is not drawn this run in the session and the link, and return its value.

    The page draws only the current mode's controls; the others keep their
    values (a share link in upload mode still carries the training settings,
    and switching back restores them).  A bad URL value still gets its notice.
    """
    key = f"{PAGE}.{control.name}"
    session.setdefault(controls.REGISTRY_KEY, {})[key] = control
    if key in session:
        value = control.coerce(session[key])
    else:
        parsed = control.parse(query.get(control.name))
        value = parsed.value
        if parsed.notice:
            controls.run_state().notices.append(parsed.notice)
    session[key] = value
    controls.remember(control, value)
    return value
