#include "checks/substitution.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "checks/matching.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

class SubstitutionCheck final : public LineCheck {
 public:
  SubstitutionCheck(std::unique_ptr<RE2> matcher, std::unordered_map<std::string, std::string> table, bool fold,
                    bool fix, bool safe, SkipSet skip)
      : matcher_(std::move(matcher)), table_(std::move(table)), fold_(fold), fix_(fix), safe_(safe), skip_(skip) {}

  std::optional<LineTrigger> trigger() const override { return LineTrigger{matcher_->pattern(), fold_}; }

  void run_lines(const Document& doc, const LintContext&, Reporter& out,
                 const std::vector<std::size_t>& lines) const override {
    const std::string& view = fold_ ? doc.folded() : doc.text();
    for_each_match_in_lines(doc, *matcher_, fold_, lines, [&](const Match& m) {
      const Span s = *m.groups[0];
      const std::size_t vb = fold_ ? doc.to_folded(s.begin) : s.begin;
      const std::size_t ve = fold_ ? doc.to_folded(s.end) : s.end;
      const auto it = table_.find(view.substr(vb, ve - vb));
      if (it == table_.end() || skip_.covers(doc, s)) return;
      std::map<std::string, std::string> values = m.values;
      values["wrong"] = m.values.at("0");
      values["right"] = it->second;
      Diagnostic* d = out.report(s, expand_template(out.rule().message, values));
      if (d && fix_) d->fix = Fix{{Edit{s, it->second}}, safe_};
    });
  }

 private:
  std::unique_ptr<RE2> matcher_;
  std::unordered_map<std::string, std::string> table_;  // folded wrong form → right form
  bool fold_;
  bool fix_;
  bool safe_;
  SkipSet skip_;
};

}  // namespace

std::shared_ptr<const Check> make_substitution_check(RuleParams& params) {
  const toml::node* node = params.node("table");
  const toml::table* table = node ? node->as_table() : nullptr;
  if (!table) {
    params.error(node, "needs 'table', a table of wrong = \"right\" pairs");
    return nullptr;
  }
  const bool fold = params.boolean("fold").value_or(true);
  const auto key_form = [&](std::string_view s) { return fold ? utf8::to_halfwidth(s) : std::string(s); };
  std::unordered_map<std::string, std::string> wrong_to_right;
  std::vector<std::string> alternatives;
  for (const auto& [key, value] : *table) {
    auto right = value.value<std::string>();
    if (!right) {
      params.error(&value, fmt::format("table entry '{}' must map to a string", key.str()));
      continue;
    }
    wrong_to_right.emplace(key_form(key.str()), *right);
    alternatives.push_back(RE2::QuoteMeta(key_form(key.str())));
    alternatives.push_back(RE2::QuoteMeta(key_form(*right)));
  }
  for (const std::string& keep : params.strings("keep")) alternatives.push_back(RE2::QuoteMeta(key_form(keep)));
  const bool fix = params.boolean("fix").value_or(true);
  const bool safe = params.boolean("safe").value_or(true);
  const SkipSet skip = read_skip(params);
  if (wrong_to_right.empty() || !params.ok()) {
    if (params.ok()) params.error(node, "'table' is empty");
    return nullptr;
  }
  std::string pattern;
  for (const auto& a : alternatives) {
    if (!pattern.empty()) pattern += '|';
    pattern += a;
  }
  auto re = compile_pattern(params, "table", "(?:" + pattern + ")", true);
  if (!re) return nullptr;
  params.info().fixable = fix;
  return std::make_shared<SubstitutionCheck>(std::move(re), std::move(wrong_to_right), fold, fix, safe, skip);
}

}  // namespace policylint
