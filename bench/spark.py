#!/usr/bin/python3
"""Helpers of bench/spark.sh: a resampled corpus, the check that two classified outputs agree, and the table.

  spark.py resample CORPUS N SEED OUT.csv        N rows drawn with replacement (seeded), ids made unique
  spark.py compare CLASSIFY.csv SPARK_FOLDER     the same rows, cell for cell, whatever the order
  spark.py table N CLASSIFY_TIME SPARK_TIME      the Markdown table from two `/usr/bin/time -v` logs
"""
import csv
import glob
import os
import random
import re
import sys

csv.field_size_limit(1 << 30)


def resample(corpus, n, seed, out):
    with open(corpus, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = list(reader)
    rng = random.Random(seed)
    tmp = out + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for i in range(n):
            row = dict(rng.choice(rows))
            row["id"] = f"{row['id']}-{i}"
            writer.writerow(row)
    os.replace(tmp, out)


def compare(classified, folder):
    spark = {}
    for part in sorted(glob.glob(os.path.join(folder, "part-*"))):
        with open(part, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            next(reader)
            for row in reader:
                spark[row[0]] = row
    same = 0
    with open(classified, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            if spark.pop(row[0], None) != row:
                sys.exit(f"bench: {row[0]}: the Spark job's row differs from classify's")
            same += 1
    if spark:
        sys.exit(f"bench: {len(spark)} rows only in the Spark job's output")
    print(f"bench: the outputs agree on all {same} rows", file=sys.stderr)


def measures(log):
    text = open(log, encoding="utf-8").read()

    def field(name):
        return re.search(re.escape(name) + r": (.*)", text).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return seconds, cpu, int(field("Maximum resident set size (kbytes)")) / 1024


def table(n, classify_log, spark_log):
    n = int(n)
    c_wall, c_cpu, c_rss = measures(classify_log)
    s_wall, s_cpu, s_rss = measures(spark_log)
    print("| run (2 cores) | wall s | docs/s | CPU s | docs per CPU-second | peak RSS MiB |")
    print("|---|---|---|---|---|---|")
    print(f"| `osce-classify classify --format csv` | {c_wall:.1f} | {n / c_wall:,.0f} | {c_cpu:.1f} "
          f"| {n / c_cpu:,.0f} | {c_rss:,.0f} |")
    print(f"| `spark/run-local.sh` (`local[2]`) | {s_wall:.1f} | {n / s_wall:,.0f} | {s_cpu:.1f} "
          f"| {n / s_cpu:,.0f} | {s_rss:,.0f} |")
    print(f"| Spark vs classify | {s_wall / c_wall:.2f}x | {c_wall / s_wall:.2f}x | {s_cpu / c_cpu:.2f}x "
          f"| {c_cpu / s_cpu:.2f}x | {s_rss / c_rss:.2f}x |")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "resample":
        resample(args[0], int(args[1]), int(args[2]), args[3])
    elif command == "compare":
        compare(*args)
    elif command == "table":
        table(*args)
    else:
        sys.exit(__doc__)
