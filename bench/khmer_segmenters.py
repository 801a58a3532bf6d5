"""Compare Khmer word segmenters for search on hand-segmented sentences (tests/search/data).

For each candidate: boundary F1 against the hand segmentation; keyword recall, the number of
(sentence, keyword) pairs where the keyword, segmented alone as a reader's query would be, is found
as consecutive tokens of the segmented sentence (the same segmenter at index and at query time);
false hits, keywords found in sentences whose hand segmentation does not contain them; and speed.
Every candidate sees text after ``search.khmer.normalize``.

Run with ``bash bench/run_khmer_segmenters.sh`` (installs the candidates in a scratch virtualenv).
"""

import importlib.util
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from search import khmer  # noqa: E402

GOLD = ROOT / "tests" / "search" / "data" / "khmer_gold.txt"


def load_gold():
    sentences = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, _, keywords = line.partition("=>")
        words = [khmer.normalize(word) for word in text.strip().split("|")]
        sentences.append((words, [khmer.normalize(k.strip()) for k in keywords.split(",") if k.strip()]))
    return sentences


def candidates():
    found = {}
    if importlib.util.find_spec("icu"):
        import icu

        def icu_words(text):
            breaker = icu.BreakIterator.createWordInstance(icu.Locale("km"))
            breaker.setText(text)
            bounds = [0, *breaker]
            return [text[a:b] for a, b in itertools.pairwise(bounds) if text[a:b].strip()]

        found[f"PyICU word break (ICU {icu.ICU_VERSION})"] = icu_words
    if importlib.util.find_spec("khmernltk"):
        import logging

        logging.disable(logging.INFO)
        from khmernltk import word_tokenize

        found["khmer-nltk"] = lambda text: [w for w in word_tokenize(text) if w.strip()]
    if importlib.util.find_spec("khmercut"):
        import khmercut

        found["khmercut (CRF)"] = lambda text: [w for w in khmercut.tokenize(text) if w.strip()]
    found["syllables (no dictionary)"] = khmer.syllables
    return found


def boundaries(words):
    positions, offset = set(), 0
    for word in words:
        offset += len(word)
        positions.add(offset)
    return positions


def contains(tokens, query):
    size = len(query)
    return any(tokens[i : i + size] == query for i in range(len(tokens) - size + 1)) if size else False


def present(keyword, gold):
    """Whether ``keyword`` is one or more consecutive hand-segmented words of the sentence."""
    return any("".join(gold[i:j]) == keyword for i in range(len(gold)) for j in range(i + 1, len(gold) + 1))


def evaluate(segment, sentences):
    tp = fp = fn = 0
    found, total, false_hits, missed = 0, 0, 0, []
    every_keyword = sorted({keyword for _, keywords in sentences for keyword in keywords})
    for words, keywords in sentences:
        gold = [w for w in words if w != "។"]
        tokens = segment("".join(gold))
        predicted, expected = boundaries(tokens), boundaries(gold)
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
        for keyword in every_keyword:
            hit = contains(tokens, segment(keyword))
            if keyword in keywords:
                total += 1
                found += hit
                if not hit:
                    missed.append(keyword)
            elif hit and not present(keyword, gold):
                false_hits += 1
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {
        "boundary_f1": round(2 * precision * recall / (precision + recall), 3),
        "keywords_found": f"{found}/{total}",
        "missed": sorted(set(missed)),
        "false_hits": false_hits,
    }


def evaluate_combined(words, sentences):
    """The chosen design: a keyword is found by its words or, failing that, as a phrase of syllables."""
    found, total, false_hits, by_syllables = 0, 0, 0, 0
    every_keyword = sorted({keyword for _, keywords in sentences for keyword in keywords})
    for gold_words, keywords in sentences:
        gold = [w for w in gold_words if w != "។"]
        text = "".join(gold)
        tokens, syllables = words(text), khmer.syllables(text)
        for keyword in every_keyword:
            by_words = contains(tokens, words(keyword))
            hit = by_words or contains(syllables, khmer.syllables(keyword))
            if keyword in keywords:
                total += 1
                found += hit
                by_syllables += hit and not by_words
            elif hit and not present(keyword, gold):
                false_hits += 1
    return {
        "keywords_found": f"{found}/{total}",
        "found_only_by_syllables": by_syllables,
        "false_hits": false_hits,
    }


def speed(segment, sentences, seconds=2.0):
    text = " ".join("".join(w for w in words if w != "។") for words, _ in sentences)
    runs = [text[a:b] for a, b in khmer.runs(text)]
    tokens, started, rounds = 0, time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        for run in runs:
            tokens += len(segment(run + "\u17cb" * (rounds % 2)))  # defeat caches
        rounds += 1
    return round(tokens / (time.perf_counter() - started))


def main():
    sentences = load_gold()
    results = {}
    found = candidates()
    for name, segment in found.items():
        results[name] = {**evaluate(segment, sentences), "tokens_per_second": speed(segment, sentences)}
    if "khmercut (CRF)" in found:
        results["khmercut words + syllable phrases (chosen)"] = evaluate_combined(
            found["khmercut (CRF)"], sentences
        )
    print(json.dumps({"sentences": len(sentences), "results": results}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
