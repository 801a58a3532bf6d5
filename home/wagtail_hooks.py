from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .taxonomy_admin import PeopleGroup, TaxonomyGroup

register_snippet(TaxonomyGroup)
register_snippet(PeopleGroup)


@hooks.register("insert_global_admin_css")
def khmer_font_in_admin():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
