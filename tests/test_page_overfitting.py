"""The Overfitting page under AppTest: both languages, every control, hostile URLs, the verdicts."""

import pytest

from tests.apptest_utils import assert_ok, change_every_control, charts, notices, open_page, page_controls

PAGE = "pages/overfitting.py"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_page_renders_each_variant_with_its_charts(lang):
    at = open_page(PAGE, lang=lang)
    assert len(charts(at)) == 6 * 3  # loss, boundary, weight norms for the problem and five fixes
    text = " ".join(m.value for m in at.markdown)
    assert ("L2 regularization" in text) and (("Dropout" in text) if lang == "en" else ("dropout" in text))
    # the doctor names the problem in the problem column, and only there
    alarms = [w.value for w in at.warning] + [e.value for e in at.error]
    assert any("Overfitting" in a for a in alarms)
    assert len([s for s in at.success]) >= 4  # most fixes are judged healthy


def test_every_control_changes_without_an_exception():
    at = open_page(PAGE)
    changed = change_every_control(at, "overfitting")
    assert {k.split(".")[1] for k in changed} >= {"width", "depth", "n", "noise", "epochs", "l2", "dropout", "seed",
                                                   "view"}
    assert len(charts(at)) >= 6


def test_out_of_range_and_malformed_url_values_are_clamped_or_ignored_with_a_notice():
    at = open_page(PAGE, query={"epochs": "100000", "width": "abc", "noise": "-3"})
    text = notices(at)
    assert "epochs=100000" in text and "range" in text
    assert "width=abc" in text and "ignored" in text
    assert "noise=-3" in text
    assert at.session_state["overfitting.epochs"] == 500
    assert at.session_state["overfitting.noise"] == 0.0
    assert at.query_params["epochs"] == "500"  # the URL now says what is shown


def test_share_link_values_seed_the_controls():
    at = open_page(PAGE, query={"width": "16", "depth": "2", "seed": "7", "l2": "0.1"})
    assert not notices(at)
    controls = page_controls(at, "overfitting")
    assert set(controls) >= {"overfitting.width", "overfitting.depth"}
    assert at.session_state["overfitting.width"] == 16 and at.session_state["overfitting.seed"] == 7
    assert dict(at.query_params) == {"width": "16", "depth": "2", "seed": "7", "l2": "0.1"}
    at.run()
    assert_ok(at)
    assert dict(at.query_params) == {"width": "16", "depth": "2", "seed": "7", "l2": "0.1"}
