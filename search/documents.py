"""The flat search document: one dict per published item, the same for every backend."""

import functools
import hashlib
import json

from elasticsearch.dsl import Date, Document, Float, Integer, Keyword, Text

from search.analysis import LANGUAGE_FILTERS, index_settings

SEARCHABLE_TEXT = {
    "analyzer": "kb_text",
    "search_analyzer": "kb_search",
}


def text_field(autocomplete=False):
    """A title or a summary: stemmed words, and unstemmed ones (`exact`) that rank exact
    words and words side by side first."""
    subfields = {"exact": Text(analyzer="kb_exact")}
    if autocomplete:
        subfields["autocomplete"] = Text(
            analyzer="kb_autocomplete_index", search_analyzer="kb_autocomplete_search"
        )
    return Text(term_vector="with_positions_offsets", fields=subfields, **SEARCHABLE_TEXT)


def long_text_field():
    """A body: stemmed words only, and the thesaurus's concepts it names (`concepts`,
    `search.analysis.concept_rules`). Its unstemmed copy and its term vectors took most of
    the engine's indexing time (`bench/`): exact words and neighbouring words rank from
    titles and summaries, and the engine finds the passage to highlight when asked."""
    return Text(
        analyzer="kb_body",
        search_analyzer="kb_search",
        fields={"concepts": Text(analyzer="kb_concepts", search_analyzer="kb_concepts_search")},
    )


class ContentDocument(Document):
    """Mapping of the content index; the index name and analyzers are set per language."""

    doc_type = Keyword()
    title = text_field(autocomplete=True)
    summary = text_field()
    body = long_text_field()
    tags = Keyword(
        fields={
            "text": Text(**SEARCHABLE_TEXT),
            "autocomplete": Text(
                analyzer="kb_autocomplete_index", search_analyzer="kb_autocomplete_search"
            ),
        }
    )
    # The names, in the document's language, of the terms and territories that the
    # keyword fields below hold as slugs and codes: « Hérault », « MAS », « maison
    # d’accueil spécialisée ». Analysed like the titles, so that they can be searched.
    labels = Text(**SEARCHABLE_TEXT)
    themes = Keyword()
    audiences = Keyword()
    territories = Keyword()
    establishment_types = Keyword()
    status = Keyword()
    locale = Keyword()
    visibility = Keyword()
    year = Integer()
    published_at = Date()
    updated_at = Date()
    url = Keyword(index=False)
    rank_boost = Float()
    # Every facet value again as "facet=value" (`facet_entries`): the facets a visitor has
    # not chosen from are counted by one aggregation over this field, ten times faster than
    # one per field on a big result set (`bench/`).
    facets = Keyword()


def index_mapping():
    """The mapping of a new index, marked with the version of the analysis it is built with."""
    return {
        **ContentDocument._doc_type.mapping.to_dict(),
        "_meta": {"analysis": analysis_version()},
    }


@functools.cache
def analysis_version():
    """A digest of the mapping and of the analysis the code gives an index, thesaurus and
    territories aside: those change with the data, and their change rebuilds the index. An
    index built by another version of the code may not understand its queries
    (`search.indexing.ask_rebuild_if_outdated`)."""
    code = {
        "mapping": ContentDocument._doc_type.mapping.to_dict(),
        "settings": {language: index_settings(language, []) for language in LANGUAGE_FILTERS},
    }
    return hashlib.sha256(json.dumps(code, sort_keys=True).encode()).hexdigest()[:16]
