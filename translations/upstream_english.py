"""Admin strings that Wagtail writes in English without gettext, and our copies that translate them.

Wagtail 8.0 and wagtail-localize 1.14 (still so in their main branches, December 2026; no
upstream issue filed yet) write a few strings of their admin templates in English whatever the
admin language:

* ``shared/header.html`` and ``home.html``: the search forms' submit button, ``value="Search"``;
* ``shared/headers/_actions.html``: the header's ``<nav aria-label="Actions">``;
* ``pages/listing/_page_title_column_header.html``: the page search's result count names the
  model from the view's ``verbose_name_plural``, which the page search view does not set, so it
  reads "1-20 of 56 None";
* ``shared/side_panel_toggle.html``: a side panel's empty counter holds the word "None";
* ``tables/boolean_cell.html``: a yes/no column's tick or cross reads "True" or "False" to screen
  readers (now Wagtail's msgids "Yes", "No" and "None");
* ``workflows/includes/workflow_pages_form.html``: the page field of a workflow has no label, so
  Django names it "Page" after the field;
* the sign-in form's password field has no label either ("Password"): :class:`LoginForm`;
* wagtail-localize's ``wagtaillocales/index.html``: "26 pages + 150 others" ("TODO Make this
  translatable"), now with Wagtail's own msgids "1 page" and "+%(counter)s more".

``translations/templates/`` holds copies of these templates with only those strings translated
(the ``translations`` app comes before ``wagtail.admin`` and ``wagtail_localize.locales`` in
INSTALLED_APPS, so Django finds our copies first). :data:`OVERRIDES` lists each change; the test
``tests/translations/test_admin_language.py::test_upstream_english_overrides`` fails when a
Wagtail upgrade changes one of these templates (copy it again with the change) or translates the
string itself (delete our copy and its entry here).
"""

from importlib import import_module
from pathlib import Path

from django.utils.translation import gettext_lazy

from wagtail.admin.forms import auth as auth_forms

OURS = Path(__file__).parent / "templates"
#: The first line of each copy.
HEADER = "{# Upstream's template with its English translated: see translations/upstream_english.py #}\n"

#: template -> [(upstream text, our text)], for templates of wagtail.admin unless PACKAGES says.
OVERRIDES = {
    "wagtailadmin/shared/header.html": [
        (
            '<input type="submit" value="Search" class="button" />',
            '<input type="submit" value="{% trans \'Search\' %}" class="button" />',
        ),
    ],
    "wagtailadmin/home.html": [
        (
            '<input type="submit" value="Search" class="button" />',
            '<input type="submit" value="{% trans \'Search\' %}" class="button" />',
        ),
    ],
    "wagtailadmin/shared/headers/_actions.html": [
        ("{# Actions divider #}\n", "{% load i18n %}\n{# Actions divider #}\n"),
        ('<nav aria-label="Actions"', "<nav aria-label=\"{% trans 'Actions' %}\""),
    ],
    "wagtailadmin/pages/listing/_page_title_column_header.html": [
        (
            "{% block after_label %}\n",
            "{% block after_label %}\n"
            '    {% translate "pages" as pages %}{% firstof model_name pages as model_name %}\n',
        ),
    ],
    "wagtailadmin/shared/side_panel_toggle.html": [
        ("{{ count|intcomma }}", "{% if count %}{{ count|intcomma }}{% endif %}"),
    ],
    "wagtailadmin/tables/boolean_cell.html": [
        ("{% load wagtailadmin_tags %}\n", "{% load i18n wagtailadmin_tags %}\n"),
        (
            """{% icon title=value|stringformat:'s' name="help" classname="default" %}""",
            """{% translate "None" as label %}{% icon title=label name="help" classname="default" %}""",
        ),
        (
            """{% icon title=value|stringformat:'s' name="check" """,
            """{% translate "Yes" as label %}{% icon title=label name="check" """,
        ),
        (
            """{% icon title=value|stringformat:'s' name="cross" """,
            """{% translate "No" as label %}{% icon title=label name="cross" """,
        ),
    ],
    "wagtailadmin/workflows/includes/workflow_pages_form.html": [
        (
            "{% formattedfield field=form.page sr_only_label=True %}",
            '{% translate "Page" as page_label %}'
            "{% formattedfield field=form.page sr_only_label=True label_text=page_label %}",
        ),
    ],
    "wagtaillocales/index.html": [
        (
            "{# TODO Make this translatable #}\n"
            "                                {{ locale.num_pages }} pages{% if locale.num_others %} + "
            "{{ locale.num_others }} others{% endif %}",
            "{% blocktranslate trimmed count counter=locale.num_pages %}1 page{% plural %}"
            "{{ counter }} pages{% endblocktranslate %}{% if locale.num_others %} "
            "{% blocktranslate trimmed count counter=locale.num_others %}+{{ counter }} more{% plural %}"
            "+{{ counter }} more{% endblocktranslate %}{% endif %}",
        ),
    ],
}
#: The package whose templates folder holds the original.
PACKAGES = {"wagtaillocales/index.html": "wagtail_localize.locales"}


def upstream(name):
    package = import_module(PACKAGES.get(name, "wagtail.admin"))
    return (Path(package.__file__).parent / "templates" / name).read_text()


def ours(name):
    return (OURS / name).read_text()


def translated(name):
    """Our copy of template ``name``: upstream's with the changes in :data:`OVERRIDES`."""
    text = upstream(name)
    for old, new in OVERRIDES[name]:
        if text.count(old) != 1:
            raise ValueError(f"{name}: upstream no longer has {old!r} exactly once")
        text = text.replace(old, new)
    return HEADER + text


class LoginForm(auth_forms.LoginForm):
    """Wagtail's sign-in form with its password field labelled in the admin's language.

    Wagtail 8.0 redefines the field without a label, so Django names it "Password" after the
    field, in English (``WAGTAILADMIN_USER_LOGIN_FORM`` points here). Delete this class and the
    setting when upstream labels it: the test of the overrides above notices.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
