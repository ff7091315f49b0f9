#!/usr/bin/python3
"""The Python half of bench/serve.sh, the load test of `osce-classify serve`: prepares the request bodies and
fastText's files from the corpus, measures fastText on the same documents, and turns the runs' figures into
bench/out/serve.json and one Markdown table. Run through bench/serve.sh, with Debian's python (/usr/bin/python3).

  serve.py prepare  --corpus C --work DIR --docs N --batch B --ft-repeat R
  serve.py fasttext --work DIR
  serve.py report   --work DIR --json OUT
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import peers  # noqa: E402  (bench/peers.py: fastText's settings and its way of writing text and labels)

SEED = 42
FASTTEXT_FIELDS_THRESHOLD = 0.3  # as bench/bench.py and peers.FastText


def log(msg):
    print(f"[serve.py {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


# -------------------------------------------------------------------------------------------------------- prepare

def cmd_prepare(args):
    """The same N documents in three forms: single-document bodies, batch bodies of B documents, fastText lines."""
    with open(args.corpus, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["text"].strip()]
    docs = random.Random(SEED).sample(rows, min(args.docs, len(rows)))
    single = [json.dumps({"id": r["id"], "title": r["title"], "body": r["text"]}, ensure_ascii=False) for r in docs]
    write_lines(os.path.join(args.work, "single.jsonl"), single)
    batches = ["[" + ",".join(single[i:i + args.batch]) + "]" for i in range(0, len(single), args.batch)
               if len(single[i:i + args.batch]) == args.batch]
    write_lines(os.path.join(args.work, "batch.jsonl"), batches)

    # fastText: trained as bench/bench.py trains it (fields; sources folded into the classes with >= 5 items), on
    # the whole corpus, and timed on the same N documents repeated, so that its run is long enough to time.
    ft = peers.FastText
    items = [{"doc": r["title"] + " " + r["text"], "fields": [x for x in r["fields"].split(";") if x],
              "sources": [x for x in r["sources"].split(";") if x]} for r in rows]
    write_lines(os.path.join(args.work, "ft-train-fields.txt"),
                [" ".join(ft._label(l) for l in r["fields"]) + " " + ft._clean(r["doc"])
                 for r in items if r["fields"]])
    strain = [r for r in items if r["sources"]]
    classes = peers.source_classes(strain)
    write_lines(os.path.join(args.work, "ft-train-sources.txt"),
                [" ".join(ft._label(s) for s in peers.folded(r["sources"], classes)) + " " + ft._clean(r["doc"])
                 for r in strain])
    lines = [ft._clean(r["title"] + " " + r["text"]) for r in docs]
    write_lines(os.path.join(args.work, "ft-docs.txt"), lines * args.ft_repeat)
    meta = {"corpus": args.corpus, "corpus_items": len(rows), "docs": len(docs), "batch_size": args.batch,
            "batches": len(batches), "fasttext_lines": len(lines) * args.ft_repeat,
            "single_body_bytes_mean": sum(len(s.encode()) for s in single) / len(single),
            "batch_body_bytes_mean": sum(len(b.encode()) for b in batches) / len(batches)}
    with open(os.path.join(args.work, "data.json"), "w") as f:
        json.dump(meta, f, indent=2)
    log(f"{len(docs)} documents; {len(batches)} batch bodies of {args.batch}; fastText input of "
        f"{meta['fasttext_lines']:,} lines")


# ------------------------------------------------------------------------------------------------------- fastText

def run_timed(cmd, stdout_path):
    with open(stdout_path, "w") as out:
        start = time.monotonic()
        subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL, check=True, timeout=600)
        return time.monotonic() - start


def cmd_fasttext(args):
    """Trains fastText's two models (bench.py's settings) and times predict-prob on the prepared documents."""
    w = args.work
    res = {"args": peers.FastText.ARGS, "train_s": {}, "predict_s": {}}
    for task in ("fields", "sources"):
        res["train_s"][task] = run_timed(["fasttext", "supervised", "-input", os.path.join(w, f"ft-train-{task}.txt"),
                                          "-output", os.path.join(w, f"ft-{task}")] + peers.FastText.ARGS,
                                         os.devnull)
    docs = os.path.join(w, "ft-docs.txt")
    with open(docs, encoding="utf-8") as f:
        n = sum(1 for _ in f)
    res["lines"] = n
    res["load_start"] = os.getloadavg()[0]
    res["predict_s"]["fields"] = run_timed(["fasttext", "predict-prob", os.path.join(w, "ft-fields.bin"), docs, "-1",
                                            str(FASTTEXT_FIELDS_THRESHOLD)], os.path.join(w, "ft-out-fields.txt"))
    res["predict_s"]["sources"] = run_timed(["fasttext", "predict-prob", os.path.join(w, "ft-sources.bin"), docs,
                                             "3"], os.path.join(w, "ft-out-sources.txt"))
    total = sum(res["predict_s"].values())
    res["docs_per_s"] = n / total
    with open(os.path.join(w, "fasttext.json"), "w") as f:
        json.dump(res, f, indent=2)
    log(f"fastText: {n:,} documents, fields {res['predict_s']['fields']:.2f} s + sources "
        f"{res['predict_s']['sources']:.2f} s = {res['docs_per_s']:,.0f} docs/s")


# --------------------------------------------------------------------------------------------------------- report

RUN_ORDER = ["single-16", "single-64", "batch-16", "batch-64", "single-16-reloads"]


def load_run(work, name):
    with open(os.path.join(work, "runs", name + ".meta.json")) as f:
        meta = json.load(f)
    with open(os.path.join(work, "runs", name + ".wrk.json")) as f:
        meta["wrk"] = json.load(f)
    w = meta["wrk"]
    seconds = w["duration_us"] / 1e6
    meta["requests_per_s"] = w["requests"] / seconds
    meta["docs_per_s"] = meta["requests_per_s"] * meta["docs_per_request"]
    meta["server_cores"] = meta["server_cpu_s"] / seconds  # the server's CPU time over the run's wall time
    meta["docs_per_server_cpu_s"] = w["requests"] * meta["docs_per_request"] / meta["server_cpu_s"]
    e = w["errors"]
    meta["errors"] = e["connect"] + e["read"] + e["write"] + e["timeout"] + e["non_2xx"]
    return meta


def read_reloads(work):
    path = os.path.join(work, "runs", "reloads.tsv")
    out = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                i, at, status, seconds = line.split()
                out.append({"reload": int(i), "at_s": float(at), "status": int(status), "seconds": float(seconds)})
    return out


def ms(us):
    return f"{us / 1000:.1f}"


def cmd_report(args):
    w = args.work
    with open(os.path.join(w, "server.json")) as f:
        server = json.load(f)
    with open(os.path.join(w, "data.json")) as f:
        data = json.load(f)
    with open(os.path.join(w, "fasttext.json")) as f:
        ft = json.load(f)
    runs = {name: load_run(w, name) for name in RUN_ORDER if os.path.exists(os.path.join(w, "runs", name + ".wrk.json"))}
    reloads = read_reloads(w)
    ft_rate = ft["docs_per_s"]
    res = {"server": server, "data": data, "fasttext": ft, "runs": runs, "reloads": reloads}

    mib = lambda kb: f"{kb / 1024:.0f}"  # noqa: E731
    lines = [f"| run (wrk, 2 threads, {server['duration_s']} s each) | docs/s | requests/s | p50 ms | p99 ms | max ms | errors "
             "| server RSS start → end (MiB) | server CPU (cores) | vs target |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    labels = {"single-16": "single documents, 16 connections", "single-64": "single documents, 64 connections",
              "batch-16": "batches of 100, 16 connections", "batch-64": "batches of 100, 64 connections",
              "single-16-reloads": "single documents, 16 connections, 10 reloads"}
    verdicts = {}
    for name, r in runs.items():
        lat = r["wrk"]["latency_us"]
        target = ""
        if name.startswith("single-16"):
            ok = lat["p99"] <= 10_000
            verdicts[name] = ok
            target = f"p99 ≤ 10 ms: {'met' if ok else 'MISSED'}"
        elif name.startswith("batch"):
            ratio = r["docs_per_s"] / ft_rate
            verdicts[name] = ratio >= 1
            target = f"{ratio:.2f}× fastText's docs/s: {'met' if ratio >= 1 else 'MISSED'}"
        lines.append(f"| {labels[name]} | {r['docs_per_s']:,.0f} | {r['requests_per_s']:,.0f} | {ms(lat['p50'])} | "
                     f"{ms(lat['p99'])} | {ms(lat['max'])} | {r['errors']} | {mib(r['rss_start_kb'])} → "
                     f"{mib(r['rss_end_kb'])} | {r['server_cores']:.2f} | {target} |")
    lines.append(f"| fastText `predict-prob`, fields then sources model, 1 thread, {ft['lines']:,} documents "
                 f"({data['docs']} repeated) | {ft_rate:,.0f} | – | – | – | – | – | – | 1 thread | |")
    ok = sum(1 for r in reloads if r["status"] == 200)
    took = sorted(r["seconds"] for r in reloads)
    lines.append("")
    lines.append(f"{data['docs']} documents of {os.path.relpath(data['corpus'], os.path.dirname(BENCH))} ({data['corpus_items']} items with text), "
                 f"sent round robin as `{{\"id\", \"title\", \"body\"}}` (mean body {data['single_body_bytes_mean']:,.0f} "
                 f"bytes) and as {data['batches']} batch bodies of {data['batch_size']}; server and wrk share the "
                 f"machine's {os.cpu_count()} cores. Reloads during the last run: {ok} of {len(reloads)} answered 200"
                 + (f", each in {took[0]:.2f}–{took[-1]:.2f} s" if took else "") + ". Server RSS: "
                 f"{mib(server['rss_ready_kb'])} MiB when ready, {mib(server['rss_warm_kb'])} MiB after the warm-up, "
                 f"{mib(server['rss_final_kb'])} MiB at the end; it stopped with exit status {server['exit_status']}. "
                 f"Load average (1 min) before the script started anything: {server['load_at_start']:.1f}.")
    res["verdicts"] = verdicts
    res["reloads_ok"] = ok
    with open(args.json, "w") as f:
        json.dump(res, f, indent=2)
    print("\n".join(lines))
    errors = sum(r["errors"] for r in runs.values())
    if errors or ok != len(reloads) or len(runs) != len(RUN_ORDER):
        log(f"FAILED: {errors} errors, {ok} of {len(reloads)} reloads answered 200, {len(runs)} of "
            f"{len(RUN_ORDER)} runs")
        sys.exit(1)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare")
    prep.add_argument("--corpus", required=True)
    prep.add_argument("--work", required=True)
    prep.add_argument("--docs", type=int, default=1000)
    prep.add_argument("--batch", type=int, default=100)
    prep.add_argument("--ft-repeat", type=int, default=100)
    ft = sub.add_parser("fasttext")
    ft.add_argument("--work", required=True)
    rep = sub.add_parser("report")
    rep.add_argument("--work", required=True)
    rep.add_argument("--json", required=True)
    args = p.parse_args()
    {"prepare": cmd_prepare, "fasttext": cmd_fasttext, "report": cmd_report}[args.command](args)


if __name__ == "__main__":
    main()
