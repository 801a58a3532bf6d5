"""The search index: one document per public object per language, and its facet values.

The full-text side lives in the database next to these rows, maintained by triggers that a
migration creates: an FTS5 table on SQLite, a weighted ``tsvector`` column with a GIN index on
PostgreSQL. With a search cluster configured, documents are also sent there (``search.backends``).
Only :mod:`search` reads or writes these models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(null=True)
    kind = models.CharField(max_length=16)
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True)  # what the authors wrote, as plain text, for snippets
    # What the object is tagged with or identified by, shown as labelled metadata beside the
    # snippet, never inside it: ``[[label, value], ...]`` (labels: ``search.sources.METADATA``).
    metadata = models.JSONField(null=True, blank=True)
    # Text of attached files, for snippets that say where they come from: ``[[name, text], ...]``.
    attachments = models.JSONField(null=True, blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True)
    visible_from = models.DateField(null=True)  # embargo: hidden before this day
    visible_until = models.DateField(null=True)  # consent: hidden after this day
    # Analysed terms (search.analysis), space-separated; the full-text index is built from these.
    title_terms = models.TextField(blank=True)  # the folded stream of the title
    body_terms = models.TextField(blank=True)  # ... of the text, metadata and attached files
    variant_terms = models.TextField(null=True, blank=True)  # the variant stream of all of them
    syllables = models.TextField(blank=True)
    # The document's facet values again, as ``"facet:value"`` strings, read with the document
    # itself: PostgreSQL filters and counts facets from this column without joining SearchFacet.
    # Nullable, without a default, so that SQLite adds the column in place: rebuilding the table
    # would drop the triggers that keep its FTS5 table in step (migration 0002). The same holds
    # for the other nullable columns.
    facet_keys = models.JSONField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_document_object")
        ]
        indexes = [models.Index(fields=["locale", "kind"], name="search_doc_locale_kind")]

    def __str__(self):
        return self.title


class SearchFacet(models.Model):
    """A facet value of a document: ``kind``, ``convention``, ``province`` (current province, former
    ones rolled up), ``province_tagged``, ``year``, ``type``; term values are translation keys."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facets", db_index=False
    )
    facet = models.CharField(max_length=24)
    value = models.CharField(max_length=64)

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="search_facet_value"),
            models.Index(fields=["document", "facet", "value"], name="search_facet_document"),
        ]


class ZeroResultQuery(models.Model):
    """A query that found nothing, for editors to see what readers miss."""

    query = models.CharField(_("query"), max_length=200)
    folded = models.CharField(max_length=200, editable=False)
    language = models.CharField(_("language"), max_length=8)
    count = models.PositiveIntegerField(_("times"), default=1)
    first_seen = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [models.UniqueConstraint(fields=["folded", "language"], name="zero_result_query")]
        indexes = [models.Index(fields=["-last_seen"], name="zero_result_last_seen")]

    def __str__(self):
        return self.query
