#!/usr/bin/env python3
"""Protocol tests for `policylint lsp`: framing, lifecycle, incremental sync, position encodings
with characters outside the BMP, code actions, URIs, configuration reload and malformed input.

usage: protocol_test.py /path/to/policylint"""
import os
import pathlib
import sys
import tempfile
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import Client  # noqa: E402

BINARY = None
RULE = "punctuation/halfwidth-in-cjk"
# 𠀀 and 🀄 are outside the BMP: two UTF-16 units, four UTF-8 bytes, one code point each.
TEXT = "𠀀🀄各有关单位,请于月底前报送。\n"
COMMA = {"utf-16": 9, "utf-8": 23, "utf-32": 7}
# A pack written for the test, for a rule kind that reports related places.
PACK = """
[pack]
name = "lsptest"
description = "测试用规则包"

[[rules]]
id = "lsptest/term-consistency"
kind = "consistency"
severity = "warning"
groups = [["登记", "登纪"]]
message = "前后用词不一致：此处为“{found}”，应为“{expected}”"
description = "同一用语前后一致。"
standard = "测试"
examples.bad = ["请做好登记工作，登记后提交登纪材料。"]
examples.good = ["请做好登记工作。"]
"""


def lowercase_hex(uri):
    out, i = [], 0
    while i < len(uri):
        if uri[i] == "%":
            out.append(uri[i:i + 3].lower())
            i += 3
        else:
            out.append(uri[i])
            i += 1
    return "".join(out)


class ServerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name) / "草稿 目录"
        self.dir.mkdir()
        self.client = Client([BINARY, "--select", RULE, "lsp"], cwd=self.dir)

    def tearDown(self):
        if self.client.proc.poll() is None:
            self.client.proc.kill()
            self.client.proc.wait()
        self.client.proc.stdin.close()
        self.client.proc.stdout.close()
        self.tmp.cleanup()

    def open(self, name="通知.txt", text=TEXT):
        path = self.dir / name
        path.write_text(text, encoding="utf-8")
        uri = "file://" + urllib.parse.quote(str(path))
        self.client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "text", "version": 1, "text": text}})
        return uri

    def test_lifecycle_and_diagnostic_fields(self):
        reply = self.client.initialize(options={"documentationUrl": "https://example.org/rules/{rule}"})
        caps = reply["result"]["capabilities"]
        self.assertEqual(caps["positionEncoding"], "utf-16")
        self.assertEqual(caps["textDocumentSync"]["change"], 2)
        uri = self.open()
        [d] = self.client.diagnostics(uri)
        self.assertEqual(d["code"], RULE)
        self.assertEqual(d["source"], "policylint")
        self.assertEqual(d["severity"], 2)
        self.assertEqual(d["range"]["start"], {"line": 0, "character": COMMA["utf-16"]})
        self.assertEqual(d["range"]["end"], {"line": 0, "character": COMMA["utf-16"] + 1})
        self.assertEqual(d["codeDescription"]["href"], "https://example.org/rules/" + RULE)
        self.assertEqual(d["data"]["fix"]["edits"][0]["newText"], "，")
        self.assertIn("全角", d["message"])
        self.assertEqual(self.client.close(), 0)

    def test_exit_without_shutdown_is_an_error(self):
        self.client.initialize()
        self.client.notify("exit")
        self.assertEqual(self.client.proc.wait(10), 1)

    def test_end_of_input_without_shutdown_is_an_error(self):
        self.client.initialize()
        self.client.proc.stdin.close()
        self.assertEqual(self.client.proc.wait(10), 1)

    def test_position_encodings(self):
        for encoding in ("utf-8", "utf-32", "utf-16"):
            with self.subTest(encoding=encoding):
                client = Client([BINARY, "--select", RULE, "lsp"], cwd=self.dir)
                self.client, previous = client, self.client
                previous.proc.kill()
                previous.proc.wait()
                previous.proc.stdin.close()
                previous.proc.stdout.close()
                reply = client.initialize(encodings=[encoding, "utf-16"])
                self.assertEqual(reply["result"]["capabilities"]["positionEncoding"], encoding)
                uri = self.open()
                [d] = client.diagnostics(uri)
                self.assertEqual(d["range"]["start"]["character"], COMMA[encoding])
                # An incremental edit in the same encoding: insert 🀄 after 𠀀.
                after_first = {"utf-16": 2, "utf-8": 4, "utf-32": 1}[encoding]
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [{"range": {"start": {"line": 0, "character": after_first},
                                                  "end": {"line": 0, "character": after_first}},
                                        "text": "🀄"}]})
                [d] = client.diagnostics(uri)
                step = {"utf-16": 2, "utf-8": 4, "utf-32": 1}[encoding]
                self.assertEqual(d["range"]["start"]["character"], COMMA[encoding] + step)
                action = self.quickfix(uri, d)
                self.assertEqual(action["edit"]["changes"][uri][0]["range"], d["range"])
                self.assertEqual(client.close(), 0)

    def quickfix(self, uri, diagnostic, echoed=None):
        reply = self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [echoed or diagnostic], "only": ["quickfix"]}})
        [action] = reply["result"]
        self.assertEqual(action["kind"], "quickfix")
        return action

    def test_incremental_edits_and_burst(self):
        self.client.initialize()
        uri = self.open(text="各有关单位，请于月底前报送。\n第二行。\n")
        self.assertEqual(self.client.diagnostics(uri), [])
        # A burst of keystrokes typing ",请" into line 2, one character per change.
        version = 1
        for i, ch in enumerate("各单位,请"):
            version += 1
            self.client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": 1, "character": 2 + i},
                                              "end": {"line": 1, "character": 2 + i}}, "text": ch}]})
        message = self.client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        # The burst is linted once, at its last version.
        self.assertEqual(message["params"]["version"], version)
        [d] = message["params"]["diagnostics"]
        self.assertEqual(d["range"]["start"], {"line": 1, "character": 5})
        # A replacement that spans the line break, then a full-text change.
        self.client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version + 1},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 13},
                                          "end": {"line": 1, "character": 0}}, "text": ""}]})
        [d] = self.client.diagnostics(uri)
        self.assertEqual(d["range"]["start"], {"line": 0, "character": 18})
        self.client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version + 2},
            "contentChanges": [{"text": "全文,替换。"}]})
        [d] = self.client.diagnostics(uri)
        self.assertEqual(d["range"]["start"], {"line": 0, "character": 2})

    def test_code_action_uses_server_text_not_echoed_ranges(self):
        self.client.initialize()
        uri = self.open()
        [d] = self.client.diagnostics(uri)
        # Neovim 0.7 echoes byte columns back in context.diagnostics; they must not matter.
        echoed = dict(d, range={"start": {"line": 0, "character": 23}, "end": {"line": 0, "character": 24}})
        action = self.quickfix(uri, d, echoed)
        [edit] = action["edit"]["changes"][uri]
        self.assertEqual(edit, {"range": d["range"], "newText": "，"})
        self.assertTrue(action["isPreferred"])
        # Nothing to fix away from the diagnostic.
        reply = self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
            "context": {"diagnostics": [], "only": ["quickfix"]}})
        self.assertEqual(reply["result"], [])

    def test_fix_all(self):
        self.client.initialize()
        text = "𠀀甲乙,丙丁;戊己。\n庚辛:壬癸。\n"
        uri = self.open(text=text)
        self.assertEqual(len(self.client.diagnostics(uri)), 3)
        reply = self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]}})
        [action] = reply["result"]
        self.assertEqual(action["kind"], "source.fixAll.policylint")
        [edit] = action["edit"]["changes"][uri]
        fixed = apply_edit(text, edit)
        self.assertEqual(fixed, "𠀀甲乙，丙丁；戊己。\n庚辛：壬癸。\n")

    def test_uris_compare_decoded(self):
        self.client.initialize()
        uri = self.open()
        self.client.diagnostics(uri)
        lower = lowercase_hex(uri)
        self.assertNotEqual(lower, uri)
        self.client.notify("textDocument/didChange", {
            "textDocument": {"uri": lower, "version": 2}, "contentChanges": [{"text": "没有问题。\n"}]})
        message = self.client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        self.assertEqual(message["params"]["diagnostics"], [])
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": lower}})
        message = self.client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        self.assertEqual(message["params"]["diagnostics"], [])

    def test_close_clears_diagnostics(self):
        self.client.initialize()
        uri = self.open()
        self.assertEqual(len(self.client.diagnostics(uri)), 1)
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.assertEqual(self.client.diagnostics(uri), [])

    def test_configuration_reload(self):
        reply = self.client.initialize(watch=True)
        self.assertIn("capabilities", reply["result"])
        registration = self.client.wait(lambda m: m.get("method") == "client/registerCapability")
        self.client.send({"jsonrpc": "2.0", "id": registration["id"], "result": None})
        config = self.dir / "policylint.toml"
        config.write_text('ignore = ["%s"]\n' % RULE, encoding="utf-8")
        uri = self.open()
        self.assertEqual(self.client.diagnostics(uri), [])
        config.write_text("ignore = []\n", encoding="utf-8")
        self.client.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": "file://" + urllib.parse.quote(str(config)), "type": 2}]})
        self.assertEqual(len(self.client.diagnostics(uri)), 1)
        # A broken configuration is shown on the document, not swallowed.
        config.write_text("ignore = [\n", encoding="utf-8")
        self.client.notify("workspace/didChangeConfiguration", {"settings": {}})
        [d] = self.client.diagnostics(uri)
        self.assertEqual(d["severity"], 1)
        self.assertIn("policylint.toml", d["message"])
        # configPath from the client's settings wins over the nearest policylint.toml.
        other = pathlib.Path(self.tmp.name) / "other.toml"
        other.write_text('ignore = ["%s"]\n' % RULE, encoding="utf-8")
        self.client.notify("workspace/didChangeConfiguration",
                           {"settings": {"policylint": {"configPath": str(other)}}})
        self.assertEqual(self.client.diagnostics(uri), [])

    def test_related_information_from_a_pack_of_our_own(self):
        pack = pathlib.Path(self.tmp.name) / "lsptest.toml"
        pack.write_text(PACK, encoding="utf-8")
        self.client.proc.kill()
        self.client.proc.wait()
        self.client.proc.stdin.close()
        self.client.proc.stdout.close()
        self.client = Client([BINARY, "--pack=" + str(pack), "--select", "lsptest", "lsp"], cwd=self.dir)
        self.client.initialize()
        uri = self.open(text="🀄请做好登记工作。\n登记完成后，提交登纪材料。\n")
        [d] = self.client.diagnostics(uri)
        self.assertEqual(d["code"], "lsptest/term-consistency")
        self.assertEqual(d["range"]["start"], {"line": 1, "character": 8})
        [related] = d["relatedInformation"]
        self.assertEqual(related["location"]["uri"], uri)
        self.assertEqual(related["location"]["range"]["start"], {"line": 0, "character": 5})
        self.assertIn("登记", related["message"])
        self.assertNotIn("codeDescription", d)

    def test_malformed_input(self):
        reply = self.client.request("textDocument/codeAction", {})
        self.assertEqual(reply["error"]["code"], -32002)
        self.client.initialize()
        self.client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
        error = self.client.wait(lambda m: "error" in m)
        self.assertEqual(error["error"]["code"], -32700)
        self.client.send_raw(b"X-Nonsense: 1\r\n\r\n")
        error = self.client.wait(lambda m: "error" in m)
        self.assertEqual(error["error"]["code"], -32700)
        self.client.send({"jsonrpc": "2.0", "id": 99})
        error = self.client.wait(lambda m: "error" in m)
        self.assertEqual((error["id"], error["error"]["code"]), (99, -32600))
        reply = self.client.request("textDocument/hover", {})
        self.assertEqual(reply["error"]["code"], -32601)
        reply = self.client.request("textDocument/codeAction", {"textDocument": {"uri": 5}})
        self.assertEqual(reply["error"]["code"], -32602)
        # Bad notifications are not answered, and the server keeps working.
        self.client.notify("textDocument/didOpen", {"textDocument": {}})
        self.client.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.txt"},
                                                      "contentChanges": [{"text": "x"}]})
        uri = self.open()
        self.assertEqual(len(self.client.diagnostics(uri)), 1)
        self.assertEqual(self.client.close(), 0)


def apply_edit(text, edit):
    lines = text.splitlines(keepends=True)

    def offset(pos):
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= pos["character"]:
                return sum(len(l) for l in lines[:pos["line"]]) + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return sum(len(l) for l in lines[:pos["line"]]) + len(line)

    begin, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
    return text[:begin] + edit["newText"] + text[end:]


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
