"""Who the admin is showing things to, for the length of a request.

A page's title in the admin depends on who looks: its organisation's editors see the draft's
title, another organisation's editors the title it was published under
(``newsroom.permissions.RolePermissionsMixin.get_admin_display_title``). Wagtail asks a page for
that title in many places (listings, breadcrumbs, choosers and their widgets in edit forms,
notifications), none of which pass the user along; :class:`ViewerMiddleware` records the request
so that the page can ask :func:`current`. Outside a request (management commands, scheduled
publishing) there is no viewer and Wagtail's own title is used.
"""

from contextvars import ContextVar

_request = ContextVar("newsroom_viewer_request", default=None)


class ViewerMiddleware:
    """Records the request being answered (after ``AuthenticationMiddleware``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def current():
    """The signed-in user the current request is answered for, or ``None``."""
    request = _request.get()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return user
