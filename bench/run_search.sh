#!/usr/bin/env bash
# Build 100,000 products and 10,000 articles (on top of the demo) on SQLite and PostgreSQL,
# spread evenly over the vi, en and km libraries and news sections with text in each language
# (bench/corpus.py), attach a document with 3,000-12,000 characters of extracted text to 10,000 of
# the products (bench/attachments.py), rebuild the search index, and time search
# (bench/search_bench.py). Figures go to bench/results/search-*.json and docs/PERFORMANCE.md.
#   bash bench/run_search.sh                 # both databases
#   PRODUCTS=20000 ARTICLES=2000 ATTACHMENTS=2000 bash bench/run_search.sh sqlite
#   PREPARE_ONLY=1 bash bench/run_search.sh sqlite   # build the database, time nothing
#   SQLITE=var/other.sqlite3 bash bench/run_search.sh sqlite
#   REINDEX=1 bash bench/run_search.sh      # rebuild the index even when nothing was added
# A database built before the generator wrote three languages (2026-11) holds its products in vi
# only and is topped up, not rebuilt: delete it (or drop the PostgreSQL database) to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${PRODUCTS:-100000}
ARTICLES=${ARTICLES:-10000}
ATTACHMENTS=${ATTACHMENTS:-10000}
SQLITE=${SQLITE:-var/bench-search.sqlite3}
PGDATABASE_NAME=${PGDATABASE_NAME:-nhanquyen_bench_search}
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.bench

count() {  # synthetic records in every language
  $PY manage.py shell -c "from $1 import $2; print($2.objects.filter(slug__startswith='$3').count())" 2>/dev/null | tail -1
}

prepare() {
  $PY manage.py migrate --noinput -v0
  $PY manage.py seed_demo >/dev/null 2>&1
  changed=
  have=$(count library.models ProductPage sp-)
  if [ "$have" -lt "$PRODUCTS" ]; then $PY manage.py seed_products $((PRODUCTS - have)) --language all | tail -1; changed=1; fi
  have=$(count news.models ArticlePage bv-)
  if [ "$have" -lt "$ARTICLES" ]; then $PY manage.py seed_articles $((ARTICLES - have)) --language all | tail -1; changed=1; fi
  have=$($PY manage.py shell -c "from library.models import AttachmentText; print(AttachmentText.objects.filter(document__file__startswith='documents/bench/').count())" 2>/dev/null | tail -1)
  if [ "$have" -lt "$ATTACHMENTS" ]; then
    $PY manage.py shell -c "from bench.attachments import create_attachments; print(create_attachments($((ATTACHMENTS - have))), 'attachments')" | tail -1
    changed=1
  fi
  indexed=$($PY manage.py shell -c "from search.models import SearchDocument; print(SearchDocument.objects.count())" 2>/dev/null | tail -1)
  if [ -n "$changed" ] || [ "$indexed" -eq 0 ] || [ -n "${REINDEX:-}" ]; then
    /usr/bin/time -f "index rebuild: %e s, %M KB" $PY manage.py update_index --site-only -v0
  fi
  $PY manage.py shell -c "from django.db import connection; connection.cursor().execute('ANALYZE')" >/dev/null 2>&1
}

targets=${1:-"sqlite postgres"}
for target in $targets; do
  case $target in
    sqlite) export DATABASE_URL="sqlite:///$PWD/$SQLITE"; mkdir -p "$(dirname "$SQLITE")" ;;
    postgres)
      export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$PGDATABASE_NAME"
      psql -q -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$PGDATABASE_NAME'" postgres | grep -q 1 \
        || createdb -h 127.0.0.1 -U postgres "$PGDATABASE_NAME" ;;
  esac
  prepare
  if [ -z "${PREPARE_ONLY:-}" ]; then $PY bench/search_bench.py; fi
done
