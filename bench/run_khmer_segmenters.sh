#!/usr/bin/env bash
# Compare Khmer word segmenters on tests/search/data/khmer_gold.txt (bench/khmer_segmenters.py).
# The candidates are installed in a scratch virtualenv, never in the project's: PyICU builds from
# source (needs Debian's libicu-dev and a C++ compiler, about 90 s); khmer-nltk brings scikit-learn.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-/tmp/khmer-segmenters-venv}
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet khmercut==0.2.0 khmer-nltk==1.6 pyicu==2.17
PYTHONPATH=. "$VENV/bin/python" bench/khmer_segmenters.py | tee bench/results/khmer-segmenters.json
