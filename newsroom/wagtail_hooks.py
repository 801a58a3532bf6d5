from django.urls import path

from wagtail import hooks

from . import accounts


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", accounts.setup, name="newsroom_2fa_setup"),
        path("two-factor/verify/", accounts.verify, name="newsroom_2fa_verify"),
    ]
