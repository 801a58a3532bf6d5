# syntax=docker/dockerfile:1
# Multi-stage: build the virtualenv, catalogues and static files, then copy them into a slim image
# that runs as an unprivileged user. Configure it with the variables in the README's table.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
RUN python -m venv /venv
COPY requirements.txt .
RUN /venv/bin/pip install -r requirements.txt
COPY . .
RUN /venv/bin/python manage.py compilemessages --ignore=.venv --verbosity 0 \
 && DJANGO_SETTINGS_MODULE=cms.settings.base /venv/bin/python manage.py collectstatic --noinput --verbosity 0

FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    PORT=8000
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home cms \
 && mkdir -p /data/media && chown cms:cms /data/media
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=cms:cms /app /app
USER cms
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz\", timeout=4)"]
CMD ["gunicorn", "--config", "cms/gunicorn.conf.py", "cms.wsgi:application"]
