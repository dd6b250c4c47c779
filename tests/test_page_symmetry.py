"""The Symmetric-initialization page under AppTest: both cases in both languages, every control, hostile URLs."""

import pytest

from tests.apptest_utils import (assert_ok, change_every_control, charts, datasets,
                                 notices, open_page, page_controls, variant_columns)

PAGE = "pages/symmetry.py"
NS = "symmetry"
CASES = ("zero", "constant")
PER_COLUMN = 4  # loss, unit weights, distinct units, decision boundary
FAST = {"epochs": "50"}
COPIES = "identical copies"  # the doctor's title for symmetric_init






def alarms(block) -> str:
    return " ".join(str(w.value) for w in block.warning) + " " + " ".join(str(e.value) for e in block.error)


def unit_weights(col):
    return datasets(list(col.get("vega_lite_chart"))[1])[0]


@pytest.mark.parametrize("case", CASES)
def test_the_problem_keeps_copies_and_random_initialization_breaks_them(case):
    at = open_page(PAGE, query={"case": case} if case != "zero" else None)
    problem, fix = variant_columns(at)
    assert len(charts(at)) == 2 * PER_COLUMN
    assert COPIES in alarms(problem) and COPIES not in alarms(fix)
    assert "Random initialization" in fix.markdown[0].value
    # the weights chart draws every unit's weight from each input: the problem's lines coincide at every epoch
    for col, copies in ((problem, True), (fix, False)):
        w = unit_weights(col)
        assert len(w[["unit", "input"]].drop_duplicates()) == 32  # 16 units x 2 inputs
        spread = w.groupby(["epoch", "input"])["weight"].agg(lambda v: v.max() - v.min())
        assert len(spread) > 10 and bool((spread < 1e-6).all()) == copies


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_page_renders_in_both_languages(lang):
    at = open_page(PAGE, query={"case": "constant", **FAST}, lang=lang)
    assert len(charts(at)) == 2 * PER_COLUMN
    text = " ".join(m.value for m in at.markdown)
    assert "symmetry breaking" in text and (("lock-step" in text) if lang == "en" else ("giống hệt nhau" in text))
    assert "w = 0.5" in text


@pytest.mark.parametrize("case", CASES)
def test_every_control_of_every_case_changes_without_an_exception(case):
    at = open_page(PAGE, query={"case": case, **FAST})
    changed = change_every_control(at, f"{NS}.{case}")
    own = {"act", "width", "epochs", "seed"} | ({"value"} if case == "constant" else set())
    assert {k.split(".")[-1] for k in changed} == own
    at.session_state[f"{NS}.view"] = page_controls(at, NS)[f"{NS}.view"].alternative(at.session_state[f"{NS}.view"])
    at.run()
    assert_ok(at)
    at.radio(key=f"{NS}.case").set_value("constant" if case == "zero" else "zero").run()
    assert_ok(at)
    assert len(charts(at)) == 2 * PER_COLUMN


def test_out_of_range_and_malformed_url_values_are_clamped_or_ignored_with_a_notice():
    at = open_page(PAGE, query={"case": "constant", "value": "100", "act": "softmax", "width": "1000"})
    text = notices(at)
    assert "value=100" in text and "range" in text
    assert "act=softmax" in text and "ignored" in text
    assert "width=1000" in text
    assert at.session_state[f"{NS}.constant.value"] == 2.0 and at.session_state[f"{NS}.constant.width"] == 32
    assert at.session_state[f"{NS}.constant.act"] == "tanh"
    assert dict(at.query_params) == {"case": "constant", "value": "2", "width": "32"}


def test_share_link_values_seed_the_controls_and_the_url_stays():
    query = {"case": "constant", "value": "1", "act": "relu", "width": "8", "epochs": "150", "seed": "5"}
    at = open_page(PAGE, query=query)
    assert not notices(at)
    assert at.session_state[f"{NS}.constant.value"] == 1.0 and at.session_state[f"{NS}.constant.act"] == "relu"
    assert at.session_state[f"{NS}.constant.width"] == 8 and at.session_state[f"{NS}.constant.seed"] == 5
    assert dict(at.query_params) == query
    at.run()
    assert_ok(at)
    assert dict(at.query_params) == query
