#include "policylint/date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace policylint {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

bool is_valid(const CivilDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

int weekday(const CivilDate& d) {
  // Sakamoto's method.
  static constexpr int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = d.year - (d.month < 3 ? 1 : 0);
  return (y + y / 4 - y / 100 + y / 400 + offsets[d.month - 1] + d.day) % 7;
}

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  CivilDate d;
  const auto num = [&](std::size_t at, std::size_t len, int& value) {
    const auto r = std::from_chars(s.data() + at, s.data() + at + len, value);
    return r.ec == std::errc() && r.ptr == s.data() + at + len;
  };
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day) || !is_valid(d)) return std::nullopt;
  return d;
}

std::string to_iso(const CivilDate& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

}  // namespace policylint
