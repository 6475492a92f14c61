// Money as an integer count of cents: never a double (STYLE.md §8).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace downballot::base {

using Cents = int64_t;

// Parses an FEC amount: "500", "-8530", "1880.5", "12.34", "-0.01". At most two decimals;
// nullopt for anything else ("12.3.4", "1,000", "", "12.345", overflow).
[[nodiscard]] std::optional<Cents> ParseCents(std::string_view text);

// "1234.50", "-0.05": dollars with two decimals, as the `committees` output prints them.
[[nodiscard]] std::string FormatDollars(Cents cents);

}  // namespace downballot::base
