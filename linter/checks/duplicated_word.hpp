#pragma once
#include <memory>

#include "rule_params.hpp"

namespace policylint {

// kind = "duplicated-word": a Chinese word written twice in a row (附属附属, 进一步进一步, 的的).
//   characters  single characters whose doubling is always a slip (的, 与 …); other single
//               characters reduplicate legitimately (常常, 天天) and are never reported
//   allow       legitimate reduplications (研究研究, 家家户户); text inside one is never reported
//   max-length  longest repeated word, in characters (default 6)
std::shared_ptr<const Check> make_duplicated_word_check(RuleParams& params);

}  // namespace policylint
