"""Dependencies point one way: directory ← meetings ← minutes ← followup → plans → directory;
extraction is pure.

The public APIs (oparl, api) read the domain apps and publishing; nothing imports them."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "samverkan"

# An app may import only the apps listed for it (besides itself).
ALLOWED = {
    "directory": set(),
    "meetings": {"directory"},
    "minutes": {"directory", "meetings"},
    "followup": {"directory", "meetings", "minutes", "plans"},  # plans never imports followup
    "plans": {"directory"},
    "importer": {"extraction", "directory", "meetings", "minutes", "followup"},
    "publishing": {"directory", "meetings", "minutes", "followup", "plans", "importer"},
    "oparl": {"directory", "meetings", "minutes", "followup", "plans", "publishing"},
    "api": {"directory", "meetings", "minutes", "followup", "plans", "publishing"},
    "extraction": set(),
}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n.split(".")[1] for n in names if n.startswith("samverkan.") and n.count(".") >= 1}


def app_files():
    for app in ALLOWED:
        for path in sorted((PACKAGE / app).rglob("*.py")) if (PACKAGE / app).is_dir() else []:
            yield app, path


@pytest.mark.parametrize("app, path", list(app_files()), ids=lambda v: str(v))
def test_imports_point_one_way(app, path):
    wrong = imported_apps(path) - ALLOWED[app] - {app} - {"settings", "pages"}
    assert not wrong, f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}"


def test_extraction_never_imports_django():
    for path in (PACKAGE / "extraction").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import django" not in source and "from django" not in source, path
