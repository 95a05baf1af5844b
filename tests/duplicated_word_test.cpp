// wording/duplicated-word: real slips are found and fixed; reduplication is left alone.
#include <catch2/catch.hpp>

#include "policylint/fix.hpp"
#include "support.hpp"

using namespace policylint;

namespace {

std::vector<Diagnostic> duplicated(const std::string& text) {
  return testing::lint_text(text, {"wording/duplicated-word"});
}

}  // namespace

TEST_CASE("duplicated-word reports the second copy and deletes it", "[duplicated-word]") {
  const std::string text = "配套建设给排水、电力等附属附属设施。";
  const auto d = duplicated(text);
  REQUIRE(d.size() == 1);
  CHECK(text.substr(d[0].span.begin, d[0].span.end - d[0].span.begin) == "附属");
  CHECK(d[0].message.find("附属附属") != std::string::npos);
  CHECK(apply_fixes(text, d).text == "配套建设给排水、电力等附属设施。");
}

TEST_CASE("duplicated-word prefers the longest repeated word", "[duplicated-word]") {
  const auto d = duplicated("要进一步进一步加强。");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("“进一步”") != std::string::npos);
}

TEST_CASE("duplicated-word leaves reduplication alone", "[duplicated-word]") {
  for (const char* text : {"常常", "天天向上", "人人参与", "家家户户", "研究研究", "试一试", "多多支持", "一个一个地落实",
                           "扎扎实实", "的的确确", "实现目的的手段"}) {
    INFO(text);
    CHECK(duplicated(text).empty());
  }
}

TEST_CASE("duplicated-word does not look across punctuation or non-Chinese text", "[duplicated-word]") {
  CHECK(duplicated("推进改造。改造完成后验收。").empty());
  CHECK(duplicated("教育、教育培训机构").empty());
  CHECK(duplicated("编号1111和abab").empty());
  CHECK(duplicated("哈哈哈哈").empty());
}
