#include "policylint/quantity.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "policylint/text.hpp"

namespace policylint {

namespace {

constexpr std::string_view kCountClassifiers[] = {"个", "家", "所", "处", "座", "项", "户", "张", "名",
                                                  "条", "间", "台", "套", "支", "批", "栋", "种", "人"};

bool is_count_classifier(std::string_view unit) {
  for (const auto c : kCountClassifiers)
    if (unit == c) return true;
  return false;
}

int count_decimals(std::string_view digits) {
  const auto dot = digits.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(digits.size() - dot - 1);
}

Comparator comparator_of(std::string_view prefix, std::string_view suffix) {
  if (prefix == "不低于" || prefix == "不少于" || prefix == "至少" || prefix == "≥" || prefix == ">=" ||
      prefix == "超过" || suffix == "以上")
    return Comparator::AtLeast;
  if (prefix == "不超过" || prefix == "不高于" || prefix == "≤" || prefix == "<=" || suffix == "以下")
    return Comparator::AtMost;
  return Comparator::Equal;
}

bool continues_number_or_range(std::string_view text, std::size_t begin) {
  if (begin == 0) return false;
  const char32_t before = utf8::prev(text, begin);
  return before == U'—' || before == U'-' || before == U'～' || before == U'~' || before == U'至' || before == U'.' ||
         (before >= U'0' && before <= U'9');
}

}  // namespace

void split_unit(std::string_view unit, double& magnitude, std::string& base) {
  magnitude = 1;
  static constexpr std::pair<std::string_view, double> prefixes[] = {
      {"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}, {"百", 1e2}};
  for (const auto& [prefix, factor] : prefixes) {
    // 千米, 千瓦, 百分点 are units of their own, not a magnitude.
    if (unit.starts_with(prefix) && unit.size() > prefix.size() && !unit.starts_with("千米") &&
        !unit.starts_with("千瓦") && !unit.starts_with("百分")) {
      magnitude = factor;
      unit.remove_prefix(prefix.size());
      break;
    }
  }
  base = std::string(unit);
}

std::vector<FoundQuantity> find_quantities(std::string_view text) {
  static const RE2 re(
      "(约|近|超过|不低于|不少于|不超过|不高于|至少|≥|≤|>=|<=)?([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]{1,8})?|[0-9]{1,15}(?:\\.[0-9]{1,8})?)"
      "(%|‰|(?:万亿|亿|万|千|百)?(?:平方米|平方公里|立方米|公里|千米|公顷|人次|元|个|张|人|户|所|家|米|亩|吨|辆|座|条"
      "|间|处|名|件|项|次|台|套|床|册|场|支|种|批|栋))(以上|以下|左右|余|多)?");
  std::vector<FoundQuantity> out;
  re2::StringPiece input(text);
  re2::StringPiece prefix, digits, unit, suffix;
  while (RE2::FindAndConsume(&input, re, &prefix, &digits, &unit, &suffix)) {
    FoundQuantity f;
    f.number_begin = static_cast<std::size_t>(digits.data() - text.data());
    f.begin = prefix.empty() ? f.number_begin : static_cast<std::size_t>(prefix.data() - text.data());
    f.end = static_cast<std::size_t>(input.data() - text.data());
    if (continues_number_or_range(text, f.number_begin)) continue;
    f.unit = unit.as_string();
    Quantity& q = f.quantity;
    split_unit(f.unit, q.magnitude, q.unit);
    std::string d(digits.data(), digits.size());
    d.erase(std::remove(d.begin(), d.end(), ','), d.end());  // 12,500: comma grouping (GB/T 15835 5.1.1)
    q.decimals = count_decimals(d);
    q.value = std::stod(d) * q.magnitude;
    const std::string_view p(prefix.data(), prefix.size()), s(suffix.data(), suffix.size());
    q.comparator = comparator_of(p, s);
    q.approximate = p == "约" || p == "近" || s == "左右" || s == "余" || s == "多";
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<Quantity> parse_table_value(std::string_view folded) {
  static const RE2 value("(≥|>=|≤|<=|>|<)?([0-9]{1,15}(?:\\.[0-9]{1,8})?)");
  re2::StringPiece comparator, digits;
  if (!RE2::FullMatch(folded, value, &comparator, &digits)) return std::nullopt;
  Quantity q;
  q.decimals = count_decimals(std::string_view(digits.data(), digits.size()));
  q.value = std::stod(digits.as_string());
  const std::string_view c(comparator.data(), comparator.size());
  if (c == "≥" || c == ">=" || c == ">") q.comparator = Comparator::AtLeast;
  if (c == "≤" || c == "<=" || c == "<") q.comparator = Comparator::AtMost;
  return q;
}

bool units_compatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  // 名 and 人 both count people: "全科医生4名" against "(人)".
  if ((a == "名" && b == "人") || (a == "人" && b == "名")) return true;
  return (a == "个" && is_count_classifier(b)) || (b == "个" && is_count_classifier(a));
}

bool same_value(const Quantity& a, const Quantity& b) {
  // Round the more precise value to the step of the less precise one: "1.2万" agrees with 11987.
  const double step_a = a.magnitude * std::pow(10.0, -a.decimals);
  const double step_b = b.magnitude * std::pow(10.0, -b.decimals);
  const double step = std::max(step_a, step_b);
  return std::fabs(std::round(a.value / step) - std::round(b.value / step)) < 0.5 &&
         std::fabs(a.value - b.value) < step * 0.5 + 1e-9 * std::max(1.0, std::fabs(a.value));
}

std::string format_number(double value, int decimals) {
  return fmt::format("{:.{}f}", value, std::max(decimals, 0));
}

std::string unit_in_parentheses(std::string_view inner) {
  static const RE2 unit(
      "(%|‰|(?:万亿|亿|万|千|百)?(?:平方米|平方公里|立方米|公里|千米|千瓦时|千瓦|公顷|人次|元|个|张|人|户|所|家|米|亩|吨"
      "|辆|座|条|间|处|名|件|项|次|台|套|床|岁|年|天|册|场|支|种|批|栋|床位)(?:/\\p{Han}{1,4})?)");
  re2::StringPiece m;
  if (!RE2::FullMatch(inner, unit, &m)) return {};
  return m.as_string();
}

}  // namespace policylint
