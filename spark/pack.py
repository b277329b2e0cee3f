"""Quoteline's pack as a PySpark job: a sharded archive (`quoteline pack --sharded`)
made from a JSON Lines file of articles by a Spark cluster (or `local[N]`).

    spark-submit spark/pack.py --articles ARTICLES.jsonl --out DIR/ \
        --records RECORDS_DIR --quoteline /path/to/quoteline [--partitions N]

Input: one article a line, as `quoteline extract --jsonl` reads them: an object with
"name" and "text" and any of the article facts (outlet, headline, date, ...).

Map: each article's place in the input (`zipWithIndex`) is added to it as "seq", and
each partition is piped (`RDD.pipe`) through `quoteline prepare --jsonl`, which
extracts each article and assembles it alone (dating, topics, ids, context events) and
prints one record per article: the engine's own one-article corpus, or the article's
name and why it could not be used. Lines that are not JSON objects become such a record
here. The records are saved as text files (`--records`, a local path or object storage).

Reduce: `quoteline pack --sharded --prepared RECORDS... --out DIR` reads the records,
orders them by "seq", merges speakers across the archive, groups statements across
outlets and writes the shards. It is the same code as the single-process pack, so the
output is the same bytes; it runs once, where the driver runs.

Bad articles are reported by name and the job goes on. The output depends only on the
input (records are ordered by "seq", not by arrival), so a re-run of a failed stage
gives the same shards.
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
    p.add_argument("--records", required=True, help="where the map's records go (must not exist)")
    p.add_argument("--quoteline", required=True, help="the quoteline binary on every executor")
    p.add_argument("--partitions", type=int, default=0, help="input partitions (default: Spark's)")
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
    parts = sorted(glob.glob(os.path.join(args.records, "part-*")))
    if not parts:
        # Records on object storage (s3a://, gs://, ...): the reduce reads a local copy,
        # streamed through the driver.
        local = args.out.rstrip("/") + ".records.jsonl"
        with open(local, "w", encoding="utf-8") as f:
            for line in sc.textFile(args.records).toLocalIterator():
                f.write(line + "\n")
        parts = [local]
    return parts, sorted(found)


def reduce_stage(args, parts):
    """Runs the reduce; answers its exit status (1: some articles were left out)."""
    cmd = [args.quoteline, "pack", "--quiet", "--sharded", "--out", args.out, "--prepared", *parts]
    done = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    for line in done.stderr.splitlines():
        if line.startswith("wrote ") or "skipped" in line or "panicked" in line:
            print(f"reduce: {line}", file=sys.stderr)
    if done.returncode not in (0, 1) or not os.path.exists(os.path.join(args.out, "root.json")):
        print(done.stderr, file=sys.stderr)
        raise SystemExit(f"the reduce failed (exit status {done.returncode})")
    return done.returncode


def main(argv):
    args = parse_args(argv)
    spark = session(args.master)
    sc = spark.sparkContext
    # The workers unpickle this module's functions by name when it is imported (the test).
    sc.addPyFile(os.path.abspath(__file__))
    t0 = time.monotonic()
    parts, bad = map_stage(sc, args)
    t1 = time.monotonic()
    for seq, name, why in bad:
        print(f"bad article {name} (input line {seq + 1}): {why}", file=sys.stderr)
    reduce_stage(args, parts)
    t2 = time.monotonic()
    spark.stop()
    print(f"map {t1 - t0:.1f} s, reduce {t2 - t1:.1f} s, {len(bad)} bad articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
