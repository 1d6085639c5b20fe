"""End to end in a real browser: headless Chromium (Debian's) driven by Playwright against `streamlit run`.

Upload a real PDF, see the verdicts, override one with a comment, reload and see it kept,
download the DOCX report and open it. Skipped, with the reason, where Chromium is missing.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import docx
import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium'; "
                                                         ".ci/run installs it)")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    port = _free_port()
    env = {**os.environ, "ANALYSER_DATA_DIR": str(tmp_path / "data"), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=20)


def settle(page) -> None:
    """Wait until Streamlit has finished its rerun (its status widget shows while the script runs)."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=60_000)


def test_browser_upload_override_reload_download(server, files, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    shots = os.environ.get("ANALYSER_SCREENSHOTS")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(60_000)
        page.goto(server)
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_label("Naam", exact=True).fill("Mistral AI")
        sidebar.get_by_label("Product").fill("Le Chat Enterprise")
        sidebar.get_by_label("Aanbesteding of dossier").fill("Aanbesteding AI 2026")
        sidebar.get_by_role("button", name="Aanmaken").click()
        settle(page)
        page.locator("input[type=file]").set_input_files(str(files / "mistral-dpa.pdf"))
        page.get_by_role("button", name="Analyseren").click()
        settle(page)
        expect(page.get_by_text("mistral-dpa.pdf:", exact=False)).to_be_visible()
        page.get_by_role("tab", name="Overzicht").click()
        verdicts = page.get_by_test_id("stExpander")
        expect(verdicts.first).to_be_visible()
        assert verdicts.count() >= 15
        if shots:
            page.wait_for_timeout(1500)
            page.screenshot(path=f"{shots}/overview.png", full_page=False)
        sidebar.get_by_label("Uw naam (voor beoordelingen)").fill("J. de Jurist")
        sidebar.get_by_label("Uw naam (voor beoordelingen)").press("Enter")
        settle(page)
        not_met = page.get_by_test_id("stExpander").filter(
            has=page.locator("summary", has_text=re.compile(r": niet voldaan"))).first
        summary_text = not_met.locator("summary").inner_text()
        title = re.search(r"([^\n]+?): niet voldaan", summary_text).group(1).strip()
        not_met.locator("summary").click()
        option = not_met.locator("label").filter(has_text=re.compile(r"^voldaan$")).first
        chosen = not_met.get_by_role("radio", name="voldaan", exact=True)
        for _ in range(5):  # the option can be drawn before it takes clicks
            option.click()
            if chosen.is_checked():
                break
            page.wait_for_timeout(500)
        expect(chosen).to_be_checked()
        not_met.get_by_label("Toelichting (verplicht)").fill("Zero retention is schriftelijk afgesproken.")
        not_met.get_by_role("button", name="Opslaan").click()
        settle(page)
        expect(page.get_by_text("beoordeling opgeslagen", exact=False)).to_be_visible()
        page.reload()
        settle(page)
        page.get_by_role("tab", name="Overzicht").click()
        kept = page.get_by_test_id("stExpander").filter(has=page.locator("summary", has_text=title)).first
        assert f"{title}: voldaan" in kept.locator("summary").inner_text()  # the override shows
        kept.locator("summary").click()
        expect(kept.get_by_text("door J. de Jurist", exact=False)).to_be_visible()
        with page.expect_download() as info:
            page.get_by_role("button", name="DOCX").click()
        target = tmp_path / "report.docx"
        info.value.save_as(target)
        text = "\n".join(par.text for par in docx.Document(io.BytesIO(Path(target).read_bytes())).paragraphs)
        assert "Mistral AI" in text and "J. de Jurist" in text
        if shots:
            page.get_by_role("tab", name="Vergelijken").click()
            page.wait_for_timeout(1500)
            page.screenshot(path=f"{shots}/comparison.png", full_page=False)
        browser.close()
