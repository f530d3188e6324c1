"""Forum posts as search documents, each carrying who may see it.

A post of a members-only space is visible to `space:<id>` (its members, and site
moderators, hold that value); a post of a space open to signed-in people is
visible to `signed_in`. Only published, undeleted posts are indexed.

A post is classified by its space: its theme and territory, as codes for the
filters and as the words people search by (`labels`). Topics have no tags.
"""

from forums import permissions
from forums.models import Post
from kb.models.taxonomy import labels_of
from kb.text import flatten

# Forums are in French: the space's theme is a French term, and territories keep their
# official French names.
LANGUAGE = "fr"

DOC_TYPE = "forum_post"
POST_KEY_PREFIX = "post-"


def post_key(post_id):
    return f"{POST_KEY_PREFIX}{post_id}"


def space_labels(space):
    """The names of the space's theme, région and département; a département brings its
    région, as in `territory_codes()`."""
    department = space.department
    areas = [space.region, department, department.region if department else None]
    return labels_of(
        [space.theme.name if space.theme else ""] + [area.name for area in areas if area]
    )


def indexable_posts():
    return (
        Post.objects.published()
        .select_related(
            "topic__space__theme", "topic__space__region", "topic__space__department__region"
        )
        .order_by("pk")
    )


def post_document(post):
    """The search document of `post`, or None when it must not be searchable."""
    if post is None or not permissions.is_published(post):
        return None
    space = post.topic.space
    published_at = post.created_at.isoformat()
    return {
        "key": post_key(post.pk),
        "doc_type": DOC_TYPE,
        "title": post.topic.title,
        "summary": "",
        "body": flatten(post.body_html),
        "tags": [],
        "themes": [space.theme.slug] if space.theme else [],
        "audiences": [],
        "establishment_types": [],
        "territories": space.territory_codes(),
        "labels": space_labels(space),
        "status": "",
        "locale": LANGUAGE,
        "visibility": permissions.visibility_of(space),
        "year": post.created_at.year,
        "published_at": published_at,
        "updated_at": (post.edited_at or post.created_at).isoformat(),
        "url": post.get_absolute_url(),
        "rank_boost": 1.0,
    }


def document_for_post_key(key):
    post = indexable_posts().filter(pk=int(key.removeprefix(POST_KEY_PREFIX))).first()
    return post_document(post)
