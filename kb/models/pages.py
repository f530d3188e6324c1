from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kb.blocks import BodyBlock
from kb.page_forms import PageForm

from .easy_read import EasyReadMixin

LATEST_PUBLICATIONS_COUNT = 6


class HomePage(Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Deux ou trois phrases : à quoi sert le site et pour qui."),
    )
    practices_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page « Trouver des pratiques »"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    spaces_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page « Rejoindre un espace de pair-émulation »"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    guide_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page « Lire le guide méthodologique »"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("practices_page"),
                FieldPanel("spaces_page"),
                FieldPanel("guide_page"),
            ],
            heading=_("Portes d’entrée des trois publics"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d’accueil")
        verbose_name_plural = _("pages d’accueil")

    def route(self, request, path_components):
        """The page an address names in one query, where Wagtail takes two per level of the tree.

        Wagtail walks down from the home page one slug at a time. When the address
        is exactly a page's, that page is taken at once (by its slug, which is
        indexed); anything else (a page's own sub-address such as its easy-read
        version, or no page at all) is walked as Wagtail walks it.
        """
        if path_components:
            page = (
                Page.objects.filter(
                    slug=path_components[-1],
                    depth=self.depth + len(path_components),
                    url_path=f"{self.url_path}{'/'.join(path_components)}/",
                )
                .descendant_of(self)
                .first()
            )
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)

    def latest_publications(self):
        """The most recently published public pages of this home page's language."""
        return (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .exclude(alias_of__isnull=False)
            .order_by("-first_published_at")
            .specific()[:LATEST_PUBLICATIONS_COUNT]
        )


class ContentPage(EasyReadMixin, Page):
    """A plain editorial page: about, legal notice, accessibility statement..."""

    base_form_class = PageForm

    intro = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    edit_handler = EasyReadMixin.editorial_tabs(content_panels)
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")
