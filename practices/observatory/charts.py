"""The dashboard's bar charts: one bar per row, its length a share of the longest.

Each chart sits beside the table of its figures, which is its text alternative:
the chart only draws what the table says. Labels are text of the page, so they
wrap at any width instead of being cut, and each bar is a tiny SVG that
stretches with its row (no inline style, which the Content-Security-Policy forbids).
"""

from dataclasses import dataclass


@dataclass
class Bar:
    label: str
    value: float
    text: str
    # The bar's length, in percent of the longest bar's.
    length: float


@dataclass
class BarChart:
    bars: list[Bar]


def bar_chart(rows):
    """Horizontal bars for (label, value, text) rows; values of None draw no bar."""
    values = [value for _label, value, _text in rows if value is not None]
    maximum = max(values, default=0) or 1
    bars = [
        Bar(
            label=str(label),
            value=value or 0,
            text=text,
            length=round(100 * max(value or 0, 0) / maximum, 1),
        )
        for label, value, text in rows
    ]
    return BarChart(bars=bars)
