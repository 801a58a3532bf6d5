"""Workaround for wagtail/wagtail#11802, fixed only in part (Wagtail 6.2).

When the file field of a new document refuses the upload, the document has no file, yet
``AbstractDocument.clean()`` still checks its extension: every refusal then also says
"File extension “” is not allowed". Before refusing a new document's file, the form hands the
refused upload to the unsaved document, so that Wagtail's check sees the extension that was sent
(an accepted one, or the check's own message names it). Nothing is saved: the form is invalid.

Delete this module, and its call in ``newsroom.uploads.DocumentForm.clean_file``, when
``tests/newsroom/test_uploads_refusals.py::test_wagtail_11802_is_still_open`` fails.
"""


def keep_refused_file(form, uploaded):
    """Give ``form``'s new, unsaved document the refused ``uploaded`` file (see above)."""
    if form.instance.pk is None and not form.instance.file:
        form.instance.file = uploaded
