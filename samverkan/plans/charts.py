"""Indicator values over time against baseline and target, as numbers an SVG template draws."""

import datetime
import math
from dataclasses import dataclass, field

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 480, 220, 64, 44, 20, 40
MAX_PERIOD_LABELS = 6  # more would run into each other on a phone
MAX_DOTS = 36  # three years of months; beyond, the dots merge into the line


@dataclass
class Chart:
    points: list[tuple[float, float, str, str]]  # x, y, period label ("" when left out), value
    polyline: str
    target_y: float | None
    baseline_y: float | None
    ticks: list[tuple[float, str]]  # y, label
    marks: list[tuple[float, str]] = field(default_factory=list)  # x, date of a linked decision
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    bottom: int = HEIGHT - PAD_BOTTOM
    label_x: int = PAD_LEFT - 8
    period_y: int = HEIGHT - PAD_BOTTOM + 24

    @property
    def dots(self) -> list[tuple[float, float]]:
        """A dot on each value while they stand apart; a longer series is drawn as its line."""
        return [(x, y) for x, y, _, _ in self.points] if len(self.points) <= MAX_DOTS else []

    @property
    def period_labels(self) -> list[tuple[float, str]]:
        return [(x, period) for x, _, period, _ in self.points if period]

    @property
    def target_label_y(self) -> float | None:
        return None if self.target_y is None else self.target_y - 6

    @property
    def baseline_label_y(self) -> float | None:
        return None if self.baseline_y is None else self.baseline_y + 18  # below the line


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round axis values (steps of 1, 2 or 5 times a power of ten) that cover low…high."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    n = round((last - first) / step)
    return [round(first + k * step, 10) for k in range(n + 1)]


def line_chart(indicator, marks: list[datetime.date] = ()) -> Chart | None:
    """`marks`: dates of decisions behind the indicator, drawn where they fall between values."""
    values = list(indicator.values.all())
    if not values:
        return None
    numbers = [float(v.value) for v in values]
    levels = [float(x) for x in (indicator.target, indicator.baseline) if x is not None]
    ticks = nice_ticks(min([0.0, *numbers, *levels]), max([*numbers, *levels]))
    low, high = ticks[0], ticks[-1]
    span_x = WIDTH - PAD_LEFT - PAD_RIGHT
    span_y = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y(value: float) -> float:
        return round(PAD_TOP + span_y * (1 - (value - low) / (high - low)), 1)

    step = span_x / max(len(values) - 1, 1)
    every = math.ceil(len(values) / MAX_PERIOD_LABELS)
    labelled = set(range(len(values) - 1, -1, -every))  # counted from the latest period
    points = [
        (
            round(PAD_LEFT + i * step if len(values) > 1 else PAD_LEFT + span_x / 2, 1),
            y(float(v.value)),
            v.period.strftime("%Y-%m") if i in labelled else "",
            _number(v.value),
        )
        for i, v in enumerate(values)
    ]
    xs = [(v.period, px) for v, (px, *_rest) in zip(values, points, strict=True)]
    return Chart(
        points,
        " ".join(f"{px},{py}" for px, py, _, _ in points),
        y(float(indicator.target)) if indicator.target is not None else None,
        y(float(indicator.baseline)) if indicator.baseline is not None else None,
        [(y(t), _number(t)) for t in ticks],
        marks=[(x, d.strftime("%Y-%m-%d")) for d in sorted(marks) if (x := _x_of(d, xs))],
    )


def _x_of(day: datetime.date, xs: list[tuple[datetime.date, float]]) -> float | None:
    """Where a date falls on the time axis of the values, between the two periods around it."""
    if len(xs) < 2 or not xs[0][0] <= day <= xs[-1][0]:
        return None
    for (d0, x0), (d1, x1) in zip(xs, xs[1:], strict=False):
        if d0 <= day <= d1:
            share = (day - d0).days / max((d1 - d0).days, 1)
            return round(x0 + (x1 - x0) * share, 1)
    return None


def _number(value) -> str:
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    whole, _, decimals = text.partition(".")
    sign = "−" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}".replace(",", "\u00a0")
    return sign + whole + ("," + decimals if decimals else "")
