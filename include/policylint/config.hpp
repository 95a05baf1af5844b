#pragma once
// policylint.toml: which packs and rules apply to which files.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "policylint/date.hpp"
#include "policylint/diagnostic.hpp"
#include "policylint/error.hpp"

namespace policylint {

struct Config {
  std::filesystem::path file;  // empty for the built-in default
  std::vector<std::filesystem::path> packs;  // extra packs, resolved against the config's folder
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file_ignores;
  std::vector<std::string> include;  // globs for directory walks
  std::vector<std::string> exclude;
  std::optional<CivilDate> document_date;
  std::string region;
};

// Loads `path`, following `extend`; errors carry the file, line and column.
std::optional<Config> load_config(const std::filesystem::path& path, SourceErrors& errors);
// The nearest policylint.toml in `dir` or above it.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir);

// Does `selector` (a full id or a pack prefix) select `rule_id`?
bool selector_matches(std::string_view selector, std::string_view rule_id);
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace policylint
