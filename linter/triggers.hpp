#pragma once
// A pack's line triggers (see Check::trigger) compiled into one RE2::Set per view, so that one
// pass over each line tells which rules can match there.
#include <re2/set.h>

#include <memory>
#include <optional>
#include <vector>

#include "policylint/pack.hpp"

namespace policylint {

class LineTriggers {
 public:
  // Nullptr when no rule of the pack has a trigger (or a set fails to compile).
  static std::shared_ptr<const LineTriggers> build(const std::vector<Rule>& rules);
  // For each rule of the pack, the lines where its trigger matched; nullopt for untriggered rules.
  std::vector<std::optional<std::vector<std::size_t>>> lines_per_rule(const Document& doc,
                                                                      std::size_t rule_count) const;

 private:
  struct View {
    std::unique_ptr<RE2::Set> set;
    std::vector<std::size_t> rules;  // set index → rule index
  };
  View folded_;
  View original_;
};

}  // namespace policylint
