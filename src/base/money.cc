#include "base/money.h"

#include <limits>

#include "fmt/format.h"

namespace downballot::base {

std::optional<Cents> ParseCents(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool is_negative = false;
  if (text.front() == '-' || text.front() == '+') {
    is_negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if ((whole.empty() && fraction.empty()) || fraction.size() > 2) return std::nullopt;
  if (dot != std::string_view::npos && fraction.empty() && whole.empty()) return std::nullopt;
  constexpr Cents kMaxWhole = std::numeric_limits<Cents>::max() / 100 - 1;
  Cents dollars = 0;
  for (const char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    if (dollars > kMaxWhole / 10) return std::nullopt;
    dollars = dollars * 10 + (c - '0');
  }
  Cents cents = 0;
  for (size_t idx = 0; idx < 2; ++idx) {
    const char c = idx < fraction.size() ? fraction[idx] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  const Cents total = dollars * 100 + cents;
  return is_negative ? -total : total;
}

std::string FormatDollars(Cents cents) {
  const bool is_negative = cents < 0;
  // Unsigned magnitude so the most negative value does not overflow.
  const uint64_t magnitude =
      is_negative ? static_cast<uint64_t>(-(cents + 1)) + 1 : static_cast<uint64_t>(cents);
  return fmt::format("{}{}.{:02d}", is_negative ? "-" : "", magnitude / 100, magnitude % 100);
}

}  // namespace downballot::base
