"""Accessible horizontal bar charts, server-rendered (no script, no external library).

Each bar is one list item: its label and value are HTML text in the page's own font size, so they
stay legible however narrow the screen (an SVG drawn at 640 units and scaled to a 320 px phone
shrank 13-unit labels to about 5 px), and the bar is a small SVG whose rectangle is a percentage
of the row. The geometry is written here as machine-formatted strings: a number printed by the
template would be put in the reader's locale ("360,0" in Vietnamese and Khmer), which SVG does not
read, and no bar would be drawn.
"""

from dataclasses import dataclass

BAR_HEIGHT = 22


@dataclass
class Bar:
    label: str
    value: float
    #: The bar's length as a percentage of the longest, formatted for SVG ("56.3").
    percent: str


def svg_number(value):
    """``value`` as SVG and CSS read numbers: a dot, no grouping, whatever the active language."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def bar_chart(rows, *, limit=15):
    """Bars for ``rows`` of ``(label, value)``; the template draws them beside a data table."""
    rows = list(rows)[:limit]
    top = max((value for _label, value in rows), default=0) or 1
    bars = [
        Bar(
            label=str(label),
            value=value,
            percent=svg_number(max(0.5, 100 * value / top) if value else 0),
        )
        for label, value in rows
    ]
    return {"bars": bars, "bar_height": str(BAR_HEIGHT)}
