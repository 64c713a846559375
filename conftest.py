"""The named cast of the tests: alice the secretary, bob a member, carl an outsider."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest

from samverkan.directory.models import Body, Membership, Person
from tests.factories import make_body, make_membership, make_organisation, make_person
from tests.smtp import mailbox  # noqa: F401  (a fixture for every test)


@dataclass
class Cast:
    region: object
    kommun: object
    public_body: Body
    internal_body: Body
    alice: Person
    bob: Person
    carl: Person


@pytest.fixture
def cast(db) -> Cast:
    region = make_organisation(name="Region Skåne", kind="region")
    kommun = make_organisation(name="Sjöbo kommun")
    public_body = make_body(name="Delregional samverkan Sydost", short_name="DS Sydost")
    internal_body = make_body(
        name="Arbetsgrupp Sydost",
        short_name="AG Sydost",
        level="arbetsgrupp",
        parent=public_body,
        is_public=False,
    )
    alice = make_person("alice", name="Alice Andersson", organisation=kommun, email="a@example.se")
    bob = make_person("bob", name="Bob Berg", organisation=region, phone="040-123456")
    carl = make_person("carl", name="Carl Carlsson", organisation=region)
    make_membership(alice, public_body, organisation=kommun, role=Membership.Role.SECRETARY)
    make_membership(bob, public_body, organisation=region)
    make_membership(bob, internal_body, organisation=region)
    return Cast(region, kommun, public_body, internal_body, alice, bob, carl)


@pytest.fixture
def login(client):
    """Sign in as one of the cast by username; None stays anonymous."""

    def as_user(username: str | None):
        if username:
            client.login(username=username, password="pw-" + username)
        return client

    return as_user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs a second per user; tests do not need its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def secret_key(settings):
    """Tests run with DEBUG off, so like production they need a key of their own."""
    settings.SECRET_KEY = "tests-only-key-" + "k" * 50


@pytest.fixture(autouse=True)
def staff_sign_in_with_password(settings):
    """Staff's second sign-in step is tested on its own (directory/tests/test_sign_in.py);
    elsewhere staff sign in with their password alone."""
    settings.STAFF_TWO_FACTOR = False


SAMVERKAN = [sys.executable, "-c", "import sys; from samverkan.cli import main; sys.exit(main())"]


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A migrated SQLite file for tests that run Samverkan in separate processes."""
    folder = tmp_path_factory.mktemp("migrated")
    database = folder / "samverkan.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "1"}
    result = subprocess.run(
        [*SAMVERKAN, "migrate", "-v", "0"], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return database


@pytest.fixture
def installation(migrated_sqlite, tmp_path):
    """Environment of a separate installation: its own data folder with a migrated database."""

    def make(name: str = "site", migrated: bool = True) -> dict[str, str]:
        folder = tmp_path / name
        folder.mkdir()
        database = folder / "samverkan.sqlite3"
        if migrated:
            shutil.copy(migrated_sqlite, database)
        return {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{database}",
            "SAMVERKAN_DATA_DIR": str(folder),
            "DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "samverkan.settings",
        }

    return make
