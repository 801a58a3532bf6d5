#!/usr/bin/env bash
# Faults under load: gunicorn with the production settings (cms.settings.production: PostgreSQL,
# Redis, hashed static files), 50 connections from wrk (bench/faults.lua: cached and rendered
# pages; TIMEOUT, default 10 s, is when wrk counts a request as failed), in phases of their own
# so that errors are counted per phase:
#   baseline, Redis stopped for 15 s in the middle of a 30 s run, after Redis is back,
#   every database connection of the site terminated twice in a 30 s run, after that.
#   bash bench/run_faults.sh      # needs wrk (apt-get install -y wrk), redis-server, PostgreSQL
# Redis is a server of the script's own on a spare port (the machine's Redis is not touched); the
# database is nhanquyen_faults on 127.0.0.1 (created and seeded if needed). Results:
# bench/results/faults.txt, summarised in docs/PERFORMANCE.md ("Faults under load"). Every 5xx is
# listed at the end with when it started (Django's error log time minus gunicorn's request time)
# against the moments the connections were terminated, and the exception it ended with: a request
# that started after a termination and failed is a defect, not an in-flight loss.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${FAULTS_DB:-nhanquyen_faults}
PORT=${FAULTS_PORT:-8097}
REDIS_PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DURATION=${DURATION:-30}
# A reverse proxy waits longer than wrk's default 2 s before it gives up on a worker; rendering
# every page while the cache is down queues 50 connections behind 2 cores for about a second.
TIMEOUT=${TIMEOUT:-10s}
OUT=bench/results/faults.txt
LOG=var/faults-gunicorn.log
ACCESS=var/faults-access.log
mkdir -p var bench/results

export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="faults-benchmark-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" DATABASE_CONN_MAX_AGE=60
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export ALLOWED_HOSTS=127.0.0.1,localhost CSRF_TRUSTED_ORIGINS=https://127.0.0.1 SITE_URL=https://127.0.0.1
export EMAIL_URL=smtp://127.0.0.1:1 LOG_LEVEL=WARNING WEB_CONCURRENCY=2 GUNICORN_THREADS=4

redis_start() { redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$PWD/var/faults-redis.pid" >/dev/null; sleep 0.3; }
redis_stop() { kill "$(cat var/faults-redis.pid)" 2>/dev/null || true; sleep 0.3; }
drop_db_connections() {  # prints how many were terminated and the server's clock when they were
  psql -qAt -F ' ' -h 127.0.0.1 -U postgres -d postgres -c \
    "SELECT count(pg_terminate_backend(pid)), to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')
     FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()"
}

psql -qAt -h 127.0.0.1 -U postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || createdb -h 127.0.0.1 -U postgres "$DB"
redis_start
gunicorn_pid=
trap 'kill $gunicorn_pid 2>/dev/null || true; redis_stop' EXIT
$PY manage.py migrate --noinput -v0
$PY manage.py seed_demo >var/faults-seed.log 2>&1 || { cat var/faults-seed.log; exit 1; }
$PY manage.py collectstatic --noinput -v0
: > "$LOG"; : > "$ACCESS"
# Access log: end of request (s), status, time taken (microseconds), path; used to date every 5xx.
.venv/bin/gunicorn -c cms/gunicorn.conf.py --bind "127.0.0.1:$PORT" --access-logfile "$ACCESS" \
  --access-logformat '%(t)s %(s)s %(D)s %(U)s ?%(q)s' cms.wsgi:application >>"$LOG" 2>&1 &
gunicorn_pid=$!
url="http://127.0.0.1:$PORT"
for _ in $(seq 100); do curl -sf -o /dev/null -H "X-Forwarded-Proto: https" "$url/healthz" && break; sleep 0.2; done
for path in /vi/tin-tuc/phong-chong-mua-ban-nguoi/ /vi/ /vi/tin-tuc/ \
            "/vi/tin-tuc/phong-chong-mua-ban-nguoi/?utm_source=load-test"; do
  for _ in $(seq 10); do curl -s -o /dev/null -H "X-Forwarded-Proto: https" "$url$path"; done
done

now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
mark() { echo "=== $(now) $*" >> "$LOG"; }  # the gunicorn log is opened for appending: lines stay whole
load() {  # load NAME SECONDS: a wrk run in the background, its RESULT line to $OUT
  mark "phase $1 starts"
  ( wrk -t2 -c50 -d"${2}s" --timeout "$TIMEOUT" --latency -s bench/faults.lua "$url" \
      | sed -n "s/^RESULT /$1 /p" >> "$OUT"; mark "phase $1 ends" ) &
  wrk_pid=$!
}
readyz() { curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-Proto: https" "$url/readyz"; }

{
  echo "# bench/run_faults.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m)"
  echo "# gunicorn $WEB_CONCURRENCY workers x $GUNICORN_THREADS threads, wrk -t2 -c50 --timeout $TIMEOUT, phases of ${DURATION} s"
} > "$OUT"

load baseline "$DURATION"; wait "$wrk_pid"

load cache-outage "$DURATION"
sleep 5; redis_stop; mark "redis stopped"; echo "redis-stopped $(now)" >> "$OUT"; sleep 2
echo "readyz-during-cache-outage $(readyz)" >> "$OUT"
sleep 13; redis_start; mark "redis started"; echo "redis-started $(now)" >> "$OUT"
wait "$wrk_pid"
echo "readyz-after-cache-outage $(readyz)" >> "$OUT"

load after-cache-outage "$DURATION"; wait "$wrk_pid"

load db-connections-dropped "$DURATION"
terminate() { local n at; read -r n at < <(drop_db_connections); mark "terminated $n db connections at $at"
  echo "db-connections-terminated $n at $at" >> "$OUT"; }
sleep 10; terminate
sleep 10; terminate
wait "$wrk_pid"

load after-db-drop "$DURATION"; wait "$wrk_pid"

echo "cache-unreachable-log-lines $(grep -c 'cache unreachable' "$LOG" || true) (at most one per worker process per outage)" >> "$OUT"
echo "cache-reachable-again-log-lines $(grep -c 'cache reachable again' "$LOG" || true)" >> "$OUT"
echo "server-error-log-lines $(grep -c 'Internal Server Error' "$LOG" || true)" >> "$OUT"
# Every 5xx: its phase, when it started and ended, and the last line of its exception.
# Django's log lines carry the time in TIME_ZONE (Django sets the process's TZ), the marks UTC.
LOG_TZ=$($PY -c "import django; django.setup(); from django.conf import settings; print(settings.TIME_ZONE)")
$PY - "$LOG" "$ACCESS" "$LOG_TZ" >> "$OUT" <<'PY'
import re
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

log, access = (open(name, encoding="utf-8", errors="replace").read().splitlines() for name in sys.argv[1:3])
local = ZoneInfo(sys.argv[3])
durations = {}  # path -> [microseconds of each 5xx, in order]
for line in access:
    m = re.match(r"\[[^]]+\] (5\d\d) (\d+) (\S+)", line)
    if m and m[3] != "/readyz":  # /readyz answering 503 while Redis is down is the point
        durations.setdefault(m[3], []).append(int(m[2]))
phase, terminated, errors = None, [], []
stamp = r"(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[.,]\d{3})"


def parse(text, zone=timezone.utc):
    when = datetime.fromisoformat(text.replace(",", ".").replace(" ", "T"))
    return when.replace(tzinfo=zone).astimezone(timezone.utc)


for i, line in enumerate(log):
    if m := re.match(r"=== (\S+)Z (.*)", line):
        if m[2].startswith("phase") and m[2].endswith("starts"):
            phase = m[2].split()[1]
        if m[2].startswith("terminated"):
            terminated.append(parse(m[2].rsplit(" ", 1)[1].rstrip("Z")))
    elif m := re.match(stamp + r" ERROR django.request Internal Server Error: (\S+)", line):
        end = next((j for j in range(i + 1, len(log)) if re.match(stamp + "|===|\\[", log[j])), len(log))
        trace = log[i + 1 : end]
        last = [t for t in trace if t and not t.startswith((" ", "\t", "Traceback", "The above", "During"))]
        ours = [t.strip() for t in trace if t.startswith('  File "') and "/.venv/" not in t]
        where = ours[-1] if ours else ""
        errors.append((phase, parse(m[1], local), m[2], (last[-1] if last else "") + " at " + where))
print(f"5xx-in-access-log {sum(map(len, durations.values()))}, with Django's error log {len(errors)}")
for phase, ended, path, last in errors:
    took = durations.get(path, []).pop(0) if durations.get(path) else None
    started = ended - timedelta(microseconds=took) if took is not None else None
    during = [t for t in terminated if started is not None and started <= t <= ended]
    # A request that failed although it began after the termination would be a defect.
    print(
        f"5xx phase={phase} path={path} started={started and started.strftime('%H:%M:%S.%f')[:-3]} "
        f"ended={ended.strftime('%H:%M:%S.%f')[:-3]} "
        f"in-flight-at-termination={'yes' if during else 'no'} exception={last[:200]}"
    )
PY
cat "$OUT"
