"""Batch, mini-batch, SGD: one network trained three times, changing only how many samples each update uses."""

import json

import streamlit as st

from clinic import charts, charts_lab, controls, frames, layout, runner
from clinic.i18n import get_lang, t
import nncore
from nncore import Config, Run

PAGE = "gd_variants"
DATASETS = ("moons", "circles", "xor", "spiral", "gauss")
RATES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)

# Ranges chosen so that the costliest variant (SGD: n_train x epochs updates,
# at most 210 x 40 = 8,400) stays within its share of the page's budget.
CONTROLS = [
    controls.Choice("ds", "gd_variants.ctl.dataset", "moons", options=DATASETS, option_labels="gd_variants.ds."),
    controls.Levels("n", "ctl.n_samples", 200, values=(100, 150, 200, 300), fmt="%d"),
    controls.Number("epochs", "ctl.epochs", 30, lo=5, hi=40, step=1, fmt="%d", help="gd_variants.ctl.epochs_help"),
    controls.Levels("lr", "ctl.lr", 0.1, values=RATES, help="gd_variants.ctl.lr_help"),
    controls.Levels("k", "gd_variants.ctl.k", 16, values=(2, 4, 8, 16, 32, 64), fmt="%d",
                    help="gd_variants.ctl.k_help"),
    controls.Levels("width", "gd_variants.ctl.width", 16, values=(4, 8, 16, 32), fmt="%d"),
    controls.Number("seed", "ctl.seed", 0, lo=0, hi=999, step=1, fmt="%d", help="ctl.seed_help"),
]

@st.cache_resource(show_spinner=False)
def warm_up() -> bool:
    """Train one tiny network, once per server process, before the variants.

    The first training in a fresh process pays one-time costs (lazy imports, BLAS start-up: ~0.3 s measured
    here) inside its wall time; without this, whichever variant trains first would look several times slower
    per epoch than it is.
    """
    nncore.train(Config(n_samples=40, hidden=(2,), epochs=2, snapshots=1))
    return True


@st.cache_data(max_entries=64, max_size="10MB", show_spinner=False)
def views(configs_json: str, labels_json: str, lang: str, presenter: bool):
    """The page's four charts (as specs) and its table, from the runner's cached runs.

    Keyed by the configs, the labels, the language and presenter mode: a rerun that changes nothing costs a
    lookup instead of building and converting four Altair charts.
    """
    labels = json.loads(labels_json)
    runs = {}
    for name, cfg in json.loads(configs_json).items():
        run = runner.train_one(Config.from_json(cfg))
        if isinstance(run, Run):
            runs[name] = run
    style = charts.PRESENTER if presenter else charts.NORMAL
    colors = charts.variant_colors(labels)
    histories = {labels[n]: r.history for n, r in runs.items()}
    by_label = {labels[n]: colors[n] for n in runs}
    dom = frames.shared_domain(list(histories.values()), "train_loss", log=True)
    summary = charts_lab.gd_summary(runs, labels)
    specs = [
        charts_lab.fit(charts.overlay_loss_chart(histories, by_label, log=True, style=style, domain=dom,
                                                 title=t("gd_variants.chart.epochs"))),
        charts_lab.loss_by_updates_chart(histories, by_label, style=style, domain=dom,
                                         title=t("gd_variants.chart.updates")),
        charts_lab.batch_loss_chart({labels[n]: r.steps for n, r in runs.items()}, by_label, style=style,
                                    title=t("gd_variants.chart.batch_loss")),
        charts_lab.bar_chart(summary, "roughness", "gd_variants.ax.roughness", colors, style=style, fmt=".2f",
                             title=t("gd_variants.chart.roughness")),
        charts_lab.bar_chart(summary, "ms_per_epoch", "gd_variants.ax.ms", colors, style=style, fmt=".2f",
                             title=t("gd_variants.chart.time")),
    ]
    return [charts_lab.spec(c) for c in specs], summary


layout.header(PAGE)
values = controls.render(CONTROLS, namespace=PAGE, where=layout.controls_area(4))

base = Config(dataset=values["ds"], n_samples=values["n"], hidden=(values["width"],), optimizer="sgd",
              lr=values["lr"], epochs=values["epochs"], seed=values["seed"], snapshots=1, record_steps=True)
n_train = int(round(base.n_samples * (1 - base.val_fraction)))
ks = {"batch": n_train, "minibatch": values["k"], "sgd": 1}
labels = {name: t(f"gd_variants.v.{name}", k=k) for name, k in ks.items()}
configs = {name: base.replace(batch_size=k) for name, k in ks.items()}
colors = charts.variant_colors(labels)

warm_up()
results = runner.train_all(configs, labels)
subtitles = {name: t("gd_variants.sub", updates=-(-n_train // k)) for name, k in ks.items()}
cols = layout.variant_columns(labels, colors, subtitles)
for name, col in cols.items():
    layout.summary(col, results[name])
trained = {name: c.to_json() for name, c in configs.items() if isinstance(results[name], Run)}

if trained:
    specs, summary = views(json.dumps(trained), json.dumps(labels), get_lang(), layout.is_presenter())
    st.subheader(t("gd_variants.h.curves"))
    left, right = st.columns(2)
    charts_lab.draw(left, specs[0])
    charts_lab.draw(right, specs[1])
    st.markdown(t("gd_variants.curves_text"))
    charts_lab.draw(st.container(), specs[2])
    st.markdown(t("gd_variants.batch_loss_text"))

    st.subheader(t("gd_variants.h.noise"))
    left, right = st.columns(2)
    charts_lab.draw(left, specs[3])
    charts_lab.draw(right, specs[4])
    st.dataframe(
        summary[["label", "updates", "ms_per_epoch", "roughness", "rises", "final_loss", "final_acc"]],
        hide_index=True, width="stretch",
        column_config={
            "label": st.column_config.TextColumn(t("gd_variants.col.variant")),
            "updates": st.column_config.NumberColumn(t("gd_variants.col.updates"), format="%d"),
            "ms_per_epoch": st.column_config.NumberColumn(t("gd_variants.col.ms"), format="%.2f"),
            "roughness": st.column_config.NumberColumn(t("gd_variants.col.roughness"), format="%.2f"),
            "rises": st.column_config.NumberColumn(t("gd_variants.col.rises"), format="percent"),
            "final_loss": st.column_config.NumberColumn(t("gd_variants.col.loss"), format="%.4f"),
            "final_acc": st.column_config.NumberColumn(t("gd_variants.col.acc"), format="percent"),
        })
    st.markdown(t("gd_variants.noise_text"))
    st.caption(t("gd_variants.lecture"))
