"""Upload through the browser's file chooser: the timeline then shows the uploaded events, for this session."""

import re

from playwright.sync_api import Page, expect

from components.uploads import load_uploads
from tests.browser.conftest import CHART_TIMEOUT_MS, EVENT_MARKERS
from tests.conftest import FIXTURES

SHEET = FIXTURES / "timelinejs" / "women_in_computing.csv"
N = len(load_uploads({}, [(SHEET.name, SHEET.read_bytes())], "x").dataset.events)


def test_upload_timelinejs_sheet_changes_the_timeline(page: Page, app_url):
    page.goto(f"{app_url}/data")
    page.get_by_text("Use your own files for this session").click()
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(SHEET))
    use = page.get_by_role("button", name="Check and use these files")
    expect(use).to_be_enabled(timeout=CHART_TIMEOUT_MS)
    use.click()
    expect(page.get_by_text(re.compile("uploaded in this session")).first).to_be_visible(timeout=CHART_TIMEOUT_MS)
    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_text(re.compile(rf"^Events: {N} of {N}"))).to_be_visible(timeout=CHART_TIMEOUT_MS)
    expect(page.locator(EVENT_MARKERS)).to_have_count(N, timeout=CHART_TIMEOUT_MS)
    # The upload belongs to this session only: a fresh page load shows the shipped data again.
    page.goto(app_url)
    expect(page.get_by_text(re.compile(rf"^Events: (?!{N} of {N}$)\d+ of \d+"))).to_be_visible(timeout=CHART_TIMEOUT_MS)
