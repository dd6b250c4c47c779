"""Overfitting: a wide, deep network memorises few noisy points; the lecture's four fixes beside it."""

from clinic import controls, layout, pathology
from clinic.i18n import t
from nncore.scenarios import SCENARIOS

PAGE = "overfitting"
SCENARIO = SCENARIOS["overfit"]
P = SCENARIO.problem

CONTROLS = [
    controls.Levels("width", "overfitting.ctl.width", P.hidden[0], values=(8, 16, 24, 32, 48, 64), fmt="%d"),
    controls.Number("depth", "overfitting.ctl.depth", len(P.hidden), lo=1, hi=4, step=1, fmt="%d"),
    controls.Number("n", "ctl.n_samples", P.n_samples, lo=100, hi=600, step=50, fmt="%d"),
    controls.Number("noise", "ctl.noise", P.noise, lo=0.0, hi=0.6, step=0.05, fmt="%.2f"),
    controls.Number("epochs", "ctl.epochs", P.epochs, lo=50, hi=500, step=50, fmt="%d"),
    controls.Levels("l2", "overfitting.ctl.l2", SCENARIO.fixes["l2"].l2, values=(0.001, 0.003, 0.01, 0.03, 0.1, 0.3)),
    controls.Number("dropout", "overfitting.ctl.dropout", SCENARIO.fixes["dropout"].dropout, lo=0.1, hi=0.8,
                    step=0.1, fmt="%.1f"),
    pathology.seed_control(),
]


def variants(v: dict) -> dict:
    """The problem and each fix, built from the controls: same data, same seed, one change each."""
    width, depth = int(v["width"]), int(v["depth"])
    base = P.replace(hidden=(width,) * depth, n_samples=v["n"], noise=v["noise"], epochs=v["epochs"], seed=v["seed"])
    return {
        "problem": base,
        "fewer_units": base.replace(hidden=(max(2, width // 8),) * depth),
        "fewer_layers": base.replace(hidden=(width,)),
        "l2": base.replace(l2=v["l2"]),
        "dropout": base.replace(dropout=v["dropout"]),
        "early_stopping": base.replace(early_stopping=SCENARIO.fixes["early_stopping"].early_stopping),
    }


def subtitles(configs: dict) -> dict:
    p, few = configs["problem"], configs["fewer_units"]
    return {
        "problem": t("overfitting.s.problem", layers=len(p.hidden), width=p.hidden[0]),
        "fewer_units": t("overfitting.s.fewer_units", layers=len(few.hidden), width=few.hidden[0]),
        "fewer_layers": t("overfitting.s.fewer_layers", width=p.hidden[0]),
        "l2": t("overfitting.s.l2", l2=configs["l2"].l2),
        "dropout": t("overfitting.s.dropout", p=configs["dropout"].dropout),
        "early_stopping": t("overfitting.s.early_stopping", patience=configs["early_stopping"].early_stopping),
    }


layout.header(PAGE)
values = controls.render(CONTROLS, PAGE, layout.controls_area(4))
configs = variants(values)
labels = {name: t(f"overfitting.v.{name}") for name in configs}
results = pathology.train(PAGE, configs, labels)
epoch = controls.render([pathology.epoch_control(configs["problem"])], PAGE)["view"]
ctx = pathology.standard_context(PAGE, results, labels, epoch)
pathology.columns(ctx, results, [pathology.loss_row(), pathology.boundary_row(), pathology.layer_row("weight_norm"),
                                 pathology.verdict_row(), pathology.download_row()], subtitles(configs))
pathology.lecture_fixes(PAGE, ["overfitting.fix.fewer_units", "overfitting.fix.fewer_layers", "overfitting.fix.l2",
                               "overfitting.fix.dropout"])
layout.note("overfitting.dropout_note")
