from forums.moderator_alerts import waiting_count
from forums.notifications import unread_count


def notifications(request):
    """The unread count, and what waits for the moderation, shown in the header, for
    signed-in people only."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user), "moderation_waiting": waiting_count(user)}
