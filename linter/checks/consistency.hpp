#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "consistency": variants of one thing that a document should not mix.
//   groups    [["县教育体育局", "县教体局"], …]: literal variants, each inner list one group
//   variants  [{ name = "逗号分节", pattern = '…' }, …]: one group of variants told apart by pattern
//   fold      match on the folded view (default true)
//   note      message of the related location (default: 首次使用“{expected}”)
// The majority form wins (ties: the one used first); every use of another form is reported with
// a related location at the first use of the majority form. The message may use {found} and {expected}.
std::shared_ptr<const Check> make_consistency_check(RuleParams& params);

}  // namespace policylint
