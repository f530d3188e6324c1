"""Turning a discussion into a draft practice sheet that enters the editors' review.

The sheet quotes the chosen posts and credits by name only the authors who
agreed to be cited (never the author of an anonymous post); the others are
"a member of the space". The topic keeps a link to the sheet, and the sheet
says which space it comes from.
"""

from django.db import transaction
from django.utils.html import escape, format_html, linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from forums import permissions
from kb.models.profiles import user_display_name
from practices.models import PracticeSheetIndexPage, PracticeSheetPage
from search.extraction import flatten


class CapitalisationError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def sheets_index():
    return (
        PracticeSheetIndexPage.objects.filter(locale__language_code="fr").order_by("path").first()
    )


def can_capitalise(user, topic):
    """Space moderators, and editors who read the space and may publish sheets.

    Adding a sheet is not enough: contributors may add one to propose it, and a
    contributor who is a plain member of the space is no moderator of it.
    """
    if not permissions.can_read_space(user, topic.space):
        return False
    if permissions.can_moderate_space(user, topic.space):
        return True
    index = sheets_index()
    return index is not None and index.permissions_for_user(user).can_publish_subpage()


def credit(post, credited_author_ids):
    if post.author is not None and not post.anonymous and post.author_id in credited_author_ids:
        return user_display_name(post.author)
    return _("un membre de l’espace")


def context_html(topic, posts, credited_author_ids):
    intro = _(
        "D’après les échanges de l’espace de pair-émulation « %(space)s », sujet « %(topic)s »."
    ) % {"space": topic.space.name, "topic": topic.title}
    parts = [f"<p>{escape(intro)}</p>"]
    for post in posts:
        quote = linebreaks(escape(flatten(post.body_html)))
        who = escape(credit(post, credited_author_ids))
        parts.append(f"<blockquote>{quote}</blockquote><p>— {who}</p>")
    return "".join(parts)


def unique_slug(parent, title):
    base = slugify(title)[:70] or "fiche"
    slug, number = base, 1
    while Page.objects.child_of(parent).filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def capitalise(topic, user, posts, credited_author_ids=()):
    """Create the draft sheet, start its review, link it to the topic; returns the sheet."""
    if not can_capitalise(user, topic):
        raise CapitalisationError(_("Vous ne pouvez pas capitaliser ce sujet."))
    if topic.capitalised_as_id:
        raise CapitalisationError(_("Ce sujet a déjà donné lieu à une fiche action."))
    posts = [post for post in posts if post.topic_id == topic.pk and post.is_readable]
    if not posts:
        raise CapitalisationError(_("Choisissez au moins un message à reprendre dans la fiche."))
    index = sheets_index()
    if index is None:
        raise CapitalisationError(_("Aucune rubrique de fiches action n’accueille les brouillons."))
    space = topic.space
    with transaction.atomic():
        sheet = PracticeSheetPage(
            title=topic.title,
            slug=unique_slug(index, topic.title),
            summary=Truncator(flatten(posts[0].body_html)).chars(590),
            context=context_html(topic, posts, set(credited_author_ids)),
            objectives=format_html("<p>{}</p>", _("À préciser par l’équipe éditoriale.")),
            live=False,
            owner=user,
        )
        if space.theme:
            sheet.themes = [space.theme]
        if space.region:
            sheet.regions = [space.region]
        if space.department:
            sheet.departments = [space.department]
        index.add_child(instance=sheet)
        sheet.save_revision(user=user)
        workflow = sheet.get_workflow()
        if workflow is not None:
            workflow.start(sheet, user)
        topic.capitalised_as = sheet
        topic.save(update_fields=["capitalised_as"])
    return sheet
