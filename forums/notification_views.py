"""Following spaces and topics, the notification list, e-mail preferences, unsubscribing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from forums import capitalise, moderator_alerts, notifications, permissions, unsubscribing
from forums.forms import NotificationSettingsForm, submitted
from forums.models import Notification, Topic
from forums.views import directory_link, listed_space_or_404
from kb.navigation import breadcrumb

NOTIFICATIONS_PER_PAGE = 30


@login_required
def notification_list(request):
    if request.method == "POST":
        Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        return redirect("forums:notifications")
    mine = Notification.objects.filter(recipient=request.user)
    visible = notifications.deliverable(mine, request.user).select_related(
        "post__topic__space", "post__author"
    )
    return render(
        request,
        "forums/notifications.html",
        {
            "page_obj": Paginator(visible, NOTIFICATIONS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "moderation_work": moderator_alerts.waiting_work(request.user),
            "consents_waiting": capitalise.consents_waiting_for(request.user),
            "breadcrumb": breadcrumb(request, _("Notifications"), [directory_link()]),
        },
    )


@login_required
def notification_settings(request):
    form = NotificationSettingsForm(
        **submitted(request),
        instance=notifications.settings_of(request.user),
        moderates=permissions.moderated_spaces(request.user).exists(),
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vos préférences de notification sont enregistrées."))
        return redirect("forums:notification_settings")
    return render(
        request,
        "forums/notification_settings.html",
        {
            "form": form,
            "breadcrumb": breadcrumb(request, _("Préférences de notification"), [directory_link()]),
        },
    )


# Mail clients send the one-click POST of RFC 8058 without a session or a CSRF token;
# the signed token in the address is what proves the request.
@csrf_exempt
def unsubscribe(request, token):
    user = unsubscribing.user_for_token(token)
    if user is None:
        raise Http404
    if request.method == "POST":
        unsubscribing.unsubscribe(user)
        return render(request, "forums/unsubscribed.html", {"email": user.email})
    return render(request, "forums/unsubscribe.html", {"email": user.email, "token": token})


@require_POST
def toggle_follow(request, slug, pk=None):
    space = listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(space.get_absolute_url())
    if not permissions.can_read_space(request.user, space):
        raise Http404
    target = {"topic": get_object_or_404(Topic, pk=pk, space=space)} if pk else {"space": space}
    if notifications.follows(request.user, **target):
        notifications.unfollow(request.user, **target)
        messages.info(request, _("Vous ne suivez plus ces échanges."))
    else:
        notifications.follow(request.user, **target)
        messages.success(
            request, _("Vous suivez ces échanges : ils apparaîtront dans vos notifications.")
        )
    return redirect(target.get("topic", space).get_absolute_url())
