#pragma once
// Rule packs: TOML files compiled once per process into rules that checks run.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "policylint/check.hpp"
#include "policylint/error.hpp"
#include "policylint/names.hpp"

namespace policylint {

struct Rule {
  RuleInfo info;
  std::shared_ptr<const Check> check;
};

class LineTriggers;  // the pack's rule triggers compiled into RE2 sets (linter/triggers.hpp)

struct Pack {
  std::string name;
  std::string description;
  std::string version;
  std::filesystem::path path;
  std::vector<Rule> rules;
  std::shared_ptr<const LineTriggers> triggers;
  std::shared_ptr<const NameTable> names;  // a data pack's [names] and [[bodies]]
};

// The pack whose rules read a data pack: agencies for agencies-yunnan.
inline std::string_view reader_pack(std::string_view data_pack) { return data_pack.substr(0, data_pack.find('-')); }

// Which rules of a pack to compile when the command line narrows them; empty keeps all. A refused
// rule is left out of the pack, and so is the check for sections no rule uses.
using RuleFilter = std::function<bool(std::string_view rule_id)>;

// Loads and validates one pack. On error returns nullopt and appends every problem found.
std::optional<Pack> load_pack(const std::filesystem::path& path, SourceErrors& errors, const RuleFilter& wanted = {});
std::optional<Pack> load_pack_text(std::string_view toml, const std::string& path_for_errors, SourceErrors& errors,
                                   const RuleFilter& wanted = {});

// The shipped packs: $POLICYLINT_RULES_DIR, then beside the executable, then the source tree.
std::filesystem::path shipped_rules_dir();
std::vector<std::filesystem::path> shipped_pack_files();

}  // namespace policylint

namespace policylint {

// Runs every rule's examples alone: each bad example must fire the rule and each good one must not.
// Returns one message per failure, naming the rule and the example.
// `data` are the other packs in force (e.g. the agency name packs the rules read).
std::vector<std::string> verify_examples(const Pack& pack, const std::vector<const Pack*>& data = {});

}  // namespace policylint
