// The level of government an office belongs to, from Congress down to party committee seats.
#pragma once

#include <optional>
#include <string_view>

namespace downballot::model {

// kMeasure is a ballot question (proposition, bond, judicial retention): no seat, no candidates.
// kOther is an office no rule of the office table matched: kept, listed by `check`, never
// guessed into a level.
enum class OfficeLevel {
  kFederal,
  kState,
  kCounty,
  kMunicipal,
  kJudicial,
  kParty,
  kMeasure,
  kOther,
};

// "federal", "state", "county", "municipal", "judicial", "party", "measure", "other".
[[nodiscard]] std::string_view ToString(OfficeLevel level);
// Every level's name, for help texts and error messages.
inline constexpr std::string_view kOfficeLevelNames =
    "federal, state, county, municipal, judicial, party, measure or other";
// Inverse of ToString (case-insensitive); nullopt for any other text.
[[nodiscard]] std::optional<OfficeLevel> ParseOfficeLevel(std::string_view text);

}  // namespace downballot::model
