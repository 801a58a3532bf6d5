"""Admin views: bulk upload of photographs and scans into draft exhibition items."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection, Locale

from . import upload
from .models import ExhibitionItem, ExhibitionPage


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [super(MultipleFileField, self).clean(item, initial) for item in files if item]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


def editable_sections(user):
    """``[(exhibition, [(block id, section title)])]``: the exhibitions the user may edit and that
    nobody else has locked, with the sections of each one's latest revision (drafts included)."""
    offered = []
    for page in ExhibitionPage.objects.select_related("locale").order_by("locale__language_code", "title"):
        permissions = page.permissions_for_user(user)
        if not permissions.can_edit() or permissions.page_locked():
            continue
        latest = page.get_latest_revision_as_object()
        sections = [
            (block.id, block.value["title"]) for block in latest.sections if block.block_type == "section"
        ]
        if sections:
            offered.append((page, sections))
    return offered


def add_to_section(page, block_id, items, user):
    """Append ``items`` to one section of the exhibition's latest revision and save it as a new
    revision, not published: the editor reviews the exhibition before it goes out."""
    with transaction.atomic():
        page = ExhibitionPage.objects.select_for_update().get(pk=page.pk)
        latest = page.get_latest_revision_as_object()
        for block in latest.sections:
            if block.id == block_id:
                for item in items:
                    block.value["items"].append(item)
                break
        else:
            return None
        return latest.save_revision(user=user, log_action=True)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Photographs, scans or zip archives of them"),
        help_text=_("JPEG, PNG, WebP or GIF, up to 20 MB each. Choose many at once, or a .zip archive."),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif,.zip"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ExhibitionItem.Kind.choices)
    creator = forms.CharField(
        label=_("Creator or photographer"),
        required=False,
        max_length=255,
        help_text=_("Used when a file does not name its creator."),
    )
    credit = forms.CharField(label=_("Credit"), required=False, max_length=255)
    rights = forms.CharField(label=_("Rights"), required=False, max_length=255)
    source = forms.CharField(label=_("Source archive or collection"), required=False, max_length=255)
    collection = forms.ModelChoiceField(
        label=_("Image collection"), queryset=Collection.objects.all(), required=False
    )
    section = forms.ChoiceField(
        label=_("Add to an exhibition section"),
        required=False,
        help_text=_(
            "Optional. The new items are appended to this section in a new draft of the exhibition, "
            "which you publish when it is ready. Only exhibitions you may edit are offered."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = {}
        groups = []
        for page, sections in editable_sections(user) if user is not None else []:
            label = f"{page.title} ({page.locale.get_display_name()})"
            choices = []
            for block_id, title in sections:
                choices.append((f"{page.pk}:{block_id}", title))
                self.offered[f"{page.pk}:{block_id}"] = (page, block_id, title)
            groups.append((label, choices))
        self.fields["section"].choices = [("", _("None: the items stay on their own"))] + groups
        self.fields["section"].error_messages["invalid_choice"] = _(
            "This section is not one you may add to (the exhibition may have changed): choose one of the "
            "sections offered."
        )

    def clean_section(self):
        value = self.cleaned_data.get("section")
        return self.offered.get(value) if value else None


def _may_upload(user):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    images = policy_registry.get_by_type(get_image_model())
    return user.has_perm("exhibitions.add_exhibitionitem") and images.user_has_permission(user, "add")


def upload_items(request):
    if not _may_upload(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    context = {"form": form, "page_title": _("Upload photographs and scans"), "header_icon": "image"}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        defaults = upload.Defaults(
            kind=data["kind"],
            creator=data["creator"],
            credit=data["credit"],
            rights=data["rights"],
            source=data["source"],
            collection=data["collection"],
        )
        section = data["section"]
        locale = section[0].locale if section else Locale.get_default()
        reports = upload.process(data["files"], user=request.user, defaults=defaults, locale=locale)
        items = [report.item for report in reports if report.status == upload.ACCEPTED]
        if section and items:
            page, block_id, title = section
            if add_to_section(page, block_id, items, request.user) is not None:
                context.update(added_to={"page": page, "section": title, "count": len(items)})
            else:
                context.update(not_added={"page": page, "section": title})
        context.update(
            reports=reports,
            accepted=sum(r.status == upload.ACCEPTED for r in reports),
            duplicates=sum(r.status == upload.DUPLICATE for r in reports),
            rejected=sum(r.status == upload.REJECTED for r in reports),
            form=UploadForm(
                initial={
                    "kind": data["kind"],
                    "creator": data["creator"],
                    "section": request.POST.get("section", "") if section else "",
                },
                user=request.user,
            ),
        )
    return render(request, "exhibitions/admin/upload.html", context)
