"""URL values into control values: valid ones kept, the rest clamped or ignored with a notice."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.controls import MAX_RAW_LENGTH, Choice, Flag, Levels, Number, Several

LR = Levels("lr", "ctl.lr", 0.01, values=(1e-4, 1e-3, 1e-2, 1e-1, 1.0))
EPOCHS = Number("epochs", "ctl.epochs", 200, lo=10, hi=500, step=10, fmt="%d")
NOISE = Number("noise", "ctl.noise", 0.2, lo=0.0, hi=0.5, step=0.05)
OPT = Choice("opt", "ctl.lr", "adam", options=("sgd", "momentum", "adam"))
FLAG = Flag("present", "app.presenter", False)
FEATS = Several("features", "ctl.lr", ("x1", "x2"), options=("x1", "x2", "x1^2", "sin(x1)"))


def test_absent_means_default_and_valid_values_pass_unchanged():
    for control in (LR, EPOCHS, NOISE, OPT, FLAG, FEATS):
        assert control.parse(None).value == control.default and control.parse(None).notice is None
    assert LR.parse("0.1").value == 0.1 and LR.parse("0.1").notice is None
    assert EPOCHS.parse("300").value == 300 and isinstance(EPOCHS.parse("300").value, int)
    assert NOISE.parse("0.35").value == pytest.approx(0.35) and NOISE.parse("0.35").notice is None
    assert OPT.parse("momentum").value == "momentum"
    assert FLAG.parse("true").value is True and FLAG.parse("0").value is False
    assert FEATS.parse("sin(x1),x1").value == ("x1", "sin(x1)")


@pytest.mark.parametrize("control,raw,expected", [
    (EPOCHS, "100000", 500), (EPOCHS, "-5", 10), (EPOCHS, "1e9", 500), (NOISE, "7", 0.5), (NOISE, "-0.1", 0.0),
    (LR, "50", 1.0), (LR, "1e-9", 1e-4),
])
def test_out_of_range_values_are_clamped_with_a_notice(control, raw, expected):
    parsed = control.parse(raw)
    assert parsed.value == pytest.approx(expected)
    assert parsed.notice and raw in parsed.notice and "range" in parsed.notice


@pytest.mark.parametrize("control,raw,expected", [(EPOCHS, "123", 120), (NOISE, "0.33", 0.35), (LR, "0.02", 0.01),
                                                  (LR, "0.5", 1.0), (EPOCHS, "2.5e2", 250)])
def test_off_grid_values_snap_to_the_nearest_allowed(control, raw, expected):
    parsed = control.parse(raw)
    assert parsed.value == pytest.approx(expected)
    if float(raw) != expected:
        assert parsed.notice and "nearest" in parsed.notice


@pytest.mark.parametrize("control,raw", [
    (EPOCHS, "abc"), (EPOCHS, "nan"), (EPOCHS, "inf"), (NOISE, "-inf"), (LR, "NaN"), (LR, ""), (LR, "0x10"),
    (OPT, "adamw"), (OPT, ""), (FLAG, "maybe"), (FEATS, "x9"), (FEATS, ""), (EPOCHS, "1" * (MAX_RAW_LENGTH + 1)),
    (OPT, "ádám"), (EPOCHS, "12,5"),
])
def test_malformed_values_are_ignored_with_a_notice(control, raw):
    parsed = control.parse(raw)
    assert parsed.value == control.default
    assert parsed.notice and "ignored" in parsed.notice
    assert len(parsed.notice) < 300  # a long hostile value is not echoed in full


def test_several_drops_unknown_options_but_keeps_the_rest():
    parsed = FEATS.parse("x1,bogus,x1^2")
    assert parsed.value == ("x1", "x1^2") and parsed.notice


def test_serialize_round_trips():
    for control, value in [(LR, 1e-3), (EPOCHS, 370), (NOISE, 0.45), (OPT, "sgd"), (FLAG, True),
                           (FEATS, ("x2", "sin(x1)"))]:
        assert control.parse(control.serialize(value)).value == value
        assert control.parse(control.serialize(value)).notice is None


def test_coerce_fixes_stale_values():
    assert EPOCHS.coerce(1000) == 500
    assert LR.coerce(0.3) == 0.1
    assert OPT.coerce("rmsprop") == "adam"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_valid_value_and_never_raises(raw):
    for control in (LR, EPOCHS, NOISE, OPT, FLAG, FEATS):
        value = control.parse(raw).value
        if control is EPOCHS:
            assert 10 <= value <= 500 and isinstance(value, int)
        elif control is NOISE:
            assert 0.0 <= value <= 0.5 and math.isfinite(value)
        elif control is LR:
            assert value in LR.values
        elif control is OPT:
            assert value in OPT.options
        elif control is FEATS:
            assert set(value) <= set(FEATS.options) and value
