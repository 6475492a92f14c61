// The states of the United States as election files name them: postal codes, names and which
// states elect their one House member at large.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace downballot::ingest {

// Returns the postal code of one of the 50 states or DC, given its full name ("New York",
// "District of Columbia") or its code ("NY"), ignoring ASCII case and extra white space.
// Returns nullopt for anything else, territories included. Thread-safe.
[[nodiscard]] std::optional<std::string> StatePostalCode(std::string_view name_or_code);

// The full names of the 50 states and DC ("New York"), in code order.
[[nodiscard]] std::vector<std::string_view> StateNames();

// True when the state (postal code) elected its only U.S. House member at large in `year`,
// under the apportionments of 1990 to 2020: AK, DE, ND, SD, VT, WY, and MT before 2022.
[[nodiscard]] bool HasOneAtLargeSeat(std::string_view code, int year);

}  // namespace downballot::ingest
