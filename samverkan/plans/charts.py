"""Indicator values over time against the target, as numbers an SVG template draws."""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 480, 200, 48, 28, 16, 32


@dataclass
class Chart:
    points: list[tuple[float, float, str, str]]  # x, y, period label, value label
    polyline: str
    target_y: float | None
    ticks: list[tuple[float, str]]  # y, label
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    bottom: int = HEIGHT - PAD_BOTTOM
    label_x: int = PAD_LEFT - 6
    period_y: int = HEIGHT - PAD_BOTTOM + 18

    @property
    def target_label_y(self) -> float | None:
        return None if self.target_y is None else self.target_y - 4


def line_chart(indicator) -> Chart | None:
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
    return Chart(points, " ".join(f"{px},{py}" for px, py, _, _ in points), target, ticks)


def _number(value) -> str:
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
