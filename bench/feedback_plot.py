"""Plots bench/feedback-sim.sh's rounds (fields micro- and macro-F1 against corrections, review queue beside the
mean of the random-picking runs) as an SVG, and prints how many corrections the queue needs to reach random
picking's final F1. Usage: feedback_plot.py rounds.csv out.svg"""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

matplotlib.rcParams["svg.hashsalt"] = "osce-classify"  # the same SVG for the same figures


def load(path):
    runs = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            runs[row["strategy"]].append((int(row["corrections"]), float(row["micro_f1"]), float(row["macro_f1"])))
    return runs


def mean_random(runs):
    randoms = [r for name, r in runs.items() if name.startswith("random")]
    return [(randoms[0][i][0], sum(r[i][1] for r in randoms) / len(randoms),
             sum(r[i][2] for r in randoms) / len(randoms)) for i in range(len(randoms[0]))], len(randoms)


def needed(curve, target, column):
    """The corrections at which the curve first reaches target, linearly interpolated; None if never."""
    for (x0, *y0), (x1, *y1) in zip(curve, curve[1:]):
        a, b = y0[column], y1[column]
        if a >= target:
            return x0
        if b >= target:
            return x0 + (x1 - x0) * (target - a) / (b - a)
    return curve[0][0] if curve[0][1 + column] >= target else None


def main():
    runs = load(sys.argv[1])
    queue = runs["queue"]
    fields_queue = runs.get("queue-fields")
    random, n = mean_random(runs)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for ax, column, title in ((axes[0], 1, "fields micro-F1"), (axes[1], 2, "fields macro-F1")):
        ax.plot([p[0] for p in queue], [p[column] for p in queue], "o-", label="review queue (both tasks)")
        if fields_queue:
            ax.plot([p[0] for p in fields_queue], [p[column] for p in fields_queue], "^-",
                    label="review queue (--by fields)")
        ax.plot([p[0] for p in random], [p[column] for p in random], "s--", label=f"random picking (mean of {n})")
        ax.set_xlabel("corrections")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle("Feedback loop on the bundled corpus: fields of 30% of items hidden, 50 corrections a round")
    fig.tight_layout()
    fig.savefig(sys.argv[2], metadata={"Date": None})
    queues = [("queue", queue)] + ([("queue --by fields", fields_queue)] if fields_queue else [])
    for column, name in ((0, "micro-F1"), (1, "macro-F1")):
        final = random[-1][1 + column]
        for label, curve in queues:
            at = needed(curve, final, column)
            text = "never" if at is None else f"{at:.0f} corrections ({random[-1][0] - at:.0f} fewer)"
            print(f"{name}: random picking ends at {final:.3f} after {random[-1][0]} corrections; "
                  f"the {label} reaches it at {text}; it ends at {curve[-1][1 + column]:.3f}")
    fq = fields_queue or queue
    print("| corrections | queue micro-F1 | queue --by fields micro-F1 | random micro-F1 | queue macro-F1 "
          "| queue --by fields macro-F1 | random macro-F1 |")
    print("|---|---|---|---|---|---|---|")
    for q, f, r in zip(queue, fq, random):
        print(f"| {q[0]} | {q[1]:.3f} | {f[1]:.3f} | {r[1]:.3f} | {q[2]:.3f} | {f[2]:.3f} | {r[2]:.3f} |")


if __name__ == "__main__":
    main()
