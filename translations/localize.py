"""Create and update translations through wagtail-localize, the way an editor's translation would.

Used by the demo-data generator and the import tools: the source object is registered as a
``TranslationSource``, every string segment is looked up in a caller-supplied translation memory,
imported as a PO file, and the target page or snippet is saved (and published for pages).
"""

import re

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

_BLOCK_TAG = re.compile(r"^<(p|h[1-6]|li)>(.*)</\1>$", re.DOTALL)


def _normalise(text):
    return " ".join(str(text).split())


class TranslationMemory:
    """Source-language strings mapped to their translations, per target language."""

    def __init__(self):
        self._entries = {}

    def add(self, source, translations):
        """Add one string; ``translations`` maps language codes to text. Rich-text <p> is unwrapped."""
        for language, text in translations.items():
            self._entries[(language, _normalise(source))] = text
            match_source, match_text = _BLOCK_TAG.match(source or ""), _BLOCK_TAG.match(text or "")
            if match_source and match_text:
                self._entries[(language, _normalise(match_source.group(2)))] = match_text.group(2)

    def lookup(self, language, source):
        return self._entries.get((language, _normalise(source)))


def translate(instance, locale, memory, *, publish=True, user=None, machine=False):
    """Create or refresh ``instance``'s translation into ``locale`` from ``memory``.

    Returns ``(target_instance, missing)`` where ``missing`` lists source strings the memory did not
    know (they fall back to the source text, as wagtail-localize does for a partial translation).
    ``machine=True`` records the strings as machine-made, as wagtail-localize's machine translator
    does, so the translation is labelled until a person reviews it.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        text = memory.lookup(locale.language_code, entry.msgid)
        if text is None:
            missing.append(entry.msgid)
        else:
            entry.msgstr = text
    kind = "machine" if machine else "manual"
    translation.import_po(po, user=user, tool_name="seed", translation_type=kind)
    if not isinstance(instance, Page):
        translation.save_target(user=user)
        return translation.get_target_instance(), missing
    # wagtail-localize publishes pages in ``transaction.on_commit`` with the page object it held when
    # the revision was made; inside an outer transaction that stale object's tree counters
    # (``numchild``) overwrite children added since. Save a draft, then publish from a fresh read.
    translation.save_target(user=user, publish=False)
    target = Page.objects.get(pk=translation.get_target_instance().pk).specific
    if publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target, missing
