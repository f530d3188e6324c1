"""How the open data files write a page's values: lists joined, rich text plain, moments in UTC.

The page models' `open_data_columns` use these; `practices.open_data` writes the files.
"""

import datetime

from wagtail.rich_text import get_text_for_indexing

LIST_SEPARATOR = ";"


def joined(values):
    return LIST_SEPARATOR.join(sorted(set(values)))


def plain_text(html):
    """Rich text as one paragraph of plain text, tags dropped and blanks collapsed."""
    return " ".join(get_text_for_indexing(html or "").split())


def utc_timestamp(moment):
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def region_codes(page):
    regions = {region.code for region in page.regions.all()}
    return joined(regions | {department.region.code for department in page.departments.all()})
