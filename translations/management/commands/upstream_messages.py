"""Refresh the project's catalogues of upstream admin strings (Wagtail, wagtail-localize, Django).

Neither Wagtail nor wagtail-localize ships Khmer, Wagtail's Vietnamese covers about a fifth of its
admin, and Django's own Khmer (and, for a few form and validation messages, Vietnamese) has gaps.
The project translates these strings itself in ``translations/upstream_locale/<lang>/LC_MESSAGES/``
(listed in ``LOCALE_PATHS`` after the project's own catalogue, before the packages' own).

This command reads the English catalogues the installed packages ship (their complete list of
msgids for the pinned versions) and merges them into ours: new msgids are added untranslated,
msgids upstream no longer has are dropped, and every translation already written is kept. Run it
after upgrading any package in ``SOURCES``, translate what it reports as missing (following
docs/GLOSSARY.md), then ``compilemessages``. ``--language km`` limits it to one language, so a
translator refreshes only the catalogue they work on.
"""

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


@dataclass(frozen=True)
class Source:
    """One catalogue of upstream strings that the admin shows and that we translate."""

    #: Importable package whose ``locale/en/LC_MESSAGES/<domain>.po`` files list the msgids.
    package: str
    #: Folder under the package to read (``""``: every catalogue anywhere in the package).
    folder: str = ""
    #: Take only the msgids the package's own catalogue for the language leaves untranslated
    #: (Django translates most of its strings well; Wagtail's Vietnamese is partial and uneven,
    #: so we translate all of Wagtail's and wagtail-localize's strings ourselves).
    gaps_only: bool = False
    #: Source files (paths relative to the package, as in the ``#:`` references) whose strings the
    #: admin never shows; an entry is skipped when all its references are under one of these.
    skip: tuple = ()

    def catalogues(self, language, domain):
        root = Path(import_module(self.package).__file__).parent / self.folder
        return sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po"))

    def shown(self, entry):
        files = [path for path, _line in entry.occurrences]
        return not files or not all(path.startswith(self.skip) for path in files)


#: The packages whose admin strings we translate, explicitly. Add a source when the admin test
#: (tests/translations/test_admin_language.py) finds English that comes from another package.
SOURCES = (
    # Wagtail's admin, images, documents, snippets, users, sites, contrib apps...
    Source("wagtail"),
    # wagtail-localize's translation editor, Translate/Sync actions, locales admin.
    Source("wagtail_localize"),
    # Django's form field and validation errors, dates, file sizes, paginator and CSRF messages.
    Source(
        "django",
        folder="conf",
        gaps_only=True,
        skip=(
            # Language names: our LANGUAGES are each written in their own language.
            "conf/global_settings.py",
            # Pages only a developer sees (DEBUG start page, static file indexes, generic
            # date/list views' configuration errors).
            "views/templates/default_urlconf.html",
            "views/static.py",
            "views/generic/",
        ),
    ),
    # Sign-in, password change and reset forms, password validators.
    Source("django", folder="contrib/auth", gaps_only=True),
    # "3 minutes ago", "1,200": Wagtail's templates use django.contrib.humanize's filters without
    # the app being installed, so Django never loads that app's own catalogue.
    Source("django", folder="contrib/humanize"),
    # The "Tags" field on images, documents and pages (django-taggit ships no vi or km).
    Source("taggit"),
)
DOMAINS = ("django", "djangojs")
#: Plural forms of our admin languages (neither Vietnamese nor Khmer inflects for number).
PLURAL_FORMS = {"vi": "nplurals=1; plural=0;", "km": "nplurals=1; plural=0;"}
TARGET = Path(settings.BASE_DIR) / "translations" / "upstream_locale"


def key(entry):
    return (entry.msgctxt, entry.msgid)


def translated(path):
    """Keys that the catalogue at ``path`` translates (not fuzzy, not empty)."""
    return {key(entry) for entry in polib.pofile(str(path)) if entry.translated() and not entry.obsolete}


def upstream_entries(domain, language):
    """The sources' entries for ``domain`` that ``language`` needs from us, and every key they ship.

    Both are keyed by (msgctxt, msgid); the first source to ship a msgid gives its entry.
    """
    entries = {}
    shipped = set()
    for source in SOURCES:
        covered = set()
        if source.gaps_only:
            for path in source.catalogues(language, domain):
                covered |= translated(path)
        for path in source.catalogues("en", domain):
            for entry in polib.pofile(str(path)):
                if entry.obsolete or not entry.msgid or not source.shown(entry):
                    continue
                shipped.add(key(entry))
                if key(entry) not in covered:
                    entries.setdefault(key(entry), entry)
    return entries, shipped


def merge(language, domain, upstream, shipped):
    """Our catalogue for ``language``/``domain`` with upstream's msgids and our translations.

    A msgid that a source now translates itself (``gaps_only``) is kept while ours translates it,
    so no translation written here is lost.
    """
    path = TARGET / language / "LC_MESSAGES" / f"{domain}.po"
    ours = {}
    if path.exists():
        existing = polib.pofile(str(path))
        ours = {key(entry): entry for entry in existing if not entry.obsolete}
    wanted = dict(upstream)
    for entry_key, entry in ours.items():
        if entry_key not in wanted and entry_key in shipped and entry.translated():
            wanted[entry_key] = entry
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "nhanquyen-cms upstream admin strings",
        "Language": language,
        "Language-Team": "Nhân quyền CMS (docs/GLOSSARY.md)",
        "Last-Translator": "Nhân quyền CMS",
        "PO-Revision-Date": "2026-12-01 00:00+0700",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[language],
    }
    for entry_key, source in sorted(wanted.items(), key=lambda item: (item[0][1], item[0][0] or "")):
        known = ours.get(entry_key)
        entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid)
        entry.flags = [flag for flag in source.flags if flag != "fuzzy"]
        if source.msgid_plural:
            entry.msgid_plural = source.msgid_plural
            entry.msgstr_plural = {0: known.msgstr_plural.get(0, "") if known and known.msgstr_plural else ""}
        else:
            entry.msgstr = known.msgstr if known else ""
        if known and "fuzzy" in known.flags:
            entry.flags.append("fuzzy")
        catalogue.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return catalogue


class Command(BaseCommand):
    help = "Merge the upstream admin msgids we translate (SOURCES) into translations/upstream_locale."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            choices=sorted(PLURAL_FORMS),
            help="Refresh only this language's catalogues (repeatable; default: all).",
        )

    def handle(self, *args, **options):
        languages = options["language"] or sorted(PLURAL_FORMS)
        for language in languages:
            if language not in PLURAL_FORMS:
                raise CommandError(f"unknown language {language!r}")
            for domain in DOMAINS:
                catalogue = merge(language, domain, *upstream_entries(domain, language))
                missing = len(catalogue.untranslated_entries()) + len(catalogue.fuzzy_entries())
                self.stdout.write(f"{language}/{domain}.po: {len(catalogue)} msgids, {missing} to translate")
