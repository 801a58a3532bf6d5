"""Stored files reach readers through one checking view, ``/media/<name>``.

Every file address the site hands out (image renditions, the audio and video files of the
players, document thumbnails, image originals in the admin) is ``MEDIA_URL`` + the file's name,
on local storage and on S3 alike (:class:`ProtectedS3Storage`). The view asks
``home.visibility.public_file``: a file the public may see is served to anyone; one it may not
(an image original, a photograph withheld for consent, a document no public page offers) only to
the people :func:`may_see_unpublished` names, their second factor confirmed where their role
requires it (outside the admin, ``request.user`` is already the user a session counts as:
``newsroom.accounts.TwoFactorMiddleware``); any other name answers 404, exactly like a file that
never existed.

Local files are streamed with conditional GET, or handed to the web server with
``X-Accel-Redirect`` when ``MEDIA_ACCEL_REDIRECT`` names an ``internal`` location that maps to
``MEDIA_ROOT`` (nginx). S3 objects are private: the view redirects to a signed address that
expires after ``MEDIA_SIGNED_URL_SECONDS``, so no object is reachable at a guessable address.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified, HttpResponseRedirect
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.permissions import policy_registry

from home import visibility

from .permissions import sees_drafts
from .roles import roles_of
from .storage import ProtectedS3Storage

PUBLIC_MAX_AGE = 3600  # shared caches keep a public file at most this long after it is withheld


def may_see_unpublished(user, holder):
    """May ``user`` fetch the files of ``holder`` (an image or a document) that the public may not?

    Only people who choose or change images or documents in the admin (Wagtail grants these per
    collection, so its permission policies are asked, not ``has_perm``), and then:

    * the original of an image the public sees (pages show renditions): every such person;
    * a photograph withheld for consent, and a document no public page offers (one attached to a
      draft or an embargoed product): administrators and reviewers, whoever may change it in
      Wagtail's collections (its uploader included), people of the uploader's organisation, and
      people who see in every state something that uses it (``newsroom.permissions.sees_drafts``
      over Wagtail's reference index). Another organisation's editor does not: the shared library
      is shared once a thing is published.
    """
    if not (user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        return False
    Image = get_image_model()
    policy = policy_registry.get_by_type(Image if isinstance(holder, Image) else get_document_model())
    if not policy.user_has_any_permission(user, ["add", "change", "choose"]):
        return False
    if isinstance(holder, Image) and visibility.image_is_public(holder):
        return True
    roles = roles_of(user)
    if user.is_superuser or roles.sees_everything or not roles.any:
        return True
    if policy.user_has_permission_for_instance(user, "change", holder):
        return True
    uploader = getattr(holder, "uploaded_by_user", None)
    if uploader is not None and roles.organisation_keys & roles_of(uploader).organisation_keys:
        return True
    return any(sees_drafts(user, used_by) for used_by in _users_of(holder))


def _users_of(holder):
    """The objects whose saved content uses ``holder`` (Wagtail's reference index)."""
    rows = ReferenceIndex.get_references_to(holder).values_list("base_content_type_id", "object_id")
    by_type = {}
    for content_type_id, object_id in rows:
        by_type.setdefault(content_type_id, set()).add(object_id)
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            yield from model._default_manager.filter(pk__in=ids)


def _clean(name):
    name = posixpath.normpath(name).lstrip("/")
    if not name or name.startswith("..") or "\x00" in name or name == ".":
        raise Http404
    return name


@hooks.register("before_serve_document")
def only_offered_documents(document, request):
    """Wagtail's document downloads (``/documents/<id>/<name>``) follow the same rule: a document
    that no page the request may see offers answers 404, as if it never existed, except to editors;
    Wagtail's own hook then applies the collection's restriction."""
    offered = visibility.document_is_offered_to(document, request, collection=False)
    if not (offered or may_see_unpublished(request.user, document)):
        raise Http404


@require_safe
def serve(request, name):
    name = _clean(name)
    holder = visibility.file_holder(name)
    if holder is None:
        raise Http404
    public = visibility.public_file(name, request, holder=holder)
    if not (public or may_see_unpublished(request.user, holder)):
        raise Http404
    cache_control = f"public, max-age={PUBLIC_MAX_AGE}" if public else "private, no-store"
    if isinstance(default_storage, ProtectedS3Storage):
        response = HttpResponseRedirect(default_storage.signed_url(name))
        response["Cache-Control"] = "private, max-age=60"
        return response
    try:
        modified = default_storage.get_modified_time(name)
        size = default_storage.size(name)
    except (FileNotFoundError, NotImplementedError, OSError):
        raise Http404 from None
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if since is not None and int(modified.timestamp()) <= since:
        response = HttpResponseNotModified()
    elif getattr(settings, "MEDIA_ACCEL_REDIRECT", ""):
        response = HttpResponse(content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT.rstrip("/") + "/" + name
    else:
        response = FileResponse(default_storage.open(name, "rb"))
        response["Content-Length"] = str(size)
    response["Last-Modified"] = http_date(modified.timestamp())
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
