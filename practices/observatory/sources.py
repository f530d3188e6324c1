"""What other apps turn into practice sheets, which the observatory counts.

The observatory knows sheets, not where they come from. An app that turns its
own content into sheets (the peer-exchange spaces turn topics into sheets)
declares it in its `observatory_sources` module as `SOURCES`, a list of `Source`, read
through the app registry (`kb.discovery`), and asks
`measurements.figures_changed()` when its count changes.
"""

from collections.abc import Callable
from dataclasses import dataclass

from kb.discovery import app_modules


@dataclass(frozen=True)
class Source:
    """Items of an app that become practice sheets."""

    # Names the source's figures when they are kept (see `snapshots`).
    key: str
    # What the items are, as the capitalisation table names them.
    label: str
    # count(sheets): how many items became one of `sheets`, a queryset of practice sheets.
    count: Callable
    # What readers of the table should know about these figures.
    note: str = ""


def sources():
    """The sources every installed app declares, in INSTALLED_APPS order."""
    return [source for module in app_modules("observatory_sources") for source in module.SOURCES]
