#include "checks/consistency.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "checks/matching.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

struct Occurrence {
  std::size_t variant;
  Span span;
};

struct Variant {
  std::string name;
  std::unique_ptr<RE2> pattern;  // null for literal groups
};

class ConsistencyCheck final : public LineCheck {
 public:
  ConsistencyCheck(std::unique_ptr<RE2> literal_matcher, std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> literals,
                   std::vector<std::vector<std::string>> groups, std::vector<Variant> variants, bool fold, std::string note)
      : literal_matcher_(std::move(literal_matcher)),
        literals_(std::move(literals)),
        groups_(std::move(groups)),
        variants_(std::move(variants)),
        fold_(fold),
        note_(std::move(note)) {}

  // The comparison is over the whole document, but every use lies within one line: only the lines
  // where some variant matches are searched.
  std::optional<LineTrigger> trigger() const override {
    std::string any = literal_matcher_ ? "(?:" + literal_matcher_->pattern() + ")" : std::string();
    for (const Variant& v : variants_) {
      if (!any.empty()) any += '|';
      any += "(?:";
      any += v.pattern->pattern();
      any += ')';
    }
    return LineTrigger{any, fold_};
  }

  void run_lines(const Document& doc, const LintContext&, Reporter& out,
                 const std::vector<std::size_t>& lines) const override {
    if (literal_matcher_) {
      std::vector<std::vector<Occurrence>> by_group(groups_.size());
      const std::string& view = fold_ ? doc.folded() : doc.text();
      for_each_match_in_lines(doc, *literal_matcher_, fold_, lines, [&](const Match& m) {
        const Span s = *m.groups[0];
        const std::size_t vb = fold_ ? doc.to_folded(s.begin) : s.begin;
        const std::size_t ve = fold_ ? doc.to_folded(s.end) : s.end;
        const auto it = literals_.find(view.substr(vb, ve - vb));
        if (it == literals_.end() || doc.structure().in_title(s.begin)) return;
        by_group[it->second.first].push_back({it->second.second, s});
      });
      for (std::size_t g = 0; g < groups_.size(); ++g) report_minority(doc, groups_[g], by_group[g], out);
    }
    if (!variants_.empty()) {
      std::vector<Occurrence> occurrences;
      std::vector<std::string> names;
      for (std::size_t v = 0; v < variants_.size(); ++v) {
        names.push_back(variants_[v].name);
        for_each_match_in_lines(doc, *variants_[v].pattern, fold_, lines, [&](const Match& m) {
          if (!doc.structure().in_url(m.span.begin)) occurrences.push_back({v, m.span});
        });
      }
      std::sort(occurrences.begin(), occurrences.end(),
                [](const Occurrence& a, const Occurrence& b) { return a.span.begin < b.span.begin; });
      report_minority(doc, names, occurrences, out);
    }
  }

 private:
  void report_minority(const Document& doc, const std::vector<std::string>& names,
                       const std::vector<Occurrence>& occurrences, Reporter& out) const {
    std::vector<std::size_t> counts(names.size());
    std::vector<std::optional<Span>> first(names.size());
    for (const auto& o : occurrences) {
      ++counts[o.variant];
      if (!first[o.variant]) first[o.variant] = o.span;
    }
    std::size_t majority = names.size();
    for (std::size_t v = 0; v < names.size(); ++v) {
      if (!counts[v]) continue;
      if (majority == names.size() || counts[v] > counts[majority] ||
          (counts[v] == counts[majority] && first[v]->begin < first[majority]->begin)) {
        majority = v;
      }
    }
    if (majority == names.size()) return;
    for (const auto& o : occurrences) {
      if (o.variant == majority) continue;
      std::map<std::string, std::string> values{
          {"found", std::string(doc.text().substr(o.span.begin, o.span.end - o.span.begin))},
          {"expected", names[majority]},
          {"0", std::string(doc.text().substr(o.span.begin, o.span.end - o.span.begin))}};
      if (Diagnostic* d = out.report(o.span, expand_template(out.rule().message, values))) {
        d->related.push_back({*first[majority], expand_template(note_, values)});
      }
    }
  }

  std::unique_ptr<RE2> literal_matcher_;
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> literals_;  // text → (group, variant)
  std::vector<std::vector<std::string>> groups_;
  std::vector<Variant> variants_;
  bool fold_;
  std::string note_;
};

}  // namespace

std::shared_ptr<const Check> make_consistency_check(RuleParams& params) {
  const bool fold = params.boolean("fold").value_or(true);
  const std::string note = params.string("note").value_or("首次使用“{expected}”");
  const auto key_form = [&](std::string_view s) { return fold ? utf8::to_halfwidth(s) : std::string(s); };
  std::vector<std::vector<std::string>> groups;
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> literals;
  std::string alternation;
  if (const toml::node* node = params.node("groups")) {
    const toml::array* arr = node->as_array();
    if (!arr) params.error(node, "'groups' must be an array of arrays of strings");
    for (std::size_t g = 0; arr && g < arr->size(); ++g) {
      const toml::array* group = (*arr)[g].as_array();
      if (!group || group->size() < 2) {
        params.error(&(*arr)[g], "each group must list at least two variants");
        continue;
      }
      groups.emplace_back();
      for (const auto& item : *group) {
        const auto v = item.value<std::string>();
        if (!v) {
          params.error(&item, "variants must be strings");
          continue;
        }
        if (!literals.emplace(key_form(*v), std::make_pair(groups.size() - 1, groups.back().size())).second) {
          params.error(&item, fmt::format("variant '{}' appears twice", *v));
        }
        groups.back().push_back(*v);
        if (!alternation.empty()) alternation += '|';
        alternation += RE2::QuoteMeta(key_form(*v));
      }
    }
  }
  std::vector<Variant> variants;
  if (const toml::node* node = params.node("variants")) {
    const toml::array* arr = node->as_array();
    if (!arr || !arr->is_array_of_tables()) params.error(node, "'variants' must be an array of tables {name, pattern}");
    for (std::size_t i = 0; arr && arr->is_array_of_tables() && i < arr->size(); ++i) {
      const toml::table& t = *(*arr)[i].as_table();
      const auto name = t["name"].value<std::string>();
      const auto pattern = t["pattern"].value<std::string>();
      if (!name || !pattern) {
        params.error(&t, "each variant needs 'name' and 'pattern'");
        continue;
      }
      if (auto re = compile_pattern(params, "variants", *pattern)) variants.push_back({*name, std::move(re)});
    }
    if (variants.size() == 1) params.error(node, "'variants' needs at least two entries");
  }
  if (groups.empty() && variants.empty() && params.ok()) params.error(nullptr, "needs 'groups' or 'variants'");
  if (!params.ok()) return nullptr;
  std::unique_ptr<RE2> matcher;
  if (!alternation.empty()) matcher = compile_pattern(params, "groups", "(?:" + alternation + ")", true);
  return std::make_shared<ConsistencyCheck>(std::move(matcher), std::move(literals), std::move(groups),
                                            std::move(variants), fold, note);
}

}  // namespace policylint
