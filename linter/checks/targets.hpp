#pragma once
// The `targets` kind: the body agrees with the annex tables, and totals agree with their parts.
// `check = "…"` selects one of the functions below.
#include <memory>

#include "policylint/check.hpp"
#include "rule_params.hpp"

namespace policylint {

std::shared_ptr<const Check> make_targets_check(RuleParams& params);

// Against the tables (target_tables.cpp).
void check_table_mismatch(const Document& doc, const LintContext&, Reporter& out);
void check_difference(const Document& doc, const LintContext&, Reporter& out);
void check_table_total(const Document& doc, const LintContext&, Reporter& out);
// Arithmetic within the text (target_arithmetic.cpp).
void check_parts_exceed_total(const Document& doc, const LintContext&, Reporter& out);
void check_parts_total_mismatch(const Document& doc, const LintContext&, Reporter& out);
void check_percentage_points(const Document& doc, const LintContext&, Reporter& out);
void check_respectively_count(const Document& doc, const LintContext&, Reporter& out);

}  // namespace policylint
