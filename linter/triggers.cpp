#include "triggers.hpp"

#include "checks/matching.hpp"

namespace policylint {

namespace {

RE2::Options set_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(256 << 20);
  return options;
}

}  // namespace

std::shared_ptr<const LineTriggers> LineTriggers::build(const std::vector<Rule>& rules) {
  auto triggers = std::make_shared<LineTriggers>();
  bool any = false;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const auto trigger = rules[r].check->trigger();
    if (!trigger) continue;
    View& view = trigger->folded ? triggers->folded_ : triggers->original_;
    if (!view.set) view.set = std::make_unique<RE2::Set>(set_options(), RE2::UNANCHORED);
    if (view.set->Add(trigger->pattern, nullptr) < 0) return nullptr;
    view.rules.push_back(r);
    any = true;
  }
  for (View* view : {&triggers->folded_, &triggers->original_}) {
    if (view->set && !view->set->Compile()) return nullptr;
  }
  return any ? triggers : nullptr;
}

std::vector<std::optional<std::vector<std::size_t>>> LineTriggers::lines_per_rule(const Document& doc,
                                                                                    std::size_t rule_count) const {
  std::vector<std::optional<std::vector<std::size_t>>> out(rule_count);
  for (const View* view : {&folded_, &original_}) {
    for (const std::size_t r : view->rules) out[r].emplace();
  }
  std::vector<int> hits;
  for (const View* view : {&folded_, &original_}) {
    if (!view->set) continue;
    const bool folded = view == &folded_;
    for (std::size_t i = 0; i < doc.lines().size(); ++i) {
      std::size_t base = 0;
      const std::string_view line = line_in_view(doc, i, folded, base);
      hits.clear();
      if (!view->set->Match(re2::StringPiece(line.data(), line.size()), &hits)) continue;
      for (const int h : hits) out[view->rules[static_cast<std::size_t>(h)]]->push_back(i);
    }
  }
  return out;
}

}  // namespace policylint
