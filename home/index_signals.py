"""Signals from content to the indexes built from it, so that a content app tells the search what
changed without importing it (the search learns about content from what content declares and
sends, ``docs/ARCHITECTURE.md``)."""

from django.dispatch import Signal

#: Sent with ``instances``: objects whose search documents no longer match them although the
#: objects themselves were not saved (the text of a file they attach was read, or the file
#: deleted). ``search.signals`` builds their documents again.
documents_changed = Signal()
