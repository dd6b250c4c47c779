"""The training doctor's words in the current language, and the verdict box drawn under a run.

The doctor (:mod:`nncore.doctor`) makes every sentence from a template and a
finding's ``facts`` (see :func:`nncore.doctor.say`); here the same sentence
is made from the current language's templates -- translation keys
``doctor.<code>.title``, ``doctor.<code>.evidence.<kind>``,
``doctor.clause.<name>``, ``doctor.<code>.fix<i>`` -- with the same facts, so
a Vietnamese verdict quotes exactly the numbers of the English one.  Skipped
checks (``doctor.skip.<key>``), the log reader's notes (``doctor.note.<key>``)
and its refusals (``doctor.error.<code>``) are said the same way.

A missing key falls back to the doctor's English (visible rather than a
crash); tests/test_verdicts.py makes sure no finding any rule can produce
needs the fallback.  Numbers keep the decimal point in both languages, as the
charts, their tooltips and the sliders write them: a learner reads "0.376" in
the evidence and finds 0.376 on the curve.
"""

from __future__ import annotations

import streamlit as st

from nncore import Run, doctor
from nncore.logs import LogError, Phrase

from .i18n import has, t
from .pages import BY_KEY, available

ICONS = {"error": "🛑", "warning": "⚠️", "info": "ℹ️"}


def _template(key: str) -> str:
    """The current language's template for a key of :func:`nncore.doctor.say` (the doctor's English if none)."""
    full = f"doctor.{key}"
    if has(full):
        return t(full)  # no arguments: the raw template
    return doctor._english(key)


def title(f: doctor.Finding) -> str:
    key = f"doctor.{f.code}.title"
    return t(key) if has(key) else f.title


def evidence(f: doctor.Finding) -> str:
    """The finding's evidence sentence in the current language, with its own numbers."""
    try:
        return doctor.say(f.code, f.facts, template=_template)
    except (KeyError, ValueError, IndexError, TypeError):
        return f.evidence


def fixes(f: doctor.Finding) -> list[str]:
    out = []
    for i, text in enumerate(f.fixes):
        key = f"doctor.{f.code}.fix{i}"
        out.append(t(key) if has(key) else text)
    return out


def phrase(p: Phrase | str, prefix: str) -> str:
    """A skipped-check reason (prefix "skip") or a note on how the log was read (prefix "note"), translated."""
    key = f"doctor.{prefix}.{getattr(p, 'key', '')}"
    if isinstance(p, Phrase) and has(key):
        return _say(key, p.facts) or str(p)
    return str(p)


def log_error(e: LogError) -> str:
    """Why a file could not be read, in the current language."""
    key = f"doctor.error.{e.code}"
    return (_say(key, e.facts) if has(key) else None) or str(e)


def _say(key: str, facts: dict) -> str | None:
    try:
        return t(key, **facts)
    except (KeyError, ValueError, IndexError):
        return None


# -- the doctor's reading of a run, cached ------------------------------------------------------------------------

@st.cache_data(max_entries=2000, max_size="10MB", show_spinner=False)
def _examine(key: str, _run: Run) -> doctor.Report:
    return doctor.examine(_run.history, _run.layers)


def report(run: Run, key: str | None = None) -> doctor.Report:
    """The doctor's full report for ``run`` (findings and skipped checks), cached under ``key``
    (default: the run's config, which determines it)."""
    return _examine(key or run.config.to_json(), run)


def findings(run: Run, key: str | None = None) -> list[doctor.Finding]:
    """The doctor's findings for ``run``, cached under ``key`` (default: the run's config, which determines it)."""
    return report(run, key).findings


# -- drawing ------------------------------------------------------------------------------------------------------

def draw(box, found: list[doctor.Finding], current_page: str | None = None, with_fixes: bool = True,
         healthy_key: str = "verdict.healthy") -> None:
    """Draw findings in ``box``: each alarm with its evidence, the lecture's fixes and a link to the page that
    recreates it; then the info findings as captions.  No alarm: the healthy line (``healthy_key``)."""
    alarms = [f for f in found if f.alarm]
    if not alarms:
        box.success(t(healthy_key), icon="✅")
    live = available()
    for f in alarms:
        (box.error if f.severity == "error" else box.warning)(f"**{title(f)}** — {evidence(f)}",
                                                               icon=ICONS[f.severity])
        if with_fixes:
            box.markdown("\n".join(f"- {x}" for x in fixes(f)))
        page = BY_KEY.get(f.page)
        if page is not None and f.page != current_page and page in live:
            # A short label: a page link never wraps, and the verdict sits in narrow columns.
            box.page_link(page.file, label=t("doctor.see_page", page=t(f"page.{f.page}")), icon=page.icon,
                          help=t("verdict.see_page", page=t(f"page.{f.page}")))
    for f in found:
        if not f.alarm:
            box.caption(f"{ICONS['info']} {title(f)} — {evidence(f)}")


def show(col, run: Run, current_page: str | None = None, with_fixes: bool = True, key: str | None = None) -> None:
    """Draw the verdict box for ``run`` in ``col``.

    ``key`` caches the findings (default: the run's config, which determines a
    generated run; a run on uploaded data needs a key naming the data too).
    """
    box = col.container(border=True)
    box.markdown(f"**🩺 {t('verdict.title')}**")
    draw(box, findings(run, key=key), current_page=current_page, with_fixes=with_fixes)
