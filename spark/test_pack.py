"""`make test-engine`: the Spark pack in local[2] against the single-process
`quoteline pack --sharded` on the same synthetic articles, the reduce partitioned over
at least 2 partitions that write shards. The two directories must
hold the same files, byte for byte (so the same statements, speakers, groups and
counts); a line that is not JSON and an article whose extraction fails are reported by
both and left out. Prints both throughputs; never fails on a time.

    python spark/test_pack.py --quoteline target/release/quoteline [--mb 2] [--keep] [--reduce-partitions 3]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# The Python workers run the venv that runs this script (it has pyspark).
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
import pack  # noqa: E402


def articles_jsonl(quoteline, work, mb):
    """Synthetic articles as JSON Lines, with one line that is not JSON; answers the
    file, its size in MB and the name of an article to fail."""
    arts = os.path.join(work, "articles")
    subprocess.run([quoteline, "synth", "--mb", str(mb), "--out", arts], check=True, stderr=subprocess.DEVNULL)
    names = sorted(os.listdir(arts))
    lines = []
    for name in names:
        with open(os.path.join(arts, name), encoding="utf-8") as f:
            lines.append(json.dumps({"name": name, "text": f.read()}, ensure_ascii=False))
    lines.insert(len(lines) // 2, "this line is not an article")
    path = os.path.join(work, "articles.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    shutil.rmtree(arts)
    return path, os.path.getsize(path) / 1e6, names[len(names) // 3]


def single(quoteline, articles, out):
    with open(articles, "rb") as f:
        done = subprocess.run(
            [quoteline, "pack", "--quiet", "--sharded", "--jsonl", "--out", out],
            stdin=f, stderr=subprocess.PIPE, text=True,
        )
    if done.returncode not in (0, 1):
        raise SystemExit(f"the single-process pack failed:\n{done.stderr}")
    return done.stderr


def listing(d):
    return {n: open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d))}


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--quoteline", required=True)
    p.add_argument("--mb", type=float, default=2)
    p.add_argument("--keep", action="store_true")
    p.add_argument("--reduce-partitions", type=int, default=3)
    a = p.parse_args(argv)
    quoteline = os.path.abspath(a.quoteline)
    work = tempfile.mkdtemp(prefix="quoteline-spark-")
    try:
        articles, mb, victim = articles_jsonl(quoteline, work, a.mb)
        os.environ["QUOTELINE_TEST_PANIC_ON"] = victim
        one, spark = os.path.join(work, "single"), os.path.join(work, "spark")
        t0 = time.monotonic()
        stderr = single(quoteline, articles, one)
        t1 = time.monotonic()
        figures = pack.run(["--articles", articles, "--out", spark, "--records", os.path.join(work, "records"),
                            "--quoteline", quoteline, "--master", "local[2]", "--partitions", "4",
                            "--reduce-partitions", str(a.reduce_partitions)])
        t2 = time.monotonic()
        x, y = listing(one), listing(spark)
        if list(x) != list(y):
            raise SystemExit(f"different files: single {list(x)}, spark {list(y)}")
        differ = [n for n in x if x[n] != y[n]]
        if differ:
            raise SystemExit(f"files that differ between the single-process and the Spark pack: {differ}")
        if figures["writers"] < 2:
            raise SystemExit(f"the reduce was written by {figures['writers']} partitions, not 2 or more")
        if victim not in stderr or "not JSON" not in stderr:
            raise SystemExit(f"the single-process pack did not name the bad input:\n{stderr}")
        facts = json.loads(x["root.json"])["facts"]
        print(f"same {len(x)} files, byte for byte: {facts}")
        print(f"single-process pack --sharded: {mb:.1f} MB in {t1 - t0:.1f} s = {mb / (t1 - t0):.2f} MB/s")
        print(f"Spark local[2] (map + reduce, JVM start included): {mb:.1f} MB in {t2 - t1:.1f} s = {mb / (t2 - t1):.2f} MB/s"
              f" (map {figures['map']:.1f} s, reduce {figures['reduce']:.1f} s over {figures['writers']} partitions)")
    finally:
        if a.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
