"""A session that has not passed a required second factor counts as anonymous on the public site.

Administrators and reviewers confirm a code from their authenticator app after the password. Until
they do, the public site answers them exactly as it answers a visitor who never signed in: a
login-only or group-only page, a private section's listing and a document in a private collection
send them to the sign-in page, which then asks for the code. Editors (who have no second factor)
and verified sessions keep what being signed in gives them.
"""

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.models import HomePage, StandardPage
from news.models import ArticleIndexPage
from newsroom import accounts, roles
from tests.accounts import authenticator, current_code, sign_in
from tests.factories import news as news_factory

pytestmark = pytest.mark.django_db
LOGIN_MARK = "SOTAYNOIBO"
GROUP_MARK = "GHICHUKIEMDUYET"
LIST_MARK = "TINNOIBO"
ARTICLE_MARK = "THONGBAONOIBO"


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def private(seeded):
    """A login-only page, a page for reviewers only, and a login-only news section with an article."""
    home = HomePage.objects.get(locale__language_code="vi")
    login_only = _publish(home, StandardPage(title=f"Sổ tay {LOGIN_MARK}", slug="so-tay-noi-bo"))
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    reviewers_only = _publish(home, StandardPage(title=f"Ghi chú {GROUP_MARK}", slug="ghi-chu-kiem-duyet"))
    restriction = PageViewRestriction.objects.create(
        page=reviewers_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=roles.REVIEWERS)])
    section = _publish(home, ArticleIndexPage(title=f"Tin {LIST_MARK}", slug="tin-noi-bo"))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    article = news_factory.article(section, title=f"Thông báo {ARTICLE_MARK}")
    return {
        "login-only page": login_only,
        "group-only page": reviewers_only,
        "private listing": section,
        "page in a private section": article,
    }


MARKS = {
    "login-only page": LOGIN_MARK,
    "group-only page": GROUP_MARK,
    "private listing": LIST_MARK,
    "page in a private section": ARTICLE_MARK,
}
CASES = list(MARKS)


@pytest.mark.parametrize("case", CASES)
def test_a_reviewer_without_the_code_gets_the_anonymous_answer(client, people, private, case):
    url = private[case].url
    anonymous = Client().get(url)
    assert anonymous.status_code == 302, "the page is private to anonymous visitors"

    sign_in(client, people["reviewer"], verified=False)
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (anonymous.status_code, anonymous["Location"])
    for mark in MARKS.values():
        assert mark not in response.content.decode()


@pytest.mark.parametrize("case", CASES)
def test_after_the_code_the_reviewer_sees_it(client, people, private, case):
    sign_in(client, people["reviewer"], verified=True)
    response = client.get(private[case].url)
    assert response.status_code == 200
    assert MARKS[case] in response.content.decode()


def test_unverified_administrators_and_superusers_are_anonymous_too(client, people, admin_user, private):
    sign_in(client, people["administrator"], verified=False)
    assert client.get(private["login-only page"].url).status_code == 302
    sign_in(client, people["administrator"], verified=True)
    assert client.get(private["login-only page"].url).status_code == 200

    superuser = Client()
    sign_in(superuser, admin_user, verified=False)
    assert superuser.get(private["group-only page"].url).status_code == 302
    sign_in(superuser, admin_user, verified=True)
    assert superuser.get(private["group-only page"].url).status_code == 200, "superusers pass groups"


def test_editors_have_no_second_factor_and_keep_login_only_pages(client, people, private):
    sign_in(client, people["editor"], verified=False)
    assert LOGIN_MARK in client.get(private["login-only page"].url).content.decode()
    assert client.get(private["group-only page"].url).status_code == 302, "not a reviewer"


def test_the_sign_in_page_then_asks_for_the_code(client, people, private):
    """The anonymous answer sends the reviewer to the sign-in page; being signed in already, they
    are asked for their code there, and come back to the page once it is confirmed."""
    reviewer = people["reviewer"]
    device = authenticator(reviewer)
    sign_in(client, reviewer, verified=False)
    page_url = private["login-only page"].url
    login = client.get(page_url)["Location"]
    prompt = client.get(login)
    assert prompt.status_code == 302
    assert prompt["Location"].startswith(reverse("newsroom_2fa_verify"))
    assert client.get(prompt["Location"]).status_code == 200
    back = client.post(prompt["Location"], {"token": current_code(device), "next": page_url})
    assert back["Location"] == page_url
    assert LOGIN_MARK in client.get(page_url).content.decode()


def test_without_an_authenticator_the_sign_in_page_sends_to_the_invitation_notice(client, people, private):
    sign_in(client, people["reviewer"], verified=False)
    login = client.get(private["login-only page"].url)["Location"]
    notice = client.get(login)
    assert notice["Location"].startswith(reverse("newsroom_2fa_setup"))
    assert "invitation" in client.get(notice["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_documents_in_a_private_collection_follow_the_same_rule(client, people):
    """Documents of a private collection are for the people who manage documents (administrators,
    see ``newsroom.media``): without the code, an administrator is an anonymous visitor."""
    private_collection = Collection.get_first_root_node().add_child(name="Nội bộ kiểm duyệt")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Nội bộ", collection=private_collection, file=SimpleUploadedFile("noi-bo.pdf", b"%PDF-1.4\n")
    )
    anonymous = Client().get(document.url)
    sign_in(client, people["administrator"], verified=False)
    response = client.get(document.url)
    assert response.status_code == anonymous.status_code != 200
    assert response.get("Location") == anonymous.get("Location")
    sign_in(client, people["administrator"], verified=True)
    assert client.get(document.url).status_code == 200


def test_effective_user_is_the_one_rule(rf, people):
    """What the public visibility rule asks: the user a request counts as for viewing."""
    from django.contrib.auth.models import AnonymousUser

    reviewer, editor = people["reviewer"], people["editor"]
    request = rf.get("/vi/")
    request.user = reviewer
    reviewer.is_verified = lambda: False
    assert isinstance(accounts.effective_user(request), AnonymousUser)
    reviewer.is_verified = lambda: True
    assert accounts.effective_user(request) == reviewer
    request.user = editor
    assert accounts.effective_user(request) == editor
    request.user = AnonymousUser()
    assert not accounts.effective_user(request).is_authenticated
