#!/usr/bin/python3
"""Benchmarks osce-classify side by side with its text-only peers on one seeded holdout split (issue 6).

Run through bench/run.sh, which installs the peers and builds the jars. Quality: our default configuration (the
`train` and `evaluate` commands) against scikit-learn TF-IDF + LinearSVC, TF-IDF + logistic regression and fastText
(-loss ova), scored with the metric code of bench/peers.py, which mirrors org.osceclassify.classifier.Metrics.
Speed: training wall time, classification throughput on 100,000 documents, in-process throughput (JMH), peak
memory (/usr/bin/time -v) and model size. Scale: training time and memory at 1x, 10x and 100x the corpus.

Every tool runs in its own process under /usr/bin/time -v, so wall times include start-up (the JVM's, Python's
imports) as a user sees them. Raw numbers go to bench/out/results.json, logs to bench/out/logs/; stdout gets one
Markdown table.
"""
import argparse
import csv
import json
import os
import pickle
import random
import re
import statistics
import subprocess
import sys
import time

import numpy as np

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, "out")
sys.path.insert(0, BENCH)
import peers  # noqa: E402  (bench/peers.py: the peers' settings and the metric code shared with Java)

SEED = 42
TEST_FRACTION = 0.2
CLASSIFY_SIZES = (1_000, 10_000, 100_000)  # classify RSS measured at each; throughput at the largest
CLI = [os.path.join(ROOT, "osce-classify")]
BENCH_JAR = os.path.join(ROOT, "classifier", "target", "benchmarks.jar")
FASTTEXT_FIELDS_THRESHOLD = 0.3  # as in peers.FastText


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------- processes

REPEAT = 1  # run --repeat: how many times each timed command runs; its median wall time is reported


def timed(name, cmd, timeout=None, stdout=None, repeat=None):
    """Runs cmd under /usr/bin/time -v, `repeat` times (default REPEAT) unless a run does not finish; returns the
    median wall seconds, the largest peak RSS in MiB, whether every run finished, and each run's wall time."""
    runs = []
    for _ in range(repeat or REPEAT):
        runs.append(timed_once(name, cmd, timeout, stdout))
        if not runs[-1]["finished"]:
            break
    rss = [r["rss_mb"] for r in runs if r["rss_mb"] is not None]
    return {"wall_s": statistics.median(r["wall_s"] for r in runs), "rss_mb": max(rss) if rss else None,
            "finished": all(r["finished"] for r in runs), "load": max(r["load"] for r in runs),
            "walls": [r["wall_s"] for r in runs]}


def timed_once(name, cmd, timeout, stdout):
    """One run of cmd under /usr/bin/time -v: wall seconds, peak RSS in MiB, and whether it finished."""
    logfile = os.path.join(OUT, "logs", name + ".log")
    with open(logfile, "w") as err, open(stdout or os.devnull, "w") as out:
        load = os.getloadavg()[0]  # other work on the machine skews wall times: recorded with each run
        start = time.monotonic()
        proc = subprocess.Popen(["/usr/bin/time", "-v"] + cmd, stdout=out, stderr=err, start_new_session=True)
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # our own child's process group only
            proc.wait()
            log(f"{name}: stopped after {timeout} s")
            return {"wall_s": time.monotonic() - start, "rss_mb": None, "finished": False, "load": load}
        wall = time.monotonic() - start
    text = open(logfile).read()
    if rc != 0:
        sys.exit(f"bench: {name} failed (exit {rc}); see {logfile}:\n{text[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    log(f"{name}: {wall:.1f} s, {rss:.0f} MiB")
    return {"wall_s": wall, "rss_mb": rss, "finished": True, "load": load}


def combined(*runs):
    """Two processes run one after the other (fastText's two models): wall times add, the peak is the larger."""
    return {"wall_s": sum(r["wall_s"] for r in runs), "rss_mb": max(r["rss_mb"] or 0 for r in runs),
            "finished": all(r["finished"] for r in runs), "load": max(r["load"] for r in runs)}


# ---------------------------------------------------------------------------------------------------------- data

def read_rows(path):
    """A corpus CSV as written by Corpora.writeCsv (labels already normalised through the taxonomy)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["fields_list"] = [x for x in r["fields"].split(";") if x]
        r["sources_list"] = [x for x in r["sources"].split(";") if x]
    return rows


def as_peer_rows(rows):
    """The shape bench/peers.py works on."""
    return [{"doc": r["title"] + " " + r["text"], "fields": r["fields_list"], "sources": r["sources_list"]}
            for r in rows]


def write_rows(path, rows, header):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, extrasaction="ignore", lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def perturb(bag, rng):
    """Drops about 5% of a bag's tokens and doubles about 5%, in place, so the bag stays in its sorted order."""
    out = []
    for token in bag.split():
        x = rng.random()
        if x < 0.05:
            continue
        out.append(token)
        if x > 0.95:
            out.append(token)
    return " ".join(out) if out else bag


def resampled(rows, n, rng, tag):
    """n items drawn with replacement from rows, their title and text bags perturbed, under new ids."""
    out = []
    for i in range(n):
        r = dict(rng.choice(rows))
        r["id"] = f"{r['id']}-{tag}{i}"
        r["title"] = perturb(r["title"], rng)
        r["text"] = perturb(r["text"], rng)
        out.append(r)
    return out


def scaled(rows, factor, rng):
    """The corpus itself plus (factor - 1) x its size in resampled, perturbed items."""
    return rows + resampled(rows, (factor - 1) * len(rows), rng, f"x{factor}-")


def fasttext_text(rows):
    return "\n".join(peers.FastText._clean(r["title"] + " " + r["text"]) for r in rows) + "\n"


# -------------------------------------------------------------------------------------------- peers (processes)

class LogReg:
    """TF-IDF (sublinear tf) + one-vs-rest logistic regression (C=10, balanced), at least the top field; set up
    like peers.Sklearn's strengthened LinearSVC so the two differ only in the loss."""
    name = "scikit-learn TF-IDF + logistic regression (C=10, balanced), sublinear tf, at least top field"

    @staticmethod
    def estimator():
        from sklearn.linear_model import LogisticRegression
        return LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000)

    def fields(self, train, test):
        return sklearn_fit_predict_fields(self.estimator, train, test)

    def sources(self, train, test, classes):
        return sklearn_fit_predict_sources(self.estimator, train, test, classes)


def svc():
    from sklearn.svm import LinearSVC
    return LinearSVC(C=0.5, class_weight="balanced", random_state=0)  # as peers.Sklearn


ESTIMATORS = {"svc": svc, "lr": LogReg.estimator}


def sklearn_train(estimator, train):
    """Fits both tasks like peers.Sklearn(strengthened=True); returns everything needed to classify."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import MultiLabelBinarizer
    ftrain = [r for r in train if r["fields"]]
    fvec = TfidfVectorizer(sublinear_tf=True)
    x = fvec.fit_transform([r["doc"] for r in ftrain])
    mlb = MultiLabelBinarizer()
    y = mlb.fit_transform([r["fields"] for r in ftrain])
    fclfs = [estimator().fit(x, y[:, j]) for j in range(len(mlb.classes_))]
    strain = [r for r in train if r["sources"]]
    classes = peers.source_classes(strain)
    docs, labels = [], []
    for r in strain:
        for s in peers.folded(r["sources"], classes):
            docs.append(r["doc"])
            labels.append(s)
    svec = TfidfVectorizer(sublinear_tf=True)
    sclf = estimator().fit(svec.fit_transform(docs), labels)
    return {"fvec": fvec, "fields": list(mlb.classes_), "fclfs": fclfs, "svec": svec, "sclf": sclf}


def sklearn_predict(model, docs):
    xt = model["fvec"].transform(docs)
    scores = np.column_stack([c.decision_function(xt) for c in model["fclfs"]])
    fields = [{model["fields"][j] for j in peers.at_least_top(s, s > 0)} for s in scores]
    sscores = model["sclf"].decision_function(model["svec"].transform(docs))
    classes = model["sclf"].classes_
    ranked = [[classes[j] for j in np.argsort(-s, kind="stable")] for s in sscores]
    return fields, ranked


def sklearn_fit_predict_fields(estimator, train, test):
    model = sklearn_train(estimator, train)
    fields, _ = sklearn_predict(model, [r["doc"] for r in test])
    return fields, model["fields"]


def sklearn_fit_predict_sources(estimator, train, test, classes):
    model = sklearn_train(estimator, train)  # folds rare sources into the same classes as `classes`
    _, ranked = sklearn_predict(model, [r["doc"] for r in test])
    return ranked


def cmd_sklearn_train(args):
    model = sklearn_train(ESTIMATORS[args.estimator], as_peer_rows(read_rows(args.corpus)))
    with open(args.model, "wb") as f:
        pickle.dump(model, f)


def cmd_sklearn_classify(args):
    with open(args.model, "rb") as f:
        model = pickle.load(f)
    rows = read_rows(args.input)
    docs = [r["title"] + " " + r["text"] for r in rows]
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "fields", "sources"])
        for start in range(0, len(docs), 10_000):  # in chunks, as a bulk classifier would
            fields, ranked = sklearn_predict(model, docs[start:start + 10_000])
            for r, f, s in zip(rows[start:start + 10_000], fields, ranked):
                w.writerow([r["id"], ";".join(sorted(f)), ";".join(s[:3])])


def fasttext_train_files(rows, prefix):
    """The two fastText training files (fields, and sources folded into the training items' classes)."""
    pr = as_peer_rows(rows)
    ft = peers.FastText
    fields = [" ".join(ft._label(l) for l in r["fields"]) + " " + ft._clean(r["doc"]) for r in pr if r["fields"]]
    strain = [r for r in pr if r["sources"]]
    classes = peers.source_classes(strain)
    sources = [" ".join(ft._label(s) for s in peers.folded(r["sources"], classes)) + " " + ft._clean(r["doc"])
               for r in strain]
    for task, lines in (("fields", fields), ("sources", sources)):
        with open(f"{prefix}-{task}.txt", "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def fasttext_train(name, rows, prefix, timeout=None):
    fasttext_train_files(rows, prefix)
    runs = []
    for task in ("fields", "sources"):
        runs.append(timed(f"{name}-{task}", ["fasttext", "supervised", "-input", f"{prefix}-{task}.txt",
                                             "-output", f"{prefix}-{task}"] + peers.FastText.ARGS, timeout))
        if not runs[-1]["finished"]:
            break
    return combined(*runs)


# -------------------------------------------------------------------------------------------------- measurement

def holdout_quality(peer, train, test):
    """Like peers.evaluate, on one split: train on `train`, score on `test`, with the peers' metric code."""
    ftrain = [r for r in train if r["fields"]]
    ftest = [r for r in test if r["fields"]]
    pred, labels = peer.fields(ftrain, ftest)
    f = peers.fields_metrics([set(r["fields"]) for r in ftest], pred, set(labels))
    strain = [r for r in train if r["sources"]]
    stest = [r for r in test if r["sources"]]
    classes = peers.source_classes(strain)
    ranked = peer.sources(strain, stest, classes)
    s = peers.sources_metrics([peers.folded(r["sources"], classes) for r in stest], ranked)
    return {"fields_micro_f1": f["micro_f1"], "fields_macro_f1": f["macro_f1"], "source_top1": s["top1"],
            "source_top3": s["top3"], "fields_items": f["items"], "sources_items": s["items"]}


def ours_quality(model, test_csv):
    report = os.path.join(OUT, "report")
    timed("ours-evaluate", CLI + ["evaluate", "--corpus", test_csv, "--model", model, "--report", report])
    with open(os.path.join(report, "report.json")) as f:
        r = json.load(f)
    return {"fields_micro_f1": r["fields"]["micro_f1"], "fields_macro_f1": r["fields"]["macro_f1"],
            "source_top1": r["sources"]["top1"], "source_top3": r["sources"]["top3"],
            "fields_items": r["fields"]["items"], "sources_items": r["sources"]["items"]}


def jmh(model, corpus):
    out = os.path.join(OUT, "jmh.json")
    timed("jmh-classify", ["java", "-jar", BENCH_JAR, "ClassifyBenchmark", "-p", f"model={model}",
                           "-p", f"corpus={corpus}", "-rf", "json", "-rff", out],
          stdout=os.path.join(OUT, "logs", "jmh-classify.out"), repeat=1)  # JMH repeats inside itself
    with open(out) as f:
        results = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(f)}
    return {name: {"docs_per_s": r["score"], "error": r["scoreError"]} for name, r in results.items()}


def main_run(args):
    global REPEAT
    REPEAT = args.repeat
    sizes = args.classify_sizes
    os.makedirs(os.path.join(OUT, "logs"), exist_ok=True)
    data = os.path.join(OUT, "data")
    models = os.path.join(OUT, "models")
    os.makedirs(data, exist_ok=True)
    os.makedirs(models, exist_ok=True)
    started = time.monotonic()
    res = {"seed": SEED, "test_fraction": TEST_FRACTION, "corpus": args.corpus, "quality": {}, "train": {},
           "classify": {}, "model_bytes": {}, "scale": {},
           "classify_sizes": list(sizes), "repeat": REPEAT}

    # The split: Java writes both CSVs, so their labels are normalised exactly as osce-classify reads them.
    train_csv, test_csv = os.path.join(data, "train.csv"), os.path.join(data, "test.csv")
    subprocess.run(["java", "-cp", BENCH_JAR, "org.osceclassify.classifier.bench.SplitCorpus", args.corpus,
                    train_csv, test_csv, str(TEST_FRACTION), str(SEED)], check=True, stderr=subprocess.DEVNULL)
    train_rows, test_rows = read_rows(train_csv), read_rows(test_csv)
    header = list(csv.DictReader(open(train_csv, encoding="utf-8")).fieldnames)
    all_rows = train_rows + test_rows
    rng = random.Random(SEED)
    inputs = {}
    big = resampled(all_rows, max(sizes), rng, "c")
    for n in sizes:
        inputs[n] = os.path.join(data, f"classify-{n}.csv")
        write_rows(inputs[n], big[:n], header)
        with open(inputs[n][:-4] + ".txt", "w", encoding="utf-8") as f:
            f.write(fasttext_text(big[:n]))
    res["train_items"] = len(train_rows)
    log(f"split {len(train_rows)} / {len(test_rows)} items; classify inputs of {sizes} documents")

    # Training on the split's training part: ours, scikit-learn (both), fastText.
    ours_model = os.path.join(models, "ours.osce")
    res["train"]["ours"] = timed("ours-train", CLI + ["train", "--profile", "fast", "--corpus", train_csv,
                                                       "--model", ours_model, "--no-evaluate"])
    res["model_bytes"]["ours"] = os.path.getsize(ours_model)
    for est in ("svc", "lr"):
        pkl = os.path.join(models, f"sklearn-{est}.pkl")
        res["train"][f"sklearn-{est}"] = timed(f"sklearn-{est}-train", [sys.executable, __file__, "sklearn-train",
                                                                         est, train_csv, pkl])
        res["model_bytes"][f"sklearn-{est}"] = os.path.getsize(pkl)
    ft = os.path.join(models, "fasttext")
    res["train"]["fasttext"] = fasttext_train("fasttext-train", train_rows, ft)
    res["model_bytes"]["fasttext"] = sum(os.path.getsize(f"{ft}-{t}.bin") for t in ("fields", "sources"))

    # Quality on the test part.
    res["quality"]["ours"] = ours_quality(ours_model, test_csv)
    ptrain, ptest = as_peer_rows(train_rows), as_peer_rows(test_rows)
    for key, peer in (("sklearn-svc", peers.Sklearn(True)), ("sklearn-svc-plain", peers.Sklearn(False)),
                      ("sklearn-lr", LogReg()), ("fasttext", peers.FastText())):
        res["quality"][key] = dict(holdout_quality(peer, ptrain, ptest), name=peer.name)
        log(f"quality {key}: {res['quality'][key]}")

    # Classification throughput and memory.
    for n in sizes:
        res["classify"].setdefault("ours", {})[n] = timed(
            f"ours-classify-{n}", CLI + ["classify", "--model", ours_model, "--format", "csv", "--output",
                                         os.path.join(data, f"ours-out-{n}.csv"), inputs[n]])
    n = max(sizes)
    for est in ("svc", "lr"):
        res["classify"][f"sklearn-{est}"] = {n: timed(
            f"sklearn-{est}-classify-{n}", [sys.executable, __file__, "sklearn-classify",
                                            os.path.join(models, f"sklearn-{est}.pkl"), inputs[n],
                                            os.path.join(data, f"sklearn-{est}-out-{n}.csv")])}
    txt = inputs[n][:-4] + ".txt"
    res["classify"]["fasttext"] = {n: combined(
        timed(f"fasttext-classify-fields-{n}", ["fasttext", "predict-prob", f"{ft}-fields.bin", txt, "-1",
                                                 str(FASTTEXT_FIELDS_THRESHOLD)],
              stdout=os.path.join(data, f"fasttext-fields-out-{n}.txt")),
        timed(f"fasttext-classify-sources-{n}", ["fasttext", "predict-prob", f"{ft}-sources.bin", txt, "3"],
              stdout=os.path.join(data, f"fasttext-sources-out-{n}.txt")))}
    res["jmh"] = jmh(ours_model, test_csv)

    # Scale: the whole corpus at 1x, 10x, 100x. A tool's run is stopped after --timeout seconds; a larger scale is
    # not run when the last one was stopped, or would take over 4 x --timeout going by the last one (hopeless).
    rng = random.Random(SEED + 1)
    trainers = {
        "ours": lambda f, path, rows: timed(f"ours-train-x{f}", CLI + [
            "train", "--profile", "fast", "--corpus", path, "--model", os.path.join(models, f"ours-x{f}.osce"),
            "--no-evaluate"],
            args.timeout),
        "sklearn-svc": lambda f, path, rows: timed(f"sklearn-svc-train-x{f}", [
            sys.executable, __file__, "sklearn-train", "svc", path, os.path.join(models, f"svc-x{f}.pkl")],
            args.timeout),
        "fasttext": lambda f, path, rows: fasttext_train(f"fasttext-train-x{f}", rows,
                                                         os.path.join(models, f"ft-x{f}"), args.timeout),
    }
    last = {}
    for factor in args.scales:
        rows = scaled(all_rows, factor, rng)
        path = os.path.join(data, f"scale-{factor}.csv")
        write_rows(path, rows, header)
        entry = res["scale"][factor] = {"items": len(rows)}
        log(f"scale {factor}x: {len(rows)} items")
        for tool, train in trainers.items():
            prev = last.get(tool)
            if prev and (not prev[1]["finished"]
                         or prev[1]["wall_s"] * len(rows) / prev[0] > 4 * args.timeout):
                entry[tool] = {"finished": False, "skipped": True}
            else:
                entry[tool] = train(factor, path, rows)
                last[tool] = (len(rows), entry[tool])
    res["script_s"] = time.monotonic() - started
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(res, f, indent=2)
    print(markdown(res, args.timeout))


# ---------------------------------------------------------------------------------------------------- reporting

def markdown(res, timeout):
    q, tr, cl, size = res["quality"], res["train"], res["classify"], res["model_bytes"]
    n = max(res["classify_sizes"])
    tput = {k: n / v[n]["wall_s"] for k, v in cl.items()}
    best = {m: max(q[k][m] for k in q if k != "ours") for m in ("fields_micro_f1", "source_top1")}
    lines = [f"Holdout split: {q['ours']['fields_items']} test items with fields, {q['ours']['sources_items']} "
             f"with sources (seed {res['seed']}, {res['test_fraction']:.0%} of {res['corpus']}). Wall times are "
             "whole processes (start-up included)"
             + (f", each the median of {res['repeat']} runs" if res.get("repeat", 1) > 1 else "")
             + "; throughput is classifying "
             f"{n:,} documents from a file.", "",
             "| | osce-classify (default) | sklearn TF-IDF+LinearSVC | sklearn TF-IDF+LogReg | fastText (ova) "
             "| target: ours vs best peer |",
             "|---|---|---|---|---|---|"]

    def row(label, values, target=""):
        lines.append(f"| {label} | " + " | ".join(values) + f" | {target} |")

    keys = ("ours", "sklearn-svc", "sklearn-lr", "fasttext")

    def met(m, label):
        target = ""
        if m in best:
            target = f"{q['ours'][m] / best[m]:.3f}× best peer: {'met' if q['ours'][m] >= best[m] else 'MISSED'}"
        row(label, [f"{q[k][m]:.3f}" for k in keys], target)

    met("fields_micro_f1", "fields micro-F1")
    met("fields_macro_f1", "fields macro-F1")
    met("source_top1", "source top-1")
    met("source_top3", "source top-3")
    ratio = tr["ours"]["wall_s"] / tr["sklearn-svc"]["wall_s"]
    row(f"training wall time, the split's {res.get('train_items', '')} training items (s)",
        [f"{tr[k]['wall_s']:.1f}" for k in keys],
        f"{ratio:.1f}× LinearSVC's: {'met' if ratio <= 1 else 'MISSED'}")
    row("training peak RSS (MiB)", [f"{tr[k]['rss_mb']:.0f}" for k in keys])
    ratio = tput["ours"] / tput["fasttext"]
    row(f"classify throughput, {n:,} docs (docs/s)", [f"{tput[k]:,.0f}" for k in keys],
        f"{ratio:.2f}× fastText's: {'met' if ratio >= 1 else 'MISSED'}")
    for name, what in (("scores", "labels and scores"), ("classify", "with explanations")):
        j = res["jmh"][name]
        row(f"in-process classify, JMH, 1 thread, {what} (docs/s)",
            [f"{j['docs_per_s']:,.0f} ± {j['error']:,.0f}", "–", "–", "–"],
            f"{j['docs_per_s'] / tput['fasttext']:.2f}× fastText's CLI throughput")
    row(f"classify peak RSS, {n:,} docs (MiB)", [f"{cl[k][n]['rss_mb']:.0f}" for k in keys])
    rss = [cl["ours"][m]["rss_mb"] for m in res["classify_sizes"]]
    # Flat: ten times the input (the two largest sizes) costs at most a quarter more memory. The smallest run is
    # shown but not judged: it can end before the JVM's young generation has been used through once.
    growth = rss[-1] / rss[-2] if len(rss) > 1 else 1.0
    row("classify peak RSS at " + " / ".join(f"{m:,}" for m in res["classify_sizes"]) + " docs (MiB)",
        [" / ".join(f"{r:.0f}" for r in rss), "", "", ""],
        f"{growth:.2f}× for the last tenfold input: {'flat, met' if growth <= 1.25 else 'GROWS, MISSED'}")
    row("model size on disk (MB)", [f"{size[k] / 1e6:.1f}" for k in keys])
    scale = res["scale"]
    for factor, entry in scale.items():
        cells = []
        for k in ("ours", "sklearn-svc", None, "fasttext"):
            if k is None:
                cells.append("–")
                continue
            r = entry[k]
            if r["finished"]:
                cells.append(f"{r['wall_s']:.1f} s, {r['rss_mb']:.0f} MiB")
            else:
                cells.append(("not run" if r.get("skipped") else f"stopped after {timeout} s") + "; "
                             + extrapolate(scale, factor, k))
        ratio = ""
        if entry["ours"]["finished"] and entry["sklearn-svc"]["finished"]:
            x = entry["ours"]["wall_s"] / entry["sklearn-svc"]["wall_s"]
            ratio = f"{x:.1f}× LinearSVC's time: {'met' if x <= 1 else 'MISSED'}"
        row(f"training at {factor}× ({entry['items']:,} items): wall, peak RSS", cells, ratio)
    loads = [r["load"] for r in list(tr.values()) + [v for c in cl.values() for v in c.values()]]
    lines.append("")
    lines.append(f"Load average (1 min) at the start of the timed runs: {min(loads):.1f} to {max(loads):.1f} on "
                 f"{os.cpu_count()} cores.")
    lines.append("")
    lines.append(f"Script run time: {res['script_s'] / 60:.1f} min.")
    return "\n".join(lines)


def extrapolate(scale, factor, tool):
    """A linear extrapolation of the time from the largest scale the tool finished, labelled as such."""
    done = [f for f, e in scale.items() if e[tool]["finished"]]
    if not done:
        return "no scale finished"
    base = max(done, key=lambda f: scale[f]["items"])
    b = scale[base][tool]
    k = scale[factor]["items"] / scale[base]["items"]
    return f"time EXTRAPOLATED linearly from {base}×: ≈ {b['wall_s'] * k / 60:.0f} min (not measured)"


def cmd_report(args):
    """Prints the table again from bench/out/results.json."""
    with open(os.path.join(OUT, "results.json")) as f:
        res = json.load(f)
    res["classify"] = {k: {int(n): r for n, r in v.items()} for k, v in res["classify"].items()}
    res["scale"] = {int(k): v for k, v in res["scale"].items()}
    print(markdown(res, args.timeout))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command")
    run = sub.add_parser("run", help="the whole benchmark (the default)")
    run.add_argument("--corpus", default=os.path.join(ROOT, "seeds", "osce-items.csv"))
    run.add_argument("--scales", type=lambda s: [int(x) for x in s.split(",")], default=[1, 10, 100])
    run.add_argument("--classify-sizes", type=lambda s: tuple(int(x) for x in s.split(",")),
                     default=CLASSIFY_SIZES, help="documents to classify; the largest is the throughput run")
    run.add_argument("--timeout", type=int, default=600, help="seconds one scaled training run may take")
    run.add_argument("--repeat", type=int, default=1,
                     help="runs of each timed command (not JMH); the median wall time is reported")
    rep = sub.add_parser("report", help="print the table again from bench/out/results.json")
    rep.add_argument("--timeout", type=int, default=600)
    t = sub.add_parser("sklearn-train")
    t.add_argument("estimator", choices=sorted(ESTIMATORS))
    t.add_argument("corpus")
    t.add_argument("model")
    c = sub.add_parser("sklearn-classify")
    c.add_argument("model")
    c.add_argument("input")
    c.add_argument("output")
    args = p.parse_args(sys.argv[1:] or ["run"])
    {"run": main_run, "report": cmd_report, "sklearn-train": cmd_sklearn_train, "sklearn-classify": cmd_sklearn_classify}[args.command](args)


if __name__ == "__main__":
    main()
