"""Learning rates: the lecture's three loss-curve symptoms (rising, very slow, unstable) and a learning-rate sweep."""

import pandas as pd
import streamlit as st

from clinic import charts_lr as cl
from clinic import controls, frames, layout, pathology
from clinic.i18n import t
from nncore.scenarios import SCENARIOS

PAGE = "learning_rates"
CASES = ("rising_lr", "rising_momentum", "rising_sign", "diverged", "slow_lr", "slow_batch", "unstable_lr")
GROUP = {"rising_lr": "rising", "rising_momentum": "rising", "rising_sign": "rising", "diverged": "rising",
         "slow_lr": "slow", "slow_batch": "slow", "unstable_lr": "unstable"}
CASE = controls.Choice("case", "learning_rates.ctl.case", "rising_lr", options=CASES,
                       option_labels="learning_rates.case.", horizontal=True)
# Every knob any case draws: when the case changes they return to the new case's calibrated values.
KNOBS = ("lr", "fix_lr", "mu", "fix_mu", "flip", "batch", "decay", "every", "epochs", "view")


def case_controls(case: str) -> list[controls.Control]:
    """The chosen case's knobs, with its scenario's calibrated values as defaults.

    The problem's ranges straddle its edge where one is near (a rate just
    below the bowl's limit converges, one just above climbs, larger ones
    diverge sooner); every absurd rate diverges for seeds 0-4.  Every variant
    stays within its share of the page budget (at most 400 epochs of a
    2-16-16-1 network, 120 epochs of mini-batches of 8 on the spiral).
    """
    s = SCENARIOS[case]
    p = s.problem
    lr_label = "learning_rates.ctl.lr_problem" if case in ("rising_lr", "diverged", "slow_lr") else \
        "learning_rates.ctl.lr_all"
    lr = lambda values: controls.Levels("lr", lr_label, p.lr, values=values)  # noqa: E731
    fix_lr = lambda values: controls.Levels("fix_lr", "learning_rates.ctl.fix_lr", s.fixes[  # noqa: E731
        next(iter(s.fixes))].lr, values=values)
    epochs = lambda lo, hi, step: controls.Number("epochs", "ctl.epochs", p.epochs, lo=lo, hi=hi,  # noqa: E731
                                                  step=step, fmt="%d")
    if case == "rising_lr":
        return [lr((0.2, 0.3, 0.33, 0.345, 0.36, 0.4, 0.5, 1.0)), fix_lr((0.01, 0.03, 0.1, 0.2, 0.3)),
                epochs(10, 100, 2)]
    if case == "rising_momentum":
        return [controls.Levels("mu", "learning_rates.ctl.mu", p.mu, values=(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)),
                controls.Levels("fix_mu", "learning_rates.ctl.fix_mu", s.fixes["smaller_momentum"].mu,
                                values=(0.0, 0.1, 0.3, 0.5)),
                epochs(6, 60, 2)]
    if case == "rising_sign":
        return [lr((0.03, 0.1, 0.3)), epochs(100, 400, 20)]
    if case == "diverged":
        return [lr((10.0, 20.0, 50.0, 100.0)), fix_lr((0.01, 0.03, 0.1, 0.3, 1.0)), epochs(50, 400, 50)]
    if case == "slow_lr":
        return [lr((0.0005, 0.001, 0.002, 0.005, 0.01)), fix_lr((0.1, 0.2, 0.3, 0.5, 1.0)), epochs(100, 400, 50)]
    if case == "slow_batch":
        return [lr((0.001, 0.002, 0.005, 0.01)),
                controls.Levels("batch", "learning_rates.ctl.batch", s.fixes["mini_batches"].batch_size,
                                values=(8, 16, 32, 64, 128), fmt="%d"),
                epochs(20, 120, 10)]
    f = s.fixes["step_decay"]
    return [lr((0.1, 0.15, 0.2, 0.25, 0.3)),
            controls.Levels("decay", "learning_rates.ctl.decay", f.decay_rate, values=(0.1, 0.2, 0.3, 0.5, 0.7, 0.9)),
            controls.Number("every", "learning_rates.ctl.every", f.decay_every, lo=5, hi=100, step=5, fmt="%d"),
            epochs(100, 400, 50)]


def flip_control(epochs: int) -> controls.Number:
    """The epoch from which the gradient's sign is flipped: within the run, whatever its length."""
    return controls.Number("flip", "learning_rates.ctl.flip", SCENARIOS["rising_sign"].problem.flip_sign_epoch, lo=10,
                           hi=epochs - 10, step=10, fmt="%d")


def variants(case: str, v: dict) -> dict:
    """The problem and each fix, built from the controls: same data, same seed, one change each."""
    s = SCENARIOS[case]
    base = s.problem.replace(epochs=int(v["epochs"]), seed=v["seed"])
    if case == "rising_momentum":
        base = base.replace(mu=v["mu"])
        return {"problem": base, "smaller_momentum": base.replace(mu=v["fix_mu"])}
    base = base.replace(lr=v["lr"])
    if case == "rising_sign":
        base = base.replace(flip_sign_epoch=int(v["flip"]))
        return {"problem": base, "correct_sign": base.replace(flip_sign_epoch=None)}
    if case == "slow_batch":
        return {"problem": base, "mini_batches": base.replace(batch_size=int(v["batch"]))}
    if case == "unstable_lr":
        return {"problem": base, **{fix: base.replace(schedule=c.schedule, decay_rate=v["decay"],
                                                      decay_every=int(v["every"]))
                                    for fix, c in s.fixes.items()}}
    fix = next(iter(s.fixes))  # smaller_lr / larger_lr
    return {"problem": base, fix: base.replace(lr=v["fix_lr"])}


def subtitles(case: str, configs: dict) -> dict:
    out = {}
    for name, c in configs.items():
        if case == "rising_momentum":
            out[name] = t("learning_rates.s.momentum", mu=c.mu, lr=c.lr)
        elif case == "rising_sign":
            out[name] = (t("learning_rates.s.flipped", epoch=c.flip_sign_epoch) if c.flip_sign_epoch is not None
                         else t("learning_rates.s.sign_ok"))
        elif case == "slow_batch":
            n_train = round(c.n_samples * (1 - c.val_fraction))
            k = min(c.batch_size, n_train)
            out[name] = (t("learning_rates.s.full_batch", k=k) if k == n_train else
                         t("learning_rates.s.batch", k=k, steps=-(-n_train // k)))
        elif c.schedule != "constant":
            out[name] = t(f"learning_rates.s.{c.schedule}", lr=c.lr, rate=c.decay_rate, every=c.decay_every)
        else:
            out[name] = t("learning_rates.s.lr", lr=c.lr)
    return out


def forget_previous_case(case: str) -> None:
    """When the case has just changed, drop the previous case's knobs from the URL.

    The URL still holds the previous case's non-default knobs (the last run
    wrote them); read by the new case's controls they would mean something
    else (a rate too large for one case is the default of another) and
    raise range notices the learner never caused.  A share link opens with
    the URL's case already chosen, so nothing is dropped then.
    """
    shown = CASE.parse(st.query_params.get("case")).value
    if shown == case:
        return
    for name in KNOBS:
        if name in st.query_params:
            del st.query_params[name]


# -- this page's rows ----------------------------------------------------------------------------------------

def loss_row(log: bool) -> pathology.Row:
    """Loss curves on one scale; on the sign-flip case, a line marks the epoch the sign flips."""

    def draw(col, name, run, ctx):
        dom = ctx.domain(f"loss{log}", lambda: frames.shared_domain(
            [r.history for r in ctx.runs.values()], ["train_loss", "val_loss"], log=log))
        x_dom = [0, max(r.config.epochs for r in ctx.runs.values())]
        flip = run.config.flip_sign_epoch
        label = t("learning_rates.mark.flip")
        layout.chart(col, lambda: cl.marked_loss_chart(run.history, ctx.colors[name], flip, label, domain=dom,
                                                       log=log, style=ctx.style, x_domain=x_dom),
                     key="|".join(("lrloss", run.config.to_json(), repr(log), repr(dom), repr(x_dom),
                                   ctx.colors[name])))
    return draw


def schedule_row() -> pathology.Row:
    """The learning rate each epoch used (from the run's history), on one log scale across the row."""

    def draw(col, name, run, ctx):
        dom = ctx.domain("schedule", lambda: frames.shared_domain(
            [cl.schedule_frame(r.history, k) for k, r in ctx.runs.items()], "lr", log=True))
        x_dom = [0, max(r.config.epochs for r in ctx.runs.values())]
        layout.chart(col, lambda: cl.rate_chart(cl.schedule_frame(run.history, name), ctx.colors[name], domain=dom,
                                                style=ctx.style, x_domain=x_dom),
                     key="|".join(("rate", run.config.to_json(), repr(dom), repr(x_dom), ctx.colors[name])))
    return draw


def divergence_row() -> pathology.Row:
    """For a diverged run: the engine's rule and the numbers that triggered it, in the page's language."""

    def draw(col, name, run, ctx):
        if not run.diverged:
            return
        f = cl.divergence_facts(run.history)
        col.caption(t(f"learning_rates.diverged.{f['kind']}", epoch=f["epoch"], loss=f["loss"], start=f["start"],
                      times=f["times"], lr=f["lr"], factor=f["factor"]))
    return draw


HEALTHY_UPDATE = 1e-3  # cs231n: updates of about a thousandth of the weights per step


def update_row() -> pathology.Row:
    """Each layer's update size over its weight size per epoch (log), with cs231n's healthy 1e-3 dashed."""

    def draw(col, name, run, ctx):
        dom = ctx.domain("update", lambda: frames.shared_domain(
            [r.layers for r in ctx.runs.values()] + [pd.DataFrame({"update_ratio": [HEALTHY_UPDATE]})],
            "update_ratio", log=True))
        x_dom = [0, max(r.config.epochs for r in ctx.runs.values())]
        label = t("learning_rates.mark.healthy")
        layout.chart(col, lambda: cl.depth_layer_chart(run.layers, "update_ratio", domain=dom, style=ctx.style,
                                                       x_domain=x_dom, reference=(HEALTHY_UPDATE, label)),
                     key="|".join(("lrupdate", run.config.to_json(), repr(dom), repr(x_dom))))
    return draw


def symptom_rows(case: str) -> list:
    if case == "unstable_lr":
        return [schedule_row()]
    return [update_row()]


@st.cache_data(max_entries=2, max_size="2MB", show_spinner=False)  # two frames of ~700 rows: ~40 kB
def sweep(base_json: str) -> tuple:
    """The sweep's frames (trained once per server: it has no controls)."""
    from nncore import Config

    return cl.run_sweep(Config.from_json(base_json))


def sweep_section() -> None:
    st.subheader(t("learning_rates.sweep.title"))
    st.markdown(t("learning_rates.sweep.intro", epochs=cl.SWEEP_BASE.epochs, n=len(cl.SWEEP_RATES),
                  good=cl.GOOD_PROGRESS))
    key = cl.SWEEP_BASE.to_json()
    with st.spinner(t("learning_rates.sweep.training", n=len(cl.SWEEP_RATES))):
        frame, curves = sweep(key)
    style = layout.style()
    left, right = st.columns(2)
    layout.chart(left, lambda: cl.sweep_chart(frame, style=style, title=t("learning_rates.sweep.final_title")),
                 key="sweep|final|" + key)
    layout.chart(right, lambda: cl.sweep_curves_chart(curves, style=style, title=t("learning_rates.sweep.curves_title")),
                 key="sweep|curves|" + key)
    st.caption(t("learning_rates.sweep.summary", **cl.sweep_summary(frame)))


FIXES = {
    "rising": ["learning_rates.fix.smaller_lr", "learning_rates.fix.smaller_momentum", "learning_rates.fix.sign"],
    "slow": ["learning_rates.fix.larger_lr", "learning_rates.fix.mini_batches"],
    "unstable": ["learning_rates.fix.decay"],
}


layout.header(PAGE)
case = controls.render([CASE], PAGE)["case"]
forget_previous_case(case)
area = layout.controls_area(4)
values = controls.render(case_controls(case) + [pathology.seed_control()], f"{PAGE}.{case}", area)
if case == "rising_sign":
    values.update(controls.render([flip_control(int(values["epochs"]))], f"{PAGE}.{case}", area[2]))
configs = variants(case, values)
labels = {name: t(f"learning_rates.v.{case}.{name}") for name in configs}
st.markdown(t(f"learning_rates.about.{case}"))
results = pathology.train(PAGE, configs, labels)
epoch = controls.render([pathology.epoch_control(configs["problem"])], f"{PAGE}.{case}")["view"]
ctx = pathology.standard_context(PAGE, results, labels, epoch)
log = cl.spans_decades([r.history for r in ctx.runs.values()], ["train_loss", "val_loss"])
pathology.columns(ctx, results, [loss_row(log), *symptom_rows(case), pathology.boundary_row(), divergence_row(),
                                 pathology.verdict_row(), pathology.download_row()], subtitles(case, configs))
pathology.lecture_fixes(PAGE, FIXES[GROUP[case]])
sweep_section()
