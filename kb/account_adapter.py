"""allauth's account adapter, with the links of its e-mails on the site's public address."""

from allauth.account.adapter import DefaultAccountAdapter

from kb.site_url import on_site


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # allauth builds its links (activate_url, password_reset_url, signup_url...)
        # on the host the request came through; a proxy on loopback would leak there.
        context = {
            name: on_site(value) if name.endswith("_url") and is_absolute(value) else value
            for name, value in context.items()
        }
        super().send_mail(template_prefix, email, context)


def is_absolute(value):
    return isinstance(value, str) and value.startswith(("http://", "https://"))
