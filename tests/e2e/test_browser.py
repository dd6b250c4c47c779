"""End-to-end: the real app in Debian's chromium -- every page in both languages, share links, hostile URLs."""

from __future__ import annotations

import re
import time

import pytest

from clinic.i18n import LANGS
from clinic.pages import available
from tests.e2e.conftest import Watched, require_browser, running_server, screenshot, wait_for_app



def open_app(w: Watched, url: str) -> None:
    w.page.goto(url)
    wait_for_app(w.page)


def check_page(w: Watched, name: str) -> int:
    """No exception element, every chart drawn at a non-zero size, no browser errors; returns the chart count."""
    page = w.page
    assert page.locator('[data-testid="stException"]').count() == 0, f"{name}: exception shown"
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    drawn = 0
    for i in range(charts.count()):
        chart = charts.nth(i)
        if not chart.is_visible():  # in a tab that is not open
            continue
        chart.scroll_into_view_if_needed()
        graphic = chart.locator("svg, canvas").first
        graphic.wait_for(state="visible")
        box = graphic.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0, f"{name}: chart {i} not drawn"
        drawn += 1
    screenshot(page, name)
    assert not w.errors(), f"{name}: browser errors {w.errors()}"
    return drawn


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_renders_in_the_browser(watched, server_url, lang):
    open_app(watched, f"{server_url}/?lang={lang}")
    counts = {"home": check_page(watched, f"{lang}-home")}
    for info in available():
        if info.key == "home":
            continue
        watched.page.locator(f'[data-testid="stSidebarNavLink"][href$="/{info.key}"]').click()
        watched.page.wait_for_url(re.compile(rf"/{info.key}(\?|$)"))
        wait_for_app(watched.page)
        counts[info.key] = check_page(watched, f"{lang}-{info.key}")
        assert watched.page.locator("h1").first.inner_text().strip(), info.key
        # the language survives the page change, in the app and in the URL
        if lang != "en":
            assert "lang=vi" in watched.page.url
    pathology = [k for k in ("overfitting", "underfitting", "dying_relu", "symmetry", "vanishing", "learning_rates")
                 if k in counts]
    assert all(counts[k] >= 4 for k in pathology), counts


def slider_input(page, label: str):
    return page.locator('[data-testid="stSlider"]').filter(has_text=label).locator('input[type="range"]')


def slider_value(page, label: str) -> str:
    return page.locator('[data-testid="stSlider"]').filter(has_text=label).locator(
        '[data-testid="stSliderThumbValue"]').inner_text().strip()


def final_loss_text(page) -> str:
    return page.locator('[data-testid="stCaptionContainer"]').filter(has_text="final training loss").first.inner_text()


def test_share_link_reproduces_the_view_in_a_fresh_browser(browser, server_url):
    first = Watched(browser.new_context(viewport={"width": 1500, "height": 1100}))
    try:
        open_app(first, f"{server_url}/overfitting")
        before = final_loss_text(first.page)
        for label, key, presses in (("Epochs", "ArrowLeft", 1), ("Random seed", "ArrowRight", 3),
                                    ("Noise", "ArrowLeft", 2)):
            box = slider_input(first.page, label)
            box.focus()
            for _ in range(presses):
                box.press(key)
            wait_for_app(first.page)
        first.page.wait_for_function("location.search.includes('seed=3')")
        url = first.page.url
        assert "epochs=" in url and "noise=" in url, url
        values = {label: slider_value(first.page, label) for label in ("Epochs", "Random seed", "Noise")}
        shown = final_loss_text(first.page)
        assert shown != before  # the controls really changed the run
        assert not first.errors(), first.errors()
    finally:
        first.context.close()

    fresh = Watched(browser.new_context(viewport={"width": 1500, "height": 1100}))
    try:
        open_app(fresh, url)
        assert {label: slider_value(fresh.page, label) for label in values} == values
        assert final_loss_text(fresh.page) == shown
        assert fresh.page.url == url
        assert not fresh.errors(), fresh.errors()
    finally:
        fresh.context.close()


def test_hostile_url_gets_a_notice_not_a_traceback(watched, server_url):
    open_app(watched, f"{server_url}/overfitting?epochs=99999&width=%3Cscript%3E&utm=1&seed=-5")
    notice = watched.page.locator('[data-testid="stAlertContentWarning"]').filter(has_text="epochs=99999")
    assert notice.count() == 1
    text = notice.inner_text()
    assert "width=<script>" in text and "utm" in text and "seed=-5" in text
    assert watched.page.locator('[data-testid="stException"]').count() == 0
    assert "epochs=500" in watched.page.url and "utm" not in watched.page.url
    assert not watched.errors(), watched.errors()


def test_first_request_after_a_server_start_goes_through_the_router(browser):
    """The pages live in pages/, Streamlit's legacy folder: a share link must still get the router's language."""
    require_browser()
    with running_server() as url:
        w = Watched(browser.new_context())
        open_app(w, f"{url}/overfitting?lang=vi&epochs=100")
        assert "quá khớp" in w.page.locator("h1").first.inner_text()
        assert w.page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').count() == 1
        assert slider_value(w.page, "Số epoch") == "100"
        assert not w.errors(), w.errors()
        w.context.close()


def test_the_playground_plays_its_snapshots_and_stops(watched, server_url):
    """The play button runs a fragment on a timer: only a real browser shows it ticking."""
    open_app(watched, f"{server_url}/playground?epochs=100")
    label = "Show the network at epoch"
    assert slider_value(watched.page, label) == "100"
    watched.page.get_by_role("button", name="▶ Play").click()
    seen = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        seen.append(int(slider_value(watched.page, label)))
        if watched.page.get_by_role("button", name="▶ Play").count() and len(seen) > 3 and seen[-1] == 100:
            break
        time.sleep(0.25)
    moved = sorted(set(seen) - {100})
    assert len(moved) >= 5 and moved == sorted(moved), seen  # it walked forward through the snapshots
    assert seen[-1] == 100 and watched.page.get_by_role("button", name="▶ Play").count() == 1  # and stopped
    assert watched.page.locator('[data-testid="stException"]').count() == 0
    assert not watched.errors(), watched.errors()
