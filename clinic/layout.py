"""Page scaffolding shared by every page: header, controls area, variant columns, presenter mode."""

from __future__ import annotations

import html
import math

import streamlit as st

from nncore import Run

from . import charts, controls
from .i18n import get_lang, t
from .runner import Refused

PRESENTER_KEY = "app.present"

PRESENTER_CSS = """
<style>
  .stApp, .stMarkdown p, .stMarkdown li { font-size: 1.25rem !important; }
  .stApp h1 { font-size: 2.6rem !important; }
  .stApp h2, .stApp h3 { font-size: 1.9rem !important; }
  [data-testid="stCaptionContainer"] { font-size: 1.05rem !important; }
</style>
"""


def is_presenter() -> bool:
    return bool(st.session_state.get(PRESENTER_KEY, False))


def style() -> charts.Style:
    return charts.PRESENTER if is_presenter() else charts.NORMAL


def header(page_key: str, intro: bool = True) -> None:
    """Title, the page's explanation, and the box where URL notices will appear."""
    st.title(t(f"page.{page_key}"))
    header_notices()
    if intro:
        st.markdown(t(f"{page_key}.intro"))


def ensure_router() -> None:
    """Make sure this page runs under ``app.py``'s router.

    The brief puts the page files in ``pages/``, the folder name of
    Streamlit's legacy multipage mode.  On a server's very first run, before
    any run has called ``st.navigation``, Streamlit therefore runs a requested
    page file on its own -- without the router, so without the language or the
    URL handling a share link relies on.  When that happens, switch the
    legacy mode off and rerun: the rerun goes through the router.
    """
    if controls.run_state().routed:
        return
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a future Streamlit without the legacy mode
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def header_notices() -> None:
    """Presenter styles, and the place near the top where notices about the URL will appear."""
    ensure_router()
    if is_presenter():
        st.html(PRESENTER_CSS)
    controls.run_state().notice_box = st.container()


def controls_area(n_columns: int = 4):
    """Columns inside the (collapsible) controls panel; folded away in presenter mode."""
    box = st.expander("⚙️ " + t("ctl.controls"), expanded=not is_presenter())
    return box.columns(n_columns)


def colored_label(color: str, text: str, sub: str = "") -> str:
    sub_html = f"<div style='font-size:0.85em;opacity:0.8'>{html.escape(sub)}</div>" if sub else ""
    return (f"<div style='border-top:6px solid {color};padding-top:4px;margin-bottom:4px'>"
            f"<b>{html.escape(text)}</b>{sub_html}</div>")


MAX_PER_ROW = 4  # narrower columns make the charts unreadable, on a projector above all


def grid_rows(n: int, per_row: int = MAX_PER_ROW) -> list[int]:
    """How many columns each row of a grid of ``n`` variants gets: as even as possible, at most ``per_row``."""
    rows = -(-n // per_row)
    base, extra = divmod(n, rows)
    return [base + (1 if i < extra else 0) for i in range(rows)]


def variant_columns(labels: dict[str, str], colors: dict[str, str], subtitles: dict[str, str] | None = None):
    """One column per variant, each under a header bar in the variant's colour.

    More than four variants wrap onto further rows of equal-width columns.
    """
    names = list(labels)
    widest = max(grid_rows(len(names)))
    cols = []
    for count in grid_rows(len(names)):
        cols.extend(st.columns(widest)[:count])
    for col, name in zip(cols, names):
        col.markdown(colored_label(colors[name], labels[name], (subtitles or {}).get(name, "")),
                     unsafe_allow_html=True)
    return dict(zip(names, cols))


def summary(col, run: Run | Refused) -> bool:
    """A run's outcome in a line or two; False when there is nothing to chart."""
    if isinstance(run, Refused):
        col.error(t("status.too_costly", reason=run.reason))
        return False
    final = run.history.iloc[-1]
    if run.diverged:
        col.error(stop_message(run), icon="💥")
    elif run.message:
        col.caption("⏹️ " + stop_message(run))
    if math.isfinite(final.train_loss) and math.isfinite(final.val_loss):
        col.caption(t("col.final", train=final.train_loss, val=final.val_loss))
    if run.config.task != "regression" and math.isfinite(final.train_acc):
        col.caption(t("col.final_acc", train=final.train_acc, val=final.val_acc))
    return True


SPEC_CACHE_ENTRIES = 2000  # Vega-Lite specs: ~5-60 kB each; bounded by size too


@st.cache_data(max_entries=SPEC_CACHE_ENTRIES, max_size="60MB", show_spinner=False)
def _spec(key: str, _build) -> dict:
    # Altair's object model (validation, deep copies) costs 10-60 ms per chart;
    # the finished spec is a plain dict, cheap to reuse on every rerun.
    return charts.spec(_build())


def stop_message(run: Run) -> str:
    """Why a run stopped early, in the current language (from the engine's numbers, not its English text)."""
    f = run.stop_facts
    if not f:
        return run.message
    if f["reason"] == "early_stopping":
        return t("status.early_stop", **f)
    how = t(f"status.how.{f['reason']}", **f)
    if f["flipped"]:
        hint = t("status.hint.sign")
    elif f["optimizer"] in ("momentum", "nesterov"):
        hint = t("status.hint.lr_mu", **f)
    else:
        hint = t("status.hint.lr", **f)
    return t("status.diverged_at", epoch=f["epoch"], epochs=f["epochs"], how=how, hint=hint)


def chart(where, chart_obj, key: str | None = None) -> None:
    """Draw an Altair chart, full width.

    With ``key`` -- a string naming everything the chart depends on (run
    config, epoch, shared scale, colour, language, style) -- ``chart_obj`` may
    be a zero-argument builder: the finished Vega-Lite spec is cached under the
    key and the builder only runs the first time.
    """
    if key is None:
        where.altair_chart(chart_obj() if callable(chart_obj) else chart_obj, width="stretch")
        return
    full_key = "|".join((key, get_lang(), repr(style())))
    spec = _spec(full_key, chart_obj if callable(chart_obj) else (lambda: chart_obj))
    where.vega_lite_chart(spec=spec, width="stretch")


def note(key: str) -> None:
    """A short explanatory paragraph under the charts."""
    st.info(t(key))
