"""The Doctor page under AppTest -- both languages, every example log, uploads good and bad, every training control,
the URL -- and its pure half (clinic.doctor_logs): the example writers, reading, thinning, the chart builders, and the
round trip of our CSV export through the page's own parsing path."""

import json

import numpy as np
import pandas as pd
import pytest

from clinic import doctor_logs as dl
from clinic import i18n
from clinic.text import doctor as text
from nncore import doctor, logs, train
from tests.apptest_utils import assert_ok, charts, notices, open_page, page_controls

PAGE = "pages/doctor.py"


@pytest.fixture
def vi():
    """Vietnamese in the test's thread too: AppTest formats radio and select labels there when it reruns."""
    i18n.set_lang("vi")
    yield
    i18n.set_lang("en")


def verdict_text(at) -> list[str]:
    return [w.value for w in at.warning if w.proto.icon != "🔗"] + [e.value for e in at.error] + \
           [s.value for s in at.success]


def words(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(parts + verdict_text(at) + [x.label for x in at.expander])


def upload(at, name: str, body: bytes):
    at.file_uploader(key="doctor.upload").set_value((name, body, "text/csv")).run()
    assert_ok(at)
    return at


def upload_mode(lang=None):
    at = open_page(PAGE, query={"mode": "upload"}, lang=lang)
    assert at.file_uploader(key="doctor.upload") is not None and not charts(at)
    return at


T = np.arange(60.0)
OVERFIT_TRAIN = 0.7 * np.exp(-T / 10)
OVERFIT_VAL = 0.15 + 0.55 * np.exp(-T / 6) + 0.008 * np.maximum(T - 15, 0)


def keras_bytes(train_loss=OVERFIT_TRAIN, val_loss=OVERFIT_VAL) -> bytes:
    lines = ["epoch,accuracy,loss,val_accuracy,val_loss"]
    lines += [f"{e},0.9,{a!r},0.8,{b!r}" for e, (a, b) in enumerate(zip(train_loss.tolist(), val_loss.tolist()))]
    return ("\n".join(lines) + "\n").encode()


# -- the page --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "vi"])
def test_first_load_shows_an_example_log_its_charts_and_the_doctors_finding(lang):
    at = open_page(PAGE, lang=lang)
    assert len(charts(at)) == 2  # loss (with the validation minimum marked) and accuracy
    found = verdict_text(at)
    title = text.TITLES_VI["overfitting"] if lang == "vi" else doctor.PROBLEMS["overfitting"].title
    assert any(v.startswith(f"**{title}**") for v in found)
    said = words(at)
    assert ("The doctor reads a training log" if lang == "en" else "Bác sĩ đọc nhật ký huấn luyện") in said
    assert ("Keras CSVLogger" in said) and ("keras-overfitting.csv" in said)
    assert len(list(at.get("download_button"))) == 1 and not notices(at)
    loss = json.loads(charts(at)[0].proto.spec)
    assert [layer["mark"]["type"] for layer in loss["layer"]] == ["line", "rule"]  # the marked epoch
    if lang == "vi":
        assert "Overfitting —" not in said and "validation loss" not in said.lower()


EXAMPLE_FINDINGS = {  # example -> (alarms the doctor must raise, charts drawn)
    "keras_overfit": ({"overfitting"}, 2),
    "lightning_diverged": ({"diverged", "loss_rising"}, 1),  # regression: no accuracy
    "plain_healthy": (set(), 1),
    "keras_slow": ({"slow_convergence"}, 2),
    "ours_vanishing": ({"vanishing_gradients", "underfitting"}, 2 + 5),  # + gradient, update, dead, saturated, distinct
    "ours_dying": ({"dying_relu", "underfitting"}, 2 + 3),  # a dead network's gradients are 0: no log-scale chart
}


def test_every_example_log_loads_with_one_click_and_is_read_through_the_parser(vi):
    at = open_page(PAGE, lang="vi")
    for ex, (alarms, n_charts) in EXAMPLE_FINDINGS.items():
        at.selectbox(key="doctor.ex").set_value(ex).run()
        assert_ok(at)
        assert len(charts(at)) == n_charts, ex
        found = verdict_text(at)
        for code in alarms:
            assert any(v.startswith(f"**{text.TITLES_VI[code]}**") for v in found), (ex, code)
        if not alarms:
            assert any(text.TEXT["doctor.healthy"][1] in v for v in found)
        assert len([v for v in found if v.startswith("**")]) == len(alarms), (ex, found)
        fmt = {"keras": "keras", "lightning": "lightning", "plain": "plain", "nncore": "nncore"}[dl.EXAMPLES[ex].writer]
        assert text.TEXT[f"doctor.format.{fmt}"][1] in words(at)
        assert at.query_params["ex"] == ex if ex != "keras_overfit" else "ex" not in at.query_params


def test_uploaded_keras_and_lightning_logs_are_charted_and_diagnosed():
    at = upload_mode()
    upload(at, "training_log.csv", keras_bytes())
    assert len(charts(at)) == 2
    said = words(at)
    assert "Read training_log.csv: 60 epochs, Keras CSVLogger." in said
    assert any(v.startswith("**Overfitting**") for v in verdict_text(at))
    assert "uploaded file cannot be put in a share link" in said
    run = train(dl.DIVERGING)
    upload(at, "metrics.csv", dl.lightning_csv(run.history, "SGD").encode())
    assert len(charts(at)) == 1 and "PyTorch Lightning CSVLogger" in words(at)
    assert any(v.startswith("**Training diverged**") for v in verdict_text(at))
    assert "lr-SGD" in words(at)  # "How the log was read" names the learning-rate monitor's column


BAD_UPLOADS = {  # file -> the Vietnamese reason the page must give
    b"": "tệp trống",
    b"epoch loss val_loss\n0 0.7 0.8\n1 0.6 0.7\n": "chỉ tìm thấy một cột",  # wrong delimiter
    b"epoch,accuracy\n0,0.5\n1,0.6\n": "không có cột hàm lỗi huấn luyện",
    b"epoch,loss\n0,0.7\n1,abc\n": "'abc' không phải là một số",
    b"epoch,loss\n0,0.7\n": "chỉ có 1 epoch có hàm lỗi huấn luyện",
    bytes(range(256)) * 4: "tệp nhị phân",
    b"epoch,loss\n" + b"0,0.5\n" * (logs.MAX_BYTES // 6 + 1): "vượt quá giới hạn 5 MB",  # over the cap
}


def test_bad_uploads_get_a_clear_translated_message_and_no_traceback(vi):
    at = upload_mode(lang="vi")
    for body, reason in BAD_UPLOADS.items():
        upload(at, "log.csv", body)
        errors = [e.value for e in at.error]
        assert len(errors) == 1 and errors[0].startswith("Bác sĩ không đọc được log.csv:"), errors
        assert reason in errors[0], (reason, errors[0])
        assert not charts(at)
    # duplicated epochs are read, not refused: the last row of each counts, and the page says so
    upload(at, "resumed.csv", b"epoch,loss\n0,0.9\n1,0.8\n2,0.7\n1,0.5\n2,0.4\n3,0.3\n4,0.25\n5,0.2\n")
    assert not at.error and len(charts(at)) == 1
    assert "2 epoch xuất hiện trên nhiều dòng (1, 2): giữ lại dòng cuối cùng của mỗi epoch" in words(at)


def test_a_log_that_diverged_in_its_first_epoch_is_diagnosed_not_refused():
    at = upload_mode()
    upload(at, "nan.csv", b"epoch,loss,val_loss\n0,nan,nan\n")
    assert not at.exception and not [e for e in at.error if "could not read" in e.value]
    assert any(v.startswith("**Training diverged**") for v in verdict_text(at))


def test_training_here_every_control_changed_once_and_the_run_can_be_downloaded():
    at = open_page(PAGE, query={"mode": "train"})
    assert len(charts(at)) >= 2 and len(list(at.get("download_button"))) == 1
    assert any(text.TEXT["doctor.healthy"][0] in v for v in verdict_text(at))  # the default network is healthy
    train_keys = [f"doctor.{c.name}" for c in dl.TRAIN_CONTROLS]
    controls = page_controls(at, "doctor")
    assert set(train_keys) | {"doctor.mode", "doctor.ex"} == set(controls)
    for key in train_keys:  # each training control, in training mode (the helper would switch the mode first)
        at.session_state[key] = controls[key].alternative(at.session_state[key])
        at.run()
        assert_ok(at)
        assert charts(at) or at.error, key
    changed = {k.split(".")[1] for k in train_keys}
    assert changed == {c.name for c in dl.TRAIN_CONTROLS} and set(at.query_params) >= changed - {"seed"} | {"mode"}
    for mode in ("example", "upload"):  # the other modes keep the training settings in the link
        at.session_state["doctor.mode"] = mode
        at.run()
        assert_ok(at)
        assert set(at.query_params) >= changed - {"seed"}
    at.session_state["doctor.mode"] = "train"
    at.run()
    assert_ok(at)
    assert charts(at) and at.session_state["doctor.depth"] == controls["doctor.depth"].alternative(2)


def test_the_worst_training_combination_is_refused_with_the_budget_message():
    at = open_page(PAGE, query={"mode": "train", "depth": "8", "width": "64", "batch": "4", "epochs": "400"})
    assert not charts(at)
    assert any("over this page's limit" in e.value for e in at.error)


TIPS = {  # the page's suggestions (doctor.train.tips) -> what the doctor must find
    "diverges": ({"opt": "sgd", "lr": 10.0, "batch": 1024}, {"diverged"}),
    "unstable": ({"act": "tanh", "opt": "sgd", "lr": 1.0}, {"unstable_loss"}),
    "slow": ({"opt": "sgd", "lr": 1e-4}, {"slow_convergence"}),
    "copies": ({"init": "zeros"}, {"symmetric_init", "underfitting"}),
    "vanishing": ({"act": "sigmoid", "depth": 8, "opt": "sgd", "lr": 0.1}, {"vanishing_gradients", "underfitting"}),
    "underfitting": ({"data": "spiral", "depth": 1, "width": 2}, {"underfitting"}),
}


@pytest.mark.parametrize("tip", list(TIPS))
def test_the_pages_training_tips_make_the_doctor_find_what_they_promise(tip):
    values, codes = TIPS[tip]
    run = train(dl.config_from(values))
    assert {f.code for f in dl.from_run(run).report.alarms} == codes


def test_a_run_downloaded_here_and_uploaded_back_gets_the_same_reading():
    values, _ = TIPS["vanishing"]
    at = open_page(PAGE, query={"mode": "train", **{k: str(v) for k, v in values.items()}})
    trained = verdict_text(at)
    assert len(trained) == 2 and len(charts(at)) == 2 + 5
    run = train(dl.config_from(values))  # the same network (training is deterministic)
    back = upload(upload_mode(), "clinic-run.csv", doctor.to_csv(run.history, run.layers).encode())
    assert [v for v in verdict_text(back) if not v.startswith("Read ")] == trained  # word for word
    assert len(charts(back)) == len(charts(at))


def test_out_of_range_and_malformed_url_values_are_clamped_or_ignored_with_a_notice():
    at = open_page(PAGE, query={"mode": "train", "epochs": "100000", "lr": "abc", "ex": "nope", "width": "1000"})
    shown = notices(at)
    assert "epochs=100000" in shown and "range" in shown
    assert "lr=abc" in shown and "ex=nope" in shown and "width=1000" in shown
    assert at.session_state["doctor.epochs"] == 400 and at.session_state["doctor.width"] == 64
    assert at.query_params["epochs"] == "400" and "lr" not in at.query_params and "ex" not in at.query_params
    at = open_page(PAGE, query={"mode": "telepathy"})
    assert "mode=telepathy" in notices(at) and len(charts(at)) == 2  # back to the example


def test_a_share_link_in_upload_mode_keeps_everything_but_the_file():
    query = {"mode": "upload", "ex": "plain_healthy", "lr": "0.1", "opt": "sgd"}
    at = open_page(PAGE, query=query)
    assert not notices(at) and dict(at.query_params) == query
    at.run()
    assert_ok(at)
    assert dict(at.query_params) == query


# -- the pure half ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def overfit_run():
    return train(dl.EXAMPLES["keras_overfit"].config)


def test_round_trip_of_our_export_through_the_pages_parsing_path(overfit_run):
    run = train(dl.EXAMPLES["ours_vanishing"].config)
    for r in (run, overfit_run):
        back = dl.read(doctor.to_csv(r.history, r.layers).encode())
        pd.testing.assert_frame_equal(back.history, r.history, check_dtype=False)
        pd.testing.assert_frame_equal(back.layers, r.layers, check_dtype=False)
        here = dl.from_run(r)
        assert [(f.code, f.severity, f.evidence) for f in back.report.findings] == \
               [(f.code, f.severity, f.evidence) for f in here.report.findings]
        assert back.format == "nncore" and back.report.notes == ()


def test_keras_and_lightning_writers_read_back_in_their_convention(overfit_run):
    h = overfit_run.history
    keras = dl.read(dl.keras_csv(h).encode())
    assert keras.format == "keras" and keras.columns["train_loss"] == "loss"
    np.testing.assert_allclose(keras.history.train_loss, h.train_loss.iloc[1:])
    assert keras.history.epoch.tolist() == list(range(len(h) - 1))  # Keras counts from 0 and skips the untrained net
    lightning = dl.read(dl.lightning_csv(h).encode())
    assert lightning.format == "lightning" and lightning.columns["lr"] == "lr-Adam"
    np.testing.assert_allclose(lightning.history.train_loss, h.train_loss.iloc[1:], rtol=1e-12)  # step mean
    np.testing.assert_allclose(lightning.history.val_acc, h.val_acc.iloc[1:])
    plain = dl.read(dl.plain_csv(h).encode())
    assert plain.format == "plain" and plain.history.epoch.tolist() == h.epoch.tolist()
    assert [f.code for f in keras.report.alarms] == [f.code for f in plain.report.alarms] == ["overfitting"]


def test_full_batch_lightning_log_has_one_step_row_per_epoch():
    run = train(dl.DIVERGING)
    rows = dl.lightning_csv(run.history, "SGD").splitlines()
    assert rows[0] == "epoch,lr-SGD,step,train_loss_epoch,train_loss_step,val_loss"
    assert len(rows) == 1 + 3 * (len(run.history) - 1)  # a step, a validation and an epoch row per epoch


def test_preview_and_alias_tables():
    text_ = "\n".join(f"{i}," + "9" * 300 for i in range(20))
    shown = dl.preview(text_).splitlines()
    assert len(shown) == dl.PREVIEW_LINES + 1 and shown[-1] == "..." and all(len(s) <= 160 for s in shown)
    rows = dict(dl.alias_rows())
    assert set(rows) == set(logs.ALIASES) and "lr-<optimizer>" in rows["lr"] and "val_accuracy" in rows["val_acc"]
    assert dict(dl.layer_alias_rows()).keys() == logs.LAYER_ALIASES.keys()


def test_thinning_keeps_long_logs_chartable_and_the_last_epoch():
    n = 100_000
    h = pd.DataFrame({"epoch": np.arange(n), "train_loss": np.linspace(1, 0.1, n), "val_loss": np.nan})
    thin, layers = dl.thin(h, None)
    assert len(thin) <= dl.MAX_POINTS + 1 and thin.epoch.iloc[-1] == n - 1 and layers is None
    assert dl.thin(h.iloc[:50], None)[0] is not None and len(dl.thin(h.iloc[:50], None)[0]) == 50
    assert dl.stride(n) == 167


def test_log_scale_when_losses_span_decades_and_are_positive():
    h = pd.DataFrame({"epoch": [0, 1, 2], "train_loss": [1.0, 100.0, np.nan], "val_loss": [np.nan, np.inf, 2.0]})
    assert dl.wants_log(h)
    assert not dl.wants_log(h.assign(train_loss=[1.0, 2.0, 3.0]))
    assert not dl.wants_log(h.assign(train_loss=[-1.0, 100.0, 1.0]))  # a negative loss cannot be drawn on a log axis


def test_loss_chart_marks_the_epochs_findings_name_and_filters_what_vega_cannot_draw():
    h = pd.DataFrame({"epoch": np.arange(5), "train_loss": [1.0, 0.5, np.nan, np.inf, 0.2],
                      "val_loss": [1.1, 0.6, 0.7, 0.8, 0.9]})
    found = doctor.diagnose(pd.DataFrame({"epoch": np.arange(60), "train_loss": OVERFIT_TRAIN,
                                          "val_loss": OVERFIT_VAL}))
    marked = dl.marks(found, {c: c for c in doctor.CODES})
    assert marked.to_dict("records") == [{"epoch": found[0].facts["min_epoch"], "finding": "overfitting"}]
    spec = dl.loss_chart(h, marked, log=True).to_dict()
    values = spec["datasets"][spec["layer"][0]["data"]["name"]]
    assert len(values) == 3 + 5 and all(np.isfinite(v["loss"]) for v in values)  # NaN and Inf left out
    assert spec["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"
    assert spec["layer"][0]["encoding"]["x"]["title"] and spec["layer"][0]["encoding"]["y"]["title"]
    assert spec["layer"][1]["mark"]["type"] == "rule"
    assert "layer" not in dl.loss_chart(h, dl.marks([], {})).to_dict() or \
        len(dl.loss_chart(h, dl.marks([], {})).to_dict()["layer"]) == 1


def layer_frame(n_layers, epochs=5):
    rows = [{"epoch": e, "layer": k, "name": "x", "units": 4, "grad_norm": 10.0 ** -k, "update_ratio": 1e-3,
             "dead_frac": 0.0 if k < n_layers else np.nan, "saturated_frac": np.nan,
             "distinct_units": 4 if k < n_layers else 1}
            for e in range(epochs) for k in range(1, n_layers + 1)]
    return pd.DataFrame(rows)


def test_layer_charts_name_the_layers_in_the_current_language_and_skip_the_output_where_it_means_nothing():
    small = layer_frame(3)
    assert dl.layer_metrics(small) == ["grad_norm", "update_ratio", "dead_frac", "distinct_units"]
    i18n.set_lang("vi")
    try:
        spec = dl.layer_chart(small, "distinct_units").to_dict()
    finally:
        i18n.set_lang("en")
    values = spec["datasets"][spec["data"]["name"]]
    assert {v["name"] for v in values} == {"lớp ẩn 1", "lớp ẩn 2"}  # the output layer's count is left out
    assert spec["encoding"]["color"]["type"] == "nominal"
    spec = dl.layer_chart(small, "grad_norm").to_dict()
    assert spec["encoding"]["y"]["scale"]["type"] == "log" and spec["encoding"]["y"]["title"]
    assert "output" in {v["name"] for v in spec["datasets"][spec["data"]["name"]]}
    deep = dl.layer_chart(layer_frame(11), "grad_norm").to_dict()
    assert deep["encoding"]["color"]["type"] == "quantitative"  # eleven legend entries would not fit: a ramp
    assert deep["encoding"]["color"]["title"] == "hidden 1 (dark) → output (light)"
    assert dl.layer_metrics(None) == [] and dl.layer_metrics(small.iloc[:0]) == []


def test_accuracy_chart_and_its_presence():
    h = pd.DataFrame({"epoch": [0, 1], "train_acc": [0.5, np.nan], "val_acc": [np.nan, np.nan]})
    assert dl.has_accuracy(h) and not dl.has_accuracy(h.assign(train_acc=np.nan))
    spec = dl.accuracy_chart(h).to_dict()
    assert spec["encoding"]["y"]["scale"]["domain"] == [0, 1] and spec["encoding"]["y"]["axis"]["format"] == "%"


def test_every_training_control_combination_is_a_valid_network():
    choices = {c.name: (c.options if hasattr(c, "options") and c.options else
                        (c.values if hasattr(c, "values") and c.values else (c.lo, c.hi))) for c in dl.TRAIN_CONTROLS}
    for name, values in choices.items():
        for v in values:
            cfg = dl.config_from({name: v})
            assert cfg.n_samples == dl.N_SAMPLES
    worst = dl.config_from({"depth": 8, "width": 64, "batch": 4, "epochs": 400})
    assert len(worst.hidden) == 8 and worst.batch_size == 4
