"""The site in a real browser (headless Chromium): search parity with `tthc search`, no console
errors, keyboard use, links under a sub-path and from file://, layout at 375 and 1,280 px, and
an automated accessibility check (axe-core)."""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import chromium, console_errors, served
from sitefiles import write_catalogs
from typer.testing import CliRunner

from helpers import REPO
from tthc_cli.cli.app import app

pytestmark = pytest.mark.slow
runner = CliRunner()

QUERIES = [
    "đăng ký khai sinh",
    "dang ky khai sinh",
    unicodedata.normalize("NFD", "đăng ký kết hôn"),
    "KẾT HÔN",
    "hoà giải",
    "hòa giải",
    "hoa giai",
    "1.001193",
    "2.000806",
    "1.00",
    "chứng thực",
    "chung thuc ban sao",
    "đất đai",
    "dat dai tranh chap",
    "giấy phép xây dựng",
    "đường",
    "duong",
    "thủ tục đăng ký lại kết hôn",
    "khai tử",
    "hộ kinh doanh",
    "cấp bản sao trích lục hộ tịch",
    "nghĩa vụ quân sự",
    "kết hợp",
    "xác nhận tình trạng hôn nhân",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The site of the shipped catalogs and the test catalogs, under /sub/ of a server root."""
    base = tmp_path_factory.mktemp("site")
    old, new = write_catalogs(base)
    paths = [str(REPO / "catalogs"), str(new)]
    done = runner.invoke(
        app, ["site", *paths, "--before", str(old), "-o", str(base / "root" / "sub")]
    )
    assert done.exit_code == 0, done.stderr
    return base / "root", paths


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with chromium() as found:
        yield found


def _cli_top5(query: str, paths: list[str]) -> list[tuple[str, str, str, str]]:
    done = runner.invoke(
        app, ["search", query, *paths, "--limit", "5", "--format", "json", "--no-cache"]
    )
    assert done.exit_code in (0, 1), done.stderr
    return [
        (r["code"], r["name"], r["province"], r["level"])
        for r in json.loads(done.stdout)["results"]
    ]


def _site_top5(driver: Any, query: str) -> list[tuple[str, str, str, str]]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query)
    results = driver.find_element(By.ID, "search-results")
    WebDriverWait(driver, 10).until(lambda _d: results.get_attribute("data-query") == query)
    return [
        (
            item.get_attribute("data-code"),
            item.find_element(By.TAG_NAME, "a").text,
            item.get_attribute("data-province"),
            item.get_attribute("data-level"),
        )
        for item in results.find_elements(By.TAG_NAME, "li")[:5]
    ]


def test_the_site_finds_what_tthc_search_finds(site: tuple[Path, list[str]], driver: Any) -> None:
    root, paths = site
    with served(root) as url:
        driver.get(url + "sub/index.html")
        assert console_errors(driver) == []
        answered = 0
        for query in QUERIES:
            expected = _cli_top5(query, paths)
            assert _site_top5(driver, query) == expected, query
            answered += bool(expected)
        assert answered >= 20
        assert console_errors(driver) == []
    names = [name for _c, name, _p, _l in _cli_top5("đường", paths)]
    assert names
    assert not any("Dương" in name for name in names)  # typed with diacritics: only đường
    assert any("Dương" in name for _c, name, _p, _l in _cli_top5("duong", paths))


PAGES = [
    "index.html",
    "p/48/index.html",
    "p/48/xa-2025-07-01/2.000806.html",
    "figures.html",
    "changes.html",
    "units/index.html",
    "units/48.html",
]


def test_pages_load_without_errors_and_fit_narrow_and_wide_screens(
    site: tuple[Path, list[str]], driver: Any
) -> None:
    root, _paths = site
    with served(root) as url:
        for width in (375, 1280):
            driver.set_window_size(width, 900)
            for page in PAGES:
                driver.get(url + "sub/" + page)
                assert console_errors(driver) == [], page
                overflow = driver.execute_script(
                    "return document.documentElement.scrollWidth - window.innerWidth"
                )
                assert overflow <= 0, f"{page} scrolls sideways at {width} px"
        driver.set_window_size(1280, 900)


def _tab_to(driver: Any, element_id: str, limit: int = 60) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.switch_to.active_element.get_attribute("id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def test_filters_and_search_work_by_keyboard(site: tuple[Path, list[str]], driver: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    root, _paths = site
    with served(root) as url:
        driver.get(url + "sub/p/48/index.html")
        status = driver.find_element(By.ID, "list-status")
        rows = driver.find_elements(By.CSS_SELECTOR, "#procedures tbody tr")
        _tab_to(driver, "f-q")
        ActionChains(driver).send_keys("tín ngưỡng").perform()
        shown = [r for r in rows if r.is_displayed()]
        codes = [r.get_attribute("data-code") for r in shown]
        assert {"1.099001", "1.099002"} <= set(codes)
        assert str(len(shown)) in status.text
        _tab_to(driver, "f-loc")
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()  # → yes
        shown = [r for r in rows if r.is_displayed()]
        assert "1.099001" in [r.get_attribute("data-code") for r in shown]
        assert {r.get_attribute("data-loc") for r in shown} == {"yes"}
        shown = [r for r in shown if r.get_attribute("data-code") == "1.099001"]
        # A long list shows its first rows, and a button shows the rest.
        more = driver.find_element(By.ID, "list-more")
        assert not more.is_displayed()
        _tab_to(driver, "f-q")
        ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()
        ActionChains(driver).send_keys("a").perform()  # shows fewer than all
        _tab_to(driver, "f-loc")
        ActionChains(driver).send_keys(Keys.ARROW_UP).perform()  # → any
        _tab_to(driver, "f-q")
        ActionChains(driver).send_keys(Keys.BACKSPACE).perform()  # empty: every row
        assert len([r for r in rows if r.is_displayed()]) == 50
        _tab_to(driver, "list-more")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        assert len([r for r in rows if r.is_displayed()]) == len(rows)
        assert not more.is_displayed()
        _tab_to(driver, "f-q")
        ActionChains(driver).send_keys("tín ngưỡng tại đường làng").perform()
        _tab_to(driver, "f-loc")
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()  # → yes
        shown = [r for r in rows if r.is_displayed()]
        shown = [r for r in shown if r.get_attribute("data-code") == "1.099001"]
        # The link of the row that is left opens its page, by Enter.
        link = shown[0].find_element(By.TAG_NAME, "a")
        link.send_keys(Keys.ENTER)
        assert "tại đường làng" in driver.find_element(By.TAG_NAME, "h1").text
        assert console_errors(driver) == []


def test_search_and_links_work_from_disk(site: tuple[Path, list[str]], driver: Any) -> None:
    from selenium.webdriver.common.by import By

    root, _paths = site
    driver.get((root / "sub" / "index.html").as_uri())
    assert _site_top5(driver, "khai tu")
    driver.find_element(By.CSS_SELECTOR, "#search-results a").click()
    assert "khai tử" in driver.find_element(By.TAG_NAME, "h1").text
    link = driver.find_element(By.CSS_SELECTOR, "nav a[href$='figures.html']")
    assert link.get_attribute("href").endswith("/sub/figures.html")
    driver.get(link.get_attribute("href"))
    assert driver.find_element(By.TAG_NAME, "h1").text
    assert console_errors(driver) == []


def _axe_source() -> str | None:
    """axe.min.js of the npm package axe-core (MPL-2.0): TTHC_AXE_JS, or where .ci/run puts it."""
    for candidate in (os.environ.get("TTHC_AXE_JS"), "/tmp/tthc-axe/package/axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    return None


def test_accessibility_check(site: tuple[Path, list[str]], driver: Any) -> None:
    source = _axe_source()
    if source is None:
        pytest.skip("axe-core not found: set TTHC_AXE_JS to axe.min.js (npm pack axe-core)")
    root, _paths = site
    with served(root) as url:
        for page in PAGES:
            driver.get(url + "sub/" + page)
            driver.execute_script(source)
            found = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})"
                ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length)));"
            )
            assert found == [], page
