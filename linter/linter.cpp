#include "policylint/linter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "policylint/targets.hpp"
#include "triggers.hpp"

namespace policylint {

bool RuleSelection::enabled(std::string_view rule_id) const {
  const auto matches = [&](const std::string& s) { return selector_matches(s, rule_id); };
  if (!select.empty() && std::none_of(select.begin(), select.end(), matches)) return false;
  return std::none_of(ignore.begin(), ignore.end(), matches);
}

bool RuleSelection::may_enable(std::string_view pack) const {
  const auto names_pack = [&](const std::string& s) {
    const std::string_view selector_pack = std::string_view(s).substr(0, s.find('/'));
    return selector_pack == pack || selector_matches(s, std::string(pack) + "/");
  };
  if (!select.empty() && std::none_of(select.begin(), select.end(), names_pack)) return false;
  return std::find(ignore.begin(), ignore.end(), pack) == ignore.end();
}

namespace {

Severity effective_severity(const RuleSelection& selection, const RuleInfo& rule) {
  // The most specific override wins: a full id over its pack.
  if (auto it = selection.severity.find(rule.id); it != selection.severity.end()) return it->second;
  if (auto it = selection.severity.find(rule.pack); it != selection.severity.end()) return it->second;
  return rule.severity;
}

// By position, then rule; a rule reporting the same span twice (two overlapping patterns) says it
// once. The order is found on indices so that each finding is moved once, not at every merge step.
std::vector<Diagnostic> sorted_once(std::vector<Diagnostic> found) {
  std::vector<std::size_t> order(found.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (found[a].span.begin != found[b].span.begin) return found[a].span.begin < found[b].span.begin;
    return found[a].rule < found[b].rule;
  });
  std::vector<Diagnostic> out;
  out.reserve(found.size());
  for (const std::size_t i : order) {
    const Diagnostic& d = found[i];
    if (!out.empty() && out.back().rule == d.rule && out.back().span.begin == d.span.begin &&
        out.back().span.end == d.span.end)
      continue;
    out.push_back(std::move(found[i]));
  }
  return out;
}

}  // namespace

std::vector<Diagnostic> lint(const Document& doc, const std::vector<const Pack*>& packs,
                             const RuleSelection& selection, const LintContext& ctx) {
  std::vector<Diagnostic> out = input_diagnostics(doc);
  LintContext context = ctx;
  if (!context.names) context.names = build_name_index(packs);
  if (context.names) {
    if (context.region.empty()) context.region = context.names->region_of(doc);
    context.document_names = std::make_shared<const DocumentNames>(*context.names, doc, context.region);
  }
  context.document_targets = std::make_shared<const DocumentTargets>(doc);
  for (const Pack* pack : packs) {
    const bool any_enabled = std::any_of(pack->rules.begin(), pack->rules.end(),
                                         [&](const Rule& rule) { return selection.enabled(rule.info.id); });
    if (!any_enabled) continue;
    const auto triggered_lines =
        pack->triggers ? pack->triggers->lines_per_rule(doc, pack->rules.size())
                       : std::vector<std::optional<std::vector<std::size_t>>>(pack->rules.size());
    for (std::size_t r = 0; r < pack->rules.size(); ++r) {
      const Rule& rule = pack->rules[r];
      if (!selection.enabled(rule.info.id)) continue;
      const std::size_t first = out.size();
      Reporter reporter(rule.info, doc, out);
      if (const auto& lines = triggered_lines[r]) {
        if (!lines->empty()) rule.check->run_lines(doc, context, reporter, *lines);
      } else {
        rule.check->run(doc, context, reporter);
      }
      const Severity severity = effective_severity(selection, rule.info);
      // A finding its check lowered below the rule's level (an unconfirmed entry) stays there.
      for (std::size_t i = first; i < out.size(); ++i) {
        if (out[i].severity >= rule.info.severity) out[i].severity = severity;
      }
    }
  }
  return sorted_once(std::move(out));
}

std::vector<Diagnostic> input_diagnostics(const Document& doc) {
  std::vector<Diagnostic> out;
  for (const InvalidBytes& bad : doc.source().invalid) {
    std::string hex;
    for (const char c : bad.bytes) hex += fmt::format("{}{:02X}", hex.empty() ? "" : " ", static_cast<unsigned char>(c));
    Diagnostic d;
    d.rule = "input/invalid-encoding";
    d.severity = Severity::Error;
    d.message = fmt::format("无法按 {} 解码的字节：{}", to_string(doc.source().encoding), hex);
    d.span = {bad.text_offset, bad.text_offset + 3};
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace policylint
