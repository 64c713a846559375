"""Settings, read top to bottom and configured by environment variables (see README)."""

import datetime
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
# The development key is public: with DEBUG off the system check samverkan.E001 refuses it.
DEVELOPMENT_SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The collaboration this installation serves, as the open data (OParl) names it, and its licence.
COLLABORATION_NAME = os.environ.get("COLLABORATION_NAME", "Vårdsamverkan Skåne")
COLLABORATION_SHORT_NAME = os.environ.get("COLLABORATION_SHORT_NAME", "Vårdsamverkan")
OPEN_DATA_LICENSE = os.environ.get(
    "OPEN_DATA_LICENSE", "https://creativecommons.org/publicdomain/zero/1.0/"
)
OPEN_DATA_LICENSE_NAME = os.environ.get("OPEN_DATA_LICENSE_NAME", "CC0 1.0 (fri användning)")
# API calls per caller: anonymous ones per address, tokens and signed-in users each their own.
API_RATES = {
    "anonymous": os.environ.get("API_RATE_ANONYMOUS", "120/min"),
    "known": os.environ.get("API_RATE_TOKEN", "1200/min"),
}
# Proxies in front of the server that add X-Forwarded-For (0: use the connecting address).
NINJA_NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "0"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "samverkan.directory",
    "samverkan.meetings",
    "samverkan.minutes",
    "samverkan.followup",
    "samverkan.importer",
    "samverkan.plans",
    "samverkan.publishing",
    "samverkan.oparl",
    "samverkan.api",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samverkan.middleware.language_middleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samverkan.directory.twofactor.two_factor_middleware",
    "samverkan.middleware.private_cache_middleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "samverkan.middleware.SignInFirstMiddleware",
    "samverkan.middleware.missing_page_middleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samverkan.urls"
WSGI_APPLICATION = "samverkan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    },
]

# SQLite by default (WAL, writers wait up to 20 s for the lock); DATABASE_URL switches.
DATA_DIR = Path(os.environ.get("SAMVERKAN_DATA_DIR", PROJECT_DIR / "var"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'samverkan.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Pages ask many small questions; PostgreSQL's JIT compiles a query whose estimate is high
    # for longer (up to a second) than running it takes: off, as for most web applications.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Wrong passwords lock the account (LOGIN_FAILURE_LIMIT tries) and, separately, the address
# they come from (LOGIN_ADDRESS_FAILURE_LIMIT, higher: a whole office may share one address),
# for LOGIN_LOCKOUT_MINUTES. Attempts are kept in the database, so every process sees them.
AUTHENTICATION_BACKENDS = [
    "samverkan.directory.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = ["username"]  # the address limit is LockoutBackend's own
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "samverkan.directory.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "samverkan.directory.lockout.client_address"
# Behind a reverse proxy (TRUSTED_PROXY=1) the visitor's address is the one the proxy adds
# last to X-Forwarded-For, and X-Forwarded-Proto tells whether the visitor used https.
TRUSTED_PROXY = env_bool("TRUSTED_PROXY", False)
# A password reset link is mailed at most PASSWORD_RESET_LIMIT times an hour to one e-mail
# address; one network address may ask PASSWORD_RESET_ADDRESS_LIMIT times an hour.
PASSWORD_RESET_LIMIT = int(os.environ.get("PASSWORD_RESET_LIMIT", "3"))
PASSWORD_RESET_ADDRESS_LIMIT = int(os.environ.get("PASSWORD_RESET_ADDRESS_LIMIT", "20"))


# Sign-in with the organisations' own accounts (OpenID Connect): OIDC_PROVIDERS names them,
# e.g. "region,malmo"; each has OIDC_<NAME>_ISSUER, _CLIENT_ID, _CLIENT_SECRET and optionally
# _SCOPES, _LABEL (the button), _MATCH_CLAIM (the claim that finds the person: a verified
# "email", or e.g. "employeeId" against the person's login id), _ORGANISATION_CLAIM and
# _TWO_FACTOR_ACR (acr values that count as two factors besides amr "mfa").
def _oidc_provider(name: str) -> dict:
    def get(field: str, default: str = "") -> str:
        return os.environ.get(f"OIDC_{name.upper()}_{field}", default)

    return {
        "issuer": get("ISSUER").rstrip("/"),
        "client_id": get("CLIENT_ID"),
        "client_secret": get("CLIENT_SECRET"),
        "scopes": get("SCOPES", "openid email profile"),
        "label": get("LABEL", f"Logga in med {name}"),
        "match_claim": get("MATCH_CLAIM", "email"),
        "organisation_claim": get("ORGANISATION_CLAIM"),
        "two_factor_acr": get("TWO_FACTOR_ACR").split(),
    }


OIDC_PROVIDERS = {
    name.strip(): _oidc_provider(name.strip())
    for name in os.environ.get("OIDC_PROVIDERS", "").split(",")
    if name.strip()
}
# An unknown person signing in through a provider gets an account only if this is on.
OIDC_SELF_REGISTRATION = env_bool("OIDC_SELF_REGISTRATION", False)
# PASSWORD_LOGIN=0 leaves only the providers' sign-in (and turns off password reset).
PASSWORD_LOGIN = env_bool("PASSWORD_LOGIN", True)
# Accounts follow memberships: ACCESS_GRACE_DAYS after a person's last membership ended the
# account is deactivated; one unused for ACCOUNT_REVIEW_MONTHS is listed for review.
ACCESS_GRACE_DAYS = int(os.environ.get("ACCESS_GRACE_DAYS", "30"))
ACCOUNT_REVIEW_MONTHS = int(os.environ.get("ACCOUNT_REVIEW_MONTHS", "12"))
# Staff must confirm each sign-in with a code from an authenticator app (TOTP); others may.
STAFF_TWO_FACTOR = True
OTP_TOTP_ISSUER = "Samverkan"

# A session ends after SESSION_IDLE_HOURS without a request (default 8); each request renews it.
SESSION_COOKIE_AGE = int(float(os.environ.get("SESSION_IDLE_HOURS", "8")) * 3600)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# htmx comes from the npm registry (package.json); it is served, never committed.
HTMX_DIST = PROJECT_DIR / "node_modules" / "htmx.org" / "dist"
if HTMX_DIST.is_dir():
    STATICFILES_DIRS.append(("vendor/htmx", HTMX_DIST))
# Uploads go through Django's storage API: a folder by default, or e.g. S3 with django-storages
# (FILE_STORAGE=storages.backends.s3.S3Storage, FILE_STORAGE_OPTIONS='{"bucket_name": "…"}').
STORAGES = {
    "default": {
        "BACKEND": os.environ.get("FILE_STORAGE", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(os.environ.get("FILE_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
# Uploaded files are never served directly: views check who may read them first.
MEDIA_ROOT = DATA_DIR / "media"

# Imported documents larger than this are refused (IMPORT_MAX_MB, default 25).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_MB", "25")) * 1024 * 1024
# Bounds on reading one document: characters of text, entries of one kind to review (beslut,
# uppdrag, närvaro, punkter) and seconds of reading (IMPORT_SECONDS_PER_DOCUMENT).
IMPORT_MAX_TEXT_CHARS = 2_000_000
IMPORT_MAX_ITEMS = 500
IMPORT_SECONDS_PER_DOCUMENT = int(os.environ.get("IMPORT_SECONDS_PER_DOCUMENT", "60"))
# The worker reading an upload holds it this long between two files (IMPORT_LEASE_SECONDS);
# a worker that starts takes up uploads whose lease ran out. Longer than one file takes.
IMPORT_LEASE_SECONDS = int(
    os.environ.get("IMPORT_LEASE_SECONDS", str(max(300, 3 * IMPORT_SECONDS_PER_DOCUMENT)))
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "samverkan@localhost")
# where the accessibility statement asks people to report what they cannot use
ACCESSIBILITY_EMAIL = os.environ.get("ACCESSIBILITY_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "samverkan.mail_console.EmailBackend"  # readable in the terminal of `make run`
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)

EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "60"))  # seconds for one SMTP operation
# The worker sending a dispatch holds it this long between two messages (MAIL_LEASE_SECONDS);
# a worker that starts takes over dispatches whose lease ran out.
MAIL_LEASE_SECONDS = int(os.environ.get("MAIL_LEASE_SECONDS", "600"))

# E-mail goes out from a background worker: `samverkan worker` runs the queued tasks.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# SECURE_COOKIES=1 behind HTTPS: secure cookies, HSTS and a redirect from http to https.
SECURE_COOKIES = env_bool("SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000")) if SECURE_COOKIES else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_COOKIES
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE_COOKIES)
if TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Joining the browsers' HSTS preload list is a separate decision, not made here; axes.W006
# asks for a lock per address, which LockoutBackend keeps with its own, higher limit.
SILENCED_SYSTEM_CHECKS = ["security.W021", "axes.W006"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Scripts, styles and images come from this site only; no inline script runs. Forms post here
# only, and the sign-out form's redirect may go on to the identity providers.
SIGN_IN_ORIGINS = sorted(
    {
        urlsplit(p["issuer"])._replace(path="").geturl()
        for p in OIDC_PROVIDERS.values()
        if p["issuer"]
    }
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'", *SIGN_IN_ORIGINS],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
