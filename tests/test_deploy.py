"""A production start: the public development key is refused, and a proper configuration
passes `samverkan check --deploy` without a single warning."""

import os
import subprocess
import sys

# the browser tests allow sync ORM calls in their event loop; no production has that
NOT_IN_PRODUCTION = ("SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "t6G8v-o1Qd0p2xYk4rZs9Lw3NcE7uHf5Jb_aMiTgVnKyRqXhPzDlWeCjOsUv",
    "SECURE_COOKIES": "1",
    "ALLOWED_HOSTS": "samverkan.example.se",
}


def samverkan(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION}
    environment.update(env)
    code = "import sys; from samverkan.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


def test_without_a_secret_key_and_debug_off_nothing_starts():
    result = samverkan("check", DEBUG="0")
    assert result.returncode != 0
    assert "samverkan.E001" in result.stderr and "SECRET_KEY" in result.stderr
    wsgi = subprocess.run(
        [sys.executable, "-c", "import samverkan.wsgi"],
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION},
    )
    assert wsgi.returncode != 0 and "samverkan.E001" in wsgi.stderr


def test_the_development_key_is_fine_while_debugging():
    assert samverkan("check", DEBUG="1").returncode == 0


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = samverkan("check", "--deploy", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
