#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "ordinal-punctuation": the marks around heading ordinals (GB/T 15834 Annex B.3):
// 一、 （一） 1. （1）, and 第一， in running text. The message gets {found} and {expected}.
std::shared_ptr<const Check> make_ordinal_punctuation_check(RuleParams& params);

}  // namespace policylint
