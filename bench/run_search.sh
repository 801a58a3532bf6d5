#!/usr/bin/env bash
# Build 100,000 products and 10,000 articles (on top of the demo) on SQLite and PostgreSQL,
# rebuild the search index, and time search (bench/search_bench.py). Figures go to
# bench/results/search-*.json and docs/PERFORMANCE.md.
#   bash bench/run_search.sh                 # both databases
#   PRODUCTS=20000 ARTICLES=2000 bash bench/run_search.sh sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${PRODUCTS:-100000}
ARTICLES=${ARTICLES:-10000}
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.bench

count() {
  $PY manage.py shell -c "from $1 import $2; print($2.objects.filter(locale__language_code='vi').count())" 2>/dev/null | tail -1
}

prepare() {
  $PY manage.py migrate --noinput -v0
  $PY manage.py seed_demo >/dev/null 2>&1
  have=$(count library.models ProductPage)
  if [ "$have" -lt "$PRODUCTS" ]; then $PY manage.py seed_products $((PRODUCTS - have)) | tail -1; fi
  have=$(count news.models ArticlePage)
  if [ "$have" -lt "$ARTICLES" ]; then $PY manage.py seed_articles $((ARTICLES - have)) | tail -1; fi
  /usr/bin/time -f "index rebuild: %e s, %M KB" $PY manage.py update_index --site-only -v0
  $PY manage.py shell -c "from django.db import connection; connection.cursor().execute('ANALYZE')" >/dev/null 2>&1
}

targets=${1:-"sqlite postgres"}
for target in $targets; do
  case $target in
    sqlite) export DATABASE_URL="sqlite:///$PWD/var/bench-search.sqlite3"; mkdir -p var ;;
    postgres)
      export DATABASE_URL="postgres://postgres@127.0.0.1:5432/nhanquyen_bench_search"
      psql -q -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='nhanquyen_bench_search'" postgres | grep -q 1 \
        || createdb -h 127.0.0.1 -U postgres nhanquyen_bench_search ;;
  esac
  prepare
  $PY bench/search_bench.py
done
