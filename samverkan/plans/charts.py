"""Indicator values over time against the target, as numbers an SVG template draws."""

import datetime
from dataclasses import dataclass, field

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 480, 200, 48, 28, 16, 32


@dataclass
class Chart:
    points: list[tuple[float, float, str, str]]  # x, y, period label, value label
    polyline: str
    target_y: float | None
    ticks: list[tuple[float, str]]  # y, label
    marks: list[tuple[float, str]] = field(default_factory=list)  # x, date of a linked decision
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    bottom: int = HEIGHT - PAD_BOTTOM
    label_x: int = PAD_LEFT - 6
    period_y: int = HEIGHT - PAD_BOTTOM + 18

    @property
    def target_label_y(self) -> float | None:
        return None if self.target_y is None else self.target_y - 4


def line_chart(indicator, marks: list[datetime.date] = ()) -> Chart | None:
    """`marks`: dates of decisions behind the indicator, drawn where they fall between values."""
    values = list(indicator.values.all())
    if not values:
        return None
    numbers = [float(v.value) for v in values]
    if indicator.target is not None:
        numbers.append(float(indicator.target))
    low, high = min(0.0, min(numbers)), max(numbers)
    high = high if high > low else low + 1
    span_x = WIDTH - PAD_LEFT - PAD_RIGHT
    span_y = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y(value: float) -> float:
        return round(PAD_TOP + span_y * (1 - (value - low) / (high - low)), 1)

    step = span_x / max(len(values) - 1, 1)
    points = [
        (
            round(PAD_LEFT + i * step if len(values) > 1 else PAD_LEFT + span_x / 2, 1),
            y(float(v.value)),
            v.period.strftime("%Y-%m"),
            _number(v.value),
        )
        for i, v in enumerate(values)
    ]
    ticks = [(y(low + (high - low) * k / 4), _number(low + (high - low) * k / 4)) for k in range(5)]
    target = y(float(indicator.target)) if indicator.target is not None else None
    xs = [(v.period, px) for v, (px, *_rest) in zip(values, points, strict=True)]
    placed = [(x, d.strftime("%Y-%m-%d")) for d in sorted(marks) if (x := _x_of(d, xs))]
    line = " ".join(f"{px},{py}" for px, py, _, _ in points)
    return Chart(points, line, target, ticks, marks=placed)


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
    return text.replace(".", ",")
