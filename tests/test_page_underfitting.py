"""The Underfitting page under AppTest: every cause in both languages, every control, hostile URLs, share links."""

import pytest

from tests.apptest_utils import (assert_ok, change_every_control, charts,
                                 notices, open_page, page_controls, variant_columns)

PAGE = "pages/underfitting.py"
NS = "underfitting"
# charts per variant column, and the variant columns, for each cause
CASES = {"capacity": (3, 3), "l2": (4, 3), "output": (2, 2)}
FAST = {"n": "100", "epochs": "100"}  # cheaper networks where the test is about the controls, not the effect




def alarms(block) -> str:
    return " ".join(str(w.value) for w in block.warning) + " " + " ".join(str(e.value) for e in block.error)


@pytest.mark.parametrize("case", list(CASES))
def test_each_cause_shows_underfitting_in_the_problem_and_charts_in_every_column(case):
    at = open_page(PAGE, query={"case": case} if case != "capacity" else None)
    per_column, n_columns = CASES[case]
    cols = variant_columns(at)
    assert len(cols) == n_columns
    for col in cols:  # every fix shows its charts, not a refusal
        assert len(list(col.get("vega_lite_chart"))) == per_column
        assert not col.error or "Not trained" not in alarms(col)
    assert "Underfitting" in alarms(cols[0])  # the doctor names the problem in the problem column ...
    assert all("Underfitting" not in alarms(c) for c in cols[1:])  # ... and in no fix column
    heading = {"capacity": "**Too few parameters.**", "l2": "**L2 too strong.**",
               "output": "**Impossible output range.**"}
    shown = [h for h in heading.values() if h in " ".join(m.value for m in at.markdown)]
    assert shown == [heading[case]]  # the chosen cause's explanation, and only that one
    assert len(charts(at)) == per_column * n_columns


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_page_renders_in_both_languages(lang):
    at = open_page(PAGE, query={"case": "output"}, lang=lang)
    assert len(charts(at)) == 4
    text = " ".join(m.value for m in at.markdown)
    assert ("sigmoid" in text) and (("ceiling" in text) if lang == "en" else ("trần" in text))
    assert at.radio(key=f"{NS}.case").value == "output"


@pytest.mark.parametrize("case", list(CASES))
def test_every_control_of_every_cause_changes_without_an_exception(case):
    at = open_page(PAGE, query={"case": case, **FAST})
    changed = change_every_control(at, f"{NS}.{case}")
    own = {"capacity": {"units", "more", "depth"}, "l2": {"l2", "weaker", "width"}, "output": {"width", "act"}}[case]
    assert {k.split(".")[-1] for k in changed} == own | {"n", "noise", "epochs", "seed"}
    at.session_state[f"{NS}.view"] = page_controls(at, NS)[f"{NS}.view"].alternative(at.session_state[f"{NS}.view"])
    at.run()
    assert_ok(at)
    assert len(charts(at)) == CASES[case][0] * CASES[case][1]


def test_switching_the_cause_keeps_the_page_whole_and_carries_shared_values():
    at = open_page(PAGE, query=FAST)
    at.session_state[f"{NS}.capacity.noise"] = 0.3
    at.run()
    for case in ("l2", "output", "capacity"):
        at.radio(key=f"{NS}.case").set_value(case).run()
        assert_ok(at)
        assert len(charts(at)) == CASES[case][0] * CASES[case][1]
        assert at.session_state[f"{NS}.{case}.noise"] == 0.3  # a value the learner chose follows the switch
        assert not notices(at)
    assert dict(at.query_params) == {"n": "100", "epochs": "100", "noise": "0.3"}


def test_out_of_range_and_malformed_url_values_are_clamped_or_ignored_with_a_notice():
    at = open_page(PAGE, query={"epochs": "100000", "units": "abc", "noise": "-3"})
    text = notices(at)
    assert "epochs=100000" in text and "range" in text
    assert "units=abc" in text and "ignored" in text
    assert "noise=-3" in text
    assert at.session_state[f"{NS}.capacity.epochs"] == 500
    assert at.session_state[f"{NS}.capacity.noise"] == 0.0
    assert at.session_state[f"{NS}.capacity.units"] == 1
    assert at.query_params["epochs"] == "500"  # the URL now says what is shown
    at = open_page(PAGE, query={"case": "nonsense", "l2": "50"})
    text = notices(at)
    assert "case=nonsense" in text and "ignored" in text
    assert at.session_state[f"{NS}.case"] == "capacity"
    assert "l2" in text  # l2 belongs to another cause: removed from the link, with a notice


def test_share_link_values_seed_the_controls_and_the_url_stays():
    query = {"case": "l2", "l2": "1", "weaker": "0.001", "width": "8", "n": "200", "noise": "0.3", "epochs": "150",
             "seed": "7"}
    at = open_page(PAGE, query=query)
    assert not notices(at)
    assert at.session_state[f"{NS}.l2.l2"] == 1.0 and at.session_state[f"{NS}.l2.width"] == 8
    assert at.session_state[f"{NS}.l2.seed"] == 7 and at.session_state[f"{NS}.l2.epochs"] == 150
    assert dict(at.query_params) == query
    at.run()
    assert_ok(at)
    assert dict(at.query_params) == query
    assert "λ = 1" in " ".join(m.value for m in at.markdown)
