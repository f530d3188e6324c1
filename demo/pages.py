"""Helpers to create or update demo pages and their English translations."""

from wagtail.models import Locale

from kb.models import HomePage


def upsert_child(parent, page_class, slug, **fields):
    """Create `slug` under `parent`, or update it, and publish the result."""
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


def upsert_translation(page, language_code, **fields):
    """Create or update the translation of `page`, then publish it.

    The parent must already be translated: translations mirror the source tree.
    """
    locale = Locale.objects.get(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def home_pages():
    french = HomePage.objects.get(locale__language_code="fr")
    english = HomePage.objects.get(locale__language_code="en")
    return french, english
