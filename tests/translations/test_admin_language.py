"""The admin in the language each person chose: Vietnamese, or Khmer.

An editor, a reviewer, a translator and an administrator, each with their admin language set to
vi and then km, open the admin screens they use; the test fails on any English left in what the
screens show or read aloud (see :mod:`tests.translations.admin_english` for how English is told
apart from names and from what people typed). The sign-in, two-factor and lockout pages, the
reviewer's notification e-mail and the JavaScript catalogues are checked the same way, and no
admin page loads anything from another host.
"""

import io
import json
import os
import re
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext

from wagtail.models import Locale, Page, Workflow
from wagtail.users.models import UserProfile
from wagtail.utils.version import get_main_version

from exhibitions.models import ExhibitionItem
from library.models import LibraryPage, ProductPage
from news.models import ArticleIndexPage, ArticlePage
from newsroom.roles import organisation_of
from tests.accounts import sign_in
from tests.newsroom.conftest import NEWSPAPER, organisation, people  # noqa: F401 (fixture)

from .admin_english import CATALOGUES, EnglishDetector, upstream_js_msgids

pytestmark = pytest.mark.django_db

ADMIN_LANGUAGES = ("vi", "km")
ROLES = ("editor", "reviewer", "translator", "administrator")
SEARCH_TERM = "quyền"


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


# The screens, by who meets them. Each entry: name -> a function of the demo objects giving a URL.
def _edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _add(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def _snippet(item, action="edit"):
    if action == "list":
        return reverse("wagtailsnippets_exhibitions_exhibitionitem:list")
    return reverse(f"wagtailsnippets_exhibitions_exhibitionitem:{action}", args=[item.pk])


EVERYONE = {
    "dashboard": lambda o: reverse("wagtailadmin_home"),
    "account": lambda o: reverse("wagtailadmin_account"),
    "page search": lambda o: reverse("wagtailadmin_pages:search") + f"?q={SEARCH_TERM}",
}
NEWSROOM = {
    **EVERYONE,
    "page explorer": lambda o: reverse("wagtailadmin_explore", args=[o["article"].get_parent().pk]),
}
SCREENS = {
    "editor": {
        **NEWSROOM,
        "site root in the explorer": lambda o: reverse("wagtailadmin_explore", args=[o["home"].pk]),
        "article edit": lambda o: _edit(o["article"]),
        "article create": lambda o: _add(ArticlePage, o["news"]),
        "choose a page type": lambda o: reverse("wagtailadmin_pages:add_subpage", args=[o["news"].pk]),
        "article history": lambda o: reverse("wagtailadmin_pages:history", args=[o["article"].pk]),
        "library product edit": lambda o: _edit(o["product"]),
        "library product create": lambda o: _add(ProductPage, o["library"]),
        "exhibition items": lambda o: _snippet(None, "list"),
        "exhibition item edit": lambda o: _snippet(o["item"]),
        "images": lambda o: reverse("wagtailimages:index"),
        "image upload": lambda o: reverse("wagtailimages:add_multiple"),
        "documents": lambda o: reverse("wagtaildocs:index"),
        "image chooser": lambda o: reverse("wagtailimages_chooser:choose"),
        "document chooser": lambda o: reverse("wagtaildocs_chooser:choose"),
        "page chooser": lambda o: reverse("wagtailadmin_choose_page"),
        "library import": lambda o: reverse("library_import"),
        "exhibition photo upload": lambda o: reverse("exhibitions_upload"),
        "translations report": lambda o: reverse("translations_report"),
    },
    "reviewer": {
        **NEWSROOM,
        "article in review": lambda o: _edit(o["article"]),
        "approve dialog": lambda o: o["approve"],
        "request changes dialog": lambda o: o["reject"],
        "workflow history": lambda o: reverse("wagtailadmin_pages:workflow_history", args=[o["article"].pk]),
        "workflow report": lambda o: reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": lambda o: reverse("wagtailadmin_reports:workflow_tasks"),
        "library reports": lambda o: reverse("library_reports"),
        "translations report": lambda o: reverse("translations_report"),
    },
    "translator": {
        **EVERYONE,
        "Khmer explorer": lambda o: reverse("wagtailadmin_explore", args=[o["km article"].get_parent().pk]),
        "translations report": lambda o: reverse("translations_report"),
        "translation editor": lambda o: _edit(o["km article"]),
    },
    "administrator": {
        **NEWSROOM,
        "article edit": lambda o: _edit(o["article"]),
        "users": lambda o: reverse("wagtailusers_users:index"),
        "user edit": lambda o: reverse("wagtailusers_users:edit", args=[o["people"]["editor"].pk]),
        "groups": lambda o: reverse("wagtailusers_groups:index"),
        "workflows": lambda o: reverse("wagtailadmin_workflows:index"),
        "workflow edit": lambda o: reverse("wagtailadmin_workflows:edit", args=[o["workflow"].pk]),
        "workflow tasks": lambda o: reverse("wagtailadmin_workflows:task_index"),
        "locales": lambda o: reverse("wagtaillocales:index"),
        "site history": lambda o: reverse("wagtailadmin_reports:site_history"),
        "library reports": lambda o: reverse("library_reports"),
        "searches without results": lambda o: reverse("search_zero_results"),
        "translations report": lambda o: reverse("translations_report"),
    },
}


def _submit_for_review(page, editor):
    page.save_revision(user=editor, log_action=True)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    return page.current_workflow_task_state


@pytest.fixture
def demo(people):  # noqa: F811
    editor = people["editor"]
    newspaper = organisation(NEWSPAPER)
    vi = Locale.objects.get(language_code="vi")
    article = ArticlePage.objects.filter(organisation=newspaper, locale=vi).first()
    product = next(
        page
        for page in ProductPage.objects.filter(locale=vi).specific()
        if page.permissions_for_user(editor).can_edit()
    )
    items = ExhibitionItem.objects.filter(locale=vi)
    item = next(item for item in items if organisation_of(item) == newspaper.translation_key)
    km_article = article.get_translation(Locale.objects.get(language_code="km"))
    task_state = _submit_for_review(article, editor)
    mail.outbox.clear()
    action = "wagtailadmin_pages:workflow_action"
    return {
        "people": people,
        "home": Page.objects.get(depth=2, locale=vi),
        "article": article,
        "news": ArticleIndexPage.objects.ancestor_of(article).last() or article.get_parent(),
        "product": product,
        "library": LibraryPage.objects.filter(locale=vi).first(),
        "item": item,
        "km article": km_article,
        "workflow": Workflow.objects.filter(active=True).first(),
        "approve": reverse(action, args=[article.pk, "approve", task_state.pk]),
        "reject": reverse(action, args=[article.pk, "reject", task_state.pk]),
    }


#: Attributes with which a page makes the browser load something.
LOADS = (
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("script", "src"),
    ("link", "href"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
    ("input", "src"),
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def other_hosts(html):
    """The addresses on another host that a page loads (images, scripts, styles, frames, fonts)
    or hands to its scripts as one (JSON values such as an avatar's URL)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    addresses = []
    for name, attribute in LOADS:
        for tag in soup.find_all(name):
            for value in re.split(r",\s*", tag.get(attribute) or ""):
                addresses.append(value.strip().split(" ")[0])
    for style in soup.find_all(style=True):
        addresses += CSS_URL.findall(style["style"])
    for style in soup.find_all("style"):
        addresses += CSS_URL.findall(style.get_text())
    # Addresses the admin's scripts load from (an avatar in the sidebar), not links to follow.
    loaded = r'"(?:avatarUrl|avatar_url|src|image_url|thumbnail|poster)"\s*:\s*"([^"]+)"'
    for script in soup.find_all("script", type="application/json"):
        addresses += re.findall(loaded, script.get_text())
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            if attribute.startswith("data-") and isinstance(value, str) and value[:1] in "{[":
                addresses += re.findall(loaded, value)
    return sorted({a for a in addresses if urlsplit(a).netloc and urlsplit(a).hostname != "testserver"})


def _render_all(client, detector, screens, objects):
    findings, failures = [], []
    client.raise_request_exception = False
    for name, url_of in screens.items():
        url = url_of(objects)
        response = client.get(url, HTTP_ACCEPT="text/html")
        if response.status_code != 200:
            failures.append(f"{name} ({url}): HTTP {response.status_code} {response.get('Location', '')}")
            continue
        content = response.content.decode()
        if "html" in response.get("Content-Type", ""):
            failures += [f"{name} ({url}) loads {address}" for address in other_hosts(content)]
        if os.environ.get("ADMIN_LANGUAGE_DUMP"):  # to look at a screen: the folder to write it to
            Path(os.environ["ADMIN_LANGUAGE_DUMP"], f"{name}.html").write_text(content)
        findings += detector.findings(name, content, response.get("Content-Type", "text/html"))
    return findings, failures


def _report(language, who, findings, failures):
    lines = [f"{len(findings)} English strings in the {language} admin of the {who}:"]
    lines += [f"  {finding}" for finding in findings]
    lines += [f"  screen not shown, or loading from another host: {failure}" for failure in failures]
    return "\n".join(lines)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_screens_are_in_the_admin_language(client, demo, language, role):
    user = demo["people"]["administrator" if role == "administrator" else role]
    admin_language(user, language)
    sign_in(client, user)
    detector = EnglishDetector(language, typed=[SEARCH_TERM])
    findings, failures = _render_all(client, detector, SCREENS[role], demo)
    assert not findings and not failures, _report(language, role, findings, failures)


# Before signing in, and the sign-in's second step: the language comes from the browser.
def _as_anonymous(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_sign_in_password_reset_two_factor_and_lockout_pages(client, people, language):  # noqa: F811
    _as_anonymous(client, language)
    detector = EnglishDetector(language)
    findings = []

    def check(name, response, status=200):
        assert response.status_code == status, f"{name}: HTTP {response.status_code}"
        findings.extend(detector.findings(name, response.content.decode()))

    login = reverse("wagtailadmin_login")
    check("sign-in page", client.get(login))
    check("sign-in without a password", client.post(login, {"username": "bientap", "password": ""}))
    check("sign-in, wrong password", client.post(login, {"username": "bientap", "password": "sai-mat-khau"}))
    reset = reverse("wagtailadmin_password_reset")
    check("password reset", client.get(reset))
    check("password reset, bad address", client.post(reset, {"email": "không phải địa chỉ"}))
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "docgia", "password": f"sai-{attempt}"})
    check("lockout", client.post(login, {"username": "docgia", "password": "sai"}), status=429)

    reviewer = people["reviewer"]
    admin_language(reviewer, language)
    sign_in(client, reviewer, verified=False)
    check("two-factor enrolment", client.get(reverse("newsroom_2fa_setup")))
    TOTPDevice.objects.create(user=reviewer, name="authenticator", confirmed=True)
    verify = reverse("newsroom_2fa_verify")
    check("two-factor code", client.get(verify))
    check("two-factor code, wrong code", client.post(verify, {"token": "000000"}))
    assert not findings, _report(language, "person signing in", findings, [])


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_account_form_errors_come_in_the_admin_language(client, people, language):  # noqa: F811
    """Django's own messages (password validation, required fields) on the account screens."""
    editor = people["editor"]
    admin_language(editor, language)
    sign_in(client, editor)
    detector = EnglishDetector(language)
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "password-old_password": "not the password",
            "password-new_password1": "123",
            "password-new_password2": "1234",
            "name_email-first_name": "",
            "name_email-email": "không phải địa chỉ",
            "locale-preferred_language": language,
            "locale-current_time_zone": "",
        },
    )
    assert response.status_code == 200
    errors = re.findall(r'class="error-message"[^>]*>(.*?)</', response.content.decode(), re.S)
    assert errors, "the form shows its errors"
    findings = detector.findings("account with errors", response.content.decode())
    assert not findings, _report(language, "editor", findings, [])


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_reviewer_is_told_in_their_language(people, language):  # noqa: F811
    editor, reviewer = people["editor"], people["reviewer"]
    admin_language(reviewer, language)
    admin_language(editor, "vi" if language == "km" else "km")
    article = ArticlePage.objects.filter(
        organisation=organisation(NEWSPAPER), locale__language_code="vi"
    ).first()
    mail.outbox.clear()
    _submit_for_review(article, editor)
    messages = [message for message in mail.outbox if reviewer.email in message.to]
    assert messages, "the reviewer is told"
    detector = EnglishDetector(language)
    findings = []
    for message in messages:
        findings += detector.findings("subject", message.subject, "text/plain")
        findings += detector.findings("e-mail", message.body, "text/plain")
        for body, content_type in getattr(message, "alternatives", []):
            findings += detector.findings("e-mail (HTML)", body, content_type)
    assert not findings, _report(language, "reviewer's e-mail", findings, [])


def _javascript_catalogue(client, url):
    response = client.get(url)
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    return json.loads(match.group(1)) if match else {}


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_javascript_catalogues_translate_every_upstream_string(client, people, language):  # noqa: F811
    """Wagtail's and wagtail-localize's scripts (the page editor, the explorer, the translation
    editor) read their strings from these catalogues: every one translated, and not by falling
    back to another language."""
    editor = people["editor"]
    admin_language(editor, language)
    sign_in(client, editor)
    catalogue = {
        **_javascript_catalogue(client, reverse("wagtailadmin_javascript_catalog")),
        **_javascript_catalogue(client, reverse("wagtail_localize:javascript_catalog")),
    }
    detector = EnglishDetector(language)
    missing, english = [], []
    for context, msgid in upstream_js_msgids():
        key = f"{context}\x04{msgid}" if context else msgid
        if key not in catalogue:
            missing.append(msgid)
            continue
        value = catalogue[key]
        for text in value if isinstance(value, list) else [value]:
            if detector.english_in(text):
                english.append(f"{msgid!r} -> {text!r}")
    assert not missing and not english, (
        f"{language}: {len(missing)} JavaScript strings untranslated: {missing}; "
        f"{len(english)} left in English or another language: {english}"
    )


def test_the_admin_shows_no_gravatar(client, people):  # noqa: F811
    """Avatars come from the site (uploaded, or Wagtail's default), never from gravatar.com."""
    from wagtail.users.utils import get_gravatar_url

    editor = people["editor"]
    assert editor.email and get_gravatar_url(editor.email) is None
    sign_in(client, editor)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        content = client.get(url).content.decode()
        assert other_hosts(content) == []


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_khmer_and_vietnamese_are_admin_languages(language):
    """Offered in the account settings, with Django's language data and date formats."""
    from django.utils import formats
    from django.utils.translation import get_language_info

    from wagtail.admin.localization import get_available_admin_languages

    assert language in dict(get_available_admin_languages())
    assert get_language_info(language)["code"] == language
    with translation.override(language):
        assert formats.date_format(date(2026, 12, 5), "SHORT_DATE_FORMAT")
        assert formats.date_format(date(2026, 12, 5), "DATE_FORMAT")


def test_english_admin_writes_dates_day_first():
    from django.utils import formats

    day = date(2026, 12, 5)
    with translation.override("en"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "05/12/2026"
        assert formats.date_format(day, "DATE_FORMAT") == "5 December 2026"
        assert (
            formats.date_format(datetime(2026, 12, 5, 15, 4), "DATETIME_FORMAT") == "5 December 2026, 15:04"
        )
    with translation.override("vi"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT").startswith("05")


@pytest.mark.parametrize("language", ["vi", "km", "en"])
def test_plain_msgids_mean_the_same_in_our_catalogue_and_upstream(language):
    """Our catalogue comes first in LOCALE_PATHS, so a plain msgid we translate also changes
    Wagtail's and Django's screens: a word that means two things needs a pgettext context
    (docs/GLOSSARY.md). Before, the Translations report's state "Published" and Wagtail's workflow
    state "Submitted" read as date labels."""
    ours = polib.pofile(str(CATALOGUES / "locale" / language / "LC_MESSAGES" / "django.po"))
    if language == "en":
        # English is upstream's own language: our English must keep the msgid.
        changed = [e.msgid for e in ours if e.msgctxt is None and e.msgstr and e.msgstr != e.msgid]
        shipped = set(upstream_msgids("django"))
        assert [m for m in changed if (None, m) in shipped] == []
        return
    upstream = {
        (e.msgctxt, e.msgid): e
        for e in polib.pofile(str(CATALOGUES / "upstream_locale" / language / "LC_MESSAGES" / "django.po"))
    }
    different = []
    for entry in ours:
        theirs = upstream.get((entry.msgctxt, entry.msgid))
        both = theirs is not None and theirs.translated() and entry.translated()
        if both and (theirs.msgstr or theirs.msgstr_plural[0]) != (entry.msgstr or entry.msgstr_plural[0]):
            different.append(f"{entry.msgid!r}: ours {entry.msgstr!r}, upstream's {theirs.msgstr!r}")
    assert different == []


def upstream_msgids(domain):
    from translations.management.commands.upstream_messages import upstream_entries

    return upstream_entries(domain, "en")[1]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_vietnamese_upstream_catalogue_is_complete(domain):
    """Every upstream msgid we translate has a Vietnamese translation, with the same placeholders."""
    from .admin_english import PLACEHOLDER

    catalogue = polib.pofile(str(CATALOGUES / "upstream_locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"))
    assert len(catalogue) > (1800 if domain == "django" else 100)
    assert [e.msgid for e in catalogue if not e.translated() or "fuzzy" in e.flags] == []
    for entry in catalogue:
        source = entry.msgid_plural or entry.msgid
        translated = entry.msgstr or entry.msgstr_plural[0]
        if sorted(PLACEHOLDER.findall(translated)) != sorted(PLACEHOLDER.findall(source)):
            assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(entry.msgid)), (
                entry.msgid
            )


def test_translation_states_are_not_date_labels(client, people):  # noqa: F811
    with translation.override("vi"):
        assert pgettext("translation state", "Published") == "Đã xuất bản"
        assert pgettext("date label", "Published") == "Ngày phát hành"
        assert gettext("Submitted") == "Đã gửi"  # Wagtail's workflow state
        assert gettext("pages") == "trang"  # Wagtail's listings ("1-20 of 56 pages")
    translator = people["translator"]
    admin_language(translator, "vi")
    sign_in(client, translator)
    report = client.get(reverse("translations_report")).content.decode()
    assert "Ngày phát hành" not in report


def test_upstream_messages_merges_sources_and_keeps_translations(tmp_path, monkeypatch):
    """The command adds new msgids untranslated, keeps what we wrote, and takes from Django only
    the strings Django's own Vietnamese lacks (never the language names)."""
    from django.core.management import call_command

    from translations.management.commands import upstream_messages

    monkeypatch.setattr(upstream_messages, "TARGET", tmp_path)
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    ours = polib.POFile()
    ours.append(polib.POEntry(msgid="Save draft", msgstr="Lưu bản nháp"))
    ours.append(polib.POEntry(msgid="A msgid no package has", msgstr="Không còn"))
    ours.save(str(folder / "django.po"))
    call_command("upstream_messages", language=["vi"], stdout=io.StringIO())
    merged = {e.msgid: e for e in polib.pofile(str(folder / "django.po"))}
    assert merged["Save draft"].msgstr == "Lưu bản nháp"
    assert "A msgid no package has" not in merged
    assert merged["Sign in"].msgstr == ""  # Wagtail's, new
    assert "Enter a valid duration." in merged  # Django's Vietnamese lacks it
    assert "Enter a valid URL." not in merged  # Django's Vietnamese has it
    assert "Vietnamese" not in merged and "Khmer" not in merged  # language names
    assert "a second ago" in merged  # humanize, used by Wagtail without being installed
    assert not (tmp_path / "km").exists()


def test_upstream_english_overrides_are_upstream_templates_with_only_the_fix():
    """Our copies of Wagtail's templates (translations/upstream_english.py): each is upstream's
    with only its English translated. Fails when an upgrade changes the template (copy it again)
    or translates the string itself (delete the copy)."""
    from wagtail.admin.forms.auth import LoginForm

    from translations import upstream_english

    for name in upstream_english.OVERRIDES:
        assert upstream_english.ours(name) == upstream_english.translated(name), name
    assert LoginForm().fields["password"].label is None
    with translation.override("vi"):
        assert upstream_english.LoginForm().fields["password"].label == "Mật khẩu"


def test_wagtail_still_leaves_its_image_chooser_unlabelled():
    """home.blocks.ImageBlock labels the chooser; delete it when this fails."""
    from wagtail.images.blocks import ImageBlock as WagtailImageBlock

    from home.blocks import ImageBlock

    assert not WagtailImageBlock().child_blocks["image"].meta.label
    with translation.override("vi"):
        assert str(ImageBlock().child_blocks["image"].label) == "Ảnh"
    assert ImageBlock().deconstruct() == WagtailImageBlock().deconstruct()


def test_localize_still_writes_english_dates():
    """translations/localize_dates.py rewrites them; delete it when this fails."""
    from wagtail_localize.compat import DATE_FORMAT

    from translations.localize_dates import localized

    assert "%B" in DATE_FORMAT
    assert localized("Dịch thủ công ngày 2 December 2026") == "Dịch thủ công ngày 02/12/2026"


def test_menu_labels_follow_the_admin_language(client, people):  # noqa: F811
    """Wagtail keeps its menu items for the life of the process: two labels translated when the
    items were built must still follow each person's language (translations/menu_labels.py)."""
    from wagtail.admin.menu import help_menu, reports_menu

    editor = people["editor"]
    sign_in(client, editor)
    labels = {}
    for language in ("vi", "km", "vi"):
        admin_language(editor, language)
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        with translation.override(language):
            version = get_main_version(include_patch=False)
            wanted = [gettext("What's new in Wagtail %(version)s") % {"version": version}]
            wanted.append(gettext("Translations"))
        for label in wanted:
            assert json.dumps(label)[1:-1] in content, (language, label)
        labels[language] = wanted
    assert labels["vi"] != labels["km"]
    # Upstream still translates these two labels when it builds them (delete menu_labels.py when
    # this fails): they are plain strings, not lazy ones.
    version = get_main_version(include_patch=False)
    kept = [
        item.label
        for item in help_menu.registered_menu_items + reports_menu.registered_menu_items
        if item.name == f"whats-new-in-wagtail-{version}"
        or getattr(item, "url", None) == reverse("wagtail_localize:translations_report")
    ]
    assert len(kept) == 2 and not any(isinstance(label, Promise) for label in kept)


def test_snippet_chooser_texts_follow_the_admin_language():
    """The organisation chooser on every article, product and exhibition item
    (translations/chooser_texts.py)."""
    from wagtail.admin.forms.models import registry
    from wagtail.snippets.widgets import AdminSnippetChooser

    from home.models import Organisation

    reverse("wagtailadmin_home")  # the admin's URLs register the snippet choosers
    field = ArticlePage._meta.get_field("organisation")
    widget = registry.get(field)["widget"]()
    texts = {}
    for language in ("vi", "km", "en"):
        with translation.override(language):
            texts[language] = (str(widget.choose_one_text), str(widget.link_to_chosen_text))
            name = str(Organisation._meta.verbose_name)
            assert texts[language][0] == gettext("Choose %(object)s") % {"object": name}
    assert len(set(texts.values())) == 3
    # Upstream still writes them once, when the widget is built (delete chooser_texts.py when
    # this fails).
    with translation.override("vi"):
        upstream = AdminSnippetChooser(Organisation)
    with translation.override("km"):
        assert upstream.choose_one_text == texts["vi"][0]


def _in_each_language(client, user, url, languages=("vi", "km")):
    """The page at ``url`` as ``user`` sees it with each admin language, one after the other in this
    process (texts built once per process keep the first one)."""
    sign_in(client, user)
    shown = {}
    for language in languages:
        admin_language(user, language)
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, (url, response.status_code)
        shown[language] = response.content.decode()
    return shown


def test_page_chooser_text_follows_the_admin_language():
    """The article body's product block (translations/blocks.py, translations/chooser_texts.py)."""
    from wagtail.admin.widgets import AdminPageChooser

    block = ArticlePage.body.field.stream_block.child_blocks["product"].child_blocks["page"]
    for language in ("vi", "km", "en", "vi"):
        with translation.override(language):
            expected = gettext("Choose a page") + f" ({str(ProductPage._meta.verbose_name).capitalize()})"
            assert block.widget.choose_one_text == expected, language
            assert expected in block.widget.render_html("page", None, {"id": "id_page"}), language
    assert block.deconstruct()[0] == "wagtail.blocks.PageChooserBlock"
    # Upstream still writes the text once, when the widget is built (delete the workaround when
    # this fails).
    with translation.override("vi"):
        upstream = AdminPageChooser(target_models=[ProductPage])
    with translation.override("km"):
        assert upstream.choose_one_text.startswith("Chọn")


@pytest.mark.parametrize("chooser", ["wagtailimages_chooser:choose", "wagtaildocs_chooser:choose"])
def test_chooser_search_tab_follows_the_admin_language(client, people, chooser):  # noqa: F811
    """The "Search" tab beside "Upload" in the image and document choosers."""
    from django.urls import resolve

    from wagtail.documents.views.chooser import viewset as document_choosers
    from wagtail.images.views.chooser import viewset as image_choosers

    shown = _in_each_language(client, people["editor"], reverse(chooser))
    for language, content in shown.items():
        with translation.override(language):
            label = gettext("Search")
        html = json.loads(content)["html"]
        assert re.search(rf'id="tab-label-search"[^>]*>\s*{re.escape(label)}\s*<', html), language
    assert isinstance(resolve(reverse(chooser)).func.view_initkwargs["search_tab_label"], Promise)
    # Upstream still evaluates its label when the module is imported (delete the two viewsets in
    # translations/chooser_texts.py when this fails).
    assert not isinstance(image_choosers.search_tab_label, Promise)
    assert not isinstance(document_choosers.search_tab_label, Promise)


def test_snippet_breadcrumbs_follow_the_admin_language(client, people):  # noqa: F811
    """The "Home" crumb of the exhibition items' screens, and every project snippet viewset's
    (translations/breadcrumbs.py)."""
    from wagtail.snippets.models import get_snippet_models
    from wagtail.snippets.views.snippets import SnippetViewSet as UpstreamSnippetViewSet

    from translations.breadcrumbs import SnippetViewSet

    shown = _in_each_language(client, people["editor"], _snippet(None, "list"))
    for language, content in shown.items():
        with translation.override(language):
            home = gettext("Home")
        assert re.search(rf'<a [^>]*href="{reverse("wagtailadmin_home")}"[^>]*>\s*{home}\s*<', content), (
            language
        )
    viewsets = [model.snippet_viewset for model in get_snippet_models()]
    assert viewsets and all(isinstance(viewset, SnippetViewSet) for viewset in viewsets)
    # Upstream still labels them with gettext (delete translations/breadcrumbs.py when this fails).
    upstream = UpstreamSnippetViewSet.breadcrumbs_items.fget(ExhibitionItem.snippet_viewset)
    assert not isinstance(upstream[0]["label"], Promise)


def test_review_dialog_comment_follows_the_admin_language(client, people):  # noqa: F811
    """The comment field of the approve and request-changes dialogs (translations/workflow_texts.py)."""
    from wagtail.forms import TaskStateCommentForm

    editor, reviewer = people["editor"], people["reviewer"]
    article = ArticlePage.objects.filter(
        organisation=organisation(NEWSPAPER), locale__language_code="vi"
    ).first()
    task_state = _submit_for_review(article, editor)
    for action in ("approve", "reject"):
        url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])
        shown = _in_each_language(client, reviewer, url, ("vi", "km", "vi"))
        for language, content in shown.items():
            with translation.override(language):
                label = gettext("Comment")
            html = json.loads(content)["html"]
            assert re.search(rf"<label[^>]*>\s*{label}\s*<", html), (action, language)
    # Upstream still labels the field when the class is defined (delete the workaround when this
    # fails).
    assert not isinstance(TaskStateCommentForm.base_fields["comment"].label, Promise)


def test_translation_editor_heading_and_notes_follow_the_admin_language(client, people, demo):  # noqa: F811
    """wagtail-localize writes its editor's heading in English in its script, and the note of a
    string just saved with an English date: translations/js/translation-editor.js and
    translations/localize_dates.py."""
    from django.contrib.staticfiles import finders
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    from wagtail_localize.models import StringSegment, Translation

    translator = people["translator"]
    admin_language(translator, "km")
    sign_in(client, translator)
    km_article = demo["km article"]
    content = client.get(_edit(km_article)).content.decode()
    heading = re.search(r'data-translation-heading="([^"]+)"', content).group(1)
    with translation.override("km"):
        expected = gettext("Translation from %(source)s into %(target)s") % {
            "source": Locale.objects.get(language_code="vi").get_display_name(),
            "target": Locale.objects.get(language_code="km").get_display_name(),
        }
    assert heading == expected and not EnglishDetector("km").english_in(heading)
    assert "translations/js/translation-editor.js" in content

    km_translation = Translation.objects.get(
        source__object_id=km_article.translation_key, target_locale=km_article.locale
    )
    segment = StringSegment.objects.filter(source=km_translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[km_translation.pk, segment.pk])
    response = client.put(url, encode_multipart(BOUNDARY, {"value": "ការសាកល្បង"}), MULTIPART_CONTENT)
    assert response.status_code in (200, 201)
    comment = response.json()["comment"]
    assert re.search(r"\d\d/\d\d/\d{4}", comment) and not EnglishDetector("km").english_in(comment), comment

    # Upstream still writes the heading in English (delete the script and its template lines
    # when this fails).
    script = finders.find("wagtail_localize/js/wagtail-localize.js")
    assert " to ${r.locale.displayName} translation`" in Path(script).read_text(encoding="utf-8")
