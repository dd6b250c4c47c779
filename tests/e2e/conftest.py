"""Real-browser fixtures: a Streamlit server on a free loopback port and Debian's chromium driven by Playwright.

The browser is never downloaded by a test tool: Playwright launches the
system chromium (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``).  Where it or
Playwright is missing, these tests skip with a message saying how to install
it -- except under CI (``CLINIC_REQUIRE_BROWSER=1``, set by ``.ci/run``),
where a missing browser fails the run instead of hiding the tests.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("CLINIC_ARTIFACTS", ROOT / "artifacts")) / "screenshots"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
               "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 90_000  # two shared cores: a page's first render in a cold browser takes several seconds

# Streamlit's frontend first asks /<page>/_stcore/health and /<page>/_stcore/host-config when a
# page URL is opened directly, gets 404, then asks the right /_stcore/... (streamlit/streamlit#7074,
# open).  Those two requests are the only failures tolerated.
KNOWN_404 = re.compile(r"^https?://[^/]+/[a-z_]+/_stcore/(health|host-config)(\?.*)?$")


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -r requirements-dev.txt)"
    if not Path(CHROMIUM).exists():
        return (f"no chromium at {CHROMIUM}: install Debian's (sudo apt-get install chromium "
                "fonts-noto-color-emoji) or set CHROMIUM_PATH")
    return None


def require_browser() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CLINIC_REQUIRE_BROWSER"):
        pytest.fail("browser tests are required here (CLINIC_REQUIRE_BROWSER is set) but " + reason)
    pytest.skip("browser tests skipped: " + reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", f"--server.port={port}",
           "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none",
           "--global.developmentMode=false"]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    return subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def wait_healthy(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("streamlit did not become healthy in time")


def stop_server(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@contextlib.contextmanager
def running_server():
    """A fresh ``streamlit run app.py`` on a free loopback port: yields its URL, stops its process group after."""
    port = free_port()
    proc = start_server(port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def server_url():
    require_browser()
    with running_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser(server_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A browser page that records console errors, page errors and failed requests."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.console: list[str] = []
        self.failed: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.console.append(f"page error: {e}"))
        self.page.on("response", self._response)

    def _console(self, msg) -> None:
        # "Failed to load resource" carries no URL; the response handler judges those.
        if msg.type == "error" and "Failed to load resource" not in msg.text:
            self.console.append(msg.text)

    def _response(self, response) -> None:
        if response.status >= 400 and not KNOWN_404.match(response.url):
            self.failed.append(f"{response.status} {response.url}")

    def errors(self) -> list[str]:
        return self.console + self.failed


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1500, "height": 1100})
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def watched(context):
    return Watched(context)


def wait_for_app(page, settle: float = 0.5) -> None:
    """Until the script has finished and nothing is left to draw (Streamlit's own e2e conditions)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    for _ in range(2):  # a run can trigger another (URL sync, page switch): wait twice
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        page.wait_for_function("document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0")
        time.sleep(settle)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')


def screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so grow the viewport to fit it first."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                           " return m ? m.scrollHeight : document.body.scrollHeight; }")
    page.set_viewport_size({"width": size["width"], "height": min(max(height + 100, size["height"]), 15000)})
    time.sleep(0.5)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)
