#!/usr/bin/env python3
"""Benchmark policylint on the seed corpus replicated to 20 MB.

usage: bench/run.py [--binary build/policylint] [--corpus DIR] [--mb 20]

Reports throughput (one big file, and 1,000 small files with 1 and with all cores), start-up
time on an empty file and on a 100 KB draft, and peak RSS (which must not grow with the number
of files). Timing is wall-clock; each figure is the best of three runs.
"""
import argparse, os, pathlib, shutil, subprocess, sys, tempfile, time

def run(cmd):
    """Runs cmd, returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} exited {code}")
    return elapsed, usage.ru_maxrss / 1024

def best(cmd, repeat=3):
    runs = [run(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)

def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', default=str(root / 'build/policylint'))
    ap.add_argument('--corpus', default=str(root / 'fixtures/seed'))
    ap.add_argument('--mb', type=float, default=20)
    args = ap.parse_args()
    seeds = sorted(pathlib.Path(args.corpus).glob('*.txt'))
    if not seeds:
        sys.exit(f'bench: no .txt files in {args.corpus}')
    text = ''.join(p.read_text(encoding='utf-8') + '\n' for p in seeds)
    unit = len(text.encode('utf-8'))
    target = int(args.mb * 1024 * 1024)
    work = pathlib.Path(tempfile.mkdtemp(prefix='policylint-bench-'))
    try:
        big = work / 'big.txt'
        big.write_text(text * (target // unit + 1), encoding='utf-8')
        small = work / 'small'
        small.mkdir()
        per_file = text * (target // (1000 * unit) + 1)
        for i in range(1000):
            (small / f'd{i:04}.txt').write_text(per_file, encoding='utf-8')
        hundred = work / 'hundred'
        hundred.mkdir()
        for i in range(100):
            (hundred / f'd{i:03}.txt').write_text(per_file, encoding='utf-8')
        draft = work / 'draft-100k.txt'
        draft.write_text((text * (102400 // unit + 1))[:34000], encoding='utf-8')
        empty = work / 'empty.txt'
        empty.write_text('')
        base = [args.binary, '--no-config', '-q', '--exit-zero']
        big_mb = big.stat().st_size / 1e6
        small_mb = sum(p.stat().st_size for p in small.iterdir()) / 1e6
        t_big, rss_big = best(base + [str(big)])
        t_small1, rss_small1 = best(base + ['-j1', str(small)])
        t_small, rss_small = best(base + [str(small)])
        _, rss_hundred = best(base + ['-j1', str(hundred)])
        t_empty, rss_empty = best(base + [str(empty)], 10)
        t_draft, _ = best(base + [str(draft)], 10)
        print(f'corpus: {len(seeds)} seed documents, {unit / 1e3:.0f} kB, replicated')
        print(f'one big file      {big_mb:6.1f} MB  {big_mb / t_big:7.1f} MB/s  (1 core)   peak RSS {rss_big:6.1f} MB')
        print(f'1,000 small files {small_mb:6.1f} MB  {small_mb / t_small1:7.1f} MB/s  (-j1)      peak RSS {rss_small1:6.1f} MB')
        print(f'1,000 small files {small_mb:6.1f} MB  {small_mb / t_small:7.1f} MB/s  (-j{os.cpu_count()})      peak RSS {rss_small:6.1f} MB')
        print(f'100 small files                         (-j1)      peak RSS {rss_hundred:6.1f} MB')
        print(f'start-up, empty file      {t_empty * 1000:6.1f} ms   peak RSS {rss_empty:6.1f} MB')
        print(f'start-up + 100 KB draft   {t_draft * 1000:6.1f} ms')
    finally:
        shutil.rmtree(work)

main()
