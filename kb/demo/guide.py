"""Demo methodological guide: two editions, the newest with six chapters, linked from home."""

from kb.demo import guide_data as data
from kb.demo.pages import home_pages, upsert_child
from kb.models import GuideChapterPage, GuidePage


def easy_read_blocks(sentences):
    return [
        ("sentence", {"pictogram": None, "pictogram_alt": "", "text": text}) for text in sentences
    ]


def build_edition(home, spec):
    edition = upsert_child(
        home,
        GuidePage,
        slug=spec["slug"],
        title=data.GUIDE_TITLE,
        edition=spec["edition"],
        edition_date=spec["edition_date"],
        intro=spec["intro"],
        revision_notes=spec["revision_notes"],
    )
    for slug in spec["chapters"]:
        chapter = data.CHAPTERS[slug]
        upsert_child(
            edition,
            GuideChapterPage,
            slug=slug,
            title=chapter["title"],
            summary=chapter["summary"],
            body=chapter["body"],
            easy_read_body=easy_read_blocks(chapter.get("easy_read", [])),
        )
    return edition


def build(context):
    home_fr, _home_en = home_pages()
    editions = [build_edition(home_fr, spec) for spec in data.EDITIONS]
    newest = editions[-1]
    newest.show_in_menus = True
    newest.save_revision().publish()
    home_fr.guide_page = newest
    home_fr.save_revision().publish()
    context["guide"] = newest
