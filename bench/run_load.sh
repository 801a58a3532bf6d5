#!/usr/bin/env bash
# Load test: wrk, 50 connections for 60 s, against gunicorn on 127.0.0.1 serving the demo site
# (SQLite, Redis cache), for an article served from the page cache and the same article rendered
# (a query string bypasses the page cache), with several worker/thread settings.
#   bash bench/run_load.sh            # needs wrk (apt-get install -y wrk) and Redis on 127.0.0.1
# Results: bench/results/load-*.txt, summarised in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.bench
export DATABASE_URL="sqlite:///$PWD/var/bench-load.sqlite3"
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/7}
DURATION=${DURATION:-60s}
mkdir -p var bench/results
$PY manage.py migrate --noinput -v0
$PY manage.py seed_demo >/dev/null 2>&1
$PY manage.py collectstatic --noinput -v0
ARTICLE=/vi/tin-tuc/phong-chong-mua-ban-nguoi/

for config in "2 4" "3 8" "5 4"; do
  set -- $config
  workers=$1 threads=$2
  .venv/bin/gunicorn cms.wsgi:application --bind 127.0.0.1:8099 --workers "$workers" --threads "$threads" \
    --worker-class gthread --keep-alive 5 --log-level warning >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:8099$ARTICLE" && break; sleep 0.2; done
  for scenario in cached rendered; do
    url="http://127.0.0.1:8099$ARTICLE"
    [ "$scenario" = rendered ] && url="$url?utm_source=load-test"
    for _ in $(seq 20); do curl -sf -o /dev/null "$url"; done
    out="bench/results/load-${scenario}-w${workers}-t${threads}.txt"
    wrk -t2 -c50 -d"$DURATION" --latency "$url" > "$out"
    echo "== $scenario, $workers workers x $threads threads"; grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" "$out" || true
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
