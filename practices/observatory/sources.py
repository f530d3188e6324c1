"""What other apps turn into practice sheets, which the observatory counts.

The observatory knows sheets, not where they come from. An app that turns its
own content into sheets (the peer-exchange spaces turn topics into sheets)
declares it in its `observatory` module, found when the site starts: it calls
`register()` with a `Source`, and asks `measurements.figures_changed()` when
its count changes.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


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


registered = {}


def register(source):
    registered[source.key] = source


def sources():
    return list(registered.values())


def discover():
    """Import every installed app's `observatory` module, where sources register."""
    autodiscover_modules("observatory")
