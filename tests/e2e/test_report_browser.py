"""The review report in Debian's headless Chromium: charts load, Chinese renders as
Chinese (not as empty boxes), and a screenshot is taken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import migrate
from tests.support.seed import seed

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Draws each character on a canvas in the page's font: missing glyphs all draw the same box.
GLYPHS_DIFFER = """(chars) => {
  const font = getComputedStyle(document.body).fontFamily;
  const draw = (ch) => { const c = document.createElement('canvas'); c.width = c.height = 64;
    const g = c.getContext('2d'); g.font = `48px ${font}`; g.fillText(ch, 4, 52);
    return Array.from(g.getImageData(0, 0, 64, 64).data).join(','); };
  const drawn = chars.map(draw);
  return new Set(drawn).size === chars.length && drawn.every(d => /[1-9]/.test(d));
}"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed: apt-get install chromium (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("lang, heading", [("zh", "年度评审"), ("en", "the yearly review")])
def test_report_renders_charts_and_text(browser, tmp_path, monkeypatch, lang, heading):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    migrate.upgrade(url)
    monkeypatch.setenv("MLPLAN_DATABASE_URL", url)
    seed(url, units=12, plans=120)
    assert main(["review", "--year", "2027", "--out", str(tmp_path / "report"), "--lang", lang]) == 0
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((tmp_path / "report" / "index.html").as_uri())
    assert heading in page.inner_text("h1")
    sizes = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.complete, i.naturalWidth, i.naturalHeight])")
    assert len(sizes) == 3 and all(done and w > 200 and h > 100 for done, w, h in sizes)
    assert all(not u.startswith("http") for u in requests), requests
    assert page.evaluate(GLYPHS_DIFFER, list("机器学习评审部门") if lang == "zh" else list("Plan"))
    shot = tmp_path / f"report-{lang}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    artifacts = Path("results")
    artifacts.mkdir(exist_ok=True)
    shutil.copy(shot, artifacts / shot.name)
    page.close()
