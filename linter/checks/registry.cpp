// The kinds a pack may name. Adding a kind: one .hpp/.cpp pair in this folder and one line here.
#include <map>

#include "checks/consistency.hpp"
#include "checks/pattern.hpp"
#include "checks/substitution.hpp"
#include "checks/targets.hpp"
#include "rule_params.hpp"

namespace policylint {

namespace {

const std::map<std::string, KindFactory, std::less<>>& kinds() {
  static const std::map<std::string, KindFactory, std::less<>> registry = {
      {"consistency", make_consistency_check},
      {"pattern", make_pattern_check},
      {"substitution", make_substitution_check},
      {"targets", make_targets_check},
  };
  return registry;
}

}  // namespace

const KindFactory* find_kind(std::string_view name) {
  const auto it = kinds().find(name);
  return it == kinds().end() ? nullptr : &it->second;
}

std::vector<std::string> kind_names() {
  std::vector<std::string> out;
  for (const auto& [name, factory] : kinds()) out.push_back(name);
  return out;
}

}  // namespace policylint
