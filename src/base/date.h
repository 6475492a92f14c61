// Calendar dates as plain values: parsed from the formats election files use, printed as ISO.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace downballot::base {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;

  // "2018-06-26".
  [[nodiscard]] std::string ToIso() const;
  // True for a year with a presidential general election (2016, 2020, ...).
  [[nodiscard]] bool is_presidential_year() const { return year % 4 == 0; }
};

// Parses "20180626" (file names), "2018-06-26" (ISO), "6/26/18" or "6/26/2018" (US, as in
// FiveThirtyEight files; two-digit years are 20xx). InvalidArgument names the text on failure.
[[nodiscard]] absl::StatusOr<Date> ParseDate(std::string_view text);

}  // namespace downballot::base
