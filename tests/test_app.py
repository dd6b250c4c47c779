"""The app shell under AppTest: router, languages, presenter mode, URL state and notices."""

import pytest

from clinic.pages import PAGES, available
from tests.apptest_utils import assert_ok, notices, open_page


@pytest.mark.parametrize("lang,title", [("en", "Training Clinic"), ("vi", "Phòng khám Huấn luyện")])
def test_home_renders_in_both_languages(lang, title):
    at = open_page(lang=lang)
    assert title in at.title[0].value
    assert not notices(at)
    if lang == "vi":
        assert at.query_params["lang"] == "vi"  # kept in the URL for the next page and for share links
    else:
        assert "lang" not in at.query_params  # defaults stay out of the URL


def test_home_links_to_every_available_page():
    at = open_page()
    linked = {link.proto.page for link in at.get("page_link")}
    assert linked == {p.key for p in available() if p.key != "home"}


def test_bad_language_and_unknown_parameters_get_a_notice_and_leave_the_url():
    at = open_page(query={"lang": "klingon", "utm_source": "x", "lr": "5"})
    text = notices(at)
    assert "lang=klingon" in text and "ignored" in text
    assert "utm_source" in text and "lr" in text
    assert dict(at.query_params) == {}


def test_presenter_mode_is_kept_in_the_url_and_styles_the_page():
    at = open_page(query={"present": "true"})
    assert at.query_params["present"] == "true"
    assert at.toggle(key="app.present").value is True
    at.toggle(key="app.present").set_value(False).run()
    assert_ok(at)
    assert "present" not in at.query_params


def test_language_switch_rewrites_the_url_and_the_text():
    at = open_page()
    at.radio(key="app.lang").set_value("vi").run()
    assert_ok(at)
    assert "Phòng khám" in at.title[0].value
    assert at.query_params["lang"] == "vi"


def test_page_registry_is_consistent():
    keys = [p.key for p in PAGES]
    assert len(keys) == len(set(keys))
    for p in PAGES:
        assert p.file.startswith("pages/") and p.file.endswith(".py")
