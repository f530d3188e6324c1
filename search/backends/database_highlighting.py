"""Words of the query marked in the database backend's results.

The index holds terms, not the text: the text of each result is analysed again
(`search.terms`) and the words whose term the query asked for are marked, with
the same private-use marks as the engine's highlighter (`search.query`).
"""

import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate

from search.query import MARK_END, MARK_START
from search.terms import tokens

FRAGMENT_WORDS = 30
# Words shown before the first marked one of a passage.
LEAD_WORDS = 6


def marked_spans(text, terms, language):
    """(start, end) of the words of `text` whose term is one of `terms`, merged where they
    overlap (a compound and its parts)."""
    spans = sorted(
        (token.start, token.end) for token in tokens(text, language) if token.term in terms
    )
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def with_marks(text, spans):
    pieces, position = [], 0
    for start, end in spans:
        pieces += [text[position:start], MARK_START, text[start:end], MARK_END]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def marked(text, terms, language):
    """`text` with the query's words marked."""
    text = unicodedata.normalize("NFC", text or "")
    return with_marks(text, marked_spans(text, terms, language))


def fragment(text, terms, language, size=FRAGMENT_WORDS):
    """The passage of `size` words of `text` holding most of the query's words, marked."""
    text = unicodedata.normalize("NFC", text or "")
    spans = marked_spans(text, terms, language)
    if not spans:
        return ""
    words = text.split(" ")
    starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=0))
    marked_words = [bisect_right(starts, start) - 1 for start, _end in spans]
    # A passage begins a few words before a marked one; the one holding most marks wins.
    first = max(
        (max(0, index - LEAD_WORDS) for index in marked_words),
        key=lambda begin: (
            bisect_left(marked_words, begin + size) - bisect_left(marked_words, begin)
        ),
    )
    last = min(first + size, len(words))
    begin, end = starts[first], starts[last - 1] + len(words[last - 1])
    inside = [
        (start - begin, stop - begin) for start, stop in spans if begin <= start and stop <= end
    ]
    passage = with_marks(text[begin:end], inside)
    return ("…" if first > 0 else "") + passage + ("…" if last < len(words) else "")
