"""The admin's page form: territories in alphabetical order, and a taken address
that says which page holds it.

Régions and départements are listed by name as people look for them
(« Île-de-France » under I), each list with a box that narrows it as one types
(static/js/admin-checkbox-filter.js). A single territory is picked in Wagtail's
chooser, sorted and searched the same way (kb.territory_chooser).

Wagtail saves a new page as a draft as soon as its editor starts writing; a draft
left behind keeps its address (slug), and the next page of the same title is
refused with « slug déjà utilisé » and no way to tell why. The message names the
page that holds the address and its state, so that the editor takes up or
deletes the draft, or picks another address.
"""

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from kb.models.taxonomy import Department, Region, sort_key

TERRITORY_MODELS = (Region, Department)


class PageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if (
                isinstance(field.widget, forms.CheckboxSelectMultiple)
                and queryset is not None
                and queryset.model in TERRITORY_MODELS
            ):
                field.choices = sorted(field.choices, key=lambda choice: sort_key(choice[1]))
                field.widget.attrs["class"] = "kb-filterable"
                field.widget.attrs["data-kb-filter-label"] = _("Filtrer par nom ou numéro")

    def clean_slug(self):
        """Addresses in plain ASCII (settings.WAGTAIL_ALLOW_UNICODE_SLUGS is off): Wagtail's
        script writes them so from the title, and a typed « évaluation » becomes « evaluation »."""
        slug = self.cleaned_data["slug"]
        if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            return slug
        return slugify(slug)

    def clean(self):
        cleaned_data = super().clean()
        if self.has_error("slug"):
            holder = self.slug_holder(self["slug"].data)
            if holder is not None:
                self._errors["slug"] = self.error_class([taken_slug_message(holder)])
        return cleaned_data

    def slug_holder(self, slug):
        if not slug or self.parent_page is None:
            return None
        siblings = self.parent_page.get_children().filter(slug=slug)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return siblings.first()


def taken_slug_message(holder):
    changed = holder.latest_revision_created_at or holder.last_published_at
    facts = {
        "title": holder.get_admin_display_title(),
        "slug": holder.slug,
        "date": formats.date_format(timezone.localtime(changed)) if changed else "—",
    }
    if not holder.first_published_at:
        return (
            _(
                "L’adresse « %(slug)s » est prise par « %(title)s », un brouillon jamais publié "
                "(dernière modification le %(date)s), sans doute commencé puis abandonné. "
                "Reprenez ce brouillon ou supprimez-le depuis l’arborescence, ou choisissez "
                "une autre adresse."
            )
            % facts
        )
    if not holder.live:
        return (
            _(
                "L’adresse « %(slug)s » est prise par « %(title)s », une page dépubliée "
                "(dernière modification le %(date)s). Republiez-la, supprimez-la ou "
                "choisissez une autre adresse."
            )
            % facts
        )
    return (
        _(
            "L’adresse « %(slug)s » est déjà celle de la page publiée « %(title)s ». "
            "Choisissez une autre adresse."
        )
        % facts
    )
