"""Admin views: bulk import of products (dry run, then commit)."""

import logging
from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from newsroom.uploads import safe_filename

from . import importer
from .models import ImportBatch, LibraryPage, ProductPage

logger = logging.getLogger(__name__)


#: How long a checked file is kept for its commit or a re-check without choosing it again.
BATCH_LIFETIME = timedelta(hours=24)


def editor_locale_code(request):
    """The content language matching the editor's admin language (their Wagtail preference, which
    the admin activates for the request), or the default locale's."""
    codes = set(Locale.objects.values_list("language_code", flat=True))
    for language in (translation.get_language(), getattr(request, "LANGUAGE_CODE", None)):
        if not language:
            continue
        try:
            code = get_supported_content_language_variant(language)
        except LookupError:
            continue
        if code in codes:
            return code
    return Locale.get_default().language_code


def _open_batches(user):
    return ImportBatch.objects.filter(
        user=user, committed_at__isnull=True, created_at__gte=timezone.now() - BATCH_LIFETIME
    )


def _forget_old_batches():
    """Checked files are kept one day; committed ones keep their report but not their content."""
    limit = timezone.now() - BATCH_LIFETIME
    ImportBatch.objects.filter(committed_at__isnull=True, created_at__lt=limit).delete()
    ImportBatch.objects.filter(committed_at__lt=limit).exclude(content=b"").update(content=b"")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        required=False,
        help_text=_(
            "After a check the file is kept for a day: change the options and check it again "
            "without choosing it again, or choose another file."
        ),
    )
    batch = forms.CharField(required=False, widget=forms.HiddenInput)  # the id of a kept file
    language = forms.ChoiceField(label=_("Language of the records"))
    publish = forms.BooleanField(
        label=_("Publish new products at once (otherwise they are drafts)"), required=False
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kept = None
        choices = [(loc.language_code, loc.get_display_name()) for loc in Locale.objects.all()]
        self.fields["language"].choices = choices
        self.fields["language"].error_messages["invalid_choice"] = _(
            "“%(value)s” is not a language of the site. Accepted: %(accepted)s."
        ) % {"value": "%(value)s", "accepted": ", ".join(code for code, _name in choices)}
        pk = str((self.data if self.is_bound else self.initial).get("batch") or "")
        if user is not None and pk.isascii() and pk.isdigit() and len(pk) < 10:
            self.kept = _open_batches(user).filter(pk=pk).only("pk", "filename").first()

    def clean_batch(self):
        """The user's own batch, still kept; a newly chosen file replaces it."""
        if self.cleaned_data.get("file") or self.kept is None:
            return None
        return self.kept if str(self.kept.pk) == self.cleaned_data.get("batch") else None

    def clean(self):
        cleaned = super().clean()
        if "file" in self.errors or cleaned.get("file") or cleaned.get("batch"):
            return cleaned
        if self.data.get("batch"):
            self.add_error("file", _("The checked file is no longer kept: choose it again."))
        else:
            self.add_error("file", _("Choose a CSV or XLSX file."))
        return cleaned


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


def _context(form, **extra):
    return {"form": form, "page_title": _("Import library products"), "header_icon": "upload", **extra}


def import_products(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial={"language": editor_locale_code(request)},
    )
    context = _context(form)
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        permissions = _library_permissions(request.user, language)
        publish = form.cleaned_data["publish"]
        if publish and not permissions.can_publish_subpage():
            form.add_error("publish", _("You may create drafts here but not publish them."))
            return render(request, "library/admin/import.html", context)
        upload = form.cleaned_data["file"]
        batch = form.cleaned_data["batch"]
        if upload:
            filename = safe_filename(upload.name)
            content = upload.read(importer.MAX_BYTES + 1)
        else:  # the file checked before, kept on the server for this user
            batch = ImportBatch.objects.get(pk=batch.pk)
            filename, content = batch.filename, bytes(batch.content)
        try:
            rows = importer.read_rows(filename, content)
        except importer.ImportFileError as error:
            form.add_error("file", str(error))
            return render(request, "library/admin/import.html", context)
        report, _plans = importer.check(
            rows, Locale.objects.get(language_code=language), user=request.user, publish=publish
        )
        _forget_old_batches()
        if upload:
            batch = ImportBatch.objects.create(
                user=request.user,
                filename=filename,
                content=content,
                language=language,
                publish=publish,
                report=report.as_dict(),
            )
        else:
            batch.language, batch.publish, batch.report = language, publish, report.as_dict()
            batch.save(update_fields=["language", "publish", "report"])
        kept = ImportForm(
            user=request.user, initial={"batch": batch.pk, "language": language, "publish": publish}
        )
        context = _context(kept, batch=batch, report=report)
    return render(request, "library/admin/import.html", context)


def _product_links(identifiers, language):
    """``[(identifier, admin edit URL or None)]`` for the products an import created or updated."""
    pages = dict(
        ProductPage.objects.filter(identifier__in=identifiers, locale__language_code=language).values_list(
            "identifier", "pk"
        )
    )
    return [
        (
            identifier,
            reverse("wagtailadmin_pages:edit", args=[pages[identifier]]) if identifier in pages else None,
        )
        for identifier in identifiers
    ]


@require_POST
def commit_import(request, batch_id):
    batch = get_object_or_404(ImportBatch, pk=batch_id, user=request.user, committed_at__isnull=True)
    if batch.created_at < timezone.now() - BATCH_LIFETIME:
        form = ImportForm(user=request.user, initial={"language": batch.language, "publish": batch.publish})
        context = _context(form, expired=True)
        return render(request, "library/admin/import.html", context, status=410)
    permissions = _library_permissions(request.user, batch.language)
    if batch.publish and not permissions.can_publish_subpage():
        raise PermissionDenied
    report = _commit(batch, request.user)
    batch.report = report.as_dict()
    if report.ok:
        batch.committed_at = timezone.now()
    batch.save(update_fields=["report", "committed_at"])
    initial = {"language": batch.language, "publish": batch.publish}
    if not report.ok:
        initial["batch"] = batch.pk
    context = _context(
        ImportForm(user=request.user, initial=initial),
        batch=batch,
        report=report,
        committed=report.ok,
        created_links=_product_links(report.created, batch.language),
        updated_links=_product_links(report.updated, batch.language),
    )
    return render(request, "library/admin/import.html", context)


def _commit(batch, user):
    """The batch written as its check planned it. The check runs again inside the commit's
    transaction, so whatever changed since is caught; a failure while writing (which the check is
    there to make impossible) is reported, logged, and leaves nothing behind."""
    try:
        rows = importer.read_rows(batch.filename, bytes(batch.content))
        return importer.commit(
            rows, Locale.objects.get(language_code=batch.language), user=user, publish=batch.publish
        )
    except importer.ImportFileError as error:
        report = importer.Report()
        report.problems.append(importer.Problem(0, "", str(error)))
        return report
    except (ValidationError, DatabaseError):
        logger.exception("Import batch %s passed its check but could not be written", batch.pk)
        report = importer.Report()
        report.problems.append(
            importer.Problem(
                0, "", str(_("The database refused the import; nothing was changed. Please report this."))
            )
        )
        return report
