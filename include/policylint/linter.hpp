#pragma once
// Linting a document with a set of packs under a configuration.
#include <string>
#include <vector>

#include "policylint/check.hpp"
#include "policylint/config.hpp"
#include "policylint/diagnostic.hpp"
#include "policylint/document.hpp"
#include "policylint/pack.hpp"

namespace policylint {

struct RuleSelection {
  std::vector<std::string> select;  // empty: every rule
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;

  bool enabled(std::string_view rule_id) const;
  // Whether any rule of `pack` can be enabled.
  bool may_enable(std::string_view pack) const;
};

// Runs every enabled rule of `packs` on `doc`; diagnostics come back sorted by position.
std::vector<Diagnostic> lint(const Document& doc, const std::vector<const Pack*>& packs,
                             const RuleSelection& selection, const LintContext& ctx);

// Diagnostics that come from reading the file rather than from a rule (input/invalid-encoding).
std::vector<Diagnostic> input_diagnostics(const Document& doc);

}  // namespace policylint
