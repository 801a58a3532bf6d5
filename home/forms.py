"""Admin forms shared by tagged page types."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale

#: Many-to-many tag fields shown as checkboxes, and the page fields they live on.
TAG_FIELDS = ("conventions", "content_areas", "topics")


class TaggedPageForm(WagtailAdminPageForm):
    """Offers each vocabulary in the page's own language.

    A translated page may carry tags that point at another language's rows (tags are synchronised
    by wagtail-localize); they are shown checked as this language's terms, and saved as such.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or self._parent_locale_id() or Locale.get_default().pk
        for name in (*TAG_FIELDS, "authors"):
            field = self.fields.get(name)
            if field is None:
                continue
            model = field.queryset.model
            field.queryset = model.objects.filter(locale_id=locale_id)
            if self.instance.pk and not self.is_bound:
                keys = [row.translation_key for row in getattr(self.instance, name).all()]
                self.initial[name] = list(
                    field.queryset.filter(translation_key__in=keys).values_list("pk", flat=True)
                )

    def _parent_locale_id(self):
        parent = getattr(self, "parent_page", None)
        return getattr(parent, "locale_id", None)
