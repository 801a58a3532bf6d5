"""Admin: the Translations report (what is missing in en or km, and in what state), exports for
external translators, imports of their files, and marking machine translations as reviewed."""

from django_filters import ChoiceFilter, ModelChoiceFilter

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from home.spreadsheets import NeutralSpreadsheetExportMixin
from newsroom.permissions import visible_to
from search.sources import page_models

from . import coverage, exchange, provenance, workflow

STATE_LABELS = {
    coverage.MISSING: _("Missing"),
    coverage.DRAFT: _("Draft"),
    coverage.OUTDATED: _("Out of date"),
    # A state, beside "Draft": not the date label "Published" (docs/GLOSSARY.md, contexts).
    coverage.PUBLISHED: pgettext_lazy("translation state", "Published"),
}
SECTION_DEPTH = 3  # root, home, then the top-level sections


def _languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translatable_pages():
    """Live pages in the default language of every content type, with their section."""
    from django.contrib.contenttypes.models import ContentType

    types = [ContentType.objects.get_for_model(model) for model in page_models()]
    sections = Page.objects.filter(path=Substr(OuterRef("path"), 1, Page.steplen * SECTION_DEPTH))
    return (
        Page.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, content_type__in=types)
        .annotate(section_title=Subquery(sections.values("title")[:1]))
        .select_related("content_type")
    )


class TranslationFilterSet(WagtailFilterSet):
    content_type = ChoiceFilter(label=_("Type"), method="filter_type")
    section = ModelChoiceFilter(label=_("Section"), queryset=Page.objects.none(), method="filter_section")
    language = ChoiceFilter(label=_("Language"), choices=_languages, method="filter_nothing")
    state = ChoiceFilter(
        label=_("State"),
        choices=list(STATE_LABELS.items()) + [("machine", _("Machine-made, not reviewed"))],
        method="filter_state",
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.contenttypes.models import ContentType

        self.filters["content_type"].extra["choices"] = [
            (ContentType.objects.get_for_model(model).pk, model._meta.verbose_name) for model in page_models()
        ]
        sections = Page.objects.filter(depth=SECTION_DEPTH, locale__language_code=settings.LANGUAGE_CODE)
        user = getattr(self.request, "user", None)
        # Only the sections the person may see (newsroom.permissions): never another's draft.
        self.filters["section"].queryset = visible_to(user, sections) if user is not None else sections.live()

    def filter_type(self, queryset, name, value):
        return queryset.filter(content_type_id=value)

    def filter_section(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path)

    def filter_nothing(self, queryset, name, value):
        return queryset  # read by filter_state

    def filter_state(self, queryset, name, value):
        languages = [self.data["language"]] if self.data.get("language") else None
        if value == "machine":
            locales = Locale.objects.filter(language_code__in=languages or [c for c, _n in _languages()])
            keys = provenance.unreviewed_keys().filter(locale__in=locales)
            return queryset.filter(translation_key__in=keys)
        return coverage.in_state(queryset, value, languages)


def _may_see(user):
    return user.has_perm("wagtailadmin.access_admin")


class TranslationsReportView(NeutralSpreadsheetExportMixin, ReportView):
    page_title = _("Translations")
    header_icon = "globe"
    results_template_name = "translations/admin/report_results.html"
    filterset_class = TranslationFilterSet
    index_url_name = "translations_report"
    index_results_url_name = "translations_report_results"
    is_searchable = True
    search_fields = ["title"]
    default_ordering = "title"
    paginate_by = 50
    list_export = [
        "title",
        "content_type",
        "section_title",
        *[f"{code}_state" for code, _n in _languages()],
        "url",
    ]
    export_headings = {
        "title": _("Title"),
        "content_type": _("Type"),
        "section_title": _("Section"),
        "url": _("Address"),
        **{f"{code}_state": name for code, name in _languages()},
    }

    def get_filename(self):
        return "translations"

    def get_base_queryset(self):
        return coverage.with_states(translatable_pages())

    def get_queryset(self):
        return self.get_base_queryset()

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for code, _name in _languages():
            row[f"{code}_state"] = str(STATE_LABELS[getattr(item, f"{code}_state")])
        row["content_type"] = str(item.content_type.model_class()._meta.verbose_name)
        row["url"] = item.url
        return row

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """CSV is streamed after the view returns, when the editor's language is no longer active:
        write the rows in that language all the same."""
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        if getattr(response, "streaming", False):
            language, rows = get_language(), response.streaming_content

            def in_language():
                with override(language):
                    yield from rows

            response.streaming_content = in_language()
        return response

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        filtered = self.get_filtered_queryset()
        context["counts"] = [
            (name, [(STATE_LABELS[state], n) for state, n in counts.items()])
            for (code, name), counts in zip(_languages(), coverage.counts(filtered).values(), strict=True)
        ]
        context["languages"] = _languages()
        # What each person may do with each translation (translations.workflow): only the actions
        # that work for them are shown.
        user = self.request.user
        rows = list(context.get("object_list") or [])
        context["object_list"] = rows
        cells = workflow.translation_cells(user, rows, [code for code, _name in _languages()])
        for row in rows:
            row.translation_cells = cells[row.pk]
        codes = workflow.export_languages(user, [code for code, _name in _languages()])
        context["export_languages"] = [(code, name) for code, name in _languages() if code in codes]
        return context

    def dispatch(self, request, *args, **kwargs):
        if not _may_see(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Into"), choices=_languages)
    file_format = forms.ChoiceField(
        label=_("Format"), choices=[("xliff", "XLIFF 1.2"), ("po", "PO (gettext)")]
    )


def _can_edit(user, page):
    return page.permissions_for_user(user).can_edit()


def export_translation(request, page_id):
    """Download one page's strings (``page_id``), or those of every page of the filtered report
    (``page_id`` 0 with the report's filters in the query string), for a language."""
    form = ExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose a language and a format to export."))
        return redirect("translations_report")
    locale = get_object_or_404(Locale, language_code=form.cleaned_data["language"])
    if page_id:
        pages = [get_object_or_404(Page, pk=page_id, locale__language_code=settings.LANGUAGE_CODE).specific]
    else:
        filters = TranslationFilterSet(request.GET, queryset=coverage.with_states(translatable_pages()))
        pages = [page.specific for page in filters.qs[:500]]
    allowed = [page for page in pages if _can_translate(request.user, page, locale)]
    if not allowed:
        if page_id:
            return workflow.refusal_for(request, pages[0], locale)
        message = _("None of the listed pages is yours to translate into %(language)s.")
        return workflow.refusal(request, message % {"language": locale.get_display_name()})
    pages = allowed
    translations = [exchange.prepare(page, locale, request.user) for page in pages]
    export = exchange.export_xliff if form.cleaned_data["file_format"] == "xliff" else exchange.export_po
    name, data, content_type = export(translations)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Translated file (PO, XLIFF or a zip of PO files)"))
    overwrite = forms.BooleanField(
        label=_("Replace translations that were changed on this site after the export"), required=False
    )


def import_translation(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "page_title": _("Import translations"), "header_icon": "upload"}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(exchange.MAX_BYTES + 1)
        try:
            parsed = exchange.read(upload.name, data)
            for item in parsed:
                translation = exchange._check(item)
                target_locale = translation.target_locale
                source = translation.source.get_source_instance()
                if not _can_translate(request.user, source, target_locale):
                    raise exchange.ExchangeError(
                        _("You may not edit the translation of “%(title)s”.") % {"title": source}
                    )
            reports = exchange.import_file(
                upload.name, data, user=request.user, overwrite=form.cleaned_data["overwrite"]
            )
        except exchange.ExchangeError as error:
            form.add_error("file", str(error))
        else:
            context["reports"] = reports
    return render(request, "translations/admin/import.html", context)


def _can_translate(user, source, locale):
    """May ``user`` work on the translation of ``source`` into ``locale``: translations.workflow."""
    return workflow.may_translate(user, source, locale)


def mark_reviewed(request, page_id):
    """GET: a confirmation page (a form inside the page editor's form would be invalid HTML, and
    submitting the editor's form would throw away unsaved edits). POST: record the review."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not _can_edit(request.user, page):
        return permission_denied(request)
    if request.method == "POST":
        provenance.mark_reviewed(page, request.user)
        messages.success(request, _("Marked as reviewed by a person: “%(title)s”.") % {"title": page.title})
        return redirect("wagtailadmin_pages:edit", page.pk)
    context = {
        "page": page,
        "machine": provenance.is_unreviewed_machine_translation(page),
        "header_title": _("Review a machine translation"),
        "page_title": _("Review a machine translation"),
    }
    return render(request, "translations/admin/mark_reviewed.html", context)
