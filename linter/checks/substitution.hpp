#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "substitution": a table of wrong → right, compiled into one leftmost-longest matcher.
//   table    { wrong = "right", … }
//   keep     correct terms that contain a wrong one; matching them first keeps them silent
//   fold     match on the folded view (default true)
//   fix      apply the right form with --fix (default true); safe (default true)
//   skip     regions to stay out of: url (default), docnumber, title
// The message may use {wrong} and {right}.
std::shared_ptr<const Check> make_substitution_check(RuleParams& params);

}  // namespace policylint
