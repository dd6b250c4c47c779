"""The page "Momentum and optimizers" under AppTest: six tabs, both languages, every control, URL handling."""

import json

import pyarrow as pa
import pytest

from nncore import surfaces
from tests.apptest_utils import assert_ok, change_every_control, charts, notices, open_link, open_page, page_controls

PAGE = "pages/optimizers.py"
NS = "optimizers"




def chart_rows(chart) -> list[list[dict]]:
    """The data of a drawn chart: Streamlit ships each dataset as Arrow bytes."""
    return [pa.ipc.open_stream(d.data.data).read_all().to_pylist() for d in chart.proto.datasets]


def texts(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption)


def contour(at):
    return next(c for c in charts(at) if '"quantize"' in c.proto.spec)


@pytest.mark.parametrize("lang,title,tab", [("en", "Momentum and optimizers", "① One parameter"),
                                            ("vi", "Quán tính và các bộ tối ưu", "① Một tham số")])
def test_renders_every_tab_in_both_languages(lang, title, tab):
    at = open_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert [tb.label for tb in at.tabs][0] == tab and len(at.tabs) == 6
    # 1-D x2, contour + loss along paths, weights + velocity, adaptive rates, two network races, schedules
    assert len(charts(at)) == 10
    assert not at.error and not notices(at)
    assert len(at.dataframe) == 2  # the surface race's summary and the network race's table


def test_the_lectures_one_parameter_figure():
    at = open_page(PAGE)
    body = texts(at)
    assert "in a local minimum (not the deepest)" in body  # without momentum
    assert "in the global minimum" in body  # with momentum 0.9 the path rolls over the bump
    at.session_state[f"{NS}.mu1"] = 0.0  # momentum without memory is plain gradient descent
    at.run()
    assert_ok(at)
    assert texts(at).count("in a local minimum (not the deepest)") == 2


def test_paths_are_the_engines_and_scrubbing_cuts_them():
    at = open_page(PAGE)
    rows = [r for data in chart_rows(contour(at)) for r in data if r.get("optimizer") == "sgd" and "step" in r]
    ravine = surfaces.SURFACES["ravine"]
    first = next(r for r in rows if r["step"] == 1)
    x0, y0 = ravine.start
    gx, gy = ravine.grad(ravine.start)
    assert first["x"] == pytest.approx(x0 - 0.075 * gx, rel=1e-5)  # one step of gradient descent, lr 0.075
    assert first["y"] == pytest.approx(y0 - 0.075 * gy, rel=1e-5)
    assert max(r["step"] for r in rows) == 150
    at.session_state[f"{NS}.at2"] = 7
    at.run()
    assert_ok(at)
    steps = [r["step"] for data in chart_rows(contour(at)) for r in data if "step" in r]
    assert max(steps) == 7


def test_a_large_epsilon_turns_adam_into_plain_steps_of_lr_over_root_eps():
    """eps is the engine's: Adam's first step is lr * m_hat / (sqrt(s_hat) + eps) with m_hat = g, sqrt(s_hat) = |g|."""
    ravine = surfaces.SURFACES["ravine"]
    (x0, y0), (gx, gy) = ravine.start, ravine.grad(ravine.start)
    for eps in (1e-8, 1.0):
        at = open_link(PAGE, {"opts": "adam", "eps_adam": repr(eps)})
        first = next(r for data in chart_rows(contour(at)) for r in data if r.get("optimizer") == "adam"
                     and r.get("step") == 1)
        lr = at.session_state[f"{NS}.lr_adam"]
        assert first["x"] == pytest.approx(x0 - lr * gx / (abs(gx) + eps), rel=1e-5)
        assert first["y"] == pytest.approx(y0 - lr * gy / (abs(gy) + eps), rel=1e-5)


def test_changing_the_surface_brings_its_own_rates():
    at = open_page(PAGE)
    assert at.session_state[f"{NS}.lr_sgd"] == 0.075 and at.session_state[f"{NS}.lr_adagrad"] == 1.5
    grid = page_controls(at, NS)[f"{NS}.lr_sgd"].values  # every rate a surface or curve suggests is on the grid
    for f in list(surfaces.SURFACES.values()) + list(surfaces.CURVES.values()):
        for name in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"):
            assert f.lr(name) in grid, (f.name, name)
    at.session_state[f"{NS}.lr_sgd"] = 0.1  # diverges on the ravine (above 2 / 25)
    at.run()
    assert_ok(at)
    assert "flew off" in json.dumps(at.dataframe[0].value.to_dict())
    at.session_state[f"{NS}.surf"] = "rosenbrock"
    at.run()
    assert_ok(at)
    rosenbrock = surfaces.SURFACES["rosenbrock"]
    assert all(at.session_state[f"{NS}.lr_{n}"] == rosenbrock.lr(n) for n in ("sgd", "momentum", "adam"))
    assert "lr_sgd" not in at.query_params  # back at this surface's default
    at.session_state[f"{NS}.steps2"] = 300  # a new step count moves the scrubber to its end
    at.run()
    assert_ok(at)
    assert at.session_state[f"{NS}.at2"] == 300


def test_every_control_changes_without_error():
    at = open_page(PAGE)
    changed = change_every_control(at, NS)
    assert set(changed) == set(page_controls(at, NS))
    names = {k.split(".", 1)[1] for k in changed}
    assert {"curve", "lr1", "mu1", "start1", "steps1", "at1", "surf", "opts", "steps2", "at2", "mu_m", "mu_n", "rho",
            "b1", "b2", "mu3", "noise3", "raw3", "lr4", "rho4", "steps4", "noise4", "ds5", "epochs5", "scale5",
            "decay5", "seed5", "lr6", "rate6", "every6", "epochs6", "log6"} <= names
    assert {f"lr_{n}" for n in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")} <= names
    assert {f"eps_{n}" for n in ("adagrad", "rmsprop", "adam")} <= names
    assert len(charts(at)) == 10


def test_a_shared_link_rebuilds_the_view_and_out_of_range_values_are_clamped():
    at = open_link(PAGE, {"surf": "beale", "lr_adam": "0.3", "steps2": "5000", "opts": "sgd,adam,lbfgs", "mu3": "abc",
                    "lr_sgd": "0.0077"})
    text = notices(at)
    assert "steps2=5000" in text and "1000" in text  # clamped
    assert "opts=sgd,adam,lbfgs" in text  # an unknown optimizer dropped
    assert "mu3=abc" in text  # malformed: ignored
    assert "lr_sgd=0.0077" in text  # snapped onto the rate grid
    assert at.session_state[f"{NS}.surf"] == "beale" and at.session_state[f"{NS}.lr_adam"] == 0.3
    assert at.session_state[f"{NS}.steps2"] == 1000 and at.session_state[f"{NS}.at2"] == 1000
    assert at.session_state[f"{NS}.opts"] == ("sgd", "adam")
    assert at.session_state[f"{NS}.lr_sgd"] == 0.0075
    assert at.session_state[f"{NS}.mu3"] == 0.9
    assert {r["optimizer"] for data in chart_rows(contour(at)) for r in data if "optimizer" in r} == {"sgd", "adam"}


def test_the_network_race_trains_every_optimizer_with_and_without_decay():
    at = open_page(PAGE)
    table = at.dataframe[1].value
    assert len(table) == 6
    assert table.iloc[:, 2:4].notna().all().all()  # final losses, constant and decayed
    at.session_state[f"{NS}.scale5"] = 10.0  # rates x 10: some runs bounce or blow up; the page still draws
    at.run()
    assert_ok(at)
    assert len(charts(at)) == 10


def test_presenter_mode_draws_larger_charts():
    normal = open_page(PAGE)
    big = open_page(PAGE, query={"present": "true"})
    h = [json.loads(contour(a).proto.spec)["height"] for a in (normal, big)]
    assert h[1] > h[0]
