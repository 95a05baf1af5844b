#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "pattern": an RE2 pattern, matched on the folded view unless fold = false.
//   pattern  the RE2 pattern; a group named `at` narrows the reported span
//   unless   patterns whose matches on the same line, overlapping the span, excuse it
//   fix      replacement template for the span ({0}, {1}, {name}, filters)
//   safe     whether --fix may apply it (default true)
//   skip     regions to stay out of: url (default), docnumber, title
std::shared_ptr<const Check> make_pattern_check(RuleParams& params);

}  // namespace policylint
