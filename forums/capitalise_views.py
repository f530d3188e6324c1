"""Turning a topic into a draft practice sheet: the moderator's page, and the authors'
answer to whether they agree to be cited."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder

from forums import capitalise, permissions
from forums.forms import CapitaliseForm, ConsentForm, submitted
from forums.models import Topic
from forums.views import directory_link, listed_space_or_404, space_link, topic_link
from kb.navigation import breadcrumb


def topic_or_404(slug, pk):
    return get_object_or_404(Topic.objects.select_related("space"), pk=pk, space__slug=slug)


def topic_links(topic):
    return [
        directory_link(),
        space_link(topic.space),
        topic_link(topic),
    ]


def capitalise_topic(request, slug, pk):
    # A hidden space answers 404 to everyone, before asking anyone to sign in.
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    topic = topic_or_404(slug, pk)
    if not capitalise.can_capitalise(request.user, topic):
        raise Http404
    if request.method == "POST" and request.POST.get("action") == "ask":
        try:
            asked = capitalise.ask_consent(topic, request.user)
        except capitalise.CapitalisationError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s personne sollicitée, en ligne et par e-mail.",
                    "%(count)s personnes sollicitées, en ligne et par e-mail.",
                    asked,
                )
                % {"count": asked},
            )
        return redirect("forums:capitalise", slug, pk)
    posts = capitalise.citable_posts(topic, request.user).select_related("author")
    form = CapitaliseForm(**submitted(request), posts=posts)
    if request.method == "POST" and form.is_valid():
        try:
            sheet = capitalise.capitalise(topic, request.user, list(form.cleaned_data["posts"]))
        except capitalise.CapitalisationError as refusal:
            form.add_error(None, refusal.message)
        else:
            created = (
                _("La fiche « %s » est créée en brouillon et soumise à la relecture éditoriale.")
                % sheet.title
            )
            # Editors open it in the admin; a space moderator without the admin reads it here.
            draft_url = AdminURLFinder(request.user).get_edit_url(sheet) or reverse(
                "forums:capitalised_draft", args=[slug, pk]
            )
            messages.success(
                request,
                format_html('{} <a href="{}">{}</a>', created, draft_url, _("Ouvrir le brouillon")),
            )
            return redirect(topic.get_absolute_url())
    return render(
        request,
        "forums/capitalise.html",
        {
            "topic": topic,
            "form": form,
            "consents": capitalise.consents(topic).items(),
            "breadcrumb": breadcrumb(request, _("Capitaliser ce sujet"), topic_links(topic)),
        },
        status=400 if form.errors else 200,
    )


def capitalised_draft(request, slug, pk):
    """The draft sheet drawn from a topic, as it will read once published, for whoever may
    capitalise the topic: the space's moderators have no admin to preview it in."""
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    topic = topic_or_404(slug, pk)
    if topic.capitalised_as is None or not capitalise.can_capitalise(request.user, topic):
        raise Http404
    sheet = topic.capitalised_as.specific
    if sheet.live:
        return redirect(sheet.url)
    draft = sheet.get_latest_revision_as_object()
    return draft.serve_preview(request, draft.default_preview_mode)


def citation_consent(request, slug, pk):
    """An author says whether they agree to be named in the sheet drawn from the topic."""
    # A hidden space answers 404 to everyone, before asking anyone to sign in.
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    topic = topic_or_404(slug, pk)
    consent = topic.citation_consents.filter(user=request.user).first()
    if consent is None or not permissions.can_read_space(request.user, topic.space):
        raise Http404
    form = ConsentForm(**submitted(request))
    if request.method == "POST" and form.is_valid():
        capitalise.answer_consent(topic, request.user, agreed=form.cleaned_data["agreed"])
        messages.success(request, _("Votre réponse est enregistrée. Merci."))
        return redirect(topic.get_absolute_url())
    return render(
        request,
        "forums/citation_consent.html",
        {
            "topic": topic,
            "consent": consent,
            "form": form,
            "my_posts": capitalise.citable_posts(topic, request.user).filter(author=request.user),
            "breadcrumb": breadcrumb(
                request, _("Être cité dans une fiche action"), topic_links(topic)
            ),
        },
        status=400 if form.errors else 200,
    )
