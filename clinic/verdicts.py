"""The training doctor's verdict under a run: healthy, or what is wrong, why we think so, and the lecture's fix.

The findings come from :func:`nncore.doctor.diagnose` on the run's own
telemetry.  Their titles, evidence and fixes are phrased in the current
language from translation keys (``doctor.<code>.title``,
``doctor.<code>.evidence``, ``doctor.<code>.fix<i>``) filled with the
finding's ``facts``; where a key is missing the doctor's English text is shown.
"""

from __future__ import annotations

import streamlit as st

from nncore import Run, doctor

from .i18n import has, t
from .pages import BY_KEY, available

ICONS = {"error": "🛑", "warning": "⚠️", "info": "ℹ️"}


def title(f: doctor.Finding) -> str:
    key = f"doctor.{f.code}.title"
    return t(key) if has(key) else f.title


def evidence(f: doctor.Finding) -> str:
    key = f"doctor.{f.code}.evidence.{f.facts.get('kind', 'main')}"
    if has(key):
        try:
            return t(key, **f.facts)
        except (KeyError, ValueError, IndexError):
            pass
    return f.evidence


def fixes(f: doctor.Finding) -> list[str]:
    out = []
    for i, text in enumerate(f.fixes):
        key = f"doctor.{f.code}.fix{i}"
        out.append(t(key) if has(key) else text)
    return out


@st.cache_data(max_entries=2000, max_size="10MB", show_spinner=False)
def _diagnose(key: str, _run: Run) -> list[doctor.Finding]:
    return doctor.diagnose(_run.history, _run.layers)


def findings(run: Run, key: str | None = None) -> list[doctor.Finding]:
    """The doctor's findings for ``run``, cached under ``key`` (default: the run's config, which determines it)."""
    return _diagnose(key or run.config.to_json(), run)


def show(col, run: Run, current_page: str | None = None, with_fixes: bool = True) -> None:
    """Draw the verdict box for ``run`` in ``col``."""
    found = findings(run)
    alarms = [f for f in found if f.alarm]
    box = col.container(border=True)
    box.markdown(f"**🩺 {t('verdict.title')}**")
    if not alarms:
        box.success(t("verdict.healthy"), icon="✅")
    for f in alarms:
        (box.error if f.severity == "error" else box.warning)(f"**{title(f)}** — {evidence(f)}",
                                                               icon=ICONS[f.severity])
        if with_fixes:
            box.markdown("\n".join(f"- {x}" for x in fixes(f)))
        page = BY_KEY.get(f.page)
        if page is not None and f.page != current_page and page in available():
            box.page_link(page.file, label=t("verdict.see_page", page=t(f"page.{f.page}")), icon=page.icon)
    for f in found:
        if not f.alarm:
            box.caption(f"{ICONS['info']} {title(f)} — {evidence(f)}")
