#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace policylint {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const CivilDate&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const CivilDate&);
int weekday(const CivilDate&);  // 0 = Sunday … 6 = Saturday
// Accepts YYYY-MM-DD.
std::optional<CivilDate> parse_iso_date(std::string_view);
std::string to_iso(const CivilDate&);

}  // namespace policylint
