// punctuation/ordinal-punctuation: the marks after heading ordinals, fixed in place.
#include <catch2/catch.hpp>

#include "policylint/fix.hpp"
#include "support.hpp"

using namespace policylint;

namespace {

std::string fixed(const std::string& text) {
  return apply_fixes(text, testing::lint_text(text, {"punctuation/ordinal-punctuation"})).text;
}

}  // namespace

TEST_CASE("ordinal-punctuation fixes each heading level", "[ordinal-punctuation]") {
  CHECK(fixed("一.总体要求\n") == "一、总体要求\n");
  CHECK(fixed("一，总体要求\n") == "一、总体要求\n");
  CHECK(fixed("(一)加强组织领导\n") == "（一）加强组织领导\n");
  CHECK(fixed("（二）、压实责任\n") == "（二）压实责任\n");
  CHECK(fixed("(三）强化保障\n") == "（三）强化保障\n");
  CHECK(fixed("1、建立台账\n") == "1.建立台账\n");
  CHECK(fixed("(1)按月调度\n") == "（1）按月调度\n");
  CHECK(fixed("第一、坚持问题导向。\n") == "第一，坚持问题导向。\n");
}

TEST_CASE("ordinal-punctuation leaves correct ordinals and enumerations alone", "[ordinal-punctuation]") {
  for (const char* text : {"一、总体要求\n", "（一）加强组织领导\n", "1.建立台账\n", "（1）按月调度\n",
                           "第一、二批试点单位\n", "第一、第二批试点\n", "1、2月份全省经济运行平稳。\n", "1.5亿元\n"}) {
    INFO(text);
    CHECK(testing::lint_text(text, {"punctuation/ordinal-punctuation"}).empty());
  }
}
