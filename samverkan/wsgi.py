"""WSGI entry point for production servers; it refuses to start on a failing system check."""

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
application = get_wsgi_application()

_errors = [m for m in checks.run_checks(tags=[checks.Tags.security]) if m.is_serious()]
if _errors:
    raise ImproperlyConfigured("; ".join(f"{m.id}: {m.msg}" for m in _errors))
