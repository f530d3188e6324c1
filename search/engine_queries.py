"""Bodies of the search, autocomplete and related-content requests, built with the DSL.

One search request answers a whole results page: hits, every facet and
highlights. Tolerance (typos, a missing word) and the "did you mean"
suggestion are costly on a big index: a fuzzy word expands to many terms in
every field, and a query that lets one word of three go matches most pages.
The first request asks for every word as typed, stemmed or not; a second,
tolerant one is made only when they find little. Facets use `post_filter` and filtered
aggregations, so the counts of a facet ignore its own selection (choosing a
theme still shows how many results the other themes would give) but follow
every other one. Language and visibility filter the query itself, so nothing a
visitor may not see is ever counted, suggested or highlighted.
"""

from elasticsearch.dsl import A, Q, Search

from search.analysis import FUNCTION_WORDS
from search.filters import AllOf, AnyOf, Not, Terms, combined
from search.query import FILTERS, MARK_END, MARK_START, normalise_query

# Stemmed fields, then unstemmed ones. Typos are tolerated in both ("amendment" is one
# letter from "amendement" but four from its stem "amend"); only the exact match of the
# unstemmed fields adds its boost, so an exact word always outranks a near miss.
STEMMED_FIELDS = ["title^4", "summary^2", "body", "tags.text^3"]
EXACT_FIELDS = ["title.exact^6", "summary.exact^3"]
# Documents holding the visitor's words side by side rank higher. Runs of words are asked
# as phrases of the exact fields, on the best matches only: fields of indexed word pairs
# and triples cost a third of the engine's indexing time (`bench/`).
SIDE_BY_SIDE_FIELDS = ["title.exact^3", "summary.exact^2"]
# A query of many words asks for its first runs only.
MAX_WORD_RUNS = 12
# When the words find little: up to two words, all are required; beyond, all but one.
WORDS_REQUIRED = "2<-1"
# No typo tolerance under five letters (acronyms: IME is not IEM), one typo up
# to seven, two beyond.
FUZZINESS = "AUTO:5,8"
# What being of a territory the visitor names adds to a page's score: less than the
# name found in its text.
PLACE_BOOST = 1.0
# Recent documents get up to a fifth more score; an old evaluated practice
# still beats a recent weak match.
RECENCY = {"origin": "now", "scale": "730d", "offset": "90d", "decay": 0.5}
RECENCY_WEIGHT = 0.2
# How many of the best matches get the finer scoring of `rescores`.
RESCORE_WINDOW = 100
# Folded, unstemmed words: what "did you mean" corrects towards.
SUGGESTION_FIELDS = {
    "title_suggestion": "title.exact",
    "summary_suggestion": "summary.exact",
}
TEXT_FIELDS = ["title", "summary", "body", "tags.text"]
BODY_FRAGMENT_SIZE = 220


def to_q(expression):
    """The DSL query of a filter expression from `search.query`."""
    if isinstance(expression, Terms):
        return Q("terms", **{expression.field: list(expression.values)})
    if isinstance(expression, AllOf):
        return Q("bool", filter=[to_q(part) for part in expression.parts])
    if isinstance(expression, AnyOf):
        return Q("bool", should=[to_q(part) for part in expression.parts], minimum_should_match=1)
    if isinstance(expression, Not):
        return Q("bool", must_not=[to_q(expression.part)])
    raise TypeError(f"Unknown filter expression {expression!r}")


def words_found(text, tolerant):
    """Every word found in some field (exactly or stemmed); if `tolerant`, words found with
    typos too, and of three words or more one may be missing, so that "répit jeunes
    adultes" still finds the pages on temporary care for young adults.
    """
    as_typed = Q(
        "multi_match",
        query=text,
        type="cross_fields",
        fields=STEMMED_FIELDS,
        minimum_should_match=WORDS_REQUIRED if tolerant else "100%",
    )
    if not tolerant:
        return as_typed
    return Q(
        "bool",
        should=[
            as_typed,
            Q(
                "multi_match",
                query=text,
                type="best_fields",
                fields=STEMMED_FIELDS + EXACT_FIELDS,
                minimum_should_match=WORDS_REQUIRED,
                fuzziness=FUZZINESS,
                prefix_length=1,
                max_expansions=20,
            ),
        ],
        minimum_should_match=1,
    )


def place_found(place, tolerant):
    """A territory named in the words: the name is in the text, or the territory is the page's."""
    return Q(
        "bool",
        should=[
            words_found(place.name, tolerant),
            Q("constant_score", filter=to_q(place.pages), boost=PLACE_BOOST),
        ],
        minimum_should_match=1,
    )


def text_query(request, territories, tolerant):
    """Every word found, territory names also by the pages of their territory."""
    other_words, places = request.places(territories)
    found = [place_found(place, tolerant) for place in places]
    if other_words:
        found.append(words_found(other_words, tolerant))
    return Q("bool", must=found)


def words_side_by_side(text, language):
    """One phrase query per run of two or three neighbouring words that starts and ends
    with a word that carries meaning: "répit jeunes adultes" rewards "jeunes adultes" in a
    title even when "répit" stands elsewhere, "évaluation du dispositif" rewards the three
    words together, but "du dispositif" alone says nothing."""
    words = text.split()
    function_words = set(FUNCTION_WORDS[language].split())
    runs = [
        words[start : start + size] for size in (2, 3) for start in range(len(words) - size + 1)
    ]
    return [
        Q("multi_match", query=" ".join(run), type="phrase", fields=SIDE_BY_SIDE_FIELDS)
        for run in runs
        if not {normalise_query(run[0]), normalise_query(run[-1])} & function_words
    ][:MAX_WORD_RUNS]


def rescores(request):
    """Exact words, words side by side, then the editorial boost and freshness, applied to
    the best matches only.

    Scored on every match of a big index they took a quarter of the time, and they reorder
    the head of the results, not its tail. Every factor is at least 1, so a match lifted
    by them never falls below one left outside the window.
    """
    window = max(RESCORE_WINDOW, request.offset + request.page_size)
    closeness = Q(
        "bool",
        should=[
            Q("multi_match", query=request.text, type="best_fields", fields=EXACT_FIELDS),
            *words_side_by_side(request.text, request.language),
        ],
    )
    freshness = Q(
        "function_score",
        query=Q("match_all"),
        functions=[{"weight": 1}, {"gauss": {"published_at": RECENCY}, "weight": RECENCY_WEIGHT}],
        score_mode="sum",
        boost_mode="replace",
    )
    weight = Q(
        "function_score",
        query=freshness,
        functions=[{"field_value_factor": {"field": "rank_boost", "missing": 1}}],
        boost_mode="multiply",
    )
    return [
        {
            "window_size": window,
            "query": {"rescore_query": closeness.to_dict(), "score_mode": "total"},
        },
        {
            "window_size": window,
            "query": {"rescore_query": weight.to_dict(), "score_mode": "multiply"},
        },
    ]


# Buckets of the shared facet aggregation: every value of every facet a site has, so that
# no facet loses its biggest values to another's.
SHARED_FACET_BUCKETS = 5000
FACET_SEPARATOR = "="


def facet_entries(document):
    """The "facet=value" entries of a document, for the shared facet aggregation."""
    entries = []
    for name, spec in FILTERS.items():
        stored = document.get(spec.field)
        stored = stored if isinstance(stored, list) else [stored]
        values = spec.values_in(str(value) for value in stored if value not in (None, ""))
        entries += [f"{name}{FACET_SEPARATOR}{value}" for value in values]
    return entries


def facet_values_aggregation(spec):
    """Counts of one facet's values; a filter sharing its field counts only its own kind."""
    if spec.kind:
        return A("terms", field=spec.field, size=spec.size, include=f"{spec.prefix}.*")
    return A("terms", field=spec.field, size=spec.size)


def add_facets(search, expressions):
    """The counts of every facet, each ignoring its own choice but following the others.

    The facets the visitor has not chosen from all count under the same filter (every
    choice), in one aggregation over the `facets` field; each chosen facet counts apart,
    under the filter of the other choices.
    """
    shared = search.aggs
    if expressions:
        shared = search.aggs.bucket("among_choices", "filter", filter=to_q(combined(expressions)))
    shared.bucket("facets", "terms", field="facets", size=SHARED_FACET_BUCKETS)
    for name in FILTERS:
        if name not in expressions:
            continue
        others = combined(expressions, leave_out=name)
        parent = search.aggs
        if others is not None:
            parent = search.aggs.bucket(f"among_others_{name}", "filter", filter=to_q(others))
        parent.bucket(name, facet_values_aggregation(FILTERS[name]))
    return search


def facet_counts(aggregations):
    """{facet name: {value a visitor chooses: count}} from the aggregations of `add_facets`."""
    counts = {name: {} for name in FILTERS}
    for bucket in aggregations.get("among_choices", aggregations)["facets"]["buckets"]:
        name, _separator, value = bucket["key"].partition(FACET_SEPARATOR)
        if name in counts:
            counts[name][value] = bucket["doc_count"]
    for name, spec in FILTERS.items():
        chosen = aggregations.get(f"among_others_{name}", aggregations).get(name)
        if chosen is not None:
            counts[name] = {
                spec.chosen(str(bucket["key"])): bucket["doc_count"] for bucket in chosen["buckets"]
            }
    return counts


def add_highlight(search):
    return (
        search.highlight_options(pre_tags=[MARK_START], post_tags=[MARK_END])
        .highlight("title", number_of_fragments=0)
        .highlight("summary", number_of_fragments=0)
        .highlight("body", fragment_size=BODY_FRAGMENT_SIZE, number_of_fragments=1)
    )


def add_suggestions(search, request):
    """Corrected phrases from titles and from bodies, kept only if they find visible documents."""
    collate = {
        "bool": {
            "must": {
                "multi_match": {
                    "query": "{{suggestion}}",
                    "type": "cross_fields",
                    "fields": TEXT_FIELDS,
                    "operator": "and",
                }
            },
            "filter": to_q(request.base_filter()).to_dict(),
        }
    }
    for name, field in SUGGESTION_FIELDS.items():
        search = search.suggest(
            name,
            request.text,
            phrase={
                "field": field,
                "size": 1,
                "max_errors": 2,
                "direct_generator": [
                    {"field": field, "suggest_mode": "always", "min_word_length": 4}
                ],
                "collate": {"query": {"source": collate}, "prune": False},
            },
        )
    return search


def search_body(request, territories, tolerant=False):
    """The body of one results page for `request`; `tolerant` of typos when asked."""
    expressions = request.filter_expressions()
    search = Search().extra(track_total_hits=True)
    if request.text:
        search = search.query(text_query(request, territories, tolerant))
        if not request.ranked_by_date:
            search = search.extra(rescore=rescores(request))
    search = search.filter(to_q(request.base_filter()))
    chosen = combined(expressions)
    if chosen is not None:
        search = search.post_filter(to_q(chosen))
    search = add_facets(search, expressions)
    if request.ranked_by_date:
        search = search.sort({"published_at": {"order": "desc", "missing": "_last"}}, "_score")
    if request.text:
        search = add_highlight(search)
    search = search.source(excludes=["body"])
    return search[request.offset : request.offset + request.page_size]


def ranked_keys_body(request, territories, limit, tolerant=False):
    """The ids only of the best `limit` matches of the words, ranked as on the search page."""
    search = Search().query(text_query(request, territories, tolerant))
    search = search.filter(to_q(request.base_filter())).extra(rescore=rescores(request))
    return search.source(False)[:limit]


def suggestions_body(request):
    """Corrections of the words: asked apart, only when they find little ("did you mean")."""
    return add_suggestions(Search(), request)[:0]


def documents_body(request, keys):
    """The documents `keys` among those `request` may see (editors' picks)."""
    search = Search().filter(to_q(request.base_filter())).filter("ids", values=list(keys))
    return search.source(excludes=["body"])[: len(keys)]


def autocomplete_body(request, limit):
    """Titles starting with the visitor's words, and the tags of documents that match."""
    tag_match = Q("match", **{"tags.autocomplete": {"query": request.text, "operator": "and"}})
    title_match = Q("match", **{"title.autocomplete": {"query": request.text, "operator": "and"}})
    search = Search().filter(to_q(request.base_filter())).query(title_match)
    search.aggs.bucket("tags", A("filter", filter=tag_match)).bucket(
        "values", A("terms", field="tags", size=50)
    )
    return search.source(["title", "url", "doc_type"])[:limit]


def related_body(request, alias, key, limit):
    """Documents like `key` — words of the title, body and tags, shared themes."""
    like = Q(
        "more_like_this",
        fields=["title", "body", "tags.text", "themes"],
        like=[{"_index": alias, "_id": key}],
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=25,
        minimum_should_match="20%",
    )
    search = Search().filter(to_q(request.base_filter())).exclude("ids", values=[key])
    return search.query(like).source(["title", "url", "doc_type"])[:limit]
