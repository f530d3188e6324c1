"""Items to read next: other capitalised pages sharing the most themes and tags with a page.

A stopgap until the search engine answers "related content" with the same
visibility rules as the search page.
"""

from django.db.models import Count, F, Q
from wagtail.models import Page

from practices.kinds import KIND_MODELS

RELATED_COUNT = 3


def related_pages(page, count=RELATED_COUNT):
    """Live public pages of the page's language, ranked by shared themes plus shared tags."""
    theme_ids = [theme.pk for theme in page.themes.all()]
    tag_ids = [tag.pk for tag in page.tags.all()]
    if not theme_ids and not tag_ids:
        return []
    # Computed once for the three queries below: each call to public() reads the restrictions.
    private = Page.objects.all().private_q()
    candidates = []
    for model in KIND_MODELS.values():
        candidates += (
            model.objects.live()
            .exclude(private)
            .filter(locale_id=page.locale_id, alias_of__isnull=True)
            .exclude(pk=page.pk)
            .annotate(
                shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
                shared_tags=Count("tags", filter=Q(tags__in=tag_ids), distinct=True),
            )
            .annotate(shared=F("shared_themes") + F("shared_tags"))
            .filter(shared__gt=0)
            .order_by("-shared", "-first_published_at", "-pk")[:count]
        )
    candidates.sort(key=lambda candidate: (-candidate.shared, -candidate.pk))
    return candidates[:count]
