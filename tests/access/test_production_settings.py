"""Production mode: secure settings, a real secret key, and no demo data."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _safeguard(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "DEBUG"}
    }
    environment |= {"SAFEGUARD_VAR_DIR": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-m", "safeguard.manage", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_the_deploy_checks(tmp_path):
    done = _safeguard(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        SAFEGUARD_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="safeguard.example.org",
    )
    assert done.returncode == 0, done.stderr + done.stdout
    assert "no issues" in done.stdout


def test_production_mode_refuses_to_start_without_a_real_secret_key(tmp_path):
    done = _safeguard("check", tmp_path=tmp_path, SAFEGUARD_ENV="production")
    assert done.returncode != 0
    assert "Set SECRET_KEY" in done.stderr


def test_the_demo_partnership_is_refused_in_production(tmp_path):
    done = _safeguard(
        "demo",
        "seed",
        tmp_path=tmp_path,
        SAFEGUARD_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="safeguard.example.org",
    )
    assert done.returncode != 0
    assert "cannot be used in production" in done.stderr


def test_production_responses_carry_hsts_and_a_content_security_policy(tmp_path):
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/sign-in/', secure=True, HTTP_HOST='safeguard.example.org');"
        "print(r.status_code); print(r.headers.get('Strict-Transport-Security'));"
        "print(r.headers.get('Content-Security-Policy'));"
        "print(r.cookies.get('csrftoken') and r.cookies['csrftoken']['secure'])"
    )
    environment = dict(os.environ) | {
        "SAFEGUARD_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "safeguard.example.org",
        "SAFEGUARD_VAR_DIR": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_SETTINGS_MODULE": "safeguard.settings",
    }
    environment.pop("DATABASE_URL", None)
    for command in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run(
            [sys.executable, "-m", "safeguard.manage", *command],
            cwd=REPO,
            env=environment,
            check=True,
            timeout=120,
        )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    status, hsts, csp, secure_cookie = done.stdout.splitlines()[-4:]
    assert status == "200", done.stderr
    assert "max-age=63072000" in hsts
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert secure_cookie == "True"
