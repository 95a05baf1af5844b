#pragma once
// Helpers shared by the test files: the shipped packs, loaded once, and linting a string.
#include <string>
#include <vector>

#include "policylint/linter.hpp"
#include "policylint/pack.hpp"

namespace policylint::testing {

const std::vector<Pack>& shipped_packs();
std::vector<const Pack*> shipped_pack_pointers();
// Lints `text` with the shipped packs, only the rules `select` names (all when empty).
std::vector<Diagnostic> lint_text(const std::string& text, std::vector<std::string> select = {},
                                  LintContext ctx = {});
std::vector<std::string> rule_ids(const std::vector<Diagnostic>& diagnostics);
std::string read_file(const std::string& path);
// Runs the built policylint binary through the shell; returns its exit code and fills stdout.
int run_cli(const std::string& args, std::string& out, const std::string& stdin_text = {});

}  // namespace policylint::testing
