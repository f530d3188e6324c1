"""The peer-exchange spaces: the directory, a space and its topics, a topic's posts, joining.

What each person may read is decided in `forums.permissions`. A topic of a space
one may not read answers 404, exactly like a topic that does not exist, so that
nothing about a closed space leaks through its addresses.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums import (
    capitalise,
    memberships,
    moderator_alerts,
    notifications,
    permissions,
    posting,
)
from forums.forms import (
    AcceptInvitationForm,
    DecisionForm,
    InvitationForm,
    JoinForm,
    ModerationForm,
    ReplyForm,
    TopicForm,
    submitted,
)
from forums.models import ModerationAction, Post, Space, SpaceMembership, Topic, TopicReading
from kb.models.profiles import user_display_name
from kb.navigation import breadcrumb

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20


# Spaces, topics and messages are written by members in the site's language, shown as such
# (`lang`) on English pages.
CONTENT_LANGUAGE = settings.LANGUAGE_CODE


def directory_link():
    return {"url": reverse("forums:spaces"), "title": _("Espaces de pair-émulation")}


def space_link(space):
    return {"url": space.get_absolute_url(), "title": space.name, "language": CONTENT_LANGUAGE}


def topic_link(topic):
    return {"url": topic.get_absolute_url(), "title": topic.title, "language": CONTENT_LANGUAGE}


def as_id(value):
    """A row id typed in an address or a form, or None for anything else ("NaN", "0x10"...)."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def listed_space_or_404(request, slug):
    """The space at `slug` if `user` may know it exists: every view of a space starts here,
    so that a hidden space answers 404 on every address, like a space that does not exist."""
    space = get_object_or_404(Space, slug=slug)
    if not permissions.is_listed(request.user, space):
        raise Http404
    return space


def space_list(request):
    spaces = permissions.listed_spaces(request.user).select_related("theme", "region", "department")
    readable = set(permissions.readable_spaces(request.user).values_list("pk", flat=True))
    waiting = {work.space.pk: work.total for work in moderator_alerts.waiting_work(request.user)}
    return render(
        request,
        "forums/space_list.html",
        {
            "spaces": [(space, space.pk in readable, waiting.get(space.pk, 0)) for space in spaces],
            "breadcrumb": breadcrumb(request, _("Espaces de pair-émulation")),
        },
    )


def space_detail(request, slug, join_form=None):
    space = listed_space_or_404(request, slug)
    rights = permissions.standing(request.user, space)
    can_read = rights.reads
    page = None
    if can_read:
        topics = space.topics.filter(
            Exists(Post.objects.readable_by(request.user).filter(topic=OuterRef("pk")))
        ).annotate(
            read_up_to=read_up_to(request.user),
            is_new=ExpressionWrapper(
                Q(read_up_to__isnull=True) | Q(last_activity_at__gt=F("read_up_to")),
                output_field=BooleanField(),
            ),
        )
        page = Paginator(topics, TOPICS_PER_PAGE).get_page(request.GET.get("page"))
    membership = (
        space.memberships.filter(user=request.user).first()
        if request.user.is_authenticated
        else None
    )
    may_join = memberships.may_ask_to_join(space, membership)
    if may_join and join_form is None:
        join_form = JoinForm(space=space)
    moderates = rights.moderates
    return render(
        request,
        "forums/space_detail.html",
        {
            "space": space,
            "can_read": can_read,
            "page_obj": page,
            "membership": membership,
            "join_form": join_form if may_join else None,
            "moderates": moderates,
            "may_post": rights.posts,
            "follows": request.user.is_authenticated
            and notifications.follows(request.user, space=space),
            "waiting": moderator_alerts.waiting_in(space) if moderates else None,
            "breadcrumb": breadcrumb(
                request, space.name, [directory_link()], current_language=CONTENT_LANGUAGE
            ),
        },
        status=400 if join_form is not None and join_form.errors else 200,
    )


@require_POST
def join(request, slug):
    space = listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(space.get_absolute_url())
    form = JoinForm(request.POST, space=space)
    if not form.is_valid():
        return space_detail(request, slug, join_form=form)
    try:
        membership = memberships.join(
            space,
            request.user,
            accepted_charter=form.cleaned_data["accepted_charter"],
            message=form.cleaned_data.get("message", ""),
        )
    except memberships.MembershipError as refusal:
        messages.warning(request, refusal.message)
    else:
        if membership.status == SpaceMembership.Status.ACTIVE:
            messages.success(request, _("Bienvenue dans l’espace « %s ».") % space.name)
        else:
            messages.info(
                request,
                _(
                    "Votre demande est transmise à la modération de l’espace ; nous vous "
                    "écrirons dès qu’elle aura été examinée."
                ),
            )
    return redirect(space.get_absolute_url())


@require_POST
def leave(request, slug):
    space = listed_space_or_404(request, slug)
    if request.user.is_authenticated and memberships.leave(space, request.user):
        messages.success(request, _("Vous avez quitté l’espace « %s ».") % space.name)
    return redirect(reverse("forums:spaces"))


def join_requests(request, slug):
    space = listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_moderate_space(request.user, space):
        raise Http404
    return render(
        request,
        "forums/join_requests.html",
        {
            "space": space,
            "requests": memberships.pending_requests(space),
            "decision_form": DecisionForm(),
            "invitation_form": InvitationForm(),
            "breadcrumb": breadcrumb(
                request,
                _("Demandes d’adhésion"),
                [directory_link(), space_link(space)],
            ),
        },
    )


@require_POST
def invite(request, slug):
    space = listed_space_or_404(request, slug)
    if not permissions.can_moderate_space(request.user, space):
        raise Http404
    form = InvitationForm(request.POST)
    if form.is_valid():
        memberships.invite(space, request.user, form.cleaned_data["email"])
        messages.success(
            request,
            _("Invitation envoyée à %s ; le lien est valable %d jours.")
            % (form.cleaned_data["email"], memberships.INVITATION_DAYS),
        )
    else:
        messages.error(request, _("Saisissez une adresse électronique valide."))
    return redirect(reverse("forums:join_requests", args=[slug]))


def invitation(request, slug, token):
    # The signed token, not the list of spaces, is what shows the space to its invitee.
    space = memberships.space_of_invitation(token)
    if space is None or space.slug != slug:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = AcceptInvitationForm(**submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            memberships.accept_invitation(token, request.user, accepted_charter=True)
        except memberships.MembershipError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Bienvenue dans l’espace « %s ».") % space.name)
            return redirect(space.get_absolute_url())
    return render(
        request,
        "forums/invitation.html",
        {
            "space": space,
            "form": form,
            "breadcrumb": breadcrumb(request, _("Invitation"), [directory_link()]),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def decide(request, slug, pk):
    space = listed_space_or_404(request, slug)
    membership = get_object_or_404(SpaceMembership, pk=pk, space=space)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["message"] if form.is_valid() else ""
    approve = request.POST.get("decision") == "approve"
    try:
        memberships.decide(membership.pk, request.user, approve=approve, message=note)
    except memberships.NotModerator as error:
        raise Http404 from error
    except memberships.MembershipError as refusal:
        messages.warning(request, refusal.message)
    else:
        name = user_display_name(membership.user)
        if approve:
            messages.success(request, _("%s a rejoint l’espace.") % name)
        else:
            messages.info(request, _("La demande de %s est refusée.") % name)
    return redirect(reverse("forums:join_requests", args=[slug]))


def read_up_to(user):
    """When `user` last read each topic, for the "new" markers of the topic list."""
    readings = TopicReading.objects.filter(topic=OuterRef("pk"), user=user.pk)
    return Subquery(readings.values("read_at")[:1])


def mark_read(user, topic):
    """Record that `user` has read `topic` up to now, and its notifications as read, in one
    transaction. `topic.read_up_to` is their previous reading: when it is already past the
    topic's last activity, it still tells what is new and is left as it is."""
    now = timezone.now()
    with transaction.atomic():
        if topic.read_up_to is None:
            TopicReading.objects.bulk_create(
                [TopicReading(user=user, topic=topic, read_at=now)], ignore_conflicts=True
            )
        elif topic.read_up_to < topic.last_activity_at:
            TopicReading.objects.filter(user=user, topic=topic).update(read_at=now)
        notifications.mark_topic_read(user, topic, now)


def topic_detail(request, slug, pk, reply_form=None):
    space = listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    topic = get_object_or_404(
        Topic.objects.annotate(read_up_to=read_up_to(request.user)), pk=pk, space=space
    )
    topic.space = space
    rights = permissions.standing(request.user, space)
    if not rights.reads:
        raise Http404
    moderates = rights.moderates
    # Moderators read the hidden posts too: they see a placeholder with the reason.
    posts = permissions.readable_posts_in(topic.posts.all(), request.user, rights)
    posts = posts.select_related("author").prefetch_related("attachments")
    if moderates:
        hiding = ModerationAction.objects.filter(
            post=OuterRef("pk"), kind=ModerationAction.Kind.HIDE
        ).order_by("-created_at")
        posts = posts.prefetch_related("revisions").annotate(
            hidden_because=Subquery(hiding.values("reason")[:1])
        )
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    mark_read(request.user, topic)
    may_reply = posting.may_reply(topic, request.user, rights)
    if may_reply and reply_form is None:
        quote_id = as_id(request.GET.get("citer"))
        quote = None
        if quote_id:
            quotable = topic.posts.readable_by(request.user).published()
            quote = quotable.filter(pk=quote_id).first()
        reply_form = ReplyForm(initial={"body": posting.quoted(quote)} if quote else {})
    capitalises = capitalise.can_capitalise(request.user, topic, rights)
    return render(
        request,
        "forums/topic_detail.html",
        {
            "space": topic.space,
            "topic": topic,
            "page_obj": page,
            "posts": permissions.actions_on(
                request.user, space, page.object_list, replying=may_reply, rights=rights
            ),
            "sees_authors": moderates,
            "moderation_form": ModerationForm() if moderates else None,
            "follows": notifications.follows(request.user, topic=topic),
            "may_capitalise": not topic.capitalised_as_id and capitalises,
            "may_read_draft": capitalises,
            "reply_form": reply_form if may_reply else None,
            "held_for_review": may_reply and posting.will_be_held(space, request.user, rights),
            "consent_question": capitalise.pending_consent(request.user, topic),
            "breadcrumb": breadcrumb(
                request,
                topic.title,
                [directory_link(), space_link(topic.space)],
                current_language=CONTENT_LANGUAGE,
            ),
        },
        status=400 if reply_form is not None and reply_form.errors else 200,
    )


@require_POST
def reply(request, slug, pk):
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("forums:topic", args=[slug, pk]))
    topic = get_object_or_404(Topic.objects.select_related("space"), pk=pk, space__slug=slug)
    if not permissions.can_read_space(request.user, topic.space):
        raise Http404
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return topic_detail(request, slug, pk, reply_form=form)
    try:
        post = posting.reply(topic, request.user, **form.cleaned_data)
    except posting.PostingError as refusal:
        form.add_error(None, refusal.message)
        return topic_detail(request, slug, pk, reply_form=form)
    announce(request, post)
    return redirect(post.get_absolute_url())


def new_topic(request, slug):
    space = listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_post_in_space(request.user, space):
        raise Http404
    form = TopicForm(**submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            topic, post = posting.start_topic(space, request.user, **form.cleaned_data)
        except posting.PostingError as refusal:
            form.add_error(None, refusal.message)
        else:
            announce(request, post)
            return redirect(topic.get_absolute_url())
    return render(
        request,
        "forums/new_topic.html",
        {
            "space": space,
            "form": form,
            "held_for_review": posting.will_be_held(space, request.user),
            "breadcrumb": breadcrumb(
                request,
                _("Nouveau sujet"),
                [directory_link(), space_link(space)],
            ),
        },
        status=400 if form.errors else 200,
    )


def announce(request, post):
    if post.status == Post.Status.PENDING:
        messages.info(
            request,
            _(
                "Votre message est enregistré ; il sera visible des membres dès qu’un modérateur "
                "l’aura validé."
            ),
        )
    else:
        messages.success(request, _("Votre message est publié."))
