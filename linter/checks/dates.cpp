#include "checks/dates.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <cstdlib>
#include <functional>
#include <map>

#include "policylint/structure.hpp"

namespace policylint {

namespace {

struct Finding {
  Span span;
  std::map<std::string, std::string> values;
  std::optional<Fix> fix;
};

using Emit = std::function<void(Finding)>;

struct DateFacts {
  const Document& doc;
  const DateIndex& dates;
  std::optional<CivilDate> document_date;

  std::string written(Span span) const { return doc.text().substr(span.begin, span.end - span.begin); }
};

using CheckFunction = void (*)(const DateFacts&, const Emit&);

std::string format_date(const CivilDate& d) { return fmt::format("{}年{}月{}日", d.year, d.month, d.day); }

std::string weekday_name(int w) {
  static const char* names[] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
  return names[w];
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long day_number(const CivilDate& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + doe - 719468;
}

// A date written without a year means the year next to the document date that puts it closest.
std::optional<int> nearest_year(const DateMention& m, const std::optional<CivilDate>& document_date) {
  if (!document_date || m.month < 1 || m.month > 12) return std::nullopt;
  std::optional<int> best;
  long best_distance = 0;
  for (int year = document_date->year - 1; year <= document_date->year + 1; ++year) {
    const CivilDate candidate{year, m.month, m.day > 0 ? m.day : 1};
    if (!is_valid(candidate)) continue;
    const long distance = std::labs(day_number(candidate) - day_number(*document_date));
    if (!best || distance < best_distance) {
      best = year;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<int> resolved_year(const DateMention& m, const std::optional<CivilDate>& document_date) {
  if (m.year) return m.year;
  if (m.context_year) return m.context_year;
  if (m.every_year) return std::nullopt;
  return nearest_year(m, document_date);
}

// The last day a mention covers: 2023年 → 12月31日, 2023年第二季度 → 6月30日, 5月底 → 5月31日.
std::optional<CivilDate> period_end(const DateMention& m, int year) {
  int month = m.month;
  if (month == 0) {
    switch (m.part) {
      case YearPart::FirstHalf: month = 6; break;
      case YearPart::Quarter: month = m.quarter * 3; break;
      default: month = 12; break;
    }
  }
  if (month < 1 || month > 12) return std::nullopt;
  CivilDate end{year, month, m.day > 0 ? m.day : days_in_month(year, month)};
  if (!is_valid(end)) return std::nullopt;
  return end;
}

std::string arabic_form(const DateMention& m) { return format_date({*m.year, m.month, m.day}); }

void invalid_date(const DateFacts& f, const Emit& emit) {
  for (const DateMention& m : f.dates.mentions) {
    std::string reason;
    if (m.part == YearPart::Quarter && (m.quarter < 1 || m.quarter > 4)) {
      reason = "一年只有4个季度";
    } else if (m.month > 12) {
      reason = "一年只有12个月";
    } else if (m.month > 0 && m.day > 0) {
      const auto year = m.year ? m.year : m.context_year;
      const int most = days_in_month(year.value_or(2024), m.month);
      if (m.day <= most) continue;
      reason = m.month == 2 && m.day == 29 ? fmt::format("{}年不是闰年，2月只有28天", *year)
                                           : fmt::format("{}月只有{}天", m.month, most);
    } else {
      continue;
    }
    emit({m.span, {{"date", f.written(m.span)}, {"reason", reason}}, std::nullopt});
  }
}

void weekday_mismatch(const DateFacts& f, const Emit& emit) {
  for (const DateMention& m : f.dates.mentions) {
    if (!m.written_weekday || *m.written_weekday < 0) continue;
    const auto year = resolved_year(m, f.document_date);
    if (!year) continue;
    const CivilDate date{*year, m.month, m.day};
    if (!is_valid(date) || weekday(date) == *m.written_weekday) continue;
    emit({m.weekday_span,
          {{"date", f.written(m.span)}, {"full", format_date(date)}, {"right", weekday_name(weekday(date))},
           {"wrong", f.written(m.weekday_span)}},
          std::nullopt});
  }
}

void leading_zero(const DateFacts& f, const Emit& emit) {
  static const RE2 padded("(^|年|月)(?:0|０)([0-9０-９])");
  for (const DateMention& m : f.dates.mentions) {
    if (m.notation != DateNotation::Arabic || !m.zero_padded) continue;
    const std::string wrong = f.written(m.span);
    std::string right = wrong;
    RE2::GlobalReplace(&right, padded, "\\1\\2");
    emit({m.span, {{"date", wrong}, {"right", right}}, Fix{{Edit{m.span, right}}, true}});
  }
}

std::string notation_name(const DateMention& m) {
  if (m.two_digit_year) return "两位数年份";
  switch (m.notation) {
    case DateNotation::ChineseNumeral: return "汉字数字";
    case DateNotation::Hyphen: return "短横线分隔";
    case DateNotation::Slash: return "斜线分隔";
    case DateNotation::Dot: return "圆点分隔";
    case DateNotation::Arabic: break;
  }
  return "阿拉伯数字";
}

void signature_date_form(const DateFacts& f, const Emit& emit) {
  if (!f.dates.signature) return;
  const DateMention& m = f.dates.mentions[*f.dates.signature];
  if (m.notation == DateNotation::Arabic && !m.two_digit_year) return;
  const std::string right = arabic_form(m);
  std::optional<Fix> fix;
  if (!m.two_digit_year && is_valid({*m.year, m.month, m.day})) fix = Fix{{Edit{m.span, right}}, true};
  emit({m.span, {{"date", f.written(m.span)}, {"form", notation_name(m)}, {"right", right}}, fix});
}

bool separated(const DateMention& m) {
  return m.notation == DateNotation::Hyphen || m.notation == DateNotation::Slash || m.notation == DateNotation::Dot;
}

void report_separated(const DateFacts& f, const Emit& emit, bool metadata) {
  if (f.dates.arabic_full_dates == 0) return;
  for (const DateMention& m : f.dates.mentions) {
    if (!separated(m) || m.signature || m.in_title || m.metadata_field != metadata) continue;
    const std::string right = arabic_form(m);
    std::optional<Fix> fix;
    if (!metadata) fix = Fix{{Edit{m.span, right}}, true};
    emit({m.span, {{"date", f.written(m.span)}, {"right", right}}, fix});
  }
}

void mixed_formats(const DateFacts& f, const Emit& emit) { report_separated(f, emit, false); }
void metadata_date_format(const DateFacts& f, const Emit& emit) { report_separated(f, emit, true); }

void deadline_before_issue(const DateFacts& f, const Emit& emit) {
  if (!f.document_date) return;
  for (const DateMention& m : f.dates.mentions) {
    if (!m.deadline || m.every_year || m.in_title) continue;
    const auto year = resolved_year(m, f.document_date);
    if (!year) continue;
    const auto end = period_end(m, *year);
    if (!end || *end >= *f.document_date) continue;
    emit({m.span,
          {{"date", f.written(m.span)}, {"resolved", format_date(*end)},
           {"document_date", format_date(*f.document_date)}},
          std::nullopt});
  }
}

void docnumber_year(const DateFacts& f, const Emit& emit) {
  if (!f.document_date || !f.dates.own_number_year) return;
  const int year = *f.dates.own_number_year;
  const int issued = f.document_date->year;
  std::string reason;
  if (year > issued) reason = fmt::format("晚于成文日期所在的{}年", issued);
  else if (year <= issued - 2) reason = fmt::format("比成文日期所在的{}年早两年以上", issued);
  else return;
  emit({*f.dates.own_number_year_span,
        {{"year", std::to_string(year)}, {"reason", reason}, {"document_date", format_date(*f.document_date)}},
        std::nullopt});
}

void plan_period(const DateFacts& f, const Emit& emit) {
  for (const PlanPeriod& p : f.dates.plans) {
    if (!p.attached || (p.attached->first >= p.first_year && p.attached->last <= p.last_year)) continue;
    emit({p.attached->span,
          {{"plan", f.written(p.span)}, {"period", fmt::format("{}—{}年", p.first_year, p.last_year)},
           {"written", f.written(p.attached->span)}},
          std::nullopt});
  }
}

// 11月15日至3月15日 runs into the next year; only a written year or a shared month makes the
// order certain.
bool reversed(const DateMention& a, const DateMention& b) {
  if (a.month == 0 || b.month == 0) return false;
  if (!b.year && b.month != a.month) return false;
  const auto ya = a.year ? a.year : a.context_year;
  if (b.year && !ya) return false;
  const CivilDate start{ya.value_or(0), a.month, a.day};
  const CivilDate end{b.year.value_or(ya.value_or(0)), b.month, b.day};
  return end < start;
}

void reversed_range(const DateFacts& f, const Emit& emit) {
  for (const YearRange& r : f.dates.year_ranges) {
    if (r.first > r.last) emit({r.span, {{"range", f.written(r.span)}}, std::nullopt});
  }
  for (const DateRange& r : f.dates.ranges) {
    const DateMention& a = f.dates.mentions[r.first];
    const DateMention& b = f.dates.mentions[r.last];
    if (!reversed(a, b)) continue;
    const Span span{a.span.begin, b.span.end};
    emit({span, {{"range", f.written(span)}}, std::nullopt});
  }
}

// Long-range milestones (2035, 2050) are legitimate beyond a plan's end; a year just past the end
// while other targets name the end itself is a slip.
void out_of_period(const DateFacts& f, const Emit& emit) {
  if (!f.dates.own_period) return;
  const YearRange& period = *f.dates.own_period;
  const auto is_target = [](const DateMention& m) { return m.target && m.year && !m.in_title; };
  const bool names_end = std::any_of(f.dates.mentions.begin(), f.dates.mentions.end(),
                                     [&](const DateMention& m) { return is_target(m) && *m.year == period.last; });
  if (!names_end) return;
  for (const DateMention& m : f.dates.mentions) {
    if (!is_target(m) || *m.year <= period.last || *m.year >= period.last + 5) continue;
    emit({m.year_span,
          {{"year", std::to_string(*m.year)}, {"period", fmt::format("{}—{}年", period.first, period.last)}},
          std::nullopt});
  }
}

void chinese_year_zero(const DateFacts& f, const Emit& emit) {
  static const RE2 wrong_zero("零|○|O|Ｏ|0|０");
  for (const DateMention& m : f.dates.mentions) {
    if (m.notation != DateNotation::ChineseNumeral || m.signature) continue;
    const std::string wrong = f.written(m.year_span);
    std::string right = wrong;
    if (RE2::GlobalReplace(&right, wrong_zero, "〇") == 0) continue;
    emit({m.year_span, {{"wrong", wrong}, {"right", right}}, Fix{{Edit{m.year_span, right}}, true}});
  }
}

struct CheckEntry {
  CheckFunction function;
  bool fixable;
};

const std::map<std::string, CheckEntry, std::less<>>& check_functions() {
  static const std::map<std::string, CheckEntry, std::less<>> functions = {
      {"chinese-year-zero", {chinese_year_zero, true}},
      {"deadline-before-issue", {deadline_before_issue, false}},
      {"docnumber-year", {docnumber_year, false}},
      {"invalid-date", {invalid_date, false}},
      {"leading-zero", {leading_zero, true}},
      {"metadata-date-format", {metadata_date_format, false}},
      {"mixed-formats", {mixed_formats, true}},
      {"out-of-period", {out_of_period, false}},
      {"plan-period", {plan_period, false}},
      {"reversed-range", {reversed_range, false}},
      {"signature-date-form", {signature_date_form, true}},
      {"weekday-mismatch", {weekday_mismatch, false}},
  };
  return functions;
}

class DatesCheck final : public Check {
 public:
  explicit DatesCheck(CheckFunction function) : function_(function) {}

  void run(const Document& doc, const LintContext& ctx, Reporter& out) const override {
    const DateFacts facts{doc, doc.dates(),
                          ctx.document_date ? ctx.document_date : doc.structure().document_date};
    function_(facts, [&](Finding finding) {
      Diagnostic* d = out.report(finding.span, expand_template(out.rule().message, finding.values));
      if (d && finding.fix) d->fix = std::move(finding.fix);
    });
  }

 private:
  CheckFunction function_;
};

}  // namespace

std::shared_ptr<const Check> make_dates_check(RuleParams& params) {
  const auto* entry = params.lookup("check", check_functions());
  if (!entry || !params.ok()) return nullptr;
  params.info().fixable = entry->fixable;
  return std::make_shared<DatesCheck>(entry->function);
}

}  // namespace policylint
