// Where the time goes: loads each shipped pack alone, builds the document model of one file,
// and runs each rule alone on it, printing milliseconds per stage and the slowest rules.
//
// usage: policylint_stages FILE [RULE-PREFIX]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>

#include "policylint/dates.hpp"
#include "policylint/linter.hpp"
#include "policylint/pack.hpp"
#include "policylint/tables.hpp"

using namespace policylint;

namespace {

template <typename F>
double milliseconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: policylint_stages FILE [RULE-PREFIX]\n");
    return 2;
  }
  const std::string prefix = argc > 2 ? argv[2] : "";
  std::vector<Pack> packs;
  for (const auto& file : shipped_pack_files()) {
    SourceErrors errors;
    std::optional<Pack> pack;
    const double ms = milliseconds([&] { pack = load_pack(file, errors); });
    fmt::print("load {:<28} {:8.2f} ms  {} rules\n", file.filename().string(), ms, pack ? pack->rules.size() : 0);
    if (pack) packs.push_back(std::move(*pack));
  }
  std::vector<const Pack*> in_force;
  for (const Pack& p : packs) in_force.push_back(&p);

  const double warm = milliseconds([] { (void)Document::from_text("", "一、总体要求\n某政发〔2024〕1号\n"); });
  fmt::print("first document (static patterns) {:8.2f} ms\n", warm);

  const std::string bytes = read(argv[1]);
  const double mb = static_cast<double>(bytes.size()) / 1e6;
  Decoded decoded;
  const double decode_ms = milliseconds([&] { decoded = decode(bytes); });
  std::optional<Document> doc;
  const double model_ms = milliseconds([&] { doc.emplace(argv[1], decoded); });
  fmt::print("{:.2f} MB: decode {:.1f} ms, model {:.1f} ms\n", mb, decode_ms, model_ms);
  fmt::print("  of the model: dates {:.1f} ms, unit lists {:.1f} ms, tables {:.1f} ms\n",
             milliseconds([&] { (void)extract_dates(*doc, doc->structure()); }),
             milliseconds([&] { (void)parse_unit_lists(*doc); }),
             milliseconds([&] { (void)parse_tables(*doc, doc->structure()); }));

  LintContext ctx;
  ctx.document_date = doc->structure().document_date;
  ctx.names = build_name_index(in_force);
  RuleSelection none;
  none.select = {"-"};
  const double setup_ms = milliseconds([&] { (void)lint(*doc, in_force, none, ctx); });
  fmt::print("lint with no rule selected (per-document set-up): {:.1f} ms\n", setup_ms);
  std::vector<std::pair<double, std::string>> rules;
  double all_ms = 0;
  std::size_t found = 0;
  for (const Pack& pack : packs) {
    for (const Rule& rule : pack.rules) {
      if (!rule.info.id.starts_with(prefix)) continue;
      RuleSelection one;
      one.select = {rule.info.id};
      std::size_t n = 0;
      const double ms = milliseconds([&] { n = lint(*doc, in_force, one, ctx).size(); });
      rules.emplace_back(ms - setup_ms, fmt::format("{} ({} findings)", rule.info.id, n));
    }
  }
  RuleSelection selected;
  if (!prefix.empty()) selected.select = {prefix};
  all_ms = milliseconds([&] { found = lint(*doc, in_force, selected, ctx).size(); });
  std::sort(rules.rbegin(), rules.rend());
  fmt::print("lint, all selected rules together: {:.1f} ms, {} findings ({:.1f} MB/s with decode and model)\n",
             all_ms, found, mb / ((decode_ms + model_ms + all_ms) / 1000));
  fmt::print("each rule alone, less the set-up (includes its pack's trigger pass):\n");
  for (std::size_t i = 0; i < rules.size() && i < 25; ++i) fmt::print("  {:8.2f} ms  {}\n", rules[i].first, rules[i].second);
}
