"""Admin views: bulk import of products (dry run, then commit)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.models import Locale

from . import importer
from .models import ImportBatch, LibraryPage


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    language = forms.ChoiceField(label=_("Language of the records"))
    publish = forms.BooleanField(
        label=_("Publish new products at once (otherwise they are drafts)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (loc.language_code, loc.get_display_name()) for loc in Locale.objects.all()
        ]


def _library_permissions(user, language):
    library = LibraryPage.objects.filter(locale__language_code=language).first()
    if library is None:
        raise PermissionDenied
    permissions = library.permissions_for_user(user)
    if not permissions.can_add_subpage():
        raise PermissionDenied
    return permissions


def may_import(user):
    """Whether the user may add products to the library in at least one language."""
    return any(library.permissions_for_user(user).can_add_subpage() for library in LibraryPage.objects.all())


def import_products(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "page_title": _("Import library products"), "header_icon": "upload"}
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        permissions = _library_permissions(request.user, language)
        publish = form.cleaned_data["publish"]
        if publish and not permissions.can_publish_subpage():
            form.add_error("publish", _("You may create drafts here but not publish them."))
            return render(request, "library/admin/import.html", context)
        upload = form.cleaned_data["file"]
        content = upload.read(importer.MAX_BYTES + 1)
        try:
            rows = importer.read_rows(upload.name, content)
        except importer.ImportFileError as error:
            form.add_error("file", str(error))
            return render(request, "library/admin/import.html", context)
        report, _plans = importer.check(rows, Locale.objects.get(language_code=language), user=request.user)
        batch = ImportBatch.objects.create(
            user=request.user,
            filename=upload.name[:255],
            content=content,
            language=language,
            publish=publish,
            report=report.as_dict(),
        )
        context.update(batch=batch, report=report)
    return render(request, "library/admin/import.html", context)


@require_POST
def commit_import(request, batch_id):
    batch = get_object_or_404(ImportBatch, pk=batch_id, user=request.user, committed_at__isnull=True)
    permissions = _library_permissions(request.user, batch.language)
    if batch.publish and not permissions.can_publish_subpage():
        raise PermissionDenied
    rows = importer.read_rows(batch.filename, bytes(batch.content))
    report = importer.commit(
        rows, Locale.objects.get(language_code=batch.language), user=request.user, publish=batch.publish
    )
    batch.report = report.as_dict()
    if report.ok:
        batch.committed_at = timezone.now()
    batch.save(update_fields=["report", "committed_at"])
    context = {
        "form": ImportForm(),
        "batch": batch,
        "report": report,
        "committed": report.ok,
        "page_title": _("Import library products"),
        "header_icon": "upload",
    }
    return render(request, "library/admin/import.html", context)
