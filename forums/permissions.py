"""Who may see and do what in the peer-exchange spaces: the one place that decides.

Views, search, feeds and e-mail all ask here. Reading a space means reading its
topics and published posts; a members-only space is read by its active members
(not while suspended) and by site moderators; a space open to signed-in people
is read by anyone signed in.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from forums.models import Space, SpaceMembership
from forums.search import SIGNED_IN, members_of

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


def can_read_space(user, space):
    return readable_spaces(user).filter(pk=space.pk).exists()


def listed_spaces(user):
    """Spaces shown in the directory: every space but the invitation-only closed ones
    of which `user` is not a member, so that people can ask to join the others."""
    hidden = Q(visibility=Space.Visibility.MEMBERS, join_policy=Space.JoinPolicy.INVITATION)
    return Space.objects.exclude(hidden & ~Q(pk__in=readable_spaces(user).values("pk")))


def is_barred_from(user, space, at=None):
    """Blocked from `space` by its moderation, or suspended there for now: such a person
    writes nothing in the space (posts, edits, withdrawals, reports) and cannot rejoin it."""
    if not user.is_authenticated:
        return False
    now = at or timezone.now()
    return (
        SpaceMembership.objects.filter(user=user, space=space)
        .filter(Q(status=SpaceMembership.Status.BLOCKED) | Q(suspended_until__gt=now))
        .exists()
    )


def can_post_in_space(user, space):
    """Active, unsuspended members write; moderators of the space too."""
    if not user.is_authenticated:
        return False
    if active_memberships(user).filter(space=space).exists():
        return True
    return can_moderate_space(user, space)


def moderated_spaces(user):
    if is_site_moderator(user):
        return Space.objects.all()
    return Space.objects.filter(
        pk__in=active_memberships(user)
        .filter(role=SpaceMembership.Role.MODERATOR)
        .values("space_id")
    )


def can_moderate_space(user, space):
    return moderated_spaces(user).filter(pk=space.pk).exists()


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


def search_visibility(user):
    """Visibility values of the search documents `user` may see, besides public ones."""
    if not user.is_authenticated:
        return []
    readable_closed = readable_spaces(user).filter(visibility=Space.Visibility.MEMBERS)
    return [SIGNED_IN, *(members_of(pk) for pk in readable_closed.values_list("pk", flat=True))]
