"""Hostile URLs for every page, through AppTest: unknown keys, wrong types, huge and negative numbers, NaN,
unicode, very long strings.  No exception, ever; every control ends valid; every bad value gets a notice.

Property-based (hypothesis) over each page's own parameter names, discovered from the page itself.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from clinic.pages import available
from tests.apptest_utils import assert_ok, notices, open_page, page_controls

EXAMPLES = 6  # per page: each example renders the page (and may train), so keep it modest

PAGES = [p for p in available() if p.key != "home"]


@functools.lru_cache(maxsize=None)
def control_names(page_file: str, namespace: str) -> tuple[str, ...]:
    at = open_page(page_file)
    return tuple(sorted(c.name for c in page_controls(at, namespace).values()))


hostile_values = hs.one_of(
    hs.integers(min_value=-10**30, max_value=10**30).map(str),
    hs.floats(allow_nan=True, allow_infinity=True).map(repr),
    hs.sampled_from(["nan", "NaN", "inf", "-inf", "1e308", "-1e308", "1e-320", "", " ", "0x1F", "1_000", "true",
                     "None", "null", "[]", "{}", "<script>alert(1)</script>", "../../etc/passwd", "%00", "0" * 400]),
    hs.text(min_size=0, max_size=40),
    hs.text(min_size=250, max_size=600),
)


def query_for(names):
    known = hs.dictionaries(hs.sampled_from(names), hostile_values, max_size=min(4, len(names))) if names else \
        hs.just({})
    unknown = hs.dictionaries(hs.text(min_size=1, max_size=30).filter(lambda k: k not in names and k not in
                                                                        ("lang", "present")),
                              hostile_values, max_size=2)
    return hs.tuples(known, unknown).map(lambda kv: {**kv[0], **kv[1]})


@pytest.mark.parametrize("info", PAGES, ids=[p.key for p in PAGES])
def test_hostile_urls_never_crash_and_always_leave_valid_controls(info):
    names = control_names(info.file, info.key)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(query=query_for(names))
    def check(query):
        at = open_page(info.file, query=query)
        assert_ok(at)
        shown = notices(at)
        controls = page_controls(at, info.key)
        for key, control in controls.items():
            if key in at.session_state:
                value = at.session_state[key]
                assert control.parse(control.serialize(value)).notice is None, (key, value)
        for name, raw in query.items():
            control = next((c for c in controls.values() if c.name == name), None)
            if control is not None:
                if control.parse(raw).notice:
                    assert f"{name}=" in shown, (name, raw, shown)
            elif name not in names:
                assert name[:40] in shown or len(query) > 5, (name, shown)
        # the URL now holds only valid, non-default values of known controls
        for name in at.query_params:
            assert name in names or name in ("lang", "present"), name

    check()
