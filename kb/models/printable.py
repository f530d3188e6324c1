"""What a page with a downloadable PDF (see `kb.pdf`) says about it."""

import datetime

# A page created live without a publication (an import, a fixture) has no publication date.
NEVER_PUBLISHED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def published_version(page):
    return page.last_published_at or page.first_published_at or NEVER_PUBLISHED


class PrintablePageMixin:
    """A page that can be downloaded as a PDF printed from `pdf_template`."""

    pdf_template = None

    def pdf_context(self):
        return {"page": self}

    def pdf_source_version(self):
        return published_version(self)

    def pdf_filename(self):
        return f"{self.slug}.pdf"

    def printed_page(self):
        return self
