"""Translators who finish their work alone: start a translation into their language, translate it in
wagtail-localize's editor, submit it for review, and hear the reviewer's decision.

Who may do what with the translation of an original (a page or a translatable snippet) into a
language (:func:`may_start`, :func:`may_translate`):

* a **translator** for that language may *start* it when the original is published (what they
  translate is the published text, never a draft they may not see), and *work on* it once it
  exists (the tree of their language is theirs to edit: ``newsroom.roles``);
* everyone else may start it when they may edit the original (an organisation's editors their
  organisation's content; reviewers and administrators everything), as wagtail-localize's own
  "Translate" asks, and work on it when they may edit the translation.

The same rule shows and guards every action on a translation: the Translations report's
"Translate", "Edit", XLIFF and PO links, the exports and imports of translation files, and
wagtail-localize's "Translate this page" (the newsroom's wrapper, ``newsroom/wagtail_hooks.py``,
answers at wagtail-localize's address). A person who may not gets :func:`refusal`, a page in their
admin language that says why and leads back, never a bare "permission denied".

Review: the site's one workflow ("Duyệt trước khi đăng / Review before publishing",
``newsroom.roles``) applies to translated pages as to originals. wagtail-localize's editor offers no
way to submit (its main action for a translator was "Convert to alias page", which publishes the
original's text in their language): the editor's template (``translations/templates/
wagtail_localize/admin/edit_translation.html``) adds a review bar, :func:`submit_for_review`
saves the translation as a new revision and starts the workflow, and Wagtail e-mails the reviewers
(each in their admin language). While it is in review the editor's "Publish" gives way to the
reviewer's "Approve" and "Request changes"; approving publishes the translation as the editor
then shows it (``translations/finish_workflow.py``), and Wagtail e-mails the translator the
decision, approved or changes requested, in their admin language.
"""

import json

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.models import Locale, Page, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.components import TranslationComponentManager
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from home.locale_cache import language_code
from newsroom.permissions import may_see
from newsroom.roles import roles_of

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


# Who may do what -------------------------------------------------------------------------------


def translator_languages(user):
    """The languages ``user`` translates into (their translators' groups)."""
    return roles_of(user).translator_languages


def _is_published(instance):
    return getattr(instance, "live", True)


def _may_edit(user, instance):
    """May ``user`` edit ``instance`` (a page, or a snippet through its permission policy)?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def _translator_may_start(user, source, locale):
    if locale.language_code not in translator_languages(user):
        return False
    if locale.pk == source.locale_id or not _is_published(source) or not may_see(user, source):
        return False
    if isinstance(source, Page):
        return user.has_perm("wagtailadmin.access_admin")
    opts = type(source)._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def _translation_of(source, locale):
    """The translation of ``source`` into ``locale`` that holds its own content (an alias holds the
    original's and is translated like a missing one), or None."""
    target = source.get_translation_or_none(locale)
    if target is not None and getattr(target, "alias_of_id", None):
        return None
    return target


def may_start(user, source, locale):
    """May ``user`` start the translation of ``source`` into ``locale``?"""
    if not user.is_authenticated or locale.pk == source.locale_id:
        return False
    if _translator_may_start(user, source, locale):
        return True
    return user.has_perm(SUBMIT_PERMISSION) and _may_edit(user, source)


def may_translate(user, source, locale, target=...):
    """May ``user`` work on the translation of ``source`` into ``locale`` (start it if it is
    missing; edit it, export its strings and import them back if it exists)? ``target``: the
    translation if the caller already read it."""
    if target is ...:
        target = _translation_of(source, locale)
    if target is not None:
        return _may_edit(user, target.specific if isinstance(target, Page) else target)
    return may_start(user, source, locale)


def startable_locales(user, source):
    """The languages ``user`` may start a translation of ``source`` into, as translator."""
    codes = [code for code in translator_languages(user) if code != language_code(source.locale_id)]
    return [
        locale
        for locale in Locale.objects.filter(language_code__in=codes)
        if _translation_of(source, locale) is None and _translator_may_start(user, source, locale)
    ]


# A clear refusal ------------------------------------------------------------------------------


def refusal(request, message, back_url=None, back_label=None, status=403):
    """A page in the person's admin language saying why not, with a way back."""
    context = {
        "page_title": _("Not possible"),
        "header_title": _("Not possible"),
        "header_icon": "warning",
        "message": message,
        "back_url": back_url or reverse("translations_report"),
        "back_label": back_label or _("Back to the Translations report"),
    }
    return TemplateResponse(request, "translations/admin/refused.html", context, status=status)


def _languages_named(codes):
    names = dict(settings.LANGUAGES)
    return ", ".join(str(names.get(code, code)) for code in sorted(codes))


def refusal_for(request, source, locale=None):
    """Why ``request.user`` may not translate ``source`` (into ``locale``), as :func:`refusal`."""
    user = request.user
    title = source.get_admin_display_title() if isinstance(source, Page) else str(source)
    languages = translator_languages(user)
    if languages and locale is not None and locale.language_code not in languages:
        message = _(
            "You translate into %(languages)s: the translation of “%(title)s” into %(language)s is "
            "for its own translators."
        ) % {"languages": _languages_named(languages), "title": title, "language": locale.get_display_name()}
    elif languages and not _is_published(source):
        message = _(
            "“%(title)s” is not published yet. Its translation can start once a reviewer has published it."
        ) % {"title": title}
    elif languages:
        message = _(
            "“%(title)s” has nothing left to translate into %(languages)s: every translation you "
            "may make of it already exists."
        ) % {"title": title, "languages": _languages_named(languages)}
    else:
        message = _(
            "You may not translate “%(title)s”: its translations are started by its organisation's "
            "editors, the reviewers and the translators of each language."
        ) % {"title": title}
    return refusal(request, message)


# Starting a translation (wagtail-localize's "Translate", for translators too) -----------------


class TranslatorSubmitMixin:
    """wagtail-localize's "Translate" for a translator: only into their own languages
    (``self.locales``), the page alone (never its subtree, which may hold drafts they may not see)
    and without translating the snippets it refers to (they may not change those), from the
    original as published."""

    locales = ()

    def dispatch(self, request, *args, **kwargs):
        # wagtail-localize's dispatch without its global permission check: the rule above decided.
        self.object = self.get_object()
        self.components = TranslationComponentManager.from_request(
            request, source_object_instance=self.object
        )
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=[locale.pk for locale in self.locales])
        if len(field.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        form.fields["include_subtree"].widget = forms.HiddenInput()
        form.fields["include_subtree"].disabled = True
        if self.request.method != "POST" and len(self.locales) == 1:
            form.initial["locales"] = list(self.locales)
        return form

    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        # The original's strings as published now (the page row holds its published version).
        TranslationSource.update_or_create_from_instance(self.object)
        creator = TranslationCreator(self.request.user, locales)
        creator.create_translations(self.object, include_related_objects=False)
        self.components.save(creator, sources_and_translations=creator.mappings)
        translated = self.object.get_translation(locales[0]) if len(locales) == 1 else None
        names = ", ".join(locale.get_display_name() for locale in locales)
        messages.success(self.request, self.get_success_message(names))
        return redirect(self.get_success_url() or self.get_default_success_url(translated))


class TranslatorPageTranslationView(TranslatorSubmitMixin, SubmitPageTranslationView):
    pass


class TranslatorSnippetTranslationView(TranslatorSubmitMixin, SubmitSnippetTranslationView):
    pass


def start_translation(request, source, upstream_view, translator_view, **kwargs):
    """wagtail-localize's "Translate" for ``source`` (a page or snippet the person may see), for
    whoever :func:`may_start` allows; a refusal otherwise."""
    user = request.user
    if user.has_perm(SUBMIT_PERMISSION) and _may_edit(user, source):
        return upstream_view(request, **kwargs)
    locales = startable_locales(user, source)
    if locales:
        return translator_view.as_view(locales=locales)(request, **kwargs)
    # Nothing to start: open the translation they may already work on, or say why not.
    for code in sorted(translator_languages(user)):
        locale = Locale.objects.filter(language_code=code).first()
        target = _translation_of(source, locale) if locale else None
        if target is not None and may_translate(user, source, locale, target):
            messages.info(
                request,
                _("“%(title)s” is already being translated into %(language)s.")
                % {"title": str(source), "language": locale.get_display_name()},
            )
            return redirect(edit_url(target))
    wanted = Locale.objects.filter(language_code=request.GET.get("select_locale", "")).first()
    return refusal_for(request, source, wanted)


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def submit_snippet_translation(request, app_label, model_name, pk):
    """``localize/submit/snippet/...``: as :func:`start_translation` for a snippet."""
    from django.contrib.admin.utils import unquote

    from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

    model = get_snippet_model_from_url_params(app_label, model_name)
    source = model._default_manager.filter(pk=unquote(pk)).first()
    if source is None or not may_see(request.user, source):
        raise Http404
    return start_translation(
        request,
        source,
        SubmitSnippetTranslationView.as_view(),
        TranslatorSnippetTranslationView,
        app_label=app_label,
        model_name=model_name,
        pk=pk,
    )


def submit_page_translation(request, page):
    """``localize/submit/page/<id>/``: as :func:`start_translation` for a page."""
    if page.is_root() or not may_see(request.user, page):
        raise Http404  # as for a page that does not exist
    return start_translation(
        request, page, SubmitPageTranslationView.as_view(), TranslatorPageTranslationView, page_id=page.pk
    )


# wagtail-localize's other actions that would publish -----------------------------------------


def update_translations(request, translation_source_id, upstream_view):
    """wagtail-localize's "Sync translated pages" checks only its global permission, and its
    "Publish immediately" publishes every translation: here the person must be allowed to edit the
    original, and to publish each translation if they ask for that."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    try:
        original = source.get_source_instance()
    except source.specific_content_type.model_class().DoesNotExist as error:
        raise Http404 from error
    if not may_see(request.user, original):
        raise Http404
    if not _may_edit(request.user, original):
        return refusal_for(request, original)
    if request.method == "POST" and request.POST.get("publish_translations"):
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            target = translation.get_target_instance()
            if not _may_publish(request.user, target):
                return refusal(
                    request,
                    _(
                        "You may not publish the translation into %(language)s: sync without "
                        "“Publish immediately” and submit the translations for review."
                    )
                    % {"language": translation.target_locale.get_display_name()},
                    back_url=edit_url(original),
                    back_label=_("Back to the original"),
                )
    return upstream_view(request, translation_source_id=translation_source_id)


def _may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.specific.permissions_for_user(user).can_publish()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "publish", instance)


def convert_to_alias(request, page_id, upstream_view):
    """wagtail-localize's "Convert to alias page" gives the translation the original's latest text
    and publishes it with the original: only for people who may publish the translation."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_see(request.user, page):
        raise Http404
    if not page.permissions_for_user(request.user).can_publish():
        return refusal(
            request,
            _(
                "Converting “%(title)s” into an alias publishes the original's text in its place: only "
                "reviewers do that. Submit the translation for review instead."
            )
            % {"title": page.get_admin_display_title()},
            back_url=edit_url(page),
            back_label=_("Back to the translation"),
        )
    return upstream_view(request, page_id=page_id)


# Review ----------------------------------------------------------------------------------------


def synced_translation(instance):
    """The enabled wagtail-localize translation whose target is ``instance``, or None."""
    if instance is None or getattr(instance, "translation_key", None) is None:
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_translation_revision(translation, user):
    """A new revision of the translated page with the editor's current strings (missing ones in the
    original's words), without touching the page's row: while a translation waits for review, the
    public still sees what was last published (wagtail-localize's own save writes the row)."""
    page = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    return page.save_revision(user=user, log_action=True)


def untranslated_count(translation):
    strings = translation.source.stringsegment_set.all()
    return strings.annotate_translation(translation.target_locale).filter(translation__isnull=True).count()


def review_state(user, instance):
    """What the review bar of the translation editor shows ``user`` for ``instance``."""
    if not isinstance(instance, Page):
        return {"is_page": False}
    state = instance.current_workflow_state
    task_state = state.current_task_state.specific if state and state.current_task_state else None
    actions = []
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS and task_state:
        actions = [
            (
                name,
                label,
                modal,
                reverse("wagtailadmin_pages:workflow_action", args=[instance.pk, name, task_state.pk]),
            )
            for name, label, modal in task_state.task.specific.get_actions(instance, user)
        ]
    perms = instance.permissions_for_user(user)
    workflow = instance.get_workflow()
    can_submit = (
        bool(workflow) and perms.can_edit() and not perms.can_publish() and not instance.workflow_in_progress
    )
    return {
        "is_page": True,
        "state": state,
        "in_review": bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS),
        "needs_changes": bool(state and state.status == WorkflowState.STATUS_NEEDS_CHANGES),
        "task_state": task_state,
        "comment": task_state.get_comment()
        if task_state and state.status == WorkflowState.STATUS_NEEDS_CHANGES
        else "",
        "actions": actions,
        "can_submit": can_submit,
        "can_publish": perms.can_publish(),
        "workflow": workflow,
        "submit_url": reverse("translations_submit_for_review", args=[instance.pk]),
    }


def editor_props(props, review):
    """wagtail-localize's editor properties (JSON) for this person: no "Convert to alias page" for
    people who may not publish (it publishes the original's text), and no "Publish" while the
    translation is in review (the reviewer decides with "Approve", so the translator is told)."""
    data = json.loads(props)
    if review.get("is_page"):
        if not review["can_publish"]:
            data["links"]["convertToAliasUrl"] = None
        if review["in_review"]:
            data["perms"]["canPublish"] = False
    return json.dumps(data)


def submit_for_review(request, page_id):
    """POST: save the translation of page ``page_id`` as a revision and submit it to the review
    workflow (or resubmit it after changes were requested)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_see(request.user, page):
        raise Http404
    back = edit_url(page)
    if request.method != "POST":
        return redirect(back)
    perms = page.permissions_for_user(request.user)
    translation = synced_translation(page)
    if translation is None or not perms.can_edit():
        return refusal(
            request,
            _("You may not submit “%(title)s” for review.") % {"title": page.get_admin_display_title()},
            back_url=back if perms.can_edit() else None,
        )
    workflow = page.get_workflow()
    state = page.current_workflow_state
    if workflow is None:
        return refusal(
            request,
            _("No review workflow applies to this page."),
            back_url=back,
            back_label=_("Back to the translation"),
        )
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.info(
            request,
            _("“%(title)s” is already waiting for review.") % {"title": page.get_admin_display_title()},
        )
        return redirect(back)
    try:
        with transaction.atomic():
            save_translation_revision(translation, request.user)
            page = Page.objects.get(pk=page.pk).specific
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(request.user)
            else:
                workflow.start(page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be submitted: %(errors)s") % {"errors": "; ".join(error.messages)},
        )
        return redirect(back)
    messages.success(
        request,
        _(
            "“%(title)s” has been submitted for review. The reviewers have been told; you will be told "
            "of their decision by e-mail."
        )
        % {"title": page.get_admin_display_title()},
    )
    missing = untranslated_count(translation)
    if missing:
        text = ngettext(
            "%(count)s string is not translated yet and will be shown in the original language.",
            "%(count)s strings are not translated yet and will be shown in the original language.",
            missing,
        )
        messages.warning(request, text % {"count": missing})
    return redirect(back)


# The Translations report's actions -------------------------------------------------------------


def translation_cells(user, pages, codes):
    """For each of ``pages`` (originals) and language code in ``codes``: which actions ``user``
    may take on its translation, ``{page.pk: {code: {"start", "edit", "files"}}}`` ("edit": the
    address of the translation's editor, or None). A few queries for the whole list."""
    from newsroom.permissions import sees_drafts

    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    originals = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    keys = [page.translation_key for page in originals.values()]
    targets = {
        (target.translation_key, language_code(target.locale_id)): target
        for target in Page.objects.filter(
            translation_key__in=keys, locale__in=locales.values(), alias_of__isnull=True
        ).specific()
    }
    cells = {}
    for page in pages:
        original = originals.get(page.pk)
        row = {}
        for code in codes:
            locale = locales.get(code)
            if original is None or locale is None:
                row[code] = {"start": False, "edit": None, "files": False}
                continue
            target = targets.get((original.translation_key, code))
            allowed = may_translate(user, original, locale, target)
            row[code] = {
                "start": target is None and allowed,
                "edit": edit_url(target) if target is not None and allowed else None,
                "files": allowed,
            }
        row["open"] = original is not None and sees_drafts(user, original)
        cells[page.pk] = row
    return cells


def export_languages(user, codes):
    """The languages of ``codes`` the report offers ``user`` to export into: a translator's own;
    everyone else's, all."""
    roles = roles_of(user)
    if roles.translator_languages and not (roles.sees_everything or roles.organisation_keys):
        return [code for code in codes if code in roles.translator_languages]
    return list(codes)
