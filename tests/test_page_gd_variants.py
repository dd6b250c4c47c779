"""The page "Batch, mini-batch, SGD" under AppTest: both languages, every control, URL clamping, the numbers shown."""

import json

import pytest

from clinic import controls as ctl

from tests.apptest_utils import assert_ok, change_every_control, charts, notices, open_link, open_page, page_controls

PAGE = "pages/gd_variants.py"
NS = "gd_variants"




def spec_of(chart) -> str:
    return chart.proto.spec


@pytest.mark.parametrize("lang,title,word", [("en", "Batch, mini-batch, SGD", "updates per epoch"),
                                             ("vi", "Batch, mini-batch, SGD", "lần cập nhật mỗi epoch")])
def test_renders_in_both_languages(lang, title, word):
    at = open_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert len(charts(at)) == 5  # loss by epoch, loss by update, batch loss per update, roughness, time
    assert not notices(at)
    assert not at.error
    assert sum(word in m.value for m in at.markdown) == 3  # one subtitle per variant
    table = at.dataframe[0].value
    assert list(table["updates"]) == [1, 9, 140]  # k = n (140 training points), 16 and 1


def test_sgd_is_the_noisiest_and_batch_gd_the_smoothest():
    at = open_page(PAGE)
    table = at.dataframe[0].value.set_index("updates")
    assert table.loc[140, "roughness"] > table.loc[9, "roughness"] > table.loc[1, "roughness"]
    assert table.loc[1, "rises"] == 0  # batch gradient descent at a moderate rate only goes down
    assert (table["ms_per_epoch"] > 0).all()  # measured, so not compared here (timing noise)


def test_the_updates_chart_uses_a_symlog_axis_and_every_variant():
    at = open_page(PAGE)
    specs = [spec_of(c) for c in charts(at)]
    updates = [s for s in specs if '"symlog"' in s]
    assert len(updates) == 1
    for label in ("Batch GD (k = 140)", "Mini-batch (k = 16)", "SGD (k = 1)"):
        assert label in updates[0]


def test_the_batch_loss_chart_draws_every_variant_on_log_axes():
    at = open_page(PAGE)
    spec = next(json.loads(s) for s in map(spec_of, charts(at)) if "loss on the update's batch" in s)
    assert len(spec["layer"]) == 3  # one line per variant
    enc = spec["layer"][0]["encoding"]
    assert enc["x"]["scale"]["type"] == "log" and enc["y"]["scale"]["type"] == "log"
    assert enc["color"]["scale"]["domain"] == ["Batch GD (k = 140)", "Mini-batch (k = 16)", "SGD (k = 1)"]


def test_every_control_changes_without_error():
    at = open_page(PAGE)
    changed = change_every_control(at, NS)
    assert set(changed) == set(page_controls(at, NS))
    assert len(changed) == 7
    assert len(charts(at)) == 5


def test_mini_batch_control_changes_the_third_variant():
    at = open_link(PAGE, {"k": "64"})
    assert list(at.dataframe[0].value["updates"]) == [1, 3, 140]
    assert at.session_state[f"{NS}.k"] == 64


def test_out_of_range_url_values_are_clamped_with_a_notice():
    at = open_link(PAGE, {"epochs": "500", "k": "5"})
    text = notices(at)
    assert "epochs=500" in text and "40" in text
    assert "k=5" in text  # snapped to an allowed batch size
    assert at.session_state[f"{NS}.epochs"] == 40
    assert at.session_state[f"{NS}.k"] == 4
    assert at.query_params["epochs"] == "40"


def test_malformed_url_values_are_ignored_with_a_notice():
    at = open_link(PAGE, {"lr": "fast", "ds": "mars"})
    text = notices(at)
    assert "lr=fast" in text and "ds=mars" in text
    assert at.session_state[f"{NS}.lr"] == 0.1
    assert at.session_state[f"{NS}.ds"] == "moons"
    assert "lr" not in at.query_params


def test_controls_are_registered_with_urls_names():
    at = open_page(PAGE)
    names = {c.name for c in page_controls(at, NS).values()}
    assert names == {"ds", "n", "epochs", "lr", "k", "width", "seed"}
    assert all(isinstance(c, ctl.Control) for c in page_controls(at, NS).values())
    at.session_state[f"{NS}.seed"] = 7
    at.run()
    assert_ok(at)
    assert at.query_params["seed"] == "7"
