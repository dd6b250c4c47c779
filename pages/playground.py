"""Playground: TensorFlow Playground's network lab, with what its users keep asking for, and the doctor watching.

Data (built-in sets or the learner's own CSV), input features, any network
nncore can train, every optimizer and schedule; the network drawn node by node,
the decision boundary and the curves scrubbed through training; the doctor's
verdict; weights and telemetry to download.  Every control is in the URL.  The
computing lives in clinic.playground (pure) and nncore.userdata (the upload
parser); this file lays it out.
"""

import hashlib

import streamlit as st

import nncore
from clinic import charts, charts_playground, controls, frames, layout, pathology, runner, verdicts
from clinic import playground as pg
from clinic.i18n import get_lang, t
from nncore import Config, Run, doctor, userdata

PAGE = pg.PAGE
UPLOAD_KEY = f"{PAGE}.upload"
NET_WIDTH = 560  # px the network chart is expected to get (half a wide page): thumbnails come out square
BOUNDARY_HEIGHT = {False: 430, True: 560}  # normal, presenter: about square in half a page
UPLOAD_MB = max(1, userdata.MAX_BYTES // 1_000_000)


# -- controls that hide when they do not matter, and stay in the link --------------------------------------
def keep(control: controls.Control):
    """Keep a hidden control's value (and its URL parameter) without drawing it.

    A control that does not affect this run (momentum's mu under Adam) is
    not drawn, but its value stays in the session and in the link, so
    switching back restores it and a share link loses nothing.  A bad URL
    value still gets its notice.
    """
    key = f"{PAGE}.{control.name}"
    st.session_state.setdefault(controls.REGISTRY_KEY, {})[key] = control
    if key in st.session_state:
        value = control.coerce(st.session_state[key])
    else:
        parsed = control.parse(st.query_params.get(control.name))
        value = parsed.value
        if parsed.notice:
            controls.run_state().notices.append(parsed.notice)
    st.session_state[key] = value
    controls.remember(control, value)
    return value


def draw(group, where, values: dict, task, n_inputs: int) -> None:
    for control in group:
        if pg.relevant(control.name, values, task, n_inputs):
            values.update(controls.render([control], PAGE, where))
        else:
            values[control.name] = keep(control)


def _bump_seed() -> None:
    key = f"{PAGE}.seed"
    st.session_state[key] = (int(st.session_state.get(key, 0)) + 1) % 1000


# -- the learner's file ---------------------------------------------------------------------------------------
@st.cache_data(max_entries=32, max_size="20MB", show_spinner=False)
def _parse(digest: str, _raw: bytes):
    """(UserData, None) or (None, (code, facts)); keyed by the file's hash (the bytes are not hashed again)."""
    try:
        return userdata.parse(_raw), None
    except userdata.UploadError as e:
        return None, (e.code, e.facts)


@st.cache_data(max_entries=64, max_size="40MB", show_spinner=False)
def _train_upload(digest: str, config_json: str, scale: bool, _raw: bytes) -> Run:
    data = userdata.parse(_raw)
    cfg = Config.from_json(config_json)
    return nncore.train(cfg, data=userdata.training_data(data, cfg, scale))


def upload_box(where):
    """The uploader; returns (data or None, raw bytes or None, digest or None) and says what is wrong with a file."""
    where.caption(t("playground.upload.formats", rows=userdata.MAX_ROWS, mb=UPLOAD_MB,
                    classes=userdata.MAX_CLASSES, min_rows=userdata.MIN_ROWS))
    file = where.file_uploader(t("playground.upload.widget"), type=["csv", "txt"], key=UPLOAD_KEY,
                               max_upload_size=UPLOAD_MB)
    if file is None:
        st.info(t("playground.upload.none"), icon="📄")
        return None, None, None
    if isinstance(file.size, int) and file.size > userdata.MAX_BYTES:  # refused unread
        error = ("too_big", {})
    else:
        raw = file.getvalue()
        digest = hashlib.sha256(raw).hexdigest()
        data, error = _parse(digest, raw)
    if error is not None:
        code, facts = error
        st.error(t("playground.upload.bad", name=file.name) + " "
                 + t(f"playground.err.{code}", **{"limit_mb": UPLOAD_MB, **facts}), icon="🚫")
        return None, None, None
    return data, raw, digest


def describe_upload(data: userdata.UserData) -> None:
    kind = {"binary": "playground.upload.kind_binary", "multiclass": "playground.upload.kind_multi",
            "regression": "playground.upload.kind_regression"}[data.task]
    st.success(t("playground.upload.ok", rows=data.n, columns=", ".join(data.columns), target=data.target,
                 kind=t(kind, classes=data.n_classes)), icon="📄")
    if data.classes:
        st.columns([2, 3])[0].dataframe(charts_playground.class_table(data.classes, data.counts), hide_index=True)


@st.cache_data(max_entries=300, max_size="30MB", show_spinner=False)
def _network_spec(run_key: str, epoch: int, lang: str, presenter: bool, _run: Run) -> dict:
    """The network drawing at ``epoch`` (a Vega-Lite dict, ~60-120 kB), cached by what determines it."""
    pic = pg.network_picture(_run, epoch, frames.bounds(_run), width=NET_WIDTH, zoom=1.3 if presenter else 1.0)
    return charts_playground.network_spec(pic, style=charts.PRESENTER if presenter else charts.NORMAL,
                                          one_d=_run.data[0].shape[1] == 1,
                                          title=t("playground.chart.network", epoch=epoch))


# -- watching training: the scrubber played like TensorFlow Playground's play button -------------------------
PLAY_KEY = f"{PAGE}.playing"  # session only: a share link opens paused, at the epoch it names
VIEW_KEY = f"{PAGE}.view"
FRAME_SECONDS = 0.7  # per snapshot: 21 snapshots play in about 15 s


def _toggle_play(values: tuple[int, ...]) -> None:
    playing = not st.session_state.get(PLAY_KEY, False)
    st.session_state[PLAY_KEY] = playing
    if playing and pg.next_frame(values, st.session_state.get(VIEW_KEY, values[-1])) is None:
        st.session_state[VIEW_KEY] = values[0]  # at the end: play again from the untrained network


def watch(run: Run, config: Config, run_key: str) -> None:
    """Scrubber, view toggles, network, output and curves at one epoch: redrawn alone while playing.

    Run as a fragment, every FRAME_SECONDS while playing (TensorFlow
    Playground's play button over the snapshots), so a frame redraws these
    charts only -- from caches, without training.  Reaching the last snapshot
    stops the play with a full rerun (which also writes the epoch into the link).
    """
    epoch_ctl = pathology.epoch_control(config)
    if st.session_state.get(PLAY_KEY):
        nxt = pg.next_frame(epoch_ctl.values, st.session_state.get(VIEW_KEY, epoch_ctl.values[-1]))
        if nxt is None:
            st.session_state[PLAY_KEY] = False
            st.rerun()
        st.session_state[VIEW_KEY] = nxt
    style = layout.style()
    one_d = run.data[0].shape[1] == 1
    scrub_col, *flag_cols = st.columns([5, 2, 2], vertical_alignment="bottom")
    view = controls.render([epoch_ctl], PAGE, scrub_col)["view"]
    shown = pg.shown_epoch(run, view)
    looks = {}  # show_test, discrete: how the output is drawn
    for control, col in zip(pg.VIEW_CONTROLS, flag_cols):
        draw([control], col, looks, "regression" if one_d else config.task, 2)
    every_point = frames.points(run)
    pts = pg.view_points(every_point, looks["test"])
    look_key = f"{looks['test']}|{looks['discrete']}"
    box = frames.bounds(run)

    net_col, out_col = st.columns(2)

    net_col.vega_lite_chart(spec=_network_spec(run_key, shown, get_lang(), layout.is_presenter(), run),
                            width="stretch")
    net_col.caption(t("playground.net.caption"))
    n_links = pg.links_total(run)
    if n_links > pg.MAX_LINKS:
        net_col.caption(t("playground.net.capped", shown=pg.MAX_LINKS, total=n_links))

    if one_d:
        layout.chart(out_col, lambda: charts.fit_chart(
            frames.fitted_curve(run, shown), pts, charts.OKABE_ITO[1], style=style,
            domain=frames.shared_domain([every_point], "y"), title=t("playground.chart.fit", epoch=shown)),
            key=f"pg.fit|{run_key}|{shown}|{look_key}")
    else:
        grid = frames.boundary_grid(run, shown, box=box)
        if looks["discrete"]:
            grid = pg.discretize(grid, config.task)
        layout.chart(out_col, lambda: charts.boundary_chart(
            grid, pts, style=style, task=config.task,
            title=t("playground.chart.boundary" if config.task != "regression" else "playground.chart.surface",
                    epoch=shown)).properties(height=BOUNDARY_HEIGHT[layout.is_presenter()]),
            key=f"pg.boundary|{run_key}|{shown}|{look_key}")

    curve_cols = st.columns(3)
    layout.chart(curve_cols[0], lambda: charts_playground.curves_chart(
        run.history, "loss", shown, style=style, log=True, x_max=config.epochs,
        title=t("playground.chart.loss")), key=f"pg.loss|{run_key}|{shown}")
    if config.task != "regression":
        layout.chart(curve_cols[1], lambda: charts_playground.curves_chart(
            run.history, "acc", shown, style=style, x_max=config.epochs,
            title=t("playground.chart.acc")), key=f"pg.acc|{run_key}|{shown}")
    else:
        curve_cols[1].info(t("playground.no_accuracy"))
    verdicts.show(curve_cols[2], run, current_page=PAGE, key=run_key)  # an upload: the key names the file too


# -- the page -------------------------------------------------------------------------------------------------------
layout.header(PAGE)
cols = layout.controls_area(5)
heads = ["playground.group.data", "playground.group.features", "playground.group.network",
         "playground.group.init", "playground.group.training"]
for col, head in zip(cols, heads):
    col.markdown(f"**{t(head)}**")

values: dict = {}
draw(pg.DATA_CONTROLS[:1], cols[0], values, None, 2)
upload = raw = digest = None
if values["data"] == "upload":
    upload, raw, digest = upload_box(cols[0])
task = pg.task_of(values["data"], upload)
n_in = pg.n_inputs_of(values["data"], upload)
draw(pg.DATA_CONTROLS[1:], cols[0], values, task, n_in)
cols[0].button("🎲 " + t("playground.regenerate"), key=f"{PAGE}.regenerate", on_click=_bump_seed,
               help=t("playground.regenerate_help"))
draw(pg.FEATURE_CONTROLS, cols[1], values, task, n_in)
draw(pg.NETWORK_CONTROLS, cols[2], values, task, n_in)
draw(pg.INIT_CONTROLS, cols[3], values, task, n_in)
draw(pg.TRAINING_CONTROLS, cols[4], values, task, n_in)

if upload is not None:
    describe_upload(upload)
if values["data"] == "upload":
    st.caption("🔗 " + t("playground.upload.not_in_link"))

config = None
if values["data"] != "upload" or upload is not None:
    try:
        config = pg.build_config(values, upload)
    except ValueError:
        st.warning(t("playground.no_features"), icon="☝️")

result = None
if config is not None:
    if upload is None:
        run_key = config.to_json()
        result = runner.train_all({"run": config}, {"run": t("page.playground")}, page_seconds=pg.SECONDS)["run"]
    else:
        run_key = f"upload:{digest}:{values['scale']}:{config.to_json()}"
        with st.spinner(t("status.training", name=t("page.playground"), i=1, n=1)):
            result = runner.train_one(config, pg.SECONDS, train=lambda: _train_upload(
                digest, config.to_json(), bool(values["scale"]), raw))

if result is None:
    for control in [pathology.epoch_control(config or pg.build_config({})), *pg.VIEW_CONTROLS]:
        keep(control)
elif layout.summary(st, result):
    run: Run = result
    playing = bool(st.session_state.get(PLAY_KEY))
    st.button(("⏸ " + t("playground.pause")) if playing else ("▶ " + t("playground.play")), key=f"{PAGE}.play",
              on_click=_toggle_play, args=(pathology.epoch_control(config).values,), help=t("playground.play_help"))
    st.fragment(watch, run_every=FRAME_SECONDS if playing else None)(run, config, run_key)

    info = pg.upload_info(upload, bool(values["scale"])) if upload is not None else None
    dl = st.columns(3)
    dl[0].download_button("⬇️ " + t("playground.download.weights"), data=lambda: pg.weights_json(run, info),
                          file_name="playground-weights.json", mime="application/json",
                          key=f"{PAGE}.dl.weights", on_click="ignore")
    dl[1].download_button("⬇️ " + t("download.csv"), data=lambda: doctor.to_csv(run.history, run.layers),
                          file_name="playground-telemetry.csv", mime="text/csv", key=f"{PAGE}.dl.csv",
                          on_click="ignore")
    dl[2].caption(t("playground.download.help"))
else:
    keep(pathology.epoch_control(config))

layout.note("playground.note")
