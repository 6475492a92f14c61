#include "base/date.h"

#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::base {
namespace {

bool IsValid(const Date& date) {
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.year < 1789 || date.year > 2200 || date.month < 1 || date.month > 12) return false;
  return date.day >= 1 && date.day <= kDaysInMonth[date.month - 1];
}

absl::StatusOr<Date> Validated(Date date, std::string_view text) {
  if (!IsValid(date)) return absl::InvalidArgumentError(fmt::format("invalid date '{}'", text));
  return date;
}

}  // namespace

std::string Date::ToIso() const { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }

absl::StatusOr<Date> ParseDate(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  const auto bad = [&] { return absl::InvalidArgumentError(fmt::format("invalid date '{}'", text)); };
  if (trimmed.size() == 8 && trimmed.find_first_not_of("0123456789") == std::string_view::npos) {
    const Date date{static_cast<int>(*ParseInt(trimmed.substr(0, 4))),
                    static_cast<int>(*ParseInt(trimmed.substr(4, 2))),
                    static_cast<int>(*ParseInt(trimmed.substr(6, 2)))};
    return Validated(date, text);
  }
  for (const char separator : {'-', '/'}) {
    const auto parts = Split(trimmed, separator);
    if (parts.size() != 3) continue;
    const auto first = ParseInt(parts[0]);
    const auto second = ParseInt(parts[1]);
    const auto third = ParseInt(parts[2]);
    if (!first || !second || !third) return bad();
    if (separator == '-') {
      return Validated(Date{static_cast<int>(*first), static_cast<int>(*second),
                            static_cast<int>(*third)},
                       text);
    }
    int year = static_cast<int>(*third);
    if (parts[2].size() == 2) year += 2000;
    return Validated(Date{year, static_cast<int>(*first), static_cast<int>(*second)}, text);
  }
  return bad();
}

}  // namespace downballot::base
