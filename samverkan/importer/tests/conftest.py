"""A secretary of DOT Nordost with the reference bodies loaded, signed in; and the environment
of separate processes on the test's own database."""

import pytest
from django.db import connection

from samverkan.directory.models import Body
from samverkan.directory.services import load_reference


@pytest.fixture
def uploader(cast, login, db):
    load_reference()
    dot = Body.objects.get(short_name="DOT Nordost")
    cast.alice.memberships.create(body=dot, role="sekreterare")
    return login("alice"), dot


@pytest.fixture
def environment(installation, tmp_path):
    """Environment for separate processes on the database this test sees (a file for SQLite)."""
    if connection.vendor == "sqlite":
        return installation()
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **installation(migrated=False),
        "DATABASE_URL": url,
        "SAMVERKAN_DATA_DIR": str(tmp_path / "site"),
    }
