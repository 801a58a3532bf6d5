"""Nothing in the admin shows a person what the organisation rule hides from them.

For the provincial broadcaster (organisation B) the test plants, each with the marker in its title
and text: a never-published article (in review, so it sits in the workflow reports), a
never-published library product, a live article with a newer draft, an exhibition item whose draft
revision carries the marker in its title and caption, and a never-published item; and for the
portal (no organisation) a never-published page. Then, signed in
as the newspaper's editor (organisation A) and as the Khmer translator, it calls every admin
surface: the explorer and its listings, page search, the page chooser (browse, search, chosen), the
admin API (listing, search, explorer filter, detail), every per-page view (edit, drafts, previews,
history, workflow history, revisions, compare, usage, delete, move, copy, lock...), bulk actions,
the exhibition items' listing, chooser and per-item views, the reports (workflow, tasks, locked,
aging, site history, page types usage, translations), the dashboard, image and document listings
and choosers. It fails when a response carries the marker, or when an address naming B's object
(or one of its revisions) answers differently from the same address naming something that never
existed.

What the rule is: docs/SECURITY.md, "What each role sees in the admin".
"""

from urllib.parse import quote

import pytest

from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.db.models import Max
from django.test import RequestFactory
from django.urls import reverse

from wagtail.admin.views import chooser
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page, Revision, WorkflowState

from exhibitions.models import ExhibitionItem
from home.models import CustomImage, HomePage, StandardPage
from news.models import ArticleIndexPage, ArticlePage
from newsroom.permissions import sees_drafts
from tests.accounts import sign_in
from tests.factories import library as library_factory

from .conftest import BROADCASTER, NEWSPAPER, organisation

pytestmark = pytest.mark.django_db

MARK = "QZXLEAK"
#: Words that find each secret in search (the marker itself is never searched for: pages echo
#: the query back).
WORDS = ["quimbly", "frindle", "zorblat", "snorkeep", "plumbago", "wuzzle", "grommet", "gizmoid"]
ITEM = "wagtailsnippets_exhibitions_exhibitionitem"
ITEM_CHOOSER = "wagtailsnippetchoosers_exhibitions_exhibitionitem"


def _article(section, org, title, body, *, user, publisher=None):
    page = ArticlePage(
        title=title,
        slug=f"bai-{abs(hash(title)) % 10**8}",
        standfirst=body,
        body=[("paragraph", f"<p>{body}</p>")],
        organisation=org,
        live=publisher is not None,
    )
    section.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publisher is not None:
        revision.publish(user=publisher, log_action=True)
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def secrets(people):
    other, reviewer = people["other editor"], people["reviewer"]
    broadcaster = organisation(BROADCASTER)
    section = ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)

    draft = _article(section, broadcaster, f"{MARK} quimbly draft", f"{MARK} quimbly body", user=other)
    draft.get_workflow().start(draft, other)

    product = library_factory.product(
        title=f"{MARK} frindle product",
        description=f"<p>{MARK} frindle description</p>",
        producer=BROADCASTER,
        publish=False,
    )

    live = _article(
        section, broadcaster, "Bài phát sóng zorblat", "Nội dung zorblat", user=other, publisher=reviewer
    )
    live.title = f"{MARK} snorkeep newer draft"
    live.standfirst = f"{MARK} snorkeep standfirst"
    live.body = [("paragraph", f"<p>{MARK} snorkeep body</p>")]
    live.save_revision(user=other, log_action=True)
    live = ArticlePage.objects.get(pk=live.pk)

    image = CustomImage.objects.first()
    item = ExhibitionItem(
        title="Ảnh plumbago đã đăng", caption="Chú thích đã đăng", image=image, organisation=broadcaster
    )
    item.save()
    item.save_revision(user=other, log_action=True).publish(user=reviewer, log_action=True)
    item.title = f"{MARK} wuzzle draft title"
    item.caption = f"{MARK} wuzzle draft caption"
    item.save_revision(user=other, log_action=True)
    item = ExhibitionItem.objects.get(pk=item.pk)

    hidden_item = ExhibitionItem(
        title=f"{MARK} grommet item",
        caption=f"{MARK} grommet caption",
        image=image,
        organisation=broadcaster,
        live=False,
    )
    hidden_item.save()
    hidden_item.save_revision(user=other, log_action=True)
    hidden_item = ExhibitionItem.objects.get(pk=hidden_item.pk)

    home = HomePage.objects.get(locale__language_code="vi", depth=2)
    portal = StandardPage(title=f"{MARK} gizmoid portal draft", slug="gizmoid", intro=MARK, live=False)
    home.add_child(instance=portal)
    portal.save_revision(user=reviewer, log_action=True)
    portal = StandardPage.objects.get(pk=portal.pk)

    return {
        "draft": draft,
        "product": product,
        "live": live,
        "portal draft": portal,
        "item": item,
        "hidden item": hidden_item,
    }


def _body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def _never(model):
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 100000


def _published_page_urls(page_id):
    """Addresses that show a page as published, or work under it: for another organisation's
    published page they answer as Wagtail does (without the marker), for an unpublished one like
    for nothing."""
    return [
        reverse("wagtailadmin_explore", args=[page_id]),
        reverse("wagtailadmin_explore_results", args=[page_id]),
        reverse("wagtailadmin_api:pages:detail", args=[page_id]),
        reverse("wagtailadmin_choose_page_child", args=[page_id]),
        reverse("wagtailadmin_pages:add_subpage", args=[page_id]),
    ]


def _page_urls(page_id, revision_id, workflow_state_id):
    """Every admin address about one page in all its states (and one of its revisions)."""
    pages = "wagtailadmin_pages"
    urls = [
        reverse(f"{pages}:revisions_compare", args=[page_id, "live", "latest"]),
        reverse(f"{pages}:revisions_compare", args=[page_id, "earliest", "latest"]),
        reverse(f"{pages}:revisions_compare", args=[page_id, revision_id, "latest"]),
        reverse(f"{pages}:revisions_view", args=[page_id, revision_id]),
        reverse(f"{pages}:revisions_revert", args=[page_id, revision_id]),
        reverse(f"{pages}:revisions_unschedule", args=[page_id, revision_id]),
        reverse(f"{pages}:revisions_index", args=[page_id]),
        reverse(f"{pages}:workflow_history_detail", args=[page_id, workflow_state_id]),
        reverse(f"{pages}:move_confirm", args=[page_id, page_id]),
    ]
    for name in (
        "edit",
        "view_draft",
        "preview_on_edit",
        "history",
        "history_results",
        "workflow_history",
        "usage",
        "delete",
        "unpublish",
        "copy",
        "move",
        "lock",
        "unlock",
        "set_privacy",
        "convert_alias",
        "set_page_position",
        "confirm_workflow_cancellation",
    ):
        urls.append(reverse(f"{pages}:{name}", args=[page_id]))
    for action in ("delete", "publish", "unpublish", "move"):
        urls.append(reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={page_id}")
    return urls


def _item_urls(pk, revision_id):
    urls = [
        reverse(f"{ITEM}:revisions_compare", args=[pk, "live", "latest"]),
        reverse(f"{ITEM}:revisions_compare", args=[pk, "earliest", "latest"]),
        reverse(f"{ITEM}:revisions_compare", args=[pk, revision_id, "latest"]),
        reverse(f"{ITEM}:revisions_revert", args=[pk, revision_id]),
        reverse(f"{ITEM}:revisions_unschedule", args=[pk, revision_id]),
        reverse("wagtail_bulk_action", args=["exhibitions", "exhibitionitem", "delete"]) + f"?id={pk}",
    ]
    for name in ("edit", "delete", "usage", "history", "history_results", "copy", "unpublish"):
        urls.append(reverse(f"{ITEM}:{name}", args=[pk]))
    return urls


def _listing_urls(secrets):
    section = secrets["draft"].get_parent()
    library = secrets["product"].get_parent()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[section.pk]),
        reverse("wagtailadmin_explore", args=[section.pk]) + "?ordering=-latest_revision_created_at",
        reverse("wagtailadmin_explore_results", args=[section.pk]),
        reverse("wagtailadmin_explore", args=[library.pk]),
        reverse("wagtailadmin_explore_results", args=[library.pk]),
        reverse("wagtailadmin_pages:type_use", args=["news", "articlepage"]),
        reverse("wagtailadmin_pages:type_use_results", args=["library", "productpage"]),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[section.pk]),
        reverse("wagtailadmin_choose_page_child", args=[library.pk]),
        reverse("wagtailadmin_choose_page_chosen_multiple")
        + "?"
        + "&".join(f"id={secrets[name].pk}" for name in ("draft", "product", "live")),
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={section.pk}&for_explorer=1",
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={library.pk}&for_explorer=1",
        reverse("wagtailadmin_api:pages:listing") + "?limit=500",
        reverse("wagtailadmin_api:pages:listing") + f"?descendant_of={section.get_parent().pk}&limit=500",
        reverse(f"{ITEM}:list"),
        reverse(f"{ITEM}:list_results"),
        reverse(f"{ITEM_CHOOSER}:choose"),
        reverse(f"{ITEM_CHOOSER}:choose_results"),
        reverse(f"{ITEM_CHOOSER}:chosen", args=[secrets["item"].pk]),
        reverse(f"{ITEM_CHOOSER}:chosen_multiple")
        + f"?id={secrets['item'].pk}&id={secrets['hidden item'].pk}",
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_results"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:workflow_tasks_results"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:site_history_results"),
        reverse("wagtailadmin_reports:site_history_results") + "?export=csv",
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_reports:page_types_usage_results"),
        reverse("translations_report"),
        reverse("translations_report_results"),
        reverse("translations_report_results") + "?export=csv",
        reverse("wagtailimages:index"),
        reverse("wagtailimages:image_usage", args=[secrets["item"].image_id]),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs_chooser:choose"),
    ]
    for word in WORDS:
        q = quote(word)
        urls += [
            reverse("wagtailadmin_pages:search") + f"?q={q}",
            reverse("wagtailadmin_pages:search_results") + f"?q={q}",
            reverse("wagtailadmin_explore", args=[section.pk]) + f"?q={q}",
            reverse("wagtailadmin_explore_results", args=[library.pk]) + f"?q={q}&search_all=1",
            reverse("wagtailadmin_choose_page_search") + f"?q={q}",
            reverse("wagtailadmin_api:pages:listing") + f"?search={q}",
            reverse("wagtailadmin_api:pages:listing") + f"?search={q}&child_of={section.pk}&for_explorer=1",
            reverse(f"{ITEM}:list_results") + f"?q={q}",
            reverse(f"{ITEM_CHOOSER}:choose_results") + f"?q={q}",
            reverse("wagtailadmin_reports:site_history_results") + f"?label={q}",
            reverse("translations_report_results") + f"?q={q}",
        ]
    return urls


def _walk(client, secrets):
    """(leaks, differences): addresses whose answer carries the marker, and addresses about B's
    objects that answer otherwise than the same address about nothing."""
    leaks, differences = [], {}

    def get(url):
        response = client.get(url)
        assert response.status_code < 500, url
        if MARK in _body(response):
            leaks.append(url)
        return response.status_code

    for url in _listing_urls(secrets):
        get(url)

    never_page, never_revision = _never(Page), _never(Revision)
    never_state = _never(WorkflowState)
    state = WorkflowState.objects.filter(object_id=str(secrets["draft"].pk)).first()
    for name in ("draft", "product", "live", "portal draft"):
        page = secrets[name]
        revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
        real = _page_urls(page.pk, revisions[-1], state.pk if state else never_state)
        fake = _page_urls(never_page, never_revision, never_state)
        for url, nothing in zip(real, fake, strict=True):
            status, expected = get(url), get(nothing)
            if status != expected:
                differences[url] = f"{status}, where nothing answers {expected}"
        for url, nothing in zip(_published_page_urls(page.pk), _published_page_urls(never_page), strict=True):
            status = get(url)
            expected = get(nothing)
            if not page.live and status != expected:
                differences[url] = f"{status}, where nothing answers {expected}"

    never_item = _never(ExhibitionItem)
    for name in ("item", "hidden item"):
        item = secrets[name]
        real = _item_urls(item.pk, item.latest_revision_id)
        fake = _item_urls(never_item, never_revision)
        for url, nothing in zip(real, fake, strict=True):
            status, expected = get(url), get(nothing)
            if status != expected:
                differences[url] = f"{status}, where nothing answers {expected}"

    # Revisions of B's objects named under a page or item the viewer may open.
    own = ArticlePage.objects.filter(
        organisation=organisation(NEWSPAPER), locale__language_code="vi", live=True
    ).first()
    for revision_id in [secrets["live"].latest_revision_id, secrets["draft"].latest_revision_id]:
        for template in (
            lambda r: reverse("wagtailadmin_pages:revisions_compare", args=[own.pk, r, "latest"]),
            lambda r: reverse("wagtailadmin_pages:revisions_view", args=[own.pk, r]),
        ):
            status, expected = get(template(revision_id)), get(template(never_revision))
            if status != expected:
                differences[template(revision_id)] = f"{status}, where nothing answers {expected}"
    return leaks, differences


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_another_organisation_hides_nothing_it_should_not(client, people, secrets, role):
    sign_in(client, people[role])
    leaks, differences = _walk(client, secrets)
    report = [f"carries the marker: {url}" for url in leaks]
    report += [f"answers {answer}: {url}" for url, answer in differences.items()]
    assert not report, "\n".join(report)


def test_the_planted_secrets_are_there_for_those_who_may_see_them(client, people, secrets):
    """The walk above would pass vacuously if the secrets could not be found at all: reviewers and
    B's own editor find every one of them."""
    for role in ("reviewer", "other editor"):
        sign_in(client, people[role])
        for word in ("quimbly", "frindle"):
            response = client.get(reverse("wagtailadmin_pages:search") + f"?q={word}")
            assert MARK in _body(response), (role, word)
        live, item = secrets["live"], secrets["item"]
        compare = reverse("wagtailadmin_pages:revisions_compare", args=[live.pk, "live", "latest"])
        assert MARK in _body(client.get(compare)), role
        compare = reverse(f"{ITEM}:revisions_compare", args=[item.pk, "live", "latest"])
        assert MARK in _body(client.get(compare)), role
        explore = reverse("wagtailadmin_explore", args=[live.get_parent().pk])
        assert MARK in _body(client.get(explore)), role
        client.logout()


def test_other_organisations_published_pages_are_listed_as_published(client, people, secrets):
    """The newspaper's editor finds the broadcaster's live article in the explorer, page search, the
    admin API and the chooser, under the title it was published with."""
    sign_in(client, people["editor"])
    live = secrets["live"]
    for url in (
        reverse("wagtailadmin_explore", args=[live.get_parent().pk]),
        reverse("wagtailadmin_pages:search") + "?q=zorblat",
        reverse("wagtailadmin_api:pages:listing") + "?search=zorblat&fields=admin_display_title",
        reverse("wagtailadmin_choose_page_search") + "?q=zorblat",
    ):
        body = _body(client.get(url))
        assert "Bài phát sóng zorblat" in body and MARK not in body, url
    detail = reverse("wagtailadmin_api:pages:detail", args=[live.pk])
    for role, draft in (("editor", False), ("other editor", True)):
        sign_in(client, people[role])
        data = client.get(detail).json()
        assert data["meta"]["status"]["has_unpublished_changes"] is draft, role
        assert (MARK in data["admin_display_title"]) is draft, role


def test_a_draft_given_to_another_organisation_is_theirs(client, people):
    """The drafts belong to the organisation the latest draft names (the edit view's permissions
    follow the draft): a reviewer gives the newspaper's unpublished article to the broadcaster."""
    section = ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)
    page = _article(section, organisation(NEWSPAPER), f"{MARK} kerfuffle", "Nội dung", user=people["editor"])
    page.organisation = organisation(BROADCASTER)
    page.save_revision(user=people["reviewer"])
    search = reverse("wagtailadmin_pages:search") + "?q=kerfuffle"
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for role, sees in (("editor", False), ("other editor", True), ("reviewer", True)):
        sign_in(client, people[role])
        assert (MARK in _body(client.get(search))) is sees, role
        assert (client.get(edit).status_code == 200) is sees, role
        client.logout()


def _upstream(view, path, user, **kwargs):
    """Call one of Wagtail's own views (the ones newsroom/admin_urls.py replaces) directly."""
    request = RequestFactory().get(path)
    request.user = user
    SessionMiddleware(lambda request: None).process_request(request)
    request._messages = FallbackStorage(request)
    response = view(request, **kwargs)
    if hasattr(response, "render"):
        response.render()
    return _body(response)


def test_wagtails_own_views_still_show_what_the_newsroom_replaces(people, secrets):
    """When this fails after a Wagtail upgrade, Wagtail has closed the gap: drop the replaced view
    from newsroom/admin_urls.py (and say so in docs/SECURITY.md)."""
    editor, draft = people["editor"], secrets["draft"]
    gaps = {
        "page chooser names any page by id": MARK
        in _upstream(chooser.ChosenMultipleView.as_view(), f"/?id={draft.pk}", editor),
        "page chooser shows any page it browses": MARK
        in _upstream(chooser.BrowseView.as_view(), "/", editor, parent_page_id=draft.pk),
        "site history shows snippets' log entries to anyone with a permission on the model": MARK
        in _upstream(LogEntriesView.as_view(results_only=True), "/", editor),
    }
    view = PageTypesUsageReportView()
    view.setup(RequestFactory().get("/"))
    view.request.user = editor
    types = view.decorate_paginated_queryset(list(view.get_queryset()))
    gaps["page types usage names the last edited page among all pages"] = any(
        item.last_edited_page is not None and not sees_drafts(editor, item.last_edited_page) for item in types
    )
    assert gaps == dict.fromkeys(gaps, True)
