"""The map's shapes, and how each région or département is shaded, labelled and linked.

The shapes come from the official boundaries (IGN Admin Express COG, Licence
Ouverte), projected and simplified once by `data/build_shapes.mjs` into
`data/territory_shapes.json`: the site draws them as inline SVG, with no
script and no tile server.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from kb.models import Department, Region

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "territory_shapes.json"
SHAPES_SOURCE_URL = "https://github.com/gregoiredavid/france-geojson"
# Blue-France shades of the DSFR, lightest to darkest; text drawn on each keeps a 4.5:1 contrast.
SHADES = [
    ("#f6f6f6", "#161616"),
    ("#e3e3fd", "#161616"),
    ("#cacafb", "#161616"),
    ("#8585f6", "#161616"),
    ("#000091", "#ffffff"),
]


@cache
def shapes():
    return json.loads(SHAPES_FILE.read_text(encoding="utf-8"))


@dataclass
class Area:
    code: str
    name: str
    count: int
    url: str
    path: str
    label_x: float
    label_y: float
    shade: int = 0
    region_name: str = ""

    @property
    def fill(self):
        return SHADES[self.shade][0]

    @property
    def text_colour(self):
        return SHADES[self.shade][1]


@dataclass
class LegendClass:
    shade: int
    low: int
    high: int

    @property
    def fill(self):
        return SHADES[self.shade][0]

    @property
    def label(self):
        if self.high == 0:
            return _("aucun")
        if self.low == self.high:
            return str(self.low)
        return _("%(low)s à %(high)s") % {"low": self.low, "high": self.high}


def classes(maximum):
    """Zero, then up to four classes of equal width up to `maximum`."""
    legend = [LegendClass(0, 0, 0)]
    if maximum <= 0:
        return legend
    width = math.ceil(maximum / 4)
    low = 1
    for shade in range(1, 5):
        high = min(maximum, shade * width)
        if low <= high:
            legend.append(LegendClass(shade, low, high))
        low = high + 1
    return legend


def shade_of(count, legend):
    for item in legend:
        if item.low <= count <= item.high:
            return item.shade
    return 0


def areas(level, counts, url_for):
    """Every région or département, overseas included, with its count, shade and link."""
    drawn = shapes()["regions" if level == "region" else "departments"]
    if level == "region":
        territories = [(region, "") for region in Region.objects.all()]
    else:
        territories = [
            (department, department.region.display_name)
            for department in Department.objects.select_related("region")
        ]
    result = []
    for territory, region_name in territories:
        shape = drawn.get(territory.code)
        if shape is None:
            continue
        count = counts.get(territory.code, 0)
        result.append(
            Area(
                code=territory.code,
                name=territory.display_name,
                count=count,
                url=url_for(level, territory.code),
                path=shape["path"],
                label_x=shape["label"][0],
                label_y=shape["label"][1],
                region_name=region_name,
            )
        )
    legend = classes(max((area.count for area in result), default=0))
    for area in result:
        area.shade = shade_of(area.count, legend)
    return result, legend


def map_frame():
    data = shapes()
    return {"view_box": data["viewBox"], "insets": data["insets"], "source": data["source"]}
