#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, mobile preset) driving Debian's Chromium against gunicorn on
# 127.0.0.1 serving the demo site (SQLite, production-like settings: DEBUG off, hashed static
# files, compression). Scores for home, an article, the library and an exhibition in vi and km.
#   bash bench/run_lighthouse.sh     # needs node/npm and chromium (apt-get install -y chromium)
# Lighthouse is installed from npm into var/lighthouse (not part of the site). Reports go to
# var/lighthouse/reports/*.json; the scores are printed and recorded in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.bench
export DATABASE_URL="sqlite:///$PWD/var/bench-load.sqlite3"
export CHROME_PATH=/usr/bin/chromium
mkdir -p var/lighthouse/reports
[ -x var/lighthouse/node_modules/.bin/lighthouse ] || npm install --prefix var/lighthouse --no-audit --no-fund lighthouse@12 >/dev/null
$PY manage.py migrate --noinput -v0
$PY manage.py seed_demo >/dev/null 2>&1
$PY manage.py collectstatic --noinput -v0
.venv/bin/gunicorn cms.wsgi:application --bind 127.0.0.1:8098 --workers 2 --threads 4 --log-level warning &
pid=$!
trap 'kill $pid' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:8098/vi/ && break; sleep 0.2; done
for path in /vi/ /km/ /vi/tin-tuc/phong-chong-mua-ban-nguoi/ /km/news/quiz-on-childrens-rights/ \
            /vi/library/ /km/library/ /vi/trien-lam/tre-em-qua-anh/ /km/exhibitions/childhood-in-pictures/; do
  name=$(echo "$path" | tr '/' '-' | sed 's/^-//; s/-$//')
  # Lighthouse sometimes fails to record Chromium's trace (NO_NAVSTART: "run Lighthouse again").
  for _attempt in 1 2 3; do
    var/lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:8098$path" --quiet \
      --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="var/lighthouse/reports/$name.json" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1 || true
    grep -q '"runtimeError"' "var/lighthouse/reports/$name.json" || break
  done
  $PY - "$path" "var/lighthouse/reports/$name.json" <<'PYEOF'
import json, sys
path, report = sys.argv[1], json.load(open(sys.argv[2]))
scores = {k: round(v["score"] * 100) if v["score"] is not None else None for k, v in report["categories"].items()}
failed = [a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in ("binary", "numeric")]
print(f"| {path} | {scores['performance']} | {scores['accessibility']} | {scores['best-practices']} | {scores['seo']} | {', '.join(failed[:6])} |")
PYEOF
done
# The scores of this run, for the record (docs/PERFORMANCE.md quotes them).
$PY - <<'PYEOF'
import json, pathlib
from urllib.parse import urlsplit
scores = {}
for path in sorted(pathlib.Path("var/lighthouse/reports").glob("*.json")):
    report = json.loads(path.read_text())
    if "runtimeError" in report:
        continue
    scores[urlsplit(report["requestedUrl"]).path] = {
        **{k: round(v["score"] * 100) for k, v in report["categories"].items()},
        "lighthouse": report["lighthouseVersion"],
        "fetched": report["fetchTime"],
    }
pathlib.Path("bench/results/lighthouse-scores.json").write_text(json.dumps(scores, indent=1, ensure_ascii=False) + "\n")
PYEOF
