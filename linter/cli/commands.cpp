#include <fmt/format.h>

#include "cli/cli.hpp"

namespace policylint::cli {

namespace {

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

int run_rules(Workspace& workspace) {
  for (const Pack* pack : workspace.base_packs()) {
    for (const Rule& rule : pack->rules) {
      fmt::print("{:<44} {:<8} {:<3} {}\n", rule.info.id, to_string(rule.info.severity),
                 rule.info.fixable ? "[*]" : "", first_line(rule.info.description));
    }
  }
  return 0;
}

int run_explain(Workspace& workspace, const std::string& id) {
  for (const Pack* pack : workspace.base_packs()) {
    for (const Rule& rule : pack->rules) {
      if (rule.info.id != id) continue;
      const RuleInfo& r = rule.info;
      fmt::print("{}  ({}，{}{})\n\n{}\n", r.id, to_string(r.severity), r.kind, r.fixable ? "，可自动修复" : "",
                 r.description);
      if (!r.standard.empty()) fmt::print("\n依据：{}\n", r.standard);
      if (!r.examples_bad.empty()) fmt::print("\n错误示例：\n");
      for (const auto& e : r.examples_bad) fmt::print("  ✗ {}\n", e);
      if (!r.examples_good.empty()) fmt::print("\n正确示例：\n");
      for (const auto& e : r.examples_good) fmt::print("  ✓ {}\n", e);
      fmt::print("\n规则包：{}\n", r.pack_path);
      return 0;
    }
  }
  fmt::print(stderr, "policylint: error: 没有规则 '{}'；policylint rules 列出全部规则\n", id);
  return 2;
}

int run_check_pack(const std::string& path) {
  SourceErrors errors;
  const auto pack = load_pack(path, errors);
  if (!pack) {
    for (const auto& e : errors) fmt::print(stderr, "{}\n", to_string(e));
    return 2;
  }
  // Rules that read other packs' data (agency names) run their examples with the shipped packs.
  std::vector<Pack> shipped;
  for (const auto& file : shipped_pack_files()) {
    SourceErrors ignored;
    if (auto other = load_pack(file, ignored); other && other->names && other->name != pack->name)
      shipped.push_back(std::move(*other));
  }
  std::vector<const Pack*> data;
  for (const Pack& p : shipped) data.push_back(&p);
  const auto failures = verify_examples(*pack, data);
  for (const auto& f : failures) fmt::print(stderr, "{}: example failed: {}\n", path, f);
  if (!failures.empty()) return 1;
  fmt::print("{}: 规则包 '{}' 有效，{} 条规则的示例全部通过\n", path, pack->name, pack->rules.size());
  return 0;
}

}  // namespace policylint::cli
