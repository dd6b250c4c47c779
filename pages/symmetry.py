"""Symmetric initialization: all weights start equal (zero, or one constant), so every hidden unit stays a copy
of the others; random initialization beside it."""

import pandas as pd
import streamlit as st

from clinic import charts
from clinic import charts_pathology as cp
from clinic import controls, frames, layout, pathology
from clinic.i18n import t
from nncore import Run
from nncore.scenarios import SCENARIOS

PAGE = "symmetry"
CASES = {"zero": SCENARIOS["symmetric_zero"], "constant": SCENARIOS["symmetric_constant"]}
CASE = controls.Choice("case", "symmetry.ctl.case", next(k for k, s in CASES.items() if s.default),
                       options=tuple(CASES), option_labels="symmetry.case.", horizontal=True)
ACTIVATIONS = ("tanh", "sigmoid", "relu", "leaky_relu")


def case_controls(case: str) -> list[controls.Control]:
    """The chosen case's knobs, with that scenario's calibrated values as defaults."""
    p = CASES[case].problem
    own = []
    if case == "constant":
        own.append(controls.Levels("value", "symmetry.ctl.value", p.init_scale, values=(0.05, 0.1, 0.2, 0.5, 1.0, 2.0)))
    return own + [
        controls.Choice("act", "symmetry.ctl.act", p.activation, options=ACTIVATIONS, option_labels="symmetry.act."),
        controls.Levels("width", "symmetry.ctl.width", p.hidden[0], values=(2, 4, 8, 16, 32), fmt="%d"),
        controls.Number("epochs", "ctl.epochs", p.epochs, lo=50, hi=400, step=50, fmt="%d"),
        pathology.seed_control(),
    ]


def variants(case: str, v: dict) -> dict:
    """The symmetric problem and the random fix, built from the controls: same data, same seed."""
    s = CASES[case]
    base = s.problem.replace(activation=v["act"], hidden=(int(v["width"]),) * len(s.problem.hidden),
                             epochs=v["epochs"], seed=v["seed"])
    if case == "constant":
        base = base.replace(init_scale=v["value"])
    return {"problem": base, "random_init": base.replace(init=s.fixes["random_init"].init)}


def subtitles(case: str, configs: dict) -> dict:
    p = configs["problem"]
    common = dict(act=t(f"symmetry.act.{p.activation}"), layers=len(p.hidden), width=p.hidden[0])
    problem = (t("symmetry.s.zero", **common) if case == "zero"
               else t("symmetry.s.constant", value=p.init_scale, **common))
    return {"problem": problem, "random_init": t("symmetry.s.random")}


@st.cache_data(max_entries=200, max_size="5MB", show_spinner=False)
def _unit_weights(config_json: str, _run: Run) -> pd.DataFrame:
    # every unit of the first hidden layer (at most 32 x 2 lines over ~20 snapshots)
    return frames.unit_weights(_run, layer=1, max_units=_run.config.hidden[0])


def unit_weights_row() -> pathology.Row:
    """Each first-layer unit's incoming weights over the epochs; copies draw one line. One y scale for the row."""

    def draw(col, name, run, ctx):
        key = run.config.to_json()
        weights = _unit_weights(key, run)
        dom = ctx.domain("weights", lambda: frames.shared_domain(
            [_unit_weights(r.config.to_json(), r) for r in ctx.runs.values()], "weight"))
        title = t("symmetry.weights_title", lines=len(weights[["unit", "input"]].drop_duplicates()))
        layout.chart(col, lambda: charts.unit_weights_chart(weights, ctx.colors[name], domain=dom, style=ctx.style,
                                                            title=title),
                     key=cp.chart_key("unit_weights", key, dom, ctx.colors[name]))
    return draw


layout.header(PAGE)
case = controls.render([CASE], PAGE)["case"]
values = controls.render(case_controls(case), f"{PAGE}.{case}", layout.controls_area(4))
configs = variants(case, values)
labels = {name: t(f"symmetry.v.{case}.problem") if name == "problem" else t(f"symmetry.v.{name}") for name in configs}
st.markdown(t(f"symmetry.cause.{case}"))
results = pathology.train(PAGE, configs, labels)
epoch = controls.render([pathology.epoch_control(configs["problem"])], PAGE)["view"]
ctx = pathology.standard_context(PAGE, results, labels, epoch)
pathology.columns(ctx, results, [pathology.loss_row(), unit_weights_row(),
                                 pathology.layer_row("distinct_units", hidden_only=True), pathology.boundary_row(),
                                 pathology.verdict_row(), pathology.download_row()], subtitles(case, configs))
pathology.lecture_fixes(PAGE, ["symmetry.fix.random"])
layout.note("symmetry.note")
