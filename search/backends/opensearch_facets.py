"""Filters and facet counts of the engine's requests, built with the DSL.

Facets use `post_filter` and filtered aggregations, so the counts of a facet
ignore its own selection (choosing a theme still shows how many results the
other themes would give) but follow every other one.
"""

from elasticsearch.dsl import A, Q

from search.filter_expressions import AllOf, AnyOf, Not, Terms, combined
from search.query import FILTERS


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
