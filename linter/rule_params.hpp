#pragma once
// A rule's TOML table as its kind sees it at load time. Every key a kind reads is marked as known;
// whatever is left over is an unknown key, reported with a did-you-mean.
#include <toml++/toml.h>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "policylint/check.hpp"
#include "policylint/error.hpp"

namespace policylint {

class RuleParams {
 public:
  RuleParams(const toml::table& rule, const toml::table& pack, RuleInfo& info, SourceErrors& errors);

  std::optional<std::string> string(std::string_view key, bool required = false);
  // A string or an array of strings.
  std::vector<std::string> strings(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::int64_t> integer(std::string_view key);
  const toml::node* node(std::string_view key);
  // A top-level section of the pack beside [pack] and [[rules]], e.g. a name dictionary.
  const toml::node* pack_section(std::string_view key);

  // The entry of `table` that the string at `key` names (e.g. check = "weekday-mismatch"); a
  // missing key or an unknown name is reported, with a did-you-mean, and gives nullptr.
  template <class Table>
  const typename Table::mapped_type* lookup(std::string_view key, const Table& table);

  void error(const toml::node* at, std::string message);
  bool ok() const { return errors_.size() == error_count_at_start_; }
  RuleInfo& info() { return info_; }
  const std::set<std::string>& used_keys() const { return used_; }
  const std::set<std::string>& used_sections() const { return used_sections_; }

 private:
  const toml::table& rule_;
  const toml::table& pack_;
  RuleInfo& info_;
  SourceErrors& errors_;
  std::size_t error_count_at_start_;
  std::set<std::string> used_;
  std::set<std::string> used_sections_;
};

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

template <class Table>
const typename Table::mapped_type* RuleParams::lookup(std::string_view key, const Table& table) {
  const auto name = string(key, true);
  if (!name) return nullptr;
  if (const auto it = table.find(*name); it != table.end()) return &it->second;
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.first);
  error(node(key), "unknown " + std::string(key) + " '" + *name + "'" + did_you_mean(*name, names));
  return nullptr;
}

using KindFactory = std::function<std::shared_ptr<const Check>(RuleParams&)>;

const KindFactory* find_kind(std::string_view name);
std::vector<std::string> kind_names();

// Levenshtein distance, for did-you-mean suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

SourceError error_at(const std::string& path, const toml::node* node, std::string message);
SourceError error_at(const std::string& path, const toml::source_region& where, std::string message);

}  // namespace policylint
