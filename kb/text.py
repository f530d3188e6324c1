"""Plain text out of what editors and members write: rich text, StreamField data, HTML."""

import re
from html import unescape

# Keys of StreamField data that are settings, not words a reader would search.
BLOCK_SETTINGS = {"id", "type", "level"}
HTML_TAG = re.compile(r"<[^>]+>")


def flatten(value):
    """Plain text of a field value: rich text, StreamField data, or a plain string."""
    # Strings first: they are most of the calls, the leaves of every block.
    if isinstance(value, str):
        if "<" not in value and "&" not in value:
            return value
        # Tags become spaces so that "<p>a</p><p>b</p>" reads "a b", not "ab".
        return " ".join(unescape(HTML_TAG.sub(" ", value)).split())
    if value is None:
        return ""
    if isinstance(value, dict):
        return " ".join([flatten(item) for key, item in value.items() if key not in BLOCK_SETTINGS])
    if isinstance(value, list | tuple):
        return " ".join([flatten(item) for item in value])
    if hasattr(value, "raw_data"):
        return " ".join([flatten(item) for item in value.raw_data])
    return ""
