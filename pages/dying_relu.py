"""Dying ReLU: units pushed below zero for every input (a too-large learning rate, or a negative initial bias),
beside Leaky ReLU and the fixes that remove the cause."""

import streamlit as st

from clinic import charts_pathology as cp
from clinic import controls, frames, layout, pathology
from clinic.i18n import t
from nncore.scenarios import SCENARIOS

PAGE = "dying_relu"
CASES = {"lr": SCENARIOS["dying_lr"], "bias": SCENARIOS["dying_bias"]}
CASE = controls.Choice("case", "dying_relu.ctl.case", next(k for k, s in CASES.items() if s.default),
                       options=tuple(CASES), option_labels="dying_relu.case.", horizontal=True)
RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)  # log-spaced; 3 makes RMSprop diverge


def case_controls(case: str) -> list[controls.Control]:
    """The chosen cause's knobs, with that scenario's calibrated values as defaults."""
    s = CASES[case]
    p = s.problem
    own = [controls.Levels("lr", "ctl.lr", p.lr, values=RATES)]
    if "smaller_lr" in s.fixes:
        own.append(controls.Levels("fix_lr", "dying_relu.ctl.fix_lr", s.fixes["smaller_lr"].lr, values=RATES[:5]))
    return own + [
        controls.Number("bias", "dying_relu.ctl.bias", p.bias_init, lo=-2.0, hi=0.5, step=0.25, fmt="%.2f"),
        controls.Levels("slope", "dying_relu.ctl.slope", s.fixes["leaky_relu"].leaky_slope,
                        values=(0.01, 0.03, 0.1, 0.2, 0.3)),
        controls.Levels("width", "dying_relu.ctl.width", p.hidden[0], values=(8, 16, 32, 64), fmt="%d"),
        controls.Number("epochs", "ctl.epochs", p.epochs, lo=50, hi=400, step=50, fmt="%d"),
        pathology.seed_control(),
    ]


def variants(case: str, v: dict) -> dict:
    """The problem and each fix, built from the controls: same data, same seed, one change each."""
    s = CASES[case]
    base = s.problem.replace(lr=v["lr"], bias_init=v["bias"], hidden=(int(v["width"]),), epochs=v["epochs"],
                             seed=v["seed"])
    out = {"problem": base, "leaky_relu": base.replace(activation="leaky_relu", leaky_slope=v["slope"])}
    if case == "lr":
        out["smaller_lr"] = base.replace(lr=v["fix_lr"])
    else:
        out["he_init"] = base.replace(init=s.fixes["he_init"].init)
    return out


def subtitles(configs: dict) -> dict:
    p = configs["problem"]
    out = {"problem": t("dying_relu.s.problem", optimizer=p.optimizer, lr=p.lr, bias=p.bias_init, width=p.hidden[0])
           + (t("dying_relu.s.drop", factor=round(1 / p.decay_rate), every=p.decay_every)
              if p.schedule == "step" else ""),
           "leaky_relu": t("dying_relu.s.leaky_relu", slope=configs["leaky_relu"].leaky_slope)}
    if "smaller_lr" in configs:
        out["smaller_lr"] = t("dying_relu.s.smaller_lr", lr=configs["smaller_lr"].lr)
    if "he_init" in configs:
        out["he_init"] = t("dying_relu.s.he_init", bias=configs["he_init"].bias_init)
    return out


def labels_for(case: str, configs: dict) -> dict:
    return {name: t(f"dying_relu.v.{case}.problem") if name == "problem" else t(f"dying_relu.v.{name}")
            for name in configs}


def zero_histogram_row() -> pathology.Row:
    """Hidden pre-activations at the scrubbed epoch, everything left of 0 shaded; one x scale for the row."""

    def draw(col, name, run, ctx):
        hist = cp.hidden_histogram(frames.histograms_at(run, ctx.epoch))
        if hist.empty:
            return
        shown = int(hist.epoch.iloc[0])
        dom = ctx.domain("zero", lambda: cp.zero_domain(
            [cp.hidden_histogram(frames.histograms_at(r, ctx.epoch)) for r in ctx.runs.values()]))
        cfg = run.config
        zone = (t("dying_relu.zone.leaky", slope=cfg.leaky_slope) if cfg.activation == "leaky_relu"
                else t("dying_relu.zone.relu"))
        title = t("dying_relu.hist_title", epoch=shown, share=cp.below_zero_share(hist))
        layout.chart(col, lambda: cp.zero_histogram_chart(hist, zone, x_domain=dom, style=ctx.style, title=title),
                     key=cp.chart_key("zero_hist", cfg.to_json(), shown, dom))
    return draw


layout.header(PAGE)
case = controls.render([CASE], PAGE)["case"]
values = controls.render(case_controls(case), f"{PAGE}.{case}", layout.controls_area(4))
configs = variants(case, values)
labels = labels_for(case, configs)
st.markdown(t(f"dying_relu.cause.{case}"))
results = pathology.train(PAGE, configs, labels)
epoch = controls.render([pathology.epoch_control(configs["problem"])], PAGE)["view"]
ctx = pathology.standard_context(PAGE, results, labels, epoch)
pathology.columns(ctx, results, [pathology.loss_row(log=True), pathology.layer_row("dead_frac", hidden_only=True),
                                 zero_histogram_row(), pathology.boundary_row(), pathology.verdict_row(),
                                 pathology.download_row()], subtitles(configs))
pathology.lecture_fixes(PAGE, ["dying_relu.fix.leaky"])
layout.note("dying_relu.note")
