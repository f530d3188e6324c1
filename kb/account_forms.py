"""allauth's account forms, as the site checks them."""

from allauth.account import forms
from allauth.account.adapter import get_adapter

from kb.security import confirms_password


class ChangePasswordForm(forms.ChangePasswordForm):
    """The current password is checked like every other (`kb.security.confirms_password`)."""

    def clean_oldpassword(self):
        password = self.cleaned_data.get("oldpassword", "")
        if not confirms_password(self.user, password):
            raise get_adapter().validation_error("enter_current_password")
        return password
