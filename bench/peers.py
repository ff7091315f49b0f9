#!/usr/bin/python3
"""Measures the text-only peers of osce-classify on the same folds and with the same metrics.

Peers: scikit-learn TF-IDF + LinearSVC (C=0.5, balanced class weights) or logistic regression (C=10, balanced),
and fastText (-loss ova, 100 epochs, lr 1.0, threshold 0.3). All read bench/out/corpus-folds.csv, written by
PeerCorpusExport (see bench/README.md): the corpus with its labels normalised through the taxonomy exactly as
osce-classify sees them (fields at field level) and each item's fold of osce-classify's seeded 5-fold
cross-validation.

The rules mirror org.osceclassify.classifier.Evaluations and Metrics:
- an item with no fields (sources) is left out of the fields (sources) task, in training and in testing;
- out-of-fold predictions of all folds are pooled and scored once; macro-F1 averages the labels with at least
  3 pooled test items; the Hamming loss counts over every label seen in training, testing or prediction;
- a document always gets at least its top-scored field;
- sources with fewer than 5 items in the training folds fold into "Other" (in training and in the test truth);
  an item is trained on once per listed source; it is right at rank k when any of its sources is in the top k;
  per-class F1 judges the top-ranked source against the item's matched source (else its first-listed one).

Run with Debian's python (apt-get install python3-sklearn fasttext): /usr/bin/python3 bench/peers.py
"""
import csv
import os
import subprocess
import sys
import tempfile
from collections import Counter

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

MIN_SOURCE_COUNT = 5
MACRO_MIN_SUPPORT = 3
OTHER = "Other"
TOP_K = 3


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["fold"] = int(r["fold"])
        r["fields"] = [x for x in r["fields"].split(";") if x]
        r["sources"] = [x for x in r["sources"].split(";") if x]
        r["doc"] = r["title"] + " " + r["text"]
    return rows


def source_classes(train):
    counts = Counter(s for r in train for s in r["sources"])
    return {s if n >= MIN_SOURCE_COUNT else OTHER for s, n in counts.items()}


def folded(sources, classes):
    out = []
    for s in sources:
        c = s if s in classes else OTHER
        if c not in out:
            out.append(c)
    return out


def fields_metrics(truth, predicted, labels):
    universe = set(labels)
    for t in truth:
        universe |= t
    for p in predicted:
        universe |= p
    tp, fp, fn = Counter(), Counter(), Counter()
    jaccard, wrong = 0.0, 0
    for t, p in zip(truth, predicted):
        for l in p:
            if l in t:
                tp[l] += 1
            else:
                fp[l] += 1
                wrong += 1
        for l in t - p:
            fn[l] += 1
            wrong += 1
        union = len(t | p)
        jaccard += 1.0 if union == 0 else len(t & p) / union
    f1s = []
    for l in universe:
        prec = tp[l] / (tp[l] + fp[l]) if tp[l] + fp[l] else 0.0
        rec = tp[l] / (tp[l] + fn[l]) if tp[l] + fn[l] else 0.0
        if tp[l] + fn[l] >= MACRO_MIN_SUPPORT:
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    prec = TP / (TP + FP) if TP + FP else 0.0
    rec = TP / (TP + FN) if TP + FN else 0.0
    n = len(truth)
    return {
        "items": n,
        "micro_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "macro_f1": float(np.mean(f1s)) if f1s else 0.0,
        "jaccard": jaccard / n,
        "hamming": wrong / (n * len(universe)),
    }


def sources_metrics(truth, ranked):
    top1 = topk = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    for t, r in zip(truth, ranked):
        best = r[0]
        if best in t:
            top1 += 1
        if any(x in t for x in r[:TOP_K]):
            topk += 1
        actual = best if best in t else t[0]
        if actual == best:
            tp[best] += 1
        else:
            fp[best] += 1
            fn[actual] += 1
    f1s = []
    for c in set(tp) | set(fp) | set(fn):
        support = tp[c] + fn[c]
        if support >= MACRO_MIN_SUPPORT:
            prec = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
            rec = tp[c] / support
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    n = len(truth)
    return {"items": n, "top1": top1 / n, "top3": topk / n, "macro_f1": float(np.mean(f1s)) if f1s else 0.0}


def at_least_top(scores, chosen):
    """The indices chosen, or the best-scored one when none is."""
    idx = set(np.flatnonzero(chosen))
    return idx if idx else {int(np.argmax(scores))}


class Sklearn:
    """TF-IDF + one-vs-rest LinearSVC. Plain: scikit-learn's defaults and the SVM's own decisions (decision > 0,
    so a document may get no field). Strengthened: sublinear tf, and at least the top-scored field. Logistic: the
    strengthened setup with logistic regression (C=10, balanced) in place of the SVM, as bench.py's LogReg."""

    def __init__(self, strengthened, logistic=False):
        self.strengthened = strengthened
        self.logistic = logistic
        self.name = ("scikit-learn TF-IDF + " + ("logistic regression (C=10, balanced)" if logistic
                                                 else "LinearSVC (C=0.5, balanced)")
                     + (", sublinear tf, at least top field" if strengthened else ""))

    def _classifier(self):
        if self.logistic:
            return LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000)
        return LinearSVC(C=0.5, class_weight="balanced", random_state=0)

    def fields(self, train, test):
        vec = TfidfVectorizer(sublinear_tf=self.strengthened)
        x = vec.fit_transform([r["doc"] for r in train])
        mlb = MultiLabelBinarizer()
        y = mlb.fit_transform([r["fields"] for r in train])
        xt = vec.transform([r["doc"] for r in test])
        scores = np.zeros((len(test), len(mlb.classes_)))
        for j in range(len(mlb.classes_)):
            clf = self._classifier().fit(x, y[:, j])
            scores[:, j] = clf.decision_function(xt)
        out = []
        for i in range(len(test)):
            chosen = at_least_top(scores[i], scores[i] > 0) if self.strengthened else np.flatnonzero(scores[i] > 0)
            out.append({mlb.classes_[j] for j in chosen})
        return out, list(mlb.classes_)

    def sources(self, train, test, classes):
        docs, labels = [], []
        for r in train:
            for s in folded(r["sources"], classes):
                docs.append(r["doc"])
                labels.append(s)
        vec = TfidfVectorizer(sublinear_tf=self.strengthened)
        clf = self._classifier().fit(vec.fit_transform(docs), labels)
        scores = clf.decision_function(vec.transform([r["doc"] for r in test]))
        return [[clf.classes_[j] for j in np.argsort(-s, kind="stable")] for s in scores]


class FastText:
    name = "fastText (-loss ova, 100 epochs, lr 1.0, threshold 0.3)"
    ARGS = ["-loss", "ova", "-epoch", "100", "-lr", "1.0", "-seed", "42", "-thread", "1"]

    @staticmethod
    def _label(name):
        return "__label__" + name.replace(" ", "_")

    @staticmethod
    def _clean(text):
        return " ".join(text.lower().split())

    def _train_predict(self, lines, test):
        with tempfile.TemporaryDirectory() as d:
            train_file = os.path.join(d, "train.txt")
            test_file = os.path.join(d, "test.txt")
            with open(train_file, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            with open(test_file, "w", encoding="utf-8") as f:
                f.write("\n".join(self._clean(r["doc"]) for r in test) + "\n")
            model = os.path.join(d, "model")
            subprocess.run(["fasttext", "supervised", "-input", train_file, "-output", model] + self.ARGS,
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out = subprocess.run(["fasttext", "predict-prob", model + ".bin", test_file, "-1", "0.0"],
                                 check=True, capture_output=True, text=True).stdout.splitlines()
        ranked = []
        for line in out:
            parts = line.split()
            pairs = [(parts[i][len("__label__"):].replace("_", " "), float(parts[i + 1]))
                     for i in range(0, len(parts), 2)]
            ranked.append(pairs)
        return ranked

    def fields(self, train, test):
        lines = [" ".join(self._label(l) for l in r["fields"]) + " " + self._clean(r["doc"]) for r in train]
        out = []
        for pairs in self._train_predict(lines, test):
            chosen = {l for l, p in pairs if p >= 0.3}
            out.append(chosen if chosen else {pairs[0][0]})
        return out, sorted({l for r in train for l in r["fields"]})

    def sources(self, train, test, classes):
        lines = [" ".join(self._label(s) for s in folded(r["sources"], classes)) + " " + self._clean(r["doc"])
                 for r in train]
        return [[l for l, _ in pairs] for pairs in self._train_predict(lines, test)]


def evaluate(peer, rows):
    folds = sorted({r["fold"] for r in rows})
    f_truth, f_pred, f_labels = [], [], set()
    s_truth, s_ranked = [], []
    for k in folds:
        train = [r for r in rows if r["fold"] != k]
        test = [r for r in rows if r["fold"] == k]
        ftrain = [r for r in train if r["fields"]]
        ftest = [r for r in test if r["fields"]]
        pred, labels = peer.fields(ftrain, ftest)
        f_truth += [set(r["fields"]) for r in ftest]
        f_pred += pred
        f_labels |= set(labels)
        strain = [r for r in train if r["sources"]]
        stest = [r for r in test if r["sources"]]
        classes = source_classes(strain)
        s_ranked += peer.sources(strain, stest, classes)
        s_truth += [folded(r["sources"], classes) for r in stest]
    return fields_metrics(f_truth, f_pred, f_labels), sources_metrics(s_truth, s_ranked)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "out", "corpus-folds.csv")
    rows = read(path)
    print("| peer | fields micro-F1 | fields macro-F1 | Jaccard | Hamming | source top-1 | source top-3 "
          "| source macro-F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for peer in (Sklearn(False), Sklearn(True), Sklearn(True, logistic=True), FastText()):
        f, s = evaluate(peer, rows)
        print(f"| {peer.name} | {f['micro_f1']:.3f} | {f['macro_f1']:.3f} | {f['jaccard']:.3f} | "
              f"{f['hamming']:.4f} | {s['top1']:.3f} | {s['top3']:.3f} | {s['macro_f1']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
