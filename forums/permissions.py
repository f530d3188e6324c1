"""Who may see and do what in the peer-exchange spaces: the one place that decides.

Views, search, feeds and e-mail all ask here. Reading a space means reading its
topics and published posts; a members-only space is read by its active members
(not while suspended) and by site moderators; a space open to signed-in people
is read by anyone signed in. Which posts a person reads is `readable_posts`,
which `Post.objects.readable_by(user)` answers with; what they may do with a
post they read is `actions_on`, which templates show and never work out.
"""

import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

# The post models ask this module which posts a person reads: the spaces' module is
# imported on its own so that loading the post models does not need this one loaded.
from forums.models.spaces import Space, SpaceMembership

MODERATE_ALL_SPACES = "forums.moderate_all_spaces"
# The backend that holds group and user permissions (kb.settings lists several).
PERMISSIONS_BACKEND = "django.contrib.auth.backends.ModelBackend"


def is_site_moderator(user):
    return user.is_authenticated and user.has_perm(MODERATE_ALL_SPACES)


def active_memberships(user, at=None):
    """Memberships that give access now: accepted and not suspended."""
    if not user.is_authenticated:
        return SpaceMembership.objects.none()
    now = at or timezone.now()
    return SpaceMembership.objects.filter(user=user, status=SpaceMembership.Status.ACTIVE).exclude(
        suspended_until__gt=now
    )


def readable_spaces(user):
    """The spaces whose discussions `user` may read."""
    if is_site_moderator(user):
        return Space.objects.all()
    if not user.is_authenticated:
        return Space.objects.none()
    member_of = active_memberships(user).values("space_id")
    return Space.objects.filter(Q(visibility=Space.Visibility.SIGNED_IN) | Q(pk__in=member_of))


@dataclass(frozen=True)
class Standing:
    """What a person may do in one space, read from their one membership there."""

    reads: bool = False
    moderates: bool = False
    # Blocked by the space's moderation, or suspended there for now.
    barred: bool = False
    # Active and unsuspended members post; moderators of the space too.
    posts: bool = False

    @property
    def writes(self):
        return self.posts and not self.barred


def standing(user, space, at=None):
    """`Standing` of `user` in `space` at `at` (now): one query for the membership, and
    the site moderators' permission, which Django keeps on the user for the request."""
    if not user.is_authenticated:
        return Standing()
    now = at or timezone.now()
    membership = (
        SpaceMembership.objects.filter(user=user, space=space)
        .only("status", "role", "suspended_until")
        .first()
    )
    suspended = membership is not None and bool(
        membership.suspended_until and membership.suspended_until > now
    )
    active = (
        membership is not None
        and membership.status == SpaceMembership.Status.ACTIVE
        and not suspended
    )
    site_moderator = is_site_moderator(user)
    moderates = site_moderator or (active and membership.role == SpaceMembership.Role.MODERATOR)
    return Standing(
        reads=site_moderator or space.visibility == Space.Visibility.SIGNED_IN or active,
        moderates=moderates,
        barred=membership is not None
        and (membership.status == SpaceMembership.Status.BLOCKED or suspended),
        posts=active or moderates,
    )


def space_readers(space, at=None):
    """The active accounts that read `space` at `at` (now): `readable_spaces` seen from the
    space, to tell all the readers of a post at once."""
    accounts = get_user_model()._default_manager
    users = accounts.filter(is_active=True)
    if space.visibility == Space.Visibility.SIGNED_IN:
        return users
    now = at or timezone.now()
    members = SpaceMembership.objects.filter(
        space=space, status=SpaceMembership.Status.ACTIVE
    ).exclude(suspended_until__gt=now)
    site_moderators = accounts.with_perm(MODERATE_ALL_SPACES, backend=PERMISSIONS_BACKEND)
    return users.filter(
        Q(pk__in=members.values("user_id")) | Q(pk__in=site_moderators.values("pk"))
    )


def can_read_space(user, space):
    return standing(user, space).reads


def is_listed(user, space):
    """`listed_spaces` for one space in hand: a query only for a closed invitation-only one."""
    hidden = (
        space.visibility == Space.Visibility.MEMBERS
        and space.join_policy == Space.JoinPolicy.INVITATION
    )
    return not hidden or can_read_space(user, space)


def listed_spaces(user):
    """Spaces shown in the directory: every space but the invitation-only closed ones
    of which `user` is not a member, so that people can ask to join the others."""
    hidden = Q(visibility=Space.Visibility.MEMBERS, join_policy=Space.JoinPolicy.INVITATION)
    return Space.objects.exclude(hidden & ~Q(pk__in=readable_spaces(user).values("pk")))


def is_barred_from(user, space, at=None):
    """Blocked from `space` by its moderation, or suspended there for now: such a person
    writes nothing in the space (posts, edits, withdrawals, reports) and cannot rejoin it."""
    return standing(user, space, at).barred


def can_post_in_space(user, space):
    """Active, unsuspended members write; moderators of the space too."""
    return standing(user, space).posts


def moderated_spaces(user):
    if is_site_moderator(user):
        return Space.objects.all()
    return Space.objects.filter(
        pk__in=active_memberships(user)
        .filter(role=SpaceMembership.Role.MODERATOR)
        .values("space_id")
    )


def can_moderate_space(user, space):
    return standing(user, space).moderates


def moderators_of(space):
    """The active accounts that may moderate `space` now: its moderators (not while
    suspended) and the site moderators."""
    accounts = get_user_model()._default_manager
    users = accounts.filter(is_active=True)
    site_moderators = accounts.with_perm(MODERATE_ALL_SPACES, backend=PERMISSIONS_BACKEND)
    space_moderators = SpaceMembership.objects.filter(
        space=space, status=SpaceMembership.Status.ACTIVE, role=SpaceMembership.Role.MODERATOR
    ).exclude(suspended_until__gt=timezone.now())
    return users.filter(
        Q(pk__in=site_moderators.values("pk")) | Q(pk__in=space_moderators.values("user_id"))
    )


def administered(user, queryset):
    """What `user` may see of spaces, memberships, reports and the moderation log in the
    admin (listings and choosers alike): everything for site moderators, nothing for others,
    whatever other admin rights they hold."""
    return queryset if is_site_moderator(user) else queryset.none()


# --- posts --------------------------------------------------------------------


def post_status():
    # The post models import this module: their statuses are read once both are loaded.
    from forums.models.discussions import Post

    return Post.Status


def published_post(via=""):
    """`published_posts` as a condition on the post at `via` (a path such as "post__" from a
    row that points to a post), for the database to follow from the rows filtered."""
    return Q(**{f"{via}status": post_status().PUBLISHED, f"{via}deleted_at__isnull": True})


def published_posts(posts):
    """The posts of `posts` that every reader of their space reads: published, not withdrawn."""
    return posts.filter(published_post())


def is_published(post):
    """`published_posts` for one post in hand."""
    return post.status == post.Status.PUBLISHED and post.deleted_at is None


def waiting_posts(posts):
    """The posts of `posts` that wait for a moderator's review."""
    return posts.filter(status=posts.model.Status.PENDING, deleted_at__isnull=True)


def readable_posts(posts, user):
    """The posts of `posts` that `user` may read.

    Withdrawn posts are read by nobody. Published ones are read by the readers of
    their space; a post waiting for review by its author too; the moderators of a
    space also read its waiting and hidden posts.
    """
    if not user.is_authenticated:
        return posts.none()
    Status = posts.model.Status
    in_read_space = Q(topic__space__in=readable_spaces(user))
    read_there = Q(status=Status.PUBLISHED) | Q(status=Status.PENDING, author=user)
    moderated = Q(
        topic__space__in=moderated_spaces(user), status__in=[Status.PENDING, Status.HIDDEN]
    )
    return posts.filter(deleted_at__isnull=True).filter((in_read_space & read_there) | moderated)


def readable_posts_in(posts, user, rights):
    """`readable_posts` among the posts of one space where `user` has `rights` (`standing`):
    the same posts, chosen without asking the database which spaces `user` reads and
    moderates, as a topic page does for its count and its page of posts."""
    if not user.is_authenticated:
        return posts.none()
    Status = posts.model.Status
    shown = []
    if rights.reads:
        shown += [Q(status=Status.PUBLISHED), Q(status=Status.PENDING, author=user)]
    if rights.moderates:
        shown.append(Q(status__in=[Status.PENDING, Status.HIDDEN]))
    if not shown:
        return posts.none()
    return posts.filter(reduce(operator.or_, shown), deleted_at__isnull=True)


def readable_published_post(user, via=""):
    """`published_post` and `readable_posts` together, as a condition on the post at `via`:
    a published post is read by the readers of its space, which is all the database is
    asked, for the count of unread notifications on every signed-in page."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return published_post(via) & Q(**{f"{via}topic__space__in": readable_spaces(user)})


def own_posts(posts, user):
    """The posts of `posts` that `user` wrote and has not withdrawn."""
    if not user.is_authenticated:
        return posts.none()
    return posts.filter(author=user, deleted_at__isnull=True)


def is_own_post(user, post):
    """`own_posts` for one post in hand."""
    return user.is_authenticated and post.author_id == user.pk and post.deleted_at is None


def may_write_in(user, space):
    """Whether `user` may write in `space` now: not barred from it, and allowed to post."""
    return standing(user, space).writes


@dataclass(frozen=True)
class PostActions:
    """What a person may do with a post they read."""

    edit: bool = False
    delete: bool = False
    report: bool = False
    quote: bool = False


def actions_on(user, space, posts, replying=False, rights=None):
    """[(post, PostActions)] of what `user` may do with each of `posts`, all of `space`.

    Authors edit their posts while they may write in the space, and withdraw them
    unless barred from it; readers report the published posts of others unless
    barred, and quote the published posts in the reply they may write (`replying`).
    The space's rules are read once for all the posts, or given as `rights` (`standing`)
    by a view that has them already.
    """
    if not user.is_authenticated:
        return [(post, PostActions()) for post in posts]
    rights = rights or standing(user, space)
    barred, writes, reads = rights.barred, rights.writes, rights.reads

    def actions(post):
        own = is_own_post(user, post)
        return PostActions(
            edit=own and writes,
            delete=own and not barred,
            report=post.author_id != user.pk and reads and not barred and is_published(post),
            quote=replying and is_published(post),
        )

    return [(post, actions(post)) for post in posts]


def actions_on_post(user, post):
    return actions_on(user, post.topic.space, [post])[0][1]


# --- search --------------------------------------------------------------------

# Who may see a search document, besides everyone (public pages): people signed in, or
# the readers of one members-only space.
SIGNED_IN = "signed_in"


def members_of(space_id):
    return f"space:{space_id}"


def visibility_of(space):
    """Who may see the search documents of the posts of `space`."""
    if space.visibility == Space.Visibility.SIGNED_IN:
        return [SIGNED_IN]
    return [members_of(space.pk)]


def search_visibility(user):
    """Visibility values of the search documents `user` may see, besides public ones."""
    if not user.is_authenticated:
        return []
    readable_closed = readable_spaces(user).filter(visibility=Space.Visibility.MEMBERS)
    return [SIGNED_IN, *(members_of(pk) for pk in readable_closed.values_list("pk", flat=True))]
