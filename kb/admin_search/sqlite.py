"""django-modelsearch's SQLite backend with the quotes of the words doubled.

It writes each word between double quotes into an FTS5 query without doubling
the quotes inside it, so a word with a `"` ends the string early and SQLite
refuses the query (« unterminated string »). FTS5 reads a doubled quote inside a
string as the character itself: the word is searched as typed.
"""

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText


def fts5_string(text):
    return text.replace('"', '""')


class QuotesEscaped:
    """Query compilers' mixin: the words and phrases reach FTS5 with their quotes doubled."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                fts5_string(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(fts5_string(query.query_string))
        return super().build_search_query_content(query, config=config)


class SearchQueryCompiler(QuotesEscaped, SQLiteSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(QuotesEscaped, SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
