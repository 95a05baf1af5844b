#include "rule_params.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace policylint {

SourceError error_at(const std::string& path, const toml::node* node, std::string message) {
  SourceError e{path, 0, 0, std::move(message)};
  if (node) {
    e.line = node->source().begin.line;
    e.column = node->source().begin.column;
  }
  return e;
}

SourceError error_at(const std::string& path, const toml::source_region& where, std::string message) {
  return {path, where.begin.line, where.begin.column, std::move(message)};
}

std::string to_string(const SourceError& e) {
  if (e.line == 0) return fmt::format("{}: error: {}", e.path, e.message);
  return fmt::format("{}:{}:{}: error: {}", e.path, e.line, e.column, e.message);
}

RuleParams::RuleParams(const toml::table& rule, const toml::table& pack, RuleInfo& info, SourceErrors& errors)
    : rule_(rule), pack_(pack), info_(info), errors_(errors), error_count_at_start_(errors.size()) {}

const toml::node* RuleParams::node(std::string_view key) {
  used_.insert(std::string(key));
  return rule_.get(key);
}

const toml::node* RuleParams::pack_section(std::string_view key) {
  used_sections_.insert(std::string(key));
  return pack_.get(key);
}

void RuleParams::error(const toml::node* at, std::string message) {
  errors_.push_back(error_at(info_.pack_path, at ? at : &rule_, fmt::format("rule '{}': {}", info_.id, message)));
}

std::optional<std::string> RuleParams::string(std::string_view key, bool required) {
  const toml::node* n = node(key);
  if (!n) {
    if (required) error(nullptr, fmt::format("missing required key '{}'", key));
    return std::nullopt;
  }
  if (auto v = n->value<std::string>()) return *v;
  error(n, fmt::format("'{}' must be a string", key));
  return std::nullopt;
}

std::vector<std::string> RuleParams::strings(std::string_view key, bool required) {
  const toml::node* n = node(key);
  std::vector<std::string> out;
  if (!n) {
    if (required) error(nullptr, fmt::format("missing required key '{}'", key));
    return out;
  }
  if (auto v = n->value<std::string>()) {
    out.push_back(*v);
    return out;
  }
  if (const auto* arr = n->as_array()) {
    for (const auto& item : *arr) {
      if (auto v = item.value<std::string>()) out.push_back(*v);
      else error(&item, fmt::format("'{}' must hold only strings", key));
    }
    return out;
  }
  error(n, fmt::format("'{}' must be a string or an array of strings", key));
  return out;
}

std::optional<bool> RuleParams::boolean(std::string_view key) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  if (auto v = n->value<bool>()) return *v;
  error(n, fmt::format("'{}' must be true or false", key));
  return std::nullopt;
}

std::optional<std::int64_t> RuleParams::integer(std::string_view key) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  if (auto v = n->value<std::int64_t>()) return *v;
  error(n, fmt::format("'{}' must be an integer", key));
  return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

}  // namespace policylint
