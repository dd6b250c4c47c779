"""Home: the lecture's table of symptoms, causes and fixes, each row linking to the page that recreates it."""

import streamlit as st

from clinic import layout
from clinic.i18n import t
from clinic.pages import BY_KEY, available

# (row key, page key, topic key)
PART1 = [("landscape", "landscape", "home.r.landscape.topic"),
         ("gd", "gd_variants", "home.r.gd.topic"),
         ("opt", "optimizers", "home.r.opt.topic")]
PART2 = [("overfitting", "overfitting", "page.overfitting"),
         ("underfitting", "underfitting", "page.underfitting"),
         ("dying_relu", "dying_relu", "page.dying_relu"),
         ("symmetry", "symmetry", "page.symmetry"),
         ("vanishing", "vanishing", "page.vanishing"),
         ("lr_rising", "learning_rates", "home.r.lr_rising.topic"),
         ("lr_slow", "learning_rates", "home.r.lr_slow.topic"),
         ("lr_unstable", "learning_rates", "home.r.lr_unstable.topic")]
WIDTHS = [1.3, 2, 2, 2]


def table(rows) -> None:
    live = available()
    head = st.columns(WIDTHS)
    for col, key in zip(head, ("home.col.topic", "home.col.symptom", "home.col.cause", "home.col.fix")):
        col.markdown(f"**{t(key)}**")
    for row, page_key, topic in rows:
        info = BY_KEY[page_key]
        cols = st.container(border=True).columns(WIDTHS)
        # The topic wraps as text; the link under it is short (a page link never wraps and was cut off).
        cols[0].markdown(f"{info.icon} **{t(topic)}**")
        if info in live:
            cols[0].page_link(info.file, label=t("home.open"), icon="➡️")
        cols[1].markdown(t(f"home.r.{row}.symptom"))
        cols[2].markdown(t(f"home.r.{row}.cause"))
        cols[3].markdown(t(f"home.r.{row}.fix"))


st.title("🩺 " + t("app.title"))
layout.header_notices()
st.caption(t("app.tagline"))
st.markdown(t("home.intro"))
st.subheader(t("home.part2"))
table(PART2)
st.subheader(t("home.part1"))
table(PART1)
st.subheader(t("home.tools"))
st.markdown(t("home.tools_text"))
for key in ("doctor", "playground"):
    info = BY_KEY[key]
    if info in available():
        st.page_link(info.file, label=t(f"page.{key}"), icon=info.icon)
