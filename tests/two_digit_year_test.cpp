// numbers/two-digit-year: the century comes from the document date.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace policylint;

namespace {

std::vector<Diagnostic> years(const std::string& text, std::optional<CivilDate> date) {
  LintContext ctx;
  ctx.document_date = date;
  return testing::lint_text(text, {"numbers/two-digit-year"}, ctx);
}

}  // namespace

TEST_CASE("two-digit-year infers the century from the document date", "[two-digit-year]") {
  auto d = years("力争到23年底全面完成。", CivilDate{2024, 5, 20});
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("2023年") != std::string::npos);
  d = years("比98年翻一番。", CivilDate{2004, 1, 1});
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("1998年") != std::string::npos);
  d = years("1921—71年", CivilDate{2021, 7, 1});
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("1971年") != std::string::npos);
}

TEST_CASE("two-digit-year without a document date offers both centuries", "[two-digit-year]") {
  const auto d = years("力争到23年底全面完成。", std::nullopt);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("2023年或1923年") != std::string::npos);
}

TEST_CASE("two-digit-year leaves durations alone", "[two-digit-year]") {
  for (const char* text : {"改革开放40年来", "用10年时间", "比10年前增长", "近20年", "国发〔23年〕5号"}) {
    INFO(text);
    CHECK(years(text, CivilDate{2024, 5, 20}).empty());
  }
}
