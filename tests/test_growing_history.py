"""Pages cost what they show, not what the history holds: the same number of queries on one
and on three generated years, and the lists that grow come a page or a year at a time."""

import pytest
from django.contrib.auth import get_user_model

from bench.history import History
from bench.pages_bench import pages

# the most queries each key page may make, whatever the length of the history
MOST = {
    "Översikt": 15,
    "Organets sida": 20,
    "Mötets sida": 34,
    "Anteckningar": 30,
    "Mina uppdrag": 13,
    "Organets uppdrag": 15,
    "Beslutsregister": 13,
    "Arkiv": 4,
    "Arkiv organ/år": 4,
    "Arkivsök": 5,
    "Handlingsplan": 19,
    "OParl möten": 6,
}


@pytest.mark.parametrize("years", [1, 3])
def test_every_key_page_makes_the_same_queries_on_a_short_and_a_long_history(
    db, client, django_assert_max_num_queries, years
):
    History(years=years, bodies=11, seed=3).run()
    secretary = get_user_model().objects.get(username="sekreterare")
    for name, user, path in pages():
        client.logout()
        if user:
            client.force_login(secretary)
        client.get(path)  # the session and caches as a second visit finds them
        with django_assert_max_num_queries(MOST[name]):
            response = client.get(path)
        assert response.status_code == 200, (name, path)


def test_registers_come_fifty_at_a_time_and_decisions_a_year_at_a_time(db, client):
    History(years=3, bodies=11, seed=3).run()
    client.force_login(get_user_model().objects.get(username="sekreterare"))
    body = pages()[1][2]
    register = client.get(f"{body}uppdrag/").content.decode()
    assert register.count('<a href="/uppdrag/') == 50
    assert "Sida 1 av" in register and 'rel="next"' in register
    last = client.get(f"{body}uppdrag/", {"sida": "999"}).content.decode()
    assert 'rel="prev"' in last and 'rel="next"' not in last
    assert client.get(f"{body}uppdrag/", {"sida": "x"}).status_code == 200
    from django.utils import timezone

    this_year = timezone.localdate().year
    decisions = client.get("/beslut/").content.decode()
    assert f"<h2>{this_year}</h2>" in decisions
    assert f"-{this_year - 1}" not in decisions.split("<h2>")[1].split("</table>")[0]
    earlier = client.get("/beslut/", {"ar": this_year - 1}).content.decode()
    assert f"<h2>{this_year - 1}</h2>" in earlier and f"{this_year - 1}-" in earlier
