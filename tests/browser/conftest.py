"""Browser tests: Playwright (sync API) drives Debian's Chromium against the live server.

Every test in tests/browser/ is marked `browser` and skipped, with the reason, when
SOTONG_BROWSER=0 or there is no Chromium at SOTONG_CHROMIUM (default /usr/bin/chromium).
`python3 run.py test` installs Chromium when it can and sets both variables.

A page is a phone (390×844, touch, ko-KR). Every document the page loads must be checked with
`check_page` (or loaded through `visit`, which checks it): axe-core finds no serious or critical
WCAG 2.1 A/AA violation, the console stays free of errors, and no request to our server fails.
A test that loads a page without checking it fails at teardown. When a test fails, the
screenshots taken at each checked step and the last page's HTML go to test-results/.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("SOTONG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_DIR = Path(__file__).resolve().parent
AXE_SCRIPT = BROWSER_DIR / "vendor" / "axe-core" / "axe.min.js"
RESULTS_DIR = BROWSER_DIR.parents[1] / "test-results"
PHONE = {"width": 390, "height": 844}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def browser_unavailable_reason() -> str | None:
    if os.environ.get("SOTONG_BROWSER", "").strip() == "0":
        return "SOTONG_BROWSER=0: browser tests switched off (no Chromium found by run.py)"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set SOTONG_CHROMIUM)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = browser_unavailable_reason()
    for item in items:
        if BROWSER_DIR not in Path(item.path).parents:
            continue
        item.add_marker(pytest.mark.browser)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser():
    """One Chromium for a run of browser tests. Package scope, not session: Playwright's sync
    API keeps an asyncio loop marked as running in the test thread while it lives, which must
    not leak into the rest of the suite (pytest-django reorders tests by database use, so the
    browser tests may come in two runs; each gets its own Chromium)."""
    from playwright.sync_api import sync_playwright

    # Django's ORM, called from the tests, would otherwise refuse to run "in an async context".
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclasses.dataclass
class PageWatch:
    """What went wrong on a page, and which of its documents were checked."""

    origin: str
    problems: list[str] = dataclasses.field(default_factory=list)
    documents: list[str] = dataclasses.field(default_factory=list)
    checked: set[int] = dataclasses.field(default_factory=set)
    screenshots: list[tuple[str, bytes]] = dataclasses.field(default_factory=list)

    def is_ours(self, url: str) -> bool:
        return url.startswith(self.origin + "/") or url == self.origin

    def take_problems(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems


def _watch(page, origin: str) -> PageWatch:
    watch = PageWatch(origin=origin)
    answered_with_error = set()
    downloads = set()

    def on_console(message):
        # A resource that failed to load is reported once, by the network handlers below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            watch.problems.append(f"console error: {message.text} ({message.location})")

    def on_response(response):
        if watch.is_ours(response.url) and response.status >= 400:
            answered_with_error.add(response.url)
            watch.problems.append(f"HTTP {response.status} for {response.url}")
        if "attachment" in (response.headers.get("content-disposition") or ""):
            downloads.add(response.url)

    def on_request_failed(request):
        # A link to a download ends its navigation with ERR_ABORTED: that is no failure.
        if request.url not in answered_with_error and request.url not in downloads:
            watch.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_new_document(loaded_page):
        watch.documents.append(loaded_page.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.problems.append(f"script error: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    # One event per new document in the main frame (not for #fragment jumps).
    page.on("domcontentloaded", on_new_document)
    return watch


# A 1×1 transparent PNG.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _map_tile_host() -> str:
    from django.conf import settings

    return urlsplit(settings.MAP_TILE_URL.replace("{s}", "a")).netloc


class Phones:
    """Phone-sized pages in Korean for one test; each with its own cookies, all closed and
    judged (unchecked pages, late problems; evidence on failure) when the test ends."""

    def __init__(self, browser, origin: str, node):
        self.browser = browser
        self.origin = origin
        self.node = node
        self.opened = []
        for stale in RESULTS_DIR.glob(f"{_evidence_stem(node)}-page*"):
            stale.unlink()

    def open(self, cookies: list[dict] = ()):
        context = self.browser.new_context(
            viewport=PHONE,
            screen=PHONE,
            locale="ko-KR",
            timezone_id="Asia/Seoul",
            is_mobile=True,
            has_touch=True,
            bypass_csp=True,
            base_url=self.origin,
        )
        context.set_default_timeout(10_000)
        # Hermetic: pages must need nothing from another host (fonts, CSS and scripts are
        # vendored), and the tests must not depend on the network.
        origin = self.origin
        context.route(
            lambda url: not (url.startswith(origin + "/") or url.startswith("data:")),
            lambda route: route.abort("blockedbyclient"),
        )
        # Map tiles are the one thing a page may take from another host: a blank tile stands in.
        tile_host = _map_tile_host()
        context.route(
            lambda url: urlsplit(url).netloc == tile_host,
            lambda route: route.fulfill(body=BLANK_TILE, content_type="image/png"),
        )
        context.add_cookies(list(cookies))
        page = context.new_page()
        page.watch = _watch(page, origin)
        self.opened.append(page)
        return page

    def close(self) -> None:
        failed = any(
            getattr(getattr(self.node, f"report_{when}", None), "failed", False)
            for when in ("setup", "call")
        )
        complaints = []
        for number, page in enumerate(self.opened, start=1):
            if failed:
                _save_evidence(self.node, page, number)
            watch = page.watch
            unchecked = [
                url for index, url in enumerate(watch.documents) if index not in watch.checked
            ]
            leftover = watch.take_problems()
            page.context.close()
            complaints += [f"after the last check: {problem}" for problem in leftover]
            complaints += [f"loaded without check_page()/visit(): {url}" for url in unchecked]
        if not failed:
            assert not complaints, "\n".join(complaints)


@pytest.fixture
def open_phone(browser, live_server, request):
    """Returns a function: (user or None) → a new phone page on the live server, logged in as
    the user if one is given (so two residents can act side by side)."""
    phones = Phones(browser, live_server.url, request.node)

    def open_page(user=None):
        cookies = [] if user is None else [_session_cookie(user, live_server.url)]
        return phones.open(cookies)

    yield open_page
    phones.close()


@pytest.fixture
def page(open_phone):
    """A phone-sized page in Korean, not logged in. Its findings are in `page.watch`."""
    return open_phone()


def _session_cookie(user, base_url: str) -> dict:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": base_url,
        "httpOnly": True,
        "sameSite": "Lax",
    }


def _evidence_stem(node) -> str:
    return re.sub(r"[^\w.-]+", "_", node.nodeid.split("::", 1)[-1])


def _save_evidence(node, page, number: int) -> None:
    RESULTS_DIR.mkdir(exist_ok=True)
    stem = f"{_evidence_stem(node)}-page{number}"
    for step, (label, png) in enumerate(page.watch.screenshots, start=1):
        (RESULTS_DIR / f"{stem}-{step:02d}-{label}.png").write_bytes(png)
    try:
        page.screenshot(path=RESULTS_DIR / f"{stem}-last.png", full_page=True)
        (RESULTS_DIR / f"{stem}-last.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # the page may have crashed; the step screenshots remain
        (RESULTS_DIR / f"{stem}-last.txt").write_text(repr(error), encoding="utf-8")


def assert_accessible(page) -> None:
    """axe-core with the WCAG 2.1 A/AA rules: no serious or critical violation."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # The engine stays on window; its <script> leaves the DOM the page is judged on.
        page.add_script_tag(path=AXE_SCRIPT).evaluate("(script) => script.remove()")
    results = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
            }));
        }""",
        AXE_TAGS,
    )
    blocking = [v for v in results if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core on {page.url}:\n" + "\n".join(
        f"- [{v['impact']}] {v['id']}: {v['help']}\n"
        + "\n".join(
            f"    {json.dumps(n['target'], ensure_ascii=False)}: {n['summary']}" for n in v["nodes"]
        )
        for v in blocking
    )


def check_page(page, label: str | None = None) -> None:
    """Check the document now shown: no errors so far, accessible, and remember a screenshot."""
    page.wait_for_load_state("load")
    watch = page.watch
    label = label or (urlsplit(page.url).path.strip("/").replace("/", "_") or "home")
    watch.screenshots.append((label, page.screenshot()))
    if watch.documents:
        watch.checked.add(len(watch.documents) - 1)
    problems = watch.take_problems()
    layout_width = page.evaluate("() => Math.max(innerWidth, document.documentElement.scrollWidth)")
    if layout_width > PHONE["width"]:
        problems.append(
            f"the page is wider than the {PHONE['width']} px phone screen: {layout_width} px"
            " (a missing viewport meta tag, or content that does not wrap)"
        )
    assert not problems, f"On {page.url}:\n" + "\n".join(problems)
    assert_accessible(page)


def visit(page, path: str, label: str | None = None, status: int = 200):
    """Open a path of the live server, expect that answer (200 unless told), check the page."""
    response = page.goto(path)
    assert response is not None, f"{path} gave no answer"
    assert response.status == status, f"{path} answered {response.status}, not {status}"
    if status >= 400:
        # The error page itself is what we asked for; anything else failing still counts.
        expected = f"HTTP {status} for {response.url}"
        page.watch.problems[:] = [p for p in page.watch.problems if p != expected]
    check_page(page, label)
    return response


def follow(page, control, url: str | re.Pattern | None = None, label: str | None = None):
    """Click a link or button that loads a new document (at `url`, if given), and check it."""
    with page.expect_navigation(url=url) if url else page.expect_navigation():
        control.click()
    check_page(page, label)


def field(page, label: str):
    """A form field by its visible label, ignoring a trailing colon or required-field mark."""
    return page.get_by_label(
        re.compile(rf"^\s*{re.escape(label)}\s*:?\s*(\*|\(필수\)|필수)?\s*:?$")
    )


def tick(page, role: str, name: str) -> None:
    """Tick a checkbox or radio button the way a finger does: on its label (KRDS draws the box
    on the label and hides the native input)."""
    from playwright.sync_api import expect

    control = page.get_by_role(role, name=name, exact=True)
    control_id = control.get_attribute("id")
    page.locator(f'label[for="{control_id}"]').click()
    expect(control).to_be_checked()
