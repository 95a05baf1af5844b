"""A minimal LSP client over stdio for the tests: framing, requests, notifications, waiting."""
import json
import queue
import subprocess
import threading
import time


class Client:
    def __init__(self, argv, cwd=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)
        self.inbox = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.decode().strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def request(self, method, params=None, timeout=10):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def wait(self, predicate, timeout=10):
        """The first message matching predicate; others are kept in self.seen."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("timed out waiting for a message")
            message = self.inbox.get(timeout=remaining)
            if message is None:
                raise AssertionError("server closed its output")
            if predicate(message):
                return message

    def diagnostics(self, uri, timeout=10):
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri, timeout)
        return message["params"]["diagnostics"]

    def initialize(self, encodings=None, options=None, watch=False):
        capabilities = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": watch}}}
        if encodings:
            capabilities["general"] = {"positionEncodings": encodings}
        params = {"processId": None, "rootUri": None, "capabilities": capabilities}
        if options:
            params["initializationOptions"] = options
        reply = self.request("initialize", params)
        self.notify("initialized")
        return reply

    def close(self, timeout=10):
        self.request("shutdown")
        self.notify("exit")
        return self.proc.wait(timeout)
