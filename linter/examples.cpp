#include <fmt/format.h>

#include <algorithm>

#include "policylint/linter.hpp"
#include "policylint/pack.hpp"

namespace policylint {

std::vector<std::string> verify_examples(const Pack& pack, const std::vector<const Pack*>& data) {
  std::vector<std::string> failures;
  std::vector<const Pack*> packs = {&pack};
  for (const Pack* other : data) {
    if (other != &pack && other->names) packs.push_back(other);
  }
  const auto names = build_name_index(packs);
  for (const Rule& rule : pack.rules) {
    RuleSelection only;
    only.select = {rule.info.id};
    LintContext ctx;
    ctx.names = names;
    if (!rule.info.examples_document_date.empty()) ctx.document_date = parse_iso_date(rule.info.examples_document_date);
    const auto fires = [&](const std::string& example) {
      const Document doc = Document::from_text("<example>", example);
      const auto diagnostics = lint(doc, packs, only, ctx);
      return std::any_of(diagnostics.begin(), diagnostics.end(),
                         [&](const Diagnostic& d) { return d.rule == rule.info.id; });
    };
    for (const auto& bad : rule.info.examples_bad) {
      if (!fires(bad)) failures.push_back(fmt::format("{}: bad example stays silent: {}", rule.info.id, bad));
    }
    for (const auto& good : rule.info.examples_good) {
      if (fires(good)) failures.push_back(fmt::format("{}: good example fires: {}", rule.info.id, good));
    }
  }
  return failures;
}

}  // namespace policylint
