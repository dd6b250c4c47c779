import os
import sys

import pytest

# One BLAS thread (see README: two threads on two shared cores made runs up to 12x slower).
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


def _router_mode_for_apptest():
    """Run AppTest the way the real server runs after its first request.

    AppTest resets Streamlit's "legacy pages/ folder" flag before every run, so
    every rerun would start in legacy multipage mode and execute the page file
    without app.py.  The real server clears that flag for good on the first run
    that calls st.navigation (and clinic.layout.ensure_router reroutes that
    first run); the browser tests cover that first request.
    """
    from streamlit.runtime import pages_manager
    from streamlit.testing.v1 import app_test

    class RouterPagesManager(pages_manager.PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pages_manager.PagesManager.uses_pages_directory = False

    app_test.PagesManager = RouterPagesManager


_router_mode_for_apptest()


@pytest.fixture(autouse=True)
def fresh_streamlit_cache():
    """Streamlit's caches are process-global across AppTest instances: every test starts with them empty."""
    import streamlit as st

    st.cache_data.clear()
    yield
