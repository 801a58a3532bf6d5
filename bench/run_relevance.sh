#!/usr/bin/env bash
# Graded relevance at scale: make sure the search benchmark's database exists (bench/run_search.sh:
# 100,000 products and 10,000 articles in vi, en and km, indexed), then load the relevance set of
# tests/search/relevance_set.py into it, run its queries and remove it again
# (bench/relevance_bench.py). Figures go to bench/results/relevance-*.json.
#   bash bench/run_relevance.sh                                   # both databases
#   PRODUCTS=2000 ARTICLES=200 SQLITE=var/bench-relevance-small.sqlite3 bash bench/run_relevance.sh sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
SQLITE=${SQLITE:-var/bench-search.sqlite3}
PGDATABASE_NAME=${PGDATABASE_NAME:-nhanquyen_bench_search}
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.bench

targets=${1:-"sqlite postgres"}
for target in $targets; do
  PREPARE_ONLY=1 SQLITE=$SQLITE PGDATABASE_NAME=$PGDATABASE_NAME bash bench/run_search.sh "$target"
  case $target in
    sqlite) export DATABASE_URL="sqlite:///$PWD/$SQLITE" ;;
    postgres) export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$PGDATABASE_NAME" ;;
  esac
  $PY bench/relevance_bench.py
done
