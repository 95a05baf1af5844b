#!/usr/bin/env python3
"""Benchmark policylint on the seed corpus replicated to 20 MB.

usage: bench/run.py [--binary build/policylint] [--corpus DIR] [--mb 20] [--select RULES] [--fixed]

Reports throughput (one big file, and 1,000 small files with 1 and with all cores), start-up
time on an empty file and on a 100 KB draft, and peak RSS (which must not grow with the number
of files). Timing is wall-clock; each figure is the best of three runs.

--select lints with those rules only (e.g. punctuation, the core pack); --fixed first applies
policylint --fix to the corpus, so that it reads like a draft with few mistakes rather than the
seed's web-extracted text with a finding every 80 bytes.
"""
import argparse, os, pathlib, shutil, subprocess, sys, tempfile, time

def peak_rss(cmd):
    """Peak RSS in MB. A child forked from this script starts with the script's own pages (the
    corpus it holds), which ru_maxrss keeps counting after exec; GNU time forks from a small
    process, so it measures policylint alone."""
    with tempfile.NamedTemporaryFile('r') as out:
        subprocess.run(['/usr/bin/time', '-f', '%M', '-o', out.name] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(out.read().split()[-1]) / 1024

def run(cmd):
    """Runs cmd, returns (wall seconds, CPU seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} exited {code}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

def best(cmd, repeat=3):
    """Best wall time and best CPU time over `repeat` runs, and the peak RSS."""
    runs = [run(cmd) for _ in range(repeat)]
    rss = peak_rss(cmd) if os.path.exists('/usr/bin/time') else max(r[2] for r in runs)
    return min(r[0] for r in runs), min(r[1] for r in runs), rss

def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', default=str(root / 'build/policylint'))
    ap.add_argument('--corpus', default=str(root / 'fixtures/seed'))
    ap.add_argument('--mb', type=float, default=20)
    ap.add_argument('--select')
    ap.add_argument('--fixed', action='store_true')
    args = ap.parse_args()
    seeds = sorted(pathlib.Path(args.corpus).glob('*.txt'))
    if not seeds:
        sys.exit(f'bench: no .txt files in {args.corpus}')
    text = ''.join(p.read_text(encoding='utf-8') + '\n' for p in seeds)
    work = pathlib.Path(tempfile.mkdtemp(prefix='policylint-bench-'))
    if args.fixed:
        seed = work / 'seed.txt'
        seed.write_text(text, encoding='utf-8')
        subprocess.run([args.binary, '--no-config', '-q', '--fix', str(seed)], stdout=subprocess.DEVNULL)
        text = seed.read_text(encoding='utf-8')
    unit = len(text.encode('utf-8'))
    target = int(args.mb * 1024 * 1024)
    try:
        big = work / 'big.txt'
        big.write_text(text * (target // unit + 1), encoding='utf-8')
        small = work / 'small'
        small.mkdir()
        per_file = (text * (target // (1000 * unit) + 1))[:target // 3000]
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
        base = [args.binary, '--no-config', '-q', '--exit-zero'] + (['--select', args.select] if args.select else [])
        big_mb = big.stat().st_size / 1e6
        small_mb = sum(p.stat().st_size for p in small.iterdir()) / 1e6
        rows = [
            ('one big file', big_mb, best(base + [str(big)])),
            ('1,000 small files, -j1', small_mb, best(base + ['-j1', str(small)])),
            (f'1,000 small files, -j{os.cpu_count()}', small_mb, best(base + [str(small)])),
            ('100 small files, -j1', small_mb / 10, best(base + ['-j1', str(hundred)])),
        ]
        rules = f'rules: {args.select}' if args.select else 'rules: every shipped pack'
        print(f'corpus: {len(seeds)} seed documents ({unit / 1e3:.0f} kB{", fixed" if args.fixed else ""}) replicated; '
              f'{rules}; wall and CPU (user+sys) time')
        for name, mb, (wall, cpu, rss) in rows:
            print(f'{name:26s} {mb:6.1f} MB  {mb / wall:7.1f} MB/s wall  {mb / cpu:7.1f} MB/s per CPU-second'
                  f'  peak RSS {rss:6.1f} MB')
        for name, path in (('empty file', empty), ('100 KB draft', draft)):
            wall, cpu, rss = best(base + [str(path)], 10)
            print(f'start-up + {name:14s} {wall * 1000:6.1f} ms wall  {cpu * 1000:6.1f} ms CPU  peak RSS {rss:6.1f} MB')
    finally:
        shutil.rmtree(work)

main()
