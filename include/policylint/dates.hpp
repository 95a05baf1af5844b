#pragma once
// Every date, period and year range a draft writes, extracted once per document. The `dates`
// rules read this; they never scan the text themselves.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "policylint/date.hpp"
#include "policylint/diagnostic.hpp"

namespace policylint {

enum class DateNotation {
  Arabic,          // 2023年1月17日
  ChineseNumeral,  // 二〇二三年一月十七日
  Hyphen,          // 2023-01-17
  Slash,           // 2023/1/17
  Dot,             // 2023.1.17
};

// Which part of a year a year-level mention means: 2023年 as a whole, its first half, Q4, its end.
enum class YearPart { Whole, FirstHalf, SecondHalf, Quarter, End };

struct DateMention {
  Span span;  // the date as written, without a weekday or 前
  DateNotation notation = DateNotation::Arabic;
  std::optional<int> year;  // as written; absent when left to context
  int month = 0;            // 0: not written
  int day = 0;              // 0: not written (5月底 means the whole month)
  YearPart part = YearPart::Whole;  // for year-only mentions
  int quarter = 0;                  // with YearPart::Quarter, as written
  bool zero_padded = false;         // 09月, 08日 in the 年月日 notation
  bool two_digit_year = false;      // 23年5月8日: year holds 2023
  Span year_span;                   // the year's digits
  std::optional<int> context_year;  // year taken from the start of a range or the sentence
  bool every_year = false;          // 每年4月30日前
  bool deadline = false;            // 请于…前报送, 截止日期：…
  bool target = false;              // 到2025年
  bool metadata_field = false;      // 发布日期 2022-11-29 in a header block
  bool signature = false;           // the 成文日期 itself
  bool in_title = false;            // inside 《…》: the date belongs to another document
  std::optional<int> written_weekday;  // 0 = Sunday … 6 = Saturday, from （星期X）/（周X）
  Span weekday_span;
};

// Two dates joined by 至/到/—/～: 2024年3月1日至15日. The end inherits what it leaves out.
struct DateRange {
  std::size_t first = 0;  // indices into DateIndex::mentions
  std::size_t last = 0;
};

// 2021—2025年, 2021年至2025年.
struct YearRange {
  Span span;
  int first = 0;
  int last = 0;
  bool bracketed = false;  // written as （2021—2025年）
  bool in_title = false;   // inside 《…》
};

// “十四五” and its kin, with the years written right after it, if any: “十四五”时期（2021—2026年）.
struct PlanPeriod {
  Span span;
  int number = 0;  // 14 for 十四五
  int first_year = 0;
  int last_year = 0;
  std::optional<YearRange> attached;
};

struct DateIndex {
  std::vector<DateMention> mentions;  // in text order
  std::vector<DateRange> ranges;
  std::vector<YearRange> year_ranges;
  std::vector<PlanPeriod> plans;
  std::optional<std::size_t> signature;        // the 成文日期 among the mentions
  std::optional<YearRange> own_period;         // （2021—2025年） in the document's own title
  std::optional<int> own_number_year;          // the year in the document's own 发文字号
  std::optional<Span> own_number_year_span;
  std::size_t arabic_full_dates = 0;           // how many 年月日 dates with a day the text writes
};

// The five-year plan a number names: 14 → 2021—2025.
int plan_first_year(int number);

// The date a whole line writes, in any notation a 成文日期 is found in, two-digit years included.
std::optional<CivilDate> parse_date_line(std::string_view folded_line);

struct Structure;
class Document;
DateIndex extract_dates(const Document&, const Structure&);

}  // namespace policylint
