"""The page "Loss landscape" under AppTest: both languages, every control (both slice modes), URL clamping, verdicts."""

import re

import pytest

from tests.apptest_utils import assert_ok, change_every_control, charts, notices, open_link, open_page, page_controls

PAGE = "pages/landscape.py"
NS = "landscape"




def texts(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption)


def curvatures(at) -> list[float]:
    """The smallest second differences the page reports, network first."""
    return [float(x) for x in re.findall(r"(?:difference is|hai nhỏ nhất là) (-?[0-9.e+-]+)", texts(at))]


@pytest.mark.parametrize("lang,title,convex,nonconvex", [("en", "Loss landscape", "**Convex**", "**Not convex**"),
                                                          ("vi", "Bề mặt hàm lỗi", "**Lồi**", "**Không lồi**")])
def test_renders_in_both_languages_with_the_lectures_contrast(lang, title, convex, nonconvex):
    at = open_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert len(charts(at)) == 3  # the network's sweep, the no-hidden-layer sweep, the 2-D slice
    assert not at.error and not notices(at)
    body = texts(at)
    assert nonconvex in body and convex in body
    net, flat = curvatures(at)
    assert net < 0 <= flat  # the lecture's point, measured
    specs = [c.proto.spec for c in charts(at)]
    assert "W1[0, 5]" in specs[0]  # the lecture's entry W[0, 5] by default
    assert '"log"' in specs[2]  # the 2-D slice's colour scale


def test_default_net_mirrors_the_lecture():
    at = open_page(PAGE)
    assert at.session_state[f"{NS}.col"] == 5 and at.session_state[f"{NS}.layer"] == 1
    assert at.session_state[f"{NS}.lo"] == -4.0 and at.session_state[f"{NS}.hi"] == 4.0
    assert at.session_state[f"{NS}.pts"] == 100
    assert "Row (input unit): 0 (the only one)" in texts(at)  # a 1-input net: W1 is 1 x 10
    assert "10 of them" in texts(at)


def change(at, name: str) -> None:
    key = f"{NS}.{name}"
    control = page_controls(at, NS)[key]
    before = at.session_state[key]
    at.session_state[key] = control.alternative(before)
    at.run()
    assert_ok(at)
    assert at.session_state[key] != before


def test_every_control_in_both_slice_modes():
    at = open_link(PAGE, {"ds": "moons"})  # two inputs, so the row slider exists
    changed = {k.split(".", 1)[1] for k in change_every_control(at, NS)}
    assert {"ds", "depth", "width", "act", "epochs", "seed", "layer", "row", "col", "lo", "hi", "pts", "mode", "span",
            "grid"} <= changed
    # the slice mode's own controls appear with their mode: exercise each set in turn
    for mode, names in (("directions", ("norm", "dseed")), ("weights", ("row2", "col2"))):
        at.session_state[f"{NS}.ds"] = "moons"
        at.session_state[f"{NS}.mode"] = mode
        at.run()
        assert_ok(at)
        for name in names:
            change(at, name)
        assert len(charts(at)) == 3


def test_two_equal_weights_are_refused_with_a_message():
    at = open_link(PAGE, {"mode": "weights", "col2": "5"})
    assert at.warning and "same one" in at.warning[0].value
    assert len(charts(at)) == 2  # the sweeps still draw


def test_out_of_range_url_values_are_clamped_with_a_notice():
    at = open_link(PAGE, {"lo": "-50", "col": "99", "grid": "32"})
    text = notices(at)
    assert "lo=-50" in text and "col=99" in text and "grid=32" in text
    assert at.session_state[f"{NS}.lo"] == -10.0
    assert at.session_state[f"{NS}.col"] == 9
    assert at.session_state[f"{NS}.grid"] == 31
    assert len(charts(at)) == 3


def test_malformed_url_values_are_ignored_with_a_notice():
    at = open_link(PAGE, {"act": "swish", "depth": "deep"})
    text = notices(at)
    assert "act=swish" in text and "depth=deep" in text
    assert at.session_state[f"{NS}.act"] == "tanh" and at.session_state[f"{NS}.depth"] == 1


def test_the_costliest_combination_renders():
    at = open_link(PAGE, {"ds": "spiral", "depth": "3", "width": "32", "epochs": "400", "grid": "41", "span": "4",
                    "layer": "2", "col": "31"})
    assert not at.error
    assert len(charts(at)) == 3
    assert "1024" in texts(at)  # a 32 x 32 layer is too big to scan every weight: said, not silently skipped


def test_regression_and_multiclass_sets_have_their_flat_models():
    at = open_link(PAGE, {"ds": "blobs"})
    assert "softmax regression" in texts(at)
    assert len(charts(at)) == 3
    net, flat = curvatures(at)
    assert flat >= 0
    names = {c.name for c in page_controls(at, NS).values()}
    assert {"ds", "layer", "row", "col"} <= names


def test_the_marked_trained_value_sits_at_the_trained_loss():
    import pyarrow as pa

    from nncore import Config, train

    at = open_page(PAGE)
    chart = charts(at)[0]
    datasets = [pa.ipc.open_stream(d.data.data).read_all().to_pylist() for d in chart.proto.datasets]
    marked = [rows[0] for rows in datasets if len(rows) == 1]
    run = train(Config(dataset="curve", hidden=(10,), activation="tanh", epochs=200, seed=0, snapshots=1))
    assert marked and marked[0]["value"] == pytest.approx(float(run.network.weights[0][0, 5]), rel=1e-6)
    assert marked[0]["loss"] == pytest.approx(run.history.train_loss.iloc[-1], rel=1e-5)  # float64 sweep, float32 run
