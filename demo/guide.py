"""Demo methodological guide: two editions, the newest with six chapters and an English version,
linked from home."""

from demo import guide_data as data
from demo import guide_english as english
from demo.pages import home_pages, upsert_child, upsert_translation
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
    chapters = {}
    for slug in spec["chapters"]:
        chapter = data.CHAPTERS[slug]
        chapters[slug] = upsert_child(
            edition,
            GuideChapterPage,
            slug=slug,
            title=chapter["title"],
            summary=chapter["summary"],
            body=chapter["body"],
            easy_read_body=easy_read_blocks(chapter.get("easy_read", [])),
        )
    return edition, chapters


def translate_edition(edition, chapters):
    """The English edition and its chapters, in the order of the French ones."""
    translation = upsert_translation(
        edition, "en", title=english.GUIDE_TITLE, show_in_menus=True, **english.EDITION
    )
    for slug, chapter in chapters.items():
        words = english.CHAPTERS[slug]
        upsert_translation(
            chapter,
            "en",
            slug=words["slug"],
            title=words["title"],
            summary=words["summary"],
            body=words["body"],
            easy_read_body=easy_read_blocks(words.get("easy_read", [])),
        )
    return translation


def build(context):
    home_fr, home_en = home_pages()
    editions = [build_edition(home_fr, spec) for spec in data.EDITIONS]
    newest, chapters = editions[-1]
    newest.show_in_menus = True
    newest.save_revision().publish()
    newest_en = translate_edition(newest, chapters)
    home_fr.guide_page = newest
    home_fr.save_revision().publish()
    # Read again: the English home got a child by translation, and the copy read before
    # would write back its old count of children.
    home_en = type(home_en).objects.get(pk=home_en.pk)
    home_en.guide_page = newest_en
    home_en.save_revision().publish()
    context["guide"] = newest
