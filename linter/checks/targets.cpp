#include "checks/targets.hpp"

#include <map>

namespace policylint {

namespace {

using CheckFunction = void (*)(const Document&, Reporter&);

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
  void run(const Document& doc, const LintContext&, Reporter& out) const override { function_(doc, out); }

 private:
  CheckFunction function_;
};

}  // namespace

std::shared_ptr<const Check> make_targets_check(RuleParams& params) {
  const auto check = params.string("check", true);
  if (!check) return nullptr;
  const auto it = check_functions().find(*check);
  if (it == check_functions().end()) {
    std::vector<std::string> names;
    for (const auto& [name, function] : check_functions()) names.push_back(name);
    params.error(params.node("check"), "unknown targets check '" + *check + "'" + did_you_mean(*check, names));
    return nullptr;
  }
  return std::make_shared<TargetsCheck>(it->second);
}

}  // namespace policylint
