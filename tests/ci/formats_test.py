#!/usr/bin/env python3
"""--format sarif|github|rdjson|gitlab|junit, each checked against its validator where one exists:
the official SARIF 2.1.0 schema (shipped in @microsoft/jest-sarif) with jsonschema, and reviewdog's
@umbrelladocs/rdformat-validator.

usage: formats_test.py /path/to/policylint"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
import npm_tools  # noqa: E402

BINARY = None
RULE = "punctuation/halfwidth-in-cjk"
# A file name with the characters GitHub's workflow commands must escape in a property.
DRAFT_NAME = "草稿,第1稿:修订%.txt"
# 𠀀 and 🀄 are outside the BMP: the comma is code point 8 but UTF-8 byte 24 on line 1.
DRAFT = "𠀀🀄各有关单位,请于月底前报送。\n第二行:有问题,对吧。\n第二行:有问题,对吧。\n"


class FormatsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = pathlib.Path(cls.tmp.name)
        (cls.dir / DRAFT_NAME).write_text(DRAFT, encoding="utf-8")
        (cls.dir / "clean.txt").write_text("各有关单位，请于月底前报送。\n", encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_format(self, fmt):
        result = subprocess.run([BINARY, "--no-config", "--select", RULE, "-q", "--format", fmt,
                                 DRAFT_NAME, "clean.txt"], cwd=self.dir, capture_output=True)
        self.assertEqual(result.returncode, 1, result.stderr.decode())
        return result.stdout.decode()

    def test_sarif_validates_against_the_official_schema(self):
        import jsonschema
        out = self.run_format("sarif")
        log = json.loads(out)
        tools = npm_tools.install("sarif-schema", ["@microsoft/jest-sarif@1.0.0-beta.0"])
        if tools is None:
            self.skipTest("npm is not installed")
        schema_path = tools / "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
        errors = [e.message for e in validator.iter_errors(log)]
        self.assertEqual(errors, [])
        run = log["runs"][0]
        self.assertEqual(log["version"], "2.1.0")
        self.assertEqual(run["columnKind"], "unicodeCodePoints")
        [rule] = run["tool"]["driver"]["rules"]
        self.assertEqual(rule["id"], RULE)
        self.assertIn("GB/T 15834", rule["help"]["text"])
        results = run["results"]
        self.assertEqual([r["ruleId"] for r in results], [RULE] * 5)
        region = results[0]["locations"][0]["physicalLocation"]["region"]
        self.assertEqual((region["startLine"], region["startColumn"]), (1, 8))
        prints = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
        self.assertEqual(len(set(prints)), len(prints))
        # Stable: the same findings give the same fingerprints on another run.
        self.assertEqual(prints, [r["partialFingerprints"]["primaryLocationLineHash"]
                                  for r in json.loads(self.run_format("sarif"))["runs"][0]["results"]])

    def test_github_workflow_commands(self):
        lines = self.run_format("github").splitlines()
        self.assertEqual(len(lines), 5)
        pattern = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)$")
        for line in lines:
            match = pattern.match(line)
            self.assertIsNotNone(match, line)
            props = dict(p.split("=", 1) for p in match.group(2).split(","))
            self.assertEqual(unescape(props["file"]), DRAFT_NAME)
            self.assertEqual(props["title"], "punctuation/halfwidth-in-cjk".replace(":", "%3A"))
            self.assertIn("全角", unescape(match.group(3)))
        first = dict(p.split("=", 1) for p in pattern.match(lines[0]).group(2).split(","))
        self.assertEqual((first["line"], first["col"], first["endColumn"]), ("1", "8", "9"))

    def test_rdjson_validates_and_counts_bytes(self):
        out = self.run_format("rdjson")
        data = json.loads(out)
        start = data["diagnostics"][0]["location"]["range"]["start"]
        self.assertEqual((start["line"], start["column"]), (1, 24))
        self.assertEqual(data["diagnostics"][0]["suggestions"][0]["text"], "，")
        tools = npm_tools.install("rdformat-validator", ["@umbrelladocs/rdformat-validator@1.0.1"])
        if tools is None:
            self.skipTest("npm is not installed")
        path = self.dir / "report.rdjson"
        path.write_text(out, encoding="utf-8")
        result = subprocess.run([str(tools / "node_modules/.bin/rdformat-validator"), "--strict", "--no-extra-fields",
                                 str(path)], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        # The validator does reject a broken report.
        path.write_text('{"diagnostics": [{"message": 1}]}', encoding="utf-8")
        result = subprocess.run([str(tools / "node_modules/.bin/rdformat-validator"), str(path)], capture_output=True)
        self.assertNotEqual(result.returncode, 0)

    def test_gitlab_code_quality(self):
        issues = json.loads(self.run_format("gitlab"))
        self.assertEqual(len(issues), 5)
        for issue in issues:
            for key in ("description", "check_name", "fingerprint", "severity", "location"):
                self.assertIn(key, issue)
            self.assertIn(issue["severity"], ("info", "minor", "major", "critical", "blocker"))
            self.assertEqual(issue["location"]["path"], DRAFT_NAME)
        prints = [i["fingerprint"] for i in issues]
        # Lines 2 and 3 are identical, and so are their findings: fingerprints must still differ.
        self.assertEqual(len(set(prints)), len(prints))

    def test_junit(self):
        root = ET.fromstring(self.run_format("junit"))
        self.assertEqual(root.tag, "testsuites")
        self.assertEqual((root.get("tests"), root.get("failures")), ("6", "5"))
        suites = {s.get("name"): s for s in root.findall("testsuite")}
        self.assertEqual(set(suites), {DRAFT_NAME, "clean.txt"})
        self.assertEqual(len(suites[DRAFT_NAME].findall("testcase/failure")), 5)
        self.assertEqual(len(suites["clean.txt"].findall("testcase/failure")), 0)
        failure = suites[DRAFT_NAME].find("testcase/failure")
        self.assertIn("全角", failure.get("message"))

    def test_json_contract_is_unchanged(self):
        [first, *_] = json.loads(self.run_format("json"))
        self.assertEqual({k: first[k] for k in ("file", "line", "column", "end_line", "end_column", "severity", "rule")},
                         {"file": DRAFT_NAME, "line": 1, "column": 8, "end_line": 1, "end_column": 9,
                          "severity": "warning", "rule": RULE})


def unescape(s):
    return (s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
