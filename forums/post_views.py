"""Authors editing and withdrawing their own posts."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums import posting
from forums.forms import EditForm
from forums.models import Post
from forums.views import directory_link, space_link
from kb.navigation import breadcrumb


def own_post_or_404(request, slug, pk):
    post = get_object_or_404(
        Post.objects.select_related("topic__space"),
        pk=pk,
        topic__space__slug=slug,
        author=request.user,
        deleted_at__isnull=True,
    )
    return post


def edit_post(request, slug, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post = own_post_or_404(request, slug, pk)
    form = EditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            posting.edit(post, request.user, body=form.cleaned_data["body"])
        except posting.PostingError as refusal:
            form.add_error(None, refusal.message)
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
                    {"url": post.topic.get_absolute_url(), "title": post.topic.title},
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
    posting.delete(post, request.user)
    messages.success(request, _("Votre message est supprimé."))
    return redirect(post.topic.get_absolute_url())
