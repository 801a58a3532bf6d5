"""Test data for news: articles tagged by code and province reference, in a given language."""

import itertools
from datetime import date

from wagtail.models import Locale

from home.models import ContentArea, Convention, Organisation, PageProvince, Person, Province, Topic
from news.models import ArticleIndexPage, ArticlePage

_numbers = itertools.count(1)


def section(language="vi"):
    return ArticleIndexPage.objects.get(locale__language_code=language, depth=3)


def article(
    parent=None,
    *,
    language="vi",
    title=None,
    day=date(2026, 1, 15),
    conventions=(),
    areas=(),
    topics=(),
    provinces=(),
    authors=0,
    publish=True,
    image=None,
    organisation=None,
):
    parent = parent or section(language)
    locale = Locale.objects.get(language_code=language)
    number = next(_numbers)
    page = ArticlePage(
        title=title or f"Bài kiểm thử {number}",
        slug=f"bai-kiem-thu-{number}",
        locale=locale,
        standfirst="Tóm tắt bài kiểm thử.",
        body=[("paragraph", "<p>Nội dung.</p>")],
        date=day,
        hero_image=image,
        organisation=organisation or Organisation.objects.filter(locale=locale).first(),
        live=publish,
    )
    parent.add_child(instance=page)
    page.conventions.set(Convention.objects.filter(locale=locale, code__in=conventions))
    page.content_areas.set(ContentArea.objects.filter(locale=locale, code__in=areas))
    page.topics.set(Topic.objects.filter(locale=locale, code__in=topics))
    page.authors.set(
        [Person.objects.create(locale=locale, name=f"Tác giả {number}-{n}") for n in range(authors)]
    )
    for reference in provinces:
        PageProvince.objects.create(
            page=page, province=Province.objects.get(locale=locale, reference=reference)
        )
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ArticlePage.objects.get(pk=page.pk)
