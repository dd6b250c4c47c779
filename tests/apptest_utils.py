"""Helpers for AppTest-based page tests: run a page, assert no exception after every run, change every control."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from clinic.controls import NOTICE_ICON, REGISTRY_KEY

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60  # the first run in a fresh process pays every import (notes: AppTest's 3 s default is too short)


APP_PARAMS = ("lang", "present")  # owned by app.py, valid on every page


def open_page(page_file: str | None = None, query: dict | None = None, lang: str | None = None) -> AppTest:
    """The app opened at ``page_file`` with ``query`` in its URL, as a share link would open it.

    AppTest must run the router once before it can switch pages, so the first
    run (the home page) sees only the app-wide parameters; the page's own
    parameters are in the URL when the switch to the page runs it.  Asserts
    that every run raised nothing.
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    q = dict(query or {})
    if lang:
        q["lang"] = lang
    first = q if page_file is None else {k: v for k, v in q.items() if k in APP_PARAMS}
    for k, v in first.items():
        at.query_params[k] = v
    at.run()
    assert_ok(at)
    if page_file:
        for k, v in q.items():
            at.query_params[k] = v
        at.switch_page(page_file).run()
        assert_ok(at)
    return at


def open_link(page_file: str, query: dict) -> AppTest:
    """The page opened straight from a link carrying ``query``, with no run of the home page first.

    (:func:`open_page` shows the home page first, whose URL check removes the
    page's parameters before the page sees them.)
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(page_file).run()
    assert_ok(at)
    return at


def assert_ok(at: AppTest) -> None:
    assert not at.exception, "page raised: " + "\n".join(
        e.message + "\n" + "\n".join(e.stack_trace) for e in at.exception)


def charts(at: AppTest) -> list:
    return list(at.get("vega_lite_chart")) + list(at.get("arrow_vega_lite_chart"))


def datasets(chart) -> list:
    """The frames a chart was drawn from (Streamlit sends them beside the spec, as Arrow)."""
    import pyarrow as pa

    return [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.proto.datasets]


def variant_columns(at: AppTest) -> list:
    """A pathology page's variant columns, problem first (each opens with its coloured header)."""
    return [c for c in at.columns if c.markdown and c.markdown[0].value.startswith("<div style='border-top")]


def notices(at: AppTest) -> str:
    """The text of the notices about the URL (warnings with the link icon; not the doctor's warnings)."""
    return "\n".join(str(w.value) for w in at.warning if w.proto.icon == NOTICE_ICON)


def page_controls(at: AppTest, namespace: str) -> dict:
    """{session key: Control} for the controls the page drew under ``namespace``."""
    registry = at.session_state[REGISTRY_KEY] if REGISTRY_KEY in at.session_state else {}
    return {k: c for k, c in registry.items() if k.startswith(namespace + ".")}


def change_every_control(at: AppTest, namespace: str) -> list[str]:
    """Set each of the page's controls to another valid value, one at a time, asserting no exception after each
    run; returns the keys changed."""
    changed = []
    for key, control in page_controls(at, namespace).items():
        if key not in at.session_state:  # drawn conditionally and not there now
            continue
        at.session_state[key] = control.alternative(at.session_state[key])
        at.run()
        assert_ok(at)
        changed.append(key)
    return changed
