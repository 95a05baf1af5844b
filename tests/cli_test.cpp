// The CLI end to end: exit codes, output formats, --fix, --diff, stdin and bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "support.hpp"

namespace fs = std::filesystem;
using policylint::testing::read_file;
using policylint::testing::run_cli;

namespace {

struct Sandbox {
  fs::path dir;
  Sandbox() {
    dir = fs::temp_directory_path() / ("policylint-cli-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir);
  }
  ~Sandbox() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& bytes) const {
    const fs::path p = dir / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
};

const std::string kOnly = "--no-config --select punctuation/halfwidth-in-cjk ";
const std::string kDraft = "各单位：\n请于本月底前报送材料,逾期不再受理。\n";

}  // namespace

TEST_CASE("exit codes: 0 clean, 1 findings, 2 bad input", "[cli]") {
  Sandbox box;
  std::string out;
  CHECK(run_cli(kOnly + box.write("clean.txt", "各单位：请按时报送。\n"), out) == 0);
  CHECK(run_cli(kOnly + box.write("draft.txt", kDraft), out) == 1);
  CHECK(run_cli(kOnly + "--exit-zero " + box.write("draft2.txt", kDraft), out) == 0);
  CHECK(run_cli(kOnly + (box.dir / "missing.txt").string() + " 2>&1", out) == 2);
  CHECK(out.find("missing.txt: error: 没有这个文件或目录") != std::string::npos);
  const std::string config = box.write("bad/policylint.toml", "selct = []\n");
  CHECK(run_cli("--config " + config + " " + box.write("bad/a.txt", kDraft) + " 2>&1", out) == 2);
  CHECK(out.find(config + ":1:1: error: unknown key 'selct' (did you mean 'select'?)") != std::string::npos);
  const std::string pack = box.write("pack.toml", "[pack]\nname = \"x\"\n[[rules]]\nid = \"x/y\"\n");
  CHECK(run_cli("--no-config --pack " + pack + " " + box.write("c.txt", kDraft) + " 2>&1", out) == 2);
  CHECK(out.find(pack + ":3:1: error:") != std::string::npos);
}

TEST_CASE("text output is compiler style, sorted, with fixable marks and source carets", "[cli]") {
  Sandbox box;
  const std::string file = box.write("draft.txt", kDraft);
  std::string out;
  run_cli(kOnly + "-q " + file, out);
  CHECK(out == file + ":2:11: warning: 中文之间应使用全角标点“，”，不用半角“,” [punctuation/halfwidth-in-cjk] [*]\n");
  run_cli(kOnly + "-q --show-source " + file, out);
  CHECK(out.find("  请于本月底前报送材料,逾期不再受理。\n" + std::string(22, ' ') + "^\n") != std::string::npos);
  run_cli(kOnly + "-q --column-unit byte " + file, out);
  CHECK(out.find(":2:31: warning") != std::string::npos);
  run_cli(kOnly + "-q --column-unit display " + file, out);
  CHECK(out.find(":2:21: warning") != std::string::npos);
  run_cli(kOnly + "--statistics " + file + " 2>/dev/null", out);
  CHECK(out.find("     1  punctuation/halfwidth-in-cjk") != std::string::npos);
}

TEST_CASE("json and jsonl follow the contract", "[cli]") {
  Sandbox box;
  const std::string file = box.write("draft.txt", kDraft);
  std::string out;
  run_cli(kOnly + "-q --format json " + file, out);
  const auto json = nlohmann::json::parse(out);
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 1);
  const auto& d = json[0];
  CHECK(d["file"] == file);
  CHECK(d["line"] == 2);
  CHECK(d["column"] == 11);
  CHECK(d["end_line"] == 2);
  CHECK(d["end_column"] == 12);
  CHECK(d["severity"] == "warning");
  CHECK(d["rule"] == "punctuation/halfwidth-in-cjk");
  CHECK(d["fix"]["safe"] == true);
  CHECK(d["fix"]["edits"][0]["replacement"] == "，");
  run_cli(kOnly + "-q --format jsonl " + file + " " + file, out);
  CHECK(std::count(out.begin(), out.end(), '\n') == 2);
  run_cli(kOnly + "-q --format json " + box.write("clean.txt", "无误。\n"), out);
  CHECK(nlohmann::json::parse(out).empty());
}

TEST_CASE("fixing keeps the encoding, the BOM and the line endings, and a second run changes nothing", "[cli]") {
  Sandbox box;
  std::string out;
  const std::string crlf_bom = box.write("bom.txt", "\xEF\xBB\xBF各单位：\r\n请报送材料,逾期不候。\r\n");
  CHECK(run_cli(kOnly + "-q --fix " + crlf_bom, out) == 0);
  CHECK(read_file(crlf_bom) == "\xEF\xBB\xBF各单位：\r\n请报送材料，逾期不候。\r\n");
  CHECK(run_cli(kOnly + "-q --fix " + crlf_bom, out) == 0);
  CHECK(read_file(crlf_bom) == "\xEF\xBB\xBF各单位：\r\n请报送材料，逾期不候。\r\n");

  // 报送,逾期 in GB18030: the fix must write GB18030 back.
  const std::string gb = box.write("gb.txt", "\xB1\xA8\xCB\xCD,\xD3\xE2\xC6\xDA\n");
  CHECK(run_cli(kOnly + "-q --fix " + gb, out) == 0);
  CHECK(read_file(gb) == "\xB1\xA8\xCB\xCD\xA3\xAC\xD3\xE2\xC6\xDA\n");

  const std::string utf16 = box.write("u16.txt", std::string("\xFF\xFE\xA5\x62\x01\x90,\x00\x3E\x5C\x1F\x67", 12));
  CHECK(run_cli(kOnly + "-q --fix " + utf16, out) == 0);
  CHECK(read_file(utf16) == std::string("\xFF\xFE\xA5\x62\x01\x90\x0C\xFF\x3E\x5C\x1F\x67", 12));
  for (const auto& entry : fs::directory_iterator(box.dir)) CHECK(entry.path().filename().string()[0] != '.');
}

TEST_CASE("the diff option prints a unified diff and writes nothing", "[cli]") {
  Sandbox box;
  const std::string file = box.write("draft.txt", kDraft);
  std::string out;
  CHECK(run_cli(kOnly + "--diff " + file, out) == 1);
  CHECK(out == "--- a/" + file + "\n+++ b/" + file + "\n@@ -1,2 +1,2 @@\n 各单位：\n-请于本月底前报送材料,逾期不再受理。\n"
                   "+请于本月底前报送材料，逾期不再受理。\n");
  CHECK(read_file(file) == kDraft);
}

TEST_CASE("stdin with --stdin-filename, and --fix on stdin prints the fixed text", "[cli]") {
  std::string out;
  CHECK(run_cli(kOnly + "-q --stdin-filename draft.txt -", out, kDraft) == 1);
  CHECK(out.rfind("draft.txt:2:11: warning:", 0) == 0);
  CHECK(run_cli(kOnly + "-q --fix -", out, kDraft) == 0);
  CHECK(out == "各单位：\n请于本月底前报送材料，逾期不再受理。\n");
}

TEST_CASE("undecodable bytes are reported where they stand and the rest is still linted", "[cli]") {
  Sandbox box;
  const std::string file =
      box.write("bad.txt", "各单位：请于本月底前报送全部材料。\n请报送\xFF材料,逾期不候。\n");
  std::string out;
  CHECK(run_cli(kOnly + "-q " + file, out) == 1);
  CHECK(out.find(file + ":2:4: error: 无法按 utf-8 解码的字节：FF [input/invalid-encoding]") != std::string::npos);
  CHECK(out.find(file + ":2:7: warning:") != std::string::npos);
  const std::string before = read_file(file);
  run_cli(kOnly + "-q --fix " + file + " 2>&1", out);
  CHECK(read_file(file) == before);
  CHECK(out.find("含有无法解码的字节，未做任何修复") != std::string::npos);
}

TEST_CASE("binary files are skipped with a notice; directories are walked for .txt and .md", "[cli]") {
  Sandbox box;
  box.write("tree/a.txt", kDraft);
  box.write("tree/sub/b.md", kDraft);
  box.write("tree/sub/c.docx", kDraft);
  box.write("tree/bin.txt", std::string("\0\1\2", 3));
  std::string out;
  CHECK(run_cli(kOnly + "-q " + (box.dir / "tree").string() + " 2>&1", out) == 1);
  CHECK(out.find("a.txt:2:11") != std::string::npos);
  CHECK(out.find("b.md:2:11") != std::string::npos);
  CHECK(out.find("c.docx") == std::string::npos);
  CHECK(out.find("bin.txt: 二进制文件，已跳过") != std::string::npos);
}

TEST_CASE("rules, explain and check-pack", "[cli]") {
  std::string out;
  CHECK(run_cli("rules", out) == 0);
  CHECK(out.find("punctuation/halfwidth-in-cjk") != std::string::npos);
  CHECK(run_cli("explain punctuation/halfwidth-in-cjk", out) == 0);
  CHECK(out.find("错误示例") != std::string::npos);
  CHECK(run_cli("explain nope/nothing 2>&1", out) == 2);
  CHECK(run_cli("check-pack " + std::string(POLICYLINT_SOURCE_DIR) + "/rules/punctuation.toml", out) == 0);
}
