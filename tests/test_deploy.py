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


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_served(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    import time
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


def test_the_production_command_serves_the_public_pages_and_static_files(installation):
    """`samverkan serve --production` is gunicorn with the app loaded first; a visitor walks
    the public pages on loopback and gets every stylesheet and script they link to."""
    import re
    import urllib.request

    port = free_port()
    env = {k: v for k, v in installation().items() if k not in NOT_IN_PRODUCTION}
    env |= {**PRODUCTION, "SECURE_COOKIES": "0", "ALLOWED_HOSTS": "127.0.0.1"}
    env |= {"WEB_CONCURRENCY": "2", "LOG_LEVEL": "WARNING"}
    code = "import sys; from samverkan.cli import main; sys.exit(main())"
    for command in (["load-reference"], ["collectstatic", "--no-input", "-v", "0"]):
        done = subprocess.run(
            [sys.executable, "-c", code, *command], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    server = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--production", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_served(f"{base}/organ/", server)
        linked = set()
        for path in ("/", "/organ/", "/arkiv/", "/arkiv/sok/?q=hemsjukv%C3%A5rd", "/konto/login/"):
            with urllib.request.urlopen(base + path, timeout=30) as response:
                assert response.status == 200, path
                page = response.read().decode()
            assert "Centralt samverkansorgan" in page or path != "/organ/"
            linked |= set(re.findall(r'(?:href|src)="(/static/[^"]+)"', page))
        with urllib.request.urlopen(f"{base}/oparl/v1/", timeout=30) as response:
            assert response.status == 200 and b'"type"' in response.read()
        assert linked, "the pages link their stylesheet"
        for path in linked:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                assert response.status == 200, path
                assert "max-age" in response.headers.get("Cache-Control", ""), path
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode == 0, server.stderr.read()
