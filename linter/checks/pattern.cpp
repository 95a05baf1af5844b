#include "checks/pattern.hpp"

#include <algorithm>

#include "checks/matching.hpp"

namespace policylint {

namespace {

class PatternCheck final : public LineCheck {
 public:
  PatternCheck(std::unique_ptr<RE2> pattern, std::vector<std::unique_ptr<RE2>> unless, bool fold,
               std::optional<std::string> fix, bool safe, SkipSet skip)
      : pattern_(std::move(pattern)),
        unless_(std::move(unless)),
        fold_(fold),
        fix_(std::move(fix)),
        safe_(safe),
        skip_(skip) {}

  std::optional<LineTrigger> trigger() const override { return LineTrigger{pattern_->pattern(), fold_}; }

  void run_lines(const Document& doc, const LintContext&, Reporter& out,
                 const std::vector<std::size_t>& lines) const override {
    for (const std::size_t line : lines) {
      std::optional<std::vector<Span>> excuses;  // found once per line, at its first match
      for_each_match_in_lines(doc, *pattern_, fold_, {line}, [&](const Match& m) {
        if (skip_.covers(doc, m.span)) return;
        if (!unless_.empty()) {
          if (!excuses) excuses = excuse_spans(doc, line);
          const auto overlaps = [&](const Span& e) { return e.begin < m.span.end && m.span.begin < e.end; };
          if (std::any_of(excuses->begin(), excuses->end(), overlaps)) return;
        }
        Diagnostic* d = out.report(m.span, expand_template(out.rule().message, m.values));
        if (d && fix_) d->fix = Fix{{Edit{m.span, expand_template(*fix_, m.values)}}, safe_};
      });
    }
  }

 private:
  // Where the `unless` patterns match on the line, in original offsets.
  std::vector<Span> excuse_spans(const Document& doc, std::size_t line) const {
    std::vector<Span> spans;
    for (const auto& re : unless_) {
      for_each_match_in_lines(doc, *re, fold_, {line}, [&](const Match& m) { spans.push_back(*m.groups[0]); });
    }
    return spans;
  }

  std::unique_ptr<RE2> pattern_;
  std::vector<std::unique_ptr<RE2>> unless_;
  bool fold_;
  std::optional<std::string> fix_;
  bool safe_;
  SkipSet skip_;
};

}  // namespace

std::shared_ptr<const Check> make_pattern_check(RuleParams& params) {
  const auto pattern = params.string("pattern", true);
  const bool fold = params.boolean("fold").value_or(true);
  std::vector<std::unique_ptr<RE2>> unless;
  for (const std::string& u : params.strings("unless")) {
    if (auto re = compile_pattern(params, "unless", u)) unless.push_back(std::move(re));
  }
  auto fix = params.string("fix");
  const bool safe = params.boolean("safe").value_or(true);
  const SkipSet skip = read_skip(params);
  if (!pattern) return nullptr;
  auto re = compile_pattern(params, "pattern", *pattern);
  if (!re || !params.ok()) return nullptr;
  params.info().fixable = fix.has_value();
  return std::make_shared<PatternCheck>(std::move(re), std::move(unless), fold, std::move(fix), safe, skip);
}

}  // namespace policylint
