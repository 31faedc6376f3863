"""Browser tests: Playwright for Python drives Debian's Chromium against the live server.

Fixtures
- `browser`: one headless Chromium for the session, from /usr/bin/chromium (CHROMIUM_PATH
  overrides). Missing Chromium skips the browser tests with the reason; under CI it fails them.
- `context` / `page`: a fresh browser context (cookies, storage) per test, with base_url set to
  `live_server.url`, so `page.goto("/sign-in/")` works. Requesting them gives the test a
  transactional database (live_server implies transactional_db).
- `assert_accessible(page, disable=())`: runs axe-core (node_modules/axe-core/axe.min.js) on the
  page as it is now and fails on violations of impact serious or critical, listing each rule's id,
  help text and the first few offending elements. Rule tags: WCAG 2.0/2.1/2.2 A and AA plus axe's
  best practices (only serious/critical ones fail).
- `sign_in(page, email, password)`: opens the sign-in page unless already on it, fills "Email
  address" and "Password" by their labels and presses "Sign in".

What every test using `page` also gets, checked after the test body passes (a failure here fails
the test itself; nothing is checked after a test that already failed):
- Accessibility, automatically. The page the test ended on is checked, unless assert_accessible
  already checked that document. Then every other page the test was shown by a GET and did not
  check while it showed is loaded again, in the same context (same session, data not yet
  flushed), and checked. Pages shown only as the answer to a POST (a form re-rendered with its
  errors, say) can't be loaded again: call `assert_accessible(page)` while they show; a warning
  names any left unchecked. (Checking each page at the moment the test leaves it is not possible:
  Playwright's sync API deadlocks if its event handlers call back into the page.) Only the
  `page` fixture's own page is tracked (not popups or extra pages), and only HTML documents.
  Opt out with `@pytest.mark.no_auto_axe("why")`.
- No uncaught JavaScript errors, and no Content-Security-Policy violations: the site's strict
  CSP stays on in tests (we do not use bypass_csp), so an inline script or style that production
  would block fails here too. axe is injected through Playwright's evaluate, which CSP does not
  govern.
- No requests beyond loopback. Chromium is also started so that it cannot reach anything else
  (a dead proxy for every non-loopback address, and no DNS).

Playwright's sync API runs an asyncio event loop in the main thread, which trips Django's
async-unsafe guard on ORM calls from tests; DJANGO_ALLOW_ASYNC_UNSAFE is set while Playwright
runs (from the first browser test to the end of the session; browser tests are ordered last).
"""

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    # Loopback only: everything else goes to a closed port on loopback (loopback itself bypasses
    # proxies), and no host name but localhost resolves.
    "--proxy-server=http://127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
DEFAULT_TIMEOUT_MS = 10_000


def _in_ci() -> bool:
    return bool(os.environ.get("CI"))


def _skip_or_fail(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "no_auto_axe(reason): don't run axe automatically on the pages this browser test visits",
    )


# --- Chromium ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _playwright():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _skip_or_fail(f"no Chromium at {CHROMIUM} (install with: bash scripts/ensure_chromium.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _skip_or_fail(f"Playwright for Python is not installed ({exc})")

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        yield playwright
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(_playwright):
    try:
        browser = _playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as exc:  # a Chromium that is there but won't start is a failure anywhere
        pytest.fail(f"Chromium at {CHROMIUM} would not start: {exc}", pytrace=False)
    yield browser
    browser.close()


@pytest.fixture
def context(browser, live_server, transactional_db):
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        timezone_id="Europe/London",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


_WATCH = pytest.StashKey["_PageWatch"]()
_WATCHES: dict[int, "_PageWatch"] = {}


@pytest.fixture
def page(context, live_server, request):
    page = context.new_page()
    watch = _PageWatch(
        page,
        auto_axe=request.node.get_closest_marker("no_auto_axe") is None,
        origin=_origin(live_server.url),
    )
    request.node.stash[_WATCH] = watch
    _WATCHES[id(page)] = watch
    yield page
    _WATCHES.pop(id(page), None)
    page.close()


# --- Accessibility -------------------------------------------------------------------------------

_axe_source: str | None = None


def _axe() -> str:
    global _axe_source
    if _axe_source is None:
        if not AXE_JS.is_file():
            pytest.fail(f"{AXE_JS} is missing: run `npm ci` (make install)", pytrace=False)
        _axe_source = AXE_JS.read_text(encoding="utf-8")
    return _axe_source


def run_axe(page, disable=()) -> list[dict]:
    """Run axe-core on the page as it stands; return its violations (all impacts)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe())  # evaluate is not subject to the page's CSP; a script tag would be
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in disable},
    }
    return page.evaluate("options => window.axe.run(document, options)", options)["violations"]


def _describe(url: str, violations: list[dict]) -> str:
    lines = [f"axe: {len(violations)} serious or critical accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:3]:
            target = " ".join(map(str, node["target"]))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"      {target}  -- {summary[:300]}")
        if len(v["nodes"]) > 3:
            lines.append(f"      ... and {len(v['nodes']) - 3} more element(s)")
    return "\n".join(lines)


def assert_accessible(page, disable=()):
    """Fail if axe finds serious or critical violations on the page as it is now.

    `disable`: axe rule ids to leave out (say why in the test).
    """
    violations = run_axe(page, disable)
    watch = _WATCHES.get(id(page))
    if watch is not None:
        watch.mark_checked()
    bad = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
    for v in violations:
        if v not in bad:
            print(f"axe (not failing, {v.get('impact')}): {v['id']} on {page.url}: {v['help']}")
    if bad:
        pytest.fail(_describe(page.url, bad), pytrace=False)


@pytest.fixture(name="assert_accessible")
def assert_accessible_fixture():
    return assert_accessible


# --- Signing in ----------------------------------------------------------------------------------


def sign_in(page, email: str, password: str) -> None:
    from django.conf import settings
    from django.shortcuts import resolve_url

    sign_in_path = resolve_url(settings.LOGIN_URL)
    if urlsplit(page.url).path != sign_in_path:
        page.goto(sign_in_path)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    # click() waits for the navigation it starts; then let the answering page finish loading.
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


@pytest.fixture(name="sign_in")
def sign_in_fixture():
    return sign_in


# --- What every page-using test is checked for ---------------------------------------------------


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class _PageWatch:
    """Watches the `page` fixture's page: which documents it showed, errors, stray requests.

    Playwright's sync API cannot call back into the page from its event handlers (it deadlocks),
    so axe runs only when the test calls assert_accessible and after the test body: on the page
    the test ended on, then on the other pages it saw, loaded again.
    """

    page: object
    auto_axe: bool
    origin: str
    shown: list[tuple[str, str]] = field(default_factory=list)  # (url, method) of each document
    checked: set[tuple[str, str]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    last_checked: int = -1  # index in `shown` of the last document assert_accessible checked
    _nav_method: str | None = None  # of the main-frame navigation request in flight

    def __post_init__(self):
        page = self.page
        page.on("request", self._on_request)
        page.on("framenavigated", self._on_navigated)
        page.on("pageerror", lambda exc: self.problems.append(f"JavaScript error: {exc}"))
        page.on("console", self._on_console)

    @property
    def current(self) -> tuple[str, str] | None:
        return self.shown[-1] if self.shown else None

    def _on_request(self, request):
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and not _is_loopback(
            request.url
        ):
            self.problems.append(f"request to a non-loopback address: {request.url}")
        if request.is_navigation_request() and request.frame == self.page.main_frame:
            self._nav_method = request.method

    def _on_navigated(self, frame):
        if frame != self.page.main_frame:
            return
        url = urldefrag(frame.url).url
        method, self._nav_method = self._nav_method, None
        if method is None and self.current and self.current[0] == url:
            return  # no request and the same URL: the same document (a fragment link)
        if url.startswith(("http:", "https:")):
            # No request (history, pushState) counts as GET: it can be loaded again.
            self.shown.append((url, method or "GET"))

    def _on_console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"CSP violation on {self.page.url}: {message.text}")

    def mark_checked(self):
        if self.current:
            self.checked.add(self.current)
            self.last_checked = len(self.shown) - 1

    def finish(self) -> None:
        if self.auto_axe:
            self._auto_axe()
        if self.problems:
            pytest.fail("\n\n".join(dict.fromkeys(self.problems)), pytrace=False)

    def _check(self, page, label: str) -> None:
        if page.evaluate("() => document.contentType") != "text/html":
            return
        violations = [v for v in run_axe(page) if v.get("impact") in FAILING_IMPACTS]
        if violations:
            self.problems.append(f"({label})\n" + _describe(page.url, violations))

    def _auto_axe(self) -> None:
        page = self.page
        if self.current and self.last_checked != len(self.shown) - 1 and not page.is_closed():
            self._check(page, "automatic check of the page the test ended on")
            self.checked.add(self.current)
        checked_urls = {url for url, method in self.checked if method == "GET"}
        posts = []
        for url, method in dict.fromkeys(self.shown):
            if (url, method) in self.checked or _origin(url) != self.origin:
                continue
            if method != "GET":
                posts.append(url)
                continue
            if url in checked_urls:
                continue
            again = page.context.new_page()
            try:
                response = again.goto(url)
                final = urldefrag(again.url).url
                if response is not None and response.ok and final not in checked_urls:
                    self._check(again, f"automatic check: {url}, loaded again after the test")
                checked_urls.update({url, final})
            finally:
                again.close()
        if posts:
            warnings.warn(
                "axe has not checked these pages, shown as the answer to a POST (they can't be "
                "loaded again): " + ", ".join(dict.fromkeys(posts)) + ". Call "
                "assert_accessible(page) while each is showing.",
                stacklevel=1,
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield  # raises (and so skips the checks below) if the test itself failed
    watch = item.stash.get(_WATCH, None)
    if watch is not None:
        watch.finish()
    return result
