"""The Learning-rates page under AppTest: every case in turn (its verdict, its charts, its fix), both languages,
the controls, hostile URLs, a case change that resets the knobs, the sweep, and the worst settings within budget."""

import pytest

from clinic import runner
from clinic.i18n import LANGS, TABLE
from nncore import estimate_seconds
from nncore.scenarios import SCENARIOS
from tests.apptest_utils import assert_ok, change_every_control, charts, notices, open_page, page_controls

PAGE = "pages/learning_rates.py"
SWEEP_CHARTS = 2  # final loss by rate, every run's loss curve
CHARTS_PER_VARIANT = 3  # loss, update ratio (or learning-rate schedule), boundary / fitted curve
CASES = ("rising_lr", "rising_momentum", "rising_sign", "diverged", "slow_lr", "slow_batch", "unstable_lr")
CODES = {"rising_lr": "loss_rising", "rising_momentum": "loss_rising", "rising_sign": "loss_rising",
         "diverged": "diverged", "slow_lr": "slow_convergence", "slow_batch": "slow_convergence",
         "unstable_lr": "unstable_loss"}


def doctor_title(code: str, lang: str) -> str:
    """The doctor's title for ``code`` as the page shows it in ``lang``."""
    return TABLE[f"doctor.{code}.title"][LANGS.index(lang)]


def alarms(at) -> list[str]:
    return [w.value for w in at.warning] + [e.value for e in at.error]


def verdict_titles(at) -> list[str]:
    """The doctor's alarms (bold title first), without the engine's status lines."""
    return [a for a in alarms(at) if a.startswith("**")]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_default_case_and_sweep_render_in_both_languages(lang):
    at = open_page(PAGE, lang=lang)
    assert len(charts(at)) == 2 * CHARTS_PER_VARIANT + SWEEP_CHARTS
    assert [a.split("**")[1] for a in verdict_titles(at)] == [doctor_title("loss_rising", lang)]
    assert len(at.success) == 1  # the smaller rate is healthy
    caption = " ".join(c.value for c in at.caption)
    word = "too low" if lang == "en" else "quá bé"
    assert word in caption  # the sweep's summary counts its bands
    specs = [c.proto.spec for c in charts(at)]
    assert sum('"band_label"' in s for s in specs) == SWEEP_CHARTS
    assert any('"type": "log"' in s and '"lr"' in s for s in specs)
    headers = " ".join(m.value for m in at.markdown)
    assert ("Learning-rate sweep" in " ".join(h.value for h in at.subheader)) == (lang == "en")
    assert "0.0001" in headers or "0,0001" in headers


@pytest.mark.parametrize("case", CASES[1:])
def test_each_case_shows_its_symptom_in_the_problem_and_its_fixes_healthy(case):
    lang = "vi" if case == "diverged" else "en"  # one case in Vietnamese: the verdicts are translated too
    at = open_page(PAGE, query={"case": case}, lang=lang)
    n = 1 + len(SCENARIOS[case].fixes)
    assert len(charts(at)) == n * CHARTS_PER_VARIANT + SWEEP_CHARTS
    titles = verdict_titles(at)
    assert titles and all(doctor_title(CODES[case], lang) in t for t in titles), titles
    assert len(at.success) == n - 1  # every fix is judged healthy
    specs = [c.proto.spec for c in charts(at)]
    if case == "unstable_lr":
        # the schedule beside each loss: constant for the problem, decaying for the three fixes
        assert sum('"step-after"' in s for s in specs) == n
    if case == "rising_sign":
        assert sum('"type": "text"' in s for s in specs) == 1  # the flip is marked (and labelled) on the problem's loss only
    if case == "diverged":
        errors = " ".join(e.value for e in at.error)
        assert "phân kỳ ở epoch 1/" in errors  # the engine's stop, in the page's language
        assert "Vì sao dừng" in " ".join(c.value for c in at.caption)  # and why, in the page's language


def test_changing_the_case_resets_its_knobs_without_notices():
    at = open_page(PAGE, query={"lr": "0.5", "epochs": "40"})
    assert at.session_state["learning_rates.rising_lr.lr"] == 0.5
    at.session_state["learning_rates.case"] = "slow_lr"
    at.run()
    assert_ok(at)
    assert not notices(at)  # the previous case's lr=0.5 would be out of this case's range
    assert at.session_state["learning_rates.slow_lr.lr"] == SCENARIOS["slow_lr"].problem.lr
    assert at.session_state["learning_rates.slow_lr.epochs"] == SCENARIOS["slow_lr"].problem.epochs
    assert dict(at.query_params) == {"case": "slow_lr"}
    at.session_state["learning_rates.case"] = "rising_lr"
    at.run()
    assert_ok(at)
    assert at.session_state["learning_rates.rising_lr.lr"] == SCENARIOS["rising_lr"].problem.lr
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("case", ["rising_sign", "unstable_lr"])
def test_every_control_of_a_case_changes_without_an_exception(case):
    at = open_page(PAGE, query={"case": case})
    changed = change_every_control(at, f"learning_rates.{case}")
    names = {k.split(".")[2] for k in changed}
    assert names >= {"epochs", "seed", "view"} and ("lr" in names or "mu" in names)
    if case == "rising_sign":
        assert "flip" in names
    assert len(charts(at)) >= 2 * CHARTS_PER_VARIANT + SWEEP_CHARTS


def test_out_of_range_and_malformed_url_values_are_clamped_or_ignored_with_a_notice():
    at = open_page(PAGE, query={"case": "slow_lr", "lr": "5", "epochs": "abc", "fix_lr": "0.0"})
    text = notices(at)
    assert "lr=5" in text and "range" in text
    assert "epochs=abc" in text and "ignored" in text
    assert "fix_lr=0.0" in text
    assert at.session_state["learning_rates.slow_lr.lr"] == 0.01
    assert at.session_state["learning_rates.slow_lr.fix_lr"] == 0.1
    assert at.query_params["lr"] == "0.01" and "epochs" not in at.query_params
    bad = open_page(PAGE, query={"case": "fast"})
    assert "case=fast" in notices(bad) and bad.session_state["learning_rates.case"] == "rising_lr"


def test_the_flip_epoch_stays_inside_the_run():
    at = open_page(PAGE, query={"case": "rising_sign", "epochs": "100", "flip": "150"})
    assert "flip=150" in notices(at)
    assert at.session_state["learning_rates.rising_sign.flip"] == 90
    at.session_state["learning_rates.rising_sign.epochs"] = 400
    at.run()
    assert_ok(at)
    at.session_state["learning_rates.rising_sign.flip"] = 390
    at.run()
    assert_ok(at)
    at.session_state["learning_rates.rising_sign.epochs"] = 100  # the flip epoch follows the shorter run
    at.run()
    assert_ok(at)
    assert at.session_state["learning_rates.rising_sign.flip"] == 90


def test_share_link_values_seed_the_controls_and_the_url_is_stable():
    query = {"case": "unstable_lr", "lr": "0.3", "decay": "0.3", "every": "10", "epochs": "300", "seed": "3",
             "view": "150"}
    at = open_page(PAGE, query=query)
    assert not notices(at)
    assert at.session_state["learning_rates.unstable_lr.every"] == 10
    assert at.session_state["learning_rates.unstable_lr.view"] == 150
    assert dict(at.query_params) == query
    at.run()
    assert_ok(at)
    assert dict(at.query_params) == query


def test_every_case_in_turn_and_its_largest_settings_within_each_variants_share_of_the_budget():
    at = open_page(PAGE)
    for case in CASES:
        if case != CASES[0]:
            at.session_state["learning_rates.case"] = case
            at.run()
            assert_ok(at)
            assert not notices(at)  # a stale knob of the previous case never leaks into this one
            assert len(charts(at)) == (1 + len(SCENARIOS[case].fixes)) * CHARTS_PER_VARIANT + SWEEP_CHARTS
        ctl = {k.split(".")[2]: c for k, c in page_controls(at, f"learning_rates.{case}").items()}
        s = SCENARIOS[case]
        share = runner.PAGE_SECONDS / (1 + len(s.fixes))
        worst = {"epochs": ctl["epochs"].hi}
        for config in s.variants().values():
            cfg = config.replace(**worst)
            if case == "slow_batch" and config.batch_size < 5000:
                cfg = cfg.replace(batch_size=min(ctl["batch"].values))
            assert estimate_seconds(cfg) <= share, (case, cfg)


def test_every_translation_key_the_page_builds_exists():
    keys = [f"learning_rates.case.{c}" for c in CASES] + [f"learning_rates.about.{c}" for c in CASES]
    keys += [f"learning_rates.v.{c}.{v}" for c in CASES for v in SCENARIOS[c].variants()]
    keys += [f"learning_rates.band.{b}" for b in ("too_low", "good", "too_high", "diverged")]
    keys += [f"learning_rates.diverged.{k}" for k in ("big", "nan", "inf")]
    keys += [f"learning_rates.s.{s}" for s in ("step", "exponential", "inverse_time")]
    assert [k for k in keys if k not in TABLE] == []
