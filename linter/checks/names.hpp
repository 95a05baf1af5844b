#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "names": agency names, read from the [[bodies]] of every data pack in force
// (LintContext::names). One rule per question, chosen by `check`:
//   informal           an informal form; fix: the short name at the same level
//   renamed            a name outdated on the document date (silent without one); no safe fix
//   inconsistent       one body written two accepted ways; the minority is reported
//   duplicate-in-list  one body twice in a 责任单位/牵头单位/配合单位 list
//   unknown-in-list    a list item no active pack knows, only while a regional pack is active
//   note               the related note's template (inconsistent, duplicate-in-list)
// Messages may use {found}, {expected}, {since} and {note}. Unconfirmed entries report at info.
std::shared_ptr<const Check> make_names_check(RuleParams& params);

}  // namespace policylint
