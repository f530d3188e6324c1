"""The geometry of the dashboard's bar charts, drawn as SVG by the server.

Each chart sits beside the table of its figures, which is its text alternative:
the SVG only draws what the table says.
"""

from dataclasses import dataclass

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 250
CHART_WIDTH = 640
VALUE_SPACE = 70


@dataclass
class Bar:
    label: str
    value: float
    text: str
    y: int
    width: float

    @property
    def label_x(self):
        return LABEL_WIDTH - 8

    @property
    def bar_x(self):
        return LABEL_WIDTH

    @property
    def text_x(self):
        return round(LABEL_WIDTH + self.width + 6, 1)

    @property
    def text_y(self):
        return self.y + 15


@dataclass
class BarChart:
    bars: list[Bar]
    height: int
    width: int = CHART_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(rows):
    """Horizontal bars for (label, value, text) rows; values of None draw no bar."""
    values = [value for _label, value, _text in rows if value is not None]
    maximum = max(values, default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE
    bars = [
        Bar(
            label=str(label),
            value=value or 0,
            text=text,
            y=index * (BAR_HEIGHT + BAR_GAP),
            width=round(room * (value or 0) / maximum, 1),
        )
        for index, (label, value, text) in enumerate(rows)
    ]
    return BarChart(bars=bars, height=max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT))
