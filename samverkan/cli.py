"""The `samverkan` command: `extract` needs no Django; the rest are management commands."""

import os
import sys

# Friendly names for Django's own commands; our commands use dashes for underscores.
# `db_worker` is the worker that first resumes what a stopped worker left (see `worker`).
ALIASES = {"serve": "runserver", "db_worker": "worker"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "extract":
        from samverkan.extraction.cli import main as extract_main

        return extract_main(args[1:])
    if args[:1] == ["serve"] and "--production" in args:
        return serve_production([a for a in args[1:] if a != "--production"])
    if args and not args[0].startswith("-"):
        args[0] = ALIASES.get(args[0], args[0].replace("-", "_"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["samverkan", *args])
    return 0


def serve_production(args: list[str]) -> int:
    """`samverkan serve --production [ADDR:PORT] [gunicorn options]`: gunicorn in front of
    the WSGI app, replacing this process so that systemd's signals reach it. The app is loaded
    before the workers start, so a refused configuration stops it at once."""
    bind = args.pop(0) if args and not args[0].startswith("-") else "127.0.0.1:8000"
    command = [sys.executable, "-m", "gunicorn", "samverkan.wsgi:application"]
    command += ["--bind", bind, "--preload", "--access-logfile", "-"]
    command += ["--workers", os.environ.get("WEB_CONCURRENCY", "3")]
    if os.environ.get("TRUSTED_PROXY") == "1":
        command += ["--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")]
    os.execv(sys.executable, command + args)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
