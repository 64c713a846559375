"""Swedish dates and times in the forms people write them."""

import datetime

import pytest

from samverkan.extraction.dates import find_dates, find_time_range, resolve, weekday_after

MEETING = datetime.date(2023, 11, 24)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Datum: 2023-11-24", "2023-11-24"),
        ("den 24 november 2023", "2023-11-24"),
        ("Torsdagen den 11 september 2008 kl", "2008-09-11"),
        ("den 14 december", "2023-12-14"),
        ("möte 9 okt", "2024-10-09"),
        ("ses 14/12", "2023-12-14"),
        ("den 16 februari", "2024-02-16"),
        ("20 August 2020", "2020-08-20"),
        ("protokoll från 2016-10- 28", "2016-10-28"),
    ],
)
def test_dates_resolve_with_the_year_rule(text, expected):
    assert resolve(find_dates(text)[0], MEETING) == expected


def test_date_without_year_and_unknown_meeting_date_has_no_year():
    assert resolve(find_dates("den 15 oktober 13:30")[0], None) == "--10-15"


def test_impossible_dates_are_ignored():
    assert find_dates("den 31 februari och 2023-13-01") == []


def test_two_digit_year_dates_only_in_titles():
    assert find_dates("Sammanfattning 24-10-21") == []
    assert resolve(find_dates("Sammanfattning 24-10-21", short_iso=True)[0], None) == "2024-10-21"


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Tid: klockan 09.00–12.00", "09:00", "12:00"),
        ("den 2 december 13:30 – 15 00", "13:30", "15:00"),
        ("kl. 9–11", "09:00", "11:00"),
        ("mellan 10 – 10", "10:00", None),  # a typo: keep the start, drop the impossible end
        ("2021-01-29, 14:00-15:30", "14:00", "15:30"),
        ("förklarade mötet öppnat klockan 19:38", "19:38", None),
        ("Mötet öppnas 13.25", "13:25", None),
        ("sidan 12 av 14", None, None),
    ],
)
def test_times(text, start, end):
    assert find_time_range(text) == (start, end)


def test_next_weekday_after_the_meeting():
    assert weekday_after(datetime.date(2020, 8, 20), 3) == datetime.date(2020, 8, 27)


def test_many_dates_are_found_in_linear_time():
    """A pasted calendar of dates: four times the text takes about four times as long."""
    import time

    def seconds(copies: int) -> float:
        text = "2024-01-15 och 14 december, 3/4 2023. " * copies
        started = time.perf_counter()
        assert len(find_dates(text)) == 3 * copies
        return time.perf_counter() - started

    small, large = min(seconds(1000) for _ in range(3)), min(seconds(4000) for _ in range(3))
    assert large < 8 * small
    assert large < 3.0


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nästa möte: Tisdag 22/10 08:15-09:15.", "2023-10-22"),
        ("Träffas igen 3/12 13.00 i stora salen", "2023-12-03"),
        ("Date: 20231124", "2023-11-24"),
    ],
)
def test_day_and_month_before_a_clock_time(text, expected):
    found = find_dates(text, short_iso=text.startswith("Date"))
    assert resolve(found[0], datetime.date(2023, 1, 1)) == expected
