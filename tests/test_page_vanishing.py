"""The Vanishing-gradients page under AppTest: both languages and both cases, every control, hostile URLs, the
verdicts, and the worst combination of controls within the page's budget."""

import pytest

from clinic import runner
from clinic.i18n import LANGS, TABLE
from nncore import estimate_seconds
from nncore.scenarios import SCENARIOS
from tests.apptest_utils import assert_ok, change_every_control, charts, notices, open_page, page_controls

PAGE = "pages/vanishing.py"
CHARTS_PER_VARIANT = 5  # loss, gradient norms over epochs, per-layer profile, update ratio (or saturation), boundary
VARIANTS = 4  # the problem and three fixes


def alarms(at) -> list[str]:
    return [w.value for w in at.warning] + [e.value for e in at.error]


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang,case", [("en", "sigmoid"), ("vi", "tanh")])
def test_page_renders_each_variant_with_its_charts_and_the_doctor_names_the_problem(lang, case):
    at = open_page(PAGE, query={"case": case} if case != "sigmoid" else None, lang=lang)
    assert len(charts(at)) == VARIANTS * CHARTS_PER_VARIANT
    # the doctor names vanishing gradients (in the problem column), and no fix gets that verdict
    title = TABLE["doctor.vanishing_gradients.title"][LANGS.index(lang)]
    assert sum(a.startswith(f"**{title}**") for a in alarms(at)) == 1
    assert len(at.success) >= 2  # ReLU + He and tanh + Xavier are judged healthy
    # the ratio under the problem's profile is stated in numbers: more than five powers of ten
    text = captions(at)
    assert ("powers of ten less" in text) if lang == "en" else ("bậc độ lớn" in text)
    markdown = " ".join(m.value for m in at.markdown)
    assert ("ReLU" in markdown and "Xavier" in markdown)
    assert (("Tanh case" in markdown) if lang == "en" else ("Trường hợp tanh" in markdown)) == (case == "tanh")


def test_the_profile_states_the_first_to_output_ratio_of_the_peaks():
    at = open_page(PAGE)
    problem_caption = next(c.value for c in at.caption if "Largest over training" in c.value)
    peak = problem_caption.split("Largest over training: ")[1]
    ratio = float(peak.split(" ")[0])
    assert ratio < 1e-4  # the first layer got less than a ten-thousandth of the output layer's gradient
    decades = float(peak.split("(")[1].split(" ")[0])
    assert decades >= 4


def test_every_control_changes_without_an_exception():
    at = open_page(PAGE)
    changed = change_every_control(at, "vanishing")
    assert {k.split(".")[1] for k in changed} >= {"case", "depth", "width", "lr", "epochs", "detail", "seed", "view"}
    assert len(charts(at)) == VARIANTS * CHARTS_PER_VARIANT


def test_the_detail_control_swaps_update_ratios_for_saturation():
    at = open_page(PAGE, query={"detail": "saturated_frac"})
    specs = [c.proto.spec for c in charts(at)]
    assert sum('"saturated_frac"' in s for s in specs) == VARIANTS
    assert not any('"update_ratio"' in s for s in specs)


def test_out_of_range_and_malformed_url_values_are_clamped_or_ignored_with_a_notice():
    at = open_page(PAGE, query={"depth": "50", "width": "abc", "case": "relu", "lr": "7"})
    text = notices(at)
    assert "depth=50" in text and "range" in text
    assert "width=abc" in text and "case=relu" in text and "ignored" in text
    assert "lr=7" in text
    assert at.session_state["vanishing.depth"] == 12 and at.session_state["vanishing.lr"] == 1.0
    assert at.session_state["vanishing.case"] == "sigmoid"
    assert at.query_params["depth"] == "12" and "width" not in at.query_params


def test_share_link_values_seed_the_controls_and_the_url_is_stable():
    query = {"case": "tanh", "depth": "6", "width": "8", "lr": "0.3", "epochs": "60", "detail": "saturated_frac",
             "seed": "4", "view": "30"}
    at = open_page(PAGE, query=query)
    assert not notices(at)
    assert at.session_state["vanishing.depth"] == 6 and at.session_state["vanishing.width"] == 8
    assert at.session_state["vanishing.view"] == 30 and at.session_state["vanishing.case"] == "tanh"
    assert dict(at.query_params) == query
    at.run()
    assert_ok(at)
    assert dict(at.query_params) == query


def test_the_largest_settings_stay_within_each_variants_share_of_the_budget():
    at = open_page(PAGE)
    controls = {k.split(".")[1]: c for k, c in page_controls(at, "vanishing").items()}
    depth, width, epochs = controls["depth"].hi, max(controls["width"].values), controls["epochs"].hi
    share = runner.PAGE_SECONDS / VARIANTS
    for case in ("vanishing_sigmoid", "vanishing_tanh"):
        s = SCENARIOS[case]
        for config in s.variants().values():
            hidden = (width,) * (depth if len(config.hidden) == len(s.problem.hidden) else len(config.hidden))
            assert estimate_seconds(config.replace(hidden=hidden, epochs=epochs)) <= share
    # and the defaults are far from it
    assert estimate_seconds(SCENARIOS["vanishing_sigmoid"].problem) < share / 3


def test_every_translation_key_the_page_builds_exists():
    keys = [f"vanishing.{k}" for k in ("case.sigmoid", "case.tanh", "cause.sigmoid", "cause.tanh",
                                       "detail.update_ratio", "detail.saturated_frac", "note.update_ratio",
                                       "note.saturated_frac", "v.problem", "v.relu_he", "v.tanh_xavier",
                                       "v.fewer_layers")]
    keys += [f"vanishing.act.{a}" for a in ("sigmoid", "tanh", "relu", "leaky_relu", "linear")]
    keys += [f"vanishing.init.{i}" for i in ("zeros", "constant", "normal", "uniform", "xavier", "he")]
    assert [k for k in keys if k not in TABLE] == []
