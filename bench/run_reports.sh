#!/usr/bin/env bash
# Time the reports on the 100,000-product databases built by bench/run_library.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=cms.settings.bench
for target in ${1:-sqlite postgres}; do
  case $target in
    sqlite) export DATABASE_URL="sqlite:///$PWD/var/bench.sqlite3" ;;
    postgres) export DATABASE_URL="postgres://postgres@127.0.0.1:5432/nhanquyen_bench" ;;
  esac
  .venv/bin/python manage.py migrate --noinput -v0
  .venv/bin/python bench/reports_bench.py
done
