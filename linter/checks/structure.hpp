#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "structure": headings, attachments and the parts of a notice, read from the document model.
//   check  which check to run:
//          heading-sequence          ordinals of one level out of sequence; {found} {expected}
//          heading-level-order       a level directly under a parent two levels up; {found} {parent} {expected}
//          attachment-missing        a 附件说明 item without its 附件N page; {number} {title}
//          attachments-absent        no attachment page at all for a 附件说明; {titles}
//          attachment-unlisted       a 附件N page the 附件说明 does not list; {found} {title}
//          attachment-title-mismatch a page title that differs from the 附件说明; {found} {expected}
//          notice-elements           a notice without 主送机关, 发文机关署名 or 成文日期; {missing}
//          title-genre               a 关于… title that does not end in a 文种; {found}
//   note   message of the related location ({found} {expected})
std::shared_ptr<const Check> make_structure_check(RuleParams& params);

}  // namespace policylint
