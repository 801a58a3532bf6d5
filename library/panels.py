"""The product editor's panel beside the attachments: whether the text of each attached document
could be read for the search (``library/attachment_text.py``), and if not, why."""

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


def state_label(row, max_bytes):
    """What the editor is told about one document's text (``row``: its AttachmentText or None)."""
    from .models import AttachmentText

    Status = AttachmentText.Status
    if row is None or row.status == Status.PENDING:
        return Status.PENDING.label, False
    if row.status == Status.DONE:
        if not row.characters:
            return gettext("no text found: perhaps a scan or pictures only"), True
        label = ngettext(
            "text found (%(count)s character)", "text found (%(count)s characters)", row.characters
        ) % {"count": number_format(row.characters, force_grouping=True)}
        if row.reason == AttachmentText.Reason.TRUNCATED:
            label = f"{label}; {AttachmentText.Reason.TRUNCATED.label}"
        return label, False
    if row.status == Status.FAILED:
        reason = row.get_reason_display() if row.reason else AttachmentText.Reason.UNREADABLE.label
        return gettext("could not be read: %(reason)s") % {"reason": reason}, True
    if row.status == Status.TOO_LARGE:
        return gettext("not read: larger than %(size)s") % {"size": filesizeformat(max_bytes)}, True
    return Status.UNSUPPORTED.label, True


class AttachmentTextPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Text of the attached files"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/attachment_text_panel.html"

        def _document_ids(self):
            from .attachment_text import attached_document_ids

            return attached_document_ids(getattr(self.instance, "attachments", None))

        def is_shown(self):
            return bool(self.instance and self._document_ids())

        def get_context_data(self, parent_context=None):
            from wagtail.documents import get_document_model

            from .attachment_text import limits

            context = super().get_context_data(parent_context)
            ids = self._document_ids()
            documents = get_document_model().objects.filter(pk__in=ids).select_related("attachment_text")
            by_id = {document.pk: document for document in documents}
            max_bytes = int(limits()["MAX_BYTES"])
            entries = []
            for pk in ids:
                document = by_id.get(pk)
                if document is None:
                    continue
                row = getattr(document, "attachment_text", None)
                label, problem = state_label(row, max_bytes)
                entries.append(
                    {
                        "title": document.title,
                        "filename": document.filename,
                        "state": label,
                        "problem": problem,
                    }
                )
            context["entries"] = entries
            context["any_problem"] = any(entry["problem"] for entry in entries)
            return context
