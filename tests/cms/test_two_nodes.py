"""Two web nodes behind no sticky sessions (``web_stack`` in ``tests/cms/conftest.py``): what is
published through one is fresh on the other at once (page cache, term index, menus), and sessions
and sign-in throttling are shared.

Requests go over HTTP to the gunicorn nodes as a reverse proxy would forward them (``X-Forwarded-
Proto: https``, the visitor's address in ``X-Forwarded-For``); each test chooses the node of each
request. Changes are made through node A's admin, signed in as an administrator with a two-factor
code, exactly as an editor would make them.
"""

import subprocess
import sys
from html.parser import HTMLParser

import pytest
import requests

from django.urls import reverse

from wagtail.models import Page

from home import page_cache
from home.models import StandardPage, Topic
from news.models import ArticlePage
from tests.cms.servers import ROOT, production_environment

pytestmark = pytest.mark.django_db
ARTICLE = "/vi/tin-tuc/phong-chong-mua-ban-nguoi/"


class Browser:
    """One visitor: cookies kept across both nodes (the session is not tied to a node)."""

    def __init__(self, address="198.51.100.10"):
        self.cookies = {}
        self.address = address

    def request(self, node, method, path, **kwargs):
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Origin": f"https://127.0.0.1:{node.port}",
            "Referer": f"https://127.0.0.1:{node.port}{path}",
            "Host": f"127.0.0.1:{node.port}",
            **kwargs.pop("headers", {}),
        }
        response = requests.request(
            method,
            node.url + path,
            headers=headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, node, path, **kwargs):
        return self.request(node, "GET", path, **kwargs)

    def post(self, node, path, data, **kwargs):
        return self.request(node, "POST", path, data=data, **kwargs)


class FormFields(HTMLParser):
    """The fields of each form on a page, as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._textarea, self._select = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {}
            self.forms.append(self._form)
        elif self._form is None or not attrs.get("name"):
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "file", "checkbox", "radio"):
            self._form[attrs["name"]] = attrs.get("value") or ""
        elif tag == "input" and attrs.get("type") in ("checkbox", "radio") and "checked" in attrs:
            self._form[attrs["name"]] = attrs.get("value") or "on"
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._form[self._textarea] = ""
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and ("selected" in attrs or self._select not in self._form):
            self._form[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None

    def handle_data(self, data):
        if self._textarea:
            self._form[self._textarea] += data


def form_with(html, field):
    parser = FormFields()
    parser.feed(html)
    return next(form for form in parser.forms if field in form)


def sign_in(browser, stack, node):
    """The admin's sign-in form, then the two-factor code from the administrator's app."""
    page = browser.get(node, "/admin/login/")
    fields = form_with(page.text, "username")
    fields.update(username=stack.administrator(), password=stack.password)
    answer = browser.post(node, "/admin/login/", fields)
    assert answer.status_code == 302, answer.text[:500]
    prompt = answer.headers["Location"]
    if "two-factor" not in prompt:  # the admin asks for the code on the way in
        prompt = browser.get(node, prompt).headers.get("Location", "")
    assert "two-factor" in prompt, prompt
    fields = form_with(browser.get(node, prompt).text, "token")
    fields["token"] = stack.current_code()
    answer = browser.post(node, prompt, fields)
    assert answer.status_code == 302, answer.text[:500]
    return answer


def hit_or_miss(response):
    return response.headers.get(page_cache.HEADER)


def warm(browser, node, path):
    first = browser.get(node, path)
    assert first.status_code == 200, (path, first.status_code)
    again = browser.get(node, path)
    assert hit_or_miss(again) == "hit", path
    return again.text


def test_a_session_made_on_one_node_works_on_the_other(web_stack):
    on_nodes = web_stack
    browser = Browser()
    sign_in(browser, on_nodes, on_nodes.a)
    dashboard = browser.get(on_nodes.b, "/admin/")
    assert dashboard.status_code == 200 and "/admin/logout/" in dashboard.text
    assert browser.get(on_nodes.a, "/admin/").status_code == 200
    reader = Browser("198.51.100.99")
    assert browser.get(on_nodes.b, "/admin/").status_code == 200
    assert reader.get(on_nodes.b, "/admin/").status_code == 302  # the cookie, not the node, signs in


def test_a_change_through_one_node_is_fresh_on_the_other_at_once(web_stack):
    """Page cache, term index and menus: node B has everything cached or held when node A
    renames a topic, unpublishes a page shown in the menu and publishes it again. (What the pages
    are is read from the seeded test database, of which the nodes' database is a copy.)"""
    on_nodes = web_stack
    editor, reader = Browser(), Browser("198.51.100.20")
    sign_in(editor, on_nodes, on_nodes.a)
    a, b = on_nodes.a, on_nodes.b

    article = ArticlePage.objects.get(locale__language_code="vi", slug="phong-chong-mua-ban-nguoi")
    topic = Topic.objects.get(pk=article.topics.first().pk)
    menu_page = StandardPage.objects.filter(locale__language_code="vi", live=True, show_in_menus=True).first()
    assert menu_page is not None
    home = Page.objects.get(pk=menu_page.get_parent().pk).url
    for node in (a, b):
        assert topic.name in warm(reader, node, ARTICLE)
        assert f'href="{menu_page.url}"' in warm(reader, node, home)
        warm(reader, node, menu_page.url)

    # a term renamed through A: B's page cache and B's own term index must both follow
    edit = reverse(Topic.snippet_viewset.get_url_name("edit"), args=[topic.pk])
    fields = form_with(editor.get(a, edit).text, "name")
    fields["name"] = "Chủ đề đổi tên trên nút A"
    saved = editor.post(a, edit, fields)
    assert saved.status_code == 302, saved.text[:1000]
    on_b = reader.get(b, ARTICLE)
    assert on_b.status_code == 200 and hit_or_miss(on_b) == "miss"
    assert "Chủ đề đổi tên trên nút A" in on_b.text and f">{topic.name}<" not in on_b.text
    listing = reader.get(b, f"/vi/tin-tuc/?topic={topic.slug}")  # uncached: the term index alone
    assert "Chủ đề đổi tên trên nút A" in listing.text

    # a menu page unpublished through A: gone from B's menu and B's cache at once
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[menu_page.pk])
    fields = form_with(editor.get(a, unpublish).text, "csrfmiddlewaretoken")
    assert editor.post(a, unpublish, fields).status_code == 302
    assert f'href="{menu_page.url}"' not in reader.get(b, home).text
    assert reader.get(b, menu_page.url).status_code == 404

    # ...and published again through A (Wagtail's bulk publish of its latest revision)
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={menu_page.pk}"
    fields = form_with(editor.get(a, publish).text, "csrfmiddlewaretoken")
    assert editor.post(a, publish, fields).status_code == 302
    assert f'href="{menu_page.url}"' in reader.get(b, home).text
    assert reader.get(b, menu_page.url).status_code == 200


def test_failed_sign_ins_on_one_node_count_on_the_other(web_stack):
    """django-axes counts in the shared database: four wrong passwords on A and a fifth on B pause
    the account on both, even for the right password."""
    on_nodes = web_stack
    attacker = Browser("203.0.113.50")

    def attempt(node, password):
        page = attacker.get(node, "/admin/login/")
        fields = form_with(page.text, "username")
        fields.update(username=on_nodes.editor, password=password)
        return attacker.post(node, "/admin/login/", fields)

    for _ in range(4):
        assert attempt(on_nodes.a, "sai-mat-khau").status_code == 200  # the form again, with an error
    assert attempt(on_nodes.b, "sai-mat-khau").status_code == 429
    for node in (on_nodes.a, on_nodes.b):
        refused = attempt(node, on_nodes.password)
        assert refused.status_code == 429 and "sessionid" not in refused.cookies
    other = Browser("203.0.113.51")  # the account is paused, whatever the address
    for node in (on_nodes.a, on_nodes.b):
        fields = form_with(other.get(node, "/admin/login/").text, "username")
        fields.update(username=on_nodes.editor, password=on_nodes.password)
        assert other.post(node, "/admin/login/", fields).status_code == 429


def test_a_node_starts_with_object_storage():
    """A node's production settings with an S3 bucket: the storage class is imported while the
    apps are loading (it once imported Wagtail's permission policies at that point and stopped
    every node from starting). Runs without PostgreSQL or Redis: starting connects to neither."""
    environment = production_environment(
        DJANGO_SETTINGS_MODULE="tests.cms.node_settings",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing",
        REDIS_URL="redis://127.0.0.1:1/0",
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:1",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_S3_REGION_NAME="us-east-1",
    )
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; "
        "print(type(storages['default']).__name__)"
    )
    started = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert started.stdout.strip() == "ProtectedS3Storage"
