"""Public pages show plans' events and quizzes: a change to them starts a new page-cache generation
(``home.page_cache`` watches the apps it knows; this app tells it about its own models)."""

from home import page_cache

#: Written by public requests or never shown on public pages.
QUIET = {"quizresponse", "notice", "remindernotice", "contribution", "provincialreport"}


def on_change(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label == "plans" and meta.model_name not in QUIET:
        page_cache.invalidate()
