// The level of government an office belongs to, from Congress down to party committee seats.
#pragma once

#include <optional>
#include <string_view>

namespace downballot::model {

enum class OfficeLevel { kFederal, kState, kCounty, kMunicipal, kJudicial, kParty };

// "federal", "state", "county", "municipal", "judicial", "party".
[[nodiscard]] std::string_view ToString(OfficeLevel level);
// Inverse of ToString (case-insensitive); nullopt for any other text.
[[nodiscard]] std::optional<OfficeLevel> ParseOfficeLevel(std::string_view text);

}  // namespace downballot::model
