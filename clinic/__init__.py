"""The dashboard's UI layer: translation, URL-backed controls, Altair charts, cached runners, page layout.

Chart builders (:mod:`clinic.charts`) and the parsing half of the controls
(:mod:`clinic.controls`) are pure functions, tested without Streamlit.
"""
