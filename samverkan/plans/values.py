"""Indicator values: a period's values from a form, or many from a CSV/XLSX file, all or nothing."""

import csv
import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from samverkan.plans.models import Indicator, Measurement, Plan

# "2024-03-01", "2024-03", "2024"
PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


class ValuesError(Exception):
    """Row by row what was wrong; nothing was saved."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def parse_number(text: str) -> Decimal:
    """ "12,5", "1 200", "84 %" → a Decimal; Swedish decimal comma and spaces allowed."""
    cleaned = str(text).replace("\u00a0", "").replace(" ", "").replace("%", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not value.is_finite():
        raise ValueError(text)
    return value


def parse_period(text) -> datetime.date:
    if isinstance(text, datetime.datetime | datetime.date):
        return datetime.date(text.year, text.month, text.day)
    m = PERIOD.match(str(text).strip())
    if not m:
        raise ValueError(text)
    return datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


@dataclass
class Row:
    line: int
    indicator: str
    period: object
    value: object


@dataclass(frozen=True)
class Replacement:
    """A period that has a value, and the other value a row gives it."""

    indicator: str
    period: datetime.date
    old: Decimal
    new: Decimal


class ReplaceNeeded(Exception):
    """Every row is right, and some would replace a value: the person confirms first.
    `token` carries the checked rows to the confirmation (signed, so it cannot be altered)."""

    def __init__(self, replacements: list[Replacement], token: str):
        super().__init__(f"{len(replacements)} values would be replaced")
        self.replacements = replacements
        self.token = token


TOKEN_SALT = "samverkan.plans.values"


def rows_from_token(token: str) -> list[Row]:
    """The rows a confirmation carries back; a token altered or older than a day is refused."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=86400)
    except signing.BadSignature as error:
        raise ValuesError([_("Bekräftelsen gick inte att läsa. Ladda upp filen igen.")]) from error
    return [Row(*row) for row in data]


@transaction.atomic
def save_values(plan: Plan, rows: list[Row], *, replace: bool = False) -> int:
    """Check every row first; save all of them or none. A row for a period that already has
    another value raises ReplaceNeeded unless `replace` says the person confirmed it."""
    indicators = {i.name.casefold(): i for i in Indicator.objects.filter(goal__plan=plan)}
    existing = {
        (m.indicator_id, m.period): m
        for m in Measurement.objects.filter(indicator__goal__plan=plan)
    }
    problems, seen, ready, changed, checked = [], set(), [], [], []
    for row in rows:
        indicator = indicators.get(str(row.indicator).strip().casefold())
        if indicator is None:
            problems.append(
                _("Rad %(n)d: okänd indikator ”%(name)s”.") % {"n": row.line, "name": row.indicator}
            )
            continue
        try:
            period = parse_period(row.period)
        except ValueError:
            problems.append(
                _("Rad %(n)d: ”%(p)s” är ingen period (skriv t.ex. 2024-03).")
                % {"n": row.line, "p": row.period}
            )
            continue
        try:
            value = parse_number(row.value)
        except ValueError:
            problems.append(_("Rad %(n)d: ”%(v)s” är inget tal.") % {"n": row.line, "v": row.value})
            continue
        key = (indicator.pk, period)
        if key in seen:
            problems.append(
                _("Rad %(n)d: %(name)s har redan ett värde för %(p)s längre upp.")
                % {"n": row.line, "name": indicator.name, "p": period.isoformat()}
            )
            continue
        seen.add(key)
        checked.append([row.line, indicator.name, period.isoformat(), str(value)])
        if key not in existing:
            ready.append(Measurement(indicator=indicator, period=period, value=value))
        elif existing[key].value != value:
            changed.append((existing[key], value))
    if problems:
        raise ValuesError(problems)
    if changed and not replace:
        token = signing.dumps(checked, salt=TOKEN_SALT)
        replacements = [Replacement(m.indicator.name, m.period, m.value, v) for m, v in changed]
        raise ReplaceNeeded(replacements, token)
    Measurement.objects.bulk_create(ready)
    for measurement, value in changed:
        measurement.value = value
        measurement.save(update_fields=["value"])
    return len(ready) + len(changed)


def rows_from_file(name: str, data: bytes) -> list[Row]:
    """Rows of a CSV (comma or semicolon) or XLSX file: indikator, period, värde."""
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(data)
    text = data.decode("utf-8-sig", errors="replace")
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text.strip() else csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = [Row(n, *(cells + ["", "", ""])[:3]) for n, cells in enumerate(reader, start=1) if cells]
    return _without_header(rows)


def _xlsx_rows(data: bytes) -> list[Row]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ValuesError([_("Filen kunde inte läsas som Excel (xlsx).")]) from error
    rows = [
        Row(n, *(list(cells) + [None, None, None])[:3])
        for n, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
        if any(c is not None for c in cells)
    ]
    return _without_header(rows)


def _without_header(rows: list[Row]) -> list[Row]:
    if rows and str(rows[0].indicator).strip().casefold() in {"indikator", "indicator"}:
        return rows[1:]
    return rows
