"""Suite-wide fixtures and rules.

Imports no app code: pytest-django sets Django up from pyproject's DJANGO_SETTINGS_MODULE.

- With the environment variable CI set (as `.ci/run` does), nothing is skipped for want of a
  service, a browser or the shared data: what would be a skip on a developer's machine fails.
- Every test under tests/browser/ carries the `browser` marker (whether or not it says so), so
  `-m "not browser"` leaves them all out; browser tests run after all the others.
"""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
BROWSER_DIR = REPO_ROOT / "tests" / "browser"

# The shared data set lives beside the repository (a copy of shared/ sits next to CI's clone).
SHARED_DATA = Path(os.environ.get("SAFEGUARD_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine; fail under CI, where every piece must be present."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data directory, `<repo>/../shared/data`."""
    if not SHARED_DATA.is_dir():
        skip_or_fail(f"shared data directory {SHARED_DATA} is absent")
    return SHARED_DATA


# tryfirst: the marker must be on before `-m` deselects (pytest's own hook of the same name).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
    # Tests that need PostgreSQL are left out of a SQLite run (not skipped: scripts/test.sh runs
    # them in its PostgreSQL pass).
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
        needs_postgres = [item for item in items if item.get_closest_marker("postgresql")]
        if needs_postgres:
            config.hook.pytest_deselected(items=needs_postgres)
            items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


class _BrowserTestsLast:
    # trylast: after pytest-django has put its database tests first, move the browser tests to the
    # end, so the fast tests report first, and Playwright's event loop (started by the first
    # browser test) is not running while the others use the ORM.
    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def pytest_configure(config):
    config.pluginmanager.register(_BrowserTestsLast(), "safeguard-browser-tests-last")


@pytest.fixture
def personas(db):
    """One user for every standard role, keyed by the role's key, all in one council."""
    from factories import AgencyFactory, UserFactory

    from safeguard.access.roles import STANDARD_ROLES

    council = AgencyFactory(name="Test Council Children's Services")
    return {
        key: UserFactory(role=key, agency=council, email=f"{key}@example.org")
        for key in STANDARD_ROLES
    }


@pytest.fixture(autouse=True)
def _cache_of_its_own(settings):
    """Each test starts with an empty cache in memory, not the demo's cache folder."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about passwords use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
