#include "policylint/config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <set>

#include "rule_params.hpp"

namespace policylint {

namespace fs = std::filesystem;

bool selector_matches(std::string_view selector, std::string_view rule_id) {
  if (selector == rule_id) return true;
  const std::size_t slash = rule_id.find('/');
  const std::string_view pack = rule_id.substr(0, slash);
  if (selector == pack) return true;
  // "agencies" also selects the regional packs' rules, agencies-yunnan/…
  return pack.size() > selector.size() && pack.substr(0, selector.size()) == selector && pack[selector.size()] == '-';
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.substr(0, 3) == "**/") {
    if (glob_match(pattern.substr(3), path)) return true;
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (path[i] == '/' && glob_match(pattern.substr(3), path.substr(i + 1))) return true;
    }
    return false;
  }
  if (pattern.substr(0, 2) == "**") {
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(pattern.substr(2), path.substr(i))) return true;
    }
    return false;
  }
  if (pattern[0] == '*') {
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') break;
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '?' ? path[0] != '/' : pattern[0] == path[0]) return glob_match(pattern.substr(1), path.substr(1));
  return false;
}

std::optional<fs::path> find_config(const fs::path& dir) {
  std::error_code ec;
  for (fs::path d = fs::absolute(dir, ec); !d.empty(); d = d.parent_path()) {
    const fs::path candidate = d / "policylint.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (d == d.parent_path()) break;
  }
  return std::nullopt;
}

namespace {

const std::vector<std::string> kConfigKeys = {"extend",  "packs",   "select",        "ignore", "severity",
                                              "per-file-ignores", "include", "exclude", "document-date", "region"};

class ConfigLoader {
 public:
  explicit ConfigLoader(SourceErrors& errors) : errors_(errors) {}

  std::optional<Config> load(const fs::path& path) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    if (!visiting_.insert(canonical.string()).second) {
      errors_.push_back({path.string(), 0, 0, "'extend' forms a cycle"});
      return std::nullopt;
    }
    toml::table root;
    try {
      root = toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
      errors_.push_back({path.string(), e.source().begin.line, e.source().begin.column, std::string(e.description())});
      return std::nullopt;
    }
    Config config;
    if (const toml::node* extend = root.get("extend")) {
      const auto target = extend->value<std::string>();
      if (!target) {
        error(path, extend, "'extend' must be a path");
      } else if (auto base = load(path.parent_path() / *target)) {
        config = std::move(*base);
      } else {
        return std::nullopt;
      }
    }
    config.file = path;
    read(path, root, config);
    return config;
  }

 private:
  void error(const fs::path& path, const toml::node* node, std::string message) {
    errors_.push_back(error_at(path.string(), node, std::move(message)));
  }

  std::vector<std::string> strings(const fs::path& path, const toml::node& node, std::string_view key) {
    std::vector<std::string> out;
    const toml::array* arr = node.as_array();
    if (!arr) {
      error(path, &node, fmt::format("'{}' must be an array of strings", key));
      return out;
    }
    for (const auto& item : *arr) {
      if (auto s = item.value<std::string>()) out.push_back(*s);
      else error(path, &item, fmt::format("'{}' must hold only strings", key));
    }
    return out;
  }

  void read(const fs::path& path, const toml::table& root, Config& config) {
    const fs::path dir = path.parent_path();
    for (const auto& [key, value] : root) {
      const std::string k(key.str());
      if (k == "extend") continue;
      if (k == "packs") {
        config.packs.clear();
        for (const auto& p : strings(path, value, k)) config.packs.push_back(fs::path(p).is_absolute() ? fs::path(p) : dir / p);
      } else if (k == "select") {
        config.select = strings(path, value, k);
      } else if (k == "ignore") {
        config.ignore = strings(path, value, k);
      } else if (k == "include") {
        config.include = strings(path, value, k);
      } else if (k == "exclude") {
        config.exclude = strings(path, value, k);
      } else if (k == "region") {
        if (auto s = value.value<std::string>()) config.region = *s;
        else error(path, &value, "'region' must be a string");
      } else if (k == "document-date") {
        read_date(path, value, config);
      } else if (k == "severity") {
        read_severity(path, value, config);
      } else if (k == "per-file-ignores") {
        read_per_file_ignores(path, value, config);
      } else {
        errors_.push_back(error_at(path.string(), key.source(), fmt::format("unknown key '{}'{}", k, did_you_mean(k, kConfigKeys))));
      }
    }
  }

  void read_date(const fs::path& path, const toml::node& value, Config& config) {
    if (auto d = value.value<toml::date>()) {
      CivilDate date{d->year, d->month, d->day};
      if (is_valid(date)) {
        config.document_date = date;
        return;
      }
    } else if (auto s = value.value<std::string>()) {
      if ((config.document_date = parse_iso_date(*s))) return;
    }
    error(path, &value, "'document-date' must be a date, YYYY-MM-DD");
  }

  void read_severity(const fs::path& path, const toml::node& value, Config& config) {
    const toml::table* table = value.as_table();
    if (!table) {
      error(path, &value, "[severity] must map rule ids to error, warning or info");
      return;
    }
    for (const auto& [rule, level] : *table) {
      const auto s = level.value<std::string>();
      const auto parsed = s ? parse_severity(*s) : std::nullopt;
      if (!parsed) error(path, &level, fmt::format("severity of '{}' must be error, warning or info", rule.str()));
      else config.severity[std::string(rule.str())] = *parsed;
    }
  }

  void read_per_file_ignores(const fs::path& path, const toml::node& value, Config& config) {
    const toml::table* table = value.as_table();
    if (!table) {
      error(path, &value, "[per-file-ignores] must map globs to arrays of rules");
      return;
    }
    for (const auto& [glob, rules] : *table) {
      config.per_file_ignores.emplace_back(std::string(glob.str()), strings(path, rules, glob.str()));
    }
  }

  SourceErrors& errors_;
  std::set<std::string> visiting_;
};

}  // namespace

std::optional<Config> load_config(const fs::path& path, SourceErrors& errors) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    errors.push_back({path.string(), 0, 0, "cannot read configuration file"});
    return std::nullopt;
  }
  const std::size_t before = errors.size();
  auto config = ConfigLoader(errors).load(path);
  if (errors.size() != before) return std::nullopt;
  return config;
}

}  // namespace policylint
