"""Writing to and reading from Elasticsearch / OpenSearch through `search.engine`.

Each language has its own alias (`kb-content-fr`, `kb-content-en`) over a
timestamped physical index with that language's analyzers. A rebuild fills a new
index and swaps the alias in one step, so searches never see an empty index.
"""

from datetime import UTC, datetime

from django.conf import settings

from search.analysis import index_settings
from search.documents import index_mapping
from search.glossary import current_terms

LANGUAGES = [code for code, _name in settings.LANGUAGES]
BULK_CHUNK = 500


def alias_name(language):
    return f"{settings.SEARCH_INDEX_PREFIX}-{language}"


def new_index_name(language):
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name(language)}-{stamp}"


def source_of(document):
    return {name: value for name, value in document.items() if name != "key"}


class EngineBackend:
    name = "engine"

    def __init__(self, engine):
        self.engine = engine

    def upsert(self, documents):
        actions = []
        for document in documents:
            language = document["locale"]
            actions.append(
                {
                    "_op_type": "index",
                    "_index": alias_name(language),
                    "_id": document["key"],
                    "_source": source_of(document),
                }
            )
            # A page whose language changed must leave the other language's index.
            actions.extend(
                {"_op_type": "delete", "_index": alias_name(other), "_id": document["key"]}
                for other in LANGUAGES
                if other != language
            )
        self.send(actions)

    def remove(self, keys):
        self.send(
            {"_op_type": "delete", "_index": alias_name(language), "_id": key}
            for key in keys
            for language in LANGUAGES
        )

    def send(self, actions):
        actions = list(actions)
        if actions:
            self.ensure_aliases()
            self.engine.bulk(actions)

    def ensure_aliases(self):
        """Create an empty index for a language that has none yet."""
        for language in LANGUAGES:
            if not self.engine.alias_targets(alias_name(language)):
                index = self.create_index(language)
                self.engine.swap_alias(alias_name(language), index)

    def create_index(self, language):
        name = new_index_name(language)
        body = {
            "settings": index_settings(language, current_terms()),
            "mappings": index_mapping(),
        }
        self.engine.create_index(name, body)
        return name

    def rebuild(self, documents, progress=None):
        """Fill new indexes, swap the aliases, delete the old indexes; returns the counts."""
        new_indexes = {language: self.create_index(language) for language in LANGUAGES}
        counts = dict.fromkeys(LANGUAGES, 0)
        try:
            batch = []
            for document in documents:
                batch.append(
                    {
                        "_op_type": "index",
                        "_index": new_indexes[document["locale"]],
                        "_id": document["key"],
                        "_source": source_of(document),
                    }
                )
                counts[document["locale"]] += 1
                if len(batch) >= BULK_CHUNK:
                    self.engine.bulk(batch)
                    if progress:
                        progress(len(batch))
                    batch = []
            if batch:
                self.engine.bulk(batch)
                if progress:
                    progress(len(batch))
            for index in new_indexes.values():
                self.engine.refresh(index)
        except Exception:
            for index in new_indexes.values():
                self.engine.delete_index(index)
            raise
        for language, index in new_indexes.items():
            old_indexes = self.engine.alias_targets(alias_name(language))
            self.engine.swap_alias(alias_name(language), index)
            for old in old_indexes:
                self.engine.delete_index(old)
        self.delete_orphans()
        return counts

    def orphan_indexes(self):
        """Physical indexes of ours that no alias points to (a rebuild that died midway)."""
        orphans = []
        for language in LANGUAGES:
            alias = alias_name(language)
            live = set(self.engine.alias_targets(alias))
            orphans.extend(
                name for name in self.engine.index_names(f"{alias}-*") if name not in live
            )
        return orphans

    def delete_orphans(self):
        for index in self.orphan_indexes():
            self.engine.delete_index(index)

    def indexed_versions(self):
        """{key: (language, published_at)} of every indexed document."""
        versions = {}
        for language in LANGUAGES:
            alias = alias_name(language)
            if self.engine.alias_targets(alias):
                for key, source in self.engine.scan(alias, ["locale", "published_at"]):
                    versions[key] = (source.get("locale"), source.get("published_at"))
        return versions

    def refresh(self):
        for language in LANGUAGES:
            self.engine.refresh(alias_name(language))

    def status(self):
        """Engine, aliases, targets and counts per language (raises if unreachable)."""
        languages = {}
        for language in LANGUAGES:
            alias = alias_name(language)
            targets = self.engine.alias_targets(alias)
            languages[language] = {
                "alias": alias,
                "indexes": targets,
                "count": self.engine.count(alias) if targets else None,
            }
        return {
            "backend": self.engine.kind,
            "languages": languages,
            "orphans": self.orphan_indexes(),
        }
