"""The front-end moderation of a space: its queue, and the actions moderators take from it.

Only moderators of the space (and site moderators) reach these views; anyone
else gets the same 404 as for an address that does not exist.
"""

from datetime import timedelta
from functools import partial

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums import moderation, moderator_alerts, permissions
from forums.forms import ModerationForm, ReportForm, SuspensionForm
from forums.models import ModerationAction, Post, Space, SpaceMembership, Topic
from forums.views import as_id, directory_link, listed_space_or_404, space_link
from kb.navigation import breadcrumb, next_url

Kind = ModerationAction.Kind
LOG_LENGTH = 30


def moderated_space_or_404(request, slug):
    space = listed_space_or_404(request, slug)
    if not permissions.can_moderate_space(request.user, space):
        raise Http404
    return space


def queue_url(space):
    return reverse("forums:moderation", args=[space.slug])


def moderation_queue(request, slug):
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    space = moderated_space_or_404(request, slug)
    pending = Post.objects.readable_by(request.user).waiting().filter(topic__space=space)
    return render(
        request,
        "forums/moderation_queue.html",
        {
            "space": space,
            "pending_posts": pending.select_related("topic", "author").prefetch_related(
                "attachments"
            ),
            "reports": moderation.open_reports(space)
            .select_related("post__topic", "post__author", "reporter")
            .prefetch_related("post__attachments"),
            "members": space.memberships.filter(status=SpaceMembership.Status.ACTIVE)
            .exclude(user=request.user)
            .select_related("user"),
            "actions": ModerationAction.objects.filter(space=space).select_related(
                "moderator", "member", "topic"
            )[:LOG_LENGTH],
            "join_requests": moderator_alerts.waiting_in(space).requests,
            "moderation_form": ModerationForm(),
            "suspension_form": SuspensionForm(),
            "breadcrumb": breadcrumb(
                request, _("Modération"), [directory_link(), space_link(space)]
            ),
        },
    )


def act(request, space, action, success):
    """Run a moderation action; tell the moderator what happened, or why it did not."""
    try:
        action()
    except moderation.NotModerator as error:
        raise Http404 from error
    except moderation.ModerationError as refusal:
        messages.warning(request, refusal.message)
    else:
        messages.success(request, success)
    return redirect(next_url(request, queue_url(space)))


@require_POST
def moderate_post(request, slug, pk):
    space = moderated_space_or_404(request, slug)
    post = get_object_or_404(Post, pk=pk, topic__space=space)
    form = ModerationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    kind = request.POST.get("action")
    if kind not in (Kind.APPROVE, Kind.HIDE, Kind.RESTORE):
        raise Http404
    return act(
        request,
        space,
        partial(moderation.change_post, post.pk, request.user, kind, reason),
        Kind(kind).label,
    )


@require_POST
def dismiss_report(request, slug, pk):
    space = moderated_space_or_404(request, slug)
    return act(
        request,
        space,
        partial(moderation.dismiss, pk, request.user, request.POST.get("reason", "")),
        Kind.DISMISS.label,
    )


@require_POST
def moderate_topic(request, slug, pk):
    space = moderated_space_or_404(request, slug)
    topic = get_object_or_404(Topic, pk=pk, space=space)
    kind = request.POST.get("action")
    if kind == Kind.MOVE:
        to_space = get_object_or_404(Space, pk=as_id(request.POST.get("to_space")))
        action = partial(moderation.move_topic, topic, request.user, to_space)
    elif kind in (Kind.LOCK, Kind.UNLOCK, Kind.PIN, Kind.UNPIN):
        action = partial(moderation.set_topic_flag, topic, request.user, kind)
    else:
        raise Http404
    return act(request, space, action, Kind(kind).label)


@require_POST
def moderate_member(request, slug, pk):
    space = moderated_space_or_404(request, slug)
    membership = get_object_or_404(SpaceMembership, pk=pk, space=space)
    kind = request.POST.get("action")
    if kind == Kind.BLOCK:
        reason = request.POST.get("reason", "")
        action = partial(moderation.block, space, membership.user, request.user, reason)
    elif kind == Kind.SUSPEND:
        form = SuspensionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Indiquez une durée entre 1 et 365 jours et un motif."))
            return redirect(queue_url(space))
        until = timezone.now() + timedelta(days=form.cleaned_data["days"])
        reason = form.cleaned_data["reason"]
        action = partial(moderation.suspend, membership, request.user, until, reason)
    else:
        raise Http404
    return act(request, space, action, Kind(kind).label)


@require_POST
def report_post(request, slug, pk):
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("forums:spaces"))
    post = get_object_or_404(
        Post.objects.readable_by(request.user).select_related("topic__space"),
        pk=pk,
        topic__space__slug=slug,
    )
    form = ReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Dites en quelques mots pourquoi vous signalez ce message."))
        return redirect(post.get_absolute_url())
    try:
        moderation.report(post, request.user, form.cleaned_data["reason"])
    except moderation.ModerationError as refusal:
        messages.warning(request, refusal.message)
    else:
        messages.success(request, _("Merci : la modération de l’espace va examiner ce message."))
    return redirect(post.get_absolute_url())
