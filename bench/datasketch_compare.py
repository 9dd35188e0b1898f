#!/usr/bin/python3
"""Runs datasketch (MinHash + MinHashLSH) on the corpus lsh_bench reads, same parameters.

    /usr/bin/python3 bench/datasketch_compare.py --datasketch DIR [--bands 32 --rows 4]
        [--perm 128 --shingle 5] [--limit N]

DIR is a folder that holds the `datasketch` package (a checkout of github.com/ekzhu/datasketch,
or any place `pip install datasketch` put it); it is put first on sys.path. Nothing of
datasketch is part of witness. Needs numpy and scipy (Debian: python3-numpy python3-scipy).

Words as witness's shingling sees them (runs of letters and digits with inner apostrophes,
lower case, curly apostrophes straightened); shingles are `shingle` consecutive words joined by
spaces, hashed by datasketch's default (SHA-1, 32 bits). MinHash.bulk makes the signatures
(its fastest path); each document is then queried and inserted in stream order, as lsh_bench
does. Prints CPU and wall times, throughput, and the recall of the planted copies among the
query results (datasketch has no verification step: its results are band candidates).
"""
import argparse
import json
import os
import re
import sys
import time


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(here, "out", "corpus.jsonl"))
    ap.add_argument("--truth", default=os.path.join(here, "out", "truth.tsv"))
    ap.add_argument("--datasketch", default=os.path.join(here, "out", "datasketch"))
    ap.add_argument("--bands", type=int, default=32)
    ap.add_argument("--rows", type=int, default=4)
    ap.add_argument("--perm", type=int, default=128)
    ap.add_argument("--shingle", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if os.path.isdir(args.datasketch):
        sys.path.insert(0, args.datasketch)
    from datasketch import MinHash, MinHashLSH  # noqa: E402

    ids, texts = [], []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            ids.append(d["id"])
            texts.append(d["text"])
            if args.limit and len(ids) >= args.limit:
                break
    index_of = {d: i for i, d in enumerate(ids)}
    planted = []
    with open(args.truth, encoding="utf-8") as f:
        for line in f:
            c, o, e = line.rstrip("\n").split("\t")
            if c in index_of and o in index_of:
                planted.append((index_of[c], index_of[o], e))
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus: {len(texts)} documents, {nbytes / 1e6:.1f} MB, {len(planted)} planted copies; "
          f"{args.perm} permutations, {args.shingle}-word shingles, {args.bands} bands x {args.rows} rows")

    word = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
    k = args.shingle

    def shingles(text):
        w = [x.replace("\u2019", "'") for x in word.findall(text.casefold())]
        if not w:
            return []
        if len(w) < k:
            return [" ".join(w).encode("utf-8")]
        return [" ".join(w[i:i + k]).encode("utf-8") for i in range(len(w) - k + 1)]

    c0, w0 = time.process_time(), time.perf_counter()
    sets = [shingles(t) for t in texts]
    mhs = MinHash.bulk(sets, num_perm=args.perm)
    sig_cpu, sig_wall = time.process_time() - c0, time.perf_counter() - w0
    print(f"signatures: {sig_cpu:.2f} s CPU ({sig_wall:.2f} s wall): {nbytes / 1e6 / sig_cpu:.2f} MB/s, "
          f"{len(texts) / sig_cpu:.0f} docs/s per core")
    del sets

    lsh = MinHashLSH(num_perm=args.perm, params=(args.bands, args.rows))
    found = set()
    c0, w0 = time.process_time(), time.perf_counter()
    for i, m in enumerate(mhs):
        for j in lsh.query(m):
            found.add((j, i))
        lsh.insert(i, m)
    lsh_cpu, lsh_wall = time.process_time() - c0, time.perf_counter() - w0
    print(f"lsh insert+query: {lsh_cpu:.2f} s CPU ({lsh_wall:.2f} s wall): "
          f"{len(texts) / lsh_cpu:.0f} docs/s per core")
    hit = sum(1 for c, o, _ in planted if (min(c, o), max(c, o)) in found)
    print(f"recall of planted copies: candidates {hit / max(1, len(planted)):.4f} ({hit}/{len(planted)})")
    print(f"candidate pairs: {len(found)}")


if __name__ == "__main__":
    main()
