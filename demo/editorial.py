"""Demo editorial publications: two seminars, the document library, easy-read versions.

Documents and images are found again by title, pages by slug under their
parent, so a second run updates what the first created. Files are generated
here: PDFs written by WeasyPrint, a poster drawn with Pillow.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page
from weasyprint import HTML

from demo import editorial_data as data
from demo.pages import home_pages, upsert_child
from kb.models import (
    ContentPage,
    DocumentClassification,
    DocumentLibraryPage,
    Region,
    SeminarIndexPage,
    SeminarPage,
    SeminarSession,
    Theme,
)
from practices.models import PracticeSheetPage

PDF_STYLE = "body{font-family:sans-serif;margin:2cm}h1{color:#000091;font-size:20pt}"


def pdf_bytes(title, paragraphs):
    paragraphs_html = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    page = (
        f'<html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{PDF_STYLE}</style></head><body><h1>{escape(title)}</h1>"
        f"{paragraphs_html}<p><em>Document de démonstration.</em></p></body></html>"
    )
    return HTML(string=page).write_pdf()


def file_bytes(title, filename, paragraphs):
    if filename.endswith(".pdf"):
        return pdf_bytes(title, paragraphs)
    return ("\n".join(paragraphs) + "\n").encode()


def upsert_document(title, filename, paragraphs, collection):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save(filename, ContentFile(file_bytes(title, filename, paragraphs)))
    elif document.collection_id != collection.pk:
        document.collection = collection
        document.save()
    return document


def themes(slugs):
    return list(Theme.objects.filter(slug__in=slugs, locale__language_code="fr"))


def build_documents():
    root = Collection.get_first_root_node()
    documents = {}
    for title, filename, theme_slugs, year, tags, paragraphs in data.DOCUMENTS:
        document = upsert_document(title, filename, paragraphs, root)
        document.tags.set(tags)
        classification, _ = DocumentClassification.objects.update_or_create(
            document=document, defaults={"year": year, "listed": True}
        )
        classification.themes.set(themes(theme_slugs))
        documents[title] = document

    private = Collection.objects.filter(name=data.PRIVATE_COLLECTION).first()
    if private is None:
        private = root.add_child(name=data.PRIVATE_COLLECTION)
    CollectionViewRestriction.objects.get_or_create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    upsert_document(*data.PRIVATE_DOCUMENT, private)
    return documents


def poster_bytes():
    image = Image.new("RGB", (1200, 800), "#000091")
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 1120, 720), outline="#ffffff", width=8)
    for index, colour in enumerate(("#e1000f", "#ffffff", "#6a6af4", "#fcc63a")):
        draw.ellipse((160 + index * 230, 300, 340 + index * 230, 480), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def build_poster():
    ImageModel = get_image_model()
    poster = ImageModel.objects.filter(title=data.SEMINAR_PHOTO_TITLE).first()
    if poster is None:
        poster = ImageModel(
            title=data.SEMINAR_PHOTO_TITLE,
            file=ImageFile(io.BytesIO(poster_bytes()), name="affiche-seminaire-national.png"),
        )
        poster.save()
    return poster


def sheet_pages(slugs):
    return list(PracticeSheetPage.objects.filter(slug__in=slugs, locale__language_code="fr"))


def seminar_fields(spec, documents, poster):
    fields = {
        "title": spec["title"],
        "summary": spec["summary"],
        "scope": spec["scope"],
        "region": Region.objects.get(code=spec["region"]) if spec.get("region") else None,
        "start_date": spec["start_date"],
        "end_date": spec.get("end_date"),
        "place": spec["place"],
        "outputs_summary": spec["outputs_summary"],
        "documents": [
            ("document", {"kind": kind, "document": documents[title]})
            for kind, title in spec["documents"]
        ],
        "takeaways": [
            ("takeaway", {"text": text, "practice_sheets": sheet_pages(slugs)})
            for text, slugs in spec["takeaways"]
        ],
        "photos": [],
    }
    if spec["outputs_summary"]:
        photo = {"image": poster, "alt_text": "", "decorative": True}
        fields["photos"] = [("photo", {"image": photo, "caption": data.SEMINAR_PHOTO_TITLE})]
    return fields


def sessions(page, spec):
    """The programme's rows, reusing the rows of a previous run (matched by title)."""
    existing = dict(page.sessions.values_list("title", "pk")) if page.pk else {}
    return [
        SeminarSession(
            pk=existing.get(title),
            starts_at=starts_at,
            ends_at=ends_at,
            title=title,
            locale_id=page.locale_id,
            speakers=[
                ("speaker", {"name": name, "organisation": organisation})
                for name, organisation in speakers
            ],
        )
        for starts_at, ends_at, title, speakers in spec["sessions"]
    ]


def build_seminar(index, spec, documents, poster):
    page = SeminarPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if page is None:
        page = SeminarPage(slug=spec["slug"], **seminar_fields(spec, documents, poster))
        index.add_child(instance=page)
    for name, value in seminar_fields(spec, documents, poster).items():
        setattr(page, name, value)
    page.sessions = sessions(page, spec)
    page.themes = themes(spec["themes"])
    page.tags.set(spec["tags"])
    page.save_revision().publish()
    return page


def build_easy_read_versions():
    for slug, blocks in data.EASY_READ.items():
        page = (
            Page.objects.filter(slug=slug, locale__language_code="fr")
            .type(ContentPage, PracticeSheetPage)
            .first()
        )
        if page is None:
            continue
        page = page.specific
        page.easy_read_body = blocks
        page.save_revision().publish()


def build(context):
    home_fr, _home_en = home_pages()
    documents = build_documents()
    poster = build_poster()
    index = upsert_child(home_fr, SeminarIndexPage, **data.SEMINAR_INDEX, show_in_menus=True)
    today = timezone.localdate()
    for spec in (data.national_seminar(today), data.regional_seminar(today)):
        build_seminar(index, spec, documents, poster)
    upsert_child(home_fr, DocumentLibraryPage, **data.LIBRARY, show_in_menus=True)
    build_easy_read_versions()
