#!/usr/bin/python3
"""Times scikit-learn's TfidfVectorizer.transform on the items FeatureExtractionBenchmark uses.

The vectorizer is set up like the Java pipeline's text part: tokens are maximal runs of letters and digits,
lower-cased, English stop words removed, terms in at least 2 documents, sublinear TF, smooth IDF, L2 norm. It is
fitted on the whole corpus and then transforms the first N items (title and text joined), either all in one
call (scikit-learn's best case) or one item per call (as a Java caller classifying documents one by one does).

Usage: /usr/bin/python3 bench/tfidf_transform.py [CSV] [N]
"""
import csv
import statistics
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer

path = sys.argv[1] if len(sys.argv) > 1 else "seeds/osce-items.csv"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000

with open(path, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
texts = [r["title"] + " " + r["text"] for r in rows]
items = texts[:n]

vectorizer = TfidfVectorizer(token_pattern=r"(?u)[^\W_]+", lowercase=True, stop_words="english", min_df=2,
                             sublinear_tf=True, smooth_idf=True, norm="l2")
vectorizer.fit(texts)
words = sum(len(t.split()) for t in items) / len(items)
print(f"sklearn {__import__('sklearn').__version__}, vocabulary {len(vectorizer.vocabulary_)}, "
      f"{len(items)} items of {words:.0f} words on average")


def timed(fn, repeats):
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        rates.append(len(items) / (time.perf_counter() - start))
    return rates


for _ in range(3):  # warm-up
    vectorizer.transform(items)
batch = timed(lambda: vectorizer.transform(items), 20)
single = timed(lambda: [vectorizer.transform([t]) for t in items], 5)
print(f"batch  (one call for {len(items)} items): median {statistics.median(batch):10.0f} docs/s, "
      f"best {max(batch):10.0f} docs/s")
print(f"single (one call per item):          median {statistics.median(single):10.0f} docs/s, "
      f"best {max(single):10.0f} docs/s")
