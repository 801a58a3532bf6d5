from django import template

from home import term_index

register = template.Library()


@register.filter
def organisation_of(article):
    """The article's organisation in the article's language (organisations are synchronised, so a
    translation points at the original's), from the term index: no query per card."""
    return term_index.related_term(article, "organisation", article.locale_id)
