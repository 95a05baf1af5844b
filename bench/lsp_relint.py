#!/usr/bin/env python3
"""How long `policylint lsp` takes to re-lint a large document after an edit.

Opens a ~1 MB draft (the seed corpus repeated), then makes one-character edits in its middle and
times two things for each:
- relint: didChange followed at once by a codeAction request, which makes the server apply the
  edit, lint the whole document and publish before it answers (the work of one re-lint);
- publish: didChange until publishDiagnostics arrives, which adds the server's settle time
  (it waits 30 ms for more keystrokes before linting).

usage: bench/lsp_relint.py path/to/policylint [corpus-dir] [--size BYTES] [--edits N]"""
import argparse
import os
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "lsp"))
from lspclient import Client  # noqa: E402


def make_document(corpus, size):
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(pathlib.Path(corpus).glob("*.txt"))]
    if not texts:
        texts = ["各有关单位,请于月底前报送。\n根据《中华人民共和国预算法》，现将有关事项通知如下：\n"]
    chunk = "\n".join(texts)
    body = chunk * (size // len(chunk.encode()) + 1)
    return body.encode()[:size].decode(errors="ignore")


def cpu_ms(pid):
    """The server's user + system CPU time so far, which a busy machine does not inflate."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("corpus", nargs="?", default="../shared/corpus/seed")
    parser.add_argument("--size", type=int, default=1 << 20)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--clean", action="store_true",
                        help="full-width commas, semicolons and colons: the cost of linting alone")
    args = parser.parse_args()

    text = make_document(args.corpus, args.size)
    if args.clean:
        text = text.translate(str.maketrans(",;:", "，；："))
    lines = text.split("\n")
    client = Client([args.binary, "--no-config", "lsp"])
    client.initialize()
    uri = "file:///bench/large.txt"
    start = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "text", "version": 1,
                                                            "text": text}})
    first = client.diagnostics(uri, timeout=60)
    open_ms = (time.perf_counter() - start) * 1000

    relint, relint_cpu, publish = [], [], []
    middle = len(lines) // 2
    for i in range(args.edits):
        edit = {"range": {"start": {"line": middle, "character": 0}, "end": {"line": middle, "character": 0}},
                "text": "各"}
        version = 2 + 2 * i
        start, start_cpu = time.perf_counter(), cpu_ms(client.proc.pid)
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [edit]})
        client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": middle, "character": 0}, "end": {"line": middle, "character": 0}},
            "context": {"diagnostics": [], "only": ["quickfix"]}}, timeout=60)
        relint.append((time.perf_counter() - start) * 1000)  # its publishDiagnostics came first
        relint_cpu.append(cpu_ms(client.proc.pid) - start_cpu)

        start = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version + 1},
                                                 "contentChanges": [edit]})
        client.diagnostics(uri, timeout=60)
        publish.append((time.perf_counter() - start) * 1000)
    client.close()

    print(f"document: {len(text.encode()) / 1e6:.2f} MB, {len(lines)} lines, {len(first)} diagnostics")
    print(f"open + first lint: {open_ms:.1f} ms")
    print(f"re-lint after an edit ({args.edits} edits): median {statistics.median(relint):.1f} ms, "
          f"max {max(relint):.1f} ms")
    print(f"server CPU time per re-lint: median {statistics.median(relint_cpu):.0f} ms, max {max(relint_cpu):.0f} ms "
          f"(clock ticks of {1000 / os.sysconf('SC_CLK_TCK'):.0f} ms)")
    print(f"edit to publishDiagnostics (with the 30 ms settle time): median {statistics.median(publish):.1f} ms, "
          f"max {max(publish):.1f} ms")


if __name__ == "__main__":
    main()
