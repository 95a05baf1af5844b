// punctuation/paired-marks: unmatched marks are reported where they stand.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace policylint;

namespace {

std::vector<Diagnostic> paired(const std::string& text) { return testing::lint_text(text, {"punctuation/paired-marks"}); }

std::string at(const std::string& text, const Diagnostic& d) {
  return text.substr(d.span.begin, d.span.end - d.span.begin);
}

}  // namespace

TEST_CASE("paired-marks reports an unclosed and an unopened mark", "[paired-marks]") {
  const std::string unclosed = "贯彻落实《实施方案，稳步推进。";
  auto d = paired(unclosed);
  REQUIRE(d.size() == 1);
  CHECK(at(unclosed, d[0]) == "《");
  const std::string unopened = "稳步推进）。";
  d = paired(unopened);
  REQUIRE(d.size() == 1);
  CHECK(at(unopened, d[0]) == "）");
}

TEST_CASE("paired-marks reports a mark left open inside a closed pair", "[paired-marks]") {
  const std::string text = "根据《管理（试行办法》执行。";
  const auto d = paired(text);
  REQUIRE(d.size() == 1);
  CHECK(at(text, d[0]) == "（");
}

TEST_CASE("paired-marks reports a mixed half-width and full-width pair", "[paired-marks]") {
  const std::string text = "对(一）类项目给予支持。";
  const auto d = paired(text);
  REQUIRE(d.size() == 1);
  CHECK(at(text, d[0]) == "）");
  CHECK(d[0].message.find("全角") != std::string::npos);
}

TEST_CASE("paired-marks accepts nesting and quotations over several paragraphs", "[paired-marks]") {
  CHECK(paired("《关于印发〈办法〉的通知》（国发〔2023〕5号）“【重要】”").empty());
  CHECK(paired("“第一段引文，\n“第二段引文，\n“第三段引文。”\n").empty());
  CHECK(paired("“第一段引文，\n第二段没有前引号。\n").size() == 1);
}
