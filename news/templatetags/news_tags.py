from django import template

from home import term_index
from home.templatetags.seo import json_ld

register = template.Library()


@register.filter
def organisation_of(article):
    """The article's organisation in the article's language (organisations are synchronised, so a
    translation points at the original's), from the term index: no query per card."""
    return term_index.related_term(article, "organisation", article.locale_id)


@register.simple_tag(takes_context=True)
def article_json_ld(context, page, authors, organisation, image_url, canonical):
    """schema.org NewsArticle for search engines: headline, dates, authors, publisher, language."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.get_meta_description(),
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.latest_revision_created_at).isoformat()
        if (page.last_published_at or page.latest_revision_created_at)
        else page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": canonical,
        "author": [{"@type": "Person", "name": person.name} for person in authors]
        or ([{"@type": "Organization", "name": organisation.name}] if organisation else []),
    }
    if organisation:
        data["publisher"] = {"@type": "Organization", "name": organisation.name}
        if organisation.website:
            data["publisher"]["url"] = organisation.website
    if image_url:
        data["image"] = [image_url]
    keywords = [term.code for term in page.tags["conventions"]] + [str(p) for p in page.tags["provinces"]]
    if keywords:
        data["keywords"] = keywords
    return json_ld(data)
