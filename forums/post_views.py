"""Authors editing and withdrawing their own posts, and the posts' attachments."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from forums import memberships, permissions, posting
from forums.forms import EditForm, submitted
from forums.models import Attachment, Post
from forums.views import directory_link, listed_space_or_404, space_link, topic_link
from kb.models.profiles import user_display_name
from kb.navigation import breadcrumb

MAX_TYPED = 50


def attachment(request, slug, pk):
    """Serve an attachment to those who may read its post, and to nobody else."""
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attached = get_object_or_404(
        Attachment.objects.filter(post__in=Post.objects.readable_by(request.user)),
        pk=pk,
        post__topic__space__slug=slug,
    )
    response = FileResponse(
        attached.file.open("rb"),
        content_type=attached.content_type,
        as_attachment=attached.kind == Attachment.Kind.PDF,
        filename=attached.name,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def own_post_or_404(request, slug, pk):
    return get_object_or_404(
        Post.objects.written_by(request.user).select_related("topic__space"),
        pk=pk,
        topic__space__slug=slug,
    )


def edit_post(request, slug, pk):
    listed_space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post = own_post_or_404(request, slug, pk)
    form = EditForm(**submitted(request), initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        was_hidden = post.status == Post.Status.HIDDEN
        try:
            posting.edit(post, request.user, body=form.cleaned_data["body"])
        except posting.PostingError as refusal:
            form.add_error(None, refusal.message)
        else:
            if was_hidden and post.status == Post.Status.PENDING:
                messages.success(
                    request,
                    _(
                        "Votre message modifié est transmis à la modération : il sera de "
                        "nouveau visible une fois validé."
                    ),
                )
            else:
                messages.success(request, _("Votre message est modifié."))
            return redirect(post.get_absolute_url())
    space = post.topic.space
    return render(
        request,
        "forums/edit_post.html",
        {
            "post": post,
            "form": form,
            "breadcrumb": breadcrumb(
                request,
                _("Modifier mon message"),
                [
                    directory_link(),
                    space_link(space),
                    topic_link(post.topic),
                ],
            ),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def delete_post(request, slug, pk):
    if not request.user.is_authenticated:
        raise Http404
    post = own_post_or_404(request, slug, pk)
    try:
        posting.delete(post, request.user)
    except posting.PostingError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Votre message est supprimé."))
    return redirect(post.topic.get_absolute_url())


def mention_suggestions(request, slug):
    """Members of the space to mention, as the writer types "@…" (JSON, for posting.js)."""
    space = listed_space_or_404(request, slug)
    if not permissions.can_post_in_space(request.user, space):
        raise Http404
    typed = request.GET.get("q", "").strip().lstrip("@")[:MAX_TYPED]
    members = memberships.mentionable_members(space, typed) if typed else []
    suggestions = [
        {"username": member.get_username(), "name": user_display_name(member)} for member in members
    ]
    status = ngettext(
        "%(count)s personne à mentionner : flèches haut et bas pour choisir, Entrée pour "
        "l’insérer.",
        "%(count)s personnes à mentionner : flèches haut et bas pour choisir, Entrée pour "
        "l’insérer.",
        len(suggestions),
    ) % {"count": len(suggestions)}
    return JsonResponse({"suggestions": suggestions, "status": status if suggestions else ""})
