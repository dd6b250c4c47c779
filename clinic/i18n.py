"""One translation table for every string the app shows, in English and Vietnamese.

The table is assembled from the modules in :mod:`clinic.text` (one per area of
the app, so that people working on different pages do not edit one file); each
holds ``TEXT = {key: (english, vietnamese)}``.  Keys must be unique across the
modules; a test checks that every key has both languages and that the two
translations use the same ``{placeholders}``.

The current language lives in a ContextVar, set by ``app.py`` at the start of
every script run.  Streamlit runs each session's script in its own thread, so
one user's choice never leaks into another's, and chart builders can call
:func:`t` without importing Streamlit.
"""

from __future__ import annotations

import contextvars
import importlib
import pkgutil

from . import text as _text_pkg

LANGS = ("en", "vi")
LANG_NAMES = {"en": "English", "vi": "Tiếng Việt"}

_lang: contextvars.ContextVar[str] = contextvars.ContextVar("clinic_lang", default="en")


def _load() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_text_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_text_pkg.__name__}.{info.name}")
        for key, pair in module.TEXT.items():
            if key in table:
                raise KeyError(f"translation key {key!r} is defined twice (again in clinic.text.{info.name})")
            table[key] = pair
    return table


TABLE: dict[str, tuple[str, str]] = _load()


def set_lang(lang: str) -> None:
    _lang.set(lang if lang in LANGS else "en")


def get_lang() -> str:
    return _lang.get()


def t(key: str, **fmt) -> str:
    """The text for ``key`` in the current language, formatted with ``fmt``.

    An unknown key shows itself (visible, never a crash); a test makes sure no
    page uses one.
    """
    pair = TABLE.get(key)
    if pair is None:
        return key
    text = pair[LANGS.index(_lang.get())]
    return text.format(**fmt) if fmt else text


def has(key: str) -> bool:
    return key in TABLE
