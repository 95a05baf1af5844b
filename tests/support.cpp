#include "support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace policylint::testing {

const std::vector<Pack>& shipped_packs() {
  static const std::vector<Pack> packs = [] {
    std::vector<Pack> out;
    for (const auto& file : shipped_pack_files()) {
      SourceErrors errors;
      auto pack = load_pack(file, errors);
      for (const auto& e : errors) FAIL(to_string(e));
      if (pack) out.push_back(std::move(*pack));
    }
    return out;
  }();
  return packs;
}

std::vector<const Pack*> shipped_pack_pointers() {
  std::vector<const Pack*> out;
  for (const auto& p : shipped_packs()) out.push_back(&p);
  return out;
}

std::vector<Diagnostic> lint_text(const std::string& text, std::vector<std::string> select, LintContext ctx) {
  const Document doc = Document::from_text("test.txt", text);
  RuleSelection selection;
  selection.select = std::move(select);
  if (!ctx.document_date) ctx.document_date = doc.structure().document_date;
  return lint(doc, shipped_pack_pointers(), selection, ctx);
}

std::vector<std::string> rule_ids(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.rule);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int run_cli(const std::string& args, std::string& out, const std::string& stdin_text) {
  std::string command = std::string(POLICYLINT_BINARY) + " " + args;
  std::string input_file;
  if (!stdin_text.empty()) {
    input_file = std::tmpnam(nullptr);
    std::ofstream(input_file, std::ios::binary) << stdin_text;
    command += " < " + input_file;
  }
  out.clear();
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  if (!input_file.empty()) std::remove(input_file.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace policylint::testing
