"""Attendance, agenda, decisions, actions and next meetings, one rule per row."""

import pytest

from samverkan.extraction import extract_text


def names(people):
    return [p.name for p in people]


def test_attendees_with_organisation_on_several_lines():
    m = extract_text(
        "Minnesanteckningar arbetsgrupp\n\n"
        "Närvarande: Lena Ek, Sven Ås och Karin Berg från Region Skåne\n"
        "Olof Lind och Siv Holm från kommunerna\n"
        "Åsa Nord ordförande i vårdnämnden\n\n"
        "Dagordningen godkänns.\n"
    )
    assert names(m.attendees) == [
        "Lena Ek",
        "Sven Ås",
        "Karin Berg",
        "Olof Lind",
        "Siv Holm",
        "Åsa Nord",
    ]
    assert m.attendees[0].organization == "Region Skåne"
    assert m.attendees[5].role == "ordförande i vårdnämnden"


def test_label_typo_is_understood():
    m = extract_text("Näravande: Lena Ek, Sven Ås\n\nMötet avslutas.")
    assert names(m.attendees) == ["Lena Ek", "Sven Ås"]


def test_invited_but_not_present_are_absent():
    m = extract_text(
        "## Kallade\n- Lena Ek\n- Sven Ås\n- Olav Berg\n\n## Närvarande\n- Lena Ek\n- Sven Ås\n"
    )
    assert names(m.attendees) == ["Lena Ek", "Sven Ås"]
    assert names(m.absent) == ["Olav Berg"]


def test_absent_label_and_substitutes():
    m = extract_text(
        "Beslutande:\n\nAnna Carlsson (S), ordf.\n\nTomas Wikström (M) ersättare för "
        "Cecilia Näslund (M)\n\nEj närvarande: Per Lund\n"
    )
    assert names(m.attendees) == ["Anna Carlsson", "Tomas Wikström"]
    assert names(m.absent) == ["Per Lund", "Cecilia Näslund"]


def test_board_member_list_with_presence_marks():
    m = extract_text(
        "Styrelsemedlemmar:\n\n- Ordförande: Samuel Berg (Ja)\n- Kassör: Maja Ek (Nej)\n"
        "- Vice ordförande: Vakant\n"
    )
    assert names(m.attendees) == ["Samuel Berg"]
    assert names(m.absent) == ["Maja Ek"]


DOCUMENT = """Protokoll

Datum: 2024-03-05
Tid: kl. 9–11
Plats: Kommunhuset

Närvarande: Lena Ek, Sven Ås, Maria Holm, Maria Lind

§ 1 Godkännande av dagordning

Dagordningen godkänns.

§ 2 Kommunikationsplan

Beslutas att utkast till kommunikationsplan ska presenteras av Lena vid nästa möte.
Maria återkommer med en tidplan.
Sven tar med sig frågan till förvaltningen.
Planen beslutad på Delregional samverkan 2023-10-30 ligger kvar.

§ 3 Övriga frågor

Mötet den 9 april ställs in. Nästa möte blir den 14 maj klockan 13.00–15.00.
"""


def test_frame_of_a_protocol():
    m = extract_text(DOCUMENT)
    assert (m.meeting.date, m.meeting.start, m.meeting.end) == ("2024-03-05", "09:00", "11:00")
    assert m.meeting.location == "Kommunhuset"
    assert [(i.number, i.title) for i in m.agenda] == [
        ("§ 1", "Godkännande av dagordning"),
        ("§ 2", "Kommunikationsplan"),
        ("§ 3", "Övriga frågor"),
    ]


def test_decisions_carry_their_item_and_skip_decisions_made_elsewhere():
    m = extract_text(DOCUMENT)
    texts = [d.text for d in m.decisions]
    assert texts == [
        "Dagordningen godkänns.",
        "Beslutas att utkast till kommunikationsplan ska presenteras av Lena vid nästa möte.",
        "Mötet den 9 april ställs in.",
    ]
    assert m.decisions[1].agenda_item == "Kommunikationsplan"


def test_actions_with_owners_and_due_dates():
    m = extract_text(DOCUMENT)
    by_text = {a.text.split()[0]: a for a in m.actions}
    assert by_text["Beslutas"].owners == ("Lena Ek",)
    assert by_text["Beslutas"].due == "2024-05-14"
    assert by_text["Maria"].owners == ("Maria",)  # two Marias attended: kept as written
    assert by_text["Sven"].owners == ("Sven Ås",)
    assert all(a.source is not None for a in m.actions)


def test_next_meeting_excludes_the_cancelled_one():
    m = extract_text(DOCUMENT)
    assert [(n.date, n.start, n.end) for n in m.next_meetings] == [("2024-05-14", "13:00", "15:00")]


@pytest.mark.parametrize(
    "sentence, decided",
    [
        ("Gruppen beslutar att kommunerna ansvarar för anteckningarna.", True),
        ("Mötet valde Anna till justerare.", True),
        ("Stig Berg (L) utses till vice ordförande.", True),
        ("Nästa möte flyttas till den 14 december.", True),
        ("Martin föreslog följande tidplan (utan invändningar):", True),
        ("Mötet fann sig vara behörigen kallat.", True),
        ("Datumet är bestämt till den 3 mars.", True),
        ("Frågan lämnas öppen till nästa möte.", True),
        ("Kommentarerna lades till i dokumentet.", False),
        ("Ordföranden föreslår att Anna väljs till sekreterare.", False),
        ("Frågan ska beslutas på nästa möte.", False),
        ("Här kommer det klargörande beslut längre fram.", False),
        ("Vi bör enas om vilken väg vi vill gå.", False),
    ],
)
def test_decision_sentences(sentence, decided):
    m = extract_text(f"Anteckningar\n\nNärvarande: Anna Berg\n\n{sentence}\n")
    assert bool(m.decisions) is decided


@pytest.mark.parametrize(
    "sentence, is_action",
    [
        ("Anna och Karl återkommer med mer information.", True),
        ("Karl tar med sig frågan.", True),
        ("Psykiatri sydost ansvariga Anna och Karl", True),
        ("Nytt uppdrag blir att varje lokal samverkansgrupp ska ta fram en plan.", True),
        ("Vi ska se över rutinerna.", True),
        ("Jämföra skal/GUI, @Karl", True),
        ("Gruppen har haft svårt att träffas under pandemin.", False),
        ("Karl nämnde några saker som behöver hanteras.", False),
        ("Vi kommer förmodligen att behöva göra om det.", False),
    ],
)
def test_action_sentences(sentence, is_action):
    m = extract_text(f"Anteckningar\n\nNärvarande: Anna Berg, Karl Ek\n\n{sentence}\n")
    assert bool(m.actions) is is_action


def test_action_points_heading_makes_every_item_an_action():
    m = extract_text(
        "## Actionpoints inför nästa gång\n\n1. Rensa upp i förslaget (Josef).\n"
        "2. Samla in fler åsikter om diarieföring (alla).\n"
    )
    assert [a.owners for a in m.actions] == [("Josef",), ("alla",)]


def test_word_noise_is_removed():
    m = extract_text(
        "Närvarande: Lena Ek, Sven Ås\n\n"
        "# Det planerade mötet den 9 oktober ställs in eftersom planeringen för mötet inte hinner "
        "bli klar och därför tas den upp i december i stället.\n"
        "[bookmark: _GoBack]Rapport från handlingsplan – Lena och Sven\n"
    )
    assert m.agenda == ()
    assert [(a.text, a.owners) for a in m.actions] == [
        ("Rapport från handlingsplan – Lena och Sven", ("Lena Ek", "Sven Ås"))
    ]


def test_next_meeting_on_a_weekday_under_its_heading():
    m = extract_text(
        "## 20 August 2020\n\n## Närvarande\n- Lena Ek\n\n## Nästa möte\n\nNästa torsdag.\n"
    )
    assert [n.date for n in m.next_meetings] == ["2020-08-27"]


def test_decisions_reported_from_another_meeting_are_not_this_meetings():
    m = extract_text(
        "Närvarande: Anna Berg\n\nAnna Berg uttalar sig om förbundet. Ett styrelsemöte ägde rum "
        "i förra veckan. 16 ledamöter valdes. Vidare antogs en tidplan.\n\nÄrendet bordläggs.\n"
    )
    assert [d.text for d in m.decisions] == ["Ärendet bordläggs."]


def test_roll_call_of_handles_and_signatures_name_the_attendees():
    m = extract_text(
        "## 7. Röstlängd\n\n4 närvarande, varav samtliga har betalat: nsg, kaj, bg, poa\n\n"
        "## 8. Övrigt\n\nInget.\n\n--\n\nRasmus Kaj (kaj), Mötessekreterare\n\n"
        "Björn Grönvall (bg), Justeringsman\n"
    )
    assert [(a.name, a.role) for a in m.attendees] == [
        ("nsg", None),
        ("Rasmus Kaj", "mötessekreterare"),
        ("Björn Grönvall", "justeringsman"),
        ("poa", None),
    ]


def test_a_label_after_the_attendees_ends_the_list():
    m = extract_text(
        "Övriga deltagare: Cecilia Nilsson, Henrik Svensson\nUtses att justera: Peter Wretlund\n"
    )
    assert [a.name for a in m.attendees] == ["Cecilia Nilsson", "Henrik Svensson"]
    assert [d.text for d in m.decisions] == ["Utses att justera: Peter Wretlund"]


@pytest.mark.parametrize(
    "document, expected",
    [
        # a weekday after "nästa möte" is the first such day after the meeting
        ("Datum: 2023-03-08\n\n- Nästa möte torsdag 14:00 i biblioteket\n", ("2023-03-09", "14:00")),
        ("Datum: 2022-11-30\n\nVi ses nästa möte på måndag kl. 9.\n", ("2022-12-05", "09:00")),
        # a line that opens with "Möte" and gives its own date
        ("Datum: 2021-02-01\n\n## Avslut\n- Möte onsdag 10/2 kl. 13:00-14:00\n", ("2021-02-10", "13:00")),
        ("Datum: 2021-05-04\n\nNytt möte 18 maj klockan 10.00 på Teams.\n", ("2021-05-18", "10:00")),
        # "22/10 08:15": the time is not a year
        ("Datum: 2019-10-01\n\n- Nästa möte: Fredag 25/10 08:15-09:15.\n", ("2019-10-25", "08:15")),
        ("Datum: 2024-02-20\n\nNästa träff 5/3 13.00 hos Lisa.\n", ("2024-03-05", "13:00")),
    ],
)
def test_next_meeting_forms(document, expected):
    m = extract_text("Anteckningar projektgruppen\n\n" + document)
    assert [(n.date, n.start) for n in m.next_meetings] == [expected]


@pytest.mark.parametrize(
    "document, date",
    [
        ('+++\ntitle = "Styrelsemöte"\ndate = "2022-04-11T19:00:00+02:00"\n+++\nVi träffades.\n', "2022-04-11"),
        ('---\ntitel: "Protokoll"\ndatum: "2020-01-14"\n---\nSammanträdet öppnades.\n', "2020-01-14"),
        ("#+TITLE: Årsmöte\n#+DATE: 2021-03-02\n#+OPTIONS: toc:nil\n\n* Mötets öppnande\n", "2021-03-02"),
        ("Group: 7\nDate: 20211012\nChair: Nils Ek\n\n# Agenda\n", "2021-10-12"),
    ],
)
def test_meeting_date_from_front_matter_and_date_fields(document, date):
    assert extract_text(document).meeting.date == date


def test_org_mode_headings_are_the_agenda():
    m = extract_text(
        "#+TITLE: Årsmöte i föreningen\n#+DATE: 2021-03-02\n#+LATEX_CLASS: article\n\n"
        "* Mötets öppnande\nOrdförande öppnade mötet.\n* Val av sekreterare\n** Val av justerare\n"
    )
    assert [i.title for i in m.agenda] == ["Mötets öppnande", "Val av sekreterare", "Val av justerare"]
