#pragma once
// Running RE2 over a document's original or folded text and mapping every match back.
#include <re2/re2.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policylint/document.hpp"
#include "rule_params.hpp"

namespace policylint {

// Compiles `pattern`, reporting RE2's reason against the rule on failure.
std::unique_ptr<RE2> compile_pattern(RuleParams& params, std::string_view key, const std::string& pattern,
                                     bool longest_match = false);

struct Match {
  Span span;                      // the reported span in the original text (group `at`, else the match)
  std::vector<std::optional<Span>> groups;  // original spans; [0] is the whole match
  std::map<std::string, std::string> values;  // {0}, {1}, …, named groups, as written in the original
};

// Calls `on_match` for every match in the given lines (0-based, ascending), left to right; ^ and $
// are the line's ends. A match that reports only part of itself (the `at` group) lets the next
// search start right after that part, so context can be shared.
void for_each_match_in_lines(const Document& doc, const RE2& re, bool folded, const std::vector<std::size_t>& lines,
                             const std::function<void(const Match&)>& on_match);
std::vector<std::size_t> all_lines(const Document& doc);

// A check with a line trigger: it works line by line, and run without a trigger is every line.
class LineCheck : public Check {
 public:
  void run(const Document& doc, const LintContext& ctx, Reporter& out) const final {
    run_lines(doc, ctx, out, all_lines(doc));
  }
  void run_lines(const Document& doc, const LintContext& ctx, Reporter& out,
                 const std::vector<std::size_t>& lines) const override = 0;
};
// Line `index` in the original or folded view; `base` receives its view offset.
std::string_view line_in_view(const Document& doc, std::size_t index, bool folded, std::size_t& base);

// Which protected regions a rule stays out of: URLs and e-mail, document numbers, 《titles》.
struct SkipSet {
  bool url = true;
  bool doc_number = false;
  bool title = false;
  bool covers(const Document& doc, Span span) const;
};
SkipSet read_skip(RuleParams& params);

}  // namespace policylint
