"""Quoteline's pack as a PySpark job: a sharded archive (`quoteline pack --sharded`)
made from a JSON Lines file of articles by a Spark cluster (or `local[N]`).

    spark-submit spark/pack.py --articles ARTICLES.jsonl --out DIR/ \
        --records RECORDS_DIR --quoteline /path/to/quoteline [--partitions N] \
        [--reduce-partitions N] [--reduce partitioned|driver]

Input: one article a line, as `quoteline extract --jsonl` reads them: an object with
"name" and "text" and any of the article facts (outlet, headline, date, ...).

Map: each article's place in the input (`zipWithIndex`) is added to it as "seq", and
each partition is piped (`RDD.pipe`) through `quoteline prepare --jsonl`, which
extracts each article and assembles it alone (dating, topics, ids) and prints one
record per article: the engine's own one-article corpus, or the article's name and why
it could not be used. Lines that are not JSON objects become such a record here. The
records are saved as text files (`--records`, a local path or object storage).

Reduce, partitioned (the default; `quoteline reduce STEP`, see crates/cli/src/reduce.rs):
1. keys, on the executors: each record's compact keys (speaker key, compared words, day,
   id, encoded sizes), saved beside the records (RECORDS-keys);
2. plan, on the driver: the keys in "seq" order through the single-process pack's own
   whole-archive steps (speaker merge, cross-outlet grouping, the date-then-id order)
   and every shard's cut point, into a plan file shipped to the executors (`addFile`);
3. emit, on the executors: every statement and article of the records with its number
   and shard from the plan, then partitioned by shard (whole shards to a partition,
   contiguous ranges) and sorted by number (`repartitionAndSortWithinPartitions`);
4. write, on the executors: each partition's shards written into `--out` under their
   final names, answering their table entries, summaries and index postings;
5. root, on the driver: the answers merged into the index chunks, group shards, outlet
   chunks, summaries and root.json.
The output is the single-process pack's bytes. `--out` must be a directory every
executor can write (local[N], or a shared mount on a cluster). `--reduce driver` runs
the whole reduce on the driver instead (`pack --sharded --prepared`).

Bad articles are reported by name and the job goes on. The output depends only on the
input (records are ordered by "seq", not by arrival; every cut point is the plan's), so
a re-run of a failed stage gives the same shards.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import time


def with_seq(pair):
    """(line, index) -> ("ok", line with "seq") or ("bad", a record naming the line)."""
    line, seq = pair
    try:
        obj = json.loads(line)
    except ValueError as e:
        obj = None
        why = f"not JSON ({e})"
    else:
        why = "not a JSON object with \"name\" and \"text\""
    if not isinstance(obj, dict):
        record = {"seq": seq, "bad": f"articles:{seq + 1}", "why": why}
        return ("bad", json.dumps(record))
    obj["seq"] = seq
    return ("ok", json.dumps(obj, ensure_ascii=False))


def bad_names(record_line):
    """The name and reason of a bad article's record, or nothing."""
    if '"bad":' not in record_line[:200] and '"corpus":' in record_line[:200]:
        return []
    r = json.loads(record_line)
    return [(r["seq"], r["bad"], r.get("why", ""))] if "bad" in r else []


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", required=True, help="JSON Lines of articles (path or URL Spark reads)")
    p.add_argument("--out", required=True, help="the archive's directory (local to the driver)")
    p.add_argument("--records", required=True,
                   help="where the map's records go, and the reduce's keys beside them (RECORDS-keys); must not exist")
    p.add_argument("--quoteline", required=True, help="the quoteline binary on every executor")
    p.add_argument("--partitions", type=int, default=0, help="input partitions (default: Spark's)")
    p.add_argument("--reduce-partitions", type=int, default=0,
                   help="partitions of the reduce's write step (default: --partitions, else Spark's)")
    p.add_argument("--reduce", choices=["partitioned", "driver"], default="partitioned",
                   help="the reduce split across the executors (default) or run on the driver")
    p.add_argument("--master", default=None, help="e.g. local[2]; spark-submit's --master otherwise")
    return p.parse_args(argv)


def session(master):
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName("quoteline-pack")
    if master:
        b = b.master(master)
    # Driver and executors on one machine in local mode: keep Spark's own UI off.
    b = b.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
    return b.getOrCreate()


def map_stage(sc, args):
    """Writes the records; answers the bad articles, by input order."""
    lines = sc.textFile(args.articles, minPartitions=args.partitions or None)
    tagged = lines.filter(lambda l: l.strip()).zipWithIndex().map(with_seq)
    good = tagged.filter(lambda t: t[0] == "ok").map(lambda t: t[1])
    bad = tagged.filter(lambda t: t[0] == "bad").map(lambda t: t[1])
    # `pipe` gives the command this environment and no other.
    env = {k: os.environ[k] for k in ("QUOTELINE_TEST_PANIC_ON",) if k in os.environ}
    records = good.pipe(f"{args.quoteline} prepare --jsonl", env=env, checkCode=True).union(bad)
    records.saveAsTextFile(args.records)
    found = sc.textFile(args.records).flatMap(bad_names).collect()
    return sorted(found)


def local_parts(sc, path, copy):
    """The part files of a saved RDD at `path`; when it is on object storage (s3a://,
    gs://, ...), a local copy at `copy`, streamed through the driver."""
    parts = sorted(glob.glob(os.path.join(path, "part-*")))
    if parts:
        return parts
    with open(copy, "w", encoding="utf-8") as f:
        for line in sc.textFile(path).toLocalIterator():
            f.write(line + "\n")
    return [copy]


def reduce_stage(args, parts):
    """Runs the whole reduce on the driver; answers its exit status (1: some articles
    were left out)."""
    cmd = [args.quoteline, "pack", "--quiet", "--sharded", "--out", args.out, "--prepared", *parts]
    done = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    for line in done.stderr.splitlines():
        if line.startswith("wrote ") or "skipped" in line or "panicked" in line:
            print(f"reduce: {line}", file=sys.stderr)
    if done.returncode not in (0, 1) or not os.path.exists(os.path.join(args.out, "root.json")):
        print(done.stderr, file=sys.stderr)
        raise SystemExit(f"the reduce failed (exit status {done.returncode})")
    return done.returncode


def step(quoteline, argv, lines, plan=None, answer=False):
    """Runs `quoteline reduce STEP` over `lines` in a task (stdin and stdout through
    temporary files); yields its output lines, or with `answer` the bytes of its answer
    file. The plan is the file shipped with `addFile`. A failure fails the task."""
    import tempfile

    from pyspark import SparkFiles

    argv = list(argv)
    if plan:
        argv += ["--plan", SparkFiles.get(plan)]
    with tempfile.TemporaryDirectory(prefix="quoteline-reduce-") as tmp:
        src, out, ans = (os.path.join(tmp, n) for n in ("in", "out", "answer"))
        with open(src, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(line + "\n")
        if answer:
            argv += ["--answer", ans]
        with open(src, "rb") as i, open(out, "wb") as o:
            done = subprocess.run([quoteline, "reduce", *argv], stdin=i, stdout=o, stderr=subprocess.PIPE, text=True)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"quoteline reduce {argv[0]} failed ({done.returncode}): {done.stderr}")
        if done.stderr:
            print(done.stderr, file=sys.stderr, end="")
        if answer:
            with open(ans, "rb") as f:
                yield f.read()
            return
        with open(out, encoding="utf-8") as f:
            for line in f:
                yield line.rstrip("\n")


def keyed(line):
    """An `emit` line keyed by (kind, shard, number)."""
    kind, shard, number, _ = line.split("\t", 3)
    return ((kind, int(shard), int(number)), line)


def driver_step(cmd):
    """Runs one of the reduce's driver steps: its exit status, stdout, stderr, seconds
    and peak memory (kB, its own maximum resident set)."""
    import tempfile

    t = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        texts = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    return p.returncode, texts[0], texts[1], time.monotonic() - t, usage.ru_maxrss


def partitioned_reduce(sc, args, work):
    """Keys and plan, then emit, write and root (see the module's comment); answers how
    many partitions wrote shards."""
    q = args.quoteline
    records = sc.textFile(args.records)
    # Beside the records (object storage on a cluster: the executors write them), must
    # not exist; the driver reads a local copy when they are not local.
    keys_dir = args.records.rstrip("/") + "-keys"
    records.pipe(f"{q} reduce keys", checkCode=True).saveAsTextFile(keys_dir)
    keys = local_parts(sc, keys_dir, os.path.join(work, "keys.jsonl"))
    plan = os.path.join(work, "plan.bin")
    code, stdout, stderr, secs, peak = driver_step([q, "reduce", "plan", "--plan", plan, *keys])
    for line in stderr.splitlines():
        if "skipped" in line or "panicked" in line:
            print(f"reduce: {line}", file=sys.stderr)
    if code not in (0, 1) or not os.path.exists(plan):
        raise SystemExit(f"the reduce's plan failed (exit status {code}):\n{stderr}")
    print(f"reduce: plan {secs:.1f} s, {peak / 1024:.0f} MB peak, {os.path.getsize(plan) / 1e6:.1f} MB of plan",
          file=sys.stderr)
    counts = json.loads(stdout)
    sc.addFile(plan)
    name = os.path.basename(plan)
    n = args.reduce_partitions or args.partitions or sc.defaultParallelism
    shards = {"s": max(counts["statement_shards"], 1), "a": max(counts["article_shards"], 1)}

    def partition(key):
        kind, shard, _ = key
        return min(shard * n // shards[kind], n - 1)

    os.makedirs(args.out, exist_ok=True)
    out = os.path.abspath(args.out)
    answers = (
        records.mapPartitions(lambda it: step(q, ["emit"], it, plan=name))
        .map(keyed)
        .repartitionAndSortWithinPartitions(n, partition)
        .values()
        .mapPartitions(lambda it: step(q, ["write", "--out", out], it, plan=name, answer=True))
        .collect()
    )
    paths = []
    for k, a in enumerate(answers):
        paths.append(os.path.join(work, f"answer-{k:05}.bin"))
        with open(paths[-1], "wb") as f:
            f.write(a)
    code, _, stderr, secs, peak = driver_step([q, "reduce", "root", "--plan", plan, "--out", args.out, *paths])
    for line in stderr.splitlines():
        print(f"reduce: {line}", file=sys.stderr)
    if code != 0:
        raise SystemExit(f"the reduce's root failed (exit status {code})")
    print(f"reduce: root {secs:.1f} s, {peak / 1024:.0f} MB peak", file=sys.stderr)
    # An answer of an empty partition is 3 bytes (three empty lists).
    return sum(1 for a in answers if len(a) > 3)


def run(argv):
    """The job; answers its figures: seconds of the map and the reduce, bad articles,
    and how many partitions wrote shards."""
    import tempfile

    args = parse_args(argv)
    spark = session(args.master)
    sc = spark.sparkContext
    # The workers unpickle this module's functions by name when it is imported (the test).
    sc.addPyFile(os.path.abspath(__file__))
    t0 = time.monotonic()
    bad = map_stage(sc, args)
    t1 = time.monotonic()
    for seq, name, why in bad:
        print(f"bad article {name} (input line {seq + 1}): {why}", file=sys.stderr)
    writers = 0
    if args.reduce == "driver":
        parts = local_parts(sc, args.records, args.out.rstrip("/") + ".records.jsonl")
        reduce_stage(args, parts)
    else:
        with tempfile.TemporaryDirectory(prefix="quoteline-plan-") as work:
            writers = partitioned_reduce(sc, args, work)
    t2 = time.monotonic()
    spark.stop()
    print(f"map {t1 - t0:.1f} s, reduce ({args.reduce}) {t2 - t1:.1f} s, {len(bad)} bad articles"
          + (f", {writers} partitions wrote shards" if writers else ""), file=sys.stderr)
    return {"map": t1 - t0, "reduce": t2 - t1, "bad": len(bad), "writers": writers}


def main(argv):
    run(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
