"""Vanishing gradients: deep sigmoid (or tanh) networks whose first layers get almost no gradient, beside the fixes."""

import streamlit as st

from clinic import charts_lr as cl
from clinic import charts, controls, frames, layout, pathology
from clinic.i18n import t
from nncore.scenarios import SCENARIOS

PAGE = "vanishing"
CASES = {"sigmoid": SCENARIOS["vanishing_sigmoid"], "tanh": SCENARIOS["vanishing_tanh"]}
DEFAULT_CASE = next(k for k, s in CASES.items() if s.default)
P = CASES[DEFAULT_CASE].problem  # both cases share depth, width, rate and epochs
DETAILS = ("update_ratio", "saturated_frac")

# Ranges: the worst combination (12 layers of 32 units, 250 epochs) is
# estimated at ~0.7 s, within a variant's share of the page budget (3 s / 4).
CASE = controls.Choice("case", "vanishing.ctl.case", DEFAULT_CASE, options=tuple(CASES), option_labels="vanishing.case.",
                       horizontal=True)
CONTROLS = [
    controls.Number("depth", "vanishing.ctl.depth", len(P.hidden), lo=3, hi=12, step=1, fmt="%d"),
    controls.Levels("width", "vanishing.ctl.width", P.hidden[0], values=(4, 8, 16, 24, 32), fmt="%d"),
    controls.Levels("lr", "ctl.lr", P.lr, values=(0.01, 0.03, 0.1, 0.3, 1.0)),
    controls.Number("epochs", "ctl.epochs", P.epochs, lo=20, hi=250, step=10, fmt="%d"),
    controls.Choice("detail", "vanishing.ctl.detail", DETAILS[0], options=DETAILS, option_labels="vanishing.detail."),
    pathology.seed_control(),
]


def variants(v: dict) -> dict:
    """The problem and each fix, built from the controls: same data, same seed, one change each.

    Each fix changes exactly the knobs its scenario names (activation and
    initialisation, or the number of layers); "fewer layers" keeps the
    problem's width.
    """
    s = CASES[v["case"]]
    width, depth = int(v["width"]), int(v["depth"])
    base = s.problem.replace(hidden=(width,) * depth, lr=v["lr"], epochs=v["epochs"], seed=v["seed"])
    out = {"problem": base}
    for fix in s.fixes:
        knobs = {k: new for k, (_, new) in s.changed(fix).items()}
        if "hidden" in knobs:
            knobs["hidden"] = (width,) * len(knobs["hidden"])
        out[fix] = base.replace(**knobs)
    return out


def subtitles(configs: dict) -> dict:
    out = {}
    for name, c in configs.items():
        act = t(f"vanishing.act.{c.activation}")
        init = t(f"vanishing.init.{c.init}")
        out[name] = t("vanishing.s.net", layers=len(c.hidden), width=c.hidden[0], act=act, init=init)
        if c.bias_init:
            out[name] += t("vanishing.s.bias", bias=c.bias_init)
    return out


# -- this page's rows --------------------------------------------------------------------------------------

def layers_row(metric: str, hidden_only: bool = False) -> pathology.Row:
    """A per-layer metric over the epochs, one line per layer coloured from first (dark) to output (bright)."""

    def draw(col, name, run, ctx):
        log = charts.LAYER_METRICS[metric][1]
        key = f"layer:{metric}:{hidden_only}"
        dom = ctx.domain(key, lambda: [0, 1] if metric == "saturated_frac" else frames.shared_domain(
            [r.layers for r in ctx.runs.values()], metric, log=log))
        layout.chart(col, lambda: cl.depth_layer_chart(run.layers, metric, domain=dom, style=ctx.style,
                                                       hidden_only=hidden_only),
                     key="|".join(("vlayers", run.config.to_json(), metric, repr(hidden_only), repr(dom))))
    return draw


def profile_row() -> pathology.Row:
    """Gradient norm per layer at the scrubbed epoch (bars) and its peak over the run (ticks), with the ratio."""

    def draw(col, name, run, ctx):
        last = int(run.layers["epoch"].max())
        epoch = min(max(ctx.epoch, 1), last)  # epoch 0 has no gradient yet
        dom = ctx.domain("layer:grad_norm:False", lambda: frames.shared_domain(
            [r.layers for r in ctx.runs.values()], "grad_norm", log=True))
        layout.chart(col, lambda: cl.gradient_profile_chart(run.layers, epoch, ctx.colors[name], domain=dom,
                                                            style=ctx.style),
                     key="|".join(("vprofile", run.config.to_json(), str(epoch), repr(dom), ctx.colors[name])))
        at, peak = cl.gradient_ratio(run.layers, epoch), cl.gradient_ratio(run.layers)
        col.caption(t("vanishing.ratio.at", epoch=epoch, ratio=_ratio(at)) + " " +
                    t("vanishing.ratio.peak", ratio=_ratio(peak)))

    return draw


def _ratio(r: dict) -> str:
    """"2.4e-06 (5.6 powers of ten less)"-style text of a first/output ratio."""
    if r["ratio"] != r["ratio"]:  # NaN: a norm is missing or zero
        return t("vanishing.ratio.none")
    text = f"{r['ratio']:.2g}"
    if r["decades"] >= 1:
        text += " " + t("vanishing.ratio.decades", decades=r["decades"])
    return text


layout.header(PAGE)
case = controls.render([CASE], PAGE)["case"]
values = {"case": case, **controls.render(CONTROLS, PAGE, layout.controls_area(3))}
configs = variants(values)
labels = {name: t(f"vanishing.v.{name}") for name in configs}
st.markdown(t(f"vanishing.cause.{case}"))
results = pathology.train(PAGE, configs, labels)
epoch = controls.render([pathology.epoch_control(configs["problem"])], PAGE)["view"]
ctx = pathology.standard_context(PAGE, results, labels, epoch)
pathology.columns(ctx, results, [pathology.loss_row(), layers_row("grad_norm"), profile_row(),
                                 layers_row(values["detail"], hidden_only=values["detail"] == "saturated_frac"),
                                 pathology.boundary_row(), pathology.verdict_row(), pathology.download_row()],
                  subtitles(configs))
pathology.lecture_fixes(PAGE, ["vanishing.fix.relu_he", "vanishing.fix.tanh_xavier", "vanishing.fix.fewer_layers"])
layout.note("vanishing.note.why")
layout.note(f"vanishing.note.{values['detail']}")
