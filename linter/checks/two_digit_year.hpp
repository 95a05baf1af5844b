#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "two-digit-year": a year written with two digits where a year is meant (23年底, 比23年,
// 1921—71年). The century comes from the document date: the full year is the one nearest to it
// that is not more than ten years after it. The message gets {0} (as written) and {year}.
//   patterns  RE2 patterns on the folded view, each within one line and writing [0-9]{2}年;
//             `yy` holds the two digits, `at` the reported year
std::shared_ptr<const Check> make_two_digit_year_check(RuleParams& params);

}  // namespace policylint
