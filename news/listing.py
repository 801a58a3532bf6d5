"""Listing articles: filtering, prefetching and related articles, as pure query functions."""

from django.db.models import Count, Prefetch, Q, Value

from home import provinces
from home.models import CustomRendition

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
    """Live articles in the same language sharing the most tags with ``article``, newest first."""
    from .models import ArticlePage

    tags = article.tags  # already read for the page (translations share the translation key)
    conventions = [c.translation_key for c in tags["conventions"]]
    areas = [a.translation_key for a in tags["content_areas"]]
    topics = [t.translation_key for t in tags["topics"]]
    province_keys = provinces.matching_keys([province.translation_key for province in tags["provinces"]])
    shared = (
        Q(conventions__translation_key__in=conventions)
        | Q(content_areas__translation_key__in=areas)
        | Q(topics__translation_key__in=topics)
        | Q(**{f"{provinces.PAGE_PROVINCE_KEY}__in": province_keys})
    )
    sharing = ArticlePage.objects.filter(shared).values("pk")
    # An empty IN () would turn the whole sum into its empty-result value, so count only what is set.
    counts = [
        Count(field, filter=Q(**{f"{field}__translation_key__in": keys}), distinct=True)
        for field, keys in (("conventions", conventions), ("content_areas", areas), ("topics", topics))
        if keys
    ]
    score = sum(counts[1:], counts[0]) if counts else Value(0)
    return list(
        with_cards(
            ArticlePage.objects.live()
            .public()
            .filter(locale_id=article.locale_id, pk__in=sharing)
            .exclude(pk=article.pk)
            .annotate(score=score)
            .order_by("-score", "-date", "-pk")
        )[:limit]
    )
