"""Serializers that page models name in their `api_fields`, the read-only API's declarations.

A page model lists what the API shows of it, beyond id, type and title, in
`api_fields` (Wagtail's own declaration, read by `website.api`); an inline row
model (leads, milestones, indicators...) lists its own columns the same way and
the page names the relation with `Rows()`.
"""

from functools import cache

from rest_framework import serializers


def slugs():
    """Taxonomy terms by slug, the value the API's filters take."""
    return serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")


@cache
def row_serializer(model):
    meta = type("Meta", (), {"model": model, "fields": list(model.api_fields)})
    return type(f"{model.__name__}APISerializer", (serializers.ModelSerializer,), {"Meta": meta})


class TagNames(serializers.Field):
    """Tag names in alphabetical order, read from the tags a list page fetched at once.

    Wagtail's own tag field asks the database again for every page of a list.
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class Rows(serializers.Field):
    """A page's inline rows, each with the fields its model declares in `api_fields`."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, rows):
        return row_serializer(rows.model)(rows.all(), many=True).data
