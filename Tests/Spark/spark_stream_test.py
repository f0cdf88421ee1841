"""A real Spark job over psephos: shard + stream + merge must equal one run, byte for byte.

Builds a JSONL corpus (the bundled articles, a few hundred synthetic articles recombined from
their sentences with names and numbers varied, and some bad lines), then:

1. the single-machine run: `psephos analyse --format json corpus.jsonl`;
2. a local Spark job (`local[2]`, several partitions): each line is numbered in the whole file
   (`zipWithIndex`), piped through `psephos stream --keyed --name corpus.jsonl` with
   `RDD.pipe`, and each partition's output is written as one part;
3. `psephos merge` over the parts (in reverse order too, and as a nested merge),

and exits non-zero unless every merged report equals the single run byte for byte and every
input line got exactly one output line.

Usage: python spark_stream_test.py --psephos BIN --results DIR --articles DIR [--documents N]
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile


def sentences(text):
    """The sentences of an article, roughly: enough to recombine into plausible prose."""
    flat = " ".join(line.strip() for line in text.splitlines() if line.strip())
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", flat) if len(s.strip()) > 20]


def synthetic_articles(texts, count, seed=20160505):
    """`count` articles made of the sources' sentences, with digits and some names varied."""
    rng = random.Random(seed)
    pool = [s for text in texts for s in sentences(text)]
    names = sorted({w for text in texts for w in re.findall(r"\b[A-Z][a-z]{3,}\b", text)})
    articles = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(2, 6)):
            chosen = [rng.choice(pool) for _ in range(rng.randint(1, 4))]
            paragraph = " ".join(chosen)
            paragraph = re.sub(r"\d", lambda m: str(rng.randint(0, 9)), paragraph)
            paragraph = re.sub(
                r"\b[A-Z][a-z]{3,}\b",
                lambda m: rng.choice(names) if rng.random() < 0.1 else m.group(0),
                paragraph,
            )
            paragraphs.append(paragraph)
        articles.append("\n\n".join(paragraphs))
    return articles


def build_corpus(articles_dir, count):
    """The lines of corpus.jsonl: real articles, synthetic ones and bad lines."""
    texts = []
    lines = []
    for name in sorted(os.listdir(articles_dir)):
        if name.endswith(".txt"):
            with open(os.path.join(articles_dir, name), encoding="utf-8") as handle:
                text = handle.read()
            texts.append(text)
            lines.append(json.dumps({"id": name, "text": text, "publication": "bundled"}))
    for index, text in enumerate(synthetic_articles(texts, count)):
        record = {"id": "synthetic-%04d" % index, "text": text, "title": "Synthetic %d" % index}
        if index % 3 == 0:
            record["id"] = 100000 + index  # numeric ids are allowed
        lines.append(json.dumps(record, ensure_ascii=index % 2 == 0))
    bad = [
        "{this is not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "number-text", "text": 12}),
        "",
        "\x00\x01binary\x02",
        json.dumps({"id": "synthetic-0001", "text": "A repeated id, in another shard."}),
    ]
    step = max(1, len(lines) // (len(bad) + 1))
    for offset, line in enumerate(bad):
        lines.insert(min(len(lines), (offset + 1) * step + offset), line)
    return lines


def run(command, cwd, stdout=None, accept=(0,)):
    result = subprocess.run(command, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE)
    if result.returncode not in accept:
        sys.stderr.write(result.stderr.decode("utf-8", "replace"))
        raise SystemExit("failed (%d): %s" % (result.returncode, " ".join(command)))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--psephos", required=True, help="the psephos binary")
    parser.add_argument("--results", required=True, help="the results folder (Corpus/results)")
    parser.add_argument("--articles", required=True, help="the bundled articles (Corpus/articles)")
    parser.add_argument("--documents", type=int, default=300, help="synthetic articles")
    parser.add_argument("--partitions", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    psephos = os.path.abspath(options.psephos)
    results = os.path.abspath(options.results)

    work = tempfile.mkdtemp(prefix="psephos-spark-")
    try:
        lines = build_corpus(options.articles, options.documents)
        corpus = os.path.join(work, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8", newline="\n") as handle:
            handle.write("\n".join(lines) + "\n")

        # 1. One machine.
        with open(os.path.join(work, "whole.json"), "wb") as handle:
            run(
                [psephos, "analyse", "--format", "json", "--quiet", "--results", results,
                 "corpus.jsonl"],
                cwd=work, stdout=handle, accept=(0, 3))
        with open(os.path.join(work, "whole.json"), "rb") as handle:
            whole = handle.read()

        # 2. Spark: number the lines, pipe each partition through psephos stream.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        from pyspark.sql import SparkSession

        spark = (
            SparkSession.builder.master("local[2]")
            .appName("psephos-stream-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        try:
            command = [
                psephos, "stream", "--keyed", "--name", "corpus.jsonl", "--results", results,
                "--quiet", "--jobs", "1",
            ]
            rdd = spark.sparkContext.textFile(corpus, minPartitions=options.partitions)
            keyed = rdd.zipWithIndex().map(lambda pair: "%d\t%s" % (pair[1] + 1, pair[0]))
            partitions = keyed.pipe(" ".join(command)).glom().collect()
        finally:
            spark.stop()

        answered = sum(len(p) for p in partitions)
        if answered != len(lines):
            raise SystemExit("%d input lines but %d output lines" % (len(lines), answered))
        parts = []
        for index, partition in enumerate(partitions):
            path = os.path.join(work, "part-%05d.jsonl" % index)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write("".join(line + "\n" for line in partition))
            parts.append(path)
        if sum(1 for p in partitions if p) < 2:
            raise SystemExit("the job used fewer than two partitions: nothing was sharded")

        # 3. Merge, in order, reversed and nested; every form must equal the single run.
        def merge(*args):
            return run([psephos, "merge", "--quiet", *args], cwd=work, stdout=subprocess.PIPE).stdout

        checks = {"merge": merge(*parts), "merge (parts reversed)": merge(*reversed(parts))}
        half = len(parts) // 2
        left = os.path.join(work, "left.parts")
        with open(left, "wb") as handle:
            handle.write(merge("--format", "parts", *parts[:half]))
        checks["merge (nested)"] = merge(left, *parts[half:])

        failed = [name for name, merged in checks.items() if merged != whole]
        for name in failed:
            merged = checks[name]
            at = next((i for i in range(min(len(merged), len(whole))) if merged[i] != whole[i]),
                      min(len(merged), len(whole)))
            sys.stderr.write(
                "%s differs from analyse at byte %d (%d vs %d bytes):\n  merged: %r\n  whole:  %r\n"
                % (name, at, len(merged), len(whole), merged[at - 80:at + 80], whole[at - 80:at + 80]))
        report = json.loads(whole)
        print(
            "spark: %d lines in %d partitions -> %d documents, %d errors, %d entities, %d theme rows;"
            " %s"
            % (len(lines), len(partitions), len(report["documents"]), len(report["errors"]),
               len(report["index"].get("entities", [])), len(report["index"].get("themes", [])),
               "merged == analyse byte for byte" if not failed else "MISMATCH"))
        print("spark: %d passed, %d failed" % (len(checks) - len(failed), len(failed)))
        return 1 if failed else 0
    finally:
        if options.keep:
            print("work folder kept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
