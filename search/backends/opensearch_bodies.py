"""Bodies of the search, autocomplete and related-content requests, built with the DSL.

One request answers a whole results page: hits, every facet, highlights, the
editors' picks and the "did you mean" suggestion. Its query asks for the
concepts of the words (`search.backends.opensearch_concepts`), each found as typed —
stemmed, through the thesaurus's synonyms, joined, or through the
classifications it names — or, with less weight, with a typo or cut short; of
many concepts some may be missing. The best matches are
then scored again (`rescores`): exact words and words side by side first, then
the editorial boost and freshness, and the documents that hold every concept as
typed come before those found by tolerance. Named clauses tell which concepts a
result holds as typed, and so whether the results were found by tolerance
(`search.backends.opensearch`).

Facets are counted by `search.backends.opensearch_facets`. Language and visibility filter the
query itself, so nothing a visitor may not see is ever counted, suggested or
highlighted.
"""

from elasticsearch.dsl import A, Q, Search

from search.analysis import FUNCTION_WORDS
from search.backends.opensearch_concepts import CUT_LENGTH, QUOTED, TYPO_LENGTH, plan_query
from search.backends.opensearch_facets import add_facets, to_q
from search.filter_expressions import combined
from search.query import MARK_END, MARK_START, normalise_query

# Where a concept is found as typed, stemmed or through its synonyms: the words may be
# spread over the fields (`cross_fields`). `labels` holds the names of the document's
# themes, audiences, establishment types and territories.
WORD_FIELDS = ["title^4", "summary^2", "body", "tags.text^3", "labels^2"]
# Where the thesaurus's other forms of a concept are looked for word by word: titles,
# summaries and tags. A form of several words is a conjunction of everyday words of the
# sector: on the bodies and labels of 100,000 documents, the dozen forms of a group took
# two thirds of a search's time (`bench/`).
SYNONYM_FIELDS = ["title^4", "summary^2", "tags.text^3"]
# Bodies hold the thesaurus's concepts they name as one term each (`search.analysis.
# concept_rules`): a concept of the query is found in them by a term or two.
CONCEPT_FIELD = "body.concepts"
# What being classified under a theme, audience or establishment type the query names
# through the thesaurus weighs (`search.backends.opensearch_concepts.Classifications`): as its name
# found in `labels`.
CLASSIFIED_BOOST = 12.0
# Where a typo is forgiven: unstemmed titles and summaries ("amendment" is one letter from
# "amendement" but four from its stem "amend"). Fuzzy words cost the most of a query: on
# bodies, whose terms are many, they took a third of its time at 100,000 pages, on labels,
# which every document has, a quarter (`bench/`). Elsewhere a typo of a word of the
# dictionary is found as that word (`search.backends.opensearch_concepts.Dictionary`); words of the
# dictionary are not looked for with a typo. The expansions are few, the first two
# letters right.
NEAR_FIELDS = ["title.exact^4", "summary.exact^2"]
NEAR_EXPANSIONS = 3
NEAR_PREFIX = 2
# Where a word cut short (« pédopsy ») is looked for: the first terms that begin it, in
# titles and summaries as written and in bodies as stemmed (a stem begins as its word).
CUT_FIELDS = {"title.exact": 4, "summary.exact": 2, "body": 1}
CUT_REWRITE = "top_terms_boost_3"
# A phrase in quotes: its words side by side in one field, stemmed, no synonym.
PHRASE_FIELDS = ["title^4", "summary^2", "body", "tags.text^3", "labels^2"]
EXACT_FIELDS = ["title.exact^6", "summary.exact^3"]
# Documents holding the visitor's words side by side rank higher. Runs of words are asked
# as phrases of the exact fields, on the best matches only: fields of indexed word pairs
# and triples cost a third of the engine's indexing time (`bench/`).
SIDE_BY_SIDE_FIELDS = ["title.exact^3", "summary.exact^2"]
# A query of many words asks for its first runs only.
MAX_WORD_RUNS = 12
# One typo (two letters swapped count as one), from five letters (`TYPO_LENGTH`: IME is
# not IEM). Two typos cost four times as much, on every long word of every search.
FUZZINESS = 1
# A word found with a typo, or begun, counts for less than found as typed.
NEAR_WEIGHT = 0.5
CUT_WEIGHT = 0.3
# A région or département named: being of that territory weighs much more than saying
# its name, which may be part of another's (« Loire » in « Haute-Loire ») or a word
# (« cher »). Among the best matches, its pages also weigh `PLACE_FACTOR` times more.
PLACE_BOOST = 8.0
PLACE_NAME_WEIGHT = 0.3
PLACE_FACTOR = 1.5
# How much more a document holding every concept as typed weighs, among the best
# matches, than one found by tolerance (a typo, a word cut short, a missing word).
STRICT_FACTOR = 3.0
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
# Words shorter than this are never corrected: short words are too close to each other.
SUGGESTED_LENGTH = 4
TEXT_FIELDS = ["title", "summary", "body", "tags.text", "labels"]
HIGHLIGHTED_FIELDS = ["title", "summary", "body"]
BODY_FRAGMENT_SIZE = 220
# Names of the clauses a result matched (`matched_queries`).
STRICT, NEAR = "strict", "near"


def clause_name(kind, index, part=0):
    """The name of one clause finding concept `index`: the engine keeps one clause per
    name, so each has its own `part`."""
    return f"{kind}:{index}:{part}"


def concepts_matched(names, kind):
    """The indexes of the concepts that clauses named `names` found as `kind`."""
    found = set()
    for name in names:
        found_kind, _separator, rest = name.partition(":")
        if found_kind == kind:
            found.add(int(rest.partition(":")[0]))
    return found


def found_as_typed(concept, index):
    """The concept's words as typed, stemmed, anywhere; its synonyms word by word in
    titles, summaries and tags, and as the concepts bodies name (`CONCEPT_FIELD`); its
    forms joined; the classifications it names; or its territory.

    The forms of several words that synonyms give are found word by word: the stop words
    between them would leave positions that no phrase meets. Words side by side in a
    title or a summary are rewarded by `rescores`."""
    boost = PLACE_NAME_WEIGHT if concept.place is not None else 1.0
    found = [words_found(concept.text, boost, clause_name(STRICT, index))]
    if concept.synonyms:
        found.append(
            words_found(
                concept.text,
                boost,
                clause_name(STRICT, index, 1),
                fields=SYNONYM_FIELDS,
                analyzer="kb_search",
            )
        )
        concepts = {"query": concept.text, "boost": boost, "_name": clause_name(STRICT, index, 2)}
        found.append(Q("match", **{CONCEPT_FIELD: concepts}))
    # A joined form may be the thesaurus's (« viatrajectoire »): its synonyms are asked.
    found += [
        words_found(text, boost, clause_name(STRICT, index, part), analyzer="kb_search")
        for part, text in enumerate(concept.joined, start=len(found))
    ]
    found += [
        Q(
            "constant_score",
            filter=to_q(terms),
            boost=CLASSIFIED_BOOST,
            _name=clause_name(STRICT, index, part),
        )
        for part, terms in enumerate(concept.classified, start=len(found))
    ]
    if concept.place is not None:
        name = clause_name(STRICT, index, len(found))
        territory = Q("constant_score", filter=to_q(concept.place), boost=PLACE_BOOST, _name=name)
        # Named and of its territory, a page adds both.
        return Q("bool", should=[*found, territory], minimum_should_match=1)
    return found[0] if len(found) == 1 else Q("dis_max", queries=found)


def words_found(text, boost, name, fields=WORD_FIELDS, analyzer="kb_words"):
    """Every word of `text`, spread over `fields`; with synonyms if `analyzer` says so."""
    return Q(
        "multi_match",
        query=text,
        type="cross_fields",
        fields=fields,
        operator="and",
        analyzer=analyzer,
        auto_generate_synonyms_phrase_query=False,
        boost=boost,
        _name=name,
    )


def found_nearly(concept, index):
    """The concept's words with a typo, as the dictionary's word it may be a typo of, or
    its one word cut short."""
    near = []
    if NEAR_FIELDS and max(map(len, concept.key)) >= TYPO_LENGTH:
        near.append(
            Q(
                "multi_match",
                query=concept.text,
                type="best_fields",
                fields=NEAR_FIELDS,
                operator="and",
                fuzziness=FUZZINESS,
                auto_generate_synonyms_phrase_query=False,
                prefix_length=NEAR_PREFIX,
                max_expansions=NEAR_EXPANSIONS,
                boost=NEAR_WEIGHT,
                _name=clause_name(NEAR, index),
            )
        )
    if concept.corrected:
        name = clause_name(NEAR, index, len(CUT_FIELDS) + 1)
        near.append(words_found(concept.corrected, NEAR_WEIGHT, name))
    if len(concept.cut) >= CUT_LENGTH:
        near += [
            Q("prefix", **{field: cut_short(concept.cut, weight * CUT_WEIGHT, name)})
            for part, (field, weight) in enumerate(CUT_FIELDS.items(), start=1)
            for name in [clause_name(NEAR, index, part)]
        ]
    return near


def cut_short(word, boost, name):
    """A prefix query's options: the first terms that begin `word`, each scoring `boost`."""
    return {"value": word, "rewrite": CUT_REWRITE, "boost": boost, "_name": name}


def concept_found(concept, index, tolerant):
    as_typed = found_as_typed(concept, index)
    near = found_nearly(concept, index) if tolerant and concept.tolerant else []
    return Q("dis_max", queries=[as_typed, *near]) if near else as_typed


def phrase_found(phrase, index):
    return Q(
        "multi_match",
        query=phrase,
        type="phrase",
        fields=PHRASE_FIELDS,
        analyzer="kb_phrase",
        _name=clause_name("phrase", index),
    )


def tolerant_of(request):
    """Whether typos and words cut short may find documents: not when the visitor asked for
    the words exactly as typed."""
    return not request.exact


def plan_of(request, territories):
    return plan_query(request.text, request.language, territories, tolerant=tolerant_of(request))


def text_query(plan, tolerant=True):
    """Every phrase, and most of the concepts (`Plan.required`)."""
    phrases = [phrase_found(phrase, index) for index, phrase in enumerate(plan.phrases)]
    concepts = [
        concept_found(concept, index, tolerant) for index, concept in enumerate(plan.concepts)
    ]
    if not phrases and not concepts:
        return Q("match_none")
    if not concepts:
        return Q("bool", must=phrases)
    return Q("bool", must=phrases, should=concepts, minimum_should_match=plan.required)


def every_concept_as_typed(plan):
    """Documents holding every phrase, and every concept as typed."""
    return Q(
        "bool",
        filter=[
            *(phrase_found(phrase, index) for index, phrase in enumerate(plan.phrases)),
            *(found_as_typed(concept, index) for index, concept in enumerate(plan.concepts)),
        ],
    )


def unquoted(text):
    """`text` with its quotes taken off (phrases stay words side by side)."""
    return " ".join(QUOTED.sub(lambda match: f" {match.group(1)} ", text).split())


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


def rescores(request, plan):
    """Exact words and words side by side, then the editorial boost, freshness and holding
    every concept as typed, applied to the best matches only.

    Scored on every match of a big index they took a quarter of the time, and they reorder
    the head of the results, not its tail. Every factor is at least 1, so a match lifted
    by them never falls below one left outside the window.
    """
    window = max(RESCORE_WINDOW, request.offset + request.page_size)
    text = unquoted(request.text)
    # A place name counts by the pages of its territory: « Loire » in the title of a page of
    # the Haute-Loire is no exact match.
    for concept in plan.concepts:
        if concept.place is not None:
            text = text.replace(concept.text, " ", 1)
    closeness = Q(
        "bool",
        should=[
            Q("multi_match", query=text, type="best_fields", fields=EXACT_FIELDS),
            *words_side_by_side(text, request.language),
        ],
    )
    if not text.strip():
        closeness = Q("match_none")
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
        functions=[
            {"field_value_factor": {"field": "rank_boost", "missing": 1}},
            {"filter": every_concept_as_typed(plan), "weight": STRICT_FACTOR},
            *(
                {"filter": to_q(concept.place), "weight": PLACE_FACTOR}
                for concept in plan.concepts
                if concept.place is not None
            ),
        ],
        score_mode="multiply",
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


def highlight_query(plan):
    """What to mark in titles, summaries and bodies: each concept and phrase, field by
    field. The highlighter marks nothing of a `cross_fields` query whose words have
    synonyms of several words (« répit » and « répit des aidants »). Words found with a
    typo or cut short are found in the unstemmed fields, which are not shown."""
    marked = [
        Q(
            "multi_match",
            query=text,
            type="best_fields",
            fields=HIGHLIGHTED_FIELDS,
            auto_generate_synonyms_phrase_query=False,
        )
        for concept in plan.concepts
        for text in (concept.text, *concept.joined)
    ]
    marked += [
        Q(
            "multi_match",
            query=phrase,
            type="phrase",
            fields=HIGHLIGHTED_FIELDS,
            analyzer="kb_phrase",
        )
        for phrase in plan.phrases
    ]
    return Q("bool", should=marked)


def add_highlight(search, plan):
    return (
        search.highlight_options(
            pre_tags=[MARK_START],
            post_tags=[MARK_END],
            highlight_query=highlight_query(plan).to_dict(),
        )
        .highlight("title", number_of_fragments=0)
        .highlight("summary", number_of_fragments=0)
        .highlight("body", fragment_size=BODY_FRAGMENT_SIZE, number_of_fragments=1)
    )


def add_suggestions(search, request):
    """Corrections of the words the titles and summaries do not hold, each kept only if it
    finds documents the visitor may see ("did you mean"). Words these fields hold are
    never corrected ("pair emulation" is no "pour education"), nor words of three letters;
    `search.backends.opensearch` sets aside those that change a word of the thesaurus or a
    word that a result holds."""
    collate = {
        "bool": {
            "must": {
                "multi_match": {
                    "query": "{{suggestion}}",
                    "type": "cross_fields",
                    "fields": TEXT_FIELDS,
                    "operator": "and",
                    "auto_generate_synonyms_phrase_query": False,
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
                    {
                        "field": field,
                        "suggest_mode": "missing",
                        "min_word_length": SUGGESTED_LENGTH,
                    }
                ],
                "collate": {"query": {"source": collate}, "prune": False},
            },
        )
    return search


PROMOTED = "promoted"
# The engine's bound on the hits of an aggregation (`index.max_inner_result_window`).
MAX_PROMOTED = 100


def add_promoted(search, request, keys):
    """The editors' picks `keys` among the documents `request` may see, whatever the words
    find: a global aggregation, so that they come with the results in the same request."""
    picks = Q("bool", filter=[to_q(request.base_filter()), Q("ids", values=list(keys))])
    search.aggs.bucket(PROMOTED, "global").bucket("picks", "filter", filter=picks).metric(
        "documents", "top_hits", size=min(len(keys), MAX_PROMOTED), _source={"excludes": ["body"]}
    )
    return search


def search_body(request, plan, promoted=()):
    """The body of one results page for `request` and the `plan` of its words: hits,
    facets, highlights, "did you mean" and the editors' picks `promoted`."""
    expressions = request.filter_expressions()
    search = Search().extra(track_total_hits=True)
    if request.text:
        search = search.query(text_query(plan, tolerant_of(request)))
        if not request.ranked_by_date:
            search = search.extra(rescore=rescores(request, plan))
    search = search.filter(to_q(request.base_filter()))
    chosen = combined(expressions)
    if chosen is not None:
        search = search.post_filter(to_q(chosen))
    search = add_facets(search, expressions)
    if request.ranked_by_date:
        search = search.sort({"published_at": {"order": "desc", "missing": "_last"}}, "_score")
    if request.text:
        search = add_suggestions(add_highlight(search, plan), request)
    if promoted:
        search = add_promoted(search, request, promoted)
    search = search.source(excludes=["body"])
    return search[request.offset : request.offset + request.page_size]


def ranked_keys_body(request, plan, limit):
    """The ids only of the best `limit` matches of the words, ranked as on the search page."""
    search = Search().query(text_query(plan, tolerant_of(request)))
    search = search.filter(to_q(request.base_filter())).extra(rescore=rescores(request, plan))
    return search.source(False)[:limit]


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
