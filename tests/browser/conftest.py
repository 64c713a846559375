"""A real browser (Debian's chromium driven by Playwright) against the live test server."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
# itself (setting up data, checking results) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.seen = []  # what went wrong on the way, told when the test fails
    page.on("console", lambda m: m.type == "error" and page.seen.append(f"console: {m.text}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and page.seen.append(f"{r.status} {r.request.method} {r.url}"),
    )
    yield page
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test tells what the page showed and which requests failed."""
    report = yield
    page = item.funcargs.get("page")
    if report.when == "call" and report.failed and page is not None and not page.is_closed():
        shown = page.evaluate("document.body ? document.body.innerText : ''")[:4000]
        report.sections.append(("page", f"{page.url}\n{shown}"))
        report.sections.append(("requests", "\n".join(page.seen) or "none failed"))
    return report


def sign_in(page, username: str) -> None:
    page.goto("/konto/login/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill("pw-" + username)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(lambda url: "/konto/login" not in url)


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the current page."""
    # Evaluated by the driver, not as an inline <script>: the page's CSP forbids those.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def screenshot(page, name: str) -> None:
    """Refresh docs/screenshots when asked (`make screenshots`), not on every test run."""
    if not os.environ.get("SAMVERKAN_SCREENSHOTS"):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
