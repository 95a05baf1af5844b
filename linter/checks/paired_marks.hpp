#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "paired-marks": 《》 “” ‘’ （） 〔〕 【】 balance within a paragraph (a line). A half-width
// ( ) pairs with itself; a mixed (…） is reported as mismatched. A quotation may run over several
// paragraphs when each of them opens with “ (GB/T 15834 4.8.3.4). The message gets {name} (the
// mark's name) and {problem}.
std::shared_ptr<const Check> make_paired_marks_check(RuleParams& params);

}  // namespace policylint
