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
    if args and not args[0].startswith("-"):
        args[0] = ALIASES.get(args[0], args[0].replace("-", "_"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["samverkan", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
