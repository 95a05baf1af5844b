// The kinds a pack may name. Adding a kind: one .hpp/.cpp pair in this folder and one line here.
#include <map>

#include "checks/consistency.hpp"
#include "checks/dates.hpp"
#include "checks/duplicated_word.hpp"
#include "checks/names.hpp"
#include "checks/ordinal_punctuation.hpp"
#include "checks/paired_marks.hpp"
#include "checks/pattern.hpp"
#include "checks/references.hpp"
#include "checks/structure.hpp"
#include "checks/substitution.hpp"
#include "checks/targets.hpp"
#include "checks/two_digit_year.hpp"
#include "rule_params.hpp"

namespace policylint {

namespace {

const std::map<std::string, KindFactory, std::less<>>& kinds() {
  static const std::map<std::string, KindFactory, std::less<>> registry = {
      {"consistency", make_consistency_check},
      {"dates", make_dates_check},
      {"duplicated-word", make_duplicated_word_check},
      {"names", make_names_check},
      {"ordinal-punctuation", make_ordinal_punctuation_check},
      {"paired-marks", make_paired_marks_check},
      {"pattern", make_pattern_check},
      {"references", make_references_check},
      {"structure", make_structure_check},
      {"substitution", make_substitution_check},
      {"targets", make_targets_check},
      {"two-digit-year", make_two_digit_year_check},
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
