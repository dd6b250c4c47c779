"""The Playground's data path without Streamlit: the upload parser (hostile files included), input features,
the config the controls describe, training from an upload, and the weights export."""

import io
import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nncore
from clinic import playground as pg
from nncore import Config, features, userdata
from nncore.userdata import MAX_BYTES, MAX_ROWS, MIN_ROWS, UploadError


def csv(header: str, rows, sep: str = ",", newline: str = "\n") -> bytes:
    lines = [header] + [sep.join(str(c) for c in r) for r in rows]
    return (newline.join(lines) + newline).encode("utf-8")


def points(n=40, labels=("a", "b"), seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return [(repr(float(x1)), repr(float(x2)), labels[i % len(labels)]) for i, (x1, x2) in enumerate(X)]


def code(data: bytes) -> str:
    with pytest.raises(UploadError) as err:
        userdata.parse(data)
    return err.value.code, err.value


# -- good files ----------------------------------------------------------------------------------------------
def test_labels_that_are_words_become_classes_in_sorted_order_with_counts():
    rows = points(45, labels=("dog", "cat", "cat"))
    data = userdata.parse(csv("x1,x2,label", rows))
    assert data.task == "binary" and data.dataset == "gauss" and data.n == 45
    assert data.classes == ("cat", "dog") and data.counts == (30, 15)
    assert [data.classes[k] for k in data.y] == [r[2] for r in rows]
    np.testing.assert_array_equal(data.X, np.array([[float(r[0]), float(r[1])] for r in rows]))


def test_numeric_labels_sort_as_numbers_and_equal_numbers_are_one_class():
    rows = [(i, -i, lab) for i, lab in enumerate(["10", "2", "2.0", "-1"] * 10)]
    data = userdata.parse(csv("x1,x2,class", rows))
    assert data.task == "multiclass" and data.dataset == "blobs" and data.n_classes == 3
    assert data.classes == ("-1", "2", "10")  # numeric order; "2.0" joined "2", named as first written
    assert data.counts == (10, 20, 10)


def test_regression_files_in_two_and_one_dimensions():
    two = userdata.parse(csv("x1,x2,y", [(i, i / 2, i * 0.1) for i in range(30)]))
    assert two.task == "regression" and two.dataset == "plane" and two.n_inputs == 2 and two.classes == ()
    np.testing.assert_allclose(two.y, np.arange(30) * 0.1)
    one = userdata.parse(csv("x,y", [(i, i * i) for i in range(25)]))
    assert one.dataset == "curve" and one.X.shape == (25, 1) and one.columns == ("x",)


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_separators_line_endings_case_spaces_and_column_order_are_accepted(sep, newline):
    rows = [(f" {lab} ", f"{i}.5 ", -i) for i, lab in enumerate(["B", "A"] * 15)]
    data = userdata.parse(csv(sep.join([" Label", "X2 ", "x1"]), rows, sep=sep, newline=newline))
    assert data.classes == ("A", "B") and data.n == 30
    assert data.columns == ("x1", "x2")
    np.testing.assert_allclose(data.X[:3], [[0, 0.5], [-1, 1.5], [-2, 2.5]])


def test_a_byte_order_mark_quotes_and_blank_lines_do_not_matter():
    body = "\ufeffx1,x2,label\n\n" + "".join(f'{i},"{i + 1}","class {i % 2}"\n\n' for i in range(20))
    data = userdata.parse(body.encode("utf-8"))
    assert data.classes == ("class 0", "class 1") and data.n == 20


def test_file_objects_are_read_like_bytes():
    raw = csv("x,y", [(i, i) for i in range(20)])
    assert userdata.parse(io.BytesIO(raw)).n == 20


# -- hostile files: each refused with its code and where the problem is ------------------------------------------
@pytest.mark.parametrize("header", ["a,b,c", "x1,x2", "x1,x2,label,extra", "x1,x1,label", "x1,x2,y,label", ""])
def test_wrong_columns_are_named_and_the_accepted_formats_listed(header):
    got, err = code(csv(header or " ,", points(30)))
    assert got == "columns"
    assert "x1,x2,label" in str(err) and "x,y" in str(err)


def test_text_nan_inf_empty_and_huge_cells_name_their_line_and_column():
    rows = points(30)
    for bad, expected in [("abc", "not_number"), ("nan", "not_finite"), ("-inf", "not_finite"), ("", "missing"),
                          ("1e300", "too_large"), ("2e6", "too_large")]:
        broken = list(rows)
        broken[6] = (broken[6][0], bad, broken[6][2])
        got, err = code(csv("x1,x2,label", broken))
        assert got == expected, bad
        assert err.facts["line"] == 8 and err.facts["column"] == "x2"


def test_ragged_rows_missing_labels_and_very_long_labels():
    rows = points(30)
    got, err = code(csv("x1,x2,label", rows[:3]) + b"1,2\n" + csv("x1,x2,label", rows)[12:])
    assert got == "ragged" and err.facts["line"] == 5 and err.facts["found"] == 2
    assert code(csv("x1,x2,label", rows[:5] + [(1, 2, " ")] + rows[5:]))[0] == "missing"
    assert code(csv("x1,x2,label", rows + [(1, 2, "x" * 41)]))[0] == "label_too_long"


def test_class_counts_out_of_range():
    assert code(csv("x1,x2,label", points(30, labels=("only",))))[0] == "one_class"
    assert code(csv("x1,x2,label", points(30, labels=("1", "1.0"))))[0] == "one_class"
    got, err = code(csv("x1,x2,label", points(30, labels=tuple("abcdefg"))))
    assert got == "too_many_classes" and err.facts == {"count": 7, "limit": 6}


def test_row_counts_out_of_range():
    assert code(csv("x,y", [(i, i) for i in range(MIN_ROWS - 1)]))[0] == "too_few_rows"
    assert userdata.parse(csv("x,y", [(i, i) for i in range(MIN_ROWS)])).n == MIN_ROWS
    assert userdata.parse(csv("x,y", [(i, i) for i in range(MAX_ROWS)])).n == MAX_ROWS
    got, err = code(csv("x,y", [(i, i) for i in range(MAX_ROWS + 1)]))
    assert got == "too_many_rows" and err.facts["rows"] == MAX_ROWS + 1


@pytest.mark.parametrize("raw,expected", [(b"", "empty"), (b"\n \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
                                          ("x,y\n1,é\n".encode("latin-1"), "encoding")])
def test_empty_binary_and_non_utf8_files(raw, expected):
    assert code(raw)[0] == expected


class Endless(io.RawIOBase):
    """A file of endless rows that counts how many bytes were taken from it."""

    def __init__(self):
        self.served = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        line = b"0.5,1.5,1\n"
        n = len(buffer)
        chunk = (line * (n // len(line) + 1))[:n]
        buffer[:n] = chunk
        self.served += n
        return n


def test_a_million_rows_are_refused_after_reading_at_most_the_cap():
    million = b"x1,x2,label\n" + b"0.25,-1.5,1\n" * 1_000_000
    assert code(million)[0] == "too_big"
    endless = Endless()
    with pytest.raises(UploadError) as err:
        userdata.parse(io.BufferedReader(endless, buffer_size=65536))
    assert err.value.code == "too_big"
    assert endless.served <= MAX_BYTES + 65536 + 1  # the cap plus one buffer, not the whole stream


def test_an_upload_whose_size_is_over_the_cap_is_refused_unread():
    class Huge(io.BytesIO):
        size = MAX_BYTES + 1

        def read(self, *args):
            raise AssertionError("read a file known to be too big")

    assert code(Huge(b""))[0] == "too_big"


def test_many_short_rows_under_the_byte_cap_are_refused_before_parsing(monkeypatch):
    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed a file that has far too many lines")

    monkeypatch.setattr(userdata.csv, "reader", no_parsing)
    raw = b"x,y\n" + b"1,2\n" * 400_000  # 1.6 MB
    assert len(raw) < MAX_BYTES
    got, err = code(raw)
    assert got == "too_many_lines" and err.facts["lines"] >= 400_000


def test_every_error_has_an_english_sentence_and_a_page_translation():
    from clinic import i18n

    for c in UploadError.MESSAGES:
        assert i18n.has(f"playground.err.{c}"), c


# -- property-based: round trips and fuzzing ----------------------------------------------------------------------------
finite = st.floats(min_value=-1e5, max_value=1e5, allow_nan=False, allow_infinity=False)
label = st.text(alphabet="abcXYZ019 _-", min_size=1, max_size=8).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(finite, finite), min_size=MIN_ROWS, max_size=80), st.lists(label, min_size=2, max_size=6,
                                                                                     unique=True), st.data())
def test_any_valid_classification_file_round_trips(xy, names, draw):
    labels = [names[i % len(names)] for i in range(len(xy))]
    labels = draw.draw(st.permutations(labels))
    numeric = all(_is_number(n) for n in names)
    distinct = {float(n) for n in names} if numeric else set(names)
    if len(distinct) < 2:
        return
    data = userdata.parse(csv("x1,x2,label", [(repr(a), repr(b), lab) for (a, b), lab in zip(xy, labels)]))
    np.testing.assert_array_equal(data.X, np.array(xy))
    assert data.n_classes == len(distinct) and sum(data.counts) == len(xy)
    decoded = [data.classes[k] for k in data.y]
    if numeric:
        assert [float(d) for d in decoded] == [float(lab) for lab in labels]
    else:
        assert decoded == labels
    assert list(data.classes) == sorted(data.classes, key=float if numeric else str)


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(finite, finite), min_size=MIN_ROWS, max_size=60))
def test_any_valid_regression_file_round_trips(xy):
    data = userdata.parse(csv("x,y", [(repr(a), repr(b)) for a, b in xy]))
    np.testing.assert_array_equal(data.X[:, 0], [a for a, _ in xy])
    np.testing.assert_array_equal(data.y, [b for _, b in xy])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_data_or_an_upload_error_never_anything_else(raw):
    try:
        data = userdata.parse(raw)
    except UploadError as e:
        assert e.code in UploadError.MESSAGES and str(e)
    else:
        assert np.isfinite(data.X).all()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["x1,x2,label\n", "x1,x2,y\n", "x,y\n", "X1;X2;CLASS\n"]),
       st.lists(st.text(alphabet="0123456789.,;-+eEnaif \t\"'ab\n", max_size=30), min_size=15, max_size=40))
def test_near_miss_text_files_never_raise_anything_but_upload_errors(header, lines):
    try:
        data = userdata.parse((header + "\n".join(lines)).encode())
    except UploadError:
        return
    assert data.n >= MIN_ROWS and np.isfinite(data.X).all() and np.isfinite(np.asarray(data.y, dtype=float)).all()


# -- from a file to a run --------------------------------------------------------------------------------------------
def test_inputs_are_scaled_to_the_built_in_plane_and_constant_columns_only_centred():
    X = np.column_stack([np.linspace(100, 300, 21), np.full(21, 7.0)])
    Xs, centre, half = userdata.scale_inputs(X)
    assert Xs[:, 0].min() == pytest.approx(-3) and Xs[:, 0].max() == pytest.approx(3)
    np.testing.assert_allclose(Xs[:, 1], 0)
    np.testing.assert_allclose(3 * (X - centre) / half, Xs)


def test_config_for_an_upload_names_a_built_in_set_of_the_same_shape():
    base = pg.build_config({"x1sq": True, "x2sq": True})
    multi = userdata.parse(csv("x1,x2,label", points(60, labels=("a", "b", "c", "d"))))
    cfg = userdata.config_for(multi, base)
    assert (cfg.dataset, cfg.n_samples, cfg.n_classes, cfg.task) == ("blobs", 60, 4, "multiclass")
    one_d = userdata.parse(csv("x,y", [(i, i) for i in range(30)]))
    cfg = userdata.config_for(one_d, base)
    assert cfg.dataset == "curve" and cfg.features == ("x1", "x1^2")


@pytest.mark.parametrize("labels", [("a", "b"), ("a", "b", "c")])
def test_training_data_is_split_by_the_config_seed_and_stratified(labels):
    data = userdata.parse(csv("x1,x2,label", points(100, labels=labels)))
    cfg = userdata.config_for(data, Config(val_fraction=0.3, seed=4))
    X_tr, y_tr, X_va, y_va = userdata.training_data(data, cfg)
    assert len(X_va) == 30 and len(X_tr) == 70
    assert sorted(np.bincount(y_va)) == sorted(np.bincount(np.arange(30) % len(labels)))  # each class its share
    again = userdata.training_data(data, cfg)
    np.testing.assert_array_equal(again[0], X_tr)
    other = userdata.training_data(data, cfg.replace(seed=5))
    assert not np.array_equal(other[0], X_tr)
    raw = userdata.training_data(data, cfg, scale=False)
    assert np.abs(raw[0]).max() < np.abs(X_tr).max()  # the scaled points span [-3, 3]


def test_a_class_too_small_to_stratify_is_split_without_stratifying():
    rows = points(39, labels=("a",)) + [(0.1, 0.2, "b")]
    data = userdata.parse(csv("x1,x2,label", rows))
    cfg = userdata.config_for(data, Config(val_fraction=0.5))
    X_tr, y_tr, X_va, y_va = userdata.training_data(data, cfg)
    assert len(X_tr) + len(X_va) == 40


@pytest.mark.parametrize("body,task", [
    (csv("x1,x2,label", points(60, labels=("cat", "dog"))), "binary"),
    (csv("x1,x2,label", points(60, labels=("r", "g", "b"))), "multiclass"),
    (csv("x1,x2,y", [(i % 7, i % 5, (i % 7) * 0.3) for i in range(40)]), "regression"),
    (csv("x,y", [(i, math.sin(i / 5)) for i in range(40)]), "regression"),
])
def test_an_upload_trains_through_the_engine(body, task):
    data = userdata.parse(body)
    cfg = pg.build_config({"data": "upload", "epochs": 20, "x1sq": True}, data)
    assert cfg.task == task
    run = nncore.train(cfg, data=userdata.training_data(data, cfg))
    assert len(run.history) == 21 and np.isfinite(run.history.train_loss).all()
    assert len(run.data[0]) + len(run.data[2]) == data.n
    assert run.predict(run.data[0]).shape[0] == len(run.data[0])


# -- features and the controls' config ------------------------------------------------------------------------------------
def test_each_feature_is_its_formula():
    X = np.array([[0.5, -2.0], [3.0, 0.25]])
    expect = {"x1": X[:, 0], "x2": X[:, 1], "x1^2": X[:, 0] ** 2, "x2^2": X[:, 1] ** 2, "x1*x2": X[:, 0] * X[:, 1],
              "sin(x1)": np.sin(X[:, 0]), "sin(x2)": np.sin(X[:, 1])}
    for name, column in expect.items():
        np.testing.assert_allclose(features.transform(X, (name,))[:, 0], column)
    both = features.transform(X, ("sin(x2)", "x1"))
    np.testing.assert_allclose(both, np.column_stack([np.sin(X[:, 1]), X[:, 0]]))
    np.testing.assert_array_equal(features.transform(X, ()), X)
    with pytest.raises(ValueError):
        features.transform(X, ("x3",))


def test_feature_flags_map_to_engine_names_in_engine_order_and_one_d_sets_keep_x1_only():
    v = {name: True for name in pg.FEATURE_FLAGS}
    assert pg.chosen_features(v, 2) == nncore.config.FEATURE_NAMES
    assert pg.chosen_features(v, 1) == ("x1", "x1^2", "sin(x1)")
    assert pg.chosen_features({"x1": False, "x2": False, "sin2": True}, 2) == ("sin(x2)",)
    assert pg.chosen_features({"x1": False, "x2": True}, 1) == ()
    with pytest.raises(ValueError):
        pg.build_config({"x1": False, "x2": False})


def test_the_defaults_are_the_issue_s_default_run():
    cfg = pg.build_config({})
    assert (cfg.dataset, cfg.hidden, cfg.n_samples, cfg.epochs) == ("circles", (8, 8), 300, 300)
    assert cfg.val_fraction == 0.3 and cfg.features == ("x1", "x2")


def test_every_control_reaches_the_config():
    v = {"data": "blobs", "n": 450, "noise": 0.35, "classes": 5, "train": 40, "seed": 12, "x1": False,
         "x1x2": True, "layers": 3, "w1": 5, "w2": 6, "w3": 7, "w4": 9, "act": "leaky_relu", "slope": 0.2,
         "init": "uniform", "iscale": 0.3, "bias": -0.5, "l2": 0.003, "drop": 0.25, "opt": "nesterov", "lr": 0.3,
         "mu": 0.8, "rho": 0.95, "b1": 0.5, "b2": 0.99, "batch": 16, "epochs": 120, "sched": "step",
         "decay": 0.2, "every": 20, "patience": 50}
    cfg = pg.build_config(v)
    assert (cfg.dataset, cfg.n_samples, cfg.noise, cfg.n_classes, cfg.val_fraction, cfg.seed) == (
        "blobs", 450, 0.35, 5, 0.6, 12)
    assert cfg.features == ("x2", "x1*x2") and cfg.hidden == (5, 6, 7)
    assert (cfg.activation, cfg.leaky_slope, cfg.init, cfg.init_scale, cfg.bias_init) == (
        "leaky_relu", 0.2, "uniform", 0.3, -0.5)
    assert (cfg.l2, cfg.dropout, cfg.optimizer, cfg.lr, cfg.mu, cfg.rho, cfg.beta1, cfg.beta2) == (
        0.003, 0.25, "nesterov", 0.3, 0.8, 0.95, 0.5, 0.99)
    assert (cfg.batch_size, cfg.epochs, cfg.schedule, cfg.decay_rate, cfg.decay_every, cfg.early_stopping) == (
        16, 120, "step", 0.2, 20, 50)
    assert pg.build_config({"head": "sigmoid_mse"}).output_loss == ("sigmoid", "mse")
    assert pg.build_config({"head": "sigmoid_mse", "data": "plane"}).output_loss == ("sigmoid", "mse")
    assert pg.build_config({"head": "sigmoid_mse", "data": "blobs"}).output_loss == ("softmax", "ce")
    assert pg.build_config({"layers": 0}).hidden == ()


def test_every_combination_of_choices_makes_a_valid_config():
    for data in pg.BUILT_IN:
        for act in nncore.config.ACTIVATION_NAMES:
            for head in pg.HEADS:
                pg.build_config({"data": data, "act": act, "head": head})
    for opt in nncore.config.OPTIMIZER_NAMES:
        for sched in nncore.config.SCHEDULE_NAMES:
            for init in nncore.config.INIT_NAMES:
                pg.build_config({"opt": opt, "sched": sched, "init": init})


@pytest.mark.parametrize("name,v,shown", [
    ("mu", {"opt": "adam"}, False), ("mu", {"opt": "momentum"}, True), ("mu", {"opt": "nesterov"}, True),
    ("rho", {"opt": "rmsprop"}, True), ("rho", {"opt": "adagrad"}, False), ("b2", {"opt": "adam"}, True),
    ("classes", {"data": "blobs"}, True), ("classes", {"data": "moons"}, False),
    ("n", {"data": "upload"}, False), ("scale", {"data": "upload"}, True), ("scale", {"data": "xor"}, False),
    ("w3", {"layers": 2}, False), ("w2", {"layers": 2}, True), ("slope", {"act": "leaky_relu"}, True),
    ("slope", {"act": "relu"}, False), ("iscale", {"init": "normal"}, True), ("iscale", {"init": "he"}, False),
    ("decay", {"sched": "constant"}, False), ("every", {"sched": "exponential"}, True),
    ("lr", {}, True), ("seed", {"data": "upload"}, True),
])
def test_controls_that_do_not_matter_are_hidden(name, v, shown):
    assert pg.relevant(name, v, pg.task_of(v.get("data", "circles")), 2) is shown


def test_relevance_of_features_and_the_output_pair_follows_the_data():
    assert not pg.relevant("x2", {}, "regression", 1) and pg.relevant("sin1", {}, "regression", 1)
    assert pg.relevant("x2", {}, "binary", 2)
    assert not pg.relevant("head", {}, "multiclass", 2) and pg.relevant("head", {}, "regression", 2)
    assert not pg.relevant("head", {"data": "upload"}, None, 2)


def any_value(control):
    """A strategy for every value a control can hold (what any URL is clamped or snapped to)."""
    if isinstance(control, pg.controls.Number):
        n = round((control.hi - control.lo) / control.step)
        return st.integers(0, n).map(lambda k: control._snap(control.lo + k * control.step))
    if isinstance(control, pg.controls.Levels):
        return st.sampled_from(control.values)
    if isinstance(control, pg.controls.Choice):
        return st.sampled_from(control.options)
    return st.booleans()


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({c.name: any_value(c) for c in pg.ALL_CONTROLS}))
def test_any_values_the_controls_allow_make_a_valid_config_or_ask_for_a_feature(v):
    data = v["data"]
    upload = userdata.parse(csv("x1,x2,label", points(40, labels=("a", "b", "c")))) if data == "upload" else None
    n_in = pg.n_inputs_of(data, upload)
    for c in pg.ALL_CONTROLS:
        pg.relevant(c.name, v, pg.task_of(data, upload), n_in)
    if not pg.chosen_features(v, n_in):
        with pytest.raises(ValueError):
            pg.build_config(v, upload)
        return
    cfg = pg.build_config(v, upload)  # Config validates every field on construction
    assert cfg.epochs == v["epochs"] and len(cfg.hidden) == v["layers"] and cfg.seed == v["seed"]
    assert nncore.estimate_seconds(cfg) > 0


def test_every_control_has_a_unique_url_name_and_its_default_is_valid():
    names = [c.name for c in pg.ALL_CONTROLS]
    assert len(names) == len(set(names))
    for c in pg.ALL_CONTROLS:
        assert c.parse(c.serialize(c.default)).value == c.default


def test_the_most_expensive_controls_are_refused_by_the_cost_estimate():
    worst = {c.name: (c.hi if isinstance(c, pg.controls.Number) else max(c.values)) for c in pg.ALL_CONTROLS
             if isinstance(c, (pg.controls.Number, pg.controls.Levels)) and c.name not in ("seed", "bias")}
    worst.update({"batch": 1, "train": 90, **{name: True for name in pg.FEATURE_FLAGS}})
    assert nncore.estimate_seconds(pg.build_config(worst)) > pg.SECONDS
    biggest_upload = pg.build_config({**worst, "data": "upload"},
                                     userdata.parse(csv("x1,x2,label", points(MAX_ROWS))))
    assert nncore.estimate_seconds(biggest_upload) > pg.SECONDS


# -- the weights export ------------------------------------------------------------------------------------------------
ACTS = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
        "linear": lambda z: z}


def forward_from_json(doc: dict, X_raw: np.ndarray) -> np.ndarray:
    """The prediction a reader of the JSON computes, with nothing but NumPy."""
    a = features.transform(X_raw, tuple(doc["features"]))
    layers = doc["layers"]
    for layer in layers[:-1]:
        a = ACTS[doc["activation"]](a @ np.array(layer["W"]) + np.array(layer["b"]))
    z = a @ np.array(layers[-1]["W"]) + np.array(layers[-1]["b"])
    if doc["output"] == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return ACTS[doc["output"]](z)


@pytest.mark.parametrize("v", [{}, {"data": "blobs", "act": "relu", "x1sq": True}, {"data": "bumps", "layers": 1},
                               {"data": "curve", "sin1": True, "act": "sigmoid"}, {"layers": 0}])
def test_the_exported_weights_rebuild_the_network_s_predictions(v):
    run = nncore.train(pg.build_config({**v, "epochs": 30}))
    doc = json.loads(pg.weights_json(run))
    assert doc["format"] == pg.WEIGHTS_FORMAT and doc["sizes"] == list(run.network.sizes)
    assert Config.from_dict(doc["config"]) == run.config
    X = np.vstack([run.data[0], run.data[2]])
    np.testing.assert_allclose(forward_from_json(doc, X), run.predict(X), rtol=1e-4, atol=1e-5)


def test_a_diverged_run_exports_its_last_finite_snapshot():
    run = nncore.train(pg.build_config({"opt": "sgd", "lr": 10.0, "act": "relu", "init": "normal", "iscale": 10.0,
                                        "epochs": 50, "data": "plane"}))
    assert run.diverged
    doc = json.loads(pg.weights_json(run))  # strict JSON: no NaN
    assert doc["epoch"] in run.snapshots
    assert all(np.isfinite(np.array(layer["W"], dtype=float)).all() for layer in doc["layers"])


def test_an_upload_s_export_says_how_to_map_the_raw_points_and_names_the_classes():
    rows = [(100 + i, 5 * i, "yes" if i % 3 else "no") for i in range(40)]
    data = userdata.parse(csv("x1,x2,label", rows))
    cfg = pg.build_config({"data": "upload", "epochs": 10}, data)
    run = nncore.train(cfg, data=userdata.training_data(data, cfg))
    doc = json.loads(pg.weights_json(run, pg.upload_info(data, scale=True)))
    assert doc["data"]["classes"] == {"0": "no", "1": "yes"}
    s = doc["data"]["input_scaling"]
    raw = np.array([[r[0], r[1]] for r in rows], dtype=float)
    mapped = 3 * (raw - np.array(s["centre"])) / np.array(s["half_range"])
    np.testing.assert_allclose(np.sort(mapped, axis=0), np.sort(np.vstack([run.data[0], run.data[2]]), axis=0))
    assert "input_scaling" not in pg.upload_info(data, scale=False)
