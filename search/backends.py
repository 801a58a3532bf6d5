# ruff: noqa: S608 - SQL here is assembled from fixed fragments; every value is a query parameter.
"""Where the search index lives: the database (SQLite FTS5 or PostgreSQL full text) or a cluster.

Every backend stores the same analysed terms (:mod:`search.analysis`) and answers the same
:class:`SearchRequest` with a :class:`SearchResult` (document ids in rank order, the total, facet
counts). This module is the only code that knows which backend runs; callers use
:func:`get_index`. Documents always live in the ``SearchDocument`` table, which pages of results
are read from; a cluster additionally holds a copy for matching, ranking and counting.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .analysis import Group, phrases
from .models import SearchDocument, SearchFacet

_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")

# Relative weights of the FTS5 columns: title, text, the variant stream (which repeats both, so
# it counts least among words), Khmer syllables (a syllable match ranks below a word match).
WEIGHTS = (10.0, 2.0, 1.0, 0.5)
# ts_rank's weights for D (syllables), C (text), B (variant stream), A (title).
TS_WEIGHTS = "{0.05, 0.2, 0.1, 1.0}"


@dataclass
class Tier:
    """A rank tier: documents matching it come before those that match only later tiers. Built
    per query by :func:`tiers`, written out per backend."""

    name: str
    streams: list  # [(stream, terms)]: the tier holds when any stream has the terms as a phrase;
    # streams are "folded" (title or text), "variant" and "syllables"; ``terms`` of one entry
    # each means "every one of these words", not a phrase: see ``phrase``
    phrase: bool = True


def _tier_case(condition, query_tiers):
    """SQL giving a document its tier's number (0 the best; one more than the last when none
    matches): ``condition`` with one ``%s`` for each tier's query, tested in order."""
    cases = " ".join(f"WHEN {condition} THEN {number}" for number in range(len(query_tiers)))
    return f"CASE {cases} ELSE {len(query_tiers)} END"


def tiers(groups):
    """Rank tiers of a query, best first (docs/SEARCH.md "Ranking"):

    1. **exact phrase**: the reader's words together, in order, with the diacritics they typed;
    2. **exact words**: every word with the diacritics typed, anywhere (in Vietnamese another
       tone is another word: "phố biển" is not "phổ biến", even standing together);
    3. **phrase**: the words together, in order, in any spelling (English: any inflection; Khmer:
       also as a run of syllables, when the segmenter split a document's words differently);
    then everything else that matches. Within a tier, the backend's score decides."""
    result = []
    exact_typed = any(group.exact for group in groups)
    found = phrases(groups)
    if found:
        folded, variant = found
        if variant and exact_typed:
            result.append(Tier("exact phrase", [("variant", variant)]))
        streams = [("folded", folded)]
        if variant and not exact_typed:
            streams.append(("variant", variant))  # English stems
        if all(group.phrase for group in groups):
            streams.append(("syllables", [s for group in groups for s in group.syllables]))
        phrase = Tier("phrase", streams)
    if exact_typed:
        result.append(Tier("exact words", [], phrase=False))
    if found:
        result.append(phrase)
    return result


@dataclass
class Document:
    """What a content type gives the index for one object (see ``search.sources``)."""

    content_type_id: int
    object_id: int
    locale_id: int
    translation_key: object
    kind: str
    title: str
    text: str
    url: str
    date: date = None
    visible_from: date = None
    visible_until: date = None
    title_terms: str = ""
    body_terms: str = ""
    variant_terms: str = ""
    syllables: str = ""
    facets: set = field(default_factory=set)  # {(facet, value)}
    metadata: list = field(default_factory=list)  # [(label, value)], shown beside the snippet
    attachments: list = field(default_factory=list)  # [(name, text)] of attached files


@dataclass
class SearchRequest:
    groups: list  # analysed query (search.analysis.Group); empty: everything, newest first
    locale_id: int = None  # None: every language
    kinds: list = None
    filters: dict = field(default_factory=dict)  # facet -> [values]: OR within, AND across facets
    facets: list = field(default_factory=list)  # facets to count
    offset: int = 0
    limit: int = 20
    object_filter: tuple = None  # (sql, params) selecting allowed object ids
    today: date = None

    def on(self):
        return self.today or timezone.localdate()


@dataclass
class SearchResult:
    ids: list  # SearchDocument ids, best first
    total: int
    facets: dict  # facet -> {value: count}


def _facet_keys(document):
    return sorted(f"{facet}:{value}" for facet, value in document.facets)


def _in(column, values):
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


class DatabaseIndex:
    """Full-text search in the site's own database: FTS5 on SQLite, tsvector/GIN on PostgreSQL."""

    def __init__(self, options=None):
        self.options = options or {}

    @property
    def vendor(self):
        return connection.vendor

    # --- writing -------------------------------------------------------------------------
    def store(self, documents, *, remove=(), fresh=False):
        """Insert or replace documents (and their facets); remove ``(content_type_id, object_id)``s.
        ``fresh``: the documents are known to be new (a rebuild into an empty index), so they are
        inserted in bulk."""
        if fresh:
            return self._insert(documents)
        with transaction.atomic():
            for content_type_id, object_id in remove:
                SearchDocument.objects.filter(content_type_id=content_type_id, object_id=object_id).delete()
            for document in documents:
                # Everything but the object's identity, which finds the row.
                values = {name: getattr(document, name) for name in self.FIELDS[2:]}
                values["facet_keys"] = _facet_keys(document)
                row, _created = SearchDocument.objects.update_or_create(
                    content_type_id=document.content_type_id, object_id=document.object_id, defaults=values
                )
                row.facets.all().delete()
                SearchFacet.objects.bulk_create(
                    SearchFacet(document=row, facet=facet, value=value) for facet, value in document.facets
                )
        return documents

    FIELDS = (
        "content_type_id",
        "object_id",
        "locale_id",
        "translation_key",
        "kind",
        "title",
        "text",
        "url",
        "date",
        "visible_from",
        "visible_until",
        "title_terms",
        "body_terms",
        "variant_terms",
        "syllables",
        "metadata",
        "attachments",
    )

    def _insert(self, documents):
        with transaction.atomic():
            rows = SearchDocument.objects.bulk_create(
                SearchDocument(
                    **{name: getattr(document, name) for name in self.FIELDS},
                    facet_keys=_facet_keys(document),
                )
                for document in documents
            )
            SearchFacet.objects.bulk_create(
                SearchFacet(document_id=row.pk, facet=facet, value=value)
                for row, document in zip(rows, documents, strict=True)
                for facet, value in document.facets
            )
        return documents

    def clear(self):
        SearchDocument.objects.all().delete()

    def after_rebuild(self):
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
                cursor.execute("ANALYZE")
        elif self.vendor == "postgresql":
            # VACUUM (outside a transaction only) also sets the visibility map, so facet lookups
            # are answered from the (facet, value, document) index alone.
            statement = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            with connection.cursor() as cursor:
                cursor.execute(f"{statement} search_searchdocument")
                cursor.execute(f"{statement} search_searchfacet")

    # --- the match expression, per database ----------------------------------------------
    @staticmethod
    def _quote_fts(term):
        return '"' + term.replace('"', '""') + '"'

    @staticmethod
    def _exact(groups):
        """The groups with each typed diacritic form as the only alternative, or ``None`` when the
        reader typed no diacritics (then there is no tier to rank first)."""
        if not any(group.exact for group in groups):
            return None
        return [Group(terms=[group.exact]) if group.exact else group for group in groups]

    def _fts5_expression(self, groups, prefix=False):
        parts = []
        for number, group in enumerate(groups):
            last = prefix and number == len(groups) - 1
            star = " *" if last else ""
            columns = "{title_terms}" if prefix else "{title_terms body_terms variant_terms}"
            if group.terms:
                alternatives = " OR ".join(self._quote_fts(term) + star for term in group.terms)
                parts.append(f"{columns} : ({alternatives})")
            else:
                words = self._quote_fts(" ".join(group.phrase)) + star
                syllables = self._quote_fts(" ".join(group.syllables)) + star
                parts.append(f"({columns} : {words} OR {{syllables}} : {syllables})")
        return " AND ".join(parts)

    FTS5_STREAMS = {
        "folded": "{title_terms body_terms}",
        "variant": "{variant_terms}",
        "syllables": "{syllables}",
    }
    TS_STREAMS = {"folded": "AC", "variant": "B", "syllables": "D"}

    def _fts5_tier(self, tier, groups):
        if not tier.phrase:
            return self._fts5_expression(self._exact(groups))
        return " OR ".join(
            f"{self.FTS5_STREAMS[stream]} : {self._quote_fts(' '.join(terms))}"
            for stream, terms in tier.streams
        )

    def _ts_tier(self, tier, groups):
        if not tier.phrase:
            return self._tsquery(self._exact(groups))
        return " | ".join(
            "(" + " <-> ".join(f"{self._quote_ts(term)}:{self.TS_STREAMS[stream]}" for term in terms) + ")"
            for stream, terms in tier.streams
        )

    @staticmethod
    def _folded(groups):
        """The groups with their folded forms (and English stems) only: what scores rank by, so that
        a word's exact form does not count as a second query word."""
        return [
            Group(terms=group.terms[:1] + ([group.stem] if group.stem else []))
            if group.terms
            else Group(phrase=group.phrase, syllables=group.syllables)
            for group in groups
        ]

    @staticmethod
    def _quote_ts(term):
        return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"

    def _tsquery(self, groups, prefix=False):
        weights = "A" if prefix else "AC"
        parts = []
        for number, group in enumerate(groups):
            last = prefix and number == len(groups) - 1

            def lexeme(term, final, weights=weights, last=last):
                if last and final:
                    return self._quote_ts(term) + f":*{weights}"
                if prefix or _KHMER.search(term):
                    return self._quote_ts(term) + f":{weights}"
                # Latin-script terms cannot collide with Khmer syllables (weight D): without a
                # weight restriction the GIN index answers exactly, with no row rechecked.
                return self._quote_ts(term)

            if group.terms:
                parts.append("(" + " | ".join(lexeme(term, True) for term in group.terms) + ")")
            else:
                words = " <-> ".join(
                    lexeme(word, index == len(group.phrase) - 1) for index, word in enumerate(group.phrase)
                )
                syllables = " <-> ".join(self._quote_ts(syllable) + ":D" for syllable in group.syllables)
                parts.append(f"(({words}) | ({syllables}))")
        return " & ".join(parts)

    def _match(self, groups, prefix=False):
        """``(from_sql, where_sql, params, ranks, rank_params)`` for documents matching ``groups``;
        ``ranks`` are SQL expressions to order by, ascending: the query's rank tier first
        (:func:`tiers`), then the score."""
        query_tiers = [] if prefix else tiers(groups)
        ranks, rank_params = [], []
        if self.vendor == "sqlite":
            if query_tiers:
                ranks.append(
                    _tier_case(
                        "d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)", query_tiers
                    )
                )
                rank_params += [self._fts5_tier(tier, groups) for tier in query_tiers]
            ranks.append(f"bm25(search_fts, {', '.join(str(w) for w in WEIGHTS)})")  # lower is better
            return (
                "search_fts f JOIN search_searchdocument d ON d.id = f.rowid",
                "search_fts MATCH %s",
                [self._fts5_expression(groups, prefix)],
                ranks,
                rank_params,
            )
        query = self._tsquery(groups, prefix)
        # Suggestions match titles only: the small title vector (migration 0005) answers them.
        vector = "d.title_vector" if prefix else "d.vector"
        if query_tiers:
            ranks.append(_tier_case(f"{vector} @@ to_tsquery('nhanquyen_terms', %s)", query_tiers))
            rank_params += [self._ts_tier(tier, groups) for tier in query_tiers]
        ranks.append(f"-ts_rank('{TS_WEIGHTS}', {vector}, to_tsquery('nhanquyen_terms', %s), 1)")
        rank_params.append(query if prefix else self._tsquery(self._folded(groups)))
        return (
            "search_searchdocument d",
            f"{vector} @@ to_tsquery('nhanquyen_terms', %s)",
            [query],
            ranks,
            rank_params,
        )

    def _conditions(self, request, skip=None):
        today = request.on()
        where = [
            "(d.visible_from IS NULL OR d.visible_from <= %s)",
            "(d.visible_until IS NULL OR d.visible_until >= %s)",
        ]
        params = [today, today]
        if request.locale_id is not None:
            where.append("d.locale_id = %s")
            params.append(request.locale_id)
        if request.kinds:
            sql, values = _in("d.kind", request.kinds)
            where.append(sql)
            params += values
        for facet, values in request.filters.items():
            if facet == skip or not values:
                continue
            sql, in_params = self._facet_condition(facet, values)
            where.append(sql)
            params += in_params
        if request.object_filter:
            sql, object_params = request.object_filter
            where.append(f"d.object_id IN ({sql})")
            params += list(object_params)
        return where, params

    #: Facets that are also columns of the document: filtered there, without the facet table.
    COLUMN_FACETS = {"kind": "d.kind"}

    def _facet_condition(self, facet, values):
        """SQL (and parameters) true for documents carrying any of ``values`` in ``facet``."""
        if facet in self.COLUMN_FACETS:
            return _in(self.COLUMN_FACETS[facet], values)
        if self.vendor == "postgresql":
            keys = [f"{facet}:{value}" for value in values]
            return f"d.facet_keys ?| ARRAY[{', '.join(['%s'] * len(keys))}]", keys
        sql, in_params = _in("value", values)
        return f"d.id IN (SELECT document_id FROM search_searchfacet WHERE facet = %s AND {sql})", [
            facet,
            *in_params,
        ]

    def _from_where(self, request, skip=None):
        where, params = self._conditions(request, skip)
        if request.groups:
            from_sql, match_sql, match_params, rank_sql, rank_params = self._match(request.groups)
            return from_sql, [match_sql, *where], match_params + params, rank_sql, rank_params
        return "search_searchdocument d", where, params, [], []

    # --- reading -------------------------------------------------------------------------
    @contextmanager
    def _cursor(self, text=False):
        """A cursor for search statements; on PostgreSQL, with enough memory to rank thousands of
        hits without spilling the sort to disk. With a text match (``text``), sequential scans are
        ruled out: the planner does not count the cost of reading every document's vector out of
        TOAST storage and would scan 100,000 of them (300 ms) rather than ask the GIN index for
        the matches (30 ms at the same scale; docs/PERFORMANCE.md). Plain index scans go too: it
        would walk the locale index and read every vector of the language the same way; bitmap
        and index-only scans remain.

        The settings are local to the transaction (``SET LOCAL``). A search that runs inside a
        larger transaction (a management command's, a test's, ``ATOMIC_REQUESTS``) gets a
        savepoint, and releasing a savepoint keeps what was set in it: so the settings the outer
        transaction had are put back before the block ends, or every later statement of that
        transaction would be planned without sequential scans (a 1 ms page query took 160 ms).
        On an error the savepoint rolls back, which undoes them too."""
        nested = connection.in_atomic_block
        with transaction.atomic(), connection.cursor() as cursor:
            names = []
            if self.vendor == "postgresql":
                changes = [("work_mem", "32MB")]
                if text:
                    changes += [("enable_seqscan", "off"), ("enable_indexscan", "off")]
                names = [name for name, _value in changes] if nested else []
                reads = [f"current_setting('{name}')" for name in names]
                sets = [f"set_config('{name}', '{value}', true)" for name, value in changes]
                # One round trip: the settings before (read first: left to right), then SET LOCAL.
                cursor.execute(f"SELECT {', '.join(reads + sets)}")
                previous = cursor.fetchone()[: len(reads)]
            yield cursor
            if names:
                restores = ", ".join(f"set_config('{name}', %s, true)" for name in names)
                cursor.execute(f"SELECT {restores}", list(previous))

    def search(self, request):
        from_sql, where, params, ranks, rank_params = self._from_where(request)
        where_sql = " AND ".join(where)
        columns = "".join(f", {rank} AS r{n}" for n, rank in enumerate(ranks))
        last = " NULLS LAST" if self.vendor == "postgresql" else ""
        order = "".join(f"r{n}, " for n in range(len(ranks))) + f"day DESC{last}, id DESC"
        with self._cursor(text=bool(request.groups)) as cursor:
            if self.vendor == "postgresql" and ranks:
                # Matches first (GIN bitmaps, facet semi-joins; no vector read), then only those
                # are ranked: the planner would otherwise compute ts_rank, which reads each
                # vector out of TOAST, for every text match before applying the facets.
                cursor.execute(
                    f"WITH hits AS MATERIALIZED (SELECT d.id FROM {from_sql} WHERE {where_sql}) "
                    f"SELECT id, COUNT(*) OVER () FROM (SELECT d.id AS id, d.date AS day{columns} "
                    "FROM hits JOIN search_searchdocument d ON d.id = hits.id) ranked "
                    f"ORDER BY {order} LIMIT %s OFFSET %s",
                    params + rank_params + [request.limit, request.offset],
                )
            else:
                # Ranked in an inner select, counted outside it (SQLite allows bm25 only there).
                cursor.execute(
                    f"SELECT id, COUNT(*) OVER () FROM (SELECT d.id AS id, d.date AS day{columns} "
                    f"FROM {from_sql} WHERE {where_sql}) ranked ORDER BY {order} LIMIT %s OFFSET %s",
                    rank_params + params + [request.limit, request.offset],
                )
            rows = cursor.fetchall()
            ids = [row[0] for row in rows]
            if rows:
                total = rows[0][1]
            elif request.offset == 0:
                total = 0
            else:  # past the last page: count separately
                cursor.execute(f"SELECT COUNT(*) FROM {from_sql} WHERE {where_sql}", params)
                total = cursor.fetchone()[0]
            facets = self._facet_counts(request, cursor)
        return SearchResult(ids=ids, total=total, facets=facets)

    def matching_ids(self, request):
        """On PostgreSQL, the object ids of every matching document, for a caller's
        ``filter(pk__in=...)``; ``None`` on SQLite, where :meth:`matching_sql` serves (SQLite runs
        an IN subquery once, into a temporary index). As a subquery, PostgreSQL's planner, judging
        the library's facet filters to leave one candidate, ran it again for each of them: 440
        GIN bitmap scans, 4.8 s for the partner API's two words and two facets at 100,000
        products (2026-12-04). The ids, found by one scan, go back as one bound array
        (``search.query.matching_objects``: ``unnest``): 4.8 s became 0.43 s for that statement
        and its count 0.6 s became 29 ms. A list of ids in ``IN (...)`` was no better: the planner
        put it into the index condition of each of the 440 lookups (0.86 s)."""
        if self.vendor != "postgresql":
            return None
        sql, params = self.matching_sql(request)
        with self._cursor(text=True) as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def matching_sql(self, request, column="d.object_id"):
        """``(sql, params)`` of a subquery selecting ``column`` of every matching document."""
        from_sql, where, params, _rank, _rank_params = self._from_where(request)
        sql = f"SELECT {column} FROM {from_sql} WHERE {' AND '.join(where)}"
        if self.vendor == "postgresql":
            # OFFSET 0 keeps PostgreSQL from folding the subquery into a per-row semi-join that
            # reads each candidate's vector out of TOAST (550 ms at 100,000 products, against
            # 105 ms for one GIN bitmap scan whose result is hashed).
            sql += " OFFSET 0"
        return sql, params

    def _facet_counts(self, request, cursor):
        """Every facet's counts in one statement: the matching documents are found once, ignoring
        the facet selections, each carrying a flag per selected facet. Unselected facets are
        counted over the documents that satisfy every selection; each selected facet over those
        that satisfy every *other* selection, so counts show what choosing a value would give.
        Each group reads only its own facet rows, through the (document, facet) index. Nothing is
        loaded into Python but the counts."""
        counts = {name: {} for name in request.facets}
        if not request.facets:
            return counts
        selected = [name for name, values in request.filters.items() if values]
        unfiltered = SearchRequest(**{**request.__dict__, "filters": {}})
        from_sql, where, params, _rank, _rank_params = self._from_where(unfiltered)
        flags, flag_params = [], []
        for number, name in enumerate(selected):
            sql, in_params = self._facet_condition(name, request.filters[name])
            flags.append(f"{sql} AS s{number}")
            flag_params += in_params
        true = " = 1" if self.vendor == "sqlite" else ""

        def hits(except_=None):
            conditions = [f"h.s{n}{true}" for n, name in enumerate(selected) if name != except_]
            return " AND ".join(conditions) or "1 = 1"

        groups = [(hits(), [name for name in request.facets if name not in selected])]
        groups += [(hits(name), [name]) for name in request.facets if name in selected]
        branches, branch_params = [], []
        postgresql = self.vendor == "postgresql"
        for condition, names in groups:
            if not names:
                continue
            if postgresql:
                # The values come with the hit itself (facet_keys), so nothing is joined.
                in_sql, in_params = _in("split_part(k.key, ':', 1)", names)
                branches.append(
                    "SELECT k.key, COUNT(*) FROM hits h "
                    "CROSS JOIN LATERAL jsonb_array_elements_text(h.keys) AS k(key) "
                    f"WHERE {condition} AND {in_sql} GROUP BY k.key"
                )
            else:
                in_sql, in_params = _in("sf.facet", names)
                branches.append(
                    "SELECT sf.facet || ':' || sf.value, COUNT(*) FROM hits h "
                    "JOIN search_searchfacet sf ON sf.document_id = h.id "
                    f"WHERE {condition} AND {in_sql} GROUP BY sf.facet, sf.value"
                )
            branch_params += in_params
        columns = ", ".join(["d.id", *(["d.facet_keys AS keys"] if postgresql else []), *flags])
        cursor.execute(
            f"WITH hits AS MATERIALIZED (SELECT {columns} FROM {from_sql} WHERE {' AND '.join(where)}) "
            + " UNION ALL ".join(branches),
            flag_params + params + branch_params,
        )
        for key, count in cursor.fetchall():
            facet, _sep, value = key.partition(":")
            counts[facet][value] = count
        return counts

    def suggest(self, groups, *, locale_id, limit=8, today=None):
        """Titles whose words start with what has been typed (the last word may be unfinished)."""
        if not groups:
            return []
        from_sql, match_sql, match_params, ranks, rank_params = self._match(groups, prefix=True)
        request = SearchRequest(groups=groups, locale_id=locale_id, today=today)
        where, params = self._conditions(request)
        with self._cursor(text=True) as cursor:
            cursor.execute(
                f"SELECT d.id FROM {from_sql} WHERE {' AND '.join([match_sql, *where])} "
                f"ORDER BY {', '.join(ranks)}, d.date DESC LIMIT %s",
                match_params + params + rank_params + [limit],
            )
            return [row[0] for row in cursor.fetchall()]


def _backend_for(options):
    return import_string(options.get("BACKEND", "search.backends.DatabaseIndex"))(options)


def get_index():
    """The configured index (``NHANQUYEN_SEARCH`` setting, built from ``SEARCH_URL``)."""
    return _backend_for(getattr(settings, "NHANQUYEN_SEARCH", {}))


__all__ = ["DatabaseIndex", "Document", "Group", "SearchRequest", "SearchResult", "get_index"]
