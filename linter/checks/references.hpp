#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "references": 发文字号 and cited documents, read from the document model.
//   check  which check to run:
//          docnumber-format          机关代字〔四位年份〕序号号; values {found} {problem} {expected}
//          citation-number-mismatch  one 《title》 with two numbers, or one number under two titles;
//                                    values {title} {found} {expected}
//          self-number-mismatch      the document's own number quoted differently; {found} {expected}
//          citation-form             a cited number not in （） after its title; {title} {found}
//          title-mismatch            the issued document's title differs from the notice's quote;
//                                    {found} {expected}
//   note             message of the related location ({found} {expected} {title})
//   converse-message citation-number-mismatch only: the message when one number has two titles
std::shared_ptr<const Check> make_references_check(RuleParams& params);

}  // namespace policylint
