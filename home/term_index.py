"""Every taxonomy term, province and organisation, in every language, held in each process until
one changes.

A page shows its conventions, areas, topics and provinces in its own language. Looking the terms up
for each page cost a query per taxonomy, or one ``UNION`` whose subqueries took longer to compile
than to run. The terms are reference data: a few hundred rows, changed when an editor edits a term
or the reference data is reloaded (both save each row). So each process reads them all once (three
queries, about 10 ms) and a page needs only which terms it is tagged with: one query over its tag
tables (``tags_of``).

Saving or deleting any term or province writes a new stamp to the shared cache, at once and when
the transaction commits (as ``home.page_cache`` does for content); every process compares its
index's stamp with the shared one on each use, so no process shows a renamed term's old name. The
index does not depend on pages, so publishing an article does not rebuild it.

While the shared cache cannot be reached there is no stamp to compare with: an index is then used
for at most ``UNVERIFIED_SECONDS`` after it was built and rebuilt after that (a process's own
changes still drop its index at once), and the stamp is renewed when the cache answers again
(``home.page_cache.on_cache_recovered``).

The terms are shared by every request in the process and must not be changed.
"""

import time
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import IntegerField, Value
from django.db.models.signals import post_delete, post_save

from . import page_cache
from .models.people import Organisation
from .models.taxonomy import PageProvince, Province, TaxonomyTerm

STAMP_KEY = "pagecache:term-index"
UNVERIFIED_SECONDS = 5
_held = None  # (stamp, index, monotonic time built) in this process


@dataclass
class TermIndex:
    by_pk: dict = field(default_factory=dict)  # (model, pk) -> term
    by_key: dict = field(default_factory=dict)  # (model, translation key, locale id) -> term
    #: successor's translation key -> translation keys of the former units merged into it
    formers: dict = field(default_factory=dict)

    by_locale: dict = field(default_factory=dict)  # (model, locale id) -> [terms], in display order

    def add(self, term):
        model = type(term)
        self.by_pk[model, term.pk] = term
        self.by_key[model, term.translation_key, term.locale_id] = term
        self.by_locale.setdefault((model, term.locale_id), []).append(term)

    def in_locale(self, model, locale_id):
        """Every term of ``model`` in ``locale_id``: taxonomies by sort order and name, provinces
        current units first (then by end date and name), on every database alike."""
        return self.by_locale.get((model, locale_id), [])

    def get(self, model, pk):
        return self.by_pk.get((model, pk))

    def localized(self, term, locale_id):
        """``term``'s version in ``locale_id``, or ``term`` itself when it has none."""
        return self.by_key.get((type(term), term.translation_key, locale_id), term)


def taxonomy_models():
    return [model for model in apps.get_models() if issubclass(model, TaxonomyTerm)]


def _build():
    from .tagging import terms_together

    index = TermIndex()
    for terms in terms_together([model.objects.all() for model in taxonomy_models()]):
        for term in terms:
            index.add(term)
    for organisation in Organisation.objects.all():
        index.add(organisation)
    provinces = list(Province.objects.defer("search_text", "loaded_values", "aliases"))
    for province in provinces:
        index.add(province)
    for (model, _locale), found in index.by_locale.items():
        if model is Province:
            found.sort(key=lambda unit: (unit.valid_until is not None, unit.valid_until or "", unit.name))
        elif issubclass(model, TaxonomyTerm):
            found.sort(key=lambda term: (term.sort_order, term.name))
        else:
            found.sort(key=lambda row: row.name)
    for province in provinces:  # the successor, as select_related would give it
        successor = index.get(Province, province.successor_id)
        province._state.fields_cache["successor"] = successor
        if successor is not None:
            index.formers.setdefault(successor.translation_key, set()).add(province.translation_key)
    return index


def terms():
    """The index, rebuilt in this process when a term or province has changed anywhere."""
    global _held
    stamp = page_cache.shared_stamp(STAMP_KEY)
    held = _held
    if (
        held is None
        or held[0] != stamp
        or (stamp is None and time.monotonic() - held[2] > UNVERIFIED_SECONDS)
    ):
        held = _held = (stamp, _build(), time.monotonic())
    return held[1]


def forget(**kwargs):
    """Make every process rebuild its index: now, and when the current transaction commits."""
    global _held
    _held = None  # this process at once, even if the shared cache cannot be reached
    page_cache.renew_stamp(STAMP_KEY)


def install():
    for model in [*taxonomy_models(), Province, Organisation]:
        post_save.connect(forget, sender=model, dispatch_uid=f"term_index_save_{model._meta.label}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"term_index_delete_{model._meta.label}")


def related_term(instance, field_name, locale_id):
    """The term, province or organisation ``instance.<field_name>`` points at, in ``locale_id``:
    from the index, so no query (the row itself is read only if it is not indexed)."""
    pk = getattr(instance, f"{field_name}_id")
    if pk is None:
        return None
    index = terms()
    model = type(instance)._meta.get_field(field_name).related_model
    return index.localized(index.get(model, pk) or getattr(instance, field_name), locale_id)


def tags_of(page, locale_id, **relations):
    """The terms ``page`` is tagged with, in ``locale_id`` (falling back to the tagged term when it
    has no translation): ``{name: [terms]}`` for each named many-to-many field of taxonomy terms,
    in the terms' order, and ``provinces`` (in the editor's order) when asked for with
    ``provinces=True``. One query, over the page's tag tables."""
    parts, names = [], []
    for name, wanted in relations.items():
        if not wanted:
            continue
        if name == "provinces":
            rows = PageProvince.objects.filter(page_id=page.pk).values_list("province_id", "sort_order", "pk")
        else:
            relation = type(page)._meta.get_field(name)
            through = relation.remote_field.through
            rows = through.objects.filter(**{relation.m2m_field_name(): page.pk}).values_list(
                relation.m2m_reverse_name(), Value(0, output_field=IntegerField()), "pk"
            )
        parts.append(rows.annotate(relation=Value(len(names), output_field=IntegerField())).order_by())
        names.append(name)
    if not parts:
        return {}
    index = terms()
    found = {name: [] for name in names}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    for pk, order, row, relation in rows:
        name = names[relation]
        model = Province if name == "provinces" else type(page)._meta.get_field(name).related_model
        term = index.get(model, pk)
        if term is not None:
            found[name].append(((order or 0, row), term))
    result = {}
    for name, tagged in found.items():
        if name == "provinces":  # the editor's order; rows saved together keep their saving order
            chosen = [term for _order, term in sorted(tagged, key=lambda pair: pair[0])]
        else:
            chosen = sorted((term for _order, term in tagged), key=lambda term: (term.sort_order, term.name))
        result[name] = [index.localized(term, locale_id) for term in chosen]
    return result
