from forums.notifications import unread_count


def notifications(request):
    """The unread count shown in the header, for signed-in people only."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
