"""A document's lines as an item's notes."""

from samverkan.importer.notes import as_notes


def test_every_bullet_glyph_is_a_dash_and_zero_width_characters_are_dropped():
    lines = ["● Veckans sprint", "\uf0b7 RDFS för vokabulär", "\uf0b7", "• Merge:a kod\u200b"]
    assert as_notes(lines) == "- Veckans sprint\n- RDFS för vokabulär\n-\n- Merge:a kod"


def test_an_asterisk_is_a_bullet_only_before_a_space():
    assert as_notes(["* punkt", "*viktigt*"]) == "- punkt\nviktigt"
