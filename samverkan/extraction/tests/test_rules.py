"""Attendance, agenda, decisions, actions and next meetings, one rule per row."""

import pytest

from samverkan.extraction import extract_text
from samverkan.extraction.decisions import decision_rule


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
        (
            "Datum: 2023-03-08\n\n- Nästa möte torsdag 14:00 i biblioteket\n",
            ("2023-03-09", "14:00"),
        ),
        ("Datum: 2022-11-30\n\nVi ses nästa möte på måndag kl. 9.\n", ("2022-12-05", "09:00")),
        # a line that opens with "Möte" and gives its own date
        (
            "Datum: 2021-02-01\n\n## Avslut\n- Möte onsdag 10/2 kl. 13:00-14:00\n",
            ("2021-02-10", "13:00"),
        ),
        (
            "Datum: 2021-05-04\n\nNytt möte 18 maj klockan 10.00 på Teams.\n",
            ("2021-05-18", "10:00"),
        ),
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
        (
            '+++\ntitle = "Styrelsemöte"\ndate = "2022-04-11T19:00:00+02:00"\n+++\nVi träffades.\n',
            "2022-04-11",
        ),
        (
            '---\ntitel: "Protokoll"\ndatum: "2020-01-14"\n---\nSammanträdet öppnades.\n',
            "2020-01-14",
        ),
        (
            "#+TITLE: Årsmöte\n#+DATE: 2021-03-02\n#+OPTIONS: toc:nil\n\n* Mötets öppnande\n",
            "2021-03-02",
        ),
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
    assert [i.title for i in m.agenda] == [
        "Mötets öppnande",
        "Val av sekreterare",
        "Val av justerare",
    ]


# --- Flattened text: a page copied from a PDF viewer as one line -------------------------

FLAT_PAGE = (
    "Minnesanteckningar nätverket för äldrefrågor Plats: Kommunhuset, Tomelilla Närvarande: "
    "Siv Ahlgren, Tomelilla Jonas Berglund, Ystad Mira Kask, Simrishamn Förhinder: Elsa Grahn "
    "1. Mötets öppnande Ordföranden hälsade alla välkomna. 2. Föregående anteckningar "
    "Anteckningarna lades till handlingarna. 3. Rapporter från kommunerna Jonas berättar om "
    "läget i Ystad och att bemanningen är god under sommaren och att rekryteringen fortsätter. "
    "Siv: - Skickar ut enkäten till alla enhetschefer. Mira: - Bokar lokal till hösten. "
    + "Mötet avslutades. "
    * 12
)


def test_flattened_page_attendees_and_absent():
    m = extract_text(FLAT_PAGE)
    assert names(m.attendees) == ["Siv Ahlgren", "Jonas Berglund", "Mira Kask"]
    assert names(m.absent) == ["Elsa Grahn"]


def test_flattened_page_numbered_items_are_the_agenda():
    m = extract_text(FLAT_PAGE)
    assert [i.title for i in m.agenda][:3] == [
        "Mötets öppnande",
        "Föregående anteckningar",
        "Rapporter från kommunerna",
    ]


def test_flattened_page_per_person_task_lists():
    m = extract_text(FLAT_PAGE)
    assert [(a.text, a.owners) for a in m.actions] == [
        ("Skickar ut enkäten till alla enhetschefer.", ("Siv Ahlgren",)),
        ("Bokar lokal till hösten.", ("Mira Kask",)),
    ]
    assert any(d.text.startswith("Anteckningarna lades till handlingarna") for d in m.decisions)


# --- Formal protocols --------------------------------------------------------------------

PROTOCOL = """SAMMANTRÄDESPROTOKOLL
Socialnämnden

Beslutande: Eva Holm (S), ordförande
Nils Björk (M)
Lina Sand (C) tjänstgör för Omar Haddad (C)
Ersättare: Pia Strand (V)

Justerandes sign

Utdragsbestyrkande

Sida 2 av 6

## § 41
## Val av justerare

Utses att justera: Nils Björk (M)

## § 42 Riktlinjer för hemtjänst

## Sammanfattning

Förvaltningen har tagit fram riktlinjer som godkändes av arbetsutskottet.

## Förslag till beslut

- Riktlinjerna för hemtjänst fastställs.

## Socialnämndens beslut

Socialnämnden beslutar att

- riktlinjerna för hemtjänst fastställs.
- förvaltningen ges i uppdrag att följa upp riktlinjerna under hösten.

Beslutet expedieras till:

Hemtjänstchefen

## § 43 Lokalfrågan

## Socialnämndens beslut

Ärendet återremitteras till förvaltningen.

Nämnden uppdrar åt kansliet att boka en ny lokal.
"""


def test_protocol_members_substitutes_and_parties():
    m = extract_text(PROTOCOL)
    assert names(m.attendees) == ["Eva Holm", "Nils Björk", "Lina Sand", "Pia Strand"]
    assert names(m.absent) == ["Omar Haddad"]
    assert m.attendees[3].role == "ersättare"


def test_protocol_agenda_is_its_paragraphs():
    m = extract_text(PROTOCOL)
    assert [(i.number, i.title) for i in m.agenda] == [
        ("§ 41", "Val av justerare"),
        ("§ 42", "Riktlinjer för hemtjänst"),
        ("§ 43", "Lokalfrågan"),
    ]


def test_protocol_decisions_not_proposals_nor_background():
    m = extract_text(PROTOCOL)
    assert [d.text for d in m.decisions] == [
        "Utses att justera: Nils Björk (M)",
        "riktlinjerna för hemtjänst fastställs.",
        "förvaltningen ges i uppdrag att följa upp riktlinjerna under hösten.",
        "Ärendet återremitteras till förvaltningen.",
        "Nämnden uppdrar åt kansliet att boka en ny lokal.",
    ]


def test_protocol_commissions_are_actions_and_recipients_are_not_owners():
    m = extract_text(PROTOCOL)
    assert [(a.text, a.owners) for a in m.actions] == [
        (
            "förvaltningen ges i uppdrag att följa upp riktlinjerna under hösten.",
            ("förvaltningen",),
        ),
        ("Ärendet återremitteras till förvaltningen.", ("förvaltningen",)),  # sent back: work
        ("Nämnden uppdrar åt kansliet att boka en ny lokal.", ("kansliet",)),
    ]


@pytest.mark.parametrize(
    "line, absent",
    [
        ("Närvarande: Kalle Nord (S), Jan Ström (M) ersätter Maja Ek (M)", "Maja Ek"),
        ("Beslutande: Rut Lind (V) i stället för Sam Berg (V), Ola Fors (L)", "Sam Berg"),
        ("Närvarande: Samtliga förutom Tove Lund", "Tove Lund"),
    ],
)
def test_who_stood_in_for_whom(line, absent):
    m = extract_text(f"Protokoll\n\n{line}\n\n§ 1 Öppnande\n")
    assert absent in names(m.absent)
    assert absent not in names(m.attendees)


# --- Informal minutes: tasks -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, owners",
    [
        ("Sekreteraren skickar ut enkäten före jul.", ("Sekreteraren",)),
        ("Kassören sammanställer budgeten till nästa möte.", ("Kassören",)),
        ("Lokalen ska bokas till mars.", ()),
        ("Inbjudan kommer att skickas ut i januari.", ()),
        ("Uppdatera medlemsregistret (Nora).", ("Nora",)),
        ("Beställa fika till årsmötet – Lisa och Per", ("Lisa", "Per")),
        ("@Olle fixar nycklarna", ("Olle",)),
        ("Ansvar: Hugo Berg", ("Hugo Berg",)),
        ("Ansvarig: Signe", ("Signe",)),
        ("[ ] Skriva verksamhetsberättelsen", ()),
        ("Nora kollar upp priset på hyrbussen.", ("Nora",)),
        ("Region Skåne kommer att ta fram en vägledning under våren.", ()),
        # the verb second: a time put first, then the modal, then who does it
        ("Vid nästa möte ska Nora visa den nya budgeten.", ("Nora",)),
        ("Under hösten kommer vi att se över stadgarna.", ()),
        # sent back with work to do, urged to, taken on
        (
            "Ärendet återremitteras till kultur- och fritidsförvaltningen för kompletteringar.",
            ("kultur- och fritidsförvaltningen",),
        ),
        ("Frågan återremitterades till styrelsen för ny beredning.", ("styrelsen",)),
        ("Uppmaning till alla medlemmar att betala årsavgiften före mars.", ("alla medlemmar",)),
        ("Föreningens kassör uppmanas att kontakta banken.", ("Föreningens kassör",)),
        ("Per åtog sig att boka bussen till studieresan.", ("Per",)),
        ("Nora åtar sig att skriva ett svar till kommunen.", ("Nora",)),
        # "kommer" without "att", as it is often written
        ("Nora kommer skicka ut kallelsen i maj.", ("Nora",)),
        ("Per kommer ha ett samtal med hyresvärden.", ("Per",)),
        # "skall/bör" names a kind of requirement, it does not hedge
        ("Nora går igenom skall/bör-kraven i upphandlingen.", ("Nora",)),
        ("[ ] Uppdatera listan med kontaktpersoner", ()),
        # work named by a noun, due at the next meeting
        ("Genomgång av stadgarna inför nästa möte.", ()),
        ("Arbete med verksamhetsplanen till nästa träff.", ()),
        # a topic, then the instruction: a verb with its particle
        ("Medlemsregistret, lägga in de nya adresserna.", ()),
        ("Hemsidan – gå igenom texterna och rätta länkarna!", ()),
    ],
)
def test_task_forms(sentence, owners):
    m = extract_text(f"Anteckningar\n\nNärvarande: Nora Lind, Per Holm\n\n{sentence}\n")
    assert len(m.actions) == 1, m.actions
    assert set(owners) <= {o.split()[0] for o in m.actions[0].owners} | set(m.actions[0].owners)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nora informerar om läget i projektet.",
        "Per redogör för budgetutfallet.",
        "[x] Kallelsen är skickad",
        "Hur ska vi organisera arbetet?",
        "Ordföranden måste vara närvarande när beslut tas.",
        "Det kommer att bli en varm sommar.",
        "Per kommer tillbaka i september.",
        "Efter sommaren kommer det att ske en omorganisation.",
        "Alla som har lånat böcker från föreningens bibliotek uppmanas att lämna tillbaka dem.",
        "En ny rutin kommer till för att underlätta bokningen.",
        "[ ] Manualen uppdaterad efter ändringen",
        "[ ] Stämmer budgeten med utfallet?",
        "Lägga till fler bilder i presentationen",
        "Regionen, som tog fram planen, redovisade resultatet.",
    ],
)
def test_reporting_and_done_are_not_tasks(sentence):
    m = extract_text(f"Anteckningar\n\nNärvarande: Nora Lind, Per Holm\n\n{sentence}\n")
    assert m.actions == ()


@pytest.mark.parametrize("heading", ["## Åtgärder", "## Att göra", "## Uppgifter till nästa gång"])
def test_task_sections(heading):
    m = extract_text(f"Anteckningar\n\n{heading}\n\n- Boka lokal\n- Skicka protokollet\n")
    assert [a.text for a in m.actions] == ["Boka lokal", "Skicka protokollet"]


@pytest.mark.parametrize(
    "bullet, owner",
    [("- Kevin: Gör en prototyp av appen", "Kevin"), ("- Sara: läsa på om API:t", "Sara")],
)
def test_owner_first_bullets(bullet, owner):
    m = extract_text(f"Anteckningar\n\n## Veckans uppgifter\n\n{bullet}\n")
    assert [a.owners for a in m.actions] == [(owner,)]


# --- Decisions by verb stem ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, decided",
    [
        ("Styrelsen fastställer budgeten för 2025.", True),
        ("Årsmötet beviljar styrelsen ansvarsfrihet.", True),
        ("Till kassör valdes Eva Sund.", True),
        ("Mötet väljer Anna Berg till ordförande.", True),
        ("Beslut att inte gå vidare med ansökan.", True),
        ("Ok med att flytta mötet till onsdagar.", True),
        ("Informationen läggs till handlingarna.", True),
        ("Fastställande av verksamhetsplan.", False),
        ("Användaren väljer vilken profil som visas.", False),
        ("Vid sammanträdet 2024-05-02 utsågs Per till ersättare.", False),
        ("Kommer detta att godkännas?", False),
    ],
)
def test_decision_forms(sentence, decided):
    m = extract_text(f"Anteckningar\n\nNärvarande: Anna Berg\n\n{sentence}\n")
    assert bool(m.decisions) is decided


def test_every_item_names_its_rule_and_confidence():
    data = extract_text(PROTOCOL + "\n" + FLAT_PAGE).to_dict()
    items = [
        x for key in ("attendees", "absent", "agenda", "decisions", "actions") for x in data[key]
    ]
    assert items
    assert all(x["rule"] and x["rule"] != "unnamed" for x in items)
    assert {x["confidence"] for x in items} <= {"high", "medium", "low"}


@pytest.mark.parametrize(
    "heading", ["Uppgifter:", "Att göra till nästa möte:", "## Åtgärder", "Åtgärdslista"]
)
def test_a_task_list_takes_every_item_however_worded(heading):
    m = extract_text(
        f"Anteckningar\n\nNärvarande: Nora Lind\n\n{heading}\n\n"
        "● Nora och fikat till lördag\n● Affischerna (kanske)\n● Fixade nycklarna.\n"
    )
    assert [a.text for a in m.actions] == ["Nora och fikat till lördag", "Affischerna (kanske)"]


@pytest.mark.parametrize(
    "bullet, is_task",
    [
        ("- Boka lokal till vårmötet", True),
        ("- Skriva klart verksamhetsplanen", True),
        ("- Bra diskussion om budgeten.", False),
        ("- Samtliga har samma bild av läget.", False),
    ],
)
def test_a_task_section_takes_only_tasks(bullet, is_task):
    m = extract_text(f"Anteckningar\n\n## Åtgärder och resultat\n\n{bullet}\n")
    assert bool(m.actions) is is_task


@pytest.mark.parametrize(
    "label, bullet, is_task",
    [
        ("Lisa:", "- Uppdaterade hemsidan med nya bilder.", False),
        ("Lisa:", "- Skapat ett nytt formulär.", False),
        ("Lisa:", "- Ringer hyresvärden om nycklarna.", True),
        ("Omar:", "- Tar fram ett förslag på schema.", True),
        ("Lisa:", "- La till en sida för bokningar.", False),
        ("Omar:", "- Tog bort de gamla kontona.", False),
        ("Lisa:", "- Formuläret har nu ett fält för telefonnummer.", False),
        ("Omar:", "- I appen finns nu en knapp för utloggning.", False),
    ],
)
def test_a_persons_list_of_done_work_is_not_tasks(label, bullet, is_task):
    m = extract_text(f"Anteckningar\n\nNärvarande: Lisa Holm, Omar Said\n\n{label}\n{bullet}\n")
    assert bool(m.actions) is is_task


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunens nämndutbildning kommer att äga rum i maj.",
        "Chefen informerar om att arbetet kommer att fortsätta.",
        "[ ] Koden är granskad av en kollega",
        "Datavokabulär måste också finnas.",
    ],
)
def test_events_conditions_and_reports_are_not_tasks(sentence):
    m = extract_text(f"Anteckningar\n\nNärvarande: Lisa Holm\n\n{sentence}\n")
    assert m.actions == ()


@pytest.mark.parametrize(
    "paragraph, tasks",
    [
        (
            "Det beslutades att föreningen ska köpa en projektor. Nora ska beställa den.",
            ["Det beslutades att föreningen ska köpa en projektor.", "Nora ska beställa den."],
        ),
        (
            "Beslutades att vi ska byta bank. Per tar fram offerter från tre banker.",
            ["Beslutades att vi ska byta bank.", "Per tar fram offerter från tre banker."],
        ),
        (
            "Vi måste ha fler ledare till lägret. Nora tar med sig frågan.",
            ["Vi måste ha fler ledare till lägret. Nora tar med sig frågan."],
        ),
    ],
)
def test_a_decision_and_the_task_after_it_are_two_items(paragraph, tasks):
    m = extract_text(f"Anteckningar\n\nNärvarande: Nora Lind, Per Holm\n\n{paragraph}\n")
    assert [a.text for a in m.actions] == tasks


def test_protocol_list_lines_that_open_with_a_name_go_on():
    m = extract_text(
        "Protokoll\n\nÖvriga närvarande\nGöran Isberg,utbildningsdirektör\n"
        "Lotta Wiik,verksamhetschef förskola, närvarande via länk\n"
        "Omid Rahimi,ekonomichef, närvarande via länk från kl. 13.40 § 31\n\n§ 1 Öppnande\n"
    )
    assert names(m.attendees) == ["Göran Isberg", "Lotta Wiik", "Omid Rahimi"]


def test_contents_table_with_unnumbered_opening_items_and_wrapped_titles():
    m = extract_text(
        "SAMMANTRÄDESPROTOKOLL\n\n|**Innehåll**|**§**|**Sida**|\n|---|---|---|\n"
        "|||Upprop|||\n|||Val av justerare|||\n|§|12|Budget för 2026||4|\n"
        "|§|13|Riktlinjer för färdtjänst inom||5 - 6|\n|||kommunens gränser|||\n"
        "|§|14|Övrigt||7|\n"
    )
    assert [i.title for i in m.agenda] == [
        "Upprop",
        "Val av justerare",
        "Budget för 2026",
        "Riktlinjer för färdtjänst inom kommunens gränser",
        "Övrigt",
    ]


def test_contents_table_skips_signatures_and_names():
    m = extract_text(
        "PROTOKOLL\n\n|Justerandes sign|Eva Ek (S)|\n|---|---|\n|§ 1|Öppnande|2|\n"
        "|§ 2|Val av justerare|2|\n|§ 3|Ekonomi|3|\n"
    )
    assert [i.title for i in m.agenda] == ["Öppnande", "Val av justerare", "Ekonomi"]


@pytest.mark.parametrize(
    "document, decisions",
    [
        (
            "## Nämndens beslut\n\n- Nämnden godkänner upprättad del-\n\n- årsrapport för 2025.\n",
            ["Nämnden godkänner upprättad delårsrapport för 2025."],
        ),
        (
            "## Styrelsens beslut\n\n- Styrelsen fastställer ny hyres-\n\n- nivå från 1 maj.\n",
            ["Styrelsen fastställer ny hyresnivå från 1 maj."],
        ),
        ("Utses att justera\n\n## § 4 Budget\n\nBudgeten fastställs.\n", ["Budgeten fastställs."]),
        ("## § 2 Beslut om närvarorätt\n\nNärvarorätt ges till Per Ek.\n", []),
        (
            "## Förvaltningens förslag\n\nKulturförvaltningens förslag till beslut:\n\n"
            "- Nämnden ger biblioteket i uppdrag att utreda öppettiderna.\n\n"
            "## Nämndens beslut\n\n##\n\nNämnden antar riktlinjerna för lånecyklar.\n",
            ["Nämnden antar riktlinjerna för lånecyklar."],
        ),
    ],
)
def test_protocol_furniture_is_no_decision(document, decisions):
    m = extract_text("PROTOKOLL\n\n" + document)
    assert [d.text for d in m.decisions] == decisions


@pytest.mark.parametrize(
    "label", ["Kulturförvaltningens förslag till beslut:", "Arbetsutskottets förslag till beslut"]
)
def test_a_proposed_commission_is_no_task_until_decided(label):
    m = extract_text(
        f"PROTOKOLL\n\n## § 4 Öppettider\n\n{label}\n\n"
        "- Nämnden ger biblioteket i uppdrag att utreda öppettiderna.\n"
    )
    assert m.actions == ()


@pytest.mark.parametrize(
    "table",
    [
        "| Åtgärd | Ansvarig | Klart till |\n|---|---|---|\n"
        "| Boka lokal till årsmötet | Nora | 2025-03-01 |\n| [Åtgärd] | [Namn] | [Datum] |\n"
        "| Beställa affischer | Per Holm | 2025-02-15 |\n",
        "| Nr | Vad ska göras? | Vem ansvarar? | Deadline | Status |\n|---|---|---|---|---|\n"
        "| 1 | Boka lokal till årsmötet | [Nora] | [2025-03-01] | Pågår |\n"
        "| 2 | Städa förrådet | Per Holm | 2025-01-10 | Klar |\n"
        "| 3 | Beställa affischer | Per Holm | 2025-02-15 | Todo |\n",
    ],
)
def test_a_table_of_tasks_gives_each_row_its_owner_and_date(table):
    m = extract_text(f"Anteckningar\n\nNärvarande: Nora Lind, Per Holm\n\n{table}")
    assert [(a.text, a.owners, a.due) for a in m.actions] == [
        ("Boka lokal till årsmötet", ("Nora Lind",), "2025-03-01"),
        ("Beställa affischer", ("Per Holm",), "2025-02-15"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Plats och tid Rådhuset, sessionssalen, kl. 13.00–16.30",
        "> Plats och tid Rådhuset, sessionssalen, kl 13:00 – 16:30",
        "Plats och tid: Rådhuset, sessionssalen, klockan 13.00-16.30",
    ],
)
def test_a_protocols_combined_place_and_time_label_needs_no_colon(line):
    m = extract_text(f"Protokoll Socialnämnden\n\nDatum: 2024-05-14\n\n{line}\n\n§ 1 Upprop\n")
    assert m.meeting.location == "Rådhuset, sessionssalen"
    assert (m.meeting.start, m.meeting.end) == ("13:00", "16:30")


def test_an_item_on_the_place_and_time_of_the_next_meeting_stays_an_item():
    m = extract_text(
        "Protokoll Socialnämnden\n\nDatum: 2024-05-14\n\n§ 1 Upprop\n\nUpprop görs.\n\n"
        "Plats och tid för nästa möte\n\nNästa möte blir den 11 juni i Rådhuset.\n"
    )
    assert "Plats och tid för nästa möte" in [i.title for i in m.agenda]


def test_a_place_ends_where_the_time_label_begins_even_without_a_time():
    m = extract_text(
        "Protokoll Socialnämnden\n\nDatum: 2024-05-14\n\n"
        "Plats och tid Rådhuset, Lund, kl Ordinarie ledamöter\n\n§ 1 Upprop\n"
    )
    assert m.meeting.location == "Rådhuset, Lund"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunfullmäktige beslutade 2019 att införa trygg hemgång.",
        "Regionfullmäktige har beslutat om en ny vårdval-modell.",
        "Regionstyrelsen beslöt i våras att utreda frågan vidare.",
    ],
)
def test_what_an_assembly_decided_before_is_no_decision_of_this_meeting(sentence):
    assert decision_rule(sentence) is None
