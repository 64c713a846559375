"""The API against its own OpenAPI document: generated calls, anonymous and with a token.

A fixed number of examples per operation keeps the run bounded; no answer may be a 5xx or
break the documented schema.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from samverkan.api.models import ApiToken

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)


@pytest.fixture
def member_token(cast):
    return ApiToken.issue(cast.bob.user, "schema")[1]


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@EXAMPLES
def test_anonymous_calls_keep_to_the_schema(case):
    cache.clear()
    case.call_and_validate()


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@EXAMPLES
def test_a_members_calls_keep_to_the_schema(case, member_token):
    cache.clear()
    case.call_and_validate(headers={"Authorization": f"Bearer {member_token}"})
