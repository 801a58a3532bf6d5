"""Listing articles: filtering, prefetching and related articles, as pure query functions."""

from django.db import connection
from django.db.models import BooleanField, IntegerField, Prefetch, Q
from django.db.models.expressions import RawSQL

from home import page_cache, provinces, visibility
from home.models import CustomRendition
from home.models.taxonomy import PageProvince, Province

CARD_RENDITIONS = ["fill-640x360|format-avif", "fill-640x360|format-webp", "fill-640x360|format-jpeg"]


def apply_filters(articles, filters):
    """Narrow ``articles`` by translation keys (merger-aware for provinces) and year."""
    if "convention" in filters:
        articles = articles.filter(conventions__translation_key=filters["convention"])
    if "area" in filters:
        articles = articles.filter(content_areas__translation_key=filters["area"])
    if "topic" in filters:
        articles = articles.filter(topics__translation_key=filters["topic"])
    if "province" in filters:
        articles = provinces.filter_pages(articles, [filters["province"]])
    if "year" in filters:
        articles = articles.filter(date__year=filters["year"])
    return articles.distinct()


def with_cards(articles):
    """Everything an article card shows (title, date, organisation, image): the articles with their
    organisations and images in one query, the images' card renditions in a second."""
    renditions = CustomRendition.objects.filter(filter_spec__in=CARD_RENDITIONS)
    return articles.select_related("organisation", "locale", "hero_image").prefetch_related(
        Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )


def related_articles(article, limit=4):
    """Live articles in the same language sharing the most tags with ``article``, newest first.

    The score is the number of the article's conventions, content areas and topics another
    article shares (by translation key, so tags in any language count); sharing only a province
    (merger-aware) makes an article related with a score of 0. Both are written as SQL: built
    from ORM expressions (joins, grouped counts), the query cost ten times more to build than to
    run."""
    from .models import ArticlePage

    tags = article.tags  # already read for the page (translations share the translation key)
    scored = [
        (relation, [term.translation_key for term in tags[relation]])
        for relation in ("conventions", "content_areas", "topics")
    ]
    scored = [(relation, keys) for relation, keys in scored if keys]
    province_keys = provinces.matching_keys([province.translation_key for province in tags["provinces"]])
    if not scored and not province_keys:
        return []
    page = f"{_quote(ArticlePage._meta.db_table)}.{_quote(ArticlePage._meta.pk.column)}"
    score_sql, score_params = ["0"], []
    for relation, keys in scored:
        field = ArticlePage._meta.get_field(relation)
        sql, params = _tagged_with(
            field.remote_field.through,
            field.m2m_column_name(),
            field.m2m_reverse_name(),
            field.related_model,
            keys,
            page,
            count=True,
        )
        score_sql.append(sql)
        score_params.extend(params)
    score = RawSQL(" + ".join(score_sql), score_params, output_field=IntegerField())  # noqa: S611
    shares = Q(score__gt=0)
    if province_keys:
        sql, params = _tagged_with(PageProvince, "page_id", "province_id", Province, province_keys, page)
        shares |= Q(RawSQL(sql, params, output_field=BooleanField()))  # noqa: S611
    return list(
        with_cards(
            visibility.public_pages(ArticlePage.objects.filter(locale_id=article.locale_id))
            .exclude(pk=article.pk)
            .annotate(score=score)
            .filter(shares)
            .order_by("-score", "-date", "-pk")
        )[:limit]
    )


def _quote(name):
    return connection.ops.quote_name(name)


def _tagged_with(through, page_column, term_column, term_model, keys, page, count=False):
    """SQL for "the page is tagged with a term whose translation key is in ``keys``" (``EXISTS``),
    or with ``count``, how many of ``keys`` it is tagged with. Only quoted table and column names
    go into the text; the keys are parameters."""
    key_field = term_model._meta.get_field("translation_key")
    params = [key_field.get_db_prep_value(key, connection) for key in sorted(keys, key=str)]
    tagged = (
        f"FROM {_quote(through._meta.db_table)} tag "
        f"INNER JOIN {_quote(term_model._meta.db_table)} term "
        f"ON term.{_quote('id')} = tag.{_quote(term_column)} "
        f"WHERE tag.{_quote(page_column)} = {page} "
        f"AND term.{_quote('translation_key')} IN ({', '.join(['%s'] * len(params))})"
    )
    if count:
        return f"(SELECT COUNT(DISTINCT term.{_quote('translation_key')}) {tagged})", params
    return f"EXISTS (SELECT 1 {tagged})", params


def remembered_related_articles(article, limit=4):
    """``related_articles``, whose choice is kept per content generation (``home.page_cache``):
    scoring by shared tags is the costliest query to build on an article page, and its answer
    changes only with content. Later requests read the chosen articles' cards by key."""
    from .models import ArticlePage

    computed = []

    def choose():
        computed.extend(related_articles(article, limit))
        return [related.pk for related in computed]

    chosen = page_cache.per_generation(f"related-articles:{article.pk}:{limit}", choose)
    if computed or not chosen:
        return computed
    public = visibility.public_pages(ArticlePage.objects.filter(pk__in=chosen)).order_by()
    cards = {related.pk: related for related in with_cards(public)}
    return [cards[pk] for pk in chosen if pk in cards]
