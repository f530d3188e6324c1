"""The methodological guide: editions made of chapters, read online or as one PDF.

Each edition is a `GuidePage` ("Édition 2025"); a revised guide is a new
edition beside the old one, which stays readable and points to the newest.
Chapters are its child pages, in the order of the page tree. A chapter's table
of contents comes from its headings, each given an anchor.

The whole edition can be read on one page (`complet/`), which is also what the
PDF is printed from (see `kb.pdf`): the PDF is regenerated in the background
each time the edition or one of its chapters is published.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kb.blocks import BodyBlock
from kb.page_forms import PageForm

from .easy_read import EasyReadMixin
from .printable import PrintablePageMixin, published_version


def source_locale_terms():
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class GuidePage(PrintablePageMixin, RoutablePageMixin, Page):
    base_form_class = PageForm

    edition = models.CharField(
        _("édition"), max_length=60, help_text=_("Par exemple « Édition 2025 ».")
    )
    edition_date = models.DateField(
        _("date de l’édition"), help_text=_("Sert à reconnaître l’édition la plus récente.")
    )
    intro = models.TextField(_("présentation"), blank=True)
    revision_notes = models.TextField(
        _("ce qui change dans cette édition"),
        blank=True,
        help_text=_("Affiché en tête de l’édition pour les lecteurs des éditions précédentes."),
    )
    # Like a practice's, linked to the source-language terms. The chapters have them too.
    themes = ParentalManyToManyField(
        "kb.Theme",
        verbose_name=_("thèmes"),
        blank=True,
        limit_choices_to=source_locale_terms,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("edition"),
        FieldPanel("edition_date"),
        FieldPanel("intro"),
        FieldPanel("revision_notes"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["kb.HomePage", "kb.ContentPage"]
    subpage_types = ["kb.GuideChapterPage"]

    class Meta:
        verbose_name = _("guide méthodologique (édition)")
        verbose_name_plural = _("guides méthodologiques (éditions)")

    def get_admin_display_title(self):
        """Editions of one guide share their title: the page tree tells them apart by edition."""
        title = super().get_admin_display_title()
        if self.edition and self.edition not in title:
            return f"{title} ({self.edition})"
        return title

    def chapters(self):
        return GuideChapterPage.objects.child_of(self).live().public().order_by("path")

    def editions(self):
        """Every published edition of this guide, the newest first."""
        return (
            GuidePage.objects.sibling_of(self, inclusive=True)
            .live()
            .public()
            .order_by("-edition_date", "-pk")
        )

    def newest_edition(self):
        return self.editions().first()

    def is_searchable(self):
        """Search finds the newest edition; older ones are read from its list of editions."""
        newest = self.newest_edition()
        return newest is None or newest.pk == self.pk

    pdf_template = "kb/guide_print.html"

    def pdf_context(self):
        return {"page": self, "chapters": [chapter.specific for chapter in self.chapters()]}

    def pdf_filename(self):
        return f"{slugify(self.title)}-{slugify(self.edition)}.pdf"

    def pdf_source_version(self):
        """When this edition or one of its chapters was last published: what its PDF reflects."""
        return max(published_version(page) for page in [self, *self.chapters()])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        newest = self.newest_edition()
        context["chapters"] = self.chapters()
        context["newer_edition"] = newest if newest and newest.pk != self.pk else None
        return context

    @path("complet/", name="whole")
    def whole_guide(self, request):
        chapters = [chapter.specific for chapter in self.chapters()]
        return self.render(
            request,
            template="kb/guide_whole_page.html",
            context_overrides={"chapters": chapters},
        )

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from kb.pdf import pdf_response

        return pdf_response(self)

    @property
    def whole_url(self):
        return self.url + self.reverse_subpage("whole")

    @property
    def pdf_url(self):
        return self.url + self.reverse_subpage("pdf")


class GuideChapterPage(EasyReadMixin, Page):
    base_form_class = PageForm

    summary = models.TextField(
        _("en bref"), blank=True, help_text=_("Deux ou trois phrases : ce que le chapitre apporte.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    edit_handler = EasyReadMixin.editorial_tabs(content_panels)
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["kb.GuidePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("chapitre du guide")
        verbose_name_plural = _("chapitres du guide")

    def guide(self):
        return GuidePage.objects.parent_of(self).first()

    def printed_page(self):
        """Publishing a chapter changes its edition's PDF."""
        return self.guide()

    def is_searchable(self):
        guide = self.guide()
        return guide is None or guide.is_searchable()

    def sections(self, shift=0):
        """The body's blocks as [(block, anchor, heading tag)]; anchors and tags only on headings.

        Anchors are unique within the chapter. `shift` lowers the headings by
        that many levels, for a page where the chapter's title is itself an h2.
        """
        used = set()
        sections = []
        for block in self.body:
            anchor = tag = None
            if block.block_type == "heading":
                base = slugify(block.value["text"]) or "section"
                anchor, number = base, 2
                while anchor in used:
                    anchor, number = f"{base}-{number}", number + 1
                used.add(anchor)
                tag = f"h{int(block.value['level'][1]) + shift}"
            sections.append((block, anchor, tag))
        return sections

    def nested_sections(self):
        return self.sections(shift=1)

    def table_of_contents(self):
        """Headings as a tree: [{"text", "anchor", "children": [sub-headings]}]."""
        entries = []
        for block, anchor, _tag in self.sections():
            if not anchor:
                continue
            entry = {"text": block.value["text"], "anchor": anchor, "children": []}
            if block.value["level"] == "h3" and entries:
                entries[-1]["children"].append(entry)
            else:
                entries.append(entry)
        return entries

    def number(self):
        """1 for the guide's first chapter, and so on."""
        return self.get_prev_siblings().type(GuideChapterPage).live().public().count() + 1

    def previous_chapter(self):
        return self.neighbour(self.get_prev_siblings())

    def next_chapter(self):
        return self.neighbour(self.get_next_siblings())

    def neighbour(self, siblings):
        return siblings.type(GuideChapterPage).live().public().specific().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guide"] = self.guide()
        return context
