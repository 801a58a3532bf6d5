"""The search index on an Elasticsearch or OpenSearch cluster, for deployments beyond one server.

Documents keep their rows in the database (results are read from there, and the database's own
full-text index stays current as a fallback); the cluster holds a copy for matching, ranking and
facet counts. Text reaches the cluster already analysed by :mod:`search.analysis` (folded and exact
Vietnamese terms, English stems, segmented Khmer words and syllables), so its analyzers only split
on whitespace: folding and segmentation are identical on every backend by construction. The
index definition is :func:`index_definition`; a test checks it against an OpenSearch-compatible
server.

Only the REST endpoints common to Elasticsearch 7–9 and OpenSearch 1–3 are used (index create and
delete, ``_bulk``, ``_search``, ``_refresh``), over plain HTTP with urllib3, so neither vendor's
client library is needed and neither refuses the other's server.
"""

import json
from urllib.parse import unquote, urlsplit

import urllib3

from .backends import DatabaseIndex, SearchResult, tiers

FACET_SEPARATOR = ":"
#: Boosts that put the rank tiers (``search.backends.tiers``) in order: a tier's boost is larger
#: than the sum of every later tier's and of any text score, so scores only order within a tier.
TIER_BOOSTS = (40_000, 10_000, 2_500)
CLUSTER_STREAMS = {
    "folded": ["title_terms", "body_terms"],
    "variant": ["variant_terms"],
    "syllables": ["syllables"],
}


def index_definition(shards=1, replicas=0):
    """Settings and mappings of the cluster index (``dynamic: strict``: no guessed mappings)."""
    return {
        "settings": {
            "number_of_shards": shards,
            "number_of_replicas": replicas,
            "analysis": {
                "analyzer": {
                    "nhanquyen_terms": {"type": "custom", "tokenizer": "whitespace"},
                    "nhanquyen_prefix": {
                        "type": "custom",
                        "tokenizer": "whitespace",
                        "filter": ["nhanquyen_edge"],
                    },
                },
                "filter": {"nhanquyen_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 24}},
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "object_id": {"type": "long"},
                "locale_id": {"type": "integer"},
                "kind": {"type": "keyword"},
                "date": {"type": "date"},
                "visible_from": {"type": "date"},
                "visible_until": {"type": "date"},
                "facets": {"type": "keyword"},
                "title_terms": {
                    "type": "text",
                    "analyzer": "nhanquyen_terms",
                    "fields": {
                        "prefix": {
                            "type": "text",
                            "analyzer": "nhanquyen_prefix",
                            "search_analyzer": "nhanquyen_terms",
                        }
                    },
                },
                "body_terms": {"type": "text", "analyzer": "nhanquyen_terms"},
                "variant_terms": {"type": "text", "analyzer": "nhanquyen_terms"},
                "syllables": {"type": "text", "analyzer": "nhanquyen_terms"},
            },
        },
    }


def source(document_id, document):
    return {
        "object_id": document.object_id,
        "locale_id": document.locale_id,
        "kind": document.kind,
        "date": document.date.isoformat() if document.date else None,
        "visible_from": document.visible_from.isoformat() if document.visible_from else None,
        "visible_until": document.visible_until.isoformat() if document.visible_until else None,
        "facets": sorted(f"{facet}{FACET_SEPARATOR}{value}" for facet, value in document.facets),
        "title_terms": document.title_terms,
        "body_terms": document.body_terms,
        "variant_terms": document.variant_terms,
        "syllables": document.syllables,
    }


class ClusterError(RuntimeError):
    pass


class ClusterIndex(DatabaseIndex):
    """``options``: ``URL`` (``http://host:9200``), ``INDEX`` (name), ``TIMEOUT`` (seconds)."""

    def __init__(self, options=None):
        super().__init__(options)
        url = urlsplit(self.options["URL"])
        self.base = f"{url.scheme}://{url.hostname}:{url.port or 9200}"
        self.name = self.options.get("INDEX", "nhanquyen")
        headers = {"Content-Type": "application/json"}
        if url.username:
            credentials = f"{unquote(url.username)}:{unquote(url.password or '')}"
            headers.update(urllib3.make_headers(basic_auth=credentials))
        self.http = urllib3.PoolManager(
            timeout=urllib3.Timeout(total=float(self.options.get("TIMEOUT", 10))),
            retries=urllib3.Retry(total=2, backoff_factor=0.2, allowed_methods=None),
            headers=headers,
        )

    # --- HTTP ----------------------------------------------------------------------------
    def _call(self, method, path, body=None, *, ndjson=None, ok=(200, 201)):
        data = ndjson if ndjson is not None else (json.dumps(body).encode() if body is not None else None)
        headers = {"Content-Type": "application/x-ndjson"} if ndjson is not None else None
        response = self.http.request(method, f"{self.base}/{path}", body=data, headers=headers)
        if response.status not in ok:
            raise ClusterError(f"{method} /{path}: HTTP {response.status} {response.data[:300]!r}")
        return json.loads(response.data) if response.data else {}

    def create(self):
        self._call("DELETE", self.name, ok=(200, 404))
        self._call("PUT", self.name, index_definition())

    def refresh(self):
        self._call("POST", f"{self.name}/_refresh")

    # --- writing -------------------------------------------------------------------------
    def store(self, documents, *, remove=(), fresh=False):
        from .models import SearchDocument

        def rows(object_ids):
            return SearchDocument.objects.filter(object_id__in=object_ids).values_list(
                "pk", "content_type_id", "object_id"
            )

        remove = set(remove)
        gone = [pk for pk, ct, oid in rows({oid for _, oid in remove}) if (ct, oid) in remove]
        documents = super().store(documents, remove=remove, fresh=fresh)
        ids = {(ct, oid): pk for pk, ct, oid in rows([document.object_id for document in documents])}
        lines = [json.dumps({"delete": {"_index": self.name, "_id": str(pk)}}) for pk in gone]
        for document in documents:
            pk = ids[(document.content_type_id, document.object_id)]
            lines.append(json.dumps({"index": {"_index": self.name, "_id": str(pk)}}))
            lines.append(json.dumps(source(pk, document), ensure_ascii=False))
        if lines:
            result = self._call("POST", "_bulk", ndjson=("\n".join(lines) + "\n").encode())
            failed = [item for item in result.get("items", []) if next(iter(item.values())).get("error")]
            if failed:
                raise ClusterError(f"bulk indexing failed for {len(failed)} documents: {failed[:2]}")
        return documents

    def clear(self):
        super().clear()
        self.create()

    def after_rebuild(self):
        super().after_rebuild()
        self.refresh()

    # --- reading -------------------------------------------------------------------------
    @staticmethod
    def _group_clause(group, prefix=False):
        if group.terms:
            field = "title_terms.prefix" if prefix else None
            if field:
                should = [{"match": {field: term}} for term in group.terms]
            else:
                fields = ["title_terms^10", "body_terms^2", "variant_terms"]
                should = [{"multi_match": {"query": term, "fields": fields}} for term in group.terms]
        else:
            words = " ".join(group.phrase)
            should = [
                {"match_phrase": {"title_terms": {"query": words, "boost": 10}}},
                {"match_phrase": {"body_terms": {"query": words, "boost": 2}}},
                {"match_phrase": {"syllables": {"query": " ".join(group.syllables), "boost": 0.5}}},
            ]
        return {"bool": {"should": should, "minimum_should_match": 1}}

    def _tier_clause(self, tier, groups):
        if not tier.phrase:  # every word with its typed diacritics
            return {"bool": {"must": [self._group_clause(group) for group in self._exact(groups)]}}
        phrases = [
            {"match_phrase": {field: " ".join(terms)}}
            for stream, terms in tier.streams
            for field in CLUSTER_STREAMS[stream]
        ]
        return {"bool": {"should": phrases, "minimum_should_match": 1}}

    def _filters(self, request):
        today = request.on().isoformat()
        filters = [
            {"bool": {"should": [{"bool": {"must_not": {"exists": {"field": "visible_from"}}}},
                                 {"range": {"visible_from": {"lte": today}}}]}},
            {"bool": {"should": [{"bool": {"must_not": {"exists": {"field": "visible_until"}}}},
                                 {"range": {"visible_until": {"gte": today}}}]}},
        ]  # fmt: skip
        if request.locale_id is not None:
            filters.append({"term": {"locale_id": request.locale_id}})
        if request.kinds:
            filters.append({"terms": {"kind": list(request.kinds)}})
        return filters

    @staticmethod
    def _selection(request, skip=None):
        return [
            {"terms": {"facets": [f"{facet}{FACET_SEPARATOR}{value}" for value in values]}}
            for facet, values in request.filters.items()
            if values and facet != skip
        ]

    def search(self, request):
        if request.object_filter:
            return super().search(request)  # an SQL restriction: the database answers
        must = [self._group_clause(group) for group in request.groups]
        query_tiers = tiers(request.groups)
        should = [
            {"constant_score": {"filter": self._tier_clause(tier, request.groups), "boost": boost}}
            for tier, boost in zip(query_tiers, TIER_BOOSTS[: len(query_tiers)], strict=True)
        ]
        body = {
            "query": {
                "bool": {
                    "must": must or [{"match_all": {}}],
                    "should": should,
                    "filter": self._filters(request),
                }
            },
            "post_filter": {"bool": {"filter": self._selection(request)}},
            "from": request.offset,
            "size": request.limit,
            "track_total_hits": True,
            "sort": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
            "_source": False,
            "aggs": {
                name: {
                    "filter": {"bool": {"filter": self._selection(request, skip=name)}},
                    "aggs": {
                        "values": {
                            "terms": {
                                "field": "facets",
                                "include": f"{name}{FACET_SEPARATOR}.*",
                                "size": 1000,
                            }
                        }
                    },
                }
                for name in request.facets
            },
        }
        result = self._call("POST", f"{self.name}/_search", body)
        facets = {
            name: {
                bucket["key"].split(FACET_SEPARATOR, 1)[1]: bucket["doc_count"]
                for bucket in result.get("aggregations", {})
                .get(name, {})
                .get("values", {})
                .get("buckets", [])
            }
            for name in request.facets
        }
        hits = result["hits"]
        total = hits["total"]["value"] if isinstance(hits["total"], dict) else hits["total"]
        return SearchResult(ids=[int(hit["_id"]) for hit in hits["hits"]], total=total, facets=facets)

    def suggest(self, groups, *, locale_id, limit=8, today=None):
        if not groups:
            return []
        from .backends import SearchRequest

        request = SearchRequest(groups=groups, locale_id=locale_id, today=today)
        must = [self._group_clause(group, prefix=(n == len(groups) - 1)) for n, group in enumerate(groups)]
        body = {
            "query": {"bool": {"must": must, "filter": self._filters(request)}},
            "size": limit,
            "_source": False,
        }
        result = self._call("POST", f"{self.name}/_search", body)
        return [int(hit["_id"]) for hit in result["hits"]["hits"]]
