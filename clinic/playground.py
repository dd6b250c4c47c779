"""The Playground's pure half: its controls, the config they describe, the network picture, the weights export.

No Streamlit here (tests call every function directly); ``pages/playground.py``
draws what this module computes.

Controls.  Every knob of the page is a :mod:`clinic.controls` spec, so every
one of them is in the URL and a share link rebuilds the same data, network and
run.  Some knobs only matter for some choices (momentum's mu only for the
momentum optimizers, the class count only for the blobs set): :func:`relevant`
says which, and the page hides the others while keeping their values in the
link.

The network picture follows TensorFlow Playground: every node (input feature,
hidden unit, output) is drawn as a small heatmap of its value over the input
plane, and the links between them are coloured by the sign of their weight and
as thick as its magnitude.  All nodes are computed in one forward pass of the
network over a grid of the plane.  The number of heatmap cells is bounded
(:data:`MAX_CELLS`): a big network gets coarser thumbnails, so the chart stays
a few thousand marks whatever the controls say; links beyond
:data:`MAX_LINKS` keep only the strongest of each layer.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from nncore import Config, Run, features
from nncore.config import ACTIVATION_NAMES, FEATURE_NAMES, INIT_NAMES, OPTIMIZER_NAMES, SCHEDULE_NAMES
from nncore.userdata import UserData, config_for

from . import controls

PAGE = "playground"

# -- controls ------------------------------------------------------------------------------------------------
BUILT_IN = ("circles", "xor", "gauss", "spiral", "moons", "blobs", "plane", "bumps", "curve")
DATA_CHOICES = BUILT_IN + ("upload",)
TASKS = {"blobs": "multiclass", "plane": "regression", "bumps": "regression", "curve": "regression"}  # else binary
MAX_LAYERS, MAX_WIDTH = 6, 32
# URL name -> feature name (FEATURE_NAMES' symbols do not belong in a URL)
FEATURE_FLAGS = {"x1": "x1", "x2": "x2", "x1sq": "x1^2", "x2sq": "x2^2", "x1x2": "x1*x2", "sin1": "sin(x1)",
                 "sin2": "sin(x2)"}
ONE_D_FEATURES = ("x1", "x1^2", "sin(x1)")  # what a 1-D data set (curve, an "x, y" file) can compute
HEADS = ("auto", "sigmoid_mse")  # output unit + loss: the natural pair, or a sigmoid with squared error
LEARNING_RATES = (1e-5, 1e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)  # TensorFlow Playground's
L2_LEVELS = (0.0, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCHES = (1, 2, 4, 8, 10, 16, 32, 64, 128, 256, 512, 1024, 5000)  # >= training points: full batch

DATA_CONTROLS = [
    controls.Choice("data", "playground.ctl.data", "circles", options=DATA_CHOICES,
                    option_labels="playground.data.", help="playground.ctl.data_help"),
    controls.Number("n", "ctl.n_samples", 300, lo=50, hi=1000, step=50, fmt="%d"),
    controls.Number("noise", "ctl.noise", 0.1, lo=0.0, hi=1.0, step=0.05, fmt="%.2f",
                    help="playground.ctl.noise_help"),
    controls.Number("classes", "playground.ctl.classes", 3, lo=2, hi=6, step=1, fmt="%d"),
    controls.Number("train", "playground.ctl.train", 70, lo=10, hi=90, step=10, fmt="%d%%",
                    help="playground.ctl.train_help"),
    controls.Flag("scale", "playground.ctl.scale", True, help="playground.ctl.scale_help"),
    controls.Number("seed", "ctl.seed", 0, lo=0, hi=999, step=1, fmt="%d", help="playground.ctl.seed_help"),
]
FEATURE_CONTROLS = [controls.Flag(name, f"playground.feat.{name}", name in ("x1", "x2")) for name in FEATURE_FLAGS]
NETWORK_CONTROLS = [
    controls.Number("layers", "playground.ctl.layers", 2, lo=0, hi=MAX_LAYERS, step=1, fmt="%d"),
    *[controls.Number(f"w{k}", f"playground.ctl.w{k}", 8, lo=1, hi=MAX_WIDTH, step=1, fmt="%d")
      for k in range(1, MAX_LAYERS + 1)],
    controls.Choice("act", "playground.ctl.act", "tanh", options=ACTIVATION_NAMES, option_labels="playground.act."),
    controls.Levels("slope", "playground.ctl.slope", 0.01, values=(0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5)),
    controls.Choice("head", "playground.ctl.head", "auto", options=HEADS, option_labels="playground.head.",
                    help="playground.ctl.head_help"),
]
INIT_CONTROLS = [
    controls.Choice("init", "playground.ctl.init", "xavier", options=INIT_NAMES, option_labels="playground.init.",
                    help="playground.ctl.init_help"),
    controls.Levels("iscale", "playground.ctl.iscale", 0.1, values=(0.001, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)),
    controls.Number("bias", "playground.ctl.bias", 0.0, lo=-2.0, hi=2.0, step=0.1, fmt="%.1f"),
    controls.Levels("l2", "playground.ctl.l2", 0.0, values=L2_LEVELS, help="playground.ctl.l2_help"),
    controls.Number("drop", "playground.ctl.drop", 0.0, lo=0.0, hi=0.8, step=0.05, fmt="%.2f",
                    help="playground.ctl.drop_help"),
]
TRAINING_CONTROLS = [
    controls.Choice("opt", "playground.ctl.opt", "adam", options=OPTIMIZER_NAMES, option_labels="playground.opt."),
    controls.Levels("lr", "ctl.lr", 0.01, values=LEARNING_RATES),
    controls.Levels("mu", "playground.ctl.mu", 0.9, values=(0.0, 0.5, 0.8, 0.9, 0.95, 0.99)),
    controls.Levels("rho", "playground.ctl.rho", 0.9, values=(0.5, 0.8, 0.9, 0.95, 0.99, 0.999)),
    controls.Levels("b1", "playground.ctl.b1", 0.9, values=(0.0, 0.5, 0.8, 0.9, 0.95, 0.99)),
    controls.Levels("b2", "playground.ctl.b2", 0.999, values=(0.9, 0.99, 0.999, 0.9999)),
    controls.Levels("batch", "ctl.batch_size", 32, values=BATCHES, fmt="%d", help="playground.ctl.batch_help"),
    controls.Number("epochs", "ctl.epochs", 300, lo=10, hi=1000, step=10, fmt="%d"),
    controls.Choice("sched", "playground.ctl.sched", "constant", options=SCHEDULE_NAMES,
                    option_labels="playground.sched.", help="playground.ctl.sched_help"),
    controls.Levels("decay", "playground.ctl.decay", 0.5, values=(0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99)),
    controls.Levels("every", "playground.ctl.every", 50, values=(1, 2, 5, 10, 20, 50, 100, 200, 500), fmt="%d"),
    controls.Levels("patience", "playground.ctl.patience", 0, values=(0, 5, 10, 20, 50, 100, 200), fmt="%d",
                    help="playground.ctl.patience_help"),
]
# How the output is drawn (TensorFlow Playground's two checkboxes); they change the picture, never the run.
VIEW_CONTROLS = [
    controls.Flag("test", "playground.ctl.show_test", True, help="playground.ctl.show_test_help"),
    controls.Flag("discrete", "playground.ctl.discrete", False, help="playground.ctl.discrete_help"),
]
GROUPS = {"data": DATA_CONTROLS, "features": FEATURE_CONTROLS, "network": NETWORK_CONTROLS, "init": INIT_CONTROLS,
          "training": TRAINING_CONTROLS}
ALL_CONTROLS = [c for group in GROUPS.values() for c in group]
DEFAULTS = {c.name: c.default for c in ALL_CONTROLS}
SNAPSHOTS = 20  # epochs one can scrub to (besides epoch 0)
# Estimated training seconds (nncore.estimate_seconds) a run may take, below the runner's 3 s: the estimate is
# only ~1x (not 1.5x) pessimistic for wide full-batch networks, and this page also draws ~5,000 heatmap cells and
# runs the doctor.  With 1.8 the worst accepted rerun measured ~2.3 CPU s in all (bench/cost.py, README).
SECONDS = 1.8


def task_of(data: str, upload: UserData | None = None) -> str | None:
    """"binary", "multiclass" or "regression"; None for an upload not made yet."""
    if data == "upload":
        return upload.task if upload is not None else None
    return TASKS.get(data, "binary")


def n_inputs_of(data: str, upload: UserData | None = None) -> int:
    if data == "upload":
        return upload.n_inputs if upload is not None else 2
    return 1 if data == "curve" else 2


def relevant(name: str, v: dict, task: str | None, n_inputs: int) -> bool:
    """Does control ``name`` change the run, given the values ``v`` of the controls drawn before it?

    Irrelevant controls are hidden but keep their value (and their place in
    the link), so switching back restores them.
    """
    data = v.get("data", "circles")
    if name in ("n", "noise"):
        return data != "upload"
    if name == "classes":
        return data == "blobs"
    if name == "scale":
        return data == "upload"
    if name in FEATURE_FLAGS:
        return n_inputs == 2 or FEATURE_FLAGS[name] in ONE_D_FEATURES
    if name[0] == "w" and name[1:].isdigit():
        return int(name[1:]) <= int(v.get("layers", 0))
    if name == "discrete":
        return task != "regression"
    if name == "slope":
        return v.get("act") == "leaky_relu"
    if name == "head":
        return task in ("binary", "regression")
    if name == "iscale":
        return v.get("init") in ("constant", "normal", "uniform")
    if name == "mu":
        return v.get("opt") in ("momentum", "nesterov")
    if name == "rho":
        return v.get("opt") == "rmsprop"
    if name in ("b1", "b2"):
        return v.get("opt") == "adam"
    if name in ("decay", "every"):
        return v.get("sched", "constant") != "constant"
    return True


def chosen_features(v: dict, n_inputs: int) -> tuple[str, ...]:
    """The input features switched on (in the engine's order), of those the data's dimension allows."""
    on = {FEATURE_FLAGS[name] for name in FEATURE_FLAGS if v.get(name, DEFAULTS[name])}
    allowed = FEATURE_NAMES if n_inputs == 2 else ONE_D_FEATURES
    return tuple(f for f in FEATURE_NAMES if f in on and f in allowed)


def build_config(v: dict, upload: UserData | None = None) -> Config:
    """The config the control values ``v`` describe (with an upload: its task, size and class count).

    Raises ValueError when no input feature is on (the page says so instead of training).
    """
    v = {**DEFAULTS, **v}
    data = v["data"]
    n_in = n_inputs_of(data, upload)
    feats = chosen_features(v, n_in)
    if not feats:
        raise ValueError("no input feature is switched on")
    task = task_of(data, upload)
    output, loss = ("sigmoid", "mse") if v["head"] == "sigmoid_mse" and task in ("binary", "regression") else (
        "auto", "auto")
    cfg = Config(
        dataset=data if data != "upload" else "gauss",
        n_samples=int(v["n"]), noise=float(v["noise"]), val_fraction=round(1 - v["train"] / 100, 2),
        n_classes=int(v["classes"]), features=feats,
        hidden=tuple(int(v[f"w{k}"]) for k in range(1, int(v["layers"]) + 1)),
        activation=v["act"], leaky_slope=float(v["slope"]), output=output, loss=loss,
        init=v["init"], init_scale=float(v["iscale"]), bias_init=float(v["bias"]),
        l2=float(v["l2"]), dropout=float(v["drop"]),
        optimizer=v["opt"], lr=float(v["lr"]), mu=float(v["mu"]), rho=float(v["rho"]), beta1=float(v["b1"]),
        beta2=float(v["b2"]), batch_size=int(v["batch"]), epochs=int(v["epochs"]),
        schedule=v["sched"], decay_rate=float(v["decay"]), decay_every=int(v["every"]),
        early_stopping=int(v["patience"]), seed=int(v["seed"]), snapshots=SNAPSHOTS,
    )
    return config_for(upload, cfg) if data == "upload" and upload is not None else cfg


# -- the network picture ----------------------------------------------------------------------------------------
MAX_CELLS = 5000  # heatmap cells over all thumbnails (Vega draws ~5k rectangles briskly; 49k it does not)
THUMB_RES = (4, 16)  # cells per thumbnail side: at least, at most
MAX_LINKS = 600  # beyond that, lines hide the nodes; the strongest of each layer are kept
ROW_GAP = 1.3  # distance between node centres in a column, in thumbnail sides
PX_PER_UNIT = 36  # preferred thumbnail side in pixels; the plot's height follows, within HEIGHT_PX
HEIGHT_PX = (300, 620)
TITLE_PX = 40  # the two-line column titles at the normal font size
BOUNDED = {"sigmoid": (0.5, 0.5), "tanh": (0.0, 1.0)}  # activation -> (centre, half-range) of its colour scale


def thumbnail_resolution(n_nodes: int, one_d: bool = False, max_cells: int = MAX_CELLS) -> tuple[int, int]:
    """Cells per thumbnail (across, down): as fine as the budget allows, between THUMB_RES's bounds.

    A 1-D data set's node values vary along x only: one row of cells each.
    """
    lo, hi = THUMB_RES
    if one_d:
        return max(lo, min(hi * 2, max_cells // max(n_nodes, 1))), 1
    side = int(math.isqrt(max(max_cells // max(n_nodes, 1), 1)))
    side = max(lo, min(hi, side))
    return side, side


@dataclass(frozen=True)
class Picture:
    """Everything the network chart draws, in layout units (a thumbnail is 1 x 1)."""

    nodes: pd.DataFrame  # n, column, index, kind, label, x, y (lower-left corner), bias, off, sc
    cells: pd.DataFrame  # n, i, j, v (node, cell across, cell down, the node's value there)
    links: pd.DataFrame  # src, dst, w, x, y, x2, y2, width, color
    columns: pd.DataFrame  # column, kind, layer, units, x (centre), y (top)
    res: tuple[int, int]
    height: int  # the chart's plotting height in pixels
    box: tuple[float, float, float, float]  # the input plane (x1_lo, x1_hi, x2_lo, x2_hi)
    x_domain: tuple[float, float]
    y_domain: tuple[float, float]
    links_shown: int
    links_total: int
    epoch: int


def node_values(run: Run, epoch: int | None, box, res: tuple[int, int]) -> tuple[np.ndarray, list[int], np.ndarray]:
    """Every node's value at the centre of every cell of the grid, in one forward pass.

    Returns (V, sizes, biases): V has one row per cell (row-major from the
    bottom-left, ``res[0]`` across) and one column per node (inputs, hidden
    units layer by layer, outputs); sizes are the nodes per column; biases
    one per node (NaN for inputs).
    """
    net = run.network if epoch is None else run.network_at(epoch)
    nx, ny = res
    lo1, hi1, lo2, hi2 = box
    c1 = lo1 + (np.arange(nx) + 0.5) * (hi1 - lo1) / nx
    if run.data[0].shape[1] == 1:
        G = c1.reshape(-1, 1)
    else:
        c2 = lo2 + (np.arange(ny) + 0.5) * (hi2 - lo2) / ny
        g1, g2 = np.meshgrid(c1, c2)
        G = np.column_stack([g1.ravel(), g2.ravel()])
    F = features.transform(G, run.config.features)
    with np.errstate(all="ignore"):
        z, (_, _, Hs, _) = net.forward(net.inputs(F))
        out = net.ol.predict(z)
        V = np.hstack([F, *Hs, out]).astype(float)
    V = np.nan_to_num(V, nan=0.0, posinf=1e6, neginf=-1e6)
    sizes = [F.shape[1], *[h.shape[1] for h in Hs], out.shape[1]]
    biases = np.concatenate([np.full(F.shape[1], np.nan), *[np.asarray(b, dtype=float) for b in net.biases]])
    return V, sizes, biases


def _color_scale(kind: str, values: np.ndarray, activation: str, task: str, targets: np.ndarray) -> tuple:
    """(centre, half-range) mapping a column's values onto the colour scale's [-1, 1]."""
    if kind == "hidden" and activation in BOUNDED:
        return BOUNDED[activation]
    if kind == "output" and task != "regression":
        return 0.5, 0.5  # probabilities: 0.5 (undecided) is the neutral colour
    if kind == "output":
        span = float(np.max(np.abs(targets))) if targets.size else 1.0
        return 0.0, max(span, 1e-9)
    return 0.0, max(float(np.max(np.abs(values))) if values.size else 1.0, 1e-9)


def network_picture(run: Run, epoch: int | None, box, width: int = 760, max_cells: int = MAX_CELLS,
                    max_links: int = MAX_LINKS, zoom: float = 1.0) -> Picture:
    """The frames of the network chart for ``run`` at ``epoch`` over the input plane ``box``.

    ``width`` is the chart's expected width in pixels (it stretches to its
    column): the layers are spread so that thumbnails come out about square
    at that width, and never closer than 2.4 thumbnails apart.  ``zoom``
    scales the pixel sizes (thumbnails, height, titles) for a projector.
    """
    cfg = run.config
    one_d = run.data[0].shape[1] == 1
    net = run.network
    n_nodes = sum(net.sizes)
    res = thumbnail_resolution(n_nodes, one_d, max_cells)
    V, sizes, biases = node_values(run, epoch, box, res)

    # Layout: one column per layer, nodes centred vertically, the first node at the top.
    n_cols = len(sizes)
    tallest = max(sizes)
    height = (tallest - 1) * ROW_GAP + 1
    y_bottom = -height / 2 - 0.3
    height_px = int(min(max(zoom * PX_PER_UNIT * (height + 1.6), zoom * HEIGHT_PX[0]), zoom * HEIGHT_PX[1]))
    # Room for the two-line column titles, however small the thumbnails get.
    y_top = height / 2 + max(1.3, zoom * TITLE_PX / (height_px / (height + 1.6)))
    width_units = width / (height_px / (y_top - y_bottom))
    gap = max(2.4, (width_units - 2.7) / max(n_cols - 1, 1))
    kinds = ["input"] + ["hidden"] * (n_cols - 2) + ["output"]
    feats = cfg.features or (("x1", "x2") if not one_d else ("x1",))
    rows, col_rows = [], []
    n = 0
    targets = np.concatenate([np.asarray(run.data[1], dtype=float), np.asarray(run.data[3], dtype=float)])
    for c, (size, kind) in enumerate(zip(sizes, kinds)):
        x_centre = c * gap
        block = V[:, n:n + size]
        off, sc = _color_scale(kind, block, cfg.activation, cfg.task, targets)
        for k in range(size):
            y_centre = (size - 1) / 2 * ROW_GAP - k * ROW_GAP
            if kind == "input":
                label = feats[k]
                off, sc = _color_scale(kind, V[:, n], cfg.activation, cfg.task, targets)
            elif kind == "hidden":
                label = f"h{c}.{k + 1}"
            else:
                label = "out" if size == 1 else f"out.{k}"
            rows.append((n, c, k, kind, label, x_centre - 0.5, y_centre - 0.5, biases[n], off, sc))
            n += 1
        col_rows.append((c, kind, c if kind == "hidden" else 0, size, x_centre, (size - 1) / 2 * ROW_GAP + 0.5))
    nodes = pd.DataFrame(rows, columns=["n", "column", "index", "kind", "label", "x", "y", "bias", "off", "sc"])
    columns = pd.DataFrame(col_rows, columns=["column", "kind", "layer", "units", "x", "y"])

    # Cells: one row per (node, cell); the browser adds the node's corner (a lookup) to save bytes.
    n_cells, n_all = V.shape
    nx, ny = res
    i = np.tile(np.arange(n_cells) % nx, n_all)
    j = np.tile(np.arange(n_cells) // nx, n_all)
    cells = pd.DataFrame({"n": np.repeat(np.arange(n_all), n_cells), "i": i, "j": j,
                          "v": _round_sig(V.T.ravel(), 3)})

    links, total = _links(run, epoch, nodes, sizes, max_links)
    x_domain = (-0.5 - 1.1, (n_cols - 1) * gap + 0.5 + 0.5)
    shown_epoch = int(epoch) if epoch is not None else int(run.history.epoch.iloc[-1])
    return Picture(nodes=nodes, cells=cells, links=links, columns=columns, res=res, height=height_px,
                   box=tuple(map(float, box)),
                   x_domain=x_domain, y_domain=(y_bottom, y_top), links_shown=len(links), links_total=total,
                   epoch=shown_epoch)


def _round_sig(x: np.ndarray, digits: int) -> np.ndarray:
    """Round to ``digits`` significant digits (a tooltip shows three; the browser is sent no more)."""
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        mag = np.where(x != 0, np.floor(np.log10(np.abs(x))), 0)
    factor = 10.0 ** (digits - 1 - mag)
    return np.round(x * factor) / factor


def shown_epoch(run: Run, view: int) -> int:
    """The snapshot epoch drawn when the scrubber says ``view``: the last snapshot at or before it."""
    return int(max([e for e in run.snapshot_epochs if e <= view] or run.snapshot_epochs[:1]))


def next_frame(values, view: int) -> int | None:
    """The scrubber's next stop while playing (the next snapshot epoch after ``view``); None after the last."""
    later = [v for v in values if v > view]
    return int(later[0]) if later else None


def links_total(run: Run) -> int:
    """How many weights the network has (the picture draws at most MAX_LINKS of them)."""
    return int(sum(W.size for W in run.network.weights))


LINK_COLORS = {1: "#E69F00", -1: "#0072B2"}  # orange positive, blue negative (Okabe-Ito; the heatmaps' ends)


def _links(run: Run, epoch: int | None, nodes: pd.DataFrame, sizes: list[int], max_links: int):
    net = run.network if epoch is None else run.network_at(epoch)
    starts = np.cumsum([0, *sizes])
    xs, ys = nodes["x"].to_numpy(), nodes["y"].to_numpy()
    per_pair = max(1, max_links // max(len(sizes) - 1, 1))
    parts, total = [], 0
    for l, W in enumerate(net.weights):
        W = np.nan_to_num(np.asarray(W, dtype=float))
        total += W.size
        src, dst = np.meshgrid(np.arange(W.shape[0]), np.arange(W.shape[1]), indexing="ij")
        w, src, dst = W.ravel(), src.ravel() + starts[l], dst.ravel() + starts[l + 1]
        if w.size > per_pair:  # keep the strongest links of this layer
            keep = np.argsort(-np.abs(w), kind="stable")[:per_pair]
            w, src, dst = w[keep], src[keep], dst[keep]
        parts.append(pd.DataFrame({"src": src, "dst": dst, "w": w}))
    links = pd.concat(parts, ignore_index=True)
    biggest = float(np.max(np.abs(links["w"]))) if len(links) else 1.0
    links["x"] = xs[links.src] + 1.0
    links["y"] = ys[links.src] + 0.5
    links["x2"] = xs[links.dst]
    links["y2"] = ys[links.dst] + 0.5
    links["width"] = (0.4 + 3.6 * np.abs(links["w"]) / max(biggest, 1e-12)).round(2)
    links["color"] = np.where(links["w"] >= 0, LINK_COLORS[1], LINK_COLORS[-1])
    links["w"] = _round_sig(links["w"].to_numpy(), 4)
    return links, total


# -- export -------------------------------------------------------------------------------------------------------
WEIGHTS_FORMAT = "training-clinic-weights"
WEIGHTS_VERSION = 1


def weights_json(run: Run, data_info: dict | None = None) -> str:
    """The trained network as JSON: enough to rebuild its predictions anywhere.

    ``layers[i]`` holds ``W`` (fan_in rows x fan_out columns) and ``b``; the
    forward pass is ``a = activation(a @ W + b)`` for the hidden layers and
    ``output(a @ W + b)`` for the last.  ``features`` are the input columns
    computed from the raw (x1, x2) point, in order.  A diverged run exports
    its last finite snapshot (``epoch`` says which).  ``data`` describes an
    uploaded file (class names, input scaling) when there was one.
    """
    net = run.network
    epoch = int(run.stopped_epoch)
    if not np.isfinite(net.theta).all():
        epoch = max(run.snapshot_epochs) if run.snapshots else 0
        net = run.network_at(epoch)
    cfg = run.config
    one_d = run.data[0].shape[1] == 1
    names = ["hidden %d" % (i + 1) for i in range(net.n_layers - 1)] + ["output"]
    doc = {
        "format": WEIGHTS_FORMAT, "version": WEIGHTS_VERSION, "epoch": epoch,
        "sizes": list(net.sizes),
        "features": list(cfg.features) or (["x1"] if one_d else ["x1", "x2"]),
        "activation": net.activation_name, "leaky_slope": net.leaky_slope,
        "output": net.output, "loss": net.loss,
        "layers": [{"name": name, "W": _finite_list(W), "b": _finite_list(b)}
                   for name, W, b in zip(names, net.weights, net.biases)],
        "config": cfg.to_dict(),
    }
    if data_info:
        doc["data"] = data_info
    return json.dumps(doc, indent=1)


def _finite_list(a: np.ndarray):
    """Nested lists of floats, non-finite values as null (JSON has no NaN)."""
    a = np.asarray(a, dtype=float)
    out = a.astype(object)
    out[~np.isfinite(a)] = None
    return out.tolist()


def upload_info(data: UserData, scale: bool) -> dict:
    """What a weights file needs to say about an uploaded data set to be usable on the raw points."""
    from nncore.userdata import scale_inputs

    info: dict = {"source": "upload", "columns": list(data.columns), "target": data.target, "rows": data.n,
                  "task": data.task}
    if data.classes:
        info["classes"] = {str(k): name for k, name in enumerate(data.classes)}
    if scale:
        _, centre, half = scale_inputs(data.X)
        info["input_scaling"] = {"formula": "x_network = 3 * (x - centre) / half_range",
                                 "centre": centre.tolist(), "half_range": half.tolist()}
    return info


def view_points(pts: pd.DataFrame, show_test: bool) -> pd.DataFrame:
    """The points drawn over the output: training points always, validation ("test") points when asked."""
    return pts if show_test else pts[pts["split"] == "train"]


def discretize(grid: pd.DataFrame, task: str) -> pd.DataFrame:
    """The decision alone, as TensorFlow Playground's "discretize output" draws it.

    Binary: P(class 1) becomes 0 or 1 (the side of the 0.5 boundary); multi-class:
    the winning class at full strength.  A regression surface has no decision and
    is returned unchanged.  ``attrs`` (cell size, box) are kept.
    """
    if task == "regression":
        return grid
    out = grid.copy()
    out["p"] = (out["p"] >= 0.5).astype(float) if task == "binary" else 1.0
    out.attrs = dict(grid.attrs)
    return out
