"""Underfitting: the lecture's three causes -- too few parameters, L2 too strong, an impossible output range --
each beside its fixes."""

import streamlit as st

from clinic import charts_pathology as cp
from clinic import controls, frames, layout, pathology
from clinic.i18n import t
from nncore.scenarios import SCENARIOS

PAGE = "underfitting"
CASES = {"capacity": SCENARIOS["underfit_capacity"], "l2": SCENARIOS["underfit_l2"],
         "output": SCENARIOS["underfit_output"]}
CASE = controls.Choice("case", "underfitting.ctl.case", next(k for k, s in CASES.items() if s.default),
                       options=tuple(CASES), option_labels="underfitting.case.", horizontal=True)
WIDTHS = (4, 8, 16, 32)
SIGMOID_RANGE = (0.0, 1.0)


def case_controls(case: str) -> list[controls.Control]:
    """The chosen cause's knobs, with that scenario's calibrated values as defaults."""
    s = CASES[case]
    p = s.problem
    if case == "capacity":
        own = [controls.Number("units", "underfitting.ctl.units", p.hidden[0], lo=1, hi=4, step=1, fmt="%d"),
               controls.Levels("more", "underfitting.ctl.more", s.fixes["more_units"].hidden[0], values=WIDTHS,
                               fmt="%d"),
               controls.Number("depth", "underfitting.ctl.depth", len(s.fixes["more_layers"].hidden), lo=2, hi=4,
                               step=1, fmt="%d")]
    elif case == "l2":
        own = [controls.Levels("l2", "underfitting.ctl.l2", p.l2, values=(0.03, 0.1, 0.3, 1.0)),
               controls.Levels("weaker", "underfitting.ctl.weaker", s.fixes["weaker_l2"].l2,
                               values=(0.001, 0.003, 0.01, 0.03)),
               controls.Levels("width", "underfitting.ctl.width", p.hidden[0], values=WIDTHS, fmt="%d")]
    else:
        own = [controls.Levels("width", "underfitting.ctl.width", p.hidden[0], values=WIDTHS, fmt="%d"),
               controls.Choice("act", "underfitting.ctl.act", p.activation, options=("tanh", "relu", "sigmoid"),
                               option_labels="underfitting.act.")]
    return own + [
        controls.Number("n", "ctl.n_samples", p.n_samples, lo=100, hi=500, step=50, fmt="%d"),
        controls.Number("noise", "ctl.noise", p.noise, lo=0.0, hi=0.5, step=0.05, fmt="%.2f"),
        controls.Number("epochs", "ctl.epochs", p.epochs, lo=100, hi=500, step=50, fmt="%d"),
        pathology.seed_control(),
    ]


def variants(case: str, v: dict) -> dict:
    """The problem and each fix, built from the controls: same data, same seed, one change each."""
    s = CASES[case]
    p = s.problem
    base = p.replace(n_samples=v["n"], noise=v["noise"], epochs=v["epochs"], seed=v["seed"])
    if case == "capacity":
        base = base.replace(hidden=(int(v["units"]),))
        layer_width = s.fixes["more_layers"].hidden[0]  # the fix's layers keep the scenario's width
        return {"problem": base, "more_units": base.replace(hidden=(int(v["more"]),)),
                "more_layers": base.replace(hidden=(layer_width,) * int(v["depth"]))}
    if case == "l2":
        base = base.replace(hidden=(int(v["width"]),) * len(p.hidden), l2=v["l2"])
        return {"problem": base, "weaker_l2": base.replace(l2=v["weaker"]), "no_l2": base.replace(l2=0.0)}
    base = base.replace(hidden=(int(v["width"]),) * len(p.hidden), activation=v["act"])
    return {"problem": base, "linear_output": base.replace(output="linear")}


def subtitles(case: str, configs: dict) -> dict:
    if case == "output":
        return {"problem": t("underfitting.s.sigmoid"), "linear_output": t("underfitting.s.linear")}
    if case == "l2":
        return {k: t("underfitting.s.l2", l2=c.l2, shape=cp.shape(c.hidden)) for k, c in configs.items()}
    return {k: t("underfitting.s.layers", shape=cp.shape(c.hidden)) for k, c in configs.items()}


# -- this page's rows ------------------------------------------------------------------

def accuracy_row() -> pathology.Row:
    """Training and validation accuracy over the epochs, with guessing (50 %) marked."""

    def draw(col, name, run, ctx):
        x_dom = [0, max(r.config.epochs for r in ctx.runs.values())]
        layout.chart(col, lambda: cp.accuracy_chart(run.history, ctx.colors[name], chance=0.5,
                                                    chance_label=t("underfitting.chance"), style=ctx.style,
                                                    x_domain=x_dom),
                     key=cp.chart_key("accuracy", run.config.to_json(), x_dom, ctx.colors[name]))
    return draw


def band_row() -> pathology.Row:
    """The fitted curve at the scrubbed epoch over the targets, with the range a sigmoid output can reach."""

    def draw(col, name, run, ctx):
        epoch = min(ctx.epoch, int(run.history.epoch.iloc[-1]))
        dom = ctx.domain("band", lambda: cp.band_domain(frames.points(run), SIGMOID_RANGE))
        layout.chart(col, lambda: cp.fit_band_chart(frames.fitted_curve(run, epoch), frames.points(run),
                                                    ctx.colors[name], band=SIGMOID_RANGE,
                                                    band_label=t("underfitting.band"), domain=dom, style=ctx.style,
                                                    title=t("ax.epoch") + f" {epoch}"),
                     key=cp.chart_key("band", run.config.to_json(), epoch, dom, ctx.colors[name]))
    return draw


ROWS = {
    "capacity": [pathology.loss_row(), accuracy_row(), pathology.boundary_row()],
    "l2": [pathology.loss_row(), accuracy_row(), pathology.layer_row("weight_norm"), pathology.boundary_row()],
    "output": [pathology.loss_row(), band_row()],
}
NOTES = {"capacity": "underfitting.note.capacity", "l2": "underfitting.note.l2", "output": "underfitting.note.output"}


layout.header(PAGE)
case = controls.render([CASE], PAGE)["case"]
values = controls.render(case_controls(case), f"{PAGE}.{case}", layout.controls_area(4))
configs = variants(case, values)
labels = {name: t(f"underfitting.v.{case}.{name}") for name in configs}
st.markdown(t(f"underfitting.cause.{case}"))
results = pathology.train(PAGE, configs, labels)
epoch = controls.render([pathology.epoch_control(configs["problem"])], PAGE)["view"]
ctx = pathology.standard_context(PAGE, results, labels, epoch)
pathology.columns(ctx, results, ROWS[case] + [pathology.verdict_row(), pathology.download_row()],
                  subtitles(case, configs))
pathology.lecture_fixes(PAGE, ["underfitting.fix.more", "underfitting.fix.l2", "underfitting.fix.output"])
layout.note(NOTES[case])
