"""Turning a discussion into a draft practice sheet that enters the editors' review.

Nobody is named in a sheet on someone else's word. The moderator asks the
authors of the topic (in the site and by mail) whether they agree to be cited;
each answers for themself, and the moderator sees the answers. The draft then
quotes the chosen posts, Markdown structure kept, and names only those who
agreed (never the author of an anonymous post): the others are "a member of the
space", their @mentions are replaced the same way, and the quotations of other
posts inside the chosen ones are left out. The topic keeps a link to the sheet,
and the sheet says which space it comes from.
"""

import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from forums import permissions
from forums.models import CitationConsent
from kb.content_version import kept
from kb.mail import Link, compose
from kb.markup import MENTION, render_markdown
from kb.models.profiles import user_display_name
from kb.site_url import absolute
from kb.text import flatten
from practices.models import PracticeSheetIndexPage, PracticeSheetPage

Answer = CitationConsent.Answer
QUOTED_LINE = re.compile(r"^\s*>")


class CapitalisationError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def sheets_index():
    return (
        PracticeSheetIndexPage.objects.filter(locale__language_code="fr").order_by("path").first()
    )


def can_capitalise(user, topic, rights=None):
    """Space moderators, and editors who read the space and may publish sheets.

    Adding a sheet is not enough: contributors may add one to propose it, and a
    contributor who is a plain member of the space is no moderator of it.
    `rights`: `user`'s `permissions.standing` in the topic's space, when the caller has it.
    """
    rights = rights or permissions.standing(user, topic.space)
    if not rights.reads:
        return False
    if rights.moderates:
        return True
    # Every member's topic page asks: the list is kept until a page changes, and only read
    # here (a sheet is added under a fresh copy).
    index = kept("sheets-index", [], sheets_index)
    return index is not None and index.permissions_for_user(user).can_publish_subpage()


# --- consent ------------------------------------------------------------------


def citable_posts(topic, user):
    """The posts of `topic` that `user` may quote in a sheet: those they read, published."""
    return topic.posts.readable_by(user).published()


def authors(topic):
    """The people who could be named: authors of the topic's published, signed posts."""
    signed = topic.posts.published().filter(anonymous=False, author__isnull=False)
    return get_user_model().objects.filter(pk__in=signed.values("author_id")).order_by("pk")


def consents(topic):
    """{author: answer} for every author of the topic, None for those not asked yet."""
    answers = dict(topic.citation_consents.values_list("user_id", "answer"))
    return {author: answers.get(author.pk) for author in authors(topic)}


def ask_consent(topic, moderator):
    """Ask every author of the topic not asked yet whether they agree to be cited; returns
    how many were asked."""
    if not can_capitalise(moderator, topic):
        raise CapitalisationError(_("Vous ne pouvez pas capitaliser ce sujet."))
    asked = 0
    with transaction.atomic():
        for author in authors(topic):
            _consent, created = CitationConsent.objects.get_or_create(topic=topic, user=author)
            if created:
                transaction.on_commit(lambda author=author: tell_consent_asked(topic, author))
                asked += 1
    return asked


def consent_url(topic):
    return reverse("forums:citation_consent", args=[topic.space.slug, topic.pk])


def tell_consent_asked(topic, author):
    if not author.email or not permissions.can_read_space(author, topic.space):
        return
    text = _(
        "La modération de l’espace « %(space)s » souhaite reprendre des échanges du sujet "
        "« %(topic)s » dans une fiche action, publiée après relecture. Acceptez-vous d’y être "
        "cité ou citée par votre nom ? Sans réponse de votre part, vous apparaîtrez comme "
        "« un membre de l’espace »."
    ) % {"space": topic.space.name, "topic": topic.title}
    compose(
        author.email,
        _("Être cité dans une fiche action ?"),
        text,
        name=author.first_name,
        actions=[Link(_("Répondre"), absolute(consent_url(topic)))],
    ).send()


def pending_consent(user, topic):
    """The question waiting for `user` about `topic`, or None."""
    if not user.is_authenticated:
        return None
    return topic.citation_consents.filter(user=user, answer=Answer.PENDING).first()


def consents_waiting_for(user):
    """Topics whose moderation waits for `user`'s answer, in the spaces they read."""
    return (
        CitationConsent.objects.filter(user=user, answer=Answer.PENDING)
        .filter(topic__space__in=permissions.readable_spaces(user))
        .select_related("topic__space")
    )


def answer_consent(topic, user, *, agreed):
    """Record the author's own answer; only someone who was asked may answer."""
    consent = CitationConsent.objects.filter(topic=topic, user=user).first()
    if consent is None:
        raise CapitalisationError(_("Personne ne vous a demandé votre accord pour ce sujet."))
    consent.answer = Answer.AGREED if agreed else Answer.DECLINED
    consent.answered_at = timezone.now()
    consent.save(update_fields=["answer", "answered_at"])
    return consent


def agreed_authors(topic):
    return set(
        topic.citation_consents.filter(answer=Answer.AGREED).values_list("user_id", flat=True)
    )


# --- the draft ----------------------------------------------------------------


def credit(post, credited_author_ids):
    if post.author is not None and not post.anonymous and post.author_id in credited_author_ids:
        return user_display_name(post.author)
    return _("un membre de l’espace")


def citable_text(post, named):
    """The post's Markdown without its quotations of other posts, each @mention replaced by
    the person's name if they agreed to be named (`named`: {username: name}), else by
    "a member of the space"."""
    kept = [line for line in post.body.splitlines() if not QUOTED_LINE.match(line)]

    def replace(match):
        return named.get(match.group(1), _("un membre de l’espace"))

    return MENTION.sub(replace, "\n".join(kept)).strip()


def named_people(credited_author_ids):
    people = get_user_model().objects.filter(pk__in=credited_author_ids)
    return {person.get_username(): user_display_name(person) for person in people}


def context_html(topic, quotes):
    """The sheet's context: where it comes from, then each (quote HTML, credit)."""
    intro = _(
        "D’après les échanges de l’espace de pair-émulation « %(space)s », sujet « %(topic)s »."
    ) % {"space": topic.space.name, "topic": topic.title}
    parts = [f"<p>{escape(intro)}</p>"]
    for quote, who in quotes:
        parts.append(f"<blockquote>{quote}</blockquote><p>— {escape(who)}</p>")
    return "".join(parts)


def unique_slug(parent, title):
    base = slugify(title)[:70] or "fiche"
    slug, number = base, 1
    while Page.objects.child_of(parent).filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def capitalise(topic, user, posts):
    """Create the draft sheet naming only the authors who agreed, start its review, link it to
    the topic; returns the sheet."""
    if not can_capitalise(user, topic):
        raise CapitalisationError(_("Vous ne pouvez pas capitaliser ce sujet."))
    if topic.capitalised_as_id:
        raise CapitalisationError(_("Ce sujet a déjà donné lieu à une fiche action."))
    citable = set(citable_posts(topic, user).values_list("pk", flat=True))
    posts = [post for post in posts if post.pk in citable]
    if not posts:
        raise CapitalisationError(_("Choisissez au moins un message à reprendre dans la fiche."))
    index = sheets_index()
    if index is None:
        raise CapitalisationError(_("Aucune rubrique de fiches action n’accueille les brouillons."))
    space = topic.space
    credited = agreed_authors(topic)
    named = named_people(credited)
    quotes = [
        (render_markdown(citable_text(post, named)), credit(post, credited)) for post in posts
    ]
    with transaction.atomic():
        sheet = PracticeSheetPage(
            title=topic.title,
            slug=unique_slug(index, topic.title),
            summary=Truncator(flatten(quotes[0][0])).chars(590),
            context=context_html(topic, quotes),
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
