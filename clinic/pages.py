"""The app's pages: key, file, icon and navigation section, in menu order.

``app.py`` builds ``st.navigation`` from this list; the home page and tests
read it too.  The key is the page's stable URL path (the same in both
languages, so a share link works whoever opens it) and the prefix of its
translation keys (``page.<key>`` is its title, ``<key>.intro`` its text).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageInfo:
    key: str
    file: str  # relative to the repository root
    icon: str  # an emoji: material icons fetch fonts from the internet and fail offline
    section: str  # translation key of the navigation section


PAGES = (
    PageInfo("home", "pages/home.py", "🏠", "nav.start"),
    PageInfo("gd_variants", "pages/gd_variants.py", "🚶", "nav.part1"),
    PageInfo("optimizers", "pages/optimizers.py", "🏎️", "nav.part1"),
    PageInfo("landscape", "pages/landscape.py", "⛰️", "nav.part1"),
    PageInfo("overfitting", "pages/overfitting.py", "📈", "nav.part2"),
    PageInfo("underfitting", "pages/underfitting.py", "📉", "nav.part2"),
    PageInfo("dying_relu", "pages/dying_relu.py", "💀", "nav.part2"),
    PageInfo("symmetry", "pages/symmetry.py", "🪞", "nav.part2"),
    PageInfo("vanishing", "pages/vanishing.py", "🌫️", "nav.part2"),
    PageInfo("learning_rates", "pages/learning_rates.py", "🎚️", "nav.part2"),
    PageInfo("doctor", "pages/doctor.py", "🩺", "nav.tools"),
    PageInfo("playground", "pages/playground.py", "🧪", "nav.tools"),
)

BY_KEY = {p.key: p for p in PAGES}


def available() -> list[PageInfo]:
    """The pages whose file exists (all of them in a release; tests check it)."""
    return [p for p in PAGES if (ROOT / p.file).exists()]
