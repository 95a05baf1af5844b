#include "checks/pattern.hpp"

#include <algorithm>

#include "checks/matching.hpp"

namespace policylint {

namespace {

class PatternCheck final : public Check {
 public:
  PatternCheck(std::unique_ptr<RE2> pattern, std::vector<std::unique_ptr<RE2>> unless, bool fold,
               std::optional<std::string> fix, bool safe, SkipSet skip)
      : pattern_(std::move(pattern)),
        unless_(std::move(unless)),
        fold_(fold),
        fix_(std::move(fix)),
        safe_(safe),
        skip_(skip) {}

  void run(const Document& doc, const LintContext&, Reporter& out) const override {
    // The unless matches of the line being looked at: a long paragraph with many matches is
    // scanned for them once, not once per match.
    std::size_t excuses_line = doc.lines().size();
    std::vector<Span> excuses;
    for_each_match(doc, *pattern_, fold_, [&](const Match& m) {
      if (skip_.covers(doc, m.span)) return;
      if (!unless_.empty()) {
        const std::size_t line = doc.line_index(m.span.begin);
        if (line != excuses_line) {
          excuses = unless_matches(doc, doc.lines()[line]);
          excuses_line = line;
        }
        const auto overlaps = [&](const Span& e) { return e.begin < m.span.end && m.span.begin < e.end; };
        if (std::any_of(excuses.begin(), excuses.end(), overlaps)) return;
      }
      Diagnostic* d = out.report(m.span, expand_template(out.rule().message, m.values));
      if (d && fix_) d->fix = Fix{{Edit{m.span, expand_template(*fix_, m.values)}}, safe_};
    });
  }

 private:
  std::vector<Span> unless_matches(const Document& doc, const Line& line) const {
    std::vector<Span> out;
    const std::size_t base = fold_ ? doc.to_folded(line.begin) : line.begin;
    const std::size_t end = fold_ ? doc.to_folded(line.end) : line.end;
    const std::string_view text = std::string_view(fold_ ? doc.folded() : doc.text()).substr(base, end - base);
    for (const auto& re : unless_) {
      re2::StringPiece input(text);
      re2::StringPiece m;
      std::size_t pos = 0;
      while (pos <= text.size() && re->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
        const std::size_t b = base + static_cast<std::size_t>(m.data() - text.data());
        const std::size_t e = b + m.size();
        out.push_back(fold_ ? Span{doc.to_original(b), doc.to_original(e)} : Span{b, e});
        pos = static_cast<std::size_t>(m.data() - text.data()) + std::max<std::size_t>(m.size(), 1);
      }
    }
    return out;
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
