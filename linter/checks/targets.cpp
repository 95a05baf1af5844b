#include "checks/targets.hpp"

#include <map>

#include "policylint/targets.hpp"

namespace policylint {

namespace {

using CheckFunction = void (*)(const Document&, const LintContext&, Reporter&);

const std::map<std::string, CheckFunction, std::less<>>& check_functions() {
  static const std::map<std::string, CheckFunction, std::less<>> functions = {
      {"table-mismatch", check_table_mismatch},
      {"difference", check_difference},
      {"table-total", check_table_total},
      {"parts-exceed-total", check_parts_exceed_total},
      {"parts-total-mismatch", check_parts_total_mismatch},
      {"percentage-points", check_percentage_points},
      {"respectively-count", check_respectively_count},
  };
  return functions;
}

class TargetsCheck final : public Check {
 public:
  explicit TargetsCheck(CheckFunction function) : function_(function) {}
  void run(const Document& doc, const LintContext& ctx, Reporter& out) const override {
    if (ctx.document_targets) return function_(doc, ctx, out);
    LintContext with_links = ctx;  // run outside lint(): link this document here
    with_links.document_targets = std::make_shared<const DocumentTargets>(doc);
    function_(doc, with_links, out);
  }

 private:
  CheckFunction function_;
};

}  // namespace

std::shared_ptr<const Check> make_targets_check(RuleParams& params) {
  const auto* function = params.lookup("check", check_functions());
  if (!function) return nullptr;
  return std::make_shared<TargetsCheck>(*function);
}

}  // namespace policylint
