#include "checks/two_digit_year.hpp"

#include <fmt/format.h>

#include "checks/matching.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

std::string full_year(int yy, const std::optional<CivilDate>& document_date) {
  if (!document_date) return fmt::format("20{:02}年或19{:02}年", yy, yy);
  const int century = document_date->year / 100 * 100;
  int year = century + yy;
  if (year > document_date->year + 10) year -= 100;
  return fmt::format("{}年", year);
}

class TwoDigitYearCheck final : public LineCheck {
 public:
  explicit TwoDigitYearCheck(std::vector<std::unique_ptr<RE2>> patterns) : patterns_(std::move(patterns)) {}

  // Every pattern writes two digits and 年; lines without them are not searched.
  std::optional<LineTrigger> trigger() const override { return LineTrigger{"[0-9]{2}年", true}; }

  void run_lines(const Document& doc, const LintContext& ctx, Reporter& out,
                 const std::vector<std::size_t>& lines) const override {
    const auto date = ctx.document_date ? ctx.document_date : doc.structure().document_date;
    for (const auto& pattern : patterns_) {
      for_each_match_in_lines(doc, *pattern, true, lines, [&](const Match& m) {
        if (doc.structure().in_doc_number(m.span.begin)) return;
        auto values = m.values;
        values["year"] = full_year(std::stoi(utf8::to_halfwidth(m.values.at("yy"))), date);
        out.report(m.span, expand_template(out.rule().message, values));
      });
    }
  }

 private:
  std::vector<std::unique_ptr<RE2>> patterns_;
};

}  // namespace

std::shared_ptr<const Check> make_two_digit_year_check(RuleParams& params) {
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const std::string& pattern : params.strings("patterns", true)) {
    auto re = compile_pattern(params, "patterns", pattern);
    if (re && !re->NamedCapturingGroups().count("yy")) {
      params.error(params.node("patterns"), fmt::format("pattern '{}' needs a group named 'yy'", pattern));
    }
    if (re) patterns.push_back(std::move(re));
  }
  if (!params.ok()) return nullptr;
  return std::make_shared<TwoDigitYearCheck>(std::move(patterns));
}

}  // namespace policylint
