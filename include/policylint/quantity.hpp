#pragma once
// Numbers with units as drafts write them: "≥55", "4.5个", "1.2万张", "300亿元", "60%以上".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policylint {

enum class Comparator { Equal, AtLeast, AtMost };

struct Quantity {
  double value = 0;       // in the base unit: "1.2万张" is 12000 张
  int decimals = 0;       // as written, in the written magnitude: "1.2万" has 1
  double magnitude = 1;   // 万 = 1e4, 亿 = 1e8
  std::string unit;       // the base unit without magnitude: "张", "元", "%", "" when none
  Comparator comparator = Comparator::Equal;
  bool approximate = false;  // 约, 左右, 近, 余
};

// A quantity in running text: "不低于55%", "1.2万张", "20%以上", "约300亿元左右".
struct FoundQuantity {
  std::size_t begin = 0;  // byte offsets into the searched text, comparator and suffix included
  std::size_t end = 0;
  std::size_t number_begin = 0;
  std::string unit;       // as written: "万张"
  Quantity quantity;
};
// Every quantity with a unit in `folded`, left to right. Years, ages and the second end of a range
// ("1—2个") are not quantities.
std::vector<FoundQuantity> find_quantities(std::string_view folded);
// A table value: an optional comparator (≥ ≤ > <) and a number, e.g. "≥90"; nullopt otherwise.
std::optional<Quantity> parse_table_value(std::string_view folded);
// Splits "万张" into magnitude 1e4 and base unit "张"; "%" stays "%".
void split_unit(std::string_view unit, double& magnitude, std::string& base);

// Whether two base units measure the same thing: equal units, or 个 against another counting
// classifier (8家 against "(个)"). % only ever matches %.
bool units_compatible(std::string_view a, std::string_view b);
// Equal to the precision the less precise of the two was written with.
bool same_value(const Quantity& a, const Quantity& b);
// As written in a message: 12000 → "12000", 4.5 → "4.5".
std::string format_number(double value, int decimals);

// The unit in an indicator name's trailing parentheses: "养老床位数(张)" → "张",
// "覆盖率(%)" → "%", "(个/省)" → "个/省"; empty when the parentheses hold no unit.
std::string unit_in_parentheses(std::string_view folded_inner);

}  // namespace policylint
