#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "policylint/config.hpp"
#include "policylint/workspace.hpp"

using namespace policylint;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / fs::path("policylint-test-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name) << text;
  }
};

}  // namespace

TEST_CASE("selectors match a full id or a pack prefix", "[config]") {
  CHECK(selector_matches("numbers", "numbers/fullwidth-digit"));
  CHECK(selector_matches("numbers/fullwidth-digit", "numbers/fullwidth-digit"));
  CHECK(selector_matches("agencies", "agencies-yunnan/informal-name"));
  CHECK_FALSE(selector_matches("number", "numbers/fullwidth-digit"));
  CHECK_FALSE(selector_matches("numbers/fullwidth", "numbers/fullwidth-digit"));
}

TEST_CASE("globs", "[config]") {
  CHECK(glob_match("archive/**", "archive/2020/a.txt"));
  CHECK(glob_match("*.txt", "a.txt"));
  CHECK_FALSE(glob_match("*.txt", "dir/a.txt"));
  CHECK(glob_match("**/*.md", "dir/sub/a.md"));
  CHECK(glob_match("**/*.md", "a.md"));
  CHECK(glob_match("draft-?.txt", "draft-1.txt"));
}

TEST_CASE("the nearest policylint.toml wins and extend inherits", "[config]") {
  TempDir dir;
  dir.write("policylint.toml", "select = [\"numbers\"]\nregion = \"云南省\"\ndocument-date = 2024-03-05\n");
  dir.write("sub/policylint.toml", "extend = \"../policylint.toml\"\nignore = [\"numbers/fullwidth-digit\"]\n"
                                   "[severity]\n\"numbers/fullwidth-digit\" = \"error\"\n"
                                   "[per-file-ignores]\n\"archive/**\" = [\"punctuation\"]\n");
  dir.write("sub/deeper/a.txt", "x");
  const auto found = find_config(dir.path / "sub/deeper");
  REQUIRE(found);
  CHECK(*found == dir.path / "sub/policylint.toml");
  SourceErrors errors;
  const auto config = load_config(*found, errors);
  REQUIRE(config);
  CHECK(config->select == std::vector<std::string>{"numbers"});
  CHECK(config->ignore == std::vector<std::string>{"numbers/fullwidth-digit"});
  CHECK(config->region == "云南省");
  REQUIRE(config->document_date);
  CHECK(config->document_date->day == 5);
  CHECK(config->severity.at("numbers/fullwidth-digit") == Severity::Error);
  REQUIRE(config->per_file_ignores.size() == 1);
}

TEST_CASE("per-file-ignores and CLI overrides shape a file's selection", "[config]") {
  TempDir dir;
  dir.write("policylint.toml", "select = [\"numbers\"]\n[per-file-ignores]\n\"archive/**\" = [\"numbers\"]\n");
  Overrides overrides;
  overrides.ignore = {"punctuation"};
  Workspace workspace(overrides);
  SourceErrors errors;
  REQUIRE(workspace.load(errors));
  const auto archived = workspace.settings_for(dir.path / "archive/old.txt", errors);
  REQUIRE(archived);
  CHECK_FALSE(archived->selection.enabled("numbers/fullwidth-digit"));
  const auto current = workspace.settings_for(dir.path / "draft.txt", errors);
  REQUIRE(current);
  CHECK(current->selection.enabled("numbers/fullwidth-digit"));
  CHECK_FALSE(current->selection.enabled("punctuation/halfwidth-in-cjk"));
}

namespace {

std::vector<std::string> loaded_packs(const Workspace& workspace) {
  std::vector<std::string> names;
  for (const Pack* pack : workspace.base_packs()) {
    if (!pack->rules.empty() || pack->names) names.push_back(pack->name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("rules that --select and --ignore exclude are not compiled", "[config]") {
  Overrides overrides;
  overrides.select = std::vector<std::string>{"punctuation", "numbers/fullwidth-digit"};
  overrides.ignore = {"punctuation/ellipsis"};
  Workspace narrowed(overrides);
  SourceErrors errors;
  REQUIRE(narrowed.load(errors));
  CHECK(loaded_packs(narrowed) == std::vector<std::string>{"numbers", "punctuation"});
  for (const Pack* pack : narrowed.base_packs()) {
    for (const Rule& rule : pack->rules) {
      CHECK((pack->name == "punctuation" || rule.info.id == "numbers/fullwidth-digit"));
      CHECK(rule.info.id != "punctuation/ellipsis");
    }
  }
  // The agency rules read the regional data packs, so those load with them.
  overrides.select = std::vector<std::string>{"agencies/renamed"};
  overrides.ignore.clear();
  Workspace agencies(overrides);
  REQUIRE(agencies.load(errors));
  CHECK(loaded_packs(agencies) == std::vector<std::string>{"agencies", "agencies-national", "agencies-yunnan"});
}

TEST_CASE("configuration errors carry file, line and column", "[config]") {
  TempDir dir;
  dir.write("policylint.toml", "select = [\"numbers\"]\nignroe = []\n");
  SourceErrors errors;
  CHECK_FALSE(load_config(dir.path / "policylint.toml", errors));
  REQUIRE(errors.size() == 1);
  CHECK(to_string(errors[0]) ==
        (dir.path / "policylint.toml").string() + ":2:1: error: unknown key 'ignroe' (did you mean 'ignore'?)");
  dir.write("bad.toml", "document-date = \"2024-02-30\"\n");
  errors.clear();
  CHECK_FALSE(load_config(dir.path / "bad.toml", errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "'document-date' must be a date, YYYY-MM-DD");
  dir.write("loop.toml", "extend = \"loop.toml\"\n");
  errors.clear();
  CHECK_FALSE(load_config(dir.path / "loop.toml", errors));
}
