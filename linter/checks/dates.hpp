#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "dates": one rule over the dates the document model extracted (Structure::dates).
//   check  which rule: invalid-date, weekday-mismatch, leading-zero, signature-date-form,
//          mixed-formats, metadata-date-format, deadline-before-issue, docnumber-year,
//          plan-period, reversed-range, out-of-period, chinese-year-zero
// Rules that compare with the document date stay silent when there is none.
std::shared_ptr<const Check> make_dates_check(RuleParams& params);

}  // namespace policylint
