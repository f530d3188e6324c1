"""PDFs printed from the site's pages: the methodological guide and the spreading kits.

WeasyPrint prints a page's print template (`pdf_template`). Fonts, styles and
images are read from disk through `LocalFiles`, so they are embedded and the
printing reaches no network. The PDF of a publication is printed once, by a
background job after the publication, stored in `PagePdf` and served through
the page itself (`pdf_response`), so drafts and view restrictions apply to it
as to the page.

A page with a PDF uses `kb.models.printable.PrintablePageMixin`; a page whose
publication changes another page's PDF (a guide chapter) says which in
`printed_page()`.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kb.models.pdfs import PagePdf
from kb.site_url import absolute


class LocalFiles(URLFetcher):
    """WeasyPrint's fetcher here: static and media files from disk, nothing from the network."""

    def fetch(self, url, headers=None):
        path = local_path(url)
        if path is None:
            raise ValueError(f"not a static or media file: {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def local_path(url):
    """The file behind a /static/ or /media/ address, or None."""
    path = unquote(urlsplit(url).path)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (root / path.removeprefix(settings.MEDIA_URL)).resolve()
        return candidate if candidate.is_relative_to(root) and candidate.is_file() else None
    return None


def print_pdf(page):
    """The PDF bytes of `page`, printed from its print template in the page's language."""
    with translation.override(page.locale.language_code):
        html = render_to_string(page.pdf_template, page.pdf_context())
    # Relative addresses resolve on the public address: the links a reader clicks in
    # the PDF lead to the site, and "/static/…", "/media/…" are still read from disk.
    return HTML(string=html, base_url=absolute("/"), url_fetcher=LocalFiles()).write_pdf()


def store_pdf(page, version=None):
    """Print `page` and keep the result, replacing the previous print.

    `version` is `page.pdf_source_version()` when the caller has already read it.
    """
    version = version or page.pdf_source_version()
    content = ContentFile(print_pdf(page), name=page.pdf_filename())
    record = PagePdf.objects.filter(page=page).first()
    if record is None:
        record = PagePdf(page=page)
    previous = record.file.name if record.file else None
    record.source_version = version
    record.file = content
    record.save()
    if previous and previous != record.file.name:
        record.file.storage.delete(previous)
    return record


def current_pdf(page):
    """The stored PDF, printed now if the background job has not caught up yet."""
    record = PagePdf.objects.filter(page=page).first()
    version = page.pdf_source_version()
    if record is None or record.source_version < version:
        record = store_pdf(page, version)
    return record


def pdf_response(page):
    record = current_pdf(page)
    return FileResponse(
        record.file.open("rb"),
        as_attachment=True,
        filename=page.pdf_filename(),
        content_type="application/pdf",
    )
