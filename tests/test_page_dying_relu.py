"""The Dying ReLU page under AppTest: both causes in both languages, every control, hostile URLs, share links."""

import json

import pytest

from tests.apptest_utils import (assert_ok, change_every_control, charts, datasets,
                                 notices, open_page, page_controls, variant_columns)

PAGE = "pages/dying_relu.py"
NS = "dying_relu"
CASES = {"lr": ("smaller_lr", "Smaller learning rate"), "bias": ("he_init", "He initialization")}
PER_COLUMN = 4  # loss, dead units, pre-activation histogram, decision boundary
FAST = {"epochs": "50"}






def alarms(block) -> str:
    return " ".join(str(w.value) for w in block.warning) + " " + " ".join(str(e.value) for e in block.error)


def chart_titles(block) -> list[str]:
    return [json.loads(c.proto.spec).get("title") or "" for c in block.get("vega_lite_chart")]


@pytest.mark.parametrize("case", list(CASES))
def test_each_cause_kills_the_problem_units_and_no_fix_units(case):
    at = open_page(PAGE, query={"case": case} if case != "lr" else None)
    cols = variant_columns(at)
    assert len(cols) == 3 and len(charts(at)) == 3 * PER_COLUMN
    headers = [c.markdown[0].value for c in cols]
    assert "Leaky ReLU" in headers[1] and CASES[case][1] in headers[2]
    assert "Dead ReLU units" in alarms(cols[0])  # the doctor names the problem in the problem column ...
    assert all("Dead ReLU units" not in alarms(c) for c in cols[1:])  # ... and in no fix column
    for col in cols:
        assert len(list(col.get("vega_lite_chart"))) == PER_COLUMN
    # at the last epoch every pre-activation of the problem lies left of 0; Leaky ReLU's column says so too,
    # but its units still get a gradient there (its zone label)
    assert "· 100% of z below 0" in chart_titles(cols[0])[2]
    zones = {name: " ".join(str(v) for df in datasets(list(col.get("vega_lite_chart"))[2]) if "label" in df
                            for v in df["label"]) for name, col in zip(("problem", "leaky", "fix"), cols)}
    assert "ReLU: output 0, gradient 0" in zones["problem"] and "Leaky ReLU: slope 0.01" in zones["leaky"]


def test_a_negative_bias_kills_every_unit_from_the_first_epoch_but_he_weights_reach_past_zero():
    at = open_page(PAGE, query={"case": "bias", "view": "0"})
    problem, leaky, he = (chart_titles(c)[2] for c in variant_columns(at))
    assert problem.startswith("epoch 0 ·") and "100%" in problem and "100%" in leaky
    assert "100%" not in he


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_page_renders_in_both_languages(lang):
    at = open_page(PAGE, query=FAST, lang=lang)
    assert len(charts(at)) == 3 * PER_COLUMN
    text = " ".join(m.value for m in at.markdown)
    assert "Leaky ReLU" in text and (("dead" in text) if lang == "en" else ("chết" in text))
    titles = chart_titles(variant_columns(at)[0])
    assert ("of z below 0" in titles[2]) == (lang == "en")


@pytest.mark.parametrize("case", list(CASES))
def test_every_control_of_every_cause_changes_without_an_exception(case):
    at = open_page(PAGE, query={"case": case, **FAST})
    changed = change_every_control(at, f"{NS}.{case}")
    own = {"lr", "bias", "slope", "width", "epochs", "seed"} | ({"fix_lr"} if case == "lr" else set())
    assert {k.split(".")[-1] for k in changed} == own
    at.session_state[f"{NS}.view"] = page_controls(at, NS)[f"{NS}.view"].alternative(at.session_state[f"{NS}.view"])
    at.run()
    assert_ok(at)
    assert len(charts(at)) == 3 * PER_COLUMN
    at.radio(key=f"{NS}.case").set_value("bias" if case == "lr" else "lr").run()
    assert_ok(at)
    assert len(charts(at)) == 3 * PER_COLUMN


def test_a_diverging_rate_is_reported_not_raised():
    at = open_page(PAGE, query={"lr": "3", **FAST})
    assert_ok(at)
    problem, leaky, smaller = variant_columns(at)
    assert "diverged" in alarms(problem).lower() and "diverged" in alarms(leaky).lower()
    assert "diverged" not in alarms(smaller).lower()  # the fix's own rate (0.01) is untouched


def test_out_of_range_and_malformed_url_values_are_clamped_or_ignored_with_a_notice():
    at = open_page(PAGE, query={"lr": "50", "bias": "abc", "epochs": "0"})
    text = notices(at)
    assert "lr=50" in text and "range" in text
    assert "bias=abc" in text and "ignored" in text
    assert "epochs=0" in text
    assert at.session_state[f"{NS}.lr.lr"] == 3.0 and at.session_state[f"{NS}.lr.epochs"] == 50
    assert at.session_state[f"{NS}.lr.bias"] == 0.0
    assert at.query_params["lr"] == "3"  # the URL now says what is shown


def test_share_link_values_seed_the_controls_and_the_url_stays():
    query = {"case": "bias", "lr": "0.03", "bias": "-1.5", "slope": "0.1", "width": "16", "epochs": "100",
             "seed": "3"}
    at = open_page(PAGE, query=query)
    assert not notices(at)
    assert at.session_state[f"{NS}.bias.bias"] == -1.5 and at.session_state[f"{NS}.bias.slope"] == 0.1
    assert at.session_state[f"{NS}.bias.width"] == 16 and at.session_state[f"{NS}.bias.seed"] == 3
    assert dict(at.query_params) == query
    at.run()
    assert_ok(at)
    assert dict(at.query_params) == query
