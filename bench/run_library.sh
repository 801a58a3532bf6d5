#!/usr/bin/env bash
# Build a database with N (default 100,000) products in the vi library on SQLite and on PostgreSQL,
# then time the library page and the partner API on each. Figures go to bench/results/ and
# docs/PERFORMANCE.md.
#   bash bench/run_library.sh            # both databases
#   N=20000 bash bench/run_library.sh sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.bench

prepare() {
  $PY manage.py migrate --noinput -v0
  $PY manage.py seed_demo >/dev/null 2>&1
  have=$($PY manage.py shell -c "from library.models import ProductPage; print(ProductPage.objects.filter(locale__language_code='vi').count())" 2>/dev/null | tail -1)
  if [ "$have" -lt "$N" ]; then $PY manage.py seed_products $((N - have)) --language vi | tail -1; fi
  $PY manage.py shell -c "from django.db import connection; connection.cursor().execute('ANALYZE')" >/dev/null 2>&1
}

targets=${1:-"sqlite postgres"}
for target in $targets; do
  case $target in
    sqlite) export DATABASE_URL="sqlite:///$PWD/var/bench.sqlite3"; mkdir -p var ;;
    postgres)
      export DATABASE_URL="postgres://postgres@127.0.0.1:5432/nhanquyen_bench"
      psql -q -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='nhanquyen_bench'" postgres | grep -q 1 \
        || createdb -h 127.0.0.1 -U postgres nhanquyen_bench ;;
  esac
  prepare
  $PY bench/library_bench.py
done
