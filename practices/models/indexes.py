"""Index pages: one per content type, and a combined entry point above them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from kb.page_forms import PageForm


class ListingPage(Page):
    base_form_class = PageForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from practices.listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self))
        return context


class PracticesIndexPage(ListingPage):
    """Entry point listing practice sheets, experiments and trainings together."""

    parent_page_types = ["kb.HomePage"]
    subpage_types = [
        "practices.PracticeSheetIndexPage",
        "practices.ExperimentIndexPage",
        "practices.TrainingOfferIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accueil des pratiques")


class PracticeSheetIndexPage(ListingPage):
    parent_page_types = ["practices.PracticesIndexPage"]
    subpage_types = ["practices.PracticeSheetPage"]

    class Meta:
        verbose_name = _("liste des fiches action")


class ExperimentIndexPage(ListingPage):
    parent_page_types = ["practices.PracticesIndexPage"]
    subpage_types = ["practices.ExperimentPage"]

    class Meta:
        verbose_name = _("liste des retours d’expérience")


class TrainingOfferIndexPage(ListingPage):
    parent_page_types = ["practices.PracticesIndexPage"]
    subpage_types = ["practices.TrainingOfferPage"]

    class Meta:
        verbose_name = _("liste des formations croisées")
