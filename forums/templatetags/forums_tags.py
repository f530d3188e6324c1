from django import template
from django.utils.translation import gettext as _

from kb.models.profiles import user_display_name

register = template.Library()


@register.simple_tag
def post_author(post, sees_authors=False):
    """How a post's author is named: members of an anonymous post's space do not learn who
    wrote it, moderators do; a deleted account leaves a former member."""
    if post.author is None:
        return _("Ancien membre")
    name = user_display_name(post.author)
    if not post.anonymous:
        return name
    if sees_authors:
        return _("%(name)s (anonyme pour les membres)") % {"name": name}
    return _("Membre de l’espace (anonyme)")


@register.simple_tag
def member_name(user):
    return user_display_name(user) if user is not None else _("Ancien membre")
