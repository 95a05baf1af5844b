// The date index of the document model, and the `dates` kind over it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "policylint/dates.hpp"
#include "policylint/document.hpp"
#include "support.hpp"

using namespace policylint;

namespace {

DateMention only_mention(const Document& doc) {
  REQUIRE(doc.dates().mentions.size() == 1);
  return doc.dates().mentions.front();
}

std::vector<Diagnostic> lint_dates(const std::string& text, const std::string& rule, const char* document_date = nullptr) {
  LintContext ctx;
  if (document_date) ctx.document_date = parse_iso_date(document_date);
  return testing::lint_text(text, {rule}, ctx);
}

}  // namespace

TEST_CASE("dates: every notation is extracted with its parts", "[dates]") {
  SECTION("年月日") {
    const auto doc = Document::from_text("t", "于2023年1月17日召开");
    const DateMention& m = only_mention(doc);
    CHECK(m.notation == DateNotation::Arabic);
    CHECK(m.year == 2023);
    CHECK(m.month == 1);
    CHECK(m.day == 17);
    CHECK(doc.text().substr(m.span.begin, m.span.end - m.span.begin) == "2023年1月17日");
  }
  SECTION("full-width digits and padding") {
    const DateMention& m = only_mention(Document::from_text("t", "２０２３年０９月０８日"));
    CHECK(m.year == 2023);
    CHECK(m.month == 9);
    CHECK(m.zero_padded);
  }
  SECTION("Chinese numerals") {
    const DateMention& m = only_mention(Document::from_text("t", "二〇二二年十一月二十日"));
    CHECK(m.notation == DateNotation::ChineseNumeral);
    CHECK(m.year == 2022);
    CHECK(m.month == 11);
    CHECK(m.day == 20);
  }
  SECTION("separators") {
    CHECK(only_mention(Document::from_text("t", "发布日期 2022-11-29")).notation == DateNotation::Hyphen);
    CHECK(only_mention(Document::from_text("t", "于2023/1/17报送")).notation == DateNotation::Slash);
    CHECK(only_mention(Document::from_text("t", "于2023.1.17报送")).notation == DateNotation::Dot);
  }
  SECTION("numbers that are not dates") {
    for (const char* text : {"电话0871-12345678", "索引号00001854-5/2022-00500", "增长3.29%", "V2023.5.8版", "3年内"}) {
      INFO(text);
      CHECK(Document::from_text("t", text).dates().mentions.empty());
    }
  }
  SECTION("quarters and halves") {
    const DateMention& q = only_mention(Document::from_text("t", "2022年第4季度到期"));
    CHECK(q.part == YearPart::Quarter);
    CHECK(q.quarter == 4);
    CHECK(only_mention(Document::from_text("t", "2023年上半年")).part == YearPart::FirstHalf);
    CHECK(only_mention(Document::from_text("t", "到2025年底")).part == YearPart::End);
  }
}

TEST_CASE("dates: context around a date", "[dates]") {
  SECTION("weekday") {
    const DateMention& m = only_mention(Document::from_text("t", "定于2024年6月14日（星期五）召开"));
    CHECK(m.written_weekday == 5);
  }
  SECTION("deadlines, targets, yearly dates and header fields") {
    CHECK(only_mention(Document::from_text("t", "请于2024年5月10日前报送")).deadline);
    CHECK(only_mention(Document::from_text("t", "于2024年5月10日之前将材料报送至")).deadline);
    CHECK_FALSE(only_mention(Document::from_text("t", "截至2022年12月31日，全县共有")).deadline);
    CHECK_FALSE(only_mention(Document::from_text("t", "对2022年12月31日前注册的企业")).deadline);
    CHECK(only_mention(Document::from_text("t", "到2025年，全市")).target);
    CHECK(only_mention(Document::from_text("t", "于每年11月30日前报送")).every_year);
    CHECK(only_mention(Document::from_text("t", "信息来源 养老服务司 发布日期 2022-11-29")).metadata_field);
  }
  SECTION("a range's end borrows the year and month") {
    const auto doc = Document::from_text("t", "2024年3月1日至15日");
    const DateIndex& dates = doc.dates();
    REQUIRE(dates.mentions.size() == 2);
    REQUIRE(dates.ranges.size() == 1);
    CHECK(dates.mentions[1].month == 3);
    CHECK(dates.mentions[1].day == 15);
    CHECK(dates.mentions[1].context_year == 2024);
  }
  SECTION("year ranges and plan periods") {
    const auto doc = Document::from_text("t", "“十四五”时期（2021—2026年）");
    const DateIndex& dates = doc.dates();
    REQUIRE(dates.plans.size() == 1);
    CHECK(dates.plans[0].first_year == 2021);
    CHECK(dates.plans[0].last_year == 2025);
    REQUIRE(dates.plans[0].attached);
    CHECK(dates.plans[0].attached->last == 2026);
    REQUIRE(dates.year_ranges.size() == 1);
    CHECK(dates.year_ranges[0].bracketed);
  }
}

TEST_CASE("dates: the 成文日期 in any notation is the document date", "[dates]") {
  CHECK(Document::from_text("t", "正文。\n\n某县人民政府\n二〇二二年十一月二十日\n").structure().document_date ==
        CivilDate{2022, 11, 20});
  CHECK(Document::from_text("t", "正文。\n\n某县人民政府\n2023.5.8\n").structure().document_date == CivilDate{2023, 5, 8});
  const auto doc = Document::from_text("t", "云政发〔2024〕3号\n\n正文。\n\n某县人民政府\n23年5月8日\n");
  CHECK(doc.structure().document_date == CivilDate{2023, 5, 8});
  REQUIRE(doc.dates().signature);
  CHECK(doc.dates().mentions[*doc.dates().signature].two_digit_year);
  CHECK(doc.dates().own_number_year == 2024);
}

TEST_CASE("dates: rules that need the document date stay silent without one", "[dates]") {
  const std::string text = "请于2020年5月10日前报送。定于6月14日（星期一）召开。\n";
  CHECK(lint_dates(text, "dates/deadline-before-issue").empty());
  CHECK(lint_dates(text, "dates/weekday-mismatch").empty());
  CHECK(lint_dates(text, "dates/deadline-before-issue", "2024-05-20").size() == 1);
  CHECK(lint_dates(text, "dates/weekday-mismatch", "2024-05-20").size() == 1);
}

TEST_CASE("dates: a weekday message names the right weekday", "[dates]") {
  const auto d = lint_dates("定于6月14日（星期四）召开。", "dates/weekday-mismatch", "2024-05-20");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "2024年6月14日是星期五，此处写作“（星期四）”，请核对日期或星期");
}

TEST_CASE("dates: fixes rewrite the date in 年月日 form", "[dates]") {
  const auto fix_of = [](const std::string& text, const std::string& rule) {
    const auto d = lint_dates(text, rule);
    REQUIRE(d.size() == 1);
    REQUIRE(d[0].fix);
    return d[0].fix->edits.at(0).replacement;
  };
  CHECK(fix_of("2023年09月08日印发", "dates/leading-zero") == "2023年9月8日");
  CHECK(fix_of("某县人民政府\n二〇二三年五月八日\n", "dates/signature-date-form") == "2023年5月8日");
  CHECK(fix_of("二零二三年", "dates/chinese-year-zero") == "二〇二三");
  CHECK(fix_of("于2024年5月1日召开，2024/6/1前报送", "dates/mixed-formats") == "2024年6月1日");
  const auto two_digit = lint_dates("某县人民政府\n23年5月8日\n", "dates/signature-date-form");
  REQUIRE(two_digit.size() == 1);
  CHECK_FALSE(two_digit[0].fix);
}

TEST_CASE("dates: seed-corpus traps stay silent", "[dates]") {
  for (const char* text : {"对于2022年第4季度到期的贷款", "最长可延至2023年6月30日", "请于2022年12月30日前将有关材料报送",
                           "每年11月30日前报送当年的工作总结", "全面推进。2021—2024年，加强组织领导"}) {
    INFO(text);
    CHECK(lint_dates(text, "dates", "2022-11-16").empty());
  }
}

TEST_CASE("dates: cut-offs and past events are no deadlines", "[dates]") {
  for (const char* text : {"对2000年以前建成的老旧小区进行改造", "全市已于2022年底前完成改造任务", "各地已按要求于2024年3月31日前完成",
                           "原定于2024年5月10日前报送的材料",
                           "对于2023年12月31日前完成的项目给予补助", "本办法有效期至2027年12月31日"}) {
    INFO(text);
    const DateMention& m = only_mention(Document::from_text("t", text));
    CHECK_FALSE(m.deadline);
    CHECK_FALSE(m.target);
  }
  CHECK(only_mention(Document::from_text("t", "请于2024年5月10日前将本单位的材料报送")).deadline);
}

TEST_CASE("dates: a date without a year takes the nearer year of its sentence", "[dates]") {
  const auto year_of_second = [](const char* text) {
    const auto doc = Document::from_text("t", text);
    REQUIRE(doc.dates().mentions.size() == 2);
    return doc.dates().mentions[1].context_year;
  };
  CHECK(year_of_second("定于2024年6月14日召开，5月28日前报送回执") == 2024);
  CHECK(year_of_second("定于2023年12月1日召开，1月5日前报送材料") == 2024);
  CHECK(year_of_second("2023年11月15日至3月15日") == 2024);
}

TEST_CASE("dates: a date line above the body is no 成文日期", "[dates]") {
  const auto doc = Document::from_text(
      "t", "关于做好2024年防汛工作的通知\n\n2024年6月3日\n\n各县（市、区）人民政府：\n\n现就做好防汛工作通知如下。\n\n某市人民政府\n二〇二四年五月二十日\n");
  CHECK(doc.structure().document_date == CivilDate{2024, 5, 20});
  REQUIRE(doc.dates().signature);
  CHECK(doc.dates().mentions[*doc.dates().signature].notation == DateNotation::ChineseNumeral);
}
