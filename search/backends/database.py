"""The embedded search backend: the same documents, kept in the site's own database.

Slower and ranking less well than an engine, but the site works on a fresh
machine with no server.
"""

from django.conf import settings
from django.db import transaction
from django.utils.dateparse import parse_datetime

from search.models import IndexedDocument, IndexedTerm

KEYWORD_FIELDS = [
    "themes",
    "audiences",
    "territories",
    "establishment_types",
    "tags",
    "visibility",
]


class DatabaseBackend:
    name = "database"

    def upsert(self, documents):
        with transaction.atomic():
            for document in documents:
                self.store(document)

    def store(self, document):
        row, _ = IndexedDocument.objects.update_or_create(
            key=document["key"],
            defaults={
                "locale": document["locale"],
                "doc_type": document["doc_type"],
                "title": document["title"],
                "summary": document["summary"],
                "body": document["body"],
                "published_at": parse_datetime(document["published_at"] or "") or None,
                "year": document["year"],
                "status": document["status"],
                "rank_boost": document["rank_boost"],
                "data": document,
            },
        )
        row.terms.all().delete()
        IndexedTerm.objects.bulk_create(
            IndexedTerm(document=row, field=field, value=value)
            for field in KEYWORD_FIELDS
            for value in document.get(field) or []
        )

    def remove(self, keys):
        IndexedDocument.objects.filter(key__in=list(keys)).delete()

    def rebuild(self, documents, progress=None):
        counts = {}
        with transaction.atomic():
            IndexedDocument.objects.all().delete()
            for document in documents:
                self.store(document)
                counts[document["locale"]] = counts.get(document["locale"], 0) + 1
                if progress:
                    progress(1)
        return counts

    def indexed_versions(self):
        return {
            document["key"]: (document["locale"], document["published_at"])
            for document in IndexedDocument.objects.values_list("data", flat=True)
        }

    def status(self):
        languages = {
            code: {
                "alias": "database",
                "indexes": ["database"],
                "count": IndexedDocument.objects.filter(locale=code).count(),
            }
            for code, _name in settings.LANGUAGES
        }
        return {"backend": "database", "languages": languages, "orphans": []}
