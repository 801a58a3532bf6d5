#!/usr/bin/env bash
# Instructions per request for each page type, cold / warm / cached, with valgrind's callgrind:
# each scenario runs twice (0 and N requests after warm-up) and the difference is divided by N.
#   bash bench/run_page_instructions.sh      # demo site on SQLite (var/bench-load.sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=cms.settings.bench
export PYTHONHASHSEED=0  # the same start-up in every run
export DATABASE_URL="sqlite:///$PWD/var/bench-load.sqlite3"
N=${N:-5}
PY=.venv/bin/python
$PY manage.py migrate --noinput -v0 2>/dev/null
$PY manage.py seed_demo >/dev/null 2>&1
count() {  # path mode requests -> total instructions
  out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PY" bench/page_instructions.py "$1" "$2" "$3" 2>"$out" >/dev/null
  grep -o "Collected : [0-9]*" "$out" | grep -o "[0-9]*$"
  rm -f "$out"
}
echo "| page | mode | instructions per request |"
if [ $# -eq 0 ]; then
  set -- /vi/ /vi/tin-tuc/ /vi/tin-tuc/phong-chong-mua-ban-nguoi/ /vi/search/?q=tre+em
fi
for path in "$@"; do
  # Once outside valgrind: renditions and search documents made on a page's first view would
  # otherwise be counted in whichever run came first.
  "$PY" bench/page_instructions.py "$path" warm 0 >/dev/null
  for mode in ${MODES:-cold-terms cold warm cached}; do
    # A cached page costs about a million instructions, less than start-up varies between two
    # processes, so it is measured over more requests.
    n=$N
    [ "$mode" = cached ] && n=${N_CACHED:-100}
    base=$(count "$path" "$mode" 0)
    total=$(count "$path" "$mode" "$n")
    echo "| $path | $mode | $(( (total - base) / n )) |"
  done
done
