"""A secretary of DOT Nordost with the reference bodies loaded, signed in."""

import pytest

from samverkan.directory.models import Body
from samverkan.directory.services import load_reference


@pytest.fixture
def uploader(cast, login, db):
    load_reference()
    dot = Body.objects.get(short_name="DOT Nordost")
    cast.alice.memberships.create(body=dot, role="sekreterare")
    return login("alice"), dot
