"""Momentum and the optimizer family: six tabs, one idea each, every path drawn by nncore.optimizers."""

import json
import math

import pandas as pd
import streamlit as st

from clinic import charts, charts_lab, controls, frames, layout, runner
from clinic.i18n import get_lang, t
from nncore import Config, Run, descent, schedules, surfaces
from nncore.optimizers import OPTIMIZERS

PAGE = "optimizers"
NAMES = tuple(OPTIMIZERS)  # sgd, momentum, nesterov, adagrad, rmsprop, adam
COLORS = charts.variant_colors(NAMES)
# 1, 1.5, 2, 3, 5, 7.5 per decade: every rate a surface or curve suggests lies on this grid.
RATES = tuple(sorted({round(m * 10.0 ** e, 10) for e in range(-4, 1) for m in (1, 1.5, 2, 3, 5, 7.5)} | {10.0}))
GRID = 50  # contour cells per side: 2,500 rectangles
EPSILONS = (1e-8, 1e-6, 1e-4, 1e-2, 0.1, 1.0)  # the adaptive rules' eps, from the usual default to one that damps
MOVING_STEPS = 200
# Networks of the race: tiny, so that 12 of them train in well under a second.
NETWORK = Config(n_samples=200, hidden=(8, 8), batch_size=32, snapshots=1, decay_rate=0.5)
# Starting rates at which each rule learns this net in ~30 epochs, and some bounce: where decay shows its use.
NETWORK_RATES = {"sgd": 0.5, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.2, "rmsprop": 0.01, "adam": 0.03}


# -- cached views: frames in, Vega-Lite specs out, keyed by names and numbers (never by objects) ---------------------
# Every view takes the language and presenter mode too: they change the text and sizes of the charts.
def _style(presenter: bool) -> charts.Style:
    return charts.PRESENTER if presenter else charts.NORMAL


@st.cache_data(max_entries=256, max_size="10MB", show_spinner=False)
def one_parameter(curve: str, optimizer: str, steps: int, lr: float, start: float, mu: float, upto: int, lang: str,
                  presenter: bool) -> tuple[dict, str]:
    """The lecture's one-parameter figure for one optimizer, and a sentence on where its path is at ``upto``."""
    c = surfaces.CURVES[curve]
    grid = surfaces.curve_grid(curve, 200)
    path = descent.trajectory_1d(curve, optimizer, steps, lr, start, mu=mu)
    chart = charts_lab.curve_path_chart(grid, path, COLORS[optimizer], upto, style=_style(presenter),
                                        domain=frames.shared_domain([grid], "f"))
    shown = path[path.step <= upto].assign(optimizer=optimizer, label=optimizer)
    return charts_lab.spec(chart), ending(descent.summary(shown, c).iloc[0], float(shown.x.iloc[-1]), c)


@st.cache_data(max_entries=128, max_size="30MB", show_spinner=False)
def surface_race(surface: str, specs_json: str, steps: int, upto: int, lang: str,
                 presenter: bool) -> tuple[dict, dict, pd.DataFrame]:
    """Ruder's race on one surface: (contour spec, loss-along-the-path spec, summary at ``upto``)."""
    s = surfaces.SURFACES[surface]
    specs = json.loads(specs_json)
    race = descent.race(surface, specs, steps)
    colors = {spec["optimizer"]: COLORS[spec["optimizer"]] for spec in specs}
    style = _style(presenter)
    contour_spec = charts_lab.spec(charts_lab.contour_chart(
        surfaces.contour_grid(surface, GRID), race, colors, upto, s.xlim, s.ylim, s.minima, style=style,
        title=t("optimizers.chart.race")))
    f_star = min(s.value(m) for m in s.minima) if s.minima else None
    value_spec = charts_lab.spec(charts_lab.race_value_chart(race, colors, upto, f_star, style=style,
                                                             title=t("optimizers.chart.value")))
    table = descent.summary(race[race.step <= upto], surface)
    summary = pd.DataFrame({
        t("optimizers.col.optimizer"): [t(f"optimizers.opt.{o}") for o in table.optimizer],
        t("optimizers.col.lr"): [spec["lr"] for spec in specs],
        t("optimizers.col.steps"): table.steps,
        t("optimizers.col.status"): [t(f"optimizers.status.{code}") for code in table.status],
        t("optimizers.col.final_f"): table.final_f,
        t("optimizers.col.distance"): table.distance,
    })
    return contour_spec, value_spec, summary


@st.cache_data(max_entries=64, max_size="5MB", show_spinner=False)
def moving_average(mu: float, noise: float, raw: bool, lang: str, presenter: bool) -> tuple[dict, dict, str]:
    """Momentum's memory: (weights spec, velocity spec, the window sentence)."""
    window = descent.effective_window(mu)
    weights = descent.momentum_weights(mu, min(200, max(30, math.ceil(3 * window))))
    velocity = descent.velocity_on_noisy_gradients(mu, MOVING_STEPS, seed=0, noise=noise)
    style = _style(presenter)
    inside = weights[weights.in_window]
    sentence = t("optimizers.avg.window", mu=f"{mu:g}", window=window,
                 share=float(inside.cumulative.iloc[-1]) if len(inside) else 0.0)
    return (charts_lab.spec(charts_lab.momentum_weights_chart(weights, window, COLORS["momentum"], style=style,
                                                              title=t("optimizers.chart.weights"))),
            charts_lab.spec(charts_lab.velocity_chart(velocity, COLORS["momentum"], raw=raw, style=style,
                                                      title=t("optimizers.chart.velocity"))),
            sentence)


@st.cache_data(max_entries=64, max_size="10MB", show_spinner=False)
def adaptive(lr: float, rho: float, steps: int, noise: float, lang: str, presenter: bool) -> tuple[dict, str]:
    """AdaGrad's effective rate beside RMSprop's: (spec, a sentence with the numbers)."""
    rates = descent.adaptive_rates(steps, seed=0, lr=lr, rho=rho, noise=noise)
    ada = rates[rates.optimizer == "adagrad"].rate
    rms = rates[rates.optimizer == "rmsprop"].rate
    chart = charts_lab.adaptive_rate_chart(rates, {n: COLORS[n] for n in ("adagrad", "rmsprop")},
                                           style=_style(presenter), title=t("optimizers.chart.adaptive"))
    return charts_lab.spec(chart), t("optimizers.ada.numbers", steps=steps, ada=ada.iloc[-1],
                                     ratio=ada.iloc[0] / ada.iloc[-1], rms=rms.iloc[-1])


@st.cache_data(max_entries=64, max_size="5MB", show_spinner=False)
def network_race(configs_json: str, decay: str, lang: str, presenter: bool) -> tuple[dict, pd.DataFrame]:
    """The race on a network: ({schedule: spec}, table).  The runs come from the runner's cache."""
    runs = {}
    for key, cfg in json.loads(configs_json).items():
        run = runner.train_one(Config.from_json(cfg))
        if isinstance(run, Run):
            runs[tuple(key.split("|"))] = run
    histories = {sched: {o: r.history for (o, s), r in runs.items() if s == sched} for sched in ("constant", "decay")}
    dom = frames.shared_domain([h for hs in histories.values() for h in hs.values()], "train_loss", log=True)
    titles = {"constant": t("optimizers.net.constant"),
              "decay": t("optimizers.net.decayed", schedule=t(f"optimizers.sched.{decay}"))}
    specs = {sched: charts_lab.spec(charts_lab.race_loss_chart(hs, {o: COLORS[o] for o in hs}, domain=dom,
                                                               style=_style(presenter), title=titles[sched]))
             for sched, hs in histories.items() if hs}
    table = charts_lab.race_table(runs)
    shown = pd.DataFrame({
        t("optimizers.col.optimizer"): [t(f"optimizers.opt.{o}") for o in table.optimizer],
        t("optimizers.col.lr"): table.lr,
        t("optimizers.col.loss_constant"): table.loss_constant,
        t("optimizers.col.loss_decay"): table.loss_decay,
        t("optimizers.col.acc_constant"): 100 * table.acc_constant,
        t("optimizers.col.acc_decay"): 100 * table.acc_decay,
        t("optimizers.col.rises_constant"): 100 * table.rises_constant,
        t("optimizers.col.rises_decay"): 100 * table.rises_decay,
    })
    return specs, shown


@st.cache_data(max_entries=64, max_size="5MB", show_spinner=False)
def schedule_view(lr0: float, rate: float, every: int, epochs: int, log: bool, lang: str, presenter: bool) -> dict:
    """The four schedules' rates against the epoch."""
    names = {code: t(f"optimizers.sched.{code}") for code in schedules.SCHEDULES}
    frame = pd.concat([pd.DataFrame({"epoch": range(epochs), "variant": label,
                                     "lr": schedules.rates(code, epochs, lr0, rate, every)})
                       for code, label in names.items()], ignore_index=True)
    chart = charts.schedule_chart(frame, charts.variant_colors(names.values()), log=log, style=_style(presenter),
                                  title=t("optimizers.chart.schedules"))
    return charts_lab.spec(charts_lab.fit(chart))


# -- helpers ---------------------------------------------------------------------------------------------------------
def follow(trigger: str, value, defaults: dict) -> None:
    """When ``value`` (a surface, a curve, a step count) differs from last run's, reset the controls in
    ``defaults`` to the values that suit it.

    A control's default may depend on another control (each surface has its own suggested rates).  On a first
    visit the URL seeds the controls as usual; afterwards, changing the surface brings its own rates back instead
    of keeping rates tuned for another surface.
    """
    marker = f"{PAGE}._follow.{trigger}"
    last = st.session_state.get(marker)
    if last is not None and last != value:
        for name, v in defaults.items():
            st.session_state[f"{PAGE}.{name}"] = v
    st.session_state[marker] = value


def rate_control(name: str, label: str, default: float, help_key: str | None = None) -> controls.Levels:
    return controls.Levels(name, label, default, values=RATES, help=help_key)


def ending(row: pd.Series, x: float, curve_or_surface) -> str:
    """One sentence on where a path ended (a ``descent.summary`` row and the path's last position ``x``)."""
    if row.status != "ok":
        return t(f"optimizers.end.{row.status}", step=int(row.steps))
    width = curve_or_surface.xlim[1] - curve_or_surface.xlim[0]
    if row.distance < 0.01 * width:
        key = "optimizers.end.global" if row.global_minimum else "optimizers.end.local"
        return t(key, step=int(row.steps), x=x)
    return t("optimizers.end.moving", step=int(row.steps), x=x, f=row.final_f, dist=row.distance)


# -- the page --------------------------------------------------------------------------------------------------------
layout.header(PAGE)
LANG, PRESENTER = get_lang(), layout.is_presenter()
tabs = st.tabs([t(f"optimizers.tab.{k}") for k in ("one", "two", "avg", "adaptive", "network", "schedules")])

# ① one parameter: the lecture's figure, without and with momentum ---------------------------------------------------
with tabs[0]:
    where = layout.controls_area(3)
    curve_name = controls.render([controls.Choice("curve", "optimizers.ctl.curve", "two_minima",
                                                  options=tuple(surfaces.CURVES),
                                                  option_labels="optimizers.curve.")], PAGE, where[0])["curve"]
    curve = surfaces.CURVES[curve_name]
    follow("curve", curve_name, {"lr1": curve.lr("sgd"), "start1": curve.start})
    one = controls.render([
        rate_control("lr1", "optimizers.ctl.lr_both", curve.lr("sgd")),
        controls.Number("mu1", "optimizers.ctl.mu", 0.9, lo=0.0, hi=0.99, step=0.01, fmt="%.2f"),
        controls.Number("start1", "optimizers.ctl.start", curve.start, lo=curve.xlim[0], hi=curve.xlim[1], step=0.1,
                        fmt="%.1f"),
        controls.Number("steps1", "optimizers.ctl.steps", 80, lo=5, hi=300, step=5, fmt="%d"),
    ], PAGE, [where[1], where[2], where[0], where[1]])
    follow("steps1", one["steps1"], {"at1": one["steps1"]})
    at1 = controls.render([controls.Number("at1", "optimizers.ctl.at", one["steps1"], lo=0, hi=one["steps1"], step=1,
                                           fmt="%d", help="optimizers.ctl.at_help")], PAGE, where[2])["at1"]
    st.caption(t(f"optimizers.why1.{curve_name}"))
    cols = st.columns(2)
    for col, name in zip(cols, ("sgd", "momentum")):
        title = t("optimizers.one.gd") if name == "sgd" else t("optimizers.one.momentum", mu=f"{one['mu1']:g}")
        col.markdown(layout.colored_label(COLORS[name], title), unsafe_allow_html=True)
        chart_spec, sentence = one_parameter(curve_name, name, one["steps1"], one["lr1"], one["start1"], one["mu1"],
                                             at1, LANG, PRESENTER)
        charts_lab.draw(col, chart_spec)
        col.caption(sentence)
    st.markdown(t("optimizers.one.text"))

# ② two parameters: the race -----------------------------------------------------------------------------------------
with tabs[1]:
    where = layout.controls_area(3)
    surf_name = controls.render([controls.Choice("surf", "optimizers.ctl.surface", "ravine",
                                                 options=tuple(surfaces.SURFACES), option_labels="optimizers.surf.")],
                                PAGE, where[0])["surf"]
    surface = surfaces.SURFACES[surf_name]
    follow("surf", surf_name, {f"lr_{n}": surface.lr(n) for n in NAMES})
    steps2 = controls.render([controls.Number("steps2", "optimizers.ctl.steps", 150, lo=10, hi=1000, step=10,
                                              fmt="%d", help="optimizers.ctl.steps_help")], PAGE, where[1])["steps2"]
    follow("steps2", steps2, {"at2": steps2})
    at2 = controls.render([controls.Number("at2", "optimizers.ctl.at", steps2, lo=0, hi=steps2, step=1, fmt="%d",
                                           help="optimizers.ctl.at_help")], PAGE, where[2])["at2"]

    with st.expander("🎛️ " + t("optimizers.h.hyper"), expanded=not PRESENTER):
        chosen = controls.render([controls.Several("opts", "optimizers.ctl.opts", NAMES, options=NAMES,
                                                   option_labels="optimizers.opt.")], PAGE)["opts"]
        hyper_cols = st.columns(len(NAMES))
        hyper = {}
        def eps(name):  # the adaptive rules' epsilon: tiny keeps the rate lr / sqrt(G); large damps it towards SGD
            return controls.Levels(f"eps_{name}", "optimizers.ctl.eps", 1e-8, values=EPSILONS,
                                   help="optimizers.ctl.eps_help")
        extra = {
            "sgd": [], "adagrad": [eps("adagrad")],
            "momentum": [controls.Number("mu_m", "optimizers.ctl.mu", 0.9, lo=0.0, hi=0.99, step=0.01, fmt="%.2f")],
            "nesterov": [controls.Number("mu_n", "optimizers.ctl.mu", 0.9, lo=0.0, hi=0.99, step=0.01, fmt="%.2f")],
            "rmsprop": [controls.Levels("rho", "optimizers.ctl.rho", 0.9, values=(0.5, 0.8, 0.9, 0.95, 0.99, 0.999)),
                        eps("rmsprop")],
            "adam": [controls.Number("b1", "optimizers.ctl.beta1", 0.9, lo=0.0, hi=0.99, step=0.01, fmt="%.2f"),
                     controls.Levels("b2", "optimizers.ctl.beta2", 0.999, values=(0.9, 0.99, 0.999, 0.9999)),
                     eps("adam")],
        }
        for col, name in zip(hyper_cols, NAMES):
            col.markdown(layout.colored_label(COLORS[name], t(f"optimizers.opt.{name}")), unsafe_allow_html=True)
            hyper[name] = controls.render([rate_control(f"lr_{name}", "optimizers.ctl.lr_opt", surface.lr(name),
                                                        "optimizers.ctl.lr_opt_help")] + extra[name], PAGE, col)
            if name in ("sgd", "adagrad"):
                col.caption(t(f"optimizers.ctl.{name}_note"))
    keys = {"mu_m": "mu", "mu_n": "mu", "rho": "rho", "b1": "beta1", "b2": "beta2",
            **{f"eps_{n}": "eps" for n in ("adagrad", "rmsprop", "adam")}}
    specs = [{"optimizer": n, "label": n, "lr": hyper[n][f"lr_{n}"],
              **{keys[k]: v for k, v in hyper[n].items() if k in keys}} for n in chosen]
    contour_spec, value_spec, summary = surface_race(surf_name, json.dumps(specs), steps2, at2, LANG, PRESENTER)
    left, right = st.columns([3, 2])
    charts_lab.draw(left, contour_spec)
    charts_lab.draw(right, value_spec)
    st.dataframe(summary, hide_index=True, width="stretch", column_config={
        t("optimizers.col.final_f"): st.column_config.NumberColumn(format="%.4g"),
        t("optimizers.col.distance"): st.column_config.NumberColumn(format="%.3g"),
    })
    st.markdown(t(f"optimizers.why.{surf_name}"))
    st.caption(t("optimizers.race.credit"))

# ③ momentum as a moving average -------------------------------------------------------------------------------------
with tabs[2]:
    where = layout.controls_area(3)
    avg = controls.render([
        controls.Number("mu3", "optimizers.ctl.mu", 0.9, lo=0.0, hi=0.99, step=0.01, fmt="%.2f"),
        controls.Number("noise3", "optimizers.ctl.noise", 1.0, lo=0.0, hi=2.0, step=0.1, fmt="%.1f"),
        controls.Flag("raw3", "optimizers.ctl.raw", False, help="optimizers.ctl.raw_help"),
    ], PAGE, where)
    weights_spec, velocity_spec, sentence = moving_average(avg["mu3"], avg["noise3"], avg["raw3"], LANG, PRESENTER)
    st.markdown(sentence)
    left, right = st.columns(2)
    charts_lab.draw(left, weights_spec)
    charts_lab.draw(right, velocity_spec)
    st.markdown(t("optimizers.avg.text"))

# ④ AdaGrad's rate collapses, RMSprop's does not ---------------------------------------------------------------------
with tabs[3]:
    where = layout.controls_area(4)
    ada = controls.render([
        controls.Levels("lr4", "optimizers.ctl.lr4", 0.1, values=(0.01, 0.03, 0.1, 0.3, 1.0)),
        controls.Levels("rho4", "optimizers.ctl.rho4", 0.9, values=(0.5, 0.9, 0.99, 0.999)),
        controls.Number("steps4", "optimizers.ctl.steps", 500, lo=50, hi=2000, step=50, fmt="%d"),
        controls.Number("noise4", "optimizers.ctl.noise", 0.5, lo=0.0, hi=2.0, step=0.1, fmt="%.1f"),
    ], PAGE, where)
    chart_spec, sentence = adaptive(ada["lr4"], ada["rho4"], ada["steps4"], ada["noise4"], LANG, PRESENTER)
    left, right = st.columns([3, 2])
    charts_lab.draw(left, chart_spec)
    right.markdown(sentence)
    right.markdown(t("optimizers.ada.text"))

# ⑤ the race on a real network, with and without learning-rate decay -------------------------------------------------
with tabs[4]:
    where = layout.controls_area(5)
    net = controls.render([
        controls.Choice("ds5", "optimizers.ctl.dataset", "moons", options=("moons", "circles", "xor", "spiral"),
                        option_labels="optimizers.ds."),
        controls.Number("epochs5", "ctl.epochs", 30, lo=10, hi=80, step=5, fmt="%d"),
        controls.Levels("scale5", "optimizers.ctl.scale", 1.0, values=(0.3, 1.0, 3.0, 10.0),
                        help="optimizers.ctl.scale_help"),
        controls.Choice("decay5", "optimizers.ctl.decay", "step", options=("step", "exponential", "inverse_time"),
                        option_labels="optimizers.sched."),
        controls.Number("seed5", "ctl.seed", 0, lo=0, hi=999, step=1, fmt="%d", help="ctl.seed_help"),
    ], PAGE, where)
    every = max(1, net["epochs5"] // 4)
    base = NETWORK.replace(dataset=net["ds5"], epochs=net["epochs5"], seed=net["seed5"], decay_every=every)
    configs, labels = {}, {}
    for name in NAMES:
        lr = min(NETWORK_RATES[name] * net["scale5"], 100.0)
        for sched, code in (("constant", "constant"), ("decay", net["decay5"])):
            configs[f"{name}|{sched}"] = base.replace(optimizer=name, lr=lr, schedule=code)
            labels[f"{name}|{sched}"] = f"{t(f'optimizers.opt.{name}')} · {t(f'optimizers.sched.{code}')}"
    results = runner.train_all(configs, labels)
    refused = [r for r in results.values() if not isinstance(r, Run)]
    if refused:
        layout.summary(st, refused[0])
    specs_by_schedule, table = network_race(json.dumps({k: c.to_json() for k, c in configs.items()}), net["decay5"],
                                            LANG, PRESENTER)
    cols = st.columns(2)
    for col, sched in zip(cols, ("constant", "decay")):
        if sched in specs_by_schedule:
            charts_lab.draw(col, specs_by_schedule[sched])
    percent = st.column_config.NumberColumn(format="%.0f%%")
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        t("optimizers.col.loss_constant"): st.column_config.NumberColumn(format="%.4f"),
        t("optimizers.col.loss_decay"): st.column_config.NumberColumn(format="%.4f"),
        **{t(f"optimizers.col.{k}"): percent for k in ("acc_constant", "acc_decay", "rises_constant", "rises_decay")},
    })
    st.caption(t("optimizers.net.columns") + " " + t("optimizers.net.setup", every=every))
    st.markdown(t("optimizers.net.text"))

# ⑥ learning-rate schedules ------------------------------------------------------------------------------------------
with tabs[5]:
    where = layout.controls_area(5)
    sched = controls.render([
        controls.Levels("lr6", "optimizers.ctl.lr0", 0.1, values=(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)),
        controls.Number("rate6", "optimizers.ctl.rate", 0.5, lo=0.1, hi=0.9, step=0.05, fmt="%.2f"),
        controls.Number("every6", "optimizers.ctl.every", 10, lo=1, hi=50, step=1, fmt="%d"),
        controls.Number("epochs6", "ctl.epochs", 100, lo=10, hi=300, step=10, fmt="%d"),
        controls.Flag("log6", "optimizers.ctl.log", True),
    ], PAGE, where)
    left, right = st.columns([3, 2])
    charts_lab.draw(left, schedule_view(sched["lr6"], sched["rate6"], sched["every6"], sched["epochs6"], sched["log6"],
                                        LANG, PRESENTER))
    right.markdown(t("optimizers.sched.text"))
