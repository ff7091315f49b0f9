#!/usr/bin/python3
"""Measures the text-only peers of osce-classify on the same folds and with the same metrics.

Peers: scikit-learn TF-IDF + LinearSVC (C=0.5, balanced class weights) or logistic regression (C=10, balanced);
the stronger scikit-learn peer of issue 16 (word and char_wb 2-5 TF-IDF, LinearSVC C=0.3, balanced); fastText
(-loss ova, 100 epochs, lr 1.0, threshold 0.3); and, when bench/out/embeddings.csv exists (id,e0,...,e383: the
sentence embeddings of the items, written by the embeddings module's bench), scikit-learn on those embeddings
alone and joined to the stronger peer's TF-IDF. All read corpus-folds CSV files written by PeerCorpusExport (see
bench/README.md): the corpus with its labels normalised through the taxonomy exactly as osce-classify sees them
(fields at field level) and each item's fold of osce-classify's seeded 5-fold cross-validation, one file per
fold seed.

Usage: peers.py FOLDS.csv [FOLDS.csv ...] [--running STATEMENTS.csv] [--embeddings EMBEDDINGS.csv]
- every FOLDS file (one per fold seed) is cross-validated; each figure is the mean over the fold seeds of the
  pooled figure, with one standard error over every fold of every seed (sample sd of the per-fold figures over
  the square root of their number);
- with --running, every peer is also trained on the whole corpus (the first FOLDS file's items) and tested on
  the statements of STATEMENTS.csv (bench/running-text/, exported the same way), which nothing trains on.

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
from scipy.sparse import csr_matrix, hstack
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


class Strong:
    """The stronger scikit-learn peer of issue 16, chosen there by a seeded 5-fold CV among 12 variants: word and
    character (char_wb, 2-5) TF-IDF, both sublinear, side by side; LinearSVC C=0.3 with balanced class weights;
    fields trained only on items that have fields (as every peer here) and every document given at least its
    top-scored field. The sources use the same features and SVM."""

    name = "scikit-learn word + char_wb 2-5 TF-IDF + LinearSVC (C=0.3, balanced), at least top field"

    def _classifier(self):
        return LinearSVC(C=0.3, class_weight="balanced", random_state=0)

    def _fit(self, train_rows):
        word = TfidfVectorizer(sublinear_tf=True)
        char = TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(2, 5))
        docs = [r["doc"] for r in train_rows]
        x = hstack([word.fit_transform(docs), char.fit_transform(docs)]).tocsr()
        return x, lambda rows: hstack([word.transform([r["doc"] for r in rows]),
                                       char.transform([r["doc"] for r in rows])]).tocsr()

    def fields(self, train, test):
        x, transform = self._fit(train)
        return self._fields_on(x, transform(test), train, len(test))

    def _fields_on(self, x, xt, train, n_test):
        mlb = MultiLabelBinarizer()
        y = mlb.fit_transform([r["fields"] for r in train])
        scores = np.zeros((n_test, len(mlb.classes_)))
        for j in range(len(mlb.classes_)):
            scores[:, j] = self._classifier().fit(x, y[:, j]).decision_function(xt)
        out = [{mlb.classes_[j] for j in at_least_top(scores[i], scores[i] > 0)} for i in range(n_test)]
        return out, list(mlb.classes_)

    def sources(self, train, test, classes):
        rows, labels = [], []
        for r in train:
            for s in folded(r["sources"], classes):
                rows.append(r)
                labels.append(s)
        x, transform = self._fit(rows)
        return self._sources_on(x, transform(test), labels)

    def _sources_on(self, x, xt, labels):
        clf = self._classifier().fit(x, labels)
        return [[clf.classes_[j] for j in np.argsort(-s, kind="stable")] for s in clf.decision_function(xt)]


class Embedded(Strong):
    """scikit-learn given the same sentence embeddings as osce-classify (bench/out/embeddings.csv): a linear SVM
    (C=1, balanced) or logistic regression (C=10, balanced) on the 384-d vectors alone, or the stronger peer's
    LinearSVC on its TF-IDF with the embeddings joined at their side. At least the top field, as every peer."""

    def __init__(self, vectors, kind):
        self.vectors = vectors
        self.kind = kind
        self.name = {"svm": "scikit-learn LinearSVC (C=1, balanced) on the embeddings",
                     "logistic": "scikit-learn logistic regression (C=10, balanced) on the embeddings",
                     "joined": "scikit-learn word + char_wb TF-IDF joined to the embeddings + LinearSVC (C=0.3, "
                               "balanced)"}[kind]

    def covers(self, rows):
        return all(r["id"] in self.vectors for r in rows)

    def _classifier(self):
        if self.kind == "logistic":
            return LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
        return LinearSVC(C=1.0 if self.kind == "svm" else 0.3, class_weight="balanced", max_iter=5000,
                         random_state=0)

    def _embedded(self, rows):
        """The rows' vectors, each scaled to unit length like each TF-IDF block, so that neither outweighs."""
        x = np.vstack([self.vectors[r["id"]] for r in rows])
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return csr_matrix(x / np.where(norms > 0, norms, 1.0))

    def _fit(self, train_rows):
        if self.kind != "joined":
            return self._embedded(train_rows), self._embedded
        x, transform = Strong._fit(self, train_rows)
        return (hstack([x, self._embedded(train_rows)]).tocsr(),
                lambda rows: hstack([transform(rows), self._embedded(rows)]).tocsr())


def read_embeddings(path):
    """The vectors of embeddings.csv by item id, or None when the file is not there."""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header[0] != "id":
            raise SystemExit(f"{path}:1: the first column must be id, was {header[0]!r}")
        return {row[0]: np.asarray(row[1:], dtype=np.float64) for row in reader}


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
    """Cross-validates a peer on the folds of rows: the pooled figures, and each fold's own figures."""
    folds = sorted({r["fold"] for r in rows})
    f_truth, f_pred, f_labels = [], [], set()
    s_truth, s_ranked = [], []
    per_fold = []
    for k in folds:
        train = [r for r in rows if r["fold"] != k]
        test = [r for r in rows if r["fold"] == k]
        f, s, labels = test_on(peer, train, test)
        per_fold.append((fields_metrics(f[0], f[1], labels), sources_metrics(s[0], s[1])))
        f_truth += f[0]
        f_pred += f[1]
        f_labels |= set(labels)
        s_truth += s[0]
        s_ranked += s[1]
    return (fields_metrics(f_truth, f_pred, f_labels), sources_metrics(s_truth, s_ranked)), per_fold


def test_on(peer, train, test):
    """Trains a peer on train and predicts test: (fields truth, predicted), (sources truth, ranked), labels."""
    ftrain = [r for r in train if r["fields"]]
    ftest = [r for r in test if r["fields"]]
    pred, labels = peer.fields(ftrain, ftest)
    strain = [r for r in train if r["sources"]]
    stest = [r for r in test if r["sources"]]
    classes = source_classes(strain)
    ranked = peer.sources(strain, stest, classes)
    return ([set(r["fields"]) for r in ftest], pred), ([folded(r["sources"], classes) for r in stest], ranked), labels


HEADLINE = (("micro_f1", 0), ("macro_f1", 0), ("jaccard", 0), ("top1", 1), ("top3", 1), ("macro_f1", 1))


def se(values):
    """One standard error of the mean of values: their sample standard deviation over the square root of n."""
    return float(np.std(values, ddof=1) / np.sqrt(len(values))) if len(values) > 1 else float("nan")


def cv_row(name, runs):
    """A table row: per headline figure, the mean over fold seeds of the pooled figure +- one standard error over
    all folds of all seeds."""
    cells = []
    for key, task in HEADLINE:
        pooled = np.mean([pooled[task][key] for pooled, _ in runs])
        folds = [fold[task][key] for _, per_fold in runs for fold in per_fold]
        cells.append(f"{pooled:.3f} ± {se(folds):.3f}")
    return f"| {name} | " + " | ".join(cells) + " |"


def main():
    args = sys.argv[1:]
    running, embeddings_path = None, os.path.join(os.path.dirname(__file__), "out", "embeddings.csv")
    paths = []
    while args:
        a = args.pop(0)
        if a == "--running":
            running = args.pop(0)
        elif a == "--embeddings":
            embeddings_path = args.pop(0)
        else:
            paths.append(a)
    if not paths:
        paths = [os.path.join(os.path.dirname(__file__), "out", "corpus-folds-42.csv")]
    fold_sets = [read(p) for p in paths]
    peers = [Sklearn(False), Sklearn(True), Sklearn(True, logistic=True), Strong(), FastText()]
    vectors = read_embeddings(embeddings_path)
    if vectors is None:
        print(f"(no {embeddings_path}: the peers on sentence embeddings are skipped)", file=sys.stderr)
    else:
        embedded = [Embedded(vectors, kind) for kind in ("svm", "logistic", "joined")]
        if embedded[0].covers(fold_sets[0]):
            peers += embedded
        else:
            print(f"({embeddings_path} lacks some corpus items: the peers on embeddings are skipped)",
                  file=sys.stderr)
    print(f"Cross-validation, fold seed files {', '.join(os.path.basename(p) for p in paths)}:")
    print()
    print("| peer | fields micro-F1 | fields macro-F1 | Jaccard | source top-1 | source top-3 | source macro-F1 |")
    print("|---|---|---|---|---|---|---|")
    for peer in peers:
        print(cv_row(peer.name, [evaluate(peer, rows) for rows in fold_sets]), flush=True)
    if running is None:
        return
    statements = read(running)
    print()
    print(f"Running text: trained on the whole corpus ({len(fold_sets[0])} items), tested on "
          f"{len(statements)} statements of {running}:")
    print()
    print("| peer | fields micro-F1 | fields macro-F1 | Jaccard | source top-1 | source top-3 |")
    print("|---|---|---|---|---|---|")
    for peer in peers:
        if isinstance(peer, Embedded) and not peer.covers(statements):
            print(f"| {peer.name} | (the statements have no embeddings in {embeddings_path}) |||||")
            continue
        f, s, labels = test_on(peer, fold_sets[0], statements)
        fm, sm = fields_metrics(f[0], f[1], labels), sources_metrics(s[0], s[1])
        print(f"| {peer.name} | {fm['micro_f1']:.3f} | {fm['macro_f1']:.3f} | {fm['jaccard']:.3f} | "
              f"{sm['top1']:.3f} | {sm['top3']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
