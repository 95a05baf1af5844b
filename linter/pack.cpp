#include "policylint/pack.hpp"

#include <fmt/format.h>
#include <re2/re2.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "name_table.hpp"
#include "rule_params.hpp"
#include "triggers.hpp"

namespace policylint {

namespace {

const std::vector<std::string> kRuleKeys = {"id",    "kind",     "severity", "message",   "description",
                                            "standard", "scope", "examples", "fixable"};
const std::vector<std::string> kPackKeys = {"name", "description", "version"};

std::optional<LineRole> parse_role(std::string_view s) {
  for (LineRole r : {LineRole::Title, LineRole::DocNumber, LineRole::Addressee, LineRole::Heading, LineRole::Body,
                     LineRole::Table, LineRole::Attachment, LineRole::Signature, LineRole::Layout}) {
    if (s == to_string(r)) return r;
  }
  return std::nullopt;
}

std::vector<std::string> role_names() {
  return {"any", "title", "docnumber", "addressee", "heading", "body", "table", "attachment", "signature", "layout"};
}

class PackLoader {
 public:
  PackLoader(const std::string& path, SourceErrors& errors, const RuleFilter& wanted)
      : path_(path), errors_(errors), wanted_(wanted) {}

  std::optional<Pack> load(const toml::table& root) {
    Pack pack;
    pack.path = path_;
    read_header(root, pack);
    std::set<std::string> sections_used;
    if (const toml::node* rules = root.get("rules")) {
      const toml::array* arr = rules->as_array();
      if (!arr || !arr->is_array_of_tables()) {
        error(rules, "'rules' must be an array of tables ([[rules]])");
      } else {
        std::set<std::string> ids;
        for (const auto& node : *arr) {
          if (wanted_ && !wanted_((*node.as_table())["id"].value_or(std::string_view()))) continue;
          if (auto rule = load_rule(*node.as_table(), root, pack.name, sections_used)) {
            if (!ids.insert(rule->info.id).second) {
              error(&node, fmt::format("duplicate rule id '{}'", rule->info.id));
              continue;
            }
            pack.rules.push_back(std::move(*rule));
          }
        }
      }
    }
    pack.names = load_name_table(root, pack.name, path_, errors_);
    for (const auto& [key, value] : root) {
      const std::string k(key.str());
      if (k == "pack" || k == "rules" || sections_used.count(k) || is_name_section(k) || wanted_) continue;
      std::vector<std::string> known = {"pack", "rules", "names", "bodies"};
      errors_.push_back(error_at(path_, key.source(), fmt::format("unknown top-level key '{}'{}", k, did_you_mean(k, known))));
    }
    if (errors_.size() != start_) return std::nullopt;
    pack.triggers = LineTriggers::build(pack.rules);
    return pack;
  }

 private:
  void error(const toml::node* at, std::string message) { errors_.push_back(error_at(path_, at, std::move(message))); }

  void read_header(const toml::table& root, Pack& pack) {
    const toml::table* header = root["pack"].as_table();
    if (!header) {
      errors_.push_back({path_, 1, 1, "missing [pack] table with 'name'"});
      return;
    }
    for (const auto& [key, value] : *header) {
      const std::string k(key.str());
      if (std::find(kPackKeys.begin(), kPackKeys.end(), k) == kPackKeys.end()) {
        errors_.push_back(error_at(path_, key.source(), fmt::format("unknown key '{}' in [pack]{}", k, did_you_mean(k, kPackKeys))));
      }
    }
    if (auto name = (*header)["name"].value<std::string>()) pack.name = *name;
    else error(header, "[pack] needs a string 'name'");
    pack.description = (*header)["description"].value_or(std::string());
    pack.version = (*header)["version"].value_or(std::string());
  }

  std::optional<Rule> load_rule(const toml::table& table, const toml::table& root, const std::string& pack_name,
                                std::set<std::string>& sections_used) {
    const std::size_t before = errors_.size();
    Rule rule;
    RuleInfo& info = rule.info;
    info.pack = pack_name;
    info.pack_path = path_;
    info.line = table.source().begin.line;
    info.id = table["id"].value_or(std::string());
    const auto need = [&](std::string_view key) -> std::string {
      const toml::node* n = table.get(key);
      if (!n) {
        error(&table, fmt::format("rule '{}': missing required key '{}'", info.id, key));
        return {};
      }
      if (auto v = n->value<std::string>()) return *v;
      error(n, fmt::format("rule '{}': '{}' must be a string", info.id, key));
      return {};
    };
    static const RE2 id_form("([a-z0-9]+(?:-[a-z0-9]+)*)/[a-z0-9]+(?:-[a-z0-9]+)*");
    std::string id_pack;
    if (info.id.empty()) {
      need("id");
    } else if (!RE2::FullMatch(info.id, id_form, &id_pack)) {
      error(table.get("id"), fmt::format("rule id '{}' is not of the form pack/kebab-name", info.id));
    } else if (id_pack != pack_name && pack_name.rfind(id_pack + "-", 0) != 0) {
      error(table.get("id"), fmt::format("rule id '{}' does not belong to pack '{}'", info.id, pack_name));
    }
    info.kind = need("kind");
    info.message = need("message");
    info.description = need("description");
    info.standard = table["standard"].value_or(std::string());
    const std::string severity = need("severity");
    if (!severity.empty()) {
      if (auto s = parse_severity(severity)) info.severity = *s;
      else error(table.get("severity"), fmt::format("rule '{}': severity must be error, warning or info", info.id));
    }
    read_scope(table, info);
    read_examples(table, info);
    if (info.kind.empty()) return std::nullopt;
    const KindFactory* factory = find_kind(info.kind);
    if (!factory) {
      error(table.get("kind"), fmt::format("rule '{}': unknown kind '{}'{}", info.id, info.kind,
                                           did_you_mean(info.kind, kind_names())));
      return std::nullopt;
    }
    RuleParams params(table, root, info, errors_);
    rule.check = (*factory)(params);
    sections_used.insert(params.used_sections().begin(), params.used_sections().end());
    std::vector<std::string> known = kRuleKeys;
    known.insert(known.end(), params.used_keys().begin(), params.used_keys().end());
    for (const auto& [key, value] : table) {
      const std::string k(key.str());
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        errors_.push_back(error_at(path_, key.source(), fmt::format("rule '{}': unknown key '{}'{}", info.id, k, did_you_mean(k, known))));
      }
    }
    if (errors_.size() != before || !rule.check) return std::nullopt;
    return rule;
  }

  void read_scope(const toml::table& table, RuleInfo& info) {
    const toml::node* scope = table.get("scope");
    if (!scope) return;
    std::vector<std::pair<std::string, const toml::node*>> names;
    if (auto s = scope->value<std::string>()) names.emplace_back(*s, scope);
    else if (const auto* arr = scope->as_array()) {
      for (const auto& item : *arr) names.emplace_back(item.value_or(std::string()), &item);
    }
    for (const auto& [name, node] : names) {
      if (name == "any") {
        info.scope.clear();
        return;
      }
      if (auto role = parse_role(name)) info.scope.push_back(*role);
      else error(node, fmt::format("rule '{}': unknown scope '{}'{}", info.id, name, did_you_mean(name, role_names())));
    }
  }

  void read_examples(const toml::table& table, RuleInfo& info) {
    const toml::node* node = table.get("examples");
    if (!node) return;
    const toml::table* examples = node->as_table();
    if (!examples) {
      error(node, fmt::format("rule '{}': 'examples' must be a table with 'bad' and 'good'", info.id));
      return;
    }
    const std::vector<std::string> keys = {"bad", "good", "document-date"};
    for (const auto& [key, value] : *examples) {
      const std::string k(key.str());
      if (k == "bad" || k == "good") {
        auto& out = k == "bad" ? info.examples_bad : info.examples_good;
        if (const auto* arr = value.as_array()) {
          for (const auto& item : *arr) {
            if (auto s = item.value<std::string>()) out.push_back(*s);
            else error(&item, fmt::format("rule '{}': examples.{} must hold strings", info.id, k));
          }
        } else {
          error(&value, fmt::format("rule '{}': examples.{} must be an array of strings", info.id, k));
        }
      } else if (k == "document-date") {
        info.examples_document_date = value.value_or(std::string());
      } else {
        errors_.push_back(error_at(path_, key.source(), fmt::format("rule '{}': unknown key 'examples.{}'{}", info.id, k, did_you_mean(k, keys))));
      }
    }
  }

  const std::string& path_;
  SourceErrors& errors_;
  const RuleFilter& wanted_;
  std::size_t start_ = errors_.size();
};

}  // namespace

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "info") return Severity::Info;
  if (s == "warning") return Severity::Warning;
  if (s == "error") return Severity::Error;
  return std::nullopt;
}

std::optional<Pack> load_pack_text(std::string_view text, const std::string& path, SourceErrors& errors,
                                   const RuleFilter& wanted) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    errors.push_back({path, e.source().begin.line, e.source().begin.column, std::string(e.description())});
    return std::nullopt;
  }
  return PackLoader(path, errors, wanted).load(root);
}

std::optional<Pack> load_pack(const std::filesystem::path& path, SourceErrors& errors, const RuleFilter& wanted) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    errors.push_back({path.string(), 0, 0, "cannot read rule pack"});
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
  std::fclose(f);
  return load_pack_text(text, path.string(), errors, wanted);
}

std::filesystem::path shipped_rules_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("POLICYLINT_RULES_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {exe.parent_path().parent_path() / "share/policylint/rules",
                                      exe.parent_path().parent_path() / "rules"}) {
      if (fs::is_directory(candidate, ec)) return candidate;
    }
  }
  if (fs::is_directory(POLICYLINT_SOURCE_RULES_DIR, ec)) return POLICYLINT_SOURCE_RULES_DIR;
  return POLICYLINT_INSTALL_RULES_DIR;
}

std::vector<std::filesystem::path> shipped_pack_files() {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(shipped_rules_dir(), ec)) {
    if (entry.path().extension() == ".toml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace policylint
