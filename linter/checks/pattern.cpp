#include "checks/pattern.hpp"

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
    for_each_match(doc, *pattern_, fold_, [&](const Match& m) {
      if (skip_.covers(doc, m.span) || excused(doc, m.span)) return;
      Diagnostic* d = out.report(m.span, expand_template(out.rule().message, m.values));
      if (d && fix_) d->fix = Fix{{Edit{m.span, expand_template(*fix_, m.values)}}, safe_};
    });
  }

 private:
  bool excused(const Document& doc, Span span) const {
    if (unless_.empty()) return false;
    const Line& line = doc.lines()[doc.line_index(span.begin)];
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
        const std::size_t ob = fold_ ? doc.to_original(b) : b;
        const std::size_t oe = fold_ ? doc.to_original(e) : e;
        if (ob < span.end && span.begin < oe) return true;
        pos = static_cast<std::size_t>(m.data() - text.data()) + std::max<std::size_t>(m.size(), 1);
      }
    }
    return false;
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
