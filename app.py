"""Training Clinic: the router.

Run with ``streamlit run app.py``.  This file only sets up what every page
shares -- language, presenter mode, the URL -- and hands over to the page
chosen in the navigation (``st.navigation`` over the files in ``pages/``).
"""

import os

# One BLAS thread, set before NumPy loads: the networks are small, and a second
# thread fighting the server for two shared cores made training up to 12x slower.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import streamlit as st  # noqa: E402

from clinic import controls, i18n  # noqa: E402
from clinic.pages import available  # noqa: E402

LANG = controls.Choice("lang", "app.language", "en", options=i18n.LANGS, option_labels="lang.", horizontal=True)
PRESENT = controls.Flag("present", "app.presenter", False, help="app.presenter_help")


def main() -> None:
    controls.begin_run().routed = True
    # The language must be known before any text is drawn, the sidebar included.
    i18n.set_lang(st.session_state.get("app.lang") or LANG.parse(st.query_params.get("lang")).value)
    st.set_page_config(page_title="Training Clinic", page_icon="🩺", layout="wide",
                       initial_sidebar_state="collapsed" if st.query_params.get("present") == "true" else "auto")

    with st.sidebar:
        values = controls.render([LANG], "app")
        i18n.set_lang(values["lang"])
        controls.render([PRESENT], "app")
        st.caption(i18n.t("app.share"))

    sections: dict[str, list] = {}
    for info in available():
        page = st.Page(info.file, title=i18n.t(f"page.{info.key}"), icon=info.icon,
                       url_path=info.key, default=info.key == "home")
        sections.setdefault(i18n.t(info.section), []).append(page)
    current = st.navigation(sections)
    current.run()

    controls.sync_url()
    controls.show_notices()


main()
