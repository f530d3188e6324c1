"""Reading the peer-exchange spaces: the directory, a space and its topics, a topic's posts.

What each person may read is decided in `forums.permissions`. A topic of a space
one may not read answers 404, exactly like a topic that does not exist, so that
nothing about a closed space leaks through its addresses.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from forums import permissions
from forums.models import Post, Topic
from kb.navigation import breadcrumb

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20


def directory_link():
    return {"url": reverse("forums:spaces"), "title": _("Espaces de pair-émulation")}


def space_list(request):
    spaces = permissions.listed_spaces(request.user).select_related("theme", "region", "department")
    readable = set(permissions.readable_spaces(request.user).values_list("pk", flat=True))
    return render(
        request,
        "forums/space_list.html",
        {
            "spaces": [(space, space.pk in readable) for space in spaces],
            "breadcrumb": breadcrumb(request, _("Espaces de pair-émulation")),
        },
    )


def space_detail(request, slug):
    space = get_object_or_404(permissions.listed_spaces(request.user), slug=slug)
    can_read = permissions.can_read_space(request.user, space)
    page = None
    if can_read:
        topics = space.topics.select_related("author")
        page = Paginator(topics, TOPICS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forums/space_detail.html",
        {
            "space": space,
            "can_read": can_read,
            "page": page,
            "breadcrumb": breadcrumb(request, space.name, [directory_link()]),
        },
    )


def topic_detail(request, slug, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    topic = get_object_or_404(Topic.objects.select_related("space"), pk=pk, space__slug=slug)
    if not permissions.can_read_space(request.user, topic.space):
        raise Http404
    posts = topic.posts.filter(status=Post.Status.PUBLISHED, deleted_at__isnull=True)
    page = Paginator(posts.select_related("author"), POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "forums/topic_detail.html",
        {
            "space": topic.space,
            "topic": topic,
            "page": page,
            "sees_authors": permissions.can_moderate_space(request.user, topic.space),
            "breadcrumb": breadcrumb(
                request,
                topic.title,
                [
                    directory_link(),
                    {"url": reverse("forums:space", args=[slug]), "title": topic.space.name},
                ],
            ),
        },
    )
