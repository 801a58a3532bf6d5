"""Accessible horizontal bar charts as server-rendered SVG (no script, no external library)."""

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 220
CHART_WIDTH = 640


@dataclass
class Bar:
    label: str
    value: float
    y: int
    width: float
    text_y: int


def bar_chart(rows, *, limit=15):
    """Geometry for ``rows`` of ``(label, value)``; the template draws it and a data table."""
    rows = list(rows)[:limit]
    top = max((value for _label, value in rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    bars = [
        Bar(
            label=str(label),
            value=value,
            y=index * (BAR_HEIGHT + GAP),
            width=max(1.0, span * value / top) if value else 0,
            text_y=index * (BAR_HEIGHT + GAP) + BAR_HEIGHT - 6,
        )
        for index, (label, value) in enumerate(rows)
    ]
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(1, len(bars)) * (BAR_HEIGHT + GAP),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
