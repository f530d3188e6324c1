"""The methodological guide: editions, chapters, table of contents, whole view and PDF."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from kb.models import GuideChapterPage, GuidePage, PagePdf
from search.extraction import page_document

pytestmark = pytest.mark.django_db

CHAPTER_TITLES = [
    "Clarifier les objectifs",
    "Installer les instances locales de pilotage",
    "Formaliser un diagnostic territorial",
]


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def make_edition(home_page_fr):
    def make(edition="Édition 2025", year=2025, chapters=CHAPTER_TITLES, slug=None):
        guide = GuidePage(
            title="Guide méthodologique",
            slug=slug or f"guide-{year}",
            edition=edition,
            edition_date=datetime.date(year, 1, 15),
            intro="Les étapes d’un déploiement local.",
        )
        home_page_fr.add_child(instance=guide)
        publish(guide)
        for number, title in enumerate(chapters, start=1):
            chapter = GuideChapterPage(
                title=title,
                slug=f"chapitre-{number}",
                summary=f"Ce que le chapitre {number} apporte.",
                body=[
                    heading("Partir des situations"),
                    paragraph(f"Texte du chapitre {number}."),
                    heading("Un exemple", "h3"),
                    paragraph("Un exemple de territoire pionnier."),
                    heading("Partir des situations"),
                    paragraph("Une seconde section au titre répété."),
                ],
            )
            guide.add_child(instance=chapter)
            publish(chapter)
        return guide

    return make


@pytest.fixture
def guide(make_edition):
    return make_edition()


def chapters_of(guide):
    return [chapter.specific for chapter in guide.chapters()]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_chapter_has_a_table_of_contents_whose_links_reach_its_headings(client, guide):
    chapter = chapters_of(guide)[0]
    soup = soup_of(client.get(chapter.url))

    toc_links = [link["href"] for link in soup.select("nav.fr-summary a")]
    assert toc_links == [
        "#partir-des-situations",
        "#un-exemple",
        "#partir-des-situations-2",
    ]
    for href in toc_links:
        assert soup.find(id=href.removeprefix("#")) is not None
    # Sub-headings are nested under their section.
    nested = soup.select("nav.fr-summary ol ol a")
    assert [link["href"] for link in nested] == ["#un-exemple"]


def test_chapters_link_to_the_previous_and_next_ones_in_tree_order(client, guide):
    first, middle, last = chapters_of(guide)

    def neighbours(chapter):
        soup = soup_of(client.get(chapter.url))
        return (
            [link["href"] for link in soup.select("a[rel=prev]")],
            [link["href"] for link in soup.select("a[rel=next]")],
        )

    assert neighbours(first) == ([], [middle.url])
    assert neighbours(middle) == ([first.url], [last.url])
    assert neighbours(last) == ([middle.url], [])


def test_an_unpublished_chapter_is_skipped_by_the_navigation_and_the_numbering(client, guide):
    first, middle, last = chapters_of(guide)
    middle.unpublish()

    soup = soup_of(client.get(first.url))
    assert [link["href"] for link in soup.select("a[rel=next]")] == [last.url]
    assert last.specific.number() == 2
    assert middle.title not in soup_of(client.get(guide.url)).get_text()


def test_the_guide_page_lists_its_chapters_and_links_the_whole_view_and_the_pdf(client, guide):
    soup = soup_of(client.get(guide.url))

    titles = [link.get_text(strip=True) for link in soup.select(".kb-guide-chapters a")]
    assert titles == CHAPTER_TITLES
    hrefs = {link["href"] for link in soup.select(".kb-guide-links a")}
    assert hrefs == {guide.url + "complet/", guide.url + "pdf/"}


def test_the_whole_guide_has_every_chapter_in_order_with_unique_anchors(client, guide):
    soup = soup_of(client.get(guide.url + "complet/"))

    assert [
        title.get_text(strip=True) for title in soup.select("section.kb-guide-chapter > h2")
    ] == [f"{number}. {title}" for number, title in enumerate(CHAPTER_TITLES, start=1)]
    anchors = [element["id"] for element in soup.select("main [id]")]
    assert len(anchors) == len(set(anchors))
    for link in soup.select("nav.fr-summary a"):
        assert soup.find(id=link["href"].removeprefix("#")) is not None, link["href"]


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def embedded_fonts(reader):
    """Names of the fonts whose file is inside the PDF (composite fonts keep it in a descendant)."""
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for described in [
                font,
                *[item.get_object() for item in font.get("/DescendantFonts", [])],
            ]:
                descriptor = described.get("/FontDescriptor")
                if descriptor and {"/FontFile", "/FontFile2", "/FontFile3"} & set(
                    descriptor.get_object()
                ):
                    fonts.add(str(font["/BaseFont"]))
    return fonts


def test_the_pdf_downloads_with_every_chapter_title_and_embedded_fonts(client, guide):
    response = client.get(guide.url + "pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    content = b"".join(response.streaming_content)
    reader, text = pdf_text(content)
    assert len(reader.pages) >= len(CHAPTER_TITLES) + 1
    flat = " ".join(text.split())
    for title in CHAPTER_TITLES:
        assert title in flat
    assert any("Marianne" in font for font in embedded_fonts(reader))


def test_publishing_a_chapter_prints_the_guide_again_in_the_background(
    client, guide, django_capture_on_commit_callbacks
):
    client.get(guide.url + "pdf/")
    printed = PagePdf.objects.get(page=guide)

    chapter = chapters_of(guide)[1]
    chapter.title = "Installer et faire vivre le comité de pilotage"
    with django_capture_on_commit_callbacks(execute=True):
        publish(chapter)

    reprinted = PagePdf.objects.get(page=guide)
    assert reprinted.source_version > printed.source_version
    _reader, text = pdf_text(reprinted.file.read())
    assert "faire vivre le comité de pilotage" in " ".join(text.split())


def test_a_pdf_older_than_the_last_publication_is_never_served(client, guide):
    client.get(guide.url + "pdf/")
    chapter = chapters_of(guide)[0]
    chapter.title = "Clarifier et partager les objectifs"
    # The test's transaction never commits, so no background job prints it: as when the
    # worker has not caught up yet.
    publish(chapter)

    _reader, text = pdf_text(b"".join(client.get(guide.url + "pdf/").streaming_content))
    assert "Clarifier et partager les objectifs" in " ".join(text.split())


def test_a_restricted_guide_and_its_pdf_are_refused_to_visitors(client, guide):
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)

    for path in ["", "complet/", "pdf/"]:
        response = client.get(guide.url + path)
        assert response.status_code == 302, path
    assert not PagePdf.objects.filter(page=guide).exists()


def test_an_older_edition_stays_readable_and_points_to_the_newest(client, make_edition):
    older = make_edition(edition="Édition 2023", year=2023, chapters=CHAPTER_TITLES[:2])
    newer = make_edition(edition="Édition 2025", year=2025)

    soup = soup_of(client.get(older.url))
    notice = soup.select_one(".fr-notice")
    assert "Édition 2025" in notice.get_text()
    assert notice.select_one("a")["href"] == newer.url
    assert soup_of(client.get(newer.url)).select_one(".fr-notice") is None
    editions = [item.get_text(strip=True) for item in soup.select(".kb-guide-editions li")]
    assert editions == ["Édition 2025", "Édition 2023"]


def test_only_the_newest_edition_is_searchable(make_edition):
    older = make_edition(edition="Édition 2023", year=2023)
    newer = make_edition(edition="Édition 2025", year=2025)

    assert page_document(older) is None
    assert all(page_document(chapter) is None for chapter in chapters_of(older))
    assert page_document(newer)["doc_type"] == "guide"
    chapter_document = page_document(chapters_of(newer)[0])
    assert chapter_document["doc_type"] == "guide_chapter"
    assert "Texte du chapitre 1" in chapter_document["body"]


def test_a_chapter_can_have_an_easy_read_version(client, guide):
    chapter = chapters_of(guide)[0]
    chapter.easy_read_body = [
        (
            "sentence",
            {
                "pictogram": None,
                "pictogram_alt": "",
                "text": "Les partenaires se mettent d’accord.",
            },
        )
    ]
    publish(chapter)

    soup = soup_of(client.get(chapter.url))
    switch = soup.select_one("a[href$='facile-a-lire/']")
    assert switch is not None
    assert "se mettent d’accord" in soup_of(client.get(switch["href"])).get_text()
