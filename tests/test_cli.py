"""The `samverkan` console command wraps the management commands under friendly names."""

import subprocess
import sys

import pytest

from samverkan.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    code = "import sys; from samverkan.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_our_commands():
    result = run("help")
    assert result.returncode == 0
    assert "load_reference" in result.stdout and "load_demo" in result.stdout


def test_dashed_names_reach_management_commands():
    result = run("load-reference", "--help")
    assert result.returncode == 0
    assert "Läser in Region Skåne" in result.stdout


@pytest.mark.django_db
def test_load_reference_through_the_cli(capsys):
    main(["load-reference"])
    assert "organisations: 54 nya" in capsys.readouterr().out
