"""Admin views: bulk upload of photographs and scans into draft exhibition items."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection

from . import upload
from .models import ExhibitionItem


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


def _may_upload(user):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    images = policy_registry.get_by_type(get_image_model())
    return user.has_perm("exhibitions.add_exhibitionitem") and images.user_has_permission(user, "add")


def upload_items(request):
    if not _may_upload(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
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
        reports = upload.process(data["files"], user=request.user, defaults=defaults)
        context.update(
            reports=reports,
            accepted=sum(r.status == upload.ACCEPTED for r in reports),
            duplicates=sum(r.status == upload.DUPLICATE for r in reports),
            rejected=sum(r.status == upload.REJECTED for r in reports),
            form=UploadForm(initial={"kind": data["kind"], "creator": data["creator"]}),
        )
    return render(request, "exhibitions/admin/upload.html", context)
