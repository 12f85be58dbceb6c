#!/usr/bin/env python3
"""Helpers for bench/serve-load (python3, standard library only).

  clinc.py prepare DATASET.json OUTDIR [--questions N] [--seed S]
      examples.csv (train: the in-scope examples, text,label), queries.csv (val + oos_val, text,label),
      bodies.txt (one distinct question per line as a /v1/gate JSON body, shuffled),
      questions.csv (the same questions, one column 'text', for 'embex embed'),
      warmup.txt (bodies of the same questions with their words reversed, asked nowhere else).
  clinc.py metrics BEFORE AFTER
      What changed on the server between two GET /metrics texts, as shell assignments.
  clinc.py wrk WRK_OUTPUT
      The figures of one wrk run (the Lua done() line), as shell assignments.
  clinc.py soak GC.txt RSS.txt
      First, last, max and growth of the heap (jstat -gc -t samples) and of RSS ('seconds kB'
      lines), as shell assignments.
"""
import csv
import json
import os
import random
import re
import shlex
import sys


def prepare(dataset, outdir, limit=None, seed=16):
    with open(dataset, encoding="utf-8") as f:
        data = json.load(f)
    for split in ("train", "val", "oos_train", "oos_val"):
        if split not in data:
            sys.exit(f"serve-load: {dataset} has no '{split}' split")
    os.makedirs(outdir, exist_ok=True)

    def write(name, rows):
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(["text", "label"])
            out.writerows(rows)

    # The gate's references are in-scope examples only: out-of-scope ones would become an intent it accepts.
    write("examples.csv", [(t, i) for t, i in data["train"]])
    write("queries.csv", [(t, i) for t, i in data["val"]] + [(t, "oos") for t, _ in data["oos_val"]])

    # Every distinct question of the four splits, in a fixed shuffled order.
    seen, questions = set(), []
    for split in ("val", "oos_val", "train", "oos_train"):
        for text, _ in data[split]:
            text = " ".join(text.split())
            if text and text not in seen:
                seen.add(text)
                questions.append(text)
    random.Random(seed).shuffle(questions)
    if limit:
        questions = questions[:limit]
    with open(os.path.join(outdir, "bodies.txt"), "w", encoding="utf-8") as f:
        for text in questions:
            f.write(json.dumps({"input": text}, ensure_ascii=True) + "\n")
    with open(os.path.join(outdir, "questions.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["text"])
        out.writerows([q] for q in questions)
    # Warm-up questions: real words and lengths, but texts no measured run asks (the query cache stays cold).
    with open(os.path.join(outdir, "warmup.txt"), "w", encoding="utf-8") as f:
        for text in questions:
            turned = " ".join(reversed(text.split()))
            if turned not in seen:
                f.write(json.dumps({"input": turned}, ensure_ascii=True) + "\n")
    print(len(questions))


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$')


def parse_metrics(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            m = SAMPLE.match(line)
            if m:
                values[(m.group(1), m.group(2) or "")] = float(m.group(3))
    return values


def metrics(before_path, after_path):
    before, after = parse_metrics(before_path), parse_metrics(after_path)

    def delta(name, labels=""):
        return after.get((name, labels), 0.0) - before.get((name, labels), 0.0)

    runs = delta("embex_batch_texts_count")
    texts = delta("embex_batch_texts_sum")
    ok = sum(v - before.get(k, 0.0) for k, v in after.items()
             if k[0] == "embex_requests_total" and 'route="/v1/gate"' in k[1] and 'status="200"' in k[1])
    bad = sum(v - before.get(k, 0.0) for k, v in after.items()
              if k[0] == "embex_requests_total" and 'route="/v1/gate"' in k[1] and 'status="200"' not in k[1])
    lat = 'route="/v1/gate",'
    count = delta("embex_request_seconds_count", '{route="/v1/gate"}')
    le10 = delta("embex_request_seconds_bucket", '{' + lat + 'le="0.01"}')
    le50 = delta("embex_request_seconds_bucket", '{' + lat + 'le="0.05"}')
    # The batch-size histogram's buckets, as "le:count" of this run (not cumulative).
    buckets, previous = [], 0.0
    for bound in ("1", "2", "4", "8", "16", "32", "64", "128", "256", "+Inf"):
        cumulative = delta("embex_batch_texts_bucket", '{le="%s"}' % bound)
        if cumulative - previous > 0:
            buckets.append("%s:%d" % (bound, cumulative - previous))
        previous = cumulative
    out = {
        "m_runs": "%d" % runs,
        "m_texts": "%d" % texts,
        "m_mean_batch": "%.2f" % (texts / runs) if runs else "-",
        "m_batches": " ".join(buckets) or "-",
        "m_hits": "%d" % delta("embex_query_cache_hits_total"),
        "m_misses": "%d" % delta("embex_query_cache_misses_total"),
        "m_gate_ok": "%d" % ok,
        "m_gate_bad": "%d" % bad,
        "m_server_le10": "%.1f" % (100.0 * le10 / count) if count else "-",
        "m_server_le50": "%.1f" % (100.0 * le50 / count) if count else "-",
        "m_server_mean_ms": "%.2f" % (1000.0 * delta("embex_request_seconds_sum", '{route="/v1/gate"}') / count) if count else "-",
    }
    for k, v in out.items():
        print("%s=%s" % (k, shlex.quote(v)))


def wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"^SERVE-LOAD (.*)$", text, re.M)
    if not m:
        sys.exit("serve-load: no figures in the wrk output %s" % path)
    for pair in m.group(1).split():
        k, v = pair.split("=", 1)
        print("w_%s=%s" % (k, shlex.quote(v)))


def soak(gc_path, rss_path):
    """jstat -gc -t lines (a header, then samples) and 'seconds rss_kb' lines."""
    heap, old = [], []
    header = None
    with open(gc_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "Timestamp":
                header = {name: i for i, name in enumerate(parts)}
                continue
            if header is None or len(parts) != len(header):
                continue
            try:
                used = [float(parts[header[c]]) for c in ("S0U", "S1U", "EU", "OU")]
            except ValueError:
                continue
            heap.append(sum(used) / 1024)
            old.append(used[3] / 1024)
    rss = []
    with open(rss_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                rss.append(float(parts[1]) / 1024)
    if not heap or not rss:
        sys.exit("serve-load: no soak samples in %s or %s" % (gc_path, rss_path))
    out = {"s_heap_samples": str(len(heap)), "s_rss_samples": str(len(rss))}
    for values, name in ((heap, "heap"), (old, "old"), (rss, "rss")):
        quarter = max(1, len(values) // 4)
        early = sum(values[:quarter]) / quarter
        late = sum(values[-quarter:]) / quarter
        change = (late - early) / early * 100 if early else 0.0
        out["s_%s_first" % name] = "%.1f" % values[0]
        out["s_%s_last" % name] = "%.1f" % values[-1]
        out["s_%s_max" % name] = "%.1f" % max(values)
        out["s_%s_change" % name] = "%+.1f" % change
        # Grew: the mean of the last quarter of the samples above that of the first quarter by more than 10%.
        out["s_%s_grew" % name] = "yes" if change > 10 else "no"
    for k, v in out.items():
        print("%s=%s" % (k, shlex.quote(v)))


def main(argv):
    if len(argv) >= 3 and argv[0] == "prepare":
        limit, seed, rest = None, 16, argv[3:]
        while rest:
            if rest[0] == "--questions":
                limit = int(rest[1])
            elif rest[0] == "--seed":
                seed = int(rest[1])
            else:
                sys.exit("clinc.py: unknown option " + rest[0])
            rest = rest[2:]
        prepare(argv[1], argv[2], limit, seed)
    elif len(argv) == 3 and argv[0] == "metrics":
        metrics(argv[1], argv[2])
    elif len(argv) == 2 and argv[0] == "wrk":
        wrk(argv[1])
    elif len(argv) == 3 and argv[0] == "soak":
        soak(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
