"""Production settings for test web nodes (``tests/cms/test_two_nodes.py``), except that static
files are served from the source folders: the hashed copies of ``collectstatic`` are not needed to
test what the nodes share."""

from cms.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
