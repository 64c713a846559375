"""Names in Swedish text, and first names resolved to attendees."""

import pytest

from samverkan.extraction.people import find_names, resolve_owner


@pytest.mark.parametrize(
    "text, names",
    [
        ("Thomas Persson, Birgitta Ender,Eva Svensson och Petra Elg", 4),
        ("Anna-Karin Maletka, Eva-Marie Huttunen", 2),
        ("Anette Schön Erling Johansson Ulrika Björklund", 3),
        ("Inger Trodell Dahl, ordförande", 1),
        ("Carina Hansson Processansvarig Privata vårdgivare", 1),
        ("Region Skåne och Kristianstads kommun", 0),
        ("Christer Sörliden ordförande i sjukhusnämnd", 1),
    ],
)
def test_names_are_found(text, names):
    assert len(find_names(text)) == names


def test_three_part_name_is_kept_whole():
    assert [h.name for h in find_names("Inger Trodell Dahl, ordförande")] == ["Inger Trodell Dahl"]


def test_unknown_first_name_counts_when_it_is_the_whole_line():
    assert find_names("Dragoljub Nešić") or find_names("Dragoljub Nešić", whole_segment=True)
    assert [h.name for h in find_names("Xerxes Ångström (S)", whole_segment=True)] == [
        "Xerxes Ångström"
    ]


def test_ambiguous_first_name_is_kept_as_written():
    attendees = ["Eva Svensson", "Eva Gustafsson", "Dan Kjellsson"]
    assert resolve_owner("Dan", attendees) == "Dan Kjellsson"
    assert resolve_owner("Eva", attendees) == "Eva"
    assert resolve_owner("Okänd", attendees) == "Okänd"


def test_name_after_an_organisation_in_a_list_line():
    hits = find_names("Region NU-sjukvården Xerxes Martinsson", whole_segment=True)
    assert [h.name for h in hits] == ["Xerxes Martinsson"]
