// The fixture runner: fixtures/<pack>/<case>.txt must produce exactly the diagnostics listed in
// <case>.expected ("line:col rule" per line, '#' comments). A case named *-clean.txt expects none.
// Each folder runs with only its own pack selected; a <case>.toml beside the case is used as its
// policylint.toml instead. fixtures/seed runs every pack, as a user's bare run would.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "policylint/workspace.hpp"
#include "support.hpp"

using namespace policylint;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> expected_lines(const fs::path& file) {
  std::vector<std::string> out;
  if (!fs::exists(file)) return out;
  std::istringstream in(testing::read_file(file.string()));
  for (std::string line; std::getline(in, line);) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> actual_lines(const fs::path& file, const std::string& folder) {
  Overrides overrides;
  const fs::path config = fs::path(file).replace_extension(".toml");
  if (fs::exists(config)) overrides.config = config;
  else overrides.no_config = true;
  if (folder != "seed" && folder != "sample") overrides.select = std::vector<std::string>{folder};
  Workspace workspace(overrides);
  SourceErrors errors;
  REQUIRE(workspace.load(errors));
  const auto settings = workspace.settings_for(file, errors);
  for (const auto& e : errors) FAIL(to_string(e));
  REQUIRE(settings);
  const Document doc(file.string(), decode(testing::read_file(file.string())));
  std::vector<std::string> out;
  for (const Diagnostic& d : workspace.lint(doc, *settings)) {
    const Position p = doc.position(d.span.begin);
    out.push_back(fmt::format("{}:{} {}", p.line, p.column, d.rule));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string difference(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
  std::string out;
  for (const auto& e : expected)
    if (!std::binary_search(actual.begin(), actual.end(), e)) out += "  missing: " + e + "\n";
  for (const auto& a : actual)
    if (!std::binary_search(expected.begin(), expected.end(), a)) out += "  unexpected: " + a + "\n";
  return out;
}

}  // namespace

TEST_CASE("fixtures produce exactly their expected diagnostics", "[fixtures]") {
  const fs::path root = fs::path(POLICYLINT_SOURCE_DIR) / "fixtures";
  std::size_t cases = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string folder = fs::relative(file.parent_path(), root).begin()->string();
    const bool clean = file.stem().string().ends_with("-clean");
    const fs::path expected_file = fs::path(file).replace_extension(".expected");
    DYNAMIC_SECTION(fs::relative(file, root).string()) {
      INFO(file.string());
      if (!clean) REQUIRE(fs::exists(expected_file));
      const auto expected = clean ? std::vector<std::string>{} : expected_lines(expected_file);
      const auto actual = actual_lines(file, folder);
      const std::string diff = difference(expected, actual);
      INFO(diff);
      CHECK(diff.empty());
    }
    ++cases;
  }
  CHECK(cases > 0);
}
