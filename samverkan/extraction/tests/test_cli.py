"""`samverkan extract`: JSON or a Swedish summary, and bad files reported without a traceback."""

import json
import subprocess
import sys

from samverkan.extraction.tests.test_readers import LINES

COMMAND = [sys.executable, "-c", "import sys; from samverkan.cli import main; sys.exit(main())"]


def run(*args):
    return subprocess.run([*COMMAND, "extract", *args], capture_output=True, text=True, timeout=60)


def write(tmp_path, name="a.txt"):
    path = tmp_path / name
    path.write_text("\n\n".join(LINES), encoding="utf-8")
    return path


def test_json_for_one_file_follows_the_spec(tmp_path):
    result = run(str(write(tmp_path)))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {
        "body",
        "meeting",
        "attendees",
        "absent",
        "agenda",
        "decisions",
        "actions",
        "next_meetings",
    }
    assert set(data["meeting"]) == {"date", "start", "end", "location"}
    assert data["actions"][0]["owners"] == ["Karin Berg"]
    assert data["actions"][0]["source"]["line"] == 9


def test_several_files_give_an_array_and_bad_ones_are_reported(tmp_path):
    good = write(tmp_path)
    empty = tmp_path / "tom.docx"
    empty.write_bytes(b"")
    result = run(str(good), str(empty), str(tmp_path / "saknas.pdf"), str(good))
    assert result.returncode == 2
    assert len(json.loads(result.stdout)) == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"samverkan extract: {empty}: filen är tom",
        f"samverkan extract: {tmp_path / 'saknas.pdf'}: filen finns inte",
    ]
    assert "Traceback" not in result.stderr


def test_text_summary_in_swedish(tmp_path):
    result = run(str(write(tmp_path)), "--format", "text")
    assert "Närvarande: Lena Ek, Sven Åström, Karin Berg" in result.stdout
    assert "Beslut:\n  - Dagordningen godkänns." in result.stdout
    assert "vem: Karin Berg; när: ej angivet" in result.stdout
