"""A real OpenID provider on loopback for the sign-in tests (see provider.mjs)."""

import contextlib
import json
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID, CLIENT_SECRET = "samverkan", "test-client-secret"


@contextlib.contextmanager
def running_provider(port: int, *, site: str, name: str, accounts: dict, wrong_keys=False):
    """oidc-provider on 127.0.0.1:port with Samverkan (at `site`, provider `name`) registered."""
    config = {
        "port": port,
        "client": {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [f"{site}/konto/oidc/{name}/svar/"],
            "post_logout_redirect_uris": [f"{site}/"],
        },
        "accounts": accounts,
        "id_token_ttl": 300,
        "wrong_keys": wrong_keys,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json") as file:
        json.dump(config, file)
        file.flush()
        process = subprocess.Popen(
            ["node", str(SCRIPT), file.name],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=SCRIPT.parents[2],
        )
        try:
            lines = iter(process.stdout.readline, "")
            assert any(line.strip() == "ready" for line in lines), "the test provider did not start"
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def provider_settings(issuer: str, **extra) -> dict:
    return {
        "issuer": issuer,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scopes": "openid email profile",
        "label": "Logga in med Region Skåne",
        "match_claim": "email",
        "organisation_claim": "organisation",
        "two_factor_acr": [],
        **extra,
    }
