"""Training doctor: a training log in -- an example, the learner's own CSV, or a network trained here -- and the
doctor's reading out: the curves, each finding with its evidence, the lecture's fixes and the page that recreates it,
the checks it could not make and how the file was read.

The computing lives in clinic.doctor_logs (pure: examples, reading, charts) and clinic.verdicts (the doctor's words
in the current language); this file lays it out.  Every control is in the URL; an uploaded file cannot be.
"""

import hashlib

import streamlit as st

from clinic import controls, layout, runner, verdicts
from clinic import doctor_logs as dl
from clinic.i18n import t
from nncore import Run, doctor, logs
from nncore.logs import LogError

PAGE = dl.PAGE
UPLOAD_KEY = f"{PAGE}.upload"


# -- the three sources, each cached by what determines it ---------------------------------------------------------
@st.cache_data(max_entries=32, max_size="80MB", show_spinner=False)
def _read(digest: str, _raw: bytes):
    """(Reading, None) or (None, (error code, facts)); keyed by the file's hash (the bytes are not hashed again)."""
    try:
        return dl.read(_raw), None
    except LogError as e:
        return None, (e.code, e.facts)


@st.cache_data(max_entries=16, max_size="10MB", show_spinner=False)
def _example(key: str, config_json: str, _run: Run) -> tuple[str, dl.Reading]:
    text = dl.EXAMPLES[key].text(_run)
    return text, dl.read(text.encode("utf-8"))


@st.cache_data(max_entries=64, max_size="40MB", show_spinner=False)
def _trained(config_json: str, _run: Run) -> dl.Reading:
    return dl.from_run(_run)


def keep_all(hidden: list) -> None:
    for control in hidden:
        dl.keep(control, st.session_state, st.query_params)


def refused(message: str) -> None:
    st.error(message, icon="🚫")
    st.caption(t("doctor.upload.see_formats"))


def upload_box():
    """The uploader; returns (Reading, digest) or None, and says what is wrong with a file."""
    file = st.file_uploader(t("doctor.upload.widget"), type=["csv", "txt", "tsv"], key=UPLOAD_KEY,
                            max_upload_size=dl.WIDGET_MB, help=t("doctor.upload.help", mb=dl.UPLOAD_MB))
    st.caption("🔗 " + t("doctor.upload.not_in_link"))
    if file is None:
        st.info(t("doctor.upload.none"), icon="📄")
        return None
    if isinstance(file.size, int) and file.size > logs.MAX_BYTES:  # refused unread
        refused(t("doctor.upload.bad", name=file.name) + " " + verdicts.log_error(LogError("too_big",
                                                                                           limit_mb=dl.UPLOAD_MB)))
        return None
    raw = file.getvalue()
    digest = hashlib.sha256(raw).hexdigest()
    reading, error = _read(digest, raw)
    if error is not None:
        code, facts = error
        refused(t("doctor.upload.bad", name=file.name) + " " + verdicts.log_error(LogError(code, **facts)))
        return None
    st.success(t("doctor.upload.ok", name=file.name, epochs=reading.epochs,
                 format=t(f"doctor.format.{reading.format}")), icon="📄")
    return reading, f"upload:{digest}"


# -- drawing a reading ----------------------------------------------------------------------------------------------
def show(reading: dl.Reading, key: str, download=None) -> None:
    """Charts, findings, skipped checks and reading notes of one log (``key`` names it for the chart cache)."""
    style = layout.style()
    found = reading.report.findings
    history, layers = dl.thin(reading.history, reading.layers)
    titles = {code: t(f"doctor.{code}.title") for code in doctor.CODES}
    log = dl.wants_log(history)

    left, right = st.columns([3, 2])
    marked = dl.marks(found, titles)
    layout.chart(left, lambda: dl.loss_chart(history, marked, style=style, log=log, title=t("doctor.chart.loss")),
                 key=f"doctor.loss|{key}|{log}")
    if len(marked):
        left.caption(t("doctor.chart.marks"))
    if dl.has_accuracy(history):
        layout.chart(left, lambda: dl.accuracy_chart(history, style=style, title=t("doctor.chart.accuracy")),
                     key=f"doctor.acc|{key}")
    box = right.container(border=True)
    box.markdown(f"**🩺 {t('verdict.title')}**")
    verdicts.draw(box, found, current_page=PAGE, healthy_key="doctor.healthy")

    metrics = dl.layer_metrics(layers)
    if metrics:
        st.markdown(f"**{t('doctor.layers.title')}**")
        per_row = 3
        for start in range(0, len(metrics), per_row):
            cols = st.columns(per_row)
            for col, metric in zip(cols, metrics[start:start + per_row]):
                layout.chart(col, lambda m=metric: dl.layer_chart(layers, m, style=style),
                             key=f"doctor.layer|{key}|{metric}")
    else:
        st.caption(t("doctor.layers.none"))

    skipped = reading.report.skipped
    if skipped:
        with st.expander(t("doctor.skipped.title", n=len(skipped))):
            st.markdown("\n".join(f"- **{titles[code]}** — {verdicts.phrase(reason, 'skip')}"
                                  for code, reason in skipped))
    with st.expander(t("doctor.read.title")):
        st.markdown(t("doctor.read.summary", format=t(f"doctor.format.{reading.format}"), epochs=reading.epochs,
                      first=int(reading.history.epoch.iloc[0]), last=int(reading.history.epoch.iloc[-1])))
        if reading.columns:
            st.markdown(t("doctor.read.columns") + " " + ", ".join(
                f"`{canon}` ← `{name}`" for canon, name in reading.columns.items()))
        if reading.layers is not None:
            st.markdown(t("doctor.read.layers", n=int(reading.layers["layer"].nunique())))
        for note in reading.report.notes:
            st.markdown(f"- {verdicts.phrase(note, 'note')}")
        if len(history) < len(reading.history):
            st.markdown(t("doctor.read.thinned", n=len(reading.history), k=dl.stride(len(reading.history))))
    if download is not None:
        data, file_name = download
        st.download_button("⬇️ " + t("doctor.download"), data=data, file_name=file_name, mime="text/csv",
                           key=f"{PAGE}.download", on_click="ignore")


def formats(expanded: bool) -> None:
    """What the page reads: formats, column names, per-layer columns, caps (from nncore.logs' own tables)."""
    with st.expander("📑 " + t("doctor.formats.title"), expanded=expanded):
        st.markdown(t("doctor.formats.body", mb=dl.UPLOAD_MB, rows=logs.MAX_ROWS, min_epochs=logs.MIN_EPOCHS))
        head = f"| {t('doctor.formats.column')} | {t('doctor.formats.names')} |\n|---|---|\n"
        st.markdown(head + "\n".join(f"| `{c}` | {names} |" for c, names in dl.alias_rows()))
        st.markdown(t("doctor.formats.layers"))
        st.markdown(head + "\n".join(f"| `{q}` | {names} |" for q, names in dl.layer_alias_rows()))


# -- the page -----------------------------------------------------------------------------------------------------
layout.header(PAGE)
mode = controls.render([dl.MODE], PAGE)["mode"]

if mode == "example":
    ex = controls.render([dl.EXAMPLE], PAGE)["ex"]
    keep_all(dl.TRAIN_CONTROLS)
    example = dl.EXAMPLES[ex]
    st.caption(t(f"doctor.about.{ex}"))
    result = runner.train_one(example.config)
    if isinstance(result, runner.Refused):  # never with the examples' small networks; said if it ever happens
        layout.summary(st, result)
    else:
        text, reading = _example(ex, example.config.to_json(), result)
        with st.expander("📄 " + t("doctor.example.file", name=example.file_name)):
            st.code(dl.preview(text), language=None)
        show(reading, f"ex:{ex}", download=(text, example.file_name))
    formats(expanded=False)
elif mode == "upload":
    keep_all([dl.EXAMPLE, *dl.TRAIN_CONTROLS])
    got = upload_box()
    if got is not None:
        show(*got)
    formats(expanded=got is None)
else:
    keep_all([dl.EXAMPLE])
    values = controls.render(dl.TRAIN_CONTROLS, PAGE, layout.controls_area(4))
    config = dl.config_from(values)
    result = runner.train_all({"run": config}, {"run": t("doctor.mode.train")}, page_seconds=dl.SECONDS)["run"]
    if layout.summary(st, result):
        run: Run = result
        show(_trained(config.to_json(), run), f"run:{config.to_json()}",
             download=(lambda: doctor.to_csv(run.history, run.layers), "clinic-run.csv"))
        st.caption(t("doctor.download.help"))
    st.info(t("doctor.train.tips"), icon="💡")
