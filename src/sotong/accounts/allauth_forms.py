"""Subclasses of allauth's own forms.

Kept apart from forms.py: allauth imports forms.SignupExtraForm while its forms module is still
loading, so forms.py must not import allauth's forms.
"""

from allauth.account.forms import LoginForm as AllauthLoginForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = _("로그인 상태 유지")
