"""The practices lists' own filters: kind, tag, status, year and easy-read version.

They are built with the site's filter system (`kb.filters`), whose taxonomy
filters the lists offer too. A condition receives the kind of page (sheet,
experiment, training) and returns what pages of that kind must match.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from kb.content_version import kept
from kb.filters import Choice, Condition, Filter, related_to
from practices.kinds import KIND_MODELS, kind_label, sessions_of
from practices.models import PracticeSheetPage, TrainingSession

# The date that gives a sheet or an experiment its year; a training's years are
# those of its sessions.
DATE_FIELDS = {"sheet": "start_date", "experiment": "period_start"}


def of_kind(value) -> Condition:
    return lambda kind: Q() if kind == value else None


def with_status(value) -> Condition:
    return lambda kind: Q(status=value) if kind == "sheet" else None


def in_year(year) -> Condition:
    def condition(kind):
        if kind == "training":
            held = TrainingSession.objects.filter(starts_at__year=year, is_cancelled=False)
            return Q(translation_key__in=held.values("offer__translation_key"))
        return Q(**{f"{DATE_FIELDS[kind]}__year": year})

    return condition


def tag_filter(kinds, listed_pks, listing_pk):
    """The tags of the pages listed; they change with the content, kept as long."""

    def in_use():
        throughs = (KIND_MODELS[kind]._meta.get_field("tags").through for kind in kinds)
        tagged = (through.objects.filter(content_object_id__in=listed_pks) for through in throughs)
        used = reduce(or_, (Q(pk__in=items.values("tag_id")) for items in tagged))
        return list(Tag.objects.filter(used).order_by("name").values_list("pk", "slug", "name"))

    tags = kept("listed-tags", [listing_pk, *kinds], in_use)
    choices = [Choice(slug, name, related_to("tags", pk)) for pk, slug, name in tags]
    return Filter("tag", _("Mot-clé"), choices, _("Tous les mots-clés"))


def status_filter():
    statuses = PracticeSheetPage.Status.choices
    choices = [Choice(value, capfirst(label), with_status(value)) for value, label in statuses]
    return Filter("status", _("État d’avancement"), choices, _("Tous les états"))


def year_filter(kinds, listed_pks, listing_pk):
    """The years of the pages listed (of their sessions for trainings), kept as the tags are."""

    def in_use():
        dated = [
            KIND_MODELS[kind]
            .objects.filter(pk__in=listed_pks, **{f"{DATE_FIELDS[kind]}__isnull": False})
            .values_list(ExtractYear(DATE_FIELDS[kind]), flat=True)
            for kind in kinds
            if kind in DATE_FIELDS
        ]
        if "training" in kinds:
            offers = Page.objects.filter(pk__in=listed_pks).values("translation_key")
            dated.append(sessions_of(offers).values_list(ExtractYear("starts_at"), flat=True))
        first, *others = (years.order_by() for years in dated)
        return sorted(set(first.union(*others) if others else first), reverse=True)

    years = kept("listed-years", [listing_pk, *kinds], in_use)
    choices = [Choice(str(year), str(year), in_year(year)) for year in years]
    return Filter("year", _("Année"), choices, _("Toutes les années"))


def with_easy_read(kind):
    return Q(has_easy_read=True)


def easy_read_filter():
    choices = [Choice("oui", _("Version facile à lire disponible"), with_easy_read)]
    return Filter("facile", _("Facile à lire et à comprendre (FALC)"), choices, multiple=True)


def type_filter(kinds):
    choices = [Choice(kind, kind_label(kind), of_kind(kind)) for kind in kinds]
    return Filter("type", _("Type de contenu"), choices, multiple=True)
